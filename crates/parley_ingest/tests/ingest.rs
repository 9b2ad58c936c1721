//! The ingest library on messy inputs: per-record gzip WARC cut short, JSONL with bad lines,
//! text pages, repeats under new URLs, and the shared pages when they are present.

use std::io::Write;
use std::path::{Path, PathBuf};

use parley_ingest::{collect_inputs, ingest, Config, Summary};
use parley_pipeline::Pipeline;

fn pipeline() -> Pipeline {
    Pipeline::new(parley_pipeline::Config::default()).unwrap()
}

fn cfg() -> Config {
    Config {
        threads: 2,
        batch: 3,
        ..Config::default()
    }
}

fn run(paths: &[PathBuf], db: &Path) -> Summary {
    ingest(&collect_inputs(paths), db, &pipeline(), &cfg(), &mut |_| {}).unwrap()
}

fn page(topic: &str, i: usize) -> String {
    format!(
        "<html><head><title>{topic} report {i}</title></head><body><article>\
         <p>The {topic} committee met on Wednesday to review item {i} of its agenda, and members \
         agreed to publish the findings before the summer recess.</p>\
         <p>A spokesman said the committee expected to hear from {n} witnesses in the coming weeks.</p>\
         </article></body></html>",
        n = i % 9 + 2
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:{uri}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

fn skips(s: &Summary, reason: &str) -> u64 {
    s.skips.get(reason).copied().unwrap_or(0)
}

#[test]
fn a_gzip_warc_cut_short_keeps_the_records_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Vec::new();
    w.extend(gz(
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n",
    ));
    for i in 0..6 {
        w.extend(gz(&warc_record(
            &format!("http://a.example.org/{i}"),
            &page("budget", i),
        )));
    }
    let cut = w.len() - 40;
    std::fs::write(dir.path().join("cut.warc.gz"), &w[..cut]).unwrap();
    let s = run(&[dir.path().join("cut.warc.gz")], &dir.path().join("t.db"));
    assert_eq!(s.stored, 5, "{s:?}");
    assert_eq!(skips(&s, "gzip: truncated stream"), 1, "{s:?}");
    assert_eq!(s.ignored_records, 1);
}

#[test]
fn jsonl_text_and_html_records_with_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.jsonl");
    let mut lines = vec![
        serde_json::json!({"url": "https://b.example.org/1", "html": page("harbour", 1), "date": "2022-05-06"}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"url": "https://b.example.org/2", "text": "The harbour committee met again on Thursday.\n\nIt agreed on a new timetable.", "date": "2022-05-07"}).to_string(),
        serde_json::json!({"url": "https://b.example.org/3"}).to_string(),
        String::new(),
    ];
    lines.push(
        serde_json::json!({"id": 7, "text": "A third record about the ferry timetable."})
            .to_string(),
    );
    std::fs::write(&p, lines.join("\n")).unwrap();
    let db = dir.path().join("t.db");
    let s = run(std::slice::from_ref(&p), &db);
    assert_eq!(s.stored, 3, "{s:?}");
    assert_eq!(skips(&s, "JSONL: not a JSON object"), 1);
    assert_eq!(skips(&s, "JSONL: no html or text field"), 1);
    let store = parley_store::Store::open(&db).unwrap();
    let published: Option<String> = store
        .connection()
        .query_row(
            "SELECT published FROM articles WHERE url = 'https://b.example.org/2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(published.as_deref(), Some("2022-05-07"));
    drop(store);
    // Again: every record is recognised before analysis.
    let s = run(&[p], &db);
    assert_eq!((s.stored, s.duplicates), (0, 3), "{s:?}");
}

#[test]
fn repeats_under_new_urls_fold_and_text_pages_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Vec::new();
    for pass in 0..3 {
        for i in 0..4 {
            w.extend(warc_record(
                &format!("http://mirror{pass}.example.net/{i}"),
                &page("rail", i),
            ));
        }
    }
    std::fs::write(dir.path().join("rep.warc"), &w).unwrap();
    std::fs::write(
        dir.path().join("flat.txt"),
        "Rail strike ends\n\nThe rail unions ended their strike on Sunday after talks with the operators.\n\n\
         Services will resume on Monday morning, the operators said.\n",
    )
    .unwrap();
    let s = run(&[dir.path().to_path_buf()], &dir.path().join("t.db"));
    assert_eq!(s.stored, 5, "{s:?}");
    assert_eq!(s.duplicates, 8, "{s:?}");
}

#[test]
fn the_shared_pages_ingest_with_few_skips() {
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/extraction/scrapinghub/html"
    );
    if !Path::new(shared).exists() {
        eprintln!("skipping: {shared} not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = run(&[PathBuf::from(shared)], &dir.path().join("t.db"));
    assert_eq!(s.pages, 181);
    assert!(s.stored >= 170, "{s:?}");
    assert_eq!(s.stored + s.duplicates + s.skipped(), s.pages);
}
