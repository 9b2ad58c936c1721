//! `parley bench STAGE`: one-core benchmarks. Each stage's benchmark lives in its own file.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

mod events;
mod extract;
mod ingest;
mod quotes;
mod text;

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley bench extract --pages ../shared/eval/extraction/scrapinghub/html"
)]
pub struct Args {
    #[command(subcommand)]
    stage: Stage,
}

#[derive(clap::Subcommand)]
enum Stage {
    /// Extraction: pages held in memory → Article
    Extract(extract::Args),
    /// Linguistic core: raw text → tokens, tags, lemmas, dependencies
    Text(text::Args),
    /// Actor resolution and event coding on parsed sentences
    Events(events::Args),
    /// Quotes, entities and dates on parsed sentences
    Quotes(quotes::Args),
    /// End-to-end ingest into a store
    Ingest(ingest::Args),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.stage {
        Stage::Extract(a) => extract::run(a),
        Stage::Text(a) => text::run(a),
        Stage::Events(a) => events::run(a),
        Stage::Quotes(a) => quotes::run(a),
        Stage::Ingest(a) => ingest::run(a),
    }
}

/// Reads every page of a folder (`.html`, `.htm`, `.txt`, or the same gzip-compressed) into
/// memory, decompressed, sorted by path: the input of the page benchmarks, loaded before timing.
fn load_pages(dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            [".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz"]
                .iter()
                .any(|s| n.ends_with(s))
        })
        .collect();
    paths.sort();
    let mut pages = Vec::with_capacity(paths.len());
    for p in paths {
        let raw = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut v = Vec::new();
            flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut v)
                .with_context(|| format!("cannot decompress {}", p.display()))?;
            v
        } else {
            raw
        };
        pages.push((p.display().to_string(), bytes));
    }
    Ok(pages)
}
