//! Ingest: HTML files, folders, WARC and JSONL into the store, on all cores.
//!
//! (Stub: filled in by the ingest work.)

pub use parley_store::Store;
