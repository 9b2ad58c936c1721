//! `parley bench text`: raw text → tokens, tags, lemmas, dependencies on one core; sentences/s.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use parley_text::{eval, train, Analyzer};

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  parley bench text --conllu ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu\n\n\
The paragraphs of the treebank are rebuilt as raw text and held in memory; each is analysed with\n\
Analyzer::analyze (tokenise, split, tag, lemmatise, parse). --dump writes the same paragraphs, one\n\
JSON string per line, for comparison with other tools."
)]
pub struct Args {
    /// CoNLL-U file whose raw text is used
    #[arg(long)]
    conllu: String,
    /// Minimum seconds to run (whole passes over the text)
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
    /// Write the paragraphs (JSON lines) to this file and exit
    #[arg(long)]
    dump: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (sents, _) = train::read_conllu(&args.conllu)?;
    let raw = eval::rebuild_text(&sents);
    let chars: Vec<char> = raw.text.chars().collect();
    let paras: Vec<String> = raw
        .paragraphs
        .iter()
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    if let Some(path) = args.dump {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("cannot write {path}"))?,
        );
        for p in &paras {
            writeln!(f, "{}", serde_json::to_string(p)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let analyzer = Analyzer::new();
    // warm-up pass (loads the models)
    for p in paras.iter().take(50) {
        let _ = analyzer.analyze(p, &[]);
    }
    let t0 = std::time::Instant::now();
    let c0 = thread_cpu_seconds();
    let (mut n_sents, mut n_tokens, mut passes) = (0usize, 0usize, 0usize);
    while passes == 0 || t0.elapsed().as_secs_f64() < args.seconds {
        for p in &paras {
            let s = analyzer.analyze(p, &[]);
            n_sents += s.len();
            n_tokens += s.iter().map(|x| x.tokens.len()).sum::<usize>();
        }
        passes += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    println!("paragraphs\t{}\npasses\t{passes}\nsentences\t{n_sents}\ntokens\t{n_tokens}\nseconds\t{secs:.3}", paras.len());
    println!(
        "sentences/s\t{:.0}\ntokens/s\t{:.0}",
        n_sents as f64 / secs,
        n_tokens as f64 / secs
    );
    if let Some(cpu) = cpu {
        // On a shared machine the wall clock also counts time the thread waited for a core.
        println!(
            "cpu seconds\t{cpu:.3}\nsentences/cpu-s\t{:.0}",
            n_sents as f64 / cpu
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU time of the current thread (Linux `/proc/thread-self/schedstat`, nanoseconds on CPU).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
