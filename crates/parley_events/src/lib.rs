//! CAMEO 1.1b3 / PLOVER 0.8 event coding: source actor → action → target actor, with evidence.
//!
//! Main type: [`Coder`], which holds the verb-pattern lexicon (`data/verbs.tsv`) and the actor
//! dictionary and turns a [`CodingInput`] (parsed sentences, entities, quotes, article date) into
//! [`Event`]s. The CAMEO code table and the CAMEO → PLOVER table are in [`cameo`].
//!
//! How a sentence is coded:
//! 1. **Actors.** Entity mentions (with the coreference of `parley_entities`) and dictionary
//!    matches over the tokens are gathered and composed into noun-phrase actors: a nationality or
//!    country before a role noun gives the country's sector ("North Korean officials" →
//!    `PRKGOV`), a role before "of/to/from/in" + actor takes that actor's country ("an adviser to
//!    Kim" → `PRKGOV`; "troops to Haiti" stays troops), a title before an office holder is the
//!    office holder. Codebook conventions: a former office holder is an elite ("ousted
//!    president X" → `…ELI`); an organisation's officials, head and troops are its `GOV`/`MIL`
//!    (`IGOUNOGOV`, `IGOWSTNATMIL`); a place under a curfew, martial law or blockade stands for
//!    its residents (`…CVL`), and so does a capital shelled or bombed ("shelled Kabul" →
//!    `AFGCVL`); places of South Sudan are Sudan's before
//!    its independence (2011-07-09). Where the dictionary knows a longer name than the entity stage's
//!    mentions ("Kim Jong Un" read as two names), the dictionary's name wins. An ethnic group is
//!    coded by where it lives, its origin kept as a third part ("ethnic Hungarians in Slovakia"
//!    → `SVKCVLHUN`); so is a stateless group of `data/ethnic.tsv` ("Iraqi Kurds" → `IRQCVLKUR`,
//!    "Kurdish rebels in Syria" → `SYRREBKUR`; with no place in the sentence, its home state if it
//!    has one, else the group code alone, `KURREB`); "leaders of the X opposition bloc" are the
//!    opposition.
//! 2. **Triggers.** Each verb lemma with patterns in the lexicon is tried; the pattern whose
//!    complement words are all found among the words the verb governs (its dependency subtree
//!    minus subject and coordinated clauses; without a parse, the next ten words) and which has
//!    most such constraints wins. A trigger governed by another trigger is absorbed by it
//!    ("threatened to impose sanctions" is one threat, 1312, not also a sanction).
//! 3. **Roles.** Source: the subject (the `by` agent of a passive; inherited through `xcomp`,
//!    `conj` and relative clauses); first-person or missing subjects inside reported speech take
//!    the speaker (the quote's speaker, or the subject of the governing "say"/"tell" verb;
//!    "our X" inside a direct quote is the speaker's country with X's sector); an
//!    unresolved "it/they/he/she" subject of reported content is the reporting clause's subject
//!    ("the front announced it will disarm").
//!    Target: object, indirect object, or an `obl` with to/with/against/on/at/…; else the first
//!    actor the verb governs; else the nearest actor of another country in the sentence; else the
//!    place the act concerns ("agreed to postpone the summit in Lima"). Media outlets ("told
//!    Axios") and whoever reports the sentence ("…, officials said") are never targets; actors in
//!    a temporal or causal adjunct ("following the killing of …") are not the target of coercion;
//!    a complaint "to X over Y" is about Y; an accusation voiced about a clause targets its
//!    subject. An unnamed doer of violence ("killed by a car bomb") is the unidentified armed
//!    force of the place (`…UAF`); a bare role takes the country of the one place the sentence
//!    names ("crowds blocked roads in Quito" → `ECUCVL`), or, among several, the country of the
//!    police, government or court it faces ("Kenyan police arrested students" → `KENEDU`). Arms
//!    launched or fired are the means: the `against/at` phrase names the target.
//!    Passives: a `by` phrase set off by a comma after a parenthesis is the outer passive's
//!    agent; an agentless passive names no doer (its subject is the target, never the source),
//!    except forces demobilized or pulled back (087x: their side stands down); a participle
//!    of state ("is opposed to", "were engaged in") keeps its subject as the doer. Dictionary
//!    words that name no actor in context (`misread.rs`: "US $5 million", "the Japan
//!    model", "Greenleaf House", "on the court", "the leadership team") are dropped; on a page
//!    plainly about one country a bare domestic sector ("prosecutors", "police") is that
//!    country's (`homeland.rs`).
//! 4. **Negation and mode.** "not/n't/never" on the verb (or on the adjective or verb it
//!    complements) sets `negated`; will/would/plan/promise set mode `intent`, could/might/urge
//!    set `hypothetical`. A negated intent to cooperate, meet, give or yield is coded as its
//!    rejection (12x) ("greetings would not restart talks" → 125).
//! 5. **Date.** The temporal expression of the sentence nearest the verb (`parley_time`), else the
//!    article date (granularity `day`: an article date is a day).
//! 6. **Plausibility.** Events of ordinary, non-political pages and misread verbs are dropped
//!    (`plausible.rs`: a political actor must take part, the page must be about political
//!    actors, the verb must be a verb used in its codebook sense, and asserted).
//!
//! ```
//! use parley_core::{Sentence, Token, Upos};
//! let text = "Iran threatened Israel.";
//! let toks = [("Iran", "Iran", Upos::PROPN, Some(1), "nsubj"), ("threatened", "threaten", Upos::VERB, None, "root"),
//!             ("Israel", "Israel", Upos::PROPN, Some(1), "obj"), (".", ".", Upos::PUNCT, Some(1), "punct")];
//! let mut pos = 0;
//! let tokens = toks.iter().map(|&(t, l, u, h, d)| {
//!     let start = text[pos..].find(t).unwrap() + pos; pos = start + t.len();
//!     Token { start, end: pos, text: t.into(), lemma: l.into(), upos: u, head: h, deprel: d.into(), ..Token::default() }
//! }).collect();
//! let sentences = [Sentence { start: 0, end: text.len(), text: text.into(), tokens }];
//! let coder = parley_events::Coder::builtin();
//! let input = parley_events::CodingInput { text, sentences: &sentences, entities: &Default::default(), quotes: &[], article_date: None };
//! let events = coder.code(&input);
//! assert_eq!(events[0].cameo, "130");
//! assert_eq!(events[0].source.code.as_deref(), Some("IRNGOV")); // a state acting: its government
//! assert_eq!(events[0].target.as_ref().unwrap().code.as_deref(), Some("ISR"));
//! assert_eq!(events[0].plover.as_deref(), Some("THREATEN"));
//! ```

pub mod cameo;
mod ethnic;
mod gate;
mod homeland;
mod lexicon;
mod misread;
mod plausible;

use std::collections::HashMap;

use parley_actors::{ActorDict, ActorKind};
use parley_core::{
    ActorMention, CharIndex, Date, Event, EventMode, Quote, Sentence, TextSpan, Token, Upos,
};
use parley_entities::{Analysis, MentionKind};

pub use lexicon::Pattern;
use lexicon::{Lexicon, WordId, NONE};

/// Everything the coder reads.
pub struct CodingInput<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub entities: &'a Analysis,
    pub quotes: &'a [Quote],
    pub article_date: Option<Date>,
}

/// Errors loading a user verb file.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("cannot read verb file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {msg}")]
    Format {
        path: String,
        line: usize,
        msg: String,
    },
}

/// The event coder.
#[derive(Debug, Clone)]
pub struct Coder {
    pub actors: ActorDict,
    lexicon: Lexicon,
    words: Words,
    /// The pattern behind "X said Y must …" when the lexicon has nothing for the verb.
    demand: Pattern,
    no_patterns: Vec<usize>,
    /// Ethnic groups without a state (`data/ethnic.tsv`).
    ethnic: ethnic::Ethnic,
    /// Keep every event the lexicon codes: skip the plausibility filter (`plausible.rs`), for
    /// corpora known to be political (`--all-events`).
    pub keep_all: bool,
}

/// Ids of the function words the coder looks for.
#[derive(Debug, Clone, Default)]
struct Words {
    by: WordId,
}

const SPEECH: &[&str] = &[
    "say",
    "tell",
    "state",
    "announce",
    "add",
    "claim",
    "declare",
    "note",
    "stress",
    "report",
    "write",
    "tweet",
    "assert",
    "argue",
    "explain",
    "confirm",
    "reiterate",
    "insist",
    "allege",
    "contend",
    "maintain",
    "suggest",
    "hint",
    "indicate",
    "complain",
    "acknowledge",
    "admit",
    "warn",
    "believe",
    "think",
    "know",
    "mention",
    "remark",
    "reply",
    "respond",
    "quote",
    "cite",
    "testify",
    "predict",
    "signal",
];
const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "reminder",
    "warning",
    "demand",
    "call",
    "appeal",
    "message",
    "letter",
    "declaration",
    "announcement",
    "remarks",
    "comments",
    "insistence",
    "assertion",
    "claim",
    "view",
    "position",
];
const TARGET_CASES: &[&str] = &[
    "to", "with", "against", "on", "toward", "towards", "into", "for", "upon", "over", "from",
    "onto",
];
const NEG: &[&str] = &["not", "n't", "never", "no", "n’t"];
/// Arms named as what is launched or fired (the means of an attack, not its target).
const WEAPONS: &[&str] = &[
    "artillery",
    "rocket",
    "missile",
    "mortar",
    "shell",
    "grenade",
    "bomb",
    "fire",
    "salvo",
    "barrage",
    "tank",
    "drone",
    "strike",
    "airstrike",
    "attack",
    "offensive",
];
const INTENT_AUX: &[&str] = &["will", "would", "shall", "'ll", "’ll", "wo"];
const HYPO_AUX: &[&str] = &["could", "might", "may", "should", "must", "can", "ca"];
const INTENT_HEADS: &[&str] = &[
    "plan",
    "intend",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "prepare",
    "aim",
    "want",
    "seek",
    "hope",
    "expect",
    "like",
    "wish",
    "agree",
    "offer",
    "decide",
    "ready",
    "willing",
    "prepared",
    "committed",
    "determined",
    "eager",
    "keen",
    "going",
];
const OBLIGATION_AUX: &[&str] = &["must", "should", "ought"];
const HYPO_HEADS: &[&str] = &[
    "urge", "ask", "demand", "call", "consider", "propose", "suggest", "request", "press",
];
const FIRST_PERSON: &[&str] = &["i", "we", "us", "me", "our"];
const HE_SHE: &[&str] = &["he", "she", "him", "her"];
/// Words that may sit between two parts of one actor phrase ("White House [national security]
/// adviser", "Russia['s] foreign minister").
const STOP_GAP: &[&str] = &[
    "and", "or", "but", "to", "of", "in", "on", "with", "by", "for", "from", "at", "said", "says",
    "told", "that", "which", "who", "has", "have", "had", "is", "was", "were", "are", "will",
    "would", "the", "a", "an", "as", "than", "after", "before", "while", "when", "if", "not",
    "also", "it", "its", "their", "his", "her", "they", "he", "she", "we", "against", "between",
    "about", "over", "into", "since",
];
/// Sectors whose "protest" is a demonstration rather than a verbal complaint.
const NON_STATE: &[&str] = &[
    "OPP", "CVL", "EDU", "LAB", "REL", "AGR", "REF", "REB", "UAF", "CRM", "SET",
];

impl Coder {
    /// The coder with the built-in lexicon and dictionary.
    pub fn builtin() -> Coder {
        let lexicon = Lexicon::builtin();
        let words = Words {
            by: lexicon.get("by"),
        };
        let demand = Pattern {
            verb: String::new(),
            near: Vec::new(),
            sets: Vec::new(),
            code: "100".into(),
            claim: false,
            popular: false,
            example: "France said Iraq must comply.".into(),
            origin: "built-in obligation rule".into(),
        };
        Coder {
            actors: ActorDict::builtin().clone(),
            lexicon,
            words,
            demand,
            no_patterns: Vec::new(),
            ethnic: ethnic::Ethnic::builtin(),
            keep_all: false,
        }
    }

    /// Adds or overrides verb patterns from a user file (format of `data/verbs.tsv`); a user
    /// pattern is tried before the built-in patterns of its verb.
    pub fn load_verbs(&mut self, path: &std::path::Path) -> Result<(), EventsError> {
        let text = std::fs::read_to_string(path).map_err(|source| EventsError::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.load_verbs_str(&text, &path.display().to_string())
    }

    /// Adds verb patterns from text in the `data/verbs.tsv` format.
    pub fn load_verbs_str(&mut self, text: &str, origin: &str) -> Result<(), EventsError> {
        self.lexicon.load(text, origin)?;
        self.words.by = self.lexicon.get("by");
        Ok(())
    }

    /// The lexicon's patterns, in file order (each carries its example sentence).
    pub fn patterns(&self) -> &[Pattern] {
        &self.lexicon.patterns
    }

    /// Codes the events of one article.
    pub fn code(&self, input: &CodingInput) -> Vec<Event> {
        let idx = CharIndex::new(input.text);
        let mut doc = DocState {
            by_sentence: vec![Vec::new(); input.sentences.len()],
            ..Default::default()
        };
        for (i, m) in input.entities.mentions.iter().enumerate() {
            if let Some(v) = doc.by_sentence.get_mut(m.sentence) {
                v.push(i);
            }
        }
        let mut out = Vec::new();
        // In a document parsed only in part (`parley ingest` parses the sentences a later stage
        // needs, see `gate.rs`), a sentence left unparsed holds no event, but the people it
        // names are remembered as in a parsed one; a document with no parse at all is coded
        // from its tokens.
        let parsed = |s: &Sentence| s.tokens.iter().any(|t| !t.deprel.is_empty());
        let partial = input.sentences.iter().any(parsed);
        for (si, s) in input.sentences.iter().enumerate() {
            if s.tokens.is_empty() {
                continue;
            }
            if partial && !parsed(s) {
                let view = View::new(&self.lexicon, &s.tokens);
                self.actors_of(input, si, &view, &mut doc);
                continue;
            }
            self.code_sentence(input, &idx, si, s, &mut doc, &mut out);
        }
        // Events of ordinary, non-political pages are dropped (`plausible.rs`).
        if !self.keep_all {
            plausible::retain(input, &mut out);
        }
        // "Prosecutors", "police" with no country on a page about one country (`homeland.rs`).
        if let Some(c) = (!out.is_empty())
            .then(|| homeland::page_country(input))
            .flatten()
        {
            homeland::place(&mut out, &c);
        }
        out
    }
}

/// Coreference memory carried across sentences when the entity stage gives none.
#[derive(Debug, Default)]
struct DocState {
    /// Lower-cased surname or given name → (code, name) of a person met in full earlier.
    names: HashMap<String, (Option<String>, String)>,
    last_person: Option<Actor>,
    /// Indices of `Analysis::mentions`, by sentence.
    by_sentence: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Actor {
    /// Token range in the sentence.
    start: usize,
    end: usize,
    code: Option<String>,
    name: Option<String>,
    kind: ActorKind,
    /// Sector contributed by a role noun ("officials" → GOV), for coordination.
    role_sector: Option<String>,
    /// Resolved through coreference (a pronoun or a surname): its span is the pronoun's.
    pronoun: bool,
}

impl Actor {
    fn is_media(&self) -> bool {
        self.kind == ActorKind::Media
            || (self.kind == ActorKind::Role && self.code.as_deref() == Some("MED"))
            || self
                .code
                .as_deref()
                .is_some_and(|c| c.ends_with("MED") && c.len() == 6)
    }
    fn country(&self) -> Option<&str> {
        let c = self.code.as_deref()?;
        (c.len() >= 3 && self.kind != ActorKind::Role).then(|| &c[..3])
    }
    fn coded(&self) -> bool {
        self.code.is_some()
    }
}

/// Adds a sector to a code: `PRK` + `GOV` → `PRKGOV`; `USAGOV` + `MIL` → `USAMIL`; an
/// organisation's officials and troops are its `GOV` and `MIL` (`IGOUNO` + `GOV` →
/// `IGOUNOGOV`, `IGOWSTNAT` + `MIL` → `IGOWSTNATMIL`); other already-specific codes are kept.
fn with_sector(code: &str, sector: &str) -> String {
    if code.len() == 3 {
        return format!("{code}{sector}");
    }
    if code.starts_with("IGO") {
        if matches!(sector, "GOV" | "MIL") && !code.ends_with(sector) && code.len() <= 9 {
            return format!("{code}{sector}");
        }
        return code.to_string();
    }
    if code.starts_with("NGO") || code.starts_with("IMG") {
        return code.to_string();
    }
    if code.len() == 6 && code.ends_with("GOV") && sector != "GOV" {
        return format!("{}{sector}", &code[..3]);
    }
    code.to_string()
}

/// Per-sentence views of the tokens.
struct View<'s> {
    toks: &'s [Token],
    lower: Vec<String>,
    /// Word ids of each token: lemma, lower-cased text, and a crude singular.
    ids: Vec<[WordId; 3]>,
    has_parse: bool,
    children: Vec<Vec<usize>>,
}

impl<'s> View<'s> {
    fn new(lx: &Lexicon, toks: &'s [Token]) -> View<'s> {
        let has_parse = toks.iter().any(|t| t.head.is_some());
        let mut lower = Vec::with_capacity(toks.len());
        let mut ids = Vec::with_capacity(toks.len());
        for t in toks {
            let l = if t.text.is_ascii() {
                t.text.to_ascii_lowercase()
            } else {
                t.text.to_lowercase().replace('’', "'")
            };
            let lemma = if t.lemma.is_empty() {
                l.clone()
            } else if t.lemma.is_ascii() {
                t.lemma.to_ascii_lowercase()
            } else {
                t.lemma.to_lowercase()
            };
            let a = lx.get(&lemma);
            let b = if l != lemma { lx.get(&l) } else { a };
            let c = if l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") {
                lx.get(&l[..l.len() - 1])
            } else {
                NONE
            };
            let b = if b == NONE {
                lx.forms.get(&l).copied().unwrap_or(NONE)
            } else {
                b
            };
            ids.push([a, b, c]);
            lower.push(l);
        }
        let mut children = vec![Vec::new(); if has_parse { toks.len() } else { 0 }];
        if has_parse {
            for (i, t) in toks.iter().enumerate() {
                if let Some(h) = t.head {
                    if h < toks.len() && h != i {
                        children[h].push(i);
                    }
                }
            }
        }
        View {
            toks,
            lower,
            ids,
            has_parse,
            children,
        }
    }

    fn lemma(&self, i: usize) -> &str {
        let t = &self.toks[i];
        if t.lemma.is_empty() {
            &self.lower[i]
        } else {
            &t.lemma
        }
    }

    fn rel(&self, i: usize) -> &str {
        &self.toks[i].deprel
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.toks[i].head.filter(|&h| h < self.toks.len() && h != i)
    }

    /// Whether `anc` is `t` or one of its heads (within twelve steps up).
    fn governs(&self, anc: usize, t: usize) -> bool {
        let mut cur = t;
        for _ in 0..12 {
            if cur == anc {
                return true;
            }
            match self.head(cur) {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }

    fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    fn has_id(&self, i: usize, id: WordId) -> bool {
        id != NONE && self.ids[i].contains(&id)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks[i].upos == Upos::PUNCT || self.toks[i].text.chars().all(|c| !c.is_alphanumeric())
    }

    fn lower_is(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.lower[i].as_str())
    }

    fn lemma_is(&self, i: usize, set: &[&str]) -> bool {
        let l = self.lemma(i);
        set.iter().any(|s| l.eq_ignore_ascii_case(s)) || self.lower_is(i, set)
    }

    /// The tokens a verb governs: its subtree minus subjects and coordinated or loosely attached
    /// clauses (dependency parse), or the next ten words (no parse).
    fn scope(&self, v: usize) -> Vec<usize> {
        let mut out = Vec::new();
        if self.has_parse {
            // A reporting verb's patterns ("reiterated its support") do not read the reported clause.
            let speech_verb = self.lemma_is(v, SPEECH)
                || self.lemma_is(
                    v,
                    &[
                        "reaffirm",
                        "express",
                        "voice",
                        "announce",
                        "declare",
                        "reiterate",
                    ],
                );
            let mut stack: Vec<(usize, usize)> = self.kids(v).iter().map(|&k| (k, 1)).collect();
            // A verb the parser made a modifier of its own object ("troops seized rifles
            // from X" read as "seized rifles"): the object phrase is its scope.
            if let Some(h) = self.head(v).filter(|&h| h > v && self.rel(v) == "amod") {
                if v > 0 && matches!(self.toks[v - 1].upos, Upos::NOUN | Upos::PROPN) {
                    out.push(h);
                    stack.extend(self.kids(h).iter().filter(|&&k| k != v).map(|&k| (k, 2)));
                }
            }
            while let Some((t, depth)) = stack.pop() {
                let rel = self.rel(t);
                let base = rel.split(':').next().unwrap_or(rel);
                if depth == 1 && base == "ccomp" && speech_verb {
                    continue;
                }
                if depth == 1
                    && matches!(
                        base,
                        "nsubj"
                            | "csubj"
                            | "conj"
                            | "parataxis"
                            | "punct"
                            | "cc"
                            | "discourse"
                            | "vocative"
                            | "reparandum"
                            | "advcl"
                            | "list"
                            | "dep"
                    )
                {
                    continue;
                }
                if depth > 1 && matches!(base, "parataxis" | "punct") || rel == "acl:relcl" {
                    continue;
                }
                out.push(t);
                if depth < 5 {
                    stack.extend(self.kids(t).iter().map(|&k| (k, depth + 1)));
                }
            }
            // Parsers misattach; the next few words of the clause also count ("blocked roads" with
            // "blocked" parsed as a modifier).
            for t in v + 1..(v + 6).min(self.toks.len()) {
                let tok = &self.toks[t];
                if tok.upos == Upos::PUNCT
                    || tok.upos == Upos::CCONJ
                    || tok.upos == Upos::SCONJ
                    || (tok.upos == Upos::VERB && t > v + 1)
                {
                    break;
                }
                out.push(t);
            }
            out.sort_unstable();
            out.dedup();
        } else {
            for t in v + 1..(v + 11).min(self.toks.len()) {
                if matches!(self.toks[t].text.as_str(), ";" | ":" | "." | "!" | "?") {
                    break;
                }
                out.push(t);
            }
        }
        out
    }
}

/// A trigger that matched a pattern.
struct Cand {
    v: usize,
    pat: usize,
    scope: Vec<usize>,
}

impl Coder {
    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        input: &CodingInput,
        idx: &CharIndex,
        si: usize,
        s: &Sentence,
        doc: &mut DocState,
        out: &mut Vec<Event>,
    ) {
        let view = View::new(&self.lexicon, &s.tokens);
        let actors = self.actors_of(input, si, &view, doc);
        let mut at: Vec<Option<usize>> = vec![None; view.toks.len()];
        for (ai, a) in actors.iter().enumerate() {
            for slot in at.iter_mut().take(a.end).skip(a.start) {
                slot.get_or_insert(ai);
            }
        }

        // 1. Triggers.
        let mut cands: Vec<Cand> = Vec::new();
        // A sentence the tagger left without a verb ("Rebels wounded three soldiers" read as a
        // noun phrase) may still have one in a past form tagged as an adjective.
        let verbless = view.has_parse
            && view
                .toks
                .iter()
                .any(|t| t.head.is_none() && matches!(t.upos, Upos::NOUN | Upos::PROPN));
        for (v, covered) in at.iter().enumerate() {
            if covered.is_some() {
                continue;
            }
            // Or right after its subject ("guerrillas wounded two soldiers" with "wounded"
            // tagged as an adjective).
            let past_adj = v > 0
                && (verbless || view.rel(v - 1).starts_with("nsubj"))
                && view.toks[v].upos == Upos::ADJ
                && view.lower[v].ends_with("ed")
                && matches!(view.toks[v - 1].upos, Upos::NOUN | Upos::PROPN);
            // Or a past form tagged as a noun in a sentence left without a verb ("Novak
            // undertook a peace mission" read as one noun phrase).
            let past_noun = verbless
                && v > 0
                && view.toks[v].upos == Upos::NOUN
                && (view.lower[v].ends_with("ed") || lexicon::irregular_past(&view.lower[v]))
                && matches!(view.toks[v - 1].upos, Upos::NOUN | Upos::PROPN);
            let past_adj = past_adj || past_noun;
            if view.has_parse && !matches!(view.toks[v].upos, Upos::VERB) && !past_adj {
                continue;
            }
            let Some(pats) = view.ids[v]
                .iter()
                .find_map(|id| self.lexicon.by_verb.get(id))
                .or_else(|| {
                    // "wounded" → "wound", "seized" → "seize".
                    let l = view.lower[v].as_str();
                    past_adj
                        .then(|| {
                            [&l[..l.len() - 2], &l[..l.len() - 1]]
                                .iter()
                                .find_map(|st| self.lexicon.by_verb.get(&self.lexicon.get(st)))
                        })
                        .flatten()
                })
                .or_else(|| obligation(&view, v).then_some(&self.no_patterns))
            else {
                continue;
            };
            let scope = view.scope(v);
            let mut scope_ids: Vec<WordId> = scope
                .iter()
                .flat_map(|&t| view.ids[t])
                .filter(|&id| id != NONE)
                .collect();
            scope_ids.sort_unstable();
            scope_ids.dedup();
            let mut best: Option<(usize, usize)> = None;
            for &pi in pats {
                let p = &self.lexicon.patterns[pi];
                if best.is_some_and(|(_, sp)| p.specificity() <= sp) {
                    continue;
                }
                if self.pattern_matches(&view, v, p, &scope_ids) {
                    best = Some((pi, p.specificity()));
                }
            }
            if let Some((pat, _)) = best {
                cands.push(Cand { v, pat, scope });
            } else if obligation(&view, v) {
                cands.push(Cand {
                    v,
                    pat: usize::MAX,
                    scope: Vec::new(),
                });
            }
        }
        if cands.is_empty() {
            return;
        }
        // 2. Absorb triggers governed by another trigger.
        // Adverbial and participial clauses of a trigger ("blocked roads, demanding …", "attacked
        // the town, killing …") belong to its event too.
        let absorbed_by_head = |v: usize| -> bool {
            if !view.has_parse {
                return false;
            }
            let mut cur = v;
            for _ in 0..3 {
                let rel = view.rel(cur);
                let Some(h) = view.head(cur) else {
                    return false;
                };
                if rel == "advcl" || rel == "acl" {
                    return cands.iter().any(|o| o.v == h && o.pat != usize::MAX);
                }
                if rel != "xcomp" {
                    return false;
                }
                cur = h;
            }
            false
        };
        let keep: Vec<bool> = cands
            .iter()
            .map(|c| {
                !cands
                    .iter()
                    .any(|o| o.v != c.v && o.scope.binary_search(&c.v).is_ok())
                    && !absorbed_by_head(c.v)
            })
            .collect();

        let mut times: Option<Vec<parley_time::TimeExpr>> = None;
        for (c, _) in cands.iter().zip(&keep).filter(|(_, k)| **k) {
            let p = if c.pat == usize::MAX {
                &self.demand
            } else {
                &self.lexicon.patterns[c.pat]
            };
            let Some(ev) = self.build_event(input, idx, si, s, &view, &actors, &at, c, p, doc)
            else {
                continue;
            };
            let mut ev = ev;
            // Date.
            let t = times.get_or_insert_with(|| parley_time::find(input.article_date, &s.text));
            let vbyte = char_to_byte(&s.text, view.toks[c.v].start.saturating_sub(s.start));
            if let Some(te) = t.iter().min_by_key(|te| {
                if vbyte < te.start {
                    te.start - vbyte
                } else {
                    vbyte.saturating_sub(te.end)
                }
            }) {
                ev.date = Some(te.value.clone());
                ev.date_granularity = Some(te.granularity.as_str().to_string());
            } else if let Some(d) = input.article_date {
                ev.date = Some(d.to_string());
                ev.date_granularity = Some("day".to_string());
            }
            let dup = out.iter().any(|o: &Event| {
                o.sentence == ev.sentence
                    && o.cameo == ev.cameo
                    && o.source.code == ev.source.code
                    && o.target.as_ref().map(|t| &t.code) == ev.target.as_ref().map(|t| &t.code)
            });
            if !dup {
                out.push(ev);
            }
        }
    }

    fn pattern_matches(&self, view: &View, v: usize, p: &Pattern, scope_ids: &[WordId]) -> bool {
        for &w in &p.near {
            if !(v + 1..(v + 4).min(view.toks.len())).any(|t| view.has_id(t, w)) {
                return false;
            }
        }
        p.sets.iter().all(|set| {
            set.iter()
                .any(|alt| alt.iter().all(|w| scope_ids.binary_search(w).is_ok()))
        })
    }

    /// Gathers the actors of a sentence: entity mentions, dictionary matches, role nouns, then
    /// composes them into noun-phrase actors.
    fn actors_of(
        &self,
        input: &CodingInput,
        si: usize,
        view: &View,
        doc: &mut DocState,
    ) -> Vec<Actor> {
        let n = view.toks.len();
        let date = input.article_date;
        let mut chunks: Vec<Actor> = Vec::new();
        let mut covered = vec![false; n];
        let ids = doc.by_sentence.get(si).cloned().unwrap_or_default();
        // Where the dictionary knows a longer name starting at a mention ("Kim Jong Un" read as
        // "Kim Jong" + "Un"), its whole name wins over the pieces.
        let all_words: Vec<&str> = view.toks.iter().map(|t| t.text.as_str()).collect();
        let mut dict_spans: Vec<(usize, usize)> = Vec::new();
        for m in ids.iter().map(|&i| &input.entities.mentions[i]) {
            let (a, b) = (m.tokens.start, m.tokens.end);
            if a >= b || b > n || m.kind != MentionKind::Name {
                continue;
            }
            if let Some((len, dm)) = self.actors.longest_match(&all_words[a..], date) {
                if a + len > b && dm.kind != ActorKind::Role {
                    dict_spans.push((a, a + len));
                }
            }
        }
        for m in ids.iter().map(|&i| &input.entities.mentions[i]) {
            if m.tokens.start >= m.tokens.end || m.tokens.end > n {
                continue;
            }
            if dict_spans
                .iter()
                .any(|&(a, b)| a <= m.tokens.start && m.tokens.end <= b)
            {
                continue;
            }
            // The entity stage's coreference is used for pronouns, resolved descriptions ("the
            // adviser" → Robert O'Brien) and names the dictionary does not cover ("O'Brien");
            // everything else is composed from the dictionary below, which knows sectors.
            let bare = m.code.as_deref().is_none_or(|c| {
                c.len() == 3
                    && self.actors.role_sector(&c.to_lowercase()).is_none()
                    && !c.chars().all(|x| x.is_ascii_uppercase())
            });
            // A bare sector ("GOV" for "officials") is composed from the dictionary below; a
            // country code is a place or people the entity stage knows ("Lyon" → `FRA`).
            let sector_only = m.code.as_deref().is_some_and(is_sector);
            let possessive = matches!(
                m.text.to_lowercase().as_str(),
                "their" | "his" | "her" | "its" | "our" | "my" | "your" | "theirs" | "hers"
            );
            let useful = match m.kind {
                MentionKind::Pronoun => m.code.is_some() && !possessive,
                MentionKind::Nominal => m.name.is_some() && m.code.is_some() && !sector_only,
                MentionKind::Name => {
                    let words: Vec<&str> = view.toks[m.tokens.clone()]
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect();
                    m.code.is_some()
                        && !sector_only
                        && self
                            .actors
                            .longest_match(&words, date)
                            .is_none_or(|(len, _)| len < words.len())
                }
            };
            let _ = bare;
            if !useful {
                continue;
            }
            let dm = self.actors.lookup(&m.text, date);
            let kind = if m.media {
                ActorKind::Media
            } else if m.kind == MentionKind::Pronoun {
                ActorKind::Person
            } else if let Some(d) = dm.as_ref().filter(|d| Some(&d.code) == m.code.as_ref()) {
                d.kind
            } else {
                match m.etype {
                    Some(parley_core::EntityType::PERSON) => ActorKind::Person,
                    Some(parley_core::EntityType::GPE) | Some(parley_core::EntityType::LOC) => {
                        ActorKind::Country
                    }
                    Some(parley_core::EntityType::NORP) => ActorKind::Nationality,
                    // A description resolved to a placed antecedent ("the ministry" → the
                    // Chilean foreign ministry) is that organisation, not a bare role.
                    _ if m.kind == MentionKind::Nominal
                        && m.code
                            .as_deref()
                            .is_some_and(|c| c.len() >= 6 && !is_sector(c)) =>
                    {
                        ActorKind::Organization
                    }
                    _ if m.kind == MentionKind::Nominal => ActorKind::Role,
                    _ => ActorKind::Organization,
                }
            };
            let code = m.code.clone();
            let name = m.name.clone();
            for c in covered.iter_mut().take(m.tokens.end).skip(m.tokens.start) {
                *c = true;
            }
            let role_sector = (kind == ActorKind::Role).then(|| code.clone()).flatten();
            chunks.push(Actor {
                start: m.tokens.start,
                end: m.tokens.end,
                code,
                name,
                kind,
                role_sector,
                pronoun: m.kind == MentionKind::Pronoun,
            });
        }
        let words: Vec<&str> = view.toks.iter().map(|t| t.text.as_str()).collect();
        let mut i = 0;
        while i < n {
            if covered[i] {
                i += 1;
                continue;
            }
            let lw = view.lower[i].as_str();
            if matches!(lw, "the" | "a" | "an") || view.is_punct(i) {
                i += 1;
                continue;
            }
            // Stop before a covered token.
            let lim = (i..n).find(|&j| covered[j]).unwrap_or(n);
            // A people the dictionary names by its state ("Chechen" → `RUS`) is read from the
            // ethnic table, which keeps the group ("Chechen fighters" → `RUSREBCHE`).
            let people = self.ethnic.get(&view.toks[i].text).is_some();
            if let Some((len, m)) = self
                .actors
                .longest_match(&words[i..lim], date)
                .filter(|(len, m)| !(people && *len == 1 && m.kind == ActorKind::Nationality))
            {
                let role_sector = (m.kind == ActorKind::Role).then(|| m.code.clone());
                // A role word that is the verb of the sentence ("state", "force") is no actor.
                let verbish = len == 1
                    && m.kind == ActorKind::Role
                    && matches!(view.toks[i].upos, Upos::VERB | Upos::AUX | Upos::ADJ)
                    && !after_nationality(&chunks, i, view);
                if !verbish {
                    chunks.push(Actor {
                        start: i,
                        end: i + len,
                        code: Some(m.code),
                        name: Some(m.name),
                        kind: m.kind,
                        role_sector,
                        pronoun: false,
                    });
                    i += len;
                    continue;
                }
            }
            // A stateless ethnic group ("Kurds", "Druze"): its code, lower-case until
            // `ethnic_home` places it.
            // Not as the modifier of a thing ("a Kurdish town").
            let modifier = i + 1 < n
                && view.toks[i + 1].upos == Upos::NOUN
                && self
                    .actors
                    .role_sector(&view.toks[i + 1].lemma.to_lowercase())
                    .is_none()
                && self.actors.longest_match(&words[i + 1..], date).is_none();
            if let Some(g) = self.ethnic.get(&view.toks[i].text).filter(|_| !modifier) {
                chunks.push(Actor {
                    start: i,
                    end: i + 1,
                    code: Some(g.code.to_ascii_lowercase()),
                    name: Some(g.name.clone()),
                    kind: ActorKind::Nationality,
                    role_sector: None,
                    pronoun: false,
                });
                i += 1;
                continue;
            }
            let t = &view.toks[i];
            let capital = t.text.chars().next().is_some_and(char::is_uppercase);
            if !matches!(t.upos, Upos::VERB | Upos::AUX | Upos::ADJ)
                || (t.upos == Upos::ADJ && after_nationality(&chunks, i, view))
            {
                if let Some(sec) = self.actors.role_sector(&t.lemma.to_lowercase()) {
                    chunks.push(Actor {
                        start: i,
                        end: i + 1,
                        code: Some(sec.to_string()),
                        name: None,
                        kind: ActorKind::Role,
                        role_sector: Some(sec.to_string()),
                        pronoun: false,
                    });
                    i += 1;
                    continue;
                }
            }
            let longer_name = i + 1 < n
                && view.toks[i + 1]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && view.toks[i + 1].upos != Upos::PUNCT;
            if capital && i > 0 && !longer_name {
                if let Some((code, name)) = doc.names.get(lw) {
                    chunks.push(Actor {
                        start: i,
                        end: i + 1,
                        code: code.clone(),
                        name: Some(name.clone()),
                        kind: ActorKind::Person,
                        role_sector: None,
                        pronoun: true,
                    });
                    i += 1;
                    continue;
                }
            }
            if view.lower_is(i, HE_SHE) && input.entities.mentions.is_empty() {
                if let Some(p) = &doc.last_person {
                    chunks.push(Actor {
                        start: i,
                        end: i + 1,
                        code: p.code.clone(),
                        name: p.name.clone(),
                        kind: ActorKind::Person,
                        role_sector: None,
                        pronoun: true,
                    });
                }
            }
            i += 1;
        }
        chunks.sort_by_key(|a| a.start);
        // Dictionary words that name no actor here ("US $5 million", "Greenleaf House").
        let spans: Vec<(usize, usize)> = chunks.iter().map(|c| (c.start, c.end)).collect();
        chunks.retain(|c| {
            !misread::misread(view, c, |t| {
                spans
                    .iter()
                    .any(|&(a, b)| a <= t && t < b && (a, b) != (c.start, c.end))
            })
        });
        // A title in the text is evidence of office: "President X" outside the dictionary's term
        // for X (or before it) is still X's government.
        for c in chunks.iter_mut() {
            if c.kind == ActorKind::Person
                && c.code.as_deref().is_some_and(|x| x.len() == 3)
                && c.end > c.start + 1
            {
                let first = &view.toks[c.start];
                // A one-word title ("President") or a title phrase ("Foreign Secretary").
                let phrase_role = (2..=3.min(c.end - c.start - 1)).rev().find_map(|k| {
                    let w: Vec<&str> = view.toks[c.start..c.start + k]
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect();
                    self.actors
                        .lookup(&w.join(" "), None)
                        .filter(|m| m.kind == ActorKind::Role)
                        .map(|m| m.code)
                });
                let phrase_role = phrase_role.as_deref();
                // Or a title after a nationality ("Israeli President X").
                let inner = || {
                    (c.start + 1..c.end - 1).find_map(|k| {
                        let t = &view.toks[k];
                        t.text
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                            .then(|| self.actors.role_sector(&view.lower[k]))
                            .flatten()
                    })
                };
                if let Some(sec) = phrase_role.or_else(|| {
                    self.actors
                        .role_sector(&first.lemma.to_lowercase())
                        .or_else(|| self.actors.role_sector(&view.lower[c.start]))
                        .or_else(inner)
                }) {
                    if matches!(sec, "GOV" | "MIL" | "LEG" | "JUD") {
                        c.code = c.code.as_deref().map(|x| with_sector(x, sec));
                    }
                }
            }
        }
        let mut actors = self.compose(view, chunks);
        self.first_person(input, view, &mut actors);
        self.residence(view, &mut actors);
        self.ethnic_home(view, &mut actors);
        for a in actors.iter_mut() {
            // The head of an organisation is its leadership ("Kofi Annan" → `IGOUNOGOV`).
            if a.kind == ActorKind::Person && !a.pronoun {
                if let Some(c) = a.code.as_deref().filter(|c| c.starts_with("IGO")) {
                    a.code = Some(with_sector(c, "GOV"));
                }
            }
            // A former office holder is no longer the state: CAMEO's elites ("ousted president
            // X", "the former prime minister" → `ELI`).
            if former(view, a.start) {
                if let Some(c) = a.code.as_deref() {
                    let official = |s: &str| matches!(s, "GOV" | "MIL" | "LEG" | "JUD");
                    let c3 = c.get(..3).unwrap_or("");
                    let new = if official(c) {
                        Some("ELI".to_string())
                    } else if c.len() == 6 && official(&c[3..]) && !c3.starts_with("IGO") {
                        Some(format!("{c3}ELI"))
                    } else if c.len() == 3
                        && matches!(a.kind, ActorKind::Person)
                        && !matches!(c, "IGO" | "NGO" | "IMG")
                    {
                        Some(format!("{c}ELI"))
                    } else {
                        None
                    };
                    if let Some(n) = new {
                        a.code = Some(n.clone());
                        if a.role_sector.is_some() {
                            a.role_sector = Some("ELI".to_string());
                        }
                    }
                }
            }
        }
        // A pronoun or surname resolved to a person met in full keeps what the full mention
        // says of them ("King X of Morocco … he" → `MARGOV`, not just `MAR`).
        for i in 0..actors.len() {
            if !actors[i].pronoun {
                continue;
            }
            let Some(name) = actors[i].name.clone() else {
                continue;
            };
            let here = actors
                .iter()
                .find(|b| !b.pronoun && b.name.as_deref() == Some(name.as_str()))
                .and_then(|b| b.code.clone());
            let earlier = || {
                let last = name
                    .split_whitespace()
                    .last()?
                    .to_lowercase()
                    .replace('’', "'");
                doc.names
                    .get(&last)
                    .filter(|(_, full)| *full == name)
                    .and_then(|(c, _)| c.clone())
            };
            if let Some(better) = here.or_else(earlier) {
                let cur = actors[i].code.clone().unwrap_or_default();
                if better.len() > cur.len() && better.get(..3) == cur.get(..3) {
                    actors[i].code = Some(better);
                }
            }
        }
        for a in &actors {
            if a.kind == ActorKind::Person && !a.pronoun {
                if let Some(name) = &a.name {
                    let parts: Vec<&str> = name.split_whitespace().collect();
                    if parts.len() >= 2 {
                        for p in [parts[0], parts[parts.len() - 1]] {
                            doc.names.insert(
                                p.to_lowercase().replace('’', "'"),
                                (a.code.clone(), name.clone()),
                            );
                        }
                    }
                }
                doc.last_person = Some(a.clone());
            }
        }
        actors
    }

    /// Inside a direct quotation, "our X" is the speaker's: "our delegation" → the speaker's
    /// country with the delegation's sector (`…GOV`), "our troops" → `…MIL`; an X without a
    /// sector of its own takes the speaker's code.
    fn first_person(&self, input: &CodingInput, view: &View, actors: &mut [Actor]) {
        for a in actors.iter_mut() {
            if a.pronoun || a.country().is_some() {
                continue;
            }
            let head = (a.start..a.end)
                .rev()
                .find(|&t| !view.is_punct(t))
                .unwrap_or(a.start);
            let ours = |t: usize| view.lower_is(t, &["our", "my"]);
            let possessed = (a.start..a.end).any(ours)
                || (a.start > 0 && ours(a.start - 1))
                || view
                    .kids(head)
                    .iter()
                    .any(|&k| view.rel(k) == "nmod:poss" && ours(k));
            if !possessed {
                continue;
            }
            let pos = view.toks[a.start].start;
            let Some(sp) = input
                .quotes
                .iter()
                .find(|q| q.kind == parley_core::QuoteKind::Direct && q.start <= pos && pos < q.end)
                .and_then(|q| q.speaker.as_ref())
                .and_then(|m| m.code.clone())
                .filter(|c| c.len() >= 3 && !is_sector(c))
            else {
                continue;
            };
            a.code = Some(match a.role_sector.as_deref() {
                Some(sec) if is_sector(sec) => {
                    match parley_actors::code_country(&sp).filter(|c| !c.starts_with("IGO")) {
                        Some(c) => format!("{c}{sec}"),
                        None => with_sector(&sp, sec),
                    }
                }
                _ => sp,
            });
            if a.kind == ActorKind::Role {
                a.kind = ActorKind::Organization;
            }
        }
    }

    /// A group of the ethnic table (`data/ethnic.tsv`, read as a lower-case code by
    /// [`Coder::actors_of`]) is coded by where it lives, its code kept as a third part: a
    /// nationality right before it ("Iraqi Kurds" → `IRQCVLKUR`), "in/of (the) <country>" right
    /// after it, the one state the group lives in (table), else the one country the sentence
    /// places things in or names; else the group's code alone (`KURREB`).
    fn ethnic_home(&self, view: &View, actors: &mut Vec<Actor>) {
        let n = view.toks.len();
        let upper = |c: &str| c.len() >= 3 && c[..3].chars().all(|x| x.is_ascii_uppercase());
        let state = |b: &Actor| {
            matches!(b.kind, ActorKind::Country | ActorKind::Nationality)
                && !b.pronoun
                && b.code
                    .as_deref()
                    .is_some_and(|c| upper(c) && !matches!(&c[..3], "IGO" | "NGO" | "IMG"))
        };
        let mut drop = Vec::new();
        for i in 0..actors.len() {
            let Some(code) = actors[i].code.clone() else {
                continue;
            };
            if code.len() < 3 || !code[..3].chars().all(|x| x.is_ascii_lowercase()) {
                continue;
            }
            let Some(g) = self.ethnic.by_code(&code[..3].to_ascii_uppercase()) else {
                continue;
            };
            let (start, end) = (actors[i].start, actors[i].end);
            let sector = if code.len() >= 6 && is_sector(&code[3..6]) {
                code[3..6].to_string()
            } else {
                "CVL".to_string()
            };
            // A people's leaders hold no office of a state: they are its elite ("Kurdish
            // leaders" → `…ELIKUR`, as elders are).
            let sector = if sector == "GOV"
                && view.toks[end - 1]
                    .lemma
                    .to_lowercase()
                    .starts_with("leader")
            {
                "ELI".to_string()
            } else {
                sector
            };
            let mut home: Option<String> = None;
            // "Iraqi Kurds", "Syrian Kurd refugees": the nationality right before the group (or
            // a phrase that the nationality opens and the group closes) is the residence.
            let before = start.checked_sub(1).filter(|&k| {
                self.actors
                    .lookup(&view.toks[k].text, None)
                    .is_some_and(|m| m.kind == ActorKind::Nationality)
            });
            if let Some(j) = before.and_then(|k| {
                actors.iter().enumerate().position(|(j, b)| {
                    j != i && b.start <= k && k < b.end && b.end <= end && state(b)
                })
            }) {
                home = actors[j].country().map(str::to_string);
                drop.push(j);
                actors[i].start = actors[j].start;
            }
            // "Kurds in Syria", "Druze villagers of the Lebanese hills".
            if home.is_none() && end < n && view.lower_is(end, &["in", "of"]) {
                let mut t = end + 1;
                while t < n && view.lower_is(t, &["the"]) {
                    t += 1;
                }
                // The place is part of the group's phrase, not an actor of its own.
                if let Some(j) = actors
                    .iter()
                    .enumerate()
                    .position(|(j, b)| j != i && b.start == t && state(b))
                {
                    home = actors[j].country().map(str::to_string);
                    drop.push(j);
                    actors[i].end = actors[j].end;
                }
            }
            if home.is_none() {
                home = g.home.clone();
            }
            if home.is_none() {
                // The one country the sentence places things in, else the one it names.
                for only_places in [true, false] {
                    let places = actors
                        .iter()
                        .enumerate()
                        .filter(|&(k, b)| k != i && state(b) && (!only_places || located(view, b)))
                        .filter_map(|(_, b)| b.country());
                    if let Some(p) = sole(places) {
                        home = p.map(str::to_string);
                        break;
                    }
                }
            }
            actors[i].code = Some(match home {
                Some(h) => format!("{h}{sector}{}", g.code),
                None => format!("{}{sector}", g.code),
            });
            actors[i].kind = ActorKind::Country;
        }
        drop.sort_unstable();
        drop.dedup();
        for j in drop.into_iter().rev() {
            actors.remove(j);
        }
    }

    /// An ethnic group is coded by the country it lives in, its origin kept as a third part
    /// (CAMEO codes people by residence): "ethnic Hungarians in Slovakia" → `SVKCVLHUN`, "the
    /// Greek minority of Albania" → `ALBCVLGRC`, "ethnic Uzbek militants fighting in Kyrgyzstan"
    /// → `KGZREBUZB`. A demonym alone ("Hungarian farmers") keeps its own country.
    fn residence(&self, view: &View, actors: &mut [Actor]) {
        const GROUP: &[&str] = &[
            "population",
            "populations",
            "minority",
            "minorities",
            "community",
            "communities",
        ];
        const SIDE: &[&str] = &[
            "south",
            "southern",
            "north",
            "northern",
            "east",
            "eastern",
            "west",
            "western",
            "central",
            "southeastern",
            "southwestern",
            "northeastern",
            "northwestern",
        ];
        let n = view.toks.len();
        for i in 0..actors.len() {
            let a = &actors[i];
            if a.pronoun || a.kind == ActorKind::Person {
                continue;
            }
            let Some(code) = a.code.clone() else { continue };
            if code.len() < 3 || matches!(&code[..3], "IGO" | "NGO" | "IMG") {
                continue;
            }
            let origin = &code[..3];
            // A state's organs and officials are that state's wherever they are.
            if code.len() >= 6
                && matches!(&code[3..6], "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
            {
                continue;
            }
            // The phrase must open with the demonym ("Albanian", "Kurds"), maybe after "ethnic".
            let first = if view.lower_is(a.start, &["ethnic"]) && a.start + 1 < a.end {
                a.start + 1
            } else {
                a.start
            };
            let demonym = self
                .actors
                .lookup(&view.toks[first].text, None)
                .is_some_and(|m| m.kind == ActorKind::Nationality && m.code == origin);
            // A people noun: the demonym itself or a role ("Albanians", "Kurdish fighters"), not
            // any plural after a nationality ("Palestinian offices").
            let people = a.end == first + 1
                || a.role_sector.is_some()
                || view.lower_is(a.end - 1, GROUP)
                || (a.end < n && view.lower_is(a.end, GROUP));
            if !demonym || !people {
                continue;
            }
            let ethnic = view.lower_is(a.start, &["ethnic"])
                || (a.start > 0 && view.lower_is(a.start - 1, &["ethnic"]))
                || view.lower_is(a.end - 1, GROUP)
                || (a.end < n && view.lower_is(a.end, GROUP));
            // "… in/of (the) (southern) <country>" right after the phrase.
            let mut t = a.end;
            if t < n && view.lower_is(t, GROUP) {
                t += 1;
            }
            let mut home = None;
            if t < n && view.lower_is(t, &["in", "of", "from"]) {
                let from = view.lower_is(t, &["from"]);
                t += 1;
                while t < n && (view.lower_is(t, &["the"]) || view.lower_is(t, SIDE)) {
                    t += 1;
                }
                // The place must modify the group ("Kurds in Syria are …"), not the verb
                // ("met his Kenyan counterpart in Kampala").
                let (lo, hi) = (actors[i].start, t);
                let of_group = |b: &Actor| {
                    !view.has_parse
                        || (b.start..b.end).any(|k| view.head(k).is_some_and(|h| h >= lo && h < hi))
                };
                if !from {
                    home = actors
                        .iter()
                        .find(|b| {
                            b.start == t
                                && b.kind == ActorKind::Country
                                && !b.pronoun
                                && of_group(b)
                        })
                        .and_then(|b| b.country())
                        .map(str::to_string);
                }
            }
            if home.is_none() && ethnic {
                // Else the one country the sentence places things in ("… in southern Serbia").
                let places = actors
                    .iter()
                    .filter(|b| b.kind == ActorKind::Country && !b.pronoun && located(view, b))
                    .filter_map(|b| b.country())
                    .filter(|c| !matches!(*c, "IGO" | "NGO" | "IMG") && *c != origin);
                home = sole(places).flatten().map(str::to_string);
            }
            let Some(home) = home.filter(|h| h != origin) else {
                continue;
            };
            let sector = if code.len() >= 6 && is_sector(&code[3..6]) {
                &code[3..6]
            } else {
                "CVL"
            };
            actors[i].code = Some(format!("{home}{sector}{origin}"));
        }
    }

    /// Composes adjacent dictionary chunks into noun-phrase actors.
    fn compose(&self, view: &View, chunks: Vec<Actor>) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        for c in chunks {
            if let Some(p) = out.last_mut() {
                if adjacent(view, p.end, c.start) && !p.pronoun && !c.pronoun {
                    if let Some(m) = merge(p, &c) {
                        *p = m;
                        continue;
                    }
                }
            }
            out.push(c);
        }
        // A role followed by of/to/for/from/in/at/throughout/across + an actor takes that actor's
        // country ("students across Kenya").
        let mut i = 0;
        while i + 1 < out.len() {
            let (a, b) = (&out[i], &out[i + 1]);
            let det_ok = b.start == a.end + 2 && view.lower_is(a.end + 1, &["the", "a", "an"]);
            let prep = (b.start == a.end + 1 || det_ok)
                && a.end < view.toks.len()
                && view.lower_is(
                    a.end,
                    &[
                        "of",
                        "to",
                        "for",
                        "from",
                        "in",
                        "at",
                        "throughout",
                        "across",
                    ],
                );
            // "leaders of the Freedonian Unity (FU) opposition bloc": over the group's name.
            let named_gap = b.start > a.end + 1
                && b.start <= a.end + 7
                && (a.end + 1..b.start).all(|t| {
                    let tok = &view.toks[t];
                    view.lower_is(t, &["the", "a", "an", "(", ")"])
                        || (tok.upos == Upos::PROPN
                            || (tok.upos == Upos::NOUN
                                && tok.text.chars().next().is_some_and(char::is_uppercase)))
                });
            if (prep || named_gap)
                && a.kind == ActorKind::Role
                && a.code.as_deref() == Some("GOV")
                && b.kind == ActorKind::Role
                && b.code.as_deref() != Some("GOV")
                && !b.is_media()
                && view.lower_is(a.end, &["of", "from"])
            {
                let merged = Actor {
                    start: a.start,
                    end: b.end,
                    code: b.code.clone(),
                    name: b.name.clone(),
                    kind: ActorKind::Role,
                    role_sector: b.role_sector.clone(),
                    pronoun: false,
                };
                out[i] = merged;
                out.remove(i + 1);
                continue;
            }
            // "to" marks whom a role serves ("an adviser to Putin"), not where troops or an
            // envoy are sent ("troops to Haiti", "the envoy to Iraq").
            let sent_to = view.lower_is(a.end, &["to"])
                && !view.lemma_is(
                    a.end - 1,
                    &[
                        "adviser",
                        "advisor",
                        "aide",
                        "assistant",
                        "spokesman",
                        "spokeswoman",
                        "spokesperson",
                        "counsel",
                        "secretary",
                    ],
                );
            if prep
                && !sent_to
                && a.kind == ActorKind::Role
                && !a.is_media()
                && b.kind != ActorKind::Role
                && !b.is_media()
            {
                if let (Some(sec), Some(bc)) = (a.code.clone(), b.code.clone()) {
                    let code = with_sector(
                        if bc.starts_with("IGO") || bc.starts_with("NGO") {
                            &bc
                        } else {
                            &bc[..3.min(bc.len())]
                        },
                        &sec,
                    );
                    let merged = Actor {
                        start: a.start,
                        end: b.end,
                        code: Some(code),
                        name: b.name.clone(),
                        kind: ActorKind::Country,
                        role_sector: Some(sec),
                        pronoun: false,
                    };
                    out[i] = merged;
                    out.remove(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        // A nationality before a people noun the dictionary does not know ("Iraqi Kurds",
        // "Algerian landowners") names civilians of that country.
        for a in out.iter_mut() {
            if a.kind == ActorKind::Nationality && a.end < view.toks.len() {
                let t = &view.toks[a.end];
                let plural = t.xpos == "NNS"
                    || t.xpos == "NNPS"
                    || (t.lemma != t.text
                        && t.text.ends_with('s')
                        && matches!(t.upos, Upos::NOUN | Upos::PROPN));
                if plural && (t.deprel != "compound" || !view.has_parse) {
                    if let Some(c) = a.code.clone().filter(|c| c.len() == 3) {
                        a.code = Some(format!("{c}CVL"));
                        a.end += 1;
                        a.kind = ActorKind::Country;
                    }
                }
            }
        }
        // A nationality before a settlement noun names the place and its people: "the Somali
        // town of X" → `SOMCVL` (the plural, "Chadian villages", is handled above).
        for a in out.iter_mut() {
            if a.kind == ActorKind::Nationality && a.end < view.toks.len() {
                let settlement = view.lemma_is(
                    a.end,
                    &[
                        "town",
                        "city",
                        "village",
                        "enclave",
                        "camp",
                        "neighbourhood",
                        "neighborhood",
                        "suburb",
                    ],
                ) && (!view.has_parse
                    || matches!(view.toks[a.end].upos, Upos::NOUN));
                if settlement {
                    if let Some(c) = a.code.clone().filter(|c| c.len() == 3) {
                        a.code = Some(format!("{c}CVL"));
                        a.end += 1;
                        a.kind = ActorKind::Country;
                    }
                }
            }
        }
        // A plural demonym used as a noun names that country's people ("Ghanaians", "Libyans").
        for a in out.iter_mut() {
            if a.kind == ActorKind::Nationality && a.end == a.start + 1 {
                let t = &view.toks[a.start];
                let plural_noun = (t.xpos == "NNPS"
                    || t.xpos == "NNS"
                    || (t.text.ends_with('s') && matches!(t.upos, Upos::NOUN | Upos::PROPN)))
                    && !matches!(
                        view.toks.get(a.end).map(|n| n.upos),
                        Some(Upos::NOUN) | Some(Upos::PROPN)
                    );
                if plural_noun && view.has_parse {
                    if let Some(c) = a.code.clone().filter(|c| c.len() == 3) {
                        a.code = Some(format!("{c}CVL"));
                        a.kind = ActorKind::Country;
                    }
                }
            }
        }
        // Coordinated nationalities share the role: "Hungarian and Romanian officials".
        for i in (0..out.len()).rev() {
            if out[i].kind != ActorKind::Nationality {
                continue;
            }
            if let Some(j) = (i + 1..out.len()).next() {
                let gap_ok =
                    (out[i].end..out[j].start).all(|t| view.lower_is(t, &["and", ",", "or"]));
                if gap_ok && out[j].start > out[i].end {
                    if let (Some(sec), Some(code)) =
                        (out[j].role_sector.clone(), out[i].code.clone())
                    {
                        out[i].code = Some(with_sector(&code, &sec));
                        out[i].role_sector = Some(sec);
                    }
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn build_event(
        &self,
        input: &CodingInput,
        idx: &CharIndex,
        si: usize,
        s: &Sentence,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        c: &Cand,
        p: &Pattern,
        _doc: &DocState,
    ) -> Option<Event> {
        let v = c.v;
        // Material conflict: journalists and reporters may be its targets.
        let violent = p.code.as_str() >= "14";
        // Journalists and reporters may be victims of coercion and force (17–20), not the
        // targets of a protest or sanction that a newspaper merely reports.
        let force = p.code.as_str() >= "17";
        let n = view.toks.len();
        // Voice and participants.
        let (subj, obj);
        let mut passive = false;
        let mut agent = None;
        if view.has_parse {
            for &k in view.kids(v) {
                let rel = view.rel(k);
                if rel == "nsubj:pass" || rel == "aux:pass" {
                    passive = true;
                }
            }
            // A participle of state ("is opposed to", "were engaged in") describes its subject,
            // which stays the doer.
            if passive && stative(view, v) {
                passive = false;
            }
            subj = self.subject(view, actors, at, v, 0);
            if passive {
                agent = view
                    .kids(v)
                    .iter()
                    .copied()
                    .find(|&k| {
                        view.rel(k) == "obl:agent"
                            || (view.rel(k).starts_with("obl")
                                && view.kids(k).iter().any(|&g| {
                                    view.has_id(g, self.words.by) || view.lower_is(g, &["by"])
                                }))
                    })
                    .and_then(|k| agent_near(view, actors, at, k));
                if agent.is_none() {
                    agent = self.set_off_agent(view, actors, at, v);
                }
            }
            obj = if p.code.starts_with("11") {
                self.complained_of(view, actors, at, v)
            } else {
                None
            }
            .or_else(|| self.object(view, actors, at, v, force));
        } else {
            // Linear reading: nearest actor before the verb, first actor after it.
            let be_before = (v.saturating_sub(2)..v)
                .any(|t| view.lower_is(t, &["was", "were", "been", "being", "is", "are", "be"]));
            passive = be_before && view.toks[v].text.ends_with("ed") && !stative(view, v);
            subj = (0..v)
                .rev()
                .take_while(|&t| !matches!(view.toks[t].text.as_str(), ";"))
                .find_map(|t| at[t])
                .filter(|&a| !actors[a].pronoun || actors[a].coded());
            if passive {
                agent = (v + 1..n).find(|&t| view.lower[t] == "by").and_then(|b| {
                    at.get(b + 1)
                        .copied()
                        .flatten()
                        .or_else(|| at.get(b + 2).copied().flatten())
                });
            }
            obj = c.scope.iter().filter_map(|&t| at[t]).find(|&a| {
                !bad_target(&actors[a], force) && (p.code == "042" || !located(view, &actors[a]))
            });
        }
        let speaker = self.speaker(input, view, actors, at, v);
        let subj_first_person = view.has_parse
            && view
                .kids(v)
                .iter()
                .any(|&k| view.rel(k).starts_with("nsubj") && view.lower_is(k, FIRST_PERSON));

        let mut code = p.code.clone();
        let mut home_gov: Option<String> = None;
        let (mut source, mut target): (Option<Who>, Option<Who>);
        if p.claim {
            // Reported misconduct: the speaker (or the victim) accuses the doer.
            let (doer, victim) = if passive { (agent, subj) } else { (subj, obj) };
            let doer = doer.filter(|&d| actors[d].coded())?;
            let spk = speaker.clone().filter(|w| {
                w.code(actors).is_some()
                    && w.country(actors) != actors[doer].country().map(str::to_string)
            });
            source = spk.or_else(|| {
                victim
                    .filter(|&x| actors[x].coded() && x != doer)
                    .map(Who::Actor)
            });
            target = Some(Who::Actor(doer));
        } else {
            if passive {
                source = agent.map(Who::Actor);
                target = subj.map(Who::Actor).or(obj.map(Who::Actor));
                // Forces that "were demobilized" or "were pulled back" with no one named doing
                // it: their side is the one standing down (087x).
                if agent.is_none() && code.starts_with("087") {
                    if let Some(s) = subj.filter(|&s| actors[s].coded()) {
                        source = Some(Who::Actor(s));
                        target = obj.filter(|&o| o != s).map(Who::Actor);
                    }
                }
            } else {
                source = subj.map(Who::Actor);
                target = obj.map(Who::Actor);
            }
            // "X said they/it would …": the pronoun is the speaker.
            let subj_pronoun = view.has_parse
                && view
                    .kids(v)
                    .iter()
                    .any(|&k| view.rel(k).starts_with("nsubj") && view.toks[k].upos == Upos::PRON);
            let speaker_coded = speaker
                .as_ref()
                .is_some_and(|w| w.country(actors).is_some());
            // A named doer of force or coercion ("forces shelled the town, sources said") is not
            // the one reporting it, even when the dictionary cannot place it.
            let named_fighter = violent
                && source
                    .as_ref()
                    .is_some_and(|w| matches!(w, Who::Actor(a) if !actors[*a].pronoun));
            // Unless the pronoun was bound to the reporting clause's own subject above.
            let bound = !passive
                && subj.is_some_and(|a| !actors[a].pronoun)
                && view.kids(v).iter().any(|&k| {
                    view.rel(k) == "nsubj" && view.lower_is(k, &["it", "they", "he", "she"])
                });
            if subj_first_person
                || (subj_pronoun && speaker_coded && !bound)
                || (!named_fighter
                    && source
                        .as_ref()
                        .is_some_and(|w| w.code(actors).is_none() || w.country(actors).is_none()))
            {
                if let Some(sp) = speaker.clone() {
                    source = Some(sp);
                } else if subj_first_person {
                    source = None;
                }
            }
            if source.is_none() && !passive {
                source = speaker.clone();
            }
            // A passive whose `by` phrase names no actor ("killed by a mortar round") has
            // an unnamed doer; the actor before the verb is its patient.
            let by_thing = passive
                && view.kids(v).iter().any(|&k| {
                    view.rel(k).starts_with("obl")
                        && view.kids(k).iter().any(|&g| {
                            view.rel(g) == "case"
                                && (view.has_id(g, self.words.by) || view.lower_is(g, &["by"]))
                        })
                });
            if source.is_none() && !by_thing {
                // Nearest coded actor before the verb.
                source = (0..v)
                    .rev()
                    .filter_map(|t| at[t])
                    .find(|&a| {
                        actors[a].coded() && !actors[a].is_media() && !located(view, &actors[a])
                    })
                    // The patient of a passive is not its doer, and names none before it ("the
                    // envoy of X was expelled" has no named expeller).
                    .filter(|&a| {
                        !(passive && (Some(a) == subj || in_passive_subject(view, v, &actors[a])))
                    })
                    .map(Who::Actor);
            }
        }
        // Negation and mode.
        let (negated, mut mode) = self.polarity(view, v);
        let mut negated = negated;
        if negated && p.claim {
            return None;
        }
        let root = code[..2].to_string();
        let cooperative = matches!(root.as_str(), "03" | "04" | "05" | "06" | "07" | "08");
        // "Y must …" reported by a speaker: the speaker demands it of Y.
        let synthetic = std::ptr::eq(p, &self.demand);
        let must = obligation(view, v);
        if must {
            if let Some(sp) = speaker.clone().filter(|sp| {
                let doer = subj.and_then(|a| actors[a].country()).map(str::to_string);
                // Another country, or another side within one ("rebels said the government
                // must …": REB of GOV; "officials said Kenya must …" is no demand).
                let sector = |c: Option<String>| {
                    c.filter(|c| c.len() >= 6 && !c.starts_with("IGO"))
                        .map(|c| c[3..6].to_string())
                };
                let (ss, ds) = (
                    sector(sp.code(actors)),
                    sector(subj.and_then(|a| actors[a].code.clone())),
                );
                let other_side = ss.is_some() && ds.is_some() && ss != ds;
                sp.country(actors).is_some() && (sp.country(actors) != doer || other_side)
            }) {
                // The one told ("a warning to Iraq that it must …") when the clause's own subject
                // is an unresolved pronoun.
                let subj = subj
                    .filter(|&a| actors[a].coded())
                    .or_else(|| addressee(view, actors, at, v));
                target = if passive {
                    subj.map(Who::Actor)
                } else {
                    subj.map(Who::Actor).or(target).filter(|t| !t.same(&sp))
                };
                source = Some(sp);
                code = demand_of(&code, negated).to_string();
                negated = false;
                mode = None;
            } else if synthetic {
                return None;
            }
        } else if negated && mode == Some(EventMode::Intent) && cooperative {
            code = rejection_of(&code).to_string();
            // The refusal itself is an act, stated now.
            negated = false;
            mode = None;
        } else if !negated
            && mode == Some(EventMode::Intent)
            && matches!(root.as_str(), "04" | "05" | "06" | "07" | "08")
        {
            // Future or intended cooperation is an expression of intent (03x).
            code = intent_of(&code).to_string();
        } else if !negated
            && mode.is_some()
            && matches!(
                root.as_str(),
                "14" | "15" | "16" | "17" | "18" | "19" | "20"
            )
        {
            // Announced, intended or held-out coercion and force ("will impose", "may halt",
            // "could strike") is a threat (13x).
            mode = Some(EventMode::Intent);
            code = threat_of(&code).to_string();
        }
        if mode.is_none() && (code.starts_with("03") || code.starts_with("13")) {
            mode = Some(EventMode::Intent);
        }
        let unattributed = source.as_ref().is_none_or(|s| s.code(actors).is_none());
        if unattributed {
            // Material conflict or a passive with a known victim and no named perpetrator.
            let victim = target
                .as_ref()
                .filter(|t| t.code(actors).is_some() && !t.bad_target(actors, force))
                .is_some();
            // A subject the dictionary does not know ("Ibo elders", "Islamic fundamentalists")
            // still names the doer: its act is coded with an uncoded source when it has a coded
            // target or is a protest (its target is then the home government, if known).
            let nominal_subject = view.has_parse
                && view.kids(v).iter().any(|&k| {
                    view.rel(k) == "nsubj" && matches!(view.toks[k].upos, Upos::NOUN | Upos::PROPN)
                });
            let named_doer = nominal_subject && !negated && (victim || code.starts_with("14"));
            if !(victim && (passive || code.as_str() >= "14")) && !named_doer {
                return None;
            }
            source = Some(Who::Unknown(view.toks[v].start));
        }
        let src = source?;
        // Whoever reports the sentence ("…, officials said", "a spokesman for the ministry
        // said") is its channel, not the target of the act reported.
        let reporters = reporters(input, view, actors, v);
        let reporting = |t: &Who| matches!(t, Who::Actor(a) if reporters.contains(a));
        if target.as_ref().is_some_and(|t| {
            t.same(&src) || t.bad_target(actors, force) || t.code(actors).is_none() || reporting(t)
        }) {
            target = None;
        }
        // Mobilising one's own forces: the forces are not the target.
        if code.starts_with("15") {
            if let Some(Who::Actor(t)) = &target {
                if actors[*t].kind == ActorKind::Role {
                    target = None;
                }
            }
        }
        // Unplaced troops the act moves or gives ("send 500 troops to Haiti", "must withdraw its
        // troops") are not its target when the clause names an actor of another country: that
        // actor is (for cooperation, demands and threats; the victims of force stay targets).
        if let Some(Who::Actor(t)) = &target {
            let t = &actors[*t];
            let bare = t.kind == ActorKind::Role
                && t.code
                    .as_deref()
                    .is_some_and(|c| matches!(c, "MIL" | "PKO"));
            if bare && code.as_str() < "14" {
                let scountry = src.country(actors);
                let other = c
                    .scope
                    .iter()
                    .filter_map(|&k| at[k])
                    .chain(0..actors.len())
                    .find(|&a| {
                        ok_target(&actors[a], &src, actors, force)
                            && !reporters.contains(&a)
                            && actors[a].country().is_some()
                            && actors[a].country().map(str::to_string) != scountry
                            && !(located(view, &actors[a]) && actors[a].kind == ActorKind::Country)
                    });
                if let Some(o) = other {
                    target = Some(Who::Actor(o));
                }
            }
        }
        // An accusation, demand or rejection voiced about a clause: its subject is the target
        // ("Kenyan authorities mistreat refugees, a rights group said"; "X rejected claims
        // that Y had …" keeps its object).
        if target.is_none() && matches!(&code[..2], "10" | "11" | "12") && view.has_parse {
            let clause = if view.rel(v) == "parataxis" {
                view.head(v)
            } else {
                view.kids(v)
                    .iter()
                    .copied()
                    .find(|&k| view.rel(k) == "ccomp")
            };
            target = clause
                .and_then(|h| {
                    view.kids(h)
                        .iter()
                        .copied()
                        .find(|&k| view.rel(k).starts_with("nsubj"))
                })
                .and_then(|k| actor_near(view, actors, at, k))
                .filter(|&a| ok_target(&actors[a], &src, actors, force) && !reporters.contains(&a))
                .map(Who::Actor);
        }
        // Target fallbacks: an actor the verb governs, then the nearest actor of another country.
        if target.is_none() {
            target = c
                .scope
                .iter()
                .filter_map(|&t| at[t])
                .find(|&a| {
                    ok_target(&actors[a], &src, actors, force)
                        && !reporters.contains(&a)
                        && !(code.as_str() >= "13" && adjunct(view, actors[a].start, v))
                        && (p.code == "042" || !located(view, &actors[a]))
                        && !(code.starts_with("15") && actors[a].kind == ActorKind::Role)
                })
                .map(Who::Actor);
        }
        if target.is_none() {
            let scountry = src.country(actors);
            target = actors
                .iter()
                .enumerate()
                .filter(|(i, a)| {
                    ok_target(a, &src, actors, force)
                        && !reporters.contains(i)
                        && !located(view, a)
                        && a.country().is_some()
                        && a.country().map(str::to_string) != scountry
                })
                .min_by_key(|(_, a)| {
                    if a.start > v {
                        a.start - v
                    } else {
                        v - a.end + 1
                    }
                })
                .map(|(i, _)| Who::Actor(i));
        }

        // The place of a coercive or violent act, threat, protest or sanction stands for its
        // target when no other is named: "imposed a curfew in Lagos", "opened fire in Gaza" (the
        // residents), "marched in Belgrade" (that government), "threatened attacks in Spain";
        // and of a military retreat in another country ("will evacuate the settlements in Gaza").
        let mut place_code: Option<String> = None;
        let retreat = p.code.starts_with("087");
        if target.is_none()
            && (retreat
                || matches!(
                    &code[..2],
                    "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20"
                ))
        {
            let scountry = src.country(actors);
            let place_ok = |a: usize| {
                let pa = &actors[a];
                matches!(pa.kind, ActorKind::Country)
                    && located(view, pa)
                    && !src.same(&Who::Actor(a))
                    && pa.country().is_some_and(|pc| {
                        !matches!(pc, "IGO" | "NGO" | "IMG")
                            && (!(code.starts_with("14") || retreat)
                                || Some(pc.to_string()) != scountry)
                    })
            };
            let place = c
                .scope
                .iter()
                .filter(|&&t| t > v)
                .filter_map(|&t| at[t])
                .find(|&a| place_ok(a))
                .or_else(|| {
                    // A threat's object clause the parser hung elsewhere ("threatened Monday to
                    // resume attacks in Spain"): a place of another country later in the sentence.
                    code.starts_with("13")
                        .then(|| {
                            (v + 1..view.toks.len()).filter_map(|t| at[t]).find(|&a| {
                                place_ok(a) && actors[a].country().map(str::to_string) != scountry
                            })
                        })
                        .flatten()
                });
            if let Some(a) = place {
                let pc = actors[a].country().unwrap_or_default().to_string();
                place_code = Some(match &code[..2] {
                    "17" | "18" | "19" | "20" => format!("{pc}CVL"),
                    "14" => format!("{pc}GOV"),
                    // A threatened curfew or martial law falls on the residents too.
                    _ if matches!(code.as_str(), "1323" | "1324") => format!("{pc}CVL"),
                    _ => pc,
                });
                target = Some(Who::Actor(a));
            }
        }
        // Any other act with no one else named: the place it concerns ("agreed to postpone the
        // summit in Lima") stands for that country.
        if target.is_none() && !code.starts_with("14") {
            let place = c
                .scope
                .iter()
                .filter(|&&t| t > v)
                .filter_map(|&t| at[t])
                .find(|&a| {
                    let pa = &actors[a];
                    pa.kind == ActorKind::Country
                        && !pa.pronoun
                        && located(view, pa)
                        && !src.same(&Who::Actor(a))
                        && pa
                            .country()
                            .is_some_and(|pc| !matches!(pc, "IGO" | "NGO" | "IMG"))
                });
            if let Some(a) = place {
                place_code = actors[a].country().map(str::to_string);
                target = Some(Who::Actor(a));
            }
        }
        if code.starts_with("14") && target.is_none() {
            if let Some(c) = src
                .country(actors)
                .filter(|c| !matches!(c.as_str(), "IGO" | "NGO" | "IMG"))
            {
                if src.sector(actors).as_deref() != Some("GOV") {
                    home_gov = Some(format!("{c}GOV"));
                }
            }
        }
        if p.popular {
            let non_state = src
                .sector(actors)
                .is_some_and(|s| NON_STATE.contains(&s.as_str()))
                || target.is_none();
            if non_state {
                code = "141".to_string();
            }
        }
        let cc = cameo::cameo(&code)?;
        let verb = verb_span(view, v, p, s, input.text, idx);
        let mut source_m = src.mention(view, actors, input.text, idx);
        // An unnamed perpetrator of violence ("a car bomb killed …", "killed by a mortar
        // round") is CAMEO's unidentified armed force of the country where it struck.
        if matches!(src, Who::Unknown(_)) && matches!(&code[..2], "18" | "19" | "20") {
            let victim = match &target {
                Some(Who::Actor(t)) => Some(*t),
                _ => None,
            };
            if let Some(c) = place_country(view, actors, victim) {
                source_m.code = Some(format!("{c}UAF"));
            }
        }
        // A pronoun subject of reported speech is the speaker when they agree: in "Kenyan farmers
        // said they would block the roads", "they" is the farmers (KENAGR), not just Kenya.
        let pronoun_or_speaker = match &src {
            Who::Actor(a) => actors[*a].pronoun,
            Who::Quote(_) => true,
            Who::Unknown(_) => false,
        };
        if pronoun_or_speaker {
            if let (Some(cur), Some(b)) = (
                source_m.code.clone(),
                matrix_subject(view, actors, at, v).and_then(|b| actors[b].code.clone()),
            ) {
                if b.len() > cur.len() && b.starts_with(&cur) {
                    source_m.code = Some(b);
                }
            }
        }
        // A country named as the agent of a state act stands for its government ("Japan halted
        // aid" → JPNGOV); protesters and fighters named by country stay unspecified.
        if let Who::Actor(a) = &src {
            let a = &actors[*a];
            if a.kind == ActorKind::Country && !matches!(&code[..2], "14" | "18" | "19" | "20") {
                if let Some(c) = source_m
                    .code
                    .as_deref()
                    .filter(|c| c.len() == 3 && !matches!(*c, "IGO" | "NGO" | "IMG"))
                {
                    source_m.code = Some(format!("{c}GOV"));
                }
            }
        }
        let target_was_none = target.is_none();
        let target_code = target.as_ref().and_then(|t| t.code(actors));
        fill_country(&mut source_m, &src, actors, view, target_code.as_deref());
        let target_m = target.map(|t| {
            let mut m = t.mention(view, actors, input.text, idx);
            fill_country(&mut m, &t, actors, view, source_m.code.as_deref());
            if let Some(pc) = &place_code {
                m.code = Some(pc.clone());
            } else if let Who::Actor(a) = &t {
                if let Some(c) = self.residents(&actors[*a], &code) {
                    m.code = Some(c);
                }
            }
            m
        });
        // A protest with no stated target is addressed to the home government (no span: implied).
        let target_m = target_m.or_else(|| {
            home_gov
                .filter(|_| target_was_none)
                .map(|code| ActorMention {
                    text: String::new(),
                    start: source_m.start,
                    end: source_m.start,
                    name: None,
                    code: Some(code),
                })
        });
        // Before South Sudan's independence (2011-07-09) its places were Sudan's.
        let (mut source_m, mut target_m) = (source_m, target_m);
        if input.article_date.is_some_and(|d| {
            d < Date {
                year: 2011,
                month: 7,
                day: 9,
            }
        }) {
            for m in std::iter::once(&mut source_m).chain(target_m.as_mut()) {
                if let Some(c) = m.code.as_mut().filter(|c| c.starts_with("SSD")) {
                    c.replace_range(..3, "SDN");
                }
            }
        }
        Some(Event {
            source: source_m,
            target: target_m,
            verb,
            cameo: code.clone(),
            root: cc.root().to_string(),
            quad_class: cc.quad_class(),
            goldstein: cc.goldstein,
            plover: cameo::plover(&code).map(str::to_string),
            mode,
            negated,
            sentence: si,
            date: None,
            date_granularity: None,
        })
    }

    /// A place as the target of a curfew or martial law, or a city blockaded, stands for its
    /// residents: "imposed a curfew on Kano" → `NGACVL`, "would blockade Lagos" → `NGACVL` (a
    /// state named as the target of a blockade stays the state).
    fn residents(&self, a: &Actor, code: &str) -> Option<String> {
        if a.kind != ActorKind::Country || a.pronoun {
            return None;
        }
        let c = a.code.as_deref()?;
        let country = c.get(..3)?;
        if matches!(country, "IGO" | "NGO" | "IMG") {
            return None;
        }
        // A capital or seat named for its government ("Kabul", "the Kremlin").
        let seat = c.len() == 6
            && c.ends_with("GOV")
            && a.name
                .as_deref()
                .and_then(|n| self.actors.lookup(n, None))
                .is_some_and(|m| m.code == c && m.kind == ActorKind::Country);
        let curfew = matches!(code, "1723" | "1724" | "1323" | "1324" | "0813" | "0814");
        // A capital blockaded, shelled or bombed: its residents bear it ("shelled Kabul").
        let attack = matches!(code, "191" | "1381" | "194" | "195");
        ((curfew && (c.len() == 3 || seat)) || (attack && seat)).then(|| format!("{country}CVL"))
    }

    /// The `by` agent of passive `v` that the parser hung on a verb inside an intervening
    /// clause: "X was blamed for losses, most of them hidden abroad, by Y" — a `by` phrase set
    /// off by a comma closes the parenthesis and belongs to the outer passive.
    fn set_off_agent(
        &self,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        v: usize,
    ) -> Option<usize> {
        let n = view.toks.len();
        (v + 2..n)
            .filter(|&b| {
                (view.has_id(b, self.words.by) || view.lower_is(b, &["by"]))
                    && view.toks[b - 1].text == ","
            })
            .find_map(|b| {
                let h = view.head(b)?;
                if !view.rel(h).starts_with("obl") {
                    return None;
                }
                // Its verb lies inside the passive's own clause, below it.
                let mut w = view.head(h)?;
                if w == v {
                    return None;
                }
                for _ in 0..8 {
                    let up = view.head(w)?;
                    if up == v {
                        return agent_near(view, actors, at, h);
                    }
                    w = up;
                }
                None
            })
    }

    /// The subject actor of verb `v`: its nsubj, or inherited through xcomp/conj/advcl and
    /// relative clauses.
    fn subject(
        &self,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        v: usize,
        depth: usize,
    ) -> Option<usize> {
        if depth > 4 {
            return None;
        }
        if let Some(k) = view
            .kids(v)
            .iter()
            .copied()
            .find(|&k| view.rel(k).starts_with("nsubj") || view.rel(k).starts_with("csubj"))
        {
            // Relative pronoun: the noun the clause modifies.
            if view.lower_is(k, &["who", "which", "that"]) && view.rel(v).starts_with("acl") {
                return view.head(v).and_then(|h| actor_near(view, actors, at, h));
            }
            // A pronoun subject of reported content is bound to the reporting subject when
            // nothing else resolved it: "the Freedom Front announced it will disarm" → the
            // Freedom Front; "he" only for a person or an official, "it" never for a person.
            let found = actor_near(view, actors, at, k);
            if found.is_none() && view.lower_is(k, &["it", "they", "he", "she"]) {
                let person = view.lower_is(k, &["he", "she"]);
                return matrix_subject(view, actors, at, v).filter(|&a| {
                    let b = &actors[a];
                    let official = b.kind == ActorKind::Role
                        && b.code.as_deref().is_some_and(|c| c.ends_with("GOV"));
                    if person {
                        b.kind == ActorKind::Person || official
                    } else {
                        b.kind != ActorKind::Person
                    }
                });
            }
            return found;
        }
        // A subject the parser attached elsewhere, right before the verb group ("Kim did not send").
        let lo = view
            .kids(v)
            .iter()
            .copied()
            .filter(|&k| k < v && (view.rel(k).starts_with("aux") || view.lower_is(k, NEG)))
            .min()
            .unwrap_or(v);
        // Over a place phrase after the subject ("police in Tema seized …").
        let mut lo = lo;
        if lo > 1 && at[lo - 1].is_none_or(|a| located(view, &actors[a])) {
            let mut j = lo - 1;
            while j > 0 && view.toks[j].upos == Upos::PROPN && j + 4 > lo {
                j -= 1;
            }
            if j + 1 < lo && j > 0 && view.lower_is(j, &["in", "at", "near"]) {
                lo = j;
            }
        }
        if lo > 0 {
            if let Some(a) = at[lo - 1] {
                if actors[a].end == lo
                    && actors[a].coded()
                    && !located(view, &actors[a])
                    && view.toks[lo - 1].upos != Upos::PUNCT
                {
                    return Some(a);
                }
            }
        }
        let rel = view.rel(v);
        let base = rel.split(':').next().unwrap_or(rel);
        let h = view.head(v)?;
        match base {
            "acl" => actor_near(view, actors, at, h),
            "xcomp" => {
                // Object control ("urged Iran to ..."): the head's object is the subject.
                if let Some(o) = view
                    .kids(h)
                    .iter()
                    .copied()
                    .find(|&k| view.rel(k) == "obj" || view.rel(k) == "iobj")
                {
                    if HYPO_HEADS
                        .iter()
                        .any(|x| view.lemma(h).eq_ignore_ascii_case(x))
                    {
                        return actor_near(view, actors, at, o);
                    }
                }
                self.subject(view, actors, at, h, depth + 1)
            }
            // A clause conjoined to "said" is (mis)parsed reported content, not the speaker's act.
            "conj" if view.lemma_is(h, SPEECH) => None,
            "conj" | "advcl" => self.subject(view, actors, at, h, depth + 1),
            _ => None,
        }
    }

    /// The actor a complaint or accusation is about: "complained to the UN over Syrian
    /// shelling" is about Syria, not the UN it was addressed to.
    fn complained_of(
        &self,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        v: usize,
    ) -> Option<usize> {
        let addressed = view.kids(v).iter().any(|&k| {
            view.rel(k).starts_with("obl")
                && view
                    .kids(k)
                    .iter()
                    .any(|&g| view.rel(g) == "case" && view.lower_is(g, &["to"]))
        });
        if !addressed {
            return None;
        }
        view.kids(v).iter().copied().find_map(|k| {
            // The preposition may be misparsed as an adverb of the phrase ("over the shelling").
            let about = view.rel(k).starts_with("obl")
                && view
                    .kids(k)
                    .iter()
                    .chain(view.kids(k).iter().flat_map(|&g| view.kids(g)))
                    .any(|&g| {
                        matches!(view.rel(g), "case" | "advmod")
                            && g < k
                            && view.lower_is(g, &["over", "about", "against"])
                    });
            about
                .then(|| actor_near(view, actors, at, k))
                .flatten()
                .filter(|&a| !bad_target(&actors[a], false))
        })
    }

    /// The target actor: object, indirect object, or a to/with/against/on/... oblique.
    fn object(
        &self,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        v: usize,
        violent: bool,
    ) -> Option<usize> {
        let kids = view.kids(v);
        // Arms launched or fired are the means, not the target: "launched rockets and shell
        // fire against rebel positions" → whom the `against` phrase names.
        if view.lemma_is(v, &["launch", "fire", "unleash", "use", "direct", "aim"]) {
            for k in kids.iter().copied().filter(|&k| view.rel(k) == "obj") {
                if !view.lemma_is(k, WEAPONS) {
                    continue;
                }
                let mut stack = vec![(k, 0)];
                while let Some((t, d)) = stack.pop() {
                    for &c in view.kids(t) {
                        let rel = view.rel(c);
                        if rel == "conj" && d < 2 {
                            stack.push((c, d + 1));
                        } else if rel.starts_with("nmod")
                            && view.kids(c).iter().any(|&g| {
                                view.rel(g) == "case"
                                    && view.lower_is(g, &["against", "at", "on", "into"])
                            })
                        {
                            if let Some(a) = actor_near(view, actors, at, c) {
                                if !bad_target(&actors[a], violent) {
                                    return Some(a);
                                }
                            }
                        }
                    }
                }
            }
        }
        for want in ["obj", "iobj"] {
            if let Some(a) = kids
                .iter()
                .copied()
                .filter(|&k| view.rel(k) == want)
                .find_map(|k| actor_near(view, actors, at, k))
            {
                if !bad_target(&actors[a], violent) {
                    return Some(a);
                }
            }
        }
        for &k in kids {
            if !view.rel(k).starts_with("obl") || view.rel(k) == "obl:agent" {
                continue;
            }
            let case_ok = view
                .kids(k)
                .iter()
                .any(|&g| view.rel(g) == "case" && view.lower_is(g, TARGET_CASES));
            if case_ok {
                if let Some(a) = actor_near(view, actors, at, k) {
                    if !bad_target(&actors[a], violent) {
                        return Some(a);
                    }
                }
            }
        }
        // Particle verbs parsed with the actor under a compound:prt or xcomp ("reached out to X").
        None
    }

    /// Who speaks the clause of `v`: the quote covering it, or the subject of a governing speech
    /// verb ("X said that ..."), or, without a parse, the actor before the nearest speech verb.
    fn speaker(
        &self,
        input: &CodingInput,
        view: &View,
        actors: &[Actor],
        at: &[Option<usize>],
        v: usize,
    ) -> Option<Who> {
        let pos = view.toks[v].start;
        if let Some(q) = input.quotes.iter().find(|q| {
            q.start <= pos
                && pos < q.end
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.code.as_deref().is_some_and(|c| !is_sector(c)))
        }) {
            // The speaker named in this sentence, as composed here ("British Foreign Secretary
            // X" → `GBRGOV` where the quote stage knows only `GBR`).
            if let Some(m) = &q.speaker {
                let mine = actors.iter().position(|a| {
                    let (s0, e0) = (view.toks[a.start].start, view.toks[a.end - 1].end);
                    let same_name = m.name.is_some() && a.name == m.name;
                    ((s0 < m.end && m.start < e0) || same_name)
                        && !a.pronoun
                        && a.code.as_deref().is_some_and(|c| {
                            m.code
                                .as_deref()
                                .is_some_and(|mc| c.len() > mc.len() && c.get(..3) == mc.get(..3))
                        })
                });
                if let Some(a) = mine {
                    return Some(Who::Actor(a));
                }
            }
            return q.speaker.clone().map(Who::Quote);
        }
        if view.has_parse {
            let mut cur = v;
            for _ in 0..6 {
                let rel = view.rel(cur).split(':').next().unwrap_or("").to_string();
                let h = view.head(cur)?;
                if matches!(
                    rel.as_str(),
                    "ccomp" | "parataxis" | "xcomp" | "advcl" | "conj" | "acl"
                ) || view.toks[cur].head.is_none()
                {
                    if view.lemma_is(h, SPEECH_NOUNS) && matches!(view.toks[h].upos, Upos::NOUN) {
                        // "issued a reminder that …", "reiterated its demand that …".
                        let hv = view.head(h)?;
                        let sp = view
                            .kids(hv)
                            .iter()
                            .copied()
                            .find(|&k| view.rel(k).starts_with("nsubj"))
                            .and_then(|k| actor_near(view, actors, at, k));
                        return sp
                            .filter(|&a| actors[a].coded() && actors[a].country().is_some())
                            .map(Who::Actor);
                    }
                    // A speech verb, or a verb issuing a speech noun ("issued a warning that …").
                    let issues = view.toks[h].upos == Upos::VERB
                        && view
                            .kids(h)
                            .iter()
                            .any(|&k| view.rel(k) == "obj" && view.lemma_is(k, SPEECH_NOUNS));
                    if view.lemma_is(h, SPEECH) || issues {
                        // A coordinated speech verb shares its first conjunct's subject
                        // ("rebels rejected the plan and said they …").
                        let subj_of = |x: usize| {
                            view.kids(x)
                                .iter()
                                .copied()
                                .find(|&k| view.rel(k).starts_with("nsubj"))
                        };
                        let sp = subj_of(h)
                            .or_else(|| {
                                (view.rel(h) == "conj")
                                    .then(|| view.head(h).and_then(subj_of))
                                    .flatten()
                            })
                            .and_then(|k| actor_near(view, actors, at, k));
                        // A misparsed subject ("said Saturday"): the nearest actor before the
                        // verb — before the first of coordinated verbs ("X dismissed a Y offer
                        // and said …" is X's, not Y's).
                        let first = if view.rel(h) == "conj" {
                            view.head(h).filter(|&g| g < h).unwrap_or(h)
                        } else {
                            h
                        };
                        let sp = sp
                            .filter(|&a| actors[a].coded() && actors[a].country().is_some())
                            .or_else(|| {
                                (0..first).rev().filter_map(|t| at[t]).find(|&a| {
                                    actors[a].coded()
                                        && actors[a].country().is_some()
                                        && !actors[a].is_media()
                                        && !located(view, &actors[a])
                                })
                            });
                        return sp.map(Who::Actor);
                    }
                    cur = h;
                } else {
                    return None;
                }
            }
            // "..., he said": a speech verb in parataxis under the event verb.
            None
        } else {
            let sv = (0..view.toks.len())
                .filter(|&t| {
                    t != v && view.lemma_is(t, SPEECH)
                        || view.lower_is(t, &["said", "says", "told"])
                })
                .min_by_key(|&t| t.abs_diff(v))?;
            (0..sv)
                .rev()
                .find_map(|t| at[t])
                .filter(|&a| actors[a].coded() && !actors[a].is_media())
                .map(Who::Actor)
        }
    }

    /// Negation and mode of the clause of `v`.
    fn polarity(&self, view: &View, v: usize) -> (bool, Option<EventMode>) {
        let mut negated = false;
        let mut mode = None;
        if view.has_parse {
            let mut cur = v;
            for step in 0..3 {
                for &k in view.kids(cur) {
                    let rel = view.rel(k);
                    if (rel == "advmod" || rel == "neg" || rel == "det") && view.lower_is(k, NEG) {
                        negated = true;
                    }
                    if rel.starts_with("aux") {
                        if view.lower_is(k, INTENT_AUX) || view.lemma_is(k, &["will", "shall"]) {
                            mode.get_or_insert(EventMode::Intent);
                        } else if view.lower_is(k, HYPO_AUX) {
                            mode.get_or_insert(EventMode::Hypothetical);
                        }
                    }
                }
                let rel = view.rel(cur);
                // A purpose clause ("to impose …"), not a gerund after "to" ("turned to
                // burning tyres").
                if step == 0
                    && rel == "advcl"
                    && view.toks[cur].xpos != "VBG"
                    && view
                        .kids(cur)
                        .iter()
                        .any(|&k| view.rel(k) == "mark" && view.lower_is(k, &["to"]))
                {
                    mode.get_or_insert(EventMode::Intent);
                }
                let Some(h) = view.head(cur) else { break };
                if step == 0 || rel == "xcomp" {
                    // "plans to impose", also when "plans" is read as a noun the clause modifies.
                    let noun_plan = step == 0
                        && rel == "acl"
                        && matches!(view.toks[h].upos, Upos::NOUN)
                        && view.lemma_is(
                            h,
                            &[
                                "plan", "intend", "promise", "pledge", "vow", "threaten", "threat",
                            ],
                        )
                        && view
                            .kids(cur)
                            .iter()
                            .any(|&k| view.rel(k) == "mark" && view.lower_is(k, &["to"]));
                    if (rel == "xcomp" && view.lemma_is(h, INTENT_HEADS)) || noun_plan {
                        mode.get_or_insert(EventMode::Intent);
                    } else if rel == "xcomp" && view.lemma_is(h, HYPO_HEADS) {
                        mode.get_or_insert(EventMode::Hypothetical);
                    }
                }
                // Climb only to the adjective or verb this clause complements ("not enough to restart").
                let climb = rel == "xcomp"
                    || (rel == "advcl" && matches!(view.toks[h].upos, Upos::ADJ | Upos::ADV))
                    || (rel == "ccomp" && matches!(view.toks[h].upos, Upos::ADJ));
                if !climb {
                    break;
                }
                cur = h;
            }
        } else {
            for t in v.saturating_sub(4)..v {
                if view.is_punct(t) {
                    negated = false;
                    mode = None;
                    continue;
                }
                if view.lower_is(t, NEG) {
                    negated = true;
                }
                if view.lower_is(t, INTENT_AUX) {
                    mode = Some(EventMode::Intent);
                } else if view.lower_is(t, HYPO_AUX) {
                    mode = Some(EventMode::Hypothetical);
                }
            }
        }
        (negated, mode)
    }
}

/// A participant: an actor of the sentence or a quote's speaker.
#[derive(Debug, Clone)]
enum Who {
    Actor(usize),
    Quote(ActorMention),
    /// An unnamed perpetrator ("a car bomb killed two soldiers"): no span, no code.
    Unknown(usize),
}

impl Who {
    fn code(&self, actors: &[Actor]) -> Option<String> {
        match self {
            Who::Actor(a) => actors[*a].code.clone(),
            Who::Quote(m) => m.code.clone(),
            Who::Unknown(_) => None,
        }
    }
    fn country(&self, actors: &[Actor]) -> Option<String> {
        match self {
            Who::Actor(a) => actors[*a].country().map(str::to_string),
            Who::Quote(m) => m
                .code
                .as_deref()
                .filter(|c| c.len() >= 3 && c.is_char_boundary(3))
                .map(|c| c[..3].to_string()),
            Who::Unknown(_) => None,
        }
    }
    fn sector(&self, actors: &[Actor]) -> Option<String> {
        let c = self.code(actors)?;
        if let Who::Actor(a) = self {
            if actors[*a].kind == ActorKind::Role {
                return Some(c);
            }
        }
        (c.len() >= 6).then(|| c[3..6].to_string())
    }
    fn same(&self, other: &Who) -> bool {
        match (self, other) {
            (Who::Actor(a), Who::Actor(b)) => a == b,
            (Who::Quote(a), Who::Quote(b)) => a.start == b.start,
            _ => false,
        }
    }
    fn bad_target(&self, actors: &[Actor], violent: bool) -> bool {
        match self {
            Who::Actor(a) => bad_target(&actors[*a], violent),
            Who::Quote(_) | Who::Unknown(_) => false,
        }
    }
    fn mention(&self, view: &View, actors: &[Actor], text: &str, idx: &CharIndex) -> ActorMention {
        match self {
            Who::Quote(m) => m.clone(),
            Who::Unknown(pos) => ActorMention {
                text: String::new(),
                start: *pos,
                end: *pos,
                name: None,
                code: None,
            },
            Who::Actor(a) => {
                let a = &actors[*a];
                let (start, end) = (view.toks[a.start].start, view.toks[a.end - 1].end);
                ActorMention {
                    text: slice_chars(text, idx, start, end),
                    start,
                    end,
                    name: a.name.clone(),
                    code: a.code.clone(),
                }
            }
        }
    }
}

/// Outlets are never targets ("told Axios" is a channel); journalists can be victims of force.
fn bad_target(a: &Actor, violent: bool) -> bool {
    a.kind == ActorKind::Media || (a.is_media() && !violent)
}

fn ok_target(a: &Actor, src: &Who, actors: &[Actor], violent: bool) -> bool {
    if !a.coded() || bad_target(a, violent) {
        return false;
    }
    if let Who::Actor(s) = src {
        let s = &actors[*s];
        if s.start == a.start && s.end == a.end {
            return false;
        }
        if a.code == s.code && a.name == s.name {
            return false;
        }
    }
    if let Who::Quote(m) = src {
        if m.code == a.code {
            return false;
        }
    }
    true
}

/// The actors reporting the sentence: the subject of a speech verb other than `v` ("…, officials
/// said") and the speaker of a quote covering `v`.
fn reporters(input: &CodingInput, view: &View, actors: &[Actor], v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if view.has_parse {
        let governs = |x: usize| view.governs(x, v);
        for h in 0..view.toks.len() {
            if h == v || view.toks[h].upos != Upos::VERB || !view.lemma_is(h, SPEECH) {
                continue;
            }
            // The verb that reports `v`'s clause, or one attached beside it ("…, officials
            // said"); not a speech verb inside a relative clause ("concessions that X believed").
            let beside = view.head(h).is_some_and(|g| {
                governs(g)
                    && matches!(
                        view.rel(h).split(':').next().unwrap_or(""),
                        "parataxis" | "xcomp" | "ccomp" | "conj" | "advcl"
                    )
            });
            if !governs(h) && !beside {
                continue;
            }
            let mut subject = false;
            for &k in view.kids(h) {
                if view.rel(k) == "nsubj" {
                    subject = true;
                    if let Some(a) = actors.iter().position(|a| a.start <= k && k < a.end) {
                        out.push(a);
                    }
                }
            }
            // A subject the parser hung elsewhere: the phrase right before "said".
            if !subject {
                if let Some(a) = actors.iter().position(|a| a.end == h) {
                    out.push(a);
                }
            }
        }
    }
    let pos = view.toks[v].start;
    for q in input
        .quotes
        .iter()
        .filter(|q| q.start <= pos && pos < q.end)
    {
        if let Some(m) = &q.speaker {
            for (i, a) in actors.iter().enumerate() {
                let (s0, e0) = (view.toks[a.start].start, view.toks[a.end - 1].end);
                if s0 < m.end && m.start < e0 && !a.pronoun {
                    out.push(i);
                }
            }
        }
    }
    out
}

/// Whether token `t` hangs from `v` through a temporal or causal adjunct ("following the killing
/// of a border guard", "because of clashes between …"): the actors named there are the
/// circumstances of a coercive act, not its target.
fn adjunct(view: &View, t: usize, v: usize) -> bool {
    const ADJUNCT: &[&str] = &[
        "following",
        "after",
        "before",
        "since",
        "during",
        "despite",
        "because",
        "amid",
        "until",
    ];
    if !view.has_parse {
        return false;
    }
    let mut cur = t;
    for _ in 0..12 {
        if cur == v {
            return false;
        }
        // "as" opens a clause ("as gunfire continued"), also when parsed as a preposition.
        let clausal = view.kids(cur).iter().any(|&k| view.rel(k) == "acl");
        if view.kids(cur).iter().any(|&k| {
            (matches!(view.rel(k), "case" | "mark") && view.lower_is(k, ADJUNCT))
                || (view.rel(k) == "mark" && view.lower_is(k, &["as", "while", "when"]))
                || (view.rel(k) == "case" && clausal && view.lower_is(k, &["as"]))
        }) {
            return true;
        }
        match view.head(cur) {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// The subject actor of the clause that reports or governs the clause of `v` ("Kenyan farmers
/// said [they would block …]", "the government announced that [it is prepared to impose …]").
fn matrix_subject(view: &View, actors: &[Actor], at: &[Option<usize>], v: usize) -> Option<usize> {
    if !view.has_parse {
        return None;
    }
    let mut cur = v;
    for _ in 0..4 {
        let rel = view.rel(cur);
        if !matches!(rel, "ccomp" | "xcomp") {
            return None;
        }
        let h = view.head(cur)?;
        if rel == "ccomp" {
            let subj = view
                .kids(h)
                .iter()
                .copied()
                .find(|&k| view.rel(k) == "nsubj")?;
            return actor_near(view, actors, at, subj).filter(|&a| !actors[a].pronoun);
        }
        cur = h;
    }
    None
}

/// The addressee of the speech act governing clause `v`: an actor after "to" between the
/// speech verb and the clause ("told Iraq that …", "issued a warning to Iraq that …").
fn addressee(view: &View, actors: &[Actor], at: &[Option<usize>], v: usize) -> Option<usize> {
    if !view.has_parse {
        return None;
    }
    let mut cur = v;
    let mut h = None;
    for _ in 0..3 {
        let rel = view.rel(cur);
        if !matches!(rel, "ccomp" | "xcomp" | "parataxis") {
            break;
        }
        h = view.head(cur);
        cur = h?;
    }
    let h = h?;
    (h + 1..v).find_map(|t| {
        let a = at[t]?;
        let told = (view.toks[h].lemma == "tell" && actors[a].start == h + 1)
            || (actors[a].start > 0 && view.lower[actors[a].start - 1] == "to");
        (told && actors[a].coded() && !actors[a].is_media() && !actors[a].pronoun).then_some(a)
    })
}

/// The actor covering token `k`, or one inside its noun phrase (compound, modifiers, apposition).
fn actor_near(view: &View, actors: &[Actor], at: &[Option<usize>], k: usize) -> Option<usize> {
    if let Some(a) = at[k] {
        return Some(a);
    }
    let mut stack: Vec<(usize, usize)> = view.kids(k).iter().map(|&c| (c, 1)).collect();
    let mut best: Option<usize> = None;
    while let Some((t, d)) = stack.pop() {
        let rel = view.rel(t);
        let base = rel.split(':').next().unwrap_or(rel);
        if !matches!(
            base,
            "compound" | "amod" | "nmod" | "appos" | "flat" | "det" | "nummod" | "obl" | "conj"
        ) {
            continue;
        }
        if let Some(a) = at[t] {
            if actors[a].coded()
                && !located(view, &actors[a])
                && best.is_none_or(|b| actors[a].start < actors[b].start)
            {
                best = Some(a);
            }
            continue;
        }
        if d < 3 {
            stack.extend(view.kids(t).iter().map(|&c| (c, d + 1)));
        }
    }
    best
}

/// The country where an act took place: that of the first place named with in/at/near/outside
/// (a capital counts for its country), else the one country the sentence names besides the
/// victim's.
fn place_country(view: &View, actors: &[Actor], victim: Option<usize>) -> Option<String> {
    let country = |a: &Actor| {
        a.country()
            .filter(|c| !matches!(*c, "IGO" | "NGO" | "IMG"))
            .map(str::to_string)
    };
    if let Some(c) = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Country && located(view, a))
        .find_map(country)
    {
        return Some(c);
    }
    let vc = victim.and_then(|t| actors[t].country()).map(str::to_string);
    let mut others = actors
        .iter()
        .enumerate()
        .filter(|(i, a)| Some(*i) != victim && !a.is_media())
        .filter_map(|(_, a)| country(a))
        .filter(|c| Some(c) != vc.as_ref());
    let first = others.next()?;
    others.all(|c| c == first).then_some(first)
}

/// Whether actor `a` lies inside the phrase of passive `v`'s subject ("the envoy of Chile").
fn in_passive_subject(view: &View, v: usize, a: &Actor) -> bool {
    let Some(k) = view
        .kids(v)
        .iter()
        .copied()
        .find(|&k| view.rel(k) == "nsubj:pass")
    else {
        return false;
    };
    (a.start..a.end).any(|t| view.governs(k, t))
}

/// Participles that, before a preposition other than `by`, state what their subject is or does
/// rather than what was done to it.
const STATIVE: &[&str] = &[
    "oppose",
    "engage",
    "involve",
    "commit",
    "determine",
    "prepare",
    "dedicate",
    "devote",
    "resolve",
    "poise",
];

fn stative(view: &View, v: usize) -> bool {
    let next = view.lower.get(v + 1).map(String::as_str);
    view.lemma_is(v, STATIVE)
        && next.is_some_and(|w| matches!(w, "to" | "in" | "on" | "with" | "against" | "for"))
}

/// The actor of a `by` agent phrase: its head, its own modifiers ("by Chadian gunmen"), or an
/// `of` complement ("by members of the militia"); not a place hung deeper in the phrase ("by a
/// car bomb outside the Kenyan town of Garissa" names no doer).
fn agent_near(view: &View, actors: &[Actor], at: &[Option<usize>], k: usize) -> Option<usize> {
    if let Some(a) = at[k] {
        return Some(a);
    }
    view.kids(k).iter().find_map(|&c| {
        let rel = view.rel(c);
        let mut cases = view.kids(c).iter().filter(|&&g| view.rel(g) == "case");
        let of = rel.starts_with("nmod")
            && cases.next().is_some_and(|&g| view.lower_is(g, &["of"]))
            && cases.next().is_none();
        if matches!(rel, "compound" | "amod" | "flat" | "appos" | "nmod:poss") {
            at[c]
        } else if of {
            actor_near(view, actors, at, c)
        } else {
            None
        }
    })
}

/// Whether token `i` directly follows a nationality chunk ("British militant", "Iranian
/// military"): a role word there is a noun of the phrase even when tagged an adjective.
fn after_nationality(chunks: &[Actor], i: usize, view: &View) -> bool {
    chunks
        .last()
        .is_some_and(|c| c.end == i && c.kind == ActorKind::Nationality)
        && view.toks.get(i + 1).is_none_or(|n| n.upos != Upos::NOUN)
}

/// Words marking a past office holder before a title or name.
const FORMER: &[&str] = &[
    "former",
    "ex",
    "ousted",
    "deposed",
    "exiled",
    "toppled",
    "overthrown",
    "erstwhile",
];

/// Whether the actor starting at token `start` is marked as a past office holder: "former"
/// and the like right before it, over a determiner, a nationality or a party adjective ("the
/// former Socialist prime minister", "ousted President X").
fn former(view: &View, start: usize) -> bool {
    if view.lower_is(start, FORMER) {
        return true;
    }
    let mut t = start;
    for _ in 0..3 {
        if t == 0 {
            return false;
        }
        t -= 1;
        if view.lower_is(t, FORMER) || view.lower[t].starts_with("ex-") {
            return true;
        }
        let tok = &view.toks[t];
        let filler = matches!(tok.upos, Upos::ADJ | Upos::PROPN) || view.lower[t] == "-";
        if !filler {
            return false;
        }
    }
    false
}

/// Whether tokens between two chunks allow them to be one noun phrase.
fn adjacent(view: &View, end: usize, start: usize) -> bool {
    if start < end {
        return false;
    }
    if start - end > 3 {
        return false;
    }
    (end..start).all(|t| {
        let tok = &view.toks[t];
        if matches!(tok.text.as_str(), "'s" | "’s" | "'" | "’") {
            return true;
        }
        if view.is_punct(t) || view.lower_is(t, STOP_GAP) {
            return false;
        }
        if view.has_parse {
            // A participle after a possessive modifies the noun ("Jordan's visiting king").
            (matches!(tok.upos, Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM)
                || (tok.upos == Upos::VERB
                    && (tok.deprel == "amod" || matches!(tok.xpos.as_str(), "VBG" | "VBN"))
                    && t > 0
                    && matches!(view.toks[t - 1].text.as_str(), "'s" | "’s")))
                && !tok.deprel.starts_with("nsubj")
        } else {
            !view.ids[t].iter().any(|&id| id != NONE)
                || tok.text.chars().next().is_some_and(char::is_uppercase)
        }
    })
}

/// Merges two chunks of one noun phrase, or says they are two actors.
fn merge(p: &Actor, c: &Actor) -> Option<Actor> {
    use ActorKind::*;
    let span =
        |code: Option<String>, name: Option<String>, kind: ActorKind, rs: Option<String>| Actor {
            start: p.start,
            end: c.end,
            code,
            name,
            kind,
            role_sector: rs,
            pronoun: false,
        };
    match (p.kind, c.kind) {
        (Media, _) => None,
        (Country | Nationality | Organization | Person, Role) => {
            let pc = p.code.clone()?;
            let sec = c.code.clone()?;
            let sec = if sec == "GOV" && pc.len() == 6 && !pc.starts_with("IGO") {
                pc[3..].to_string()
            } else {
                sec
            };
            if sec == "MED" {
                return Some(span(
                    Some(with_sector(&pc[..3.min(pc.len())], "MED")),
                    p.name.clone(),
                    Role,
                    Some(sec),
                ));
            }
            let kind = if p.kind == Nationality {
                Country
            } else {
                p.kind
            };
            let kind = if kind == Person { Country } else { kind };
            Some(span(
                Some(with_sector(&pc, &sec)),
                p.name.clone(),
                kind,
                Some(sec),
            ))
        }
        (Country | Nationality | Role | Organization, Person) => {
            let code = match (c.code.as_deref(), p.code.as_deref()) {
                (Some(cc), _) if cc.len() > 3 => Some(cc.to_string()),
                (Some(cc), Some(pc)) if p.kind == Role => Some(with_sector(cc, pc)),
                (Some(cc), Some(pc)) if pc.len() > 3 && pc.starts_with(cc) => Some(pc.to_string()),
                (Some(cc), _) => Some(cc.to_string()),
                (None, Some(pc)) if p.kind == Role => {
                    None.or(Some(pc.to_string())).filter(|_| false)
                }
                (None, pc) => pc.map(str::to_string),
            };
            Some(span(code, c.name.clone(), Person, None))
        }
        (Role, Role) => {
            // The head noun decides, unless it is a generic GOV word after a specific sector
            // ("rebel leaders" → REB, "army commander" → MIL).
            let keep_p = c.code.as_deref() == Some("GOV") && p.code.as_deref() != Some("GOV");
            let code = if keep_p {
                p.code.clone()
            } else {
                c.code.clone()
            };
            Some(span(code.clone(), c.name.clone(), Role, code))
        }
        // A descriptive noun before a name is an apposition: the name decides ("the aid
        // group Oxfam", "the rebel group FARC").
        (Role, Organization) if p.code.as_deref() != Some("GOV") => {
            let code = match (c.code.as_deref(), p.code.as_deref()) {
                (Some(cc), Some(pc)) if cc.len() == 3 && !matches!(cc, "IGO" | "NGO" | "IMG") => {
                    Some(with_sector(cc, pc))
                }
                (cc, _) => cc.map(str::to_string),
            };
            Some(span(code, c.name.clone(), Organization, None))
        }
        (Role, Media) => Some(span(c.code.clone(), c.name.clone(), Media, None)),
        (Nationality, Country | Organization) => {
            Some(span(c.code.clone(), c.name.clone(), c.kind, None))
        }
        (Nationality, Media) => Some(span(c.code.clone(), c.name.clone(), Media, None)),
        (Country, Media) => None,
        _ => None,
    }
}

/// A bare sector ("police" → `COP`) takes the one country the sentence names, if it names
/// exactly one ("Police in Cairo arrested …" → `EGYCOP`).
///
/// When the sentence names several countries, a domestic group facing a state's police,
/// government, courts or legislature is that state's ("Ruritanian police dispersed students who
/// protested the dispatch of troops to Freedonia" → students `RUREDU`, given Ruritania's code).
fn fill_country(
    m: &mut ActorMention,
    who: &Who,
    actors: &[Actor],
    view: &View,
    partner: Option<&str>,
) {
    let Who::Actor(i) = who else { return };
    if actors[*i].kind != ActorKind::Role {
        return;
    }
    let Some(sector) = m.code.clone().filter(|c| is_sector(c)) else {
        return;
    };
    // "Israeli helicopters and tanks", "Russian aircraft including gunships": the nationality of
    // the phrase the role noun is coordinated with.
    let me = &actors[*i];
    if let Some(left) = actors
        .iter()
        .filter(|a| a.end <= me.start && me.start - a.end <= 4 && !a.is_media())
        .max_by_key(|a| a.end)
        // Not across punctuation or a verb: "… Afghan migrants, an aid group said", "Chadian
        // gunmen killed 12 villagers" are two phrases.
        .filter(|a| {
            !(a.end..me.start).any(|t| {
                view.is_punct(t)
                    || (matches!(view.toks[t].upos, Upos::VERB | Upos::AUX)
                        && !matches!(view.rel(t), "amod" | "compound"))
            })
        })
    {
        if matches!(left.kind, ActorKind::Nationality | ActorKind::Country)
            && left.pronoun == me.pronoun
        {
            if let Some(c) = left
                .country()
                .filter(|c| !matches!(*c, "IGO" | "NGO" | "IMG"))
            {
                m.code = Some(with_sector(c, &sector));
                return;
            }
        }
    }
    let state = |c: &&str| !matches!(*c, "IGO" | "NGO" | "IMG");
    // The one place the sentence locates things in ("crowds blocked roads in Quito").
    let places = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Country && !a.pronoun && located(view, a))
        .filter_map(|a| a.country())
        .filter(state);
    if let Some(p) = sole(places).flatten() {
        m.code = Some(with_sector(p, &sector));
        return;
    }
    // Else the nationality of the clause's subject ("the Malian government accused northern
    // rebels" → `MLIREB`).
    if let Some(left) = actors
        .iter()
        .filter(|a| a.end <= me.start && me.start - a.end <= 4 && !a.is_media())
        .max_by_key(|a| a.end)
        .filter(|a| !(a.end..me.start).any(|t| view.is_punct(t)))
    {
        if matches!(left.kind, ActorKind::Nationality | ActorKind::Country)
            && left.pronoun == me.pronoun
        {
            if let Some(c) = left.country().filter(state) {
                m.code = Some(with_sector(c, &sector));
                return;
            }
        }
    }
    let mut countries = actors
        .iter()
        .filter(|a| !a.is_media())
        .filter_map(|a| a.country())
        .filter(state);
    const DOMESTIC: &[&str] = &[
        "EDU", "CVL", "OPP", "LAB", "REL", "BUS", "AGR", "CRM", "MED", "HLH", "PTY", "REB", "UAF",
    ];
    if let Some(p) = partner.filter(|p| {
        p.len() == 6
            && state(&&p[..3])
            && matches!(&p[3..], "GOV" | "COP" | "JUD" | "LEG")
            && DOMESTIC.contains(&sector.as_str())
    }) {
        m.code = Some(with_sector(&p[..3], &sector));
        return;
    }
    let Some(first) = countries.next() else {
        return stateless(m, &sector);
    };
    if countries.all(|c| c == first) {
        m.code = Some(with_sector(first, &sector));
    } else {
        stateless(m, &sector);
    }
}

/// A non-governmental role that no country claims is a non-governmental organisation (CAMEO's
/// `NGO`): "a human rights group said" → `NGOHRI`, "aid agencies" → `NGO`.
fn stateless(m: &mut ActorMention, sector: &str) {
    match sector {
        "HRI" => m.code = Some("NGOHRI".to_string()),
        "NGO" => m.code = Some("NGO".to_string()),
        _ => {}
    }
}

/// An obligation modal on the clause of `v` ("must", "should", "has to").
fn obligation(view: &View, v: usize) -> bool {
    if view.has_parse {
        // "must cooperate", "must be ready to mediate", "has to withdraw".
        let mut cur = v;
        for _ in 0..2 {
            if view
                .kids(cur)
                .iter()
                .any(|&k| view.rel(k).starts_with("aux") && view.lower_is(k, OBLIGATION_AUX))
            {
                return true;
            }
            let Some(h) = view.head(cur) else {
                return false;
            };
            if view.rel(cur) != "xcomp" {
                return false;
            }
            if view.lower_is(h, &["has", "have", "had"]) && cur >= 1 && view.lower[cur - 1] == "to"
            {
                return true;
            }
            cur = h;
        }
        false
    } else {
        (v.saturating_sub(2)..v).any(|t| view.lower_is(t, OBLIGATION_AUX))
    }
}

/// A bare CAMEO sector code (no country): `GOV`, `MIL`, …
fn is_sector(code: &str) -> bool {
    parley_actors::SECTORS.contains(&code)
}

/// The country, IGO or NGO a code places its actor in, unless the code opens with a sector:
/// `"ARGGOV"` → `ARG`, `"IGOUNO"` → `IGO`; `"GOV"`, `"CVL"` → none.
fn placed_in(code: &str) -> Option<&str> {
    parley_actors::code_country(code).filter(|p| !is_sector(p))
}

/// The one country code an iterator gives: `None` when it gives none, `Some(None)` when it gives
/// several different ones, `Some(Some(code))` when all are the same.
fn sole<'a>(mut codes: impl Iterator<Item = &'a str>) -> Option<Option<&'a str>> {
    let first = codes.next()?;
    Some(codes.all(|c| c == first).then_some(first))
}

/// Whether an actor is a place where something happens ("in Baghdad", "at the border").
fn located(view: &View, a: &Actor) -> bool {
    const PLACE: &[&str] = &[
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "within",
    ];
    // Up to three words back, over a determiner, adjectives or a capitalised name ("in East
    // Jerusalem", "at the Yugoslav consulate", "in the capital Dili").
    for back in 1..=4 {
        if back > a.start {
            return false;
        }
        let t = a.start - back;
        if view.lower_is(t, PLACE) {
            return true;
        }
        let tok = &view.toks[t];
        let filler = view.lower_is(t, &["the", "a", "an", "its", "their"])
            || tok.upos == Upos::ADJ
            || (tok.upos == Upos::VERB && tok.deprel == "amod")
            || (tok.text.chars().next().is_some_and(char::is_uppercase) && tok.upos != Upos::VERB)
            || tok.text == "'s"
            || tok.text == "’s";
        if !filler {
            return false;
        }
    }
    false
}

/// CAMEO code for intending what a cooperative act code does ("will visit" → 036).
fn intent_of(code: &str) -> &'static str {
    match code {
        "045" => "039",
        c if c.starts_with("04") => "036",
        "055" | "056" => "030",
        "057" => "037",
        c if c.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        c if c.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        c if c.starts_with("07") => "033",
        "0831" => "0341",
        "0832" => "0342",
        "0833" => "0343",
        "0834" => "0344",
        "083" => "034",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        c if c.starts_with("08") => "035",
        _ => "030",
    }
}

/// CAMEO code for threatening what a conflictual action code does ("will impose sanctions" →
/// 1312, "would blockade" → 1381).
fn threat_of(code: &str) -> &'static str {
    match code {
        c if c.starts_with("162") => "1311",
        "163" => "1312",
        "161" | "160" => "1313",
        "164" => "134",
        "165" => "135",
        c if c.starts_with("166") => "136",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "172" => "132",
        "175" => "137",
        c if c.starts_with("14") => "133",
        "191" => "1381",
        "192" => "1382",
        c if c.starts_with("18") => "1383",
        c if c.starts_with("19") => "1384",
        c if c.starts_with("204") => "1385",
        c if c.starts_with("20") || c.starts_with("15") => "138",
        _ => "130",
    }
}

/// CAMEO code for demanding what an action code does ("Iraq must release …" → 1053).
fn demand_of(code: &str, negated: bool) -> &'static str {
    let root: u8 = code[..2].parse().unwrap_or(0);
    if negated && root >= 14 {
        return "1056";
    }
    match code {
        "0311" | "061" => "1011",
        "0312" | "062" => "1012",
        "0313" | "063" => "1013",
        "0314" | "064" => "1014",
        c if c.starts_with("031") || c.starts_with("06") || c == "030" => "101",
        c if c.starts_with("032") || c.starts_with("05") && c != "057" => "102",
        "0331" | "071" => "1031",
        "0332" | "072" => "1032",
        "0333" | "073" => "1033",
        "0334" | "074" => "1034",
        c if c.starts_with("033") || c.starts_with("07") => "103",
        "0341" | "0831" => "1041",
        "0342" | "0832" => "1042",
        "0343" | "0833" => "1043",
        "0344" | "0834" => "1044",
        c if c.starts_with("034") || c.starts_with("083") => "104",
        "0351" | "081" | "0811" | "0812" | "0813" | "0814" => "1051",
        "0352" | "082" => "1052",
        "0353" | "084" | "0841" | "0842" => "1053",
        "0354" | "085" => "1054",
        "0355" | "086" | "0861" | "0862" | "0863" => "1055",
        "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "1056",
        c if c.starts_with("035") || c.starts_with("08") => "105",
        "036" => "106",
        c if c.starts_with("04") && c != "045" => "106",
        "038" | "039" | "045" => "108",
        "037" | "057" => "107",
        _ => "100",
    }
}

/// CAMEO code for refusing what an intent-to-cooperate code promises.
fn rejection_of(code: &str) -> &'static str {
    match code {
        "0311" | "061" => "1211",
        "0312" | "062" => "1212",
        c if c.starts_with("031") || c.starts_with("06") => "121",
        "0331" | "071" => "1221",
        "0332" | "072" => "1222",
        "0333" | "073" => "1223",
        "0334" | "074" => "1224",
        c if c.starts_with("033") || c.starts_with("07") => "122",
        "0341" | "0831" => "1231",
        "0342" | "0832" => "1232",
        "0343" | "0833" => "1233",
        c if c.starts_with("034") || c.starts_with("083") => "123",
        "0351" | "081" | "0811" | "0812" | "0813" | "0814" => "1241",
        "0352" | "082" => "1242",
        "0353" | "084" | "0841" | "0842" => "1243",
        "0354" | "085" => "1244",
        "0355" | "086" | "0861" | "0862" | "0863" => "1245",
        "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        c if c.starts_with("035") || c.starts_with("08") => "124",
        "036" => "125",
        c if c.starts_with("04") && c != "045" => "125",
        "038" | "039" | "045" => "126",
        "037" | "057" => "127",
        _ => "120",
    }
}

fn slice_chars(text: &str, idx: &CharIndex, start: usize, end: usize) -> String {
    let (b0, b1) = (idx.byte_of_char(start), idx.byte_of_char(end));
    text.get(b0..b1).unwrap_or("").to_string()
}

fn char_to_byte(s: &str, ch: usize) -> usize {
    s.char_indices().nth(ch).map(|(b, _)| b).unwrap_or(s.len())
}

/// The verb span: the trigger plus its auxiliaries and particle ("has reached out").
fn verb_span(
    view: &View,
    v: usize,
    p: &Pattern,
    _s: &Sentence,
    text: &str,
    idx: &CharIndex,
) -> TextSpan {
    let mut lo = v;
    let mut hi = v;
    if view.has_parse {
        for &k in view.kids(v) {
            let rel = view.rel(k);
            if (rel.starts_with("aux")
                || rel == "neg"
                || (rel == "advmod" && view.lower_is(k, NEG)))
                && k < v
                && v - k <= 4
            {
                lo = lo.min(k);
            }
            if rel == "compound:prt" && k > v && k - v <= 3 {
                hi = hi.max(k);
            }
        }
    } else {
        while lo > 0
            && v - lo < 3
            && (view.lower_is(lo - 1, INTENT_AUX)
                || view.lower_is(lo - 1, HYPO_AUX)
                || view.lower_is(lo - 1, NEG)
                || view.lower_is(
                    lo - 1,
                    &[
                        "has", "have", "had", "did", "does", "do", "is", "was", "were", "are",
                        "been", "be",
                    ],
                ))
        {
            lo -= 1;
        }
    }
    for &w in &p.near {
        if let Some(t) = (v + 1..(v + 4).min(view.toks.len())).find(|&t| view.has_id(t, w)) {
            if t == v + 1 || (t == v + 2 && view.has_parse && view.rel(t) == "compound:prt") {
                hi = hi.max(t);
            }
        }
    }
    let (start, end) = (view.toks[lo].start, view.toks[hi].end);
    TextSpan {
        text: slice_chars(text, idx, start, end),
        start,
        end,
    }
}

#[cfg(test)]
mod tests;
