//! Development helper: `cargo run --release -p parley_extract --example extract_jsonl -- FILES...`
//! prints one JSON article per line with its `path` (like `parley extract --format jsonl`),
//! reading `.gz` files transparently. `--text` treats the inputs as flattened text pages.

use std::io::{Read, Write};

fn main() {
    let mut kind = None;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--roots" {
            kind = Some(parley_extract::PageKind::Html);
            files.push(a);
        } else if a == "--text" {
            kind = Some(parley_extract::PageKind::Text);
        } else {
            files.push(a);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let roots = files.first().is_some_and(|f| f == "--roots");
    for path in files.into_iter().filter(|f| f != "--roots") {
        let raw = std::fs::read(&path).unwrap_or_default();
        let bytes = if path.ends_with(".gz") {
            let mut v = Vec::new();
            let _ = flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut v);
            v
        } else {
            raw
        };
        if roots {
            for r in parley_extract::debug_roots(&bytes) {
                let _ = writeln!(out, "{path}: {r}");
            }
            continue;
        }
        let opts = parley_extract::Options { url: None, kind };
        let line = match parley_extract::extract(&bytes, &opts) {
            Ok(ex) => {
                let mut v = serde_json::to_value(&ex.article).unwrap_or_default();
                v["path"] = serde_json::Value::String(path.clone());
                v
            }
            Err(e) => serde_json::json!({"path": path, "error": e.to_string()}),
        };
        let _ = writeln!(out, "{line}");
    }
}
