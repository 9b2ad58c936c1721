//! Rule-based tokeniser (UD English conventions) and sentence splitter, both on byte offsets.

/// A token as a byte range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

/// The longest sentence the splitter emits, in tokens; longer runs are cut.
pub const MAX_SENT_TOKENS: usize = 300;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt",
    "col", "maj", "capt", "sgt", "adm", "cmdr", "cpl", "pvt", "jr", "sr", "st", "mt", "ft", "vs",
    "etc", "inc", "corp", "co", "ltd", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "dept", "univ", "assn", "ave", "blvd", "rd", "hon", "rev", "est", "approx",
    "fig", "figs", "vol", "vols", "pp", "cf", "al", "ed", "eds", "pres", "supt", "messrs", "mme",
    "mssrs", "min", "max", "misc", "ca", "viz", "ref", "dist", "atty", "gen", "lb", "lbs", "oz",
    "sq", "tel", "ext",
];

/// Abbreviations that often end a sentence too ("... in the U.S. The ...").
const ENDING_ABBREVIATIONS: &[&str] =
    &["etc", "inc", "corp", "co", "ltd", "jr", "sr", "bros", "al"];

/// Words that commonly open a sentence; used after an ambiguous abbreviation.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Since",
    "Although",
    "Still",
    "Now",
    "Then",
    "Also",
    "For",
    "Last",
    "Earlier",
    "Later",
];

const PREFIXES_KEEP_HYPHEN: &[&str] = &[
    "e", "co", "pre", "post", "non", "anti", "re", "ex", "mid", "multi", "x",
];

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '¿' | '¡' | '`' | '„' | '‚'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒')
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

fn is_url_like(s: &str) -> bool {
    let l = s.as_bytes();
    let lower_starts =
        |p: &str| l.len() >= p.len() && l[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("www.")
        || s.contains("://")
    {
        return true;
    }
    // e-mail address
    if let Some(at) = s.find('@') {
        if at > 0 && s[at + 1..].contains('.') && !s[at + 1..].ends_with('.') {
            return true;
        }
    }
    // bare domains such as example.com
    if let Some(dot) = s.rfind('.') {
        let tld = &s[dot + 1..];
        if dot > 0
            && matches!(
                tld,
                "com" | "org" | "net" | "gov" | "edu" | "int" | "io" | "co.uk"
            )
            && s[..dot]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return true;
        }
    }
    false
}

/// Whether `w` (including its final '.') is an abbreviation whose period belongs to it.
pub fn is_abbreviation(w: &str, next_starts_digit: bool) -> bool {
    let Some(core) = w.strip_suffix('.') else {
        return false;
    };
    if core.is_empty() {
        return false;
    }
    let mut chars = core.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_alphabetic() {
        return true; // initial: "J."
    }
    if core.contains('.')
        && core
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
    {
        return true; // U.S., e.g., a.m., Ph.D
    }
    with_lower(core, |lower| {
        if matches!(lower, "no" | "nos" | "art" | "p" | "para") {
            return next_starts_digit;
        }
        ABBREVIATIONS.contains(&lower)
    })
}

/// Tokenises `text[range]`, appending byte-offset tokens.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let region = &text[start..end];
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut cs: Option<usize> = None;
    let bytes = region.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        // ASCII whitespace and controls are exactly the bytes up to ' ' and DEL
        let (gap, len) = if x.is_ascii() {
            (x <= b' ' || x == 0x7F, 1)
        } else {
            let c = region[i..].chars().next().unwrap_or(' ');
            let gap = c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}';
            (gap, c.len_utf8())
        };
        if gap {
            if let Some(s) = cs.take() {
                chunks.push((s, i));
            }
        } else if cs.is_none() {
            cs = Some(i);
        }
        i += len;
    }
    if let Some(s) = cs {
        chunks.push((s, region.len()));
    }
    for (k, &(a, b)) in chunks.iter().enumerate() {
        let next_digit = chunks
            .get(k + 1)
            .and_then(|&(x, _)| region[x..].chars().next())
            .is_some_and(|c| c.is_ascii_digit());
        split_chunk(text, start + a, start + b, next_digit, out);
    }
}

/// Tokenises the whole text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

fn split_chunk(text: &str, mut a: usize, mut b: usize, next_digit: bool, out: &mut Vec<Tok>) {
    // Very long chunks (no spaces): cut into pieces of at most 200 characters to stay bounded.
    if b - a > 800 {
        let s = &text[a..b];
        let mut last = a;
        let mut n = 0;
        for (i, _) in s.char_indices() {
            if n == 200 {
                out.push(Tok {
                    start: last,
                    end: a + i,
                });
                last = a + i;
                n = 0;
            }
            n += 1;
        }
        out.push(Tok {
            start: last,
            end: b,
        });
        return;
    }
    // leading punctuation: pushed straight to `out`, the core and the trailing punctuation follow
    loop {
        let s = &text[a..b];
        let Some(c) = s.chars().next() else { break };
        if s.starts_with("``") {
            out.push(Tok {
                start: a,
                end: a + 2,
            });
            a += 2;
            continue;
        }
        if is_apos(c) && is_clitic_or_year(&s[c.len_utf8()..]) {
            break;
        }
        if is_open_punct(c) || is_dash(c) || (c == '-' && s.starts_with("--")) {
            let l = if c == '-' {
                s.bytes().take_while(|&x| x == b'-').count()
            } else {
                c.len_utf8()
            };
            if l == s.len() {
                break;
            }
            out.push(Tok {
                start: a,
                end: a + l,
            });
            a += l;
            continue;
        }
        if (c == '$' || c == '€' || c == '£' || c == '¥' || c == '#' || c == '@')
            && s.len() > c.len_utf8()
        {
            let rest = &s[c.len_utf8()..];
            let nc = rest.chars().next().unwrap_or(' ');
            if (c == '#' || c == '@') && nc.is_alphanumeric() {
                break; // hashtag or mention: one token
            }
            if nc.is_ascii_digit() {
                out.push(Tok {
                    start: a,
                    end: a + c.len_utf8(),
                });
                a += c.len_utf8();
                continue;
            }
        }
        break;
    }
    // trailing punctuation, found from the end: pushed to `out` as found, then moved after the
    // core's tokens and put back in text order (no buffer of its own)
    let t0 = out.len();
    loop {
        if a >= b {
            break;
        }
        let s = &text[a..b];
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if s.chars().count() == 1 {
            break;
        }
        if c == '.' {
            if s.ends_with("...") {
                let n = s.bytes().rev().take_while(|&x| x == b'.').count();
                if n == s.len() {
                    break;
                }
                out.push(Tok {
                    start: b - n,
                    end: b,
                });
                b -= n;
                continue;
            }
            if is_abbreviation(s, next_digit) {
                break;
            }
            out.push(Tok {
                start: b - 1,
                end: b,
            });
            b -= 1;
            continue;
        }
        if c == '-' && s.ends_with("--") {
            let n = s.bytes().rev().take_while(|&x| x == b'-').count();
            if n < s.len() {
                out.push(Tok {
                    start: b - n,
                    end: b,
                });
                b -= n;
                continue;
            }
            break;
        }
        if c == '!' || c == '?' {
            let n = s
                .bytes()
                .rev()
                .take_while(|&x| x == b'!' || x == b'?')
                .count();
            if n == s.len() {
                break;
            }
            out.push(Tok {
                start: b - n,
                end: b,
            });
            b -= n;
            continue;
        }
        if is_close_punct(c) || is_dash(c) {
            out.push(Tok {
                start: b - c.len_utf8(),
                end: b,
            });
            b -= c.len_utf8();
            continue;
        }
        if c == '%'
            && s.len() > 1
            && s[..s.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit())
        {
            out.push(Tok {
                start: b - 1,
                end: b,
            });
            b -= 1;
            continue;
        }
        break;
    }
    let n_trail = out.len() - t0;
    if a < b {
        split_core(text, a, b, out);
    }
    if n_trail > 0 {
        let tail = &mut out[t0..];
        tail.rotate_left(n_trail);
        let len = tail.len();
        tail[len - n_trail..].reverse();
    }
}

fn is_clitic_or_year(rest: &str) -> bool {
    with_lower(rest, |l| {
        matches!(l, "s" | "re" | "ve" | "ll" | "d" | "m" | "t" | "em" | "n")
    }) || (rest.len() >= 2 && rest.chars().take(2).all(|c| c.is_ascii_digit()))
}

fn split_core(text: &str, a: usize, b: usize, out: &mut Vec<Tok>) {
    let s = &text[a..b];
    if is_url_like(s) || s.starts_with('#') || s.starts_with('@') {
        out.push(Tok { start: a, end: b });
        return;
    }
    // an ASCII piece without any character that can separate is one word
    if s.bytes()
        .all(|x| x.is_ascii() && !b";\"()[]-.,!?/".contains(&x))
    {
        split_word(text, a, b, out);
        return;
    }
    // split at internal separators
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut piece_start = 0usize;
    let mut i = 0;
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|x| x.1).unwrap_or(' ');
    while i < n {
        let (off, c) = chars[i];
        let mut sep_len_chars = 0;
        if is_dash(c)
            || c == '…'
            || c == ';'
            || c == '"'
            || c == '“'
            || c == '”'
            || c == '('
            || c == ')'
            || c == '['
            || c == ']'
        {
            sep_len_chars = 1;
        } else if c == '-' && at(i + 1) == '-' {
            let mut k = i;
            while at(k) == '-' {
                k += 1;
            }
            sep_len_chars = k - i;
        } else if c == '.' && at(i + 1) == '.' && at(i + 2) == '.' {
            let mut k = i;
            while at(k) == '.' {
                k += 1;
            }
            sep_len_chars = k - i;
        } else if (c == ','
            && !(at(i.wrapping_sub(1)).is_ascii_digit() && at(i + 1).is_ascii_digit())
            && i > 0)
            || ((c == '!' || c == '?') && i > 0 && i + 1 < n)
        {
            sep_len_chars = 1;
        } else if c == '-'
            && i > 0
            && i + 1 < n
            && at(i - 1).is_alphabetic()
            && at(i + 1).is_alphanumeric()
        {
            let prefix: String = s[piece_start_byte(&chars, piece_start)..off].to_lowercase();
            if !PREFIXES_KEEP_HYPHEN.contains(&prefix.as_str()) {
                sep_len_chars = 1;
            }
        } else if c == '/'
            && i > 0
            && i + 1 < n
            && at(i - 1).is_alphabetic()
            && at(i + 1).is_alphabetic()
        {
            // "and/or" stays; longer slash lists split
            let word_len = chars[piece_start..i].len();
            if word_len > 3 {
                sep_len_chars = 1;
            }
        }
        if sep_len_chars > 0 {
            if piece_start < i {
                split_word(text, a + chars[piece_start].0, a + off, out);
            }
            let end = chars.get(i + sep_len_chars).map(|x| x.0).unwrap_or(s.len());
            out.push(Tok {
                start: a + off,
                end: a + end,
            });
            i += sep_len_chars;
            piece_start = i;
        } else {
            i += 1;
        }
    }
    if piece_start < n {
        split_word(text, a + chars[piece_start].0, b, out);
    }
}

fn piece_start_byte(chars: &[(usize, char)], k: usize) -> usize {
    chars.get(k).map(|x| x.0).unwrap_or(0)
}

/// Splits clitics and units off a word: don't → do n't, Trump’s → Trump ’s, 5% → 5 %.
fn split_word(text: &str, a: usize, b: usize, out: &mut Vec<Tok>) {
    let s = &text[a..b];
    with_lower(s, |lower| split_word_lower(s, lower, a, b, out))
}

/// Calls `f` with `s.to_lowercase()`, lower-casing short ASCII strings on the stack.
fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.is_ascii() {
        if let Some(l) = buf.get_mut(..s.len()) {
            l.copy_from_slice(s.as_bytes());
            l.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(l) {
                return f(lower);
            }
        }
    }
    f(&s.to_lowercase())
}

/// [`split_word`] given the word lower-cased.
fn split_word_lower(s: &str, lower: &str, a: usize, b: usize, out: &mut Vec<Tok>) {
    if lower.len() == s.len() {
        // negation: n't / n’t
        for neg in ["n't", "n’t"] {
            if lower.ends_with(neg) && lower.len() > neg.len() {
                let cut = b - neg.len();
                out.push(Tok { start: a, end: cut });
                out.push(Tok { start: cut, end: b });
                return;
            }
        }
        if lower == "cannot" {
            out.push(Tok {
                start: a,
                end: a + 3,
            });
            out.push(Tok {
                start: a + 3,
                end: b,
            });
            return;
        }
        for (w, k) in [("gonna", 3), ("wanna", 3), ("gotta", 3)] {
            if lower == w {
                out.push(Tok {
                    start: a,
                    end: a + k,
                });
                out.push(Tok {
                    start: a + k,
                    end: b,
                });
                return;
            }
        }
        // 's 're 've 'll 'd 'm
        if let Some(p) = lower.rfind(['\'', '’']) {
            let ap_len = if lower[p..].starts_with('’') { 3 } else { 1 };
            let rest = &lower[p + ap_len..];
            if p > 0 && matches!(rest, "s" | "re" | "ve" | "ll" | "d" | "m") {
                out.push(Tok {
                    start: a,
                    end: a + p,
                });
                out.push(Tok {
                    start: a + p,
                    end: b,
                });
                return;
            }
        }
        // 5% , 10km stays
        if s.len() > 1
            && s.ends_with('%')
            && s[..s.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            out.push(Tok {
                start: a,
                end: b - 1,
            });
            out.push(Tok {
                start: b - 1,
                end: b,
            });
            return;
        }
    }
    out.push(Tok { start: a, end: b });
}

fn is_terminal(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁉'))
}

fn is_closing(t: &str) -> bool {
    matches!(t, ")" | "]" | "}" | "”" | "’" | "»" | "'" | "\"" | "''")
}

/// Groups the tokens of one paragraph into sentences (token index ranges).
pub fn split_sentences(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_open = false;
    let n = toks.len();
    let txt = |i: usize| &text[toks[i].start..toks[i].end];
    let mut i = 0;
    while i < n {
        let t = txt(i);
        if t == "\"" || t == "''" || t == "``" {
            quote_open = !quote_open;
        }
        let mut brk = false;
        let mut end = i + 1;
        let next_first = |j: usize| if j < n { txt(j).chars().next() } else { None };
        if is_terminal(t)
            || (t.ends_with('.') && t.len() > 1 && {
                let core = t.trim_end_matches('.').to_lowercase();
                let ambiguous = ENDING_ABBREVIATIONS.contains(&core.as_str())
                    || (core.contains('.')
                        && core.len() > 2
                        && t.chars().next().is_some_and(|c| c.is_uppercase()));
                ambiguous && end < n && STARTERS.contains(&txt(end))
            })
        {
            // absorb closing quotes/brackets
            while end < n && is_closing(txt(end)) {
                let q = txt(end);
                if q == "\"" || q == "'" {
                    if !quote_open && q == "\"" {
                        break;
                    }
                    if q == "\"" {
                        quote_open = false;
                    }
                }
                // an apostrophe-quote must be followed by space to be closing
                end += 1;
            }
            // further terminal marks ("! !") stay in this sentence
            while end < n && is_terminal(txt(end)) {
                end += 1;
            }
            let ellipsis = t.starts_with("..") || t == "…";
            brk = !(ellipsis && next_first(end).is_some_and(|c| c.is_lowercase()));
        } else if i + 1 < n {
            // line breaks inside a paragraph: a blank line always ends a sentence;
            // a single newline does before a capitalised line when the line does not end mid-phrase
            let gap = &text[toks[i].end..toks[i + 1].start];
            let nl = gap.matches('\n').count();
            if nl >= 2 {
                brk = true;
            } else if nl == 1 {
                let nc = next_first(i + 1).unwrap_or(' ');
                let ends_open = matches!(
                    t,
                    "," | ";"
                        | ":"
                        | "-"
                        | "—"
                        | "–"
                        | "("
                        | "and"
                        | "or"
                        | "the"
                        | "a"
                        | "of"
                        | "to"
                );
                if !ends_open
                    && (nc.is_uppercase()
                        || nc.is_ascii_digit()
                        || matches!(nc, '•' | '*' | '-' | '–' | '—' | '“' | '"'))
                {
                    brk = true;
                }
            }
        }
        if end - start >= MAX_SENT_TOKENS {
            brk = true;
            end = end.min(start + MAX_SENT_TOKENS);
        }
        if brk {
            out.push((start, end));
            start = end;
            quote_open = false;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < n {
        out.push((start, n));
    }
    out
}
