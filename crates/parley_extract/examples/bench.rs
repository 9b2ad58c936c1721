//! Development helper: `cargo run --release -p parley_extract --example bench -- DIR [SECONDS]`
//! (the committed benchmark is `parley bench extract`).

use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| ".".into());
    let secs: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&dir).expect("folder").flatten() {
        let raw = std::fs::read(e.path()).unwrap_or_default();
        let mut v = Vec::new();
        if flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut v)
            .is_err()
        {
            v = raw;
        }
        pages.push(v);
    }
    let opts = parley_extract::Options::default();
    let t0 = std::time::Instant::now();
    let mut n = 0usize;
    while n == 0 || t0.elapsed().as_secs_f64() < secs {
        for p in &pages {
            let _ = parley_extract::extract(p, &opts);
            n += 1;
        }
    }
    println!("pages/s\t{:.0}", n as f64 / t0.elapsed().as_secs_f64());
}
