//! Which sentences need the dependency parse ([`Parse::Needed`]).
//!
//! The stages after the linguistic core read the parse (`head`, `deprel`) in three places:
//! - `parley_events` codes events from trigger verbs in parsed sentences; an event is kept only
//!   when a political actor takes part (or it is a protest) on a page that names political
//!   actors (`plausible.rs`). A sentence is parsed for events when it holds a word of the verb
//!   lexicon (lemma, form or inflection) or an obligation auxiliary ("must", "should",
//!   "ought") and `Coder::actor_sentences` finds a political actor in reach, or when the words
//!   of a protest pattern occur (`Coder::protest_sentences`);
//!   none of these when `Coder::page_may_pass` says the page cannot pass the page rule. In a
//!   partly parsed document the coder codes nothing in an unparsed sentence.
//! - `parley_entities` resolves pronouns with the parse of their sentence
//!   (`parley_entities::parse_sensitive`); on a page whose events may count these sentences are
//!   parsed, and the entities are found again afterwards, so mentions and events come out as in
//!   a fully parsed text.
//! - `parley_quotes` finds indirect speech in the parse: a cue verb of its lexicon with a
//!   subject, a noun of saying with a "that" clause ("the ministry's claim that …"), or any verb
//!   with a clausal complement. Sentences with a cue of the lexicon (a listed form, or the lemma
//!   of one: "believe" for "believes") or a noun of saying are parsed; indirect speech through
//!   other verbs ("ensures that …", "lets you …") is found only with [`Parse::All`]. On the
//!   ≈ 900 shared pages those are 9% of the quotes and almost all advice or product prose; on
//!   PolNeAR dev the quote score moves from F1 0.640 to 0.638 (docs/eval/ingest.md). The quote
//!   stage also reads the parse of the first 500 tokens to decide whether the input is parsed at
//!   all; the first sentence there with two verbs or determiners is therefore always parsed.
//!
//! A sentence none of this selects is tokenised, tagged and lemmatised, but not parsed.

use std::collections::HashSet;

use parley_core::{Sentence, Upos};
use parley_events::Coder;
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

/// Lower-cased form → whether it may be an event trigger, for the `ParseNeeds` whose id it holds
/// (another one empties it).
type FormCache = (u64, std::collections::HashMap<String, bool>);

thread_local! {
    static FORMS: std::cell::RefCell<FormCache> = Default::default();
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The words that make a sentence worth parsing.
#[derive(Debug, Clone, Default)]
pub struct ParseNeeds {
    /// Tells this selector's entries in the per-thread form cache from another's.
    id: u64,
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

/// [`lower`] without a copy when the word is lower-case ASCII already.
fn lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(lower(s))
    }
}

impl ParseNeeds {
    /// From the verb lemmas of the event coder's patterns and the quote cue forms.
    pub fn new<'a>(
        verbs: impl IntoIterator<Item = &'a str>,
        cues: impl IntoIterator<Item = &'a str>,
    ) -> ParseNeeds {
        ParseNeeds {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            verbs: verbs.into_iter().map(lower).collect(),
            // the forms and their lemmas ("believes" → "believe": "I believe that …")
            cues: {
                let lem = parley_text::builtin_lemmatizer();
                cues.into_iter()
                    .map(lower)
                    .flat_map(|f| [lem.lemma(&f, Upos::VERB), f])
                    .collect()
            },
        }
    }

    /// Whether a word may be an event trigger by its form (the tagger's lemma is checked apart):
    /// the form is a pattern verb, or one of its inflections ("seized", "wounding", "stopped",
    /// "fought" through the lemmatiser).
    fn trigger(v: &HashSet<String>, lower: &str, lem: &Lemmatizer) -> bool {
        if v.contains(lower) {
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

    /// What a sentence, given as (word, UPOS, lemma) items, needs the parse for.
    pub fn sentence<'w>(
        &self,
        items: impl Iterator<Item = (&'w str, Upos, &'w str)>,
        lem: &Lemmatizer,
    ) -> Need {
        let mut need = Need::default();
        FORMS.with(|cache| {
            let (id, cache) = &mut *cache.borrow_mut();
            if *id != self.id || cache.len() > 100_000 {
                // another selector's, or grown too large (bounded memory on endless vocabularies)
                cache.clear();
                *id = self.id;
            }
            for (w, u, l) in items {
                let lw = lower_cow(w);
                let ll = lower_cow(l);
                let (lw, ll) = (lw.as_ref(), ll.as_ref());
                // a trigger by the form alone, remembered per form
                let by_form = match cache.get(lw) {
                    Some(&t) => t,
                    None => {
                        let t = Self::trigger(&self.verbs, lw, lem);
                        cache.insert(lw.to_string(), t);
                        t
                    }
                };
                need.event |= by_form || self.verbs.contains(ll);
                if matches!(lw, "must" | "should" | "ought") {
                    need.event = true;
                }
                if (u == Upos::VERB && (self.cues.contains(lw) || self.cues.contains(ll)))
                    || (u == Upos::NOUN && NOUN_CUES.contains(&ll))
                {
                    need.quote = true;
                }
            }
        });
        need
    }

    /// Which sentences of a tagged but unparsed document to parse, once the entity stage has
    /// run: on a page that can pass the plausibility filter's page rule, those whose event verbs
    /// may have a political actor in reach (`Coder::actor_sentences`), those where a protest
    /// pattern may match and those whose parse the coreference reads
    /// (`parley_entities::parse_sensitive`); on any page, those where the quote stage looks for
    /// indirect speech, and the first sentence with two verbs or determiners in the first 500
    /// tokens (the quote stage's test of whether the input is parsed at all).
    pub fn select(
        &self,
        sentences: &[Sentence],
        lem: &Lemmatizer,
        coder: &Coder,
        ctx: &Context,
    ) -> Selection {
        let needs: Vec<Need> = sentences
            .iter()
            .map(|s| {
                let items = s
                    .tokens
                    .iter()
                    .map(|t| (t.text.as_str(), t.upos, t.lemma.as_str()));
                self.sentence(items, lem)
            })
            .collect();
        let actor = coder.actor_sentences(ctx.text, sentences, ctx.entities, ctx.date);
        let with_verb: Vec<bool> = needs.iter().map(|n| n.event).collect();
        let protest = coder.protest_sentences(sentences, &with_verb);
        // The sentences a political event may be coded in.
        let political: Vec<bool> = needs
            .iter()
            .zip(&actor)
            .zip(&protest)
            .map(|((n, &a), &p)| p || (n.event && a))
            .collect();
        let page = coder.page_may_pass(ctx.entities, &political);
        // On a page whose events may be kept, also the sentences whose parse the coreference
        // reads: their mentions then come out as in a fully parsed text, and so do the events.
        let sensitive = parley_entities::parse_sensitive(ctx.entities, sentences);
        let mut want: Vec<bool> = political
            .iter()
            .zip(&sensitive)
            .map(|(&p, &c)| page && (p || c))
            .collect();
        for (w, n) in want.iter_mut().zip(&needs) {
            *w |= n.quote;
        }
        let mut tokens_before = 0usize;
        for (w, s) in want.iter_mut().zip(sentences) {
            if tokens_before >= 500 {
                break;
            }
            let within = s
                .tokens
                .iter()
                .take(500 - tokens_before)
                .filter(|t| matches!(t.upos, Upos::VERB | Upos::DET))
                .count();
            if within >= 2 {
                *w = true;
                break;
            }
            tokens_before += s.tokens.len();
        }
        Selection {
            parse: want,
            events_possible: page,
            sensitive,
        }
    }
}

/// The outcome of [`ParseNeeds::select`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Per sentence: parse it.
    pub parse: Vec<bool>,
    /// The page may keep events (`Coder::page_may_pass`); when not, no event of it is kept and
    /// its mentions matter only to the quotes.
    pub events_possible: bool,
    /// Per sentence: the coreference reads its parse (`parley_entities::parse_sensitive`).
    pub sensitive: Vec<bool>,
}

/// What a sentence needs the parse for (see [`ParseNeeds::sentence`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Need {
    /// A word of the event lexicon, or an obligation auxiliary.
    pub event: bool,
    /// A cue verb or noun of saying of the quote stage.
    pub quote: bool,
}

/// The document the selection reads besides its sentences.
pub struct Context<'a> {
    pub text: &'a str,
    pub entities: &'a parley_entities::Analysis,
    pub date: Option<parley_core::Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs() -> ParseNeeds {
        ParseNeeds::new(
            ["attack", "meet", "seize", "stop", "fight"],
            ["said", "told", "believes"],
        )
    }

    /// `expected`: (event, quote).
    fn check(sentence: &str, upos: &[Upos], expected: (bool, bool)) {
        let lem = parley_text::builtin_lemmatizer();
        let words: Vec<&str> = sentence.split(' ').collect();
        let lemmas: Vec<String> = words
            .iter()
            .zip(upos)
            .map(|(w, &u)| lem.lemma(w, u))
            .collect();
        let items = words
            .iter()
            .zip(upos)
            .zip(&lemmas)
            .map(|((w, &u), l)| (*w, u, l.as_str()));
        let n = needs().sentence(items, &lem);
        assert_eq!((n.event, n.quote), expected, "{sentence}");
    }

    use Upos::*;

    #[test]
    fn what_sentences_need_the_parse_for() {
        check(
            "Rebels seized the port",
            &[NOUN, VERB, DET, NOUN],
            (true, false),
        );
        check("The troops stopped", &[DET, NOUN, VERB], (true, false));
        check("They fought on", &[PRON, VERB, ADP], (true, false));
        check("An attack", &[DET, NOUN], (true, false));
        check("Police must act", &[NOUN, AUX, VERB], (true, false));
        check("The mayor said so", &[DET, NOUN, VERB, ADV], (false, true));
        // a cue in another inflection than the lexicon's
        check(
            "I believe it works",
            &[PRON, VERB, PRON, VERB],
            (false, true),
        );
        check(
            "Their claim was odd",
            &[PRON, NOUN, AUX, ADJ],
            (false, true),
        );
    }

    #[test]
    fn sentences_without_a_reader_of_the_parse() {
        check(
            "The weather was mild",
            &[DET, NOUN, AUX, ADJ],
            (false, false),
        );
        check(
            "Photo by the author",
            &[NOUN, ADP, DET, NOUN],
            (false, false),
        );
        check(
            "Prices rose in May",
            &[NOUN, VERB, ADP, PROPN],
            (false, false),
        );
        // a verb with a clause of a verb outside the cue lexicon
        check(
            "She hopes it works",
            &[PRON, VERB, PRON, VERB],
            (false, false),
        );
    }

    fn select(text: &str) -> (Vec<Sentence>, Vec<bool>) {
        let analyzer = parley_text::Analyzer::new();
        let sentences = analyzer.analyze_selected(text, &[], &mut |_, _, _| false);
        let dict = parley_actors::ActorDict::builtin();
        let ents = parley_entities::recognize(text, &sentences, dict, None);
        let coder = Coder::builtin();
        let needs = ParseNeeds::new(
            coder.patterns().iter().map(|p| p.verb.as_str()),
            parley_quotes::cue_lexicon().iter().map(|c| c.form.as_str()),
        );
        let ctx = Context {
            text,
            entities: &ents,
            date: None,
        };
        let want = needs.select(&sentences, &analyzer.models().lemmatizer, &coder, &ctx);
        (sentences, want.parse)
    }

    #[test]
    fn event_verbs_are_parsed_where_a_political_actor_may_act() {
        let (s, want) = select(
            "Peru recalled its ambassador from Chile. The army attacked the rebel camp. \
             Bake the bread until it is golden. Bakers seized the dough with both hands.",
        );
        assert_eq!(s.len(), 4);
        // "seized" is a verb of the event lexicon, but no political actor is in reach
        assert!(Coder::builtin()
            .patterns()
            .iter()
            .any(|p| p.verb == "seize"));
        assert_eq!(want, [true, true, false, false]);
    }

    #[test]
    fn a_protest_needs_the_words_of_its_pattern() {
        let analyzer = parley_text::Analyzer::new();
        let text = "Angry farmers took to the streets with tractors. \
            Take the pan off the heat. \
            Hold the strings firmly.";
        let sentences = analyzer.analyze_selected(text, &[], &mut |_, _, _| false);
        assert_eq!(sentences.len(), 3);
        let protest = Coder::builtin().protest_sentences(&sentences, &[true; 3]);
        assert_eq!(protest, [true, false, false]);
    }

    #[test]
    fn pronouns_whose_reading_needs_the_parse_are_parsed_on_a_political_page() {
        // an object pronoun after a name in its sentence: the parse tells whether the name is
        // its own clause's subject
        let text = "Chile recalled the envoy from the capital on Monday. \
             Bake the bread until it is golden. \
             Later Maria Lopez thanked him warmly.";
        let (s, want) = select(text);
        assert_eq!(s.len(), 3);
        assert_eq!(want, [true, false, true]);
        // the same sentences on a page without a political actor are left alone
        let (_, want) = select(
            "Bake the bread until it is golden. \
             Later Maria Lopez thanked him warmly.",
        );
        assert_eq!(want, [true, false]);
    }

    #[test]
    fn a_page_about_no_political_actor_parses_only_for_quotes() {
        let (s, want) = select(
            "Preheat the oven and attack the dough with a rolling pin. \
             Fold the edges and leave it to rest. \
             The baker said the secret is cold butter. \
             Serve it warm with jam.",
        );
        assert_eq!(s.len(), 4);
        // the first sentence with two verbs or determiners (the quote stage's test of
        // whether the text is parsed), and the one with a cue verb
        assert_eq!(want, [true, false, true, false]);
    }
}
