//! Evaluation on CoNLL-U: tagging and parsing with gold tokens, sentence segmentation on raw text
//! rebuilt from the treebank.

use crate::conllu::{self, ConllSentence};
use crate::Analyzer;
use parley_core::Span;

/// Scores with gold tokenisation; all words count, punctuation included (CoNLL 2018 convention).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParseScores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    /// Labelled attachment with full relations (`nsubj:pass` must match exactly).
    pub las: f64,
    /// Labelled attachment on the universal part of the relation (CoNLL 2018 LAS).
    pub las_universal: f64,
}

fn universal(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

pub fn eval_parse(analyzer: &Analyzer, sents: &[ConllSentence]) -> ParseScores {
    let (mut n, mut up, mut xp, mut lm, mut ua, mut la, mut lu) = (0usize, 0, 0, 0, 0, 0, 0);
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let out = analyzer.analyze_words(&words);
        for (g, p) in s.words.iter().zip(&out) {
            n += 1;
            up += (p.upos.as_str() == g.upos) as usize;
            xp += (p.xpos == g.xpos) as usize;
            lm += (p.lemma == g.lemma) as usize;
            if p.head == g.head {
                ua += 1;
                la += (p.deprel == g.deprel) as usize;
                lu += (universal(&p.deprel) == universal(&g.deprel)) as usize;
            }
        }
    }
    let f = |x: usize| x as f64 / n.max(1) as f64;
    ParseScores {
        words: n,
        upos: f(up),
        xpos: f(xp),
        lemma: f(lm),
        uas: f(ua),
        las: f(la),
        las_universal: f(lu),
    }
}

/// Raw text rebuilt from a treebank, with its paragraphs and gold sentence spans (code points).
#[derive(Debug, Clone, Default)]
pub struct RawText {
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
}

/// Rebuilds raw text: tokens joined as `SpaceAfter` says, sentences of a paragraph joined by one
/// space, paragraphs (`# newpar`, `# newdoc`) separated by a blank line.
pub fn rebuild_text(sents: &[ConllSentence]) -> RawText {
    let mut r = RawText::default();
    let mut chars = 0usize;
    let mut par_start: Option<usize> = None;
    let push = |r: &mut RawText, chars: &mut usize, s: &str| {
        r.text.push_str(s);
        *chars += s.chars().count();
    };
    for s in sents {
        let new_par = s.has_comment("newpar") || s.has_comment("newdoc") || par_start.is_none();
        if new_par {
            if let Some(p) = par_start.take() {
                r.paragraphs.push(Span {
                    start: p,
                    end: chars,
                });
                push(&mut r, &mut chars, "\n\n");
            }
            par_start = Some(chars);
        } else {
            push(&mut r, &mut chars, " ");
        }
        let start = chars;
        let toks = conllu::surface_tokens(s);
        let n = toks.len();
        for (i, (form, space)) in toks.into_iter().enumerate() {
            push(&mut r, &mut chars, &form);
            if space && i + 1 < n {
                push(&mut r, &mut chars, " ");
            }
        }
        r.sentences.push(Span { start, end: chars });
    }
    if let Some(p) = par_start {
        r.paragraphs.push(Span {
            start: p,
            end: chars,
        });
    }
    r
}

/// Sentence segmentation precision, recall and F1: a predicted sentence counts when its start and
/// end both equal a gold sentence's.
pub fn sentence_f1(analyzer: &Analyzer, raw: &RawText, use_paragraphs: bool) -> (f64, f64, f64) {
    let paras: &[Span] = if use_paragraphs { &raw.paragraphs } else { &[] };
    let text = if use_paragraphs {
        raw.text.clone()
    } else {
        raw.text.replace("\n\n", "  ")
    };
    let pred: Vec<Span> = analyzer
        .analyze(&text, paras)
        .iter()
        .map(|s| Span {
            start: s.start,
            end: s.end,
        })
        .collect();
    let gold: std::collections::HashSet<Span> = raw.sentences.iter().copied().collect();
    let hit = pred.iter().filter(|s| gold.contains(s)).count();
    let p = hit as f64 / pred.len().max(1) as f64;
    let r = hit as f64 / gold.len().max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
