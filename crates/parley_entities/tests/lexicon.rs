//! Every lexicon entry, exercised through the public API in a sentence template of its kind.

use parley_actors::ActorDict;
use parley_core::EntityType;
use parley_entities::{recognize, testing, MentionKind};

fn entities(text: &str) -> Vec<(String, EntityType)> {
    let sents = testing::sentences(text);
    recognize(text, &sents, ActorDict::builtin(), None)
        .entities
        .into_iter()
        .map(|e| (e.text, e.kind))
        .collect()
}

fn rows(src: &str) -> Vec<Vec<String>> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn every_lexicon_entry_is_recognised() {
    let mut failures = Vec::new();
    for r in rows(include_str!("../data/places.tsv")) {
        let want = if r[1] == "LOC" {
            EntityType::LOC
        } else {
            EntityType::GPE
        };
        let t = format!("Officials met in {} on a cold morning.", r[0]);
        let name = r[0].strip_prefix("The ").unwrap_or(&r[0]);
        if !entities(&t).iter().any(|(s, k)| s == name && *k == want) {
            failures.push(format!("places: {t} → {:?}", entities(&t)));
        }
    }
    for r in rows(include_str!("../data/orgs.tsv")) {
        let t = format!("Officials from {} arrived in the morning.", r[0]);
        let name = r[0].strip_prefix("The ").unwrap_or(&r[0]);
        if !entities(&t)
            .iter()
            .any(|(s, k)| s == name && *k == EntityType::ORG)
        {
            failures.push(format!("orgs: {t} → {:?}", entities(&t)));
        }
    }
    for r in rows(include_str!("../data/groups.tsv")) {
        let t = format!("Reporters spoke to {} voters in the morning.", r[0]);
        if !entities(&t)
            .iter()
            .any(|(s, k)| s == &r[0] && *k == EntityType::NORP)
        {
            failures.push(format!("groups: {t} → {:?}", entities(&t)));
        }
    }
    for r in rows(include_str!("../data/given_names.tsv")) {
        let t = format!("Reporters met {} Vandermolen in the morning.", r[0]);
        let name = format!("{} Vandermolen", r[0]);
        if !entities(&t)
            .iter()
            .any(|(s, k)| *s == name && *k == EntityType::PERSON)
        {
            failures.push(format!("given_names: {t} → {:?}", entities(&t)));
        }
    }
    for r in rows(include_str!("../data/roles.tsv")) {
        if r[1] == "person" {
            let t = format!("Reporters met {} Tom Vandermolen in the morning.", r[0]);
            if !entities(&t)
                .iter()
                .any(|(s, k)| s == "Tom Vandermolen" && *k == EntityType::PERSON)
            {
                failures.push(format!("roles: {t} → {:?}", entities(&t)));
            }
        } else {
            let t = format!("Reporters met the {} Vantrixa in the morning.", r[0]);
            if !entities(&t)
                .iter()
                .any(|(s, k)| s == "Vantrixa" && *k == EntityType::ORG)
            {
                failures.push(format!("roles: {t} → {:?}", entities(&t)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// (text, mention text, expected canonical name)
fn check_coref(text: &str, mention: &str, expected: Option<&str>) {
    let sents = testing::sentences(text);
    let a = recognize(text, &sents, ActorDict::builtin(), None);
    let m = a
        .mentions
        .iter()
        .rfind(|m| m.text == mention)
        .unwrap_or_else(|| panic!("no mention {mention:?} in {:?}", a.mentions));
    assert_eq!(m.name.as_deref(), expected, "{mention} in {text:?}");
}

#[test]
fn coreference() {
    check_coref(
        "Senator Maria Lopez arrived. Lopez said the vote was close.",
        "Lopez",
        Some("Maria Lopez"),
    );
    check_coref(
        "Tom Berg met the press. He said the plan was sound.",
        "He",
        Some("Tom Berg"),
    );
    check_coref(
        "Anna Kovacs told Tom Berg that Berg had won. She smiled.",
        "She",
        Some("Anna Kovacs"),
    );
    check_coref(
        "The finance minister Tom Berg spoke first. The minister said taxes would fall.",
        "The minister",
        Some("Tom Berg"),
    );
    check_coref(
        "Tom Berg spoke to Radio Nord. He told the news outlet that taxes would fall.",
        "the news outlet",
        Some("Radio Nord"),
    );
    // A pronoun inside a quotation does not take a name from inside another quotation first.
    check_coref(
        "Tom Berg spoke. “We met Anna Kovacs,” he said.",
        "he",
        Some("Tom Berg"),
    );
}

#[test]
fn titles_are_not_part_of_names_and_codes_come_from_context() {
    let text = "North Korean leader Kim Yong Sik met President Tom Berg.";
    let sents = testing::sentences(text);
    let a = recognize(text, &sents, ActorDict::builtin(), None);
    let kim = a
        .entities
        .iter()
        .find(|e| e.text == "Kim Yong Sik")
        .expect("Kim Yong Sik");
    assert_eq!(kim.kind, EntityType::PERSON);
    assert_eq!(kim.code.as_deref(), Some("PRKGOV"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.text == "Tom Berg" && e.kind == EntityType::PERSON));
    assert!(a
        .mentions
        .iter()
        .all(|m| m.kind != MentionKind::Name || !m.text.starts_with("President")));
}

#[test]
fn dates_are_entities_with_values() {
    let text = "The talks ended in early October and resumed on Saturday.";
    let sents = testing::sentences(text);
    let a = recognize(
        text,
        &sents,
        ActorDict::builtin(),
        parley_core::Date::parse_iso("2020-01-12"),
    );
    let d: Vec<(&str, &str)> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::DATE)
        .map(|e| (e.text.as_str(), e.value.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        d,
        vec![("early October", "2019-10"), ("Saturday", "2020-01-11")]
    );
}

#[test]
fn messy_input_is_bounded_and_does_not_panic() {
    for t in [
        "",
        "“",
        "A",
        "A. B. C.",
        "’s ’s",
        "U.S.",
        "Mr.",
        "\u{0}\u{1}",
        "ÉÉÉ ÉÉÉ",
        "— — —",
    ] {
        let sents = testing::sentences(t);
        let _ = recognize(t, &sents, ActorDict::builtin(), None);
    }
    let long = "Tom Berg said he met Anna Kovacs in Paris. ".repeat(3_000);
    let sents = testing::sentences(&long);
    let a = recognize(&long, &sents, ActorDict::builtin(), None);
    assert!(a.entities.len() >= 9_000);
    let caps = "Alpha Beta Gamma Delta ".repeat(5_000);
    let sents = testing::sentences(&caps);
    let _ = recognize(&caps, &sents, ActorDict::builtin(), None);
}
