//! A small, fast, forgiving HTML tokenizer and tree builder.
//!
//! Not a spec-complete HTML5 parser: it builds the tree an extractor needs (elements with a few
//! attributes, text) with the implied-end-tag rules that matter for text (`p`, `li`, `td`, …).
//! Work is bounded: nesting deeper than [`MAX_DEPTH`] is flattened into the deepest open element,
//! and parsing stops after [`MAX_NODES`] nodes (a diagnostic says so).

use crate::entities::decode_entities;

/// Deepest element nesting kept; deeper start tags are not opened (their text joins the parent).
pub const MAX_DEPTH: usize = 256;
/// Most nodes built from one page; the rest of the page is ignored.
pub const MAX_NODES: usize = 400_000;

/// Element kinds the extractor distinguishes; everything else is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Text,
    Root,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    NoScript,
    Template,
    A,
    P,
    Br,
    Hr,
    Div,
    Span,
    Section,
    Article,
    Main,
    Nav,
    Aside,
    Header,
    Footer,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Blockquote,
    Pre,
    Code,
    Figure,
    Figcaption,
    Img,
    Picture,
    Form,
    Input,
    Button,
    Select,
    Option,
    Textarea,
    Label,
    Iframe,
    Svg,
    Math,
    Video,
    Audio,
    Canvas,
    Object,
    Embed,
    Time,
    Address,
    Details,
    Summary,
    Dialog,
    Menu,
    Strong,
    B,
    Em,
    I,
    Font,
    Center,
    Other,
}

impl Tag {
    pub fn from_name(n: &str) -> Tag {
        match n {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::NoScript,
            "template" => Tag::Template,
            "a" => Tag::A,
            "p" => Tag::P,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "div" => Tag::Div,
            "span" => Tag::Span,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "h1" => Tag::H1,
            "h2" => Tag::H2,
            "h3" => Tag::H3,
            "h4" => Tag::H4,
            "h5" => Tag::H5,
            "h6" => Tag::H6,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "caption" => Tag::Caption,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "code" => Tag::Code,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "img" => Tag::Img,
            "picture" => Tag::Picture,
            "form" => Tag::Form,
            "input" => Tag::Input,
            "button" => Tag::Button,
            "select" => Tag::Select,
            "option" => Tag::Option,
            "textarea" => Tag::Textarea,
            "label" => Tag::Label,
            "iframe" => Tag::Iframe,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "video" => Tag::Video,
            "audio" => Tag::Audio,
            "canvas" => Tag::Canvas,
            "object" => Tag::Object,
            "embed" => Tag::Embed,
            "time" => Tag::Time,
            "address" => Tag::Address,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "dialog" => Tag::Dialog,
            "menu" => Tag::Menu,
            "strong" => Tag::Strong,
            "b" => Tag::B,
            "em" => Tag::Em,
            "i" => Tag::I,
            "font" => Tag::Font,
            "center" => Tag::Center,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Meta | Tag::Link | Tag::Br | Tag::Hr | Tag::Img | Tag::Input | Tag::Embed
        )
    }

    /// Block-level elements: they start a new line of text.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Nav
                | Tag::Aside
                | Tag::Header
                | Tag::Footer
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Form
                | Tag::Hr
                | Tag::Br
                | Tag::Address
                | Tag::Details
                | Tag::Summary
                | Tag::Dialog
                | Tag::Menu
                | Tag::Center
                | Tag::Body
                | Tag::Html
                | Tag::Root
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Start tags that close an open `<p>`.
    fn closes_p(self) -> bool {
        self.is_block()
            && !matches!(
                self,
                Tag::Br | Tag::Td | Tag::Th | Tag::Tr | Tag::Caption | Tag::Body | Tag::Html
            )
    }

    /// Raw-text elements: their content is not markup.
    fn is_raw(self) -> bool {
        matches!(
            self,
            Tag::Script | Tag::Style | Tag::Textarea | Tag::Title | Tag::NoScript | Tag::Iframe
        )
    }
}

/// One node of the tree: an element or a text run.
#[derive(Debug, Clone)]
pub struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub children: Vec<u32>,
    /// Attributes (lower-case names) — only for elements.
    pub attrs: Vec<(Box<str>, Box<str>)>,
    /// Decoded text (text nodes) or raw content (script/style/title).
    pub text: String,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }
}

/// A parsed document: node 0 is the root.
#[derive(Debug, Default)]
pub struct Dom {
    pub nodes: Vec<Node>,
    /// True when a cap cut the page short.
    pub truncated: bool,
}

/// Attributes worth keeping (the rest are dropped to save memory and time).
fn keep_attr(name: &str) -> bool {
    matches!(
        name,
        "id" | "class"
            | "href"
            | "name"
            | "property"
            | "content"
            | "itemprop"
            | "itemtype"
            | "itemscope"
            | "rel"
            | "type"
            | "datetime"
            | "style"
            | "hidden"
            | "aria-hidden"
            | "role"
            | "lang"
            | "charset"
            | "http-equiv"
            | "src"
            | "data-src"
            | "alt"
            | "pubdate"
            | "aria-label"
            | "aria-current"
    )
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    // needle is lower-case ASCII and starts with '<'
    let mut i = from;
    while let Some(off) = memchr::memchr(needle[0], &hay[i..]) {
        let p = i + off;
        if p + needle.len() <= hay.len() && hay[p..p + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

struct Builder {
    dom: Dom,
    stack: Vec<u32>,
    /// Tags of the open elements, parallel to `stack` (faster scope checks).
    tags: Vec<Tag>,
}

impl Builder {
    fn new() -> Builder {
        let root = Node {
            tag: Tag::Root,
            parent: 0,
            children: Vec::new(),
            attrs: Vec::new(),
            text: String::new(),
        };
        Builder {
            dom: Dom {
                nodes: vec![root],
                truncated: false,
            },
            stack: vec![0],
            tags: vec![Tag::Root],
        }
    }

    fn full(&mut self) -> bool {
        if self.dom.nodes.len() >= MAX_NODES {
            self.dom.truncated = true;
            true
        } else {
            false
        }
    }

    fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn push_node(&mut self, node: Node) -> u32 {
        let id = self.dom.nodes.len() as u32;
        let parent = node.parent as usize;
        self.dom.nodes.push(node);
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let cur = self.current();
        if let Some(&last) = self.dom.nodes[cur as usize].children.last() {
            let n = &mut self.dom.nodes[last as usize];
            if n.tag == Tag::Text {
                n.text.push_str(s);
                return;
            }
        }
        if self.full() {
            return;
        }
        self.push_node(Node {
            tag: Tag::Text,
            parent: cur,
            children: Vec::new(),
            attrs: Vec::new(),
            text: s.to_string(),
        });
    }

    /// Pops up to and including the innermost open `tag`, if it is open within the boundary.
    fn close(&mut self, tag: Tag, boundary: &[Tag]) -> bool {
        for i in (1..self.tags.len()).rev() {
            let t = self.tags[i];
            if t == tag {
                self.stack.truncate(i);
                self.tags.truncate(i);
                return true;
            }
            if boundary.contains(&t) {
                return false;
            }
        }
        false
    }

    fn start(&mut self, tag: Tag, attrs: Vec<(Box<str>, Box<str>)>, self_closing: bool) -> u32 {
        const SCOPE: &[Tag] = &[
            Tag::Table,
            Tag::Td,
            Tag::Th,
            Tag::Button,
            Tag::Html,
            Tag::Body,
        ];
        if tag.closes_p() && self.tags.last() != Some(&Tag::Root) {
            // only an open <p> near the top of the stack is closed
            let n = self.tags.len();
            for i in (n.saturating_sub(8)..n).rev() {
                if self.tags[i] == Tag::P {
                    self.stack.truncate(i);
                    self.tags.truncate(i);
                    break;
                }
                if SCOPE.contains(&self.tags[i]) || self.tags[i].is_block() {
                    break;
                }
            }
        }
        // body content (or <body>) closes an open <head>
        if !matches!(
            tag,
            Tag::Meta
                | Tag::Link
                | Tag::Title
                | Tag::Script
                | Tag::Style
                | Tag::NoScript
                | Tag::Template
                | Tag::Head
                | Tag::Html
                | Tag::Other
        ) && self.tags.iter().take(4).any(|t| *t == Tag::Head)
        {
            self.close(Tag::Head, &[]);
        }
        match tag {
            Tag::Li => {
                self.close(
                    Tag::Li,
                    &[Tag::Ul, Tag::Ol, Tag::Menu, Tag::Table, Tag::Div, Tag::Body],
                );
            }
            Tag::Dt | Tag::Dd if !self.close(Tag::Dd, &[Tag::Dl, Tag::Div, Tag::Body]) => {
                self.close(Tag::Dt, &[Tag::Dl, Tag::Div, Tag::Body]);
            }
            Tag::Tr => {
                self.close(Tag::Tr, &[Tag::Table]);
            }
            Tag::Td | Tag::Th if !self.close(Tag::Td, &[Tag::Tr, Tag::Table]) => {
                self.close(Tag::Th, &[Tag::Tr, Tag::Table]);
            }
            Tag::Option => {
                self.close(Tag::Option, &[Tag::Select]);
            }
            Tag::A if self.tags.last() == Some(&Tag::A) => {
                self.stack.pop();
                self.tags.pop();
            }
            t if t.is_heading() && self.tags.last().is_some_and(|t| t.is_heading()) => {
                self.stack.pop();
                self.tags.pop();
            }
            _ => {}
        }
        if self.full() {
            return 0;
        }
        let parent = self.current();
        let id = self.push_node(Node {
            tag,
            parent,
            children: Vec::new(),
            attrs,
            text: String::new(),
        });
        if !tag.is_void() && !self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
            self.tags.push(tag);
        }
        id
    }

    fn end(&mut self, tag: Tag, name: &str) {
        match tag {
            Tag::Body | Tag::Html | Tag::Br => {}
            Tag::Other => {
                // close the innermost open Other element with the same name is not tracked: close
                // the top one if it is an Other element
                let _ = name;
                if self.tags.last() == Some(&Tag::Other) {
                    self.stack.pop();
                    self.tags.pop();
                }
            }
            _ => {
                self.close(tag, &[]);
            }
        }
    }
}

fn parse_attrs(
    s: &[u8],
    src: &str,
    mut i: usize,
    attrs: &mut Vec<(Box<str>, Box<str>)>,
) -> (usize, bool) {
    // returns (index after '>', self_closing)
    let n = s.len();
    let mut self_closing = false;
    loop {
        while i < n && (s[i].is_ascii_whitespace() || s[i] == b'/') {
            if s[i] == b'/' {
                self_closing = true;
            }
            i += 1;
        }
        if i >= n {
            return (n, self_closing);
        }
        if s[i] == b'>' {
            return (i + 1, self_closing);
        }
        self_closing = false;
        let ns = i;
        while i < n
            && !s[i].is_ascii_whitespace()
            && s[i] != b'='
            && s[i] != b'>'
            && !(s[i] == b'/' && i > ns)
        {
            i += 1;
        }
        let name = &src[ns..i];
        while i < n && s[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value: &str = "";
        if i < n && s[i] == b'=' {
            i += 1;
            while i < n && s[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (s[i] == b'"' || s[i] == b'\'') {
                let q = s[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &s[vs..]).map(|o| vs + o).unwrap_or(n);
                value = &src[vs..ve];
                i = (ve + 1).min(n);
            } else {
                let vs = i;
                while i < n && !s[i].is_ascii_whitespace() && s[i] != b'>' {
                    i += 1;
                }
                value = &src[vs..i];
            }
        }
        if attrs.len() < 32 {
            let lname = name.to_ascii_lowercase();
            if keep_attr(&lname) && !attrs.iter().any(|(k, _)| **k == *lname) {
                let v = if value.contains('&') {
                    decode_entities(value)
                } else {
                    value.to_string()
                };
                attrs.push((lname.into_boxed_str(), v.into_boxed_str()));
            }
        }
    }
}

/// Parses a decoded page into a [`Dom`].
pub fn parse(src: &str) -> Dom {
    let s = src.as_bytes();
    let n = s.len();
    let mut b = Builder::new();
    let mut i = 0;
    let mut text_start = 0;
    let mut name_buf = String::new();
    while i < n {
        let Some(off) = memchr::memchr(b'<', &s[i..]) else {
            break;
        };
        let lt = i + off;
        i = lt + 1;
        if i >= n {
            break;
        }
        let c = s[i];
        if c == b'!' {
            flush_text(&mut b, src, text_start, lt);
            if s[i..].starts_with(b"!--") {
                i = memchr::memmem::find(&s[i + 3..], b"-->")
                    .map(|o| i + 3 + o + 3)
                    .unwrap_or(n);
            } else if s.len() >= i + 8 && s[i..i + 8].eq_ignore_ascii_case(b"![cdata[") {
                let e = memchr::memmem::find(&s[i..], b"]]>")
                    .map(|o| i + o)
                    .unwrap_or(n);
                b.text(&src[i + 8..e.max(i + 8)]);
                i = (e + 3).min(n);
            } else {
                i = memchr::memchr(b'>', &s[i..])
                    .map(|o| i + o + 1)
                    .unwrap_or(n);
            }
            text_start = i;
        } else if c == b'?' {
            flush_text(&mut b, src, text_start, lt);
            i = memchr::memchr(b'>', &s[i..])
                .map(|o| i + o + 1)
                .unwrap_or(n);
            text_start = i;
        } else if c == b'/' {
            if i + 1 < n && s[i + 1].is_ascii_alphabetic() {
                flush_text(&mut b, src, text_start, lt);
                let ns = i + 1;
                let mut e = ns;
                while e < n && !s[e].is_ascii_whitespace() && s[e] != b'>' && s[e] != b'/' {
                    e += 1;
                }
                name_buf.clear();
                name_buf.push_str(&src[ns..e]);
                name_buf.make_ascii_lowercase();
                let tag = Tag::from_name(&name_buf);
                b.end(tag, &name_buf);
                i = memchr::memchr(b'>', &s[e..])
                    .map(|o| e + o + 1)
                    .unwrap_or(n);
                text_start = i;
            } else {
                // "</>" or "</ " : bogus comment
                flush_text(&mut b, src, text_start, lt);
                i = memchr::memchr(b'>', &s[i..])
                    .map(|o| i + o + 1)
                    .unwrap_or(n);
                text_start = i;
            }
        } else if c.is_ascii_alphabetic() {
            flush_text(&mut b, src, text_start, lt);
            let ns = i;
            let mut e = ns;
            while e < n && !s[e].is_ascii_whitespace() && s[e] != b'>' && s[e] != b'/' {
                e += 1;
            }
            name_buf.clear();
            name_buf.push_str(&src[ns..e]);
            name_buf.make_ascii_lowercase();
            let tag = Tag::from_name(&name_buf);
            let mut attrs = Vec::new();
            let (after, self_closing) = parse_attrs(s, src, e, &mut attrs);
            i = after;
            text_start = i;
            if b.dom.truncated {
                break;
            }
            let id = b.start(tag, attrs, self_closing);
            if tag.is_raw() && !self_closing {
                let mut close = Vec::with_capacity(name_buf.len() + 2);
                close.extend_from_slice(b"</");
                close.extend_from_slice(name_buf.as_bytes());
                let end = find_ci(s, i, &close).unwrap_or(n);
                let raw = &src[i..end];
                if id != 0 {
                    let node = &mut b.dom.nodes[id as usize];
                    node.text = if matches!(tag, Tag::Title | Tag::Textarea) && raw.contains('&') {
                        decode_entities(raw)
                    } else if matches!(tag, Tag::Script) && !is_json_script(node) {
                        // other scripts are kept only when they may carry a publication date
                        // or a data layer's post author
                        if memchr::memmem::find(raw.as_bytes(), b"ublish").is_some()
                            || memchr::memmem::find(raw.as_bytes(), b"pagePostAuthor").is_some()
                        {
                            raw.to_string()
                        } else {
                            String::new()
                        }
                    } else if matches!(tag, Tag::Style | Tag::NoScript | Tag::Iframe) {
                        String::new()
                    } else {
                        raw.to_string()
                    };
                }
                if b.tags.last() == Some(&tag) {
                    b.stack.pop();
                    b.tags.pop();
                }
                i = if end >= n {
                    n
                } else {
                    memchr::memchr(b'>', &s[end..])
                        .map(|o| end + o + 1)
                        .unwrap_or(n)
                };
                text_start = i;
            }
        }
        // else: a literal '<' in text; keep scanning
    }
    if !b.dom.truncated {
        flush_text(&mut b, src, text_start, n);
    }
    b.dom
}

fn is_json_script(node: &Node) -> bool {
    node.attr("type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
}

fn flush_text(b: &mut Builder, src: &str, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let raw = &src[from..to];
    if raw.contains('&') {
        let d = decode_entities(raw);
        b.text(&d);
    } else {
        b.text(raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom) -> Vec<(Tag, String)> {
        dom.nodes
            .iter()
            .filter(|n| n.tag == Tag::Text)
            .map(|n| (dom.nodes[n.parent as usize].tag, n.text.clone()))
            .collect()
    }

    #[test]
    fn implied_paragraph_end() {
        let d = parse("<body><p>one<p>two<div>three</div></body>");
        let t = texts(&d);
        assert_eq!(
            t,
            vec![
                (Tag::P, "one".into()),
                (Tag::P, "two".into()),
                (Tag::Div, "three".into())
            ]
        );
        for n in &d.nodes {
            if n.tag == Tag::P {
                assert!(n.children.len() == 1);
            }
        }
    }

    #[test]
    fn body_content_closes_head() {
        let d = parse("<html><head><title>t</title><div id=x>text</div></html>");
        let div = d.nodes.iter().position(|n| n.tag == Tag::Div).unwrap();
        assert_eq!(d.nodes[d.nodes[div].parent as usize].tag, Tag::Html);
    }

    #[test]
    fn entities_and_raw_text() {
        let d = parse("<title>A &amp; B</title><script>if (a<b) {}</script><p>x &lt; y&nbsp;z &#8212; &#x41;</p>");
        let t = texts(&d);
        assert_eq!(t, vec![(Tag::P, "x < y\u{a0}z \u{2014} A".into())]);
        assert_eq!(
            d.nodes.iter().find(|n| n.tag == Tag::Title).unwrap().text,
            "A & B"
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let page = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let d = parse(&page);
        assert!(d.nodes.len() <= 100_002);
        assert!(texts(&d).iter().any(|(_, t)| t == "deep"));
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for page in [
            "<",
            "<a",
            "<a href=\"x",
            "<!--",
            "<script>",
            "</",
            "<p>é<",
            "<a b='é",
            "<![CDATA[x",
        ] {
            let _ = parse(page);
        }
    }
}
