//! Lemmatiser: suffix rules checked against a vocabulary of known lemmas, plus exception lists.
//!
//! `data/lemma_exceptions.tsv` and `data/lemma_vocab.tsv` are derived from the UD English-EWT
//! training split by `parley train lemmas`; `data/irregular.tsv` is written by hand.

use std::collections::{HashMap, HashSet};

use parley_core::Upos;

/// The lemma tables' keys are short trusted words: FxHash (`parley_core::FxBuild`).
type IdBuild = parley_core::FxBuild;

/// The lemmatiser; cheap to clone via `Arc` in [`crate::Analyzer`].
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// `lower \t UPOS` → lemma.
    exceptions: HashMap<String, String, IdBuild>,
    /// `lemma \t UPOS` known to exist.
    vocab: HashSet<String, IdBuild>,
}

fn key(w: &str, u: Upos) -> String {
    let u = u.as_str();
    let mut k = String::with_capacity(w.len() + 1 + u.len());
    k.push_str(w);
    k.push('\t');
    k.push_str(u);
    k
}

/// `s.to_lowercase()` in `buf` when `s` is ASCII and fits.
fn ascii_lower<'a>(s: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    if !s.is_ascii() {
        return None;
    }
    let l = buf.get_mut(..s.len())?;
    l.copy_from_slice(s.as_bytes());
    l.make_ascii_lowercase();
    std::str::from_utf8(l).ok()
}

/// Calls `f` with [`key`]`(w, u)`, built on the stack when it is short.
#[inline]
fn with_key<R>(w: &str, upos: Upos, f: impl FnOnce(&str) -> R) -> R {
    let u = upos.as_str();
    let mut buf = [0u8; 64];
    let n = w.len() + 1 + u.len();
    if let Some(k) = buf.get_mut(..n) {
        k[..w.len()].copy_from_slice(w.as_bytes());
        k[w.len()] = b'\t';
        k[w.len() + 1..].copy_from_slice(u.as_bytes());
        if let Ok(k) = std::str::from_utf8(k) {
            return f(k);
        }
    }
    f(&key(w, upos))
}

/// `s.to_lowercase() == lower`, without allocating when `s` is ASCII.
fn lowercases_to(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len()
            && s.bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

impl Lemmatizer {
    /// Builds from TSV texts (`form\tUPOS\tlemma[\t…]` and `lemma\tUPOS`); bad lines are skipped.
    pub fn from_tsv(exceptions: &[&str], vocab: &str) -> Lemmatizer {
        let mut l = Lemmatizer::default();
        for line in vocab.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut it = line.split('\t');
            if let (Some(w), Some(u)) = (it.next(), it.next()) {
                if let Some(u) = Upos::parse(u) {
                    l.vocab.insert(key(w, u));
                }
            }
        }
        for text in exceptions {
            for line in text.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() >= 3 {
                    if let Some(u) = Upos::parse(cols[1]) {
                        l.exceptions.insert(key(cols[0], u), cols[2].to_string());
                    }
                }
            }
        }
        l
    }

    /// Builds vocabulary-only (no exceptions): used when deriving the exception list.
    pub fn with_vocab(vocab: HashSet<String>) -> Lemmatizer {
        Lemmatizer {
            exceptions: HashMap::default(),
            vocab: vocab.into_iter().collect(),
        }
    }

    fn known(&self, w: &str, u: Upos) -> bool {
        with_key(w, u, |k| self.vocab.contains(k))
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: Upos) -> String {
        // short ASCII forms are lower-cased on the stack
        let mut buf = [0u8; 64];
        let owned: String;
        let lower: &str = match ascii_lower(form, &mut buf) {
            Some(l) => l,
            None => {
                owned = form.to_lowercase();
                &owned
            }
        };
        if let Some(l) = with_key(lower, upos, |k| self.exceptions.get(k)) {
            // an exception that only capitalises a lower-case form ("national" → "National",
            // learnt from capitalised uses) keeps the form as written; "i" → "I" stays
            if l != "I" && form == lower && lowercases_to(l, lower) {
                return form.to_string();
            }
            return l.clone();
        }
        self.rules(form, lower, upos)
    }

    /// The rule-based lemma, ignoring exceptions.
    pub fn rules(&self, form: &str, lower: &str, upos: Upos) -> String {
        match upos {
            Upos::PROPN | Upos::PUNCT | Upos::SYM | Upos::NUM | Upos::X => form.to_string(),
            Upos::NOUN => self
                .pick(lower, Upos::NOUN, noun_candidates)
                .unwrap_or_else(|| noun_fallback(lower)),
            Upos::VERB | Upos::AUX => self
                .pick(lower, Upos::VERB, verb_candidates)
                .or_else(|| self.pick(lower, Upos::AUX, verb_candidates))
                .unwrap_or_else(|| verb_fallback(lower)),
            Upos::ADJ | Upos::ADV => self
                .pick(lower, upos, adj_candidates)
                .unwrap_or_else(|| lower.to_string()),
            _ => lower.to_string(),
        }
    }

    /// `lower` when it is a known lemma, else the first candidate `cands` generates (in order)
    /// that is; candidates are only built when needed.
    fn pick(
        &self,
        lower: &str,
        u: Upos,
        cands: fn(&str, &mut Cands<'_>) -> bool,
    ) -> Option<String> {
        if self.known(lower, u) {
            return Some(lower.to_string());
        }
        let mut found = None;
        let mut test = |c: &str| {
            let hit = c.chars().count() >= 2 && self.known(c, u);
            if hit {
                found = Some(c.to_string());
            }
            hit
        };
        cands(lower, &mut Cands::new(&mut test));
        found
    }
}

fn strip<'a>(w: &'a str, suf: &str) -> Option<&'a str> {
    w.strip_suffix(suf).filter(|s| !s.is_empty())
}

/// Candidate lemmas handed one at a time to a test that stops the generation at the first hit
/// (`push*` return true then); the joined ones are built in a reused buffer.
struct Cands<'a> {
    test: &'a mut dyn FnMut(&str) -> bool,
    buf: String,
}

impl<'a> Cands<'a> {
    fn new(test: &'a mut dyn FnMut(&str) -> bool) -> Cands<'a> {
        Cands {
            test,
            buf: String::new(),
        }
    }

    fn push(&mut self, c: &str) -> bool {
        (self.test)(c)
    }

    /// Tests `a` followed by `b`.
    fn push2(&mut self, a: &str, b: &str) -> bool {
        self.buf.clear();
        self.buf.push_str(a);
        self.buf.push_str(b);
        (self.test)(&self.buf)
    }
}

fn undouble(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !b"aeiouslz".contains(&b[n - 1]) {
        return Some(&s[..n - 1]);
    }
    // expelled → expel, controlled → control (but called → call, spelled → spell)
    if n >= 6
        && (s.ends_with("ell") || s.ends_with("oll"))
        && !s.ends_with("well")
        && !s.ends_with("mell")
    {
        return Some(&s[..n - 1]);
    }
    None
}

/// Generates the noun candidates of `w` into `c`; true when a candidate hit.
fn noun_candidates(w: &str, c: &mut Cands<'_>) -> bool {
    if let Some(s) = strip(w, "ies") {
        if c.push2(s, "y") {
            return true;
        }
    }
    if let Some(s) = strip(w, "ves") {
        if c.push2(s, "f") || c.push2(s, "fe") {
            return true;
        }
    }
    if let Some(s) = strip(w, "es") {
        if c.push(s) {
            return true;
        }
    }
    if let Some(s) = strip(w, "s") {
        if c.push(s) {
            return true;
        }
    }
    if let Some(s) = strip(w, "men") {
        if c.push2(s, "man") {
            return true;
        }
    }
    false
}

fn noun_fallback(w: &str) -> String {
    if w.len() > 4 {
        if let Some(s) = strip(w, "ies") {
            return format!("{s}y");
        }
    }
    for suf in ["sses", "shes", "ches", "xes", "zes"] {
        if let Some(s) = strip(w, suf) {
            return format!("{s}{}", &suf[..suf.len() - 2]);
        }
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Generates the verb candidates of `w` into `c`; true when a candidate hit.
fn verb_candidates(w: &str, c: &mut Cands<'_>) -> bool {
    if stem_candidates(w, &["ing", "ed"], c) {
        return true;
    }
    if let Some(s) = strip(w, "ies") {
        if c.push2(s, "y") {
            return true;
        }
    }
    if let Some(s) = strip(w, "es") {
        if c.push(s) {
            return true;
        }
    }
    if let Some(s) = strip(w, "s") {
        if c.push(s) {
            return true;
        }
    }
    false
}

fn needs_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return false;
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    let last = b[n - 1];
    let prev = b[n - 2];
    matches!(last, b'v' | b'c' | b'z')
        || (last == b'l'
            && matches!(
                prev,
                b'b' | b'p' | b'd' | b'g' | b't' | b'k' | b'c' | b'f' | b'z'
            ))
        || (last == b's' && vowel(prev) && prev != b'u')
        || (last == b'g'
            && matches!(prev, b'n' | b'd' | b'r')
            && n >= 4
            && matches!(b[n - 3], b'a' | b'e' | b'u'))
        || (last == b't' && prev == b'a' && n >= 4)
        // besieged, engaged, managed
        || (last == b'g' && ((prev == b'e' && b[n - 3] == b'i') || (prev == b'a' && n >= 5)))
        // rebuked, invoked, liked (but looked, attacked, walked)
        || (last == b'k' && matches!(prev, b'a' | b'i' | b'o' | b'u') && n >= 3 && !vowel(b[n - 3]))
        || (last == b'r' && prev == b'u')
        || (n == 3
            && !vowel(b[0])
            && vowel(b[1])
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y'))
}

fn verb_fallback(w: &str) -> String {
    if w.len() >= 5 && w.ends_with("eed") {
        return w[..w.len() - 1].to_string(); // freed → free (known -eed verbs are in the vocabulary)
    }
    for suf in ["ing", "ed"] {
        if let Some(s) = strip(w, suf) {
            if s.len() < 2 {
                return w.to_string();
            }
            if let Some(u) = undouble(s) {
                return u.to_string();
            }
            if suf == "ed" {
                if let Some(t) = s.strip_suffix('i') {
                    return format!("{t}y");
                }
            }
            if needs_e(s) {
                return format!("{s}e");
            }
            return s.to_string();
        }
    }
    if w.len() > 3 {
        if let Some(s) = strip(w, "ies") {
            return format!("{s}y");
        }
        for suf in ["sses", "shes", "ches", "xes", "zes", "oes"] {
            if let Some(s) = strip(w, suf) {
                return format!("{s}{}", &suf[..suf.len() - 2]);
            }
        }
        if w.ends_with('s') && !w.ends_with("ss") {
            return w[..w.len() - 1].to_string();
        }
    }
    w.to_string()
}

/// Generates the adjective/adverb candidates of `w` into `c`; true when a candidate hit.
fn adj_candidates(w: &str, c: &mut Cands<'_>) -> bool {
    stem_candidates(w, &["est", "er"], c)
}

/// Stems left by stripping each suffix: undoubled ("stopped" → "stop"), bare, with a final
/// "e" restored, and with "i" turned back into "y".
fn stem_candidates(w: &str, suffixes: &[&str], c: &mut Cands<'_>) -> bool {
    for &suf in suffixes {
        if let Some(s) = strip(w, suf) {
            if let Some(u) = undouble(s) {
                if c.push(u) {
                    return true;
                }
            }
            if c.push(s) || c.push2(s, "e") {
                return true;
            }
            if let Some(t) = s.strip_suffix('i') {
                if c.push2(t, "y") {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_to_matches_to_lowercase() {
        for (s, lower) in [
            ("harbour", "harbour"),
            ("Harbour", "harbour"),
            ("HARBOUR", "harbour"),
            ("harbour", "harbours"),
            ("Éclair", "éclair"),
            ("ÉCLAIR", "eclair"),
            ("", ""),
        ] {
            assert_eq!(lowercases_to(s, lower), s.to_lowercase() == lower, "{s:?}");
        }
    }

    /// Candidates are generated lazily, in the order the rules list them: the first known one
    /// wins.
    #[test]
    fn candidates_keep_their_order() {
        let vocab = [
            "ferry\tNOUN",
            "ferrie\tNOUN",
            "stop\tVERB",
            "stope\tVERB",
            "wide\tADJ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let l = Lemmatizer::with_vocab(vocab);
        assert_eq!(l.lemma("ferries", Upos::NOUN), "ferry");
        assert_eq!(l.lemma("stopped", Upos::VERB), "stop");
        assert_eq!(l.lemma("stopped", Upos::AUX), "stop");
        assert_eq!(l.lemma("wider", Upos::ADJ), "wide");
        assert_eq!(l.lemma("Rowing", Upos::VERB), "row");
    }
}
