//! `parley extract`: the article object alone, for one page or many.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::input;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  parley extract page.html
  parley extract --format text page.html.gz
  parley extract --format jsonl pages/*.html.gz > articles.jsonl

With several files, a file that cannot be read or extracted is reported (one line on stderr, and an
{\"path\", \"error\"} record in JSONL) and the rest are processed; the exit code is then 1.
A page without article text is such an error unless --keep-empty is given.")]
pub struct Args {
    /// Pages to read (HTML or flattened text; `.gz` read transparently), or `-` for stdin
    #[arg(default_value = "-")]
    files: Vec<String>,
    /// Output: the article as JSON, its text alone, or one JSON line per file with its `path`
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The page's URL (single page)
    #[arg(long)]
    url: Option<String>,
    /// Treat input as HTML or as a flattened text page instead of detecting it
    #[arg(long, value_enum)]
    input_format: Option<Kind>,
    /// Largest page accepted, in bytes
    #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Output pages without article text too (their metadata, an empty `text` and, in JSON, a
    /// `diagnostics` note) instead of reporting them as errors
    #[arg(long)]
    keep_empty: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Kind {
    Html,
    Text,
}

fn extract_one(path: &str, args: &Args) -> anyhow::Result<parley_extract::Extracted> {
    let shown = input::name(path);
    let bytes = input::read_input(path, args.max_bytes)?;
    input::check_not_binary(&shown, &bytes)?;
    let kind = args.input_format.map(|k| match k {
        Kind::Html => parley_extract::PageKind::Html,
        Kind::Text => parley_extract::PageKind::Text,
    });
    input::check_text_page_utf8(&shown, &bytes, kind)?;
    let opts = parley_extract::Options {
        url: args.url.clone(),
        kind,
    };
    let ex = if args.keep_empty {
        parley_extract::extract_lenient(&bytes, &opts)
    } else {
        parley_extract::extract(&bytes, &opts)
    }
    .with_context(|| format!("cannot extract {shown}"))?;
    Ok(ex)
}

/// The article as JSON; a page kept without text (`--keep-empty`) carries its diagnostics.
fn article_json(ex: &parley_extract::Extracted) -> serde_json::Result<serde_json::Value> {
    let mut v = serde_json::to_value(&ex.article)?;
    if ex.article.text.is_empty() && !ex.diagnostics.is_empty() {
        v["diagnostics"] = serde_json::to_value(&ex.diagnostics)?;
    }
    Ok(v)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.files.len() == 1 && args.format != Format::Jsonl {
        let ex = extract_one(&args.files[0], &args)?;
        match args.format {
            Format::Text => writeln!(out, "{}", ex.article.text)?,
            _ => {
                serde_json::to_writer_pretty(&mut out, &article_json(&ex)?)?;
                writeln!(out)?;
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    use rayon::prelude::*;
    let mut failed = 0usize;
    for chunk in args.files.chunks(64) {
        let results: Vec<(String, anyhow::Result<parley_extract::Extracted>)> = chunk
            .par_iter()
            .map(|p| (p.clone(), extract_one(p, &args)))
            .collect();
        for (path, r) in results {
            match r {
                Ok(ex) => match args.format {
                    Format::Text => {
                        writeln!(out, "{}", ex.article.text)?;
                        writeln!(out)?;
                    }
                    Format::Json | Format::Jsonl => {
                        let mut v = article_json(&ex)?;
                        v["path"] = serde_json::Value::String(path);
                        serde_json::to_writer(&mut out, &v)?;
                        writeln!(out)?;
                    }
                },
                Err(e) => {
                    failed += 1;
                    eprintln!("parley: {}", format!("{e:#}").replace('\n', " "));
                    if args.format == Format::Jsonl {
                        serde_json::to_writer(
                            &mut out,
                            &serde_json::json!({"path": path, "error": format!("{e:#}")}),
                        )?;
                        writeln!(out)?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
