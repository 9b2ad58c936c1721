//! `parley bench extract`: pages held in memory → Article (parse + main text + metadata) on one
//! core; pages/s.

use std::process::ExitCode;

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  parley bench extract --pages ../shared/eval/extraction/scrapinghub/html\n\n\
Every page of the folder (`.html`, `.htm`, `.txt`, or the same gzip-compressed) is read and\n\
decompressed into memory first; the timed loop then runs parley_extract::extract on each page,\n\
one core, whole passes until --seconds have elapsed. Decompression is not timed."
)]
pub struct Args {
    /// Folder of pages
    #[arg(long)]
    pages: String,
    /// Minimum seconds to run (whole passes over the pages)
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
    /// Treat the pages as flattened text pages
    #[arg(long)]
    text: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pages = super::load_pages(std::path::Path::new(&args.pages))?;
    anyhow::ensure!(!pages.is_empty(), "no pages in {}", args.pages);
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let opts = parley_extract::Options {
        url: None,
        kind: args.text.then_some(parley_extract::PageKind::Text),
    };
    // warm-up (data tables are built on first use)
    for (_, b) in pages.iter().take(5) {
        let _ = parley_extract::extract(b, &opts);
    }
    let t0 = std::time::Instant::now();
    let (mut n, mut chars, mut failed, mut passes) = (0usize, 0usize, 0usize, 0usize);
    while passes == 0 || t0.elapsed().as_secs_f64() < args.seconds {
        for (_, b) in &pages {
            match parley_extract::extract(b, &opts) {
                Ok(ex) => chars += ex.article.text.len(),
                Err(_) => failed += 1,
            }
            n += 1;
        }
        passes += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    println!("pages\t{}\nbytes\t{bytes}\npasses\t{passes}\nextractions\t{n}\nfailed\t{failed}\ntext_bytes\t{chars}\nseconds\t{secs:.3}", pages.len());
    println!("MB/s\t{:.1}", (bytes * passes) as f64 / secs / 1e6);
    println!("pages/s\t{:.0}", n as f64 / secs);
    Ok(ExitCode::SUCCESS)
}
