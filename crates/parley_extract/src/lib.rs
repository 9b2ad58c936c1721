//! Page → [`Article`]: the main text, its paragraphs and the page's metadata.
//!
//! Main entry: [`extract`], which detects ([`detect_kind`]) whether the bytes are an HTML page
//! or a flattened text page ([`PageKind`]) and runs the matching extractor, returning an
//! [`Extracted`] (the article plus diagnostics) or an [`ExtractError`] for input that is not a
//! page at all. [`extract_with_names`] also takes a list of known multi-word names (e.g. from an
//! actor dictionary) that help split run-together tag lists on text pages. [`extract_lenient`]
//! returns the metadata of a page without article text (empty `text` plus a diagnostic) where
//! [`extract`] reports [`ExtractError::NoText`].
//!
//! HTML: bytes are decoded (BOM, declared charset, UTF-8, else detection), parsed by a small
//! bounded tree builder, boilerplate is removed by tag and class/id patterns (`data/`), the main
//! container is chosen by a readability-style score (text, commas, link density, with the page's
//! JSON-LD `articleBody` as a hint) and rendered into paragraphs. Metadata comes from JSON-LD,
//! OpenGraph/meta tags, microdata, `<time>`, the visible byline and the URL.
//!
//! ```
//! let page = b"<html><head><title>Ferry fares rise | Harbour Daily</title></head><body>
//!   <nav><a href='/'>Home</a></nav>
//!   <article><h1>Ferry fares rise</h1>
//!   <p>The harbour board raised ferry fares by ten percent on Monday, citing fuel costs.</p>
//!   <p>Commuters said the increase, the second this year, would hit shift workers hardest.</p>
//!   </article></body></html>";
//! let out = parley_extract::extract(page, &parley_extract::Options::default()).unwrap();
//! assert_eq!(out.article.title.as_deref(), Some("Ferry fares rise"));
//! assert!(out.article.text.starts_with("The harbour board raised"));
//! assert_eq!(out.article.paragraphs.len(), 2);
//! ```
//!
//! Caps (bounded time and memory on any input): pages over [`MAX_PAGE_BYTES`] are cut there;
//! the tree keeps at most [`html::MAX_NODES`] nodes and [`html::MAX_DEPTH`] levels; text pages
//! keep [`textpage::MAX_LINES`] lines of at most [`textpage::MAX_LINE_BYTES`] bytes.

mod charset;
mod content;
mod dates;
mod entities;
pub mod html;
mod meta;
mod patterns;
mod render;
mod textpage;
mod textutil;

use parley_core::{Article, CharIndex, Span};

pub use textpage::split_tags;

/// Largest page read; the rest is ignored (a diagnostic says so).
pub const MAX_PAGE_BYTES: usize = 32 << 20;

/// What kind of page the bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Html,
    Text,
}

/// Extraction options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's URL, when known (used for metadata and dates in the URL).
    pub url: Option<String>,
    /// Force a page kind instead of detecting it.
    pub kind: Option<PageKind>,
}

/// The extractor's result: the article plus non-fatal diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub article: Article,
    pub diagnostics: Vec<String>,
}

/// Errors the user must fix (messy pages are not errors).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("empty input")]
    Empty,
    #[error("input looks binary, not a web page or text ({0})")]
    Binary(String),
    #[error("no article text found")]
    NoText,
}

/// Detects HTML by looking for markup near the start.
pub fn detect_kind(bytes: &[u8]) -> PageKind {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
    if has(b"<!doctype html")
        || has(b"<html")
        || has(b"<head")
        || has(b"<body")
        || has(b"<meta ")
        || has(b"<div")
        || has(b"<p>")
        || has(b"<article")
        || has(b"<title")
    {
        PageKind::Html
    } else {
        PageKind::Text
    }
}

/// Extracts the article from a page.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extracted, ExtractError> {
    extract_with_names(bytes, opts, &[])
}

/// Like [`extract`], but a page without article text (a landing page, a video page with only
/// metadata) is not an error: its metadata (title, authors, dates, …) is returned with an empty
/// `text`, no paragraphs and the diagnostic [`NO_TEXT_DIAGNOSTIC`]. Empty and binary input are
/// still errors. Pipelines that need a body keep using [`extract`], which reports
/// [`ExtractError::NoText`].
///
/// ```
/// let page = b"<html><head><title>Harbour webcam</title>
///   <meta property='article:published_time' content='2024-05-02T08:00:00Z'></head>
///   <body><div class='player'></div></body></html>";
/// let opts = parley_extract::Options::default();
/// assert!(parley_extract::extract(page, &opts).is_err());
/// let out = parley_extract::extract_lenient(page, &opts).unwrap();
/// assert_eq!(out.article.text, "");
/// assert_eq!(out.article.published.as_deref().map(|d| &d[..10]), Some("2024-05-02"));
/// assert!(out.diagnostics.iter().any(|d| d == parley_extract::NO_TEXT_DIAGNOSTIC));
/// ```
pub fn extract_lenient(bytes: &[u8], opts: &Options) -> Result<Extracted, ExtractError> {
    extract_inner(bytes, opts, &[], true)
}

/// The diagnostic [`extract_lenient`] adds to a page without article text.
pub const NO_TEXT_DIAGNOSTIC: &str = "no article text found; metadata only";

/// Like [`extract`], with known multi-word names (people, organisations, places) that help split
/// run-together tag lists on flattened text pages.
pub fn extract_with_names(
    bytes: &[u8],
    opts: &Options,
    known_names: &[&str],
) -> Result<Extracted, ExtractError> {
    extract_inner(bytes, opts, known_names, false)
}

fn extract_inner(
    bytes: &[u8],
    opts: &Options,
    known_names: &[&str],
    allow_empty: bool,
) -> Result<Extracted, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    let nul = bytes.iter().take(8192).filter(|&&b| b == 0).count();
    if nul > 0 && !utf16 {
        return Err(ExtractError::Binary(format!(
            "{nul} NUL bytes in the first 8 KiB"
        )));
    }
    let mut diagnostics = Vec::new();
    let bytes = if bytes.len() > MAX_PAGE_BYTES {
        diagnostics.push(format!(
            "page of {} bytes cut to the first {MAX_PAGE_BYTES}",
            bytes.len()
        ));
        &bytes[..MAX_PAGE_BYTES]
    } else {
        bytes
    };
    let (text, _encoding) = charset::decode(bytes);
    let kind = opts.kind.unwrap_or_else(|| detect_kind(text.as_bytes()));
    let mut article = Article {
        url: opts.url.clone(),
        ..Article::default()
    };
    let paragraphs = match kind {
        PageKind::Html => html_article(&text, opts, &mut article, &mut diagnostics),
        PageKind::Text => {
            let page = textpage::read(&text, known_names);
            article.title = page.title;
            article.tags = page.tags;
            article.publisher = page.publisher;
            page.paragraphs
        }
    };
    let mut out = String::new();
    let mut spans = Vec::new();
    let mut pos = 0usize;
    for p in paragraphs {
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
            pos += 2;
        }
        let len = p.chars().count();
        out.push_str(&p);
        spans.push(Span::new(pos, pos + len));
        pos += len;
    }
    if out.is_empty() {
        if !allow_empty {
            return Err(ExtractError::NoText);
        }
        diagnostics.push(NO_TEXT_DIAGNOSTIC.to_string());
    }
    debug_assert_eq!(CharIndex::new(&out).len_chars(), pos);
    if article.language.is_none() {
        article.language = lang::detect(&out).map(str::to_string);
    }
    article.text = out;
    article.paragraphs = spans;
    Ok(Extracted {
        article,
        diagnostics,
    })
}

mod lang {
    //! Language detection by function-word counts (`data/stopwords.tsv`).
    use std::sync::OnceLock;

    fn table() -> &'static Vec<(&'static str, Vec<&'static str>)> {
        static T: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
        T.get_or_init(|| {
            include_str!("../data/stopwords.tsv")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| {
                    let mut c = l.split('\t');
                    Some((c.next()?, c.next()?.split(' ').collect()))
                })
                .collect()
        })
    }

    /// The language whose function words are most frequent in the first 2,000 words.
    pub fn detect(text: &str) -> Option<&'static str> {
        let words: Vec<String> = crate::textutil::words(text)
            .take(2000)
            .map(str::to_lowercase)
            .collect();
        if words.len() < 5 {
            return None;
        }
        let mut best = (0usize, None);
        for (code, sw) in table() {
            let hits = words.iter().filter(|w| sw.contains(&w.as_str())).count();
            if hits > best.0 {
                best = (hits, Some(*code));
            }
        }
        if best.0 * 20 >= words.len() {
            best.1
        } else {
            None
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn every_example_detects_its_language() {
            for l in include_str!("../data/stopwords.tsv")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let c: Vec<&str> = l.split('\t').collect();
                assert_eq!(super::detect(c[2]), Some(c[0]), "{}", c[2]);
            }
        }
    }
}

fn html_article(
    text: &str,
    opts: &Options,
    article: &mut Article,
    diagnostics: &mut Vec<String>,
) -> Vec<String> {
    let dom = html::parse(text);
    if dom.truncated {
        diagnostics.push(format!(
            "page has more than {} nodes; the rest was ignored",
            html::MAX_NODES
        ));
    }
    let m = meta::gather(&dom);
    let mut st = content::stats(&dom);
    let hint = m.ld_body.as_deref().filter(|b| b.chars().count() > 300);
    let roots = content::choose(&dom, &mut st, hint);
    // a canonical link that is not a URL (some CMSs put the title there) is skipped
    let url = opts
        .url
        .as_deref()
        .or(m.canonical.as_deref().filter(|c| c.starts_with("http")))
        .or(m.metas.get("og:url").map(String::as_str))
        .or(m.canonical.as_deref());
    let title_node = meta::fill(article, &dom, &st, &m, url, roots.first().copied());
    let blocks = render::render(&dom, &st.dead, &roots, title_node);
    let mut blocks = render::filter(blocks);
    if let (Some(t), Some(b)) = (&article.title, blocks.first()) {
        if textutil::collapse_ws(t) == b.text {
            blocks.remove(0);
        }
    }
    let mut paras: Vec<String> = blocks.into_iter().map(|b| b.text).collect();
    let len: usize = paras.iter().map(|p| p.len()).sum();
    if let Some(body) = &m.ld_body {
        let body_len = body.trim().len();
        if len < 200 && body_len > 2 * len.max(1) {
            diagnostics.push("main text taken from the page's JSON-LD articleBody".to_string());
            paras = body
                .split('\n')
                .map(textutil::collapse_ws)
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    if paras.is_empty() {
        // last resort: everything visible in the body, filtered
        let body = content::body_root(&dom).into_iter().collect::<Vec<_>>();
        paras = render::filter(render::render(&dom, &st.dead, &body, title_node))
            .into_iter()
            .map(|b| b.text)
            .collect();
    }
    paras
}

#[cfg(test)]
mod tests;

/// Development aid: describes the chosen content roots of an HTML page (tag, class, id, text).
#[doc(hidden)]
pub fn debug_roots(bytes: &[u8]) -> Vec<String> {
    let (text, _) = charset::decode(bytes);
    let dom = html::parse(&text);
    let m = meta::gather(&dom);
    let mut st = content::stats(&dom);
    let body = content::body_root(&dom).unwrap_or(0);
    let pre = format!(
        "before: root text {} body {} text {}",
        st.text[0], body, st.text[body]
    );
    let hint = m.ld_body.as_deref().filter(|b| b.chars().count() > 300);
    let dead_before = st.dead.clone();
    let text_before = st.text.clone();
    let roots = content::choose(&dom, &mut st, hint);
    let mut killed = Vec::new();
    for i in 1..dom.nodes.len() {
        let p = dom.nodes[i].parent as usize;
        if st.dead[i] && !dead_before[i] && (!st.dead[p] || dead_before[p]) && text_before[i] > 200
        {
            let n = &dom.nodes[i];
            killed.push(format!(
                "killed {i} {:?} class={:?} id={:?} text={}",
                n.tag,
                n.attr("class"),
                n.attr("id"),
                text_before[i]
            ));
        }
    }
    std::iter::once(pre)
        .chain(killed)
        .chain(roots.iter().map(|&r| {
            let n = &dom.nodes[r];
            format!(
                "{r} {:?} class={:?} id={:?} text={} link={}",
                n.tag,
                n.attr("class"),
                n.attr("id"),
                st.text[r],
                st.link[r]
            )
        }))
        .collect()
}
