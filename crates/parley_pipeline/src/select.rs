//! Which sentences need the dependency parse ([`Parse::Needed`]).
//!
//! Of the stages after the linguistic core, only two read the parse (`head`, `deprel`):
//! - `parley_events` codes a sentence's events from its trigger verbs; without a parse it reads
//!   every token (not only verbs) as a possible trigger, with the next ten words as its scope.
//!   A sentence holding no word of the verb-pattern lexicon (lemma, form or inflection) and no
//!   obligation auxiliary ("must", "should", "ought") has no trigger either way.
//! - `parley_quotes` finds indirect speech in the parse: a cue verb of its lexicon with a
//!   subject, any verb governing a clausal complement ("pointed out that …"), or a noun of
//!   saying with a "that" clause ("the ministry's claim that …"). A sentence with no cue verb,
//!   no noun of saying, no verb followed by a second verb or auxiliary (where a complement
//!   clause could hang) and no "that" has none of these. The quote stage also reads the parse
//!   of the first 500 tokens of a document to decide whether the input is parsed at all; the
//!   first sentence there with two verbs or determiners is therefore always parsed.
//!
//! `parley_entities` does not read the parse. A sentence meeting none of the conditions above is
//! tokenised, tagged and lemmatised, but not parsed (see `Analyzer::analyze_selected`); on the
//! ≈ 900 shared benchmark pages this leaves events and entities identical and changes 5 of
//! ≈ 13,000 quotes (docs/eval/ingest.md), for about 15% fewer parsed tokens.

use std::collections::HashSet;

use parley_core::Upos;
use parley_text::lemma::Lemmatizer;

/// Which sentences the dependency parser runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parse {
    /// Every sentence (the default: `parley analyze` and the evaluations).
    #[default]
    All,
    /// Only the sentences a later stage reads the parse of (`parley ingest`'s default).
    Needed,
}

/// Nouns of saying whose "that" clause `parley_quotes` reads from the parse.
const NOUN_CUES: &[&str] = &[
    "claim",
    "statement",
    "assertion",
    "allegation",
    "suggestion",
    "belief",
    "view",
    "argument",
    "announcement",
    "warning",
    "promise",
    "pledge",
    "fear",
    "insistence",
    "admission",
    "charge",
    "contention",
    "assurance",
    "prediction",
    "vow",
    "threat",
    "accusation",
    "complaint",
    "message",
    "conclusion",
    "finding",
    "estimate",
    "report",
];

/// The words that make a sentence worth parsing.
#[derive(Debug, Clone, Default)]
pub struct ParseNeeds {
    /// Verb lemmas of the event coder's patterns (built-in and user files).
    verbs: HashSet<String>,
    /// Cue forms of the quote lexicon.
    cues: HashSet<String>,
}

/// Lower-cases without allocating twice for ASCII.
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase().replace('’', "'")
    }
}

impl ParseNeeds {
    pub fn new<'a>(
        verbs: impl IntoIterator<Item = &'a str>,
        cues: impl IntoIterator<Item = &'a str>,
    ) -> ParseNeeds {
        ParseNeeds {
            verbs: verbs.into_iter().map(lower).collect(),
            cues: cues.into_iter().map(lower).collect(),
        }
    }

    /// Whether a word may be an event trigger: its lemma or form is a pattern verb, or one of its
    /// inflections ("seized", "wounding", "stopped", "fought" through the lemmatiser).
    fn trigger(&self, lower: &str, lemma: &str, lem: &Lemmatizer) -> bool {
        let v = &self.verbs;
        if v.contains(lower) || v.contains(lemma) {
            return true;
        }
        if lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && v.contains(&lower[..lower.len() - 1])
        {
            return true;
        }
        if lower.chars().any(char::is_alphabetic) && v.contains(&lem.lemma(lower, Upos::VERB)) {
            return true;
        }
        for suf in ["ing", "ed", "es", "s", "d"] {
            if let Some(st) = lower.strip_suffix(suf) {
                if st.len() >= 2 && (v.contains(st) || v.contains(&format!("{st}e"))) {
                    return true;
                }
                let b = st.as_bytes();
                if b.len() >= 3
                    && b[b.len() - 1] == b[b.len() - 2]
                    && v.contains(&st[..st.len() - 1])
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether a sentence (its words, tags and lemmas) needs the parse.
    pub fn sentence(
        &self,
        words: &[&str],
        upos: &[Upos],
        lemmas: &[String],
        lem: &Lemmatizer,
    ) -> bool {
        let mut seen_verb = false;
        for ((w, &u), l) in words.iter().zip(upos).zip(lemmas) {
            let lw = lower(w);
            let ll = lower(l);
            if self.trigger(&lw, &ll, lem) {
                return true;
            }
            if matches!(lw.as_str(), "must" | "should" | "ought" | "that") {
                return true;
            }
            if u == Upos::VERB && (self.cues.contains(&lw) || self.cues.contains(&ll)) {
                return true;
            }
            if u == Upos::NOUN && NOUN_CUES.contains(&ll.as_str()) {
                return true;
            }
            if seen_verb && matches!(u, Upos::VERB | Upos::AUX) {
                return true;
            }
            seen_verb |= u == Upos::VERB;
        }
        false
    }

    /// A per-document selector for `Analyzer::analyze_selected` (sentences come in text order).
    pub fn selector<'a>(
        &'a self,
        lem: &'a Lemmatizer,
    ) -> impl FnMut(&[&str], &[Upos], &[String]) -> bool + 'a {
        let mut tokens_before = 0usize;
        let mut flag_settled = false;
        move |words, upos, lemmas| {
            let mut want = self.sentence(words, upos, lemmas, lem);
            // The quote stage's "is this input parsed" test over the first 500 tokens: parse
            // the first sentence there with two verbs or determiners (one is not the root).
            if !flag_settled && tokens_before < 500 {
                let within = upos
                    .iter()
                    .take(500 - tokens_before)
                    .filter(|u| matches!(u, Upos::VERB | Upos::DET))
                    .count();
                if within >= 2 {
                    want = true;
                    flag_settled = true;
                }
            }
            tokens_before += words.len();
            want
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs() -> ParseNeeds {
        ParseNeeds::new(
            ["attack", "meet", "seize", "stop", "fight"],
            ["said", "told"],
        )
    }

    fn check(sentence: &str, upos: &[Upos], expected: bool) {
        let lem = parley_text::builtin_lemmatizer();
        let words: Vec<&str> = sentence.split(' ').collect();
        let lemmas: Vec<String> = words
            .iter()
            .zip(upos)
            .map(|(w, &u)| lem.lemma(w, u))
            .collect();
        assert_eq!(
            needs().sentence(&words, upos, &lemmas, &lem),
            expected,
            "{sentence}"
        );
    }

    use Upos::*;

    #[test]
    fn sentences_needing_the_parse() {
        check("Rebels seized the port", &[NOUN, VERB, DET, NOUN], true);
        check("The troops stopped", &[DET, NOUN, VERB], true);
        check("They fought on", &[PRON, VERB, ADP], true);
        check("An attack", &[DET, NOUN], true);
        check("The mayor said so", &[DET, NOUN, VERB, ADV], true);
        check("Police must act", &[NOUN, AUX, VERB], true);
        check("She hopes it works", &[PRON, VERB, PRON, VERB], true);
        check("Their claim was odd", &[PRON, NOUN, AUX, ADJ], true);
        check("He knows that", &[PRON, VERB, PRON], true);
    }

    #[test]
    fn sentences_without_a_reader_of_the_parse() {
        check("The weather was mild", &[DET, NOUN, AUX, ADJ], false);
        check("Photo by the author", &[NOUN, ADP, DET, NOUN], false);
        check("Prices rose in May", &[NOUN, VERB, ADP, PROPN], false);
    }

    #[test]
    fn the_first_sentence_with_two_verbs_or_determiners_is_parsed() {
        let n = needs();
        let lem = parley_text::builtin_lemmatizer();
        let mut sel = n.selector(&lem);
        let l = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let first = ["Prices", "rose"];
        assert!(!sel(&first, &[NOUN, VERB], &l(&first)));
        let second = ["The", "price", "of", "the", "bread"];
        assert!(sel(&second, &[DET, NOUN, ADP, DET, NOUN], &l(&second)));
        assert!(!sel(&second, &[DET, NOUN, ADP, DET, NOUN], &l(&second)));
    }
}
