//! The linguistic core: raw text → [`Sentence`]s of [`Token`]s with offsets, UPOS and Penn tags,
//! lemmas and Universal Dependencies relations.
//!
//! Main types: [`Analyzer`] (the [`tokenize`] rules, the learned [`splitter::Splitter`], the
//! two-pass [`tagger::Tagger`], the [`lemma::Lemmatizer`] and the arc-eager [`parser::Parser`]
//! behind one call), [`conllu`] for reading and writing treebanks, [`eval`] for the scores and
//! [`train`] for rebuilding the models from UD English-EWT (see `data/README.md`). Models are
//! compiled in (`include_bytes!`) and parsed once per process; [`Analyzer`] is `Send + Sync`.
//!
//! ```
//! let analyzer = parley_text::Analyzer::new();
//! let sents = analyzer.analyze("Kim met Trump. They talked.", &[]);
//! assert_eq!(sents.len(), 2);
//! assert_eq!(sents[0].tokens[0].text, "Kim");
//! assert_eq!(sents[0].tokens[1].lemma, "meet");
//! ```

pub mod conllu;
pub mod eval;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod splitter;
pub mod tagger;
pub mod tokenize;
pub mod train;

use std::sync::{Arc, OnceLock};

use parley_core::{CharIndex, Sentence, Span, Token, Upos};

/// Errors of the linguistic core.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("bad model: {0}")]
    Model(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Data(String),
}

static TAGGER_BYTES: &[u8] = include_bytes!("../data/tagger.bin.gz");
static PARSER_BYTES: &[u8] = include_bytes!("../data/parser.bin.gz");
static SPLITTER_BYTES: &[u8] = include_bytes!("../data/splitter.bin.gz");
static LEMMA_EXCEPTIONS: &str = include_str!("../data/lemma_exceptions.tsv");
static LEMMA_IRREGULAR: &str = include_str!("../data/irregular.tsv");
static LEMMA_VOCAB: &str = include_str!("../data/lemma_vocab.tsv");

/// The lemma vocabulary learned from UD English-EWT (`data/lemma_vocab.tsv`, CC BY-SA 4.0):
/// common English words, no proper nouns. Later stages use it as a list of common words.
pub fn lemma_vocab() -> &'static str {
    LEMMA_VOCAB
}

/// The three trained components.
#[derive(Debug, Default)]
pub struct Models {
    pub tagger: tagger::Tagger,
    pub parser: parser::Parser,
    pub lemmatizer: lemma::Lemmatizer,
    pub splitter: splitter::Splitter,
    /// Problems met while loading (a missing model degrades to simple heuristics).
    pub diagnostics: Vec<String>,
}

impl Models {
    /// The models compiled into the binary.
    pub fn builtin() -> Models {
        let mut diagnostics = Vec::new();
        let tagger = tagger::Tagger::from_bytes(TAGGER_BYTES).unwrap_or_else(|e| {
            diagnostics.push(format!("tagger model not loaded: {e}"));
            tagger::Tagger::default()
        });
        let parser = parser::Parser::from_bytes(PARSER_BYTES).unwrap_or_else(|e| {
            diagnostics.push(format!("parser model not loaded: {e}"));
            parser::Parser::default()
        });
        let splitter = splitter::Splitter::from_bytes(SPLITTER_BYTES).unwrap_or_else(|e| {
            diagnostics.push(format!("sentence model not loaded, rules used: {e}"));
            splitter::Splitter::default()
        });
        Models {
            tagger,
            parser,
            lemmatizer: builtin_lemmatizer(),
            splitter,
            diagnostics,
        }
    }
}

/// The lemmatiser compiled into the binary.
pub fn builtin_lemmatizer() -> lemma::Lemmatizer {
    lemma::Lemmatizer::from_tsv(&[LEMMA_EXCEPTIONS, LEMMA_IRREGULAR], LEMMA_VOCAB)
}

static BUILTIN: OnceLock<Arc<Models>> = OnceLock::new();

/// Decides, from a sentence's words, UPOS tags and lemmas, whether it is parsed
/// ([`Analyzer::analyze_selected`]).
pub type SentenceFilter<'a> = dyn FnMut(&[&str], &[Upos], &[String]) -> bool + 'a;

/// Holds the loaded models; build once, share across threads (cheap to create and clone).
#[derive(Debug, Clone)]
pub struct Analyzer {
    models: Arc<Models>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// The analysis of one word given gold tokenisation.
#[derive(Debug, Clone, PartialEq)]
pub struct WordAnalysis {
    pub upos: Upos,
    pub xpos: String,
    pub lemma: String,
    /// 0 = root, else 1-based head index.
    pub head: usize,
    pub deprel: String,
}

fn heuristic_upos(w: &str) -> Upos {
    if w.chars().all(|c| !c.is_alphanumeric()) {
        Upos::PUNCT
    } else if w
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        Upos::NUM
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        Upos::PROPN
    } else {
        Upos::NOUN
    }
}

/// Byte ranges to tokenise: the paragraphs (clamped, in order) and any text between them, so
/// that no sentence crosses a paragraph boundary.
fn regions(idx: &CharIndex, text: &str, paragraphs: &[Span]) -> Vec<(usize, usize)> {
    let total_chars = idx.len_chars();
    let mut spans: Vec<Span> = paragraphs
        .iter()
        .filter(|p| p.start < p.end && p.start < total_chars)
        .map(|p| Span {
            start: p.start,
            end: p.end.min(total_chars),
        })
        .collect();
    spans.sort();
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0usize;
    for p in spans {
        if p.end <= pos {
            continue;
        }
        let s = p.start.max(pos);
        if s > pos {
            regions.push((idx.byte_of_char(pos), idx.byte_of_char(s)));
        }
        regions.push((idx.byte_of_char(s), idx.byte_of_char(p.end)));
        pos = p.end;
    }
    if pos < total_chars {
        regions.push((idx.byte_of_char(pos), text.len()));
    }
    regions
}

impl Analyzer {
    /// Loads the models compiled into the binary (parsed once per process).
    pub fn new() -> Analyzer {
        Analyzer {
            models: BUILTIN.get_or_init(|| Arc::new(Models::builtin())).clone(),
        }
    }

    /// Uses the given models (for evaluation of freshly trained ones).
    pub fn with_models(models: Models) -> Analyzer {
        Analyzer {
            models: Arc::new(models),
        }
    }

    pub fn models(&self) -> &Models {
        &self.models
    }

    /// The tagger's class names ("UPOS" or "UPOS|XPOS") for `words`, or heuristic UPOS tags when
    /// no tagger model is loaded.
    fn tag_classes<'m>(&'m self, words: &[&str]) -> Vec<&'m str> {
        let m = &*self.models;
        let classes = m.tagger.classes();
        if classes.is_empty() {
            return words.iter().map(|w| heuristic_upos(w).as_str()).collect();
        }
        m.tagger
            .tag(words)
            .into_iter()
            .map(|c| classes.get(c).map(String::as_str).unwrap_or("X"))
            .collect()
    }

    /// (head, relation) for each word from the tagged `names`; a flat tree under the first word
    /// when no parser model is loaded.
    fn parse_tagged(&self, words: &[&str], names: &[&str]) -> Vec<(usize, String)> {
        let m = &*self.models;
        if m.parser.labels.is_empty() {
            return (0..words.len())
                .map(|i| {
                    (
                        usize::from(i > 0),
                        if i == 0 { "root" } else { "dep" }.to_string(),
                    )
                })
                .collect();
        }
        m.parser.parse(&parser::Input::new(words, names))
    }

    /// Tags, lemmatises and parses a sentence of given words.
    pub fn analyze_words(&self, words: &[&str]) -> Vec<WordAnalysis> {
        let m = &*self.models;
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        let names = self.tag_classes(words);
        let tags: Vec<(Upos, String)> = names
            .iter()
            .map(|c| {
                let (u, x) = tagger::split_class(c);
                (u, x.to_string())
            })
            .collect();
        let parsed = self.parse_tagged(words, &names);
        words
            .iter()
            .zip(tags)
            .zip(parsed)
            .map(|((w, (upos, xpos)), (head, deprel))| WordAnalysis {
                lemma: m.lemmatizer.lemma(w, upos),
                upos,
                xpos,
                head,
                deprel,
            })
            .collect()
    }

    /// Splits `text` into sentences (never across the given paragraph spans) and analyses them.
    /// Offsets are code points into `text`.
    pub fn analyze(&self, text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
        self.analyze_selected(text, paragraphs, &mut |_, _, _| true)
    }

    /// Like [`Analyzer::analyze`] (same sentences, tokens, tags and lemmas), but runs the
    /// dependency parser only on the sentences `select` accepts: it is called once per
    /// sentence, in text order, with the sentence's words, UPOS tags and lemmas. Tokens of a
    /// sentence it rejects keep their offsets, text, tags and lemmas, but have no parse: `head`
    /// is `None` for every token and `deprel` is empty (`""`). Callers use it to skip the parser
    /// on sentences no later stage reads the parse of (see `parley_pipeline`'s `Parse::Needed`).
    ///
    /// ```
    /// let a = parley_text::Analyzer::new();
    /// let s = a.analyze_selected("Kim met Trump. It rained.", &[], &mut |w, _, _| w[0] == "Kim");
    /// assert!(s[0].tokens.iter().any(|t| t.head.is_some()));
    /// assert!(s[1].tokens.iter().all(|t| t.head.is_none() && t.deprel.is_empty()));
    /// assert_eq!(s[1].tokens[1].lemma, "rain");
    /// ```
    pub fn analyze_selected(
        &self,
        text: &str,
        paragraphs: &[Span],
        select: &mut SentenceFilter,
    ) -> Vec<Sentence> {
        let m = &*self.models;
        let idx = CharIndex::new(text);
        let regions = regions(&idx, text, paragraphs);
        let mut out = Vec::new();
        let mut toks = Vec::new();
        for (a, b) in regions {
            toks.clear();
            tokenize::tokenize_into(text, a, b, &mut toks);
            for (s, e) in m.splitter.split(text, &toks) {
                let st = &toks[s..e];
                if st.is_empty() {
                    continue;
                }
                let words: Vec<&str> = st.iter().map(|t| &text[t.start..t.end]).collect();
                let names = self.tag_classes(&words);
                let tags: Vec<(Upos, &str)> =
                    names.iter().map(|c| tagger::split_class(c)).collect();
                let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
                let lemmas: Vec<String> = words
                    .iter()
                    .zip(&upos)
                    .map(|(w, &u)| m.lemmatizer.lemma(w, u))
                    .collect();
                let parsed =
                    select(&words, &upos, &lemmas).then(|| self.parse_tagged(&words, &names));
                let mut parsed = parsed.map(Vec::into_iter);
                let tokens = st
                    .iter()
                    .zip(tags)
                    .zip(lemmas)
                    .map(|((t, (upos, xpos)), lemma)| {
                        let (head, deprel) = parsed
                            .as_mut()
                            .and_then(Iterator::next)
                            .unwrap_or((0, String::new()));
                        Token {
                            start: idx.char_of_byte(t.start),
                            end: idx.char_of_byte(t.end),
                            text: text[t.start..t.end].to_string(),
                            lemma,
                            upos,
                            xpos: xpos.to_string(),
                            head: head.checked_sub(1),
                            deprel,
                        }
                    })
                    .collect();
                let (bs, be) = (st[0].start, st[st.len() - 1].end);
                out.push(Sentence {
                    start: idx.char_of_byte(bs),
                    end: idx.char_of_byte(be),
                    text: text[bs..be].to_string(),
                    tokens,
                });
            }
        }
        out
    }

    /// Parses a sentence that [`Analyzer::analyze_selected`] left unparsed, from the tags it
    /// already carries: afterwards it is the sentence `analyze` would have given. Callers decide
    /// which sentences to parse once later stages have read the unparsed ones (the pipeline's
    /// `Parse::Needed` looks at the entities first).
    ///
    /// ```
    /// let a = parley_text::Analyzer::new();
    /// let text = "Kim met Trump in Hanoi.";
    /// let mut s = a.analyze_selected(text, &[], &mut |_, _, _| false);
    /// a.parse_sentence(&mut s[0]);
    /// assert_eq!(s, a.analyze(text, &[]));
    /// ```
    pub fn parse_sentence(&self, sentence: &mut Sentence) {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
        let names: Vec<String> = sentence
            .tokens
            .iter()
            .map(|t| {
                if t.xpos.is_empty() {
                    t.upos.as_str().to_string()
                } else {
                    format!("{}|{}", t.upos.as_str(), t.xpos)
                }
            })
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let parsed = self.parse_tagged(&words, &names);
        for (t, (head, deprel)) in sentence.tokens.iter_mut().zip(parsed) {
            t.head = head.checked_sub(1);
            t.deprel = deprel;
        }
    }
}
