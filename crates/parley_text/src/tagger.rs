//! Averaged-perceptron part-of-speech tagger (UPOS and Penn XPOS), greedy left to right.
//!
//! At inference a third of the features read only the word itself (`word_features`): their
//! summed scores come from a bounded per-thread cache keyed by the word's hashes (`WordCache`),
//! and the features that read neighbouring words but no tag are computed once for both passes.
//! The sums are the same integers in another order, so the tags are exactly those of
//! scoring every feature one by one.

use std::collections::HashMap;

use parley_core::Upos;

use crate::perceptron::{self, hash_str, lower_into, mix, Fnv, IdBuild, Model, Reader, Trainer};
use crate::TextError;

const MAGIC: &[u8] = b"PLYTAG5\n";

/// Optional feature templates ([`Tagger::feats`], stored in the model).
pub const TF_LEX: u32 = 1;
pub const TF_CTX: u32 = 2;
pub const TF_NEIGH: u32 = 4;
pub const TF_RIGHT: u32 = 8;
const START: u64 = 0xFFFF_0001;
/// The identity hash of a word whose form is hidden (training-time word dropout).
const NOWORD: u64 = 0;

/// Per-word precomputed hashes shared by the tagger's templates.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub form: u64,
    pub lower: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    pub flags: u64,
    /// Hash of the set of tags the word took in training (its ambiguity class), or 0.
    pub amb: u64,
}

/// Hash of the word's shape: case classes of its characters, runs longer than 3 cut to 3.
fn shape_hash(s: &str) -> u64 {
    shape_of(s.chars())
}

/// [`shape_hash`] over the word's first 40 characters, given one at a time.
fn shape_of(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = Fnv::new();
    let mut last = ' ';
    let mut run = 0;
    for c in chars.take(40) {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if m == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 0;
            last = m;
        }
        h.char(m);
    }
    h.0
}

impl WordInfo {
    pub fn new(form: &str) -> WordInfo {
        WordInfo::new_in(form, &mut String::new())
    }

    /// Like [`WordInfo::new`], lower-casing into the caller's buffer (no allocation per word).
    pub fn new_in(form: &str, lower: &mut String) -> WordInfo {
        if form.is_ascii() {
            return WordInfo::new_ascii(form.as_bytes());
        }
        WordInfo::new_general(form, lower)
    }

    /// [`WordInfo::new_in`] for any form.
    fn new_general(form: &str, lower: &mut String) -> WordInfo {
        lower_into(form, lower);
        let lower = lower.as_str();
        // byte offsets where the last 1..=4 characters start, and where the first 1..=3 end
        let mut suf = [0u64; 4];
        let mut ends = lower.char_indices().rev().map(|(i, _)| i);
        let mut at = 0;
        for (k, s) in suf.iter_mut().enumerate() {
            if let Some(i) = ends.next() {
                at = i;
            }
            *s = mix(hash_str(&lower[at..]), 100 + k as u64);
        }
        let mut pre = [0u64; 3];
        let mut starts = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        let mut at = 0;
        for (k, p) in pre.iter_mut().enumerate() {
            if let Some(i) = starts.next() {
                at = i;
            }
            *p = mix(hash_str(&lower[..at]), 200 + k as u64);
        }
        let mut flags = 0u64;
        if form.bytes().any(|c| c.is_ascii_digit()) {
            flags |= 1;
        }
        if form.contains('-') {
            flags |= 2;
        }
        if form.chars().next().is_some_and(|c| c.is_uppercase()) {
            flags |= 4;
        }
        if form.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            flags |= 8;
        }
        WordInfo {
            form: hash_str(form).max(1),
            lower: hash_str(lower).max(1),
            suf,
            pre,
            shape: shape_hash(form),
            flags,
            amb: 0,
        }
    }
    /// [`WordInfo::new_in`] for an ASCII form: the same hashes from one look at the bytes,
    /// lower-casing on the fly (no buffer, no character decoding).
    fn new_ascii(b: &[u8]) -> WordInfo {
        let n = b.len();
        let lower_hash = |s: &[u8]| {
            let mut h = Fnv::new();
            for &x in s {
                h.byte(x.to_ascii_lowercase());
            }
            h.0
        };
        let mut suf = [0u64; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            *s = mix(lower_hash(&b[n.saturating_sub(k + 1)..]), 100 + k as u64);
        }
        let mut pre = [0u64; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            *p = mix(lower_hash(&b[..n.min(k + 1)]), 200 + k as u64);
        }
        let mut flags = 0u64;
        let mut form = Fnv::new();
        let mut lower = Fnv::new();
        let mut lowercase = false;
        for &c in b {
            form.byte(c);
            lower.byte(c.to_ascii_lowercase());
            if c.is_ascii_digit() {
                flags |= 1;
            }
            if c == b'-' {
                flags |= 2;
            }
            lowercase |= c.is_ascii_lowercase();
        }
        if b.first().is_some_and(|c| c.is_ascii_uppercase()) {
            flags |= 4;
        }
        if !lowercase {
            flags |= 8;
        }
        WordInfo {
            form: form.0.max(1),
            lower: lower.0.max(1),
            suf,
            pre,
            shape: shape_of(b.iter().map(|&c| char::from(c))),
            flags,
            amb: 0,
        }
    }

    const fn pad(k: u64) -> WordInfo {
        WordInfo {
            form: k,
            lower: k,
            suf: [k; 4],
            pre: [k; 3],
            shape: k,
            flags: k,
            amb: k,
        }
    }
}

/// The trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    pub model: Model,
    /// Case-sensitive forms that always take one tag in training.
    pub tagdict: HashMap<String, u16>,
    /// Lower-cased frequent words → hash of their ambiguity class.
    pub amb: HashMap<String, u64>,
    /// Second pass that also sees the first pass's tags to the right (empty: one pass).
    pub model2: Model,
    /// `tagdict` keyed by the hash of the form, `amb` by the hash of the lower-cased form
    /// (built by [`Tagger::indexed`]; lookups without hashing strings twice).
    td_h: HashMap<u64, u16, IdBuild>,
    amb_h: HashMap<u64, u64, IdBuild>,
    /// Optional templates in use (`TF_*` bits).
    pub feats: u32,
}

fn features(
    w: &[WordInfo],
    i: usize,
    p1: u64,
    p2: u64,
    right: Option<(u64, u64)>,
    fl: u32,
    out: &mut Vec<u64>,
) {
    out.clear();
    let pad1 = WordInfo::pad(0xAAAA_0001);
    let pad2 = WordInfo::pad(0xAAAA_0002);
    let get = |k: isize| -> WordInfo {
        if k < 0 {
            if k == -1 {
                pad1
            } else {
                pad2
            }
        } else if (k as usize) >= w.len() {
            if k as usize == w.len() {
                WordInfo::pad(0xAAAA_0003)
            } else {
                WordInfo::pad(0xAAAA_0004)
            }
        } else {
            w[k as usize]
        }
    };
    let i = i as isize;
    let c = get(i);
    let m1 = get(i - 1);
    let m2 = get(i - 2);
    let n1 = get(i + 1);
    let n2 = get(i + 2);
    let f = |t: u64, v: u64| mix(t, v);
    // a word whose identity was dropped in training (`NOWORD`) gives no identity features
    let (kc, km1, km2, kn1, kn2) = (
        c.lower != NOWORD,
        m1.lower != NOWORD,
        m2.lower != NOWORD,
        n1.lower != NOWORD,
        n2.lower != NOWORD,
    );
    out.push(f(1, 0));
    if kc {
        out.push(f(2, c.lower));
        out.push(f(3, c.form));
    }
    for k in 0..4 {
        out.push(f(4 + k as u64, c.suf[k]));
    }
    for k in 0..3 {
        out.push(f(8 + k as u64, c.pre[k]));
    }
    out.push(f(11, c.shape));
    out.push(f(12, p1));
    out.push(f(13, p2));
    out.push(f(14, mix(p1, p2)));
    if kc {
        out.push(f(15, mix(p1, c.lower)));
    }
    if km1 {
        out.push(f(16, m1.lower));
    }
    out.push(f(17, m1.suf[2]));
    if km2 {
        out.push(f(18, m2.lower));
    }
    if kn1 {
        out.push(f(19, n1.lower));
    }
    out.push(f(20, n1.suf[2]));
    if kn2 {
        out.push(f(21, n2.lower));
    }
    if km1 && kc {
        out.push(f(22, mix(m1.lower, c.lower)));
    }
    if kc && kn1 {
        out.push(f(23, mix(c.lower, n1.lower)));
    }
    out.push(f(24, mix(p1, c.suf[2])));
    if kn1 && kn2 {
        out.push(f(25, mix(n1.lower, n2.lower)));
    }
    if kn1 {
        out.push(f(26, mix(p1, n1.lower)));
    }
    out.push(f(27, mix(c.flags, (i == 0) as u64)));
    out.push(f(28, m1.shape));
    out.push(f(29, n1.shape));
    out.push(f(30, mix(c.shape, mix(m1.shape, n1.shape))));
    out.push(f(31, n1.suf[1]));
    if kc {
        out.push(f(32, mix(c.form, (i == 0) as u64)));
    }
    out.push(f(33, mix(p1, n1.suf[2])));
    if km1 && kc && kn1 {
        out.push(f(34, mix(m1.lower, mix(c.lower, n1.lower))));
    }
    if kn1 {
        out.push(f(35, mix(c.suf[2], n1.lower)));
    }
    out.push(f(36, n2.suf[2]));
    out.push(f(37, m2.suf[2]));
    if km2 {
        out.push(f(38, mix(p2, m2.lower)));
    }
    if kc {
        out.push(f(39, mix(c.lower, n1.shape)));
    }
    out.push(f(40, c.amb));
    out.push(f(41, n1.amb));
    out.push(f(42, n2.amb));
    out.push(f(43, m1.amb));
    out.push(f(44, mix(c.amb, n1.amb)));
    out.push(f(45, mix(p1, c.amb)));
    out.push(f(46, mix(c.amb, c.suf[2])));
    out.push(f(47, mix(mix(p1, c.amb), n1.amb)));
    out.push(f(48, c.suf[3]));
    out.push(f(49, mix(c.amb, c.flags)));
    if fl & TF_LEX != 0 {
        out.push(f(70, mix(c.suf[1], c.flags)));
        out.push(f(71, mix(c.suf[2], c.flags)));
        out.push(f(72, mix(c.pre[1], c.suf[1])));
        out.push(f(73, mix(c.shape, c.suf[0])));
    }
    if fl & TF_CTX != 0 {
        if km1 {
            out.push(f(74, mix(p1, m1.lower)));
        }
        if kc {
            out.push(f(75, mix(mix(p1, p2), c.lower)));
        }
        out.push(f(76, mix(mix(p1, p2), c.amb)));
        if km1 && kc {
            out.push(f(77, mix(mix(m1.lower, c.lower), n1.amb)));
        }
    }
    if fl & TF_NEIGH != 0 {
        out.push(f(78, m1.suf[3]));
        out.push(f(79, n1.suf[3]));
        out.push(f(80, mix(n1.flags, c.flags)));
        out.push(f(81, mix(m1.flags, c.flags)));
        out.push(f(82, n1.pre[1]));
    }
    if let Some((r1, r2)) = right {
        out.push(f(60, r1));
        out.push(f(61, r2));
        out.push(f(62, mix(r1, r2)));
        if kc {
            out.push(f(63, mix(r1, c.lower)));
        }
        out.push(f(64, mix(p1, r1)));
        out.push(f(65, mix(r1, c.suf[2])));
        out.push(f(66, mix(r1, c.amb)));
        out.push(f(67, mix(mix(p1, r1), c.amb)));
        if kn1 {
            out.push(f(68, mix(r1, n1.lower)));
        }
        if fl & TF_RIGHT != 0 {
            if kc {
                out.push(f(83, mix(mix(r1, r2), c.lower)));
                out.push(f(84, mix(mix(p1, r1), c.lower)));
            }
            out.push(f(85, mix(mix(r1, r2), c.amb)));
            out.push(f(86, mix(mix(p1, r1), c.suf[2])));
        }
    }
}

/// Room for every feature [`features_fixed`] writes (75 with every template on).
const MAX_FEATS: usize = 96;
/// Room for [`word_features`] (21 with every template on).
const MAX_WORD: usize = 24;
/// Room for [`context_features`] (28 with every template on).
const MAX_CTX: usize = 32;

static PADS: [WordInfo; 4] = [
    WordInfo::pad(0xAAAA_0002),
    WordInfo::pad(0xAAAA_0001),
    WordInfo::pad(0xAAAA_0003),
    WordInfo::pad(0xAAAA_0004),
];

/// The words around position `i`: two before, the word itself, two after (padded at the ends).
#[inline]
fn window(w: &[WordInfo], i: usize) -> [&WordInfo; 5] {
    let n = w.len();
    let get = |k: usize| -> &WordInfo {
        // `k` is the position plus 2
        if k < 2 {
            &PADS[k]
        } else if k - 2 < n {
            &w[k - 2]
        } else if k - 2 == n {
            &PADS[2]
        } else {
            &PADS[3]
        }
    };
    [get(i), get(i + 1), get(i + 2), get(i + 3), get(i + 4)]
}

/// The features that read only the word itself (and whether it opens the sentence): the same at
/// every occurrence of the word, so their summed scores are cached per word ([`WordCache`]).
/// Returns how many were written.
#[inline]
fn word_features(c: &WordInfo, first: bool, fl: u32, out: &mut [u64; MAX_WORD]) -> usize {
    let f = mix;
    let first = first as u64;
    let head = [
        f(1, 0),
        f(2, c.lower),
        f(3, c.form),
        f(4, c.suf[0]),
        f(5, c.suf[1]),
        f(6, c.suf[2]),
        f(7, c.suf[3]),
        f(8, c.pre[0]),
        f(9, c.pre[1]),
        f(10, c.pre[2]),
        f(11, c.shape),
        f(27, mix(c.flags, first)),
        f(32, mix(c.form, first)),
        f(40, c.amb),
        f(46, mix(c.amb, c.suf[2])),
        f(48, c.suf[3]),
        f(49, mix(c.amb, c.flags)),
    ];
    out[..head.len()].copy_from_slice(&head);
    let mut k = head.len();
    if fl & TF_LEX != 0 {
        out[k..k + 4].copy_from_slice(&[
            f(70, mix(c.suf[1], c.flags)),
            f(71, mix(c.suf[2], c.flags)),
            f(72, mix(c.pre[1], c.suf[1])),
            f(73, mix(c.shape, c.suf[0])),
        ]);
        k += 4;
    }
    k
}

/// The features that read the neighbouring words but no tag: the same in both passes.
/// Returns how many were written (a function of `fl` alone).
#[inline]
fn context_features(win: &[&WordInfo; 5], fl: u32, out: &mut [u64; MAX_CTX]) -> usize {
    let [m2, m1, c, n1, n2] = *win;
    let f = mix;
    let head = [
        f(16, m1.lower),
        f(17, m1.suf[2]),
        f(18, m2.lower),
        f(19, n1.lower),
        f(20, n1.suf[2]),
        f(21, n2.lower),
        f(22, mix(m1.lower, c.lower)),
        f(23, mix(c.lower, n1.lower)),
        f(25, mix(n1.lower, n2.lower)),
        f(28, m1.shape),
        f(29, n1.shape),
        f(30, mix(c.shape, mix(m1.shape, n1.shape))),
        f(31, n1.suf[1]),
        f(34, mix(m1.lower, mix(c.lower, n1.lower))),
        f(35, mix(c.suf[2], n1.lower)),
        f(36, n2.suf[2]),
        f(37, m2.suf[2]),
        f(39, mix(c.lower, n1.shape)),
        f(41, n1.amb),
        f(42, n2.amb),
        f(43, m1.amb),
        f(44, mix(c.amb, n1.amb)),
    ];
    out[..head.len()].copy_from_slice(&head);
    let mut k = head.len();
    if fl & TF_CTX != 0 {
        out[k] = f(77, mix(mix(m1.lower, c.lower), n1.amb));
        k += 1;
    }
    if fl & TF_NEIGH != 0 {
        out[k..k + 5].copy_from_slice(&[
            f(78, m1.suf[3]),
            f(79, n1.suf[3]),
            f(80, mix(n1.flags, c.flags)),
            f(81, mix(m1.flags, c.flags)),
            f(82, n1.pre[1]),
        ]);
        k += 5;
    }
    k
}

/// The features that read the tags: `p1`, `p2` to the left and, in the second pass, the first
/// pass's tags to the right. Written into `out` as far as it has room; returns how many.
#[inline]
fn tag_features(
    win: &[&WordInfo; 5],
    p1: u64,
    p2: u64,
    right: Option<(u64, u64)>,
    fl: u32,
    out: &mut [u64],
) -> usize {
    let [m2, m1, c, n1, _] = *win;
    let f = mix;
    let p12 = mix(p1, p2);
    let p1a = mix(p1, c.amb);
    let mut k = 0;
    let mut put = |xs: &[u64]| {
        if let Some(o) = out.get_mut(k..k + xs.len()) {
            o.copy_from_slice(xs);
            k += xs.len();
        }
    };
    put(&[
        f(12, p1),
        f(13, p2),
        f(14, p12),
        f(15, mix(p1, c.lower)),
        f(24, mix(p1, c.suf[2])),
        f(26, mix(p1, n1.lower)),
        f(33, mix(p1, n1.suf[2])),
        f(38, mix(p2, m2.lower)),
        f(45, p1a),
        f(47, mix(p1a, n1.amb)),
    ]);
    if fl & TF_CTX != 0 {
        put(&[
            f(74, mix(p1, m1.lower)),
            f(75, mix(p12, c.lower)),
            f(76, mix(p12, c.amb)),
        ]);
    }
    if let Some((r1, r2)) = right {
        let r12 = mix(r1, r2);
        let p1r = mix(p1, r1);
        put(&[
            f(60, r1),
            f(61, r2),
            f(62, r12),
            f(63, mix(r1, c.lower)),
            f(64, p1r),
            f(65, mix(r1, c.suf[2])),
            f(66, mix(r1, c.amb)),
            f(67, mix(p1r, c.amb)),
            f(68, mix(r1, n1.lower)),
        ]);
        if fl & TF_RIGHT != 0 {
            put(&[
                f(83, mix(r12, c.lower)),
                f(84, mix(p1r, c.lower)),
                f(85, mix(r12, c.amb)),
                f(86, mix(p1r, c.suf[2])),
            ]);
        }
    }
    k
}

/// [`features`] at inference, where no word is hidden: the same features (in another order; the
/// scores are sums) written into a fixed array — [`word_features`], [`context_features`] and
/// [`tag_features`] in turn; returns how many.
#[inline]
fn features_fixed(
    w: &[WordInfo],
    i: usize,
    p1: u64,
    p2: u64,
    right: Option<(u64, u64)>,
    fl: u32,
    out: &mut [u64; MAX_FEATS],
) -> usize {
    let win = window(w, i);
    let mut word = [0u64; MAX_WORD];
    let a = word_features(win[2], i == 0, fl, &mut word);
    let mut ctx = [0u64; MAX_CTX];
    let b = context_features(&win, fl, &mut ctx);
    out[..a].copy_from_slice(&word[..a]);
    out[a..a + b].copy_from_slice(&ctx[..b]);
    a + b + tag_features(&win, p1, p2, right, fl, &mut out[a + b..])
}

/// Slots of the per-thread [`WordCache`] (a power of two).
const WORD_SLOTS: usize = 1 << 13;

/// The summed scores of [`word_features`] under both passes' models, per word: a direct-mapped
/// table (a word whose slot is taken replaces the word there), so its memory is bounded. An entry
/// is keyed by the whole [`WordInfo`] and the sentence-initial bit, everything those features
/// read, so a hit gives exactly the scores the features would sum to. Kept per thread
/// ([`TagScratch`]) for one pair of models and one set of templates at a time (by [`Model::id`]
/// and [`Tagger::feats`]).
struct WordCache {
    /// Ids of the two models the entries were scored with, and the templates in use.
    models: (u64, u64),
    feats: u32,
    /// Class counts of the two models; an entry holds `n1 + n2` scores.
    n1: usize,
    n2: usize,
    /// The word and 1 (not sentence-initial) or 2 (initial) per slot; 0: empty.
    keys: Vec<(WordInfo, u8)>,
    scores: Vec<i32>,
}

impl WordCache {
    fn new() -> WordCache {
        WordCache {
            models: (0, 0),
            feats: 0,
            n1: 0,
            n2: 0,
            keys: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// Empties the cache unless it holds the scores of `t`'s models.
    fn prepare(&mut self, t: &Tagger) {
        let (n1, n2) = (t.model.n_classes(), t.model2.n_classes());
        let ids = (t.model.id(), t.model2.id());
        if self.models == ids
            && self.feats == t.feats
            && self.n1 == n1
            && self.n2 == n2
            && !self.keys.is_empty()
        {
            return;
        }
        self.models = ids;
        self.feats = t.feats;
        self.n1 = n1;
        self.n2 = n2;
        self.keys.clear();
        self.keys.resize(WORD_SLOTS, (WordInfo::default(), 0));
        self.scores.clear();
        self.scores.resize(WORD_SLOTS * (n1 + n2), 0);
    }

    /// The slot holding `c`'s word-feature scores (scored now if it was not there).
    #[inline]
    fn slot(&mut self, t: &Tagger, c: &WordInfo, first: bool) -> usize {
        let tag = 1 + first as u8;
        let s = (mix(c.form, c.lower.wrapping_add(first as u64)) as usize) & (WORD_SLOTS - 1);
        if self.keys[s].1 != tag || self.keys[s].0 != *c {
            let mut feats = [0u64; MAX_WORD];
            let k = word_features(c, first, t.feats, &mut feats);
            let w = self.n1 + self.n2;
            let row = &mut self.scores[s * w..(s + 1) * w];
            let (a, b) = row.split_at_mut(self.n1);
            t.model.score_i(&feats[..k], a);
            if self.n2 > 0 {
                t.model2.score_i(&feats[..k], b);
            }
            self.keys[s] = (*c, tag);
        }
        s
    }

    /// The first pass's word scores in slot `s`.
    #[inline]
    fn pass1(&self, s: usize) -> &[i32] {
        let w = self.n1 + self.n2;
        &self.scores[s * w..s * w + self.n1]
    }

    /// The second pass's word scores in slot `s`.
    #[inline]
    fn pass2(&self, s: usize) -> &[i32] {
        let w = self.n1 + self.n2;
        &self.scores[s * w + self.n1..(s + 1) * w]
    }
}

/// Sentences of up to this many words keep [`TagScratch`]'s buffers for the next sentence.
const KEEP_WORDS: usize = 4096;

/// Per-thread scratch of [`Tagger::tag_infos`]: the word cache and the sentence's buffers.
struct TagScratch {
    cache: WordCache,
    /// [`context_features`] of each position, `MAX_CTX` apart.
    ctx: Vec<u64>,
    /// The tag dictionary's tag of each position, if any.
    dict: Vec<Option<u16>>,
    scores: Vec<i32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<TagScratch> = std::cell::RefCell::new(TagScratch {
        cache: WordCache::new(),
        ctx: Vec::new(),
        dict: Vec::new(),
        scores: Vec::new(),
    });
}

impl Tagger {
    /// Builds the hashed lookup tables from `tagdict` and `amb`.
    pub fn indexed(mut self) -> Tagger {
        self.td_h = self
            .tagdict
            .iter()
            .map(|(w, &t)| (hash_str(w), t))
            .collect();
        self.amb_h = self.amb.iter().map(|(w, &h)| (hash_str(w), h)).collect();
        self
    }

    fn info_in(&self, w: &str, buf: &mut String) -> WordInfo {
        let mut i = WordInfo::new_in(w, buf);
        i.amb = self.amb_h.get(&i.lower).copied().unwrap_or(0);
        i
    }

    /// Tags the words; returns class indices.
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        self.tag_infos(words).0
    }

    /// Tags the words; returns class indices and the words' feature hashes.
    pub fn tag_infos(&self, words: &[&str]) -> (Vec<usize>, Vec<WordInfo>) {
        let mut buf = String::new();
        let infos: Vec<WordInfo> = words.iter().map(|w| self.info_in(w, &mut buf)).collect();
        if self.model.n_classes() > 0 {
            let cached = SCRATCH.with(|s| {
                s.try_borrow_mut()
                    .ok()
                    .map(|mut s| self.tag_cached(&infos, &mut s))
            });
            if let Some(tags) = cached {
                return (tags, infos);
            }
        }
        let first = run_pass(&self.model, &infos, &self.td_h, None, self.feats);
        if self.model2.n_classes() == 0 {
            return (first, infos);
        }
        let second = run_pass(&self.model2, &infos, &self.td_h, Some(&first), self.feats);
        (second, infos)
    }

    /// [`Tagger::tag_infos`]'s two passes with the word-feature scores from the thread's
    /// [`WordCache`] and each position's tag-free context features computed once for both
    /// passes: the same features summed, so the same tags as [`run_pass`].
    fn tag_cached(&self, infos: &[WordInfo], sc: &mut TagScratch) -> Vec<usize> {
        let n = infos.len();
        let fl = self.feats;
        sc.cache.prepare(self);
        sc.dict.clear();
        sc.dict
            .extend(infos.iter().map(|w| self.td_h.get(&w.form).copied()));
        sc.ctx.clear();
        sc.ctx.resize(n * MAX_CTX, 0);
        let mut nctx = 0;
        for (i, d) in sc.dict.iter().enumerate() {
            if d.is_none() {
                let mut buf = [0u64; MAX_CTX];
                nctx = context_features(&window(infos, i), fl, &mut buf);
                sc.ctx[i * MAX_CTX..i * MAX_CTX + nctx].copy_from_slice(&buf[..nctx]);
            }
        }
        sc.scores.clear();
        sc.scores
            .resize(self.model.n_classes().max(self.model2.n_classes()), 0);
        let mut feats = [0u64; MAX_FEATS];
        let mut pass = |model: &Model, right: Option<&[usize]>, cache: &mut WordCache| {
            let mut tags: Vec<usize> = Vec::with_capacity(n);
            for i in 0..n {
                if let Some(t) = sc.dict[i] {
                    tags.push(t as usize);
                    continue;
                }
                let (p1, p2, r) = tag_context(&tags, right, i);
                feats[..nctx].copy_from_slice(&sc.ctx[i * MAX_CTX..i * MAX_CTX + nctx]);
                let k = tag_features(&window(infos, i), p1, p2, r, fl, &mut feats[nctx..]);
                let s = cache.slot(self, &infos[i], i == 0);
                let word = if right.is_none() {
                    cache.pass1(s)
                } else {
                    cache.pass2(s)
                };
                let scores = &mut sc.scores[..model.n_classes()];
                model.score_parts(&feats[..nctx + k], &[word], scores);
                tags.push(argmax_i32(scores));
            }
            tags
        };
        let first = pass(&self.model, None, &mut sc.cache);
        let tags = if self.model2.n_classes() == 0 {
            first
        } else {
            pass(&self.model2, Some(&first), &mut sc.cache)
        };
        // a very long sentence does not leave its buffers allocated for the thread's lifetime
        if sc.ctx.capacity() > KEEP_WORDS * MAX_CTX {
            sc.ctx = Vec::new();
            sc.dict = Vec::new();
        }
        tags
    }

    /// A copy without weights of magnitude below `t` (smaller and faster; see `Model::pruned`).
    pub fn pruned(&self, t: f32) -> Tagger {
        Tagger {
            model: self.model.pruned(t),
            model2: if self.model2.n_classes() > 0 {
                self.model2.pruned(t)
            } else {
                Model::default()
            },
            ..self.clone()
        }
    }

    /// Tag names of the classes.
    pub fn classes(&self) -> &[String] {
        &self.model.classes
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        perceptron::put_u32(&mut out, self.feats);
        let mut td: Vec<(&String, &u16)> = self.tagdict.iter().collect();
        td.sort();
        perceptron::put_u32(&mut out, td.len() as u32);
        for (w, t) in td {
            perceptron::put_u32(&mut out, w.len() as u32);
            out.extend_from_slice(w.as_bytes());
            perceptron::put_var(&mut out, *t as u64);
        }
        let mut am: Vec<(&String, &u64)> = self.amb.iter().collect();
        am.sort();
        perceptron::put_u32(&mut out, am.len() as u32);
        for (w, h) in am {
            perceptron::put_u32(&mut out, w.len() as u32);
            out.extend_from_slice(w.as_bytes());
            out.extend_from_slice(&h.to_le_bytes());
        }
        self.model.write_to(&mut out);
        self.model2.write_to(&mut out);
        perceptron::gzip(&out)
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Tagger, TextError> {
        let raw = perceptron::gunzip(gz)?;
        let mut r = Reader::new(&raw);
        let magic = r.bytes(MAGIC.len())?;
        if magic != MAGIC && magic != b"PLYTAG4\n" && magic != b"PLYTAG3\n" {
            return Err(TextError::Model("not a parley tagger model".into()));
        }
        let feats = if magic == MAGIC { r.u32()? } else { 0 };
        let n = r.u32()? as usize;
        let mut tagdict = HashMap::new();
        for _ in 0..n {
            let w = r.string()?;
            let t = r.var()? as u16;
            tagdict.insert(w, t);
        }
        let n = r.u32()? as usize;
        let mut amb = HashMap::new();
        for _ in 0..n {
            let w = r.string()?;
            let h = u64::from_le_bytes(r.bytes(8)?.try_into().unwrap_or([0; 8]));
            amb.insert(w, h);
        }
        let model = Model::read_from(&mut r)?;
        let model2 = if r.remaining() > 0 {
            Model::read_from(&mut r)?
        } else {
            Model::default()
        };
        Ok(Tagger {
            model,
            tagdict,
            amb,
            model2,
            feats,
            ..Tagger::default()
        }
        .indexed())
    }
}

/// The tags a position's features read: the two to its left (this pass's) and, in the second
/// pass, the first pass's two to its right (padded at the sentence's ends).
#[inline]
fn tag_context(
    tags: &[usize],
    right: Option<&[usize]>,
    i: usize,
) -> (u64, u64, Option<(u64, u64)>) {
    let p1 = if i >= 1 { tags[i - 1] as u64 } else { START };
    let p2 = if i >= 2 { tags[i - 2] as u64 } else { START };
    let r = right.map(|r| {
        let g = |k: usize| r.get(k).map(|&t| t as u64).unwrap_or(START + 1);
        (g(i + 1), g(i + 2))
    });
    (p1, p2, r)
}

fn run_pass(
    model: &Model,
    infos: &[WordInfo],
    tagdict: &HashMap<u64, u16, IdBuild>,
    right: Option<&[usize]>,
    fl: u32,
) -> Vec<usize> {
    let mut tags = Vec::with_capacity(infos.len());
    let mut feats = [0u64; MAX_FEATS];
    let mut scores = vec![0i32; model.n_classes().max(1)];
    for i in 0..infos.len() {
        if let Some(&t) = tagdict.get(&infos[i].form) {
            tags.push(t as usize);
            continue;
        }
        let (p1, p2, r) = tag_context(&tags, right, i);
        let n = features_fixed(infos, i, p1, p2, r, fl, &mut feats);
        model.score_i(&feats[..n], &mut scores);
        tags.push(argmax_i32(&scores));
    }
    tags
}

#[allow(clippy::too_many_arguments)]
fn train_model(
    data: &[(Vec<WordInfo>, Vec<usize>, Vec<String>)],
    subset: &[usize],
    classes: &[String],
    tagdict: &HashMap<u64, u16, IdBuild>,
    right: Option<&Vec<Vec<usize>>>,
    rare: &[Vec<bool>],
    opts: &TagTrainOptions,
    name: &str,
    log: &mut dyn FnMut(String),
) -> Model {
    let mut tr = Trainer::new(classes.len());
    let mut order: Vec<usize> = subset.to_vec();
    let mut rng = Rng(opts.seed | 1);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; classes.len()];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut total) = (0usize, 0usize);
        for &si in &order {
            let (infos, gold, _) = &data[si];
            // word dropout: rare words sometimes lose their identity, so that the model learns
            // to tag them from their spelling and context as it must tag unknown words
            let mut masked;
            let infos = if opts.drop > 0.0 && rare[si].iter().any(|&r| r) {
                masked = infos.clone();
                for (w, &r) in masked.iter_mut().zip(&rare[si]) {
                    if r && rng.unit() < opts.drop as f64 {
                        w.form = NOWORD;
                        w.lower = NOWORD;
                        w.amb = 0;
                    }
                }
                &masked
            } else {
                infos
            };
            let mut prev: Vec<usize> = Vec::with_capacity(gold.len());
            for i in 0..gold.len() {
                if let Some(&t) = tagdict.get(&infos[i].form) {
                    prev.push(t as usize);
                    continue;
                }
                let p1 = if i >= 1 { prev[i - 1] as u64 } else { START };
                let p2 = if i >= 2 { prev[i - 2] as u64 } else { START };
                let r = right.map(|r| {
                    let g = |k: usize| r[si].get(k).map(|&t| t as u64).unwrap_or(START + 1);
                    (g(i + 1), g(i + 2))
                });
                features(infos, i, p1, p2, r, opts.feats, &mut feats);
                tr.score(&feats, &mut scores);
                let g = argmax(&scores);
                tr.tick();
                tr.update(&feats, gold[i], g);
                ok += (g == gold[i]) as usize;
                total += 1;
                prev.push(g);
            }
        }
        if !name.is_empty() {
            log(format!(
                "tagger {name} epoch {}: train acc {:.4} (non-dictionary words)",
                epoch + 1,
                ok as f64 / total.max(1) as f64
            ));
        }
    }
    tr.average(classes.to_vec(), opts.prune)
}

/// [`argmax`] of integer scores: the highest score first (a loop the compiler vectorises), then
/// its first position, the same index as [`argmax`].
pub fn argmax_i32(s: &[i32]) -> usize {
    let m = s.iter().copied().fold(i32::MIN, i32::max);
    s.iter().position(|&x| x == m).unwrap_or(0)
}

/// The index of the first highest score (0 for an empty slice).
pub fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &x) in s.iter().enumerate() {
        if x > s[best] {
            best = i;
        }
    }
    best
}

/// Maps a tag class name ("NOUN" or "NOUN|NN") to UPOS and XPOS.
pub fn split_class(c: &str) -> (Upos, &str) {
    match c.split_once('|') {
        Some((u, x)) => (Upos::parse(u).unwrap_or(Upos::X), x),
        None => (Upos::parse(c).unwrap_or(Upos::X), ""),
    }
}

/// Training data: sentences of (form, gold class name).
pub struct TagTrainOptions {
    pub epochs: usize,
    /// Jackknife folds for a second, right-context pass (0 or 1: one pass only).
    pub folds: usize,
    /// Minimum count for a word to get an ambiguity class.
    pub amb_min: usize,
    pub seed: u64,
    /// Averaged weights of smaller magnitude are dropped (model size and speed).
    pub prune: f32,
    /// Optional feature templates (`TF_*` bits).
    pub feats: u32,
    /// Tag dictionary: forms seen at least this often with one tag in at least `dict_share` of
    /// their occurrences are tagged without the model.
    pub dict_min: usize,
    pub dict_share: f64,
    /// Word dropout: probability that an occurrence of a rare word (lower-cased form seen at
    /// most `drop_max` times) is trained without its identity features.
    pub drop: f32,
    pub drop_max: usize,
}

/// A small deterministic RNG (xorshift) for shuffling and exploration.
pub struct Rng(pub u64);
impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Trains a tagger; `log` receives one line per epoch.
pub fn train(
    sents: &[Vec<(String, String)>],
    opts: &TagTrainOptions,
    dev: &[Vec<(String, String)>],
    log: &mut dyn FnMut(String),
) -> Tagger {
    let mut classes: Vec<String> = Vec::new();
    let mut cidx: HashMap<String, usize> = HashMap::new();
    let mut counts: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    for s in sents {
        for (w, t) in s {
            let c = *cidx.entry(t.clone()).or_insert_with(|| {
                classes.push(t.clone());
                classes.len() - 1
            });
            *counts.entry(w.clone()).or_default().entry(c).or_default() += 1;
        }
    }
    let mut tagdict = HashMap::new();
    for (w, cs) in &counts {
        let total: usize = cs.values().sum();
        let (best, n) = cs
            .iter()
            .max_by_key(|x| (*x.1, std::cmp::Reverse(*x.0)))
            .map(|(a, b)| (*a, *b))
            .unwrap_or((0, 0));
        if total >= opts.dict_min && n as f64 / total as f64 >= opts.dict_share {
            tagdict.insert(w.clone(), best as u16);
        }
    }
    let mut lower_counts: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    for s in sents {
        for (w, t) in s {
            *lower_counts
                .entry(w.to_lowercase())
                .or_default()
                .entry(cidx[t])
                .or_default() += 1;
        }
    }
    let mut amb = HashMap::new();
    for (w, cs) in &lower_counts {
        let total: usize = cs.values().sum();
        if total >= opts.amb_min {
            // tags covering at least 1% of the word's occurrences
            let mut set: Vec<usize> = cs
                .iter()
                .filter(|(_, &n)| n * 100 >= total)
                .map(|(c, _)| *c)
                .collect();
            set.sort();
            let h = set
                .iter()
                .fold(0x1234_5678u64, |h, &c| mix(h, c as u64 + 1));
            amb.insert(w.clone(), h);
        }
    }
    let proto = Tagger {
        tagdict,
        amb,
        feats: opts.feats,
        ..Tagger::default()
    }
    .indexed();
    let tagdict = &proto.td_h;
    let mut buf = String::new();
    let data: Vec<(Vec<WordInfo>, Vec<usize>, Vec<String>)> = sents
        .iter()
        .map(|s| {
            (
                s.iter().map(|(w, _)| proto.info_in(w, &mut buf)).collect(),
                s.iter().map(|(_, t)| cidx[t]).collect(),
                s.iter().map(|(w, _)| w.clone()).collect(),
            )
        })
        .collect();
    let rare: Vec<Vec<bool>> = sents
        .iter()
        .map(|s| {
            s.iter()
                .map(|(w, _)| {
                    let n: usize = lower_counts
                        .get(&w.to_lowercase())
                        .map_or(0, |cs| cs.values().sum());
                    n <= opts.drop_max
                })
                .collect()
        })
        .collect();
    let all: Vec<usize> = (0..data.len()).collect();
    let model = train_model(
        &data, &all, &classes, tagdict, None, &rare, opts, "pass 1", log,
    );
    let mut model2 = Model::default();
    if opts.folds >= 2 {
        // right-context tags for the second pass come from taggers that did not see the sentence
        let mut right: Vec<Vec<usize>> = vec![Vec::new(); data.len()];
        for f in 0..opts.folds {
            let rest: Vec<usize> = all
                .iter()
                .copied()
                .filter(|i| i % opts.folds != f)
                .collect();
            let m = train_model(
                &data,
                &rest,
                &classes,
                tagdict,
                None,
                &rare,
                opts,
                "",
                &mut |_| {},
            );
            for i in all.iter().copied().filter(|i| i % opts.folds == f) {
                right[i] = run_pass(&m, &data[i].0, tagdict, None, opts.feats);
            }
            log(format!(
                "tagger jackknife fold {}/{} done",
                f + 1,
                opts.folds
            ));
        }
        model2 = train_model(
            &data,
            &all,
            &classes,
            tagdict,
            Some(&right),
            &rare,
            opts,
            "pass 2",
            log,
        );
    }
    let tagger = Tagger {
        model,
        model2,
        ..proto
    };
    if !dev.is_empty() {
        let (mut right, mut upos, mut total) = (0usize, 0usize, 0usize);
        for s in dev {
            let words: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
            let pred = tagger.tag(&words);
            for (p, (_, g)) in pred.iter().zip(s) {
                let c = &tagger.model.classes[*p];
                right += (c == g) as usize;
                upos += (split_class(c).0 == split_class(g).0) as usize;
                total += 1;
            }
        }
        log(format!(
            "tagger dev accuracy {:.4}, UPOS {:.4} ({} + {} weights)",
            right as f64 / total.max(1) as f64,
            upos as f64 / total.max(1) as f64,
            tagger.model.n_weights(),
            tagger.model2.n_weights()
        ));
    }
    tagger
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer argmax picks the same index as the generic one: the first of tied highest
    /// scores, 0 for an empty slice, extreme values included.
    #[test]
    fn integer_argmax_is_the_first_highest() {
        let cases: [&[i32]; 7] = [
            &[],
            &[5],
            &[1, 3, 3, 2],
            &[i32::MIN, i32::MIN],
            &[-4, i32::MAX, 0, i32::MAX],
            &[7, -1, 7],
            &[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1],
        ];
        for s in cases {
            assert_eq!(argmax_i32(s), argmax(s), "{s:?}");
        }
    }

    fn feats_of(words: &[&str], hide: Option<usize>, at: usize) -> Vec<u64> {
        let mut infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        if let Some(h) = hide {
            infos[h].form = NOWORD;
            infos[h].lower = NOWORD;
        }
        let mut out = Vec::new();
        features(&infos, at, START, START, Some((START, START)), 15, &mut out);
        out.sort();
        out
    }

    /// A word hidden by word dropout keeps its spelling features (suffixes, shape) but loses
    /// every feature built from its identity, at its own position and at its neighbours'.
    fn check(words: &[&str], hide: usize, at: usize, lost: usize) {
        let full = feats_of(words, None, at);
        let hidden = feats_of(words, Some(hide), at);
        assert!(
            hidden.iter().all(|f| full.contains(f)),
            "{words:?} {hide} {at}"
        );
        assert_eq!(
            full.len() - hidden.len(),
            lost,
            "{words:?} hide {hide} at {at}"
        );
    }

    #[test]
    fn dropped_words_lose_identity_features_only() {
        // own position: 2, 3, 15, 22, 23, 32, 34, 39, 75, 77, 63, 83, 84
        check(&["The", "envoy", "left", "early"], 1, 1, 13);
        // as the next word: 19, 23, 25, 26, 34, 35, 68
        check(&["The", "envoy", "left", "early"], 1, 0, 7);
        // as the word before: 16, 22, 34, 74, 77
        check(&["The", "envoy", "left", "early"], 1, 2, 5);
        // as the second word before: 18, 38
        check(&["The", "envoy", "left", "early"], 1, 3, 2);
    }

    fn fields(i: &WordInfo) -> Vec<u64> {
        let mut v = vec![i.form, i.lower, i.shape, i.flags, i.amb];
        v.extend(i.suf);
        v.extend(i.pre);
        v
    }

    #[test]
    fn ascii_word_hashes_match_the_general_path() {
        let words = [
            "",
            "a",
            "I",
            "of",
            "The",
            "envoy",
            "ENVOY",
            "U.S.",
            "e-mail",
            "x86",
            "1990s",
            "--",
            "Mr.",
            "AAAAbbbb1111----",
            "don't",
            " ",
            "a b",
            "\u{1}",
        ];
        let long = "Supercalifragilisticexpialidocious-Extraordinarily-LONG-word-99";
        for w in words.iter().copied().chain([long]) {
            let fast = WordInfo::new_in(w, &mut String::new());
            let general = WordInfo::new_general(w, &mut String::new());
            assert_eq!(fields(&fast), fields(&general), "{w:?}");
        }
    }

    #[test]
    fn inference_features_are_the_training_features() {
        let words = ["The", "envoy", "left", "Pyongyang", "early", "."];
        let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        for fl in [0, TF_LEX, TF_CTX | TF_NEIGH, 15] {
            for right in [None, Some((3, START + 1)), Some((START, 7))] {
                for at in 0..words.len() {
                    let (p1, p2) = (at as u64 + 5, START);
                    let mut slow = Vec::new();
                    features(&infos, at, p1, p2, right, fl, &mut slow);
                    let mut buf = [0u64; MAX_FEATS];
                    let n = features_fixed(&infos, at, p1, p2, right, fl, &mut buf);
                    let mut fast = buf[..n].to_vec();
                    slow.sort();
                    fast.sort();
                    assert_eq!(slow, fast, "fl {fl} right {right:?} at {at}");
                }
            }
        }
    }

    /// The two passes without the word cache (what [`Tagger::tag_infos`] computed before it).
    fn tag_uncached(t: &Tagger, words: &[&str]) -> Vec<usize> {
        let mut buf = String::new();
        let infos: Vec<WordInfo> = words.iter().map(|w| t.info_in(w, &mut buf)).collect();
        let first = run_pass(&t.model, &infos, &t.td_h, None, t.feats);
        if t.model2.n_classes() == 0 {
            return first;
        }
        run_pass(&t.model2, &infos, &t.td_h, Some(&first), t.feats)
    }

    /// Tagging with cached word scores gives exactly the tags of the uncached passes: for words
    /// seen first, seen again (sentence-initial or not), after thousands of other words have
    /// replaced cache entries, and after another model's tags used the thread's cache.
    #[test]
    fn cached_word_scores_give_the_uncached_tags() {
        let t = crate::Models::builtin().tagger;
        if t.model.n_classes() == 0 {
            return;
        }
        let sents: [&[&str]; 5] = [
            &["Envoys", "met", "in", "Lisbon", "on", "Tuesday", "."],
            &[
                "Met", "envoys", "said", "talks", "would", "resume", "soon", ".",
            ],
            &[
                "The", "ministry", "denied", "reports", "of", "a", "second", "strike", ".",
            ],
            &[
                "Strike", "talks", "resume", "Tuesday", ",", "the", "envoys", "said", ".",
            ],
            &[
                "Zorbulating",
                "grimbles",
                "quaxed",
                "the",
                "3-pronged",
                "fizzlewick",
                "!",
            ],
        ];
        let check = |t: &Tagger| {
            for s in sents {
                assert_eq!(t.tag(s), tag_uncached(t, s), "{s:?}");
            }
        };
        check(&t);
        check(&t);
        // many distinct invented words: every cache slot is taken and replaced
        let filler: Vec<String> = (0..3 * WORD_SLOTS).map(|i| format!("w{i}x")).collect();
        for chunk in filler.chunks(40) {
            let words: Vec<&str> = chunk.iter().map(String::as_str).collect();
            assert_eq!(t.tag(&words), tag_uncached(&t, &words));
        }
        check(&t);
        // a second tagger (other weights, other model ids) on the same thread, then the first
        // a sentence longer than the buffers kept between sentences
        let long: Vec<&str> = filler
            .iter()
            .take(KEEP_WORDS + 10)
            .map(String::as_str)
            .collect();
        assert_eq!(t.tag(&long), tag_uncached(&t, &long));
        check(&t);
        let other = t.pruned(50.0);
        check(&other);
        check(&t);
    }

    #[test]
    fn word_hashes_never_look_hidden() {
        for w in ["", "a", "envoy", "Envoy", "日本", "\u{0}"] {
            let i = WordInfo::new(w);
            assert!(i.form != NOWORD && i.lower != NOWORD, "{w:?}");
        }
    }
}
