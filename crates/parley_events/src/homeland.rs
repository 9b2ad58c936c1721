//! The country a page is plainly about: "prosecutors", "police" or "the court" named with no
//! country on a page whose named places and actors all but all belong to one country are that
//! country's.

use std::collections::{HashMap, HashSet};

use parley_core::Event;
use parley_entities::MentionKind;

use crate::{placed_in, CodingInput};

/// Sectors of a state's own institutions and politics, which a one-country page places.
const DOMESTIC: &[&str] = &[
    "GOV", "JUD", "COP", "LEG", "OPP", "MIL", "PTY", "ELI", "SPY",
];

/// Sentences that must name the country, and how many times more often it must be named than
/// any other country.
const MIN_SENTENCES: usize = 3;
const DOMINANCE: usize = 3;

/// The page's one country: named (by a name, not a pronoun) in at least three sentences, and
/// at least three times as often as any other country.
pub(crate) fn page_country(input: &CodingInput) -> Option<String> {
    // the sentences naming each country
    let mut seen: HashMap<&str, HashSet<usize>> = HashMap::new();
    for m in &input.entities.mentions {
        if m.kind != MentionKind::Name || m.media {
            continue;
        }
        let Some(code) = m.code.as_deref() else {
            continue;
        };
        let Some(c3) = placed_in(code).filter(|c| !matches!(*c, "IGO" | "NGO" | "IMG")) else {
            continue;
        };
        seen.entry(c3).or_default().insert(m.sentence);
    }
    let mut counts: Vec<(usize, &str)> = seen.into_iter().map(|(c, s)| (s.len(), c)).collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let (top, code) = *counts.first()?;
    let second = counts.get(1).map_or(0, |x| x.0);
    (top >= MIN_SENTENCES && top >= DOMINANCE * second.max(1)).then(|| code.to_string())
}

/// Gives the page's country to the events' actors that are a bare domestic sector.
pub(crate) fn place(events: &mut [Event], country: &str) {
    for e in events.iter_mut() {
        for m in std::iter::once(&mut e.source).chain(e.target.iter_mut()) {
            if let Some(c) = m.code.as_deref().filter(|c| DOMESTIC.contains(c)) {
                m.code = Some(format!("{country}{c}"));
            }
        }
    }
}
