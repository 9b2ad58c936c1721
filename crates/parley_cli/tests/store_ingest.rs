//! `parley ingest` / `events` / `export` / `stats` against the real binary: idempotence, bad
//! input, exit codes, and a kill -9 in the middle of an ingest.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn parley() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parley"));
    c.env_remove("PARLEY_DB").env_remove("PARLEY_LOG");
    c
}

fn run(args: &[&str]) -> Output {
    parley()
        .args(args)
        .output()
        .expect("the parley binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn page(i: usize) -> String {
    format!(
        "<!doctype html><html><head><title>Harbour report {i}</title></head><body><article>\
         <h1>Harbour report {i}</h1>\
         <p>The port authority of Ostervik reopened berth {i} on Monday after repairs that lasted {d} weeks, \
         officials said in a statement.</p>\
         <p>Fishing crews had waited since the storm in week {w} for the cranes to be tested again.</p>\
         <p>The authority said traffic through pier {i} would return to normal by the end of the month.</p>\
         </article></body></html>",
        d = i % 7 + 2,
        w = i % 50 + 1
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, content_type: &str, body: &[u8], lie: Option<usize>) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    let len = lie.unwrap_or(http.len());
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn count(db: &Path, sql: &str) -> i64 {
    let s = parley_store::Store::open_read_only(db).unwrap();
    s.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn ingest_is_idempotent_counts_bad_input_and_exports_gdelt() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    for i in 0..12 {
        let sub = if i % 2 == 0 { "sub/" } else { "" };
        std::fs::write(pages.join(format!("{sub}p{i}.html")), page(i)).unwrap();
    }
    std::fs::write(pages.join("p12.html.gz"), gz(page(12).as_bytes())).unwrap();
    // Bad inputs: a 0-byte file, a truncated gzip, an unknown charset.
    std::fs::write(pages.join("empty.html"), b"").unwrap();
    let g = gz(page(13).as_bytes());
    std::fs::write(pages.join("cut.html.gz"), &g[..g.len() / 2]).unwrap();
    std::fs::write(
        pages.join("odd.html"),
        page(14).replace("<head>", "<head><meta charset=\"x-unheard-of\">"),
    )
    .unwrap();
    // A WARC with a good record, a non-HTML record, a lying Content-Length, then a good record.
    let mut w = warc_record(
        "http://news.example.org/a",
        "text/html; charset=utf-8",
        page(15).as_bytes(),
        None,
    );
    w.extend(warc_record(
        "http://news.example.org/logo.png",
        "image/png",
        b"\x89PNG....",
        None,
    ));
    let body = page(16);
    w.extend(warc_record(
        "http://news.example.org/b",
        "text/html",
        body.as_bytes(),
        Some(body.len() / 2),
    ));
    w.extend(warc_record(
        "http://news.example.org/c",
        "text/html",
        page(17).as_bytes(),
        None,
    ));
    std::fs::write(dir.path().join("crawl.warc.gz"), gz(&w)).unwrap();
    let db = dir.path().join("t.db");
    let dbs = db.to_str().unwrap();

    let o = run(&[
        "ingest",
        pages.to_str().unwrap(),
        dir.path().join("crawl.warc.gz").to_str().unwrap(),
        "--db",
        dbs,
    ]);
    let out = stdout(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.starts_with("ingested 15 articles"), "{out}");
    for reason in [
        "empty file",
        "gzip: truncated stream",
        "unknown charset",
        "not HTML (content type)",
        "Content-Length does not match",
    ] {
        assert!(
            out.contains(reason),
            "missing skip reason {reason:?} in:\n{out}"
        );
    }
    assert!(out.contains("skipped: 5"), "{out}");
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 15);

    // Second run: nothing new.
    let o = run(&[
        "ingest",
        pages.to_str().unwrap(),
        dir.path().join("crawl.warc.gz").to_str().unwrap(),
        "--db",
        dbs,
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.starts_with("ingested 0 articles"), "{out}");
    assert!(out.contains("already stored: 15"), "{out}");
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 15);

    // A copy of a page under another name is the same article.
    std::fs::write(dir.path().join("copy.html"), page(3)).unwrap();
    let o = run(&[
        "ingest",
        dir.path().join("copy.html").to_str().unwrap(),
        "--db",
        dbs,
    ]);
    assert!(
        stdout(&o).starts_with("ingested 0 articles"),
        "{}",
        stdout(&o)
    );
    assert_eq!(o.status.code(), Some(0));

    // Stats and the GDELT export layout.
    let o = run(&["stats", "--db", dbs, "--format", "jsonl"]);
    let s: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(s["articles"], 15);
    let o = run(&["export", "--format", "gdelt", "--db", dbs]);
    assert_eq!(o.status.code(), Some(0));
    for l in stdout(&o).lines() {
        assert_eq!(l.split('\t').count(), 61, "{l}");
    }
    let o = run(&["events", "--db", dbs, "--format", "csv"]);
    assert!(stdout(&o).starts_with("id,day,source_code"));
    let o = run(&["search", "harbour", "--db", dbs, "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).lines().count() >= 1);
}

#[test]
fn nothing_ingestible_exits_1_and_a_missing_store_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.html"), b"").unwrap();
    let db = dir.path().join("t.db");
    let o = run(&[
        "ingest",
        dir.path().join("empty.html").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = run(&[
        "ingest",
        dir.path().join("absent.html").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("no such file"));
    let o = run(&[
        "events",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("parley: no store at") && err.lines().count() == 1,
        "{err}"
    );
}

/// Per input: (origin, entities, quotes, event mentions) — what a complete article leaves.
fn per_input(db: &Path) -> Vec<(String, i64, i64, i64)> {
    let s = parley_store::Store::open_read_only(db).unwrap();
    let mut st = s
        .connection()
        .prepare(
            "SELECT a.origin,
                    (SELECT count(*) FROM entities WHERE article_id = a.id),
                    (SELECT count(*) FROM quotes WHERE article_id = a.id),
                    (SELECT count(*) FROM event_mentions WHERE article_id = a.id)
             FROM articles a ORDER BY a.origin",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn consistent(db: &Path) {
    assert_eq!(
        {
            let s = parley_store::Store::open_read_only(db).unwrap();
            s.connection()
                .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap()
        },
        "ok"
    );
    // Every event record's counts match its stored mentions.
    let bad = count(
        db,
        "SELECT count(*) FROM events e WHERE e.num_mentions <> (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id)
            OR e.num_articles <> (SELECT count(DISTINCT article_id) FROM event_mentions m WHERE m.event_id = e.id)",
    );
    assert_eq!(bad, 0);
    assert_eq!(
        count(
            db,
            "SELECT count(*) FROM articles WHERE origin NOT IN (SELECT origin FROM inputs)"
        ),
        0
    );
}

#[test]
fn kill_9_mid_ingest_leaves_no_partial_article_and_a_rerun_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("records.jsonl");
    let n = 1500;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&jsonl).unwrap());
        for i in 0..n {
            let text = format!(
                "The council of Lindholm {i} approved a budget of {a} crowns on Tuesday. \
                 Mayor Eva Strand said the council would meet the regional government in {m} to discuss the bridge. \
                 \"We will not wait another year,\" she told reporters.",
                a = i * 37 % 1000 + 100,
                m = ["March", "April", "May", "June"][i % 4]
            );
            let rec = serde_json::json!({"id": format!("r{i}"), "url": format!("https://council.example.org/{i}"), "text": text, "date": "2021-02-02"});
            writeln!(f, "{rec}").unwrap();
        }
    }
    let clean: PathBuf = dir.path().join("clean.db");
    let crashed: PathBuf = dir.path().join("crashed.db");
    let args = |db: &Path| -> Vec<String> {
        vec![
            "ingest".into(),
            jsonl.display().to_string(),
            "--db".into(),
            db.display().to_string(),
            "--batch".into(),
            "4".into(),
            "-q".into(),
        ]
    };

    let mut child = parley()
        .args(args(&crashed))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    let mut killed_mid_run = false;
    loop {
        if let Some(_status) = child.try_wait().unwrap() {
            break; // finished before we could kill it (a very fast machine)
        }
        let stored = if crashed.exists() {
            parley_store::Store::open_read_only(&crashed)
                .ok()
                .and_then(|s| {
                    s.connection()
                        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
                        .ok()
                })
                .unwrap_or(0)
        } else {
            0
        };
        if stored >= 40 {
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            killed_mid_run = true;
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(600),
            "ingest made no progress"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    if !killed_mid_run {
        eprintln!(
            "note: the ingest finished before it could be killed; the crash path was not exercised"
        );
    }
    let after_kill = count(&crashed, "SELECT count(*) FROM articles");
    assert!(after_kill >= 40 || !killed_mid_run);
    consistent(&crashed);

    // Re-run: finishes the rest.
    let o = parley().args(args(&crashed)).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // A clean run for reference.
    let o = parley().args(args(&clean)).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    consistent(&crashed);
    let (a, b) = (per_input(&crashed), per_input(&clean));
    assert_eq!(a.len(), b.len());
    assert_eq!(a, b, "an article interrupted by the kill was left partial");
    assert_eq!(
        count(&crashed, "SELECT count(*) FROM event_mentions"),
        count(&clean, "SELECT count(*) FROM event_mentions")
    );
    assert_eq!(
        count(
            &crashed,
            "SELECT coalesce(sum(num_mentions), 0) FROM events"
        ),
        count(&clean, "SELECT coalesce(sum(num_mentions), 0) FROM events")
    );
}
