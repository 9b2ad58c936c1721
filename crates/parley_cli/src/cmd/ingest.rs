//! `parley ingest PATH...`: pages, folders, WARC and JSONL into the store, on all cores.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use parley_core::Date;
use parley_ingest::{collect_inputs, ingest, Config, Summary};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley ingest pages/ crawl.warc.gz --db news.db\n  parley ingest records.jsonl\n  PARLEY_DB=news.db parley ingest CC-NEWS-*.warc.gz\n\n\
Inputs: HTML or text pages (optionally .gz), folders (recursive), WARC / WARC.gz (HTTP response\n\
records), JSONL ({\"url\", \"html\" or \"text\", \"date\"} per line). An article already in the\n\
store (same input, canonical URL or text) is not stored again, so re-running after an\n\
interruption finishes the rest. Bad inputs are skipped and counted; the first 10 are logged (PARLEY_LOG=1 logs all).\n\
Exit status: 0 when something was ingested (or was already stored), 1 when nothing could be."
)]
pub struct Args {
    /// Files or folders
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
    /// Analysis threads (default: all cores)
    #[arg(long)]
    threads: Option<usize>,
    /// Articles per transaction
    #[arg(long, default_value_t = 64)]
    batch: usize,
    /// Article date for pages that do not give one (YYYY-MM-DD)
    #[arg(long, value_parser = |s: &str| Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)")))]
    date: Option<Date>,
    /// Largest page or record, in bytes
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: u64,
    /// User actor dictionary files
    #[arg(long = "actors")]
    actors: Vec<PathBuf>,
    /// User verb-pattern files
    #[arg(long = "verbs")]
    verbs: Vec<PathBuf>,
    /// Keep every event the lexicon codes, also those the plausibility filter drops (no
    /// political actor, a page about none, a misread verb); for corpora known to be political
    #[arg(long)]
    all_events: bool,
    /// No progress output
    #[arg(long, short)]
    quiet: bool,
    /// Sentences the dependency parser runs on: `needed` skips those no later stage reads the
    /// parse of (same events and entities; see docs/eval/ingest.md), `all` parses every
    /// sentence as `parley analyze` does
    #[arg(long, value_enum, default_value_t = ParseArg::Needed)]
    parse: ParseArg,
    /// Store extracted articles without running the analysis stages (measures the ingest
    /// machinery itself)
    #[arg(long, hide = true)]
    extract_only: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ParseArg {
    All,
    Needed,
}

impl From<ParseArg> for parley_pipeline::Parse {
    fn from(p: ParseArg) -> Self {
        match p {
            ParseArg::All => parley_pipeline::Parse::All,
            ParseArg::Needed => parley_pipeline::Parse::Needed,
        }
    }
}

fn line(s: &Summary) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-9);
    format!(
        "{} pages, {:.0} pages/s, {} stored, {} duplicates, {} events, {} skipped",
        s.pages,
        s.pages as f64 / secs,
        s.stored,
        s.duplicates,
        s.events,
        s.skipped()
    )
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let db = super::query::db_path(&a.db);
    let pipeline = parley_pipeline::Pipeline::new(parley_pipeline::Config {
        actor_files: a.actors,
        verb_files: a.verbs,
        all_events: a.all_events,
    })?
    .with_parse(a.parse.into());
    let mut cfg = Config {
        batch: a.batch.max(1),
        max_bytes: a.max_bytes,
        date: a.date,
        analyze: !a.extract_only,
        ..Config::default()
    };
    if let Some(t) = a.threads {
        cfg.threads = t.max(1);
    }
    let inputs = collect_inputs(&a.paths);
    let tty = std::io::stderr().is_terminal() && !a.quiet;
    let bar = tty.then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b.enable_steady_tick(Duration::from_millis(200));
        b
    });
    let mut last_line = Instant::now();
    let quiet = a.quiet;
    let mut progress = |s: &Summary| {
        if let Some(b) = &bar {
            b.set_message(line(s));
        } else if !quiet && last_line.elapsed() >= Duration::from_secs(10) {
            last_line = Instant::now();
            eprintln!("parley: {}", line(s));
        }
    };
    let summary = ingest(&inputs, &db, &pipeline, &cfg, &mut progress)
        .with_context(|| format!("ingest into {}", db.display()))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let secs = summary.elapsed.as_secs_f64().max(1e-9);
    println!(
        "ingested {} articles ({} event mentions, {} near-duplicates) from {} pages in {:.1} s ({:.0} pages/s) into {}",
        summary.stored,
        summary.events,
        summary.near_duplicates,
        summary.pages,
        secs,
        summary.pages as f64 / secs,
        db.display()
    );
    println!("already stored: {}", summary.duplicates);
    println!(
        "database writer busy: {:.1} s",
        summary.db_time.as_secs_f64()
    );
    println!("skipped: {}", summary.skipped());
    for (why, n) in &summary.skips {
        println!("  {n:>8}  {why}");
    }
    if summary.ignored_records > 0 {
        println!(
            "non-response WARC records ignored: {}",
            summary.ignored_records
        );
    }
    Ok(if summary.stored + summary.duplicates == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
