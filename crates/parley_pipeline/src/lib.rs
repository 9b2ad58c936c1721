//! Runs every stage in order: page bytes → [`Article`] → sentences → entities → quotes → events,
//! gathered in one [`Document`].
//!
//! Main type: [`Pipeline`]; build it once (it loads the models and dictionaries) and share it
//! across threads. [`Parse`] chooses whether the dependency parser runs on every sentence (the
//! default) or only on those a later stage reads the parse of ([`Pipeline::with_parse`];
//! `parley ingest` does this, see [`select`]).
//!
//! ```
//! let p = parley_pipeline::Pipeline::new(parley_pipeline::Config::default()).unwrap();
//! let doc = p.analyze_text("The talks resumed on Friday.".to_string(), &parley_pipeline::Options::default());
//! assert_eq!(doc.article.text, "The talks resumed on Friday.");
//! ```

pub mod select;

use std::path::PathBuf;

use parley_actors::ActorDict;
use parley_core::{Article, CharIndex, Date, Document, Span};
use parley_events::{Coder, CodingInput};
use parley_text::Analyzer;
pub use select::{Parse, ParseNeeds};

/// How to build a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// User actor dictionaries (`--actors`), applied in order over the built-in one.
    pub actor_files: Vec<PathBuf>,
    /// User verb-pattern files (`--verbs`).
    pub verb_files: Vec<PathBuf>,
    /// Keep every coded event, without the events stage's plausibility filter (`--all-events`).
    pub all_events: bool,
}

/// Per-input options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The article date when the page does not give one, or to override it.
    pub date: Option<Date>,
    pub url: Option<String>,
    /// Force HTML or text-page extraction.
    pub kind: Option<parley_extract::PageKind>,
    /// Keep tokens in the output sentences.
    pub tokens: bool,
}

/// Errors the user must fix.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Extract(#[from] parley_extract::ExtractError),
    #[error(transparent)]
    Actors(#[from] parley_actors::ActorError),
    #[error(transparent)]
    Verbs(#[from] parley_events::EventsError),
}

/// All stages, loaded.
pub struct Pipeline {
    analyzer: Analyzer,
    actors: ActorDict,
    coder: Coder,
    parse: Parse,
    needs: ParseNeeds,
}

impl Pipeline {
    pub fn new(config: Config) -> Result<Pipeline, PipelineError> {
        let mut actors = ActorDict::builtin().clone();
        for f in &config.actor_files {
            actors.load_file(f)?;
        }
        let mut coder = Coder::builtin();
        coder.actors = actors.clone();
        for f in &config.verb_files {
            coder.load_verbs(f)?;
        }
        coder.keep_all = config.all_events;
        let needs = ParseNeeds::new(
            coder.patterns().iter().map(|p| p.verb.as_str()),
            parley_quotes::cue_lexicon().iter().map(|c| c.form.as_str()),
        );
        Ok(Pipeline {
            analyzer: Analyzer::new(),
            actors,
            coder,
            parse: Parse::All,
            needs,
        })
    }

    /// Chooses which sentences the dependency parser runs on (default [`Parse::All`]).
    pub fn with_parse(mut self, parse: Parse) -> Pipeline {
        self.parse = parse;
        self
    }

    pub fn parse(&self) -> Parse {
        self.parse
    }

    /// Extracts the article from a page (HTML or flattened text) and analyses it.
    pub fn analyze_page(&self, bytes: &[u8], opts: &Options) -> Result<Document, PipelineError> {
        Ok(self.analyze_extracted(self.extract(bytes, opts)?, opts))
    }

    /// The extraction stage alone: callers that look at the article before the slower stages
    /// (ingest skips texts it already stored) finish with [`Pipeline::analyze_extracted`].
    pub fn extract(
        &self,
        bytes: &[u8],
        opts: &Options,
    ) -> Result<parley_extract::Extracted, PipelineError> {
        let eopts = parley_extract::Options {
            url: opts.url.clone(),
            kind: opts.kind,
        };
        Ok(parley_extract::extract(bytes, &eopts)?)
    }

    /// Runs the stages after extraction, keeping the extractor's diagnostics.
    pub fn analyze_extracted(&self, ex: parley_extract::Extracted, opts: &Options) -> Document {
        let mut doc = self.analyze_article(ex.article, opts);
        doc.diagnostics.extend(ex.diagnostics);
        doc
    }

    /// Analyses a text taken verbatim as the article body (JSONL mode).
    pub fn analyze_text(&self, text: String, opts: &Options) -> Document {
        let article = Article {
            url: opts.url.clone(),
            paragraphs: paragraph_spans(&text),
            text,
            ..Article::default()
        };
        self.analyze_article(article, opts)
    }

    /// Runs the stages after extraction.
    pub fn analyze_article(&self, mut article: Article, opts: &Options) -> Document {
        if opts.url.is_some() && article.url.is_none() {
            article.url = opts.url.clone();
        }
        let date = opts
            .date
            .or_else(|| article.published.as_deref().and_then(Date::parse_iso));
        article.tags = refine_tags(std::mem::take(&mut article.tags), &self.actors);
        if article.published.is_none() {
            article.published = opts.date.map(|d| d.to_string());
        }
        let (sentences, ents) = match self.parse {
            Parse::All => {
                let sentences = self.analyzer.analyze(&article.text, &article.paragraphs);
                let ents =
                    parley_entities::recognize(&article.text, &sentences, &self.actors, date);
                (sentences, ents)
            }
            Parse::Needed => {
                // Tag everything, find the entities (their coreference reads the parse only in
                // the sentences `parse_sensitive` names), then parse the sentences a later stage
                // will read the parse of.
                let mut sentences = self.analyzer.analyze_selected(
                    &article.text,
                    &article.paragraphs,
                    &mut |_, _, _| false,
                );
                let ents =
                    parley_entities::recognize(&article.text, &sentences, &self.actors, date);
                let ctx = select::Context {
                    text: &article.text,
                    entities: &ents,
                    date,
                };
                let want = self.needs.select(
                    &sentences,
                    &self.analyzer.models().lemmatizer,
                    &self.coder,
                    &ctx,
                );
                let mut reread = false;
                for ((s, w), c) in sentences.iter_mut().zip(want.parse).zip(want.sensitive) {
                    if w {
                        self.analyzer.parse_sentence(s);
                        reread |= c;
                    }
                }
                // Coreference reads the parse where it has one ("officials said they …"):
                // when such a sentence is parsed on a page whose events may count, the entities
                // are found again (elsewhere the pronouns' codes only reach quote speakers).
                let reread = reread && want.events_possible;
                let ents = if reread {
                    parley_entities::recognize(&article.text, &sentences, &self.actors, date)
                } else {
                    ents
                };
                (sentences, ents)
            }
        };
        let quotes = parley_quotes::find_quotes(&article.text, &sentences, &ents);
        let events = self.coder.code(&CodingInput {
            text: &article.text,
            sentences: &sentences,
            entities: &ents,
            quotes: &quotes,
            article_date: date,
        });
        let sentences = if opts.tokens {
            sentences
        } else {
            sentences
                .into_iter()
                .map(|s| parley_core::Sentence {
                    tokens: Vec::new(),
                    ..s
                })
                .collect()
        };
        Document {
            id: None,
            article,
            sentences,
            entities: ents.entities,
            quotes,
            events,
            diagnostics: Vec::new(),
        }
    }
}

/// Paragraphs of a verbatim text: runs of lines separated by blank lines.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(idx.span_of_bytes(s, last_end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(pos + lead);
            last_end = pos + content.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(idx.span_of_bytes(s, last_end));
    }
    out
}

/// Re-splits tags that arrived run together ("Donald Trump Kim" + "Jong Un", "Argentina Brazil
/// trade") along the names the actor dictionary knows. Runs of capitalised tags are joined first
/// (a name may have been cut across two tags); then, in every run of words, each dictionary name
/// (country, organisation, person, outlet) becomes a tag of its own and the words between names
/// stay together as one tag. Tags holding no known name are left as they were.
pub fn refine_tags(tags: Vec<String>, dict: &ActorDict) -> Vec<String> {
    let capitalised = |t: &str| {
        t.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    let mut i = 0;
    while i < tags.len() {
        // A run: consecutive all-capitalised tags, or a single tag.
        let mut j = i + 1;
        if capitalised(&tags[i]) {
            while j < tags.len() && capitalised(&tags[j]) {
                j += 1;
            }
        }
        let words: Vec<&str> = tags[i..j]
            .iter()
            .flat_map(|t| t.split_whitespace())
            .collect();
        let mut pieces: Vec<String> = Vec::new();
        let mut loose: Vec<&str> = Vec::new();
        let mut known = 0;
        let mut k = 0;
        while k < words.len() {
            let starts_upper = words[k].chars().next().is_some_and(char::is_uppercase);
            let hit = if starts_upper {
                dict.longest_match(&words[k..], None).filter(|(_, m)| {
                    !matches!(
                        m.kind,
                        parley_actors::ActorKind::Role | parley_actors::ActorKind::Nationality
                    )
                })
            } else {
                None
            };
            match hit {
                Some((n, _)) => {
                    if !loose.is_empty() {
                        pieces.push(loose.join(" "));
                        loose.clear();
                    }
                    pieces.push(words[k..k + n].join(" "));
                    known += 1;
                    k += n;
                }
                None => {
                    loose.push(words[k]);
                    k += 1;
                }
            }
        }
        if !loose.is_empty() {
            pieces.push(loose.join(" "));
        }
        // A single known name that is the whole tag, or no name at all: nothing to re-split.
        if known > 0
            && !(pieces.len() == j - i && pieces.iter().zip(&tags[i..j]).all(|(p, t)| p == t))
        {
            out.extend(pieces);
        } else {
            out.extend(tags[i..j].iter().cloned());
        }
        i = j;
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| seen.insert(t.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[&str], expected: &[&str]) {
        let got = refine_tags(
            input.iter().map(|s| s.to_string()).collect(),
            ActorDict::builtin(),
        );
        assert_eq!(got, expected);
    }

    #[test]
    fn run_together_names_are_resplit_on_known_names() {
        check(
            &["Angela Merkel Vladimir", "Putin", "gas prices"],
            &["Angela Merkel", "Vladimir Putin", "gas prices"],
        );
        check(
            &["sanctions", "Emmanuel Macron Germany"],
            &["sanctions", "Emmanuel Macron", "Germany"],
        );
        check(
            &["Chile Peru fisheries", "quotas"],
            &["Chile", "Peru", "fisheries", "quotas"],
        );
    }

    #[test]
    fn unknown_runs_are_left_alone() {
        check(
            &["Quarterly Results", "earnings"],
            &["Quarterly Results", "earnings"],
        );
        check(&["trade war", "climate"], &["trade war", "climate"]);
    }

    #[test]
    fn paragraphs_of_verbatim_text_follow_blank_lines() {
        let t = "First line\nsecond line\n\n  Next para  \n";
        let spans = paragraph_spans(t);
        assert_eq!(spans, vec![Span::new(0, 22), Span::new(26, 35)]);
    }

    /// "X praised the deal, telling RNA that …": the outlet told (after the participle) is not
    /// the speaker of the clause before the comma (the quotes stage, on parsed sentences).
    #[test]
    fn the_outlet_told_after_a_participle_is_no_speaker() {
        let text =
            "Ardenia's trade minister praised the deal on Monday, telling the state radio RNA \
            that talks would go on.";
        let doc = Pipeline::new(Config::default())
            .unwrap()
            .analyze_text(text.to_string(), &Options::default());
        assert!(
            doc.quotes.iter().all(|q| q
                .speaker
                .as_ref()
                .is_none_or(|s| !s.text.contains("RNA") && !s.text.contains("radio"))),
            "{:?}",
            doc.quotes
        );
    }

    /// Parsing only the sentences that need it changes neither events, quotes nor entities.
    #[test]
    fn parsing_only_needed_sentences_keeps_the_output() {
        let text = "The harbour town was quiet on Sunday morning.\n\n\
            Rebels attacked an army post near the border on Saturday, the defence ministry said.\n\n\
            Photo by the author.\n\n\
            Egypt's foreign minister met his Sudanese counterpart in Cairo to discuss the dam.\n\n\
            \u{201c}We will not accept any delay,\u{201d} the minister told reporters.\n\n\
            The minister pointed out that the talks would resume next month.\n\n\
            Prices of bread rose again.";
        let opts = Options {
            tokens: true,
            ..Options::default()
        };
        let all = Pipeline::new(Config::default()).unwrap();
        let needed = Pipeline::new(Config::default())
            .unwrap()
            .with_parse(Parse::Needed);
        let a = all.analyze_text(text.to_string(), &opts);
        let b = needed.analyze_text(text.to_string(), &opts);
        assert!(!a.events.is_empty() && !a.quotes.is_empty());
        assert_eq!(a.events, b.events);
        assert_eq!(a.quotes, b.quotes);
        assert_eq!(a.entities, b.entities);
        let parsed = |d: &Document| {
            d.sentences
                .iter()
                .filter(|s| s.tokens.iter().any(|t| t.head.is_some()))
                .count()
        };
        assert_eq!(parsed(&a), a.sentences.len());
        assert!(parsed(&b) < b.sentences.len(), "nothing was left unparsed");
        // Unparsed sentences keep their tokens, tags and lemmas.
        for (x, y) in a.sentences.iter().zip(&b.sentences) {
            assert_eq!(x.tokens.len(), y.tokens.len());
            for (s, t) in x.tokens.iter().zip(&y.tokens) {
                assert_eq!((&s.text, &s.lemma, s.upos), (&t.text, &t.lemma, t.upos));
            }
        }
    }
}
