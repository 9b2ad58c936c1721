//! A streaming WARC reader (WARC 1.0/1.1, plain or gzip with one member per record, the
//! Common Crawl / CC-NEWS layout) and the HTTP response parsing of its `response` records.
//!
//! The reader never holds more than one record body (capped) in memory. Damage is reported per
//! record and the reader resynchronises on the next `WARC/` version line when it can.

use std::io::{BufRead, Read};

/// One WARC record: its headers (names lower-cased) and its block.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// What the reader yields.
#[derive(Debug)]
pub enum Item {
    Record(Record),
    /// A damaged or oversized record, skipped; the reason is short and stable (it is counted).
    Skip(&'static str, String),
}

/// Streaming WARC reader over any buffered source (wrap `.warc.gz` in a `MultiGzDecoder`).
pub struct WarcReader<R: BufRead> {
    r: R,
    max_block: u64,
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(r: R, max_block: u64) -> Self {
        WarcReader {
            r,
            max_block,
            done: false,
            line: Vec::new(),
        }
    }

    /// Reads one line (up to 64 KiB); `Ok(false)` at end of input.
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let n = (&mut self.r)
            .take(65_536)
            .read_until(b'\n', &mut self.line)?;
        Ok(n > 0)
    }

    fn next_item(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        // Find the version line, skipping blank lines (and, after damage, anything else).
        let mut skipped_junk = false;
        loop {
            match self.read_line() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return skipped_junk
                        .then(|| Item::Skip("WARC: junk before end of file", String::new()));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Skip(io_reason(&e), e.to_string()));
                }
            }
            if self.line.starts_with(b"WARC/") {
                break;
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                skipped_junk = true;
            }
        }
        let mut headers = Vec::new();
        loop {
            match self.read_line() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return Some(Item::Skip("WARC: truncated record headers", String::new()));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Skip(io_reason(&e), e.to_string()));
                }
            }
            let l = trim_eol(&self.line);
            if l.is_empty() {
                break;
            }
            if let Some(i) = l.iter().position(|&b| b == b':') {
                let k = String::from_utf8_lossy(&l[..i]).trim().to_ascii_lowercase();
                let v = String::from_utf8_lossy(&l[i + 1..]).trim().to_string();
                headers.push((k, v));
            }
        }
        let uri = headers
            .iter()
            .find(|(k, _)| k == "warc-target-uri")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let len = headers
            .iter()
            .find(|(k, _)| k == "content-length")
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(len) = len else {
            return Some(Item::Skip(
                "WARC: record without a valid Content-Length",
                uri,
            ));
        };
        if len > self.max_block {
            // Drain it without keeping it.
            match std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink()) {
                Ok(n) if n == len => {
                    return Some(Item::Skip("WARC: record over the size limit", uri))
                }
                Ok(_) => {
                    self.done = true;
                    return Some(Item::Skip(
                        "WARC: truncated record (Content-Length past end of file)",
                        uri,
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Skip(io_reason(&e), uri));
                }
            }
        }
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        match (&mut self.r).take(len).read_to_end(&mut block) {
            Ok(n) if n as u64 == len => {}
            Ok(_) => {
                self.done = true;
                return Some(Item::Skip(
                    "WARC: truncated record (Content-Length past end of file)",
                    uri,
                ));
            }
            Err(e) => {
                self.done = true;
                return Some(Item::Skip(io_reason(&e), uri));
            }
        }
        // The block is followed by CRLF CRLF. If the next bytes are not blank, Content-Length lied.
        let mut ok = true;
        for _ in 0..2 {
            match self.r.fill_buf() {
                Ok([]) => break,
                Ok(buf) => {
                    if buf.starts_with(b"\r\n") {
                        self.r.consume(2);
                    } else if buf.starts_with(b"\n") || buf == b"\r" {
                        self.r.consume(1);
                    } else {
                        ok = false;
                        break;
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Skip(io_reason(&e), uri));
                }
            }
        }
        if !ok {
            // The record's extent is unknown: drop it and resynchronise on the next version line.
            return Some(Item::Skip(
                "WARC: Content-Length does not match the record",
                uri,
            ));
        }
        Some(Item::Record(Record { headers, block }))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        self.next_item()
    }
}

fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "gzip: truncated stream",
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            "gzip: corrupt stream"
        }
        _ => "read error",
    }
}

fn trim_eol(l: &[u8]) -> &[u8] {
    let mut l = l;
    while let [rest @ .., b'\r' | b'\n'] = l {
        l = rest;
    }
    l
}

/// The value of a header (names are stored lower-cased).
fn find_header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// An HTTP response split from a WARC `response` block.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// Parses an HTTP/1.x response (status line, headers, body), de-chunking a chunked body.
pub fn parse_http(block: &[u8]) -> Result<HttpResponse, &'static str> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP: no end of headers")?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err("HTTP: bad status line");
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or("HTTP: bad status line")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect();
    let mut body = block[end.1..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        body = dechunk(&body).ok_or("HTTP: bad chunked body")?;
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let size_str = String::from_utf8_lossy(&b[..nl]);
        let size = usize::from_str_radix(size_str.trim().split(';').next()?.trim(), 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if b.len() < size {
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

/// The `charset` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(uri: &str, body: &[u8], declared: Option<usize>) -> Vec<u8> {
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        http.extend_from_slice(body);
        let len = declared.unwrap_or(http.len());
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n"
        )
        .into_bytes();
        r.extend_from_slice(&http);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: &[u8]) -> Vec<Result<String, &'static str>> {
        WarcReader::new(bytes, 1 << 20)
            .map(|it| match it {
                Item::Record(r) => Ok(r.header("warc-target-uri").unwrap_or("").to_string()),
                Item::Skip(why, _) => Err(why),
            })
            .collect()
    }

    #[test]
    fn reads_records_in_order() {
        let mut w = record("http://a.example/1", b"<p>one</p>", None);
        w.extend(record("http://a.example/2", b"<p>two</p>", None));
        assert_eq!(
            read(&w),
            vec![
                Ok("http://a.example/1".to_string()),
                Ok("http://a.example/2".to_string())
            ]
        );
        let rec = match WarcReader::new(&w[..], 1 << 20).next().unwrap() {
            Item::Record(r) => r,
            it => panic!("{it:?}"),
        };
        let http = parse_http(&rec.block).unwrap();
        assert_eq!(http.status, 200);
        assert_eq!(http.body, b"<p>one</p>");
        assert_eq!(
            charset_param(http.header("content-type").unwrap()).as_deref(),
            Some("utf-8")
        );
    }

    #[test]
    fn a_lying_content_length_skips_that_record_and_resyncs() {
        let mut w = record("http://a.example/1", b"<p>one</p>", None);
        let real = record("http://a.example/2", b"<p>two, longer body</p>", None).len();
        w.extend(record(
            "http://a.example/2",
            b"<p>two, longer body</p>",
            Some(real / 3),
        ));
        w.extend(record("http://a.example/3", b"<p>three</p>", None));
        let got = read(&w);
        assert_eq!(got[0], Ok("http://a.example/1".to_string()));
        assert_eq!(
            got[1],
            Err("WARC: Content-Length does not match the record")
        );
        assert_eq!(got.last().unwrap(), &Ok("http://a.example/3".to_string()));
    }

    #[test]
    fn a_content_length_past_the_end_is_a_truncated_record() {
        let mut w = record("http://a.example/1", b"<p>one</p>", None);
        w.extend(record("http://a.example/2", b"<p>two</p>", Some(10_000)));
        let got = read(&w);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Err("WARC: truncated record (Content-Length past end of file)")
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n3\r\ni</\r\n2\r\np>\r\n0\r\n\r\n";
        assert_eq!(parse_http(block).unwrap().body, b"<p>hi</p>");
        assert!(parse_http(b"not http").is_err());
    }
}
