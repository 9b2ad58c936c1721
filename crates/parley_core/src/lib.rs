//! parley's data model: the one set of types every stage writes into.
//!
//! A page becomes an [`Article`]; the linguistic core adds [`Sentence`]s with [`Token`]s; later
//! stages add [`Entity`], [`Quote`] and [`Event`] records. All of them are gathered in a
//! [`Document`], which serialises to the JSON of `docs/output-contract.md` (shared by the scorers).
//!
//! Every `start`/`end` is a **Unicode code-point offset into `article.text`**, end exclusive.
//! Rust strings index by byte, so [`CharIndex`] converts between the two; stages compute on bytes
//! and convert at their edge. No stage rewrites `article.text` once extraction has produced it.
//!
//! ```
//! use parley_core::{Article, CharIndex, Span};
//! let mut article = Article::default();
//! article.text = "Größe matters.".to_string();
//! let idx = CharIndex::new(&article.text);
//! let span = idx.span_of_bytes(0, "Größe".len());
//! assert_eq!(span, Span::new(0, 5));
//! assert_eq!(idx.slice(&article.text, span), "Größe");
//! ```

mod hash;
mod offsets;

pub use hash::{FxBuild, FxHashMap, FxHashSet, FxHasher};
pub use offsets::CharIndex;

use serde::{Deserialize, Serialize};

/// A half-open range of code points in `article.text`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The article as extracted from a page: clean text and metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 8601 (`YYYY-MM-DD` or a full timestamp).
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub publisher: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub text: String,
    /// Paragraph spans in `text`, in order, non-overlapping.
    #[serde(default)]
    pub paragraphs: Vec<Span>,
}

/// Universal Dependencies part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// One token of a sentence, with its analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lemma: String,
    pub upos: Upos,
    /// Penn Treebank tag where the tagger predicts one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub xpos: String,
    /// Index of the head token within the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`root` for the root).
    pub deprel: String,
}

/// A sentence: its span and, after the linguistic core, its tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Omitted from JSON output unless the caller asks for tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Token>,
}

/// Named-entity types parley recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum EntityType {
    PERSON,
    ORG,
    GPE,
    LOC,
    NORP,
    DATE,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PERSON => "PERSON",
            EntityType::ORG => "ORG",
            EntityType::GPE => "GPE",
            EntityType::LOC => "LOC",
            EntityType::NORP => "NORP",
            EntityType::DATE => "DATE",
        }
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    /// CAMEO actor code where the actor dictionary knows the entity (`USAGOV`, `PRK`, `IGOUNO`).
    pub code: Option<String>,
    /// Canonical name the mention resolves to ("Robert O’Brien" for "O’Brien").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// For DATE entities: the normalised value (`2020-01-11`, `2019-10`, `2019`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Index of the sentence holding the mention.
    #[serde(default)]
    pub sentence: usize,
}

/// A mention of an actor (speaker, event source or target).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ActorMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// What the mention resolves to: a canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub code: Option<String>,
}

/// A plain span of text (a cue verb, an event verb).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// A quotation or a report of speech, attributed where the text allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The cue verb or phrase ("told", "said", "according to").
    pub cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<TextSpan>,
    /// The outlet or occasion through which it was said ("Axios", "KCNA", "a New Year’s Eve speech").
    pub channel: Option<String>,
    pub speaker: Option<ActorMention>,
    /// Index of the sentence where the quote starts.
    #[serde(default)]
    pub sentence: usize,
}

/// How an event is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventMode {
    /// Promised, threatened, planned or intended, not (yet) done.
    Intent,
    /// Reported as possible, wished or demanded.
    Hypothetical,
}

/// A coded political event: source → action → target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub source: ActorMention,
    pub target: Option<ActorMention>,
    pub verb: TextSpan,
    /// CAMEO 1.1b3 code with its leading zero ("036").
    pub cameo: String,
    /// The first two digits of `cameo`.
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    /// PLOVER 0.8 event type.
    pub plover: Option<String>,
    pub mode: Option<EventMode>,
    pub negated: bool,
    /// Index of the sentence giving the evidence.
    pub sentence: usize,
    /// ISO date of the event (day, month or year precision).
    pub date: Option<String>,
    /// `day`, `month` or `year` from a date phrase of the sentence; without one, the article
    /// date with `day` (an article date is a day).
    pub date_granularity: Option<String>,
}

/// Everything parley knows about one input: the output-contract document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// Non-fatal problems met on the way (messy input is not an error).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

/// A calendar date (proleptic Gregorian), the unit every stage uses for "the article date".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
    /// Parses `YYYY-MM-DD` (a longer ISO timestamp is accepted; its date part is used).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: u8 = s.get(5..7)?.parse().ok()?;
        let d: u8 = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }
    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (if m <= 2 { y + 1 } else { y }) as i32,
            month: m,
            day: d,
        }
    }
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_weekdays() {
        let d = Date::parse_iso("2020-01-12").unwrap();
        assert_eq!(d.weekday(), 6, "2020-01-12 was a Sunday");
        assert_eq!(d.add_days(-1).to_string(), "2020-01-11");
        assert_eq!(Date::parse_iso("2020-02-30"), None);
        for n in -1000..1000 {
            let d = Date::from_days(n * 37);
            assert_eq!(d.to_days(), n * 37);
        }
    }

    #[test]
    fn document_serialises_to_contract_names() {
        let doc = Document::default();
        let v = serde_json::to_value(&doc).unwrap();
        for k in ["article", "sentences", "entities", "quotes", "events"] {
            assert!(v.get(k).is_some(), "missing {k}");
        }
        for k in [
            "url",
            "title",
            "authors",
            "published",
            "site_name",
            "publisher",
            "tags",
            "language",
            "text",
            "paragraphs",
        ] {
            assert!(v["article"].get(k).is_some(), "missing article.{k}");
        }
    }
}
