//! `parley parse`: tokenise, tag, lemmatise and parse raw text, or re-tag and re-parse CoNLL-U
//! (gold tokens kept) so that any CoNLL-U scorer can check the output.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use parley_text::{conllu, Analyzer};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  echo 'Kim met Trump in Hanoi.' | parley parse\n  \
parley parse --input-format conllu --format conllu en_ewt-ud-test.conllu > pred.conllu"
)]
pub struct Args {
    /// Input file (default: standard input)
    input: Option<String>,
    #[arg(long, value_parser = ["text", "conllu"], default_value = "text")]
    input_format: String,
    #[arg(long, value_parser = ["conllu", "json"], default_value = "conllu")]
    format: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut input = Vec::new();
    match &args.input {
        Some(p) => input = std::fs::read(p).with_context(|| format!("cannot read {p}"))?,
        None => {
            std::io::stdin()
                .read_to_end(&mut input)
                .context("cannot read standard input")?;
        }
    }
    let text = String::from_utf8_lossy(&input);
    let analyzer = Analyzer::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.input_format == "conllu" {
        let (mut sents, diags) = conllu::parse(&text);
        for d in diags.iter().take(5) {
            eprintln!("parley parse: {d}");
        }
        for s in &mut sents {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let ana = analyzer.analyze_words(&words);
            for (w, a) in s.words.iter_mut().zip(ana) {
                w.lemma = a.lemma;
                w.upos = a.upos.as_str().to_string();
                w.xpos = if a.xpos.is_empty() {
                    "_".into()
                } else {
                    a.xpos
                };
                w.feats = "_".into();
                w.head = a.head;
                w.deprel = a.deprel;
                w.deps = "_".into();
            }
        }
        if args.format == "json" {
            let js: Vec<serde_json::Value> = sents
                .iter()
                .map(|s| {
                    serde_json::json!({"tokens": s.words.iter().map(|w| serde_json::json!({
                        "text": w.form, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos,
                        "head": if w.head == 0 { None } else { Some(w.head - 1) }, "deprel": w.deprel
                    })).collect::<Vec<_>>()})
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &js)?;
            writeln!(out)?;
        } else {
            out.write_all(conllu::write(&sents).as_bytes())?;
        }
    } else {
        let sents = analyzer.analyze(&text, &[]);
        if args.format == "json" {
            serde_json::to_writer_pretty(&mut out, &sents)?;
            writeln!(out)?;
        } else {
            let chars: Vec<char> = text.chars().collect();
            for (k, s) in sents.iter().enumerate() {
                writeln!(out, "# sent_id = {}", k + 1)?;
                writeln!(out, "# text = {}", s.text.replace(['\n', '\r'], " "))?;
                let n = s.tokens.len();
                for (i, t) in s.tokens.iter().enumerate() {
                    let space_after =
                        i + 1 >= n || chars.get(t.end).is_some_and(|c| c.is_whitespace());
                    let misc = format!(
                        "TokenRange={}:{}{}",
                        t.start,
                        t.end,
                        if space_after { "" } else { "|SpaceAfter=No" }
                    );
                    let clean = |x: &str| {
                        if x.is_empty() {
                            "_".to_string()
                        } else {
                            x.replace(['\t', '\n', '\r'], " ")
                        }
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                        i + 1,
                        clean(&t.text),
                        clean(&t.lemma),
                        t.upos.as_str(),
                        clean(&t.xpos),
                        t.head.map(|h| h + 1).unwrap_or(0),
                        clean(&t.deprel),
                        misc
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
