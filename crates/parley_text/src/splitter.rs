//! Learned sentence boundaries: an averaged perceptron decides, between two tokens of a
//! paragraph, whether a sentence ends.
//!
//! Every token followed by whitespace (or ending in final punctuation) is a candidate, except
//! determiners, prepositions and conjunctions, so a sentence can also end without punctuation, as
//! web text often does. Features: the surrounding
//! word forms (lower-cased), shapes, coarse classes and word classes (the UPOS tags a word took in
//! the treebank, stored with the model), the rule splitter's verdict ([`tokenize::split_sentences`]),
//! abbreviations, quote and bracket nesting, distance to final punctuation, the sentence length so
//! far and paragraph style. Hard rules stay on top: a blank line always ends a sentence, no
//! sentence exceeds [`crate::tokenize::MAX_SENT_TOKENS`], and news conventions the treebank rarely
//! shows are never split (see `veto`: titles, initials, dashes, `“…,” she said`).
//! Trained by `parley train splitter` ([`train_conllu`]): a binary averaged perceptron, weights
//! averaged over four example orders.

use std::collections::HashMap;

use crate::conllu::ConllSentence;
use crate::perceptron::{self, hash_str, mix, Fnv, Reader};
use crate::tokenize::{self, Tok, MAX_SENT_TOKENS};
use crate::TextError;

const MAGIC: &[u8] = b"PLYSPL3\n";

/// The trained boundary model.
#[derive(Debug, Clone, Default)]
pub struct Splitter {
    /// Feature weights of "a sentence ends here" (empty: the rules of
    /// [`tokenize::split_sentences`] are used).
    pub weights: Weights,
    /// Lower-cased words of the training treebank → the set of UPOS they took (bit mask).
    pub words: HashMap<String, u32>,
    /// The same keyed by the hash of the word.
    word_ids: WordIds,
}

/// Word hash → word classes in one open-addressing array of (hash, classes) pairs: a lookup
/// reads one slot (a `HashMap` reads its control bytes, then the slot). Built like a map from
/// pairs: a later pair with the same hash replaces an earlier one.
#[derive(Debug, Clone, Default)]
struct WordIds {
    slots: Vec<(u64, u32)>,
    mask: usize,
    /// The classes of a word whose hash is 0 (0 marks an empty slot).
    zero: Option<u32>,
}

impl WordIds {
    #[inline]
    fn home(&self, k: u64) -> usize {
        ((k ^ (k >> 32)) as usize) & self.mask
    }

    #[inline]
    fn get(&self, k: u64) -> Option<u32> {
        if k == 0 {
            return self.zero;
        }
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.home(k);
        loop {
            let (h, v) = self.slots[i];
            if h == k {
                return Some(v);
            }
            if h == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl FromIterator<(u64, u32)> for WordIds {
    fn from_iter<I: IntoIterator<Item = (u64, u32)>>(iter: I) -> WordIds {
        let rows: Vec<(u64, u32)> = iter.into_iter().collect();
        let cap = (rows.len() * 3 / 2).next_power_of_two().max(16);
        let mut w = WordIds {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            zero: None,
        };
        for (k, v) in rows {
            if k == 0 {
                w.zero = Some(v);
                continue;
            }
            let mut i = w.home(k);
            while w.slots[i].0 != 0 && w.slots[i].0 != k {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = (k, v);
        }
        w
    }
}

/// Feature hash → weight, an open-addressing table of `u64` slots, each a 48-bit fingerprint of
/// the feature and its weight (`i16`, times `scale`) in the low 16 bits.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    slots: Vec<u64>,
    mask: usize,
    len: usize,
    pub scale: f32,
}

const FP: u64 = !0xFFFF;

impl Weights {
    /// Builds the table from (feature, weight) rows.
    pub fn from_rows(rows: &[(u64, f32)]) -> Weights {
        let maxw = rows.iter().fold(0f32, |m, r| m.max(r.1.abs()));
        let scale = if maxw > 0.0 { maxw / 32767.0 } else { 1.0 };
        let q: Vec<(u64, i16)> = rows
            .iter()
            .map(|&(k, w)| (k, (w / scale).round() as i16))
            .filter(|r| r.1 != 0)
            .collect();
        Weights::from_quantised(&q, scale)
    }

    fn from_quantised(rows: &[(u64, i16)], scale: f32) -> Weights {
        let cap = (rows.len() * 3 / 2).next_power_of_two().max(16);
        let mut w = Weights {
            slots: vec![0; cap],
            mask: cap - 1,
            len: 0,
            scale,
        };
        for &(k, v) in rows {
            let f = Weights::fingerprint(k);
            let mut i = (k as usize) & w.mask;
            while w.slots[i] != 0 && w.slots[i] & FP != f {
                i = (i + 1) & w.mask;
            }
            if w.slots[i] == 0 {
                w.len += 1;
            }
            w.slots[i] = f | v as u16 as u64;
        }
        w
    }

    #[inline]
    fn fingerprint(k: u64) -> u64 {
        // never 0, so an empty slot (0) never matches
        (k & FP).max(0x10000)
    }

    #[inline]
    fn get(&self, k: u64) -> i32 {
        let f = Weights::fingerprint(k);
        let mut i = (k as usize) & self.mask;
        loop {
            let x = self.slots[i];
            if x & FP == f {
                return x as u16 as i16 as i32;
            }
            if x == 0 {
                return 0;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The summed weight of `feats` (units of `scale`); positive means "a sentence ends".
    #[inline]
    pub fn score(&self, feats: &[u64]) -> i32 {
        if self.len == 0 {
            return 0;
        }
        let mut sum = 0;
        // load every home slot first (independent loads overlap), then resolve collisions
        let mut home = [0u64; 32];
        for chunk in feats.chunks(32) {
            for (h, &f) in home.iter_mut().zip(chunk) {
                *h = self.slots[(f as usize) & self.mask];
            }
            for (&x, &f) in home.iter().zip(chunk) {
                let fp = Weights::fingerprint(f);
                sum += if x & FP == fp {
                    x as u16 as i16 as i32
                } else if x == 0 {
                    0
                } else {
                    self.get(f)
                };
            }
        }
        sum
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Writes the table as it is: its size, then (index delta, slot) of the occupied slots.
    fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        perceptron::put_u32(out, self.slots.len() as u32);
        perceptron::put_u32(out, self.len as u32);
        let mut prev = 0usize;
        for (i, &x) in self.slots.iter().enumerate() {
            if x != 0 {
                perceptron::put_var(out, (i - prev) as u64);
                prev = i;
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    fn read_from(r: &mut Reader<'_>) -> Result<Weights, TextError> {
        let b = r.bytes(4)?;
        let scale = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let cap = r.u32()? as usize;
        let n = r.u32()? as usize;
        if !cap.is_power_of_two() || cap > 1 << 26 || n >= cap || n > r.remaining() {
            return Err(TextError::Model("bad splitter weight table".into()));
        }
        let mut slots = vec![0u64; cap];
        let mut i = 0usize;
        for _ in 0..n {
            i = i.saturating_add(r.var()? as usize);
            let b = r.bytes(8)?;
            let x = u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
            match slots.get_mut(i) {
                Some(s) if x & FP != 0 => *s = x,
                _ => return Err(TextError::Model("bad splitter weight slot".into())),
            }
        }
        Ok(Weights {
            slots,
            mask: cap - 1,
            len: n,
            scale,
        })
    }
}

fn is_terminalish(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '…']) || matches!(t, "”" | "\"" | "’" | "'" | ")" | "]" | "''")
}

/// Whether a boundary after token `i` is worth asking the model about: any whitespace between
/// the tokens, or a token that may end a sentence.
fn candidate(text: &str, toks: &[Tok], i: usize) -> bool {
    toks[i].end < toks[i + 1].start || is_terminalish(&text[toks[i].start..toks[i].end])
}

/// Titles written before a name ("Gov. Mike Pence"): a sentence does not end after them.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt",
    "col", "maj", "capt", "sgt", "adm", "cmdr", "cpl", "pvt", "hon", "rev", "supt", "messrs",
    "mme", "atty", "pres", "amb", "gens", "insp", "det", "fr", "msgr",
];

fn is_closing_quote(t: &str) -> bool {
    matches!(t, "”" | "\"" | "’" | "''" | "»")
}

/// Hard news rules: no sentence ends after `t0` (`tm1` before it, `t1` after it) when
/// - it is an opening quote or bracket, or a dash, or a dash follows ("“…” — Name" attributions,
///   "NAIROBI, Kenya —");
/// - it is a title abbreviation ("Sen.") or an initial before a capitalised word ("R. Biden");
/// - it closes a quotation that did not end with final punctuation ("“We will,” she said") or
///   is followed by a lower-case word ("“Why?” she asked");
/// - it is a colon before an opening quote ("said: “We …”");
/// - it is an ellipsis or a closing bracket before a lower-case word.
fn veto(t0: &str, tm1: &str, t1: &str) -> bool {
    let c1 = t1.chars().next().unwrap_or(' ');
    if matches!(
        t0,
        "(" | "[" | "{" | "“" | "‘" | "«" | "`" | "``" | "—" | "―" | "–"
    ) || matches!(t1, "—" | "―" | "–")
    {
        return true;
    }
    if let Some(core) = t0.strip_suffix('.') {
        let title = if core.is_ascii() {
            TITLES.iter().any(|t| t.eq_ignore_ascii_case(core))
        } else {
            TITLES.contains(&core.to_lowercase().as_str())
        };
        if title {
            return true;
        }
        let mut cs = core.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if c.is_uppercase() && c1.is_uppercase() {
                return true;
            }
        }
    }
    let ellipsis = t0 == "…" || (t0.len() >= 2 && t0.chars().all(|c| c == '.'));
    if (ellipsis || matches!(t0, ")" | "]")) && c1.is_lowercase() {
        return true;
    }
    if is_closing_quote(t0) {
        let ended = tm1.ends_with(['.', '!', '?', '…']);
        if !ended || c1.is_lowercase() {
            return true;
        }
    }
    t0 == ":" && matches!(t1, "“" | "\"" | "‘" | "«" | "``")
}

/// Word-class bits (UPOS index + 1 shifted, see [`UPOS`]) of function words: ADP, ADV, AUX,
/// CCONJ, DET, INTJ, PART, PRON, SCONJ. No sentence ends after a number before a lower-case
/// word, or before a capitalised word without these bits when a word precedes the number
/// ("nearly 3,000 Danish sites", "Some 800,000 Iraqi Kurds").
const FUNCTION_WORD: u64 =
    (1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 9 | 1 << 10 | 1 << 13) << 1;

/// Word-class bits of ADP, CCONJ, DET and SCONJ: a word that only takes these never ends a
/// sentence ("the", "of", "and").
const CLOSED: u64 = (1 << 1 | 1 << 4 | 1 << 5 | 1 << 13) << 1;

/// Coarse token classes.
fn kind(t: &str) -> u64 {
    let mut cs = t.chars();
    let c = cs.next().unwrap_or(' ');
    let n = t.chars().count();
    if t.chars()
        .all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁉'))
    {
        return if t == "." { 1 } else { 2 };
    }
    let alnum = t.chars().any(char::is_alphanumeric);
    if alnum && matches!(c, '\'' | '’') {
        return 25; // clitic: 's n't 're
    }
    match c {
        _ if alnum && !matches!(c, '#' | '@') => {}
        '”' | '’' | '»' => return 3,
        '"' | '\'' | '`' => return 4,
        ')' | ']' | '}' => return 5,
        '(' | '[' | '{' => return 6,
        '“' | '‘' | '«' => return 7,
        ',' => return 8,
        ';' | ':' => return 9,
        '-' | '—' | '–' | '―' => return 10,
        '*' | '•' | '#' | '=' | '_' | '~' | '>' | '<' | '|' | '+' => {
            return if t.starts_with('#') && n > 1 { 11 } else { 12 };
        }
        _ => {}
    }
    if t.contains("://") || t.contains('@') || t.starts_with("www.") {
        return 13;
    }
    if c.is_ascii_digit() {
        return if t.chars().all(|c| c.is_ascii_digit()) {
            14
        } else {
            15
        };
    }
    if c.is_uppercase() {
        let upper = t.chars().filter(|c| c.is_uppercase()).count();
        if n == 1 {
            16
        } else if upper == n || (upper > 1 && !t.chars().any(char::is_lowercase)) {
            17
        } else if t.ends_with('.') {
            18
        } else {
            19
        }
    } else if c.is_lowercase() {
        if t.ends_with('.') {
            20
        } else if n == 1 {
            21
        } else {
            22
        }
    } else if c.is_alphabetic() {
        23
    } else {
        24
    }
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

fn bucket(n: usize) -> u64 {
    match n {
        0..=2 => n as u64,
        3..=4 => 3,
        5..=8 => 4,
        9..=15 => 5,
        16..=30 => 6,
        _ => 7,
    }
}

/// Per-paragraph precomputed token information.
struct Para {
    low: Vec<u64>,
    form: Vec<u64>,
    shape: Vec<u64>,
    kind: Vec<u64>,
    /// Word class (bit 0: known; then the UPOS set seen in training), 0 when unknown.
    class: Vec<u64>,
    /// 0 no space, 1 spaces, 3 a line break.
    gap: Vec<u64>,
    rule: Vec<bool>,
    abbr: Vec<bool>,
    /// Whether the model is asked about a boundary after token i (a candidate, not vetoed).
    ask: Vec<bool>,
    /// Open double quotes (parity) and brackets (clamped) up to and including token i.
    nest: Vec<u64>,
    /// Tokens from i to the previous and next sentence-final punctuation.
    prev_term: Vec<usize>,
    next_term: Vec<usize>,
    /// Paragraph-wide: any final punctuation; share of capitalised words (bucket).
    has_term: bool,
    caps: u64,
    /// Paragraph style: ends with final punctuation (2) + has a lower-case word right after final
    /// punctuation or a lone "i" (1).
    style: u64,
}

impl Para {
    fn new(text: &str, toks: &[Tok], words: &WordIds) -> Para {
        let n = toks.len();
        let tx = |i: usize| &text[toks[i].start..toks[i].end];
        let mut p = Para {
            low: Vec::with_capacity(n),
            form: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            class: Vec::with_capacity(n),
            gap: Vec::with_capacity(n),
            rule: vec![false; n],
            abbr: Vec::with_capacity(n),
            ask: vec![false; n],
            nest: Vec::with_capacity(n),
            prev_term: vec![0; n],
            next_term: vec![0; n],
            has_term: false,
            caps: 0,
            style: 0,
        };
        let (mut quotes, mut brackets) = (0u64, 0i64);
        let (mut n_words, mut capital) = (0usize, 0usize);
        let mut lower = String::new();
        for i in 0..n {
            let t = tx(i);
            let low = if t.is_ascii() {
                // the hash of the lower-cased form, lower-casing on the fly
                let mut h = Fnv::new();
                for &x in t.as_bytes() {
                    h.byte(x.to_ascii_lowercase());
                }
                h.0
            } else {
                lower.clear();
                lower.extend(t.chars().flat_map(char::to_lowercase));
                hash_str(&lower)
            };
            p.low.push(low);
            p.class
                .push(words.get(low).map_or(0, |c| (c as u64) << 1 | 1));
            p.form.push(hash_str(t));
            p.shape.push(shape(t));
            let k = kind(t);
            p.kind.push(k);
            p.gap.push(if i + 1 < n {
                let g = &text[toks[i].end..toks[i + 1].start];
                if g.is_empty() {
                    0
                } else if g.contains('\n') {
                    3
                } else {
                    1
                }
            } else {
                3
            });
            p.abbr.push(
                t.ends_with('.')
                    && t.len() > 1
                    && tokenize::is_abbreviation(
                        t,
                        i + 1 < n && tx(i + 1).starts_with(|c: char| c.is_ascii_digit()),
                    ),
            );
            match t {
                "\"" | "“" | "”" | "``" | "''" => quotes += 1,
                "(" | "[" | "{" => brackets += 1,
                ")" | "]" | "}" => brackets -= 1,
                _ => {}
            }
            p.nest.push((quotes & 1) * 4 + brackets.clamp(0, 3) as u64);
            if k == 1 || k == 2 {
                p.has_term = true;
            }
            if (16..=23).contains(&k) {
                n_words += 1;
                capital += (16..=19).contains(&k) as usize;
            }
        }
        p.caps = if n_words < 4 {
            0
        } else {
            1 + (capital * 4 / n_words) as u64
        };
        let mut last = None;
        for i in 0..n {
            if p.kind[i] <= 2 {
                last = Some(i);
            }
            p.prev_term[i] = last.map_or(99, |l| i - l);
        }
        let mut next = None;
        for i in (0..n).rev() {
            if p.kind[i] <= 2 {
                next = Some(i);
            }
            p.next_term[i] = next.map_or(99, |l| l - i);
        }
        for (_, e) in tokenize::split_sentences(text, toks) {
            if e > 0 {
                p.rule[e - 1] = true;
            }
        }
        let mut sloppy = false;
        for i in 0..n {
            let k = p.kind[i];
            if tx(i) == "i" || (i > 0 && (p.kind[i - 1] <= 2) && (20..=22).contains(&k)) {
                sloppy = true;
            }
        }
        let ends_well = n > 0
            && (p.kind[n - 1] <= 2
                || (n > 1 && p.kind[n - 2] <= 2 && matches!(p.kind[n - 1], 3..=5)));
        p.style = ends_well as u64 * 2 + sloppy as u64;
        for i in 0..n.saturating_sub(1) {
            let vetoed = veto(tx(i), if i > 0 { tx(i - 1) } else { "" }, tx(i + 1))
                || (matches!(p.kind[i], 14 | 15)
                    && ((20..=22).contains(&p.kind[i + 1])
                        || (i > 0
                            && (16..=22).contains(&p.kind[i - 1])
                            && p.kind[i + 1] == 19
                            && p.class[i + 1] & FUNCTION_WORD == 0)));
            // a determiner, preposition or conjunction does not end a sentence
            let c = p.class[i];
            let function = c & 1 == 1 && c & !(CLOSED | 1) == 0;
            p.ask[i] = !vetoed && !function && candidate(text, toks, i);
        }
        p
    }

    fn features(&self, i: usize, since: usize, out: &mut Vec<u64>) {
        out.clear();
        let n = self.low.len();
        let at = |v: &Vec<u64>, k: isize| -> u64 {
            if k < 0 || k as usize >= n {
                0x5151
            } else {
                v[k as usize]
            }
        };
        let ii = i as isize;
        let (l0, l1, lm1, l2) = (
            self.low[i],
            at(&self.low, ii + 1),
            at(&self.low, ii - 1),
            at(&self.low, ii + 2),
        );
        let f1 = at(&self.form, ii + 1);
        let (s0, s1, sm1, s2) = (
            self.shape[i],
            at(&self.shape, ii + 1),
            at(&self.shape, ii - 1),
            at(&self.shape, ii + 2),
        );
        let (k0, k1, km1, k2) = (
            self.kind[i],
            at(&self.kind, ii + 1),
            at(&self.kind, ii - 1),
            at(&self.kind, ii + 2),
        );
        let (c0, c1, cm1, c2) = (
            self.class[i],
            at(&self.class, ii + 1),
            at(&self.class, ii - 1),
            at(&self.class, ii + 2),
        );
        let g = self.gap[i];
        let sb = bucket(since);
        let ub = bucket(n - 1 - i);
        let rule = self.rule[i] as u64;
        let abbr = self.abbr[i] as u64;
        let nest = self.nest[i];
        let pt = bucket(self.prev_term[i]);
        let nt = bucket(self.next_term[(i + 1).min(n - 1)]);
        let ht = self.has_term as u64;
        let k01 = mix(k0, k1);
        let c01 = mix(c0, c1);
        // written into a fixed array (the positions are constants after inlining), copied once
        let mut buf = [0u64; 64];
        let mut k = 0usize;
        let mut p = |v: u64| {
            if let Some(x) = buf.get_mut(k) {
                *x = mix(k as u64 + 1, v);
            }
            k += 1;
        };
        p(0);
        p(l0);
        p(l1);
        p(lm1);
        p(l2);
        p(f1);
        p(s0);
        p(s1);
        p(sm1);
        p(s2);
        p(g);
        p(mix(l0, l1));
        p(mix(lm1, l0));
        p(mix(l1, l2));
        p(mix(l0, s1));
        p(mix(s0, l1));
        p(mix(s0, s1));
        p(mix(sm1, mix(s0, s1)));
        p(mix(s0, mix(s1, s2)));
        p(mix(k0, mix(k1, k2)));
        p(mix(km1, k01));
        p(mix(k01, g));
        p(sb);
        p(mix(sb, k1));
        p(mix(sb, k0));
        p(ub);
        p(mix(ub, k0));
        p(mix(sb, ub));
        p(rule);
        p(mix(rule, s1));
        p(mix(rule, l0));
        p(mix(rule, l1));
        p(mix(rule, k01));
        p(mix(abbr, k1));
        p(mix(abbr, l0));
        p(mix(nest, k01));
        p(mix(ht, k01));
        p(mix(self.caps, k1));
        p(mix(self.caps, k01));
        p(mix(f1, s0));
        p(mix(f1, k0));
        p(mix(pt, k01));
        p(mix(nt, k01));
        p(mix(mix(pt, nt), k1));
        p(c01);
        p(mix(cm1, c01));
        p(mix(c0, mix(c1, c2)));
        p(mix(self.style + 100, k01));
        p(mix(self.style + 200, c01));
        p(mix(self.style + 300, mix(rule, k1)));
        p(mix(c0, k1));
        p(mix(c1, s1));
        p(mix(mix(c1, s1), k0));
        p(mix(k0, c1));
        p(mix(c0, s1));
        p(mix(c01, rule));
        p(mix(l0, c1));
        p(mix(c0, l1));
        out.extend_from_slice(&buf[..k.min(buf.len())]);
    }
}

impl Splitter {
    /// Groups the tokens of one paragraph into sentences (token index ranges).
    pub fn split(&self, text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
        if self.weights.is_empty() {
            return tokenize::split_sentences(text, toks);
        }
        let n = toks.len();
        let para = Para::new(text, toks, &self.word_ids);
        let mut out = Vec::new();
        let mut start = 0;
        let mut feats = Vec::with_capacity(32);
        for i in 0..n.saturating_sub(1) {
            let gap = &text[toks[i].end..toks[i + 1].start];
            let hard = gap.bytes().filter(|&b| b == b'\n').count() >= 2
                || i + 1 - start >= MAX_SENT_TOKENS;
            let brk = hard
                || (para.ask[i] && {
                    para.features(i, i - start, &mut feats);
                    self.weights.score(&feats) > 0
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
        let mut words: Vec<(&String, &u32)> = self.words.iter().collect();
        words.sort();
        perceptron::put_u32(&mut out, words.len() as u32);
        for (w, c) in words {
            perceptron::put_u32(&mut out, w.len() as u32);
            out.extend_from_slice(w.as_bytes());
            perceptron::put_u32(&mut out, *c);
        }
        self.weights.write_to(&mut out);
        perceptron::gzip(&out)
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Splitter, TextError> {
        let raw = perceptron::gunzip(gz)?;
        let mut r = Reader::new(&raw);
        if r.bytes(MAGIC.len())? != MAGIC {
            return Err(TextError::Model("not a parley splitter model".into()));
        }
        let n = r.u32()? as usize;
        let mut words = HashMap::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let w = r.string()?;
            words.insert(w, r.u32()?);
        }
        let weights = Weights::read_from(&mut r)?;
        Ok(Splitter::new(weights, words))
    }

    /// A splitter from its weights and word classes.
    pub fn new(weights: Weights, words: HashMap<String, u32>) -> Splitter {
        let word_ids = words.iter().map(|(w, &c)| (hash_str(w), c)).collect();
        Splitter {
            weights,
            words,
            word_ids,
        }
    }
}

/// One training paragraph: its text and the byte offsets where gold sentences end.
pub struct SplitExample {
    pub text: String,
    pub ends: Vec<usize>,
}

/// Trains the boundary model on paragraphs tokenised by parley's own tokeniser.
/// Trains without word classes (see [`train_conllu`] for the full model).
pub fn train(data: &[SplitExample], epochs: usize, log: &mut dyn FnMut(String)) -> Splitter {
    train_with_words(data, HashMap::new(), epochs, log)
}

/// Trains the boundary model with the given word classes.
pub fn train_with_words(
    data: &[SplitExample],
    words: HashMap<String, u32>,
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Splitter {
    let word_ids: WordIds = words.iter().map(|(w, &c)| (hash_str(w), c)).collect();
    let prepared: Vec<(Vec<bool>, Para)> = data
        .iter()
        .map(|ex| {
            let toks = tokenize::tokenize(&ex.text);
            let set: std::collections::HashSet<usize> = ex.ends.iter().copied().collect();
            let gold = toks.iter().map(|t| set.contains(&t.end)).collect();
            let para = Para::new(&ex.text, &toks, &word_ids);
            (gold, para)
        })
        .collect();
    let seeds = SEEDS;
    let mut sum: HashMap<u64, f64, perceptron::IdBuild> = HashMap::default();
    let mut feats = Vec::new();
    for seed in 0..seeds {
        let mut p = Binary::default();
        let mut rng = crate::tagger::Rng(5 + seed * 7919);
        let mut order: Vec<usize> = (0..prepared.len()).collect();
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0, 0);
            for &k in &order {
                let (gold, para) = &prepared[k];
                let mut start = 0;
                let last = gold.len().saturating_sub(1);
                for (i, &truth) in gold.iter().enumerate().take(last) {
                    if !para.ask[i] {
                        if truth {
                            start = i + 1;
                        }
                        continue;
                    }
                    para.features(i, i - start, &mut feats);
                    let guess = p.score(&feats) > 0.0;
                    p.t += 1;
                    if guess != truth {
                        p.update(&feats, if truth { 1.0 } else { -1.0 });
                    }
                    right += (guess == truth) as usize;
                    total += 1;
                    if truth {
                        start = i + 1;
                    }
                }
            }
            log(format!(
                "splitter seed {} epoch {}: {:.4} of decisions right",
                seed + 1,
                epoch + 1,
                right as f64 / total.max(1) as f64
            ));
        }
        for (k, w) in p.averaged() {
            *sum.entry(k).or_default() += w as f64;
        }
    }
    let rows: Vec<(u64, f32)> = sum
        .into_iter()
        .map(|(k, w)| (k, (w / seeds.max(1) as f64) as f32))
        .filter(|(_, w)| w.abs() >= PRUNE)
        .collect();
    Splitter::new(Weights::from_rows(&rows), words)
}

/// Models trained with different example orders whose weights are averaged (less variance).
const SEEDS: u64 = 4;
/// Averaged weights below this magnitude are dropped.
const PRUNE: f32 = 0.1;

/// A binary averaged perceptron (the score of "yes"; "no" scores 0).
#[derive(Default)]
struct Binary {
    /// feature → (weight, accumulated weight × time, time of the last change)
    w: HashMap<u64, (f32, f64, u32), perceptron::IdBuild>,
    t: u32,
}

impl Binary {
    fn score(&self, feats: &[u64]) -> f32 {
        feats
            .iter()
            .filter_map(|f| self.w.get(f))
            .map(|e| e.0)
            .sum()
    }

    fn update(&mut self, feats: &[u64], d: f32) {
        let t = self.t;
        for f in feats {
            let e = self.w.entry(*f).or_insert((0.0, 0.0, t));
            e.1 += (t - e.2) as f64 * e.0 as f64;
            e.2 = t;
            e.0 += d;
        }
    }

    fn averaged(&self) -> Vec<(u64, f32)> {
        let t = self.t.max(1);
        self.w
            .iter()
            .map(|(k, e)| {
                let total = e.1 + (t - e.2) as f64 * e.0 as f64;
                (*k, (total / t as f64) as f32)
            })
            .collect()
    }
}

const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The word classes: lower-cased words seen at least `min_count` times → the UPOS tags that make
/// up at least a tenth of their occurrences (bit mask).
pub fn word_classes(sents: &[ConllSentence], min_count: usize) -> HashMap<String, u32> {
    let mut counts: HashMap<String, [u32; 17]> = HashMap::new();
    for s in sents {
        for w in &s.words {
            if let Some(k) = UPOS.iter().position(|u| *u == w.upos) {
                counts.entry(w.form.to_lowercase()).or_insert([0; 17])[k] += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, c)| {
            let total: u32 = c.iter().sum();
            if (total as usize) < min_count {
                return None;
            }
            let mask = c
                .iter()
                .enumerate()
                .filter(|(_, &n)| n * 10 >= total)
                .fold(0u32, |m, (k, _)| m | 1 << k);
            Some((w, mask))
        })
        .collect()
}

/// Trains the splitter from a treebank: word classes, then the boundary model on its paragraphs.
pub fn train_conllu(
    sents: &[ConllSentence],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Splitter {
    let words = word_classes(sents, 2);
    log(format!("splitter: {} word classes", words.len()));
    let data = crate::train::split_examples(sents);
    train_with_words(&data, words, epochs, log)
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    /// Sentences of `input` (no paragraph spans), joined by " | ".
    fn sentences(input: &str) -> String {
        Analyzer::new()
            .analyze(input, &[])
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(sentences(input), expected, "input: {input:?}");
    }

    #[test]
    fn builtin_model_loads() {
        let a = Analyzer::new();
        assert!(!a.models().splitter.weights.is_empty());
        assert!(!a.models().splitter.words.is_empty());
    }

    #[test]
    fn news_abbreviations_and_initials() {
        check(
            "Sen. Ann Reyes flew to the U.S. capital on Jan. 9. She met aides there.",
            "Sen. Ann Reyes flew to the U.S. capital on Jan. 9. | She met aides there.",
        );
        check(
            "The letter reached No. 10 Downing Street on Monday. Officials declined to comment.",
            "The letter reached No. 10 Downing Street on Monday. | Officials declined to comment.",
        );
        check(
            "Former Gov. Paul T. Hale of Ohio spoke first. Dr. Lena Ortiz followed him.",
            "Former Gov. Paul T. Hale of Ohio spoke first. | Dr. Lena Ortiz followed him.",
        );
        check(
            "Talks stalled in the U.S. The envoy went home.",
            "Talks stalled in the U.S. | The envoy went home.",
        );
    }

    #[test]
    fn news_quotes_and_dashes() {
        check(
            "“We will not back down,” the minister said. “Never.”",
            "“We will not back down,” the minister said. | “Never.”",
        );
        check(
            "\"Is this a threat?\" she asked. Nobody answered.",
            "\"Is this a threat?\" she asked. | Nobody answered.",
        );
        check(
            "“The ceasefire is over.” — Omar Diallo, a village elder",
            "“The ceasefire is over.” — Omar Diallo, a village elder",
        );
        check(
            "LAGOS, Nigeria — Protesters marched on Tuesday. Police watched.",
            "LAGOS, Nigeria — Protesters marched on Tuesday. | Police watched.",
        );
        check(
            "The spokesman said: “We have received the proposal.”",
            "The spokesman said: “We have received the proposal.”",
        );
    }

    #[test]
    fn brackets_urls_and_hashtags() {
        check(
            "He said those [talks] were over (for now) and left.",
            "He said those [talks] were over (for now) and left.",
        );
        check(
            "Read the report at https://example.org/report.pdf today. It is long.",
            "Read the report at https://example.org/report.pdf today. | It is long.",
        );
        check(
            "Crowds gathered under #FreeThePress banners. More arrived later!",
            "Crowds gathered under #FreeThePress banners. | More arrived later!",
        );
        check(
            "Prices rose... and then fell again.",
            "Prices rose... and then fell again.",
        );
    }

    #[test]
    fn web_text_without_punctuation() {
        check(
            "Hi John, Please find the draft attached",
            "Hi John, | Please find the draft attached",
        );
        check(
            "great food and friendly staff!! we will be back",
            "great food and friendly staff!! | we will be back",
        );
    }

    /// Sentence F1 on EWT dev (raw text rebuilt with paragraphs; see `docs/eval/parsing.md`),
    /// splitting only. Skipped without `../shared`.
    #[test]
    fn ewt_dev_sentence_f1() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu"
        );
        if !std::path::Path::new(path).exists() {
            println!("skipped: {path} not found");
            return;
        }
        let (sents, _) = crate::train::read_conllu(path).unwrap();
        let raw = crate::eval::rebuild_text(&sents);
        let idx = parley_core::CharIndex::new(&raw.text);
        let analyzer = Analyzer::new();
        let sp = &analyzer.models().splitter;
        let gold: std::collections::HashSet<(usize, usize)> = raw
            .sentences
            .iter()
            .map(|s| (idx.byte_of_char(s.start), idx.byte_of_char(s.end)))
            .collect();
        let (mut pred, mut hit) = (0usize, 0usize);
        let mut toks = Vec::new();
        for p in &raw.paragraphs {
            toks.clear();
            let (a, b) = (idx.byte_of_char(p.start), idx.byte_of_char(p.end));
            crate::tokenize::tokenize_into(&raw.text, a, b, &mut toks);
            for (s, e) in sp.split(&raw.text, &toks) {
                pred += 1;
                hit += gold.contains(&(toks[s].start, toks[e - 1].end)) as usize;
            }
        }
        let (p, r) = (hit as f64 / pred as f64, hit as f64 / gold.len() as f64);
        let f1 = 2.0 * p * r / (p + r);
        assert!(f1 >= 0.90, "sentence F1 {f1:.4} (P {p:.4} R {r:.4})");
    }

    #[test]
    fn veto_rules() {
        use super::veto;
        assert!(veto("Sen.", "said", "Reyes"));
        assert!(veto("R.", "Joseph", "Biden"));
        assert!(veto("”", ",", "she"));
        assert!(veto("”", "?", "she"));
        assert!(veto("—", "”", "Omar"));
        assert!(veto(":", "said", "“"));
        assert!(veto("...", "rose", "and"));
        assert!(!veto("”", ".", "The"));
        assert!(!veto(".", "home", "The"));
    }
}
