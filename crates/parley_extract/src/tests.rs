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
    // the meta stamp is in UTC (next day); the page's <time> gives the same instant locally:
    // the URL's date (the publishing system's own day) picks the local reading
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2021-03-05T03:30:00+00:00\">
      <link rel=\"canonical\" href=\"https://harbour.example/2021/03/04/second-berth/\"></head>
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
    // without a dated URL the restatement is only a zone change: the metadata's stamp stands
    let undated = page.replace("/2021/03/04/", "/news/");
    let a = check(
        &undated,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-05T03:30:00+00:00"));
    // the byline shows only the (western) local day: still the same moment, the stamp stands
    let bare = undated.replace(
        "<time datetime=\"2021-03-04T19:30:00-08:00\">March 4, 2021</time>",
        "<p>March 4, 2021</p>",
    );
    let a = check(
        &bare,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-05T03:30:00+00:00"));
    // a byline date two days before the stamp is the original date of a re-stamped page
    let older = undated.replace(
        "<time datetime=\"2021-03-04T19:30:00-08:00\">March 4, 2021</time>",
        "<p>March 3, 2021</p>",
    );
    let a = check(
        &older,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-03"));
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
    // a later visible date (an update) does not replace an explicit publication meta tag
    let tagged = page("August 9, 2023").replace(
        "<head>",
        "<head><meta property=\"article:published_time\" content=\"2023-06-01T08:00:00+00:00\">",
    );
    let a = check(
        &tagged,
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2023-06-01"));
    // without such a tag, the date the page shows by its headline is its date (JSON-LD stamps
    // are often stale templates)
    let a = check(
        &page("Updated August 9, 2023"),
        Some("Second ferry berth approved"),
        &["second ferry berth"],
        &[],
    );
    assert_eq!(a.published.as_deref(), Some("2023-08-09"));
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

/// Three paragraphs of made-up reporting, for pages that test one feature each.
const HARBOUR_PARAS: &str = "<p>The harbour board voted on Monday to raise ferry fares by ten percent, the second increase this year, citing fuel costs, repairs to the north pier and a shortage of trained crew.</p>
<p>Commuters from the outer islands, who rely on the early boats, said the rise would hit shift workers hardest, and a petition against it had gathered four thousand names by the evening.</p>
<p>The board said it would review the fares again in the autumn, once a new fuel contract is signed, and promised a discount scheme for students, pensioners and families with young children.</p>";

fn page(body: &str) -> String {
    format!(
        "<html><head><title>Ferry fares rise | Coast Courier</title></head><body>\
         <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}\
         <footer>© Coast Courier</footer></body></html>"
    )
}

#[test]
fn links_inside_sentences_keep_their_words_whatever_their_class() {
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}\
         <p>After <a class='recommended-link' href='/fares-2022'>last year's increase</a>, the board \
         had promised to hold fares steady, a pledge the opposition raised at the meeting.</p></article>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &["After last year's increase, the board had promised"],
        &["Home"],
    );
}

#[test]
fn section_headings_stay_and_a_heading_with_nothing_after_it_goes() {
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}\
         <h2 class='header-anchor'><a href='#what-next'>What happens next</a></h2>\
         <p>The new fares take effect on the first of July, and season tickets bought before then \
         will be honoured at the old price until they expire.</p>\
         <h3 class='widget-heading'>More from the coast</h3></article>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &["What happens next", "season tickets"],
        &["More from the coast"],
    );
}

#[test]
fn a_hover_card_of_links_inside_a_sentence_is_dropped() {
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}\
         <p>The chair, <span class='person'><a href='/people/ines-dalton'>Ines Dalton</a>\
         <span class='card'><a href='/a/1'>Dalton defends the harbour budget in a long interview</a> \
         <a href='/a/2'>Ferry crews strike for a second day over pay</a> \
         <a href='/people/ines-dalton'>MORE</a></span></span>, said the board had no choice \
         but to pass the costs on to passengers.</p></article>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &["The chair, Ines Dalton, said the board had no choice"],
        &["Ferry crews strike", "MORE"],
    );
}

#[test]
fn an_embedded_post_keeps_its_date_line() {
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}\
         <blockquote class='social-embed'><p>Ten percent more for the same cold crossing.</p>\
         — Island Commuter (@islandcommuter) June 5, 2023</blockquote>\
         <p>The post was shared several thousand times before the board replied to it.</p></article>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &[
            "(@islandcommuter) June 5, 2023",
            "shared several thousand times",
        ],
        &[],
    );
}

#[test]
fn a_lead_section_before_the_main_container_is_kept() {
    // a story split in two containers by an image block; the second holds most of the text
    let lead = "<p>Ferry passengers will pay ten percent more from July, after a vote that split \
        the harbour board and drew an angry crowd to the town hall on a wet Monday evening.</p>\
        <p>The increase, the second this year, was approved by five votes to four after a debate \
        that ran for more than three hours and ended with the public gallery being cleared.</p>\
        <p>Outside, islanders held up hand-painted signs and sang old sea songs, and the police \
        said the evening had passed without any arrests or injuries.</p>\
        <p>The ferry company, which runs six boats a day to the three inhabited islands, did not \
        send anyone to the meeting and has not commented on the vote.</p>";
    let more = "<p>Board members who opposed the rise said the ferry company had not shown its \
        accounts, and asked for an independent review before any further increases were made.</p>";
    let body = format!(
        "<div class='story'><h1>Ferry fares rise</h1>\
         <section class='lead'><div><div>{lead}</div></div></section>\
         <div class='media'><img src='/ferry.jpg' alt=''></div>\
         <section class='rest'><div class='text-block'>{HARBOUR_PARAS}{more}</div></section>\
         <section class='author-note'><p>Lena Moreau has covered the harbour for the Courier since \
         2015 and writes about transport, fishing and the islands, and she lives on the coast.</p>\
         </section></div>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &[
            "Ferry passengers will pay",
            "public gallery",
            "independent review",
        ],
        &["has covered the harbour"],
    );
}

/// Extracts a page made with [`page`] and returns the article.
fn article_of(body: &str) -> Article {
    extract(page(body).as_bytes(), &Options::default())
        .expect("extracts")
        .article
}

#[test]
fn a_date_in_a_sentence_is_not_the_headline_date() {
    // the first date after the headline is inside the story; the labelled date is the page's
    let body = format!(
        "<article><h1>Ferry fares rise</h1>\
         <p>The new fares take effect for most island routes on April 15, 2024, the board said.</p>\
         {HARBOUR_PARAS}<p>Published March 2, 2024</p></article>"
    );
    assert_eq!(article_of(&body).published.as_deref(), Some("2024-03-02"));
}

#[test]
fn menu_entries_are_not_bylines() {
    let body = format!(
        "<nav><ul><li><a href='/by-route'>By Route</a></li></ul></nav>\
         <article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}</article>"
    );
    assert!(article_of(&body).authors.is_empty());
}

#[test]
fn author_links_label_and_bio_boxes() {
    // an author link that wraps the name in a span
    let body = format!(
        "<article><h1>Ferry fares rise</h1><div class='meta'><a href='/authors/maren-holt'>\
         <span class='name'>Maren Holt</span></a></div>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(article_of(&body).authors, ["Maren Holt"]);
    // a "Contributors:" label
    let body = format!(
        "<article><h1>Ferry fares rise</h1><div><strong>Contributors:</strong> Omar Said</div>\
         {HARBOUR_PARAS}</article>"
    );
    assert_eq!(article_of(&body).authors, ["Omar Said"]);
    // an author box whose text is a long bio: the name line, not the heading above it
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}<div class='post-author-box'>\
         <h4>Insights from</h4><div>Lena Moreau</div><p>Lena Moreau has covered the harbour, its \
         ferries and the island councils for the Coast Courier for more than ten years.</p></div></article>"
    );
    assert_eq!(article_of(&body).authors, ["Lena Moreau"]);
}

#[test]
fn link_cards_and_class_checks_stay_linear() {
    // 250 nested link spans inside one paragraph, and 50,000 classed links in another: the
    // hover-card and running-text checks must not rescan the subtree for every node
    let mut nested = String::from("<p>The chair ");
    for k in 0..250 {
        nested.push_str(&format!(
            "<span><a href='/a/{k}'>one link</a> <a href='/b/{k}'>two links</a> <a href='/c/{k}'>three</a>"
        ));
    }
    nested.push_str(&"</span>".repeat(250));
    nested.push_str(" spoke.</p>");
    let mut wide = String::from("<p>Some words before the links ");
    for k in 0..50_000 {
        wide.push_str(&format!("<a class='related-link' href='/r/{k}'>r</a>"));
    }
    wide.push_str("</p>");
    let body = format!("<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}{nested}{wide}</article>");
    let out = extract(page(&body).as_bytes(), &Options::default()).unwrap();
    assert!(out.article.text.contains("citing fuel costs"));
}

#[test]
fn a_linked_heading_over_a_paragraph_is_a_section_title() {
    let body = format!(
        "<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}\
         <h3><a href='https://shop.example/season-ticket'>Island season ticket</a></h3>\
         <p>The season ticket now costs four hundred and ten a year, and the board says it still \
         pays for itself for anyone who crosses more than three times a week.</p>\
         <ul><li><a href='/a'>Ferry timetable</a></li><li><a href='/b'>Harbour map</a></li></ul>\
         </article>"
    );
    check(
        &page(&body),
        Some("Ferry fares rise"),
        &["Island season ticket\n\nThe season ticket now costs"],
        &["Ferry timetable"],
    );
}

/// Extracts a page with the given `<head>` extras and `<body>` and returns the article.
fn article_with_head(head: &str, body: &str) -> Article {
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    extract(html.as_bytes(), &Options::default())
        .expect("extracts")
        .article
}

/// Title chosen for a page with `head` and `body`.
fn title_of(head: &str, body: &str) -> Option<String> {
    article_with_head(head, body).title
}

#[test]
fn an_h1_naming_the_site_is_not_the_headline() {
    // the logo heading equals og:site_name
    let head = "<title>Night ferries return to the islands — Coast Courier</title>\
        <meta property='og:site_name' content='Coast Courier'>\
        <meta property='og:title' content='Night ferries return to the islands'>";
    let body = format!("<header><h1>Coast Courier</h1></header><article>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands")
    );
    // no site name, but the title tag is "<h1>: <og:title>"
    let head = "<title>Pier Notes: Night ferries return to the islands</title>\
        <meta property='og:title' content='Night ferries return to the islands'>";
    let body = format!("<header><h1>Pier Notes</h1></header><article>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands")
    );
    // a bare domain as the heading, and as a prefix of the title
    let head = "<title>coastnotes.org Night ferries return</title>";
    let body =
        format!("<header><h1>coastnotes.org</h1></header><article>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return")
    );
    // the same heading that is also the declared headline stays
    let head = "<title>Night ferries return | Coast Courier</title>\
        <meta property='og:site_name' content='Coast Courier'>\
        <meta property='og:title' content='Night ferries return'>";
    let body = format!("<article><h1>Night ferries return</h1>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return")
    );
}

#[test]
fn section_h1s_footer_h1s_and_pull_quotes_are_not_headlines() {
    let head = "<title>Pier Notes: A week of island crossings</title>\
        <meta property='og:title' content='A week of island crossings'>";
    // several h1s inside the text are its sections
    let body = format!(
        "<article><h1>Monday</h1>{HARBOUR_PARAS}<h1>Tuesday</h1>{HARBOUR_PARAS}\
         <h1>Wednesday</h1>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("A week of island crossings")
    );
    // boilerplate h1s after the text (a footer)
    let body = format!(
        "<article>{HARBOUR_PARAS}</article>\
         <footer><h1>Return to the home page now</h1><h1>Follow us</h1></footer>"
    );
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("A week of island crossings")
    );
    // a lone h1 far down the text is a pull quote
    let body = format!(
        "<article>{HARBOUR_PARAS}{HARBOUR_PARAS}{HARBOUR_PARAS}\
         <h1>What riders want is a boat that leaves on time</h1>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("A week of island crossings")
    );
}

#[test]
fn headline_labels_shouting_and_unrelated_h1s() {
    // a heading that shares no word with the declared headline is a section label
    let head = "<title>Night ferries return to the islands</title>\
        <meta property='og:title' content='Night ferries return to the islands'>";
    let body =
        format!("<div class='intro'><h1>Our Blog</h1></div><article>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands")
    );
    // a shouted heading restated in normal case by the metadata
    let body =
        format!("<article><h1>NIGHT FERRIES RETURN TO THE ISLANDS</h1>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands")
    );
    // a section label before the headline
    let body = format!(
        "<article><h1>News: Night ferries return to the islands</h1>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands")
    );
    // a label without the metadata's agreement stays part of the headline
    let head = "<title>Coast Courier</title>";
    let body = format!(
        "<article><h1>Analysis: why the night ferries failed</h1>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Analysis: why the night ferries failed")
    );
}

#[test]
fn a_cut_json_ld_headline_yields_to_the_full_title() {
    let head = "<title>Night ferries return to the islands after a winter of repairs to the north pier • Coast Courier</title>\
        <meta property='og:site_name' content='Coast Courier'>\
        <meta property='og:title' content='Night ferries return to the islands after a winter of repairs to the north pier • Coast Courier'>\
        <script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Night ferries return to the islands after a winter of\"}</script>";
    let body = format!("<article>{HARBOUR_PARAS}</article>");
    assert_eq!(
        title_of(head, &body).as_deref(),
        Some("Night ferries return to the islands after a winter of repairs to the north pier")
    );
}

#[test]
fn affiliations_and_described_writers() {
    // the firm after a job title is not a second author
    let body = format!(
        "<article><h1>Ferry fares rise</h1>\
         <p class='byline'>Reviewed by Lena Moreau, Fares Counsel at Harbour &amp; Hale</p>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(article_of(&body).authors, ["Lena Moreau"]);
    // a writer named only in the description
    let head = "<title>Ferry fares rise</title><meta name='description' content='This post was \
        written by Omar Said, MD, ship doctor, Coast Clinic. Fares rise again this spring.'>";
    let body = format!("<article><h1>Ferry fares rise</h1>{HARBOUR_PARAS}</article>");
    assert_eq!(article_with_head(head, &body).authors, ["Omar Said, MD"]);
}

#[test]
fn a_numeric_date_takes_the_reading_the_metadata_confirms() {
    let head = "<title>Ferry fares rise</title>\
        <script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-09-10T16:07:00Z\"}</script>";
    let body = format!(
        "<article><h1>Ferry fares rise</h1><p class='post-date'>09.10.2024</p>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        article_with_head(head, &body).published.as_deref(),
        Some("2024-09-10")
    );
    // without a second source the written convention stands (day.month)
    let body = format!(
        "<article><h1>Ferry fares rise</h1><p class='post-date'>09.10.2024</p>{HARBOUR_PARAS}</article>"
    );
    assert_eq!(
        article_with_head("<title>Ferry fares rise</title>", &body)
            .published
            .as_deref(),
        Some("2024-10-09")
    );
}

#[test]
fn double_encoded_text_is_repaired() {
    let body =
        format!("<article><h1>The island\u{e2}\u{80}\u{99}s ferries</h1>{HARBOUR_PARAS}</article>");
    let a = article_with_head("<title>x</title>", &body);
    assert_eq!(a.title.as_deref(), Some("The island\u{2019}s ferries"));
}

#[test]
fn a_site_named_after_its_author_keeps_the_author() {
    let html = format!(
        "<html><head><title>Night ferries | Lena Moreau</title>\
         <meta property='og:site_name' content='Lena Moreau'>\
         <script type='application/ld+json'>{{\"@type\":\"BlogPosting\",\"author\":[{{\"@type\":\"Person\",\"name\":\"Lena Moreau\"}}]}}</script>\
         </head><body><article><h1>Night ferries</h1>\
         <p class='byline'>By Omar Said</p>{HARBOUR_PARAS}</article></body></html>"
    );
    let at = |url: &str| {
        let opts = Options {
            url: Some(url.to_string()),
            ..Options::default()
        };
        extract(html.as_bytes(), &opts)
            .expect("extracts")
            .article
            .authors
    };
    // the host bears the name: a personal site, its author typed Person
    assert_eq!(
        at("https://lenamoreau.example/notes/night-ferries"),
        ["Lena Moreau"]
    );
    // elsewhere an author equal to the site name yields to the visible byline
    assert_eq!(
        at("https://harbour.example/notes/night-ferries"),
        ["Omar Said"]
    );
}

/// Authors and publication date of a page built around [`HARBOUR_PARAS`].
fn meta_of(head: &str, body: &str) -> (Vec<String>, Option<String>) {
    let html = format!(
        "<html><head><title>Night ferries | Coast Courier</title>{head}</head>\
         <body><article>{body}{HARBOUR_PARAS}</article></body></html>"
    );
    let a = extract(html.as_bytes(), &Options::default())
        .expect("extracts")
        .article;
    (a.authors, a.published.map(|d| d[..10].to_string()))
}

fn check_authors(head: &str, body: &str, expected: &[&str]) {
    assert_eq!(
        meta_of(head, body).0,
        expected,
        "head {head:?} body {body:?}"
    );
}

fn check_date(head: &str, body: &str, expected: Option<&str>) {
    assert_eq!(
        meta_of(head, body).1.as_deref(),
        expected,
        "head {head:?} body {body:?}"
    );
}

#[test]
fn a_page_without_text_keeps_its_metadata_only_when_asked() {
    let html = "<html><head><title>Harbour webcam | Coast Courier</title>\
        <meta name='author' content='Maren Holt'>\
        <meta property='article:published_time' content='2024-05-02T08:00:00Z'></head>\
        <body><h1>Harbour webcam</h1><div class='player'></div></body></html>";
    let opts = Options::default();
    // the body-first path (ingest, the pipeline) still reports the page as bodiless
    assert!(matches!(
        extract(html.as_bytes(), &opts),
        Err(ExtractError::NoText)
    ));
    let out = extract_lenient(html.as_bytes(), &opts).expect("metadata");
    assert_eq!(out.article.text, "");
    assert!(out.article.paragraphs.is_empty());
    assert_eq!(out.article.title.as_deref(), Some("Harbour webcam"));
    assert_eq!(out.article.authors, ["Maren Holt"]);
    assert_eq!(
        out.article.published.as_deref().map(|d| &d[..10]),
        Some("2024-05-02")
    );
    assert_eq!(out.diagnostics, [NO_TEXT_DIAGNOSTIC]);
    // empty input is still an error
    assert!(extract_lenient(b"  ", &opts).is_err());
}

#[test]
fn bylines_with_job_titles_sections_and_look_alike_links() {
    // the name follows "written by" inside a sentence; the job after it is no one's name
    check_authors(
        "",
        "<h1>Night ferries</h1><div id='post-author-box'>This guide is written by Ana Ortiz, Director of Ferry Operations and Island Services</div>",
        &["Ana Ortiz"],
    );
    // a link whose address merely starts like an author page, and a social profile link
    check_authors(
        "",
        "<h1>Night ferries</h1><p><a href='/authorized-dealers/'>Authorized Dealers</a></p>",
        &[],
    );
    check_authors(
        "",
        "<h1>Night ferries</h1><p><a href='https://bsky.app/profile/coastcourier'>Bluesky</a></p>",
        &[],
    );
    // a section link in a byline row is not a name
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='byline'><span class='byline-topic'><a href='/tag/travel'>Travel</a></span> <span>June 5, 2023</span></div>",
        &[],
    );
    // the heading of an author box labels it
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='about-author'><h2>Authors Corner</h2><p>Our writers cover the harbour, the islands and the boats between them, every day of the year, in all weathers.</p></div>",
        &[],
    );
}

#[test]
fn login_handles_from_structured_metadata() {
    // a handle the platform declares stays the author
    check_authors(
        "<meta name='author' content='mholt'>",
        "<h1>Night ferries</h1>",
        &["mholt"],
    );
    check_authors(
        "<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='ana.ortiz'>",
        "<h1>Night ferries</h1>",
        &["ana.ortiz"],
    );
    // unfilled template values are not handles
    check_authors(
        "<meta name='author' content='undefined'>",
        "<h1>Night ferries</h1>",
        &[],
    );
    check_authors(
        "<meta name='author' content='post.author.name'>",
        "<h1>Night ferries</h1>",
        &[],
    );
    // a display name in the visible byline beats the handle
    check_authors(
        "<meta name='author' content='mholt'>",
        "<h1>Night ferries</h1><p class='byline'>By Maren Holt</p>",
        &["Maren Holt"],
    );
    // a handle that is the site's own name is the organisation
    check_authors(
        "<meta property='og:site_name' content='coastcourier'><meta name='author' content='coastcourier'>",
        "<h1>Night ferries</h1>",
        &[],
    );
    // visible handles are not taken, except right after "by" in the headline's dateline row
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='meta'><time datetime='2023-06-05'>5 June 2023</time> <span>by mholt</span></div>",
        &["mholt"],
    );
    // a tag-manager data layer's post author, when nothing else names one
    check_authors(
        "<script>var dataLayer_content = {\"pagePostType\":\"post\",\"pagePostAuthor\":\"Maren Holt\"};</script>",
        "<h1>Night ferries</h1>",
        &["Maren Holt"],
    );
}

#[test]
fn co_authors_author_pages_and_dateline_names() {
    // co-authors each in an author-page link after the one the metadata names
    check_authors(
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ortiz\"}}</script>",
        "<h1>Night ferries</h1><div class='meta'>By <a href='/author/ana'>Ana Ortiz</a><span>, </span><a href='/author/ben'>Ben Lee</a><span> &amp; </span><a href='/author/cy'>Cy Park</a></div>",
        &["Ana Ortiz", "Ben Lee", "Cy Park"],
    );
    // … but not names from other links after it
    check_authors(
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ortiz\"}}</script>",
        "<h1>Night ferries</h1><div class='meta'>By <a href='/author/ana'>Ana Ortiz</a><span>, </span><a href='/tag/ferries'>Island Ferries</a></div>",
        &["Ana Ortiz"],
    );
    // co-authors after a "Written by" cue
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='story-credits'>Written by <span>Ana Ortiz</span>, <span>Ben Lee</span></div>",
        &["Ana Ortiz", "Ben Lee"],
    );
    // an author-page link that says "More from Jo": the name its address spells, shown nearby
    check_authors(
        "",
        "<h1>Night ferries</h1><div><a href='/authors/jo-bloggs'>More from Jo</a><span>Jo Bloggs</span><span>Ferries and islands</span></div>",
        &["Jo Bloggs"],
    );
    check_authors(
        "",
        "<h1>Night ferries</h1><div><a href='/authors/jo-bloggs'>More from Jo</a><span>Ferries and islands</span></div>",
        &[],
    );
    // a name in the headline's dateline row, and one followed by its section
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='row'><span>2024-03-09</span><span>·</span><span title='Ana Ortiz'><b>Ana Ortiz</b></span></div>",
        &["Ana Ortiz"],
    );
    check_authors(
        "",
        "<h1>Night ferries</h1><p class='x'>Mar 9, 2024 <span>•</span> Ana Ortiz in <a href='/travel'>Travel</a></p>",
        &["Ana Ortiz"],
    );
    // a link to a section in that row is not a name
    check_authors(
        "",
        "<h1>Night ferries</h1><div class='row'><span>2024-03-09</span><a href='/stories'>More Stories</a></div>",
        &[],
    );
    // nor are taxonomy terms listed under the headline, or a breadcrumb trail's last item
    check_authors(
        "",
        "<h1>Night ferries</h1><div><ul><li class='post-terms'><span class='post-term'>Harbour Towns</span><span class='post-term'>Boats</span></li></ul><ul><li><span>March 9, 2024</span></li></ul></div>",
        &[],
    );
    check_authors(
        "",
        "<div><h1><span>Night ferries</span> <span>Harbour Lights</span></h1><div><time>March 9, 2024</time></div></div>",
        &[],
    );
    check_authors(
        "",
        "<div><h1>Night ferries</h1><div><time>March 9, 2024</time></div><dl><dt>Member Since</dt><dd>2019</dd></dl></div>",
        &[],
    );
    check_authors(
        "",
        "<h1>Night ferries</h1><ol><li itemprop='itemListElement' itemtype='https://schema.org/ListItem'><a href='/travel'>Travel</a></li><li><span aria-current='page'>Harbour Lights</span></li><li><span>2024-03-09</span></li></ol>",
        &[],
    );
}

#[test]
fn a_person_site_without_url_keeps_its_typed_author() {
    // no URL, canonical or og:url: the typed Person named like the site stays the author
    check_authors(
        "<meta property='og:site_name' content='Lena Moreau'>\
         <script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"author\":[{\"@type\":\"Person\",\"name\":\"Lena Moreau\"}]}</script>",
        "<h1>Night ferries</h1><p>The timetable was drawn up by Omar Said last winter.</p>",
        &["Lena Moreau"],
    );
}

#[test]
fn publication_dates_in_rows_sentences_and_markup() {
    // an update shown next to the original date: the original is the publication date
    check_date(
        "",
        "<header><div class='dateline'><a href='/category/travel'>Travel</a><span>MARCH 12, 2021</span><span>Updated: MAY 04, 2024</span></div><h1>Night ferries</h1></header>",
        Some("2021-03-12"),
    );
    // a lone update stays the page's date (no earlier date beside it)
    check_date(
        "",
        "<h1>Night ferries</h1><div class='meta'>Updated: May 4, 2024</div>",
        Some("2024-05-04"),
    );
    // the page says when it first appeared
    check_date(
        "<meta property='article:published_time' content='2024-02-01T10:00:00Z'>",
        "<h1>Night ferries</h1><p>First published 3 May 2019; we revise the timetables every spring.</p>",
        Some("2019-05-03"),
    );
    // HTML's own publication mark, earlier than a re-stamped JSON-LD date
    check_date(
        "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2024-01-20T12:00:00-05:00\"}</script>",
        "<h1>Night ferries</h1><div class='published'>Published <time pubdate datetime='2023-04-18'>April 18, 2023</time></div>",
        Some("2023-04-18"),
    );
    // JSON-LD carried in a meta tag
    check_date(
        "<meta name='script:ld+json' content='{\"@type\":\"Article\",\"datePublished\":\"2022-09-14T09:00:00-05:00\"}'>",
        "<h1>Night ferries</h1>",
        Some("2022-09-14"),
    );
    // a dashed date with a month name in another language, several tags before the headline
    let gap = "<div>\n  <span>\n  </span>\n</div>\n".repeat(20);
    check_date(
        "",
        &format!("<div class='by'>Story: <a href='/author/ana'>Ana Ortiz</a>, 09-ago-2019 18:45</div>{gap}<h1>Night ferries</h1>"),
        Some("2019-08-09"),
    );
}

#[test]
fn personal_site_owner_is_the_author() {
    // a personal blog: no byline, but the title's suffix and the home link name the same person
    let body = format!(
        "<header><a href=\"/\">Miriam Okafor</a> <a href=\"/notes\">Notes</a></header>\
         <article><h1>Mending a rowing boat</h1>{BODY}</article>"
    );
    let a = article_with_head(
        "<title>Mending a rowing boat | Miriam Okafor</title>",
        &body,
    );
    assert_eq!(a.authors, vec!["Miriam Okafor".to_string()]);
    // the copyright line agrees with the title just as well
    let body2 = format!(
        "<article><h1>Mending a rowing boat</h1>{BODY}</article>\
         <footer><p>© 2023 Miriam Okafor. All rights reserved.</p></footer>"
    );
    let a = article_with_head(
        "<title>Mending a rowing boat | Miriam Okafor</title>",
        &body2,
    );
    assert_eq!(a.authors, vec!["Miriam Okafor".to_string()]);
    // one source alone is not enough
    let a = article_with_head(
        "<title>Mending a rowing boat | Miriam Okafor</title>",
        &format!("<article><h1>Mending a rowing boat</h1>{BODY}</article>"),
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    // a business named like a person's words is not a person
    let shop = body.replace("Miriam Okafor", "Harbour Boatworks");
    let a = article_with_head(
        "<title>Mending a rowing boat | Harbour Boatworks</title>",
        &shop,
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    // a byline wins over the site's owner
    let signed = body.replace(
        "<h1>Mending a rowing boat</h1>",
        "<h1>Mending a rowing boat</h1><p class=\"byline\">By Tomas Lindqvist</p>",
    );
    let a = article_with_head(
        "<title>Mending a rowing boat | Miriam Okafor</title>",
        &signed,
    );
    assert_eq!(a.authors, vec!["Tomas Lindqvist".to_string()]);
}

#[test]
fn byline_under_the_headline_beats_an_unseen_metadata_author() {
    let head = "<meta name=\"author\" content=\"Dana Whitfield\">";
    let page = |byline: &str, extra: &str| {
        format!("<article><h1>Mending a rowing boat</h1>{byline}{BODY}{extra}</article>")
    };
    // the meta tag names the account that posted the page; the byline names the writer
    let a = article_with_head(head, &page("<p>By Oskar Brandt</p>", ""));
    assert_eq!(a.authors, vec!["Oskar Brandt".to_string()]);
    // the cue and the name in separate nodes
    let a = article_with_head(
        head,
        &page(
            "<h3>By <a href=\"/oskar-brandt/\">Oskar Brandt</a>, boat columnist</h3>",
            "",
        ),
    );
    assert_eq!(a.authors, vec!["Oskar Brandt".to_string()]);
    // the metadata author is shown on the page too (an editor's note): it stays
    let a = article_with_head(
        head,
        &page("<p>By Oskar Brandt</p>", "<p>Edited by Dana Whitfield</p>"),
    );
    assert_eq!(a.authors, vec!["Dana Whitfield".to_string()]);
    // no byline: the metadata author stays
    let a = article_with_head(head, &page("", ""));
    assert_eq!(a.authors, vec!["Dana Whitfield".to_string()]);
}
