//! The CAMEO 1.1b3 code table (names, Goldstein values, QuadClass) and the CAMEO → PLOVER 0.8
//! type table, both compiled in from `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

const CAMEO: &str = include_str!("../data/cameo.tsv");
const PLOVER: &str = include_str!("../data/plover.tsv");

/// One CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
}

impl CameoCode {
    /// The two-digit root ("036" → "03").
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
    /// QuadClass: 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict
    /// (09–13), 4 material conflict (14–20).
    pub fn quad_class(&self) -> u8 {
        quad_class(self.root())
    }
}

/// QuadClass of a two-digit root.
pub fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

struct Tables {
    codes: HashMap<String, CameoCode>,
    plover: Vec<(String, String)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut codes = HashMap::new();
        for line in CAMEO
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cols = line.split('\t');
            let code = cols.next().unwrap_or("").trim().to_string();
            let goldstein = cols
                .next()
                .and_then(|g| g.trim().parse().ok())
                .unwrap_or(0.0);
            let name = cols.next().unwrap_or("").trim().to_string();
            codes.insert(
                code.clone(),
                CameoCode {
                    code,
                    name,
                    goldstein,
                },
            );
        }
        let mut plover: Vec<(String, String)> = PLOVER
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut c = l.split('\t');
                (
                    c.next().unwrap_or("").trim().to_string(),
                    c.next().unwrap_or("").trim().to_string(),
                )
            })
            .collect();
        // Longest prefix first.
        plover.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        Tables { codes, plover }
    })
}

/// Looks up a CAMEO code ("036", "1054").
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    tables().codes.get(code)
}

/// Every CAMEO code, unordered.
pub fn all_codes() -> impl Iterator<Item = &'static CameoCode> {
    tables().codes.values()
}

/// The PLOVER 0.8 event type of a CAMEO code; `None` for CAMEO 01 (public statements).
pub fn plover(code: &str) -> Option<&'static str> {
    tables()
        .plover
        .iter()
        .find(|(p, _)| code.starts_with(p.as_str()))
        .map(|(_, t)| t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_consistent() {
        assert!(all_codes().count() >= 300);
        for c in all_codes() {
            assert!(c.code.len() >= 2 && c.code.len() <= 4, "{c:?}");
            assert!((-10.0..=10.0).contains(&c.goldstein), "{c:?}");
            assert!(cameo(c.root()).is_some(), "root of {}", c.code);
            if c.code.len() == 4 {
                assert!(cameo(&c.code[..3]).is_some(), "parent of {}", c.code);
            }
        }
        for root in 1..=20 {
            assert!(cameo(&format!("{root:02}")).is_some(), "root {root:02}");
        }
    }

    #[test]
    fn plover_types() {
        for (code, want) in [
            ("010", None),
            ("020", Some("REQUEST")),
            ("036", Some("AGREE")),
            ("046", Some("CONSULT")),
            ("057", Some("SUPPORT")),
            ("0841", Some("RETREAT")),
            ("083", Some("CONCEDE")),
            ("112", Some("ACCUSE")),
            ("090", Some("ACCUSE")),
            ("1054", Some("REQUEST")),
            ("125", Some("REJECT")),
            ("138", Some("THREATEN")),
            ("141", Some("PROTEST")),
            ("154", Some("MOBILIZE")),
            ("161", Some("SANCTION")),
            ("163", Some("COERCE")),
            ("173", Some("COERCE")),
            ("175", Some("ASSAULT")),
            ("190", Some("ASSAULT")),
            ("191", Some("COERCE")),
            ("202", Some("ASSAULT")),
        ] {
            assert_eq!(plover(code), want, "{code}");
        }
        assert_eq!(cameo("036").unwrap().quad_class(), 1);
        assert_eq!(cameo("0841").unwrap().quad_class(), 2);
        assert_eq!(cameo("112").unwrap().quad_class(), 3);
        assert_eq!(cameo("190").unwrap().quad_class(), 4);
    }
}
