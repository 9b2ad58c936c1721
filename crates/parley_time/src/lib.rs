//! Temporal expressions: find date phrases in text and resolve them against the article date.
//!
//! Main entry: [`find`], returning [`TimeExpr`]s (byte spans, a normalised `value` and a
//! [`Granularity`]). It understands absolute dates in common formats ("January 12, 2020",
//! "12 Jan 2020", "2020-01-12", "1/12/2020", "October 2019", "in 2019"), weekdays ("Saturday" →
//! the most recent Saturday at or before the article date), "today"/"yesterday"/"tomorrow",
//! "last week/month/year", "two days ago", months with modifiers ("early October"), seasons and
//! holidays (`data/holidays.tsv`).
//!
//! ```
//! use parley_core::Date;
//! let anchor = Date::parse_iso("2020-01-12").unwrap();
//! let found = parley_time::find(anchor.into(), "He spoke on Saturday.");
//! assert_eq!(found[0].value, "2020-01-11");
//! let found = parley_time::find(anchor.into(), "Talks ended in early October.");
//! assert_eq!(found[0].value, "2019-10");
//! ```
//!
//! Without an article date only expressions that carry their own year are resolved.
//! Week expressions ("last week") resolve to the Monday of that week at day granularity; seasons
//! resolve to their first month (spring = March, summer = June, fall = September, winter =
//! December) at month granularity.

#![allow(clippy::if_same_then_else)]

use std::sync::OnceLock;

use parley_core::{days_in_month, Date};
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

/// Errors in a holiday table.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TimeError {
    #[error("holidays.tsv line {line}: {msg}")]
    Holiday { line: usize, msg: String },
}

// ---------------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// Splits into runs of letters/digits (apostrophes between letters stay inside: "Year’s").
fn words(text: &str) -> Vec<Word> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                let s = i;
                while i < b.len() {
                    let d = b[i];
                    if d.is_ascii_alphanumeric() {
                        i += 1;
                    } else if d == b'\''
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_alphabetic()
                        && i > s
                    {
                        i += 1;
                    } else if d == 0xE2
                        && b.get(i + 1) == Some(&0x80)
                        && b.get(i + 2) == Some(&0x99)
                        && b.get(i + 3).is_some_and(|x| x.is_ascii_alphabetic())
                    {
                        i += 3; // ’
                    } else if d >= 0x80 {
                        let ch = text[i..].chars().next().unwrap_or(' ');
                        if ch.is_alphanumeric() {
                            i += ch.len_utf8();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.push(Word { start: s, end: i });
            } else {
                i += 1;
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let l = ch.len_utf8();
            if ch.is_alphabetic() {
                let s = i;
                i += l;
                while i < b.len() {
                    let ch2 = text[i..].chars().next().unwrap_or(' ');
                    if ch2.is_alphanumeric() {
                        i += ch2.len_utf8();
                    } else {
                        break;
                    }
                }
                out.push(Word { start: s, end: i });
            } else {
                i += l;
            }
        }
    }
    out
}

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(w: &str, abbrev_dot: bool) -> Option<u8> {
    let l = w.to_ascii_lowercase();
    if let Some(i) = MONTHS.iter().position(|m| *m == l) {
        return Some(i as u8 + 1);
    }
    // Abbreviations: "Jan", "Sept", "Oct." (need an upper-case initial; "mar"/"may" need the dot).
    let abbr = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = if l == "sept" { "sep".to_string() } else { l };
    if let Some(i) = abbr.iter().position(|m| *m == l) {
        if matches!(l.as_str(), "mar" | "may" | "jun" | "jul") && !abbrev_dot {
            return None;
        }
        return Some(i as u8 + 1);
    }
    None
}

fn weekday_of(w: &str) -> Option<u8> {
    let l = w.to_ascii_lowercase();
    if let Some(i) = WEEKDAYS.iter().position(|m| *m == l) {
        return Some(i as u8);
    }
    None
}

fn number_word(w: &str) -> Option<i64> {
    let l = w.to_ascii_lowercase();
    let n = match l.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => {
            if l.len() <= 3 && l.bytes().all(|c| c.is_ascii_digit()) {
                return l.parse().ok();
            }
            return None;
        }
    };
    Some(n)
}

/// "12", "12th", "1st" → day of month.
fn day_number(w: &str) -> Option<u8> {
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = &w[digits.len()..];
    if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2199).contains(&y).then_some(y);
    }
    None
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

// ---------------------------------------------------------------------------------------------
// Holidays

#[derive(Debug, Clone)]
enum Rule {
    Fixed(u8, u8),
    /// weekday (0 = Monday), n (-1 = last), month
    Nth(u8, i8, u8),
    Easter(i64),
}

#[derive(Debug, Clone)]
struct Holiday {
    words: Vec<String>,
    rule: Rule,
}

/// One row of `data/holidays.tsv` with its example.
#[derive(Debug, Clone)]
pub struct HolidayExample {
    pub name: String,
    pub anchor: Date,
    pub sentence: String,
    pub expected: String,
}

fn parse_holidays(src: &str) -> Result<(Vec<Holiday>, Vec<HolidayExample>), TimeError> {
    let mut hs = Vec::new();
    let mut ex = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |msg: &str| TimeError::Holiday {
            line: n + 1,
            msg: msg.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(err("expected 5 tab-separated columns"));
        }
        let parts: Vec<&str> = cols[1].split_whitespace().collect();
        let rule = match parts.as_slice() {
            ["fixed", md] => {
                let (m, d) = md.split_once('-').ok_or_else(|| err("fixed needs MM-DD"))?;
                Rule::Fixed(
                    m.parse().map_err(|_| err("bad month"))?,
                    d.parse().map_err(|_| err("bad day"))?,
                )
            }
            ["nth", wd, k, m] => Rule::Nth(
                weekday_of(&expand_weekday(wd)).ok_or_else(|| err("bad weekday"))?,
                k.parse().map_err(|_| err("bad n"))?,
                m.parse().map_err(|_| err("bad month"))?,
            ),
            ["easter", off] => Rule::Easter(off.parse().map_err(|_| err("bad offset"))?),
            _ => return Err(err("unknown rule")),
        };
        hs.push(Holiday {
            words: cols[0].split_whitespace().map(str::to_string).collect(),
            rule,
        });
        ex.push(HolidayExample {
            name: cols[0].to_string(),
            anchor: Date::parse_iso(cols[2]).ok_or_else(|| err("bad anchor date"))?,
            sentence: cols[3].to_string(),
            expected: cols[4].to_string(),
        });
    }
    // Longest names first so "new year's eve" wins over "new year".
    hs.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    Ok((hs, ex))
}

fn expand_weekday(w: &str) -> String {
    let l = w.to_ascii_lowercase();
    WEEKDAYS
        .iter()
        .find(|d| d.starts_with(&l))
        .map(|d| d.to_string())
        .unwrap_or(l)
}

fn holidays() -> &'static (Vec<Holiday>, Vec<HolidayExample>) {
    static H: OnceLock<(Vec<Holiday>, Vec<HolidayExample>)> = OnceLock::new();
    H.get_or_init(|| parse_holidays(include_str!("../data/holidays.tsv")).unwrap_or_default())
}

/// The examples of the built-in holiday table (for tests and documentation).
pub fn holiday_examples() -> &'static [HolidayExample] {
    &holidays().1
}

fn easter(year: i32) -> Date {
    // Anonymous Gregorian algorithm.
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u8,
        day: day as u8,
    }
}

fn holiday_in(rule: &Rule, year: i32) -> Option<Date> {
    match *rule {
        Rule::Fixed(m, d) => Date::new(year, m, d),
        Rule::Nth(wd, n, m) => {
            if n > 0 {
                let first = Date::new(year, m, 1)?;
                let off = (wd as i64 - first.weekday() as i64).rem_euclid(7);
                let d = first.add_days(off + 7 * (n as i64 - 1));
                (d.month == m).then_some(d)
            } else {
                let last = Date::new(year, m, days_in_month(year, m))?;
                let off = (last.weekday() as i64 - wd as i64).rem_euclid(7);
                Some(last.add_days(-off))
            }
        }
        Rule::Easter(off) => Some(easter(year).add_days(off)),
    }
}

// ---------------------------------------------------------------------------------------------
// Resolution helpers

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    /// No modifier: nearest occurrence (weekdays: at or before the anchor).
    Bare,
    Last,
    Next,
    This,
}

fn dir_of(w: &str) -> Option<Dir> {
    match w.to_ascii_lowercase().as_str() {
        "last" | "past" | "previous" => Some(Dir::Last),
        "next" | "coming" => Some(Dir::Next),
        "this" => Some(Dir::This),
        _ => None,
    }
}

/// Picks the occurrence among candidate years according to the direction.
fn pick(anchor: Date, dir: Dir, f: impl Fn(i32) -> Option<Date>) -> Option<Date> {
    let c: Vec<Date> = (anchor.year - 1..=anchor.year + 1).filter_map(&f).collect();
    match dir {
        Dir::Last => c.into_iter().filter(|d| *d < anchor).max(),
        Dir::Next => c.into_iter().filter(|d| *d > anchor).min(),
        Dir::This => f(anchor.year),
        Dir::Bare => {
            // News mostly looks back: the latest occurrence at or before the anchor, unless a future
            // one is nearer and within 100 days ("the plan starts in February", read in January).
            let past = c.iter().copied().filter(|d| *d <= anchor).max();
            let future = c.iter().copied().filter(|d| *d > anchor).min();
            match (past, future) {
                (Some(p), Some(f)) => {
                    let (dp, df) = (
                        anchor.to_days() - p.to_days(),
                        f.to_days() - anchor.to_days(),
                    );
                    Some(if df <= 100 && df < dp { f } else { p })
                }
                (p, f) => p.or(f),
            }
        }
    }
}

fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let total = year * 12 + (month as i32 - 1) + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

fn day_expr(start: usize, end: usize, d: Date) -> TimeExpr {
    TimeExpr {
        start,
        end,
        value: d.to_string(),
        date: d,
        granularity: Granularity::Day,
    }
}
fn month_expr(start: usize, end: usize, y: i32, m: u8) -> TimeExpr {
    let d = Date {
        year: y,
        month: m,
        day: 1,
    };
    TimeExpr {
        start,
        end,
        value: format!("{:04}-{:02}", y, m),
        date: d,
        granularity: Granularity::Month,
    }
}
fn year_expr(start: usize, end: usize, y: i32) -> TimeExpr {
    let d = Date {
        year: y,
        month: 1,
        day: 1,
    };
    TimeExpr {
        start,
        end,
        value: format!("{:04}", y),
        date: d,
        granularity: Granularity::Year,
    }
}

// ---------------------------------------------------------------------------------------------
// The scanner

struct Scan<'t> {
    text: &'t str,
    w: Vec<Word>,
    /// Lower-case words, with straight apostrophes.
    lw: Vec<String>,
    anchor: Option<Date>,
}

impl<'t> Scan<'t> {
    fn s(&self, i: usize) -> &'t str {
        self.w
            .get(i)
            .map(|w| &self.text[w.start..w.end])
            .unwrap_or("")
    }
    fn lower(&self, i: usize) -> String {
        self.lw.get(i).cloned().unwrap_or_default()
    }
    fn low(&self, i: usize) -> &str {
        self.lw.get(i).map(String::as_str).unwrap_or("")
    }
    /// Text between word i and word i+1.
    fn gap(&self, i: usize) -> &'t str {
        match (self.w.get(i), self.w.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            (Some(a), None) => &self.text[a.end..],
            _ => "",
        }
    }
    fn gap_is_space(&self, i: usize) -> bool {
        let g = self.gap(i);
        !g.is_empty() && g.len() <= 3 && g.chars().all(char::is_whitespace)
    }
    fn gap_is(&self, i: usize, allowed: &[&str]) -> bool {
        let g = self.gap(i).trim();
        allowed.contains(&g)
    }
    fn followed_by_dot(&self, i: usize) -> bool {
        self.gap(i).starts_with('.')
    }

    /// Tries to match at word `i`; returns the expression and the index after its last word.
    fn at(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let w = self.s(i);
        let l = self.lower(i);
        let st = self.w[i].start;
        // Numeric formats: 2020-01-12, 1/12/2020, 12/1/20.
        if w.bytes().all(|c| c.is_ascii_digit()) {
            if let Some(r) = self.numeric(i) {
                return Some(r);
            }
        }
        // Modifiers in front of a month or a season: early/mid/late.
        if matches!(l.as_str(), "early" | "mid" | "late" | "earlier" | "later") {
            if let Some((mut e, j)) = self.month_phrase(i + 1, true) {
                if self.gap_is_space(i) || self.gap_is(i, &["-"]) {
                    e.start = st;
                    return Some((e, j));
                }
            }
            if let Some((mut e, j)) = self.season(i + 1, Dir::Bare) {
                e.start = st;
                return Some((e, j));
            }
        }
        if let Some(r) = self.month_phrase(i, false) {
            return Some(r);
        }
        // Day-first: "12 January 2020", "the 3rd of May".
        if let Some(d) = day_number(w) {
            let mut j = i + 1;
            if self.lower(j) == "of" {
                j += 1;
            }
            if let Some(m) =
                month_of(self.s(j), self.followed_by_dot(j)).filter(|_| is_cap(self.s(j)))
            {
                let mut end = self.w[j].end;
                let mut k = j + 1;
                let year = year_number(self.s(k)).filter(|_| self.gap_is(j, &["", ",", "."]));
                if year.is_some() {
                    end = self.w[k].end;
                    k += 1;
                }
                let y = match year {
                    Some(y) => Some(y),
                    None => self
                        .anchor
                        .and_then(|a| pick(a, Dir::Bare, |y| Date::new(y, m, d)).map(|x| x.year)),
                };
                if let Some(date) = y.and_then(|y| Date::new(y, m, d)) {
                    return Some((day_expr(st, end, date), k));
                }
            }
        }
        if let Some(r) = self.holiday(i, Dir::Bare, st) {
            return Some(r);
        }
        let anchor = self.anchor;
        // Direction words: last/next/this + weekday/week/month/year/season/holiday/month name.
        if let Some(dir) = dir_of(&l) {
            let j = i + 1;
            let nl = self.lower(j);
            let a = anchor?;
            if let Some(wd) = weekday_of(&nl).filter(|_| is_cap(self.s(j))) {
                let d = resolve_weekday(a, wd, dir);
                return Some((day_expr(st, self.w[j].end, d), j + 1));
            }
            match nl.as_str() {
                "week" | "weekend" => {
                    let monday = a.add_days(-(a.weekday() as i64));
                    let d = match (dir, nl.as_str()) {
                        (Dir::Last, "week") => monday.add_days(-7),
                        (Dir::Next, "week") => monday.add_days(7),
                        (_, "week") => monday,
                        (Dir::Last, _) => monday.add_days(-2),
                        (Dir::Next, _) => monday.add_days(12),
                        _ => monday.add_days(5),
                    };
                    return Some((day_expr(st, self.w[j].end, d), j + 1));
                }
                "month" => {
                    let delta = match dir {
                        Dir::Last => -1,
                        Dir::Next => 1,
                        _ => 0,
                    };
                    let (y, m) = add_months(a.year, a.month, delta);
                    return Some((month_expr(st, self.w[j].end, y, m), j + 1));
                }
                "year" => {
                    let delta = match dir {
                        Dir::Last => -1,
                        Dir::Next => 1,
                        _ => 0,
                    };
                    return Some((year_expr(st, self.w[j].end, a.year + delta), j + 1));
                }
                _ => {}
            }
            if let Some((mut e, k)) = self.season(j, dir) {
                e.start = st;
                return Some((e, k));
            }
            if let Some(r) = self.holiday(j, dir, st) {
                return Some(r);
            }
            if let Some(m) = month_of(self.s(j), false).filter(|_| is_cap(self.s(j))) {
                let d = pick(a, dir, |y| Date::new(y, m, 1))?;
                return Some((month_expr(st, self.w[j].end, d.year, m), j + 1));
            }
            return None;
        }
        // "the summer of 2019", "in the fall".
        if l == "the" {
            if let Some(r) = self.season(i + 1, Dir::Bare) {
                return Some(r);
            }
        }
        if matches!(l.as_str(), "spring" | "summer" | "autumn" | "winter")
            || (l == "fall" && year_number(self.s(i + 1)).is_some())
        {
            if let Some(r) = self.season(i, Dir::Bare) {
                return Some(r);
            }
        }
        // Relative single words.
        if let Some(a) = anchor {
            let rel = match l.as_str() {
                "today" | "tonight" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(off) = rel {
                return Some((day_expr(st, self.w[i].end, a.add_days(off)), i + 1));
            }
            if let Some(wd) = weekday_of(&l).filter(|_| is_cap(w)) {
                let d = resolve_weekday(a, wd, Dir::Bare);
                return Some((day_expr(st, self.w[i].end, d), i + 1));
            }
            // "two days ago", "a year ago".
            if let Some(n) = number_word(&l) {
                let unit = self.lower(i + 1);
                if self.lower(i + 2) == "ago" {
                    let end = self.w[i + 2].end;
                    let e = match unit.trim_end_matches('s') {
                        "day" => day_expr(st, end, a.add_days(-n)),
                        "week" => day_expr(st, end, a.add_days(-7 * n)),
                        "month" => {
                            let (y, m) = add_months(a.year, a.month, -(n as i32));
                            month_expr(st, end, y, m)
                        }
                        "year" => year_expr(st, end, a.year - n as i32),
                        _ => return None,
                    };
                    return Some((e, i + 3));
                }
            }
        }
        // A year after a preposition: "in 2019", "since 2010".
        if matches!(
            l.as_str(),
            "in" | "since"
                | "by"
                | "until"
                | "during"
                | "of"
                | "from"
                | "through"
                | "before"
                | "after"
        ) {
            if let Some(y) = year_number(self.s(i + 1)).filter(|_| self.gap_is_space(i)) {
                // Not "in 2019 dollars", "of 2000 people": the next word must not be a plural noun.
                let next = self.lower(i + 2);
                let noun_follows = !self.gap(i + 1).trim().starts_with([',', '.', ';', ')'])
                    && next.ends_with('s')
                    && !matches!(
                        next.as_str(),
                        "was" | "is" | "as" | "has" | "its" | "this" | "his"
                    );
                if !noun_follows {
                    let w = self.w[i + 1];
                    return Some((year_expr(w.start, w.end, y), i + 2));
                }
            }
        }
        None
    }

    fn numeric(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let st = self.w[i].start;
        let a = self.s(i);
        let (b, c) = (self.s(i + 1), self.s(i + 2));
        let sep1 = self.gap(i);
        let sep2 = self.gap(i + 1);
        if b.is_empty() || c.is_empty() || sep1 != sep2 || !matches!(sep1, "-" | "/" | ".") {
            return None;
        }
        if !b.bytes().all(|x| x.is_ascii_digit()) || !c.bytes().all(|x| x.is_ascii_digit()) {
            return None;
        }
        let end = self.w[i + 2].end;
        let (y, m, d) = if a.len() == 4 && sep1 == "-" {
            (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
        } else if sep1 == "/" && (c.len() == 4 || c.len() == 2) && a.len() <= 2 && b.len() <= 2 {
            let y: i32 = c.parse().ok()?;
            let y = if c.len() == 2 { 2000 + y } else { y };
            // US order (month/day) unless the first number cannot be a month.
            let (p, q): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
            if p > 12 {
                (y, q, p)
            } else {
                (y, p, q)
            }
        } else if sep1 == "." && c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            (c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
        } else {
            return None;
        };
        let date = Date::new(y, m, d)?;
        Some((day_expr(st, end, date), i + 3))
    }

    /// "October", "October 12", "Oct. 12, 2019", "October 2019", "October of 2019", "mid-October".
    fn month_phrase(&self, i: usize, modified: bool) -> Option<(TimeExpr, usize)> {
        let w = self.s(i);
        if !is_cap(w) {
            return None;
        }
        let dot = self.followed_by_dot(i);
        let m = month_of(w, dot)?;
        let st = self.w[i].start;
        let full = MONTHS.iter().any(|x| x.eq_ignore_ascii_case(w));
        let mut j = i + 1;
        let gap_ok = |k: usize| {
            let g = self.gap(k).trim_start_matches('.');
            g.len() <= 2 && g.chars().all(char::is_whitespace)
        };
        // Day after the month.
        if let Some(d) = day_number(self.s(j)).filter(|_| gap_ok(i)) {
            let mut end = self.w[j].end;
            j += 1;
            let year = year_number(self.s(j)).filter(|_| self.gap_is(j - 1, &[",", ""]));
            if year.is_some() {
                end = self.w[j].end;
                j += 1;
            }
            let y = match year {
                Some(y) => Some(y),
                None => self
                    .anchor
                    .and_then(|a| pick(a, Dir::Bare, |y| Date::new(y, m, d)).map(|x| x.year)),
            };
            let date = y.and_then(|y| Date::new(y, m, d))?;
            return Some((day_expr(st, end, date), j));
        }
        // Year after the month.
        let mut k = j;
        if self.lower(k) == "of" {
            k += 1;
        }
        if let Some(y) = year_number(self.s(k)).filter(|_| self.gap_is(k - 1, &["", ","])) {
            return Some((month_expr(st, self.w[k].end, y, m), k + 1));
        }
        // A month alone: full names only; "May"/"March" need a modifier or a preposition before.
        if !full {
            return None;
        }
        if matches!(m, 3 | 5) && !modified {
            let prev = if i == 0 {
                String::new()
            } else {
                self.lower(i - 1)
            };
            if !matches!(
                prev.as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "during"
                    | "of"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
            ) {
                return None;
            }
        }
        let a = self.anchor?;
        let d = pick(a, Dir::Bare, |y| Date::new(y, m, 1))?;
        Some((month_expr(st, self.w[i].end, d.year, m), i + 1))
    }

    fn season(&self, i: usize, dir: Dir) -> Option<(TimeExpr, usize)> {
        let l = self.lower(i);
        let m: u8 = match l.as_str() {
            "spring" => 3,
            "summer" => 6,
            "fall" | "autumn" => 9,
            "winter" => 12,
            _ => return None,
        };
        let st = self.w[i].start;
        let mut k = i + 1;
        if self.lower(k) == "of" {
            k += 1;
        }
        if let Some(y) = year_number(self.s(k)) {
            return Some((month_expr(st, self.w[k].end, y, m), k + 1));
        }
        let a = self.anchor?;
        // Season starts as dates; winter belongs to the year it starts in.
        let f = |y: i32| Date::new(y, m, 1);
        let cur = if a.month < 3 {
            Date::new(a.year - 1, 12, 1)
        } else {
            Date::new(a.year, (a.month / 3) * 3, 1)
        }?;
        let d = match dir {
            Dir::Last => pick(cur, Dir::Last, f)?,
            Dir::Next => pick(a, Dir::Next, f)?,
            Dir::This | Dir::Bare => {
                if m == 12 && a.month < 3 {
                    Date::new(a.year - 1, 12, 1)?
                } else {
                    f(a.year)?
                }
            }
        };
        Some((month_expr(st, self.w[i].end, d.year, d.month), i + 1))
    }

    fn holiday(&self, i: usize, dir: Dir, st: usize) -> Option<(TimeExpr, usize)> {
        if !is_cap(self.s(i)) {
            return None;
        }
        let hs = &holidays().0;
        let first = self.low(i);
        if !hs.iter().any(|h| {
            h.words[0] == first
                || (h.words.len() == 1 && first.strip_suffix("'s") == Some(h.words[0].as_str()))
        }) {
            return None;
        }
        for h in hs {
            let n = h.words.len();
            if i + n > self.w.len() {
                continue;
            }
            let ok = (0..n).all(|k| {
                let w = self.lower(i + k);
                let w = if k + 1 == n && !h.words[k].contains('\'') {
                    w.trim_end_matches("'s").to_string()
                } else {
                    w
                };
                w == h.words[k]
                    && (k + 1 == n || self.gap(i + k).trim_matches('.').trim().is_empty())
            });
            if !ok {
                continue;
            }
            let j = i + n;
            let end = self.w[j - 1].end;
            if let Some(y) = year_number(self.s(j)).filter(|_| self.gap_is(j - 1, &["", ","])) {
                let d = holiday_in(&h.rule, y)?;
                return Some((day_expr(st, self.w[j].end, d), j + 1));
            }
            let a = self.anchor?;
            let d = pick(a, dir, |y| holiday_in(&h.rule, y))?;
            return Some((day_expr(st, end, d), j));
        }
        None
    }
}

fn resolve_weekday(a: Date, wd: u8, dir: Dir) -> Date {
    let back = (a.weekday() as i64 - wd as i64).rem_euclid(7);
    match dir {
        Dir::Bare | Dir::This => a.add_days(-back),
        Dir::Last => a.add_days(-(if back == 0 { 7 } else { back })),
        Dir::Next => {
            let fwd = (wd as i64 - a.weekday() as i64).rem_euclid(7);
            a.add_days(if fwd == 0 { 7 } else { fwd })
        }
    }
}

/// Finds temporal expressions in `text`, resolved against `anchor` (the article date) when given.
/// Results are sorted and never overlap. Linear in the length of the text.
pub fn find(anchor: Option<Date>, text: &str) -> Vec<TimeExpr> {
    let w = words(text);
    let lw = w
        .iter()
        .map(|x| text[x.start..x.end].to_ascii_lowercase().replace('’', "'"))
        .collect();
    let scan = Scan {
        text,
        w,
        lw,
        anchor,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.w.len() {
        match scan.at(i) {
            Some((e, j)) if j > i => {
                out.push(e);
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(anchor: &str, text: &str, expected: &[(&str, &str, &str)]) {
        let a = Date::parse_iso(anchor);
        let got = find(a, text);
        let got: Vec<(String, String, String)> = got
            .iter()
            .map(|e| {
                (
                    text[e.start..e.end].to_string(),
                    e.value.clone(),
                    e.granularity.as_str().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn table() {
        // (article date, text, [(span, value, granularity)])
        let rows: &[(&str, &str, &[(&str, &str, &str)])] = &[
            (
                "2020-01-12",
                "He spoke on Saturday.",
                &[("Saturday", "2020-01-11", "day")],
            ),
            (
                "2020-01-12",
                "The vote is on Sunday.",
                &[("Sunday", "2020-01-12", "day")],
            ),
            (
                "2020-01-12",
                "They met last Sunday.",
                &[("last Sunday", "2020-01-05", "day")],
            ),
            (
                "2020-01-12",
                "They meet next Tuesday.",
                &[("next Tuesday", "2020-01-14", "day")],
            ),
            (
                "2020-01-12",
                "It rained yesterday and today.",
                &[
                    ("yesterday", "2020-01-11", "day"),
                    ("today", "2020-01-12", "day"),
                ],
            ),
            (
                "2020-01-12",
                "The ship docks tomorrow.",
                &[("tomorrow", "2020-01-13", "day")],
            ),
            (
                "2020-01-12",
                "Talks ended in early October.",
                &[("early October", "2019-10", "month")],
            ),
            (
                "2020-01-12",
                "Prices rose in mid-December.",
                &[("mid-December", "2019-12", "month")],
            ),
            (
                "2020-01-12",
                "The plan starts in February.",
                &[("February", "2020-02", "month")],
            ),
            (
                "2020-01-12",
                "Sales fell last month.",
                &[("last month", "2019-12", "month")],
            ),
            (
                "2020-01-12",
                "Sales fell last year.",
                &[("last year", "2019", "year")],
            ),
            (
                "2020-01-12",
                "Sales rise this year.",
                &[("this year", "2020", "year")],
            ),
            (
                "2020-01-12",
                "They met last week.",
                &[("last week", "2019-12-30", "day")],
            ),
            (
                "2020-01-12",
                "It opened two days ago.",
                &[("two days ago", "2020-01-10", "day")],
            ),
            (
                "2020-01-12",
                "It closed a year ago.",
                &[("a year ago", "2019", "year")],
            ),
            (
                "2020-01-12",
                "The treaty was signed on January 3, 2018.",
                &[("January 3, 2018", "2018-01-03", "day")],
            ),
            (
                "2020-01-12",
                "The treaty was signed on Jan. 3.",
                &[("Jan. 3", "2020-01-03", "day")],
            ),
            (
                "2020-01-12",
                "It happened on Sept. 11, 2001.",
                &[("Sept. 11, 2001", "2001-09-11", "day")],
            ),
            (
                "2020-01-12",
                "Filed on 3 March 2019.",
                &[("3 March 2019", "2019-03-03", "day")],
            ),
            (
                "2020-01-12",
                "Filed on the 5th of May.",
                &[("5th of May", "2019-05-05", "day")],
            ),
            (
                "2020-01-12",
                "Filed on the 2nd of February.",
                &[("2nd of February", "2020-02-02", "day")],
            ),
            (
                "2020-01-12",
                "Released 2019-11-30 by the ministry.",
                &[("2019-11-30", "2019-11-30", "day")],
            ),
            (
                "2020-01-12",
                "Dated 11/30/2019.",
                &[("11/30/2019", "2019-11-30", "day")],
            ),
            (
                "2020-01-12",
                "Born in October 1961.",
                &[("October 1961", "1961-10", "month")],
            ),
            (
                "2020-01-12",
                "The firm was founded in 2009.",
                &[("2009", "2009", "year")],
            ),
            ("2020-01-12", "The firm hired 2000 workers.", &[]),
            ("2020-01-12", "Prices in 2019 dollars.", &[]),
            (
                "2020-01-12",
                "The shops close at Christmas.",
                &[("Christmas", "2019-12-25", "day")],
            ),
            (
                "2020-01-12",
                "The mayor gave a New Year’s Eve address.",
                &[("New Year’s Eve", "2019-12-31", "day")],
            ),
            (
                "2020-01-12",
                "He vowed to return by Easter.",
                &[("Easter", "2020-04-12", "day")],
            ),
            (
                "2020-01-12",
                "The deal was done last summer.",
                &[("last summer", "2019-06", "month")],
            ),
            (
                "2020-01-12",
                "Elections are due this spring.",
                &[("this spring", "2020-03", "month")],
            ),
            (
                "2020-01-12",
                "It snowed in the winter.",
                &[("winter", "2019-12", "month")],
            ),
            (
                "2020-01-12",
                "Work resumes in the fall of 2021.",
                &[("fall of 2021", "2021-09", "month")],
            ),
            ("2020-01-12", "Prices may fall sharply.", &[]),
            ("2020-01-12", "You may go. A protest march began.", &[]),
            (
                "2020-01-12",
                "They voted in May.",
                &[("May", "2019-05", "month")],
            ),
            (
                "2016-09-12",
                "The talks on Friday followed a meeting last Thursday.",
                &[
                    ("Friday", "2016-09-09", "day"),
                    ("last Thursday", "2016-09-08", "day"),
                ],
            ),
            // No anchor: only expressions with their own year.
            (
                "",
                "On Saturday and on May 4, 2015 and in 1999.",
                &[
                    ("May 4, 2015", "2015-05-04", "day"),
                    ("1999", "1999", "year"),
                ],
            ),
        ];
        for (a, t, e) in rows {
            check(a, t, e);
        }
    }

    #[test]
    fn every_holiday_example_resolves() {
        let ex = holiday_examples();
        assert!(ex.len() >= 20);
        for e in ex {
            let found = find(Some(e.anchor), &e.sentence);
            assert!(
                found.iter().any(|f| f.value == e.expected),
                "{}: {:?} → {:?}",
                e.name,
                e.sentence,
                found
            );
        }
    }

    #[test]
    fn holiday_table_errors_name_the_line() {
        let r = parse_holidays("# c\nxmas\tfixed 12\t2020-01-01\tx\ty\n");
        assert_eq!(
            r.err(),
            Some(TimeError::Holiday {
                line: 2,
                msg: "fixed needs MM-DD".into()
            })
        );
    }

    #[test]
    fn messy_input_does_not_panic() {
        let a = Date::parse_iso("2020-01-12");
        for t in [
            "",
            "1/",
            "2020-",
            "2020-13-45",
            "31 February 2020",
            "’s’s",
            "Jan.",
            "last",
            "the",
            "early",
            "9999/99/99",
            "é’a",
        ] {
            let _ = find(a, t);
        }
        let long = "on Monday, ".repeat(10_000);
        assert_eq!(find(a, &long).len(), 10_000);
    }
}
