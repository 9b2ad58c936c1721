//! Exporters of event records: GDELT 2.0 events TSV, CSV, JSONL and Parquet.
//!
//! The GDELT layout is the 61 tab-separated columns of the GDELT 2.0 event export, in order
//! ([`GDELT_COLUMNS`]); what parley does not know (religion, ethnicity, tone, geography) is empty.
//! Negated events ("did not attack") have no GDELT encoding and are left out of that format only.

use std::io::Write;
use std::sync::Arc;

use parley_core::Date;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::{EventFilter, EventRecord, Store, StoreError};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    Csv,
    Jsonl,
    Parquet,
}

/// GDELT 2.0 event table columns, in file order (61).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Columns of the CSV export (the JSONL export uses the same names as keys).
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "day",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "mode",
    "is_root",
    "num_mentions",
    "num_sources",
    "num_articles",
    "url",
    "evidence",
    "added",
];

/// CAMEO role and sector codes that may open an actor code in place of a country.
const ROLE_CODES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "LAB", "LEG", "HLH", "REF", "ELI", "AGR", "ENV", "IGO", "NGO", "NGM", "MNC", "UAF", "SET",
    "MOD", "RAD", "INS", "DEV", "HRI", "IMG",
];

/// Splits a CAMEO actor code into GDELT's (country, known group, type1, type2, type3).
pub fn split_actor_code(code: &str) -> [String; 5] {
    let c = code.trim();
    let parts: Vec<&str> = (0..c.len() / 3)
        .filter_map(|i| c.get(i * 3..i * 3 + 3))
        .filter(|p| p.chars().all(|ch| ch.is_ascii_uppercase()))
        .collect();
    let mut out: [String; 5] = Default::default();
    let mut rest: &[&str] = &parts;
    if let Some(first) = parts.first() {
        if !ROLE_CODES.contains(first) {
            out[0] = first.to_string();
            rest = &parts[1..];
        }
    }
    let mut types: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let p = rest[i];
        if (p == "IGO" || p == "NGO") && i + 1 < rest.len() && !ROLE_CODES.contains(&rest[i + 1]) {
            types.push(p);
            if out[1].is_empty() {
                out[1] = rest[i + 1].to_string();
            }
            i += 2;
            continue;
        }
        if ROLE_CODES.contains(&p) {
            types.push(p);
        }
        i += 1;
    }
    for (k, t) in types.into_iter().take(3).enumerate() {
        out[2 + k] = t.to_string();
    }
    out
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One GDELT 2.0 export line (61 fields, no trailing newline).
pub fn gdelt_row(e: &EventRecord) -> String {
    let mut f: Vec<String> = Vec::with_capacity(61);
    let date = e.date();
    f.push(e.id.to_string());
    match date {
        Some(d) => {
            f.push(format!("{:04}{:02}{:02}", d.year, d.month, d.day));
            f.push(format!("{:04}{:02}", d.year, d.month));
            f.push(format!("{:04}", d.year));
            let doy = d.to_days()
                - Date {
                    year: d.year,
                    month: 1,
                    day: 1,
                }
                .to_days()
                + 1;
            f.push(format!("{:.4}", d.year as f64 + doy as f64 / 365.0));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for (code, name) in [
        (&e.source_code, &e.source_name),
        (&e.target_code, &e.target_name),
    ] {
        let code = code.clone().unwrap_or_default();
        let parts = split_actor_code(&code);
        f.push(clean(&code));
        f.push(clean(&name.clone().unwrap_or_default().to_uppercase()));
        f.push(parts[0].clone()); // CountryCode
        f.push(parts[1].clone()); // KnownGroupCode
        f.extend(std::iter::repeat_n(String::new(), 3)); // Ethnic, Religion1, Religion2
        f.push(parts[2].clone());
        f.push(parts[3].clone());
        f.push(parts[4].clone());
    }
    f.push((e.is_root as u8).to_string());
    f.push(e.cameo.clone());
    f.push(e.cameo.chars().take(3).collect());
    f.push(e.root.clone());
    f.push(e.quad_class.to_string());
    f.push(format!("{:.1}", e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(String::new()); // AvgTone
    f.extend(std::iter::repeat_n(String::new(), 24)); // three geographies × 8
    f.push(
        e.added
            .chars()
            .filter(char::is_ascii_digit)
            .take(14)
            .collect(),
    );
    f.push(clean(e.url.as_deref().unwrap_or("")));
    debug_assert_eq!(f.len(), 61);
    f.join("\t")
}

/// A CSV field, quoted when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line for an event record (columns [`CSV_COLUMNS`]).
pub fn csv_row(e: &EventRecord) -> String {
    let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
    [
        e.id.to_string(),
        if e.day > 0 {
            e.day.to_string()
        } else {
            String::new()
        },
        o(&e.source_code),
        o(&e.source_name),
        o(&e.target_code),
        o(&e.target_name),
        csv_field(&e.cameo),
        csv_field(&e.root),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        o(&e.plover),
        e.negated.to_string(),
        o(&e.mode),
        e.is_root.to_string(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        o(&e.url),
        csv_field(&e.evidence),
        csv_field(&e.added),
    ]
    .join(",")
}

/// Writes every event record matching `filter` in `format`; returns the number of records written.
pub fn export<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    mut out: W,
) -> Result<u64, StoreError> {
    let mut n = 0u64;
    match format {
        Format::Gdelt => {
            store.for_each_event(filter, |e| {
                if !e.negated {
                    writeln!(out, "{}", gdelt_row(&e))?;
                    n += 1;
                }
                Ok(())
            })?;
        }
        Format::Csv => {
            writeln!(out, "{}", CSV_COLUMNS.join(","))?;
            store.for_each_event(filter, |e| {
                writeln!(out, "{}", csv_row(&e))?;
                n += 1;
                Ok(())
            })?;
        }
        Format::Jsonl => {
            store.for_each_event(filter, |e| {
                let line =
                    serde_json::to_string(&e).map_err(|e| StoreError::Export(e.to_string()))?;
                writeln!(out, "{line}")?;
                n += 1;
                Ok(())
            })?;
        }
        Format::Parquet => {
            let mut w = ParquetWriter::new(out)?;
            let mut buf = Vec::new();
            store.for_each_event(filter, |e| {
                buf.push(e);
                n += 1;
                if buf.len() >= ROW_GROUP {
                    w.write_group(&buf)?;
                    buf.clear();
                }
                Ok(())
            })?;
            if !buf.is_empty() || n == 0 {
                w.write_group(&buf)?;
            }
            w.close()?;
            return Ok(n);
        }
    }
    out.flush()?;
    Ok(n)
}

const ROW_GROUP: usize = 65_536;

const PARQUET_SCHEMA: &str = "message parley_event {
    required int64 id;
    optional int32 day;
    optional int32 date (DATE);
    optional binary source_code (UTF8);
    optional binary source_name (UTF8);
    optional binary target_code (UTF8);
    optional binary target_name (UTF8);
    required binary cameo (UTF8);
    required binary root (UTF8);
    required int32 quad_class;
    required double goldstein;
    optional binary plover (UTF8);
    required boolean negated;
    optional binary mode (UTF8);
    required boolean is_root;
    required int64 num_mentions;
    required int64 num_sources;
    required int64 num_articles;
    optional binary url (UTF8);
    required binary evidence (UTF8);
    required binary added (UTF8);
}";

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Export(format!("parquet: {e}"))
}

struct ParquetWriter<W: Write + Send> {
    w: SerializedFileWriter<W>,
}

/// An optional string column: values of the present rows and definition levels.
fn opt_str<'a>(
    rows: &'a [EventRecord],
    f: impl Fn(&'a EventRecord) -> Option<&'a str>,
) -> (Vec<ByteArray>, Vec<i16>) {
    let mut vals = Vec::new();
    let mut defs = Vec::with_capacity(rows.len());
    for r in rows {
        match f(r) {
            Some(s) => {
                vals.push(ByteArray::from(s));
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (vals, defs)
}

impl<W: Write + Send> ParquetWriter<W> {
    fn new(out: W) -> Result<Self, StoreError> {
        let schema = Arc::new(parse_message_type(PARQUET_SCHEMA).map_err(pq)?);
        let props = Arc::new(WriterProperties::builder().build());
        Ok(ParquetWriter {
            w: SerializedFileWriter::new(out, schema, props).map_err(pq)?,
        })
    }

    fn write_group(&mut self, rows: &[EventRecord]) -> Result<(), StoreError> {
        let mut rg = self.w.next_row_group().map_err(pq)?;
        let mut idx = 0;
        while let Some(mut col) = rg.next_column().map_err(pq)? {
            let r = match idx {
                0 => col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|e| e.id).collect::<Vec<_>>(),
                    None,
                    None,
                ),
                1 | 2 => {
                    let mut vals = Vec::new();
                    let mut defs = Vec::new();
                    for e in rows {
                        match e.date() {
                            Some(d) => {
                                vals.push(if idx == 1 {
                                    e.day as i32
                                } else {
                                    d.to_days() as i32
                                });
                                defs.push(1);
                            }
                            None => defs.push(0),
                        }
                    }
                    col.typed::<Int32Type>()
                        .write_batch(&vals, Some(&defs), None)
                }
                3..=6 | 11 | 13 | 18 => {
                    let (v, d) = opt_str(rows, |e| match idx {
                        3 => e.source_code.as_deref(),
                        4 => e.source_name.as_deref(),
                        5 => e.target_code.as_deref(),
                        6 => e.target_name.as_deref(),
                        11 => e.plover.as_deref(),
                        13 => e.mode.as_deref(),
                        _ => e.url.as_deref(),
                    });
                    col.typed::<ByteArrayType>().write_batch(&v, Some(&d), None)
                }
                7 | 8 | 19 | 20 => {
                    let v: Vec<ByteArray> = rows
                        .iter()
                        .map(|e| {
                            ByteArray::from(match idx {
                                7 => e.cameo.as_str(),
                                8 => e.root.as_str(),
                                19 => e.evidence.as_str(),
                                _ => e.added.as_str(),
                            })
                        })
                        .collect();
                    col.typed::<ByteArrayType>().write_batch(&v, None, None)
                }
                9 => col.typed::<Int32Type>().write_batch(
                    &rows.iter().map(|e| e.quad_class as i32).collect::<Vec<_>>(),
                    None,
                    None,
                ),
                10 => col.typed::<DoubleType>().write_batch(
                    &rows.iter().map(|e| e.goldstein).collect::<Vec<_>>(),
                    None,
                    None,
                ),
                12 | 14 => col.typed::<BoolType>().write_batch(
                    &rows
                        .iter()
                        .map(|e| if idx == 12 { e.negated } else { e.is_root })
                        .collect::<Vec<_>>(),
                    None,
                    None,
                ),
                15..=17 => col.typed::<Int64Type>().write_batch(
                    &rows
                        .iter()
                        .map(|e| match idx {
                            15 => e.num_mentions,
                            16 => e.num_sources,
                            _ => e.num_articles,
                        })
                        .collect::<Vec<_>>(),
                    None,
                    None,
                ),
                _ => {
                    return Err(StoreError::Export(format!(
                        "parquet: unexpected column {idx}"
                    )))
                }
            };
            r.map_err(pq)?;
            col.close().map_err(pq)?;
            idx += 1;
        }
        rg.close().map_err(pq)?;
        Ok(())
    }

    fn close(self) -> Result<(), StoreError> {
        self.w.close().map_err(pq)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_gdelt_fields() {
        let check = |code: &str, expected: [&str; 5]| {
            assert_eq!(split_actor_code(code), expected.map(String::from), "{code}")
        };
        check("USAGOV", ["USA", "", "GOV", "", ""]);
        check("PRK", ["PRK", "", "", "", ""]);
        check("IGOUNO", ["", "UNO", "IGO", "", ""]);
        check("GOV", ["", "", "GOV", "", ""]);
        check("RUSMILREB", ["RUS", "", "MIL", "REB", ""]);
        check("", ["", "", "", "", ""]);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
