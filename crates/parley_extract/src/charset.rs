//! Bytes → text: byte-order mark, then a declared charset (`<meta charset>` or
//! `http-equiv` content type in the first 4 KiB), then valid UTF-8, else detection (chardetng).
//! Invalid sequences become U+FFFD; nothing here can fail.

use encoding_rs::Encoding;

/// Decodes page bytes; returns the text and the encoding's name. Text that was UTF-8 read as
/// Latin-1 and saved again as UTF-8 is repaired ([`repair_double_utf8`]).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, name) = decode_raw(bytes);
    (repair_double_utf8(text), name)
}

/// Undoes UTF-8 that was read as Latin-1 and written out again as UTF-8 ("Readerâ\u{80}\u{99}s"
/// for "Reader’s"): a run of U+0080–U+00FF characters that holds a C1 control character
/// (never text of its own) and whose code points, taken as bytes, are valid UTF-8. Other runs
/// are left alone.
pub fn repair_double_utf8(text: String) -> String {
    let b = text.as_bytes();
    let has_c1 = memchr::memchr_iter(0xC2, b)
        .any(|i| b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)));
    if !has_c1 {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    let flush = |run: &mut Vec<u8>, out: &mut String| {
        if run.iter().any(|&c| (0x80..=0x9F).contains(&c)) {
            for chunk in run.utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(chunk.invalid().iter().map(|&c| char::from(c)));
            }
        } else {
            out.extend(run.iter().map(|&c| char::from(c)));
        }
        run.clear();
    };
    for c in text.chars() {
        if ('\u{80}'..='\u{ff}').contains(&c) {
            run.push(c as u8);
        } else {
            if !run.is_empty() {
                flush(&mut run, &mut out);
            }
            out.push(c);
        }
    }
    if !run.is_empty() {
        flush(&mut run, &mut out);
    }
    out
}

fn decode_raw(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    if let Some(enc) = declared(&bytes[..bytes.len().min(4096)]) {
        // a page declaring a legacy charset but written in valid UTF-8 is UTF-8
        let enc =
            if enc != encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii()
            {
                encoding_rs::UTF_8
            } else {
                enc
            };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8");
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(256 * 1024)], true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(off) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + off + 7;
        from = i;
        while i < lower.len()
            && (lower[i] == b' ' || lower[i] == b'=' || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let s = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[s..i]) {
            // UTF-16 declared in an ASCII-compatible document is a lie (WHATWG rule)
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn check(input: &[u8], expected: &str) {
        assert_eq!(decode(input).0, expected);
    }

    #[test]
    fn charsets() {
        check(b"\xef\xbb\xbfcaf\xc3\xa9", "caf\u{e9}");
        check(
            b"<meta charset=\"iso-8859-1\">caf\xe9",
            "<meta charset=\"iso-8859-1\">caf\u{e9}",
        );
        check(
            "<meta charset=\"iso-8859-1\">café".as_bytes(),
            "<meta charset=\"iso-8859-1\">café",
        );
        check(b"plain \xff\xfe bytes", &decode(b"plain \xff\xfe bytes").0);
        check(b"caf\xc3\xa9", "caf\u{e9}");
    }

    #[test]
    fn double_encoded_utf8_is_repaired() {
        // "’" (E2 80 99) read as Latin-1 and saved as UTF-8 again
        check(
            b"the ferry\xc3\xa2\xc2\x80\xc2\x99s fares",
            "the ferry\u{2019}s fares",
        );
        // Latin-1 letters without a control character are text: kept
        check(
            "caf\u{e9} \u{c2}\u{a9} 2025".as_bytes(),
            "caf\u{e9} \u{c2}\u{a9} 2025",
        );
        // a control character that is not part of a UTF-8 sequence stays as it was
        check(b"x\xc2\x85y", "x\u{85}y");
    }
}
