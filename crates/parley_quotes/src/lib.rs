//! Quotations and reported speech, attributed to their speakers.
//!
//! Main entry: [`find_quotes`]: direct quotes (also across paragraphs), mixed quotes and indirect
//! speech, each with its cue, channel and speaker mention resolved through
//! [`parley_entities::Analysis`].
//!
//! How: quotation marks are paired in one pass ([`parley_entities::marks`]); a quotation is
//! direct speech when a cue verb (`data/cues.tsv`) stands next to it in its sentence ("…,” he
//! said", "X said: “…”"), or when it continues speech attributed just before (the next quotation
//! in the paragraph, the next paragraph of a quotation). Short quoted phrases without a cue are
//! scare quotes or titles and are skipped, unless they sit inside reported speech, which makes
//! the reported clause a *mixed* quote. Indirect speech is a cue verb with its clause: "X said
//! (that) …", "X told Y (that) …", "…, X said", "according to X, …". The speaker is the noun
//! phrase next to the cue; the entity stage resolves it ("he" → "Robert Lane"); a nationality
//! modifying it is not the speaker alone ("Malian rebels"). Not reported content: a bare object
//! of an object cue ("welcomed the offer on Monday"), what two coordinated parties agree to do
//! ("A and B agreed to …"); a complement stops before an inverted attribution ("…, the ministry
//! said"). The channel is an
//! outlet the speaker told ("told Radio Nord"), one that published the statement ("in a statement
//! published by state agency KNA"), or the occasion ("in a New Year’s Eve speech").
//!
//! ```
//! let text = "Robert Lane met the press. “We are ready,” he told Radio Nord.";
//! let sents = parley_entities::testing::sentences(text);
//! let a = parley_entities::recognize(text, &sents, parley_actors::ActorDict::builtin(), None);
//! let q = parley_quotes::find_quotes(text, &sents, &a);
//! assert_eq!(q.len(), 1);
//! let sp = q[0].speaker.as_ref().unwrap();
//! assert_eq!((sp.text.as_str(), sp.name.as_deref()), ("he", Some("Robert Lane")));
//! assert_eq!(q[0].channel.as_deref(), Some("Radio Nord"));
//! ```

// Separate branches per pattern read better than merged conditions.
#![allow(clippy::if_same_then_else, clippy::needless_range_loop)]

use std::collections::HashMap;
use std::sync::OnceLock;

use parley_core::{ActorMention, CharIndex, Quote, QuoteKind, Sentence, TextSpan, Upos};
use parley_entities::marks::{quote_spans, QuoteSpan};
use parley_entities::{Analysis, MentionKind};
use parley_time::{MONTHS, WEEKDAYS};

/// Errors of this stage (none today: every input yields a result).
#[derive(Debug, thiserror::Error)]
pub enum QuotesError {
    #[error("bad cue line {line}")]
    Cue { line: usize },
}

/// How a cue verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// "X said CLAUSE".
    Speech,
    /// "X told SOMEONE CLAUSE".
    Tell,
    /// "X believed CLAUSE".
    Belief,
    /// "X criticised THING": the object is what is attributed.
    Object,
}

/// A row of `data/cues.tsv`.
#[derive(Debug, Clone)]
pub struct Cue {
    pub form: String,
    pub class: CueClass,
    pub example: String,
}

fn cues() -> &'static (HashMap<String, CueClass>, Vec<Cue>) {
    static C: OnceLock<(HashMap<String, CueClass>, Vec<Cue>)> = OnceLock::new();
    C.get_or_init(|| {
        let mut m = HashMap::new();
        let mut v = Vec::new();
        for line in include_str!("../data/cues.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let class = match c.get(1).copied() {
                Some("tell") => CueClass::Tell,
                Some("belief") => CueClass::Belief,
                Some("object") => CueClass::Object,
                _ => CueClass::Speech,
            };
            m.insert(c[0].to_string(), class);
            v.push(Cue {
                form: c[0].to_string(),
                class,
                example: c.get(2).unwrap_or(&"").replace("{form}", c[0]),
            });
        }
        (m, v)
    })
}

/// The cue lexicon with its examples (for tests and documentation).
pub fn cue_lexicon() -> &'static [Cue] {
    &cues().1
}

fn channel_nouns() -> &'static Vec<String> {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    C.get_or_init(|| {
        include_str!("../data/channels.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone)]
struct Wd {
    b0: usize,
    b1: usize,
    lower: String,
    cap: bool,
    in_quote: bool,
}

struct Sent {
    b0: usize,
    b1: usize,
    w: Vec<Wd>,
}

fn split(text: &str, s0: usize, s1: usize, qs: &[QuoteSpan], out: &mut Vec<Wd>) {
    let mut i = s0;
    while i < s1 {
        let Some(c) = text[i..s1].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let st = i;
        while i < s1 {
            let Some(d) = text[i..s1].chars().next() else {
                break;
            };
            if d.is_alphanumeric() {
                i += d.len_utf8();
            } else if matches!(d, '’' | '\'' | '-' | '.')
                && text[i + d.len_utf8()..s1]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric())
            {
                i += d.len_utf8();
            } else {
                break;
            }
        }
        // Titles and initials keep their full stop ("Mr.", "H."): no gap inside a name.
        if text.as_bytes().get(i) == Some(&b'.') && i < s1 {
            let w = &text[st..i];
            if matches!(
                w,
                "Mr" | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "St"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Gen"
                    | "Lt"
                    | "Col"
                    | "Prof"
                    | "Rev"
                    | "Jr"
                    | "Sr"
                    | "Capt"
                    | "Sgt"
                    | "Adm"
                    | "Maj"
            ) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            {
                i += 1;
            }
        }
        let w = &text[st..i];
        out.push(Wd {
            b0: st,
            b1: i,
            lower: w.to_lowercase().replace('’', "'"),
            cap: w.chars().next().is_some_and(char::is_uppercase),
            in_quote: parley_entities::marks::inside(qs, st),
        });
    }
}

/// Words that end a subject noun phrase when walking back from a cue.
fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "and"
            | "but"
            | "or"
            | "because"
            | "when"
            | "while"
            | "if"
            | "as"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "so"
            | "then"
            | "where"
            | "what"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "also"
            | "not"
            | "never"
            | "it's"
            | "there"
            | "this"
            | "these"
            | "those"
            | "be"
            | "been"
            | "did"
            | "does"
            | "do"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "than"
            | "into"
            | "about"
            | "over"
            | "until"
            | "even"
            | "yet"
            | "just"
            | "only"
            | "later"
            | "earlier"
            | "now"
            | "today"
            | "yesterday"
            | "again"
            | "once"
    )
}

/// Adverbs and auxiliaries between a subject and its cue ("Kim also promised", "he has said").
fn pre_cue_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "previously"
            | "then"
            | "recently"
            | "further"
            | "has"
            | "had"
            | "have"
            | "was"
            | "reportedly"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "once"
            | "again"
            | "flatly"
            | "quickly"
            | "firmly"
            | "often"
            | "frequently"
            | "subsequently"
            | "initially"
            | "first"
            | "last"
            | "had previously"
            | "allegedly"
            | "separately"
            | "earlier"
            | "already"
            | "explicitly"
            | "falsely"
            | "correctly"
            | "wrongly"
            | "simply"
            | "still"
            | "would"
            | "will"
            | "has long"
            | "long"
            | "himself"
            | "herself"
            | "themselves"
            | "ultimately"
            | "directly"
            | "specifically"
            | "openly"
            | "even"
            | "routinely"
            | "never"
            | "not"
            | "did"
            | "does"
    )
}

fn is_pronoun_subject(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

struct Ctx<'t> {
    text: &'t str,
    idx: CharIndex,
    sents: Vec<Sent>,
    an: &'t Analysis,
    newlines: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Attr {
    cue: Option<(usize, usize)>,
    #[allow(dead_code)]
    speaker: Option<(usize, usize)>,
    channel: Option<String>,
}

impl<'t> Ctx<'t> {
    fn sent_at(&self, b: usize) -> usize {
        self.sents
            .partition_point(|s| s.b1 <= b)
            .min(self.sents.len().saturating_sub(1))
    }
    fn para_of(&self, b: usize) -> usize {
        self.newlines.partition_point(|&n| n < b)
    }
    fn gap(&self, s: &Sent, i: usize) -> &'t str {
        match (s.w.get(i), s.w.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.b1..b.b0],
            (Some(a), None) => &self.text[a.b1..s.b1.max(a.b1)],
            _ => "",
        }
    }
    fn cue_class(&self, w: &Wd) -> Option<CueClass> {
        cues().0.get(&w.lower).copied()
    }

    /// Subject noun phrase ending just before word `c` (the cue) of sentence `s`: word range.
    fn subject_before(&self, s: &Sent, c: usize) -> Option<(usize, usize)> {
        let mut e = c;
        while e > 0 && pre_cue_filler(&s.w[e - 1].lower) && self.gap(s, e - 1).trim().is_empty() {
            e -= 1;
        }
        if e == 0 {
            return None;
        }
        let g = self.gap(s, e - 1).trim();
        if !g.is_empty() && g != "," {
            return None;
        }
        // An apposition: "Lane, the adviser, said" — take the name before the commas.
        let mut a = e;
        let mut commas = 0;
        while a > 0 && e - a < 10 {
            let w = &s.w[a - 1];
            if w.in_quote {
                break;
            }
            let g = self.gap(s, a - 1).trim().to_string();
            if a < e && !g.is_empty() {
                // An apposition only between the name and its cue: "Lane, the adviser, said".
                let appos = self.gap(s, e - 1).trim() == ",";
                if g == "," && commas == 0 && e - a <= 6 && appos {
                    commas += 1;
                } else {
                    break;
                }
            }
            if np_stop(&w.lower)
                && !(matches!(w.lower.as_str(), "of" | "to" | "for" | "at" | "in") && a < e)
            {
                break;
            }
            if matches!(w.lower.as_str(), "to" | "for" | "of" | "at" | "in") {
                // Only inside a noun phrase: "adviser to Lane", "head of the agency".
                if a < 2 || np_stop(&s.w[a - 2].lower) {
                    break;
                }
            }
            a -= 1;
            if is_pronoun_subject(&s.w[a].lower) {
                break;
            }
        }
        if a == e {
            return None;
        }
        // A leading conjunction or sentence adverb is not part of the subject.
        while a < e
            && matches!(
                s.w[a].lower.as_str(),
                "but" | "and" | "so" | "meanwhile" | "however" | "still" | "yet"
            )
        {
            a += 1;
        }
        // "Robert Lane, the adviser," → keep the part before the first comma if it has a name.
        (a < e).then_some((a, e))
    }

    /// Noun phrase right after word `c` (inverted "said Lane", "said the adviser").
    fn np_after(&self, s: &Sent, c: usize) -> Option<(usize, usize)> {
        let a = c + 1;
        if a >= s.w.len() || !self.gap(s, c).trim().is_empty() {
            return None;
        }
        let mut b = a;
        while b < s.w.len() && b - a < 8 {
            if s.w[b].in_quote
                || (b > a
                    && !self.gap(s, b - 1).trim().is_empty()
                    && self.gap(s, b - 1).trim() != ".")
            {
                break;
            }
            if b > a
                && matches!(
                    s.w[b].lower.as_str(),
                    "who"
                        | "that"
                        | "which"
                        | "in"
                        | "on"
                        | "at"
                        | "during"
                        | "adding"
                        | "according"
                        | "when"
                        | "after"
                        | "before"
                        | "as"
                )
            {
                break;
            }
            b += 1;
        }
        (b > a).then_some((a, b))
    }

    /// Turns a word range into a speaker mention, resolved through the entity analysis.
    fn speaker(&self, s: &Sent, (a, b): (usize, usize)) -> ActorMention {
        self.speaker_bytes(s.w[a].b0, s.w[b - 1].b1)
    }

    fn speaker_bytes(&self, b0: usize, b1: usize) -> ActorMention {
        let span = self.idx.span_of_bytes(b0, b1);
        // The head of the phrase: the mention ending last (names after a preposition excluded:
        // "a top adviser to Kim"); on a tie the longer one ("North Korean officials").
        let mut best: Option<&parley_entities::Mention> = None;
        for m in self.an.mentions_in(span) {
            if !span.contains(m.span) {
                continue;
            }
            let after_prep = self.text[b0..self.idx.byte_of_char(m.span.start)]
                .split_whitespace()
                .last()
                .is_some_and(|p| matches!(p, "to" | "of" | "for" | "at" | "with" | "from"));
            if after_prep {
                continue;
            }
            let better = match best {
                None => true,
                Some(bm) => (m.span.end, m.span.len()) > (bm.span.end, bm.span.len()),
            };
            if better {
                best = Some(m);
            }
        }
        // A nationality modifying the head noun ("Malian rebels") is not the speaker by itself:
        // the whole phrase is.
        let modifier = |m: &parley_entities::Mention| {
            m.kind == MentionKind::Name
                && m.etype == Some(parley_core::EntityType::NORP)
                && m.span.end < span.end
                && self.text[self.idx.byte_of_char(m.span.end)..b1]
                    .chars()
                    .next()
                    .is_some_and(|c| c == ' ')
        };
        // The mention alone is the speaker.
        let itself = |m: &parley_entities::Mention| ActorMention {
            text: m.text.clone(),
            start: m.span.start,
            end: m.span.end,
            name: m.name.clone(),
            code: m.code.clone(),
        };
        match best {
            Some(m) if modifier(m) => ActorMention {
                text: self.text[b0..b1].to_string(),
                start: span.start,
                end: span.end,
                name: None,
                code: m.code.clone(),
            },
            Some(m) if m.kind == MentionKind::Name || m.kind == MentionKind::Pronoun => itself(m),
            // A description that ends the phrase and opens with its own article after a noun
            // ("a charge the council rejected") is the speaker by itself.
            Some(m)
                if m.span.end == span.end
                    && m.span.start > span.start
                    && ["the ", "a ", "an "]
                        .iter()
                        .any(|d| m.text.to_lowercase().starts_with(d))
                    && self.text[b0..self.idx.byte_of_char(m.span.start)]
                        .trim_end()
                        .ends_with(|c: char| c.is_alphabetic())
                    && !self.text[b0..self.idx.byte_of_char(m.span.start)]
                        .split_whitespace()
                        .last()
                        .is_some_and(|p| {
                            matches!(
                                p.to_lowercase().as_str(),
                                "and" | "or" | "to" | "of" | "for" | "at" | "with" | "from" | "by"
                            )
                        }) =>
            {
                itself(m)
            }
            Some(m) => ActorMention {
                text: self.text[b0..b1].to_string(),
                start: span.start,
                end: span.end,
                name: m.name.clone(),
                code: m.code.clone(),
            },
            None => ActorMention {
                text: self.text[b0..b1].to_string(),
                start: span.start,
                end: span.end,
                name: None,
                code: None,
            },
        }
    }

    /// The channel in the clause of a cue: an outlet told, a publisher, or an occasion.
    fn channel(&self, s: &Sent, c: usize, class: CueClass, lo: usize, hi: usize) -> Option<String> {
        let outlet_at = |k: usize| -> Option<String> {
            let w = s.w.get(k)?;
            let sp = self.idx.span_of_bytes(w.b0, w.b1);
            let m = self.an.mentions_in(sp).next()?;
            if m.kind == MentionKind::Name
                && (m.media || m.etype == Some(parley_core::EntityType::ORG))
            {
                return Some(m.text.clone());
            }
            if m.kind == MentionKind::Nominal && m.media {
                // "the news outlet": the outlet it refers to, as the text names it.
                return m
                    .entity
                    .and_then(|e| self.an.entities.get(e))
                    .map(|e| e.text.clone())
                    .or_else(|| m.name.clone());
            }
            None
        };
        // "told Axios", "told the news outlet".
        if class == CueClass::Tell {
            let mut k = c + 1;
            if s.w
                .get(k)
                .is_some_and(|w| matches!(w.lower.as_str(), "the" | "a" | "an"))
            {
                k += 1;
            }
            for k in k..(k + 3).min(s.w.len()) {
                if !self.gap(s, k - 1).trim().is_empty() {
                    break;
                }
                if let Some(o) = outlet_at(k) {
                    return Some(o);
                }
                if !s.w[k].cap {
                    break;
                }
            }
        }
        // "in a statement published by state media agency KCNA", "in an interview with Axios",
        // "in a New Year's Eve speech", "on Twitter".
        let nouns = channel_nouns();
        let mut k = lo;
        while k < hi.min(s.w.len()) {
            let l = s.w[k].lower.as_str();
            if matches!(l, "in" | "at" | "during") && k + 1 < s.w.len() && !s.w[k].in_quote {
                // Find the channel noun within 5 words.
                let mut j = k + 1;
                while j < s.w.len() && j <= k + 6 && !s.w[j].in_quote {
                    if nouns.iter().any(|n| *n == s.w[j].lower) {
                        // An outlet named right after: published/carried/released by X, with X.
                        let mut t = j + 1;
                        while t < s.w.len()
                            && t <= j + 3
                            && matches!(
                                s.w[t].lower.as_str(),
                                "published"
                                    | "carried"
                                    | "released"
                                    | "issued"
                                    | "by"
                                    | "with"
                                    | "to"
                                    | "on"
                                    | "aired"
                                    | "broadcast"
                            )
                        {
                            t += 1;
                        }
                        if t > j + 1 {
                            for u in t..(t + 5).min(s.w.len()) {
                                if let Some(o) = outlet_at(u) {
                                    return Some(o);
                                }
                            }
                        }
                        let from = s.w[k + 1].b0;
                        let to = s.w[j].b1;
                        return Some(self.text[from..to].to_string());
                    }
                    if !self.gap(s, j - 1).trim().is_empty() && self.gap(s, j - 1).trim() != "’s"
                    {
                        break;
                    }
                    j += 1;
                }
            }
            if l == "on" && k + 1 < s.w.len() {
                if let Some(o) = outlet_at(k + 1) {
                    return Some(o);
                }
            }
            k += 1;
        }
        None
    }
}

fn quote(ctx: &Ctx, b0: usize, b1: usize, kind: QuoteKind, s: usize, attr: &Attr) -> Quote {
    let span = ctx.idx.span_of_bytes(b0, b1);
    let sent = &ctx.sents[s.min(ctx.sents.len() - 1)];
    let _ = sent;
    Quote {
        text: ctx.text[b0..b1].to_string(),
        start: span.start,
        end: span.end,
        kind,
        cue: attr.cue.map(|(a, b)| ctx.text[a..b].to_string()),
        cue_span: attr.cue.map(|(a, b)| {
            let sp = ctx.idx.span_of_bytes(a, b);
            TextSpan {
                text: ctx.text[a..b].to_string(),
                start: sp.start,
                end: sp.end,
            }
        }),
        channel: attr.channel.clone(),
        speaker: None,
        sentence: s,
    }
}

struct Cand {
    b0: usize,
    b1: usize,
    kind: QuoteKind,
    sent: usize,
    attr: Option<Attr>,
    speaker: Option<ActorMention>,
    /// Sentence and word range of the speaker phrase.
    sp_words: Option<(usize, usize, usize)>,
    /// Byte range of the speaker phrase (from the parse).
    sp_bytes: Option<(usize, usize)>,
    long: bool,
}

impl Cand {
    /// Indirect speech at bytes `b0..b1` of sentence `sent`, said by the words `speaker`
    /// (`start..end`) of that sentence, with its cue and channel.
    fn indirect(
        b0: usize,
        b1: usize,
        sent: usize,
        speaker: (usize, usize),
        cue: Option<(usize, usize)>,
        channel: Option<String>,
    ) -> Cand {
        Cand {
            b0,
            b1,
            kind: QuoteKind::Indirect,
            sent,
            attr: Some(Attr {
                cue,
                speaker: Some(speaker),
                channel,
            }),
            speaker: None,
            sp_words: Some((sent, speaker.0, speaker.1)),
            sp_bytes: None,
            long: true,
        }
    }
}

/// Finds the quotes of an article.
pub fn find_quotes(text: &str, sentences: &[Sentence], analysis: &Analysis) -> Vec<Quote> {
    let idx = CharIndex::new(text);
    let raw = quote_spans(text);
    // Merge quotations that run over several paragraphs.
    let mut qs: Vec<QuoteSpan> = Vec::with_capacity(raw.len());
    for q in raw.iter() {
        if q.continued {
            if let Some(last) = qs.last_mut() {
                if last.continues {
                    last.end = q.end;
                    last.close_len = q.close_len;
                    last.continues = q.continues;
                    continue;
                }
            }
        }
        qs.push(*q);
    }
    // Sentences, glued back where a splitter cut after a title or an initial ("Mr. | Lane said").
    let mut sents: Vec<Sent> = Vec::with_capacity(sentences.len());
    let mut orig: Vec<usize> = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        let b0 = idx.byte_of_char(s.start);
        let b1 = idx.byte_of_char(s.end).max(b0);
        if let Some(last) = sents.last_mut() {
            let prev = text[last.b0..last.b1].trim_end();
            let tail = prev.rsplit([' ', '\n', '(', '“', '"']).next().unwrap_or("");
            let abbrev = matches!(
                tail,
                "Mr."
                    | "Mrs."
                    | "Ms."
                    | "Dr."
                    | "St."
                    | "Sen."
                    | "Rep."
                    | "Gov."
                    | "Gen."
                    | "Lt."
                    | "Col."
                    | "Prof."
                    | "Rev."
                    | "Jr."
                    | "U.S."
                    | "U.N."
                    | "D.C."
                    | "N.C."
                    | "Calif."
                    | "Fla."
                    | "Mass."
                    | "Va."
                    | "Wis."
                    | "Mo."
                    | "Mich."
                    | "Pa."
                    | "Ga."
                    | "Ariz."
                    | "Ill."
                    | "No."
            ) || (tail.len() == 2
                && tail.ends_with('.')
                && tail.chars().next().is_some_and(|c| c.is_uppercase()));
            let same_para = !text[last.b1..b0].contains('\n');
            if abbrev
                && same_para
                && text[b0..b1]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                split(text, b0, b1, &raw, &mut last.w);
                last.b1 = b1;
                continue;
            }
        }
        let mut w = Vec::new();
        split(text, b0, b1, &raw, &mut w);
        sents.push(Sent { b0, b1, w });
        orig.push(si);
    }
    if sents.is_empty() {
        // No sentence analysis: one sentence per line.
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let b0 = pos;
            let b1 = pos + line.trim_end().len();
            pos += line.len();
            if b1 > b0 {
                let mut w = Vec::new();
                split(text, b0, b1, &raw, &mut w);
                sents.push(Sent { b0, b1, w });
            }
        }
        if sents.is_empty() {
            return Vec::new();
        }
    }
    let newlines: Vec<usize> = memchr_all(text.as_bytes(), b'\n');
    let ctx = Ctx {
        text,
        idx,
        sents,
        an: analysis,
        newlines,
    };
    let mut cands: Vec<Cand> = Vec::new();

    // 1. Direct quotations.
    for q in &qs {
        let (i0, i1) = q.inner();
        if i1 <= i0 {
            continue;
        }
        let inner = &text[i0..i1];
        let nwords = inner.split_whitespace().count();
        let sf = ctx.sent_at(q.start);
        let sl = ctx.sent_at(q.end.saturating_sub(1).max(q.start));
        let mut attr: Option<Attr> = None;
        let mut sp_words = None;
        // After: "…,” he said." / "…,” said Lane." / "…” — Lane said."
        {
            let mut sl = sl;
            let mut k0 = ctx.sents[sl].w.partition_point(|w| w.b0 < q.end);
            // The splitter may have cut after "?”": "…?” ― Jo Park", "…?” he asked".
            if k0 == ctx.sents[sl].w.len() && sl + 1 < ctx.sents.len() {
                let nx = &ctx.sents[sl + 1];
                let between = &text[q.end.min(nx.b0)..nx.b0];
                let head = text[nx.b0..nx.b1].trim_start();
                if !between.contains('\n')
                    && (head.starts_with(['―', '—', '–'])
                        || head.chars().next().is_some_and(char::is_lowercase))
                {
                    sl += 1;
                    k0 = 0;
                }
            }
            let s = &ctx.sents[sl];
            let lead =
                s.w.get(k0)
                    .map(|w| &text[q.end.min(w.b0)..w.b0])
                    .unwrap_or("");
            let lead_ok = lead
                .trim()
                .chars()
                .all(|c| matches!(c, ',' | '—' | '–' | '-' | '―'));
            // "“…” ― Ana Ruiz": a dash and a name closing the line.
            if lead.contains(['―', '—', '–']) && k0 < s.w.len() {
                let mut k = k0;
                while k < s.w.len() && k < k0 + 5 && s.w[k].cap && !s.w[k].in_quote {
                    k += 1;
                }
                let rest = s.w.get(k).map(|w| &text[s.w[k - 1].b1..w.b0]).unwrap_or("");
                if k > k0 && (k == s.w.len() || rest.contains(',') || rest.contains('\n')) {
                    attr = Some(Attr {
                        cue: None,
                        speaker: Some((k0, k)),
                        channel: None,
                    });
                    sp_words = Some((sl, k0, k));
                }
            }
            // "…,” Jo Park, a senior fellow at the institute, said." — a name, an apposition, the cue.
            if attr.is_none() && lead_ok && k0 < s.w.len() && !s.w[k0].in_quote {
                let mut seg = k0 + 1;
                while seg < s.w.len()
                    && seg < k0 + 7
                    && ctx.gap(s, seg - 1).trim().is_empty()
                    && !s.w[seg].in_quote
                {
                    seg += 1;
                }
                let g = if seg < s.w.len() {
                    ctx.gap(s, seg - 1).trim()
                } else {
                    ""
                };
                let first_ok = s.w[k0].cap || matches!(s.w[k0].lower.as_str(), "the" | "a" | "an");
                if first_ok
                    && seg < s.w.len()
                    && (g.starts_with(',') || g.starts_with('('))
                    && ctx.cue_class(&s.w[seg]).is_none()
                {
                    let mut c = seg;
                    let mut depth_ok = true;
                    while c < s.w.len() && c < k0 + 35 && !s.w[c].in_quote {
                        let gp = ctx.gap(s, c - 1);
                        if gp.contains([';', ':', '“']) || gp.contains(". ") && !gp.contains(')')
                        {
                            depth_ok = false;
                            break;
                        }
                        if ctx.cue_class(&s.w[c]).is_some()
                            && (gp.trim().ends_with(',') || gp.trim().ends_with(')'))
                        {
                            break;
                        }
                        c += 1;
                    }
                    if depth_ok
                        && c < s.w.len()
                        && ctx.cue_class(&s.w[c]).is_some()
                        && !s.w[c].in_quote
                    {
                        let class = ctx.cue_class(&s.w[c]).unwrap_or(CueClass::Speech);
                        let ch = ctx.channel(s, c, class, c, s.w.len());
                        attr = Some(Attr {
                            cue: Some((s.w[c].b0, s.w[c].b1)),
                            speaker: Some((k0, seg)),
                            channel: ch,
                        });
                        sp_words = Some((sl, k0, seg));
                    }
                }
            }
            let mut k = k0;
            while attr.is_none() && lead_ok && k < s.w.len() && k < k0 + 7 && !s.w[k].in_quote {
                if k > k0 && !ctx.gap(s, k - 1).trim().is_empty() {
                    break;
                }
                if let Some(class) = ctx.cue_class(&s.w[k]) {
                    let np = if k > k0 {
                        Some((k0, k))
                    } else {
                        ctx.np_after(s, k)
                    };
                    let np = np.filter(|&(a, b)| {
                        b - a <= 8
                            && !np_stop(&s.w[b - 1].lower)
                            && !pre_cue_filler(&s.w[b - 1].lower)
                    });
                    if let Some(np) = np {
                        let ch = ctx.channel(s, k, class, k0, s.w.len());
                        attr = Some(Attr {
                            cue: Some((s.w[k].b0, s.w[k].b1)),
                            speaker: Some(np),
                            channel: ch,
                        });
                        sp_words = Some((sl, np.0, np.1));
                    }
                    break;
                }
                k += 1;
            }
        }
        // Before: "Lane said: “…”", "Lane told the panel, “…”", "Lane said that “…”".
        if attr.is_none() {
            let s = &ctx.sents[sf];
            let k1 = s.w.partition_point(|w| w.b1 <= q.start);
            let lo = k1.saturating_sub(12);
            for k in (lo..k1).rev() {
                if s.w[k].in_quote {
                    break;
                }
                if let Some(class) = ctx.cue_class(&s.w[k]) {
                    // The words between the cue and the quote: an addressee, "that", a time.
                    let between = &text[s.w[k].b1..q.start];
                    let fragment = inner.chars().next().is_some_and(char::is_lowercase)
                        && between.split_whitespace().count() > 1;
                    if let Some(np) = ctx.subject_before(s, k) {
                        if !fragment || nwords >= 8 {
                            let ch = ctx.channel(s, k, class, 0, k1);
                            attr = Some(Attr {
                                cue: Some((s.w[k].b0, s.w[k].b1)),
                                speaker: Some(np),
                                channel: ch,
                            });
                            sp_words = Some((sf, np.0, np.1));
                        }
                    }
                    break;
                }
            }
        }
        // Where the quotation opens: at the start of its sentence (or after a colon or a cue), or
        // inside a clause (a fragment, part of reported speech or a scare quote).
        let embedded = {
            let s = &ctx.sents[sf];
            let before = text[s.b0.min(q.start)..q.start].trim_end();
            !(before.is_empty()
                || before.ends_with(':')
                || before.ends_with(',') && attr.is_some()
                || before.ends_with(['―', '—', '-']))
                && inner
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_uppercase())
        };
        let words: Vec<&str> = inner.split_whitespace().collect();
        let title_like = words.len() <= 6
            && words.iter().filter(|w| w.chars().count() > 3).all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            })
            && !inner.trim_end().ends_with([',', '?', '!']);
        if title_like && !text[..q.start].trim_end().ends_with(':') {
            continue;
        }
        let within_sentence = q.closed() && !q.continued && !q.continues && sl == sf;
        if embedded
            && within_sentence
            && attr.as_ref().is_none_or(|_| {
                // A cue right before the quotation ("said “…”", "said that “…”") keeps it direct.
                let s = &ctx.sents[sf];
                let k1 = s.w.partition_point(|w| w.b1 <= q.start);
                !(k1 > 0
                    && (ctx.cue_class(&s.w[k1 - 1]).is_some()
                        || s.w[k1 - 1].lower == "that"
                            && k1 > 1
                            && ctx.cue_class(&s.w[k1 - 2]).is_some()))
            })
        {
            continue;
        }
        let sentence_like = inner
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
            || inner.trim_end().ends_with(['.', '?', '!', ','])
            || inner.trim_end().ends_with(".”");
        let long = nwords >= 6 && sentence_like || !q.closed() || q.continued;
        if attr.is_none() && nwords < 4 {
            continue; // a scare quote or a title
        }
        cands.push(Cand {
            b0: q.start,
            b1: q.end,
            kind: QuoteKind::Direct,
            sent: sf,
            attr,
            speaker: None,
            sp_words,
            sp_bytes: None,
            long,
        });
    }

    // 2. Indirect speech.
    let direct_spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.b0, c.b1)).collect();
    let parsed = sentences
        .iter()
        .flat_map(|s| s.tokens.iter())
        .take(500)
        .any(|t| t.head.is_some() && matches!(t.upos, Upos::VERB | Upos::DET));
    let mut parse_cues: std::collections::HashSet<usize> = std::collections::HashSet::new();
    if parsed {
        let before = cands.len();
        for s in sentences {
            from_parse(&ctx, s, &direct_spans, &mut cands, &mut parse_cues);
        }
        parse_cues.extend(
            cands[before..]
                .iter()
                .filter_map(|c| c.attr.as_ref().and_then(|a| a.cue).map(|x| x.0)),
        );
    }
    for (si, s) in ctx.sents.iter().enumerate() {
        let n = s.w.len();
        // "Lane: Talks Will Resume" — a name, a colon, what the person said (headline style).
        if n >= 4 {
            let mut j = 0;
            while j < n && j < 4 && s.w[j].cap && ctx.gap(s, j).trim().is_empty() {
                j += 1;
            }
            if j + 1 < n && j < 4 && s.w[j].cap && ctx.gap(s, j).trim() == ":" && s.w[0].b0 == s.b0
            {
                let np = (0, j + 1);
                let sp = ctx.idx.span_of_bytes(s.w[0].b0, s.w[j].b1);
                let named = analysis.mentions_in(sp).any(|m| {
                    m.kind == MentionKind::Name
                        && matches!(
                            m.etype,
                            Some(
                                parley_core::EntityType::PERSON
                                    | parley_core::EntityType::ORG
                                    | parley_core::EntityType::GPE
                            )
                        )
                });
                let c0 = s.w[j + 1].b0;
                let c1 = trim_end(text, c0, s.b1);
                if named
                    && text[c0..c1].split_whitespace().count() >= 3
                    && !direct_spans.iter().any(|&(a, b)| a <= c0 && c0 < b)
                {
                    cands.push(Cand::indirect(c0, c1, si, np, None, None));
                }
            }
        }
        let mut k = 0;
        while k < n {
            // With a parse, the surface rules only add what the parse missed.
            if parsed && parse_cues.contains(&s.w[k].b0) {
                k += 1;
                continue;
            }
            let w = &s.w[k];
            if w.in_quote {
                k += 1;
                continue;
            }
            // "according to X, CLAUSE" / "CLAUSE, according to X".
            if w.lower == "according" && k + 1 < n && s.w[k + 1].lower == "to" {
                let a = k + 2;
                let mut b = a;
                while b < n
                    && b - a < 8
                    && (b == a || ctx.gap(s, b - 1).trim().is_empty())
                    && !s.w[b].in_quote
                {
                    b += 1;
                }
                if b > a {
                    let (c0, c1) = if k == 0 || ctx.gap(s, k.saturating_sub(1)).trim() != "," {
                        // Fronted: the clause follows the comma after X.
                        (s.w.get(b).map(|x| x.b0).unwrap_or(s.b1), s.b1)
                    } else {
                        (s.b0, s.w[k - 1].b1)
                    };
                    if c1 > c0 + 10 {
                        cands.push(Cand::indirect(
                            c0,
                            trim_end(text, c0, c1),
                            si,
                            (a, b),
                            Some((w.b0, s.w[k + 1].b1)),
                            None,
                        ));
                    }
                }
                k = b.max(k + 1);
                continue;
            }
            let Some(class) = ctx.cue_class(w) else {
                k += 1;
                continue;
            };
            // Participles after "has"/"was" are fine; "said" as an adjective ("the said plan") rare.
            let g_before = if k > 0 { ctx.gap(s, k - 1).trim() } else { "" };
            let subj = ctx.subject_before(s, k);
            let inverted = g_before == "," || (k > 0 && s.w[k - 1].in_quote);
            // "X welcomed the offer, telling Radio Nord that …": a participle after a comma hangs
            // on the clause before it, whose subject speaks; it never closes "CLAUSE, X said".
            // (Without a parse the surface rules keep their old reading of it.)
            if parsed && inverted && g_before == "," && w.lower.ends_with("ing") {
                k += 1;
                continue;
            }
            if inverted {
                // "CLAUSE, X said." or "CLAUSE, said X." — the cue ends the clause: nothing but a
                // noun phrase, an adverbial or the end of the sentence may follow it.
                let next = s.w.get(k + 1).map(|x| x.lower.as_str()).unwrap_or("");
                let g_after = ctx.gap(s, k).trim();
                let ends = k + 1 >= n
                    || !g_after.is_empty()
                    || opens_adverbial(next)
                    || matches!(
                        next,
                        "today"
                            | "yesterday"
                            | "the"
                            | "a"
                            | "an"
                            | "mr."
                            | "mrs."
                            | "ms."
                            | "dr."
                            | "that"
                            | "of"
                            | "to"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                    )
                    || s.w[k + 1].cap
                    || class == CueClass::Tell;
                if !ends {
                    k += 1;
                    continue;
                }
                let np = if subj.is_some() && g_before.is_empty() {
                    subj
                } else {
                    ctx.np_after(s, k)
                };
                let np = match (subj, np) {
                    (Some(sb), _) if ctx.gap(s, sb.0.saturating_sub(1)).trim() == "," => Some(sb),
                    (_, n) => n,
                };
                let np = np.or(subj);
                if let Some(np) = np {
                    let comma_at = if np.0 < k { np.0 } else { k };
                    if comma_at > 0 {
                        let c1 = s.w[comma_at - 1].b1;
                        let c0 = s.b0;
                        // A direct quotation there is already taken.
                        if !mostly_quoted(&direct_spans, c0, c1)
                            && text[c0..c1].split_whitespace().count() >= 4
                        {
                            let ch = ctx.channel(s, k, class, k, n);
                            let c0 = skip_open(text, c0, c1);
                            cands.push(Cand::indirect(
                                c0,
                                trim_end(text, c0, c1),
                                si,
                                np,
                                Some((w.b0, w.b1)),
                                ch,
                            ));
                        }
                    }
                }
                k += 1;
                continue;
            }
            let Some(np) = subj else {
                k += 1;
                continue;
            };
            // Complement: skip an addressee (tell verbs) and adverbials up to "that".
            let mut c = k + 1;
            let limit = (k + 16).min(n);
            let that = (k + 1..limit).find(|&j| {
                s.w[j].lower == "that"
                    && !s.w[j].in_quote
                    && (j == k + 1 || !matches!(s.w[j - 1].lower.as_str(), "so" | "such" | "now"))
            });
            if let Some(t) = that {
                // Only when the words before "that" look like an addressee or adverbials.
                let ok = (k + 1..t).all(|j| !cues().0.contains_key(&s.w[j].lower));
                if ok {
                    c = t + 1;
                }
            } else if class == CueClass::Tell {
                // "told Axios he …": skip a short addressee.
                let mut j = k + 1;
                while j < n
                    && j < k + 5
                    && (s.w[j].cap
                        || matches!(
                            s.w[j].lower.as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "reporters"
                                | "journalists"
                                | "him"
                                | "her"
                                | "them"
                                | "us"
                                | "me"
                                | "news"
                                | "outlet"
                                | "lawmakers"
                                | "congress"
                                | "supporters"
                                | "viewers"
                                | "listeners"
                                | "readers"
                                | "audience"
                                | "crowd"
                                | "committee"
                                | "panel"
                        ))
                {
                    j += 1;
                }
                let modal = j < n
                    && matches!(
                        s.w[j].lower.as_str(),
                        "would"
                            | "will"
                            | "could"
                            | "can"
                            | "should"
                            | "must"
                            | "may"
                            | "might"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "had"
                            | "has"
                            | "have"
                            | "did"
                            | "does"
                    );
                if !modal {
                    c = j;
                }
            }
            // A complement that is only a prepositional phrase ("told Axios in an interview") is no
            // clause: the reported speech is before the comma ("CLAUSE, X told Axios in …").
            let prep_only = that.is_none() && c < n && opens_adverbial(&s.w[c].lower);
            if (prep_only || c >= n) && np.0 > 0 && ctx.gap(s, np.0 - 1).trim() == "," {
                let c1 = s.w[np.0 - 1].b1;
                let c0 = skip_open(text, s.b0, c1);
                if c1 > c0 + 10 && !mostly_quoted(&direct_spans, c0, c1) {
                    let ch = ctx.channel(s, k, class, k, n);
                    cands.push(Cand::indirect(
                        c0,
                        trim_end(text, c0, c1),
                        si,
                        np,
                        Some((w.b0, w.b1)),
                        ch,
                    ));
                }
                k += 1;
                continue;
            }
            if prep_only {
                k += 1;
                continue;
            }
            if c >= n {
                k += 1;
                continue;
            }
            // Content: to the end of the sentence, or to a following ", X said".
            let c0 = s.w[c].b0;
            let c0 = if text[..c0].ends_with('“') || text[..c0].ends_with('"') {
                c0 - if text[..c0].ends_with('“') {
                    '“'.len_utf8()
                } else {
                    1
                }
            } else {
                c0
            };
            let mut c1 = s.b1;
            if let Some(next_cue) = (c + 1..n).find(|&j| {
                !s.w[j].in_quote
                    && ctx.cue_class(&s.w[j]).is_some()
                    && ctx.gap(s, j - 1).contains(',')
            }) {
                c1 = s.w[next_cue - 1].b0.max(c0);
            }
            let c1 = trim_end(text, c0, c1);
            let words_in = text[c0..c1].split_whitespace().count();
            if words_in >= 3 {
                let ch = ctx.channel(s, k, class, k, n);
                cands.push(Cand::indirect(c0, c1, si, np, Some((w.b0, w.b1)), ch));
            }
            k += 1;
        }
    }

    // 3. Reconcile: direct quotations inside reported clauses.
    cands.sort_by_key(|c| (c.b0, std::cmp::Reverse(c.b1)));
    let mut drop = vec![false; cands.len()];
    for i in 0..cands.len() {
        if cands[i].kind != QuoteKind::Indirect {
            continue;
        }
        let (a, b) = (cands[i].b0, cands[i].b1);
        for j in 0..cands.len() {
            if cands[j].kind != QuoteKind::Direct || drop[j] {
                continue;
            }
            let (qa, qb) = (cands[j].b0, cands[j].b1);
            if qa >= a && qb <= b + 4 {
                if (qb - qa) * 10 >= (b - a) * 6 {
                    // The reported clause is the quotation: keep the direct one, with this attribution.
                    if cands[j].attr.is_none() {
                        cands[j].attr = cands[i].attr.clone();
                        cands[j].sp_words = cands[i].sp_words;
                    }
                    drop[i] = true;
                } else {
                    cands[i].kind = QuoteKind::Mixed;
                    if cands[j].attr.is_none() || (qb - qa) * 2 < (b - a) {
                        drop[j] = true;
                    }
                }
            }
        }
        // Two indirect readings of the same clause (same span, or mostly overlapping with the
        // same cue): keep the first.
        for j in 0..cands.len() {
            if j == i || drop[i] || cands[j].kind != QuoteKind::Indirect {
                continue;
            }
            let (ja, jb) = (cands[j].b0, cands[j].b1);
            let same = ja == a && jb == b && j > i;
            let has_sp = |c: &Cand| c.sp_words.is_some() || c.sp_bytes.is_some();
            // The same clause read from a noun ("statement that …") without a speaker.
            let weaker = has_sp(&cands[i]) && !has_sp(&cands[j]);
            let ov = b.min(jb).saturating_sub(a.max(ja));
            let small = (b - a).min(jb - ja).max(1);
            let same_cue = cands[i].attr.as_ref().and_then(|x| x.cue)
                == cands[j].attr.as_ref().and_then(|x| x.cue);
            if same || (same_cue && j > i && ov * 2 > small) || (weaker && ov * 2 > small) {
                drop[j] = true;
            }
        }
    }
    let mut cands: Vec<Cand> = cands
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(c, _)| c)
        .collect();

    // 4. Speakers.
    for c in cands.iter_mut() {
        if let Some((si, a, b)) = c.sp_words {
            c.speaker = Some(ctx.speaker(&ctx.sents[si], (a, b)));
        } else if let Some((a, b)) = c.sp_bytes {
            c.speaker = Some(ctx.speaker_bytes(a, b));
        }
    }
    // Direct quotations without a cue of their own: the speaker of neighbouring speech.
    let n = cands.len();
    for i in 0..n {
        if cands[i].attr.is_some() || cands[i].kind != QuoteKind::Direct {
            continue;
        }
        let p = ctx.para_of(cands[i].b0);
        let s = cands[i].sent;
        let mut from: Option<usize> = None;
        // The next direct quotation in the same paragraph with its own cue ("“A.” … “B,” he said.").
        for j in i + 1..n {
            if ctx.para_of(cands[j].b0) != p {
                break;
            }
            if cands[j].kind == QuoteKind::Direct
                && cands[j].attr.is_some()
                && cands[j].sent <= s + 2
            {
                from = Some(j);
                break;
            }
        }
        // Else the nearest attributed speech before, within two sentences or the previous paragraph.
        if from.is_none() {
            for j in (0..i).rev() {
                if cands[j].attr.is_some() && cands[j].speaker.is_some() {
                    let pj = ctx.para_of(cands[j].b0);
                    let close = if cands[j].kind == QuoteKind::Direct {
                        s.saturating_sub(cands[j].sent) <= 2 || p.saturating_sub(pj) <= 2
                    } else {
                        pj == p || s.saturating_sub(cands[j].sent) <= 1
                    };
                    if close {
                        from = Some(j);
                    }
                    break;
                }
            }
        }
        match from {
            Some(j) => {
                let (attr, sp) = (cands[j].attr.clone(), cands[j].speaker.clone());
                cands[i].attr = attr;
                cands[i].speaker = sp;
            }
            None if !cands[i].long => cands[i].kind = QuoteKind::Indirect, // marked for removal below
            None => {}
        }
    }
    cands.retain(|c| c.kind != QuoteKind::Indirect || c.attr.is_some());
    cands.retain(|c| !(c.kind == QuoteKind::Direct && c.attr.is_none() && !c.long));

    for c in cands.iter_mut() {
        if c.kind == QuoteKind::Indirect
            && raw
                .iter()
                .any(|q| q.start >= c.b0 && q.end <= c.b1 && q.closed())
        {
            c.kind = QuoteKind::Mixed;
        }
    }
    let mut out: Vec<Quote> = cands
        .iter()
        .map(|c| {
            let empty = Attr {
                cue: None,
                speaker: None,
                channel: None,
            };
            let sent = orig.get(c.sent).copied().unwrap_or(c.sent);
            let mut q = quote(
                &ctx,
                c.b0,
                c.b1,
                c.kind,
                sent,
                c.attr.as_ref().unwrap_or(&empty),
            );
            q.speaker = c.speaker.clone();
            q
        })
        .collect();
    out.sort_by_key(|q| (q.start, q.end));
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    out
}

/// Whether a direct quote overlapping `c0..c1` is longer than half of it: that content is
/// already a direct quote, not reported speech of its own.
fn mostly_quoted(direct_spans: &[(usize, usize)], c0: usize, c1: usize) -> bool {
    direct_spans
        .iter()
        .any(|&(a, b)| a < c1 && c0 < b && (b - a) * 2 > c1 - c0)
}

/// Reported speech from the dependency parse: a cue verb with a subject and a clausal
/// complement ("X said (that) …", "X told Y …", "X promised to …"), or a cue attached to the
/// clause it reports ("…, X said").
/// Quotes read from the dependency parse of `s` into `out`; `read` gets the byte offset of each cue
/// the parse read as reporting nothing (the surface rules leave those alone too).
fn from_parse(
    ctx: &Ctx,
    s: &Sentence,
    direct: &[(usize, usize)],
    out: &mut Vec<Cand>,
    read: &mut std::collections::HashSet<usize>,
) {
    let toks = &s.tokens;
    let n = toks.len();
    if n == 0 || n > 400 {
        return;
    }
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, t) in toks.iter().enumerate() {
        if let Some(h) = t.head.filter(|&h| h < n && h != i) {
            kids[h].push(i);
        }
    }
    // Subtree extent (token indices), iteratively with a depth bound.
    let extent = |root: usize, skip: Option<usize>| -> (usize, usize) {
        let (mut lo, mut hi) = (root, root);
        let mut stack = vec![root];
        let mut seen = 0;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > n {
                break;
            }
            lo = lo.min(x);
            hi = hi.max(x);
            for &k in &kids[x] {
                if Some(k) != skip {
                    stack.push(k);
                }
            }
        }
        (lo, hi)
    };
    let byte = |c: usize| ctx.idx.byte_of_char(c);
    for (i, t) in toks.iter().enumerate() {
        // Nouns of saying with a "that" clause: "the ministry's claim that …".
        if t.upos == Upos::NOUN
            && matches!(
                t.lemma.to_lowercase().as_str(),
                "claim"
                    | "statement"
                    | "assertion"
                    | "allegation"
                    | "suggestion"
                    | "belief"
                    | "view"
                    | "argument"
                    | "announcement"
                    | "warning"
                    | "promise"
                    | "pledge"
                    | "fear"
                    | "insistence"
                    | "admission"
                    | "charge"
                    | "contention"
                    | "assurance"
                    | "prediction"
                    | "vow"
                    | "threat"
                    | "accusation"
                    | "complaint"
                    | "message"
                    | "conclusion"
                    | "finding"
                    | "estimate"
                    | "report"
            )
        {
            let Some(c) = kids[i].iter().copied().find(|&k| {
                matches!(toks[k].deprel.as_str(), "acl" | "ccomp" | "acl:relcl")
                    && kids[k].iter().any(|&m| {
                        toks[m].deprel == "mark"
                            && toks[m].text.eq_ignore_ascii_case("that")
                            && m < k
                    })
            }) else {
                continue;
            };
            let (a, b) = extent(c, None);
            if a <= i {
                continue;
            }
            let (c0, c1) = (byte(toks[a].start), byte(toks[b].end));
            let c1 = trim_end(ctx.text, c0, c1);
            if c1 <= c0
                || ctx.text[c0..c1].split_whitespace().count() < 3
                || direct.iter().any(|&(x, y)| x < c1 && c0 < y)
            {
                continue;
            }
            let sp = kids[i]
                .iter()
                .copied()
                .find(|&k| toks[k].deprel == "nmod:poss")
                .map(|k| {
                    let (a, b) = extent(k, None);
                    (byte(toks[a].start), byte(toks[b].end))
                });
            let attr = Attr {
                cue: Some((byte(t.start), byte(t.end))),
                speaker: None,
                channel: None,
            };
            out.push(Cand {
                b0: c0,
                b1: c1,
                kind: QuoteKind::Indirect,
                sent: ctx.sent_at(c0),
                attr: Some(attr),
                speaker: None,
                sp_words: None,
                sp_bytes: sp,
                long: true,
            });
            continue;
        }
        if t.upos != Upos::VERB {
            continue;
        }
        let form = t.text.to_lowercase();
        // Any verb with a clausal complement reports speech or thought ("pointed out that …");
        // the lexicon adds verbs whose complement is an infinitive or an object.
        let has_ccomp = kids[i].iter().any(|&k| toks[k].deprel == "ccomp");
        let Some(class) = cues()
            .0
            .get(&form)
            .copied()
            .or_else(|| cues().0.get(&t.lemma.to_lowercase()).copied())
            .or(has_ccomp.then_some(CueClass::Speech))
        else {
            continue;
        };
        let tb0 = byte(t.start);
        if parley_entities::marks::inside(&[], tb0) {
            continue;
        }
        if direct.iter().any(|&(a, b)| a <= tb0 && tb0 < b) {
            continue; // a cue inside a quotation
        }
        let subj = kids[i]
            .iter()
            .copied()
            .find(|&k| toks[k].deprel.starts_with("nsubj"));
        let subj = subj.or_else(|| {
            // "…, saying that": the subject of the verb it hangs on.
            if matches!(t.deprel.as_str(), "advcl" | "xcomp" | "conj") {
                let h = t.head?;
                kids[h]
                    .iter()
                    .copied()
                    .find(|&k| toks[k].deprel.starts_with("nsubj"))
            } else {
                None
            }
        });
        let Some(subj) = subj else { continue };
        if matches!(
            toks[subj].lemma.to_lowercase().as_str(),
            "it" | "that" | "which" | "this" | "there"
        ) {
            continue;
        }
        let (s0, s1) = extent(subj, None);
        let mut sp = (byte(toks[s0].start), byte(toks[s1].end));
        if subj > i && i > 0 && matches!(toks[i - 1].upos, Upos::NOUN | Upos::PROPN | Upos::PRON) {
            // "… adviser to Kim said Saturday": a time word parsed as the subject.
            let ws = &ctx.sents[ctx.sent_at(tb0)];
            let k = ws.w.partition_point(|w| w.b0 < tb0);
            if let Some((a, b)) = ctx.subject_before(ws, k) {
                sp = (ws.w[a].b0, ws.w[b - 1].b1);
            }
        }
        let comp = kids[i]
            .iter()
            .copied()
            .find(|&k| matches!(toks[k].deprel.as_str(), "ccomp" | "xcomp"));
        let comp = comp.or_else(|| {
            if class == CueClass::Object {
                kids[i].iter().copied().find(|&k| toks[k].deprel == "obj")
            } else {
                None
            }
        });
        // "A and B agreed to …": what two parties agree to do together is their act, not
        // something either of them is reported to say.
        if comp.is_some_and(|c| toks[c].deprel == "xcomp")
            && t.lemma.eq_ignore_ascii_case("agree")
            && kids[subj].iter().any(|&k| toks[k].deprel == "conj")
        {
            read.insert(tb0);
            continue;
        }
        let (c0, c1) = if let Some(c) = comp {
            let (a, b) = extent(c, None);
            // The clause starts at its "that" (adverbials before it belong to the cue).
            let a = kids[c]
                .iter()
                .copied()
                .find(|&m| {
                    toks[m].deprel == "mark" && toks[m].text.eq_ignore_ascii_case("that") && m > i
                })
                .map_or(a, |m| m.max(a));
            // A complement after its cue runs to the end of the sentence, or to a following
            // attribution ("…, she said", "…, according to").
            let end = if a > i {
                let mut e = n - 1;
                for j in b + 1..n {
                    let tj = &toks[j];
                    if tj.text == ";"
                        || (tj.text == ","
                            && toks.get(j + 1).is_some_and(|x| {
                                matches!(
                                    x.text.to_lowercase().as_str(),
                                    "but"
                                        | "while"
                                        | "whereas"
                                        | "although"
                                        | "though"
                                        | "which"
                                        | "and"
                                        | "as"
                                ) || (x.upos == Upos::VERB && x.text.ends_with("ing"))
                            }))
                    {
                        e = j.saturating_sub(1);
                        break;
                    }
                    // "…, the ministry said": an inverted attribution of the whole sentence.
                    let inverted = tj.text == ","
                        && (j + 2..(j + 8).min(n)).any(|k| {
                            let x = &toks[k];
                            x.upos == Upos::VERB
                                && matches!(
                                    cues().0.get(&x.text.to_lowercase()),
                                    Some(CueClass::Speech | CueClass::Tell)
                                )
                                && (j + 1..k).any(|m| {
                                    toks[m].head == Some(k) && toks[m].deprel.starts_with("nsubj")
                                })
                                && (j + 1..k).all(|m| {
                                    matches!(
                                        toks[m].upos,
                                        Upos::DET
                                            | Upos::ADJ
                                            | Upos::NOUN
                                            | Upos::PROPN
                                            | Upos::PRON
                                            | Upos::ADV
                                            | Upos::AUX
                                    )
                                })
                        });
                    if inverted {
                        e = j.saturating_sub(1);
                        break;
                    }
                    if tj.text == ","
                        && toks.get(j + 1).is_some_and(|x| {
                            x.text.eq_ignore_ascii_case("according")
                                || cues().0.contains_key(&x.text.to_lowercase())
                                || (x.upos == Upos::PRON
                                    && toks.get(j + 2).is_some_and(|y| {
                                        cues().0.contains_key(&y.text.to_lowercase())
                                    }))
                        })
                    {
                        e = j.saturating_sub(1);
                        break;
                    }
                }
                e.max(b)
            } else {
                b
            };
            // The object of "welcomed", "rejected", "criticised" is reported content when it
            // carries a proposition ("rejected the claim that …", "accused X of blocking …");
            // a bare thing ("welcomed the offer"), with at most a time after it, is what the act is about, not what was said.
            let when = |k: usize| {
                let (x, y) = extent(k, None);
                matches!(
                    toks[k].deprel.as_str(),
                    "obl" | "obl:tmod" | "obl:npmod" | "advmod"
                ) && (x..=y).all(|m| {
                    m == k
                        || matches!(toks[m].upos, Upos::ADP | Upos::DET | Upos::PUNCT)
                        || toks[m].deprel == "compound"
                }) && (toks[k].upos == Upos::ADV || time_word(&toks[k].lemma.to_lowercase()))
            };
            if toks[c].deprel == "obj"
                && !(a..=b).any(|k| {
                    matches!(
                        toks[k].upos,
                        Upos::VERB | Upos::AUX | Upos::ADP | Upos::SCONJ
                    )
                })
                && (b + 1..=end).all(|m| {
                    toks[m].upos == Upos::PUNCT
                        || kids[i].iter().any(|&k| {
                            let (x, y) = extent(k, None);
                            x <= m && m <= y && when(k)
                        })
                })
            {
                read.insert(tb0);
                continue;
            }
            (byte(toks[a].start), byte(toks[end].end))
        } else if t.deprel == "parataxis" && t.head.is_some_and(|h| h < i) {
            // "CLAUSE, X said": the clause is the head's subtree before the cue's own.
            let h = t.head.unwrap_or(0);
            let (a, _) = extent(h, Some(i));
            let (ca, _) = extent(i, None);
            if ca == 0 {
                continue;
            }
            (byte(toks[a].start), byte(toks[ca - 1].end))
        } else {
            continue;
        };
        if c1 <= c0 {
            continue;
        }
        let c1 = trim_end(ctx.text, c0, c1);
        let c0 = skip_open(ctx.text, c0, c1);
        if ctx.text[c0..c1].split_whitespace().count() < 2 {
            continue;
        }
        // The quotation already found covers it, or the clause starts inside one.
        if direct
            .iter()
            .any(|&(a, b)| (a <= c0 && c1 <= b) || (a <= c0 + 2 && c0 < b))
        {
            continue;
        }
        if ctx.text[c0..c1].starts_with([',', ':', ';']) {
            continue;
        }
        let sent = ctx.sent_at(c0);
        let ws = &ctx.sents[sent];
        let k = ws.w.partition_point(|w| w.b0 < tb0);
        let ch = if k < ws.w.len() {
            ctx.channel(ws, k, class, k, ws.w.len())
        } else {
            None
        };
        let attr = Attr {
            cue: Some((tb0, byte(t.end))),
            speaker: None,
            channel: ch,
        };
        out.push(Cand {
            b0: c0,
            b1: c1,
            kind: QuoteKind::Indirect,
            sent,
            attr: Some(attr),
            speaker: None,
            sp_words: None,
            sp_bytes: Some(sp),
            long: true,
        });
    }
}

/// A word naming a time ("Wednesday", "March", "week"): the head of a temporal adjunct.
fn time_word(w: &str) -> bool {
    WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "day"
                | "week"
                | "month"
                | "year"
                | "weekend"
        )
}

fn memchr_all(b: &[u8], c: u8) -> Vec<usize> {
    b.iter()
        .enumerate()
        .filter(|(_, &x)| x == c)
        .map(|(i, _)| i)
        .collect()
}

/// End of a content span without trailing spaces and sentence-final punctuation.
fn trim_end(text: &str, a: usize, b: usize) -> usize {
    let t = &text[a..b];
    let mut t2 = t
        .trim_end()
        .trim_end_matches([',', ';', ':', '!', '?', ' ']);
    // A final full stop goes, unless it ends an abbreviation ("the U.S.").
    if let Some(x) = t2.strip_suffix('.') {
        let last = x.rsplit(' ').next().unwrap_or("");
        if !(last.contains('.') || matches!(last, "Jr" | "Sr" | "Inc" | "Corp" | "Ltd" | "Co")) {
            t2 = x.trim_end_matches([',', ';', ':', ' ']);
        }
    }
    // Keep a closing quotation mark if the content has its opening one.
    a + t2
        .len()
        .max(if t.contains('“') && t.trim_end().ends_with('”') {
            t.trim_end().len()
        } else {
            0
        })
}

/// Skips a leading conjunction ("But …") at the start of a content span.
fn skip_open(text: &str, a: usize, b: usize) -> usize {
    let t = &text[a..b];
    for p in ["But ", "And ", "So "] {
        if t.starts_with(p) {
            return a + p.len();
        }
    }
    a
}

/// Words that open an adverbial after a speech cue ("said in a statement", "told Axios on
/// Friday"): prepositions of time and manner, and weekdays.
fn opens_adverbial(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "via"
            | "while"
            | "through"
            | "from"
            | "last"
            | "this"
            | "earlier"
            | "later"
    ) || WEEKDAYS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Quote> {
        let sents = parley_entities::testing::sentences(text);
        let a = parley_entities::recognize(text, &sents, parley_actors::ActorDict::builtin(), None);
        find_quotes(text, &sents, &a)
    }

    /// (quote text, kind, speaker text, speaker name)
    fn check(text: &str, expected: &[(&str, &str, Option<&str>, Option<&str>)]) {
        let got: Vec<(String, String, Option<String>, Option<String>)> = run(text)
            .into_iter()
            .map(|q| {
                let k = format!("{:?}", q.kind).to_lowercase();
                (
                    q.text,
                    k,
                    q.speaker.as_ref().map(|s| s.text.clone()),
                    q.speaker.and_then(|s| s.name),
                )
            })
            .collect();
        let want: Vec<(String, String, Option<String>, Option<String>)> = expected
            .iter()
            .map(|(t, k, s, n)| {
                (
                    t.to_string(),
                    k.to_string(),
                    s.map(str::to_string),
                    n.map(str::to_string),
                )
            })
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    fn direct_quotes() {
        check(
            "Maria Lopez spoke to the press. “The bridge will open in May,” she said.",
            &[(
                "“The bridge will open in May,”",
                "direct",
                Some("she"),
                Some("Maria Lopez"),
            )],
        );
        check(
            "Tom Berg said: “We have done our part.”",
            &[(
                "“We have done our part.”",
                "direct",
                Some("Tom Berg"),
                Some("Tom Berg"),
            )],
        );
        check(
            "“We have done our part,” said Tom Berg, the mayor.",
            &[(
                "“We have done our part,”",
                "direct",
                Some("Tom Berg"),
                Some("Tom Berg"),
            )],
        );
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        check(
            "The so-called “peace plan” was shelved by the council.",
            &[],
        );
    }

    #[test]
    fn quote_continued_in_the_same_paragraph() {
        let q =
            run("“We were surprised,” Anna Kovacs said. “But we will adapt quickly to the rules.”");
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[1].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Anna Kovacs")
        );
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let t = "Anna Kovacs said the plan was sound. “We looked at every option.\n\n“Then we chose the cheapest one,” she said.";
        let q = run(t);
        let d: Vec<&Quote> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(d.len(), 1, "{q:?}");
        assert!(d[0].text.starts_with("“We looked") && d[0].text.ends_with("one,”"));
        assert_eq!(
            d[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Anna Kovacs")
        );
    }

    #[test]
    fn indirect_and_mixed() {
        check(
            "Tom Berg said that the council would vote next week.",
            &[(
                "the council would vote next week",
                "indirect",
                Some("Tom Berg"),
                Some("Tom Berg"),
            )],
        );
        check(
            "The dam will be finished by June, officials said.",
            &[(
                "The dam will be finished by June",
                "indirect",
                Some("officials"),
                None,
            )],
        );
        check(
            "According to the ministry, the talks have stalled.",
            &[(
                "the talks have stalled",
                "indirect",
                Some("the ministry"),
                None,
            )],
        );
        check(
            "Tom Berg promised voters would see “a cleaner city” soon.",
            &[(
                "voters would see “a cleaner city” soon",
                "mixed",
                Some("Tom Berg"),
                Some("Tom Berg"),
            )],
        );
    }

    #[test]
    fn speaker_resolved_through_surname_and_pronoun_across_paragraphs() {
        let t = "Security adviser Dana Whitfield spoke to Radio Nord on Sunday.\n\nWhitfield told the outlet that the government “wanted to continue the talks in Oslo.\n\n“We have been sending messages through several channels,” she told Radio Nord.";
        let q = run(t);
        let d: Vec<&Quote> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(d.len(), 1, "{q:?}");
        assert!(d[0].text.starts_with("“wanted") && d[0].text.ends_with("channels,”"));
        let sp = d[0].speaker.as_ref().expect("speaker");
        assert_eq!(
            (sp.text.as_str(), sp.name.as_deref()),
            ("she", Some("Dana Whitfield"))
        );
        assert_eq!(d[0].channel.as_deref(), Some("Radio Nord"));
        let ind = q
            .iter()
            .find(|q| q.cue.as_deref() == Some("told") && q.kind != QuoteKind::Direct)
            .expect("indirect");
        assert_eq!(
            ind.speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Dana Whitfield")
        );
        assert_eq!(ind.channel.as_deref(), Some("Radio Nord"));
    }

    #[test]
    fn channels() {
        let q = run("Tom Berg told Radio Nord that the vote would be held.");
        assert_eq!(q[0].channel.as_deref(), Some("Radio Nord"));
        let q = run("Tom Berg said in a statement published by state news agency KNA that the vote was void.");
        assert_eq!(q[0].channel.as_deref(), Some("KNA"));
        let q = run("Tom Berg promised in a Labor Day speech that taxes would fall.");
        assert_eq!(q[0].channel.as_deref(), Some("a Labor Day speech"));
    }

    #[test]
    fn every_cue_example_is_found() {
        for c in cue_lexicon() {
            let q = run(&c.example);
            assert!(
                q.iter()
                    .any(|q| q.cue.as_deref() == Some(c.form.as_str()) && q.speaker.is_some()),
                "{}: {:?}",
                c.form,
                q
            );
        }
    }

    #[test]
    fn unbalanced_and_many_marks_do_not_panic() {
        for t in [
            "“",
            "”",
            "\"",
            "“ never closes, he said",
            "He said ” oops “",
            "“a\n\n“b\n\n“c",
            "‘’“”\"\"«»",
        ] {
            let _ = run(t);
        }
        let t = "He said “yes”. ".repeat(2_000) + &"“".repeat(10_000) + &"\"".repeat(10_000);
        let q = run(&t);
        assert!(q.len() <= 20_000);
    }

    /// Runs the stage on one parsed sentence: `form/lemma/UPOS/head/deprel` items, 1-based heads.
    fn run_parsed(spec: &str) -> Vec<Quote> {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for item in spec.split_whitespace() {
            let f: Vec<&str> = item.split('/').collect();
            assert_eq!(f.len(), 5, "bad token spec {item:?}");
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(f[0]);
            let head: usize = f[3].parse().unwrap();
            tokens.push(parley_core::Token {
                start,
                end: text.chars().count(),
                text: f[0].to_string(),
                lemma: f[1].to_string(),
                upos: Upos::parse(f[2]).unwrap(),
                head: (head > 0).then(|| head - 1),
                deprel: f[4].to_string(),
                ..Default::default()
            });
        }
        let sents = vec![Sentence {
            start: 0,
            end: text.chars().count(),
            text: text.clone(),
            tokens,
        }];
        let a =
            parley_entities::recognize(&text, &sents, parley_actors::ActorDict::builtin(), None);
        find_quotes(&text, &sents, &a)
    }

    #[test]
    fn a_bare_object_is_no_reported_content() {
        // "welcomed the offer on Monday": what the act is about, with a time.
        let q = run_parsed("Tom/Tom/PROPN/2/compound Berg/Berg/PROPN/3/nsubj welcomed/welcome/VERB/0/root the/the/DET/5/det offer/offer/NOUN/3/obj on/on/ADP/7/case Monday/Monday/PROPN/3/obl ././PUNCT/3/punct");
        assert!(q.is_empty(), "{q:?}");
        // An object carrying a proposition is.
        let q = run_parsed("Tom/Tom/PROPN/2/compound Berg/Berg/PROPN/3/nsubj criticised/criticise/VERB/0/root the/the/DET/5/det plan/plan/NOUN/3/obj to/to/PART/7/mark close/close/VERB/5/acl the/the/DET/9/det bridge/bridge/NOUN/7/obj ././PUNCT/3/punct");
        assert!(
            q.iter().any(|q| q.text == "the plan to close the bridge"),
            "{q:?}"
        );
    }

    #[test]
    fn what_two_parties_agree_to_do_is_not_reported_speech() {
        let q = run_parsed("Chile/Chile/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj agreed/agree/VERB/0/root to/to/PART/6/mark reopen/reopen/VERB/4/xcomp the/the/DET/8/det pass/pass/NOUN/6/obj ././PUNCT/4/punct");
        assert!(q.is_empty(), "{q:?}");
        // One party agreeing is reported (as the annotated news corpora have it).
        let q = run_parsed("Peru/Peru/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark reopen/reopen/VERB/2/xcomp the/the/DET/6/det pass/pass/NOUN/4/obj ././PUNCT/2/punct");
        assert!(q.iter().any(|q| q.text == "to reopen the pass"), "{q:?}");
    }

    #[test]
    fn a_complement_stops_before_an_inverted_attribution() {
        let q = run_parsed("Peru/Peru/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark reopen/reopen/VERB/2/xcomp the/the/DET/6/det pass/pass/NOUN/4/obj ,/,/PUNCT/10/punct the/the/DET/9/det ministry/ministry/NOUN/10/nsubj said/say/VERB/2/parataxis ././PUNCT/2/punct");
        assert!(
            q.iter()
                .filter(|q| q.text.starts_with("to reopen"))
                .all(|q| q.text == "to reopen the pass"),
            "{q:?}"
        );
    }

    #[test]
    fn the_speaker_is_the_whole_phrase_not_its_nationality_or_head_noun() {
        check(
            "Malian rebels said the road was closed.",
            &[(
                "the road was closed",
                "indirect",
                Some("Malian rebels"),
                None,
            )],
        );
        // A reduced relative clause: the description that ends the phrase speaks.
        let q =
            run("Tom Berg accused the mayor of fraud, a charge the Kenyan government rejected.");
        assert!(
            q.iter().any(|q| q.speaker.as_ref().is_some_and(
                |s| s.text == "the Kenyan government" && s.code.as_deref() == Some("KENGOV")
            )),
            "{q:?}"
        );
    }
}
