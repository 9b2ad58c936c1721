//! The embedded store: articles, entities, quotes and events in SQLite, deduplicated, queryable
//! and exportable.
//!
//! Main types: [`Store`] (open, [`Store::insert`], queries), [`ArticleMeta`] (where an article came
//! from), [`Outcome`] (stored or duplicate), [`EventRecord`] (a merged event with GDELT's
//! NumMentions / NumSources / NumArticles), [`Fingerprint`] (content hash + MinHash) and the
//! exporters in [`export`].
//!
//! Idempotence: an article whose canonical URL or whose whitespace-normalised text hash is
//! already stored is a duplicate and is not stored again. Crash safety: every article with its
//! entities, quotes and events is written in one transaction (or one savepoint of a batch).
//!
//! Event records merge mentions on the key (day, source actor, target actor, CAMEO code, negated,
//! mode): the day is the event's own date when it has day precision, else the article's date; an
//! actor is its CAMEO code, else its lower-cased name. NumMentions counts every mention (several
//! in one article count several times), NumArticles the distinct articles with a mention, and
//! NumSources the distinct sources (web hosts) — GDELT's definitions.
//!
//! ```
//! use parley_core::{Article, Document};
//! let mut store = parley_store::Store::open_in_memory().unwrap();
//! let doc = Document { article: Article { text: "Talks resumed on Friday.".into(), ..Article::default() }, ..Document::default() };
//! let first = store.insert(&doc, &parley_store::ArticleMeta::default()).unwrap();
//! let again = store.insert(&doc, &parley_store::ArticleMeta::default()).unwrap();
//! assert!(first.is_stored() && !again.is_stored());
//! assert_eq!(store.article_count().unwrap(), 1);
//! ```

pub mod export;
pub mod fingerprint;
mod query;
pub mod schema;

use std::collections::BTreeMap;
use std::path::Path;

use parley_core::{Date, Document, Event, EventMode};
use rusqlite::{params, Connection, OptionalExtension};

pub use fingerprint::Fingerprint;
pub use query::{EventFilter, EventRecord, QuoteFilter, QuoteRow, SearchHit, Stats};
pub use schema::SCHEMA_VERSION;

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot open the store at {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("the database has schema version {found}, newer than this parley supports ({supported}); upgrade parley")]
    TooNew { found: u32, supported: u32 },
    #[error("the file is an SQLite database but not a parley store")]
    NotAStore,
    #[error("export failed: {0}")]
    Export(String),
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Where an article came from, supplied by the ingester.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    /// The input it was read from (file path, `warc-file#record-uri`, `jsonl-file:line`): a
    /// re-run skips inputs already recorded.
    pub origin: Option<String>,
    /// Precomputed fingerprint of `article.text` (computed here when absent).
    pub fingerprint: Option<Fingerprint>,
}

/// Why an article was not stored again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateOf {
    /// The same input was ingested before.
    Origin,
    /// Same canonical URL.
    CanonicalUrl,
    /// Same text (whitespace-normalised hash).
    Content,
}

/// The result of [`Store::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stored {
        article_id: i64,
        /// The near-duplicate cluster (the id of its first article).
        cluster_id: i64,
        /// True when the article joined an existing cluster.
        near_duplicate: bool,
        events: usize,
    },
    Duplicate {
        article_id: i64,
        of: DuplicateOf,
    },
}

impl Outcome {
    pub fn is_stored(&self) -> bool {
        matches!(self, Outcome::Stored { .. })
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating and migrating as needed) the store at `path`, in WAL mode.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let shown = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source,
        })?;
        Self::setup(conn).map_err(|e| match e {
            StoreError::Sqlite(source) => StoreError::Open {
                path: shown,
                source,
            },
            e => e,
        })
    }

    /// Opens an existing store read-only (no migration); for concurrent readers during ingest.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let shown = path.as_ref().display().to_string();
        let conn = Connection::open_with_flags(
            path.as_ref(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: shown,
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let v = schema::version(&conn)?;
        if v > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Store { conn })
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -65_536)?; // 64 MiB page cache
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::version(&self.conn)
    }

    /// The underlying connection (for ad-hoc queries in tests and tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn article_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// Whether an input (see [`ArticleMeta::origin`]) was already ingested.
    pub fn has_origin(&self, origin: &str) -> Result<bool, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM inputs WHERE origin = ?1")?;
        Ok(st.exists([origin])?)
    }

    /// Stores one document in its own transaction.
    pub fn insert(&mut self, doc: &Document, meta: &ArticleMeta) -> Result<Outcome, StoreError> {
        let tx = self.conn.transaction()?;
        let mut fts = Vec::new();
        let out = insert_in(&tx, doc, meta, &mut fts)?;
        index_fts(&tx, &fts)?;
        tx.commit()?;
        Ok(out)
    }

    /// Stores many documents in one transaction, each in its own savepoint: a failing document
    /// is rolled back alone and reported in its slot; a crash loses the whole batch, never part
    /// of an article. The full-text rows of the stored documents are written after the last
    /// savepoint (FTS5 flushes its pending index to a new segment at every savepoint, which cost
    /// more than the rest of the write): an error there fails the whole batch.
    pub fn insert_batch<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a Document, &'a ArticleMeta)>,
    ) -> Result<Vec<Result<Outcome, StoreError>>, StoreError> {
        let mut tx = self.conn.transaction()?;
        let mut outs = Vec::new();
        let mut fts = Vec::new();
        for (doc, meta) in items {
            let sp = tx.savepoint()?;
            let n = fts.len();
            match insert_in(&sp, doc, meta, &mut fts) {
                Ok(o) => {
                    sp.commit()?;
                    outs.push(Ok(o));
                }
                Err(e) => {
                    drop(sp); // rolls back
                    fts.truncate(n);
                    outs.push(Err(e));
                }
            }
        }
        index_fts(&tx, &fts)?;
        tx.commit()?;
        Ok(outs)
    }
}

/// The canonical URL as a dedup key: scheme and `www.` dropped, host lower-cased, fragment and
/// trailing slash removed.
pub fn url_key(url: &str) -> Option<String> {
    let u = url.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .or_else(|| u.strip_prefix("//"))?;
    let rest = rest.split('#').next().unwrap_or("");
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let path = path.trim_end_matches('/');
    Some(format!("{host}{path}"))
}

/// The source (information source, as GDELT counts them) of an article: the URL's host without
/// `www.`, else the site name, else `unknown`.
pub fn source_name(doc: &Document) -> String {
    let a = &doc.article;
    for u in [a.canonical_url.as_deref(), a.url.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some(k) = url_key(u) {
            let host = k
                .split('/')
                .next()
                .unwrap_or("")
                .split(':')
                .next()
                .unwrap_or("");
            if !host.is_empty() {
                return host.to_string();
            }
        }
    }
    a.site_name
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let d = Date::from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

fn day_number(d: Option<Date>) -> i64 {
    d.map(|d| d.year as i64 * 10_000 + d.month as i64 * 100 + d.day as i64)
        .unwrap_or(0)
}

fn actor_key(code: Option<&str>, name: Option<&str>, text: &str) -> String {
    match code.filter(|c| !c.trim().is_empty()) {
        Some(c) => c.trim().to_string(),
        None => format!("~{}", name.unwrap_or(text).trim().to_lowercase()),
    }
}

fn mode_str(m: Option<EventMode>) -> &'static str {
    match m {
        None => "",
        Some(EventMode::Intent) => "intent",
        Some(EventMode::Hypothetical) => "hypothetical",
    }
}

/// Candidate near-duplicates of a fingerprint: the cluster of the most similar stored article at
/// or above [`fingerprint::NEAR_DUP`].
pub(crate) fn find_cluster(tx: &Connection, fp: &Fingerprint) -> Result<Option<i64>, StoreError> {
    if fp.minhash.iter().all(|&v| v == u32::MAX) {
        return Ok(None);
    }
    let mut st =
        tx.prepare_cached("SELECT article_id FROM article_bands WHERE band_key = ?1 LIMIT 64")?;
    let mut cands: Vec<i64> = Vec::new();
    for b in fp.bands() {
        let ids = st.query_map([b], |r| r.get::<_, i64>(0))?;
        for id in ids {
            cands.push(id?);
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let mut best: Option<(f64, i64)> = None;
    let mut get = tx.prepare_cached("SELECT minhash, cluster_id FROM articles WHERE id = ?1")?;
    for id in cands {
        let row: Option<(Option<Vec<u8>>, Option<i64>)> = get
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((Some(blob), cluster)) = row {
            let r = fingerprint::resemblance(&fp.minhash, &fingerprint::blob_to_sig(&blob));
            if r >= fingerprint::NEAR_DUP && best.is_none_or(|(br, _)| r > br) {
                best = Some((r, cluster.unwrap_or(id)));
            }
        }
    }
    Ok(best.map(|(_, c)| c))
}

pub(crate) fn insert_bands(
    tx: &Connection,
    article_id: i64,
    fp: &Fingerprint,
) -> Result<(), StoreError> {
    if fp.minhash.iter().all(|&v| v == u32::MAX) {
        return Ok(());
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_bands(band_key, article_id) VALUES (?1, ?2)",
    )?;
    for b in fp.bands() {
        st.execute(params![b, article_id])?;
    }
    Ok(())
}

fn existing(tx: &Connection, sql: &str, key: &str) -> Result<Option<i64>, StoreError> {
    let mut st = tx.prepare_cached(sql)?;
    Ok(st.query_row([key], |r| r.get::<_, i64>(0)).optional()?)
}

fn record_origin(tx: &Connection, origin: Option<&str>, article_id: i64) -> Result<(), StoreError> {
    if let Some(o) = origin {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO inputs(origin, article_id) VALUES (?1, ?2)")?;
        st.execute(params![o, article_id])?;
    }
    Ok(())
}

/// A full-text row to write once the document is stored (see [`index_fts`]).
enum FtsRow<'d> {
    /// Article id, title, text.
    Article(i64, Option<&'d str>, &'d str),
    /// Quote id, text, speaker name.
    Quote(i64, &'d str, Option<String>),
}

/// Writes full-text rows in the order they were made (the order `insert_in` wrote them in before).
fn index_fts(tx: &Connection, rows: &[FtsRow<'_>]) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut art =
        tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?;
    let mut quo =
        tx.prepare_cached("INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (?1, ?2, ?3)")?;
    for r in rows {
        match r {
            FtsRow::Article(id, title, text) => art.execute(params![id, title, text])?,
            FtsRow::Quote(id, text, speaker) => quo.execute(params![id, text, speaker])?,
        };
    }
    Ok(())
}

/// Stores one document; its full-text rows are added to `fts` for the caller to write.
fn insert_in<'d>(
    tx: &Connection,
    doc: &'d Document,
    meta: &ArticleMeta,
    fts: &mut Vec<FtsRow<'d>>,
) -> Result<Outcome, StoreError> {
    let a = &doc.article;
    let origin = meta.origin.as_deref();
    if let Some(o) = origin {
        if let Some(id) = existing(tx, "SELECT article_id FROM inputs WHERE origin = ?1", o)? {
            return Ok(Outcome::Duplicate {
                article_id: id,
                of: DuplicateOf::Origin,
            });
        }
    }
    let ukey = a.canonical_url.as_deref().and_then(url_key);
    if let Some(k) = &ukey {
        if let Some(id) = existing(tx, "SELECT id FROM articles WHERE url_key = ?1", k)? {
            record_origin(tx, origin, id)?;
            return Ok(Outcome::Duplicate {
                article_id: id,
                of: DuplicateOf::CanonicalUrl,
            });
        }
    }
    let fp = match &meta.fingerprint {
        Some(f) => f.clone(),
        None => Fingerprint::of(&a.text),
    };
    if let Some(id) = existing(
        tx,
        "SELECT id FROM articles WHERE content_hash = ?1",
        &fp.content_hash,
    )? {
        record_origin(tx, origin, id)?;
        return Ok(Outcome::Duplicate {
            article_id: id,
            of: DuplicateOf::Content,
        });
    }

    // Source.
    let sname = source_name(doc);
    tx.prepare_cached("INSERT OR IGNORE INTO sources(name) VALUES (?1)")?
        .execute([&sname])?;
    let source_id: i64 = tx
        .prepare_cached("SELECT id FROM sources WHERE name = ?1")?
        .query_row([&sname], |r| r.get(0))?;

    let cluster = find_cluster(tx, &fp)?;
    let article_date = a.published.as_deref().and_then(Date::parse_iso);
    let added = now_utc();
    tx.prepare_cached(
        "INSERT INTO articles(source_id, url, canonical_url, url_key, content_hash, title, authors, published, day,
                              site_name, language, text, origin, added, cluster_id, minhash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        source_id,
        a.url,
        a.canonical_url,
        ukey,
        fp.content_hash,
        a.title,
        serde_json::to_string(&a.authors).unwrap_or_else(|_| "[]".into()),
        a.published,
        day_number(article_date),
        a.site_name,
        a.language,
        a.text,
        origin,
        added,
        cluster,
        fingerprint::sig_to_blob(&fp.minhash),
    ])?;
    let article_id = tx.last_insert_rowid();
    let cluster_id = cluster.unwrap_or(article_id);
    if cluster.is_none() {
        tx.prepare_cached("UPDATE articles SET cluster_id = ?1 WHERE id = ?1")?
            .execute([article_id])?;
    }
    insert_bands(tx, article_id, &fp)?;
    fts.push(FtsRow::Article(article_id, a.title.as_deref(), &a.text));

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO entities(article_id, type, text, start, \"end\", code, name, value, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for e in &doc.entities {
            st.execute(params![
                article_id,
                e.kind.as_str(),
                e.text,
                e.start as i64,
                e.end as i64,
                e.code,
                e.name,
                e.value,
                e.sentence as i64
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes(article_id, text, start, \"end\", kind, cue, channel, speaker_text, speaker_name, speaker_code, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for q in &doc.quotes {
            let kind = match q.kind {
                parley_core::QuoteKind::Direct => "direct",
                parley_core::QuoteKind::Indirect => "indirect",
                parley_core::QuoteKind::Mixed => "mixed",
            };
            let sp = q.speaker.as_ref();
            let sname = sp.map(|s| s.name.clone().unwrap_or_else(|| s.text.clone()));
            st.execute(params![
                article_id,
                q.text,
                q.start as i64,
                q.end as i64,
                kind,
                q.cue,
                q.channel,
                sp.map(|s| s.text.as_str()),
                sname,
                sp.and_then(|s| s.code.as_deref()),
                q.sentence as i64
            ])?;
            fts.push(FtsRow::Quote(tx.last_insert_rowid(), &q.text, sname));
        }
    }
    let events = insert_events(tx, doc, article_id, source_id, article_date, &added)?;
    record_origin(tx, origin, article_id)?;
    Ok(Outcome::Stored {
        article_id,
        cluster_id,
        near_duplicate: cluster.is_some(),
        events,
    })
}

/// Merges the document's events into event records and links each mention.
fn insert_events(
    tx: &Connection,
    doc: &Document,
    article_id: i64,
    source_id: i64,
    article_date: Option<Date>,
    added: &str,
) -> Result<usize, StoreError> {
    type Key = (i64, String, String, String, bool, &'static str);
    let mut groups: BTreeMap<Key, Vec<&Event>> = BTreeMap::new();
    for ev in &doc.events {
        if ev.cameo.trim().is_empty() {
            continue;
        }
        let own = ev.date.as_deref().and_then(Date::parse_iso);
        let day = day_number(own.or(article_date));
        let sk = actor_key(
            ev.source.code.as_deref(),
            ev.source.name.as_deref(),
            &ev.source.text,
        );
        let tk = match &ev.target {
            Some(t) => actor_key(t.code.as_deref(), t.name.as_deref(), &t.text),
            None => String::new(),
        };
        groups
            .entry((
                day,
                sk,
                tk,
                ev.cameo.trim().to_string(),
                ev.negated,
                mode_str(ev.mode),
            ))
            .or_default()
            .push(ev);
    }
    let mut find = tx.prepare_cached(
        "SELECT id FROM events WHERE day = ?1 AND source_key = ?2 AND target_key = ?3 AND cameo = ?4 AND negated = ?5 AND mode = ?6",
    )?;
    let mut create = tx.prepare_cached(
        "INSERT INTO events(day, source_key, target_key, cameo, negated, mode, source_code, source_name, target_code,
                            target_name, root, quad_class, goldstein, plover, is_root, num_mentions, num_sources,
                            num_articles, first_article_id, added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0, 0, 0, ?15, ?16)",
    )?;
    let mut src = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sources(event_id, source_id) VALUES (?1, ?2)",
    )?;
    let mut bump = tx.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + 1,
                           num_sources = num_sources + ?3, is_root = max(is_root, ?4) WHERE id = ?1",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT INTO event_mentions(event_id, article_id, sentence, evidence, verb, verb_start, verb_end, source_text,
                                    target_text, date, date_granularity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut n = 0;
    for ((day, sk, tk, cameo, negated, mode), evs) in &groups {
        let first = evs[0];
        let id: i64 = match find
            .query_row(params![day, sk, tk, cameo, negated, mode], |r| r.get(0))
            .optional()?
        {
            Some(id) => id,
            None => {
                let root: String = if first.root.trim().is_empty() {
                    cameo.chars().take(2).collect()
                } else {
                    first.root.clone()
                };
                create.execute(params![
                    day,
                    sk,
                    tk,
                    cameo,
                    negated,
                    mode,
                    first.source.code,
                    first
                        .source
                        .name
                        .clone()
                        .unwrap_or_else(|| first.source.text.clone()),
                    first.target.as_ref().and_then(|t| t.code.clone()),
                    first
                        .target
                        .as_ref()
                        .map(|t| t.name.clone().unwrap_or_else(|| t.text.clone())),
                    root,
                    first.quad_class as i64,
                    (first.goldstein as f64 * 10.0).round() / 10.0, // f32 → one decimal, as GDELT
                    first.plover,
                    article_id,
                    added
                ])?;
                tx.last_insert_rowid()
            }
        };
        let new_source = src.execute(params![id, source_id])? as i64;
        // GDELT's IsRootEvent: the event is mentioned in the lead (first sentence here).
        let is_root = evs.iter().any(|e| e.sentence == 0) as i64;
        bump.execute(params![id, evs.len() as i64, new_source, is_root])?;
        for e in evs {
            let evidence = doc
                .sentences
                .get(e.sentence)
                .map(|s| s.text.as_str())
                .unwrap_or(e.verb.text.as_str());
            mention.execute(params![
                id,
                article_id,
                e.sentence as i64,
                evidence,
                e.verb.text,
                e.verb.start as i64,
                e.verb.end as i64,
                e.source.text,
                e.target.as_ref().map(|t| t.text.as_str()),
                e.date,
                e.date_granularity
            ])?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keys_normalise_scheme_host_and_slash() {
        let check = |input: &str, expected: Option<&str>| {
            assert_eq!(url_key(input).as_deref(), expected, "{input}")
        };
        check("https://www.Example.com/a/b/", Some("example.com/a/b"));
        check("http://example.com/a/b#top", Some("example.com/a/b"));
        check("example.com/a", None);
        check("https:///x", None);
    }
}
