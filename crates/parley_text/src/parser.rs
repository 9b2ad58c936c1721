//! Greedy arc-eager dependency parser with an averaged perceptron, trained with the dynamic
//! oracle of Goldberg & Nivre (2012).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::perceptron::{self, hash_lower, hash_str, mix, Model, Reader, Trainer};
use crate::tagger::{argmax, Rng};
use crate::TextError;

const MAGIC: &[u8] = b"PLYPAR3\n";

/// Optional feature templates ([`Parser::feats`], stored in the model).
pub const PF_S1: u32 = 1;
pub const PF_SUFFIX: u32 = 2;
pub const PF_LABELS: u32 = 4;
pub const PF_PUNCT: u32 = 8;
const SHIFT: usize = 0;
const REDUCE: usize = 1;
const NONE: usize = usize::MAX;
const NONE_H: u64 = 0x5555_0001;
const ROOT_H: u64 = 0x5555_0002;

fn left(l: usize) -> usize {
    2 + 2 * l
}
fn right(l: usize) -> usize {
    3 + 2 * l
}

/// The parser's view of one sentence: word and tag hashes, index 0 is the artificial root.
pub struct Input {
    pub w: Vec<u64>,
    pub t: Vec<u64>,
    /// Hash of the last three characters of the lower-cased word.
    pub sfx: Vec<u64>,
    /// Number of punctuation words before each position (index 0 = root).
    pub punct: Vec<u32>,
}

impl Input {
    pub fn new(forms: &[&str], tags: &[&str]) -> Input {
        let n = forms.len().min(tags.len());
        let mut w = Vec::with_capacity(n + 1);
        let mut t = Vec::with_capacity(n + 1);
        let mut sfx = Vec::with_capacity(n + 1);
        let mut punct = Vec::with_capacity(n + 2);
        w.push(ROOT_H);
        t.push(ROOT_H);
        sfx.push(ROOT_H);
        punct.push(0);
        let mut np = 0;
        for (f, g) in forms.iter().zip(tags) {
            w.push(hash_lower(f));
            t.push(hash_str(g));
            let start = f.char_indices().rev().nth(2).map(|x| x.0).unwrap_or(0);
            sfx.push(hash_lower(&f[start..]));
            punct.push(np);
            np += g.starts_with("PUNCT") as u32;
        }
        Input { w, t, sfx, punct }
    }
    fn n(&self) -> usize {
        self.w.len() - 1
    }
}

#[derive(Default)]
struct State {
    stack: Vec<usize>,
    b: usize,
    n: usize,
    head: Vec<usize>,
    label: Vec<usize>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    vl: Vec<u32>,
    vr: Vec<u32>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    root_done: bool,
}

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            b: 1,
            n,
            head: vec![NONE; n + 1],
            label: vec![NONE; n + 1],
            lc1: vec![NONE; n + 1],
            lc2: vec![NONE; n + 1],
            rc1: vec![NONE; n + 1],
            rc2: vec![NONE; n + 1],
            vl: vec![0; n + 1],
            vr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            root_done: false,
        }
    }
    /// Like [`State::new`], reusing the vectors' memory.
    fn reset(&mut self, n: usize) {
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        self.n = n;
        for v in [
            &mut self.head,
            &mut self.label,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.vl, &mut self.vr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.root_done = false;
    }
    fn done(&self) -> bool {
        self.b > self.n
    }
    fn s0(&self) -> usize {
        *self.stack.last().unwrap_or(&NONE)
    }
    fn add_arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.label[d] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            self.vl[h] += 1;
            self.lset[h] |= bit;
            if self.lc1[h] == NONE || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == NONE || d < self.lc2[h] {
                self.lc2[h] = d;
            }
        } else {
            self.vr[h] += 1;
            self.rset[h] |= bit;
            if self.rc1[h] == NONE || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == NONE || d > self.rc2[h] {
                self.rc2[h] = d;
            }
        }
        if h == 0 {
            self.root_done = true;
        }
    }
    fn can(&self, kind: usize) -> bool {
        let s = self.s0();
        match kind {
            SHIFT => self.b <= self.n,
            REDUCE => s != NONE && s != 0 && self.head[s] != NONE,
            2 => s != NONE && s != 0 && self.head[s] == NONE && self.b <= self.n,
            _ => s != NONE && self.b <= self.n && !(s == 0 && self.root_done),
        }
    }
    fn apply(&mut self, a: usize) {
        match a {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            _ => {
                let l = (a - 2) / 2;
                let s = self.s0();
                if a & 1 == 0 {
                    self.add_arc(self.b, s, l);
                    self.stack.pop();
                } else {
                    self.add_arc(s, self.b, l);
                    self.stack.push(self.b);
                    self.b += 1;
                }
            }
        }
    }
}

/// The feature keys of a configuration. Without `buffer`, the keys that depend only on the
/// buffer position and are summed once per position (at [`BUFFER_FEATURES`], or
/// [`BUFFER_FEATURES_ALL`] when every optional template is on) are left 0, not computed.
fn features(x: &Input, st: &State, fl: u32, buffer: bool, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: usize| if i == NONE { NONE_H } else { x.w[i] };
    let t = |i: usize| if i == NONE { NONE_H } else { x.t[i] };
    let get = |v: &Vec<usize>, i: usize| if i == NONE { NONE } else { v[i] };
    let lab = |i: usize| {
        if i == NONE {
            NONE_H
        } else {
            st.label[i] as u64
        }
    };
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE
    };
    let n0 = if st.b <= st.n { st.b } else { NONE };
    let n1 = if st.b < st.n { st.b + 1 } else { NONE };
    let n2 = if st.b + 1 < st.n { st.b + 2 } else { NONE };
    let s0h = get(&st.head, s0);
    let s0h2 = get(&st.head, s0h);
    let s0l = get(&st.lc1, s0);
    let s0l2 = get(&st.lc2, s0);
    let s0r = get(&st.rc1, s0);
    let s0r2 = get(&st.rc2, s0);
    let n0l = get(&st.lc1, n0);
    let n0l2 = get(&st.lc2, n0);
    let (s0w, s0t, n0w, n0t) = (w(s0), t(s0), w(n0), t(n0));
    let s0wt = mix(s0w, s0t);
    let n0wt = mix(n0w, n0t);
    let d = if s0 != NONE && n0 != NONE {
        ((n0 - s0).min(6)) as u64
    } else {
        0
    };
    let vr = |i: usize| if i == NONE { 99 } else { st.vr[i] as u64 };
    let vl = |i: usize| if i == NONE { 99 } else { st.vl[i] as u64 };
    let rs = |i: usize| if i == NONE { 0 } else { st.rset[i] };
    let ls = |i: usize| if i == NONE { 0 } else { st.lset[i] };
    // written into a fixed array (the positions are constants after inlining), copied once
    let mut buf = [0u64; MAX_FEATURES];
    let k = std::cell::Cell::new(0usize);
    let mut p = |v: u64| {
        if let Some(x) = buf.get_mut(k.get()) {
            *x = mix(k.get() as u64 + 1, v);
        }
        k.set(k.get() + 1);
    };
    // a buffer feature: computed only when asked for
    let skip = || k.set(k.get() + 1);
    // those of the optional templates are summed with the buffer's only when every optional
    // template is on (`BUFFER_FEATURES_ALL`)
    let buffer_opt = buffer || fl != PF_ALL;
    macro_rules! gated {
        ($on:expr, $v:expr) => {
            if $on {
                p($v)
            } else {
                skip()
            }
        };
    }
    macro_rules! pb {
        ($v:expr) => {
            gated!(buffer, $v)
        };
    }
    macro_rules! pbo {
        ($v:expr) => {
            gated!(buffer_opt, $v)
        };
    }
    p(0);
    p(s0w);
    p(s0t);
    p(s0wt);
    pb!(n0w);
    pb!(n0t);
    pb!(n0wt);
    pb!(w(n1));
    pb!(t(n1));
    pb!(mix(w(n1), t(n1)));
    pb!(w(n2));
    pb!(t(n2));
    pb!(mix(w(n2), t(n2)));
    p(mix(s0wt, n0wt));
    p(mix(s0wt, n0w));
    p(mix(s0w, n0wt));
    p(mix(s0wt, n0t));
    p(mix(s0t, n0wt));
    p(mix(s0w, n0w));
    p(mix(s0t, n0t));
    pb!(mix(n0t, t(n1)));
    pb!(mix(n0t, mix(t(n1), t(n2))));
    p(mix(s0t, mix(n0t, t(n1))));
    p(mix(t(s0h), mix(s0t, n0t)));
    p(mix(s0t, mix(t(s0l), n0t)));
    p(mix(s0t, mix(t(s0r), n0t)));
    p(mix(s0t, mix(n0t, t(n0l))));
    p(mix(s0w, d));
    p(mix(s0t, d));
    p(mix(n0w, d));
    p(mix(n0t, d));
    p(mix(mix(s0w, n0w), d));
    p(mix(mix(s0t, n0t), d));
    p(mix(s0w, vr(s0)));
    p(mix(s0t, vr(s0)));
    p(mix(s0w, vl(s0)));
    p(mix(s0t, vl(s0)));
    p(mix(n0w, vl(n0)));
    p(mix(n0t, vl(n0)));
    p(w(s0h));
    p(t(s0h));
    p(lab(s0));
    p(w(s0l));
    p(t(s0l));
    p(lab(s0l));
    p(w(s0r));
    p(t(s0r));
    p(lab(s0r));
    p(w(n0l));
    p(t(n0l));
    p(lab(n0l));
    p(w(s0h2));
    p(t(s0h2));
    p(lab(s0h));
    p(w(s0l2));
    p(t(s0l2));
    p(lab(s0l2));
    p(w(s0r2));
    p(t(s0r2));
    p(lab(s0r2));
    p(w(n0l2));
    p(t(n0l2));
    p(lab(n0l2));
    p(mix(s0t, mix(t(s0l), t(s0l2))));
    p(mix(s0t, mix(t(s0r), t(s0r2))));
    p(mix(s0t, mix(t(s0h), t(s0h2))));
    p(mix(n0t, mix(t(n0l), t(n0l2))));
    p(mix(s0w, rs(s0)));
    p(mix(s0t, rs(s0)));
    p(mix(s0w, ls(s0)));
    p(mix(s0t, ls(s0)));
    p(mix(n0w, ls(n0)));
    p(mix(n0t, ls(n0)));
    p(w(s1));
    p(t(s1));
    p(mix(t(s1), mix(s0t, n0t)));
    p(mix(w(s1), s0w));
    let has_head = (s0 != NONE && s0 != 0 && st.head[s0] != NONE) as u64;
    p(mix(s0t, has_head));
    p(mix(mix(s0t, has_head), n0t));
    let prev = if n0 != NONE && n0 > 1 { n0 - 1 } else { NONE };
    pb!(mix(n0t, t(prev)));
    pb!(mix(n0w, t(prev)));
    pb!(mix(mix(n0t, t(prev)), t(n1)));
    p(mix(st.root_done as u64, mix(s0t, n0t)));
    if fl & PF_S1 != 0 {
        let n3 = if st.b + 2 < st.n { st.b + 3 } else { NONE };
        pbo!(t(n3));
        p(mix(t(s1), s0t));
        p(mix(mix(t(s1), s0t), t(s0h)));
        p(mix(w(s1), t(s1)));
        p(mix(mix(t(s1), s0w), n0t));
        p(mix(mix(s0w, n0t), t(n1)));
        pbo!(mix(mix(n0w, t(n1)), t(n2)));
    }
    if fl & PF_SUFFIX != 0 {
        let sx = |i: usize| if i == NONE { NONE_H } else { x.sfx[i] };
        p(mix(sx(s0), s0t));
        pbo!(mix(sx(n0), n0t));
        p(mix(mix(sx(s0), sx(n0)), mix(s0t, n0t)));
        pbo!(mix(sx(n1), t(n1)));
        p(mix(sx(n0), s0t));
        p(mix(sx(s0), n0t));
    }
    if fl & PF_LABELS != 0 {
        p(mix(mix(lab(s0), s0t), n0t));
        p(mix(mix(lab(s0l), s0t), n0t));
        p(mix(mix(lab(s0r), s0t), n0t));
        p(mix(mix(lab(n0l), n0t), s0t));
        p(mix(mix(ls(s0), rs(s0)), mix(s0t, n0t)));
        p(mix(mix(lab(s0), t(s0h)), mix(s0t, n0t)));
    }
    if fl & PF_PUNCT != 0 {
        let pb = if s0 != NONE && n0 != NONE {
            (x.punct[n0] - x.punct[s0].min(x.punct[n0])).min(3) as u64
        } else {
            9
        };
        p(mix(pb, mix(s0t, n0t)));
        p(mix(pb, d));
        p(mix(mix(pb, s0w), n0t));
    }
    out.extend_from_slice(&buf[..k.get().min(MAX_FEATURES)]);
}

/// Room for the features [`features`] writes (105 with every optional template on).
const MAX_FEATURES: usize = 128;

/// The trained parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    pub model: Model,
    pub labels: Vec<String>,
    /// When present, `model` predicts unlabelled transitions (4 classes) and this model the
    /// relation of each arc (much less work per transition than one class per label).
    pub labeler: Model,
    /// Precomputed sums of feature groups (built on first use, for the model they were built from).
    consts: OnceLock<Consts>,
    /// Optional templates in use (`PF_*` bits).
    pub feats: u32,
}

/// Groups of [`features`] (by position in the feature vector) whose values are fixed when a
/// position of the configuration is empty: a word without children, a stack of one. Their rows
/// are summed once per model; the parser adds one vector instead of looking up each feature.
/// Integer sums do not depend on the order of additions, so the scores are exactly the same.
const GROUPS: &[&[usize]] = &[
    &[0],                      // bias
    &[39, 40, 41, 51, 52, 53], // s0 without head: its head, grand-head and labels
    &[51, 52, 53],             // s0's head without head
    &[42, 43, 44, 54, 55, 56], // s0 without left children
    &[54, 55, 56],             // s0 with one left child
    &[45, 46, 47, 57, 58, 59], // s0 without right children
    &[57, 58, 59],             // s0 with one right child
    &[48, 49, 50, 60, 61, 62], // n0 without left children
    &[60, 61, 62],             // n0 with one left child
    &[73, 74],                 // no second stack item
];

/// Positions in [`features`] whose value is a label (`lab`): empty is `NONE_H` for a missing
/// word and `u64::MAX` for a word without a relation yet.
const LABEL_FEATURES: &[usize] = &[41, 44, 47, 50, 53, 56, 59, 62];

/// One candidate of a group: the feature keys it stands for and their summed scores.
#[derive(Debug, Clone)]
struct Candidate {
    keys: Vec<u64>,
    sum: Vec<i32>,
}

#[derive(Debug, Clone, Default)]
struct Consts {
    model_id: u64,
    /// Group, its feature positions as a bit mask, its candidates.
    groups: Vec<(&'static [usize], u128, Vec<Candidate>)>,
}

impl Consts {
    fn build(model: &Model) -> Consts {
        let nc = model.n_classes();
        let mut groups = Vec::new();
        for &g in GROUPS {
            let n_lab = g.iter().filter(|i| LABEL_FEATURES.contains(i)).count();
            let mut cands = Vec::new();
            // every combination of empty values: NONE_H everywhere, u64::MAX for labels
            for combo in 0..(1usize << n_lab) {
                let mut bit = 0;
                let keys: Vec<u64> = g
                    .iter()
                    .map(|&i| {
                        let v = if i == 0 {
                            0
                        } else if LABEL_FEATURES.contains(&i) {
                            let b = (combo >> bit) & 1;
                            bit += 1;
                            if b == 1 {
                                u64::MAX
                            } else {
                                NONE_H
                            }
                        } else {
                            NONE_H
                        };
                        mix(i as u64 + 1, v)
                    })
                    .collect();
                let mut sum = vec![0i32; nc];
                model.score_i(&keys, &mut sum);
                cands.push(Candidate { keys, sum });
            }
            let mask = g.iter().fold(0u128, |m, &i| m | (1u128 << i));
            groups.push((g, mask, cands));
        }
        Consts {
            model_id: model.id(),
            groups,
        }
    }
}

/// Positions in [`features`] that depend only on s0 and the arcs already attached to it (the
/// word, its head and grand-head, children, valencies, label sets). Their sum is kept per word and
/// reused while these feature keys are unchanged (checked key by key: the scores are exactly the
/// same). One part: splitting it (word and head / left children / right children) saves a few
/// more lookups but costs as many instructions.
const S0_PARTS: [[usize; 33]; 1] = [[
    1, 2, 3, 33, 34, 35, 36, 39, 40, 41, 42, 43, 44, 45, 46, 47, 51, 52, 53, 54, 55, 56, 57, 58,
    59, 63, 64, 65, 67, 68, 69, 70, 77,
]];

fn mask_of(pos: &[usize]) -> u128 {
    pos.iter().fold(0u128, |m, &i| m | (1u128 << i))
}

/// Adds to `extra` the precomputed sums of the groups lying inside `allowed`, not yet `covered`,
/// whose features match one of their candidates; marks them covered.
fn group_sums<'a>(
    consts: &'a Consts,
    feats: &[u64],
    allowed: u128,
    covered: &mut u128,
    extra: &mut [&'a [i32]; 16],
    ne: &mut usize,
) {
    for (g, mask, cands) in &consts.groups {
        if *covered & mask != 0 || mask & !allowed != 0 || *ne == extra.len() {
            continue;
        }
        'cands: for c in cands {
            for (&i, &k) in g.iter().zip(&c.keys) {
                if feats.get(i) != Some(&k) {
                    continue 'cands;
                }
            }
            *covered |= mask;
            extra[*ne] = &c.sum;
            *ne += 1;
            break;
        }
    }
}

/// Summed scores of the [`S0_PARTS`] per word of one sentence.
#[derive(Default)]
struct S0Memo {
    nc: usize,
    keys: Vec<u64>,
    sums: Vec<i32>,
    ok: Vec<bool>,
}

impl S0Memo {
    /// Forgets everything; room for `n_words` words of `nc` classes.
    fn reset(&mut self, n_words: usize, nc: usize) {
        let n = n_words * S0_PARTS.len();
        self.nc = nc;
        self.ok.clear();
        self.ok.resize(n, false);
        if self.keys.len() < n * S0_PARTS[0].len() {
            self.keys.resize(n * S0_PARTS[0].len(), 0);
        }
        if self.sums.len() < n * nc {
            self.sums.resize(n * nc, 0);
        }
    }

    /// Computes (when not memoised) the sums of the s0 parts of `feats` for stack word `idx`.
    fn update(
        &mut self,
        idx: usize,
        model: &Model,
        consts: &Consts,
        feats: &[u64],
        rest: &mut Vec<u64>,
    ) {
        for (p, pos) in S0_PARTS.iter().enumerate() {
            let slot = idx * S0_PARTS.len() + p;
            let w = pos.len();
            let keys = &mut self.keys[slot * w..(slot + 1) * w];
            if self.ok[slot] && pos.iter().zip(keys.iter()).all(|(&i, &k)| feats[i] == k) {
                continue;
            }
            for (k, &i) in keys.iter_mut().zip(pos) {
                *k = feats[i];
            }
            let mut covered = 0u128;
            let mut extra: [&[i32]; 16] = [&[]; 16];
            let mut ne = 0;
            group_sums(
                consts,
                feats,
                mask_of(pos),
                &mut covered,
                &mut extra,
                &mut ne,
            );
            if rest.len() < 128 {
                rest.resize(128, 0);
            }
            let n = gather(feats, mask_of(pos) & !covered, rest);
            let sum = &mut self.sums[slot * self.nc..(slot + 1) * self.nc];
            model.score_parts(&rest[..n], &extra[..ne], sum);
            self.ok[slot] = true;
        }
    }

    /// The sum of part `p` for word `idx` (after [`S0Memo::update`]).
    fn sum(&self, idx: usize, p: usize) -> &[i32] {
        let slot = idx * S0_PARTS.len() + p;
        &self.sums[slot * self.nc..(slot + 1) * self.nc]
    }
}

thread_local! {
    /// The s0 memo, reused from sentence to sentence (no allocation per sentence).
    static S0_MEMO: std::cell::RefCell<S0Memo> = std::cell::RefCell::new(S0Memo::default());
    /// The parser state and scratch vectors, reused from sentence to sentence.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

#[derive(Default)]
struct Scratch {
    st: State,
    feats: Vec<u64>,
    lfeats: Vec<u64>,
    rest: Vec<u64>,
    rest2: Vec<u64>,
    scores: Vec<i32>,
    lscores: Vec<i32>,
    bsum: Vec<i32>,
}

/// Scores `feats` with `model`, using the precomputed group sums where the features match them.
/// Positions in [`features`] that depend only on the front of the buffer (n0, n1, n2 and the word
/// before n0): their sum is computed once per buffer position, not once per transition.
const BUFFER_FEATURES: [usize; 14] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 79, 80, 81];

/// [`BUFFER_FEATURES`] plus those of the optional templates (positions valid when every
/// optional template is on): n3's tag, n0's word with n1's and n2's tags, n0's and n1's suffixes.
const BUFFER_FEATURES_ALL: [usize; 18] = [
    4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 79, 80, 81, 83, 89, 91, 93,
];

/// Every optional template.
const PF_ALL: u32 = PF_S1 | PF_SUFFIX | PF_LABELS | PF_PUNCT;

fn score_grouped(
    model: &Model,
    consts: &Consts,
    feats: &[u64],
    buffer: (&[i32], u128),
    s0: [&[i32]; S0_PARTS.len()],
    rest: &mut Vec<u64>,
    scores: &mut [i32],
) {
    let (buffer, buffer_mask) = buffer;
    let mut covered: u128 = S0_PARTS.iter().fold(buffer_mask, |m, p| m | mask_of(p));
    let mut extra: [&[i32]; 16] = [&[]; 16];
    extra[0] = buffer;
    extra[1..1 + S0_PARTS.len()].copy_from_slice(&s0);
    let mut ne = 1 + S0_PARTS.len();
    group_sums(consts, feats, u128::MAX, &mut covered, &mut extra, &mut ne);
    let n = feats.len().min(128);
    let all = if n == 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    };
    // `rest` is scratch space of at least 128 words, never cleared
    if rest.len() < 128 {
        rest.resize(128, 0);
    }
    let k = gather(feats, !covered & all, rest);
    if feats.len() > 128 {
        let mut all_rest = rest[..k].to_vec();
        all_rest.extend_from_slice(&feats[128..]);
        model.score_parts(&all_rest, &extra[..ne], scores);
    } else {
        model.score_parts(&rest[..k], &extra[..ne], scores);
    }
}

/// Writes `feats[i]` for each bit `i` set in `mask` (in increasing order) to the front of `out`
/// and returns how many: two 64-bit halves and a write position, cheaper than pushing to a
/// vector bit by bit. Bits beyond `feats` or `out` are skipped.
#[inline]
fn gather(feats: &[u64], mask: u128, out: &mut [u64]) -> usize {
    let mut k = 0;
    for (base, mut bits) in [(0usize, mask as u64), (64, (mask >> 64) as u64)] {
        while bits != 0 {
            let i = base + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let (Some(&f), Some(o)) = (feats.get(i), out.get_mut(k)) {
                *o = f;
                k += 1;
            }
        }
    }
    k
}

fn label_features(x: &Input, st: &State, h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: usize| if i == NONE { NONE_H } else { x.w[i] };
    let t = |i: usize| if i == NONE { NONE_H } else { x.t[i] };
    let get = |v: &Vec<usize>, i: usize| if i == NONE { NONE } else { v[i] };
    let lab = |i: usize| {
        if i == NONE {
            NONE_H
        } else {
            st.label[i] as u64
        }
    };
    let (hw, ht, dw, dt) = (w(h), t(h), w(d), t(d));
    let dir = (d < h) as u64;
    let dist = h.abs_diff(d).min(8) as u64;
    let hh = get(&st.head, h);
    let dl = get(&st.lc1, d);
    let dr = get(&st.rc1, d);
    let hl = get(&st.lc1, h);
    let hr = get(&st.rc1, h);
    let nx = if d < x.n() { d + 1 } else { NONE };
    let pv = if d > 1 { d - 1 } else { NONE };
    let mut k = 500u64;
    let mut p = |v: u64| {
        k += 1;
        out.push(mix(k, v));
    };
    p(dir);
    p(mix(ht, dir));
    p(mix(dt, dir));
    p(mix(mix(ht, dt), dir));
    p(mix(mix(hw, dt), dir));
    p(mix(mix(ht, dw), dir));
    p(mix(mix(hw, dw), dir));
    p(mix(mix(ht, dt), mix(dir, dist)));
    p(mix(dw, dir));
    p(mix(hw, dir));
    p(mix(mix(dt, t(dl)), dir));
    p(mix(mix(dt, t(dr)), dir));
    p(mix(mix(dt, lab(dl)), dir));
    p(mix(mix(dt, lab(dr)), dir));
    p(mix(mix(dt, w(dl)), dir));
    p(mix(mix(ht, t(hh)), mix(dt, dir)));
    p(mix(mix(ht, lab(h)), mix(dt, dir)));
    p(mix(
        mix(dt, if d < h { st.lset[h] } else { st.rset[h] }),
        dir,
    ));
    p(mix(mix(ht, dt), mix(t(hl), t(hr))));
    p(mix(mix(dt, t(nx)), dir));
    p(mix(mix(dt, t(pv)), dir));
    p(mix(mix(ht, dt), mix(t(nx), dir)));
    p(mix(mix(dt, st.vl[d] as u64), st.vr[d] as u64));
    p(mix(mix(dw, t(nx)), dir));
    p(mix((h == 0) as u64, dt));
    p(mix(mix(dt, w(dr)), dir));
    p(mix(mix(dt, ht), w(nx)));
}

fn best_valid(st: &State, scores: &[i32], nl: usize) -> usize {
    let mut best = NONE;
    let mut bs = i32::MIN;
    let ok = [st.can(SHIFT), st.can(REDUCE), st.can(2), st.can(3)];
    // the first valid action of the highest score, visiting actions in index order
    let lim = scores.len().min(2 + 2 * nl);
    for a in 0..lim.min(2) {
        if ok[a] && scores[a] > bs {
            bs = scores[a];
            best = a;
        }
    }
    if lim > 2 && (ok[2] || ok[3]) && lim & 1 == 0 {
        // the highest score first (a loop the compiler vectorises), then its first position
        let arcs = &scores[2..lim];
        let fold = |it: &mut dyn Iterator<Item = i32>| it.fold(i32::MIN, i32::max);
        let (m, first, step) = match (ok[2], ok[3]) {
            (true, true) => (arcs.iter().copied().fold(i32::MIN, i32::max), 2, 1),
            (true, false) => (fold(&mut arcs.chunks_exact(2).map(|c| c[0])), 2, 2),
            _ => (fold(&mut arcs.chunks_exact(2).map(|c| c[1])), 3, 2),
        };
        if m > bs {
            if let Some(j) = scores[first..lim]
                .iter()
                .step_by(step)
                .position(|&s| s == m)
            {
                best = first + j * step;
            }
        }
    } else if lim > 2 && (ok[2] || ok[3]) {
        let (first, step) = match (ok[2], ok[3]) {
            (true, true) => (2, 1),
            (true, false) => (2, 2),
            _ => (3, 2),
        };
        for (j, &s) in scores[first.min(lim)..lim].iter().step_by(step).enumerate() {
            if s > bs {
                bs = s;
                best = first + j * step;
            }
        }
    }
    if best == NONE {
        // Nothing valid scored (empty model): fall back to SHIFT/RIGHT(0)/REDUCE in order.
        if ok[0] {
            SHIFT
        } else if ok[3] {
            3
        } else {
            REDUCE
        }
    } else {
        best
    }
}

impl Parser {
    /// Parses a sentence; returns (head, label) per word, head 0 = root, words 1-based heads.
    pub fn parse(&self, x: &Input) -> Vec<(usize, String)> {
        self.parse_with(x, true)
    }

    /// `grouped`: use the precomputed group sums (same scores, less work).
    fn parse_with(&self, x: &Input, grouped: bool) -> Vec<(usize, String)> {
        let n = x.n();
        let nl = self.labels.len();
        let mut scratch = SCRATCH.with(|s| s.take());
        let Scratch {
            st,
            feats,
            lfeats,
            rest,
            rest2,
            scores,
            lscores,
            bsum,
        } = &mut scratch;
        st.reset(n);
        // every score vector is overwritten whole by the model; only the lengths matter
        scores.clear();
        scores.resize(
            if self.labeler.n_classes() > 0 {
                4
            } else {
                2 + 2 * nl.max(1)
            },
            0,
        );
        let mut guard = 0;
        let split = self.labeler.n_classes() > 0;
        lscores.clear();
        lscores.resize(nl.max(1), 0);
        let consts = self.consts.get_or_init(|| Consts::build(&self.model));
        let consts = (grouped && consts.model_id == self.model.id()).then_some(consts);
        // the summed buffer features of the buffer position `bpos`
        bsum.clear();
        bsum.resize(self.model.n_classes().max(1), 0);
        let mut bpos = usize::MAX;
        let buffer: &[usize] = if self.feats == PF_ALL {
            &BUFFER_FEATURES_ALL
        } else {
            &BUFFER_FEATURES
        };
        let buffer_mask = mask_of(buffer);
        let mut bkeys = [0u64; BUFFER_FEATURES_ALL.len()];
        let bkeys = &mut bkeys[..buffer.len()];
        let mut memo = S0_MEMO.with(|m| m.take());
        memo.reset(
            if consts.is_some() { n + 2 } else { 0 },
            self.model.n_classes().max(1),
        );
        while !st.done() && guard < 4 * n + 8 {
            guard += 1;
            // the buffer features are needed only when the buffer position changes (their sum
            // is kept) or when the features are scored one by one
            let need_buffer = consts.is_none() || st.b != bpos;
            features(x, st, self.feats, need_buffer, feats);
            match consts {
                Some(c) if feats.len() > 81 => {
                    if st.b != bpos {
                        for (k, &i) in bkeys.iter_mut().zip(buffer) {
                            *k = feats[i];
                        }
                        self.model.score_i(bkeys, bsum);
                        bpos = st.b;
                    }
                    let s0 = st.s0().min(n + 1);
                    memo.update(s0, &self.model, c, feats, rest2);
                    let parts: [&[i32]; S0_PARTS.len()] = std::array::from_fn(|p| memo.sum(s0, p));
                    score_grouped(
                        &self.model,
                        c,
                        feats,
                        (bsum, buffer_mask),
                        parts,
                        rest,
                        scores,
                    )
                }
                _ => {
                    if !need_buffer {
                        features(x, st, self.feats, true, feats);
                    }
                    self.model.score_i(feats, scores)
                }
            }
            let mut a = best_valid(st, scores, if split { 1 } else { nl.max(1) });
            if split && a >= 2 {
                let (h, d) = if a == 2 {
                    (st.b, st.s0())
                } else {
                    (st.s0(), st.b)
                };
                label_features(x, st, h, d, lfeats);
                self.labeler.score_i(lfeats, lscores);
                let l = crate::tagger::argmax_i32(lscores);
                a = if a == 2 { left(l) } else { right(l) };
            }
            st.apply(a);
        }
        S0_MEMO.with(|m| m.replace(memo));
        let out = finish(st, &self.labels);
        SCRATCH.with(|s| s.replace(scratch));
        out
    }

    /// A copy without weights of magnitude below `t` (smaller and faster; see `Model::pruned`).
    pub fn pruned(&self, t: f32) -> Parser {
        Parser {
            model: self.model.pruned(t),
            labels: self.labels.clone(),
            labeler: if self.labeler.n_classes() > 0 {
                self.labeler.pruned(t)
            } else {
                Model::default()
            },
            consts: OnceLock::new(),
            feats: self.feats,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        perceptron::put_u32(&mut out, self.feats);
        perceptron::put_u32(&mut out, self.labels.len() as u32);
        for l in &self.labels {
            perceptron::put_u32(&mut out, l.len() as u32);
            out.extend_from_slice(l.as_bytes());
        }
        self.model.write_to(&mut out);
        self.labeler.write_to(&mut out);
        perceptron::gzip(&out)
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Parser, TextError> {
        let raw = perceptron::gunzip(gz)?;
        let mut r = Reader::new(&raw);
        let magic = r.bytes(MAGIC.len())?;
        if magic != MAGIC && magic != b"PLYPAR2\n" {
            return Err(TextError::Model("not a parley parser model".into()));
        }
        let feats = if magic == MAGIC { r.u32()? } else { 0 };
        let n = r.u32()? as usize;
        if n > 1000 {
            return Err(TextError::Model("too many labels".into()));
        }
        let mut labels = Vec::new();
        for _ in 0..n {
            labels.push(r.string()?);
        }
        let model = Model::read_from(&mut r)?;
        let labeler = if r.remaining() > 0 {
            Model::read_from(&mut r)?
        } else {
            Model::default()
        };
        Ok(Parser {
            model,
            labels,
            labeler,
            consts: OnceLock::new(),
            feats,
        })
    }
}

/// Attaches what is left without a head: one root, the rest to it.
fn finish(st: &mut State, labels: &[String]) -> Vec<(usize, String)> {
    let n = st.n;
    let mut root = (1..=n).find(|&i| st.head[i] == 0);
    let mut out = Vec::with_capacity(n);
    for i in 1..=n {
        if st.head[i] == NONE {
            match root {
                None => {
                    root = Some(i);
                    st.head[i] = 0;
                    st.label[i] = NONE;
                }
                Some(r) => {
                    st.head[i] = r;
                    st.label[i] = NONE;
                }
            }
        }
    }
    for i in 1..=n {
        let h = st.head[i];
        let l = if st.label[i] != NONE {
            labels
                .get(st.label[i])
                .cloned()
                .unwrap_or_else(|| "dep".into())
        } else if h == 0 {
            "root".into()
        } else {
            "dep".into()
        };
        let l = if h == 0 {
            "root".to_string()
        } else if l == "root" {
            "dep".to_string()
        } else {
            l
        };
        out.push((h, l));
    }
    out
}

/// One training sentence: forms, tags (as the tagger would predict them), gold heads and labels.
pub struct ParseExample {
    pub forms: Vec<String>,
    pub tags: Vec<String>,
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

pub struct ParseTrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Probability of following the model's own (possibly wrong) prediction after epoch 1.
    pub explore: f64,
    /// Averaged weights of smaller magnitude are dropped (model size and speed).
    pub prune: f32,
    /// Unlabelled transitions plus a separate arc labeller (faster) instead of labelled ones.
    pub split: bool,
    /// Optional feature templates (`PF_*` bits).
    pub feats: u32,
}

fn costs(st: &State, gh: &[usize], gl: &[usize], nl: usize, labeled: bool, out: &mut Vec<u32>) {
    out.clear();
    out.resize(2 + 2 * nl, u32::MAX);
    let s = st.s0();
    let b = st.b;
    let n = st.n;
    let in_stack = |k: usize| !(k == 0 && st.root_done) && st.stack.contains(&k);
    if st.can(SHIFT) {
        let mut c = 0;
        if in_stack(gh[b]) {
            c += 1;
        }
        for &k in &st.stack {
            if k != 0 && gh[k] == b && st.head[k] == NONE {
                c += 1;
            }
        }
        out[SHIFT] = c;
    }
    if st.can(REDUCE) {
        out[REDUCE] = gh[b..=n].iter().filter(|&&h| h == s).count() as u32;
    }
    if st.can(2) {
        let mut c = gh[b..=n].iter().filter(|&&h| h == s).count() as u32;
        if gh[s] > b {
            c += 1;
        }
        for l in 0..nl {
            out[left(l)] = c + (labeled && gh[s] == b && gl[s] != l) as u32;
        }
    }
    if st.can(3) {
        let mut c = 0;
        if gh[b] != s && (in_stack(gh[b]) || gh[b] > b) {
            c += 1;
        }
        for &k in &st.stack {
            if k != 0 && gh[k] == b && st.head[k] == NONE {
                c += 1;
            }
        }
        for l in 0..nl {
            out[right(l)] = c + (labeled && gh[b] == s && gl[b] != l) as u32;
        }
    }
}

/// Trains the parser; `log` receives one line per epoch.
pub fn train(
    data: &[ParseExample],
    dev: &[ParseExample],
    opts: &ParseTrainOptions,
    log: &mut dyn FnMut(String),
) -> Parser {
    let mut labels: Vec<String> = Vec::new();
    let mut lidx: HashMap<String, usize> = HashMap::new();
    for ex in data {
        for l in &ex.labels {
            if !lidx.contains_key(l) {
                lidx.insert(l.clone(), labels.len());
                labels.push(l.clone());
            }
        }
    }
    let nl = labels.len();
    let nclass = 2 + 2 * nl;
    let mut class_names = vec!["SHIFT".to_string(), "REDUCE".to_string()];
    for l in &labels {
        class_names.push(format!("L-{l}"));
        class_names.push(format!("R-{l}"));
    }
    let prepared: Vec<(Input, Vec<usize>, Vec<usize>)> = data
        .iter()
        .filter(|ex| !ex.forms.is_empty())
        .map(|ex| {
            let forms: Vec<&str> = ex.forms.iter().map(|s| s.as_str()).collect();
            let tags: Vec<&str> = ex.tags.iter().map(|s| s.as_str()).collect();
            let mut gh = vec![0usize];
            gh.extend(ex.heads.iter().copied());
            let mut gl = vec![0usize];
            gl.extend(
                ex.labels
                    .iter()
                    .map(|l| lidx.get(l).copied().unwrap_or(usize::MAX)),
            );
            (Input::new(&forms, &tags), gh, gl)
        })
        .collect();
    let split = opts.split;
    let nclass = if split { 4 } else { nclass };
    if split {
        class_names = vec![
            "SHIFT".into(),
            "REDUCE".into(),
            "LEFT".into(),
            "RIGHT".into(),
        ];
    }
    let mut tr = Trainer::new(nclass);
    let mut ltr = Trainer::new(nl);
    let mut rng = Rng(opts.seed | 1);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut feats = Vec::new();
    let mut lfeats = Vec::new();
    let mut scores = vec![0f32; nclass];
    let mut lscores = vec![0f32; nl];
    let mut cost = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut right_n, mut total, mut lab_ok, mut lab_n) = (0usize, 0usize, 0usize, 0usize);
        for &si in &order {
            let (x, gh, gl) = &prepared[si];
            let mut st = State::new(x.n());
            let mut guard = 0;
            while !st.done() && guard < 4 * x.n() + 8 {
                guard += 1;
                features(x, &st, opts.feats, true, &mut feats);
                tr.score(&feats, &mut scores);
                costs(&st, gh, gl, if split { 1 } else { nl }, !split, &mut cost);
                let minc = cost.iter().copied().min().unwrap_or(0);
                if minc == u32::MAX {
                    break;
                }
                let mut pred = NONE;
                let mut gold = NONE;
                for a in 0..nclass {
                    if cost[a] == u32::MAX {
                        continue;
                    }
                    if pred == NONE || scores[a] > scores[pred] {
                        pred = a;
                    }
                    if cost[a] == minc && (gold == NONE || scores[a] > scores[gold]) {
                        gold = a;
                    }
                }
                tr.tick();
                if cost[pred] > minc {
                    tr.update(&feats, gold, pred);
                } else {
                    right_n += 1;
                }
                total += 1;
                let mut next = if epoch > 0 && rng.unit() < opts.explore {
                    pred
                } else {
                    gold
                };
                if split && next >= 2 {
                    let (h, d) = if next == 2 {
                        (st.b, st.s0())
                    } else {
                        (st.s0(), st.b)
                    };
                    label_features(x, &st, h, d, &mut lfeats);
                    ltr.score(&lfeats, &mut lscores);
                    let guess = argmax(&lscores);
                    let mut l = guess;
                    if gh[d] == h && gl[d] < nl {
                        ltr.tick();
                        ltr.update(&lfeats, gl[d], guess);
                        lab_ok += (guess == gl[d]) as usize;
                        lab_n += 1;
                        l = gl[d];
                    }
                    next = if next == 2 { left(l) } else { right(l) };
                }
                st.apply(next);
            }
        }
        let labels_note = if split {
            format!(", {:.4} of labels", lab_ok as f64 / lab_n.max(1) as f64)
        } else {
            String::new()
        };
        log(format!(
            "parser epoch {}: {:.4} of transitions right{labels_note}",
            epoch + 1,
            right_n as f64 / total.max(1) as f64
        ));
    }
    let labeler = if split {
        ltr.average(labels.clone(), opts.prune)
    } else {
        Model::default()
    };
    let parser = Parser {
        model: tr.average(class_names, opts.prune),
        labels,
        labeler,
        consts: OnceLock::new(),
        feats: opts.feats,
    };
    if !dev.is_empty() {
        let (uas, las) = score(&parser, dev);
        log(format!(
            "parser dev UAS {uas:.4} LAS {las:.4} ({} weights)",
            parser.model.n_weights()
        ));
    }
    parser
}

/// UAS and LAS (all tokens, punctuation included) of the parser on examples whose tags are given.
pub fn score(parser: &Parser, dev: &[ParseExample]) -> (f64, f64) {
    let (mut u, mut l, mut t) = (0usize, 0usize, 0usize);
    for ex in dev {
        let forms: Vec<&str> = ex.forms.iter().map(|s| s.as_str()).collect();
        let tags: Vec<&str> = ex.tags.iter().map(|s| s.as_str()).collect();
        let out = parser.parse(&Input::new(&forms, &tags));
        for (i, (h, lab)) in out.iter().enumerate() {
            t += 1;
            if *h == ex.heads[i] {
                u += 1;
                if *lab == ex.labels[i] {
                    l += 1;
                }
            }
        }
    }
    (u as f64 / t.max(1) as f64, l as f64 / t.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`best_valid`] picks the first valid action of the highest score, as a plain scan does.
    #[test]
    fn best_valid_is_the_first_highest_valid_action() {
        let nl = 5;
        let mut rng = Rng(7);
        for _ in 0..2000 {
            let n = 1 + rng.below(6);
            let mut st = State::new(n);
            // a random valid history, so that every combination of valid actions occurs
            for _ in 0..rng.below(2 * n + 1) {
                let ok: Vec<usize> = (0..2 + 2 * nl)
                    .filter(|&a| st.can(if a < 2 { a } else { 2 + (a & 1) }))
                    .collect();
                if ok.is_empty() {
                    break;
                }
                st.apply(ok[rng.below(ok.len())]);
            }
            // few distinct values, so that ties are common
            let scores: Vec<i32> = (0..2 + 2 * nl).map(|_| rng.below(4) as i32 - 2).collect();
            let mut want = NONE;
            for (a, &x) in scores.iter().enumerate() {
                let valid = st.can(if a < 2 { a } else { 2 + (a & 1) });
                if valid && (want == NONE || x > scores[want]) {
                    want = a;
                }
            }
            if want != NONE {
                assert_eq!(best_valid(&st, &scores, nl), want, "{scores:?}");
            }
        }
    }

    /// The precomputed group sums give exactly the parses of plain scoring.
    #[test]
    fn grouped_scoring_changes_nothing() {
        let analyzer = crate::Analyzer::new();
        let m = analyzer.models();
        if m.parser.labels.is_empty() {
            return;
        }
        let sents = [
            "The minister said on Tuesday that talks with the rebels would resume next week .",
            "Prices rose 5 % in March , the bureau said , after two months of declines .",
            "Stop !",
            "She gave him the book that her brother had written about the war in 1999 .",
        ];
        for s in sents {
            let words: Vec<&str> = s.split(' ').collect();
            let tags: Vec<&str> = m
                .tagger
                .tag(&words)
                .into_iter()
                .map(|c| m.tagger.classes()[c].as_str())
                .collect();
            let x = Input::new(&words, &tags);
            assert_eq!(
                m.parser.parse_with(&x, true),
                m.parser.parse_with(&x, false),
                "{s}"
            );
        }
    }
}
