//! `parley export`: stored event records as GDELT 2.0 TSV, CSV, JSONL or Parquet.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use parley_core::Date;
use parley_store::export::{export, Format};
use parley_store::EventFilter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 events export: 61 tab-separated columns, no header
    Gdelt,
    Csv,
    Jsonl,
    Parquet,
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley export --format gdelt --out events.tsv\n  parley export --format parquet --out events.parquet --since 2020-01-01\n\n\
Without --out the export goes to standard output (Parquet needs --out or a redirect). The file\n\
is written to a temporary name and renamed when complete."
)]
pub struct Args {
    #[arg(long, value_enum, default_value = "gdelt")]
    format: ExportFormat,
    /// Output file (default: standard output)
    #[arg(long)]
    out: Option<PathBuf>,
    /// Source actor CAMEO code (prefix)
    #[arg(long)]
    actor: Option<String>,
    /// Target actor CAMEO code (prefix)
    #[arg(long)]
    target: Option<String>,
    /// CAMEO root code (01–20)
    #[arg(long)]
    root: Option<String>,
    /// Earliest event day (YYYY-MM-DD)
    #[arg(long, value_parser = |s: &str| Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)")))]
    since: Option<Date>,
    /// Latest event day (YYYY-MM-DD)
    #[arg(long, value_parser = |s: &str| Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)")))]
    until: Option<Date>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let store = super::query::open_existing(&a.db)?;
    let filter = EventFilter {
        actor: a.actor,
        target: a.target,
        root: a.root,
        since: a.since,
        until: a.until,
        q: None,
        limit: None,
    };
    let format = match a.format {
        ExportFormat::Gdelt => Format::Gdelt,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Parquet => Format::Parquet,
    };
    let n = match &a.out {
        None => {
            if format == Format::Parquet && std::io::stdout().is_terminal() {
                bail!("parquet is binary: pass --out FILE or redirect standard output");
            }
            let mut w = std::io::BufWriter::new(std::io::stdout());
            let n = export(&store, &filter, format, &mut w)?;
            w.flush().context("cannot write the output")?;
            n
        }
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "export".into());
            let tmp = path.with_file_name(format!(".{name}.part"));
            let f = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::new(f);
            let n = export(&store, &filter, format, &mut w).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })?;
            w.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            drop(w);
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("parley: exported {n} event records to {}", path.display());
            n
        }
    };
    let _ = n;
    Ok(ExitCode::SUCCESS)
}
