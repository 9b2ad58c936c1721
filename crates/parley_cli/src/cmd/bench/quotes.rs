//! `parley bench quotes`: entities + dates + quotes on pre-parsed sentences held in memory, one core.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley bench quotes ../shared/eval/quotes/polnear-dev/text\n  parley bench quotes --seconds 10 --date 2020-01-12 story.txt"
)]
pub struct Args {
    /// Text files or directories of `.txt` files (parsed once, before timing).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Minimum time to run, in seconds (whole passes over the input).
    #[arg(long, default_value_t = 5.0)]
    seconds: f64,
    /// The article date the dates are resolved against.
    #[arg(long)]
    date: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.inputs {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("cannot read directory {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(p.clone());
        }
    }
    let date = match &args.date {
        Some(d) => Some(parley_core::Date::parse_iso(d).with_context(|| format!("bad date {d}"))?),
        None => None,
    };
    let analyzer = parley_text::Analyzer::new();
    let dict = parley_actors::ActorDict::builtin();
    let mut docs = Vec::new();
    let mut n_sent = 0usize;
    for f in &files {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        let sents = analyzer.analyze(&text, &[]);
        n_sent += sents.len();
        docs.push((text, sents));
    }
    if n_sent == 0 {
        anyhow::bail!("no sentences in the input");
    }
    let cpu0 = thread_cpu_seconds();
    let t0 = Instant::now();
    let (mut passes, mut quotes, mut ents) = (0usize, 0usize, 0usize);
    let (mut t_ent, mut t_quo) = (Duration::ZERO, Duration::ZERO);
    while passes == 0 || t0.elapsed() < Duration::from_secs_f64(args.seconds) {
        for (text, sents) in &docs {
            let t = Instant::now();
            let a = parley_entities::recognize(text, sents, dict, date);
            let t2 = Instant::now();
            let q = parley_quotes::find_quotes(text, sents, &a);
            t_quo += t2.elapsed();
            t_ent += t2 - t;
            ents += a.entities.len();
            quotes += q.len();
        }
        passes += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    let total = (n_sent * passes) as f64;
    println!(
        "quotes+entities+dates: {} documents, {} sentences, {} passes in {:.2}s: {:.0} sentences/s ({:.0} docs/s) on one core; {} entities and {} quotes per pass",
        docs.len(),
        n_sent,
        passes,
        secs,
        total / secs,
        (docs.len() * passes) as f64 / secs,
        ents / passes,
        quotes / passes
    );
    println!(
        "  entities+dates {:.0} sentences/s, quotes {:.0} sentences/s",
        total / t_ent.as_secs_f64().max(1e-9),
        total / t_quo.as_secs_f64().max(1e-9)
    );
    if let Some(cpu) = cpu {
        println!(
            "  {:.0} sentences per CPU-second of this thread ({:.2} CPU-s of {:.2} s wall; the rest went to other processes)",
            total / cpu,
            cpu,
            secs
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU time used by the calling thread so far (Linux: `/proc/thread-self/stat`, in clock ticks
/// of 1/100 s), or `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
