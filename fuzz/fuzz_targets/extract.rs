//! Fuzz target: any bytes through the extractor, as detected, as HTML and as a text page.
//! Must never panic; time and memory are bounded by the extractor's caps.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parley_extract::{extract, Options, PageKind};

fuzz_target!(|data: &[u8]| {
    let _ = extract(data, &Options::default());
    let _ = extract(
        data,
        &Options {
            url: Some("https://example.org/2020/01/02/x".into()),
            kind: Some(PageKind::Html),
        },
    );
    let _ = extract(
        data,
        &Options {
            url: None,
            kind: Some(PageKind::Text),
        },
    );
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parley_extract::split_tags(s, &["Known Name"]);
    }
});
