//! `parley bench events`: actor resolution and CAMEO/PLOVER coding on parsed sentences held in
//! memory, one core; sentences/s.

use std::process::ExitCode;

use anyhow::Context;
use parley_core::{Date, Quote, Sentence};
use parley_events::{Coder, CodingInput};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley bench events\n  parley bench events --input in.jsonl --seconds 5\n\n\
The texts (JSONL records with \"text\" and optional \"date\", or a plain text file; by default the\n\
example sentences of the built-in verb lexicon) are analysed once — sentences, tags, parses,\n\
entities, quotes — and held in memory. The timed loop runs only Coder::code: actor resolution\n\
(dictionary, composition, coreference) and event coding. For comparison, PETRARCH2 codes about\n\
250 sentences/s on one core, before the CoreNLP parse it needs."
)]
pub struct Args {
    /// JSONL ({"text", "date"?} per line) or plain-text input; default: the lexicon's examples
    #[arg(long)]
    input: Option<String>,
    /// Minimum seconds to run (whole passes)
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
}

struct Doc {
    text: String,
    sentences: Vec<Sentence>,
    analysis: parley_entities::Analysis,
    quotes: Vec<Quote>,
    date: Option<Date>,
}

fn load(args: &Args, coder: &Coder) -> anyhow::Result<Vec<(String, Option<Date>)>> {
    let Some(path) = &args.input else {
        return Ok(coder
            .patterns()
            .iter()
            .map(|p| (p.example.clone(), Date::parse_iso("2015-06-01")))
            .collect());
    };
    let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    let mut out = Vec::new();
    let jsonl = raw.trim_start().starts_with('{');
    if jsonl {
        for (i, line) in raw
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{path}:{}: not JSON", i + 1))?;
            let text = v
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string();
            let date = v
                .get("date")
                .and_then(|d| d.as_str())
                .and_then(Date::parse_iso);
            out.push((text, date));
        }
    } else {
        out.push((raw, None));
    }
    Ok(out)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let coder = Coder::builtin();
    let texts = load(&args, &coder)?;
    let analyzer = parley_text::Analyzer::new();
    let dict = parley_actors::ActorDict::builtin();
    let docs: Vec<Doc> = texts
        .into_iter()
        .map(|(text, date)| {
            let sentences = analyzer.analyze(&text, &[]);
            let analysis = parley_entities::recognize(&text, &sentences, dict, date);
            let quotes = parley_quotes::find_quotes(&text, &sentences, &analysis);
            Doc {
                text,
                sentences,
                analysis,
                quotes,
                date,
            }
        })
        .collect();
    let n_sents: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let code_all = || -> usize {
        docs.iter()
            .map(|d| {
                coder
                    .code(&CodingInput {
                        text: &d.text,
                        sentences: &d.sentences,
                        entities: &d.analysis,
                        quotes: &d.quotes,
                        article_date: d.date,
                    })
                    .len()
            })
            .sum()
    };
    let events_per_pass = code_all(); // warm-up
    let t0 = std::time::Instant::now();
    let c0 = thread_cpu_seconds();
    let mut passes = 0usize;
    while passes == 0 || t0.elapsed().as_secs_f64() < args.seconds {
        std::hint::black_box(code_all());
        passes += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    let total = (n_sents * passes) as f64;
    println!("documents\t{}\nsentences\t{n_sents}\nevents/pass\t{events_per_pass}\npasses\t{passes}\nseconds\t{secs:.3}", docs.len());
    println!("sentences/s\t{:.0}", total / secs);
    if let Some(cpu) = cpu {
        println!("cpu seconds\t{cpu:.3}\nsentences/cpu-s\t{:.0}", total / cpu);
    }
    println!("PETRARCH2 (published)\t~250 sentences/s, one core, after its CoreNLP parse");
    Ok(ExitCode::SUCCESS)
}

/// CPU time of the current thread (Linux `/proc/thread-self/schedstat`, nanoseconds on CPU).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
