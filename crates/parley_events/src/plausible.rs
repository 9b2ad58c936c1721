//! Plausibility filter: drops coded events that ordinary (non-political) pages produce.
//!
//! A verb of the lexicon is not yet an event: CAMEO codes actions between political or social
//! actors. [`retain`] runs after a document is coded and keeps an event only when
//! 1. **a political actor takes part**: its source or target has a country, IGO or NGO code, or
//!    a state sector (`GOV`, `MIL`, `COP`, `JUD`, `LEG`, `SPY`, `REB`, `OPP`, `PTY`, …);
//!    "companies", "families" or nobody acting alone are not coded. A protest (root 14) is a
//!    social event whoever stages it and is exempt;
//! 2. **the page is about political actors at all**: at least one sentence in ten names one
//!    (a country- or organisation-coded entity, or an event passing rule 1); a shopping guide
//!    that names a country twice in two hundred sentences yields nothing;
//! 3. **the verb is a verb**: not a participle or gerund modifying the next noun ("a visiting
//!    team"), not a hyphenated adjective after "be" or a determiner ("is state-funded"), not a
//!    capitalised word inside a name or title ("the Harbour Visit Office");
//! 4. **a polysemous verb has a recipient**: "offer", "support", "help", "meet", "release",
//!    "hit", … are coded only with a target actor or a person as object ("offers discounts",
//!    "meets a deadline", "released a report" are not events; "released the hostages" is);
//! 5. **it is asserted**: not a question ("Will Peru recall its envoy?"), not advice — an
//!    imperative with no subject ("Visit the capital in spring") or a generic "you" subject
//!    ("you can ask the bank").
//!
//! The PLOVER gold sentences are political; the filter barely touches them.

use parley_core::{Event, Token, Upos};

use crate::CodingInput;

/// Sectors of the state and of organised political actors: an actor with one of these codes
/// is political even without a country ("prosecutors", "rebels", "lawmakers").
const STATE: &[&str] = &[
    "GOV", "MIL", "REB", "UAF", "OPP", "COP", "JUD", "LEG", "SPY", "PTY", "INS", "PKO", "SEP",
];

/// The polysemous verbs and people nouns of rule 4 (`data/recipients.tsv`, with examples).
struct Recipients {
    verbs: std::collections::HashSet<String>,
    persons: std::collections::HashSet<String>,
}

fn recipients() -> &'static Recipients {
    static R: std::sync::OnceLock<Recipients> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        let mut r = Recipients {
            verbs: Default::default(),
            persons: Default::default(),
        };
        for (kind, word, ..) in recipient_lines() {
            match kind {
                "verb" => r.verbs.insert(word.to_string()),
                _ => r.persons.insert(word.to_string()),
            };
        }
        r
    })
}

/// (kind, word, thing-sense example, actor-sense example) of `data/recipients.tsv`.
fn recipient_lines(
) -> impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)> {
    include_str!("../data/recipients.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((
                f.next()?,
                f.next()?,
                f.next().unwrap_or("-"),
                f.next().unwrap_or("-"),
            ))
        })
}

/// Share of a page's sentences that must name a political actor for its events to count.
const PAGE_MIN_SHARE: f32 = 0.1;

/// Keeps the plausible events of one coded document (see the module doc).
pub(crate) fn retain(input: &CodingInput, events: &mut Vec<Event>) {
    if events.is_empty() {
        return;
    }
    let political_page = page_share(input, events) >= PAGE_MIN_SHARE;
    events.retain(|e| political_page && plausible(input, e));
}

/// Whether a code names a country, an IGO or an NGO (`USA`, `PRKGOV`, `IGOUNO`), not a bare
/// sector (`BUS`, `CVL`, `GOV`).
fn has_country(code: Option<&str>) -> bool {
    code.and_then(crate::placed_in).is_some()
}

/// Whether a code is a state or organised political sector (`JUD`, `REBREB`, `USAGOV` too).
fn state_sector(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        (0..c.len().saturating_sub(2))
            .step_by(3)
            .any(|i| c.get(i..i + 3).is_some_and(|s| STATE.contains(&s)))
    })
}

/// Whether an actor with this code counts as political (rule 1).
pub(crate) fn political_code(code: &str) -> bool {
    has_country(Some(code)) || state_sector(Some(code))
}

/// An upper bound of rule 2 before coding: `candidates` marks the sentences where a political
/// event may be coded; with the sentences naming a country- or organisation-coded entity, do
/// they reach one in ten?
pub(crate) fn page_bound(entities: &parley_entities::Analysis, candidates: &[bool]) -> bool {
    let n = candidates.len();
    if n == 0 {
        return true;
    }
    let mut seen = candidates.to_vec();
    for e in &entities.entities {
        if has_country(e.code.as_deref()) {
            if let Some(s) = seen.get_mut(e.sentence) {
                *s = true;
            }
        }
    }
    seen.iter().filter(|&&s| s).count() as f32 / n as f32 >= PAGE_MIN_SHARE
}

/// A political actor takes part, or the event is a protest (a social event whoever stages it).
fn political_event(e: &Event) -> bool {
    if e.root == "14" {
        return true;
    }
    let s = e.source.code.as_deref();
    let t = e.target.as_ref().and_then(|t| t.code.as_deref());
    has_country(s) || has_country(t) || state_sector(s) || state_sector(t)
}

/// Share of the sentences that name a political actor.
fn page_share(input: &CodingInput, events: &[Event]) -> f32 {
    let n = input.sentences.len();
    if n == 0 {
        return 1.0;
    }
    let mut seen = vec![false; n];
    for e in &input.entities.entities {
        if has_country(e.code.as_deref()) {
            if let Some(s) = seen.get_mut(e.sentence) {
                *s = true;
            }
        }
    }
    for e in events.iter().filter(|e| political_event(e)) {
        if let Some(s) = seen.get_mut(e.sentence) {
            *s = true;
        }
    }
    seen.iter().filter(|&&s| s).count() as f32 / n as f32
}

fn plausible(input: &CodingInput, e: &Event) -> bool {
    if !political_event(e) {
        return false;
    }
    let Some(s) = input.sentences.get(e.sentence) else {
        return true;
    };
    // A question asks whether something happened ("Will Peru recall its envoy?").
    if s.text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\''))
        .ends_with('?')
    {
        return false;
    }
    let toks = &s.tokens;
    // The verb's head word: the last verb of the span ("have helped", "looking into").
    let in_span: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].start >= e.verb.start && toks[i].end <= e.verb.end)
        .collect();
    let Some(&v) = in_span
        .iter()
        .rev()
        .find(|&&i| toks[i].upos == Upos::VERB)
        .or(in_span.last())
    else {
        return true;
    };
    let t = &toks[v];
    let lemma = if t.lemma.is_empty() {
        t.text.to_lowercase()
    } else {
        t.lemma.to_lowercase()
    };
    if e.target.is_none()
        && recipients().verbs.contains(&lemma)
        && !kids(toks, v).any(|k| k.deprel.starts_with("obj") && person(k))
    {
        return false;
    }
    // "is state-funded", "the award-winning": a hyphenated adjective, not "test-fired".
    if t.text.trim_matches('-').contains('-')
        && v > 0
        && (toks[v - 1].lemma == "be" || matches!(toks[v - 1].upos, Upos::DET | Upos::ADJ))
    {
        return false;
    }
    if in_name(toks, v) {
        return false;
    }
    let has_parse = toks.iter().any(|t| t.head.is_some());
    if !has_parse {
        return true;
    }
    if e.root != "13" && threatened(toks, v) {
        return false;
    }
    // Inside a quotation "you" is the one addressed, not the reader.
    let quoted = input
        .quotes
        .iter()
        .any(|q| q.start <= e.verb.start && e.verb.end <= q.end);
    !modifier(toks, v) && !imperative(toks, v) && (quoted || !generic_you(toks, v))
}

/// A noun for people, a recipient that makes "release", "meet" or "charge" an event even when
/// the dictionary does not code it ("released the prisoners").
fn person(t: &Token) -> bool {
    let l = if t.lemma.is_empty() {
        t.text.to_lowercase()
    } else {
        t.lemma.to_lowercase()
    };
    recipients().persons.contains(&l)
}

fn capitalised(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised verb inside a run of capitalised words (a name or a title).
fn in_name(toks: &[Token], v: usize) -> bool {
    v > 0
        && capitalised(&toks[v])
        && toks[v - 1].upos != Upos::PUNCT
        && (capitalised(&toks[v - 1]) || toks.get(v + 1).is_some_and(capitalised))
}

/// A participle or gerund modifying the noun right after it, with no subject of its own before
/// it ("a visiting team", "the advising firms").
fn modifier(toks: &[Token], v: usize) -> bool {
    let t = &toks[v];
    let prev_ok = v == 0
        || matches!(
            toks[v - 1].upos,
            Upos::DET | Upos::ADP | Upos::ADJ | Upos::NUM | Upos::CCONJ | Upos::SCONJ
        );
    matches!(t.deprel.as_str(), "amod" | "compound")
        && t.head == Some(v + 1)
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.upos, Upos::NOUN | Upos::PROPN))
        && prev_ok
}

fn kids(toks: &[Token], v: usize) -> impl Iterator<Item = &Token> {
    toks.iter().filter(move |k| k.head == Some(v))
}

/// A bare base form heading the sentence (or conjoined with such a form) with no subject, no
/// auxiliary and no "to": an instruction to the reader. "threatened to hit and kill" is not one.
fn imperative(toks: &[Token], v: usize) -> bool {
    let mut cur = v;
    for _ in 0..4 {
        let t = &toks[cur];
        if t.xpos != "VB"
            || kids(toks, cur).any(|k| {
                k.deprel.starts_with("nsubj") || k.deprel.starts_with("aux") || k.deprel == "mark"
            })
        {
            return false;
        }
        match (t.deprel.as_str(), t.head) {
            ("root", _) => return true,
            ("conj", Some(h)) if h < toks.len() => cur = h,
            _ => return false,
        }
    }
    false
}

/// An act inside the complement of "threaten" ("threatening to attack and burn …") is only
/// threatened: the threat is the event (coded on "threaten" when the parse allows), not the act.
fn threatened(toks: &[Token], v: usize) -> bool {
    let mut cur = v;
    for _ in 0..4 {
        let t = &toks[cur];
        let Some(h) = t.head.filter(|&h| h < toks.len()) else {
            return false;
        };
        if !matches!(t.deprel.as_str(), "xcomp" | "conj") {
            return false;
        }
        // "threaten", "threatening" (even read as a noun), "threat".
        if toks[h].text.to_lowercase().starts_with("threat") {
            return true;
        }
        cur = h;
    }
    false
}

/// "you" as the subject: generic advice ("you can ask the bank for a refund").
fn generic_you(toks: &[Token], v: usize) -> bool {
    kids(toks, v).any(|k| k.deprel.starts_with("nsubj") && k.text.eq_ignore_ascii_case("you"))
}

#[cfg(test)]
mod tests {

    /// Every line of `data/recipients.tsv`: in its thing sense the verb yields no event the
    /// filter keeps; in its codebook sense an event of the verb, once coded, is kept.
    #[test]
    fn recipient_examples_are_kept_or_dropped() {
        let analyzer = parley_text::Analyzer::new();
        let dict = parley_actors::ActorDict::builtin();
        let filtered = crate::Coder::builtin();
        let mut all = crate::Coder::builtin();
        all.keep_all = true;
        let events = |coder: &crate::Coder, text: &str, verb: &str| -> usize {
            let sentences = analyzer.analyze(text, &[]);
            let entities = parley_entities::recognize(text, &sentences, dict, None);
            let quotes = parley_quotes::find_quotes(text, &sentences, &entities);
            let input = CodingInput {
                text,
                sentences: &sentences,
                entities: &entities,
                quotes: &quotes,
                article_date: None,
            };
            let lemma_of = |e: &Event| {
                sentences[e.sentence]
                    .tokens
                    .iter()
                    .filter(|t| t.start >= e.verb.start && t.end <= e.verb.end)
                    .any(|t| t.lemma.eq_ignore_ascii_case(verb))
            };
            coder.code(&input).iter().filter(|e| lemma_of(e)).count()
        };
        let mut failures = Vec::new();
        let mut exercised = 0;
        for (kind, verb, thing, actor) in recipient_lines() {
            if kind != "verb" {
                assert_eq!(kind, "person", "unknown kind {kind:?}");
                continue;
            }
            if events(&filtered, thing, verb) > 0 {
                failures.push(format!("{verb}: kept in {thing:?}"));
            }
            exercised += usize::from(events(&all, thing, verb) > 0);
            let coded = events(&all, actor, verb);
            if coded > 0 && events(&filtered, actor, verb) == 0 {
                failures.push(format!("{verb}: dropped in {actor:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        // the rule, not the lexicon, is what drops most thing senses
        assert!(
            exercised >= 20,
            "only {exercised} thing senses are coded at all"
        );
    }
    use super::*;
    use crate::Coder;
    use parley_core::Sentence;

    /// A hand-parsed sentence: (text, lemma, upos, xpos, head, deprel) per token.
    type Tok<'a> = (&'a str, &'a str, Upos, &'a str, Option<usize>, &'a str);

    fn sentence(text: &str, toks: &[Tok]) -> Sentence {
        let mut pos = 0;
        let tokens = toks
            .iter()
            .map(|&(t, l, u, x, h, d)| {
                let start = text[pos..].find(t).expect("token in text") + pos;
                pos = start + t.len();
                Token {
                    start,
                    end: pos,
                    text: t.into(),
                    lemma: l.into(),
                    upos: u,
                    xpos: x.into(),
                    head: h,
                    deprel: d.into(),
                }
            })
            .collect();
        Sentence {
            start: 0,
            end: text.len(),
            text: text.into(),
            tokens,
        }
    }

    /// Codes one hand-parsed sentence; returns the CAMEO codes of its events.
    fn check(text: &str, toks: &[Tok], expected: &[&str]) {
        let sentences = [sentence(text, toks)];
        let coder = Coder::builtin();
        let input = CodingInput {
            text,
            sentences: &sentences,
            entities: &Default::default(),
            quotes: &[],
            article_date: None,
        };
        let got: Vec<String> = coder.code(&input).into_iter().map(|e| e.cameo).collect();
        assert_eq!(got, expected, "{text}");
    }

    use Upos::*;

    #[test]
    fn political_events_stay() {
        // Control: a state acting on a state is kept by every rule.
        check(
            "Peru condemned Chile.",
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("condemned", "condemn", VERB, "VBD", None, "root"),
                ("Chile", "Chile", PROPN, "NNP", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &["111"],
        );
        // A state sector without a country is political too.
        check(
            "Prosecutors accused the mayor.",
            &[
                ("Prosecutors", "prosecutor", NOUN, "NNS", Some(1), "nsubj"),
                ("accused", "accuse", VERB, "VBD", None, "root"),
                ("the", "the", DET, "DT", Some(3), "det"),
                ("mayor", "mayor", NOUN, "NN", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &["112"],
        );
    }

    /// Codes sentences joined by spaces into one document; returns the CAMEO codes.
    fn codes(parts: &[(&str, &[Tok])]) -> Vec<String> {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for (t, toks) in parts {
            if !text.is_empty() {
                text.push(' ');
            }
            let off = text.len();
            text.push_str(t);
            let mut s = sentence(t, toks);
            s.start += off;
            s.end += off;
            for tok in &mut s.tokens {
                tok.start += off;
                tok.end += off;
            }
            sentences.push(s);
        }
        let input = CodingInput {
            text: &text,
            sentences: &sentences,
            entities: &Default::default(),
            quotes: &[],
            article_date: None,
        };
        Coder::builtin()
            .code(&input)
            .into_iter()
            .map(|e| e.cameo)
            .collect()
    }

    #[test]
    fn keep_all_skips_the_filter() {
        let text = "Companies praised the students.";
        let sentences = [sentence(
            text,
            &[
                ("Companies", "company", NOUN, "NNS", Some(1), "nsubj"),
                ("praised", "praise", VERB, "VBD", None, "root"),
                ("the", "the", DET, "DT", Some(3), "det"),
                ("students", "student", NOUN, "NNS", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
        )];
        let input = CodingInput {
            text,
            sentences: &sentences,
            entities: &Default::default(),
            quotes: &[],
            article_date: None,
        };
        let mut coder = Coder::builtin();
        assert!(coder.code(&input).is_empty());
        coder.keep_all = true;
        let got: Vec<String> = coder.code(&input).into_iter().map(|e| e.cameo).collect();
        assert_eq!(got, ["051"]);
    }

    #[test]
    fn no_political_actor_no_event() {
        // On a political page, an event between a company and students is still not coded.
        let got = codes(&[
            (
                "Peru condemned Chile.",
                &[
                    ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                    ("condemned", "condemn", VERB, "VBD", None, "root"),
                    ("Chile", "Chile", PROPN, "NNP", Some(1), "obj"),
                    (".", ".", PUNCT, ".", Some(1), "punct"),
                ],
            ),
            (
                "Companies praised the students.",
                &[
                    ("Companies", "company", NOUN, "NNS", Some(1), "nsubj"),
                    ("praised", "praise", VERB, "VBD", None, "root"),
                    ("the", "the", DET, "DT", Some(3), "det"),
                    ("students", "student", NOUN, "NNS", Some(1), "obj"),
                    (".", ".", PUNCT, ".", Some(1), "punct"),
                ],
            ),
        ]);
        assert_eq!(got, ["111"]);
    }

    #[test]
    fn mostly_non_political_page_no_event() {
        // One political sentence among many ordinary ones (a product page): nothing is coded.
        let mut text = String::new();
        let mut sentences = Vec::new();
        for _ in 0..12 {
            let start = text.len();
            text.push_str("Fine. ");
            sentences.push(Sentence {
                start,
                end: start + 5,
                text: "Fine.".into(),
                tokens: vec![
                    Token {
                        start,
                        end: start + 4,
                        text: "Fine".into(),
                        lemma: "fine".into(),
                        upos: ADJ,
                        xpos: "JJ".into(),
                        head: None,
                        deprel: "root".into(),
                    },
                    Token {
                        start: start + 4,
                        end: start + 5,
                        text: ".".into(),
                        lemma: ".".into(),
                        upos: PUNCT,
                        xpos: ".".into(),
                        head: Some(0),
                        deprel: "punct".into(),
                    },
                ],
            });
        }
        let last = "Peru condemned Chile.";
        let off = text.len();
        text.push_str(last);
        let mut s = sentence(
            last,
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("condemned", "condemn", VERB, "VBD", None, "root"),
                ("Chile", "Chile", PROPN, "NNP", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
        );
        s.start += off;
        s.end += off;
        for t in &mut s.tokens {
            t.start += off;
            t.end += off;
        }
        sentences.push(s);
        let input = CodingInput {
            text: &text,
            sentences: &sentences,
            entities: &Default::default(),
            quotes: &[],
            article_date: None,
        };
        assert!(Coder::builtin().code(&input).is_empty());
    }

    #[test]
    fn polysemous_verb_needs_a_recipient() {
        check(
            "Peru offered discounts.",
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("offered", "offer", VERB, "VBD", None, "root"),
                ("discounts", "discount", NOUN, "NNS", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn modifier_is_not_a_verb() {
        check(
            "Chile has a visiting team.",
            &[
                ("Chile", "Chile", PROPN, "NNP", Some(1), "nsubj"),
                ("has", "have", VERB, "VBZ", None, "root"),
                ("a", "a", DET, "DT", Some(4), "det"),
                ("visiting", "visit", VERB, "VBG", Some(4), "amod"),
                ("team", "team", NOUN, "NN", Some(1), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn hyphenated_adjective_is_not_a_verb() {
        check(
            "Chile is Peru-criticized.",
            &[
                ("Chile", "Chile", PROPN, "NNP", Some(2), "nsubj"),
                ("is", "be", AUX, "VBZ", Some(2), "cop"),
                ("Peru-criticized", "criticize", VERB, "VBN", None, "root"),
                (".", ".", PUNCT, ".", Some(2), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn capitalised_word_in_a_name_is_not_a_verb() {
        check(
            "The Peru Visit Office opened.",
            &[
                ("The", "the", DET, "DT", Some(3), "det"),
                ("Peru", "Peru", PROPN, "NNP", Some(2), "compound"),
                ("Visit", "visit", VERB, "VB", Some(3), "compound"),
                ("Office", "office", PROPN, "NNP", Some(4), "nsubj"),
                ("opened", "open", VERB, "VBD", None, "root"),
                (".", ".", PUNCT, ".", Some(4), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn question_is_no_event() {
        check(
            "Why has Peru condemned Chile?",
            &[
                ("Why", "why", ADV, "WRB", Some(3), "advmod"),
                ("has", "have", AUX, "VBZ", Some(3), "aux"),
                ("Peru", "Peru", PROPN, "NNP", Some(3), "nsubj"),
                ("condemned", "condemn", VERB, "VBN", None, "root"),
                ("Chile", "Chile", PROPN, "NNP", Some(3), "obj"),
                ("?", "?", PUNCT, ".", Some(3), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn imperative_is_advice() {
        check(
            "Join Peru and praise Chile.",
            &[
                ("Join", "join", VERB, "VB", None, "root"),
                ("Peru", "Peru", PROPN, "NNP", Some(0), "obj"),
                ("and", "and", CCONJ, "CC", Some(3), "cc"),
                ("praise", "praise", VERB, "VB", Some(0), "conj"),
                ("Chile", "Chile", PROPN, "NNP", Some(3), "obj"),
                (".", ".", PUNCT, ".", Some(0), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn infinitive_conjunct_is_not_imperative() {
        // "praise" conjoined with a "to"-infinitive is not an instruction: the event stays.
        check(
            "Peru wants to join Chile and praise Bolivia.",
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("wants", "want", VERB, "VBZ", None, "root"),
                ("to", "to", PART, "TO", Some(3), "mark"),
                ("join", "join", VERB, "VB", Some(1), "xcomp"),
                ("Chile", "Chile", PROPN, "NNP", Some(3), "obj"),
                ("and", "and", CCONJ, "CC", Some(6), "cc"),
                ("praise", "praise", VERB, "VB", Some(3), "conj"),
                ("Bolivia", "Bolivia", PROPN, "NNP", Some(6), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &["051"],
        );
    }

    #[test]
    fn quoted_you_is_someone() {
        // In a quotation "you" is the one addressed: the event stays.
        let text = "Peru says you criticized Chile.";
        let sentences = [sentence(
            text,
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("says", "say", VERB, "VBZ", None, "root"),
                ("you", "you", PRON, "PRP", Some(3), "nsubj"),
                ("criticized", "criticize", VERB, "VBD", Some(1), "ccomp"),
                ("Chile", "Chile", PROPN, "NNP", Some(3), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
        )];
        let quotes = [parley_core::Quote {
            text: "you criticized Chile".into(),
            start: 10,
            end: 30,
            kind: parley_core::QuoteKind::Indirect,
            cue: Some("says".into()),
            cue_span: None,
            channel: None,
            speaker: None,
            sentence: 0,
        }];
        let input = CodingInput {
            text,
            sentences: &sentences,
            entities: &Default::default(),
            quotes: &quotes,
            article_date: None,
        };
        let got: Vec<String> = Coder::builtin()
            .code(&input)
            .into_iter()
            .map(|e| e.cameo)
            .collect();
        assert_eq!(got, ["111"]);
    }

    #[test]
    fn threatened_act_is_not_done() {
        // "threatening" read as a noun: its complement "attack" must not be coded as an attack.
        check(
            "Peru kept threatening to attack Chile.",
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("kept", "keep", VERB, "VBD", None, "root"),
                ("threatening", "threatening", NOUN, "NN", Some(1), "xcomp"),
                ("to", "to", PART, "TO", Some(4), "mark"),
                ("attack", "attack", VERB, "VB", Some(2), "xcomp"),
                ("Chile", "Chile", PROPN, "NNP", Some(4), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &[],
        );
    }

    #[test]
    fn generic_you_is_advice() {
        check(
            "Peru says you criticized Chile.",
            &[
                ("Peru", "Peru", PROPN, "NNP", Some(1), "nsubj"),
                ("says", "say", VERB, "VBZ", None, "root"),
                ("you", "you", PRON, "PRP", Some(3), "nsubj"),
                ("criticized", "criticize", VERB, "VBD", Some(1), "ccomp"),
                ("Chile", "Chile", PROPN, "NNP", Some(3), "obj"),
                (".", ".", PUNCT, ".", Some(1), "punct"),
            ],
            &[],
        );
    }
}
