//! Queries: events, quotes, full-text search, counts.

use parley_core::Date;
use rusqlite::{params_from_iter, types::Value, Row};
use serde::Serialize;

use crate::{Store, StoreError};

/// Filters for [`Store::events`]. Actor codes match as prefixes (`USA` matches `USAGOV`).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub actor: Option<String>,
    pub target: Option<String>,
    /// CAMEO root code (`04`; `4` is accepted).
    pub root: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// Text that the evidence sentence of at least one mention contains (case-insensitive).
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// A merged event record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    pub id: i64,
    /// `YYYYMMDD`, 0 when unknown.
    pub day: i64,
    pub source_code: Option<String>,
    pub source_name: Option<String>,
    pub target_code: Option<String>,
    pub target_name: Option<String>,
    pub cameo: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub negated: bool,
    pub mode: Option<String>,
    pub is_root: bool,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// URL (else canonical URL) of the first article that mentioned it.
    pub url: Option<String>,
    /// The evidence sentence of its first mention.
    pub evidence: String,
    /// When it was first stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub added: String,
}

impl EventRecord {
    pub fn date(&self) -> Option<Date> {
        if self.day <= 0 {
            return None;
        }
        Date::new(
            (self.day / 10_000) as i32,
            (self.day / 100 % 100) as u8,
            (self.day % 100) as u8,
        )
    }
}

/// Filters for [`Store::quotes`].
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// A speaker's actor code (exact) or part of their name (case-insensitive).
    pub speaker: Option<String>,
    /// Full-text query over the quote text.
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// A stored quote with its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub article_id: i64,
    pub text: String,
    pub kind: String,
    pub cue: Option<String>,
    pub channel: Option<String>,
    pub speaker: Option<String>,
    pub speaker_code: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A full-text search hit: an article or a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `article` or `quote`.
    pub kind: String,
    pub article_id: i64,
    pub title: Option<String>,
    pub url: Option<String>,
    pub snippet: String,
}

/// What the store holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub schema_version: u32,
    pub articles: i64,
    pub clusters: i64,
    /// Articles that joined another article's near-duplicate cluster.
    pub near_duplicates: i64,
    pub sources: i64,
    pub entities: i64,
    pub quotes: i64,
    pub events: i64,
    pub event_mentions: i64,
    pub first_day: Option<i64>,
    pub last_day: Option<i64>,
}

/// Turns user text into a safe FTS5 query: each word quoted, all required.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

const EVENT_COLUMNS: &str = "e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,
    e.quad_class, e.goldstein, e.plover, e.negated, e.mode, e.is_root, e.num_mentions, e.num_sources, e.num_articles,
    (SELECT coalesce(url, canonical_url) FROM articles WHERE id = e.first_article_id),
    (SELECT evidence FROM event_mentions WHERE event_id = e.id ORDER BY id LIMIT 1), e.added";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRecord> {
    let mode: String = r.get(12)?;
    Ok(EventRecord {
        id: r.get(0)?,
        day: r.get(1)?,
        source_code: r.get(2)?,
        source_name: r.get(3)?,
        target_code: r.get(4)?,
        target_name: r.get(5)?,
        cameo: r.get(6)?,
        root: r.get(7)?,
        quad_class: r.get(8)?,
        goldstein: r.get(9)?,
        plover: r.get(10)?,
        negated: r.get(11)?,
        mode: if mode.is_empty() { None } else { Some(mode) },
        is_root: r.get(13)?,
        num_mentions: r.get(14)?,
        num_sources: r.get(15)?,
        num_articles: r.get(16)?,
        url: r.get(17)?,
        evidence: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
        added: r.get(19)?,
    })
}

fn day_of(d: Date) -> i64 {
    d.year as i64 * 10_000 + d.month as i64 * 100 + d.day as i64
}

impl Store {
    /// Event records matching the filter, in id order, passed one by one to `f` (streaming: the
    /// exporters use it on stores of any size).
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut f: impl FnMut(EventRecord) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE 1=1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(a) = &filter.actor {
            sql.push_str(" AND e.source_code LIKE ? ESCAPE '\\'");
            args.push(Value::Text(format!("{}%", like_escape(a.trim()))));
        }
        if let Some(t) = &filter.target {
            sql.push_str(" AND e.target_code LIKE ? ESCAPE '\\'");
            args.push(Value::Text(format!("{}%", like_escape(t.trim()))));
        }
        if let Some(root) = &filter.root {
            let root = root.trim();
            let root = if root.len() == 1 {
                format!("0{root}")
            } else {
                root.to_string()
            };
            sql.push_str(" AND e.root = ?");
            args.push(Value::Text(root));
        }
        if let Some(d) = filter.since {
            sql.push_str(" AND e.day >= ?");
            args.push(Value::Integer(day_of(d)));
        }
        if let Some(d) = filter.until {
            sql.push_str(" AND e.day <= ? AND e.day > 0");
            args.push(Value::Integer(day_of(d)));
        }
        if let Some(q) = &filter.q {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.evidence LIKE ? ESCAPE '\\')",
            );
            args.push(Value::Text(format!("%{}%", like_escape(q.trim()))));
        }
        sql.push_str(" ORDER BY e.id");
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            f(event_row(r)?)?;
        }
        Ok(())
    }

    /// Event records matching the filter.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Quotes matching the filter, newest articles first.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        let mut sql = String::from(
            "SELECT q.id, q.article_id, q.text, q.kind, q.cue, q.channel, q.speaker_name, q.speaker_code, coalesce(a.url, a.canonical_url), a.published
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(s) = &filter.speaker {
            let s = s.trim();
            sql.push_str(" AND (q.speaker_code = ? OR q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')");
            let like = format!("%{}%", like_escape(s));
            args.push(Value::Text(s.to_string()));
            args.push(Value::Text(like.clone()));
            args.push(Value::Text(like));
        }
        if let Some(q) = &filter.q {
            match fts_query(q) {
                Some(m) => {
                    sql.push_str(
                        " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
                    );
                    args.push(Value::Text(m));
                }
                None => return Ok(Vec::new()),
            }
        }
        sql.push_str(" ORDER BY a.day DESC, q.id");
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok(QuoteRow {
                id: r.get(0)?,
                article_id: r.get(1)?,
                text: r.get(2)?,
                kind: r.get(3)?,
                cue: r.get(4)?,
                channel: r.get(5)?,
                speaker: r.get(6)?,
                speaker_code: r.get(7)?,
                url: r.get(8)?,
                published: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Full-text search over article titles and text, then quotes; best matches first.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(m) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT a.id, a.title, coalesce(a.url, a.canonical_url), snippet(articles_fts, 1, '[', ']', '…', 16)
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(rusqlite::params![m, limit as i64], |r| {
            Ok(SearchHit {
                kind: "article".into(),
                article_id: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                snippet: r.get(3)?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
        let mut st = self.conn.prepare(
            "SELECT q.article_id, a.title, coalesce(a.url, a.canonical_url), snippet(quotes_fts, 0, '[', ']', '…', 16)
             FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
             WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(rusqlite::params![m, limit as i64], |r| {
            Ok(SearchHit {
                kind: "quote".into(),
                article_id: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                snippet: r.get(3)?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
        Ok(out)
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        let (first_day, last_day) = self.conn.query_row(
            "SELECT min(day), max(day) FROM events WHERE day > 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            schema_version: self.schema_version()?,
            articles: count("SELECT count(*) FROM articles")?,
            clusters: count("SELECT count(DISTINCT cluster_id) FROM articles")?,
            near_duplicates: count(
                "SELECT count(*) FROM articles WHERE cluster_id IS NOT NULL AND cluster_id <> id",
            )?,
            sources: count("SELECT count(*) FROM sources")?,
            entities: count("SELECT count(*) FROM entities")?,
            quotes: count("SELECT count(*) FROM quotes")?,
            events: count("SELECT count(*) FROM events")?,
            event_mentions: count("SELECT count(*) FROM event_mentions")?,
            first_day,
            last_day,
        })
    }
}
