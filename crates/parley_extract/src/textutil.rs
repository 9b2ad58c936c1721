//! Small text helpers shared by the extractors.

use std::collections::HashSet;

/// Lower-cased word set of a text.
pub fn word_set(s: &str) -> HashSet<String> {
    words(s).map(|w| w.to_lowercase()).collect()
}

/// Words (\w+ runs) of a text.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
}

/// Share of the words of `s` found in `set` (0 when `s` has no words).
pub fn coverage(s: &str, set: &HashSet<String>) -> f32 {
    let mut n = 0;
    let mut hit = 0;
    for w in words(s) {
        n += 1;
        if set.contains(&w.to_lowercase()) {
            hit += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        hit as f32 / n as f32
    }
}

/// Collapses runs of white space (incl. NBSP) into one space and trims.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// True when the text ends like a sentence.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{bb}']);
    t.ends_with(['.', '!', '?', '\u{2026}', ':', ';'])
}

/// Byte offset of an ASCII `needle` in `hay`, ignoring ASCII case (safe to slice at).
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `s` without an ASCII prefix `pre` (ignoring ASCII case).
pub fn strip_prefix_ci<'a>(s: &'a str, pre: &str) -> Option<&'a str> {
    (s.len() >= pre.len() && s.as_bytes()[..pre.len()].eq_ignore_ascii_case(pre.as_bytes()))
        .then(|| &s[pre.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(collapse_ws("  a \n\u{a0} b  "), "a b");
        let set = word_set("The ferry left port");
        assert!((coverage("the ferry sank", &set) - 2.0 / 3.0).abs() < 1e-6);
        assert!(ends_sentence("He left.\u{201d}"));
        assert!(!ends_sentence("See all Video"));
    }
}
