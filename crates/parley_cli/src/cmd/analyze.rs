//! `parley analyze`: one page (or one JSONL record a line) → the output-contract document.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use parley_core::Date;
use parley_pipeline::{Config, Options, Pipeline};
use serde::Deserialize;

use crate::input;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  parley analyze --date 2020-01-12 examples/embassy.txt
  parley analyze --url https://example.org/news/1 page.html
  curl -s https://example.org/story | parley analyze -
  parley analyze --input-format jsonl --format jsonl < records.jsonl > out.jsonl

JSONL input: one record a line, {\"id\": \"...\", \"text\": \"...\", \"date\": \"YYYY-MM-DD\"?, \"url\": \"...\"?};
the text is taken verbatim as the article body, so offsets refer to it. A malformed line gets an
error record {\"id\", \"line\", \"error\"} and the rest are processed.")]
pub struct Args {
    /// The page to read (HTML or flattened text; `.gz` is read transparently), or `-` for stdin
    #[arg(default_value = "-")]
    file: String,
    /// The article's publication date, YYYY-MM-DD (relative dates resolve against it)
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// The page's URL
    #[arg(long)]
    url: Option<String>,
    /// What the input is
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Output: one pretty JSON document, compact JSON, or JSON lines
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Include tokens (with tags, lemmas and dependencies) in each sentence
    #[arg(long)]
    tokens: bool,
    /// Extra actor dictionary (adds to or overrides the built-in one); repeatable
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Extra verb patterns (adds to or overrides the built-in lexicon); repeatable
    #[arg(long, value_name = "FILE")]
    verbs: Vec<PathBuf>,
    /// Keep every event the lexicon codes, also those the plausibility filter drops (no
    /// political actor, a page about none, a misread verb); for corpora known to be political
    #[arg(long)]
    all_events: bool,
    /// Sentences the dependency parser runs on: `all` (every sentence, the default), or
    /// `needed` (only those a later stage reads the parse of, as `parley ingest` does: the same
    /// entities and events, faster; unparsed sentences have tokens without heads)
    #[arg(long, value_enum, default_value_t = super::ingest::ParseArg::All)]
    parse: super::ingest::ParseArg,
    /// Largest page accepted, in bytes
    #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputFormat {
    /// Detect HTML or a flattened text page
    Auto,
    Html,
    /// A flattened text page (visible text, one block a line)
    Text,
    /// One JSON record a line: {"id","text","date"?,"url"?}
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// Pretty-printed JSON
    Json,
    /// One compact JSON document a line
    Jsonl,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::new(Config {
        actor_files: args.actors.clone(),
        verb_files: args.verbs.clone(),
        all_events: args.all_events,
    })?
    .with_parse(args.parse.into());
    if args.input_format == InputFormat::Jsonl {
        return run_jsonl(&args, &pipeline);
    }
    let shown = input::name(&args.file);
    let bytes = input::read_input(&args.file, args.max_bytes)?;
    input::check_not_binary(&shown, &bytes)?;
    let kind = match args.input_format {
        InputFormat::Html => Some(parley_extract::PageKind::Html),
        InputFormat::Text => Some(parley_extract::PageKind::Text),
        _ => None,
    };
    input::check_text_page_utf8(&shown, &bytes, kind)?;
    let opts = Options {
        date: args.date,
        url: args.url.clone(),
        kind,
        tokens: args.tokens,
    };
    let doc = pipeline
        .analyze_page(&bytes, &opts)
        .with_context(|| format!("cannot analyse {shown}"))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &doc)?,
        OutputFormat::Jsonl => serde_json::to_writer(&mut out, &doc)?,
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn run_jsonl(args: &Args, pipeline: &Pipeline) -> anyhow::Result<ExitCode> {
    let shown = input::name(&args.file);
    let reader: Box<dyn BufRead> = if args.file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let meta = std::fs::metadata(&args.file)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", input::io_reason(&e)))?;
        if meta.is_dir() {
            bail!("cannot read {shown}: it is a directory");
        }
        let f = std::fs::File::open(&args.file)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", input::io_reason(&e)))?;
        Box::new(std::io::BufReader::new(f))
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut n, mut bad) = (0usize, 0usize);
    let mut lines = BoundedLines {
        inner: reader,
        max: args.max_bytes,
    };
    let mut lineno = 0usize;
    // Records are analysed in batches on all cores; output keeps input order.
    let batch_size = 256;
    loop {
        let mut batch = Vec::with_capacity(batch_size);
        while batch.len() < batch_size {
            match lines.next_line() {
                Ok(Some(l)) => {
                    lineno += 1;
                    batch.push((lineno, l));
                }
                Ok(None) => break,
                Err(e) => bail!("cannot read {shown} at line {}: {e}", lineno + 1),
            }
        }
        if batch.is_empty() {
            break;
        }
        use rayon::prelude::*;
        let results: Vec<Option<serde_json::Value>> = batch
            .par_iter()
            .map(|(ln, line)| analyze_line(pipeline, *ln, line, args.tokens))
            .collect();
        for r in results.into_iter().flatten() {
            n += 1;
            if r.get("error").is_some() {
                bad += 1;
            }
            serde_json::to_writer(&mut out, &r)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    if bad > 0 {
        eprintln!("parley: {bad} of {n} records in {shown} had errors (see their \"error\" field)");
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze_line(
    pipeline: &Pipeline,
    ln: usize,
    line: &Result<String, String>,
    tokens: bool,
) -> Option<serde_json::Value> {
    let err = |id: serde_json::Value, msg: String| {
        Some(serde_json::json!({"id": id, "line": ln, "error": msg}))
    };
    let line = match line {
        Ok(l) => l,
        Err(msg) => return err(serde_json::Value::Null, msg.clone()),
    };
    if line.trim().is_empty() {
        return None;
    }
    let rec: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or_default();
            return err(id, format!("malformed record: {e}"));
        }
    };
    let date = match rec.date.as_deref().map(parse_date) {
        Some(Err(e)) => return err(rec.id, e),
        Some(Ok(d)) => Some(d),
        None => None,
    };
    let opts = Options {
        date,
        url: rec.url,
        kind: None,
        tokens,
    };
    let mut doc = pipeline.analyze_text(rec.text, &opts);
    doc.id = Some(match &rec.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let mut v = serde_json::to_value(&doc).ok()?;
    v["id"] = rec.id;
    Some(v)
}

/// Line reader that never holds more than `max` bytes of one line and reports invalid UTF-8
/// per line instead of failing the whole stream.
struct BoundedLines<R> {
    inner: R,
    max: u64,
}

impl<R: BufRead> BoundedLines<R> {
    fn next_line(&mut self) -> std::io::Result<Option<Result<String, String>>> {
        let mut buf = Vec::new();
        let mut too_long = false;
        loop {
            let avail = self.inner.fill_buf()?;
            if avail.is_empty() {
                if buf.is_empty() && !too_long {
                    return Ok(None);
                }
                break;
            }
            let (chunk, done) = match memchr_nl(avail) {
                Some(i) => (&avail[..=i], true),
                None => (avail, false),
            };
            if !too_long {
                if (buf.len() + chunk.len()) as u64 > self.max {
                    too_long = true;
                    buf.clear();
                } else {
                    buf.extend_from_slice(chunk);
                }
            }
            let used = chunk.len();
            self.inner.consume(used);
            if done {
                break;
            }
        }
        if too_long {
            return Ok(Some(Err(format!(
                "line is over the {} byte limit (--max-bytes)",
                self.max
            ))));
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some(String::from_utf8(buf).map_err(|e| {
            format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())
        })))
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}
