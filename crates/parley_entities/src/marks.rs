//! Quotation-mark pairing, shared by the entity stage (is a mention inside a quotation?) and the
//! quote stage. One left-to-right pass: linear time whatever the marks, no panics.

/// A quoted region of the text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just after the closing mark, or the end of the paragraph when it never closes.
    pub end: usize,
    /// Length in bytes of the opening mark.
    pub open_len: usize,
    /// Length in bytes of the closing mark (0 when it never closes).
    pub close_len: usize,
    /// The next paragraph reopens this quotation (news style for quotes over several paragraphs).
    pub continues: bool,
    /// This region continues the quotation of the previous paragraph.
    pub continued: bool,
    /// Straight (") rather than typographic marks.
    pub straight: bool,
}

impl QuoteSpan {
    /// Byte range of the words inside the marks.
    pub fn inner(&self) -> (usize, usize) {
        (self.start + self.open_len, self.end - self.close_len)
    }
    pub fn closed(&self) -> bool {
        self.close_len > 0
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}
fn is_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Curly,
    Straight,
    Single,
}

/// Pairs the quotation marks of `text`: “…”, «…», "…", ''…'' (two apostrophes) and ‘…’.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    // (start byte, mark length, family, continued)
    let mut open: Option<(usize, usize, Family, bool)> = None;
    let b = text.as_bytes();
    let mut para_end = 0usize; // end of the last non-blank content
    let mut pending_break = false; // a newline was seen since the last content
    let mut skip_next = false;
    let push = |out: &mut Vec<QuoteSpan>,
                s: usize,
                e: usize,
                ol: usize,
                cl: usize,
                fam: Family,
                cont: bool,
                continues: bool| {
        out.push(QuoteSpan {
            start: s,
            end: e,
            open_len: ol,
            close_len: cl,
            continues,
            continued: cont,
            straight: fam != Family::Curly,
        });
    };
    for (i, c) in text.char_indices() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if c == '\n' {
            pending_break = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let double_apos = c == '\'' && b.get(i + 1) == Some(&b'\'');
        let l = if double_apos { 2 } else { c.len_utf8() };
        let fam_here = if is_open(c) || is_close(c) {
            Some(Family::Curly)
        } else if c == '"' || double_apos {
            Some(Family::Straight)
        } else if c == '‘' {
            Some(Family::Single)
        } else {
            None
        };
        if pending_break {
            // A new paragraph (line) starts at i.
            pending_break = false;
            if let Some((s, ol, fam, cont)) = open.take() {
                let reopens = match fam {
                    Family::Curly => is_open(c),
                    Family::Straight => c == '"' || double_apos,
                    Family::Single => c == '‘',
                };
                push(&mut out, s, para_end.max(s + ol), ol, 0, fam, cont, reopens);
                if reopens {
                    open = Some((i, l, fam, true));
                    para_end = i + l;
                    skip_next = double_apos;
                    continue;
                }
            }
        }
        skip_next = double_apos;
        if fam_here.is_none() && c != '’' {
            // no mark: only a closing ’ of a single-quoted region acts without one (below)
            para_end = i + l;
            continue;
        }
        let prev_space = i == 0
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '-'));
        let next_alnum = text[i + l..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric());
        match (fam_here, open) {
            (Some(Family::Curly), _) if is_open(c) => {
                // A second opener in the same paragraph: the first was stray.
                open = Some((i, l, Family::Curly, false));
            }
            (Some(Family::Curly), Some((s, ol, fam, cont))) if fam != Family::Single => {
                push(&mut out, s, i + l, ol, l, fam, cont, false);
                open = None;
            }
            (Some(Family::Straight), Some((s, ol, fam, cont))) if fam != Family::Single
                // A straight mark closes a straight quotation, or a typographic one it ends ("…,\"").
                && (fam == Family::Straight || !prev_space) => {
                    push(&mut out, s, i + l, ol, l, fam, cont, false);
                    open = None;
                }
            (Some(Family::Straight), None)
                // An opening straight quote is followed by a non-space.
                if b.get(i + l).is_some_and(|x| !x.is_ascii_whitespace()) => {
                    open = Some((i, l, Family::Straight, false));
                }
            (Some(Family::Single), None)
                if next_alnum => {
                    open = Some((i, l, Family::Single, false));
                }
            (None, Some((s, ol, Family::Single, cont)))
                if c == '’' && !next_alnum && !prev_space =>
            {
                push(&mut out, s, i + l, ol, l, Family::Single, cont, false);
                open = None;
            }
            _ => {}
        }
        para_end = i + l;
    }
    if let Some((s, ol, fam, cont)) = open {
        push(&mut out, s, para_end.max(s + ol), ol, 0, fam, cont, false);
    }
    out
}

/// Whether byte `pos` lies inside one of `spans` (sorted by start).
pub fn inside(spans: &[QuoteSpan], pos: usize) -> bool {
    let k = spans.partition_point(|q| q.start <= pos);
    k > 0 && pos < spans[k - 1].end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = quote_spans(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn pairs() {
        check("He said “yes” and “no”.", &["“yes”", "“no”"]);
        check("He said \"yes\" and \"no\".", &["\"yes\"", "\"no\""]);
        check("“One.\n\n“Two,” he said.", &["“One.", "“Two,”"]);
        check("A stray ” mark and “an open one", &["“an open one"]);
        check("“a “b” c", &["“b”"]);
        check("It is 6\" long.\nNext", &[]);
        check("He said ''yes'' twice.", &["''yes''"]);
        check("A ‘title’ and the Smiths’ house.", &["‘title’"]);
        check("He said “yes,\" then left.", &["“yes,\""]);
    }

    #[test]
    fn continuation_flags() {
        let q = quote_spans("“One.\n\n“Two,” he said.");
        assert!(q[0].continues && !q[0].closed());
        assert!(q[1].continued && q[1].closed());
    }

    #[test]
    fn many_marks_linear() {
        let t = "“".repeat(10_000) + &"\"".repeat(10_000) + &"”\n".repeat(10_000);
        let q = quote_spans(&t);
        assert!(q.len() <= 30_000);
    }
}
