//! Store behaviour: idempotence, near-duplicate clusters, event merging with GDELT counts,
//! migrations from committed older-version fixtures, full-text search and the exporters.

use parley_core::{ActorMention, Article, Document, Event, Quote, QuoteKind, Sentence, TextSpan};
use parley_store::export::{self, Format, GDELT_COLUMNS};
use parley_store::{ArticleMeta, DuplicateOf, EventFilter, Outcome, QuoteFilter, Store};

const FIXTURE_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.sqlite");

fn actor(text: &str, code: &str) -> ActorMention {
    ActorMention {
        text: text.into(),
        start: 0,
        end: text.chars().count(),
        name: None,
        code: Some(code.into()),
    }
}

fn event(src: (&str, &str), tgt: (&str, &str), cameo: &str, sentence: usize) -> Event {
    Event {
        source: actor(src.0, src.1),
        target: Some(actor(tgt.0, tgt.1)),
        verb: TextSpan {
            text: "met".into(),
            start: 0,
            end: 3,
        },
        cameo: cameo.into(),
        root: cameo[..2].into(),
        quad_class: 1,
        goldstein: 1.0,
        plover: Some("CONSULT".into()),
        mode: None,
        negated: false,
        sentence,
        date: None,
        date_granularity: Some("article".into()),
    }
}

/// A document with the given text, URL and events; sentences are the text's lines.
fn doc(url: &str, text: &str, events: Vec<Event>) -> Document {
    let mut sentences = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        sentences.push(Sentence {
            start: pos,
            end: pos + n,
            text: line.into(),
            tokens: vec![],
        });
        pos += n + 1;
    }
    Document {
        id: None,
        article: Article {
            url: Some(url.into()),
            title: Some(text.lines().next().unwrap_or("").into()),
            published: Some("2021-03-04".into()),
            text: text.into(),
            ..Article::default()
        },
        sentences,
        entities: vec![],
        quotes: vec![],
        events,
        diagnostics: vec![],
    }
}

/// A long text made of numbered sentences I wrote for these tests; `variant` changes one word.
fn long_text(topic: &str, variant: &str) -> String {
    let mut s = format!("The delegation from {topic} met the ministers on Thursday.\n");
    for i in 0..60 {
        s.push_str(&format!(
            "Point {i} of the agenda on {topic} covered trade, fisheries and the border crossings near the river.\n"
        ));
    }
    s.push_str(&format!("Officials called the meeting {variant}."));
    s
}

#[test]
fn the_same_article_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = doc(
        "https://news.example.org/a",
        "Envoys met in the capital.\nThey agreed to talk again.",
        vec![],
    );
    assert!(store
        .insert(&a, &ArticleMeta::default())
        .unwrap()
        .is_stored());
    // Same text, other URL, other line breaks: a content duplicate.
    let mut b = a.clone();
    b.article.url = Some("https://mirror.example.net/b".into());
    b.article.text = "Envoys met in the capital.  They agreed to talk again.".into();
    match store.insert(&b, &ArticleMeta::default()).unwrap() {
        Outcome::Duplicate { of, .. } => assert_eq!(of, DuplicateOf::Content),
        o => panic!("{o:?}"),
    }
    // Same canonical URL, edited text: a URL duplicate.
    let mut c = a.clone();
    c.article.canonical_url = Some("https://news.example.org/a/".into());
    let mut a2 = a.clone();
    a2.article.canonical_url = Some("http://www.news.example.org/a".into());
    a2.article.text.push_str("\nA late paragraph.");
    c.article.text.push_str("\nAnother late paragraph.");
    assert!(store
        .insert(&a2, &ArticleMeta::default())
        .unwrap()
        .is_stored());
    match store.insert(&c, &ArticleMeta::default()).unwrap() {
        Outcome::Duplicate { of, .. } => assert_eq!(of, DuplicateOf::CanonicalUrl),
        o => panic!("{o:?}"),
    }
    // An input seen before is skipped by origin.
    let meta = ArticleMeta {
        origin: Some("file:x.html".into()),
        fingerprint: None,
    };
    let d = doc(
        "https://news.example.org/d",
        "A different story about harvests.",
        vec![],
    );
    assert!(store.insert(&d, &meta).unwrap().is_stored());
    assert!(store.has_origin("file:x.html").unwrap());
    match store.insert(&d, &meta).unwrap() {
        Outcome::Duplicate { of, .. } => assert_eq!(of, DuplicateOf::Origin),
        o => panic!("{o:?}"),
    }
    assert_eq!(store.article_count().unwrap(), 3);
}

#[test]
fn near_duplicates_share_a_cluster_and_distinct_stories_do_not() {
    let mut store = Store::open_in_memory().unwrap();
    let a = doc(
        "https://wire.example.com/1",
        &long_text("Norway", "useful"),
        vec![],
    );
    let b = doc(
        "https://paper.example.net/1",
        &long_text("Norway", "productive"),
        vec![],
    );
    let other = "Farmers in the valley harvested a record crop of apples this autumn.\n".repeat(3)
        + "Prices at the market fell as buyers waited for the cold storage to open.\n"
        + &long_text("Norway", "useful")
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n");
    let c = doc("https://other.example.org/1", &other, vec![]);
    let ids: Vec<Outcome> = [&a, &b, &c]
        .iter()
        .map(|d| store.insert(d, &ArticleMeta::default()).unwrap())
        .collect();
    let cluster = |o: &Outcome| match o {
        Outcome::Stored {
            cluster_id,
            near_duplicate,
            ..
        } => (*cluster_id, *near_duplicate),
        o => panic!("{o:?}"),
    };
    assert_eq!(cluster(&ids[1]).0, cluster(&ids[0]).0);
    assert!(cluster(&ids[1]).1);
    assert_ne!(cluster(&ids[2]).0, cluster(&ids[0]).0);
    let s = store.stats().unwrap();
    assert_eq!((s.articles, s.clusters, s.near_duplicates), (3, 2, 1));
}

#[test]
fn events_merge_with_gdelt_counts() {
    let mut store = Store::open_in_memory().unwrap();
    let e = || event(("Oslo", "NOR"), ("Santiago", "CHL"), "040", 0);
    // Two mentions in one article of source A, one in another article of source A, one in source B.
    let d1 = doc(
        "https://a.example.com/1",
        "Norway consulted Chile.\nNorway consulted Chile again.",
        vec![e(), {
            let mut x = e();
            x.sentence = 1;
            x
        }],
    );
    let d2 = doc(
        "https://a.example.com/2",
        "Oslo met Santiago officials.",
        vec![e()],
    );
    let d3 = doc(
        "https://b.example.net/9",
        "Norwegian envoys met Chilean envoys.",
        vec![e()],
    );
    // A different CAMEO code is another event record.
    let d4 = doc(
        "https://b.example.net/10",
        "Norway criticised Chile.",
        vec![event(("Oslo", "NOR"), ("Santiago", "CHL"), "111", 0)],
    );
    for d in [&d1, &d2, &d3, &d4] {
        store.insert(d, &ArticleMeta::default()).unwrap();
    }
    let evs = store.events(&EventFilter::default()).unwrap();
    assert_eq!(evs.len(), 2);
    let consult = evs.iter().find(|e| e.cameo == "040").unwrap();
    assert_eq!(
        (
            consult.num_mentions,
            consult.num_articles,
            consult.num_sources
        ),
        (4, 3, 2)
    );
    assert_eq!(consult.day, 20210304);
    assert!(consult.is_root);
    assert_eq!(consult.evidence, "Norway consulted Chile.");
    let mentions: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM event_mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mentions, 5);

    // Filters.
    let f = |filter: EventFilter| store.events(&filter).unwrap().len();
    assert_eq!(
        f(EventFilter {
            actor: Some("NOR".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        f(EventFilter {
            actor: Some("CHL".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        f(EventFilter {
            root: Some("11".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            root: Some("4".into()),
            ..Default::default()
        }),
        1
    );
    let d = |s: &str| parley_core::Date::parse_iso(s);
    assert_eq!(
        f(EventFilter {
            since: d("2021-03-05"),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        f(EventFilter {
            until: d("2021-03-04"),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        f(EventFilter {
            q: Some("criticised".into()),
            ..Default::default()
        }),
        1
    );
}

#[test]
fn a_failing_article_in_a_batch_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let good = doc(
        "https://a.example.com/1",
        "Talks resumed.",
        vec![event(("A", "USA"), ("B", "CAN"), "040", 0)],
    );
    let mut bad = doc(
        "https://a.example.com/2",
        "Talks failed.",
        vec![event(("A", "USA"), ("B", "CAN"), "040", 0)],
    );
    bad.article.text = "Talks failed.".into();
    // Make the second article fail mid-insert: its quotes table insert violates a trigger.
    store
        .connection()
        .execute_batch("CREATE TRIGGER no_bad BEFORE INSERT ON quotes WHEN NEW.text = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;")
        .unwrap();
    bad.quotes.push(Quote {
        text: "boom".into(),
        start: 0,
        end: 4,
        kind: QuoteKind::Direct,
        cue: None,
        cue_span: None,
        channel: None,
        speaker: None,
        sentence: 0,
    });
    let m = ArticleMeta::default();
    let outs = store.insert_batch([(&good, &m), (&bad, &m)]).unwrap();
    assert!(outs[0].is_ok() && outs[1].is_err());
    drop(store);
    let store = Store::open(&path).unwrap();
    let n = |sql: &str| -> i64 { store.connection().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(n("SELECT count(*) FROM articles"), 1);
    assert_eq!(n("SELECT count(*) FROM event_mentions"), 1);
    assert_eq!(n("SELECT num_mentions FROM events"), 1);
}

#[test]
fn search_and_quotes() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = doc(
        "https://a.example.com/1",
        "The harbour reopened after the storm.\nFishermen were relieved.",
        vec![],
    );
    d.quotes.push(Quote {
        text: "We can finally sail again".into(),
        start: 0,
        end: 10,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
        cue_span: None,
        channel: None,
        speaker: Some(ActorMention {
            text: "Ms Berg".into(),
            start: 0,
            end: 7,
            name: Some("Anna Berg".into()),
            code: None,
        }),
        sentence: 1,
    });
    store.insert(&d, &ArticleMeta::default()).unwrap();
    let hits = store.search("harbour storm", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("[harbour]"), "{}", hits[0].snippet);
    assert_eq!(store.search("sail", 10).unwrap()[0].kind, "quote");
    assert!(store.search("volcano", 10).unwrap().is_empty());
    assert!(store.search("\"*(", 10).unwrap().is_empty());
    let q = |speaker: Option<&str>, text: Option<&str>| {
        store
            .quotes(&QuoteFilter {
                speaker: speaker.map(Into::into),
                q: text.map(Into::into),
                limit: None,
            })
            .unwrap()
            .len()
    };
    assert_eq!(q(Some("berg"), None), 1);
    assert_eq!(q(Some("Olsen"), None), 0);
    assert_eq!(q(None, Some("finally")), 1);
    assert_eq!(q(None, Some("storm")), 0);
}

#[test]
fn exports_have_their_layouts() {
    let mut store = Store::open_in_memory().unwrap();
    let mut neg = event(("Oslo", "NORGOV"), ("UN", "IGOUNO"), "111", 0);
    neg.negated = true;
    let d = doc(
        "https://a.example.com/1",
        "Norway's government consulted the UN.\nIt did not criticise it.",
        vec![event(("Oslo", "NORGOV"), ("UN", "IGOUNO"), "040", 0), neg],
    );
    store.insert(&d, &ArticleMeta::default()).unwrap();
    let mut out = Vec::new();
    let n = export::export(&store, &EventFilter::default(), Format::Gdelt, &mut out).unwrap();
    assert_eq!(n, 1, "negated events have no GDELT encoding");
    let text = String::from_utf8(out).unwrap();
    let fields: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), GDELT_COLUMNS.len());
    let col = |name: &str| fields[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("Day"), "20210304");
    assert_eq!(col("MonthYear"), "202103");
    assert_eq!(col("Actor1Code"), "NORGOV");
    assert_eq!(col("Actor1CountryCode"), "NOR");
    assert_eq!(col("Actor1Type1Code"), "GOV");
    assert_eq!(col("Actor2KnownGroupCode"), "UNO");
    assert_eq!(col("EventCode"), "040");
    assert_eq!(col("EventRootCode"), "04");
    assert_eq!(col("NumMentions"), "1");
    assert_eq!(col("SOURCEURL"), "https://a.example.com/1");
    assert_eq!(col("DATEADDED").len(), 14);

    let mut out = Vec::new();
    assert_eq!(
        export::export(&store, &EventFilter::default(), Format::Csv, &mut out).unwrap(),
        2
    );
    let csv = String::from_utf8(out).unwrap();
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.starts_with("id,day,source_code"));

    let mut out = Vec::new();
    export::export(&store, &EventFilter::default(), Format::Jsonl, &mut out).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["cameo"], "040");
    assert_eq!(first["num_sources"], 1);

    let mut out = Vec::new();
    assert_eq!(
        export::export(&store, &EventFilter::default(), Format::Parquet, &mut out).unwrap(),
        2
    );
    assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
    // An empty store still writes a valid (empty) Parquet file.
    let empty = Store::open_in_memory().unwrap();
    let mut out = Vec::new();
    assert_eq!(
        export::export(&empty, &EventFilter::default(), Format::Parquet, &mut out).unwrap(),
        0
    );
    assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
}

#[test]
fn a_v1_fixture_database_migrates_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(FIXTURE_V1, &path).unwrap();
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        let v: i64 = raw
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "the fixture is a v1 database");
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        parley_store::SCHEMA_VERSION
    );
    assert_eq!(store.article_count().unwrap(), 2);
    // FTS was rebuilt from the old rows, clusters and signatures were filled in.
    assert_eq!(store.search("lighthouse", 10).unwrap().len(), 1);
    assert_eq!(
        store
            .quotes(&QuoteFilter {
                q: Some("beacon".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );
    let s = store.stats().unwrap();
    assert_eq!((s.clusters, s.events), (2, 1));
    let nulls: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM articles WHERE minhash IS NULL OR cluster_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(nulls, 0);
    // Old content still dedups, new content goes in.
    let old_text: String = store
        .connection()
        .query_row("SELECT text FROM articles ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(!store
        .insert(
            &doc("https://x.example.com/", &old_text, vec![]),
            &ArticleMeta::default()
        )
        .unwrap()
        .is_stored());
    assert!(store
        .insert(
            &doc("https://x.example.com/2", "Fresh news.", vec![]),
            &ArticleMeta::default()
        )
        .unwrap()
        .is_stored());
    drop(store);
    // Reopening a current store is a no-op.
    assert_eq!(Store::open(&path).unwrap().article_count().unwrap(), 3);
}

#[test]
fn newer_and_foreign_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.db");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let e = Store::open(&newer).err().unwrap().to_string();
    assert!(e.contains("newer"), "{e}");
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x);")
        .unwrap();
    let e = Store::open(&foreign).err().unwrap().to_string();
    assert!(e.contains("not a parley store"), "{e}");
}

/// Writes the committed v1 fixture (run once with `--ignored` when the v1 schema fixture must be
/// regenerated; v1 is frozen, so it never should be).
#[test]
#[ignore]
fn make_v1_fixture() {
    let _ = std::fs::remove_file(FIXTURE_V1);
    let c = rusqlite::Connection::open(FIXTURE_V1).unwrap();
    c.execute_batch(parley_store::schema::V1).unwrap();
    let t1 = "The old lighthouse was relit on Thursday. The mayor praised the volunteers.";
    let t2 = "The ferry to the island resumed service after repairs.";
    let (h1, h2) = (
        parley_store::fingerprint::content_hash(t1),
        parley_store::fingerprint::content_hash(t2),
    );
    c.execute_batch(&format!(
        "INSERT INTO sources(id, name) VALUES (1, 'coast.example.org');
         INSERT INTO articles(id, source_id, url, url_key, content_hash, title, authors, published, day, text, origin, added)
           VALUES (1, 1, 'https://coast.example.org/light', 'coast.example.org/light', '{h1}', 'Lighthouse relit',
                   '[]', '2019-05-02', 20190502, '{t1}',
                   'fixture:1', '2019-05-03T00:00:00Z'),
                  (2, 1, 'https://coast.example.org/ferry', NULL, '{h2}', 'Ferry resumes', '[]', '2019-05-04', 20190504,
                   '{t2}', 'fixture:2', '2019-05-05T00:00:00Z');
         INSERT INTO quotes(article_id, text, start, \"end\", kind, cue, speaker_text, speaker_name, sentence)
           VALUES (1, 'a beacon for the whole coast', 0, 10, 'direct', 'said', 'the mayor', 'the mayor', 1);
         INSERT INTO events(id, day, source_key, target_key, cameo, negated, mode, source_code, source_name, root, quad_class,
                            goldstein, is_root, num_mentions, num_sources, num_articles, first_article_id, added)
           VALUES (1, 20190502, '~the mayor', '', '051', 0, '', NULL, 'the mayor', '05', 1, 3.4, 0, 1, 1, 1, 1,
                   '2019-05-03T00:00:00Z');
         INSERT INTO event_mentions(event_id, article_id, sentence, evidence, verb, verb_start, verb_end, source_text)
           VALUES (1, 1, 1, 'The mayor praised the volunteers.', 'praised', 52, 59, 'The mayor');
         INSERT INTO event_sources VALUES (1, 1);
         INSERT INTO inputs VALUES ('fixture:1', 1), ('fixture:2', 2);
         PRAGMA user_version = 1;"
    ))
    .unwrap();
    c.execute_batch("VACUUM;").unwrap();
}
