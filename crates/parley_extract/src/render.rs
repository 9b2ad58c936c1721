//! Rendering chosen content roots into text blocks (paragraphs), with per-block filters.

use crate::html::{Dom, Tag};
use crate::patterns;
use crate::textutil::{collapse_ws, ends_sentence};

/// One rendered block of text.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Non-space bytes inside links.
    pub link: usize,
    /// Non-space bytes in total.
    pub len: usize,
    /// The block-level tag that produced it.
    pub tag: Tag,
    /// Inside a list item.
    pub in_li: bool,
    /// Inside a block quote (an embedded post keeps its date line).
    pub in_quote: bool,
}

struct Renderer<'a> {
    dom: &'a Dom,
    dead: &'a [bool],
    skip: Option<usize>,
    blocks: Vec<Block>,
    buf: String,
    link: usize,
    len: usize,
    tag: Tag,
    in_a: usize,
    in_li: usize,
    in_pre: usize,
    in_quote: usize,
}

impl Renderer<'_> {
    fn flush(&mut self) {
        let text = if self.in_pre > 0 {
            self.buf.trim().to_string()
        } else {
            collapse_ws(&self.buf)
        };
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                link: self.link,
                len: self.len,
                tag: self.tag,
                in_li: self.in_li > 0,
                in_quote: self.in_quote > 0,
            });
        }
        self.buf.clear();
        self.link = 0;
        self.len = 0;
    }

    fn walk(&mut self, i: usize, depth: usize) {
        let node = &self.dom.nodes[i];
        if self.dead[i] || Some(i) == self.skip {
            return;
        }
        if node.tag == Tag::Text {
            let t = &node.text;
            let n = t
                .bytes()
                .filter(|b| !b.is_ascii_whitespace() && (*b < 0x80 || *b >= 0xc0))
                .count();
            self.len += n;
            if self.in_a > 0 {
                self.link += n;
            }
            self.buf.push_str(t);
            return;
        }
        let tag = node.tag;
        if tag == Tag::Br {
            self.buf.push('\n');
            if self.in_pre == 0 {
                self.flush();
            }
            return;
        }
        if tag == Tag::Img {
            return;
        }
        let block = tag.is_block() && !matches!(tag, Tag::Td | Tag::Th);
        let outer = self.tag;
        if block {
            self.flush();
            self.tag = tag;
        }
        // a link to a place on the same page, inside a heading, is an anchor, not navigation
        let counted_link = tag == Tag::A
            && !(self.tag.is_heading() && node.attr("href").is_some_and(|h| h.starts_with('#')));
        match tag {
            Tag::A if counted_link => self.in_a += 1,
            Tag::Li => self.in_li += 1,
            Tag::Pre => self.in_pre += 1,
            Tag::Blockquote => self.in_quote += 1,
            Tag::Td | Tag::Th => self.buf.push(' '),
            _ => {}
        }
        if depth < 512 {
            for &c in &node.children {
                self.walk(c as usize, depth + 1);
            }
        }
        match tag {
            Tag::A if counted_link => self.in_a -= 1,
            Tag::Li => self.in_li -= 1,
            Tag::Pre => self.in_pre -= 1,
            _ => {}
        }
        if block {
            self.flush();
            if tag == Tag::Blockquote {
                self.in_quote = self.in_quote.saturating_sub(1);
            }
            if RESTORE_TAG {
                // text after this block, still inside the outer one, belongs to the outer block
                self.tag = outer;
            }
        } else if matches!(tag, Tag::Td | Tag::Th) {
            self.buf.push(' ');
        }
    }
}

const RESTORE_TAG: bool = true;

/// Renders the subtrees at `roots` into blocks; `skip` is a node left out (the title heading).
pub fn render(dom: &Dom, dead: &[bool], roots: &[usize], skip: Option<usize>) -> Vec<Block> {
    let mut r = Renderer {
        dom,
        dead,
        skip,
        blocks: Vec::new(),
        buf: String::new(),
        link: 0,
        len: 0,
        tag: Tag::P,
        in_a: 0,
        in_li: 0,
        in_pre: 0,
        in_quote: 0,
    };
    for &root in roots {
        r.tag = dom.nodes[root].tag;
        r.walk(root, 0);
        r.flush();
    }
    r.blocks
}

/// Plain inner text of a node (space-joined).
pub fn inner_text(dom: &Dom, dead: &[bool], i: usize) -> String {
    let mut out = String::new();
    fn go(dom: &Dom, dead: &[bool], i: usize, out: &mut String, depth: usize) {
        if dead[i] || depth > 512 {
            return;
        }
        let n = &dom.nodes[i];
        if n.tag == Tag::Text {
            out.push_str(&n.text);
        } else {
            if n.tag.is_block() {
                out.push(' ');
            }
            for &c in &n.children {
                go(dom, dead, c as usize, out, depth + 1);
            }
        }
    }
    go(dom, dead, i, &mut out, 0);
    collapse_ws(&out)
}

const LINK_PARAGRAPHS: bool = true;
const DROP_TRAILING_HEADINGS: bool = true;
const TRIM_PROMO_TAIL: bool = true;

const PROMO_TSV: &str = include_str!("../data/promo.tsv");

fn promo_cues() -> &'static [&'static str] {
    static C: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        PROMO_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect()
    })
}

const SOCIAL: [&str; 6] = [
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
];

/// A short appeal to the reader (subscribe, follow, donate), by the cues in `data/promo.tsv`.
fn is_promo(text: &str) -> bool {
    if text.split_whitespace().count() > 40 {
        return false;
    }
    let l = text.to_lowercase();
    promo_cues().iter().any(|c| l.contains(c))
        || SOCIAL.iter().filter(|s| l.contains(*s)).count() >= 2
}

/// A short line that only carries a date or time (and perhaps a byline): "Posted 12 March
/// 2021, 10:04", "2018-08-16".
fn is_dateline(text: &str, words: usize) -> bool {
    if words > 14 || ends_sentence(text) && words > 6 {
        return false;
    }
    let has_time = text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    }) || text.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    });
    has_time || crate::dates::find_in_text(text).is_some() && words <= 8
}

/// Drops blocks that are link lists, chrome phrases or stray labels.
pub fn filter(blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    let mut keep = vec![true; n];
    for (k, b) in blocks.iter().enumerate() {
        let ld = if b.len > 0 {
            b.link as f32 / b.len as f32
        } else {
            1.0
        };
        let words = b.text.split_whitespace().count();
        if patterns::is_chrome_phrase(&b.text)
            || (!b.in_li
                && !b.in_quote
                && !matches!(b.tag, Tag::Tr | Tag::Table | Tag::Tbody)
                && is_dateline(&b.text, words))
        {
            keep[k] = false;
        } else if LINK_PARAGRAPHS
            && b.tag == Tag::P
            && !b.in_li
            && words <= 3
            && b.text.starts_with("http")
        {
            // a bare link written out as a paragraph is part of the text
        } else if (ld > 0.6 && (words < 25 || b.in_li || ld > 0.85))
            || (b.in_li && ld > 0.4 && words < 12)
        {
            // a linked heading that introduces a paragraph of prose is a section title
            let titled_prose = b.tag.is_heading()
                && !b.in_li
                && blocks.get(k + 1).is_some_and(|nx| {
                    !nx.tag.is_heading()
                        && nx.link * 4 < nx.len
                        && nx.text.split_whitespace().count() >= 15
                });
            if !titled_prose {
                keep[k] = false;
            }
        }
    }
    // appeals after the story: newsletter and membership pitches, "follow us" lines
    if TRIM_PROMO_TAIL {
        for k in (0..n).rev() {
            if !keep[k] {
                continue;
            }
            if is_promo(&blocks[k].text) {
                keep[k] = false;
            } else {
                break;
            }
        }
    }
    // a heading with nothing after it introduces content that was not kept (a related list)
    if DROP_TRAILING_HEADINGS {
        for k in (0..n).rev() {
            if !keep[k] {
                continue;
            }
            if blocks[k].tag.is_heading() {
                keep[k] = false;
            } else {
                break;
            }
        }
    }
    blocks
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(b, _)| b)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_promo_example_is_promo() {
        for l in super::PROMO_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let example = l.split('\t').nth(1).expect("example column");
            assert!(super::is_promo(example), "{example:?}");
        }
        assert!(super::is_promo(
            "Follow the Courier on Facebook, Instagram and YouTube."
        ));
        assert!(!super::is_promo(
            "The ferry board will meet again in the autumn to review the fares."
        ));
    }
}
