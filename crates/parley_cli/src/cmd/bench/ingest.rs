//! `parley bench ingest`: pages held in memory → analysed → stored (SQLite file in a temporary
//! folder), one core; articles/s.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  parley bench ingest --pages ../shared/eval/extraction/scrapinghub/html\n\n\
Every page of the folders (`.html`, `.htm`, `.txt`, or the same gzip-compressed) is read and\n\
decompressed into memory first; the timed loop then extracts, analyses and stores each page\n\
(batched transactions) on one core into a fresh store. The all-cores figure is the one of\n\
`parley ingest` itself (see scripts/eval_ingest.sh)."
)]
pub struct Args {
    /// Folders of pages (repeatable)
    #[arg(long, required = true)]
    pages: Vec<PathBuf>,
    /// Sentences the dependency parser runs on (as `parley ingest --parse`)
    #[arg(long, value_enum, default_value_t = crate::cmd::ingest::ParseArg::Needed)]
    parse: crate::cmd::ingest::ParseArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut pages = Vec::new();
    for dir in &args.pages {
        pages.extend(super::load_pages(dir)?);
    }
    anyhow::ensure!(!pages.is_empty(), "no pages in the given folders");
    let pipeline = parley_pipeline::Pipeline::new(parley_pipeline::Config::default())?
        .with_parse(args.parse.into());
    let dir = std::env::temp_dir().join(format!("parley-bench-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let result = (|| -> anyhow::Result<(parley_ingest::SequentialRun, f64)> {
        let mut store = parley_store::Store::open(dir.join("bench.db"))?;
        let t0 = std::time::Instant::now();
        let run = parley_ingest::ingest_sequential(&pages, &mut store, &pipeline)?;
        Ok((run, t0.elapsed().as_secs_f64()))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    let (run, secs) = result?;
    let stored = run.stored;
    let mb: f64 = pages.iter().map(|p| p.1.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "ingest: {} pages ({:.1} MB), {} articles stored in {:.2} s: {:.1} pages/s, {:.1} articles/s (one core)",
        pages.len(),
        mb,
        stored,
        secs,
        pages.len() as f64 / secs,
        stored as f64 / secs
    );
    println!(
        "ingest: of which analysis (extract + stages + fingerprint) {:.2} s, store {:.2} s ({:.0} articles/s for the store alone)",
        run.analysis.as_secs_f64(),
        run.store.as_secs_f64(),
        stored as f64 / run.store.as_secs_f64().max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
