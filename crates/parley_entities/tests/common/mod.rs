//! The `check` helper shared by the rule tests.

use parley_actors::ActorDict;
use parley_entities::{recognize, testing};

/// Entities of `text` as `TYPE text` strings, in order (dates left out).
pub fn entities(text: &str) -> Vec<String> {
    let sents = testing::sentences(text);
    recognize(text, &sents, ActorDict::builtin(), None)
        .entities
        .into_iter()
        .filter(|e| e.kind.as_str() != "DATE")
        .map(|e| format!("{} {}", e.kind.as_str(), e.text))
        .collect()
}

/// `expected` lists entities that must be found; `absent` ones that must not.
pub fn check(text: &str, expected: &[&str], absent: &[&str]) {
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
