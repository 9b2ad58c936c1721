//! Flattened text pages (visible text, one block a line, page chrome included) → article.
//!
//! Rules, all general: a chrome-line detector (known widget phrases from `data/chrome.tsv`,
//! navigation arrows, short label-like lines outside the story, anything after the page's
//! trailer), a headline heuristic (the first strong line before the story), "Copyright YEAR NAME"
//! → publisher, and a "Tags …" line → tags, split into tags by capitalisation runs, the
//! alphabetical order of tag lists and an optional list of known names.

use crate::patterns::is_chrome_phrase;
use crate::textutil::{collapse_ws, ends_sentence, find_ascii_ci, strip_prefix_ci};

/// Longest line kept (bytes); longer lines are cut at a character boundary.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Most lines read from one text page.
pub const MAX_LINES: usize = 200_000;

/// What the text-page reader found.
#[derive(Debug, Default)]
pub struct TextPage {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub tags: Vec<String>,
    pub publisher: Option<String>,
}

const ARROWS: &[char] = &['↴', '↓', '→', '»', '›', '▸', '▾', '▼', '❯', '⟶', '↗', '⇢'];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A line that reads like prose: several words and sentence punctuation.
fn is_prose(l: &str) -> bool {
    let w = word_count(l);
    (w >= 12 && (ends_sentence(l) || l.contains(". ") || l.ends_with(['"', '\u{201d}'])))
        || (w >= 6 && ends_sentence(l) && l.contains(' '))
}

fn copyright_publisher(l: &str) -> Option<String> {
    let rest = if let Some(r) = strip_prefix_ci(l, "copyright") {
        r
    } else if l.starts_with('©') {
        &l['©'.len_utf8()..]
    } else {
        return None;
    };
    let mut rest = rest.trim_start_matches([' ', ':', '©']).trim_start();
    if let Some(r) = strip_prefix_ci(rest, "(c)") {
        rest = r.trim_start();
    }
    // year or year range
    let ys = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '-' || c == '–' || c == ' ' || c == ','
    });
    if ys.len() == rest.len() && !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let mut name = ys.trim_start_matches(['©', ' ']).to_string();
    if let Some(p) = find_ascii_ci(&name, "all rights reserved") {
        name.truncate(p);
    }
    for stop in [" | ", " - ", " – "] {
        if let Some(p) = name.find(stop) {
            name.truncate(p);
        }
    }
    // cut at the first sentence end that is not an abbreviation of a company form
    let mut cut = None;
    for (i, _) in name.match_indices(". ") {
        let before = name[..i].rsplit(' ').next().unwrap_or("");
        if !matches!(
            before,
            "Inc" | "Ltd" | "Co" | "Corp" | "LLC" | "S.A" | "N.V" | "Bros"
        ) {
            cut = Some(i);
            break;
        }
    }
    if let Some(c) = cut {
        name.truncate(c);
    }
    let name = name.trim().trim_end_matches([',', ';', ' ']).to_string();
    let name = if name.ends_with('.')
        && !["Inc.", "Ltd.", "Co.", "Corp.", "Bros."]
            .iter()
            .any(|a| name.ends_with(a))
    {
        name.trim_end_matches('.').to_string()
    } else {
        name
    };
    let w = word_count(&name);
    (1..=8).contains(&w).then_some(name)
}

fn tags_line(l: &str) -> Option<&str> {
    for pre in [
        "Tags:",
        "Tags",
        "Topics:",
        "Keywords:",
        "Tagged:",
        "Tagged with:",
        "Filed under:",
    ] {
        if let Some(r) = l.strip_prefix(pre) {
            if r.starts_with([' ', ':']) || pre.ends_with(':') {
                let r = r.trim_start_matches([':', ' ']);
                if !r.is_empty() {
                    return Some(r);
                }
            }
        }
    }
    None
}

fn is_cap(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Splits a run-together tag list into tags. With separators (`,`, `;`, `|`, `·`) they are used;
/// otherwise a dynamic programme picks the segmentation that (a) never goes from a lower-case
/// word to a capitalised one inside a tag, (b) never repeats a word inside a tag and starts a new
/// tag at a word repeated right after it ("talks talks rules" → "talks", "talks rules"),
/// (c) keeps the tags in alphabetical order when such a segmentation exists (tag lists are
/// usually sorted), (d) prefers names in `known` and tags of one or two words.
pub fn split_tags(line: &str, known: &[&str]) -> Vec<String> {
    let line = collapse_ws(line);
    if line.contains([',', ';', '|', '·', '•']) {
        return line
            .split([',', ';', '|', '·', '•'])
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
    }
    let toks: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).take(80).collect();
    let n = toks.len();
    if n == 0 {
        return Vec::new();
    }
    let lower: Vec<String> = toks.iter().map(|t| t.to_lowercase()).collect();
    let known_l: Vec<String> = known.iter().map(|k| k.to_lowercase()).collect();
    let forced: Vec<bool> = (0..n)
        .map(|k| k + 1 < n && lower[k] == lower[k + 1])
        .collect();
    let valid = |i: usize, j: usize| -> bool {
        if j - i > 5 {
            return false;
        }
        if known_l.contains(&lower[i..j].join(" ")) {
            return true;
        }
        if j - i > 4 {
            return false;
        }
        let mut seen_lower = false;
        for k in i..j {
            if k > i && forced[k] {
                return false;
            }
            if k > i && lower[i..k].contains(&lower[k]) {
                return false;
            }
            if is_cap(toks[k]) {
                if seen_lower {
                    return false;
                }
            } else {
                seen_lower = true;
            }
        }
        true
    };
    let cost = |i: usize, j: usize| -> f32 {
        let len = j - i;
        let text = lower[i..j].join(" ");
        let mut c = 1.0 + 0.6 * (len.saturating_sub(2)) as f32;
        if known_l.contains(&text) {
            c -= 1.5;
        } else if known_l
            .iter()
            .any(|k| k.contains(&text) && k.len() > text.len())
        {
            c += 0.3;
        }
        // a tag repeated right after itself is a prefix tag of the next one ("X", "X Y")
        if j + len <= n && lower[j..j + len] == lower[i..j] {
            c -= 0.5;
        }
        if toks[i].chars().count() <= 2 && len > 1 {
            c += 0.3;
        }
        // tie-break: when costs tie, shorter tags come first ("A B", "C D E" over "A B C", "D E")
        c - 0.001 * len as f32 * (j as f32 / n as f32)
    };
    for sorted in [true, false] {
        // best[j][i]: best cost of segmenting toks[..j] with the last tag toks[i..j]
        let inf = f32::INFINITY;
        let mut best = vec![vec![inf; n + 1]; n + 1];
        let mut back = vec![vec![usize::MAX; n + 1]; n + 1];
        for j in 1..=n {
            for i in j.saturating_sub(5)..j {
                if !valid(i, j) {
                    continue;
                }
                let c = cost(i, j);
                if i == 0 {
                    best[j][0] = c;
                    continue;
                }
                let cur = lower[i..j].join(" ");
                for p in i.saturating_sub(5)..i {
                    if best[i][p] == inf {
                        continue;
                    }
                    if sorted && lower[p..i].join(" ") > cur {
                        continue;
                    }
                    let total = best[i][p] + c;
                    if total < best[j][i] {
                        best[j][i] = total;
                        back[j][i] = p;
                    }
                }
            }
        }
        let Some((mut i, _)) = (0..n)
            .map(|i| (i, best[n][i]))
            .filter(|x| x.1 < inf)
            .min_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
        else {
            continue;
        };
        let mut j = n;
        let mut tags = Vec::new();
        loop {
            tags.push(toks[i..j].join(" "));
            if i == 0 {
                break;
            }
            let p = back[j][i];
            j = i;
            i = p;
        }
        tags.reverse();
        return tags;
    }
    vec![line]
}

fn is_chrome_line(l: &str) -> bool {
    if is_chrome_phrase(l) {
        return true;
    }
    let w = word_count(l);
    if w <= 8 && l.contains(ARROWS) {
        return true;
    }
    if !l.chars().any(char::is_alphanumeric) {
        return true;
    }
    if l.to_lowercase().contains("all rights reserved") {
        return true;
    }
    false
}

/// A label-like line: short, no sentence punctuation.
fn is_label(l: &str) -> bool {
    word_count(l) <= 6 && !ends_sentence(l) && !l.contains(['"', '\u{201c}', '\u{201d}'])
}

const MAX_GAP: usize = 20;

/// The run of lines with the most prose, allowing up to `MAX_GAP - 1` other lines between prose lines.
fn densest_region(lines: &[String], prose: &[bool]) -> (usize, usize) {
    let mut best = (0usize, 0usize, 0usize); // score, start, end
    let mut cur: Option<(usize, usize, usize)> = None; // score, start, last prose
    for (k, &p) in prose.iter().enumerate() {
        if p {
            let len = lines[k].len();
            cur = Some(match cur {
                Some((sc, st, last)) if k - last <= MAX_GAP => (sc + len, st, k),
                _ => (len, k, k),
            });
            if let Some(c) = cur {
                if c.0 > best.0 {
                    best = c;
                }
            }
        }
    }
    if best.0 == 0 {
        (0, lines.len().saturating_sub(1))
    } else {
        (best.1, best.2)
    }
}

/// Reads a flattened text page. `known` lists multi-word names that help split tag lists.
pub fn read(text: &str, known: &[&str]) -> TextPage {
    let mut page = TextPage::default();
    let lines: Vec<String> = text
        .lines()
        .take(MAX_LINES)
        .map(|l| {
            let l = if l.len() > MAX_LINE_BYTES {
                let mut e = MAX_LINE_BYTES;
                while !l.is_char_boundary(e) {
                    e -= 1;
                }
                &l[..e]
            } else {
                l
            };
            collapse_ws(l)
        })
        .filter(|l| !l.is_empty())
        .collect();
    let n = lines.len();
    let prose_all: Vec<bool> = lines.iter().map(|l| is_prose(l)).collect();
    // the story is the densest run of prose lines (gaps of a few short lines allowed:
    // subheadings, captions); prose far from it (teasers, footers) is chrome
    let (rs, re) = densest_region(&lines, &prose_all);
    let prose: Vec<bool> = prose_all
        .iter()
        .enumerate()
        .map(|(k, &p)| p && k >= rs && k <= re)
        .collect();
    let first_prose = prose.iter().position(|&p| p);
    let last_prose = prose.iter().rposition(|&p| p);
    // the trailer starts at a tags or copyright line after the first paragraph
    let mut trailer = n;
    for (k, l) in lines.iter().enumerate() {
        if first_prose.is_some_and(|f| k > f)
            && (tags_line(l).is_some()
                || copyright_publisher(l).is_some()
                || strip_prefix_ci(l, "copyright ").is_some())
        {
            trailer = k;
            break;
        }
    }
    let mut chrome = vec![false; n];
    for k in 0..n {
        let l = &lines[k];
        if let Some(t) = tags_line(l) {
            if page.tags.is_empty() {
                page.tags = split_tags(t, known);
            }
            chrome[k] = true;
            continue;
        }
        if let Some(p) = copyright_publisher(l) {
            if page.publisher.is_none() {
                page.publisher = Some(p);
            }
            chrome[k] = true;
            continue;
        }
        if is_chrome_line(l) {
            chrome[k] = true;
            continue;
        }
        if k >= trailer && !prose[k] {
            chrome[k] = true;
            continue;
        }
        if is_label(l) {
            // a label among other labels, or outside the story, is chrome; a lone short line
            // between two paragraphs of the story is a subheading
            let inside = first_prose.is_some_and(|f| k > f)
                && last_prose.is_some_and(|e| k < e)
                && k < trailer;
            let prev_prose = k > 0 && prose[k - 1];
            let next_prose = k + 1 < n && prose[k + 1];
            if !(inside && prev_prose && next_prose) {
                chrome[k] = true;
            }
        }
    }
    // headline: the nearest strong line before the story (not a byline, date or chrome line)
    let limit = first_prose.unwrap_or(n);
    let mut title_at = None;
    for k in (limit.saturating_sub(15)..limit.min(n)).rev() {
        let l = &lines[k];
        let w = word_count(l);
        let byline = ["by ", "written by", "posted by", "updated", "published"]
            .iter()
            .any(|c| l.to_lowercase().starts_with(c));
        if (3..=30).contains(&w)
            && !byline
            && !l.ends_with('.')
            && l.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic())
            && crate::dates::find_in_text(l).is_none_or(|_| w > 8)
            && !is_chrome_line(l)
            && tags_line(l).is_none()
            && copyright_publisher(l).is_none()
        {
            title_at = Some(k);
            break;
        }
    }
    if title_at.is_none() {
        if let Some(f) = first_prose {
            // the first line itself reads like a headline when it has no final full stop
            let l = &lines[f];
            if f + 1 < n && prose[f + 1] && !l.ends_with('.') && word_count(l) <= 30 {
                title_at = Some(f);
            }
        }
    }
    if let Some(t) = title_at {
        page.title = Some(lines[t].clone());
        chrome[t] = true;
    }
    for k in 0..n {
        if !chrome[k] && first_prose.is_some_and(|f| k >= f) && last_prose.is_some_and(|e| k <= e) {
            page.paragraphs.push(lines[k].clone());
        }
    }
    if page.paragraphs.is_empty() {
        page.paragraphs = lines
            .iter()
            .enumerate()
            .filter(|(k, _)| !chrome[*k])
            .map(|(_, l)| l.clone())
            .collect();
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(split_tags(input, &[]), expected, "input {input:?}");
    }

    #[test]
    fn tag_lists() {
        check(
            "budget, ferries, Harbour Board",
            &["budget", "ferries", "Harbour Board"],
        );
        check(
            "Elena Vasquez fare increase fare increase vote Port Authority",
            &[
                "Elena Vasquez",
                "fare increase",
                "fare increase vote",
                "Port Authority",
            ],
        );
        assert_eq!(
            split_tags("Anna Maria Lopez Port Authority", &["Anna Maria Lopez"]),
            ["Anna Maria Lopez", "Port Authority"]
        );
    }

    #[test]
    fn copyright_lines() {
        assert_eq!(
            copyright_publisher("Copyright 2021 Harbour Daily Media Inc. All rights reserved.")
                .as_deref(),
            Some("Harbour Daily Media Inc.")
        );
        assert_eq!(
            copyright_publisher("© 2019-2023 Coastline News. All rights reserved").as_deref(),
            Some("Coastline News")
        );
        assert_eq!(copyright_publisher("Copyright law is changing fast across the region, experts said on Monday in a long report."), None);
    }
}
