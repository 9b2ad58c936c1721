//! Page → [`Article`]: the main text, its paragraphs and the page's metadata.
//!
//! Main entry: [`extract`], which detects whether the bytes are an HTML page or a flattened text
//! page and runs the matching extractor.
//!
//! ```
//! let page = b"<html><head><title>Hello</title></head><body><p>Some text.</p></body></html>";
//! let out = parley_extract::extract(page, &parley_extract::Options::default()).unwrap();
//! assert!(out.article.text.contains("Some text."));
//! ```

use parley_core::{Article, Span};

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
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") || has(b"<meta ") || has(b"<div") || has(b"<p>") {
        PageKind::Html
    } else {
        PageKind::Text
    }
}

/// Extracts the article from a page.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extracted, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let nul = bytes.iter().take(8192).filter(|&&b| b == 0).count();
    if nul > 0 {
        return Err(ExtractError::Binary(format!("{nul} NUL bytes in the first 8 KiB")));
    }
    let text = String::from_utf8_lossy(bytes);
    let kind = opts.kind.unwrap_or_else(|| detect_kind(bytes));
    let body = match kind {
        PageKind::Html => strip_tags(&text),
        PageKind::Text => text.into_owned(),
    };
    let mut article = Article { url: opts.url.clone(), ..Article::default() };
    let mut out = String::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if article.title.is_none() {
            article.title = Some(line.to_string());
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let start = out.chars().count();
        out.push_str(line);
        article.paragraphs.push(Span::new(start, out.chars().count()));
    }
    if out.is_empty() {
        return Err(ExtractError::NoText);
    }
    article.text = out;
    Ok(Extracted { article, diagnostics: Vec::new() })
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
