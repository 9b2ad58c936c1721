//! `parley eval`: UPOS/XPOS/lemma/UAS/LAS with gold tokens on a CoNLL-U file, and sentence
//! segmentation on raw text rebuilt from it.

use std::process::ExitCode;

use anyhow::Context;
use parley_text::{eval, parser::Parser, tagger::Tagger, train, Analyzer, Models};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parley eval ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu\n  \
parley eval --tagger /tmp/tagger.bin.gz --parser /tmp/parser.bin.gz dev.conllu\n\n\
Sentence segmentation: the raw text is rebuilt from the treebank (tokens joined as SpaceAfter says,\n\
sentences of a paragraph joined by one space, paragraphs separated by a blank line and passed as\n\
paragraph spans); a predicted sentence counts when its start and end offsets both match a gold\n\
sentence. The second figure gives no paragraph spans and no blank lines (one running text)."
)]
pub struct Args {
    /// CoNLL-U file with gold tokens, tags and trees
    conllu: String,
    /// Tagger model to use instead of the built-in one
    #[arg(long)]
    tagger: Option<String>,
    /// Parser model to use instead of the built-in one
    #[arg(long)]
    parser: Option<String>,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (sents, diags) = train::read_conllu(&args.conllu)?;
    if !diags.is_empty() {
        eprintln!("{}: {} malformed lines skipped", args.conllu, diags.len());
    }
    let analyzer = if args.tagger.is_some() || args.parser.is_some() {
        let builtin = Analyzer::new();
        let tagger = match &args.tagger {
            Some(p) => {
                Tagger::from_bytes(&std::fs::read(p).with_context(|| format!("cannot read {p}"))?)?
            }
            None => builtin.models().tagger.clone(),
        };
        let parser = match &args.parser {
            Some(p) => {
                Parser::from_bytes(&std::fs::read(p).with_context(|| format!("cannot read {p}"))?)?
            }
            None => builtin.models().parser.clone(),
        };
        Analyzer::with_models(Models {
            tagger,
            parser,
            lemmatizer: parley_text::builtin_lemmatizer(),
            splitter: builtin.models().splitter.clone(),
            diagnostics: vec![],
        })
    } else {
        Analyzer::new()
    };
    for d in &analyzer.models().diagnostics {
        eprintln!("parley eval: {d}");
    }
    let t0 = std::time::Instant::now();
    let s = eval::eval_parse(&analyzer, &sents);
    let secs = t0.elapsed().as_secs_f64();
    let raw = eval::rebuild_text(&sents);
    let (p, r, f) = eval::sentence_f1(&analyzer, &raw, true);
    let (p2, r2, f2) = eval::sentence_f1(&analyzer, &raw, false);
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "file": args.conllu, "sentences": sents.len(), "words": s.words,
                "upos": s.upos, "xpos": s.xpos, "lemma": s.lemma, "uas": s.uas, "las": s.las,
                "las_universal": s.las_universal,
                "sent_precision": p, "sent_recall": r, "sent_f1": f,
                "sent_f1_no_paragraphs": f2, "sent_precision_no_paragraphs": p2, "sent_recall_no_paragraphs": r2,
                "gold_token_seconds": secs
            })
        );
    } else {
        println!(
            "file\t{}\nsentences\t{}\nwords\t{}",
            args.conllu,
            sents.len(),
            s.words
        );
        println!(
            "UPOS\t{:.4}\nXPOS\t{:.4}\nlemma\t{:.4}",
            s.upos, s.xpos, s.lemma
        );
        println!(
            "UAS\t{:.4}\nLAS\t{:.4}\nLAS (universal relations)\t{:.4}",
            s.uas, s.las, s.las_universal
        );
        println!("sentence P/R/F1 (paragraphs given)\t{p:.4}\t{r:.4}\t{f:.4}");
        println!("sentence P/R/F1 (running text)\t{p2:.4}\t{r2:.4}\t{f2:.4}");
    }
    Ok(ExitCode::SUCCESS)
}
