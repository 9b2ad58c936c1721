//! A forgiving CoNLL-U reader and writer. Malformed lines are reported as diagnostics, never panic.

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, otherwise 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A multiword token line (`3-4 don't`): the surface token spanning words `first..=last`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MultiWord {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

/// One sentence: its comment lines, words (1-based in the file, 0-based here) and multiword tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiwords: Vec<MultiWord>,
}

impl ConllSentence {
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let c = c.trim_start_matches('#').trim();
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
    pub fn has_comment(&self, key: &str) -> bool {
        self.comments.iter().any(|c| {
            let c = c.trim_start_matches('#').trim();
            c == key
                || c.split_once('=').is_some_and(|(k, _)| {
                    k.trim() == key || k.split_whitespace().next() == Some(key)
                })
        })
    }
    /// Gold heads are usable: every head within range and exactly one root.
    pub fn tree_is_valid(&self) -> bool {
        let n = self.words.len();
        n > 0
            && self.words.iter().all(|w| w.head <= n)
            && self.words.iter().filter(|w| w.head == 0).count() == 1
    }
}

/// Parses CoNLL-U text; returns sentences and diagnostics (line numbers are 1-based).
pub fn parse(text: &str) -> (Vec<ConllSentence>, Vec<String>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut cur = ConllSentence::default();
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = ConllSentence::default();
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            diags.push(format!("line {}: expected tab-separated columns", ln + 1));
            continue;
        }
        let get = |i: usize| cols.get(i).copied().unwrap_or("_").to_string();
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => cur.multiwords.push(MultiWord {
                    first: a - 1,
                    last: b - 1,
                    form: get(1),
                    misc: get(9),
                }),
                _ => diags.push(format!("line {}: bad multiword id {id:?}", ln + 1)),
            }
            continue;
        }
        if id.parse::<usize>().is_err() {
            diags.push(format!("line {}: bad id {id:?}", ln + 1));
            continue;
        }
        let head = match cols.get(6).and_then(|h| h.parse::<usize>().ok()) {
            Some(h) => h,
            None => {
                if cols.get(6).is_some_and(|h| *h != "_") {
                    diags.push(format!("line {}: bad head", ln + 1));
                }
                0
            }
        };
        cur.words.push(Word {
            form: get(1),
            lemma: get(2),
            upos: get(3),
            xpos: get(4),
            feats: get(5),
            head,
            deprel: get(7),
            deps: get(8),
            misc: get(9),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    (out, diags)
}

/// Whether `misc` says `SpaceAfter=No`.
pub fn no_space_after(misc: &str) -> bool {
    misc.split('|').any(|m| m == "SpaceAfter=No")
}

/// The surface tokens of a sentence: (form, space after?), multiword tokens merged.
pub fn surface_tokens(s: &ConllSentence) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        if let Some(mw) = s.multiwords.iter().find(|m| m.first == i) {
            out.push((mw.form.clone(), !no_space_after(&mw.misc)));
            i = mw.last.max(i) + 1;
        } else {
            out.push((s.words[i].form.clone(), !no_space_after(&s.words[i].misc)));
            i += 1;
        }
    }
    out
}

/// Writes sentences as CoNLL-U.
pub fn write(sents: &[ConllSentence]) -> String {
    let mut out = String::new();
    for s in sents {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        for (i, w) in s.words.iter().enumerate() {
            if let Some(mw) = s.multiwords.iter().find(|m| m.first == i) {
                out.push_str(&format!(
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                    mw.first + 1,
                    mw.last + 1,
                    mw.form,
                    mw.misc
                ));
            }
            let f = |x: &str| {
                if x.is_empty() {
                    "_".to_string()
                } else {
                    x.replace(['\t', '\n'], " ")
                }
            };
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                f(&w.form),
                f(&w.lemma),
                f(&w.upos),
                f(&w.xpos),
                f(&w.feats),
                w.head,
                f(&w.deprel),
                f(&w.deps),
                f(&w.misc)
            ));
        }
        out.push('\n');
    }
    out
}
