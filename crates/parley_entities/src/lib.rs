//! Named entities and coreference over parsed sentences.
//!
//! Main entry: [`recognize`], which finds PERSON, ORG, GPE, LOC, NORP and DATE mentions, gives
//! them actor codes from the [`parley_actors::ActorDict`] (and this crate's gazetteers in
//! `data/`), and links surnames, titles and pronouns to the entity they refer to ([`Mention`]).
//!
//! How: runs of capitalised words are cut into pieces by the gazetteers, the actor dictionary,
//! titles ("President", "adviser …") and organisation/location head words ("… University",
//! "… River"); a piece starting with a given name, after a person title, or sharing a word with a
//! known person is a PERSON. Coreference: a surname or a shorter form links to the person or
//! organisation already named; "the adviser" to the person with that title; a definite
//! description ("the ministry", "the government", "the officials") to the latest description
//! with the same head that a country places, within ten sentences, never across an unplaced one;
//! a possessor country places a role ("Norway's trade minister" → `NORGOV`) and a resolved
//! possessive pronoun its noun ("his government"); he/she to the most salient compatible person
//! (the leftmost outside quotations in the nearest sentence); they to the nearest group or
//! organisation — after a reporting verb, to that verb's plural subject ("growers said they …"),
//! never to a nationality describing a thing; an object pronoun never to the subject of its own
//! verb. DATE entities come from [`parley_time`].
//!
//! ```
//! use parley_core::{Sentence, Token};
//! let text = "Robert Lane met North Korean officials. Lane said he was hopeful.";
//! let sents = parley_entities::testing::sentences(text);
//! let a = parley_entities::recognize(text, &sents, parley_actors::ActorDict::builtin(), None);
//! let he = a.mentions.iter().find(|m| m.text == "he").unwrap();
//! assert_eq!(he.name.as_deref(), Some("Robert Lane"));
//! assert!(a.entities.iter().any(|e| e.text == "North Korean" && e.code.as_deref() == Some("PRK")));
//! ```

// Rules read better as written positive conditions and as separate branches per cue.
#![allow(clippy::nonminimal_bool, clippy::if_same_then_else)]

#[cfg(test)]
mod coref_tests;
mod lexicon;
pub mod marks;
pub mod testing;

/// Maps and sets of words and indices, hashed with FxHash (short trusted keys, no need for
/// SipHash's flooding resistance).
use parley_core::{FxHashMap as HashMap, FxHashSet as HashSet};

use parley_actors::{ActorDict, ActorKind};
use parley_core::{CharIndex, Date, Entity, EntityType, Sentence, Span, Upos};

pub use lexicon::norm;
use lexicon::{lexicon, singular, RoleKind};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Robert O’Brien", "O’Brien", "North Korea").
    Name,
    /// A title or description ("the adviser", "the president", "officials").
    Nominal,
    /// A pronoun ("he", "they").
    Pronoun,
}

/// A mention of an actor, resolved where possible.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    /// Token range within the sentence.
    pub tokens: std::ops::Range<usize>,
    /// Code-point span in the article text.
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
    /// Canonical name of what it refers to.
    pub name: Option<String>,
    /// CAMEO actor code of what it refers to.
    pub code: Option<String>,
    /// Index into [`Analysis::entities`] of the entity it refers to.
    pub entity: Option<usize>,
    /// Entity type of what it refers to (PERSON for "he", ORG for "the company"), when known.
    pub etype: Option<EntityType>,
    /// The mention lies inside a quotation.
    pub in_quote: bool,
    /// A news outlet (for quote channels).
    pub media: bool,
}

/// The stage's output.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Analysis {
    /// The mention covering a token, if any.
    pub fn mention_at(&self, sentence: usize, token: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .find(|m| m.sentence == sentence && m.tokens.contains(&token))
    }
    /// Mentions overlapping a code-point span, in order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> {
        let k = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[k..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.overlaps(span))
    }
}

/// Errors of this stage (none today: every input yields a result).
#[derive(Debug, thiserror::Error)]
pub enum EntitiesError {
    #[error("bad lexicon line {line} in {file}")]
    Lexicon { file: &'static str, line: usize },
}

// ---------------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone)]
struct W<'t> {
    sent: usize,
    b0: usize,
    b1: usize,
    text: &'t str,
    lower: String,
    cap: bool,
    allcaps: bool,
    /// First word of its sentence, or first after an opening quotation mark or a colon.
    initial: bool,
    /// Followed by a possessive 's.
    poss: bool,
    in_quote: bool,
    /// Inside a date expression.
    date: bool,
    /// The tagger's tag (when the sentence has a real tagging).
    upos: Option<Upos>,
}

/// Words that make a text about team sport (lower case, as the text writes them).
const SPORTS_WORDS: &[&str] = &[
    "league",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
    "club",
    "clubs",
    "coach",
    "quarterback",
    "touchdown",
    "touchdowns",
    "stadium",
    "playoffs",
    "referee",
    "match",
    "goals",
    "squad",
    "transfer",
    "tackle",
    "tackles",
    "innings",
    "pitcher",
    "rebounds",
    "snaps",
];
/// Club words after a city ("Manchester United", "Bristol Rovers").
const CLUB_AFTER: &[&str] = &[
    "united",
    "city",
    "fc",
    "rovers",
    "athletic",
    "wanderers",
    "albion",
    "hotspur",
    "county",
    "rangers",
    "celtic",
    "sfc",
    "afc",
];
/// Club words before a city ("FC Porto", "Real Madrid", "Inter Milan").
const CLUB_BEFORE: &[&str] = &[
    "fc",
    "ac",
    "as",
    "inter",
    "real",
    "atlético",
    "atletico",
    "sporting",
    "olympique",
    "dynamo",
    "sc",
    "cf",
    "rb",
    "borussia",
    "racing",
];

/// In a text about team sport (two sports words or more), a place with a club word ("Manchester
/// United", "FC Porto", "Inter Milan") is a club (ORG), and so is a place listed next to a club
/// ("managed Porto, Inter Milan and Chelsea").
fn sports_clubs(doc: &Doc, pieces: &mut Vec<Piece>) {
    let n_sports = SPORTS_WORDS
        .iter()
        .filter(|w| doc.lower_seen.contains(**w))
        .count();
    if n_sports < 2 {
        return;
    }
    let place = |p: &Piece| p.kind == Some(EntityType::GPE);
    let mut club = vec![false; pieces.len()];
    for i in 0..pieces.len() {
        if !place(&pieces[i]) {
            continue;
        }
        let (a, b) = (pieces[i].a, pieces[i].b);
        // ("Leicester City" is a club, "Mexico City" and "Forbidden City" are not: the words
        // before the club word must be a listed place, the whole no listed name.)
        let lower = |x: usize, y: usize| {
            doc.w[x..y]
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let lex = lexicon();
        if CLUB_AFTER.contains(&doc.w[b - 1].lower.as_str())
            && b > a + 1
            && lex.gaz.contains_key(&lower(a, b - 1))
            && !lex.gaz.contains_key(&lower(a, b))
        {
            club[i] = true;
        } else if b < doc.w.len()
            && doc.joinable(b - 1)
            && doc.w[b].cap
            && CLUB_AFTER.contains(&doc.w[b].lower.as_str())
            && !lex.gaz.contains_key(&lower(a, b + 1))
        {
            pieces[i].b = b + 1;
            club[i] = true;
        }
        if a > 0
            && doc.w[a - 1].sent == doc.w[a].sent
            && doc.joinable(a - 1)
            && doc.w[a - 1].cap
            && CLUB_BEFORE.contains(&doc.w[a - 1].lower.as_str())
        {
            pieces[i].a = a - 1;
            club[i] = true;
        }
    }
    // Pieces inside a club's name ("Inter" of "Inter Milan") go.
    let mut drop = vec![false; pieces.len()];
    for i in 0..pieces.len() {
        if club[i] {
            for (j, q) in drop.iter_mut().enumerate() {
                if j != i
                    && !club[j]
                    && pieces_overlap(pieces[i].a, pieces[i].b, pieces[j].a, pieces[j].b)
                {
                    *q = true;
                }
            }
        }
    }
    let mut k = 0;
    pieces.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    let mut k = 0;
    club.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    // Places listed next to a club.
    let listed = |x: &Piece, y: &Piece| {
        doc.w[x.a].sent == doc.w[y.a].sent && x.b <= y.a && {
            let between = doc.text[doc.w[x.b - 1].b1..doc.w[y.a].b0].trim();
            matches!(between, "," | "and" | ", and")
        }
    };
    for _ in 0..pieces.len().min(20) {
        let mut changed = false;
        for i in 0..pieces.len() {
            if club[i] || !place(&pieces[i]) || pieces[i].b > pieces[i].a + 1 {
                continue;
            }
            let next_to = |j: usize| {
                club[j]
                    && (if j < i {
                        listed(&pieces[j], &pieces[i])
                    } else {
                        listed(&pieces[i], &pieces[j])
                    })
            };
            if (i > 0 && next_to(i - 1)) || (i + 1 < pieces.len() && next_to(i + 1)) {
                club[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (p, _) in pieces.iter_mut().zip(&club).filter(|(_, c)| **c) {
        p.make_org();
    }
}

/// AP-style US state abbreviations of datelines ("MILLBROOK, Ore. (AP) —"), lower case, without
/// the final full stop.
const STATE_ABBR: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j",
    "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va",
    "wash", "w.va", "wis", "wyo",
];
/// How many words of [`SPORTS_WORDS`] and [`SPORTS_MORE`] the text uses (two or more: a text
/// about team sport).
fn sports_words(doc: &Doc) -> usize {
    SPORTS_WORDS
        .iter()
        .chain(SPORTS_MORE)
        .filter(|w| doc.lower_seen.contains(**w))
        .count()
}

/// More words of team sport, for place names standing for teams (with [`SPORTS_WORDS`]).
const SPORTS_MORE: &[&str] = &[
    "tennis",
    "soccer",
    "basketball",
    "football",
    "baseball",
    "hockey",
    "volleyball",
    "softball",
    "lacrosse",
    "doubles",
    "singles",
    "tournament",
    "assists",
    "assist",
    "saves",
    "halftime",
    "semifinal",
    "semifinals",
    "quarterfinal",
    "quarterfinals",
    "playoff",
    "postseason",
    "unbeaten",
];
/// Stat nouns after a number in a results row ("Dunsby 8 points").
const STAT_NOUNS: &[&str] = &[
    "point",
    "points",
    "goal",
    "goals",
    "assist",
    "assists",
    "save",
    "saves",
    "steal",
    "steals",
    "rebound",
    "rebounds",
    "block",
    "blocks",
    "yards",
    "touchdown",
    "touchdowns",
    "td",
    "tds",
    "tackle",
    "tackles",
    "sack",
    "sacks",
    "strikeouts",
    "hits",
    "rbi",
    "rbis",
    "aces",
];
/// Verbs after a team as subject ("Chile beat Peru").
const TEAM_SUBJ_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "edges",
    "routed",
    "routs",
    "topped",
    "tops",
    "blanked",
    "downed",
    "outlasted",
    "thrashed",
    "plays",
    "faces",
    "hosts",
    "visits",
    "trails",
    "clinched",
    "advanced",
    "advances",
];
/// Words before a team as object ("beat Peru", "against Croatia", "champion Croatia").
const TEAM_OBJ_PREV: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeats",
    "defeating",
    "edged",
    "routed",
    "topped",
    "blanked",
    "downed",
    "outlasted",
    "thrashed",
    "against",
    "vs",
    "versus",
    "champion",
    "champions",
    "plays",
    "play",
    "faces",
    "face",
    "facing",
];
/// Nouns after a team's possessive ("Peru's hopes", "Minnesota's game").
const TEAM_POSS_NOUNS: &[&str] = &[
    "hopes",
    "win",
    "victory",
    "loss",
    "defeat",
    "game",
    "games",
    "team",
    "squad",
    "coach",
    "quarterback",
    "offense",
    "defense",
    "lineup",
    "roster",
    "season",
    "players",
    "captain",
    "chances",
    "title",
    "record",
];
/// Sports roles after a team's name ("Oakdale quarterback Sam Quill").
const TEAM_ROLE_AFTER: &[&str] = &[
    "quarterback",
    "coach",
    "striker",
    "pitcher",
    "goalkeeper",
    "midfielder",
    "linebacker",
    "receiver",
    "fans",
    "players",
];

/// Datelines in news ("MILLBROOK, Ore. (AP) —", "Cedarville, Ill. —"): a line opening with one to
/// three capitalised words, a comma and a state abbreviation before a dash or a bracket names a
/// city and a state. In a text about sport (two sports words or more), a place that acts as a team
/// is a team (ORG): the subject of *beat/defeat/play/face/take on/lose to* or before a score
/// ("Oakdale 3-1", "Oakdale (2-0)"), the object of *beat/against/d.*, after *win/victory/loss
/// over/at/to/for*, a possessive before a team noun or a player (*Peru's hopes*, *Chile's Marco
/// Diaz*), before a sports role (*Oakdale quarterback*); its other mentions in the text follow.
/// In a results row ("Dunsby 8 points."), the capitalised words before a number and a stat noun
/// are a player (PERSON).
fn datelines_and_sports(doc: &Doc, pieces: &mut Vec<Piece>) {
    let text = doc.text;
    let n = doc.w.len();
    let line_start = |i: usize| {
        let before = text[..doc.w[i].b0].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    };
    // A capitalised common noun before a given name and a surname is a role, not the name
    // ("Employee Dana Mills tells …").
    let lex = lexicon();
    let given = |w: &str| {
        lex.given.contains_key(w) || lex.census_given.contains(w) || lex.word_given.contains(w)
    };
    for p in pieces.iter_mut() {
        if p.kind == Some(EntityType::PERSON)
            && p.b >= p.a + 3
            && p.code.is_none()
            && doc.w[p.a].cap
            && !doc.w[p.a].allcaps
            && doc.w[p.a].text.chars().all(char::is_alphabetic)
            && lexicon::is_common_word(&doc.w[p.a].lower)
            && !given(doc.w[p.a].text)
            && given(doc.w[p.a + 1].text)
            && !lexicon::is_function_word(&doc.w[p.a].lower)
        {
            p.a += 1;
        }
    }
    // A listed place before a role and a person's name is a place ("US President Dana Vell",
    // "U.S. Secretary of State Dana Vell"): the role is left out of the name, the place is not
    // lost with it.
    {
        let covered: HashSet<usize> = pieces.iter().flat_map(|p| p.a..p.b).collect();
        let mut more = Vec::new();
        for p in pieces.iter() {
            if p.kind != Some(EntityType::PERSON) || p.a == 0 {
                continue;
            }
            // Role words back from the name.
            let mut k = p.a;
            let mut roles = 0;
            while k > 0
                && p.a - k < 5
                && same_sent_w(doc, k - 1, p.a)
                && doc.joinable(k - 1)
                && !covered.contains(&(k - 1))
            {
                let w = &doc.w[k - 1];
                let is_role = w.cap && (role_of(&w.lower).is_some() || is_person_title(&w.lower));
                if is_role {
                    roles += 1;
                } else if !(matches!(w.lower.as_str(), "of" | "for") || w.cap && roles > 0) {
                    break;
                }
                k -= 1;
                if is_role {
                    // Try the place right before this role (one to three words).
                    for m in 1..=3 {
                        if k < m || !same_sent_w(doc, k - m, k) {
                            break;
                        }
                        if (k - m..k).any(|x| covered.contains(&x) || !doc.w[x].cap)
                            || (k - m..k - 1).any(|x| !doc.joinable(x))
                            || !doc.joinable(k - 1)
                        {
                            break;
                        }
                        let key = doc.w[k - m..k]
                            .iter()
                            .map(|w| w.lower.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        if let Some(e) = lexicon()
                            .gaz
                            .get(&key)
                            .filter(|e| e.kind == EntityType::GPE)
                        {
                            let starts_run = k - m == 0
                                || !same_sent_w(doc, k - m - 1, k - m)
                                || !doc.w[k - m - 1].cap
                                || !doc.joinable(k - m - 1);
                            if starts_run {
                                let mut q = new_piece(k - m, k, Some(EntityType::GPE), true);
                                q.code = e.code.clone();
                                q.name = Some(e.name.clone());
                                more.push(q);
                            }
                            break;
                        }
                    }
                }
            }
        }
        more.sort_by_key(|p| (p.a, p.b));
        more.dedup_by_key(|p| (p.a, p.b));
        pieces.append(&mut more);
        pieces.sort_by_key(|p| (p.a, p.b));
    }
    // A federal court district ("the Southern District of New York") is an organisation.
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        i += 1;
        if p.b == p.a + 2
            && matches!(
                doc.w[p.a].lower.as_str(),
                "northern" | "southern" | "eastern" | "western" | "middle" | "central"
            )
            && doc.w[p.a + 1].lower == "district"
            && p.b + 1 < n
            && doc.w[p.b].lower == "of"
            && doc.w[p.b].sent == doc.w[p.a].sent
        {
            let k = i - 1;
            if let Some(j) = (i < pieces.len())
                .then_some(i)
                .filter(|&j| pieces[j].a == p.b + 1 && pieces[j].kind == Some(EntityType::GPE))
            {
                let b = pieces[j].b;
                pieces[k].b = b;
                pieces[k].make_org();
                pieces.remove(j);
            }
        }
    }
    // A name listed next to a named person, shaped like a person's name (a given name or an
    // initial of up to two capitals inside, no organisation head, no dictionary word), is a person
    // even with an unusual shape ("Ana Ortiz and Tom DeWitt", "Dara K. Vell, Iain WR Dunmore"); its
    // surname alone later is the person too.
    {
        let person_shaped = |p: &Piece| {
            p.kind == Some(EntityType::ORG)
                && p.code.is_none()
                && !p.media
                && (2..=4).contains(&(p.b - p.a))
                && doc.w[p.a..p.b].iter().all(|w| {
                    w.cap
                        && !lexicon::is_org_head(&w.lower)
                        && !lexicon::is_media_head(&w.lower)
                        && (w.allcaps && w.text.chars().count() <= 2
                            || !w.allcaps && !lexicon::is_dictionary_word(&w.lower))
                        && w.text
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                })
                && !doc.w[p.a].allcaps
                && !doc.w[p.b - 1].allcaps
        };
        let listed = |x: &Piece, y: &Piece| {
            doc.w[x.a].sent == doc.w[y.a].sent && x.b <= y.a && {
                let between = text[doc.w[x.b - 1].b1..doc.w[y.a].b0].trim();
                matches!(between, "," | "and" | ", and")
            }
        };
        let mut surnames: HashSet<String> = HashSet::default();
        for _ in 0..pieces.len().min(8) {
            let mut changed = false;
            for i in 0..pieces.len() {
                if !person_shaped(&pieces[i]) {
                    continue;
                }
                let person = |j: usize| {
                    pieces[j].kind == Some(EntityType::PERSON) && pieces[j].b > pieces[j].a + 1
                };
                let next_to = (i > 0 && person(i - 1) && listed(&pieces[i - 1], &pieces[i]))
                    || (i + 1 < pieces.len()
                        && person(i + 1)
                        && listed(&pieces[i], &pieces[i + 1]));
                if next_to {
                    let p = &mut pieces[i];
                    p.kind = Some(EntityType::PERSON);
                    p.name = None;
                    surnames.insert(doc.w[p.b - 1].lower.clone());
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for p in pieces.iter_mut() {
            if p.kind == Some(EntityType::ORG)
                && p.b == p.a + 1
                && p.code.is_none()
                && !p.media
                && surnames.contains(&doc.w[p.a].lower)
            {
                p.kind = Some(EntityType::PERSON);
                p.name = None;
            }
        }
    }
    // Later mixed-case mentions of a dateline's city come below (`dateline_cities`).
    let mut add: Vec<Piece> = Vec::new();
    let replace = |pieces: &mut Vec<Piece>, add: &mut Vec<Piece>, p: Piece| {
        pieces.retain(|q| !pieces_overlap(q.a, q.b, p.a, p.b));
        add.retain(|q| !pieces_overlap(q.a, q.b, p.a, p.b));
        add.push(p);
    };
    // Datelines.
    for i in 0..n {
        if !doc.w[i].cap || !line_start(i) {
            continue;
        }
        let mut k = i + 1;
        while k < n && k < i + 3 && doc.w[k].cap && doc.joinable(k - 1) {
            k += 1;
        }
        if k >= n || text[doc.w[k - 1].b1..doc.w[k].b0] != *", " || doc.w[k - 1].poss {
            continue;
        }
        let st = &doc.w[k];
        if !st.cap || !STATE_ABBR.contains(&st.lower.trim_end_matches('.')) {
            continue;
        }
        let dot = !st.text.ends_with('.') && text[st.b1..].starts_with('.');
        let rest = text[st.b1 + usize::from(dot)..].trim_start_matches([' ', '\u{a0}']);
        if !rest.starts_with(['—', '–', '-', '(']) {
            continue;
        }
        let mut city = new_piece(i, k, Some(EntityType::GPE), true);
        city.name = None;
        replace(pieces, &mut add, city);
        let mut state = new_piece(k, k + 1, Some(EntityType::GPE), true);
        state.dot = dot;
        replace(pieces, &mut add, state);
    }
    let dateline_words: HashSet<usize> = add.iter().flat_map(|p| p.a..p.b).collect();
    pieces.append(&mut add);
    pieces.sort_by_key(|p| (p.a, p.b));
    // A dateline's city named again in the text ("MILLBROOK, Ore. — … a station in Millbrook.")
    // is the place, where no other name covers it.
    let dateline_cities: Vec<Vec<String>> = pieces
        .iter()
        .filter(|p| {
            dateline_words.contains(&p.a) && p.b < n && text[doc.w[p.b - 1].b1..].starts_with(',')
        })
        .map(|p| doc.w[p.a..p.b].iter().map(|w| w.lower.clone()).collect())
        .collect();
    if !dateline_cities.is_empty() {
        let covered: HashSet<usize> = pieces.iter().flat_map(|p| p.a..p.b).collect();
        let mut more = Vec::new();
        for city in &dateline_cities {
            let m = city.len();
            for i in 0..n.saturating_sub(m - 1) {
                if (i..i + m).all(|x| !covered.contains(&x) && doc.w[x].cap && !doc.w[x].allcaps)
                    && (i..i + m).map(|x| &doc.w[x].lower).eq(city.iter())
                    && (i + m >= n || !doc.w[i + m].cap || !doc.joinable(i + m - 1))
                    && (i == 0 || !doc.w[i - 1].cap || !doc.joinable(i - 1))
                {
                    more.push(new_piece(i, i + m, Some(EntityType::GPE), true));
                }
            }
        }
        pieces.append(&mut more);
        pieces.sort_by_key(|p| (p.a, p.b));
    }

    let n_sports = sports_words(doc);
    if n_sports < 2 {
        return;
    }
    let same_sent = |x: usize, y: usize| y < n && doc.w[x].sent == doc.w[y].sent;
    let lower = |x: usize| doc.w[x].lower.as_str();
    let score_after = |b: usize| {
        let rest = text[doc.w[b - 1].b1..]
            .trim_start_matches([' ', '\u{a0}'])
            .trim_start_matches('(');
        let d1 = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        d1.len() < rest.len()
            && d1
                .strip_prefix(['-', '–'])
                .is_some_and(|d2| d2.starts_with(|c: char| c.is_ascii_digit()))
    };
    // Results rows: "Dunsby 8 points."
    for i in 0..n {
        if !doc.w[i].cap || doc.w[i].allcaps && doc.w[i].text.chars().count() > 3 {
            continue;
        }
        // (Not the surname after an initial: "K. Hupfer" is one row name.)
        if i > 0
            && same_sent(i - 1, i)
            && doc.w[i - 1].cap
            && doc.w[i - 1].text.chars().count() == 1
            && doc.joinable(i - 1)
        {
            continue;
        }
        let opens = i == 0
            || !same_sent(i - 1, i)
            || {
                let g = text[doc.w[i - 1].b1..doc.w[i].b0].trim();
                matches!(g, ":" | "." | "," | ";" | "):")
            }
            || line_start(i);
        if !opens {
            continue;
        }
        let mut k = i + 1;
        while k < n && k < i + 4 && doc.w[k].cap && doc.joinable(k - 1) {
            k += 1;
        }
        let rest = text[doc.w[k - 1].b1..].trim_start_matches(' ');
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() == rest.len() || !digits.starts_with(' ') {
            continue;
        }
        let noun: String = digits[1..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if !STAT_NOUNS.contains(&noun.as_str())
            || (i..k).any(|x| dateline_words.contains(&x) || lexicon::is_calendar_word(lower(x)))
        {
            continue;
        }
        let mut p = new_piece(i, k, Some(EntityType::PERSON), true);
        p.gender = '-';
        let mut add = Vec::new();
        replace(pieces, &mut add, p);
        pieces.append(&mut add);
        pieces.sort_by_key(|p| (p.a, p.b));
    }
    // A player named by surname in a game report: capitalised words no name covers, opening a
    // sentence or a clause, before "ran/threw/rushed/passed for" + a number ("Dunsby ran for 2
    // touchdowns").
    {
        let covered: HashSet<usize> = pieces.iter().flat_map(|p| p.a..p.b).collect();
        let number = |w: &str| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                )
        };
        let mut more = Vec::new();
        for i in 0..n {
            if !doc.w[i].cap || doc.w[i].allcaps || covered.contains(&i) {
                continue;
            }
            let opens = i == 0 || !same_sent(i - 1, i) || {
                let g = text[doc.w[i - 1].b1..doc.w[i].b0].trim();
                matches!(g, "." | "," | ";" | ":") || matches!(lower(i - 1), "and" | "while")
            };
            if !opens {
                continue;
            }
            let mut k = i + 1;
            while k < n && k < i + 3 && doc.w[k].cap && doc.joinable(k - 1) && !covered.contains(&k)
            {
                k += 1;
            }
            if k + 2 >= n
                || !same_sent(i, k + 2)
                || !matches!(
                    lower(k),
                    "ran" | "threw" | "rushed" | "passed" | "runs" | "throws" | "rushes" | "passes"
                )
                || lower(k + 1) != "for"
                || !number(lower(k + 2))
                || (i..k).any(|x| {
                    lexicon::is_calendar_word(lower(x))
                        || lexicon::is_function_word(lower(x))
                        || (doc.w[x].initial && lexicon::is_dictionary_word(lower(x)))
                })
            {
                continue;
            }
            more.push(new_piece(i, k, Some(EntityType::PERSON), true));
        }
        pieces.append(&mut more);
        pieces.sort_by_key(|p| (p.a, p.b));
    }
    // Places standing for teams.
    let mut team = vec![false; pieces.len()];
    for i in 0..pieces.len() {
        let p = &pieces[i];
        if p.kind != Some(EntityType::GPE) || dateline_words.contains(&p.a) {
            continue;
        }
        let (a, b) = (p.a, p.b);
        let next = same_sent(b - 1, b).then(|| lower(b));
        let next2 = same_sent(b - 1, b + 1).then(|| lower(b + 1));
        let prev = (a > 0 && same_sent(a - 1, a)).then(|| lower(a - 1));
        let prev2 = (a > 1 && same_sent(a - 2, a)).then(|| lower(a - 2));
        let poss = doc.w[b - 1].poss;
        let subj = !poss
            && (next.is_some_and(|w| TEAM_SUBJ_VERBS.contains(&w))
                || (next == Some("d") && text[doc.w[b].b1..].starts_with(". "))
                || (matches!(next, Some("takes" | "took" | "take")) && next2 == Some("on"))
                || (matches!(next, Some("lost" | "loses" | "fell" | "falls"))
                    && next2 == Some("to"))
                || (matches!(next, Some("drew" | "draws" | "tied" | "ties"))
                    && next2 == Some("with"))
                || (matches!(next, Some("improved" | "improves" | "fell" | "dropped"))
                    && next2 == Some("to")
                    && score_after(b + 2))
                || score_after(b));
        // ("against" and "champion" only in a text with three sports words or more.)
        let obj = prev.is_some_and(|w| {
            TEAM_OBJ_PREV.contains(&w)
                && (n_sports >= 3 || !matches!(w, "against" | "champion" | "champions"))
        }) || (n_sports >= 3
            && matches!(
                prev,
                Some("lead" | "lift" | "led" | "lifted" | "carry" | "carried")
            )
            && matches!(prev2, Some("to" | "helped" | "help" | "helping")))
            || (prev == Some("d") && text[doc.w[a - 1].b1..doc.w[a].b0] == *". ")
            || (prev == Some("on") && matches!(prev2, Some("takes" | "took" | "take" | "taking")))
            || (matches!(prev, Some("over" | "at" | "to" | "for"))
                && prev2.is_some_and(|w| {
                    matches!(
                        w,
                        "win"
                            | "victory"
                            | "wins"
                            | "victories"
                            | "loss"
                            | "losses"
                            | "lost"
                            | "upset"
                    )
                }))
            || (prev == Some("the")
                && prev2.is_some_and(|w| TEAM_OBJ_PREV.contains(&w))
                && doc.w[a].text.ends_with('s'));
        let poss_team = poss
            && (next.is_some_and(|w| TEAM_POSS_NOUNS.contains(&w))
                || pieces
                    .get(i + 1)
                    .is_some_and(|q| q.a == b && q.kind == Some(EntityType::PERSON)));
        let role = !poss
            && (next.is_some_and(|w| TEAM_ROLE_AFTER.contains(&w))
                || (next.is_some_and(|w| SPORTS_MORE.contains(&w))
                    && next2.is_some_and(|w| {
                        matches!(w, "player" | "players" | "star" | "coach" | "team" | "fans")
                    })));
        team[i] = subj || obj || poss_team || role;
    }
    let competition = competition_text(doc);
    if competition {
        competition_teams(doc, pieces, &mut team, &dateline_words);
    }
    // Other mentions of a team's name follow (not after "in": "played in Oakdale"); in a text
    // about a competition, so do the places listed with a team ("Ardenia, Belmark and Corvia").
    for _ in 0..3 {
        let before = team.iter().filter(|t| **t).count();
        let names: HashSet<String> = pieces
            .iter()
            .zip(&team)
            .filter(|(_, t)| **t)
            .map(|(p, _)| {
                doc.w[p.a..p.b]
                    .iter()
                    .map(|w| w.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        for (i, p) in pieces.iter().enumerate() {
            if team[i] || p.kind != Some(EntityType::GPE) || dateline_words.contains(&p.a) {
                continue;
            }
            let key = doc.w[p.a..p.b]
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let prev = (p.a > 0 && same_sent(p.a - 1, p.a)).then(|| lower(p.a - 1));
            if names.contains(&key)
                && !doc.w[p.a].allcaps
                && !matches!(prev, Some("in" | "near" | "from" | "of"))
            {
                team[i] = true;
            }
        }
        if competition {
            for group in place_lists(doc, pieces) {
                if group.iter().any(|&i| team[i])
                    && group
                        .iter()
                        .all(|&i| !dateline_words.contains(&pieces[i].a))
                {
                    for i in group {
                        team[i] = true;
                    }
                }
            }
        }
        if team.iter().filter(|t| **t).count() == before {
            break;
        }
    }
    for (p, _) in pieces.iter_mut().zip(&team).filter(|(_, t)| **t) {
        p.make_org();
    }
}

/// Words of a competition between teams (lower case): qualifying, draws, groups, fixtures,
/// results.
const COMPETITION_WORDS: &[&str] = &[
    "qualifying",
    "qualified",
    "qualify",
    "qualifier",
    "qualifiers",
    "qualification",
    "group",
    "groups",
    "playoff",
    "playoffs",
    "play-off",
    "play-offs",
    "draw",
    "drew",
    "seeded",
    "seeds",
    "pot",
    "fixture",
    "fixtures",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "quarter-finals",
    "final",
    "finals",
    "tournament",
    "berth",
    "clinched",
    "beat",
    "defeated",
    "victory",
    "scored",
    "goal",
    "goals",
    "match",
    "matches",
    "knockout",
    "standings",
    "eliminated",
    "championship",
    "championships",
    "cup",
    "rout",
    "unbeaten",
    "winless",
    "home",
    "away",
];

/// Verbs after a team as subject in a text about a competition ("Ardenia qualified", "Belmark
/// clinched"), with [`TEAM_SUBJ_VERBS`].
const COMPETITION_SUBJ_VERBS: &[&str] = &[
    "qualified",
    "qualify",
    "qualifies",
    "clinched",
    "clinch",
    "clinches",
    "booked",
    "punched",
    "secured",
    "eliminated",
    "won",
    "wins",
    "drew",
    "scored",
    "conceded",
    "lost",
    "loses",
    "beat",
    "advance",
    "top",
    "topped",
    "finished",
];

/// Nouns of a result before "of/over/against/at/with" and a team ("a heavy thrashing of Belmark",
/// "a goalless draw at Corvia").
const COMPETITION_RESULT_NOUNS: &[&str] = &[
    "rout",
    "thrashing",
    "win",
    "victory",
    "defeat",
    "draw",
    "drawing",
    "drew",
    "draws",
    "loss",
    "beating",
    "game",
    "match",
    "clash",
    "tie",
    "friendly",
    "qualifier",
];

/// A score in the text ("2-0", "3–1"): one or two digits, a hyphen or an en dash, one or two
/// digits, not part of a longer number or date.
fn count_scores(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'-')) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let sep = if text[j..].starts_with('-') {
            1
        } else if text[j..].starts_with('\u{2013}') {
            3
        } else {
            0
        };
        if sep > 0 && j - i <= 2 {
            let k0 = j + sep;
            let mut k = k0;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if k > k0
                && k - k0 <= 2
                && !(k < b.len() && (b[k] == b'-' || b[k].is_ascii_alphabetic()))
            {
                n += 1;
            }
            i = k.max(j + 1);
        } else {
            i = j;
        }
    }
    n
}

/// A text about a competition between teams: two scores or more ("2-0") and four
/// competition words or more (*qualifying, group, playoff, draw, fixtures, tournament …*). Only
/// there do places named as results, listed with teams or as subjects of *qualified/clinched*
/// stand for teams: "the army beat back the attack" or "the ministry qualified its offer" in other
/// news keep their places.
fn competition_text(doc: &Doc) -> bool {
    let words = COMPETITION_WORDS
        .iter()
        .filter(|w| doc.lower_seen.contains(**w))
        .count();
    words >= 4 && count_scores(doc.text) >= 2
}

/// Groups of two places or more listed in one sentence ("Ardenia, Belmark and Corvia",
/// "Ardenia/Belmark", "Ardenia or Belmark"): indices into `pieces`.
fn place_lists(doc: &Doc, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for i in 0..pieces.len() {
        if pieces[i].kind != Some(EntityType::GPE) {
            continue;
        }
        let linked = cur.last().is_some_and(|&j| {
            let (x, y) = (&pieces[j], &pieces[i]);
            x.b <= y.a
                && doc.w[x.b - 1].sent == doc.w[y.a].sent
                && !doc.w[x.b - 1].poss
                && matches!(
                    doc.text[doc.w[x.b - 1].b1..doc.w[y.a].b0].trim_matches([' ', '*', '\u{a0}']),
                    "," | "and" | "or" | "/" | "&" | ", and" | ", or" | "*," | "*/"
                )
        });
        if !linked {
            if cur.len() >= 2 {
                groups.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
        cur.push(i);
    }
    if cur.len() >= 2 {
        groups.push(cur);
    }
    groups
}

/// More cues of places standing for teams, in a text about a competition: the subject of
/// *qualified/clinched/booked …* (also a list of places before the verb: "Ardenia and Belmark
/// both qualified"), after a result noun ("a heavy thrashing of Belmark", "a goalless draw at Corvia"),
/// after a score and "at" ("won 5-3 at Corvia"), a possessive before a score ("Ardenia's 5-2 win"), either
/// side of "v"/"vs." ("Ardenia v Belmark").
fn competition_teams(doc: &Doc, pieces: &[Piece], team: &mut [bool], dateline: &HashSet<usize>) {
    let n = doc.w.len();
    let text = doc.text;
    let same_sent = |x: usize, y: usize| y < n && doc.w[x].sent == doc.w[y].sent;
    let lower = |x: usize| doc.w[x].lower.as_str();
    let subj_verb = |b: usize| {
        let mut k = b;
        while same_sent(b - 1, k)
            && matches!(
                lower(k),
                "all" | "both" | "also" | "each" | "then" | "have" | "has" | "had"
            )
        {
            k += 1;
        }
        same_sent(b - 1, k) && {
            let w = lower(k);
            TEAM_SUBJ_VERBS.contains(&w) || COMPETITION_SUBJ_VERBS.contains(&w)
        }
    };
    for (i, p) in pieces.iter().enumerate() {
        if team[i] || p.kind != Some(EntityType::GPE) || dateline.contains(&p.a) {
            continue;
        }
        let (a, b) = (p.a, p.b);
        let poss = doc.w[b - 1].poss;
        let prev = (a > 0 && same_sent(a - 1, a)).then(|| lower(a - 1));
        let prev2 = (a > 1 && same_sent(a - 2, a)).then(|| lower(a - 2));
        let next = same_sent(b - 1, b).then(|| lower(b));
        let made_it = next == Some("made") && same_sent(b - 1, b + 1) && lower(b + 1) == "it";
        let subj =
            !poss && (subj_verb(b) || made_it || matches!(next, Some("v" | "vs" | "versus")));
        let vs = matches!(prev, Some("v" | "vs" | "versus"));
        let result = matches!(prev, Some("of" | "over" | "against" | "at" | "with" | "to"))
            && prev2.is_some_and(|w| COMPETITION_RESULT_NOUNS.contains(&w));
        let at_score = prev == Some("at")
            && text[..doc.w[a - 1].b0]
                .trim_end_matches([' ', ','])
                .ends_with(|c: char| c.is_ascii_digit());
        let poss_score = poss && {
            let rest = text[doc.w[b - 1].b1..]
                .trim_start_matches(['\'', '\u{2019}'])
                .trim_start_matches('s')
                .trim_start_matches(' ');
            count_scores(&rest[..rest.len().min(6)]) > 0
        };
        if subj || vs || result || at_score || poss_score {
            team[i] = true;
        }
    }
    // A list of places before a subject verb: every place of the list.
    for group in place_lists(doc, pieces) {
        let last = &pieces[*group.last().unwrap_or(&0)];
        if !doc.w[last.b - 1].poss
            && subj_verb(last.b)
            && group.iter().all(|&i| !dateline.contains(&pieces[i].a))
        {
            for i in group {
                team[i] = true;
            }
        }
    }
}

/// The fifty US states (and the federal district), lower case.
const US_STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
];

/// Last words of newspaper and magazine names after a place ("The Millbrook Reporter", "Oakdale
/// Tribune"): the place is part of the paper's name.
const NEWS_HEADS: &[&str] = &[
    "times",
    "post",
    "tribune",
    "herald",
    "gazette",
    "journal",
    "chronicle",
    "reporter",
    "examiner",
    "inquirer",
    "enquirer",
    "courier",
    "observer",
    "dispatch",
    "globe",
    "telegraph",
    "register",
];

/// The residence in a news convention of police and court reports: "Dana Vellmore, 34, of
/// Millbrook, was charged …": one to three capitalised words after a person's age and "of",
/// before a comma, a full stop or a semicolon, are a place (GPE).
fn age_residence(doc: &Doc, pieces: &mut Vec<Piece>) {
    let n = doc.w.len();
    let text = doc.text;
    let mut add = Vec::new();
    for i in 1..n {
        if doc.w[i - 1].lower != "of"
            || !doc.w[i].cap
            || doc.w[i].allcaps
            || doc.w[i - 1].sent != doc.w[i].sent
            || text[doc.w[i - 1].b1..doc.w[i].b0] != *" "
        {
            continue;
        }
        // Before "of": ", 34, " (or "34, ").
        let before = text[..doc.w[i - 1].b0].trim_end_matches(' ');
        let Some(before) = before.strip_suffix(',') else {
            continue;
        };
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&digits) {
            continue;
        }
        let lead = &before[..before.len() - digits];
        if !(lead.ends_with(", ") || lead.ends_with(' ')) {
            continue;
        }
        let mut k = i + 1;
        while k < n && k < i + 3 && doc.w[k].cap && doc.joinable(k - 1) {
            k += 1;
        }
        if !text[doc.w[k - 1].b1..].starts_with([',', '.', ';'])
            || (i..k).any(|x| lexicon::is_calendar_word(&doc.w[x].lower))
        {
            continue;
        }
        add.push(new_piece(i, k, Some(EntityType::GPE), true));
    }
    supersede(pieces, add);
}

/// Adds `add` to `pieces`: the pieces they overlap lose their type (they stay as plain words),
/// and the list stays in text order.
fn supersede(pieces: &mut Vec<Piece>, mut add: Vec<Piece>) {
    if add.is_empty() {
        return;
    }
    for p in &add {
        for q in pieces.iter_mut() {
            if pieces_overlap(p.a, p.b, q.a, q.b) {
                q.kind = None;
            }
        }
    }
    pieces.append(&mut add);
    pieces.sort_by_key(|p| (p.a, p.b));
}

/// Surnames with a capitalised double particle ("Van Der Hoeven", "Von Der Alm"): the particles
/// and the capitalised word after them are one surname (PERSON), with a given name before them
/// when there is one ("Marta Van Der Hoeven"); pieces inside the name go.
fn particle_surnames(doc: &Doc, pieces: &mut Vec<Piece>) {
    let n = doc.w.len();
    let lex = lexicon();
    let given = |w: &str| {
        lex.given.contains_key(w) || lex.census_given.contains(w) || lex.word_given.contains(w)
    };
    let mut add = Vec::new();
    for i in 0..n.saturating_sub(2) {
        if !matches!(
            (doc.w[i].text, doc.w[i + 1].text),
            ("Van", "Der" | "Den") | ("Von", "Der" | "Dem")
        ) || !doc.joinable(i)
            || !doc.joinable(i + 1)
            || !doc.w[i + 2].cap
            || doc.w[i + 2].allcaps
            || lexicon::is_function_word(&doc.w[i + 2].lower)
        {
            continue;
        }
        let mut a = i;
        if i > 0 && doc.joinable(i - 1) && doc.w[i - 1].cap && given(doc.w[i - 1].text) {
            a = i - 1;
        }
        let b = i + 3;
        if pieces
            .iter()
            .any(|q| pieces_overlap(a, b, q.a, q.b) && q.kind == Some(EntityType::GPE))
        {
            continue;
        }
        add.push(new_piece(a, b, Some(EntityType::PERSON), true));
    }
    supersede(pieces, add);
}

/// Offices and airlines named after a place: "the Oakdale State Attorney General" (not before a
/// name: "Oakdale Attorney General Dana Vell" keeps the place and the person) and "Air Ardenia"
/// are organisations (ORG); so is a one-word "place" written in camel case that no gazetteer
/// lists ("SkyHopper"), a brand.
fn offices_and_airlines(doc: &Doc, pieces: &mut [Piece]) {
    let n = doc.w.len();
    let lex = lexicon();
    let mut grow: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.kind != Some(EntityType::GPE) {
            continue;
        }
        let (a, b) = (p.a, p.b);
        if a > 0
            && doc.w[a - 1].text == "Air"
            && doc.w[a - 1].sent == doc.w[a].sent
            && doc.joinable(a - 1)
        {
            grow.push((i, a - 1, b));
            continue;
        }
        let mut k = b;
        if k < n && doc.w[k].text == "State" && doc.joinable(k - 1) {
            k += 1;
        }
        let office = |x: usize| {
            x + 1 < n
                && doc.joinable(x - 1)
                && doc.joinable(x)
                && matches!(
                    (doc.w[x].text, doc.w[x + 1].text),
                    (
                        "Attorney" | "Inspector" | "Auditor" | "Solicitor",
                        "General"
                    )
                )
        };
        if k < n
            && !doc.w[b - 1].poss
            && office(k)
            && (k + 2 >= n
                || doc.w[k + 2].sent != doc.w[k + 1].sent
                || !doc.w[k + 2].cap
                || !doc.joinable(k + 1))
        {
            grow.push((i, a, k + 2));
        }
    }
    // "Oakdale State Nurses Union President …": a place, then capitalised words no piece covers
    // ending in an organisation's head noun, is that organisation.
    let covered: HashSet<usize> = pieces
        .iter()
        .filter(|q| q.kind.is_some())
        .flat_map(|q| q.a..q.b)
        .collect();
    for (i, p) in pieces.iter().enumerate() {
        if p.kind != Some(EntityType::GPE) || doc.w[p.b - 1].poss || grow.iter().any(|g| g.0 == i) {
            continue;
        }
        let mut k = p.b;
        let mut head = None;
        while k < n
            && k < p.b + 5
            && doc.joinable(k - 1)
            && doc.w[k].cap
            && !doc.w[k].allcaps
            && !covered.contains(&k)
        {
            if lexicon::is_org_head(&doc.w[k].lower) {
                head = Some(k);
            }
            k += 1;
        }
        if let Some(h) = head {
            grow.push((i, p.a, h + 1));
        }
    }
    for (i, a, b) in grow {
        for (j, q) in pieces.iter_mut().enumerate() {
            if j != i && pieces_overlap(a, b, q.a, q.b) {
                q.kind = None;
            }
        }
        let p = &mut pieces[i];
        p.a = a;
        p.b = b;
        p.make_org();
    }
    for p in pieces.iter_mut() {
        if p.kind != Some(EntityType::GPE) || p.b != p.a + 1 {
            continue;
        }
        let w = &doc.w[p.a];
        let chars: Vec<char> = w.text.chars().collect();
        let inner = chars
            .iter()
            .enumerate()
            .skip(3)
            .any(|(k, c)| c.is_uppercase() && chars[k - 1].is_lowercase());
        if inner
            && chars[0].is_uppercase()
            && chars.iter().all(|c| c.is_alphabetic())
            && !lex.gaz.contains_key(&w.lower)
        {
            p.kind = Some(EntityType::ORG);
            p.code = None;
            p.name = None;
        }
    }
}

/// Conventions of news text applied to the typed pieces:
/// - a place or person joined by a hyphen to a lower-case word ("Oakdale-based", "Vell-led",
///   "Nobel-winning") is a modifier inside a compound, not a name;
/// - "Jr." / "Sr." after a person's name keeps its full stop;
/// - a party-state tag "(D-Ore.)", "(R-NM)" names the state (GPE), not the party;
/// - an all-caps dateline "MILLBROOK, NORWAY" opening a line names the city as well;
/// - a place before a newspaper's last word ("The Oakdale Reporter") is the paper (ORG), and a
///   place before "Attorney's Office" is that office (ORG).
fn news_conventions(doc: &Doc, pieces: &mut Vec<Piece>) {
    let text = doc.text;
    let n = doc.w.len();
    let lex = lexicon();
    for p in pieces.iter_mut() {
        if !matches!(p.kind, Some(EntityType::GPE | EntityType::PERSON)) {
            continue;
        }
        let last = &doc.w[p.b - 1];
        let mut rest = text[last.b1..].chars();
        if matches!(rest.next(), Some('-' | '\u{2010}' | '\u{2011}'))
            && rest.next().is_some_and(char::is_lowercase)
        {
            p.kind = None;
            continue;
        }
        if p.kind == Some(EntityType::PERSON)
            && p.b > p.a + 1
            && matches!(last.text, "Jr" | "Sr")
            && text[last.b1..].starts_with('.')
        {
            p.dot = true;
        }
    }
    let mut add: Vec<Piece> = Vec::new();
    let given = |w: &str| {
        lex.given.contains_key(w) || lex.census_given.contains(w) || lex.word_given.contains(w)
    };
    let title = |w: &str| {
        is_person_title(w)
            || matches!(
                w,
                "administrator"
                    | "commissioner"
                    | "director"
                    | "chairman"
                    | "chairwoman"
                    | "chair"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "founder"
                    | "cofounder"
                    | "co-founder"
                    | "economist"
                    | "analyst"
                    | "strategist"
            )
    };
    // "Acme Administrator Dana Vell": an organisation's name, a person's title, then a name
    // opening with a given name: the person is the name after the title.
    for q in pieces.iter() {
        if q.kind == Some(EntityType::PERSON) || q.b < q.a + 4 {
            continue;
        }
        for t in q.a + 1..q.b - 2 {
            let rest = q.b - (t + 1);
            if title(&doc.w[t].lower)
                && (2..=3).contains(&rest)
                && given(doc.w[t + 1].text)
                && !doc.w[t + 1..q.b]
                    .iter()
                    .any(|w| w.allcaps || lexicon::is_org_head(&w.lower) || title(&w.lower))
            {
                let mut org = new_piece(q.a, t, Some(EntityType::ORG), q.sure);
                org.code = None;
                add.push(org);
                add.push(new_piece(t + 1, q.b, Some(EntityType::PERSON), true));
                break;
            }
        }
    }
    // "Robert Vellano Jr. … Bob Vellano": a given name before the surname of a named person
    // makes a person.
    let surnames: HashSet<&str> = pieces
        .iter()
        .filter(|p| p.kind == Some(EntityType::PERSON) && p.b > p.a + 1 && p.sure)
        .map(|p| {
            let last = &doc.w[p.b - 1];
            if matches!(last.text, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III") && p.b > p.a + 2 {
                doc.w[p.b - 2].lower.as_str()
            } else {
                last.lower.as_str()
            }
        })
        .collect();
    let mut to_person = Vec::new();
    for (i, q) in pieces.iter().enumerate() {
        if q.b == q.a + 2
            && matches!(q.kind, None | Some(EntityType::ORG))
            && given(doc.w[q.a].text)
            && surnames.contains(doc.w[q.a + 1].lower.as_str())
            && !doc.w[q.a + 1].allcaps
        {
            to_person.push(i);
        }
    }
    for i in to_person {
        let q = &mut pieces[i];
        q.kind = Some(EntityType::PERSON);
        q.code = None;
        q.name = None;
        q.sure = true;
    }
    // Party-state tags.
    for k in 1..n {
        let (party, st) = (&doc.w[k - 1], &doc.w[k]);
        if party.sent != st.sent
            || !matches!(party.text, "D" | "R" | "I")
            || text[party.b1..st.b0] != *"-"
            || !text[..party.b0].ends_with('(')
        {
            continue;
        }
        let dot = !st.text.ends_with('.') && text[st.b1..].starts_with('.');
        let bare = st.lower.trim_end_matches('.');
        let state = STATE_ABBR.contains(&bare)
            || us_state_code(st.text)
            || lex
                .gaz
                .get(&st.lower)
                .is_some_and(|e| e.kind == EntityType::GPE);
        if state && text[st.b1 + usize::from(dot)..].starts_with(')') {
            let mut p = new_piece(k, k + 1, Some(EntityType::GPE), true);
            p.dot = dot;
            add.push(p);
        }
    }
    // "Lakeside, Ariz.", "Paradise Falls, TX", "Hale Springs, Texas": the capitalised words
    // before a comma and a US state (AP abbreviation, postal code or listed state) name a city,
    // whatever the words.
    for k in 1..n {
        let st = &doc.w[k];
        if !st.cap || !same_sent_w(doc, k - 1, k) || doc.gap(k - 1) != ", " {
            continue;
        }
        let dot = !st.text.ends_with('.') && text[st.b1..].starts_with('.');
        let bare = st.lower.trim_end_matches('.');
        let mut m = 0;
        let ap = STATE_ABBR.contains(&bare) && (dot || st.text.ends_with('.'));
        if ap || us_state_code(st.text) {
            m = 1;
        } else {
            for len in [2usize, 1] {
                if k + len > n
                    || !(k..k + len).all(|x| same_sent_w(doc, k, x) && doc.w[x].cap)
                    || (len == 2 && !doc.joinable(k))
                {
                    continue;
                }
                let key = doc.w[k..k + len]
                    .iter()
                    .map(|w| w.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if US_STATES.contains(&key.as_str()) {
                    m = len;
                    break;
                }
            }
        }
        if m == 0 {
            continue;
        }
        let s_end = k + m;
        let dot = ap && dot;
        let e = doc.w[s_end - 1].b1 + usize::from(dot);
        let mut after = text[e..].chars();
        let ok_after = match after.next() {
            None => true,
            Some(',' | '.' | ';' | ')' | ':' | '\n' | '—' | '–') => true,
            Some(' ') => after
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '('),
            _ => false,
        };
        if !ok_after {
            continue;
        }
        let mut i = k - 1;
        while i > 0
            && k - i < 3
            && same_sent_w(doc, i - 1, i)
            && doc.joinable(i - 1)
            && doc.w[i - 1].cap
            && !doc.w[i - 1].allcaps
            && !lexicon::is_function_word(&doc.w[i - 1].lower)
        {
            i -= 1;
        }
        let left = &doc.w[i..k];
        // ("in Lorena, Wash.": a single given name after a preposition of place is the city.)
        let place_prep = k == i + 1
            && i > 0
            && same_sent_w(doc, i - 1, i)
            && matches!(
                doc.w[i - 1].lower.as_str(),
                "in" | "of" | "from" | "near" | "outside"
            );
        let more_before =
            i > 0 && same_sent_w(doc, i - 1, i) && doc.joinable(i - 1) && doc.w[i - 1].cap;
        if more_before
            || left.iter().any(|w| {
                !w.cap
                    || w.allcaps
                    || w.poss
                    || w.date
                    || lexicon::is_function_word(&w.lower)
                    || lexicon::is_calendar_word(&w.lower)
            })
            || (left[0].initial
                && lexicon::is_common_word(&left[0].lower)
                && !lex.gaz.contains_key(&left[0].lower))
            || pieces.iter().any(|p| {
                pieces_overlap(p.a, p.b, i, k)
                    && (p.a < i
                        || p.b > k
                        || (p.kind == Some(EntityType::PERSON) && !place_prep)
                        || (p.kind == Some(EntityType::ORG) && p.sure))
            })
        {
            continue;
        }
        if !pieces
            .iter()
            .any(|p| p.a == i && p.b == k && p.kind == Some(EntityType::GPE))
        {
            add.push(new_piece(i, k, Some(EntityType::GPE), true));
        }
        if !pieces
            .iter()
            .any(|p| p.a == k && p.b == s_end && p.kind == Some(EntityType::GPE) && p.dot == dot)
        {
            let mut p = new_piece(k, s_end, Some(EntityType::GPE), true);
            p.dot = dot;
            add.push(p);
        }
    }
    // All-caps datelines: "MILLBROOK, NORWAY" on a line of its own or before a dash or colon.
    let line_start = |i: usize| {
        let before = text[..doc.w[i].b0].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    };
    for q in pieces.iter() {
        if q.kind != Some(EntityType::GPE) || q.a == 0 || !doc.w[q.a..q.b].iter().all(|w| w.allcaps)
        {
            continue;
        }
        let end = doc.w[q.b - 1].b1 + usize::from(q.dot);
        let after = text[end..].trim_start_matches([' ', '\u{a0}']);
        if !(after.is_empty() || after.starts_with(['\n', '—', '–', '-', '(', ':'])) {
            continue;
        }
        let k = q.a;
        if text[doc.w[k - 1].b1..doc.w[k].b0] != *", " {
            continue;
        }
        let mut i = k - 1;
        while i > 0 && k - i < 3 && doc.w[i - 1].allcaps && doc.joinable(i - 1) && !line_start(i) {
            i -= 1;
        }
        if !line_start(i)
            || !doc.w[i..k].iter().all(|w| w.allcaps && !w.poss)
            || pieces.iter().any(|p| {
                pieces_overlap(p.a, p.b, i, k)
                    && matches!(p.kind, Some(EntityType::GPE | EntityType::PERSON))
            })
        {
            continue;
        }
        add.push(new_piece(i, k, Some(EntityType::GPE), true));
    }
    // "Eastern Oregon", "Central Florida" in a text about sport: a university's team.
    let sport = sports_words(doc) >= 2;
    let compass = |w: &W| {
        matches!(
            w.text,
            "Eastern" | "Western" | "Northern" | "Southern" | "Central"
        )
    };
    let state_at = |a: usize, b: usize| {
        let key = doc.w[a..b]
            .iter()
            .map(|w| w.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        US_STATES.contains(&key.as_str())
    };
    for q in pieces.iter().filter(|_| sport) {
        if q.kind == Some(EntityType::GPE)
            && q.a > 0
            && same_sent_w(doc, q.a - 1, q.a)
            && doc.joinable(q.a - 1)
            && compass(&doc.w[q.a - 1])
            && state_at(q.a, q.b)
        {
            add.push(new_piece(q.a - 1, q.b, Some(EntityType::ORG), true));
        } else if q.kind == Some(EntityType::LOC)
            && q.b > q.a + 1
            && compass(&doc.w[q.a])
            && state_at(q.a + 1, q.b)
        {
            add.push(new_piece(q.a, q.b, Some(EntityType::ORG), true));
        }
    }
    // Newspapers and attorneys' offices named after a place.
    for q in pieces.iter() {
        if q.kind != Some(EntityType::GPE) || q.b >= n || !same_sent_w(doc, q.b - 1, q.b) {
            continue;
        }
        let next = &doc.w[q.b];
        if next.cap
            && !next.allcaps
            && doc.joinable(q.b - 1)
            && NEWS_HEADS.contains(&next.lower.as_str())
        {
            let the = q.a > 0
                && doc.w[q.a - 1].text == "The"
                && same_sent_w(doc, q.a - 1, q.a)
                && doc.joinable(q.a - 1);
            add.push(new_piece(
                q.a - usize::from(the),
                q.b + 1,
                Some(EntityType::ORG),
                true,
            ));
        } else if next.text == "Attorney"
            && next.poss
            && q.b + 1 < n
            && same_sent_w(doc, q.b, q.b + 1)
            && doc.w[q.b + 1].text == "Office"
        {
            add.push(new_piece(q.a, q.b + 2, Some(EntityType::ORG), true));
        }
    }
    if add.is_empty() {
        return;
    }
    pieces.retain(|q| !add.iter().any(|p| pieces_overlap(q.a, q.b, p.a, p.b)));
    pieces.append(&mut add);
    pieces.sort_by_key(|p| (p.a, p.b));
}

fn same_sent_w(doc: &Doc, x: usize, y: usize) -> bool {
    x < doc.w.len() && y < doc.w.len() && doc.w[x].sent == doc.w[y].sent
}

fn pieces_overlap(a0: usize, b0: usize, a1: usize, b1: usize) -> bool {
    a0 < b1 && a1 < b0
}

/// Is `left` + hyphen + the word starting `rest` a pair of listed places ("US-China",
/// "Cairo-Amman")? Both parts capitalised, both in the gazetteer as GPE or LOC.
fn hyphen_places(left: &str, rest: &str) -> bool {
    let right_len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
        .map_or(rest.len(), |(j, _)| j);
    let right = rest[..right_len].trim_end_matches('.');
    let place = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && lexicon().gaz.get(&norm(w)).is_some_and(|e| {
                matches!(e.kind, EntityType::GPE | EntityType::LOC)
                    && !acronym_case_clash(&e.name, &[w])
            })
    };
    !left.contains('-') && place(left) && place(right)
}

/// Splits a sentence (bytes `s0..s1` of `text`) into words.
fn split_words<'t>(text: &'t str, s0: usize, s1: usize, sent: usize, out: &mut Vec<W<'t>>) {
    let b = text.as_bytes();
    let mut i = s0;
    let mut initial = true;
    while i < s1 {
        let Some(c) = text[i..s1].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            if matches!(c, '“' | '"' | ':' | '—' | '–' | '(' | '‘') {
                initial = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut poss = false;
        while i < s1 {
            let Some(d) = text[i..s1].chars().next() else {
                break;
            };
            if d.is_alphanumeric() {
                i += d.len_utf8();
                continue;
            }
            let next = text[i + d.len_utf8()..s1].chars().next();
            let after = next.map(|n| text[i + d.len_utf8() + n.len_utf8()..s1].chars().next());
            match d {
                '’' | '\'' => {
                    if matches!(next, Some('s') | Some('S'))
                        && !after.flatten().is_some_and(|a| a.is_alphanumeric())
                    {
                        poss = true;
                        break;
                    }
                    if next.is_some_and(|n| n.is_alphabetic()) {
                        i += d.len_utf8();
                        continue;
                    }
                    break;
                }
                '-' | '.' | '&' | '\u{2010}' | '\u{2011}' => {
                    // A capitalised word before a hyphen and a lower-case word ("New York-style",
                    // "Owner-chef", "Polish-based"): the name ends at the hyphen. Short suffixes
                    // stay ("Zhang-ke").
                    if d != '.'
                        && d != '&'
                        && text[start..].starts_with(|c: char| c.is_uppercase())
                        // "Co-founder", "Ex-president": a prefix, not a name.
                        && !matches!(
                            text[start..i].to_lowercase().as_str(),
                            "co" | "ex" | "pre" | "non" | "anti" | "pro" | "re" | "mid" | "semi"
                                | "multi" | "self" | "vice" | "post" | "sub"
                        )
                        && next.is_some_and(|n| n.is_lowercase())
                        && {
                            // (A three-letter part that is no English word is a syllable of a
                            // name: "Chan Siu-kei", "Lee Kwok-wah".)
                            let suffix: String = text[i + d.len_utf8()..s1]
                                .chars()
                                .take_while(|c| c.is_alphabetic())
                                .collect();
                            let n = suffix.chars().count();
                            n >= 4
                                || (n == 3
                                    && (lexicon::is_common_word(&suffix)
                                        || matches!(
                                            suffix.as_str(),
                                            "led" | "era" | "run" | "old" | "ish" | "fed" | "far"
                                        )))
                        }
                    {
                        break;
                    }
                    // A party-state tag "(D-Ore.)", "(R-NM)": the party letter is a word of its
                    // own, so that the state can be a place.
                    if d == '-'
                        && i - start == 1
                        && matches!(&text[start..i], "D" | "R" | "I")
                        && text[..start].ends_with('(')
                        && next.is_some_and(|n| n.is_uppercase())
                    {
                        break;
                    }
                    // "US-China talks", "the Cairo-Amman road": two listed places joined by a
                    // hyphen are two places.
                    if d != '.'
                        && d != '&'
                        && hyphen_places(&text[start..i], &text[i + d.len_utf8()..s1])
                    {
                        break;
                    }
                    // Internal hyphen ("Al-Qaeda"), dotted abbreviation ("U.S."), "AT&T".
                    if next.is_some_and(|n| n.is_alphanumeric())
                        && (d != '.' || next.is_some_and(|n| n.is_uppercase() && i - start <= 4))
                    {
                        i += d.len_utf8();
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        // "U.S." keeps its final full stop.
        let w = &text[start..i];
        let mut end = i;
        if w.contains('.') && b.get(i) == Some(&b'.') {
            end = i + 1;
        }
        let w = &text[start..end];
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        let allcaps = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(|c| c.is_lowercase());
        out.push(W {
            sent,
            b0: start,
            b1: end,
            text: w,
            lower: norm(w),
            cap,
            allcaps,
            initial,
            poss,
            in_quote: false,
            date: false,
            upos: None,
        });
        initial = false;
        i = end;
        if poss {
            i += text[i..].chars().next().map(char::len_utf8).unwrap_or(1) + 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pieces: typed name spans before coreference

#[derive(Debug, Clone)]
struct Piece {
    /// Word indices (document-wide) a..b.
    a: usize,
    b: usize,
    kind: Option<EntityType>,
    code: Option<String>,
    name: Option<String>,
    media: bool,
    titles: Vec<String>,
    gender: char,
    /// Known from a list or a strong cue (not a guess).
    sure: bool,
    /// The span takes the full stop after its last word ("Calif." in a dateline).
    dot: bool,
}

fn role_of(w: &str) -> Option<&'static lexicon::Role> {
    lexicon()
        .roles
        .get(w)
        .or_else(|| lexicon().roles.get(singular(w).as_ref()))
}

/// Heads of definite descriptions that name an institution but are no entity of their own ("the
/// government", "the Chilean administration"): actors for coreference and speakers, never names.
fn description_head(w: &str) -> Option<&'static lexicon::Role> {
    static GOV: lexicon::Role = lexicon::Role {
        kind: RoleKind::Org,
        sector: Some("GOV"),
    };
    matches!(w, "government" | "administration").then_some(&GOV)
}

/// A bare sector code ("GOV"): a role that no country places yet.
fn is_sector_code(c: &str) -> bool {
    parley_actors::SECTORS.contains(&c)
}

/// A code that places its actor in a country (not an international body, not a bare sector).
fn country_code(c: &str) -> bool {
    parley_actors::code_country(c).is_some_and(|x| !matches!(x, "IGO" | "NGO" | "IMG"))
}

/// The words a definite description may repeat of its antecedent's head ("the spokeswoman" for
/// "a ministry spokesperson"): the head itself, or the members of its class.
fn same_head(a: &str, b: &str) -> bool {
    const CLASSES: &[&[&str]] = &[
        &["adviser", "advisor"],
        &["spokesman", "spokeswoman", "spokesperson"],
        &["government", "administration"],
    ];
    a == b || CLASSES.iter().any(|c| c.contains(&a) && c.contains(&b))
}

fn is_person_title(w: &str) -> bool {
    matches!(role_of(w), Some(r) if r.kind == RoleKind::Person)
        && !matches!(w, "source" | "sources" | "friend" | "player")
}

/// A word that marks a product or a brand rather than a person's name: it holds a digit ("Px7",
/// "G502") or a capital after a lower-case letter ("AirPods", "LinkedIn") other than a surname
/// prefix before a non-word ("McDonald", "MacArthur", "DeSantis", "O'Brien").
fn product_word(w: &str) -> bool {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let cs: Vec<char> = w.chars().collect();
    for i in 1..cs.len() {
        if cs[i].is_uppercase() && cs[i - 1].is_lowercase() {
            let prefix: String = cs[..i].iter().collect();
            let rest: String = cs[i..].iter().collect::<String>().to_lowercase();
            let surname_prefix = matches!(
                prefix.as_str(),
                "Mc" | "Mac"
                    | "De"
                    | "Di"
                    | "Da"
                    | "Du"
                    | "Le"
                    | "La"
                    | "Van"
                    | "Von"
                    | "Fitz"
                    | "Del"
            );
            // ("Mc" before any word is a surname: "McBride", "McFarm".)
            let mc = prefix == "Mc" && rest.chars().count() >= 2;
            if !mc && !(surname_prefix && !lexicon::is_common_word(&rest)) {
                return true;
            }
        }
    }
    false
}

/// A hyphenated word made only of common words or single letters ("Dress-Up", "Rent-A-Car",
/// "Server-Side"): not part of a person's name.
fn hyphen_common(lower: &str) -> bool {
    lower.contains('-')
        && lower.split('-').all(|p| {
            p.chars().count() <= 2 || lexicon::is_dictionary_word(p) || lexicon::is_function_word(p)
        })
        && lower.split('-').any(lexicon::is_dictionary_word)
}

/// Endings common in place names ("Lanesborough", "Constantinople", "Kazakhstan"), for unknown
/// single names after "in".
fn toponym_suffix(lower: &str) -> bool {
    [
        "ia", "land", "stan", "burg", "burgh", "berg", "ville", "ton", "polis", "grad", "ford",
        "mouth", "ham", "shire", "abad", "pur", "ople", "dorf", "heim", "cester", "chester",
        "field", "bury", "borough", "haven", "nagar", "sk", "ovo", "port",
    ]
    .iter()
    .any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
}

/// First words of names of restaurants, hotels and venues in French, Spanish or Italian ("Le …",
/// "Casa …", "Chez …"): such a name is no person.
fn venue_word(lower: &str) -> bool {
    matches!(
        lower,
        "le" | "la"
            | "les"
            | "el"
            | "los"
            | "las"
            | "il"
            | "chez"
            | "casa"
            | "maison"
            | "chateau"
            | "château"
            | "villa"
            | "café"
            | "cafe"
            | "bar"
            | "trattoria"
            | "osteria"
            | "taverna"
            | "bistro"
            | "brasserie"
            | "hotel"
            | "hacienda"
            | "alta"
            | "alto"
    )
}

/// A US state's postal code ("NJ", "TX"); codes that are also degrees, titles or words ("MD",
/// "MS", "MA", "PA", "OK", "HI", "ME") are left out.
fn us_state_code(w: &str) -> bool {
    matches!(
        w,
        "AL" | "AK"
            | "AZ"
            | "AR"
            | "CA"
            | "CO"
            | "CT"
            | "DE"
            | "FL"
            | "GA"
            | "ID"
            | "IL"
            | "IN"
            | "IA"
            | "KS"
            | "KY"
            | "LA"
            | "MI"
            | "MN"
            | "MO"
            | "MT"
            | "NE"
            | "NV"
            | "NH"
            | "NJ"
            | "NM"
            | "NY"
            | "NC"
            | "ND"
            | "OH"
            | "OR"
            | "RI"
            | "SC"
            | "SD"
            | "TN"
            | "TX"
            | "UT"
            | "VT"
            | "VA"
            | "WA"
            | "WV"
            | "WI"
            | "WY"
    )
}

/// A US state's postal code that is rarely anything else ("NY", "TX"), a place on its own ("in
/// NY", "NY lawmakers").
fn plain_state_code(w: &str) -> bool {
    matches!(
        w,
        "NY" | "NJ"
            | "TX"
            | "NC"
            | "ND"
            | "NH"
            | "NM"
            | "NV"
            | "AZ"
            | "FL"
            | "KY"
            | "TN"
            | "WA"
            | "WV"
            | "WI"
            | "MN"
            | "VT"
            | "RI"
    )
}

/// Word `i` is a common English word that the text also writes in lower case and no frequent
/// surname: after a given name it names a business or a product ("Austin Lumber").
fn business_word(doc: &Doc, i: usize) -> bool {
    let w = &doc.w[i];
    !w.allcaps
        && lexicon::is_common_word(&w.lower)
        && doc.lower_seen.contains(&w.lower)
        && !lexicon().surnames.contains(w.text)
}

/// Word `k` follows a capitalised "The" or a model number ("The Hannah Lane Test", "Orbix 7Z Mark
/// III"): a given name there starts a title or a product name.
fn title_or_model_before(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.w[k - 1].sent == doc.w[k].sent && doc.joinable(k - 1) && {
        let p = doc.w[k - 1].text;
        p == "The"
            || (p.chars().any(|c| c.is_ascii_digit())
                && p.chars().any(char::is_alphabetic)
                && !p.contains('-'))
    }
}

/// A plural common noun that is no frequent surname ("Panthers", "Appliances").
fn plural_noun(w: &W) -> bool {
    w.lower.ends_with('s')
        && !w.lower.ends_with("ss")
        && !w.allcaps
        && lexicon::is_dictionary_word(&w.lower)
        && lexicon::is_dictionary_word(&w.lower[..w.lower.len() - 1])
        && !lexicon().surnames.contains(w.text)
}

/// The text after word `i` (to the end of the article).
fn text_after<'t>(doc: &Doc<'t>, i: usize) -> &'t str {
    &doc.text[doc.w[i].b1..]
}

/// A contraction ("I'm", "Let's", "We've"): never a name.
fn contraction(lower: &str) -> bool {
    ["'m", "'ve", "'ll", "'re", "'d", "n't"]
        .iter()
        .any(|s| lower.ends_with(s))
        || lower == "let's"
}

fn speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "explained"
            | "argued"
            | "noted"
            | "asked"
            | "tweeted"
            | "stated"
            | "claimed"
            | "insisted"
            | "warned"
            | "announced"
            | "replied"
            | "responded"
            | "continued"
            | "recalled"
            | "testified"
            | "acknowledged"
            | "admitted"
            | "declared"
            | "confirmed"
            | "countered"
            | "suggested"
            | "urged"
            | "who"
            | "has"
            | "had"
            | "was"
            | "is"
    )
}

struct Doc<'t> {
    text: &'t str,
    w: Vec<W<'t>>,
    /// Word index range per sentence.
    sent_w: Vec<(usize, usize)>,
    title_case: Vec<bool>,
    lower_seen: HashSet<String>,
    cap_mid_seen: HashSet<String>,
}

impl<'t> Doc<'t> {
    fn gap(&self, i: usize) -> &'t str {
        // Text between word i and word i+1 of the same sentence.
        match (self.w.get(i), self.w.get(i + 1)) {
            (Some(a), Some(b)) if a.sent == b.sent => &self.text[a.b1..b.b0],
            _ => "\n",
        }
    }
    fn joinable(&self, i: usize) -> bool {
        // Can word i and word i+1 belong to one name?
        let g = self.gap(i);
        if self.w[i].poss {
            return false;
        }
        if g.chars().all(|c| c == ' ' || c == '\u{a0}') && !g.is_empty() {
            return true;
        }
        // "Mr. Lane", "George W. Bush", "St. Louis" (also with a no-break space: "Gov.\u{a0}Lane").
        if g == ". " || g == ".\u{a0}" {
            let l = &self.w[i].lower;
            return l.chars().count() == 1
                || matches!(
                    l.as_str(),
                    "mr" | "mrs"
                        | "ms"
                        | "dr"
                        | "st"
                        | "gen"
                        | "sen"
                        | "rep"
                        | "gov"
                        | "col"
                        | "lt"
                        | "sgt"
                        | "prof"
                        | "rev"
                        | "mt"
                        | "ft"
                        | "jr"
                        | "sr"
                        | "adm"
                        | "capt"
                        | "cmdr"
                        | "maj"
                        | "pres"
                );
        }
        false
    }
    fn name_like(&self, i: usize) -> bool {
        let w = &self.w[i];
        w.cap
            && !w.date
            && !contraction(&w.lower)
            && !(w.initial && lexicon::is_function_word(&w.lower))
            && !lexicon::is_calendar_word(&w.lower)
    }
}

/// An acronym entry ("UN", "WHO", "U.S.") matched by a word that is not written in capitals
/// ("Un" in "Kim Jong Un", "who"): the key is case-folded, the acronym is not.
fn acronym_case_clash(name: &str, surface: &[&str]) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .collect::<Vec<char>>()
    };
    let n = letters(name);
    let acronym = !name.contains(' ') && n.len() >= 2 && n.iter().all(|c| c.is_uppercase());
    acronym && surface.len() == 1 && letters(surface[0]).iter().any(|c| c.is_lowercase())
}

/// Longest gazetteer or dictionary match at word `k` (not beyond `b`).
fn longest_known(
    doc: &Doc,
    k: usize,
    b: usize,
    dict: &ActorDict,
    date: Option<Date>,
) -> Option<(usize, Piece)> {
    let lex = lexicon();
    let maxn = lex.max_words.max(6).min(b - k);
    if maxn == 0 {
        return None;
    }
    // Most words start no listed name: answer without building keys.
    if !lex.starts.contains(&doc.w[k].lower) && dict.longest_match(&[doc.w[k].text], date).is_none()
    {
        let first = norm(doc.w[k].text);
        if !lex.starts.contains(&first) {
            // The dictionary may still know a longer phrase starting here.
            let words: Vec<&str> = doc.w[k..k + maxn].iter().map(|w| w.text).collect();
            dict.longest_match(&words, date)?;
        }
    }
    let mut key = String::new();
    let mut best: Option<(usize, Piece)> = None;
    let words: Vec<&str> = doc.w[k..k + maxn].iter().map(|w| w.text).collect();
    for n in 1..=maxn {
        if n > 1 {
            key.push(' ');
        }
        key.push_str(&doc.w[k + n - 1].lower);
        if n > 1 && !doc.joinable(k + n - 2) {
            break;
        }
        if let Some(e) = lex
            .gaz
            .get(&key)
            .filter(|e| !acronym_case_clash(&e.name, &words[..n]))
        {
            best = Some((
                n,
                Piece {
                    a: k,
                    b: k + n,
                    kind: Some(e.kind),
                    code: e.code.clone(),
                    name: Some(e.name.clone()),
                    media: e.media,
                    titles: Vec::new(),
                    gender: '-',
                    sure: true,
                    dot: false,
                },
            ));
        }
    }
    if let Some((n, m)) = dict.longest_match(&words, date) {
        if best.as_ref().is_none_or(|(bn, _)| n >= *bn) && m.kind != ActorKind::Role {
            let gaz_kind = best
                .as_ref()
                .filter(|(bn, _)| *bn == n)
                .and_then(|(_, p)| p.kind);
            let kind = match m.kind {
                _ if gaz_kind.is_some() => gaz_kind.unwrap_or(EntityType::ORG),
                ActorKind::Person => EntityType::PERSON,
                ActorKind::Nationality => EntityType::NORP,
                ActorKind::Country => EntityType::ORG,
                ActorKind::Media | ActorKind::Organization => EntityType::ORG,
                ActorKind::Role => EntityType::ORG,
            };
            best = Some((
                n,
                Piece {
                    a: k,
                    b: k + n,
                    kind: Some(kind),
                    code: Some(m.code.clone()),
                    name: {
                        // A media group's name for one of its outlets: keep the outlet's own.
                        let surface = words[..n].join(" ");
                        let share = norm(&m.name)
                            .split(' ')
                            .any(|w| norm(&surface).split(' ').any(|v| v == w));
                        (m.kind != ActorKind::Media || share).then(|| m.name.clone())
                    },
                    media: m.kind == ActorKind::Media,
                    titles: Vec::new(),
                    gender: '-',
                    sure: true,
                    dot: false,
                },
            ));
        }
    }
    best
}

impl Piece {
    /// Retypes the piece as a sure organisation (a team, a club, an office), dropping the
    /// dictionary code and name its place reading had.
    fn make_org(&mut self) {
        self.kind = Some(EntityType::ORG);
        self.code = None;
        self.name = None;
        self.sure = true;
    }
}

fn new_piece(a: usize, b: usize, kind: Option<EntityType>, sure: bool) -> Piece {
    Piece {
        a,
        b,
        kind,
        code: None,
        name: None,
        media: false,
        titles: Vec::new(),
        gender: '-',
        sure,
        dot: false,
    }
}

/// Cuts the run of capitalised words a..b into typed pieces.
fn segment(
    doc: &Doc,
    a: usize,
    b: usize,
    role_before: Option<(&str, RoleKind)>,
    dict: &ActorDict,
    date: Option<Date>,
    out: &mut Vec<Piece>,
) {
    let lex = lexicon();
    let tc = doc.title_case[doc.w[a].sent];
    let mut k = a;
    let mut titles: Vec<String> = Vec::new();
    let mut first_piece = true;
    while k < b {
        let w = &doc.w[k];
        // "The Hill", "The Hague": names listed with their article.
        if w.lower == "the" && k + 1 < b {
            if let Some((n, mut p)) = longest_known(doc, k, b, dict, date).filter(|(n, _)| *n >= 2)
            {
                p.a = k + 1;
                out.push(p);
                k += n;
                first_piece = false;
                continue;
            }
        }
        // A given name that is also a word ("Will", "Rose", "Grant") before a surname that is no
        // word, when the two speak or carry a role: "Will Tapper said …", "Will Tapper, chief
        // executive of …".
        if k + 2 == b
            && first_piece
            && lex.word_given.contains(w.text)
            && !doc.w[k + 1].allcaps
            && !lexicon::is_dictionary_word(&doc.w[k + 1].lower)
            && longest_known(doc, k + 1, b, dict, date).is_none()
            && longest_known(doc, k, b, dict, date).is_none()
            && doc.w.get(b).is_some_and(|n| {
                n.sent == w.sent
                    && ((speech_verb(&n.lower)
                        && !matches!(n.lower.as_str(), "has" | "had" | "was" | "is"))
                        || (doc.gap(b - 1).trim() == ","
                            && (role_of(&n.lower).is_some() || n.lower == "who")))
            })
        {
            out.push(new_piece(k, b, Some(EntityType::PERSON), true));
            return;
        }
        // Function words and calendar words never start a piece ("US", "WHO" are names).
        // ("US troops …" at a sentence start: an all-caps word listed as an acronym is the name.)
        let listed_acronym = w.allcaps
            && lex.gaz.get(&w.lower).is_some_and(|e| {
                e.name.chars().any(char::is_alphabetic)
                    && e.name
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            });
        if lexicon::is_function_word(&w.lower)
            && !(w.allcaps && !w.initial)
            && !listed_acronym
            && (w.initial || k == a || w.lower == "the")
        {
            k += 1;
            continue;
        }
        if lexicon::is_calendar_word(&w.lower)
            || contraction(&w.lower)
            || matches!(w.lower.as_str(), "of" | "de" | "and" | "the" | "for")
        {
            k += 1;
            continue;
        }
        // A sentence-initial common word before a name ("Visiting Japan …").
        if w.initial
            && k + 1 < b
            && !lex.given.contains_key(w.text)
            && !(lex.word_given.contains(w.text) && lex.surnames.contains(doc.w[k + 1].text))
            && longest_known(doc, k, k + 1, dict, date).is_none()
            // (Not the first word of a listed name: "New Oakham: …", "NEW OAKHAM (AP) —".)
            && longest_known(doc, k, b, dict, date).is_none_or(|(n, _)| n < 2)
            && w.upos != Some(Upos::PROPN)
            && (doc.lower_seen.contains(&w.lower)
                || w.lower.ends_with("ing")
                || w.lower.ends_with("ly")
                || w.upos.is_some_and(|u| u != Upos::NOUN && u != Upos::X))
        {
            k += 1;
            continue;
        }
        // Sentence-initial common words ("Nuclear talks …", "Officials said …").
        if w.initial && k + 1 == b {
            let known =
                longest_known(doc, k, b, dict, date).is_some() || lex.given.contains_key(w.text);
            let tagged_propn = w.upos == Some(Upos::PROPN);
            let tagged_other = w.upos.is_some() && !tagged_propn;
            // A transcript's speaker label ("LANEWORTH: …") is kept for the label rule.
            let label = w.allcaps && doc.gap(k).starts_with(':');
            // (A word that the text also capitalises mid-sentence and no dictionary word, such
            // as a surname, stays whatever the tagger says: "Vell himself mentions …".)
            let mid_name = doc.cap_mid_seen.contains(&w.lower)
                && !lexicon::is_dictionary_word(&w.lower)
                && !w.allcaps;
            if !known
                && !label
                && ((tagged_other && !mid_name)
                    || (!tagged_propn && !doc.cap_mid_seen.contains(&w.lower)))
            {
                k += 1;
                continue;
            }
        }
        // "NY Governor Lane": a state's code before a title.
        if plain_state_code(w.text) && !tc && k + 1 < b && is_person_title(&doc.w[k + 1].lower) {
            out.push(new_piece(k, k + 1, Some(EntityType::GPE), true));
            k += 1;
            first_piece = false;
            continue;
        }
        // After an organisation noun ("drugmakers Eli Lilly and …"): an organisation.
        if first_piece
            && matches!(role_before, Some((_, RoleKind::Org | RoleKind::Media)))
            && longest_known(doc, k, b, dict, date).is_none()
        {
            let mut p = new_piece(k, b, Some(EntityType::ORG), true);
            p.media = matches!(role_before, Some((_, RoleKind::Media)));
            out.push(p);
            return;
        }
        // A given name followed by more capitalised words: a person, whatever the words (but
        // "Ann Arbor", "Carson City": a listed name starting with a given name is that name).
        let listed_here = || {
            longest_known(doc, k, b, dict, date)
                .is_some_and(|(n, p)| n >= 2 && p.kind != Some(EntityType::PERSON))
        };
        if let Some(&g) = lex
            .given
            .get(w.text)
            .filter(|_| !listed_here() && !venue_word(&w.lower))
        {
            let mut j = k + 1;
            // Given name + two more words ("Paul Carter Robinson"); a fourth only after an
            // initial or a particle ("George W. Bush Jr", "Maria de la Cruz").
            let short = |w: &W| w.text.ends_with('.') || w.text.chars().count() == 1;
            // In a headline-case line a third word must look like a surname, not a dictionary
            // word ("Hannah Lane Solved a …").
            let particles = doc.w[k + 1..(k + 4).min(b)]
                .iter()
                .filter(|w| !w.cap)
                .count();
            let cap = if doc.w[k + 1..(k + 3).min(b)].iter().any(short) {
                k + 4
            } else {
                k + 3
            } + particles;
            while j < b
                && j < cap
                && !lexicon::is_org_head(&doc.w[j].lower)
                && !lexicon::is_event_head(&doc.w[j].lower)
                && !lexicon::is_facility_head(&doc.w[j].lower)
                && !lexicon::is_loc_head(&doc.w[j].lower)
                && !(doc.w[j].allcaps && !short(&doc.w[j]))
                && !(tc
                    && j >= k + 2
                    && lexicon::is_dictionary_word(&doc.w[j].lower)
                    && !short(&doc.w[j - 1]))
                && doc.w[j].lower != "of"
                && !lexicon::is_function_word(&doc.w[j].lower)
            {
                if longest_known(doc, j, b, dict, date).is_some_and(|(n, p)| {
                    n >= 2 || !matches!(p.kind, Some(EntityType::GPE | EntityType::PERSON))
                }) {
                    break;
                }
                j += 1;
            }
            // More capitalised words after the name make a longer name only when an organisation,
            // event, facility or location word follows ("… Foundation", "… Airport"); otherwise
            // the person ends ("Hannah Lane Solved a …" in a headline, "– Jeff Lane Weekly Editor").
            // (Only up to "of": "Dana K. Lane of Lane University" is a person.)
            let tail_end = (j..b).find(|&x| doc.w[x].lower == "of").unwrap_or(b);
            let org_tail = j < b
                && (j..tail_end).any(|x| {
                    lexicon::is_org_head(&doc.w[x].lower)
                        || lexicon::is_event_head(&doc.w[x].lower)
                        || lexicon::is_facility_head(&doc.w[x].lower)
                        || lexicon::is_loc_head(&doc.w[x].lower)
                });
            // Product names: "Jabra Elite 8", "Galaxy Buds2 Pro".
            let product = doc.w[k + 1..j]
                .iter()
                .any(|w| product_word(w.text) || hyphen_common(&w.lower))
                || lexicon::is_product_suffix(&doc.w[j - 1].lower);
            // "The Hannah Lane Test", "Orbix 7Z Mark III": a given name after "the" or after a
            // model number starts a title or a product, not a person.
            let the_before = title_or_model_before(doc, k);
            // "Austin Lumber", "Dana Tax" in a text that writes "lumber", "tax": a business
            // or product named with a given name (census surnames such as "Price" excepted).
            let business = j == k + 2 && business_word(doc, k + 1)
                // "Carolina Panthers": a team or a firm named by a plural noun (census surnames
                // such as "Banks", "Woods" excepted).
                || (j > k + 1 && plural_noun(&doc.w[j - 1]));
            // (Not when the text speaks of a person: "said Dana Pickles", "Dana Pickles said",
            // "Dana Pickles, a trade economist".)
            let said = |x: usize| {
                matches!(
                    doc.w[x].lower.as_str(),
                    "said" | "says" | "told" | "added" | "adds"
                )
            };
            let person_cue = (k > 0 && same_sent_w(doc, k - 1, k) && said(k - 1))
                || (j == b && j < doc.w.len() && same_sent_w(doc, j - 1, j) && said(j))
                || (j == b
                    && doc.gap(j - 1).trim() == ","
                    && j + 1 < doc.w.len()
                    && matches!(doc.w[j].lower.as_str(), "a" | "an" | "the")
                    && (j + 1..(j + 4).min(doc.w.len()))
                        .take_while(|&x| same_sent_w(doc, j, x))
                        .any(|x| is_person_title(&doc.w[x].lower)));
            let business = business && !person_cue;
            if j > k + 1 && !org_tail && !product && (the_before || business) {
                k = j;
                first_piece = false;
                continue;
            }
            if j > k + 1 && !org_tail && !product {
                let mut p = new_piece(k, j, Some(EntityType::PERSON), true);
                p.gender = g;
                p.titles = std::mem::take(&mut titles);
                if first_piece {
                    if let Some((r, RoleKind::Person)) = role_before {
                        p.titles.push(r.to_string());
                    }
                }
                out.push(p);
                k = j;
                first_piece = false;
                continue;
            }
        }
        // Whole-run organisation patterns: "University of Chicago", "Ford Motor Company".
        // Also "Ohio Department of Revenue", "Dana Hill School of Law": an organisation
        // head followed by "of" inside the run. In a headline-case line only after a listed place
        // ("Chicago Lane School of Business" in a table), not after a verb of the headline.
        let head_of_inside = k + 2 < b
            && !is_person_title(&w.lower)
            && (k + 1..b - 1)
                .any(|m| lexicon::is_org_head(&doc.w[m].lower) && doc.w[m + 1].lower == "of");
        let place_first = || {
            longest_known(doc, k, b, dict, date)
                .is_some_and(|(n, p)| p.kind == Some(EntityType::GPE) && k + n < b)
        };
        if k + 1 < b
            && (lexicon::is_org_head(&doc.w[b - 1].lower)
                || (lexicon::is_org_head(&w.lower) && doc.w[k + 1].lower == "of")
                || head_of_inside)
            && (!tc || (head_of_inside && place_first()))
        {
            let known = longest_known(doc, k, b, dict, date);
            if known.as_ref().is_none_or(|(n, _)| k + n < b) {
                let mut p = new_piece(k, b, Some(EntityType::ORG), true);
                p.media = lexicon::is_media_head(&doc.w[b - 1].lower);
                out.push(p);
                return;
            }
        }
        let known = longest_known(doc, k, b, dict, date)
            .filter(|(n, p)| {
                // "Paris Baguette", "Texas Legislature": a place followed only by unknown capitalised
                // words starts a longer name.
                // (Not before acronyms: "U.S. EV market", "UK GDP figures".)
                let rest_unknown = k + n < b
                    && !(k + n..b).all(|j| doc.w[j].allcaps && doc.w[j].text.chars().count() <= 4)
                    && (k + n..b).all(|j| {
                        longest_known(doc, j, b, dict, date).is_none()
                            && !is_person_title(&doc.w[j].lower)
                            && doc.w[j].cap
                            && !lexicon::is_calendar_word(&doc.w[j].lower)
                    });
                // ("Peru's ambassador to Chile Rosa Quispe", "the envoy to France Dana
                // Lane": after a role noun and "to", a place followed by a two- or three-word
                // name is the place and a person; so is a place before a given name and a
                // surname, "Germany Dana Lane".)
                let rest = b - (k + n);
                let person_after = p.kind == Some(EntityType::GPE)
                    && (2..=3).contains(&rest)
                    && !tc
                    && ((k == a
                        && a >= 2
                        && doc.w[a - 1].lower == "to"
                        && doc.w[a - 2].sent == doc.w[a].sent
                        && role_of(&doc.w[a - 2].lower)
                            .is_some_and(|r| r.kind == RoleKind::Person))
                        || (lex.given.contains_key(doc.w[k + n].text)
                            && !lexicon::is_dictionary_word(&doc.w[b - 1].lower)));
                !(matches!(p.kind, Some(EntityType::GPE | EntityType::ORG)) && rest_unknown)
                    || person_after
            })
            .filter(|(n, p)| {
                // A one-word person entry followed by more unknown capitalised words is another
                // person sharing the name ("Kim" in "Kim Yo Sun").
                !(*n == 1
                    && p.kind == Some(EntityType::PERSON)
                    && k + 1 < b
                    && longest_known(doc, k + 1, b, dict, date).is_none()
                    && doc.w[k + 1].cap)
            });
        if let Some((n, mut p)) = known {
            // A place name inside a person's name ("Michael Jordan") is handled above; here a
            // person title before it makes no sense, so drop collected titles.
            if p.kind == Some(EntityType::PERSON) {
                p.titles = std::mem::take(&mut titles);
                // "President Lane" from the dictionary: the title is not part of the name.
                // Nor are the words of a longer role before a listed person's name ("Secretary
                // of State Dana Lane", "German Chancellor Dana Lane"): they are not words of the
                // name the dictionary gives.
                let name_words: Vec<String> = p
                    .name
                    .as_deref()
                    .map(|n| norm(n).split(' ').map(str::to_string).collect())
                    .unwrap_or_default();
                while p.a + 1 < p.b
                    && (is_person_title(&doc.w[p.a].lower)
                        || (!name_words.is_empty()
                            && !name_words.contains(&norm(doc.w[p.a].text))
                            && (lexicon::is_dictionary_word(&doc.w[p.a].lower)
                                || lexicon().gaz.contains_key(&doc.w[p.a].lower)
                                || matches!(doc.w[p.a].lower.as_str(), "of" | "for" | "the"))
                            && (p.a + 1..p.b).any(|x| name_words.contains(&norm(doc.w[x].text)))))
                {
                    p.titles.push(doc.w[p.a].lower.clone());
                    p.a += 1;
                }
            }
            titles.clear();
            // A broadcaster's channel number belongs to its name ("ABC 7").
            let mut n = n;
            if p.media
                && k + n < b
                && doc.w[k + n].text.len() <= 2
                && doc.w[k + n].text.bytes().all(|c| c.is_ascii_digit())
            {
                n += 1;
                p.b += 1;
            }
            out.push(p);
            k += n;
            first_piece = false;
            continue;
        }
        // "Maple Dr. Suite 20", "Elm St.": after a capitalised word, "Dr."/"St." abbreviate a
        // street, not a title.
        if matches!(w.lower.as_str(), "dr" | "st")
            && k > a
            && doc.w[k - 1].cap
            && doc.joinable(k - 1)
            && !is_person_title(&doc.w[k - 1].lower)
            && doc.gap(k).starts_with('.')
        {
            titles.clear();
            k += 1;
            continue;
        }
        // "Gen Z", "Gen Zers": a generation, not the military title (which takes a full stop).
        if w.lower == "gen" && !doc.gap(k).starts_with('.') {
            k += 1;
            continue;
        }
        // A title ending the run names no one ("Meta's Chief AI Scientist, …").
        if is_person_title(&w.lower) && k + 1 == b && !titles.is_empty() {
            k += 1;
            continue;
        }
        if is_person_title(&w.lower) && k + 1 < b {
            titles.push(w.lower.clone());
            k += 1;
            if k + 1 < b && matches!(doc.w[k].lower.as_str(), "of" | "for") {
                k += 2;
                if k < b && doc.w[k - 1].lower == "the" {
                    k += 1;
                }
                // "Chair of Lean Startup Co.": the organisation after the title.
                if k < b
                    && lexicon::is_org_head(&doc.w[b - 1].lower)
                    && longest_known(doc, k, b, dict, date).is_none_or(|(n, _)| k + n < b)
                {
                    out.push(new_piece(k, b, Some(EntityType::ORG), true));
                    return;
                }
                // The rest of the title's field ("Professor of Biomedical Informatics", "Mother
                // of Zero Waste"): dictionary words up to a given name or a listed name.
                while k < b
                    && lexicon::is_dictionary_word(&doc.w[k].lower)
                    && !lex.given.contains_key(doc.w[k].text)
                    && longest_known(doc, k, b, dict, date).is_none()
                {
                    k += 1;
                }
                // "Justice for Victims of Trafficking Act": a field that goes on past a
                // function word is a name of its own, not the title of a person.
                if k < b && lexicon::is_function_word(&doc.w[k].lower) {
                    titles.clear();
                }
            }
            continue;
        }
        // An unknown piece: up to the next known name or title.
        let mut j = k + 1;
        while j < b {
            let wj = &doc.w[j];
            if lexicon::is_calendar_word(&wj.lower)
                || is_person_title(&wj.lower)
                || wj.lower == "of"
            {
                break;
            }
            // "Runner-in-Chief Jeff Lane", "LinkedIn Jeff Lane": a given name and a surname after
            // common, hyphenated or product words start a person.
            if lex.given.contains_key(wj.text)
                && j + 1 < b
                && doc.w[j + 1].cap
                && !doc.w[j + 1].allcaps
                && !(j + 1..b).any(|x| {
                    lexicon::is_org_head(&doc.w[x].lower)
                        || lexicon::is_facility_head(&doc.w[x].lower)
                        || lexicon::is_loc_head(&doc.w[x].lower)
                        || lexicon::is_event_head(&doc.w[x].lower)
                })
                && doc.w[k..j].iter().all(|w| {
                    (hyphen_common(&w.lower) || product_word(w.text))
                        && !lex.given.contains_key(w.text)
                })
            {
                break;
            }
            if let Some((kn, kp)) = longest_known(doc, j, b, dict, date) {
                // Keep surnames that happen to be places inside a person's name; but a place after
                // common words is the place ("Downtown Phoenix", "Greater Houston").
                let rest_unknown = j + kn < b
                    && (j + kn..b).all(|x| longest_known(doc, x, b, dict, date).is_none());
                let common_before = doc.w[k..j].iter().any(|w| {
                    lexicon::is_dictionary_word(&w.lower) && !lex.given.contains_key(w.text)
                });
                if kp.kind != Some(EntityType::GPE) || (j + 1 < b && !rest_unknown) || common_before
                {
                    break;
                }
            }
            j += 1;
        }
        let first = &doc.w[k];
        let last = &doc.w[j - 1];
        let mut p = new_piece(k, j, None, false);
        let starts_with_org = lexicon()
            .gaz
            .get(&first.lower)
            .is_some_and(|e| e.kind == EntityType::ORG);
        // Words before a title inside the run belong to the title ("Sub-Assistant Agriculture Officer").
        if j < b && is_person_title(&doc.w[j].lower) && !lex.given.contains_key(first.text) {
            k = j;
            continue;
        }
        let media_word = doc.w[k..j].iter().any(|w| lexicon::is_media_head(&w.lower));
        if (lexicon::is_org_head(&last.lower)
            || starts_with_org
            || lexicon::is_org_head(&first.lower) && media_word)
            && j > k + 1
        {
            p.kind = Some(EntityType::ORG);
            p.sure = true;
            p.media = media_word;
        } else if lexicon::is_loc_head(&last.lower) && j > k + 1
            || lexicon::is_loc_head(&first.lower) && j > k + 1
            || lexicon::is_facility_head(&last.lower) && j > k + 1
        {
            p.kind = Some(EntityType::LOC);
            p.sure = true;
        } else if lexicon::is_gpe_head(&last.lower)
            && j > k + 1
            && doc.w[k..j - 1].iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "school"
                        | "schools"
                        | "water"
                        | "police"
                        | "fire"
                        | "transit"
                        | "utility"
                        | "sanitation"
                        | "hospital"
                        | "irrigation"
                        | "library"
                )
            })
        {
            // "Lanesville School District", "Harbor Water District": an organisation.
            p.kind = Some(EntityType::ORG);
            p.sure = true;
        } else if lexicon::is_gpe_head(&last.lower) && j > k + 1
            || doc.w.get(j).is_some_and(|w| {
                w.sent == first.sent
                    && !w.cap
                    && doc.joinable(j - 1)
                    && matches!(
                        w.lower.as_str(),
                        "village"
                            | "town"
                            | "city"
                            | "district"
                            | "county"
                            | "province"
                            | "state"
                            | "municipality"
                            | "area"
                            | "region"
                            | "governorate"
                            | "neighborhood"
                            | "neighbourhood"
                            | "suburb"
                    )
            })
        {
            p.kind = Some(EntityType::GPE);
            p.sure = true;
        } else if !titles.is_empty()
            && !(j == k + 1
                && lexicon::is_common_word(&first.lower)
                && (doc.lower_seen.contains(&first.lower)
                    // "Expert Take" alone on its line; "Mother Nature".
                    || (k == a + 1 && b == j && doc.w[a].initial && j == doc.sent_w[first.sent].1)
                    // A headline's verb after a role noun ("Lawmakers Rip …", "Doctor Says"),
                    // but not a surname ("President Bush").
                    || (tc && !lex.surnames.contains(first.text))
                    || titles.iter().any(|t| {
                        matches!(
                            t.as_str(),
                            "mother" | "father" | "brother" | "sister" | "miss"
                        )
                    })))
        {
            // (Not "Expert Take", "Task Manager Software": a title before a common word that the
            // text also writes in lower case.)
            p.kind = Some(EntityType::PERSON);
            p.sure = true;
            p.titles = std::mem::take(&mut titles);
            if p.titles
                .iter()
                .any(|t| matches!(t.as_str(), "mrs" | "ms" | "miss" | "queen" | "princess"))
            {
                p.gender = 'f';
            } else if p
                .titles
                .iter()
                .any(|t| matches!(t.as_str(), "mr" | "king" | "prince" | "sir"))
            {
                p.gender = 'm';
            }
        } else if first_piece && role_before.is_some() {
            let (r, rk) = role_before.unwrap_or(("", RoleKind::Person));
            match rk {
                RoleKind::Person => {
                    p.kind = Some(EntityType::PERSON);
                    p.titles.push(r.to_string());
                }
                RoleKind::Media => {
                    p.kind = Some(EntityType::ORG);
                    p.media = true;
                }
                RoleKind::Org => p.kind = Some(EntityType::ORG),
            }
            p.sure = true;
        } else if j == k + 1
            && us_state_code(first.text)
            && (k > 0
                && doc.w[k - 1].sent == first.sent
                && doc.w[k - 1].cap
                && doc.gap(k - 1) == ", "
                || (k == a && b == a + 1 && plain_state_code(first.text) && !tc))
        {
            // "Clifton, NJ": a state's postal code after a place name and a comma.
            p.kind = Some(EntityType::GPE);
            p.sure = true;
        } else if first.allcaps
            && j == k + 1
            && first.text.chars().count() <= 6
            && !tc
            && !COMMON_CAPS.contains(&first.lower.as_str())
        {
            p.kind = Some(EntityType::ORG);
            p.sure = true;
        } else if let Some(&g) = lex.given.get(first.text).filter(|_| {
            // A census-only given name alone ("Kia", "Stanford") is no cue; nor a name before a
            // number ("Lane 2000" is an index, "Claude 3" a model).
            !(j == k + 1 && lex.census_given.contains(first.text))
                && !(j == k + 2 && business_word(doc, k + 1))
                && !title_or_model_before(doc, k)
                && !{
                    let mut cs = text_after(doc, j - 1).chars();
                    cs.next() == Some(' ') && cs.next().is_some_and(|c| c.is_ascii_digit())
                }
            // "Johnny's Seeds", "Murray's Bakery": a business named for someone.
                && !(j == k + 1
                && first.poss
                && doc
                    .w
                    .get(k + 1)
                    .is_some_and(|x| x.sent == first.sent && x.cap))
                && !lexicon::is_event_head(&last.lower)
                && !doc.w[k..j]
                    .iter()
                    .any(|w| product_word(w.text) || hyphen_common(&w.lower))
                && !(j > k + 1 && lexicon::is_product_suffix(&last.lower))
        }) {
            p.kind = Some(EntityType::PERSON);
            p.gender = g;
            p.sure = j > k + 1;
        }
        // In a headline-case line only sure pieces count; untyped ones are kept for the list and
        // apposition cues (checked later) and dropped otherwise.
        if !(tc && !p.sure) || p.kind.is_none() {
            out.push(p);
        }
        titles.clear();
        k = j;
        first_piece = false;
    }
}

/// Capitalised words and acronyms that are not names.
const COMMON_CAPS: &[&str] = &[
    "ai",
    "suv",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "gdp",
    "tv",
    "pc",
    "dna",
    "faq",
    "pdf",
    "url",
    "usb",
    "gps",
    "led",
    "atm",
    "ipo",
    "etf",
    "it",
    "hr",
    "pr",
    "ok",
    "am",
    "pm",
    "ev",
    "evs",
    "covid",
    "hiv",
    "aids",
    "nft",
    "api",
    "saas",
    "diy",
    "vip",
    "rsvp",
    "asap",
    "mba",
    "phd",
    "ma",
    "ba",
    "bs",
    "ms",
    "id",
    "ui",
    "ux",
    "seo",
    "roi",
    "kpi",
    "b2b",
    "b2c",
    "usd",
    "eur",
    "gbp",
    "est",
    "pst",
    "utc",
    "gmt",
    "unidentified",
    "person",
    "group",
    "host",
    "byline",
    "announcer",
    "crosstalk",
    "soundbite",
    "laughter",
    "applause",
    "note",
    "update",
    "editor",
    "photo",
    "video",
    "advertisement",
    "sponsored",
    "subscribe",
    "menu",
    "home",
    "search",
    "share",
    "email",
    "print",
    "comments",
];

// ---------------------------------------------------------------------------------------------
// Entities and coreference

#[derive(Debug, Clone)]
struct Ent {
    kind: EntityType,
    name: String,
    code: Option<String>,
    words: Vec<String>,
    gender: char,
    titles: Vec<String>,
    count: usize,
    last: usize,
    /// Index of its representative Entity record.
    record: usize,
    media: bool,
}

fn kinds_compatible(a: EntityType, b: EntityType) -> bool {
    a == b
        || matches!(
            (a, b),
            (EntityType::GPE, EntityType::ORG) | (EntityType::ORG, EntityType::GPE)
        )
}

/// The sentences whose dependency parse [`recognize`] reads, given what it found without one:
/// those where "they" follows a reporting verb ("officials said they …" binds it to the
/// verb's subject), where "them", "him" or "her" has a mention before it in its sentence (an
/// object pronoun is not its own clause's subject), and those where a nationality modifies a
/// word (one describing a thing, "a Ghanaian truce offer", is no antecedent). Elsewhere the
/// stage gives the same mentions with or without the parse: a caller that parses only some
/// sentences and then calls `recognize` again gets the mentions of a fully parsed text when
/// every sentence marked here is parsed.
pub fn parse_sensitive(analysis: &Analysis, sentences: &[Sentence]) -> Vec<bool> {
    let mut out = vec![false; sentences.len()];
    for (k, m) in analysis.mentions.iter().enumerate() {
        let Some(s) = sentences.get(m.sentence) else {
            continue;
        };
        let sensitive = match m.kind {
            MentionKind::Pronoun => {
                let l = m.text.to_lowercase();
                match l.rsplit(' ').next() {
                    Some("they") => s
                        .tokens
                        .iter()
                        .any(|t| REPORTING.contains(&t.lemma.to_lowercase().as_str())),
                    // (mentions are in text order: the one before is in this sentence or
                    // none is)
                    Some("them" | "him" | "her") => {
                        k > 0 && analysis.mentions[k - 1].sentence == m.sentence
                    }
                    _ => false,
                }
            }
            _ => {
                m.etype == Some(EntityType::NORP)
                    && s.tokens
                        .iter()
                        .find(|t| t.start >= m.span.end)
                        .is_some_and(|t| {
                            !matches!(t.upos, Upos::PUNCT | Upos::ADP | Upos::VERB | Upos::AUX)
                        })
            }
        };
        if sensitive {
            out[m.sentence] = true;
        }
    }
    out
}

/// Finds entities and mentions in the article's sentences.
pub fn recognize(
    text: &str,
    sentences: &[Sentence],
    dict: &ActorDict,
    date: Option<Date>,
) -> Analysis {
    let idx = CharIndex::new(text);
    let qs = marks::quote_spans(text);
    let lex = lexicon();
    // A real tagger tags something other than NOUN/PUNCT/X.
    let tagged = sentences
        .iter()
        .flat_map(|s| s.tokens.iter())
        .take(400)
        .any(|t| matches!(t.upos, Upos::VERB | Upos::DET | Upos::ADP | Upos::PROPN));

    // Dates first: their words are never names.
    let mut dates: Vec<(usize, usize, usize, String)> = Vec::new(); // (sentence, byte start, byte end, value)
    for (si, s) in sentences.iter().enumerate() {
        let s0 = idx.byte_of_char(s.start);
        let s1 = idx.byte_of_char(s.end).max(s0);
        // Without an article date, relative expressions still are no names: find them against a
        // stand-in date, but report only those that carry their own year.
        let probe = date.or(Date::new(2000, 1, 1));
        for t in parley_time::find(probe, &text[s0..s1]) {
            let own_year = date.is_some()
                || parley_time::find(None, &text[s0 + t.start..s0 + t.end])
                    .iter()
                    .any(|x| x.start == 0);
            dates.push((
                si,
                s0 + t.start,
                s0 + t.end,
                if own_year { t.value } else { String::new() },
            ));
        }
    }
    // Words.
    let mut words: Vec<W> = Vec::new();
    let mut sent_w = Vec::with_capacity(sentences.len());
    let mut title_case = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        let s0 = idx.byte_of_char(s.start);
        let s1 = idx.byte_of_char(s.end).max(s0);
        let first = words.len();
        split_words(text, s0, s1, si, &mut words);
        let ws = &mut words[first..];
        let dk = dates.partition_point(|d| d.0 < si);
        // the first token ending after the word: words come in text order, so a cursor that
        // only moves forward finds what a binary search over the tokens would
        let (mut k, mut last_c0) = (0, 0);
        for w in ws.iter_mut() {
            w.in_quote = marks::inside(&qs, w.b0);
            w.date = dates[dk..]
                .iter()
                .take_while(|d| d.0 == si)
                .any(|d| d.1 <= w.b0 && w.b0 < d.2);
            if tagged && w.cap {
                let c0 = idx.char_of_byte(w.b0);
                if c0 < last_c0 {
                    k = s.tokens.partition_point(|t| t.end <= c0);
                } else {
                    while s.tokens.get(k).is_some_and(|t| t.end <= c0) {
                        k += 1;
                    }
                }
                last_c0 = c0;
                w.upos = s.tokens.get(k).map(|t| t.upos);
            }
        }
        let long: Vec<&W> = ws
            .iter()
            .filter(|w| w.text.chars().count() > 3 || w.cap)
            .collect();
        let caps = long.iter().filter(|w| w.cap).count();
        // A list of names ("Hannah Lane, Dara Vell, Jo Kim") is no headline: two commas or more.
        let commas = ws
            .windows(2)
            .filter(|p| text[p[0].b1..p[1].b0].contains(','))
            .count();
        title_case.push(long.len() >= 4 && caps * 10 >= long.len() * 8 && commas < 2);
        sent_w.push((first, words.len()));
    }
    let mut lower_seen = HashSet::default();
    let mut cap_mid_seen = HashSet::default();
    for w in &words {
        // (looked up first: most words repeat, and a clone is only needed for a new one)
        if w.cap && !w.initial && !title_case[w.sent] {
            if !cap_mid_seen.contains(&w.lower) {
                cap_mid_seen.insert(w.lower.clone());
            }
        } else if !w.cap && !lower_seen.contains(&w.lower) {
            lower_seen.insert(w.lower.clone());
        }
    }
    let doc = Doc {
        text,
        w: words,
        sent_w,
        title_case,
        lower_seen,
        cap_mid_seen,
    };

    // Runs of capitalised words → pieces.
    let mut pieces: Vec<Piece> = Vec::new();
    for &(s0, s1) in &doc.sent_w {
        let mut i = s0;
        while i < s1 {
            if !doc.name_like(i) && !(doc.w[i].cap && doc.w[i].initial) {
                i += 1;
                continue;
            }
            // "DL Sam Okafor 41 70%": a short all-caps code (a position, a grade, a unit)
            // before a given-name person in a table row is no part of the name.
            if doc.w[i].allcaps
                && (2..=3).contains(&doc.w[i].text.chars().count())
                && doc.w[i].text.chars().all(|c| c.is_ascii_uppercase())
                && i + 2 < s1
                && doc.joinable(i)
                && doc.joinable(i + 1)
                && !doc.w[i + 1].allcaps
                && (lex.given.contains_key(doc.w[i + 1].text)
                    || lex.word_given.contains(doc.w[i + 1].text)
                    // (or a table row: code, two names, a number)
                    || (i + 3 < s1
                        && doc.joinable(i + 2)
                        && doc.w[i + 3].text.bytes().all(|c| c.is_ascii_digit())))
                && doc.w[i + 2].cap
                && !doc.w[i + 2].allcaps
                && !lex.gaz.contains_key(&doc.w[i].lower)
                && dict.longest_match(&[doc.w[i].text], date).is_none()
            {
                // The row's name is two capitalised words before a number: a person whatever the
                // words ("LB Ray Dillon 38 52%").
                let row_name = i + 3 < s1
                    && doc.joinable(i + 2)
                    && doc.w[i + 3].text.bytes().all(|c| c.is_ascii_digit())
                    && !lexicon::is_dictionary_word(&doc.w[i + 2].lower)
                    && longest_known(&doc, i + 1, i + 3, dict, date).is_none_or(|(n, _)| n < 2);
                if row_name {
                    pieces.push(new_piece(i + 1, i + 3, Some(EntityType::PERSON), true));
                    i += 3;
                } else {
                    i += 1;
                }
                continue;
            }
            let a = i;
            let mut b = i + 1;
            while b < s1 {
                // "… arrived in the U.S. Inspired by …": an abbreviation's full stop that ends a
                // sentence the splitter missed; a capitalised -ed/-ing form starts the next one.
                if doc.w[b - 1].text.ends_with('.')
                    && doc.w[b - 1].text.chars().count() > 2
                    && (doc.w[b].lower.ends_with("ed") || doc.w[b].lower.ends_with("ing"))
                    && lexicon::is_common_word(&doc.w[b].lower)
                {
                    break;
                }
                if doc.joinable(b - 1)
                    && doc.w[b].cap
                    && !doc.w[b].date
                    && !lexicon::is_calendar_word(&doc.w[b].lower)
                {
                    b += 1;
                } else if doc.joinable(b - 1)
                    && doc.w[b - 1].allcaps
                    && doc.w[b].text.len() <= 2
                    && doc.w[b].text.bytes().all(|c| c.is_ascii_digit())
                {
                    b += 1;
                } else if b + 1 < s1
                    && doc.w[b].lower == "and"
                    && doc.w[b + 1].cap
                    && lexicon()
                        .gaz
                        .contains_key(&norm(&text[doc.w[a].b0..doc.w[b + 1].b1]))
                {
                    // "Bosnia and Herzegovina": a listed name with "and" in it.
                    b += 2;
                } else if b + 2 < s1
                    && matches!(
                        (doc.w[b].lower.as_str(), doc.w[b + 1].lower.as_str()),
                        ("de", "la" | "las" | "los" | "le")
                            | ("van", "der" | "den" | "de")
                            | ("von", "der" | "dem")
                            | ("da", "la")
                    )
                    && !doc.w[b].cap
                    && doc.joinable(b - 1)
                    && doc.joinable(b)
                    && doc.joinable(b + 1)
                    && doc.w[b + 2].cap
                {
                    // "Maria de la Cruz", "Rafael van der Vaart".
                    b += 3;
                } else if b + 1 < s1
                    && matches!(
                        doc.w[b].lower.as_str(),
                        "of" | "de"
                            | "da"
                            | "del"
                            | "van"
                            | "von"
                            | "bin"
                            | "al"
                            | "la"
                            | "le"
                            | "du"
                            | "der"
                            | "for"
                    )
                    && !doc.w[b].cap
                    && doc.joinable(b - 1)
                    && doc.joinable(b)
                    && doc.w[b + 1].cap
                {
                    b += 2;
                } else {
                    break;
                }
            }
            // Trailing connector words never end a name.
            let role_before = if a > s0 && !doc.w[a - 1].cap && doc.joinable(a - 1) {
                let l = &doc.w[a - 1].lower;
                role_of(l).map(|r| (l.as_str(), r.kind))
            } else if a > s0
                && !doc.w[a - 1].cap
                && doc.gap(a - 1).trim() == ","
                && doc.w[a - 1].lower.ends_with('s')
            {
                // "drugmakers, Eli Lilly and …"
                let l = &doc.w[a - 1].lower;
                role_of(l)
                    .filter(|r| r.kind != RoleKind::Person)
                    .map(|r| (l.as_str(), r.kind))
            } else {
                None
            };
            segment(&doc, a, b, role_before, dict, date, &mut pieces);
            i = b;
        }
    }

    sports_clubs(&doc, &mut pieces);

    // Person words known so far (for unknown pieces and surnames).
    let mut person_words: HashSet<String> = HashSet::default();
    for p in &pieces {
        if p.kind == Some(EntityType::PERSON) && p.b > p.a + 1 {
            for w in &doc.w[p.a..p.b] {
                person_words.insert(w.lower.clone());
            }
        }
    }
    let sure_surnames: HashSet<String> = pieces
        .iter()
        .filter(|p| p.kind == Some(EntityType::PERSON) && p.sure && p.b > p.a + 1)
        .map(|p| doc.w[p.b - 1].lower.clone())
        .collect();
    let mut org_words: HashSet<String> = HashSet::default();
    let mut conj_kind: HashMap<usize, EntityType> = HashMap::default();
    for w in pieces.windows(2) {
        let (x, y) = (&w[0], &w[1]);
        if x.sure
            && y.kind.is_none()
            && y.a == x.b + 1
            && doc.w[x.b].sent == doc.w[y.a].sent
            && matches!(doc.w[x.b].lower.as_str(), "and" | "or")
        {
            if let Some(k) = x
                .kind
                .filter(|k| matches!(k, EntityType::ORG | EntityType::GPE))
            {
                conj_kind.insert(y.a, k);
            }
        }
    }
    // A name in a list with a named person ("By: Hannah Lane, Dara Vell, Jo Kim"; "Lane and
    // Dara Vell"): the untyped neighbours of a multi-word person in a comma/"and" list.
    let mut list_person: HashSet<usize> = HashSet::default();
    {
        let listed = |x: &Piece, y: &Piece| {
            doc.w[x.a].sent == doc.w[y.a].sent && x.b <= y.a && {
                let between = text[doc.w[x.b - 1].b1..doc.w[y.a].b0].trim();
                matches!(between, "," | "and" | ", and" | "&" | "or" | ";")
            }
        };
        let person = |x: &Piece| x.kind == Some(EntityType::PERSON) && x.b > x.a + 1 && x.sure;
        for i in 0..pieces.len() {
            if pieces[i].kind.is_some() {
                continue;
            }
            let before = i > 0 && person(&pieces[i - 1]) && listed(&pieces[i - 1], &pieces[i]);
            let after = i + 1 < pieces.len()
                && person(&pieces[i + 1])
                && listed(&pieces[i], &pieces[i + 1]);
            let a = pieces[i].a;
            let place_prep = a > 0
                && doc.w[a - 1].sent == doc.w[a].sent
                && matches!(
                    doc.w[a - 1].lower.as_str(),
                    "in" | "from" | "at" | "near" | "to" | "into"
                );
            if (before || after) && !place_prep {
                list_person.insert(a);
            }
        }
    }
    // Single names made people by a strong cue ("Vell himself"), for their other mentions.
    let mut cued: HashSet<String> = HashSet::default();
    for pass in 0..2 {
        if pass == 1 {
            // A guessed person (no given name, no title) named in full three times or more, and
            // more often than by any single word of the name, is a brand, a company or a title
            // ("Ars Lumen … Ars Lumen … Ars Lumen"): people are called by their surname after the
            // first mention.
            let mut full: HashMap<Vec<&str>, usize> = HashMap::default();
            let mut single: HashMap<&str, usize> = HashMap::default();
            for p in &pieces {
                let ws: Vec<&str> = doc.w[p.a..p.b].iter().map(|w| w.lower.as_str()).collect();
                if p.b == p.a + 1 {
                    *single.entry(ws[0]).or_default() += 1;
                } else if p.kind == Some(EntityType::PERSON) && !p.sure {
                    *full.entry(ws).or_default() += 1;
                }
            }
            for p in pieces.iter_mut() {
                if p.kind == Some(EntityType::PERSON) && !p.sure && p.b > p.a + 1 {
                    let ws: Vec<&str> = doc.w[p.a..p.b].iter().map(|w| w.lower.as_str()).collect();
                    let alone = ws
                        .iter()
                        .map(|w| single.get(w).copied().unwrap_or(0))
                        .max()
                        .unwrap_or(0);
                    if full.get(&ws).is_some_and(|&c| c >= 3 && c > alone) {
                        p.kind = Some(EntityType::ORG);
                    }
                }
            }
            for p in &pieces {
                if p.kind == Some(EntityType::ORG) && p.b > p.a + 1 {
                    for w in &doc.w[p.a..p.b] {
                        if !lexicon::is_org_head(&w.lower) && !lexicon().gaz.contains_key(&w.lower)
                        {
                            org_words.insert(w.lower.clone());
                        }
                    }
                }
            }
            for p in &pieces {
                if p.kind == Some(EntityType::PERSON) && p.b > p.a + 1 {
                    for w in &doc.w[p.a..p.b] {
                        person_words.insert(w.lower.clone());
                    }
                }
            }
        }
        for p in pieces.iter_mut() {
            if p.kind.is_some() || (pass == 0) != (p.b - p.a >= 2) {
                continue;
            }
            let n = p.b - p.a;
            let ws = &doc.w[p.a..p.b];
            let after = doc.w.get(p.b).filter(|w| w.sent == ws[0].sent);
            let after_speech = after.is_some_and(|w| speech_verb(&w.lower))
                || doc.gap(p.b - 1).starts_with(", who");
            // "… is", "… has": weak cues (companies and products have and are things too).
            let weak_cue =
                after.is_some_and(|w| matches!(w.lower.as_str(), "has" | "had" | "was" | "is"));
            // Products and brands ("AirPods Pro", "Px7 S2e", "Rent-A-Car"), a pronoun inside
            // ("How Fast Can I Get"): never a person.
            // A model number after the name ("Lumina Vell 8") too.
            let number_after = {
                let mut cs = text[ws[n - 1].b1..].chars();
                cs.next() == Some(' ') && cs.next().is_some_and(|c| c.is_ascii_digit())
            };
            let productish = ws
                .iter()
                .any(|w| product_word(w.text) || hyphen_common(&w.lower) || w.text == "I")
                || (n >= 2 && lexicon::is_product_suffix(&ws[n - 1].lower))
                || (n >= 2 && number_after);
            // Some word a common English word: a title or a company ("Noble Desktop", "Stitch
            // Fix"), unless the cue is strong.
            // Every word of 3+ letters a dictionary word ("Raspberry Pi"), or any word a
            // dictionary word ("Noble Desktop", "Cellar Beast"): without a given name or a strong
            // cue, a title, a product or a company rather than a person. (People whose unlisted
            // given name comes before a dictionary surname are lost unless a speech verb, an
            // apposition or a title marks them.)
            let long_words = || ws.iter().filter(|w| w.text.chars().count() > 2);
            let any_common = (long_words().count() > 0
                && long_words().all(|w| lexicon::is_dictionary_word(&w.lower)))
                || ws.iter().any(|w| {
                    lexicon::is_dictionary_word(&w.lower) || lexicon::is_function_word(&w.lower)
                });
            let tc = doc.title_case[ws[0].sent];
            let before_said = p.a > 0
                && doc.w[p.a - 1].sent == ws[0].sent
                && matches!(
                    doc.w[p.a - 1].lower.as_str(),
                    "said"
                        | "says"
                        | "told"
                        | "asked"
                        | "added"
                        | "starring"
                        | "stars"
                        | "co-stars"
                        | "featuring"
                );
            // A cast note: a name filling parentheses after a common noun ("a rookie (Dara
            // Vell)").
            let cast_note = p.a > 0
                && doc.w[p.a - 1].sent == ws[0].sent
                && !doc.w[p.a - 1].cap
                && doc.gap(p.a - 1).ends_with(" (")
                && text[ws[n - 1].b1..].starts_with(')');
            let appos_role = {
                let g = doc.gap(p.b - 1);
                let nx = doc.w.get(p.b).filter(|w| w.sent == ws[0].sent);
                g.trim() == ","
                    && nx.is_some_and(|w| {
                        is_person_title(&w.lower)
                            || matches!(w.lower.as_str(), "a" | "an" | "the")
                                && doc.w.get(p.b + 1).is_some_and(|w2| {
                                    is_person_title(&w2.lower)
                                        || doc
                                            .w
                                            .get(p.b + 2)
                                            .is_some_and(|w3| is_person_title(&w3.lower))
                                })
                    })
            };
            // Words of personal names rarely appear in lower case elsewhere in the text.
            let acronym_inside = ws.iter().any(|w| w.allcaps && w.text.chars().count() >= 2)
                && !ws.iter().all(|w| w.allcaps);
            let place_first = lexicon()
                .gaz
                .get(&ws[0].lower)
                .is_some_and(|e| e.kind != EntityType::PERSON)
                || (n >= 2 && venue_word(&ws[0].lower));
            let namelike = !acronym_inside
                && !place_first
                && ws.iter().all(|w| {
                    !doc.lower_seen.contains(&w.lower)
                        && !lexicon::is_function_word(&w.lower)
                        && w.text.chars().count() > 1
                        && !COMMON_CAPS.contains(&w.lower.as_str())
                });
            let titlecase_words = ws.iter().all(|w| !w.allcaps);
            // Every word a common English word ("Rotten Tomatoes", "Morning Consult"): a title or
            // a company, not a person (given names are handled when pieces are cut).
            let all_common = ws
                .iter()
                .all(|w| lexicon::is_common_word(&w.lower) || lexicon::is_function_word(&w.lower));
            // A name that fills a whole quotation ("“Certified Fresh” label") is a title.
            let quoted_title = {
                let before = text[..ws[0].b0].chars().next_back();
                let after = text[ws[n - 1].b1..].chars().next();
                matches!(before, Some('“' | '"' | '‘')) && matches!(after, Some('”' | '"' | '’'))
            };
            let caps_label = ws.iter().all(|w| w.allcaps)
                && (doc.gap(p.b - 1).trim_start().starts_with(':')
                    // (A comma only before a lower-case word: "HEMPSTEAD, N.Y." is a dateline.)
                    || n == 1
                        && doc.gap(p.b - 1).trim_start().starts_with(',')
                        && doc
                            .w
                            .get(p.b)
                            .is_some_and(|w| w.sent == ws[0].sent && !w.cap));
            // A surname-like word: capitalised, not an acronym, never seen in lower case, not a
            // common English word nor a head word of organisations or places.
            let surname_like = |w: &W| {
                !w.allcaps
                    && w.text.chars().count() > 1
                    && !doc.lower_seen.contains(&w.lower)
                    && !lexicon::is_common_word(&w.lower)
                    && !lexicon::is_function_word(&w.lower)
                    && !lexicon::is_org_head(&w.lower)
                    && !lexicon::is_gpe_head(&w.lower)
                    && !lexicon::is_loc_head(&w.lower)
                    && !COMMON_CAPS.contains(&w.lower.as_str())
            };
            // Initials before a surname: "H.G. Lane", "H. G. Lane".
            let initials = |w: &W| {
                let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
                w.text.chars().all(|c| c.is_uppercase() || c == '.')
                    && (1..=3).contains(&letters)
                    && (w.text.contains('.') || doc.text[w.b1..].starts_with('.'))
            };
            let initials_name = (n >= 2
                && ws[..n - 1].iter().all(initials)
                && surname_like(&ws[n - 1])
                && !lexicon().gaz.contains_key(&ws[0].lower)
                && !lexicon().gaz.contains_key(&ws[n - 1].lower))
                // A middle initial: "Dara K. Vell".
                || (n == 3
                    && initials(&ws[1])
                    && !ws[0].allcaps
                    && ws[0].text.chars().count() > 1
                    && !lexicon::is_common_word(&ws[0].lower)
                    && !lexicon::is_function_word(&ws[0].lower)
                    && surname_like(&ws[2])
                    && !lexicon().gaz.contains_key(&ws[0].lower)
                    && !lexicon().gaz.contains_key(&ws[2].lower));
            let in_list = list_person.contains(&p.a);
            // A census given name that is also a word, before a census surname ("Rose Potter").
            let word_given_name = n == 2
                && lexicon().word_given.contains(ws[0].text)
                && lexicon().surnames.contains(ws[1].text)
                && (!lexicon::is_common_word(&ws[1].lower) || in_list)
                && !(p.a > 0 && doc.w[p.a - 1].lower == "the");
            // Headline-case lines: only a list or an apposition with a role makes a person.
            let tc_ok = (in_list || appos_role) && namelike && (!any_common || word_given_name);
            if tc && !tc_ok {
                continue;
            }
            let the_before = p.a > 0 && doc.w[p.a - 1].lower == "the" && doc.joinable(p.a - 1);
            let noun_after = after.is_some_and(|w| {
                !w.cap && {
                    let s = &sentences[w.sent];
                    let c0 = idx.char_of_byte(w.b0);
                    let k = s.tokens.partition_point(|t| t.end <= c0);
                    s.tokens.get(k).is_some_and(|t| t.upos == Upos::NOUN)
                }
            });
            // "My name is Vell", "a physician named Vell".
            let name_cue = p.a >= 2
                && doc.w[p.a - 1].sent == ws[0].sent
                && doc.w[p.a - 2].sent == ws[0].sent
                && (doc.w[p.a - 1].lower == "is" && doc.w[p.a - 2].lower == "name"
                    || doc.w[p.a - 1].lower == "named" && is_person_title(&doc.w[p.a - 2].lower));
            // The speaker after a closing quotation: "“… a good day,” Vell said."
            let quote_speaker = n == 1
                && after.is_some_and(|w| {
                    matches!(
                        w.lower.as_str(),
                        "said" | "says" | "added" | "adds" | "explained" | "wrote" | "noted"
                    )
                })
                && {
                    let mut before = text[..ws[0].b0].trim_end_matches([' ', '\u{a0}']).chars();
                    matches!(before.next_back(), Some('”' | '"'))
                        && matches!(before.next_back(), Some(',' | '.' | '?' | '!'))
                };
            // A single unknown name with a strong cue: "said Vell", "Vell himself".
            let single_cue = n == 1
                && (name_cue
                    || quote_speaker
                    || after.is_some_and(|w| matches!(w.lower.as_str(), "himself" | "herself")));
            // "Eli Lilly and Novo Nordisk": a conjunct takes the type of a sure neighbour.
            let conj = conj_kind.get(&p.a).copied();
            if let Some(k) = conj {
                p.kind = Some(k);
            } else if quoted_title {
                continue;
            } else if n >= 2 && lexicon::is_event_head(&ws[n - 1].lower) {
                // "James Lane Award": an award or event, not a person.
                continue;
            } else if initials_name && !tc {
                p.kind = Some(EntityType::PERSON);
            } else if ws.iter().any(|w| person_words.contains(&w.lower))
                && !productish
                && (n > 1
                    || sure_surnames.contains(ws[0].lower.as_str())
                    || !lexicon::is_dictionary_word(&ws[0].lower))
                // (Not "Lane Medical Nutrition Therapy": other words that are dictionary words
                // make a business named for the person.)
                && !(n > 1
                    && ws.iter().any(|w| {
                        !person_words.contains(&w.lower) && lexicon::is_dictionary_word(&w.lower)
                    }))
            {
                // A word of a person's name alone ("… Lane said"); a dictionary word alone only
                // when it is the surname of someone named with a given name or a title ("Andrew
                // Black … Black said", but not "Waste" after "Zero Waste Lane").
                p.kind = Some(EntityType::PERSON);
            } else if n == 1
                && caps_label
                && ws[0].initial
                && ws[0].text.chars().count() >= 4
                && !lexicon::is_common_word(&ws[0].lower)
                && role_of(&ws[0].lower).is_none()
                && !COMMON_CAPS.contains(&ws[0].lower.as_str())
                && !productish
            {
                // A transcript's speaker label: "LANEWORTH: We have to …".
                p.kind = Some(EntityType::PERSON);
            } else if n == 1 && org_words.contains(&ws[0].lower) {
                p.kind = Some(EntityType::ORG);
            } else if single_cue
                && surname_like(&ws[0])
                && !lexicon().gaz.contains_key(&ws[0].lower)
                && !productish
                && !tc
            {
                p.kind = Some(EntityType::PERSON);
                cued.insert(ws[0].lower.clone());
            } else if (2..=3).contains(&n)
                && in_list
                && namelike
                && !all_common
                && !productish
                && !place_first
                && titlecase_words
            {
                // A name listed with people ("By: Hannah Lane, Dara Vell").
                p.kind = Some(EntityType::PERSON);
            } else if word_given_name && !productish {
                p.kind = Some(EntityType::PERSON);
            } else if (2..=3).contains(&n)
                && (after_speech || before_said || appos_role || cast_note || name_cue)
                && !all_common
                && !productish
                && !(weak_cue && any_common)
                && (!tc || tc_ok)
                && !acronym_inside
                && !place_first
            {
                p.kind = Some(EntityType::PERSON);
            } else if (2..=3).contains(&n)
                && namelike
                && !any_common
                && !productish
                && (titlecase_words || caps_label)
                && (!tc || tc_ok)
                && !(the_before && !noun_after)
            {
                // (Not "the Vellmont Bambino could …": a guessed name right after "the" is a
                // product or a title, unless it modifies a noun: "the Dred Lane case".)
                p.kind = Some(EntityType::PERSON);
            } else if n >= 2 && !tc && !ws.iter().all(|w| w.allcaps) {
                p.kind = Some(EntityType::ORG);
            } else if n == 1
                && !tc
                && !ws[0].initial
                && p.a > 0
                && doc.w[p.a - 1].sent == ws[0].sent
                && doc.w[p.a - 1].lower == "in"
                && !doc
                    .w
                    .get(p.b)
                    .is_some_and(|w| w.sent == ws[0].sent && w.cap)
                && !lexicon().given.contains_key(ws[0].text)
                && surname_like(&ws[0])
                && !productish
                && toponym_suffix(&ws[0].lower)
            {
                // "… appeared in Lanesborough in the 15th century": an unknown single name after
                // "in" is a place.
                p.kind = Some(EntityType::GPE);
            }
        }
    }
    for p in pieces.iter_mut() {
        if p.kind.is_none() && p.b == p.a + 1 && cued.contains(&doc.w[p.a].lower) {
            p.kind = Some(EntityType::PERSON);
        }
    }
    // "Fairfield, New Jersey": a name before a comma and a known state or country is a place.
    for i in 0..pieces.len() {
        let (a, b) = (pieces[i].a, pieces[i].b);
        if pieces[i].sure
            || (pieces[i].kind.is_none() && doc.title_case[doc.w[a].sent])
            || lexicon::is_facility_head(&doc.w[b - 1].lower)
            || lexicon::is_loc_head(&doc.w[b - 1].lower)
            || b - a > 3
            || (b - a == 1 && lexicon::is_common_word(&doc.w[a].lower))
            || pieces[i].kind == Some(EntityType::PERSON)
                && person_words
                    .iter()
                    .any(|w| doc.w[a..b].iter().any(|x| &x.lower == w))
                && pieces[i].b - pieces[i].a > 1
        {
            continue;
        }
        if doc.gap(b - 1).trim() == "," {
            if let Some(next) = pieces.get(i + 1) {
                if next.a == b && next.kind == Some(EntityType::GPE) && next.sure {
                    pieces[i].kind = Some(EntityType::GPE);
                }
            }
        }
    }
    // "Washington, D.C.": the city and the district, two places (as "City, ST" in news).
    for i in 1..pieces.len() {
        let (prev, cur) = (&pieces[i - 1], &pieces[i]);
        if prev.kind == Some(EntityType::GPE)
            && prev.b == prev.a + 1
            && doc.w[prev.a].lower == "washington"
            && cur.a == prev.b
            && cur.b == cur.a + 1
            && matches!(doc.w[cur.a].text, "D.C." | "DC")
            && doc.gap(prev.b - 1) == ", "
        {
            pieces[i].kind = Some(EntityType::GPE);
            pieces[i].sure = true;
            pieces[i].code = None;
            pieces[i].name = None;
        }
    }
    // "Northern Michigan", "Southern California": a region (LOC) named from a place.
    for i in 1..pieces.len() {
        let (prev, cur) = (&pieces[i - 1], &pieces[i]);
        if cur.kind == Some(EntityType::GPE)
            && prev.b == cur.a
            && prev.b == prev.a + 1
            && !prev.sure
            && doc.joinable(prev.a)
            && matches!(
                doc.w[prev.a].lower.as_str(),
                "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "northeastern"
                    | "northwestern"
                    | "southeastern"
                    | "southwestern"
                    | "upstate"
                    | "coastal"
            )
        {
            pieces[i - 1].b = pieces[i].b;
            pieces[i - 1].kind = Some(EntityType::LOC);
            pieces[i - 1].code = None;
            pieces[i].kind = None;
        }
    }
    // "University of California, Berkeley": a campus named after the comma belongs to the name.
    for i in 1..pieces.len() {
        let (prev, cur) = (&pieces[i - 1], &pieces[i]);
        if prev.kind == Some(EntityType::ORG)
            && doc.w[prev.a].lower == "university"
            && doc.w[prev.a..prev.b].iter().any(|w| w.lower == "of")
            && cur.b - cur.a <= 2
            && cur.kind == Some(EntityType::GPE)
            && ((cur.a == prev.b && doc.gap(prev.b - 1).trim() == ",")
                || (cur.a == prev.b + 1
                    && doc.w[prev.b].lower == "at"
                    && doc.gap(prev.b - 1) == " "
                    && doc.gap(prev.b) == " "))
        {
            pieces[i - 1].b = pieces[i].b;
            pieces[i].kind = None;
        }
    }
    // "Lane Health San Antonio": a place right after an organisation's head word names its branch.
    for i in 1..pieces.len() {
        let (prev, cur) = (&pieces[i - 1], &pieces[i]);
        if prev.kind == Some(EntityType::ORG)
            && prev.b > prev.a + 1
            && lexicon::is_org_head(&doc.w[prev.b - 1].lower)
            && cur.kind == Some(EntityType::GPE)
            && cur.a == prev.b
            && doc.gap(prev.b - 1) == " "
            && !doc.title_case[doc.w[cur.a].sent]
            && !doc
                .w
                .get(cur.b)
                .is_some_and(|w| w.sent == doc.w[cur.a].sent && w.cap && doc.joinable(cur.b - 1))
        {
            pieces[i - 1].b = pieces[i].b;
            pieces[i].kind = None;
        }
    }
    // A person's surname that is also a listed place ("Hannah Lane … Lane said"): later single
    // mentions are the person, unless a preposition of place precedes ("in Lane").
    let surnames: HashSet<&str> = pieces
        .iter()
        .filter(|p| p.kind == Some(EntityType::PERSON) && p.b > p.a + 1 && p.sure)
        .map(|p| doc.w[p.b - 1].lower.as_str())
        .collect();
    let mut to_person = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.b == p.a + 1
            && p.kind == Some(EntityType::GPE)
            && surnames.contains(doc.w[p.a].lower.as_str())
        {
            let prev = (p.a > 0 && doc.w[p.a - 1].sent == doc.w[p.a].sent)
                .then(|| doc.w[p.a - 1].lower.as_str());
            let place_prep = matches!(
                prev,
                Some(
                    "in" | "to"
                        | "from"
                        | "at"
                        | "near"
                        | "of"
                        | "across"
                        | "into"
                        | "outside"
                        | "inside"
                        | "via"
                        | "around"
                        | "toward"
                        | "towards"
                )
            );
            if (!place_prep || doc.w[p.a].poss) && doc.gap(p.a).trim() != "," {
                to_person.push(i);
            }
        }
    }
    for i in to_person {
        let p = &mut pieces[i];
        p.kind = Some(EntityType::PERSON);
        p.code = None;
        p.name = None;
    }
    pieces.retain(|p| p.kind.is_some());
    datelines_and_sports(&doc, &mut pieces);
    news_conventions(&doc, &mut pieces);
    offices_and_airlines(&doc, &mut pieces);
    particle_surnames(&doc, &mut pieces);
    age_residence(&doc, &mut pieces);
    pieces.retain(|p| p.kind.is_some());

    // Appositions and roles: "Kim Kye Gwan, a top adviser to …", "North Korean leader Kim".
    for p in pieces.iter_mut() {
        if p.kind != Some(EntityType::PERSON) {
            continue;
        }
        let g = doc.gap(p.b - 1);
        if g.trim() == "," {
            let s1 = doc.sent_w[doc.w[p.a].sent].1;
            let mut j = p.b;
            if j < s1 && matches!(doc.w[j].lower.as_str(), "a" | "an" | "the") {
                j += 1;
                for k in j..(j + 4).min(s1) {
                    if doc.w[k].cap && k > j {
                        break;
                    }
                    if is_person_title(&doc.w[k].lower) {
                        p.titles.push(singular(&doc.w[k].lower).into_owned());
                        break;
                    }
                }
            }
        }
    }

    // Codes for people from a coded name just before their role: "White House adviser X",
    // "North Korean leader X".
    let mut piece_codes: Vec<Option<String>> = vec![None; pieces.len()];
    for i in 0..pieces.len() {
        if pieces[i].kind != Some(EntityType::PERSON) || pieces[i].code.is_some() {
            continue;
        }
        let a = pieces[i].a;
        if a == 0 || doc.w[a - 1].cap || !doc.joinable(a - 1) {
            continue;
        }
        let Some(role) = role_of(&doc.w[a - 1].lower) else {
            continue;
        };
        // The coded piece must end within 4 words before the role noun, in the same sentence.
        if let Some(prev) = (0..i).rev().find(|&k| pieces[k].b < a) {
            let q = &pieces[prev];
            if q.b + 4 >= a && doc.w[q.a].sent == doc.w[a].sent && (a - 1..a).all(|_| true) {
                let between_ok =
                    (q.b..a - 1).all(|k| !doc.w[k].cap && doc.joinable(k) || doc.joinable(k));
                if let (Some(c), true) = (&q.code, between_ok) {
                    let c3: String = c.chars().take(3).collect();
                    let code = if c.len() > 3 {
                        c.clone()
                    } else {
                        format!("{}{}", c3, role.sector.unwrap_or(""))
                    };
                    piece_codes[i] = Some(code);
                }
            }
        }
    }

    // Entity records and clusters, in text order.
    let mut analysis = Analysis::default();
    let mut ents: Vec<Ent> = Vec::new();
    let mut rec_ent: Vec<usize> = Vec::new();
    for (pi, p) in pieces.iter().enumerate() {
        let kind = p.kind.unwrap_or(EntityType::ORG);
        let w0 = &doc.w[p.a];
        let w1 = &doc.w[p.b - 1];
        let end1 = w1.b1 + usize::from(p.dot);
        let surface = &text[w0.b0..end1];
        let wl: Vec<String> = doc.w[p.a..p.b].iter().map(|w| w.lower.clone()).collect();
        // Link to an existing entity.
        let mut link: Option<usize> = None;
        let mut best = (0usize, 0usize);
        for (ei, e) in ents.iter().enumerate() {
            if !kinds_compatible(kind, e.kind) {
                continue;
            }
            let sub = wl.iter().all(|w| e.words.contains(w));
            let sup = e.words.iter().all(|w| wl.contains(w));
            let ok = if kind == EntityType::PERSON {
                sub || sup
            } else {
                (sub && (!wl.is_empty())) || sup && e.words.len() >= 2 || wl == e.words
            };
            if ok && (e.count, e.last) >= best {
                best = (e.count, e.last);
                link = Some(ei);
            }
        }
        // Codes: the dictionary on the full name, then the piece's own.
        let rec = analysis.entities.len();
        let ei = match link {
            Some(ei) => {
                let e = &mut ents[ei];
                e.count += 1;
                e.last = rec;
                if wl.len() > e.words.len() && wl.len() <= 4 && kind == e.kind {
                    e.words = wl.clone();
                    if p.name.is_none() {
                        e.name = surface.to_string();
                    }
                    e.record = rec;
                }
                e.titles.extend(p.titles.iter().cloned());
                if e.gender == '-' {
                    e.gender = p.gender;
                }
                if e.code.is_none() {
                    e.code = p.code.clone().or_else(|| piece_codes[pi].clone());
                }
                ei
            }
            None => {
                let name = match &p.name {
                    Some(n) if norm(n) != norm(surface) => n.clone(),
                    _ => surface.to_string(),
                };
                let looked = if p.code.is_none() {
                    dict.lookup(&name, date)
                } else {
                    None
                };
                let shares_word = |a: &str, b: &str| {
                    norm(a)
                        .split(' ')
                        .any(|w| norm(b).split(' ').any(|v| v == w))
                };
                let (name, code) = match looked {
                    Some(m) if norm(&m.name) == norm(&name) => (name, Some(m.code)),
                    Some(m) if m.kind == ActorKind::Media && !shares_word(&m.name, &name) => {
                        (name, Some(m.code))
                    }
                    Some(m) => (m.name, Some(m.code)),
                    None => (name, p.code.clone().or_else(|| piece_codes[pi].clone())),
                };
                ents.push(Ent {
                    kind,
                    name,
                    code,
                    words: wl.clone(),
                    gender: p.gender,
                    titles: p.titles.clone(),
                    count: 1,
                    last: rec,
                    record: rec,
                    media: p.media,
                });
                ents.len() - 1
            }
        };
        rec_ent.push(ei);
        let span = idx.span_of_bytes(w0.b0, end1);
        analysis.entities.push(Entity {
            text: surface.to_string(),
            kind,
            start: span.start,
            end: span.end,
            code: None,
            name: None,
            value: None,
            sentence: w0.sent,
        });
    }
    // Fill names/codes from the final clusters (a later full name improves earlier surnames).
    for (r, &ei) in rec_ent.iter().enumerate() {
        let e = &ents[ei];
        analysis.entities[r].code = e.code.clone();
        analysis.entities[r].name = Some(e.name.clone());
    }

    // Mentions: names, nominals, pronouns, in text order.
    let mut mentions: Vec<(usize, usize, Mention)> = Vec::new(); // (word a, word b, mention)
    for (r, p) in pieces.iter().enumerate() {
        let e = &ents[rec_ent[r]];
        let w0 = &doc.w[p.a];
        mentions.push((
            p.a,
            p.b,
            Mention {
                sentence: w0.sent,
                tokens: 0..0,
                span: Span::new(analysis.entities[r].start, analysis.entities[r].end),
                text: analysis.entities[r].text.clone(),
                kind: MentionKind::Name,
                name: Some(e.name.clone()),
                code: e.code.clone(),
                entity: Some(e.record),
                etype: Some(e.kind),
                in_quote: w0.in_quote,
                media: e.media || p.media,
            },
        ));
    }
    let in_piece: HashSet<usize> = pieces.iter().flat_map(|p| p.a..p.b).collect();
    for (si, &(s0, s1)) in doc.sent_w.iter().enumerate() {
        for i in s0..s1 {
            if in_piece.contains(&i) {
                continue;
            }
            let w = &doc.w[i];
            let l = w.lower.as_str();
            if matches!(
                l,
                "he" | "him"
                    | "his"
                    | "himself"
                    | "she"
                    | "her"
                    | "hers"
                    | "herself"
                    | "they"
                    | "them"
                    | "their"
                    | "themselves"
            ) {
                let span = idx.span_of_bytes(w.b0, w.b1);
                mentions.push((
                    i,
                    i + 1,
                    Mention {
                        sentence: si,
                        tokens: 0..0,
                        span,
                        text: w.text.to_string(),
                        kind: MentionKind::Pronoun,
                        name: None,
                        code: None,
                        entity: None,
                        etype: None,
                        in_quote: w.in_quote,
                        media: false,
                    },
                ));
                continue;
            }
            if w.cap && !w.initial {
                continue;
            }
            // Nominal: a role noun not followed by a name (or a description head such as "the
            // government", which names no person and is no entity, only an actor).
            let Some(role) = role_of(l).or_else(|| description_head(l)) else {
                continue;
            };
            if i + 1 < s1 && doc.w[i + 1].cap && doc.joinable(i) {
                continue;
            }
            if i + 1 < s1 && doc.joinable(i) && role_of(&doc.w[i + 1].lower).is_some() {
                continue; // "campaign official": the head is later
            }
            if matches!(
                l,
                "father"
                    | "mother"
                    | "son"
                    | "daughter"
                    | "friend"
                    | "brother"
                    | "sister"
                    | "wife"
                    | "husband"
                    | "player"
                    | "host"
                    | "anchor"
                    | "chair"
                    | "party"
                    | "group"
                    | "union"
                    | "network"
                    | "channel"
                    | "daily"
                    | "general"
                    | "justice"
                    | "chief"
            ) {
                continue;
            }
            // Extend left over determiners and modifiers.
            let mut a = i;
            let mut country: Option<String> = None;
            let mut determiner = false;
            while a > s0 && i - a < 5 && doc.joinable(a - 1) {
                let pw = &doc.w[a - 1];
                let pl = pw.lower.as_str();
                if matches!(
                    pl,
                    "the"
                        | "a"
                        | "an"
                        | "another"
                        | "one"
                        | "two"
                        | "three"
                        | "some"
                        | "several"
                        | "many"
                        | "other"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                ) {
                    a -= 1;
                    determiner = true;
                    break;
                }
                let modifier = matches!(
                    pl,
                    "senior"
                        | "top"
                        | "former"
                        | "chief"
                        | "national"
                        | "security"
                        | "state"
                        | "media"
                        | "news"
                        | "campaign"
                        | "administration"
                        | "government"
                        | "military"
                        | "foreign"
                        | "defense"
                        | "defence"
                        | "intelligence"
                        | "white"
                        | "house"
                        | "press"
                        | "communications"
                        | "deputy"
                        | "high-ranking"
                        | "anonymous"
                        | "unnamed"
                        | "local"
                        | "federal"
                        | "police"
                        | "health"
                        | "election"
                        | "party"
                        | "spokesperson"
                        | "foreign-policy"
                        | "policy"
                        | "economic"
                        | "political"
                        | "trade"
                        | "nuclear"
                        | "independent"
                        | "outside"
                        | "other"
                        | "legal"
                        | "military's"
                ) || pl.ends_with("al") && pw.text.len() > 4
                    || in_piece.contains(&(a - 1));
                if !modifier {
                    break;
                }
                if in_piece.contains(&(a - 1)) {
                    if let Some(p) = pieces.iter().find(|p| p.a < a && a - 1 < p.b) {
                        if let Some(c) = &p.code {
                            country.get_or_insert_with(|| c.chars().take(3).collect());
                        }
                    }
                }
                a -= 1;
            }
            // A country as possessor gives the country: "Norway's trade minister" → NORGOV.
            if !determiner && country.is_none() && a > s0 && doc.w[a - 1].poss {
                if let Some(r) = pieces.iter().position(|p| p.b == a && p.a < a) {
                    let e = &ents[rec_ent[r]];
                    if e.kind == EntityType::GPE {
                        if let Some(c) = e.code.as_deref().filter(|c| country_code(c)) {
                            country = Some(c[..3].to_string());
                            a = pieces[r].a;
                        }
                    }
                }
            }
            let span = idx.span_of_bytes(doc.w[a].b0, w.b1);
            let sector = dict
                .role_sector(singular(l).as_ref())
                .map(str::to_string)
                .or_else(|| role.sector.map(str::to_string));
            let code = match (&country, &sector) {
                (Some(c), Some(s)) => Some(format!("{c}{s}")),
                (Some(c), None) => Some(c.clone()),
                (None, s) => s.clone(),
            };
            mentions.push((
                a,
                i + 1,
                Mention {
                    sentence: si,
                    tokens: 0..0,
                    span,
                    text: text[doc.w[a].b0..w.b1].to_string(),
                    kind: MentionKind::Nominal,
                    name: None,
                    code,
                    entity: None,
                    etype: Some(match role.kind {
                        RoleKind::Person => EntityType::PERSON,
                        _ => EntityType::ORG,
                    }),
                    in_quote: doc.w[a].in_quote,
                    media: role.kind == RoleKind::Media,
                },
            ));
        }
    }
    mentions.sort_by_key(|m| (m.0, m.1));

    // Resolve nominals ("the adviser") and pronouns.
    let rec_cluster: HashMap<usize, usize> =
        rec_ent.iter().enumerate().map(|(r, &e)| (r, e)).collect();
    for mi in 0..mentions.len() {
        let kind = mentions[mi].2.kind;
        if kind == MentionKind::Name {
            continue;
        }
        let a = mentions[mi].0;
        let si = mentions[mi].2.sentence;
        let l = mentions[mi].2.text.to_lowercase();
        let head = l.rsplit(' ').next().unwrap_or("").to_string();
        let in_quote = mentions[mi].2.in_quote;
        let mut target: Option<usize> = None; // index into mentions
        let mut described: Option<usize> = None; // a description with the same head
        match kind {
            MentionKind::Nominal => {
                // "his government", "their embassy": the possessor's country with the noun's
                // sector (the possessive pronoun, resolved just before, starts the phrase).
                if ["his ", "her ", "its ", "their "]
                    .iter()
                    .any(|p| l.starts_with(p))
                {
                    let poss = mentions[..mi].iter().rposition(|m| {
                        m.2.kind == MentionKind::Pronoun
                            && m.2.span.start == mentions[mi].2.span.start
                    });
                    let country = poss
                        .and_then(|j| mentions[j].2.code.clone())
                        .filter(|c| country_code(c));
                    let own = mentions[mi].2.code.clone().filter(|c| is_sector_code(c));
                    if let (Some(c), Some(sec)) = (country, own) {
                        mentions[mi].2.code = Some(format!("{}{sec}", &c[..3]));
                    }
                    continue;
                }
                if !(l.starts_with("the ") || l.starts_with("this ")) {
                    continue;
                }
                let plural = head.ends_with('s') && singular(&head) != head;
                let h = singular(&head).into_owned();
                // "the ministry", "the officials": the most recent description with the same
                // head (or one of its class) that places its actor, within a few sentences; an
                // unplaced one in between ends the search ("the ministry" after "a ministry" of
                // no known country stays unknown). A description naming its own country ("the
                // Chilean ministry") needs none.
                let placed = mentions[mi].2.code.as_deref().is_some_and(country_code);
                for j in (0..mi).rev() {
                    let m = &mentions[j].2;
                    if placed || si.saturating_sub(m.sentence) > 10 {
                        break;
                    }
                    let ml = m.text.to_lowercase();
                    let mh = ml.rsplit([' ', '\u{a0}']).next().unwrap_or("");
                    let mplural = mh.ends_with('s') && singular(mh) != mh;
                    if mplural != plural || !same_head(singular(mh).as_ref(), &h) {
                        continue;
                    }
                    let m_placed = m.code.as_deref().is_some_and(country_code);
                    if m.kind == MentionKind::Nominal {
                        if m_placed {
                            described = Some(j);
                        }
                        break;
                    }
                    if m.kind == MentionKind::Name
                        && m.etype == Some(EntityType::ORG)
                        && m_placed
                        && m.span.end <= mentions[mi].2.span.start
                    {
                        described = Some(j);
                        break;
                    }
                }
                if plural {
                    target = described;
                }
                // "the news outlet": the most recent outlet named.
                if mentions[mi].2.media {
                    for j in (0..mi).rev() {
                        let m = &mentions[j].2;
                        if si - m.sentence > 12 {
                            break;
                        }
                        if m.kind == MentionKind::Name && m.media {
                            target = Some(j);
                            break;
                        }
                    }
                }
                // The most recent person holding that title.
                for j in (0..mi).rev() {
                    let m = &mentions[j].2;
                    if si - m.sentence > 12 || target.is_some() || plural {
                        break;
                    }
                    if m.kind == MentionKind::Name {
                        if let Some(ei) = m.entity.and_then(|r| rec_cluster.get(&r)) {
                            if ents[*ei].titles.iter().any(|t| {
                                *t == h
                                    || (h == "advisor" && t == "adviser")
                                    || (h == "adviser" && t == "advisor")
                            }) {
                                target = Some(j);
                                break;
                            }
                        }
                    }
                }
            }
            MentionKind::Pronoun => {
                // "Growers said they …": the subject of the reporting verb, a plural noun
                // phrase, is who "they" are; when that phrase names no known actor, the pronoun
                // stays unresolved rather than taking an earlier, unrelated one.
                if head == "they" {
                    if let Some(k) = sentences
                        .get(si)
                        .and_then(|s| reporting_subject(s, mentions[mi].2.span))
                    {
                        let t = &sentences[si].tokens[k];
                        let lo = mentions[..mi].partition_point(|m| m.2.sentence < si);
                        target = (lo..mi).rev().find(|&j| {
                            let m = &mentions[j].2;
                            m.span.start <= t.start
                                && t.end <= m.span.end
                                && (m.code.is_some() || m.name.is_some())
                        });
                        if target.is_none() {
                            continue;
                        }
                    }
                }
                let object_pronoun = matches!(head.as_str(), "them" | "him" | "her");
                let (want_person, gender) = match head.as_str() {
                    "he" | "him" | "his" | "himself" => (true, 'm'),
                    "she" | "her" | "hers" | "herself" => (true, 'f'),
                    _ => (false, '-'),
                };
                // Candidates: this sentence before the pronoun, then earlier sentences; within a
                // sentence the leftmost mention outside quotations (subjects come first).
                let mut s = si as isize;
                if target.is_some() {
                    s = -1;
                }
                while s >= 0 && si as isize - s <= 3 && target.is_none() {
                    // Mentions are in text order: the sentence's ones form one run.
                    let lo = mentions[..mi].partition_point(|m| m.2.sentence < s as usize);
                    let cands = (lo..mi).take_while(|&j| mentions[j].2.sentence == s as usize);
                    for j in cands {
                        let m = &mentions[j].2;
                        if m.in_quote && !in_quote {
                            continue;
                        }
                        if mentions[j].0 >= a {
                            continue;
                        }
                        // An object pronoun is never the subject of its own verb ("the ministry
                        // had threatened them": not the ministry).
                        if object_pronoun && m.sentence == si {
                            if let Some(sent) = sentences.get(si) {
                                if same_clause_subject(sent, mentions[mi].2.span, m.span) {
                                    continue;
                                }
                            }
                        }
                        let ok = if want_person {
                            m.etype == Some(EntityType::PERSON)
                                && (m.kind != MentionKind::Nominal
                                    || m.name.is_some()
                                    || m.code.as_deref().is_some_and(country_code))
                                && match m.entity.and_then(|r| rec_cluster.get(&r)) {
                                    Some(&ei) => {
                                        ents[ei].gender == '-' || ents[ei].gender == gender
                                    }
                                    None => true,
                                }
                                && (m.kind != MentionKind::Pronoun
                                    || m.text.to_lowercase().starts_with(if gender == 'm' {
                                        'h'
                                    } else {
                                        's'
                                    })
                                    || m.text.to_lowercase() == "her")
                        } else {
                            // ("the government" of no known country is no antecedent: it would
                            // pass on a bare sector.)
                            let unplaced_description = m.kind == MentionKind::Nominal
                                && description_head(
                                    m.text.to_lowercase().rsplit(' ').next().unwrap_or(""),
                                )
                                .is_some()
                                && !m.code.as_deref().is_some_and(country_code);
                            // Nor is a nationality describing a thing ("a Ghanaian truce
                            // offer"): only people and bodies are "they".
                            let of_a_thing = m.etype == Some(EntityType::NORP)
                                && sentences
                                    .get(m.sentence)
                                    .is_some_and(|s| describes_thing(s, m.span, dict));
                            (matches!(
                                m.etype,
                                Some(EntityType::ORG | EntityType::GPE | EntityType::NORP)
                            ) || (m.kind == MentionKind::Nominal && m.text.ends_with('s')))
                                && !unplaced_description
                                && !of_a_thing
                        };
                        if ok && (m.name.is_some() || m.code.is_some()) {
                            target = Some(j);
                            if want_person {
                                break; // leftmost
                            }
                        }
                    }
                    s -= 1;
                }
            }
            MentionKind::Name => {}
        }
        if kind == MentionKind::Nominal && target.is_none() {
            target = described;
        } else if let (Some(t), Some(d)) = (target, described) {
            // A person with the title and a description with the same head: the later one.
            target = Some(t.max(d));
        }
        if let Some(j) = target {
            let (name, code, entity, etype) = {
                let m = &mentions[j].2;
                let name = m.name.clone().or_else(|| {
                    if kind != MentionKind::Nominal {
                        return None;
                    }
                    // A description as antecedent: its words without the article.
                    let t = m.text.as_str();
                    let t = ["the ", "The ", "a ", "A ", "an ", "An "]
                        .iter()
                        .find_map(|d| t.strip_prefix(d))
                        .unwrap_or(t);
                    Some(t.to_string())
                });
                (name, m.code.clone(), m.entity, m.etype)
            };
            let m = &mut mentions[mi].2;
            m.name = name;
            if code.is_some() {
                m.code = code;
            }
            m.entity = entity;
            if etype.is_some() {
                m.etype = etype;
            }
        }
    }

    // Token ranges.
    analysis.mentions = mentions
        .into_iter()
        .map(|(_, _, mut m)| {
            if let Some(s) = sentences.get(m.sentence) {
                let a = s.tokens.partition_point(|t| t.end <= m.span.start);
                let b = s.tokens.partition_point(|t| t.start < m.span.end).max(a);
                m.tokens = a..b;
            }
            m
        })
        .collect();
    analysis
        .mentions
        .sort_by_key(|m| (m.span.start, m.span.end));

    // DATE entities.
    for (si, b0, b1, value) in dates {
        if value.is_empty() {
            continue;
        }
        let span = idx.span_of_bytes(b0, b1);
        analysis.entities.push(Entity {
            text: text[b0..b1].to_string(),
            kind: EntityType::DATE,
            start: span.start,
            end: span.end,
            code: None,
            name: None,
            value: Some(value),
            sentence: si,
        });
    }
    analysis.entities.sort_by_key(|e| (e.start, e.end));
    // Entity indices changed with the sort: re-point mentions by span.
    let pos: HashMap<(usize, usize), usize> = analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind != EntityType::DATE)
        .map(|(i, e)| ((e.start, e.end), i))
        .collect();
    let old: Vec<(usize, usize)> = {
        let mut v: Vec<(usize, usize)> = Vec::new();
        for p in &pieces {
            let w0 = &doc.w[p.a];
            let w1 = &doc.w[p.b - 1];
            let sp = idx.span_of_bytes(w0.b0, w1.b1);
            v.push((sp.start, sp.end));
        }
        v
    };
    for m in analysis.mentions.iter_mut() {
        m.entity = m
            .entity
            .and_then(|r| old.get(r))
            .and_then(|k| pos.get(k))
            .copied();
    }
    let _ = (&doc.lower_seen, lex);
    analysis
}

/// Verbs after which "they" is the reporting verb's subject (`reporting_subject`).
const REPORTING: &[&str] = &[
    "say", "tell", "announce", "state", "claim", "insist", "warn", "add", "argue", "explain",
    "note", "report", "declare", "stress", "confirm",
];

/// The subject of the reporting verb whose clause holds the pronoun at `span` ("Growers said
/// they …", "… told reporters that they …", "growers met and said they …"): a plural noun, as a
/// token index of `s`.
fn reporting_subject(s: &Sentence, span: Span) -> Option<usize> {
    let toks = &s.tokens;
    let p = toks.iter().position(|t| t.start == span.start)?;
    if !toks[p].deprel.starts_with("nsubj") {
        return None;
    }
    let v = toks[p].head?;
    if !matches!(toks[v].deprel.as_str(), "ccomp" | "parataxis") {
        return None;
    }
    let h = toks[v].head?;
    let reporting = REPORTING.contains(&toks[h].lemma.to_lowercase().as_str());
    if !reporting {
        return None;
    }
    let subject_of = |x: usize| {
        toks.iter()
            .position(|t| t.head == Some(x) && t.deprel == "nsubj")
    };
    // A reporting verb coordinated with an earlier verb shares its subject ("the growers met
    // the mayor and said they …").
    let k = subject_of(h).or_else(|| {
        (toks[h].deprel == "conj")
            .then(|| toks[h].head.and_then(subject_of))
            .flatten()
    })?;
    let t = &toks[k];
    let plural = t.xpos.starts_with("NNS")
        || t.xpos == "NNPS"
        || (t.xpos.is_empty() && t.upos == Upos::NOUN && t.text.ends_with('s'));
    (matches!(t.upos, Upos::NOUN | Upos::PROPN) && plural).then_some(k)
}

/// Whether the mention at `cand` is the subject of the verb that the object pronoun at `pron`
/// depends on ("Peruvian officials said the ministry had threatened them": "the ministry").
fn same_clause_subject(s: &Sentence, pron: Span, cand: Span) -> bool {
    let toks = &s.tokens;
    let Some(p) = toks.iter().position(|t| t.start == pron.start) else {
        return false;
    };
    if !matches!(toks[p].deprel.as_str(), "obj" | "iobj") {
        return false;
    }
    let Some(v) = toks[p].head else {
        return false;
    };
    toks.iter().enumerate().any(|(k, t)| {
        t.head == Some(v)
            && t.deprel.starts_with("nsubj")
            && cand.start <= toks[k].start
            && toks[k].end <= cand.end
    })
}

/// Whether the (nationality) mention at `span` modifies a noun that names a thing, not people or
/// a body ("a Ghanaian truce offer", not "Ghanaian officials").
fn describes_thing(s: &Sentence, span: Span, dict: &ActorDict) -> bool {
    let toks = &s.tokens;
    let Some(k) = toks
        .iter()
        .position(|t| t.start == span.start && t.end == span.end)
    else {
        return false;
    };
    if !matches!(toks[k].deprel.as_str(), "amod" | "compound") {
        return false;
    }
    let Some(h) = toks[k].head else {
        return false;
    };
    let head = &toks[h];
    head.upos == Upos::NOUN
        && !head.text.chars().next().is_some_and(char::is_uppercase)
        && role_of(&head.lemma.to_lowercase()).is_none()
        && description_head(&head.lemma.to_lowercase()).is_none()
        && dict.role_sector(&head.lemma.to_lowercase()).is_none()
        && !matches!(
            head.lemma.to_lowercase().as_str(),
            "people"
                | "person"
                | "family"
                | "citizen"
                | "resident"
                | "national"
                | "worker"
                | "group"
                | "community"
                | "side"
                | "team"
                | "crew"
                | "force"
                | "delegation"
                | "population"
                | "public"
                | "man"
                | "woman"
                | "child"
                | "youth"
        )
}
