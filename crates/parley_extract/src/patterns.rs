//! Data-driven patterns: class/id verdicts (`data/boilerplate.tsv`) and chrome lines
//! (`data/chrome.tsv`).

use std::sync::OnceLock;

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
    pattern: String,
}

const BOILERPLATE_TSV: &str = include_str!("../data/boilerplate.tsv");
const CHROME_TSV: &str = include_str!("../data/chrome.tsv");

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn class_patterns() -> &'static [ClassPattern] {
    static P: OnceLock<Vec<ClassPattern>> = OnceLock::new();
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
                pattern: r[2].to_string(),
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
        v
    })
}

/// Classifies a `class`/`id` value (already lower-case).
pub fn classify_str(s: &str) -> ClassVerdict {
    if s.is_empty() {
        return ClassVerdict::Neutral;
    }
    for p in class_patterns() {
        let hit = if p.token {
            s.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|t| t == p.pattern)
        } else {
            s.contains(p.pattern.as_str())
        };
        if hit {
            return p.verdict;
        }
    }
    ClassVerdict::Neutral
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
    let mut s = String::with_capacity(c.len() + i.len() + 1);
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
