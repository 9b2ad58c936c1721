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
        /// Optional feature templates (bits: 1 lexical, 2 tag context, 4 neighbours, 8 right tags)
        #[arg(long, default_value_t = train::DEFAULT_TAGGER_FEATS)]
        feats: u32,
        /// Tag dictionary: minimum count of a form
        #[arg(long, default_value_t = 10)]
        dict_min: usize,
        /// Tag dictionary: minimum share of the form's majority tag
        #[arg(long, default_value_t = 0.99)]
        dict_share: f64,
        /// Word dropout: probability of hiding a rare word's identity in training (0 = off)
        #[arg(long, default_value_t = 0.0)]
        drop: f32,
        /// Word dropout: a word is rare when seen at most this many times in train
        #[arg(long, default_value_t = 20)]
        drop_max: usize,
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
        #[arg(long, default_value_t = 12)]
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
        /// Unlabelled transitions plus a separate arc labeller (faster)
        #[arg(long)]
        split: bool,
        /// Cache file for the jackknifed training tags (read if it fits the treebank, else written)
        #[arg(long)]
        tags_cache: Option<String>,
        /// Optional feature templates (bits: 1 stack/lookahead, 2 suffixes, 4 labels, 8 punctuation)
        #[arg(long, default_value_t = train::DEFAULT_PARSER_FEATS)]
        feats: u32,
    },
    /// Train the sentence-boundary model (on paragraphs rebuilt from the treebank)
    Splitter {
        #[arg(long)]
        train: String,
        #[arg(long)]
        out: String,
        #[arg(long, default_value_t = 5)]
        epochs: usize,
    },
    /// Drop small weights from a trained parser or tagger (smaller, faster model)
    Prune {
        /// Parser model to prune
        #[arg(long)]
        parser: Option<String>,
        /// Tagger model to prune
        #[arg(long)]
        tagger: Option<String>,
        /// Weights of smaller magnitude are dropped
        #[arg(long)]
        threshold: f32,
        #[arg(long)]
        out: String,
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
            feats,
            dict_min,
            dict_share,
            drop,
            drop_max,
        } => {
            let tr = read(&train)?;
            let dv = match dev {
                Some(d) => read(&d)?,
                None => Vec::new(),
            };
            let opts = parley_text::tagger::TagTrainOptions {
                epochs,
                prune,
                folds,
                feats,
                dict_min,
                dict_share,
                drop,
                drop_max,
                ..train::tag_options()
            };
            let tagger = train::train_tagger_with(&tr, &dv, !upos_only, &opts, &mut log);
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
            split,
            tags_cache,
            feats,
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
            let cfg = train::ParserTrainConfig {
                epochs,
                folds,
                tag_epochs,
                prune,
                split,
                tags_cache,
                feats,
            };
            let parser: Parser = train::train_parser_with(&tr, &dv, &tg, &cfg, &mut log);
            std::fs::write(&out, parser.to_bytes())
                .with_context(|| format!("cannot write {out}"))?;
        }
        What::Splitter { train, out, epochs } => {
            let tr = read(&train)?;
            let sp = parley_text::splitter::train_conllu(&tr, epochs, &mut log);
            std::fs::write(&out, sp.to_bytes()).with_context(|| format!("cannot write {out}"))?;
        }
        What::Prune {
            parser,
            tagger,
            threshold,
            out,
        } => {
            let bytes = match (parser, tagger) {
                (Some(p), None) => {
                    let b = std::fs::read(&p).with_context(|| format!("cannot read {p}"))?;
                    let m = Parser::from_bytes(&b)?;
                    eprintln!("weights before: {}", m.model.n_weights());
                    let m = m.pruned(threshold);
                    eprintln!("weights after: {}", m.model.n_weights());
                    m.to_bytes()
                }
                (None, Some(p)) => {
                    let b = std::fs::read(&p).with_context(|| format!("cannot read {p}"))?;
                    let m = Tagger::from_bytes(&b)?;
                    eprintln!(
                        "weights before: {}",
                        m.model.n_weights() + m.model2.n_weights()
                    );
                    let m = m.pruned(threshold);
                    eprintln!(
                        "weights after: {}",
                        m.model.n_weights() + m.model2.n_weights()
                    );
                    m.to_bytes()
                }
                _ => anyhow::bail!("give one of --parser or --tagger"),
            };
            std::fs::write(&out, bytes).with_context(|| format!("cannot write {out}"))?;
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
