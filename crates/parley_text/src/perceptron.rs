//! Averaged multi-class perceptron over hashed sparse features, and its compact inference form.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

use crate::TextError;

/// A hasher for keys that are already well-mixed `u64` feature hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;

/// Mixes two values into one feature hash.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_add(0x632B_E59B_D9B4_E019);
    let x = (x ^ (x >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

/// FNV-1a hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.bytes(s.as_bytes());
    h.0
}

/// Incremental FNV-1a: feeding the bytes of a string in pieces gives [`hash_str`] of the whole.
#[derive(Clone, Copy)]
pub struct Fnv(pub u64);

impl Fnv {
    #[inline]
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.byte(x);
        }
    }
    #[inline]
    pub fn byte(&mut self, x: u8) {
        self.0 ^= x as u64;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    #[inline]
    pub fn char(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c as u8);
        } else {
            let mut b = [0u8; 4];
            self.bytes(c.encode_utf8(&mut b).as_bytes());
        }
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// `hash_str(&s.to_lowercase())` without allocating (for the common case).
#[inline]
pub fn hash_lower(s: &str) -> u64 {
    let mut h = Fnv::new();
    if s.is_ascii() {
        for &b in s.as_bytes() {
            h.byte(b.to_ascii_lowercase());
        }
    } else if s.contains('\u{3A3}') {
        // capital sigma lower-cases by context: let the standard library decide
        return hash_str(&s.to_lowercase());
    } else {
        for c in s.chars() {
            for l in c.to_lowercase() {
                h.char(l);
            }
        }
    }
    h.0
}

/// Lower-cases `s` into `out` (cleared first), as `str::to_lowercase` does.
#[inline]
pub fn lower_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else if s.contains('\u{3A3}') {
        out.push_str(&s.to_lowercase());
    } else {
        for c in s.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    ts: u32,
}

/// The training form: sparse per-feature weight lists with lazy averaging.
pub struct Trainer {
    pub n_classes: usize,
    map: HashMap<u64, Vec<Entry>, IdBuild>,
    t: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            map: HashMap::default(),
            t: 0,
        }
    }

    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(es) = self.map.get(f) {
                for e in es {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Advances the clock by one example (call once per training decision).
    pub fn tick(&mut self) {
        self.t += 1;
    }

    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let t = self.t;
        for f in feats {
            let es = self.map.entry(*f).or_default();
            for (c, d) in [(truth, 1.0f32), (guess, -1.0f32)] {
                match es.iter_mut().find(|e| e.class as usize == c) {
                    Some(e) => {
                        e.total += (t - e.ts) as f64 * e.w as f64;
                        e.ts = t;
                        e.w += d;
                    }
                    None => es.push(Entry {
                        class: c as u16,
                        w: d,
                        total: 0.0,
                        ts: t,
                    }),
                }
            }
        }
    }

    /// Averages the weights and drops those whose magnitude is below `prune`.
    pub fn average(&self, classes: Vec<String>, prune: f32) -> Model {
        let t = self.t.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(self.map.len());
        for (k, es) in &self.map {
            let mut row = Vec::new();
            for e in es {
                let total = e.total + (t - e.ts) as f64 * e.w as f64;
                let avg = (total / t as f64) as f32;
                if avg.abs() >= prune {
                    row.push((e.class, avg));
                }
            }
            if !row.is_empty() {
                row.sort_by_key(|r| r.0);
                rows.push((*k, row));
            }
        }
        rows.sort_by_key(|r| r.0);
        Model::from_rows(classes, rows)
    }
}

/// Slot payload flag: the row is one (class, weight) pair stored in the slot itself.
const INLINE: u32 = 0x8000_0000;
/// Slot payload flag: the row is dense (low bits = its index in `dense`, in rows of `stride`).
const DENSE: u32 = 0x4000_0000;
/// Scores are accumulated in a stack buffer of this many classes (larger models use the heap).
const STACK_CLASSES: usize = 256;
/// Models of at most this many classes (rounded up to 8) score in a smaller stack buffer.
const SMALL_CLASSES: usize = 128;
/// `u32` words in a 64-byte cache line.
const LINE: usize = 16;
/// Width of the blocks in which dense rows are summed (the block's sums stay in registers).
const BLOCK: usize = 32;
/// Added to each dense weight to store it as `u16` (see [`Model`]'s `dense`).
const DENSE_BIAS: i32 = 0x8000;

#[inline]
fn biased(q: i16) -> u16 {
    (q as i32 + DENSE_BIAS) as u16
}

#[inline]
fn unbiased(v: u16) -> i16 {
    (v as i32 - DENSE_BIAS) as i16
}

/// The inference form: an open-addressing table of feature → row of quantised weights.
///
/// Slots pack a 32-bit fingerprint and a payload: a single (class, weight) pair inline, or the
/// offset of the row in `data` (`len, (class << shift | weight as u16)*`, or a header pointing to a
/// dense row). Dense rows (many classes) are biased `u16`, padded to a multiple of 8, summed with
/// vector instructions. Scores accumulate as integers (times `scale`).
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub classes: Vec<String>,
    slots: Vec<u64>,
    /// Low 32 bits of the key of each occupied slot, in slot order (for serialising and
    /// pruning; not used when scoring).
    lows: Vec<u32>,
    mask: usize,
    data: Vec<u32>,
    /// Dense rows, `stride` weights each, stored as `weight + DENSE_BIAS` (unsigned: widening
    /// to `i32` is then a zero extension, one vector operation fewer than a sign extension
    /// without SSE4.1; [`Model::add_dense`] takes the bias off once per block of sums).
    dense: Vec<u16>,
    /// The number of classes rounded up to a multiple of 8.
    stride: usize,
    /// Where the class sits in a sparse row's entries (see [`class_shift`]).
    shift: u32,
    pub scale: f32,
    /// Identifies the weights (copies share it): caches derived from a model check it.
    id: u64,
}

/// Sparse row entries hold the class in their top bits, `class << shift`, with `shift` chosen so
/// that `entry >> shift` is below the size of the buffer the model is scored in ([`score_parts`]
/// picks it by `stride`): the shift alone gives an index the compiler knows is in bounds.
///
/// [`score_parts`]: Model::score_parts
fn class_shift(stride: usize) -> u32 {
    if stride <= SMALL_CLASSES {
        32 - SMALL_CLASSES.trailing_zeros()
    } else if stride <= STACK_CLASSES {
        32 - STACK_CLASSES.trailing_zeros()
    } else {
        16
    }
}

static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline]
fn fp(k: u64) -> u32 {
    ((k >> 32) as u32) | 1
}

impl Model {
    pub fn from_rows(classes: Vec<String>, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Model {
        let maxw = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, x| m.max(x.1.abs()))
            .max(1e-6);
        let scale = maxw / 32767.0;
        let mut quantised = Vec::with_capacity(rows.len());
        for (k, row) in rows {
            let q: Vec<(u16, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|x| x.1 != 0)
                .collect();
            if !q.is_empty() {
                quantised.push((k, q));
            }
        }
        Model::from_quantised(classes, scale, quantised)
    }

    fn from_quantised(
        classes: Vec<String>,
        scale: f32,
        rows: Vec<(u64, Vec<(u16, i16)>)>,
    ) -> Model {
        // At most 35% of the slots are used (between 17.5% and 35%): most lookups are of
        // features the model does not have, and linear probing ends at the first empty slot,
        // so a sparse table keeps those probes short (the parser, 2^22 slots, runs faster than
        // at the 35-70% load used before: `parley bench text`). The table's size changes no
        // lookup result unless two keys of one probe chain share a 31-bit fingerprint.
        let cap = ((rows.len() * 20 / 7) + 1).next_power_of_two().max(16);
        let nc = classes.len();
        let stride = nc.div_ceil(8) * 8;
        let shift = class_shift(stride);
        let mut slots = vec![0u64; cap];
        let mut low_of_slot = vec![0u32; cap];
        // Sparse rows are laid out so that none crosses a 64-byte line it could fit in (one
        // cache miss per row, not two): the vector is allocated once, its first line located.
        let bound: usize = rows.iter().map(|r| r.1.len() + 1 + LINE).sum::<usize>() + LINE;
        let mut data: Vec<u32> = Vec::with_capacity(bound);
        let lead = (LINE - (data.as_ptr() as usize / 4) % LINE) % LINE;
        data.resize(lead, 0);
        let mut dense: Vec<u16> = Vec::new();
        for (k, row) in rows {
            // weights of classes the model does not have can never be scored
            let row: Vec<(u16, i16)> = row.into_iter().filter(|e| (e.0 as usize) < nc).collect();
            let f = fp(k) as u64;
            // the same probe sequence as always: a duplicate fingerprint keeps the first row
            let mut i = (k as usize) & (cap - 1);
            loop {
                if slots[i] == 0 {
                    break;
                }
                if slots[i] >> 32 == f {
                    i = usize::MAX;
                    break;
                }
                i = (i + 1) & (cap - 1);
            }
            if i == usize::MAX {
                continue;
            }
            let payload = if row.len() == 1 && row[0].0 < 0x8000 {
                INLINE | ((row[0].0 as u32) << 16) | (row[0].1 as u16 as u32)
            } else if nc >= 8 && row.len() * 4 >= nc {
                let off = dense.len();
                dense.resize(off + stride, biased(0));
                for (c, q) in &row {
                    dense[off + *c as usize] = biased(*q);
                }
                DENSE | (off / stride) as u32
            } else {
                let words = row.len() + 1;
                let at = (data.len() - lead) % LINE;
                if (at + words).div_ceil(LINE) > words.div_ceil(LINE) {
                    data.resize(data.len() + LINE - at, 0);
                }
                data.push(row.len() as u32);
                for (c, q) in &row {
                    data.push(((*c as u32) << shift) | (*q as u16 as u32));
                }
                (data.len() - 1 - row.len()) as u32
            };
            slots[i] = (f << 32) | payload as u64;
            low_of_slot[i] = k as u32;
        }
        let lows = slots
            .iter()
            .zip(&low_of_slot)
            .filter(|(&s, _)| s != 0)
            .map(|(_, &l)| l)
            .collect();
        Model {
            classes,
            slots,
            lows,
            mask: cap - 1,
            data,
            dense,
            stride,
            shift,
            scale,
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// A copy without weights of magnitude below `t` (and without rows left empty).
    pub fn pruned(&self, t: f32) -> Model {
        let q = (t / self.scale.max(1e-12)) as i32;
        let mut rows = Vec::new();
        for (&s, &low) in self.slots.iter().filter(|&&s| s != 0).zip(&self.lows) {
            let row: Vec<(u16, i16)> = self
                .row_entries(s)
                .into_iter()
                .filter(|e| (e.1 as i32).abs() >= q)
                .collect();
            if !row.is_empty() {
                let key = ((s >> 32) << 32) | low as u64;
                rows.push((key, row));
            }
        }
        Model::from_quantised(self.classes.clone(), self.scale, rows)
    }

    fn row_entries(&self, s: u64) -> Vec<(u16, i16)> {
        let payload = s as u32;
        if payload & INLINE != 0 {
            return vec![(((payload >> 16) & 0x7FFF) as u16, payload as u16 as i16)];
        }
        if payload & DENSE != 0 {
            let off = (payload & !DENSE) as usize * self.stride;
            return (0..self.classes.len())
                .filter_map(|c| {
                    self.dense
                        .get(off + c)
                        .map(|&v| unbiased(v))
                        .filter(|&q| q != 0)
                        .map(|q| (c as u16, q))
                })
                .collect();
        }
        let start = payload as usize;
        let len = self.data.get(start).copied().unwrap_or(0) as usize;
        self.data
            .get(start + 1..start + 1 + len)
            .unwrap_or(&[])
            .iter()
            .map(|&e| ((e >> self.shift) as u16, e as u16 as i16))
            .collect()
    }

    pub fn n_rows(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }

    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    pub fn n_weights(&self) -> usize {
        self.slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| self.row_entries(s).len())
            .sum()
    }

    /// Writes the summed weights of `feats` into `scores` (integer units of `scale`; classes
    /// beyond the model's are 0).
    #[inline]
    pub fn score_i(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_parts(feats, &[], scores)
    }

    /// Identifies these weights (0 for an empty default model); copies share the id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Like [`Model::score_i`], plus precomputed score vectors (`extra`, each at least
    /// `n_classes` long, e.g. from [`Model::score_i`] over a fixed set of features): the result is
    /// exactly the score of `feats` and the features behind `extra` together.
    #[inline]
    pub fn score_parts(&self, feats: &[u64], extra: &[&[i32]], scores: &mut [i32]) {
        let nc = self.classes.len();
        if self.slots.is_empty() || nc == 0 {
            scores.iter_mut().for_each(|s| *s = 0);
            return;
        }
        if self.stride <= SMALL_CLASSES {
            let mut acc = [0i32; SMALL_CLASSES];
            add_extra(extra, &mut acc[..nc]);
            self.accumulate(feats, &mut acc);
            copy_scores(&acc[..nc], scores);
        } else if self.stride <= STACK_CLASSES {
            let mut acc = [0i32; STACK_CLASSES];
            add_extra(extra, &mut acc[..nc]);
            self.accumulate(feats, &mut acc);
            copy_scores(&acc[..nc], scores);
        } else {
            // classes are `u16` (inline ones 15 bits): a table of every class index
            let mut acc = vec![0i32; 1 << 16];
            add_extra(extra, &mut acc[..nc]);
            match <&mut [i32; 1 << 16]>::try_from(&mut acc[..]) {
                Ok(a) => self.accumulate(feats, a),
                Err(_) => return,
            }
            copy_scores(&acc[..nc], scores);
        }
    }

    /// Adds the rows of `feats` into `acc` (`M`, a power of two, exceeds every class index the
    /// model holds, so masking an index with `M - 1` keeps it).
    #[inline]
    fn accumulate<const M: usize>(&self, feats: &[u64], acc: &mut [i32; M]) {
        // the scratch arrays are zeroed on every call: size them to the work
        if feats.len() <= 16 {
            self.accumulate_n::<16, M>(feats, acc)
        } else if feats.len() <= 64 {
            self.accumulate_n::<64, M>(feats, acc)
        } else {
            self.accumulate_n::<128, M>(feats, acc)
        }
    }

    /// [`Model::accumulate`] with scratch arrays of `N` features.
    #[inline]
    fn accumulate_n<const N: usize, const M: usize>(&self, feats: &[u64], acc: &mut [i32; M]) {
        // Phase 1 loads every feature's home slot (independent loads the CPU overlaps); phase 2
        // resolves probes and adds inline weights; phase 3 sums the dense rows a block of classes
        // at a time; phase 4 adds the sparse rows.
        let mut homes = [0u64; N];
        let mut dense_rows = [0u32; N];
        let mut sparse_rows = [0u32; N];
        let stride = self.stride as u32;
        let cm = M - 1;
        // `M` is 2^7, 2^8 or 2^16: an entry shifted right by this is below `M`
        let shift = 32 - M.trailing_zeros();
        debug_assert_eq!(shift, self.shift);
        for chunk in feats.chunks(N) {
            for (h, &k) in homes.iter_mut().zip(chunk) {
                *h = self.slots[(k as usize) & self.mask];
            }
            let (mut nd, mut ns) = (0, 0);
            for (j, &k) in chunk.iter().enumerate() {
                let f = fp(k);
                let mut i = (k as usize) & self.mask;
                let mut s = homes[j];
                while s != 0 {
                    if (s >> 32) as u32 == f {
                        let payload = s as u32;
                        if payload & INLINE != 0 {
                            let c = ((payload >> 16) & 0x7FFF) as usize;
                            let x = &mut acc[c & cm];
                            *x = x.wrapping_add(payload as u16 as i16 as i32);
                        } else if payload & DENSE != 0 {
                            dense_rows[nd & (N - 1)] = (payload & !DENSE) * stride;
                            nd += 1;
                        } else {
                            sparse_rows[ns & (N - 1)] = payload;
                            ns += 1;
                        }
                        break;
                    }
                    i = (i + 1) & self.mask;
                    s = self.slots[i];
                }
            }
            let nd = nd.min(N);
            let ns = ns.min(N);
            // the sparse rows' lengths first: independent loads the CPU overlaps
            let mut lens = [0u32; N];
            for (l, &start) in lens.iter_mut().zip(&sparse_rows[..ns]) {
                *l = self.data.get(start as usize).copied().unwrap_or(0);
            }
            self.add_dense(&dense_rows[..nd], acc);
            for (&start, &len) in sparse_rows[..ns].iter().zip(&lens[..ns]) {
                let start = start as usize;
                let len = len as usize;
                if let Some(row) = self.data.get(start + 1..start + 1 + len) {
                    for &e in row {
                        let x = &mut acc[(e >> shift) as usize];
                        *x = x.wrapping_add(e as u16 as i16 as i32);
                    }
                }
            }
        }
    }

    /// Sums dense rows into `acc`, one block of classes at a time so the block's running sums
    /// stay in vector registers. The stored weights are biased (see [`Model`]'s `dense`): the
    /// block's sum is corrected by the bias times the number of rows, exactly, in wrapping
    /// `i32` arithmetic, as the scores are.
    #[inline]
    fn add_dense<const M: usize>(&self, rows: &[u32], acc: &mut [i32; M]) {
        if rows.is_empty() {
            return;
        }
        let stride = self.stride.min(M);
        let mut b = 0;
        while b + BLOCK <= stride {
            self.add_dense_block::<BLOCK, M>(rows, b, acc);
            b += BLOCK;
        }
        while b + 8 <= stride {
            self.add_dense_block::<8, M>(rows, b, acc);
            b += 8;
        }
    }

    /// [`Model::add_dense`] for classes `b..b + W`.
    #[inline(always)]
    fn add_dense_block<const W: usize, const M: usize>(
        &self,
        rows: &[u32],
        b: usize,
        acc: &mut [i32; M],
    ) {
        let mut a = [0i32; W];
        let mut n = 0i32;
        for &off in rows {
            let off = off as usize + b;
            if let Some(r) = self.dense.get(off..off + W) {
                for (x, &y) in a.iter_mut().zip(r) {
                    *x = x.wrapping_add(y as i32);
                }
                n = n.wrapping_add(1);
            }
        }
        let bias = n.wrapping_mul(DENSE_BIAS);
        if let Some(out) = acc.get_mut(b..b + W) {
            for (x, &y) in out.iter_mut().zip(&a) {
                *x = x.wrapping_add(y.wrapping_sub(bias));
            }
        }
    }

    /// Float scores (for callers that want them).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let mut si = vec![0i32; scores.len()];
        self.score_i(feats, &mut si);
        for (a, b) in scores.iter_mut().zip(si) {
            *a = b as f32 * self.scale;
        }
    }

    /// Serialises: classes, scale, then rows sorted by fingerprint-slot key (delta-coded).
    pub fn write_to(&self, out: &mut Vec<u8>) {
        let mut rows: Vec<(u64, usize)> = Vec::new();
        let occupied = self.slots.iter().enumerate().filter(|(_, &s)| s != 0);
        for ((i, &s), &low) in occupied.zip(&self.lows) {
            // key = fingerprint in the high half, home index bits in the low half
            rows.push((((s >> 32) << 32) | low as u64, i));
        }
        rows.sort_by_key(|r| r.0);
        put_u32(out, self.classes.len() as u32);
        for c in &self.classes {
            put_u32(out, c.len() as u32);
            out.extend_from_slice(c.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_u32(out, rows.len() as u32);
        let mut prev = 0u64;
        for (k, i) in rows {
            put_var(out, k.wrapping_sub(prev));
            prev = k;
            let entries: Vec<(u16, i16)> = self.row_entries(self.slots[i]);
            put_var(out, entries.len() as u64);
            for (c, q) in entries {
                put_var(out, c as u64);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    pub fn read_from(r: &mut Reader<'_>) -> Result<Model, TextError> {
        let nc = r.u32()? as usize;
        if nc > 10_000 {
            return Err(TextError::Model("too many classes".into()));
        }
        let mut classes = Vec::with_capacity(nc);
        for _ in 0..nc {
            let n = r.u32()? as usize;
            let b = r.bytes(n)?;
            classes.push(String::from_utf8_lossy(b).into_owned());
        }
        let scale = f32::from_le_bytes(r.bytes(4)?.try_into().unwrap_or([0; 4]));
        let nr = r.u32()? as usize;
        let mut rows = Vec::with_capacity(nr.min(r.remaining()));
        let mut prev = 0u64;
        for _ in 0..nr {
            let k = prev.wrapping_add(r.var()?);
            prev = k;
            let n = r.var()? as usize;
            let mut row = Vec::with_capacity(n.min(r.remaining()));
            for _ in 0..n {
                let c = r.var()? as u16;
                let q = i16::from_le_bytes(r.bytes(2)?.try_into().unwrap_or([0; 2]));
                row.push((c, q));
            }
            rows.push((k, row));
        }
        Ok(Model::from_quantised(classes, scale, rows))
    }
}

#[inline]
fn add_extra(extra: &[&[i32]], acc: &mut [i32]) {
    for v in extra {
        for (x, &y) in acc.iter_mut().zip(v.iter()) {
            *x = x.wrapping_add(y);
        }
    }
}

/// Copies the model's class scores into the caller's buffer (extra classes are 0).
#[inline]
fn copy_scores(acc: &[i32], scores: &mut [i32]) {
    let n = acc.len().min(scores.len());
    scores[..n].copy_from_slice(&acc[..n]);
    scores[n..].iter_mut().for_each(|s| *s = 0);
}

pub fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

pub fn put_var(out: &mut Vec<u8>, mut x: u64) {
    loop {
        let b = (x & 0x7f) as u8;
        x >>= 7;
        if x == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
}

/// A bounds-checked little-endian reader.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], TextError> {
        if n > self.remaining() {
            return Err(TextError::Model(format!("truncated at byte {}", self.pos)));
        }
        let b = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(b)
    }
    pub fn u32(&mut self) -> Result<u32, TextError> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn var(&mut self) -> Result<u64, TextError> {
        let mut x = 0u64;
        for i in 0..10 {
            let b = self.bytes(1)?[0];
            x |= ((b & 0x7f) as u64) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err(TextError::Model(format!("bad varint at byte {}", self.pos)))
    }
    pub fn string(&mut self) -> Result<String, TextError> {
        let n = self.u32()? as usize;
        Ok(String::from_utf8_lossy(self.bytes(n)?).into_owned())
    }
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

pub fn gunzip(data: &[u8]) -> Result<Vec<u8>, TextError> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .map_err(|e| TextError::Model(format!("cannot decompress model: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        // rows of every storage kind: inline (≤ 4 weights), sparse, dense
        let classes: Vec<String> = (0..20).map(|c| format!("c{c}")).collect();
        let mut rows = Vec::new();
        for k in 0..200u64 {
            let n = (k % 12) as u16 + 1;
            let row: Vec<(u16, f32)> = (0..n)
                .map(|j| ((j * 7 + k as u16) % 20, (k as f32 - 90.0) / 7.0 + j as f32))
                .collect();
            rows.push((mix(k, 3), row));
        }
        Model::from_rows(classes, rows)
    }

    #[test]
    fn parts_sum_to_the_whole() {
        let m = model();
        let feats: Vec<u64> = (0..250u64).map(|k| mix(k, 3)).collect();
        let mut whole = vec![0i32; 20];
        m.score_i(&feats, &mut whole);
        let (a, b) = feats.split_at(77);
        let mut part = vec![0i32; 20];
        m.score_i(a, &mut part);
        let mut sum = vec![0i32; 20];
        m.score_parts(b, &[&part], &mut sum);
        assert_eq!(whole, sum);
        assert!(whole.iter().any(|&x| x != 0));
    }

    /// Every size of feature list (each scratch size, several chunks) sums the same weights as
    /// the features scored one by one.
    #[test]
    fn feature_lists_of_every_size_score_their_sum() {
        let m = model();
        let feats: Vec<u64> = (0..300u64).map(|k| mix(k % 230, 3)).collect();
        for n in [0, 1, 5, 16, 17, 64, 65, 128, 129, 300] {
            let mut whole = vec![0i32; 20];
            m.score_i(&feats[..n], &mut whole);
            let mut sum = vec![0i32; 20];
            let mut one = vec![0i32; 20];
            for f in &feats[..n] {
                m.score_i(std::slice::from_ref(f), &mut one);
                for (a, b) in sum.iter_mut().zip(&one) {
                    *a = a.wrapping_add(*b);
                }
            }
            assert_eq!(whole, sum, "{n} features");
        }
    }

    /// Each feature scores exactly its stored row, for models small enough for each scoring
    /// buffer (stack, larger stack, heap) and rows of every storage kind.
    #[test]
    fn features_score_their_rows_at_every_class_count() {
        for nc in [20usize, 200, 300] {
            let classes: Vec<String> = (0..nc).map(|c| format!("c{c}")).collect();
            let rows: Vec<(u64, Vec<(u16, f32)>)> = (0..300u64)
                .map(|k| {
                    let n = [1, 2, 5, 17, nc / 3, nc][k as usize % 6];
                    let row = (0..n)
                        .map(|j| {
                            (
                                ((j * 13 + k as usize) % nc) as u16,
                                k as f32 - 150.0 + j as f32,
                            )
                        })
                        .collect::<std::collections::BTreeMap<u16, f32>>()
                        .into_iter()
                        .collect();
                    (mix(k, 9), row)
                })
                .collect();
            let m = Model::from_rows(classes, rows);
            let mut got = vec![0i32; nc];
            for k in 0..300u64 {
                m.score_i(&[mix(k, 9)], &mut got);
                let mut want = vec![0i32; nc];
                let slot = m.slots.iter().find(|&&s| (s >> 32) as u32 == fp(mix(k, 9)));
                for (c, q) in slot.map(|&s| m.row_entries(s)).unwrap_or_default() {
                    want[c as usize] += q as i32;
                }
                assert_eq!(got, want, "{nc} classes, feature {k}");
            }
            // a feature the model does not have scores nothing
            m.score_i(&[mix(1000, 9)], &mut got);
            assert!(got.iter().all(|&x| x == 0));
        }
    }

    /// The allocation-free lower-casing and hashing agree with the standard library's.
    #[test]
    fn lower_case_hashes_match_the_standard_library() {
        let words = [
            "Kim",
            "ÉCOLE",
            "Straße",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "",
            "x1-Y",
            "Ⅻ",
        ];
        let mut buf = String::new();
        for w in words {
            assert_eq!(hash_lower(w), hash_str(&w.to_lowercase()), "{w}");
            lower_into(w, &mut buf);
            assert_eq!(buf, w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn serialised_model_scores_the_same() {
        let m = model();
        let mut buf = Vec::new();
        m.write_to(&mut buf);
        let r = Model::read_from(&mut Reader::new(&buf)).expect("model reads back");
        assert_eq!(r.n_weights(), m.n_weights());
        let feats: Vec<u64> = (0..250u64).map(|k| mix(k, 3)).collect();
        let (mut x, mut y) = (vec![0i32; 20], vec![0i32; 20]);
        m.score_i(&feats, &mut x);
        r.score_i(&feats, &mut y);
        assert_eq!(x, y);
    }
}
