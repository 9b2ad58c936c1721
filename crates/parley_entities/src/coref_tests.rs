//! Coreference of descriptions and pronouns (sentences written for these tests).

use super::*;
use parley_core::Token;

/// Builds parsed sentences from compact specs, one per sentence: `form/lemma/UPOS/XPOS/head/deprel`
/// items with 1-based heads (0 = root); forms are joined by single spaces, sentences by one space.
fn parsed(specs: &[&str]) -> (String, Vec<Sentence>) {
    let mut text = String::new();
    let mut out = Vec::new();
    for spec in specs {
        if !text.is_empty() {
            text.push(' ');
        }
        let s0 = text.chars().count();
        let mut tokens = Vec::new();
        for (n, item) in spec.split_whitespace().enumerate() {
            let f: Vec<&str> = item.split('/').collect();
            assert_eq!(f.len(), 6, "bad token spec {item:?}");
            if n > 0 {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(f[0]);
            let head: usize = f[4].parse().unwrap();
            tokens.push(Token {
                start,
                end: text.chars().count(),
                text: f[0].to_string(),
                lemma: f[1].to_string(),
                upos: Upos::parse(f[2]).unwrap(),
                xpos: f[3].to_string(),
                head: (head > 0).then(|| head - 1),
                deprel: f[5].to_string(),
            });
        }
        let s1 = text.chars().count();
        let body: String = text.chars().skip(s0).collect();
        out.push(Sentence {
            start: s0,
            end: s1,
            text: body,
            tokens,
        });
    }
    (text, out)
}

/// The last mention with text `mention`: (canonical name, code).
fn resolve(text: &str, sents: &[Sentence], mention: &str) -> (Option<String>, Option<String>) {
    let a = recognize(text, sents, ActorDict::builtin(), None);
    let m = a
        .mentions
        .iter()
        .rfind(|m| m.text == mention)
        .unwrap_or_else(|| panic!("no mention {mention:?} in {:?}", a.mentions));
    (m.name.clone(), m.code.clone())
}

/// (text, mention, expected name, expected code), on the plain test tokenizer.
fn check(text: &str, mention: &str, name: Option<&str>, code: Option<&str>) {
    let sents = testing::sentences(text);
    let got = resolve(text, &sents, mention);
    assert_eq!(
        (got.0.as_deref(), got.1.as_deref()),
        (name, code),
        "{mention} in {text:?}"
    );
}

#[test]
fn definite_descriptions_take_the_latest_placed_antecedent() {
    // Same head noun, two sentences on, country kept.
    check(
        "The Chilean health ministry issued new rules. Doctors objected at once. “We will listen,” the ministry said.",
        "the ministry",
        Some("Chilean health ministry"),
        Some("CHLGOV"),
    );
    // A person description: the possessor country gives the code, the later description follows.
    check(
        "Norway’s trade minister arrived in Lima. The minister said talks would go on.",
        "The minister",
        Some("Norway’s trade minister"),
        Some("NORGOV"),
    );
    // "the government" is a description too; so is a plural one.
    check(
        "The Kenyan government denied the report. Later the government said it would review the case.",
        "the government",
        Some("Kenyan government"),
        Some("KENGOV"),
    );
    check(
        "Peruvian officials met on Tuesday. The officials said the road would reopen.",
        "The officials",
        Some("Peruvian officials"),
        Some("PERGOV"),
    );
    // An unplaced description with the same head in between ends the search.
    check(
        "The Chilean ministry spoke first. A ministry in the region objected. The ministry said nothing more.",
        "The ministry",
        None,
        Some("GOV"),
    );
    // Other heads are not antecedents.
    check(
        "The Chilean ministry spoke first. The agency said nothing more.",
        "The agency",
        None,
        Some("MED"),
    );
}

#[test]
fn a_possessor_country_places_a_role() {
    check(
        "Norway’s trade minister arrived in Lima.",
        "Norway’s trade minister",
        None,
        Some("NORGOV"),
    );
    // A person as possessor is no country.
    check(
        "Tom Berg’s adviser arrived in Lima.",
        "adviser",
        None,
        Some("GOV"),
    );
}

#[test]
fn a_possessive_pronoun_places_the_noun_it_owns() {
    // "his" is the placed minister; "his government" is that country's government.
    check(
        "Norway’s trade minister said his government would send a team.",
        "his government",
        None,
        Some("NORGOV"),
    );
}

#[test]
fn they_after_a_reporting_verb_is_its_plural_subject() {
    // "Growers … said they …": the growers (no known actor), not the officials met before.
    let (text, sents) = parsed(&[
        "Kenyan/Kenyan/ADJ/JJ/2/amod officials/official/NOUN/NNS/3/nsubj met/meet/VERB/VBD/0/root ././PUNCT/./3/punct",
        "Growers/grower/NOUN/NNS/2/nsubj said/say/VERB/VBD/0/root they/they/PRON/PRP/4/nsubj hoped/hope/VERB/VBD/2/ccomp for/for/ADP/IN/6/case rain/rain/NOUN/NN/4/obl ././PUNCT/./2/punct",
    ]);
    assert_eq!(resolve(&text, &sents, "they"), (None, None));
    // The subject of the first of coordinated verbs reports too; when it is a known actor the
    // pronoun is that actor.
    let (text, sents) = parsed(&[
        "Kenyan/Kenyan/ADJ/JJ/2/amod officials/official/NOUN/NNS/3/nsubj met/meet/VERB/VBD/0/root ././PUNCT/./3/punct",
        "Peruvian/Peruvian/ADJ/JJ/2/amod officials/official/NOUN/NNS/3/nsubj left/leave/VERB/VBD/0/root and/and/CCONJ/CC/5/cc said/say/VERB/VBD/3/conj they/they/PRON/PRP/7/nsubj agreed/agree/VERB/VBD/5/ccomp ././PUNCT/./3/punct",
    ]);
    assert_eq!(resolve(&text, &sents, "they").1.as_deref(), Some("PERGOV"));
}

#[test]
fn an_object_pronoun_is_not_the_subject_of_its_verb() {
    let (text, sents) = parsed(&[
        "The/the/DET/DT/4/det Chilean/Chilean/ADJ/JJ/4/amod foreign/foreign/ADJ/JJ/4/amod ministry/ministry/NOUN/NN/5/nsubj spoke/speak/VERB/VBD/0/root ././PUNCT/./5/punct",
        "Peruvian/Peruvian/ADJ/JJ/2/amod officials/official/NOUN/NNS/3/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/5/det ministry/ministry/NOUN/NN/6/nsubj threatened/threaten/VERB/VBD/3/ccomp them/they/PRON/PRP/6/obj ././PUNCT/./3/punct",
    ]);
    assert_eq!(
        resolve(&text, &sents, "the ministry").1.as_deref(),
        Some("CHLGOV")
    );
    assert_eq!(resolve(&text, &sents, "them").1.as_deref(), Some("PERGOV"));
}

#[test]
fn a_nationality_describing_a_thing_is_not_they() {
    let (text, sents) = parsed(&[
        "Malian/Malian/ADJ/JJ/2/amod rebels/rebel/NOUN/NNS/3/nsubj dismissed/dismiss/VERB/VBD/0/root a/a/DET/DT/7/det Ghanaian/Ghanaian/ADJ/JJ/7/amod truce/truce/NOUN/NN/7/compound offer/offer/NOUN/NN/3/obj ././PUNCT/./3/punct",
        "They/they/PRON/PRP/2/nsubj left/leave/VERB/VBD/0/root ././PUNCT/./2/punct",
    ]);
    assert_ne!(resolve(&text, &sents, "They").1.as_deref(), Some("GHA"));
}

/// The sentences whose parse the coreference reads are exactly those it reads them in: the same
/// text with those sentences parsed and the others not gives the mentions of the parsed text.
#[test]
fn parse_sensitive_sentences_are_the_ones_the_parse_changes() {
    let (text, sents) = parsed(&[
        "Peruvian/Peruvian/ADJ/JJ/2/amod officials/official/NOUN/NNS/3/nsubj arrived/arrive/VERB/VBD/0/root ././PUNCT/./3/punct",
        "Growers/grower/NOUN/NNS/2/nsubj said/say/VERB/VBD/0/root they/they/PRON/PRP/4/nsubj hoped/hope/VERB/VBD/2/ccomp for/for/ADP/IN/6/case rain/rain/NOUN/NN/4/obl ././PUNCT/./2/punct",
        "The/the/DET/DT/2/det rain/rain/NOUN/NN/3/nsubj came/come/VERB/VBD/0/root ././PUNCT/./3/punct",
    ]);
    let unparsed: Vec<Sentence> = sents
        .iter()
        .map(|s| {
            let mut s = s.clone();
            for t in &mut s.tokens {
                t.head = None;
                t.deprel.clear();
            }
            s
        })
        .collect();
    let bare = recognize(&text, &unparsed, ActorDict::builtin(), None);
    let want = parse_sensitive(&bare, &unparsed);
    // the nationality and the "they" after a reporting verb; not the sentence about the rain
    assert_eq!(want, [true, true, false]);
    let mixed: Vec<Sentence> = (0..sents.len())
        .map(|i| {
            if want[i] {
                sents[i].clone()
            } else {
                unparsed[i].clone()
            }
        })
        .collect();
    let full = recognize(&text, &sents, ActorDict::builtin(), None);
    let part = recognize(&text, &mixed, ActorDict::builtin(), None);
    let view = |a: &Analysis| -> Vec<(usize, String, Option<String>)> {
        a.mentions
            .iter()
            .map(|m| (m.sentence, m.text.clone(), m.code.clone()))
            .collect()
    };
    assert_eq!(view(&part), view(&full));
    // and the parse does change them here: without it "they" takes the officials
    assert_ne!(view(&bare), view(&full));
}
