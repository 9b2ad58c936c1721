//! Data-driven patterns: class/id verdicts (`data/boilerplate.tsv`) and chrome lines
//! (`data/chrome.tsv`).

use std::sync::OnceLock;

use parley_core::FxHashMap;

use crate::html::Node;

/// What a node's class/id says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassVerdict {
    Neutral,
    Content,
    StrongContent,
    Comments,
    Boiler,
    /// Hidden by attribute or style (decided by size later).
    Hidden,
}

struct ClassPattern {
    verdict: ClassVerdict,
    token: bool,
    pattern: &'static str,
}

const BOILERPLATE_TSV: &str = include_str!("../data/boilerplate.tsv");
const CHROME_TSV: &str = include_str!("../data/chrome.tsv");

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The class patterns in precedence order, indexed for one pass over a value: token patterns by
/// their text, substring patterns by their first byte.
struct ClassIndex {
    patterns: Vec<ClassPattern>,
    /// Token pattern → its first (highest-precedence) position in `patterns`.
    tokens: FxHashMap<&'static str, usize>,
    /// First byte → positions of the substring patterns starting with it (ascending).
    by_byte: Vec<Vec<usize>>,
    /// Position of the first empty substring pattern (matches every value), if any.
    empty: Option<usize>,
}

fn class_index() -> &'static ClassIndex {
    static P: OnceLock<ClassIndex> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<ClassPattern> = rows(BOILERPLATE_TSV)
            .filter(|r| r.len() >= 3)
            .map(|r| ClassPattern {
                verdict: match r[0] {
                    "keep" => ClassVerdict::Neutral,
                    "strong" => ClassVerdict::StrongContent,
                    "content" => ClassVerdict::Content,
                    "comments" => ClassVerdict::Comments,
                    _ => ClassVerdict::Boiler,
                },
                token: r[1] == "token",
                pattern: r[2],
            })
            .collect();
        // precedence: keep (neutral) and strong, comments, boiler, content
        v.sort_by_key(|p| match p.verdict {
            ClassVerdict::Neutral => 0,
            ClassVerdict::StrongContent => 0,
            ClassVerdict::Comments => 1,
            ClassVerdict::Boiler => 2,
            ClassVerdict::Content => 3,
            ClassVerdict::Hidden => 4,
        });
        let mut tokens = FxHashMap::default();
        let mut by_byte = vec![Vec::new(); 256];
        let mut empty = None;
        for (k, p) in v.iter().enumerate() {
            if p.token {
                tokens.entry(p.pattern).or_insert(k);
            } else if let Some(&b) = p.pattern.as_bytes().first() {
                by_byte[b as usize].push(k);
            } else {
                empty = empty.or(Some(k));
            }
        }
        ClassIndex {
            patterns: v,
            tokens,
            by_byte,
            empty,
        }
    })
}

/// Classifies a `class`/`id` value (already lower-case).
pub fn classify_str(s: &str) -> ClassVerdict {
    if s.is_empty() {
        return ClassVerdict::Neutral;
    }
    // the verdict of the first pattern (in precedence order) that hits, found in one pass over
    // the tokens and one over the bytes instead of one pass per pattern
    let ix = class_index();
    let mut best = ix.empty.unwrap_or(usize::MAX);
    for t in s.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        if let Some(&k) = ix.tokens.get(t) {
            best = best.min(k);
        }
    }
    let b = s.as_bytes();
    for i in 0..b.len() {
        for &k in &ix.by_byte[b[i] as usize] {
            if k >= best {
                break;
            }
            if b[i..].starts_with(ix.patterns[k].pattern.as_bytes()) {
                best = k;
                break;
            }
        }
    }
    ix.patterns
        .get(best)
        .map_or(ClassVerdict::Neutral, |p| p.verdict)
}

/// Classifies an element by its `class`, `id` and `itemprop`.
pub fn classify(node: &Node) -> ClassVerdict {
    if node
        .attr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
    {
        return ClassVerdict::StrongContent;
    }
    let c = node.attr("class").unwrap_or("");
    let i = node.attr("id").unwrap_or("");
    if c.is_empty() && i.is_empty() {
        return ClassVerdict::Neutral;
    }
    // "class id", lower-cased, on the stack when short
    let n = c.len() + 1 + i.len();
    let mut buf = [0u8; 256];
    if let Some(b) = buf.get_mut(..n) {
        b[..c.len()].copy_from_slice(c.as_bytes());
        b[c.len()] = b' ';
        b[c.len() + 1..].copy_from_slice(i.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(s) = std::str::from_utf8(b) {
            return classify_str(s);
        }
    }
    let mut s = String::with_capacity(n);
    s.push_str(c);
    s.push(' ');
    s.push_str(i);
    s.make_ascii_lowercase();
    classify_str(&s)
}

struct Chrome {
    prefix: bool,
    phrase: String,
}

fn chrome() -> &'static [Chrome] {
    static C: OnceLock<Vec<Chrome>> = OnceLock::new();
    C.get_or_init(|| {
        rows(CHROME_TSV)
            .filter(|r| r.len() >= 2)
            .map(|r| Chrome {
                prefix: r[0] == "prefix",
                phrase: r[1].to_string(),
            })
            .collect()
    })
}

/// True when a whole line/block is a known chrome phrase ("Load more", "Share on Facebook", …).
pub fn is_chrome_phrase(line: &str) -> bool {
    let l = line
        .trim()
        .trim_end_matches([':', '.', '»', '›', '→', '↓', '↴', '>', ' '])
        .to_lowercase();
    let l = l.trim();
    if l.is_empty() {
        return false;
    }
    let short = l.split_whitespace().count() <= 12;
    chrome().iter().any(|c| {
        if c.prefix {
            short
                && (l.starts_with(c.phrase.as_str())
                    || (l.len() + 1 == c.phrase.len() && c.phrase.starts_with(l)))
        } else {
            l == c.phrase
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boilerplate_example_classifies() {
        for r in rows(BOILERPLATE_TSV) {
            let example = r[3];
            let value = example.split('"').nth(1).unwrap().to_lowercase();
            let want = match r[0] {
                "keep" => ClassVerdict::Neutral,
                "strong" => ClassVerdict::StrongContent,
                "content" => ClassVerdict::Content,
                "comments" => ClassVerdict::Comments,
                _ => ClassVerdict::Boiler,
            };
            assert_eq!(
                classify_str(&value),
                want,
                "example {example:?} of pattern {:?}",
                r[2]
            );
        }
    }

    #[test]
    fn every_chrome_example_is_chrome() {
        for r in rows(CHROME_TSV) {
            assert!(is_chrome_phrase(r[2]), "example {:?} of {:?}", r[2], r[1]);
        }
        assert!(!is_chrome_phrase(
            "The council voted to raise ferry fares on Monday."
        ));
    }
}
