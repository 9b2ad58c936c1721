//! Byte ↔ code-point offset conversion.

use crate::Span;

/// Converts between UTF-8 byte offsets and Unicode code-point offsets of one text.
///
/// Pure-ASCII texts need no table: both offsets coincide.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char boundary (len = chars + 1); empty when the text is ASCII.
    bytes_of_char: Vec<u32>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                bytes_of_char: Vec::new(),
                len_bytes: text.len(),
            };
        }
        let mut v: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        v.push(text.len() as u32);
        CharIndex {
            bytes_of_char: v,
            len_bytes: text.len(),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.bytes_of_char.is_empty()
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        if self.is_ascii() {
            self.len_bytes
        } else {
            self.bytes_of_char.len() - 1
        }
    }

    /// Code-point offset of a byte offset (rounded down to a char boundary; clamped to the end).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte.min(self.len_bytes);
        }
        match self.bytes_of_char.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code-point offset (clamped to the end).
    pub fn byte_of_char(&self, ch: usize) -> usize {
        if self.is_ascii() {
            return ch.min(self.len_bytes);
        }
        self.bytes_of_char[ch.min(self.bytes_of_char.len() - 1)] as usize
    }

    pub fn span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_of_byte(start), self.char_of_byte(end))
    }

    /// The text of a code-point span.
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        &text[self.byte_of_char(span.start)..self.byte_of_char(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_on_mixed_text() {
        let t = "O’Brien told “Axios” — 北朝鮮.";
        let idx = CharIndex::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(bi), ci);
            assert_eq!(idx.byte_of_char(ci), bi);
        }
        assert_eq!(idx.len_chars(), t.chars().count());
        assert_eq!(idx.byte_of_char(idx.len_chars()), t.len());
    }
}
