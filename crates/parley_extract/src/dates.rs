//! Date strings → ISO 8601 (`YYYY-MM-DD`, or the full timestamp when one is given in ISO form).

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names in Spanish, Portuguese, French, German and Italian (full forms; they are read
/// only between a day and a year, "4 de agosto de 2021", "4. März 2021").
const FOREIGN_MONTHS: &[(&str, u32)] = &[
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

/// Short month names used inside one dashed token ("04-ago-2021", "12-déc-2019"), in the same
/// languages; read only in that form.
const FOREIGN_SHORT: &[(&str, u32)] = &[
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("fev", 2),
    ("set", 9),
    ("out", 10),
    ("dez", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("mär", 3),
    ("okt", 10),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .chain(FOREIGN_MONTHS)
        .find(|(n, _)| *n == w)
        .map(|(_, m)| *m)
}

/// "04-ago-2021", "4-Aug-2021": day, month name and year in one dashed token.
fn dashed_day_month_year(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split('-').collect();
    let [d, m, y] = parts[..] else {
        return None;
    };
    let low = m.trim_end_matches('.').to_lowercase();
    let m = month(m).or_else(|| {
        FOREIGN_SHORT
            .iter()
            .find(|(n, _)| *n == low)
            .map(|(_, m)| *m)
    })?;
    (y.len() == 4).then_some(())?;
    ymd(num(y)?, m, num(d)?)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Normalises a date string from metadata; `None` when it is not a date.
pub fn normalize(s: &str) -> Option<String> {
    normalize_numeric(s).or_else(|| find_in_text(s))
}

/// Numeric forms only: ISO, `YYYY/MM/DD`, `YYYYMMDD`.
fn normalize_numeric(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    // ISO: YYYY-MM-DD[Thh:mm[:ss][zone]]
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (num(s.get(0..4)?)?, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
        let date = ymd(y, m, d)?;
        if b.len() > 10
            && (b[10] == b'T' || b[10] == b' ')
            && s.len() <= 35
            && s.is_char_boundary(11)
        {
            let rest = &s[11..];
            if rest.len() >= 5
                && rest.as_bytes()[2] == b':'
                && rest
                    .bytes()
                    .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'Z'))
            {
                return Some(format!("{date}T{rest}"));
            }
        }
        return Some(date);
    }
    // YYYY/MM/DD or YYYY.MM.DD
    if b.len() >= 10 && (b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        return ymd(num(s.get(0..4)?)?, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
    }
    // YYYYMMDD
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && (b.len() == 8 || !b[8].is_ascii_digit())
    {
        return ymd(num(&s[0..4])?, num(&s[4..6])?, num(&s[6..8])?);
    }
    None
}

/// Finds the first date written out in running text ("January 12, 2020", "12 Jan 2020",
/// "2020-01-12", "12.01.2020", "01/12/2020" read as month/day).
pub fn find_in_text(s: &str) -> Option<String> {
    let toks: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty())
        .take(400)
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '/' && c != '.');
        // ISO inside text
        if t.len() >= 10 && t.as_bytes()[4] == b'-' && t.is_char_boundary(10) {
            if let Some(d) = normalize_numeric(&t[..10]) {
                return Some(d);
            }
        }
        // dd.mm.yyyy, mm/dd/yyyy
        for sep in ['.', '/'] {
            let parts: Vec<&str> = t.split(sep).collect();
            // yyyy.mm.dd, yyyy/mm/dd
            if parts.len() == 3 && parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2
            {
                if let (Some(y), Some(m), Some(d)) = (num(parts[0]), num(parts[1]), num(parts[2])) {
                    if let Some(r) = ymd(y, m, d) {
                        return Some(r);
                    }
                }
            }
            if parts.len() == 3 && parts[2].len() == 4 {
                if let (Some(a), Some(b), Some(y)) = (num(parts[0]), num(parts[1]), num(parts[2])) {
                    let r = if sep == '.' || a > 12 {
                        ymd(y, b, a)
                    } else {
                        ymd(y, a, b)
                    };
                    if r.is_some() {
                        return r;
                    }
                }
            }
        }
        if let Some(r) = dashed_day_month_year(t) {
            return Some(r);
        }
        if let Some(m) = month(t) {
            // Month D, YYYY
            if let (Some(d), Some(y)) = (toks.get(i + 1), toks.get(i + 2)) {
                let d = d.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
                if let (Some(d), Some(y)) = (
                    num(d),
                    num(y.trim_end_matches(|c: char| !c.is_ascii_digit())),
                ) {
                    if let Some(r) = ymd(y, m, d) {
                        return Some(r);
                    }
                }
            }
            // D Month YYYY (also "4 de agosto de 2021")
            let de = |t: &&str| t.eq_ignore_ascii_case("de") || t.eq_ignore_ascii_case("del");
            let before = if i > 1 && de(&toks[i - 1]) {
                i - 2
            } else {
                i.wrapping_sub(1)
            };
            let after = if toks.get(i + 1).is_some_and(de) {
                i + 2
            } else {
                i + 1
            };
            if before < i {
                let d = toks[before].trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
                if let (Some(d), Some(y)) = (
                    num(d),
                    toks.get(after)
                        .and_then(|y| num(y.trim_end_matches(|c: char| !c.is_ascii_digit()))),
                ) {
                    if let Some(r) = ymd(y, m, d) {
                        return Some(r);
                    }
                }
            }
        }
    }
    None
}

/// A date in a URL path: `/2020/01/12/`, `/2020-01-12/`, `/20200112/`.
pub fn from_url(url: &str) -> Option<String> {
    let url = url.replace("%2F", "/").replace("%2f", "/");
    let segs: Vec<&str> = url.split(['/', '?', '#', '_']).collect();
    for (i, s) in segs.iter().enumerate() {
        if s.len() == 4 {
            if let (Some(y), Some(m), Some(d)) = (
                num(s),
                segs.get(i + 1).and_then(|m| num(m)),
                segs.get(i + 2)
                    .and_then(|d| d.get(..d.len().min(2)).and_then(num)),
            ) {
                if segs[i + 1].len() <= 2 {
                    if let Some(r) = ymd(y, m, d) {
                        return Some(r);
                    }
                }
            }
            // `/2020/january/12/`
            if let (Some(y), Some(m), Some(d)) = (
                num(s),
                segs.get(i + 1)
                    .filter(|m| m.len() >= 3)
                    .and_then(|m| month(m)),
                segs.get(i + 2)
                    .filter(|d| d.len() <= 2)
                    .and_then(|d| num(d)),
            ) {
                if let Some(r) = ymd(y, m, d) {
                    return Some(r);
                }
            }
        }
        if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.is_char_boundary(10) {
            if let Some(r) = normalize_numeric(&s[..10]) {
                return Some(r);
            }
        }
    }
    None
}

/// The other reading of a date-only `YYYY-MM-DD` whose day could be its month ("03/10/2023" is
/// 3 October or March 10): the day and month swapped, when both are 12 or less and differ.
pub fn swapped(d: &str) -> Option<String> {
    if d.len() != 10 || d.as_bytes()[4] != b'-' || d.as_bytes()[7] != b'-' {
        return None;
    }
    let (y, m, day) = (num(&d[..4])?, num(&d[5..7])?, num(&d[8..10])?);
    if day > 12 || day == m {
        return None;
    }
    ymd(y, day, m)
}

/// Days since 1970-01-01 of the calendar day a normalised date starts with (`YYYY-MM-DD…`).
pub fn day_number(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = i64::from(num(s.get(0..4)?)?);
    let mo = i64::from(num(s.get(5..7)?)?);
    let d = i64::from(num(s.get(8..10)?)?);
    Some(days_from_civil(y, mo, d))
}

/// Days from civil (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, mo: i64, d: i64) -> i64 {
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Minutes since 1970-01-01T00:00Z of a normalised ISO date-time with a zone, and the zone
/// offset in minutes; `None` without a time or a zone.
pub fn instant(s: &str) -> Option<(i64, i32)> {
    let b = s.as_bytes();
    if b.len() < 16 || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let y = i64::from(num(s.get(0..4)?)?);
    let mo = i64::from(num(s.get(5..7)?)?);
    let d = i64::from(num(s.get(8..10)?)?);
    let h = i64::from(num(s.get(11..13)?)?);
    let mi = i64::from(num(s.get(14..16)?)?);
    let rest = s.get(16..)?;
    let zpos = rest.find(['Z', '+', '-'])?;
    let zone = &rest[zpos..];
    let off: i32 = if zone == "Z" {
        0
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        let zh = i32::try_from(num(&digits[0..2])?).ok()?;
        let zm = i32::try_from(num(&digits[2..4])?).ok()?;
        sign * (zh * 60 + zm)
    };
    let days = days_from_civil(y, mo, d);
    Some((days * 1440 + h * 60 + mi - i64::from(off), off))
}

/// Two date-times with explicit zones that name the same instant (within a minute), however
/// differently they are written ("2024-05-02T01:30:00+00:00" and "2024-05-01T21:30:00-04:00").
pub fn same_instant(a: &str, b: &str) -> bool {
    matches!((instant(a), instant(b)), (Some((x, _)), Some((y, _))) if (x - y).abs() <= 1)
}

/// A UTC date-time before noon (`…T03:30:00Z`) and a bare date the day before: the same moment
/// as a western zone's calendar shows it.
pub fn maybe_same_instant(utc: &str, day: &str) -> bool {
    let Some((t, 0)) = instant(utc) else {
        return false;
    };
    if day.len() != 10 {
        return false;
    }
    let hour = t.rem_euclid(1440) / 60;
    hour < 12
        && day_number(day)
            .zip(day_number(utc))
            .is_some_and(|(d, u)| d + 1 == u)
}

/// A UTC date-time (`Z`, `+00:00`) restated in the page's own zone when another date-time on
/// the page gives the same instant with a local offset: the calendar day a reader sees.
pub fn prefer_local(utc: &str, others: &[String]) -> Option<String> {
    let (t, off) = instant(utc)?;
    if off != 0 {
        return None;
    }
    others
        .iter()
        .find(|o| instant(o).is_some_and(|(t2, off2)| off2 != 0 && (t2 - t).abs() <= 1))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(normalize(input).as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn same_instants() {
        assert!(same_instant(
            "2024-05-02T01:30:00+00:00",
            "2024-05-01T21:30:00-04:00"
        ));
        assert!(same_instant(
            "2024-05-02T01:30:00Z",
            "2024-05-02T03:30:00+02:00"
        ));
        assert!(!same_instant(
            "2024-05-02T01:30:00+00:00",
            "2024-05-01T01:30:00-04:00"
        ));
        // without a time or a zone there is no instant to compare
        assert!(!same_instant("2024-05-02", "2024-05-02"));
        assert!(!same_instant("2024-05-02T01:30:00", "2024-05-02T01:30:00"));
    }

    #[test]
    fn bare_dates_a_zone_behind() {
        assert!(maybe_same_instant(
            "2024-05-02T01:30:00+00:00",
            "2024-05-01"
        ));
        assert!(maybe_same_instant("2024-05-02T11:59:00Z", "2024-05-01"));
        // after noon UTC it is the same day in the western zones that matter
        assert!(!maybe_same_instant("2024-05-02T15:00:00Z", "2024-05-01"));
        // not UTC, not the day before, not a bare date
        assert!(!maybe_same_instant(
            "2024-05-02T01:30:00-04:00",
            "2024-05-01"
        ));
        assert!(!maybe_same_instant("2024-05-02T01:30:00Z", "2024-04-30"));
        assert!(!maybe_same_instant(
            "2024-05-02T01:30:00Z",
            "2024-05-01T20:00:00-05:00"
        ));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-03-01T10:00:00+00:00"), Some(18322));
        assert_eq!(
            day_number("2021-01-01")
                .zip(day_number("2020-12-31"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(day_number("March 4"), None);
    }

    #[test]
    fn dates() {
        check("2020-01-12", Some("2020-01-12"));
        check(
            "2020-01-12T10:30:00+00:00",
            Some("2020-01-12T10:30:00+00:00"),
        );
        check(
            "2020-01-12T10:30:00 garbage that is long",
            Some("2020-01-12"),
        );
        check("January 12, 2020", Some("2020-01-12"));
        check("Sun, 12 Jan 2020 10:00:00 GMT", Some("2020-01-12"));
        check("12.01.2020", Some("2020-01-12"));
        check("01/12/2020", Some("2020-01-12"));
        check("Essay - Published: 2020.01.12 |", Some("2020-01-12"));
        check("posted 2020/1/12", Some("2020-01-12"));
        check("20200112", Some("2020-01-12"));
        check("Published 3 hours ago", None);
        // other languages' month names between a day and a year; a dashed short form
        check("publicado el 7 de marzo de 2022", Some("2022-03-07"));
        check("Mis à jour le 3 février 2021", Some("2021-02-03"));
        check("Stand: 14. Oktober 2020", Some("2020-10-14"));
        check("por Ana Ruiz, 09-ago-2019 18:45", Some("2019-08-09"));
        check("19-Nov-2018", Some("2018-11-19"));
        check("the ferry left 5 days ago 2021 was calm", None);
        check("2020-13-45", None);
        assert_eq!(
            from_url("https://example.org/news/2020/01/12/ferry-story/").as_deref(),
            Some("2020-01-12")
        );
        assert_eq!(
            from_url("https://example.org/news/ferry-story-123456/"),
            None
        );
        assert_eq!(
            from_url("https://example.org/blog/2023/october/03/ferry-story").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(swapped("2023-03-10").as_deref(), Some("2023-10-03"));
        assert_eq!(swapped("2023-03-13"), None);
        assert_eq!(swapped("2023-03-03"), None);
        assert_eq!(swapped("2023-03-10T10:00:00Z"), None);
    }
}
