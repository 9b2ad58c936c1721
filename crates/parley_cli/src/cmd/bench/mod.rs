//! `parley bench STAGE`: one-core benchmarks. Each stage's benchmark lives in its own file.

use std::process::ExitCode;

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
