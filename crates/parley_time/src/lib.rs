//! Temporal expressions: find date phrases in text and resolve them against the article date.
//!
//! ```
//! use parley_core::Date;
//! let anchor = Date::parse_iso("2020-01-12").unwrap();
//! let found = parley_time::find(anchor.into(), "He spoke on Saturday.");
//! assert_eq!(found[0].value, "2020-01-11");
//! ```

use parley_core::Date;
use serde::Serialize;

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// A temporal expression found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Byte offsets into the searched text.
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// First day of the period.
    pub date: Date,
    pub granularity: Granularity,
}

/// Finds temporal expressions in `text`, resolved against `anchor` (the article date) when given.
pub fn find(anchor: Option<Date>, text: &str) -> Vec<TimeExpr> {
    let Some(anchor) = anchor else { return Vec::new() };
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let mut out = Vec::new();
    for (wd, name) in DAYS.iter().enumerate() {
        for (pos, _) in text.match_indices(name) {
            let back = (anchor.weekday() as i64 - wd as i64).rem_euclid(7);
            let date = anchor.add_days(-back);
            out.push(TimeExpr { start: pos, end: pos + name.len(), value: date.to_string(), date, granularity: Granularity::Day });
        }
    }
    out.sort_by_key(|t| t.start);
    out
}
