//! Article fingerprints: an exact content hash (idempotence) and a MinHash signature over word
//! shingles (near-duplicate clustering).
//!
//! Both are stable across versions and platforms: they are stored in the database, so they use
//! hash functions defined here (FNV-1a and SplitMix64), never `std`'s unspecified hasher.

/// Number of MinHash values in a signature.
pub const MINHASH_LEN: usize = 64;
/// Locality-sensitive hashing: `BANDS` bands of `ROWS` values each (`BANDS * ROWS == MINHASH_LEN`).
/// With 8 × 8, a pair at resemblance 0.9 becomes a candidate with probability ≈ 0.99, a pair at
/// 0.5 with ≈ 0.03; candidates are then verified on the full signature.
pub const BANDS: usize = 8;
pub const ROWS: usize = 8;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Estimated resemblance at or above which two articles are near-duplicates.
pub const NEAR_DUP: f64 = 0.9;

/// The fingerprints of one article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hex of a 128-bit hash of the whitespace-normalised text.
    pub content_hash: String,
    pub minhash: Vec<u32>,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        Fingerprint {
            content_hash: content_hash(text),
            minhash: minhash(text),
        }
    }

    /// The LSH band keys of the signature.
    pub fn bands(&self) -> Vec<i64> {
        bands(&self.minhash)
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of `bytes` with a seeded offset (the reference [`content_hash`] is checked against).
#[cfg(test)]
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET ^ seed;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// SplitMix64 finaliser: a good 64-bit mixer.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 128-bit hash (hex) of the text with runs of whitespace collapsed and ends trimmed, so that
/// the same article re-extracted with different line breaks still matches.
pub fn content_hash(text: &str) -> String {
    // both FNV-1a hashes of the normalised text in one pass, without building it
    let (mut a, mut b) = (FNV_OFFSET, FNV_OFFSET ^ 0x5bd1_e995);
    let mut len = 0usize;
    let mut feed = |bytes: &[u8]| {
        for &x in bytes {
            a = (a ^ x as u64).wrapping_mul(FNV_PRIME);
            b = (b ^ x as u64).wrapping_mul(FNV_PRIME);
        }
        len += bytes.len();
    };
    for (k, w) in text.split_whitespace().enumerate() {
        if k > 0 {
            feed(b" ");
        }
        feed(w.as_bytes());
    }
    let a = mix(a);
    let b = mix(b ^ len as u64);
    format!("{a:016x}{b:016x}")
}

/// Hashes of the lower-cased alphanumeric words of the text (no allocation per word).
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let feed = |h: &mut u64, b: u8| *h = (*h ^ b as u64).wrapping_mul(FNV_PRIME);
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                // ASCII lower-cases to one byte, without the Unicode tables
                feed(&mut h, c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        feed(&mut h, b);
                    }
                }
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// MinHash signature over word shingles (`SHINGLE` words; shorter texts use one shingle of all
/// their words), computed by one-permutation hashing: each shingle hash falls in one of
/// `MINHASH_LEN` bins by its top bits and the bin keeps its minimum; empty bins borrow from the
/// next non-empty bin (rotation densification). An empty text gets the all-`u32::MAX` signature.
pub fn minhash(text: &str) -> Vec<u32> {
    let ws = word_hashes(text);
    let mut sig = vec![u32::MAX; MINHASH_LEN];
    if ws.is_empty() {
        return sig;
    }
    let n = SHINGLE.min(ws.len());
    let mut filled = [false; MINHASH_LEN];
    for win in ws.windows(n) {
        let mut h = 0u64;
        for &w in win {
            h = mix(h ^ w);
        }
        let bin = (h >> 58) as usize % MINHASH_LEN;
        let v = h as u32;
        if !filled[bin] || v < sig[bin] {
            sig[bin] = v;
            filled[bin] = true;
        }
    }
    for j in 0..MINHASH_LEN {
        if !filled[j] {
            let mut d = 1;
            while !filled[(j + d) % MINHASH_LEN] {
                d += 1;
            }
            let v = sig[(j + d) % MINHASH_LEN];
            sig[j] = (mix(v as u64 ^ (d as u64) << 40) >> 32) as u32;
        }
    }
    sig
}

/// Band keys: one 63-bit hash per band of `ROWS` values, tagged with the band number.
pub fn bands(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let mut h = mix(b as u64);
            for &r in rows {
                h = mix(h ^ r as u64);
            }
            (h >> 1) as i64
        })
        .collect()
}

/// Estimated resemblance (Jaccard similarity of shingle sets) of two signatures.
pub fn resemblance(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

pub fn sig_to_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn blob_to_sig(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(seed: usize, n: usize) -> String {
        // Deterministic pseudo-text: distinct words from a seed.
        (0..n)
            .map(|i| format!("w{}", mix((seed * 100_000 + i) as u64) % 5000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The one-pass hash equals the hash of the normalised text built first (the stored
    /// definition), and the ASCII word path equals the general one.
    #[test]
    fn content_hash_and_word_hashes_match_their_reference() {
        fn reference_hash(text: &str) -> String {
            let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let a = mix(fnv1a(0, norm.as_bytes()));
            let b = mix(fnv1a(0x5bd1_e995, norm.as_bytes()) ^ norm.len() as u64);
            format!("{a:016x}{b:016x}")
        }
        fn reference_words(text: &str) -> Vec<u64> {
            let mut out = Vec::new();
            let mut w = String::new();
            for c in text.chars().chain([' ']) {
                if c.is_alphanumeric() {
                    w.extend(c.to_lowercase());
                } else if !w.is_empty() {
                    out.push(fnv1a(0, w.as_bytes()));
                    w.clear();
                }
            }
            out
        }
        for t in [
            "",
            "  ",
            "The Harbour Board met on Tuesday.",
            "  Ferry fares rise\n\n by 3%  in Östersund — ÉTÉ ß İx\tend ",
            "ÀB12cd'ef “quoted” naïve",
        ] {
            assert_eq!(content_hash(t), reference_hash(t), "{t:?}");
            assert_eq!(word_hashes(t), reference_words(t), "{t:?}");
        }
    }

    #[test]
    fn content_hash_ignores_whitespace_layout() {
        assert_eq!(
            content_hash("The talks  resumed.\n\nThey ended."),
            content_hash("The talks resumed. They ended.")
        );
        assert_ne!(
            content_hash("The talks resumed."),
            content_hash("The talks stalled.")
        );
        assert_eq!(content_hash("x").len(), 32);
    }

    #[test]
    fn identical_texts_resemble_fully_and_unrelated_ones_barely() {
        let a = para(1, 400);
        let b = para(2, 400);
        assert_eq!(resemblance(&minhash(&a), &minhash(&a)), 1.0);
        assert!(resemblance(&minhash(&a), &minhash(&b)) < 0.2);
    }

    #[test]
    fn a_lightly_edited_copy_is_a_near_duplicate() {
        let a = para(3, 2000);
        // Change one word in 1000: resemblance of 5-shingles ≈ 0.99.
        let b = a.replacen("w", "v", 2);
        let r = resemblance(&minhash(&a), &minhash(&b));
        assert!(r >= NEAR_DUP, "{r}");
        let sa = Fingerprint::of(&a);
        let sb = Fingerprint::of(&b);
        assert!(sa.bands().iter().zip(sb.bands()).any(|(x, y)| *x == y));
    }

    #[test]
    fn blobs_round_trip() {
        let s = minhash("A short text with a few words in it.");
        assert_eq!(blob_to_sig(&sig_to_blob(&s)), s);
        assert_eq!(minhash("").len(), MINHASH_LEN);
    }
}
