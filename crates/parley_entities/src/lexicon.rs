//! The compiled-in word lists of `data/` (see `data/README.md`).

use std::sync::OnceLock;

use parley_core::EntityType;

/// The lexicon's maps and sets: keyed by short trusted words, so FxHash instead of SipHash.
use parley_core::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What a gazetteer entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    pub kind: EntityType,
    pub code: Option<String>,
    /// A news outlet or agency.
    pub media: bool,
    /// The canonical spelling.
    pub name: String,
}

/// A role noun: what it names and its sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    Person,
    Org,
    Media,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub kind: RoleKind,
    pub sector: Option<&'static str>,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Normalised phrase → entry.
    pub gaz: HashMap<String, GazEntry>,
    pub max_words: usize,
    /// First words of the gazetteer's phrases.
    pub starts: HashSet<String>,
    /// Given name → gender ('m', 'f', '-').
    pub given: HashMap<String, char>,
    /// Role noun (lower case, singular) → role.
    pub roles: HashMap<String, Role>,
    /// Rows, for the lexicon test: (file, phrase, expected type or role kind).
    pub rows: Vec<(&'static str, String, String)>,
    /// Lemmas of common (open-class) English words, from the English-EWT vocabulary of
    /// `parley_text` (`lemma_vocab.tsv`, CC BY-SA 4.0, no proper nouns in it).
    pub common: HashSet<String>,
    /// A larger English word list (SCOWL, `data/english_words.txt`): dictionary words, for telling
    /// titles, products and companies from people's names.
    pub english: HashSet<&'static str>,
    /// Census given names that are also English words ("Rose", "Grant"): a PERSON cue only before
    /// a census surname (`data/census_given_names.tsv`, class `word`).
    pub word_given: HashSet<&'static str>,
    /// Given names that come only from the census list (a PERSON cue with a surname, not alone:
    /// "Kia", "Stanford" alone are brands or places more often than people).
    pub census_given: HashSet<&'static str>,
    /// Frequent census surnames (`data/surnames.txt`).
    pub surnames: HashSet<&'static str>,
}

/// Normalises a phrase for lookup: lower case, straight apostrophes, single spaces.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // "St." and "St" are one word; "U.S." keeps its dots.
        let w = match w.strip_suffix('.') {
            Some(x) if !x.contains('.') && s.contains(' ') => x,
            _ => w,
        };
        if w.is_ascii() {
            // the same as below: ASCII lower-cases to one ASCII char
            out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            continue;
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn code(s: Option<&&str>) -> Option<String> {
    s.map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lexicon::default();
        let add = |l: &mut Lexicon, name: &str, e: GazEntry, file: &'static str, what: String| {
            let k = norm(name);
            l.max_words = l.max_words.max(k.split(' ').count());
            l.starts
                .insert(k.split(' ').next().unwrap_or("").to_string());
            l.rows.push((file, name.to_string(), what));
            l.gaz.entry(k).or_insert(e);
        };
        for r in rows(include_str!("../data/places.tsv")) {
            let kind = if r.get(1) == Some(&"LOC") {
                EntityType::LOC
            } else {
                EntityType::GPE
            };
            let e = GazEntry {
                kind,
                code: code(r.get(2)),
                media: false,
                name: r[0].to_string(),
            };
            add(&mut l, r[0], e, "places", kind.as_str().to_string());
        }
        for r in rows(include_str!("../data/orgs.tsv")) {
            let media = r.get(1) == Some(&"MEDIA");
            let e = GazEntry {
                kind: EntityType::ORG,
                code: code(r.get(2)),
                media,
                name: r[0].to_string(),
            };
            add(&mut l, r[0], e, "orgs", "ORG".into());
        }
        for r in rows(include_str!("../data/groups.tsv")) {
            let e = GazEntry {
                kind: EntityType::NORP,
                code: code(r.get(1)),
                media: false,
                name: r[0].to_string(),
            };
            add(&mut l, r[0], e, "groups", "NORP".into());
        }
        for r in rows(include_str!("../data/given_names.tsv")) {
            let g = r.get(1).and_then(|g| g.chars().next()).unwrap_or('-');
            l.given.insert(r[0].to_string(), g);
            l.rows
                .push(("given_names", r[0].to_string(), "PERSON".into()));
        }
        // Census given names (public domain): those that are not English words are given names
        // like the hand-made list's (which takes precedence); the others are kept apart.
        for r in rows(include_str!("../data/census_given_names.tsv")) {
            let g = r.get(1).and_then(|g| g.chars().next()).unwrap_or('-');
            if r.get(2) == Some(&"word") {
                l.word_given.insert(r[0]);
            } else if !l.given.contains_key(r[0]) {
                l.given.insert(r[0].to_string(), g);
                l.census_given.insert(r[0]);
            }
        }
        l.surnames = include_str!("../data/surnames.txt")
            .lines()
            .filter(|w| !w.starts_with('#') && !w.is_empty())
            .collect();
        for r in rows(include_str!("../data/roles.tsv")) {
            let kind = match r.get(1).copied() {
                Some("org") => RoleKind::Org,
                Some("media") => RoleKind::Media,
                _ => RoleKind::Person,
            };
            let sector = r.get(2).map(|s| s.trim()).filter(|s| !s.is_empty());
            l.roles.insert(r[0].to_string(), Role { kind, sector });
            l.rows
                .push(("roles", r[0].to_string(), format!("{kind:?}")));
        }
        l.english = include_str!("../data/english_words.txt")
            .lines()
            .filter(|w| !w.starts_with('#') && !w.is_empty())
            .collect();
        for r in rows(parley_text::lemma_vocab()) {
            if matches!(r.get(1).copied(), Some("NOUN" | "ADJ" | "VERB" | "ADV"))
                && r[0].chars().count() > 2
                && r[0].chars().all(|c| c.is_lowercase())
            {
                l.common.insert(r[0].to_string());
            }
        }
        l
    })
}

/// Is a (lower-case) word a common English word: a listed lemma, or a regular plural, past or
/// gerund form of one ("tomatoes", "solved", "boring")?
pub fn is_common_word(w: &str) -> bool {
    let c = &lexicon().common;
    if c.contains(w) {
        return true;
    }
    if let Some(s) = w.strip_suffix("ies") {
        if c.contains(&format!("{s}y")) {
            return true;
        }
    }
    let stems = [
        w.strip_suffix("es"),
        w.strip_suffix('s'),
        w.strip_suffix("ed"),
        w.strip_suffix('d'),
        w.strip_suffix("ing"),
    ];
    stems
        .iter()
        .flatten()
        .any(|s| s.chars().count() > 2 && (c.contains(*s) || c.contains(&format!("{s}e"))))
}

/// Is a (lower-case) word an English dictionary word: a common word or one of the larger
/// word list ("vulture", "apothecary")?
pub fn is_dictionary_word(w: &str) -> bool {
    is_common_word(w) || lexicon().english.contains(w)
}

/// Singular of a (lower-case) role noun: "officials" → "official", "spokesmen" → "spokesman".
pub fn singular(w: &str) -> std::borrow::Cow<'_, str> {
    if let Some(s) = w.strip_suffix("men") {
        return format!("{s}man").into();
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y").into();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].into();
    }
    w.into()
}

/// Capitalised function words that start sentences but never names.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "as"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "its"
            | "there"
            | "here"
            | "what"
            | "who"
            | "whom"
            | "how"
            | "why"
            | "where"
            | "which"
            | "for"
            | "with"
            | "from"
            | "by"
            | "to"
            | "of"
            | "not"
            | "no"
            | "so"
            | "yet"
            | "also"
            | "however"
            | "meanwhile"
            | "still"
            | "then"
            | "now"
            | "although"
            | "though"
            | "because"
            | "since"
            | "until"
            | "during"
            | "despite"
            | "according"
            | "some"
            | "many"
            | "most"
            | "all"
            | "each"
            | "every"
            | "both"
            | "other"
            | "another"
            | "such"
            | "one"
            | "two"
            | "three"
            | "several"
            | "more"
            | "less"
            | "do"
            | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "just"
            | "only"
            | "even"
            | "about"
            | "over"
            | "under"
            | "into"
            | "through"
            | "among"
            | "between"
            | "without"
            | "within"
            | "instead"
            | "again"
            | "once"
            | "yes"
            | "oh"
            | "well"
            | "please"
            | "thanks"
            | "thank"
            | "let"
            | "me"
            | "him"
            | "them"
            | "us"
            | "whether"
            | "unless"
            | "than"
            | "whose"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "read"
            | "click"
            | "see"
            | "photo"
            | "image"
            | "video"
            | "watch"
            | "related"
            | "share"
            | "advertisement"
            | "updated"
            | "posted"
    )
}

/// Head words of news outlets: "… News", "… Times", "… Radio".
pub fn is_media_head(w: &str) -> bool {
    matches!(
        w,
        "news"
            | "times"
            | "post"
            | "journal"
            | "herald"
            | "tribune"
            | "gazette"
            | "press"
            | "magazine"
            | "radio"
            | "television"
            | "tv"
            | "chronicle"
            | "telegraph"
            | "inquirer"
            | "examiner"
            | "courier"
            | "sentinel"
            | "dispatch"
            | "observer"
    )
}

/// Organisation head words: "… University", "Ministry of …", "… Party" (outlets' head words too).
pub fn is_org_head(w: &str) -> bool {
    is_media_head(w)
        || matches!(
            w,
            "university"
                | "college"
                | "school"
                | "institute"
                | "academy"
                | "ministry"
                | "department"
                | "agency"
                | "office"
                | "bureau"
                | "directorate"
                | "commission"
                | "committee"
                | "council"
                | "court"
                | "party"
                | "association"
                | "federation"
                | "foundation"
                | "fund"
                | "bank"
                | "group"
                | "company"
                | "corporation"
                | "corp"
                | "inc"
                | "ltd"
                | "llc"
                | "co"
                | "plc"
                | "gmbh"
                | "ag"
                | "holdings"
                | "partners"
                | "capital"
                | "ventures"
                | "technologies"
                | "systems"
                | "labs"
                | "motors"
                | "airlines"
                | "airways"
                | "network"
                | "church"
                | "hospital"
                | "clinic"
                | "center"
                | "centre"
                | "museum"
                | "library"
                | "society"
                | "union"
                | "league"
                | "club"
                | "team"
                | "army"
                | "navy"
                | "force"
                | "forces"
                | "guard"
                | "police"
                | "service"
                | "services"
                | "administration"
                | "authority"
                | "board"
                | "organization"
                | "organisation"
                | "alliance"
                | "coalition"
                | "movement"
                | "front"
                | "brigade"
                | "congress"
                | "parliament"
                | "assembly"
                | "senate"
                | "cabinet"
                | "government"
                | "industries"
                | "international"
                | "media"
                | "records"
                | "studios"
                | "pictures"
                | "entertainment"
                | "group's"
                | "inc."
                | "campaign"
                | "caucus"
                | "project"
                | "initiative"
                | "program"
                | "programme"
                | "laboratory"
                | "lab"
                | "gallery"
                | "galleries"
                | "restaurant"
                | "trust"
                | "exchange"
                | "reserve"
                | "fc"
                | "electric"
                | "electronics"
                | "health"
                | "healthcare"
                | "medicine"
                | "learning"
                | "publishers"
                | "publishing"
                | "mobility"
                | "solutions"
                | "software"
                | "studio"
                | "design"
                | "designs"
                | "architects"
                | "brewing"
                | "brewery"
                | "winery"
                | "bakery"
                | "cafe"
                | "café"
                | "insurance"
                | "consulting"
                | "consultants"
                | "events"
                | "marketing"
                | "analytics"
                | "automation"
                | "robotics"
                | "energy"
                | "logistics"
                | "pharmaceuticals"
                | "pharma"
                | "therapeutics"
                | "foods"
                | "brands"
                | "apparel"
                | "realty"
                | "properties"
                | "construction"
                | "builders"
                | "engineering"
                | "manufacturing"
                | "wireless"
                | "communications"
                | "networks"
                | "digital"
                | "technology"
                | "tech"
                | "conservancy"
                | "dental"
                | "dentistry"
                | "orthodontics"
                | "chiropractic"
                | "veterinary"
                | "salon"
                | "spa"
                | "fitness"
                | "plumbing"
                | "roofing"
                | "landscaping"
                | "hardware"
                | "counseling"
                | "counselling"
                | "supply"
                | "supplies"
                | "outfitters"
                | "furniture"
                | "flooring"
                | "movers"
                | "cleaners"
                | "pharmacy"
                | "rentals"
        )
}

/// Location head words: "… River", "Lake …".
pub fn is_loc_head(w: &str) -> bool {
    matches!(
        w,
        "river"
            | "lake"
            | "mountain"
            | "mountains"
            | "mount"
            | "mt"
            | "sea"
            | "ocean"
            | "bay"
            | "gulf"
            | "island"
            | "islands"
            | "peninsula"
            | "valley"
            | "desert"
            | "forest"
            | "park"
            | "parks"
            | "canyon"
            | "coast"
            | "strait"
            | "straits"
            | "border"
            | "region"
            | "hills"
            | "beach"
            | "creek"
            | "falls"
    )
}

/// Head words of buildings, streets and other facilities ("… Airport", "… Street", "… Palace"):
/// typed LOC, never a person.
pub fn is_facility_head(w: &str) -> bool {
    matches!(
        w,
        "airport"
            | "station"
            | "street"
            | "st"
            | "st."
            | "avenue"
            | "ave"
            | "ave."
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "highway"
            | "freeway"
            | "parkway"
            | "plaza"
            | "square"
            | "bridge"
            | "tower"
            | "towers"
            | "building"
            | "palace"
            | "castle"
            | "cathedral"
            | "temple"
            | "mosque"
            | "shrine"
            | "monument"
            | "memorial"
            | "stadium"
            | "arena"
            | "lofts"
            | "apartments"
            | "preserve"
            | "trail"
            | "trek"
            | "dunes"
            | "ridge"
            | "peak"
            | "garden"
            | "gardens"
            | "pier"
            | "harbor"
            | "harbour"
            | "terminal"
            | "mall"
            | "drive"
    )
}

/// Last words of product names ("… Pro", "… Mini", "… Edition"): not people.
pub fn is_product_suffix(w: &str) -> bool {
    matches!(
        w,
        "pro"
            | "max"
            | "mini"
            | "ultra"
            | "plus"
            | "lite"
            | "se"
            | "xl"
            | "edition"
            | "kit"
            | "series"
    )
}

/// GPE head words: "… County", "… Province".
/// Last words of names of awards, prizes and events ("… Award", "… Festival"): not people.
pub fn is_event_head(w: &str) -> bool {
    matches!(
        w,
        "award"
            | "awards"
            | "prize"
            | "prizes"
            | "medal"
            | "trophy"
            | "festival"
            | "cup"
            | "championship"
            | "championships"
            | "tournament"
            | "games"
            | "olympics"
            | "lecture"
            | "fellowship"
            | "scholarship"
            | "act"
    )
}

pub fn is_gpe_head(w: &str) -> bool {
    matches!(
        w,
        "county"
            | "city"
            | "province"
            | "state"
            | "district"
            | "township"
            | "village"
            | "prefecture"
            | "oblast"
            | "borough"
            | "upazila"
            | "municipality"
            | "governorate"
            | "parish"
            | "heights"
    )
}

/// Months and weekdays (never part of a name).
pub fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}
