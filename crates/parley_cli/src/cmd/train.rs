//! `parley train tagger|parser|lemmas`: rebuild the linguistic core's models from UD CoNLL-U.

use std::process::ExitCode;

use anyhow::Context;
use parley_text::{parser::Parser, tagger::Tagger, train};

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
parley train tagger --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \\\n    \
--dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu --out crates/parley_text/data/tagger.bin.gz\n  \
parley train parser --train …train.conllu --dev …dev.conllu --tagger crates/parley_text/data/tagger.bin.gz \\\n    \
--out crates/parley_text/data/parser.bin.gz\n  \
parley train lemmas --train …train.conllu --out-dir crates/parley_text/data")]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Train the part-of-speech tagger (UPOS|XPOS classes)
    Tagger {
        #[arg(long)]
        train: String,
        #[arg(long)]
        dev: Option<String>,
        #[arg(long)]
        out: String,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Predict UPOS only (no Penn XPOS)
        #[arg(long)]
        upos_only: bool,
        /// Drop averaged weights below this magnitude
        #[arg(long, default_value_t = train::DEFAULT_PRUNE)]
        prune: f32,
        /// Jackknife folds for the right-context second pass (0 = one pass)
        #[arg(long, default_value_t = 4)]
        folds: usize,
    },
    /// Train the dependency parser on jackknifed predicted tags
    Parser {
        #[arg(long)]
        train: String,
        #[arg(long)]
        dev: Option<String>,
        #[arg(long)]
        out: String,
        /// Tagger model for the dev tags (default: the built-in one)
        #[arg(long)]
        tagger: Option<String>,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Jackknife folds for training tags (0 = gold tags)
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Tagger epochs inside each jackknife fold
        #[arg(long, default_value_t = 8)]
        tag_epochs: usize,
        /// Drop averaged weights below this magnitude
        #[arg(long, default_value_t = train::DEFAULT_PRUNE)]
        prune: f32,
    },
    /// Train the sentence-boundary model (on paragraphs rebuilt from the treebank)
    Splitter {
        #[arg(long)]
        train: String,
        #[arg(long)]
        out: String,
        #[arg(long, default_value_t = 6)]
        epochs: usize,
    },
    /// Derive the lemma vocabulary and exception lists
    Lemmas {
        #[arg(long)]
        train: String,
        #[arg(long)]
        out_dir: String,
    },
}

fn read(path: &str) -> anyhow::Result<Vec<parley_text::conllu::ConllSentence>> {
    let (s, diags) = train::read_conllu(path)?;
    if !diags.is_empty() {
        eprintln!(
            "{path}: {} malformed lines skipped (first: {})",
            diags.len(),
            diags[0]
        );
    }
    Ok(s)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut log = |s: String| eprintln!("{s}");
    let t0 = std::time::Instant::now();
    match args.what {
        What::Tagger {
            train,
            dev,
            out,
            epochs,
            upos_only,
            prune,
            folds,
        } => {
            let tr = read(&train)?;
            let dv = match dev {
                Some(d) => read(&d)?,
                None => Vec::new(),
            };
            let tagger = train::train_tagger(&tr, &dv, epochs, !upos_only, prune, folds, &mut log);
            std::fs::write(&out, tagger.to_bytes())
                .with_context(|| format!("cannot write {out}"))?;
        }
        What::Parser {
            train,
            dev,
            out,
            tagger,
            epochs,
            folds,
            tag_epochs,
            prune,
        } => {
            let tr = read(&train)?;
            let dv = match dev {
                Some(d) => read(&d)?,
                None => Vec::new(),
            };
            let tg = match tagger {
                Some(p) => {
                    let b = std::fs::read(&p).with_context(|| format!("cannot read {p}"))?;
                    Tagger::from_bytes(&b).with_context(|| format!("cannot load tagger {p}"))?
                }
                None => parley_text::Analyzer::new().models().tagger.clone(),
            };
            let parser: Parser =
                train::train_parser(&tr, &dv, &tg, epochs, folds, tag_epochs, prune, &mut log);
            std::fs::write(&out, parser.to_bytes())
                .with_context(|| format!("cannot write {out}"))?;
        }
        What::Splitter { train, out, epochs } => {
            let tr = read(&train)?;
            let sp = train::train_splitter(&tr, epochs, &mut log);
            std::fs::write(&out, sp.to_bytes()).with_context(|| format!("cannot write {out}"))?;
        }
        What::Lemmas { train, out_dir } => {
            let tr = read(&train)?;
            let (vocab, exc) = train::derive_lemmas(&tr);
            let v = format!("{out_dir}/lemma_vocab.tsv");
            let e = format!("{out_dir}/lemma_exceptions.tsv");
            std::fs::write(&v, vocab).with_context(|| format!("cannot write {v}"))?;
            std::fs::write(&e, exc).with_context(|| format!("cannot write {e}"))?;
        }
    }
    eprintln!("done in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
