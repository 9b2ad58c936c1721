//! Learned sentence boundaries: an averaged perceptron decides, between two tokens of a
//! paragraph, whether a sentence ends. Hard rules stay on top: a blank line always ends a sentence
//! and no sentence exceeds [`crate::tokenize::MAX_SENT_TOKENS`].

use crate::perceptron::{self, hash_str, mix, Model, Reader, Trainer};
use crate::tokenize::{self, Tok, MAX_SENT_TOKENS};
use crate::TextError;

const MAGIC: &[u8] = b"PLYSPL1\n";

/// The trained boundary model.
#[derive(Debug, Clone, Default)]
pub struct Splitter {
    pub model: Model,
}

fn shape(s: &str) -> u64 {
    let mut h = 0x77u64;
    let mut last = 0u8;
    for c in s.chars().take(8) {
        let k = if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_ascii_digit() {
            3
        } else {
            (c as u32 % 251) as u8 + 4
        };
        if k != last {
            h = mix(h, k as u64);
            last = k;
        }
    }
    h
}

fn is_terminalish(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '…']) || matches!(t, "”" | "\"" | "’" | "'" | ")" | "]" | "''")
}

/// Whether a boundary after token `i` is worth asking the model about.
fn candidate(text: &str, toks: &[Tok], i: usize) -> bool {
    let t0 = &text[toks[i].start..toks[i].end];
    let t1 = &text[toks[i + 1].start..toks[i + 1].end];
    let c1 = t1.chars().next().unwrap_or(' ');
    let gap = &text[toks[i].end..toks[i + 1].start];
    is_terminalish(t0)
        || gap.contains('\n')
        || ((c1.is_uppercase() || c1.is_ascii_digit() || !c1.is_alphanumeric()) && !gap.is_empty())
}

fn features(text: &str, toks: &[Tok], i: usize, since: usize, rule: bool, out: &mut Vec<u64>) {
    out.clear();
    let tx = |k: isize| -> &str {
        if k < 0 || k as usize >= toks.len() {
            "<pad>"
        } else {
            &text[toks[k as usize].start..toks[k as usize].end]
        }
    };
    let i = i as isize;
    let (tm1, t0, t1, t2) = (tx(i - 1), tx(i), tx(i + 1), tx(i + 2));
    let l0 = hash_str(&t0.to_lowercase());
    let l1 = hash_str(&t1.to_lowercase());
    let lm1 = hash_str(&tm1.to_lowercase());
    let f1 = hash_str(t1);
    let (s0, s1, s2, sm1) = (shape(t0), shape(t1), shape(t2), shape(tm1));
    let gap = &text[toks[i as usize].end..toks[i as usize + 1].start];
    let g = if gap.contains('\n') {
        2
    } else if gap.is_empty() {
        0
    } else {
        1
    };
    let since_b = match since {
        0..=2 => since as u64,
        3..=4 => 3,
        5..=8 => 4,
        9..=15 => 5,
        16..=30 => 6,
        _ => 7,
    };
    let len0 = t0.chars().count().min(6) as u64;
    let mut k = 0u64;
    let mut p = |v: u64| {
        k += 1;
        out.push(mix(k, v));
    };
    p(0);
    p(l0);
    p(l1);
    p(f1);
    p(s0);
    p(s1);
    p(g);
    p(mix(l0, s1));
    p(mix(l0, l1));
    p(lm1);
    p(mix(lm1, l0));
    p(s2);
    p(mix(mix(s0, s1), g));
    p(since_b);
    p(mix(since_b, s1));
    p(rule as u64);
    p(mix(rule as u64, s1));
    p(mix(rule as u64, l0));
    p(mix(len0, s0));
    p(mix(sm1, mix(s0, s1)));
    p(mix(l1, g));
    p(mix(l0, g));
    p(mix(f1, s0));
}

fn rule_ends(text: &str, toks: &[Tok]) -> Vec<bool> {
    let mut ends = vec![false; toks.len()];
    for (_, e) in tokenize::split_sentences(text, toks) {
        if e > 0 {
            ends[e - 1] = true;
        }
    }
    ends
}

impl Splitter {
    /// Groups the tokens of one paragraph into sentences (token index ranges).
    pub fn split(&self, text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
        if self.model.n_classes() < 2 {
            return tokenize::split_sentences(text, toks);
        }
        let n = toks.len();
        let rules = rule_ends(text, toks);
        let mut out = Vec::new();
        let mut start = 0;
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0i32; 2];
        for i in 0..n.saturating_sub(1) {
            let gap = &text[toks[i].end..toks[i + 1].start];
            let hard = gap.matches('\n').count() >= 2 || i + 1 - start >= MAX_SENT_TOKENS;
            let brk = hard
                || (candidate(text, toks, i) && {
                    features(text, toks, i, i - start, rules[i], &mut feats);
                    self.model.score_i(&feats, &mut scores);
                    scores[1] > scores[0]
                });
            if brk {
                out.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < n {
            out.push((start, n));
        }
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.model.write_to(&mut out);
        perceptron::gzip(&out)
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Splitter, TextError> {
        let raw = perceptron::gunzip(gz)?;
        let mut r = Reader::new(&raw);
        if r.bytes(MAGIC.len())? != MAGIC {
            return Err(TextError::Model("not a parley splitter model".into()));
        }
        Ok(Splitter {
            model: Model::read_from(&mut r)?,
        })
    }
}

/// One training paragraph: its text and the byte offsets where gold sentences end.
pub struct SplitExample {
    pub text: String,
    pub ends: Vec<usize>,
}

/// Trains the boundary model on paragraphs tokenised by parley's own tokeniser.
pub fn train(data: &[SplitExample], epochs: usize, log: &mut dyn FnMut(String)) -> Splitter {
    let mut tr = Trainer::new(2);
    let prepared: Vec<(Vec<Tok>, Vec<bool>)> = data
        .iter()
        .map(|ex| {
            let toks = tokenize::tokenize(&ex.text);
            let set: std::collections::HashSet<usize> = ex.ends.iter().copied().collect();
            let gold = toks.iter().map(|t| set.contains(&t.end)).collect();
            (toks, gold)
        })
        .collect();
    let mut rng = crate::tagger::Rng(5);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut feats = Vec::new();
    let mut scores = [0f32; 2];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0, 0);
        for &k in &order {
            let (toks, gold) = &prepared[k];
            let text = &data[k].text;
            let rules = rule_ends(text, toks);
            let mut start = 0;
            for i in 0..toks.len().saturating_sub(1) {
                if !candidate(text, toks, i) {
                    continue;
                }
                features(text, toks, i, i - start, rules[i], &mut feats);
                tr.score(&feats, &mut scores);
                let guess = (scores[1] > scores[0]) as usize;
                let truth = gold[i] as usize;
                tr.tick();
                tr.update(&feats, truth, guess);
                right += (guess == truth) as usize;
                total += 1;
                if gold[i] {
                    start = i + 1;
                }
            }
        }
        log(format!(
            "splitter epoch {}: {:.4} of decisions right",
            epoch + 1,
            right as f64 / total.max(1) as f64
        ));
    }
    Splitter {
        model: tr.average(vec!["no".into(), "yes".into()], 0.0),
    }
}
