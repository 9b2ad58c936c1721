//! General rules added after the fresh held-out sample (`tests/data/wcxb-heldout2`) was scored:
//! each is checked on sentences written for this test.

use parley_actors::ActorDict;
use parley_entities::{recognize, testing};

/// Entities of `text` as `TYPE text` strings, in order.
fn entities(text: &str) -> Vec<String> {
    let sents = testing::sentences(text);
    recognize(text, &sents, ActorDict::builtin(), None)
        .entities
        .into_iter()
        .filter(|e| e.kind.as_str() != "DATE")
        .map(|e| format!("{} {}", e.kind.as_str(), e.text))
        .collect()
}

/// `expected` lists entities that must be found; `absent` ones that must not.
fn check(text: &str, expected: &[&str], absent: &[&str]) {
    let got = entities(text);
    for e in expected {
        assert!(
            got.iter().any(|g| g == e),
            "{text}\n  missing {e}\n  got {got:?}"
        );
    }
    for e in absent {
        assert!(
            !got.iter().any(|g| g == e),
            "{text}\n  unexpected {e}\n  got {got:?}"
        );
    }
}

#[test]
fn common_word_names_are_not_people() {
    // Every word of the name is a common English word: a company or a title, not a person.
    check(
        "The survey by Morning Consult found that most voters were undecided.",
        &[],
        &["PERSON Morning Consult"],
    );
    // A name that fills a whole quotation is a title.
    check(
        "The film earned the “Golden Ribbon” label from the critics.",
        &[],
        &["PERSON Golden Ribbon"],
    );
}

#[test]
fn hyphenated_modifiers_end_the_name() {
    check(
        "She ordered a New York-style bagel at the counter.",
        &["GPE New York"],
        &["PERSON New York-style"],
    );
    check(
        "Owner-chef Marta Lindqvist opened the bakery in 2019.",
        &["PERSON Marta Lindqvist"],
        &[],
    );
    // A non-breaking hyphen inside a name keeps the name whole.
    check(
        "Director Wang Li\u{2011}ke presented the film on Tuesday.",
        &["PERSON Wang Li\u{2011}ke"],
        &[],
    );
}

#[test]
fn headline_verbs_and_awards_end_people() {
    check(
        "At 19, Robert Vance Solved a Puzzle Nobody Could Crack",
        &["PERSON Robert Vance"],
        &["PERSON Robert Vance Solved"],
    );
    check(
        "The bakery won a Robert Vance Award last year.",
        &[],
        &["PERSON Robert Vance Award"],
    );
}

#[test]
fn initials_before_a_surname_make_a_person() {
    check(
        "The novel by H.J. Wendover sold well in its first week.",
        &["PERSON H.J. Wendover"],
        &[],
    );
}

#[test]
fn a_surname_that_is_a_place_stays_a_person() {
    check(
        "Lena Paris wrote the report. Paris said the data were clear. She later moved to Paris.",
        &["PERSON Lena Paris", "PERSON Paris", "GPE Paris"],
        &[],
    );
}

#[test]
fn an_unknown_name_after_in_is_a_place() {
    check(
        "The market opened in Quellport in the spring and drew traders.",
        &["GPE Quellport"],
        &[],
    );
}

#[test]
fn an_abbreviation_ending_a_missed_sentence_stays_alone() {
    check(
        "He moved to the U.S. Encouraged by friends, he opened a shop.",
        &["GPE U.S."],
        &["ORG U.S. Encouraged"],
    );
}
