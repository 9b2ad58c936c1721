//! Which sentences could hold an event the plausibility filter keeps, decided before the
//! dependency parse: `parley ingest` parses only the sentences some later stage needs, and an
//! event-verb sentence with no political actor in reach cannot yield a kept event.
//!
//! [`Coder::actor_sentences`] answers per sentence from what exists before the parse (tokens,
//! tags, lemmas, the entity stage's resolved mentions); [`Coder::page_may_pass`] bounds the
//! filter's page rule (`plausible.rs`) from above. Both err on the side of "yes": a sentence
//! they reject has no source or target the filter counts as political, whatever its parse.
//! Where an actor can come from (`actors_of` and the speaker rules in `lib.rs`):
//! - a name the entity stage codes as political; on a page with a political name, dictionary
//!   name or state role, also a pronoun or description with any code. The parse read by
//!   coreference only removes antecedents (or binds "they" to the subject of "said" in its own
//!   sentence, which the token scan below sees), so a pronoun left without a code before the
//!   parse gets none after it, while one with a code may take another antecedent's — a
//!   political one only where the page names one;
//! - a dictionary name (`ActorDict::longest_match`) or an ethnic group of `data/ethnic.tsv`;
//! - a role noun of a state sector ("officials", "police", "rebels");
//! - a surname of a dictionary person named earlier (the coder's own memory);
//! - "he"/"she" when the entity stage found no mentions at all (the coder's own memory);
//! - the speaker of a quotation the sentence lies in.

use parley_core::{Date, Sentence};
use parley_entities::Analysis;

use crate::{plausible, Coder};

impl Coder {
    /// Per sentence of `sentences` (parsed or not): whether a political actor may take part in
    /// an event coded there. All `true` when the coder keeps every event (`keep_all`).
    pub fn actor_sentences(
        &self,
        text: &str,
        sentences: &[Sentence],
        entities: &Analysis,
        date: Option<Date>,
    ) -> Vec<bool> {
        if self.keep_all {
            return vec![true; sentences.len()];
        }
        let mut out = vec![false; sentences.len()];
        for m in &entities.mentions {
            // A name's code does not depend on the parse (pronouns and descriptions: below).
            if m.kind == parley_entities::MentionKind::Name
                && m.code.as_deref().is_some_and(plausible::political_code)
            {
                if let Some(o) = out.get_mut(m.sentence) {
                    *o = true;
                }
            }
        }
        // Lower-cased words of the political people the dictionary names in the document.
        let mut person_words: std::collections::HashSet<String> = Default::default();
        let mut any_political = out.iter().any(|&o| o);
        for (si, s) in sentences.iter().enumerate() {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
            for k in 0..words.len() {
                // The coder may match a shorter name where a mention cuts the longer one off.
                let mut lim = words.len();
                while let Some((len, m)) = self.actors.longest_match(&words[k..lim], date) {
                    if plausible::political_code(&m.code) {
                        out[si] = true;
                        if m.kind == parley_actors::ActorKind::Person {
                            person_words.extend(words[k..k + len].iter().map(|w| w.to_lowercase()));
                        }
                        break;
                    }
                    lim = (k + len).saturating_sub(1);
                    if lim <= k {
                        break;
                    }
                }
                let t = &s.tokens[k];
                if self.ethnic.get(&t.text).is_some()
                    || self
                        .actors
                        .role_sector(&t.lemma.to_lowercase())
                        .is_some_and(plausible::political_code)
                {
                    out[si] = true;
                }
            }
            any_political |= out[si];
        }
        if !any_political {
            return out;
        }
        // A pronoun's code, or a description's placed through a possessive pronoun ("their
        // company"), may change to another antecedent's when the coreference reads the parse:
        // on a page naming a political actor, any code counts.
        for m in &entities.mentions {
            if m.kind != parley_entities::MentionKind::Name && m.code.is_some() {
                if let Some(o) = out.get_mut(m.sentence) {
                    *o = true;
                }
            }
        }
        let no_mentions = entities.mentions.is_empty();
        let quotes = parley_entities::marks::quote_spans(text);
        let idx = parley_core::CharIndex::new(text);
        // (quotation spans and sentences are both in text order, spans do not overlap)
        let mut q = 0;
        for (si, s) in sentences.iter().enumerate() {
            let (b0, b1) = (idx.byte_of_char(s.start), idx.byte_of_char(s.end));
            while q < quotes.len() && quotes[q].end <= b0 {
                q += 1;
            }
            if out[si] {
                continue;
            }
            let quoted = quotes.get(q).is_some_and(|x| x.start < b1);
            out[si] = quoted
                || s.tokens.iter().enumerate().any(|(i, t)| {
                    let lw = t.text.to_lowercase();
                    (no_mentions && crate::HE_SHE.contains(&lw.as_str()))
                        || (i > 0
                            && t.text.chars().next().is_some_and(char::is_uppercase)
                            && person_words.contains(&lw))
                });
        }
        out
    }

    /// Per sentence: whether a protest pattern (CAMEO root 14, coded whoever stages it) may
    /// match there: its verb, its other words and one alternative of each complement set all
    /// occur in the sentence ("take" alone is no protest; "took to the streets" may be). Only
    /// the sentences `candidates` marks are looked at (those holding a verb of the lexicon).
    pub fn protest_sentences(&self, sentences: &[Sentence], candidates: &[bool]) -> Vec<bool> {
        sentences
            .iter()
            .zip(candidates)
            .map(|(s, &c)| {
                if !c {
                    return false;
                }
                let view = crate::View::new(&self.lexicon, &s.tokens);
                let mut ids: Vec<crate::WordId> = view
                    .ids
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&id| id != crate::NONE)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                let has = |w: &crate::WordId| ids.binary_search(w).is_ok();
                (0..view.toks.len()).any(|v| {
                    // the verb by its ids, or a past form read as an adjective ("marched")
                    let l = view.lower[v].as_str();
                    let stems = l
                        .strip_suffix("ed")
                        .map(|st| [self.lexicon.get(st), self.lexicon.get(&l[..l.len() - 1])]);
                    view.ids[v]
                        .iter()
                        .chain(stems.iter().flatten())
                        .filter_map(|id| self.lexicon.by_verb.get(id))
                        .flatten()
                        .map(|&pi| &self.lexicon.patterns[pi])
                        .any(|p| {
                            p.code.starts_with("14")
                                && p.near.iter().all(has)
                                && p.sets
                                    .iter()
                                    .all(|set| set.iter().any(|alt| alt.iter().all(has)))
                        })
                })
            })
            .collect()
    }

    /// Whether the plausibility filter's page rule (one sentence in ten names a political
    /// actor) can pass when events are coded only in the sentences `candidates` marks: an upper
    /// bound, so `false` means no event of the document would be kept. Always `true` when the
    /// coder keeps every event.
    pub fn page_may_pass(&self, entities: &Analysis, candidates: &[bool]) -> bool {
        self.keep_all || plausible::page_bound(entities, candidates)
    }
}
