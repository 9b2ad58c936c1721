//! Ingest: HTML files, folders, WARC and JSONL into the store, on all cores.
//!
//! Main entry: [`ingest`] with a [`Config`]; it returns a [`Summary`] (counts and skip reasons).
//! Inputs ([`Input`]) are found by [`collect_inputs`]: files, folders (recursive), WARC /
//! WARC.gz, JSONL (`{"url", "html" | "text", "date"}` per line) and flattened text pages.
//!
//! The work runs as a channel pipeline with bounded queues (so memory stays bounded):
//! one reader thread (walks folders, streams WARC and JSONL records) → `threads` analysis
//! workers (read and gunzip files, extract, fingerprint, skip already-stored texts, analyse) →
//! the calling thread, the single database writer, committing batches of articles (each article
//! in its own savepoint, so a crash or a failure never leaves part of one).
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("parley-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let page = "<html><head><title>Talks resume</title></head><body><article><p>Envoys from both \
//!     countries met in the capital on Friday and agreed to resume the talks next month.</p>\
//!     <p>The ministers said the meeting had been useful and that a second round would follow \
//!     before the end of the year.</p></article></body></html>";
//! std::fs::write(dir.join("page.html"), page).unwrap();
//! let pipeline = parley_pipeline::Pipeline::new(parley_pipeline::Config::default()).unwrap();
//! let inputs = parley_ingest::collect_inputs(&[dir.clone()]);
//! let cfg = parley_ingest::Config { threads: 1, ..Default::default() };
//! let db = dir.join("doc.db");
//! let first = parley_ingest::ingest(&inputs, &db, &pipeline, &cfg, &mut |_| {}).unwrap();
//! let again = parley_ingest::ingest(&inputs, &db, &pipeline, &cfg, &mut |_| {}).unwrap();
//! assert_eq!((first.stored, again.stored, again.duplicates), (1, 0, 1));
//! std::fs::remove_dir_all(&dir).unwrap();
//! ```

pub mod warc;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Receiver, Sender};
use parley_core::{Date, Document};
use parley_pipeline::{Options, Pipeline};
pub use parley_store::Store;
use parley_store::{ArticleMeta, Fingerprint, Outcome, StoreError};

/// Ingest errors (bad input is not an error: it is skipped and counted).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot start a worker thread: {0}")]
    Thread(std::io::Error),
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct Config {
    /// Analysis workers (default: the number of cores).
    pub threads: usize,
    /// Articles per database transaction.
    pub batch: usize,
    /// Largest page or record accepted (bytes, decompressed).
    pub max_bytes: u64,
    /// Article date for pages that do not give one.
    pub date: Option<Date>,
    /// Skip inputs already recorded in the store (by origin) and texts already stored.
    pub skip_seen: bool,
    /// Run the analysis stages (false: store extracted articles only — measures the ingest
    /// machinery itself).
    pub analyze: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            batch: 64,
            max_bytes: 16 * 1024 * 1024,
            date: None,
            skip_seen: true,
            analyze: true,
        }
    }
}

/// Counts of an ingest run.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Pages and records read (each article candidate once).
    pub pages: u64,
    /// New articles stored.
    pub stored: u64,
    /// Articles already in the store (same input, canonical URL or text), not stored again.
    pub duplicates: u64,
    /// Stored articles that joined a near-duplicate cluster.
    pub near_duplicates: u64,
    /// Event mentions stored.
    pub events: u64,
    /// Skipped inputs by reason.
    pub skips: BTreeMap<String, u64>,
    /// WARC records that are not responses (requests, metadata, warcinfo): ignored, not skips.
    pub ignored_records: u64,
    pub elapsed: Duration,
    /// Time the writer spent in database transactions.
    pub db_time: Duration,
}

impl Summary {
    pub fn skipped(&self) -> u64 {
        self.skips.values().sum()
    }
    fn skip(&mut self, reason: &str) {
        *self.skips.entry(reason.to_string()).or_default() += 1;
    }
}

/// One input path and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An HTML page or flattened text page (optionally gzipped).
    Page(PathBuf),
    Warc(PathBuf),
    Jsonl(PathBuf),
    /// A path that cannot be read (missing, permission): skipped with its reason.
    Unreadable(PathBuf, String),
}

fn lower_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Classifies a file by name, then by its first bytes.
pub fn classify(p: &Path) -> Option<Input> {
    let name = lower_name(p);
    let base = name.strip_suffix(".gz").unwrap_or(&name);
    if base.ends_with(".warc") || base.ends_with(".arc") {
        return Some(Input::Warc(p.to_path_buf()));
    }
    if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        return Some(Input::Jsonl(p.to_path_buf()));
    }
    if [".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        return Some(Input::Page(p.to_path_buf()));
    }
    if [".db", "-wal", "-shm", "-journal", ".sqlite"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        return None; // a database (perhaps the store itself) is never a page
    }
    let has_ext = base
        .rsplit_once('.')
        .is_some_and(|(_, e)| (1..=5).contains(&e.len()));
    if has_ext {
        return None;
    }
    // No extension: sniff.
    let mut head = [0u8; 512];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let mut h = head[..n].to_vec();
    if h.starts_with(&[0x1f, 0x8b]) {
        let mut d = Vec::new();
        let _ = flate2::read::GzDecoder::new(&h[..])
            .take(256)
            .read_to_end(&mut d);
        h = d;
    }
    if h.starts_with(b"WARC/") {
        Some(Input::Warc(p.to_path_buf()))
    } else if h.trim_ascii_start().starts_with(b"{") {
        Some(Input::Jsonl(p.to_path_buf()))
    } else {
        Some(Input::Page(p.to_path_buf()))
    }
}

/// Expands paths: files as given, folders recursively (sorted, hidden entries skipped, files of
/// unknown type ignored).
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => out.push(Input::Unreadable(p.clone(), io_reason(&e))),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(classify(p).unwrap_or_else(|| Input::Page(p.clone()))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(Input::Unreadable(dir.to_path_buf(), io_reason(&e)));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if lower_name(&p).starts_with('.') {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, out),
            Ok(m) if m.is_file() => {
                if let Some(i) = classify(&p) {
                    out.push(i);
                }
            }
            Ok(_) => {}
            Err(e) => out.push(Input::Unreadable(p, io_reason(&e))),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => "read error".into(),
    }
}

/// A unit of analysis work.
enum Work {
    /// A page file: the worker reads it.
    File { origin: String, path: PathBuf },
    /// A page already in memory (WARC record, JSONL line).
    Page {
        origin: String,
        bytes: Vec<u8>,
        url: Option<String>,
        date: Option<Date>,
        text: bool,
    },
}

/// A worker's answer.
enum Done {
    Analyzed(Box<(Document, ArticleMeta)>),
    /// Already in the store (input or text), found before analysis.
    Seen,
    Skip(String, String),
    /// Not an article candidate (non-response WARC record).
    Ignored,
}

/// Stable key of a path for origins.
fn path_key(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Runs the ingest; `progress` is called on the writer thread after each batch.
pub fn ingest(
    inputs: &[Input],
    db: &Path,
    pipeline: &Pipeline,
    cfg: &Config,
    progress: &mut dyn FnMut(&Summary),
) -> Result<Summary, IngestError> {
    let start = Instant::now();
    let mut store = Store::open(db)?;
    let threads = cfg.threads.max(1);
    let (work_tx, work_rx) = bounded::<Work>(threads * 4);
    let (done_tx, done_rx) = bounded::<Done>(threads * 4 + cfg.batch);
    let mut summary = Summary::default();

    std::thread::scope(|s| -> Result<(), IngestError> {
        // Reader.
        {
            let done_tx = done_tx.clone();
            let cfg = cfg.clone();
            let db = db.to_path_buf();
            std::thread::Builder::new()
                .name("parley-reader".into())
                .spawn_scoped(s, move || read_inputs(inputs, &db, &cfg, work_tx, done_tx))
                .map_err(IngestError::Thread)?;
        }
        // Workers.
        for i in 0..threads {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let cfg = cfg.clone();
            let db = db.to_path_buf();
            std::thread::Builder::new()
                .name(format!("parley-worker-{i}"))
                .spawn_scoped(s, move || {
                    let reader = if cfg.skip_seen {
                        Store::open_read_only(&db).ok()
                    } else {
                        None
                    };
                    for w in work_rx.iter() {
                        let d = analyze(w, pipeline, &cfg, reader.as_ref());
                        if done_tx.send(d).is_err() {
                            break;
                        }
                    }
                })
                .map_err(IngestError::Thread)?;
        }
        drop(done_tx);
        drop(work_rx);
        // Writer (this thread).
        write_loop(&mut store, done_rx, cfg, &mut summary, start, progress)
    })?;
    summary.elapsed = start.elapsed();
    Ok(summary)
}

fn write_loop(
    store: &mut Store,
    done_rx: Receiver<Done>,
    cfg: &Config,
    summary: &mut Summary,
    start: Instant,
    progress: &mut dyn FnMut(&Summary),
) -> Result<(), IngestError> {
    let mut batch: Vec<(Document, ArticleMeta)> = Vec::with_capacity(cfg.batch);
    let mut last_flush = Instant::now();
    let flush_every = Duration::from_millis(500);
    let mut open = true;
    while open {
        match done_rx.recv_timeout(flush_every) {
            Ok(Done::Analyzed(b)) => {
                summary.pages += 1;
                batch.push(*b);
            }
            Ok(Done::Seen) => {
                summary.pages += 1;
                summary.duplicates += 1;
            }
            Ok(Done::Skip(reason, origin)) => {
                summary.pages += 1;
                summary.skip(&reason);
                log_skip(&reason, &origin);
            }
            Ok(Done::Ignored) => summary.ignored_records += 1,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => open = false,
        }
        if batch.len() >= cfg.batch.max(1)
            || (!batch.is_empty() && (last_flush.elapsed() >= flush_every || !open))
        {
            let t = Instant::now();
            let outs = store.insert_batch(batch.iter().map(|(d, m)| (d, m)))?;
            summary.db_time += t.elapsed();
            for (o, (_, meta)) in outs.into_iter().zip(&batch) {
                match o {
                    Ok(Outcome::Stored {
                        near_duplicate,
                        events,
                        ..
                    }) => {
                        summary.stored += 1;
                        summary.events += events as u64;
                        summary.near_duplicates += near_duplicate as u64;
                    }
                    Ok(Outcome::Duplicate { .. }) => summary.duplicates += 1,
                    Err(e) => {
                        summary.skip("store: article rejected");
                        log_skip(&format!("store: {e}"), meta.origin.as_deref().unwrap_or(""));
                    }
                }
            }
            batch.clear();
            last_flush = Instant::now();
            summary.elapsed = start.elapsed();
            progress(summary);
        } else if last_flush.elapsed() >= flush_every {
            last_flush = Instant::now();
            summary.elapsed = start.elapsed();
            progress(summary);
        }
    }
    Ok(())
}

/// How many skips are logged to standard error when `PARLEY_LOG` is not set.
pub const LOGGED_SKIPS: usize = 10;

/// Skips are logged to standard error: the first [`LOGGED_SKIPS`] of a run, or all of them when
/// `PARLEY_LOG` is set; the counts by reason are always in the summary.
fn log_skip(reason: &str, origin: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static ALL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    static N: AtomicUsize = AtomicUsize::new(0);
    let all = *ALL.get_or_init(|| std::env::var_os("PARLEY_LOG").is_some());
    let n = N.fetch_add(1, Ordering::Relaxed);
    if all || n < LOGGED_SKIPS {
        eprintln!("parley: skipped {origin}: {reason}");
    } else if n == LOGGED_SKIPS {
        eprintln!("parley: further skips are counted only (PARLEY_LOG=1 lists every one)");
    }
}

fn read_inputs(inputs: &[Input], db: &Path, cfg: &Config, work: Sender<Work>, done: Sender<Done>) {
    let seen = if cfg.skip_seen {
        Store::open_read_only(db).ok()
    } else {
        None
    };
    let is_seen = |origin: &str| {
        seen.as_ref()
            .is_some_and(|s| s.has_origin(origin).unwrap_or(false))
    };
    for input in inputs {
        let ok = match input {
            Input::Unreadable(p, why) => done
                .send(Done::Skip(
                    format!("unreadable: {why}"),
                    p.display().to_string(),
                ))
                .is_ok(),
            Input::Page(p) => {
                let origin = path_key(p);
                if is_seen(&origin) {
                    done.send(Done::Seen).is_ok()
                } else {
                    work.send(Work::File {
                        origin,
                        path: p.clone(),
                    })
                    .is_ok()
                }
            }
            Input::Warc(p) => read_warc(p, cfg, &work, &done, &is_seen),
            Input::Jsonl(p) => read_jsonl(p, cfg, &work, &done, &is_seen),
        };
        if !ok {
            return;
        }
    }
}

fn open_maybe_gz(p: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let mut f = BufReader::with_capacity(1 << 16, std::fs::File::open(p)?);
    let gz = f.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(f),
        ))
    } else {
        Box::new(f)
    })
}

/// Streams a WARC file's response records to the workers. Returns false when the run is over.
fn read_warc(
    p: &Path,
    cfg: &Config,
    work: &Sender<Work>,
    done: &Sender<Done>,
    is_seen: &dyn Fn(&str) -> bool,
) -> bool {
    let key = path_key(p);
    let r = match open_maybe_gz(p) {
        Ok(r) => r,
        Err(e) => {
            return done
                .send(Done::Skip(format!("unreadable: {}", io_reason(&e)), key))
                .is_ok()
        }
    };
    let mut n = 0u64;
    for item in warc::WarcReader::new(r, cfg.max_bytes) {
        n += 1;
        let msg = match item {
            warc::Item::Skip(why, uri) => {
                Err(Done::Skip(why.to_string(), format!("{key}#{n} {uri}")))
            }
            warc::Item::Record(rec) => {
                let wtype = rec.header("warc-type").unwrap_or("").to_ascii_lowercase();
                if wtype != "response" && wtype != "resource" {
                    Err(Done::Ignored)
                } else {
                    let uri = rec
                        .header("warc-target-uri")
                        .map(|u| u.trim_matches(['<', '>']).to_string());
                    let id = rec
                        .header("warc-record-id")
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("#{n}"));
                    let origin = format!("{key}#{id}");
                    if is_seen(&origin) {
                        Err(Done::Seen)
                    } else {
                        match record_page(&rec, wtype == "response") {
                            Ok(bytes) => Ok(Work::Page {
                                origin,
                                bytes,
                                url: uri,
                                date: cfg.date,
                                text: false,
                            }),
                            Err(why) => Err(Done::Skip(why, origin)),
                        }
                    }
                }
            }
        };
        let sent = match msg {
            Ok(w) => work.send(w).is_ok(),
            Err(d) => done.send(d).is_ok(),
        };
        if !sent {
            return false;
        }
    }
    true
}

/// The HTML payload of a WARC record, or why it is skipped.
fn record_page(rec: &warc::Record, is_response: bool) -> Result<Vec<u8>, String> {
    let (ctype, body, status) = if is_response {
        let http = warc::parse_http(&rec.block).map_err(str::to_string)?;
        let ct = http.header("content-type").unwrap_or("").to_string();
        let enc = http
            .header("content-encoding")
            .unwrap_or("")
            .to_ascii_lowercase();
        let mut body = http.body;
        if (enc.contains("gzip") || enc.contains("deflate")) && body.starts_with(&[0x1f, 0x8b]) {
            let mut d = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(64 << 20)
                .read_to_end(&mut d)
                .map_err(|_| "HTTP: bad gzip content encoding".to_string())?;
            body = d;
        }
        (ct, body, http.status)
    } else {
        (
            rec.header("content-type").unwrap_or("").to_string(),
            rec.block.clone(),
            200,
        )
    };
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {}xx", status / 100));
    }
    let ct = ctype.to_ascii_lowercase();
    let htmlish = ct.is_empty() || ct.contains("html") || ct.starts_with("text/plain");
    if !htmlish {
        return Err("not HTML (content type)".into());
    }
    if let Some(cs) = warc::charset_param(&ctype) {
        if encoding_rs::Encoding::for_label(cs.as_bytes()).is_none() {
            return Err("unknown charset".into());
        }
    }
    Ok(body)
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

fn read_jsonl(
    p: &Path,
    cfg: &Config,
    work: &Sender<Work>,
    done: &Sender<Done>,
    is_seen: &dyn Fn(&str) -> bool,
) -> bool {
    let key = path_key(p);
    let mut r = match open_maybe_gz(p) {
        Ok(r) => r,
        Err(e) => {
            return done
                .send(Done::Skip(format!("unreadable: {}", io_reason(&e)), key))
                .is_ok()
        }
    };
    let mut line = Vec::new();
    let mut n = 0u64;
    loop {
        line.clear();
        match (&mut r)
            .take(cfg.max_bytes + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                let why = if e.kind() == std::io::ErrorKind::UnexpectedEof {
                    "gzip: truncated stream"
                } else {
                    "read error"
                };
                return done.send(Done::Skip(why.into(), key)).is_ok();
            }
        }
        n += 1;
        if line.len() as u64 > cfg.max_bytes {
            // Drain the rest of the over-long line.
            let _ = r.skip_until(b'\n');
            if done
                .send(Done::Skip(
                    "JSONL: line over the size limit".into(),
                    format!("{key}:{n}"),
                ))
                .is_err()
            {
                return false;
            }
            continue;
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        let origin = format!("{key}:{n}");
        let msg = match serde_json::from_slice::<JsonRecord>(&line) {
            Err(_) => Err(Done::Skip("JSONL: not a JSON object".into(), origin)),
            Ok(rec) => {
                let origin = match &rec.id {
                    Some(serde_json::Value::String(s)) => format!("{key}#{s}"),
                    Some(v) if !v.is_null() => format!("{key}#{v}"),
                    _ => origin,
                };
                let date = rec.date.as_deref().and_then(Date::parse_iso).or(cfg.date);
                if is_seen(&origin) {
                    Err(Done::Seen)
                } else if let Some(h) = rec.html {
                    Ok(Work::Page {
                        origin,
                        bytes: h.into_bytes(),
                        url: rec.url,
                        date,
                        text: false,
                    })
                } else if let Some(t) = rec.text {
                    Ok(Work::Page {
                        origin,
                        bytes: t.into_bytes(),
                        url: rec.url,
                        date,
                        text: true,
                    })
                } else {
                    Err(Done::Skip("JSONL: no html or text field".into(), origin))
                }
            }
        };
        let sent = match msg {
            Ok(w) => work.send(w).is_ok(),
            Err(d) => done.send(d).is_ok(),
        };
        if !sent {
            return false;
        }
    }
}

/// Reads a page file (gunzipping), or says why it is skipped.
fn read_page_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("unreadable: {}", io_reason(&e)))?;
    let mut raw = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut raw)
        .map_err(|e| format!("unreadable: {}", io_reason(&e)))?;
    if raw.is_empty() {
        return Err("empty file".into());
    }
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(max + 1)
            .read_to_end(&mut out)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::UnexpectedEof {
                    "gzip: truncated stream".to_string()
                } else {
                    "gzip: corrupt stream".to_string()
                }
            })?;
        out
    } else {
        raw
    };
    if bytes.len() as u64 > max {
        return Err("page over the size limit".into());
    }
    Ok(bytes)
}

/// The charset a page declares in its first 2 KiB (`<meta charset=…>` or `content="…charset=…"`).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let i = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &head[i + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest.iter().position(|&b| {
        !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':' || b == b'.')
    })?;
    let label = String::from_utf8_lossy(&rest[..end]).into_owned();
    (!label.is_empty()).then_some(label)
}

fn analyze(w: Work, pipeline: &Pipeline, cfg: &Config, reader: Option<&Store>) -> Done {
    let (origin, bytes, url, date, text) = match w {
        Work::File { origin, path } => match read_page_file(&path, cfg.max_bytes) {
            Ok(b) => (origin, b, None, cfg.date, false),
            Err(why) => return Done::Skip(why, origin),
        },
        Work::Page {
            origin,
            bytes,
            url,
            date,
            text,
        } => (origin, bytes, url, date, text),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Done::Skip("empty page".into(), origin);
    }
    if !text {
        if let Some(cs) = declared_charset(&bytes) {
            if encoding_rs::Encoding::for_label(cs.as_bytes()).is_none() {
                return Done::Skip("unknown charset".into(), origin);
            }
        }
    }
    let opts = Options {
        date,
        url: url.clone(),
        kind: None,
        tokens: false,
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(
        || -> Result<Option<(Document, Fingerprint)>, String> {
            enum Src {
                Page(Box<parley_extract::Extracted>),
                Text(String),
            }
            let src = if text {
                Src::Text(match String::from_utf8(bytes) {
                    Ok(s) => s,
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                })
            } else {
                Src::Page(Box::new(
                    pipeline
                        .extract(&bytes, &opts)
                        .map_err(|e| format!("extract: {e}"))?,
                ))
            };
            // Early dedup on the extracted text: repeats skip the expensive stages.
            let text_now = match &src {
                Src::Page(ex) => ex.article.text.as_str(),
                Src::Text(s) => s.as_str(),
            };
            if text_now.trim().is_empty() {
                return Err("extract: no article text".into());
            }
            let fp = Fingerprint::of(text_now);
            if let Some(r) = reader {
                let known = r
                    .connection()
                    .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")
                    .and_then(|mut st| st.exists([&fp.content_hash]))
                    .unwrap_or(false);
                if known {
                    return Ok(None);
                }
            }
            if !cfg.analyze {
                let article = match src {
                    Src::Page(ex) => ex.article,
                    Src::Text(s) => parley_core::Article {
                        url: url.clone(),
                        text: s,
                        ..Default::default()
                    },
                };
                return Ok(Some((
                    Document {
                        article,
                        ..Document::default()
                    },
                    fp,
                )));
            }
            let doc = match src {
                Src::Page(ex) => pipeline.analyze_extracted(*ex, &opts),
                Src::Text(s) => pipeline.analyze_text(s, &opts),
            };
            Ok(Some((doc, fp)))
        },
    ));
    match result {
        Ok(Ok(Some((doc, fp)))) => {
            // Stages never rewrite the article text, so the fingerprint still holds.
            Done::Analyzed(Box::new((
                doc,
                ArticleMeta {
                    origin: Some(origin),
                    fingerprint: Some(fp),
                },
            )))
        }
        Ok(Ok(None)) => Done::Seen,
        Ok(Err(why)) => Done::Skip(why, origin),
        Err(_) => Done::Skip("analysis failed (internal error)".into(), origin),
    }
}

/// What [`ingest_sequential`] measured.
#[derive(Debug, Clone, Default)]
pub struct SequentialRun {
    pub stored: u64,
    /// Reading, extraction, fingerprints and the analysis stages.
    pub analysis: Duration,
    /// Database transactions.
    pub store: Duration,
}

/// Analyses and stores pages one by one on the calling thread (the `parley bench ingest` path).
pub fn ingest_sequential(
    pages: &[(String, Vec<u8>)],
    store: &mut Store,
    pipeline: &Pipeline,
) -> Result<SequentialRun, IngestError> {
    let cfg = Config {
        skip_seen: false,
        ..Config::default()
    };
    let mut run = SequentialRun::default();
    for chunk in pages.chunks(cfg.batch) {
        let t = Instant::now();
        let mut batch = Vec::new();
        for (origin, bytes) in chunk {
            let w = Work::Page {
                origin: origin.clone(),
                bytes: bytes.clone(),
                url: None,
                date: None,
                text: false,
            };
            if let Done::Analyzed(b) = analyze(w, pipeline, &cfg, None) {
                batch.push(*b);
            }
        }
        run.analysis += t.elapsed();
        let t = Instant::now();
        let outs = store.insert_batch(batch.iter().map(|(d, m)| (d, m)))?;
        run.store += t.elapsed();
        run.stored += outs
            .iter()
            .filter(|o| matches!(o, Ok(o) if o.is_stored()))
            .count() as u64;
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_are_found() {
        let check = |input: &str, expected: Option<&str>| {
            assert_eq!(
                declared_charset(input.as_bytes()).as_deref(),
                expected,
                "{input}"
            )
        };
        check("<meta charset=\"utf-8\"><p>x</p>", Some("utf-8"));
        check(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
            Some("windows-1252"),
        );
        check("<p>no declaration</p>", None);
        check("<meta charset='x-no-such-thing'>", Some("x-no-such-thing"));
    }
}
