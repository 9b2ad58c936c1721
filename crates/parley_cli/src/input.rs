//! Reading user input with defined outcomes: size caps, gzip, directories, missing files.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};

/// Largest page `analyze` and `extract` accept (a 50 MB page is an error, not a slow run).
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Display name of an input ("-" is standard input).
pub fn name(path: &str) -> String {
    if path == "-" {
        "standard input".to_string()
    } else {
        path.to_string()
    }
}

/// Reads a whole input (a file, or `-` for standard input), gunzipping `.gz` files and gzip
/// streams, refusing directories, empty inputs and inputs over `max` bytes.
pub fn read_input(path: &str, max: u64) -> anyhow::Result<Vec<u8>> {
    let shown = name(path);
    let raw = if path == "-" {
        read_capped(std::io::stdin().lock(), max).with_context(|| format!("cannot read {shown}"))?
    } else {
        let p = Path::new(path);
        let meta = std::fs::metadata(p)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        if meta.is_dir() {
            bail!("cannot read {shown}: it is a directory (use `parley ingest` for folders)");
        }
        if meta.len() > max && !path.ends_with(".gz") {
            bail!(
                "cannot read {shown}: {} bytes is over the {} byte page limit (--max-bytes)",
                meta.len(),
                max
            );
        }
        let f = std::fs::File::open(p)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        read_capped(f, max).with_context(|| format!("cannot read {shown}"))?
    };
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(max + 1)
            .read_to_end(&mut out)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: bad gzip stream: {e}"))?;
        if out.len() as u64 > max {
            bail!("cannot read {shown}: over the {max} byte page limit once decompressed (--max-bytes)");
        }
        out
    } else {
        raw
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        bail!("cannot read {shown}: the input is empty");
    }
    Ok(bytes)
}

fn read_capped(r: impl Read, max: u64) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(max + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        bail!("over the {max} byte page limit (--max-bytes)");
    }
    Ok(buf)
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string().to_lowercase(),
    }
}

/// Rejects input that is clearly not text: NUL bytes or many control characters near the start.
pub fn check_not_binary(shown: &str, bytes: &[u8]) -> anyhow::Result<()> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Ok(()); // UTF-16 with a byte-order mark: the extractor decodes it
    }
    let head = &bytes[..bytes.len().min(8192)];
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || ctrl * 20 > head.len().max(1) {
        bail!("cannot read {shown}: binary data, not a web page or text");
    }
    Ok(())
}

/// A flattened text page must be UTF-8 (HTML pages declare or get their charset detected).
pub fn check_text_page_utf8(
    shown: &str,
    bytes: &[u8],
    kind: Option<parley_extract::PageKind>,
) -> anyhow::Result<()> {
    let kind = kind.unwrap_or_else(|| parley_extract::detect_kind(bytes));
    if kind == parley_extract::PageKind::Text
        && !bytes.starts_with(&[0xff, 0xfe])
        && !bytes.starts_with(&[0xfe, 0xff])
    {
        if let Err(e) = std::str::from_utf8(bytes) {
            bail!(
                "cannot read {shown}: invalid UTF-8 at byte {} (a text page must be UTF-8)",
                e.valid_up_to()
            );
        }
    }
    Ok(())
}
