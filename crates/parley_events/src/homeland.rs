//! The country a page is plainly about: "prosecutors", "police" or "the court" named with no
//! country on a page whose named places and actors all but all belong to one country are that
//! country's.

use std::collections::HashMap;

use parley_core::Event;
use parley_entities::MentionKind;

use crate::{is_sector, CodingInput};

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
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for m in &input.entities.mentions {
        if m.kind != MentionKind::Name || m.media {
            continue;
        }
        let Some(code) = m.code.as_deref() else {
            continue;
        };
        let c3 = code.get(..3).unwrap_or("");
        if c3.len() < 3
            || !c3.chars().all(|c| c.is_ascii_uppercase())
            || is_sector(code)
            || is_sector(c3)
            || matches!(c3, "IGO" | "NGO" | "IMG")
        {
            continue;
        }
        let v = seen.entry(c3.to_string()).or_default();
        if v.last() != Some(&m.sentence) {
            v.push(m.sentence);
        }
    }
    let mut counts: Vec<(usize, String)> = seen
        .into_iter()
        .map(|(c, mut s)| {
            s.sort_unstable();
            s.dedup();
            (s.len(), c)
        })
        .collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (top, code) = counts.first()?.clone();
    let second = counts.get(1).map_or(0, |x| x.0);
    (top >= MIN_SENTENCES && top >= DOMINANCE * second.max(1)).then_some(code)
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
