//! Main-content detection on a [`Dom`]: boilerplate removal by tag and class/id patterns, a
//! readability-style container score (text, commas, link density), sibling merging, and block
//! rendering with per-block filters.

use crate::html::{Dom, Node, Tag};
use crate::patterns::{self, ClassVerdict};

/// Per-node statistics, indexed like `Dom::nodes`.
pub struct Stats {
    /// Removed from consideration (junk tag, hidden, boilerplate class/id, or inside one).
    pub dead: Vec<bool>,
    /// Visible non-space bytes below the node (dead nodes excluded).
    pub text: Vec<u32>,
    /// Of which inside links.
    pub link: Vec<u32>,
    /// Commas below the node.
    pub commas: Vec<u32>,
    /// Class/id verdict of the node itself.
    pub class: Vec<ClassVerdict>,
}

fn junk_tag(t: Tag) -> bool {
    matches!(
        t,
        Tag::Script
            | Tag::Style
            | Tag::NoScript
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Button
            | Tag::Select
            | Tag::Option
            | Tag::Textarea
            | Tag::Input
            | Tag::Iframe
            | Tag::Canvas
            | Tag::Object
            | Tag::Embed
            | Tag::Video
            | Tag::Audio
            | Tag::Nav
            | Tag::Dialog
            | Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Label
            | Tag::Figcaption
    )
}

/// Hidden by attribute: may be content parked by a streaming page, decided by size later.
fn soft_hidden(n: &Node) -> bool {
    n.attr("hidden").is_some()
        || (n
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            && !matches!(n.tag, Tag::Body | Tag::Html))
}

/// Hidden by inline style or a non-content landmark role: never shown as the article.
fn hidden(n: &Node) -> bool {
    if let Some(s) = n.attr("style") {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(r) = n.attr("role") {
        if matches!(
            r,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "menu"
                | "menubar"
                | "search"
        ) {
            return true;
        }
    }
    false
}

const INLINE_IN_TEXT: bool = true;

/// An inline element (link, span, emphasis) whose parent also holds text of its own: part of a
/// sentence.
fn in_running_text(dom: &Dom, i: usize, own_text: &mut [u8]) -> bool {
    let node = &dom.nodes[i];
    if !matches!(
        node.tag,
        Tag::A | Tag::Span | Tag::Em | Tag::Strong | Tag::B | Tag::I | Tag::Font | Tag::Code
    ) {
        return false;
    }
    let pi = node.parent as usize;
    let p = &dom.nodes[pi];
    if !matches!(
        p.tag,
        Tag::P
            | Tag::Li
            | Tag::Td
            | Tag::Dd
            | Tag::Blockquote
            | Tag::Span
            | Tag::Em
            | Tag::Strong
            | Tag::B
            | Tag::I
    ) {
        return false;
    }
    if own_text[pi] == 0 {
        let has = p.children.iter().any(|&c| {
            let c = &dom.nodes[c as usize];
            c.tag == Tag::Text && c.text.split_whitespace().map(str::len).sum::<usize>() >= 3
        });
        own_text[pi] = if has { 1 } else { 2 };
    }
    own_text[pi] == 1
}

fn non_space_len(s: &str) -> (u32, u32) {
    let mut n = 0u32;
    let mut c = 0u32;
    for &b in s.as_bytes() {
        if !b.is_ascii_whitespace() && !(0x80..0xc0).contains(&b) {
            n += 1;
        }
        if b == b',' {
            c += 1;
        }
    }
    (n, c)
}

pub fn stats(dom: &Dom) -> Stats {
    let n = dom.nodes.len();
    let mut dead = vec![false; n];
    let mut class = vec![ClassVerdict::Neutral; n];
    // per parent: 0 not yet known, 1 holds text of its own, 2 does not
    let mut own_text = vec![0u8; n];
    // top-down: nodes are stored in document order, so parents come first
    for i in 1..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        if dead[p] {
            dead[i] = true;
            continue;
        }
        if node.tag == Tag::Text {
            continue;
        }
        class[i] = patterns::classify(node);
        if class[i] == ClassVerdict::Boiler
            && (node.tag.is_heading() || (INLINE_IN_TEXT && in_running_text(dom, i, &mut own_text)))
        {
            // a class name on a heading or on a link inside a sentence ("recommended-link",
            // "header-anchor") says how it is styled, not that it is page furniture
            class[i] = ClassVerdict::Neutral;
        }
        if junk_tag(node.tag) || hidden(node) {
            dead[i] = true;
        } else if node.tag == Tag::Footer {
            class[i] = ClassVerdict::Boiler;
        } else if soft_hidden(node) || matches!(node.tag, Tag::Header | Tag::Aside) {
            // decided once sizes are known: streamed pages park their content in hidden nodes, and
            // some pages wrap the whole story in a <header> or <aside>
            class[i] = ClassVerdict::Hidden;
        }
    }
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    let mut commas = vec![0u32; n];
    for i in (1..n).rev() {
        let node = &dom.nodes[i];
        if dead[i] {
            continue;
        }
        if node.tag == Tag::Text {
            let (t, c) = non_space_len(&node.text);
            text[i] = t;
            commas[i] = c;
        }
        if node.tag == Tag::A {
            link[i] = text[i];
        }
        let p = node.parent as usize;
        text[p] += text[i];
        link[p] += link[i];
        commas[p] += commas[i];
    }
    Stats {
        dead,
        text,
        link,
        commas,
        class,
    }
}

/// Applies the boilerplate class/id verdicts: a boilerplate node dies unless it holds most of the
/// page's text (a page-wide wrapper with an unlucky class name).
fn apply_class_verdicts(dom: &Dom, st: &mut Stats) {
    let pop = popups(dom, st);
    let total = st.text[0].max(1) as f32;
    let n = dom.nodes.len();
    let mut killed = vec![false; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        if killed[p] {
            killed[i] = true;
            continue;
        }
        if st.dead[i] {
            continue;
        }
        if matches!(dom.nodes[i].tag, Tag::Body | Tag::Html) {
            continue;
        }
        if POPUPS && link_popup(dom, &pop, i) {
            killed[i] = true;
            continue;
        }
        match st.class[i] {
            ClassVerdict::Boiler => {
                let prose = st.text[i] >= 1500 && (st.link[i] as f32) < 0.15 * st.text[i] as f32;
                if !prose && ((st.text[i] as f32) < 0.4 * total || st.text[i] < 400) {
                    killed[i] = true;
                }
            }
            ClassVerdict::Comments => killed[i] = (st.text[i] as f32) < 0.7 * total,
            ClassVerdict::Hidden => {
                killed[i] = (st.text[i] as f32) < 0.3 * total || st.text[i] < 500
            }
            _ => {}
        }
    }
    // subtract the top-most killed subtrees from their ancestors; mark the whole subtrees dead
    for i in 1..n {
        if !killed[i] {
            continue;
        }
        let p = dom.nodes[i].parent as usize;
        let top = !killed[p];
        if st.dead[i] {
            continue;
        }
        st.dead[i] = true;
        if top {
            let (t, l, c) = (st.text[i], st.link[i], st.commas[i]);
            let mut a = p;
            loop {
                st.text[a] = st.text[a].saturating_sub(t);
                st.link[a] = st.link[a].saturating_sub(l);
                st.commas[a] = st.commas[a].saturating_sub(c);
                if a == 0 {
                    break;
                }
                a = dom.nodes[a].parent as usize;
            }
        }
    }
}

const POPUPS: bool = true;

/// A span inside a paragraph that holds nothing but several links (a hover card on a name, an
/// inline "related" strip): not part of the sentence.
fn link_popup(dom: &Dom, pop: &Popups, i: usize) -> bool {
    if !pop.links_only[i] || pop.inner[i] {
        // not a card, or not the innermost one (an outer one also holds the name it is about)
        return false;
    }
    let n = &dom.nodes[i];
    let mut a = n.parent as usize;
    let mut in_para = false;
    for _ in 0..8 {
        if a == 0 {
            break;
        }
        if matches!(dom.nodes[a].tag, Tag::P | Tag::Li | Tag::Td | Tag::Dd) {
            in_para = true;
            break;
        }
        a = dom.nodes[a].parent as usize;
    }
    in_para
}

/// Per node: a span of nothing but links (3 or more), and whether such a span lies below it.
struct Popups {
    links_only: Vec<bool>,
    inner: Vec<bool>,
}

fn popups(dom: &Dom, st: &Stats) -> Popups {
    let n = dom.nodes.len();
    let mut anchors = vec![0u32; n];
    let mut links_only = vec![false; n];
    let mut inner = vec![false; n];
    for i in (1..n).rev() {
        let node = &dom.nodes[i];
        if node.tag == Tag::A {
            anchors[i] += 1;
        }
        links_only[i] = node.tag == Tag::Span
            && st.text[i] >= 40
            && (st.link[i] as f32) >= 0.85 * st.text[i] as f32
            && anchors[i] >= 3;
        let p = node.parent as usize;
        anchors[p] = anchors[p].saturating_add(anchors[i]);
        inner[p] |= inner[i] || links_only[i];
    }
    Popups { links_only, inner }
}

fn is_paragraph_like(t: Tag) -> bool {
    matches!(
        t,
        Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Dd | Tag::Li
    )
}

fn has_block_child(dom: &Dom, st: &Stats, i: usize) -> bool {
    dom.nodes[i].children.iter().any(|&c| {
        let c = c as usize;
        !st.dead[c] && dom.nodes[c].tag.is_block() && dom.nodes[c].tag != Tag::Br
    })
}

/// Text directly in the node or in its inline children (commas too).
fn direct_text(dom: &Dom, st: &Stats, i: usize) -> (u32, u32, u32) {
    let (mut t, mut l, mut c) = (0, 0, 0);
    for &ch in &dom.nodes[i].children {
        let ch = ch as usize;
        if st.dead[ch] {
            continue;
        }
        let tag = dom.nodes[ch].tag;
        if tag == Tag::Text || !tag.is_block() {
            t += st.text[ch];
            l += st.link[ch];
            c += st.commas[ch];
        }
    }
    (t, l, c)
}

fn base_score(t: Tag) -> f32 {
    match t {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        t if t.is_heading() => -5.0,
        Tag::Th => -5.0,
        _ => 0.0,
    }
}

fn class_weight(v: ClassVerdict) -> f32 {
    match v {
        ClassVerdict::StrongContent => 50.0,
        ClassVerdict::Content => 25.0,
        ClassVerdict::Boiler | ClassVerdict::Comments => -25.0,
        ClassVerdict::Neutral | ClassVerdict::Hidden => 0.0,
    }
}

/// The chosen content roots (a container and any merged siblings), in document order.
pub fn choose(dom: &Dom, st: &mut Stats, hint: Option<&str>) -> Vec<usize> {
    apply_class_verdicts(dom, st);
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut init = vec![false; n];
    // prose below each node: paragraph text with few links
    let mut good = vec![0f32; n];
    let hint_words = hint.map(crate::textutil::word_set);
    #[allow(clippy::needless_range_loop)] // several per-node arrays are indexed together
    for i in 1..n {
        if st.dead[i] {
            continue;
        }
        let node = &dom.nodes[i];
        let t = node.tag;
        if t == Tag::Text {
            continue;
        }
        let (len, link, commas) = if is_paragraph_like(t) {
            if t == Tag::Li && has_block_child(dom, st, i) {
                continue;
            }
            (st.text[i], st.link[i], st.commas[i])
        } else if matches!(
            t,
            Tag::Div
                | Tag::Section
                | Tag::Other
                | Tag::Font
                | Tag::Center
                | Tag::Article
                | Tag::Main
                | Tag::Body
        ) {
            if !has_block_child(dom, st, i) {
                (st.text[i], st.link[i], st.commas[i])
            } else {
                direct_text(dom, st, i)
            }
        } else {
            continue;
        };
        if len < 25 {
            continue;
        }
        let ld = link as f32 / len as f32;
        if ld < 0.3 {
            good[i] += len as f32 * (1.0 - ld);
        }
        let mut s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        s *= 1.0 - ld;
        if let Some(hw) = &hint_words {
            let txt = crate::render::inner_text(dom, &st.dead, i);
            if crate::textutil::coverage(&txt, hw) > 0.8 {
                s *= 3.0;
            }
        }
        // propagate to five ancestors
        let mut a = node.parent as usize;
        let mut level = 0;
        while a != 0 && level < 5 {
            if !init[a] {
                init[a] = true;
                score[a] += base_score(dom.nodes[a].tag) + class_weight(st.class[a]);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
            a = dom.nodes[a].parent as usize;
            level += 1;
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        good[p] += good[i];
    }
    // final scores with link density
    let mut cands: Vec<(f32, usize)> = Vec::new();
    for i in 1..n {
        if init[i] && !st.dead[i] {
            let ld = if st.text[i] > 0 {
                st.link[i] as f32 / st.text[i] as f32
            } else {
                0.0
            };
            score[i] *= 1.0 - ld;
            cands.push((score[i], i));
        }
    }
    if cands.is_empty() {
        return body_root(dom).into_iter().collect();
    }
    cands.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let (mut top_score, mut top) = cands[0];
    // several strong candidates under one ancestor → take that ancestor
    let strong: Vec<usize> = cands
        .iter()
        .skip(1)
        .take(4)
        .filter(|c| c.0 >= 0.75 * top_score)
        .map(|c| c.1)
        .collect();
    if strong.len() >= 2 {
        let mut a = dom.nodes[top].parent as usize;
        while a != 0 && !matches!(dom.nodes[a].tag, Tag::Body | Tag::Html) {
            let holds = strong.iter().filter(|&&s| is_ancestor(dom, a, s)).count();
            if holds >= 2 {
                top = a;
                break;
            }
            a = dom.nodes[a].parent as usize;
        }
        top_score = score[top].max(top_score);
    }
    // climb while the parent holds nearly all of the text of the candidate's lineage
    let mut last = top_score;
    let mut p = dom.nodes[top].parent as usize;
    while p != 0 && !matches!(dom.nodes[p].tag, Tag::Body | Tag::Html) {
        if !init[p] {
            p = dom.nodes[p].parent as usize;
            continue;
        }
        let ps = score[p];
        if ps < last / 3.0 {
            break;
        }
        if ps > last {
            top = p;
        }
        last = ps;
        p = dom.nodes[p].parent as usize;
    }
    // a content split into sibling blocks (page builders): take the ancestor that holds clearly
    // more prose, as long as it is not link-heavy
    if CLIMB_FOR_PROSE {
        let mut a = dom.nodes[top].parent as usize;
        let mut best = top;
        while a != 0 && !matches!(dom.nodes[a].tag, Tag::Body | Tag::Html) {
            let ld = if st.text[a] > 0 {
                st.link[a] as f32 / st.text[a] as f32
            } else {
                1.0
            };
            if good[a] > good[best] * CLIMB_GAIN && ld < 0.35 {
                best = a;
            }
            a = dom.nodes[a].parent as usize;
        }
        top = best;
    }
    // only child: take the parent
    loop {
        let p = dom.nodes[top].parent as usize;
        if p == 0 || matches!(dom.nodes[p].tag, Tag::Body | Tag::Html) {
            break;
        }
        let live: Vec<u32> = dom.nodes[p]
            .children
            .iter()
            .copied()
            .filter(|&c| !st.dead[c as usize] && st.text[c as usize] > 0)
            .collect();
        if live.len() == 1 {
            top = p;
        } else {
            break;
        }
    }
    // sibling merge
    let top_score = score[top].max(1.0);
    let threshold = (top_score * SIBLING_SHARE).max(10.0);
    let parent = dom.nodes[top].parent as usize;
    let mut roots = Vec::new();
    for &c in &dom.nodes[parent].children {
        let c = c as usize;
        if c == top {
            roots.push(c);
            continue;
        }
        if st.dead[c] || st.text[c] == 0 || dom.nodes[c].tag == Tag::Text {
            continue;
        }
        let ld = st.link[c] as f32 / st.text[c] as f32;
        let same_class = dom.nodes[c]
            .attr("class")
            .is_some_and(|a| Some(a) == dom.nodes[top].attr("class"));
        let bonus = if same_class { top_score * 0.2 } else { 0.0 };
        let mut keep = init[c] && score[c] + bonus >= threshold && ld < SIBLING_MAX_LINK_DENSITY;
        if !keep && SIBLING_PROSE {
            // prose before the container is the story's lead; after it, only a continuation
            // styled like the container (after it come author boxes, FAQs, teasers)
            keep = (c < top || same_class)
                && prose_block(dom, st, &good, c, PROSE_MIN, PROSE_SHARE, PROSE_MAX_LINK);
        }
        if !keep && dom.nodes[c].tag == Tag::P {
            let len = st.text[c];
            keep =
                (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && st.commas[c] > 0);
        }
        if keep && ld < 0.5 {
            roots.push(c);
        }
    }
    if EXTEND {
        extend(dom, st, &good, roots)
    } else {
        roots
    }
}

const EXTEND: bool = true;
/// How many levels above the chosen blocks a split story is looked for.
const EXTEND_LEVELS: usize = 2;
/// A prose block: at least this much paragraph text (non-space bytes) …
const PROSE_MIN: f32 = 400.0;
/// … making up at least this share of its text …
const PROSE_SHARE: f32 = 0.7;
/// … and links under this share of its text.
const PROSE_MAX_LINK: f32 = 0.2;
const SIBLING_PROSE: bool = true;

/// The last node of the subtree at `i` (nodes are stored in document order).
fn subtree_end(dom: &Dom, mut i: usize) -> usize {
    while let Some(&c) = dom.nodes[i].children.last() {
        i = c as usize;
    }
    i
}

/// A block of running prose: most of its text in paragraphs with few links, no form (a
/// newsletter box), not marked as boilerplate.
fn prose_block(
    dom: &Dom,
    st: &Stats,
    good: &[f32],
    c: usize,
    min_good: f32,
    dens: f32,
    maxld: f32,
) -> bool {
    if st.dead[c] || st.text[c] == 0 || dom.nodes[c].tag == Tag::Text {
        return false;
    }
    let ld = st.link[c] as f32 / st.text[c] as f32;
    if good[c] < min_good
        || good[c] < dens * st.text[c] as f32
        || ld >= maxld
        || matches!(
            st.class[c],
            ClassVerdict::Boiler | ClassVerdict::Comments | ClassVerdict::Hidden
        )
    {
        return false;
    }
    let end = subtree_end(dom, c);
    !dom.nodes[c..=end].iter().any(|n| n.tag == Tag::Form)
}

/// A story split across containers (a lead section, then the body after an image or an ad):
/// climbs from the chosen blocks to an ancestor whose other children are prose (paragraph text,
/// few links), keeps those and drops the rest of the ancestor's children.
fn extend(dom: &Dom, st: &mut Stats, good: &[f32], roots: Vec<usize>) -> Vec<usize> {
    let Some(&first) = roots.first() else {
        return roots;
    };
    let mut branch = dom.nodes[first].parent as usize;
    // the children of `branch` that are part of the article
    let mut keep: Vec<usize> = roots.clone();
    keep.sort_unstable();
    let mut climbed = false;
    for _ in 0..EXTEND_LEVELS {
        let a = dom.nodes[branch].parent as usize;
        if a == 0 || matches!(dom.nodes[branch].tag, Tag::Body | Tag::Html) {
            break;
        }
        let mut extra = Vec::new();
        for &c in &dom.nodes[a].children {
            let c = c as usize;
            if c == branch || st.dead[c] || dom.nodes[c].tag == Tag::Text || st.text[c] == 0 {
                continue;
            }
            if c < branch && prose_block(dom, st, good, c, PROSE_MIN, PROSE_SHARE, PROSE_MAX_LINK) {
                extra.push(c);
            }
        }
        if extra.is_empty() {
            break;
        }
        // drop the unkept children of the branch, then move up
        for &c in &dom.nodes[branch].children {
            let c = c as usize;
            if keep.binary_search(&c).is_err() {
                st.dead[c] = true;
            }
        }
        keep = extra;
        keep.push(branch);
        keep.sort_unstable();
        branch = a;
        climbed = true;
    }
    if !climbed {
        return roots;
    }
    for &c in &dom.nodes[branch].children {
        let c = c as usize;
        if !keep.contains(&c) {
            st.dead[c] = true;
        }
    }
    vec![branch]
}

const CLIMB_FOR_PROSE: bool = true;
const CLIMB_GAIN: f32 = 4.0;

/// A sibling of the chosen container joins it when its score reaches this share of the container's.
const SIBLING_SHARE: f32 = 0.2;
const SIBLING_MAX_LINK_DENSITY: f32 = 0.35;

fn is_ancestor(dom: &Dom, a: usize, mut n: usize) -> bool {
    while n != 0 {
        if n == a {
            return true;
        }
        n = dom.nodes[n].parent as usize;
    }
    a == 0
}

pub fn body_root(dom: &Dom) -> Option<usize> {
    dom.nodes
        .iter()
        .position(|n| n.tag == Tag::Body)
        .or(Some(0))
}
