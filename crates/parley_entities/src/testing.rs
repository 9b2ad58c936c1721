//! Builds [`Sentence`]s without the linguistic core, for tests, examples and benchmarks: a simple
//! sentence splitter and tokenizer; every token is tagged `X` unless given as `word/TAG`
//! through [`tagged`].

use parley_core::{CharIndex, Sentence, Token, Upos};

fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Prof"
            | "Lt"
            | "Col"
            | "No"
            | "vs"
    ) || (w.len() == 1 && w.chars().all(|c| c.is_uppercase()))
        // Initials before a surname: "H.J. Lane".
        || (w.len() >= 3
            && w.contains('.')
            && w.split('.').all(|p| p.len() == 1 && p.chars().all(char::is_uppercase)))
}

/// Splits `text` into sentences of untagged tokens (code-point offsets into `text`).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    let mut toks: Vec<Token> = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let flush =
        |toks: &mut Vec<Token>, start: &mut Option<usize>, end: usize, out: &mut Vec<Sentence>| {
            if let Some(s) = start.take() {
                let cs = idx.char_of_byte(s);
                let ce = idx.char_of_byte(end);
                out.push(Sentence {
                    start: cs,
                    end: ce,
                    text: text[s..end].to_string(),
                    tokens: std::mem::take(toks),
                });
            }
        };
    while i < chars.len() {
        let (b, c) = chars[i];
        if c == '\n' {
            let end = toks.last().map(|t| idx.byte_of_char(t.end)).unwrap_or(b);
            flush(&mut toks, &mut start, end, &mut out);
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric());
                if d.is_alphanumeric() || (matches!(d, '\'' | '’' | '-' | '.') && next_alnum) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let e = chars.get(j).map(|x| x.0).unwrap_or(text.len());
        start.get_or_insert(b);
        let w = &text[b..e];
        toks.push(Token {
            start: idx.char_of_byte(b),
            end: idx.char_of_byte(e),
            text: w.to_string(),
            lemma: w.to_lowercase(),
            upos: if c.is_alphanumeric() {
                Upos::X
            } else {
                Upos::PUNCT
            },
            ..Token::default()
        });
        i = j;
        if matches!(w, "." | "!" | "?") {
            // Closing quotation marks stay with the sentence.
            while i < chars.len() && matches!(chars[i].1, '”' | '"' | '’' | ')') {
                let (qb, qc) = chars[i];
                toks.push(Token {
                    start: idx.char_of_byte(qb),
                    end: idx.char_of_byte(qb + qc.len_utf8()),
                    text: qc.to_string(),
                    lemma: qc.to_string(),
                    upos: Upos::PUNCT,
                    ..Token::default()
                });
                i += 1;
            }
            let prev = toks
                .len()
                .checked_sub(2)
                .map(|k| toks[k].text.clone())
                .unwrap_or_default();
            if w == "." && is_abbrev(&prev) {
                continue;
            }
            // A new sentence starts with a capital letter or a quotation mark.
            let next = chars[i..].iter().map(|x| x.1).find(|c| !c.is_whitespace());
            if next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
                continue;
            }
            let end = chars.get(i).map(|x| x.0).unwrap_or(text.len());
            flush(&mut toks, &mut start, end, &mut out);
        }
    }
    let end = toks
        .last()
        .map(|t| idx.byte_of_char(t.end))
        .unwrap_or(text.len());
    flush(&mut toks, &mut start, end, &mut out);
    out
}

/// Like [`sentences`], but tags tokens written `word/TAG` ("Lane/PROPN said/VERB"): returns the
/// text without the tags and its sentences.
pub fn tagged(src: &str) -> (String, Vec<Sentence>) {
    let mut text = String::new();
    let mut tags = Vec::new();
    for (k, w) in src.split(' ').enumerate() {
        if k > 0 {
            text.push(' ');
        }
        match w.rsplit_once('/') {
            Some((word, tag)) if Upos::parse(tag).is_some() => {
                text.push_str(word);
                tags.push(Upos::parse(tag));
            }
            _ => {
                text.push_str(w);
                tags.push(None);
            }
        }
    }
    let mut sents = sentences(&text);
    // Assign tags to the first token of each space-separated word.
    let idx = CharIndex::new(&text);
    let mut starts = Vec::new();
    let mut pos = 0;
    for w in text.split(' ') {
        starts.push(idx.char_of_byte(pos));
        pos += w.len() + 1;
    }
    for s in sents.iter_mut() {
        for t in s.tokens.iter_mut() {
            if let Ok(k) = starts.binary_search(&t.start) {
                if let Some(Some(u)) = tags.get(k) {
                    t.upos = *u;
                }
            }
        }
    }
    (text, sents)
}
