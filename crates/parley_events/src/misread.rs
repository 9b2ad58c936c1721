//! Words the actor dictionary matches that, in their context, name no actor: a country used as
//! the label of a currency or a product version ("US $40 million", "the Japan model"), a role
//! noun that closes a company's name ("Greenleaf House", "Northwind Intelligence"), a sports
//! court ("on the court"), a firm's "leadership".

use parley_actors::ActorKind;
use parley_core::Upos;

use crate::{Actor, View};

/// Currency words a country or nationality may label ("US dollars", "Canadian cents").
const CURRENCY: &[&str] = &[
    "$", "dollar", "dollars", "cent", "cents", "yen", "euro", "euros", "yuan", "renminbi", "rupee",
    "rupees", "peso", "pesos", "ruble", "rubles", "rouble", "roubles", "dinar", "dinars", "riyal",
    "riyals", "shekel", "shekels", "lira", "franc", "francs", "naira", "rand", "baht", "ringgit",
];

/// Nouns that make a country label a product's market version ("the US model", "a Japan-only
/// edition").
const VERSION: &[&str] = &[
    "model", "models", "version", "versions", "edition", "editions", "variant", "variants", "sku",
    "trim", "firmware", "spec", "specs",
];

/// Role nouns that often close the name of a firm or publisher the dictionary does not know
/// ("Greenleaf House", "Northwind Intelligence").
const NAME_TAILS: &[&str] = &["house", "intelligence"];

/// Modifiers that make "court" a place of play ("tennis court", "centre court").
const SPORT_COURT: &[&str] = &[
    "tennis",
    "basketball",
    "volleyball",
    "squash",
    "badminton",
    "clay",
    "grass",
    "centre",
    "center",
    "home",
    "indoor",
    "outdoor",
];

/// Owners of a "leadership" that is no government ("the company's leadership").
const FIRM_WORDS: &[&str] = &[
    "company",
    "firm",
    "business",
    "corporate",
    "executive",
    "team",
    "club",
    "brand",
    "startup",
    "organization",
    "organisation",
    "school",
    "store",
    "senior",
];

/// Whether the chunk `a` names no actor in its sentence.
pub(crate) fn misread(view: &View, a: &Actor, covered_by_other: impl Fn(usize) -> bool) -> bool {
    let n = view.toks.len();
    if a.start >= a.end || a.end > n {
        return false;
    }
    let single = a.end == a.start + 1;
    let next = (a.end < n).then(|| view.lower[a.end].as_str());
    let prev = (a.start > 0).then(|| view.lower[a.start - 1].as_str());
    let placeish = matches!(a.kind, ActorKind::Country | ActorKind::Nationality);
    // "US $40 million", "Canadian dollars".
    if placeish && !a.pronoun && next.is_some_and(|w| CURRENCY.contains(&w)) {
        return true;
    }
    // "the US model", "the Japan edition" (a country name, not its adjective: "the Japanese
    // model" is a person).
    if a.kind == ActorKind::Country
        && single
        && !a.pronoun
        && next.is_some_and(|w| VERSION.contains(&w))
    {
        return true;
    }
    if !single || a.pronoun {
        return false;
    }
    let w = view.lower[a.start].as_str();
    let capital = |i: usize| {
        view.toks[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // "Greenleaf House, a publisher": a capitalised role noun right after a capitalised name
    // word that is itself no actor. "the House", "US House" and "White House" (a dictionary
    // name) stay.
    if matches!(a.kind, ActorKind::Role | ActorKind::Organization)
        && NAME_TAILS.contains(&w)
        && capital(a.start)
        && a.start > 0
    {
        let p = a.start - 1;
        let name_word = capital(p)
            && !matches!(
                view.toks[p].upos,
                Upos::VERB | Upos::AUX | Upos::ADP | Upos::DET | Upos::PRON | Upos::PUNCT
            )
            && !covered_by_other(p)
            && !matches!(prev, Some("the" | "a" | "an"));
        if name_word {
            return true;
        }
    }
    // "on the court", "a clay court": a place of play, not the judiciary.
    if a.kind == ActorKind::Role && matches!(w, "court" | "courts") {
        let sport = prev.is_some_and(|p| SPORT_COURT.contains(&p));
        let on = prev == Some("on")
            || (prev == Some("the") && a.start >= 2 && view.lower[a.start - 2] == "on");
        let owned = next.is_some_and(|x| matches!(x, "'s" | "’s" | "of" | "ruled" | "ruling"));
        if (sport || on) && !owned {
            return true;
        }
    }
    // "the company's leadership", "the leadership team": a firm's or a team's managers, not
    // a government.
    if matches!(a.kind, ActorKind::Role | ActorKind::Organization)
        && w == "leadership"
        && a.start > 0
    {
        let firmish = |x: &str| FIRM_WORDS.contains(&x);
        let owner = if matches!(prev, Some("'s" | "’s")) && a.start >= 2 {
            Some(view.lower[a.start - 2].as_str())
        } else {
            prev
        };
        // ("our leadership" may be a government speaking: `first_person` reads it.)
        let owned = owner.is_some_and(firmish);
        if owned || next.is_some_and(|x| matches!(x, "team" | "teams" | "skills" | "style")) {
            return true;
        }
    }
    false
}
