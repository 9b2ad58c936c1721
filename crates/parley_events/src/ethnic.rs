//! Ethnic groups without a state of their own (`data/ethnic.tsv`): "Kurds", "Druze", "Tamil".
//!
//! CAMEO codes people by where they live, the group's code kept as a third part: "Kurdish fighters
//! in Syria" → `SYRREBKUR`, "Iraqi Kurds" → `IRQCVLKUR`. The table gives each group's code, the
//! forms that name it and, for a group living almost entirely in one state, that state.

use std::collections::HashMap;

const ETHNIC: &str = include_str!("../data/ethnic.tsv");

/// One group of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// Upper-case three-letter group code (`KUR`).
    pub code: String,
    pub name: String,
    /// The one state the group lives in, when there is one.
    pub home: Option<String>,
    pub example: String,
    /// The code the group gets in its example.
    pub expected: String,
}

/// The ethnic-group table, by lower-cased form and by code.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ethnic {
    pub groups: Vec<Group>,
    by_form: HashMap<String, usize>,
}

impl Ethnic {
    /// The built-in table.
    pub fn builtin() -> Ethnic {
        let mut e = Ethnic::default();
        for line in ETHNIC.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 6 || cols[0].len() != 3 {
                continue;
            }
            let idx = e.groups.len();
            for f in cols[2].split('|').map(str::trim).filter(|f| !f.is_empty()) {
                e.by_form.insert(f.to_lowercase(), idx);
            }
            e.groups.push(Group {
                code: cols[0].to_ascii_uppercase(),
                name: cols[1].to_string(),
                home: (!cols[3].is_empty()).then(|| cols[3].to_string()),
                example: cols[4].to_string(),
                expected: cols[5].to_string(),
            });
        }
        e
    }

    /// The group a word names ("Kurdish", "Kurds"), case-insensitive; capitalised words only.
    pub fn get(&self, word: &str) -> Option<&Group> {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.by_form
            .get(&word.to_lowercase())
            .map(|&i| &self.groups[i])
    }

    /// The group whose code is `code` (upper-case).
    pub fn by_code(&self, code: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.code == code)
    }
}
