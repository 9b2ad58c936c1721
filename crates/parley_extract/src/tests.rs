//! Data-driven tests of the whole extractor, on pages written for these tests.
use super::*;

/// Extracts `input` and checks the title, text that must and must not be in the body, and the
/// paragraph spans.
fn check(
    input: &str,
    expected_title: Option<&str>,
    must_have: &[&str],
    must_not_have: &[&str],
) -> Article {
    let out = extract(input.as_bytes(), &Options::default()).expect("extracts");
    let a = out.article;
    assert_eq!(a.title.as_deref(), expected_title, "title");
    for s in must_have {
        assert!(a.text.contains(s), "missing {s:?} in {:?}", a.text);
    }
    for s in must_not_have {
        assert!(!a.text.contains(s), "unexpected {s:?} in {:?}", a.text);
    }
    check_spans(&a);
    a
}

/// Paragraphs are non-empty, ordered code-point spans of the text that cover every non-space char.
fn check_spans(a: &Article) {
    let idx = CharIndex::new(&a.text);
    let mut last = 0;
    let mut covered = 0;
    for p in &a.paragraphs {
        assert!(p.start >= last && p.end > p.start, "span order {p:?}");
        let s = idx.slice(&a.text, *p);
        assert_eq!(s.trim(), s, "paragraph has outer spaces");
        covered += s.chars().count();
        last = p.end;
    }
    assert_eq!(last, idx.len_chars());
    assert_eq!(
        covered + 2 * (a.paragraphs.len().saturating_sub(1)),
        idx.len_chars()
    );
}

const STORY: &str = r##"<html lang="en"><head><title>Harbour board raises ferry fares | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta name="author" content="Lena Moreau">
<meta property="article:published_time" content="2023-06-05T08:00:00Z">
</head><body>
<div id="top-bar"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="layout">
 <div class="main-column">
  <h1>Harbour board raises ferry fares</h1>
  <div class="post-meta">June 5, 2023 · 4 min read</div>
  <div class="entry-content">
   <p>The harbour board voted on Monday to raise ferry fares by ten percent, the second increase this year, citing fuel costs and a shortage of crew.</p>
   <p>Commuters from the outer islands, who rely on the early boats, said the rise would hit shift workers hardest. "We have no other way to get to work," said one nurse, who asked not to be named.</p>
   <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
   <p>The board said it would review the fares again in the autumn, once a new fuel contract is signed, and promised a discount scheme for students and pensioners.</p>
   <ul><li>Adult single: 4.40</li><li>Child single: 2.20</li></ul>
  </div>
  <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes for summer</a></li><li><a href="/b">Crew shortage hits island routes</a></li></ul></div>
  <div id="comments"><h3>3 comments</h3><p>Outrageous, another rise in fares for the island people again.</p></div>
 </div>
 <div class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Storm warning for the weekend</a></li><li><a href="/d">New bakery opens in the old fish market</a></li></ol></div>
</div>
<footer><p>&copy; 2023 Coast Courier. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn news_story_with_chrome() {
    let a = check(
        STORY,
        Some("Harbour board raises ferry fares"),
        &[
            "The harbour board voted on Monday",
            "\"We have no other way to get to work,\"",
            "discount scheme",
            "Adult single: 4.40",
        ],
        &[
            "Share on Facebook",
            "Ferry timetable changes",
            "Outrageous",
            "Storm warning",
            "All rights reserved",
            "Home",
            "4 min read",
        ],
    );
    assert_eq!(a.authors, ["Lena Moreau"]);
    assert_eq!(a.published.as_deref(), Some("2023-06-05T08:00:00Z"));
    assert_eq!(a.site_name.as_deref(), Some("Coast Courier"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.paragraphs.len(), 5);
}

#[test]
fn example_page_ships_clean() {
    let page = include_str!("../../../examples/ministry-talks.html");
    let a = check(
        page,
        Some("Valdoria and Kestria agree to resume border talks after ministry meeting"),
        &[
            "resume talks on their disputed",
            "A fragile calm",
            "statistics office in February.",
        ],
        &[
            "Sign up",
            "Share on",
            "Advertisement",
            "Photo: Ledger staff",
            "What we know",
            "Finally some good news",
            "cookies",
            "Tags:",
        ],
    );
    assert_eq!(a.authors, ["Mara Lindqvist", "Tomas Okafor"]);
    assert_eq!(a.publisher.as_deref(), Some("The Harbour Ledger"));
    assert!(a
        .published
        .as_deref()
        .is_some_and(|d| d.starts_with("2024-03-12")));
    assert_eq!(a.tags, ["Valdoria", "Kestria", "border talks"]);
}

#[test]
fn metadata_fallbacks() {
    // no metadata at all: title from the h1, date from the visible byline, author from "By"
    let page = "<html><body><h1>Night trains return to the valley line</h1><p>By <a href=\"/u/1\">Oskar Brandt</a></p>
      <p>Published 14 February 2022</p>
      <p>The rail operator will run night trains on the valley line again from April, after a two-year pause caused by track works.</p>
      <p>Tickets go on sale next week, the operator said, with fares unchanged from before the pause.</p></body></html>";
    let a = check(
        page,
        Some("Night trains return to the valley line"),
        &["night trains on the valley line"],
        &["Oskar Brandt"],
    );
    assert_eq!(a.published.as_deref(), Some("2022-02-14"));
    assert_eq!(a.authors, ["Oskar Brandt"]);
}

#[test]
fn json_ld_graph_and_people_only() {
    let page = r##"<html><head><script type="application/ld+json">{"@graph":[
      {"@type":"Person","@id":"#p1","name":"Ines Duarte"},
      {"@type":"NewsArticle","headline":"Dockers strike for a second day","datePublished":"2021-11-02",
       "author":[{"@id":"#p1"},{"@type":"Organization","name":"Coast Courier"}],
       "publisher":{"@type":"Organization","name":"Coast Courier"}}]}</script></head>
      <body><div><p>Dockers at the container port stayed off work for a second day on Tuesday, demanding a new shift pattern.</p>
      <p>Talks between the union and port managers are due to resume on Thursday, both sides said.</p></div></body></html>"##;
    let a = check(
        page,
        Some("Dockers strike for a second day"),
        &["Dockers at the container port"],
        &[],
    );
    assert_eq!(a.authors, ["Ines Duarte"]);
    assert_eq!(a.published.as_deref(), Some("2021-11-02"));
    assert_eq!(a.publisher.as_deref(), Some("Coast Courier"));
}

/// Body paragraphs shared by the metadata pages below.
const BODY: &str = "<p>The harbour board approved a second ferry berth on Monday after months of talks with the island councils.</p>
      <p>Work on the berth will start in the spring and should take about a year, the board said in a statement.</p>";

#[test]
fn title_loses_site_suffix_and_leftover_entities() {
    // the only title is a meta title whose tail is the site's name; entities double-encoded
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Harbour Gazette\">
      <meta property=\"og:title\" content=\"Ferry berth plan: costs &amp;#x26; timing | Harbour Gazette\">
      </head><body><div>{BODY}</div></body></html>"
    );
    check(
        &page,
        Some("Ferry berth plan: costs & timing"),
        &["second ferry berth"],
        &[],
    );
    // an h1 that ends in a bare domain
    let page = format!(
        "<html><body><h1>Second ferry berth approved | harbourgazette.com</h1><div>{BODY}</div></body></html>"
    );
    check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    // a date run into the headline text
    let page = format!(
        "<html><body><h1><span>Mar 4 2021</span> Second ferry berth approved by the board</h1><div>{BODY}</div></body></html>"
    );
    check(
        &page,
        Some("Second ferry berth approved by the board"),
        &["second ferry berth"],
        &[],
    );
    let page = format!(
        "<html><body><h1>Second ferry berth approved by the board <small>March 4, 2021</small></h1><div>{BODY}</div></body></html>"
    );
    check(
        &page,
        Some("Second ferry berth approved by the board"),
        &["second ferry berth"],
        &[],
    );
    // a tail that is not the site stays
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Harbour Gazette\"></head>
      <body><h1>Ferry berths | A guide for islanders</h1><div>{BODY}</div></body></html>"
    );
    check(
        &page,
        Some("Ferry berths | A guide for islanders"),
        &["second ferry berth"],
        &[],
    );
}

#[test]
fn utc_stamp_restated_in_the_page_zone() {
    // the meta stamp is in UTC (next day); the page's <time> gives the same instant locally
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2021-03-05T03:30:00+00:00\"></head>
      <body><h1>Second ferry berth approved</h1><time datetime=\"2021-03-04T19:30:00-08:00\">March 4, 2021</time>
      <div>{BODY}</div></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-04T19:30:00-08:00"));
    // a different instant on the page is not used
    let page = page.replace("2021-03-04T19:30:00-08:00", "2021-03-05T09:00:00-08:00");
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-05T03:30:00+00:00"));
}

#[test]
fn earlier_visible_date_beats_restamped_metadata() {
    let page = |shown: &str| {
        format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"Second ferry berth approved\",
          \"datePublished\":\"2023-06-01\",\"dateModified\":\"2023-06-01\"}}</script></head>
          <body><h1>Second ferry berth approved</h1><p>By Maren Holt</p><p>{shown}</p><div>{BODY}</div></body></html>"
        )
    };
    // the headline's date is older than the stamp: the page was re-stamped
    let a = check(
        &page("March 4, 2021"),
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-04"));
    // a later visible date (an update) does not replace the publication date
    let a = check(
        &page("August 9, 2023"),
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2023-06-01"));
}

#[test]
fn commenters_and_photographers_are_not_authors() {
    // the only author meta names the site itself; the page's other names are a commenter
    // and a photo credit
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Maren Holt\"><meta name=\"author\" content=\"Maren Holt\"></head>
      <body><h1>Second ferry berth approved</h1><figure><img src=\"a.jpg\"><figcaption>Photo by <a href=\"/author/tomas-reyes\">Tomas Reyes</a></figcaption></figure>
      <div>{BODY}</div><section class=\"comments\"><div class=\"author\">Ilse Brand</div><p>Good news for the islands.</p></section></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.authors, ["Maren Holt"]);
    // "Written by" label/data pairs in twitter meta tags
    let page = format!(
        "<html><head><meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Tomas Reyes\"></head>
      <body><h1>Second ferry berth approved</h1><div>{BODY}</div></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.authors, ["Tomas Reyes"]);
}

#[test]
fn labelled_dates_without_metadata() {
    // "yyyy.mm.dd" after a "Published:" label
    let page = format!(
        "<html><body><h1>Second ferry berth approved</h1><p><span>Notice - Published: 2021.03.04 | </span></p><div>{BODY}</div></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-04"));
    // a page dated only by its last update, far below the headline
    let filler = "<p>The harbour board meets monthly and publishes its minutes online for every islander to read.</p>".repeat(70);
    let page = format!(
        "<html><body><h1>Second ferry berth approved</h1><div>{BODY}{filler}</div><footer><p>Last updated:</p><p>March 4, 2021</p></footer></body></html>"
    );
    let a = extract(page.as_bytes(), &Options::default())
        .expect("extracts")
        .article;
    assert_eq!(a.published.as_deref(), Some("2021-03-04"));
}

#[test]
fn byline_pieces_and_citation_authors() {
    // a byline element holding a date and a name separated by a dot
    let page = format!(
        "<html><body><h1>Second ferry berth approved</h1><div class=\"post-date-author\">Mar. 4, 2021 &middot; Maren Holt</div>
      <div>{BODY}</div></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.authors, ["Maren Holt"]);
    // scholarly pages list every author in citation_author tags
    let page = format!(
        "<html><head><meta name=\"citation_author\" content=\"Maren Holt\"><meta name=\"citation_author\" content=\"Reyes, Tomas\">
      </head><body><h1>Second ferry berth approved</h1><div>{BODY}</div></body></html>"
    );
    let a = check(
        &page,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.authors, ["Maren Holt", "Tomas Reyes"]);
}

#[test]
fn legacy_charset() {
    let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 owners in the old town said the new parking rules, which start in May, would cost them customers.</p></body></html>".to_vec();
    let a = extract(&page, &Options::default()).unwrap().article;
    assert!(a.text.starts_with("Caf\u{e9} owners"));
    // invalid bytes in a UTF-8 page never fail
    page.extend_from_slice(b"\xff\xfe\xc3");
    assert!(extract(&page, &Options::default()).is_ok());
}

const TEXT_PAGE: &str = "Coastal towns brace for record spring tides
\u{a0}
Top Stories ↴
Coastal towns along the northern shore began building sand barriers on Friday ahead of spring tides that forecasters say could be the highest in forty years.
The regional emergency office said it had moved pumps to three harbours and asked residents of low-lying streets to park their cars on higher ground.
“We are ready, but we need people to take this seriously,” said Dana Whitfield, who leads the office.
Tides are expected to peak on Sunday night.
What to expect
Forecasters said the risk would ease on Monday as winds turn to the south.
Tags coastal flooding Dana Whitfield spring tides
Copyright 2022 Shoreline Press Group. All rights reserved.
Sidebar Widget
Most Watched
Load more
See all Photos
";

#[test]
fn text_page_chrome_headline_tags_publisher() {
    let out = extract(
        TEXT_PAGE.as_bytes(),
        &Options {
            url: None,
            kind: Some(PageKind::Text),
        },
    )
    .unwrap();
    let a = out.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Coastal towns brace for record spring tides")
    );
    assert_eq!(a.publisher.as_deref(), Some("Shoreline Press Group"));
    assert_eq!(
        a.tags,
        ["coastal flooding", "Dana Whitfield", "spring tides"]
    );
    for chrome in [
        "Top Stories",
        "Sidebar Widget",
        "Most Watched",
        "Load more",
        "See all",
        "Tags",
        "Copyright",
    ] {
        assert!(
            !a.text.contains(chrome),
            "{chrome:?} leaked into {:?}",
            a.text
        );
    }
    for body in [
        "began building sand barriers",
        "“We are ready",
        "Tides are expected to peak",
        "What to expect",
        "winds turn to the south.",
    ] {
        assert!(a.text.contains(body), "{body:?} missing from {:?}", a.text);
    }
    assert!(
        !a.text.contains("record spring tides\n"),
        "headline repeated in the body"
    );
    check_spans(&a);
    // detection: no markup → text page
    assert_eq!(detect_kind(TEXT_PAGE.as_bytes()), PageKind::Text);
}

#[test]
fn tag_split_uses_known_names() {
    let tags = split_tags(
        "harbour fees Jan Piet de Vries Port Board",
        &["Jan Piet de Vries"],
    );
    assert_eq!(tags, ["harbour fees", "Jan Piet de Vries", "Port Board"]);
}

#[test]
fn bad_input_is_bounded() {
    assert!(matches!(
        extract(b"   \n", &Options::default()),
        Err(ExtractError::Empty)
    ));
    assert!(matches!(
        extract(b"\x00\x01\x02binary\x00", &Options::default()),
        Err(ExtractError::Binary(_))
    ));
    // 100,000-deep nesting
    let deep = "<div>".repeat(100_000)
        + "<p>Deep text that should still be found by the extractor, somewhere.</p>";
    let a = extract(deep.as_bytes(), &Options::default())
        .unwrap()
        .article;
    assert!(a.text.contains("Deep text"));
    // a 10 MB single line of text
    let line = "word ".repeat(2_000_000);
    let out = extract(
        line.as_bytes(),
        &Options {
            url: None,
            kind: Some(PageKind::Text),
        },
    )
    .unwrap();
    assert!(!out.article.text.is_empty());
    // a page past the node cap
    let many = "<p>x</p>".repeat(300_000);
    let out = extract(many.as_bytes(), &Options::default()).unwrap();
    assert!(out.diagnostics.iter().any(|d| d.contains("nodes")));
    // markup soup never panics
    for junk in [
        "<<<>>>",
        "<a <b <c",
        "</p></p></div>",
        "<!--",
        "<script>",
        "<p>&#xFFFFFFFF; &#0; &",
        "<table><td><tr><li>x",
    ] {
        let _ = extract(junk.as_bytes(), &Options::default());
    }
}
