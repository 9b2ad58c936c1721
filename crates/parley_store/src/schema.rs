//! The schema and its migrations. The version lives in SQLite's `PRAGMA user_version`.
//!
//! - v1: sources, articles, entities, quotes, events (merged records), event mentions, inputs.
//! - v2: near-duplicate clustering (`articles.cluster_id`, `articles.minhash`, `article_bands`)
//!   and FTS5 indexes over article text and quotes.
//!
//! Each migration runs in one transaction: a crash mid-migration leaves the previous version.

use rusqlite::{params, Connection};

use crate::fingerprint::{self, Fingerprint};
use crate::StoreError;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// Version 1 (kept verbatim: it is what a v1 database holds).
pub const V1: &str = r#"
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    url TEXT,
    canonical_url TEXT,
    url_key TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    authors TEXT,
    published TEXT,
    day INTEGER,
    site_name TEXT,
    language TEXT,
    text TEXT NOT NULL,
    origin TEXT,
    added TEXT NOT NULL
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    code TEXT,
    name TEXT,
    value TEXT,
    sentence INTEGER NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_code ON entities(code);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    channel TEXT,
    speaker_text TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    sentence INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    day INTEGER NOT NULL,
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    cameo TEXT NOT NULL,
    negated INTEGER NOT NULL,
    mode TEXT NOT NULL,
    source_code TEXT,
    source_name TEXT,
    target_code TEXT,
    target_name TEXT,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover TEXT,
    is_root INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    first_article_id INTEGER NOT NULL REFERENCES articles(id),
    added TEXT NOT NULL,
    UNIQUE (day, source_key, target_key, cameo, negated, mode)
);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE TABLE event_mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    verb TEXT NOT NULL,
    verb_start INTEGER NOT NULL,
    verb_end INTEGER NOT NULL,
    source_text TEXT NOT NULL,
    target_text TEXT,
    date TEXT,
    date_granularity TEXT
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE TABLE event_sources (
    event_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    PRIMARY KEY (event_id, source_id)
) WITHOUT ROWID;
CREATE TABLE inputs (
    origin TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL
) WITHOUT ROWID;
"#;

/// Version 2's DDL (the data part of the migration runs in Rust: signatures and clusters).
pub const V2: &str = r#"
ALTER TABLE articles ADD COLUMN cluster_id INTEGER;
ALTER TABLE articles ADD COLUMN minhash BLOB;
CREATE INDEX articles_cluster ON articles(cluster_id);
CREATE TABLE article_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='id');
"#;

pub fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as u32)
}

/// Brings the database to [`SCHEMA_VERSION`], one migration per transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let mut v = version(conn)?;
    if v > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: v,
            supported: SCHEMA_VERSION,
        });
    }
    if v == 0 {
        // A fresh database must be empty: refuse to take over some other SQLite file.
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(StoreError::NotAStore);
        }
    }
    while v < SCHEMA_VERSION {
        let tx = conn.transaction()?;
        match v {
            0 => tx.execute_batch(V1)?,
            1 => migrate_v1_to_v2(&tx)?,
            _ => unreachable!("versions above SCHEMA_VERSION are refused"),
        }
        v += 1;
        tx.pragma_update(None, "user_version", v as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// v1 → v2: adds the clustering columns and the FTS indexes, then fills them for the articles and
/// quotes already stored.
fn migrate_v1_to_v2(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(V2)?;
    tx.execute_batch(
        "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
         INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');",
    )?;
    let rows: Vec<(i64, String)> = {
        let mut st = tx.prepare("SELECT id, text FROM articles ORDER BY id")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        it.collect::<Result<_, _>>()?
    };
    for (id, text) in rows {
        let fp = Fingerprint::of(&text);
        let cluster = crate::find_cluster(tx, &fp)?.unwrap_or(id);
        tx.execute(
            "UPDATE articles SET minhash = ?1, cluster_id = ?2 WHERE id = ?3",
            params![fingerprint::sig_to_blob(&fp.minhash), cluster, id],
        )?;
        crate::insert_bands(tx, id, &fp)?;
    }
    Ok(())
}
