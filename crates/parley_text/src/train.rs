//! Rebuilding the models from a UD treebank: tagger, parser (on jackknifed tags) and lemma lists.

use std::collections::{HashMap, HashSet};

use parley_core::Upos;

use crate::conllu::{self, ConllSentence};
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseExample, ParseTrainOptions, Parser};
use crate::tagger::{self, TagTrainOptions, Tagger};
use crate::TextError;

/// The pruning threshold the committed models use.
pub const DEFAULT_PRUNE: f32 = 1.0;

/// Reads a CoNLL-U file; malformed lines are skipped (their diagnostics returned).
pub fn read_conllu(path: &str) -> Result<(Vec<ConllSentence>, Vec<String>), TextError> {
    let text = std::fs::read_to_string(path).map_err(|e| TextError::Io {
        path: path.to_string(),
        source: e,
    })?;
    Ok(conllu::parse(&text))
}

/// The tagger's class for a word: `UPOS|XPOS` when `xpos`, else `UPOS`.
pub fn tag_class(w: &conllu::Word, xpos: bool) -> String {
    let u = if Upos::parse(&w.upos).is_some() {
        w.upos.as_str()
    } else {
        "X"
    };
    if xpos {
        format!("{u}|{}", w.xpos)
    } else {
        u.to_string()
    }
}

fn tag_data(sents: &[ConllSentence], xpos: bool) -> Vec<Vec<(String, String)>> {
    sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| (w.form.clone(), tag_class(w, xpos)))
                .collect()
        })
        .collect()
}

pub fn train_tagger(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    epochs: usize,
    xpos: bool,
    prune: f32,
    folds: usize,
    log: &mut dyn FnMut(String),
) -> Tagger {
    let opts = TagTrainOptions {
        epochs,
        prune,
        folds,
        ..tag_options()
    };
    train_tagger_with(train, dev, xpos, &opts, log)
}

/// The tagger settings of the committed model (epochs, folds and prune as `parley train tagger`
/// defaults them).
pub fn tag_options() -> TagTrainOptions {
    TagTrainOptions {
        epochs: 12,
        seed: 7,
        amb_min: 3,
        prune: DEFAULT_PRUNE,
        folds: 4,
        feats: DEFAULT_TAGGER_FEATS,
        dict_min: 10,
        dict_share: 0.99,
        drop: 0.0,
        drop_max: 1,
    }
}

/// The optional tagger templates the committed model uses.
pub const DEFAULT_TAGGER_FEATS: u32 = 0;
/// The optional parser templates the committed model uses.
pub const DEFAULT_PARSER_FEATS: u32 = 15;

pub fn train_tagger_with(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    xpos: bool,
    opts: &TagTrainOptions,
    log: &mut dyn FnMut(String),
) -> Tagger {
    tagger::train(&tag_data(train, xpos), opts, &tag_data(dev, xpos), log)
}

fn examples(sents: &[ConllSentence], tags: Vec<Vec<String>>) -> Vec<ParseExample> {
    sents
        .iter()
        .zip(tags)
        .filter(|(s, _)| s.tree_is_valid())
        .map(|(s, t)| ParseExample {
            forms: s.words.iter().map(|w| w.form.clone()).collect(),
            tags: t,
            heads: s.words.iter().map(|w| w.head).collect(),
            labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        })
        .collect()
}

fn tag_with(t: &Tagger, sents: &[ConllSentence]) -> Vec<Vec<String>> {
    sents
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            t.tag(&words)
                .into_iter()
                .map(|c| t.classes()[c].clone())
                .collect()
        })
        .collect()
}

/// Trains the parser on tags predicted by jackknifed taggers (`folds` of them; 0 = gold tags),
/// and scores it on `dev` tagged by `tagger`.
#[allow(clippy::too_many_arguments)]
pub fn train_parser(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    tagger: &Tagger,
    epochs: usize,
    folds: usize,
    tag_epochs: usize,
    prune: f32,
    log: &mut dyn FnMut(String),
) -> Parser {
    train_parser_with(
        train,
        dev,
        tagger,
        &ParserTrainConfig {
            epochs,
            folds,
            tag_epochs,
            prune,
            split: false,
            tags_cache: None,
            feats: DEFAULT_PARSER_FEATS,
        },
        log,
    )
}

/// Everything `parley train parser` can set.
pub struct ParserTrainConfig {
    pub epochs: usize,
    /// Jackknife folds for the training tags (0 or 1: gold tags).
    pub folds: usize,
    /// Tagger epochs inside each jackknife fold.
    pub tag_epochs: usize,
    pub prune: f32,
    /// Unlabelled transitions plus a separate arc labeller.
    pub split: bool,
    /// A file holding the jackknifed training tags (one sentence per line, tab-separated): read
    /// when it exists and matches the treebank, else written after tagging.
    pub tags_cache: Option<String>,
    /// Optional feature templates (`parser::PF_*` bits).
    pub feats: u32,
}

fn read_tags_cache(path: &str, train: &[ConllSentence]) -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).ok()?;
    let tags: Vec<Vec<String>> = text
        .lines()
        .map(|l| {
            if l.is_empty() {
                Vec::new()
            } else {
                l.split('\t').map(str::to_string).collect()
            }
        })
        .collect();
    let fits = tags.len() == train.len()
        && tags
            .iter()
            .zip(train)
            .all(|(t, s)| t.len() == s.words.len());
    fits.then_some(tags)
}

/// Trains the parser as configured (see [`ParserTrainConfig`]).
pub fn train_parser_with(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    tagger: &Tagger,
    cfg: &ParserTrainConfig,
    log: &mut dyn FnMut(String),
) -> Parser {
    let (epochs, folds, tag_epochs, prune) = (cfg.epochs, cfg.folds, cfg.tag_epochs, cfg.prune);
    let xpos = tagger.classes().iter().any(|c| c.contains('|'));
    let cached = cfg
        .tags_cache
        .as_deref()
        .and_then(|p| read_tags_cache(p, train));
    if cached.is_some() {
        log("jackknifed training tags read from the cache".into());
    }
    let train_tags: Vec<Vec<String>> = if let Some(t) = cached {
        t
    } else if folds < 2 {
        train
            .iter()
            .map(|s| s.words.iter().map(|w| tag_class(w, xpos)).collect())
            .collect()
    } else {
        let mut tags = vec![Vec::new(); train.len()];
        for f in 0..folds {
            let rest: Vec<ConllSentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, s)| s.clone())
                .collect();
            let held: Vec<usize> = (0..train.len()).filter(|i| i % folds == f).collect();
            // one-pass taggers here: close to the final tagger's accuracy at a fifth of the cost
            let opts = TagTrainOptions {
                epochs: tag_epochs,
                prune,
                folds: 0,
                feats: tagger.feats,
                ..tag_options()
            };
            let t = train_tagger_with(&rest, &[], xpos, &opts, &mut |_| {});
            let held_sents: Vec<ConllSentence> = held.iter().map(|&i| train[i].clone()).collect();
            for (i, tg) in held.iter().zip(tag_with(&t, &held_sents)) {
                tags[*i] = tg;
            }
            log(format!("jackknife fold {}/{folds} tagged", f + 1));
        }
        if let Some(p) = &cfg.tags_cache {
            let lines: Vec<String> = tags.iter().map(|t| t.join("\t")).collect();
            if let Err(e) = std::fs::write(p, lines.join("\n") + "\n") {
                log(format!("cannot write the tag cache {p}: {e}"));
            }
        }
        tags
    };
    let train_ex = examples(train, train_tags);
    let dev_ex = examples(dev, tag_with(tagger, dev));
    parser::train(
        &train_ex,
        &dev_ex,
        &ParseTrainOptions {
            epochs,
            seed: 11,
            explore: 0.9,
            prune,
            split: cfg.split,
            feats: cfg.feats,
        },
        log,
    )
}

/// Derives `(lemma_vocab.tsv, lemma_exceptions.tsv)` from a treebank: the known lemmas of open
/// classes, and the (form, UPOS) pairs whose majority lemma the rules get wrong.
pub fn derive_lemmas(train: &[ConllSentence]) -> (String, String) {
    let mut vocab: HashSet<String> = HashSet::new();
    let mut counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for s in train {
        for w in &s.words {
            let Some(u) = Upos::parse(&w.upos) else {
                continue;
            };
            if w.lemma == "_" || w.lemma.is_empty() {
                continue;
            }
            if matches!(
                u,
                Upos::NOUN | Upos::VERB | Upos::AUX | Upos::ADJ | Upos::ADV
            ) {
                vocab.insert(format!("{}\t{}", w.lemma.to_lowercase(), u.as_str()));
            }
            *counts
                .entry((w.form.to_lowercase(), w.upos.clone()))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
        }
    }
    let lem = Lemmatizer::with_vocab(vocab.clone());
    let mut exc: Vec<String> = Vec::new();
    for ((form, upos), ls) in &counts {
        let Some(u) = Upos::parse(upos) else { continue };
        if matches!(
            u,
            Upos::PROPN | Upos::PUNCT | Upos::SYM | Upos::NUM | Upos::X
        ) {
            continue;
        }
        let (best, n) = ls
            .iter()
            .max_by_key(|x| (*x.1, x.0.clone()))
            .map(|(a, b)| (a.clone(), *b))
            .unwrap_or_default();
        if lem.rules(form, form, u) != best {
            exc.push(format!("{form}\t{upos}\t{best}\t{n}"));
        }
    }
    exc.sort();
    let mut v: Vec<String> = vocab.into_iter().collect();
    v.sort();
    let vocab_tsv = format!(
        "# lemma\tUPOS — lemmas of open-class words in UD English-EWT train (CC BY-SA 4.0), from `parley train lemmas`\n{}\n",
        v.join("\n")
    );
    let exc_tsv = format!(
        "# form\tUPOS\tlemma\tcount — where the suffix rules disagree with UD English-EWT train (CC BY-SA 4.0), from `parley train lemmas`\n{}\n",
        exc.join("\n")
    );
    (vocab_tsv, exc_tsv)
}

/// Paragraph texts with gold sentence ends (byte offsets), rebuilt as `eval::rebuild_text` does.
pub fn split_examples(sents: &[ConllSentence]) -> Vec<crate::splitter::SplitExample> {
    let raw = crate::eval::rebuild_text(sents);
    let idx = parley_core::CharIndex::new(&raw.text);
    let mut out = Vec::new();
    let mut k = 0;
    for p in &raw.paragraphs {
        let (pb, pe) = (idx.byte_of_char(p.start), idx.byte_of_char(p.end));
        let mut ends = Vec::new();
        while k < raw.sentences.len() && raw.sentences[k].end <= p.end {
            ends.push(idx.byte_of_char(raw.sentences[k].end) - pb);
            k += 1;
        }
        out.push(crate::splitter::SplitExample {
            text: raw.text[pb..pe].to_string(),
            ends,
        });
    }
    out
}

pub fn train_splitter(
    train: &[ConllSentence],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> crate::splitter::Splitter {
    crate::splitter::train_conllu(train, epochs, log)
}
