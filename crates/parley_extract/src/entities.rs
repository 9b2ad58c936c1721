//! HTML character references: numeric ones and the named ones that occur in news pages.

const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("shy", "\u{ad}"),
    ("mdash", "\u{2014}"),
    ("ndash", "\u{2013}"),
    ("hellip", "\u{2026}"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201a}"),
    ("ldquo", "\u{201c}"),
    ("rdquo", "\u{201d}"),
    ("bdquo", "\u{201e}"),
    ("laquo", "\u{ab}"),
    ("raquo", "\u{bb}"),
    ("lsaquo", "\u{2039}"),
    ("rsaquo", "\u{203a}"),
    ("prime", "\u{2032}"),
    ("Prime", "\u{2033}"),
    ("bull", "\u{2022}"),
    ("middot", "\u{b7}"),
    ("copy", "\u{a9}"),
    ("reg", "\u{ae}"),
    ("trade", "\u{2122}"),
    ("deg", "\u{b0}"),
    ("plusmn", "\u{b1}"),
    ("times", "\u{d7}"),
    ("divide", "\u{f7}"),
    ("frac12", "\u{bd}"),
    ("frac14", "\u{bc}"),
    ("frac34", "\u{be}"),
    ("sup2", "\u{b2}"),
    ("sup3", "\u{b3}"),
    ("micro", "\u{b5}"),
    ("para", "\u{b6}"),
    ("sect", "\u{a7}"),
    ("cent", "\u{a2}"),
    ("pound", "\u{a3}"),
    ("euro", "\u{20ac}"),
    ("yen", "\u{a5}"),
    ("iexcl", "\u{a1}"),
    ("iquest", "\u{bf}"),
    ("dagger", "\u{2020}"),
    ("Dagger", "\u{2021}"),
    ("larr", "\u{2190}"),
    ("rarr", "\u{2192}"),
    ("uarr", "\u{2191}"),
    ("darr", "\u{2193}"),
    ("harr", "\u{2194}"),
    ("minus", "\u{2212}"),
    ("le", "\u{2264}"),
    ("ge", "\u{2265}"),
    ("ne", "\u{2260}"),
    ("asymp", "\u{2248}"),
    ("infin", "\u{221e}"),
    ("acute", "\u{b4}"),
    ("cedil", "\u{b8}"),
    ("uml", "\u{a8}"),
    ("ordf", "\u{aa}"),
    ("ordm", "\u{ba}"),
    ("not", "\u{ac}"),
    ("macr", "\u{af}"),
    ("szlig", "\u{df}"),
    ("Agrave", "\u{c0}"),
    ("Aacute", "\u{c1}"),
    ("Acirc", "\u{c2}"),
    ("Atilde", "\u{c3}"),
    ("Auml", "\u{c4}"),
    ("Aring", "\u{c5}"),
    ("AElig", "\u{c6}"),
    ("Ccedil", "\u{c7}"),
    ("Egrave", "\u{c8}"),
    ("Eacute", "\u{c9}"),
    ("Ecirc", "\u{ca}"),
    ("Euml", "\u{cb}"),
    ("Igrave", "\u{cc}"),
    ("Iacute", "\u{cd}"),
    ("Icirc", "\u{ce}"),
    ("Iuml", "\u{cf}"),
    ("ETH", "\u{d0}"),
    ("Ntilde", "\u{d1}"),
    ("Ograve", "\u{d2}"),
    ("Oacute", "\u{d3}"),
    ("Ocirc", "\u{d4}"),
    ("Otilde", "\u{d5}"),
    ("Ouml", "\u{d6}"),
    ("Oslash", "\u{d8}"),
    ("Ugrave", "\u{d9}"),
    ("Uacute", "\u{da}"),
    ("Ucirc", "\u{db}"),
    ("Uuml", "\u{dc}"),
    ("Yacute", "\u{dd}"),
    ("THORN", "\u{de}"),
    ("agrave", "\u{e0}"),
    ("aacute", "\u{e1}"),
    ("acirc", "\u{e2}"),
    ("atilde", "\u{e3}"),
    ("auml", "\u{e4}"),
    ("aring", "\u{e5}"),
    ("aelig", "\u{e6}"),
    ("ccedil", "\u{e7}"),
    ("egrave", "\u{e8}"),
    ("eacute", "\u{e9}"),
    ("ecirc", "\u{ea}"),
    ("euml", "\u{eb}"),
    ("igrave", "\u{ec}"),
    ("iacute", "\u{ed}"),
    ("icirc", "\u{ee}"),
    ("iuml", "\u{ef}"),
    ("eth", "\u{f0}"),
    ("ntilde", "\u{f1}"),
    ("ograve", "\u{f2}"),
    ("oacute", "\u{f3}"),
    ("ocirc", "\u{f4}"),
    ("otilde", "\u{f5}"),
    ("ouml", "\u{f6}"),
    ("oslash", "\u{f8}"),
    ("ugrave", "\u{f9}"),
    ("uacute", "\u{fa}"),
    ("ucirc", "\u{fb}"),
    ("uuml", "\u{fc}"),
    ("yacute", "\u{fd}"),
    ("thorn", "\u{fe}"),
    ("yuml", "\u{ff}"),
    ("OElig", "\u{152}"),
    ("oelig", "\u{153}"),
    ("Scaron", "\u{160}"),
    ("scaron", "\u{161}"),
    ("Yuml", "\u{178}"),
    ("fnof", "\u{192}"),
    ("circ", "\u{2c6}"),
    ("tilde", "\u{2dc}"),
    ("alpha", "\u{3b1}"),
    ("beta", "\u{3b2}"),
    ("gamma", "\u{3b3}"),
    ("delta", "\u{3b4}"),
    ("mu", "\u{3bc}"),
    ("pi", "\u{3c0}"),
    ("sigma", "\u{3c3}"),
    ("omega", "\u{3c9}"),
    ("Delta", "\u{394}"),
    ("Omega", "\u{3a9}"),
    ("hearts", "\u{2665}"),
    ("check", "\u{2713}"),
    ("star", "\u{2606}"),
    ("starf", "\u{2605}"),
    ("lrm", "\u{200e}"),
    ("rlm", "\u{200f}"),
    ("num", "#"),
    ("excl", "!"),
    ("quest", "?"),
    ("colon", ":"),
    ("semi", ";"),
    ("comma", ","),
    ("period", "."),
    ("lpar", "("),
    ("rpar", ")"),
    ("sol", "/"),
    ("bsol", "\\"),
    ("verbar", "|"),
    ("vert", "|"),
    ("ast", "*"),
    ("commat", "@"),
    ("dollar", "$"),
    ("percnt", "%"),
    ("plus", "+"),
    ("equals", "="),
    ("lowbar", "_"),
    ("lsqb", "["),
    ("rsqb", "]"),
    ("lcub", "{"),
    ("rcub", "}"),
    ("Hat", "^"),
    ("grave", "`"),
    ("NewLine", "\n"),
    ("Tab", "\t"),
];

fn named(name: &str) -> Option<&'static str> {
    NAMED.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

fn numeric(code: u32) -> char {
    // Windows-1252 remapping of C1 controls, as browsers do.
    const C1: [u32; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    let code = if (0x80..0xa0).contains(&code) {
        C1[(code - 0x80) as usize]
    } else {
        code
    };
    if code == 0 {
        return '\u{fffd}';
    }
    char::from_u32(code).unwrap_or('\u{fffd}')
}

/// Decodes character references in `s` (unknown ones are kept as written).
pub fn decode_entities(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + off;
        i = amp + 1;
        let mut j = i;
        let decoded: Option<String> = if j < b.len() && b[j] == b'#' {
            j += 1;
            let hex = j < b.len() && (b[j] == b'x' || b[j] == b'X');
            if hex {
                j += 1;
            }
            let ds = j;
            while j < b.len()
                && (if hex {
                    b[j].is_ascii_hexdigit()
                } else {
                    b[j].is_ascii_digit()
                })
            {
                j += 1;
            }
            if j == ds {
                None
            } else {
                let v = if j - ds > 7 {
                    0x11_0000
                } else {
                    u32::from_str_radix(&s[ds..j], if hex { 16 } else { 10 }).unwrap_or(0xfffd)
                };
                if j < b.len() && b[j] == b';' {
                    j += 1;
                }
                Some(numeric(v).to_string())
            }
        } else {
            let ns = j;
            while j < b.len() && j - ns < 10 && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let name = &s[ns..j];
            match named(name) {
                Some(v) if j < b.len() && b[j] == b';' => {
                    j += 1;
                    Some(v.to_string())
                }
                Some(v)
                    if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") =>
                {
                    Some(v.to_string())
                }
                _ => None,
            }
        };
        if let Some(d) = decoded {
            out.push_str(&s[last..amp]);
            out.push_str(&d);
            last = j;
            i = j;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    fn check(input: &str, expected: &str) {
        assert_eq!(decode_entities(input), expected, "input {input:?}");
    }

    #[test]
    fn references() {
        check("Tom &amp; Jerry", "Tom & Jerry");
        check("AT&T", "AT&T");
        check("a &unknown; b", "a &unknown; b");
        check("&#8220;Hi&#8221;", "\u{201c}Hi\u{201d}");
        check("&#x2019;s", "\u{2019}s");
        check("&#150;", "\u{2013}");
        check("&#0;", "\u{fffd}");
        check("&#99999999999;", "\u{fffd}");
        check("caf&eacute; &amp", "caf\u{e9} &");
        check("&", "&");
        check("&#", "&#");
    }
}
