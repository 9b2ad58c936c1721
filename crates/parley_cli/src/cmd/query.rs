//! `parley events`, `parley quotes`, `parley search`, `parley stats`: queries over the store.
//! Output is a table on a terminal, JSONL otherwise; `--format` chooses (table, jsonl, csv).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use parley_core::Date;
use parley_store::export::{csv_field, csv_row, CSV_COLUMNS};
use parley_store::{EventFilter, QuoteFilter, Store};

/// Output formats of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    Table,
    Jsonl,
    Csv,
}

/// The store path: `--db`, else `PARLEY_DB`, else `./parley.db`.
pub fn db_path(db: &Option<PathBuf>) -> PathBuf {
    db.clone()
        .or_else(|| {
            std::env::var_os("PARLEY_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| "parley.db".into())
}

/// Opens an existing store (migrating an older one).
pub fn open_existing(db: &Option<PathBuf>) -> anyhow::Result<Store> {
    let path = db_path(db);
    if !path.exists() {
        bail!(
            "no store at {} (run `parley ingest` first, or pass --db)",
            path.display()
        );
    }
    Ok(Store::open(&path)?)
}

fn format_of(f: Option<OutFormat>) -> OutFormat {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        OutFormat::Table
    } else {
        OutFormat::Jsonl
    })
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// Prints a table with columns padded to their widest cell (cells are cut at `max` characters).
fn print_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
    max: usize,
) -> std::io::Result<()> {
    let cut = |s: &str| -> String {
        let one_line = s.replace(['\n', '\r', '\t'], " ");
        if one_line.chars().count() > max {
            one_line.chars().take(max - 1).collect::<String>() + "…"
        } else {
            one_line
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(w[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

fn day_str(day: i64) -> String {
    if day > 0 {
        format!(
            "{:04}-{:02}-{:02}",
            day / 10_000,
            day / 100 % 100,
            day % 100
        )
    } else {
        String::new()
    }
}

fn actor(code: &Option<String>, name: &Option<String>) -> String {
    match (code, name) {
        (Some(c), Some(n)) => format!("{c} ({n})"),
        (Some(c), None) => c.clone(),
        (None, Some(n)) => n.clone(),
        (None, None) => String::new(),
    }
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley events --actor USA --root 04 --since 2020-01-01\n  parley events --target PRK --format csv > events.csv\n\n\
Actor codes match as prefixes (USA matches USAGOV). Each row is a merged event record: all\n\
mentions with the same day, source, target, CAMEO code, negation and mode, with GDELT's\n\
NumMentions, NumSources and NumArticles."
)]
pub struct EventsArgs {
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
    #[arg(long, value_parser = parse_date)]
    since: Option<Date>,
    /// Latest event day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    until: Option<Date>,
    /// Text the evidence sentence contains
    #[arg(long)]
    q: Option<String>,
    /// At most this many records
    #[arg(long)]
    limit: Option<usize>,
    /// Output format (default: table on a terminal, JSONL otherwise)
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn events(a: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let filter = EventFilter {
        actor: a.actor,
        target: a.target,
        root: a.root,
        since: a.since,
        until: a.until,
        q: a.q,
        limit: a.limit,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format_of(a.format) {
        OutFormat::Jsonl => store.for_each_event(&filter, |e| {
            writeln!(out, "{}", serde_json::to_string(&e).unwrap_or_default())?;
            Ok(())
        })?,
        OutFormat::Csv => {
            writeln!(out, "{}", CSV_COLUMNS.join(","))?;
            store.for_each_event(&filter, |e| {
                writeln!(out, "{}", csv_row(&e))?;
                Ok(())
            })?
        }
        OutFormat::Table => {
            let rows: Vec<Vec<String>> = store
                .events(&filter)?
                .into_iter()
                .map(|e| {
                    vec![
                        e.id.to_string(),
                        day_str(e.day),
                        actor(&e.source_code, &e.source_name),
                        actor(&e.target_code, &e.target_name),
                        format!("{}{}", e.cameo, if e.negated { " (not)" } else { "" }),
                        e.num_mentions.to_string(),
                        e.num_sources.to_string(),
                        e.num_articles.to_string(),
                        e.evidence,
                    ]
                })
                .collect();
            print_table(
                &mut out,
                &[
                    "id", "day", "source", "target", "cameo", "mentions", "sources", "articles",
                    "evidence",
                ],
                &rows,
                60,
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley quotes --speaker \"Merkel\"\n  parley quotes --speaker USAGOV --q sanctions --format jsonl"
)]
pub struct QuotesArgs {
    /// Speaker: an actor code (exact) or part of a name
    #[arg(long)]
    speaker: Option<String>,
    /// Words the quote contains (full-text)
    #[arg(long)]
    q: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    /// Output format (default: table on a terminal, JSONL otherwise)
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn quotes(a: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let rows = store.quotes(&QuoteFilter {
        speaker: a.speaker,
        q: a.q,
        limit: a.limit,
    })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format_of(a.format) {
        OutFormat::Jsonl => {
            for r in &rows {
                writeln!(out, "{}", serde_json::to_string(r)?)?;
            }
        }
        OutFormat::Csv => {
            writeln!(
                out,
                "id,article_id,speaker,speaker_code,kind,cue,channel,text,url,published"
            )?;
            for r in &rows {
                let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{}",
                    r.id,
                    r.article_id,
                    o(&r.speaker),
                    o(&r.speaker_code),
                    r.kind,
                    o(&r.cue),
                    o(&r.channel),
                    csv_field(&r.text),
                    o(&r.url),
                    o(&r.published)
                )?;
            }
        }
        OutFormat::Table => {
            let t: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.speaker.clone().unwrap_or_default(),
                        r.speaker_code.clone().unwrap_or_default(),
                        r.kind.clone(),
                        r.text.clone(),
                        r.url.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            print_table(
                &mut out,
                &["speaker", "code", "kind", "quote", "url"],
                &t,
                70,
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  parley search \"border crossing\"\n\nEvery word must appear (article title or text, or a quote)."
)]
pub struct SearchArgs {
    /// Words to find
    #[arg(required = true)]
    text: Vec<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Output format (default: table on a terminal, JSONL otherwise)
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn search(a: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let hits = store.search(&a.text.join(" "), a.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format_of(a.format) {
        OutFormat::Jsonl => {
            for h in &hits {
                writeln!(out, "{}", serde_json::to_string(h)?)?;
            }
        }
        OutFormat::Csv => {
            writeln!(out, "kind,article_id,title,url,snippet")?;
            for h in &hits {
                let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
                writeln!(
                    out,
                    "{},{},{},{},{}",
                    h.kind,
                    h.article_id,
                    o(&h.title),
                    o(&h.url),
                    csv_field(&h.snippet)
                )?;
            }
        }
        OutFormat::Table => {
            let t: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    vec![
                        h.kind.clone(),
                        h.article_id.to_string(),
                        h.title.clone().unwrap_or_default(),
                        h.snippet.clone(),
                    ]
                })
                .collect();
            print_table(&mut out, &["kind", "article", "title", "snippet"], &t, 60)?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  parley stats --db news.db")]
pub struct StatsArgs {
    /// Output format (default: table on a terminal, JSONL otherwise)
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Store (default: $PARLEY_DB, else ./parley.db)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn stats(a: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let s = store.stats()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pairs: Vec<(&str, String)> = vec![
        ("schema_version", s.schema_version.to_string()),
        ("articles", s.articles.to_string()),
        ("clusters", s.clusters.to_string()),
        ("near_duplicates", s.near_duplicates.to_string()),
        ("sources", s.sources.to_string()),
        ("entities", s.entities.to_string()),
        ("quotes", s.quotes.to_string()),
        ("events", s.events.to_string()),
        ("event_mentions", s.event_mentions.to_string()),
        ("first_day", s.first_day.map(day_str).unwrap_or_default()),
        ("last_day", s.last_day.map(day_str).unwrap_or_default()),
    ];
    match format_of(a.format) {
        OutFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&s)?)?,
        OutFormat::Csv => {
            writeln!(out, "key,value")?;
            for (k, v) in &pairs {
                writeln!(out, "{k},{v}")?;
            }
        }
        OutFormat::Table => {
            let t: Vec<Vec<String>> = pairs
                .iter()
                .map(|(k, v)| vec![k.to_string(), v.clone()])
                .collect();
            print_table(&mut out, &["what", "count"], &t, 60)?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}
