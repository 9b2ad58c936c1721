//! The embedded store: articles, entities, quotes and events in SQLite, deduplicated, queryable
//! and exportable.
//!
//! ```
//! let store = parley_store::Store::open_in_memory().unwrap();
//! assert_eq!(store.article_count().unwrap(), 0);
//! ```

use rusqlite::Connection;

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// An open store.
pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT, text TEXT NOT NULL);")?;
        Ok(Store { conn })
    }

    pub fn article_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as u64)
    }
}
