//! The verb-pattern lexicon (`data/verbs.tsv`), precompiled: patterns are grouped by verb lemma in
//! a hash map and every word is interned to a `u32`, so coding a sentence does integer compares.

use std::collections::HashMap;

use parley_actors::FxHashMap;

use crate::EventsError;

pub(crate) const VERBS: &str = include_str!("../data/verbs.tsv");

/// A word id; `NONE` for words the lexicon never mentions.
pub(crate) type WordId = u32;
pub(crate) const NONE: WordId = u32::MAX;

/// One pattern line.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The verb lemma (the first word of a multi-word verb).
    pub verb: String,
    /// The other words of a multi-word verb ("on" in "call on"), due within three words.
    pub(crate) near: Vec<WordId>,
    /// Complement sets: each set is alternatives; an alternative is words that must all occur.
    pub(crate) sets: Vec<Vec<Vec<WordId>>>,
    pub code: String,
    pub claim: bool,
    pub popular: bool,
    pub example: String,
    /// Where it was read ("data/verbs.tsv:120").
    pub origin: String,
}

impl Pattern {
    pub(crate) fn specificity(&self) -> usize {
        self.near.len() + self.sets.len()
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub vocab: FxHashMap<String, WordId>,
    pub patterns: Vec<Pattern>,
    /// Verb lemma id → indices into `patterns`, in file order (user files appended last but
    /// searched first).
    pub by_verb: FxHashMap<WordId, Vec<usize>>,
    /// Inflected form → lemma id ("accused" → "accuse"), for text whose lemmas are missing.
    pub forms: FxHashMap<String, WordId>,
    classes: HashMap<String, Vec<Vec<String>>>,
}

const IRREGULAR: &[(&str, &str)] = &[
    ("held", "hold"),
    ("sent", "send"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("took", "take"),
    ("taken", "take"),
    ("broke", "break"),
    ("broken", "break"),
    ("shot", "shoot"),
    ("fought", "fight"),
    ("met", "meet"),
    ("sought", "seek"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("told", "tell"),
    ("led", "lead"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("beaten", "beat"),
    ("brought", "bring"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fled", "flee"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("laid", "lay"),
    ("left", "leave"),
    ("made", "make"),
    ("overran", "overrun"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("said", "say"),
    ("sold", "sell"),
    ("stood", "stand"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("won", "win"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("came", "come"),
    ("fell", "fall"),
    ("got", "get"),
    ("gotten", "get"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("saw", "see"),
    ("seen", "see"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("upheld", "uphold"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("found", "find"),
    ("bound", "bind"),
    ("hung", "hang"),
    ("stuck", "stick"),
    ("swept", "sweep"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("dealt", "deal"),
    ("lent", "lend"),
    ("fed", "feed"),
    ("kept", "keep"),
    ("lost", "lose"),
    ("shut", "shut"),
    ("spread", "spread"),
    ("set", "set"),
    ("put", "put"),
    ("cut", "cut"),
    ("hit", "hit"),
    ("let", "let"),
    ("bid", "bid"),
    ("quit", "quit"),
    ("beat", "beat"),
    ("burnt", "burn"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("outlaw", "outlaw"),
];

/// Regular inflections of a verb lemma: -s, -ed, -ing with the usual spelling changes.
fn inflections(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    if b.is_empty() || !lemma.bytes().all(|c| c.is_ascii_lowercase() || c == b'-') {
        return v;
    }
    let last = b[b.len() - 1];
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // -s
    if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        v.push(format!("{lemma}es"));
    } else if last == b'y' && b.len() > 1 && !vowel(b[b.len() - 2]) {
        v.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        v.push(format!("{lemma}s"));
    }
    // -ed / -ing
    if last == b'e' {
        v.push(format!("{lemma}d"));
        v.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else if last == b'y' && b.len() > 1 && !vowel(b[b.len() - 2]) {
        v.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        v.push(format!("{lemma}ing"));
    } else {
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
        // Consonant doubling for short CVC verbs ("ban" → "banned", "ship" → "shipped").
        let n = b.len();
        if n >= 3
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
        {
            v.push(format!("{lemma}{}ed", last as char));
            v.push(format!("{lemma}{}ing", last as char));
        }
    }
    v
}

/// Whether `w` is an irregular past form the lexicon knows ("held", "undertook").
pub(crate) fn irregular_past(w: &str) -> bool {
    IRREGULAR.iter().any(|&(irr, _)| irr == w)
}

impl Lexicon {
    pub fn builtin() -> Lexicon {
        let mut lx = Lexicon::default();
        lx.load(VERBS, "data/verbs.tsv")
            .expect("built-in verbs.tsv is well-formed");
        lx
    }

    pub fn id(&mut self, w: &str) -> WordId {
        let w = w.to_lowercase();
        if let Some(&id) = self.vocab.get(&w) {
            return id;
        }
        let id = self.vocab.len() as WordId;
        self.vocab.insert(w, id);
        id
    }

    pub fn get(&self, w: &str) -> WordId {
        self.vocab.get(w).copied().unwrap_or(NONE)
    }

    fn expand_set(
        &self,
        set: &str,
        origin: &str,
        line: usize,
    ) -> Result<Vec<Vec<String>>, EventsError> {
        let mut alts = Vec::new();
        for alt in set.split('|').map(str::trim).filter(|a| !a.is_empty()) {
            if let Some(name) = alt.strip_prefix('$') {
                let class = self.classes.get(name).ok_or_else(|| EventsError::Format {
                    path: origin.into(),
                    line,
                    msg: format!("unknown word class ${name}"),
                })?;
                alts.extend(class.iter().cloned());
            } else {
                alts.push(alt.split_whitespace().map(str::to_lowercase).collect());
            }
        }
        Ok(alts)
    }

    /// Reads lexicon lines; user files use the same format as `data/verbs.tsv`.
    pub fn load(&mut self, text: &str, origin: &str) -> Result<(), EventsError> {
        let first_new = self.patterns.len();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.starts_with('#') || raw.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').collect();
            if let Some(name) = cols[0].strip_prefix('$') {
                let words = cols.get(1).ok_or_else(|| EventsError::Format {
                    path: origin.into(),
                    line,
                    msg: "word class without words".into(),
                })?;
                let alts = self.expand_set(words, origin, line)?;
                self.classes.insert(name.trim().to_string(), alts);
                continue;
            }
            if cols.len() < 3 {
                return Err(EventsError::Format {
                    path: origin.into(),
                    line,
                    msg: "want verb<TAB>complement<TAB>code[<TAB>flags<TAB>example]".into(),
                });
            }
            let code = cols[2].trim();
            if crate::cameo::cameo(code).is_none() {
                return Err(EventsError::Format {
                    path: origin.into(),
                    line,
                    msg: format!("unknown CAMEO code {code:?}"),
                });
            }
            let mut sets = Vec::new();
            let comp = cols[1].trim();
            if comp != "-" && !comp.is_empty() {
                for set in comp.split('+') {
                    let alts = self.expand_set(set, origin, line)?;
                    let ids: Vec<Vec<WordId>> = alts
                        .iter()
                        .map(|a| a.iter().map(|w| self.id(w)).collect())
                        .collect();
                    sets.push(ids);
                }
            }
            let flags = cols.get(3).copied().unwrap_or("-");
            let example = cols.get(4).copied().unwrap_or("").trim().to_string();
            for verb in cols[0].split('|').map(str::trim).filter(|v| !v.is_empty()) {
                let words: Vec<String> = verb.split_whitespace().map(str::to_lowercase).collect();
                let vid = self.id(&words[0]);
                for f in inflections(&words[0]) {
                    self.forms.entry(f).or_insert(vid);
                }
                let near = words[1..].iter().map(|w| self.id(w)).collect();
                self.patterns.push(Pattern {
                    verb: words[0].clone(),
                    near,
                    sets: sets.clone(),
                    code: code.to_string(),
                    claim: flags.split(',').any(|f| f.trim() == "claim"),
                    popular: flags.split(',').any(|f| f.trim() == "popular"),
                    example: example.clone(),
                    origin: format!("{origin}:{line}"),
                });
            }
        }
        for &(irr, lemma) in IRREGULAR {
            if let Some(&id) = self.vocab.get(lemma) {
                self.forms.entry(irr.to_string()).or_insert(id);
            }
        }
        // User patterns (loaded later) are tried before the built-in ones of the same verb.
        let mut by_verb: FxHashMap<WordId, Vec<usize>> = FxHashMap::default();
        let order: Vec<usize> = (first_new..self.patterns.len())
            .chain(0..first_new)
            .collect();
        for i in order {
            let vid = self.vocab[&self.patterns[i].verb];
            by_verb.entry(vid).or_default().push(i);
        }
        self.by_verb = by_verb;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_verbs() {
        assert!(inflections("accuse").contains(&"accused".to_string()));
        assert!(inflections("ban").contains(&"banned".to_string()));
        assert!(inflections("deny").contains(&"denied".to_string()));
        assert!(inflections("reach").contains(&"reaches".to_string()));
        assert!(inflections("visit").contains(&"visiting".to_string()));
    }

    #[test]
    fn builtin_lexicon_covers_every_root() {
        let lx = Lexicon::builtin();
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                lx.patterns.iter().any(|p| p.code.starts_with(&r)),
                "no pattern for root {r}"
            );
        }
        assert!(
            lx.patterns.iter().all(|p| !p.example.is_empty()),
            "every entry carries an example"
        );
        assert!(lx.patterns.len() > 600);
    }

    #[test]
    fn bad_lines_are_reported() {
        let mut lx = Lexicon::builtin();
        assert!(matches!(
            lx.load("frob\t-\t999\t-\tx\n", "u.tsv"),
            Err(EventsError::Format { line: 1, .. })
        ));
        assert!(matches!(
            lx.load("frob\t$NOPE\t010\t-\tx\n", "u.tsv"),
            Err(EventsError::Format { .. })
        ));
        assert!(matches!(
            lx.load("frob\n", "u.tsv"),
            Err(EventsError::Format { .. })
        ));
    }
}
