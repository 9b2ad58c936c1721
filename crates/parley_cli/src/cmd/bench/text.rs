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
    /// Time only tagging, lemmatising and parsing of the treebank's own words (no tokeniser or
    /// sentence splitter)
    #[arg(long)]
    gold_tokens: bool,
    /// After the full run, also time the tokeniser alone and tokeniser + sentence splitter
    /// (same paragraphs, same number of seconds each), in microseconds per sentence
    #[arg(long)]
    stages: bool,
    /// Tagger model to use instead of the built-in one
    #[arg(long)]
    tagger: Option<String>,
    /// Parser model to use instead of the built-in one
    #[arg(long)]
    parser: Option<String>,
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
    let analyzer = if args.tagger.is_some() || args.parser.is_some() {
        let builtin = Analyzer::new();
        let m = builtin.models();
        let read = |p: &str| std::fs::read(p).with_context(|| format!("cannot read {p}"));
        Analyzer::with_models(parley_text::Models {
            tagger: match &args.tagger {
                Some(p) => parley_text::tagger::Tagger::from_bytes(&read(p)?)?,
                None => m.tagger.clone(),
            },
            parser: match &args.parser {
                Some(p) => parley_text::parser::Parser::from_bytes(&read(p)?)?,
                None => m.parser.clone(),
            },
            lemmatizer: parley_text::builtin_lemmatizer(),
            splitter: m.splitter.clone(),
            diagnostics: Vec::new(),
        })
    } else {
        Analyzer::new()
    };
    if args.gold_tokens {
        let words: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
            .collect();
        for w in words.iter().take(50) {
            let _ = analyzer.analyze_words(w);
        }
        let t0 = std::time::Instant::now();
        let c0 = thread_cpu_seconds();
        let (mut n_sents, mut n_words, mut passes) = (0usize, 0usize, 0usize);
        while passes == 0 || t0.elapsed().as_secs_f64() < args.seconds {
            for w in &words {
                n_words += analyzer.analyze_words(w).len();
                n_sents += 1;
            }
            passes += 1;
        }
        let secs = t0.elapsed().as_secs_f64();
        println!("gold-token sentences\t{n_sents}\nwords\t{n_words}\nseconds\t{secs:.3}");
        println!("sentences/s\t{:.0}", n_sents as f64 / secs);
        if let (Some(a), Some(b)) = (c0, thread_cpu_seconds()) {
            println!("sentences/cpu-s\t{:.0}", n_sents as f64 / (b - a).max(1e-9));
        }
        // the tagger alone, and the parser alone on the tagger's tags, one pass each
        let m = analyzer.models();
        let c0 = thread_cpu_seconds();
        let tags: Vec<Vec<&str>> = words
            .iter()
            .map(|w| {
                m.tagger
                    .tag(w)
                    .into_iter()
                    .map(|c| m.tagger.classes()[c].as_str())
                    .collect()
            })
            .collect();
        let c1 = thread_cpu_seconds();
        for (w, t) in words.iter().zip(&tags) {
            let _ = m.parser.parse(&parley_text::parser::Input::new(w, t));
        }
        let c2 = thread_cpu_seconds();
        if let (Some(a), Some(b), Some(c)) = (c0, c1, c2) {
            let n = words.len() as f64;
            println!(
                "tagger sentences/cpu-s\t{:.0}\nparser sentences/cpu-s\t{:.0}",
                n / (b - a).max(1e-9),
                n / (c - b).max(1e-9)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
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
    if args.stages {
        let m = analyzer.models();
        let per_sent = n_sents as f64 / passes as f64;
        let mut toks = Vec::new();
        let mut time = |split: bool| -> Option<f64> {
            let t0 = std::time::Instant::now();
            let c0 = thread_cpu_seconds()?;
            let mut passes = 0usize;
            let mut n = 0usize;
            while passes == 0 || t0.elapsed().as_secs_f64() < args.seconds {
                for p in &paras {
                    toks.clear();
                    parley_text::tokenize::tokenize_into(p, 0, p.len(), &mut toks);
                    n += if split {
                        m.splitter.split(p, &toks).len()
                    } else {
                        toks.len()
                    };
                }
                passes += 1;
            }
            std::hint::black_box(n);
            Some((thread_cpu_seconds()? - c0) * 1e6 / (per_sent * passes as f64))
        };
        if let (Some(a), Some(b)) = (time(false), time(true)) {
            println!("tokenise cpu-us/sentence\t{a:.2}\ntokenise+split cpu-us/sentence\t{b:.2}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU time of the current thread (Linux `/proc/thread-self/schedstat`, nanoseconds on CPU).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
