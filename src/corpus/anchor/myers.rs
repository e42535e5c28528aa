//! Myers' bit-parallel approximate substring matching over chars (Myers 1999, in Hyyrö's
//! formulation, with the quote cut into blocks of 64 rows and only the blocks that can still be
//! within the edit budget computed, as in Myers' Fig. 9 and edlib).
//!
//! The edit-distance table of a quote of `m` chars against a text is computed one text char
//! (one column) at a time; each column is kept as two bit vectors per block of 64 quote chars
//! (where the distance goes up, where it goes down, from one row to the next), so one column
//! costs a dozen word operations per block instead of one operation per quote char. Below the
//! last block that can still hold a distance of at most `k` nothing is computed (Ukkonen's
//! cut-off), so a good match found early makes the rest of the text cheap to scan.
//!
//! Hand-written because no crate fits: `bio::pattern_matching::myers` (incl. `long`) and
//! `triple_accel` match bytes (a 256-entry table per block; a quote of Chinese or Japanese text
//! has more distinct chars than that, so no mapping of chars to bytes keeps the edit distance),
//! `bio` would bring 33 crates (`ndarray`, `nalgebra`, `statrs`, `petgraph`…) for this one
//! algorithm and keeps its cut-off fixed for a whole search, `triple_accel` computes every cell
//! (SIMD anti-diagonals, no cut-off), `sassy` is for DNA/ASCII and needs AVX2 build flags, and
//! `edlib_rs` builds C++ with cmake and bindgen.
//!
//! Myers, G. (1999). A fast bit-vector algorithm for approximate string matching based on
//! dynamic programming. Journal of the ACM 46, 395–415.
//! Hyyrö, H. (2003). A bit-vector algorithm for computing Levenshtein and Damerau edit
//! distances. Nordic Journal of Computing 10, 29–39.
//! Šošić, M. and Šikić, M. (2017). Edlib: a C/C++ library for fast, exact sequence alignment
//! using edit distance. Bioinformatics 33, 1394–1395.

/// Rows (quote chars) per block: the bits of a word.
const W: usize = 64;

/// The bit of a full block's last row.
const LAST: u64 = 1 << (W - 1);

/// Chars below this have their symbol in a table; the quote's other chars are looked up in a
/// sorted list. (Latin, Greek, Cyrillic and most punctuation are below it.)
const TABLE_CHARS: usize = 0x800;

/// The quote as bit vectors, and the state of one scan.
pub(super) struct Myers {
    /// Quote chars (rows).
    m: usize,
    /// Blocks of [`W`] rows: `m.div_ceil(W)`.
    blocks: usize,
    /// Where the bit vectors of each char below [`TABLE_CHARS`] start in [`Myers::peq`]: 0 for
    /// a char the quote does not have.
    table: Box<[u32; TABLE_CHARS]>,
    /// The quote's chars from [`TABLE_CHARS`] up, sorted, with where their bit vectors start.
    others: Vec<(char, u32)>,
    /// From `s * blocks` on, for the quote's `s`-th distinct char (from 1): the rows of each
    /// block that hold it (bit `r` of word `i` for row `i * W + r`). The first `blocks` words
    /// (a char not in the quote) are 0.
    peq: Vec<u64>,
    /// The same for the quote read backwards (for [`Myers::start_of`]).
    rev: Vec<u64>,
    /// Per block: where the distance goes up (`pv`) or down (`mv`) from one row to the next in
    /// the current column, and the distance at the block's last row (`score`).
    pv: Vec<u64>,
    mv: Vec<u64>,
    score: Vec<i64>,
    /// Block steps (one text char through one block) left to [`Myers::best_end`].
    steps: usize,
}

impl Myers {
    /// The matcher for `quote` (not empty), allowed `steps` block steps of searching in all.
    pub(super) fn new(quote: &[char], steps: usize) -> Self {
        let m = quote.len();
        let blocks = Self::blocks_for(m);
        let mut distinct: Vec<char> = quote.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let mut table = Box::new([0u32; TABLE_CHARS]);
        let mut others = Vec::new();
        for (i, &c) in distinct.iter().enumerate() {
            let at = ((i + 1) * blocks) as u32;
            match table.get_mut(c as usize) {
                Some(slot) => *slot = at,
                None => others.push((c, at)),
            }
        }
        let mut me = Self {
            m,
            blocks,
            table,
            others,
            peq: Vec::new(),
            rev: Vec::new(),
            pv: vec![0; blocks],
            mv: vec![0; blocks],
            score: vec![0; blocks],
            steps,
        };
        let words = (distinct.len() + 1) * blocks;
        me.peq = me.bit_vectors(quote.iter().copied(), words);
        me.rev = me.bit_vectors(quote.iter().rev().copied(), words);
        me
    }

    /// The [`Myers::peq`] table of a quote read in `order`.
    fn bit_vectors(&self, order: impl Iterator<Item = char>, words: usize) -> Vec<u64> {
        let mut peq = vec![0u64; words];
        for (row, c) in order.enumerate() {
            peq[self.offset(c) + row / W] |= 1 << (row % W);
        }
        peq
    }

    /// How many blocks of 64 quote chars the quote has: the cost of one text char in the worst
    /// case, in block steps.
    pub(super) fn blocks(&self) -> usize {
        self.blocks
    }

    /// [`Myers::blocks`] for a quote of `m` chars.
    pub(super) fn blocks_for(m: usize) -> usize {
        m.div_ceil(W).max(1)
    }

    /// Block steps left.
    pub(super) fn steps_left(&self) -> usize {
        self.steps
    }

    /// Where `c`'s bit vectors start.
    fn offset(&self, c: char) -> usize {
        match self.table.get(c as usize) {
            Some(&at) => at as usize,
            None => self
                .others
                .binary_search_by_key(&c, |&(o, _)| o)
                .map_or(0, |i| self.others[i].1 as usize),
        }
    }

    /// Rows in block `i` (the last block may have fewer than [`W`]).
    fn rows(&self, i: usize) -> i64 {
        (self.m - i * W).min(W) as i64
    }

    /// Resets blocks `0..=y` to the first column of the table: row `r` has distance `r`.
    fn reset(&mut self, y: usize) {
        for i in 0..=y {
            self.pv[i] = !0;
            self.mv[i] = 0;
            self.score[i] = (i * W) as i64 + self.rows(i);
        }
    }

    /// The best match of the quote ending inside `text[from..to]` (byte offsets on char
    /// boundaries) with at most `k` edits, starting anywhere in that range: its edit distance
    /// and the byte where it ends. Among equally good matches, the one that ends first.
    /// The work is (text chars × blocks that can still be within `k`), at most (text chars ×
    /// [`Myers::blocks`]); the scan stops early (and may miss the best match) when the block
    /// steps left run out.
    pub(super) fn best_end(&mut self, text: &str, from: usize, to: usize, k: usize) -> Option<(usize, usize)> {
        let slice = text.get(from..to)?;
        let b = self.blocks;
        let w = W as i64;
        let mut k = k.min(self.m) as i64;
        // The last block computed; the blocks below it only hold distances above `k`.
        let mut y = (k as usize / W).min(b - 1);
        self.reset(y);
        let (last_bit, last_rows) = (1u64 << (self.rows(b - 1) - 1), self.rows(b - 1));
        let mut best = None;
        let bytes = slice.as_bytes();
        let mut at = 0;
        while let Some(&x) = bytes.get(at) {
            let off = if x < 0x80 {
                at += 1;
                self.table[usize::from(x)] as usize
            } else {
                let c = slice.get(at..).and_then(|s| s.chars().next()).unwrap_or_default();
                at += c.len_utf8();
                self.offset(c)
            };
            let Some(left) = self.steps.checked_sub(y + 1) else {
                self.steps = 0;
                break;
            };
            self.steps = left;
            let eq = &self.peq[off..off + b];
            let carry = column(&mut self.pv, &mut self.mv, &mut self.score, eq, y, b, last_bit);
            if y + 1 < b && self.score[y] - carry <= k && (eq[y + 1] & 1 != 0 || carry < 0) {
                // The first row of the next block may be within `k` in this column: compute
                // that block too, from a column where it grows by one per row.
                y += 1;
                let (bit, rows) = if y + 1 == b { (last_bit, last_rows) } else { (LAST, w) };
                self.pv[y] = !0;
                self.mv[y] = 0;
                let out = advance(&mut self.pv[y], &mut self.mv[y], eq[y], carry, bit);
                self.score[y] = self.score[y - 1] - carry + rows + out;
            } else {
                // A block whose last row is `k + W` or more holds nothing within `k`.
                while y > 0 && self.score[y] >= k + w {
                    y -= 1;
                }
            }
            if y + 1 == b && self.score[y] <= k {
                let cost = self.score[y];
                best = Some((cost as usize, from + at));
                if cost == 0 {
                    break;
                }
                // From here on only a strictly better match counts.
                k = cost - 1;
                while y > 0 && self.score[y] >= k + w {
                    y -= 1;
                }
            }
        }
        best
    }

    /// Where a match of the quote with `cost` edits that ends at byte `end` of `text` starts:
    /// the quote is matched backwards from `end` over the `m + cost` chars before it (no match
    /// is longer), every block computed. Among the starts with the fewest edits, the earliest
    /// (the longest match, so substitutions are preferred to skipping quote chars). Returns
    /// the start byte and the edits, at most `cost` (fewer only if `cost` was not the best for
    /// `end`). Not counted in the block steps: it costs at most (m + cost) × blocks.
    pub(super) fn start_of(&mut self, text: &str, end: usize, cost: usize) -> (usize, usize) {
        let before = text.get(..end).unwrap_or_default();
        let b = self.blocks;
        self.reset(b - 1);
        let last_bit = 1u64 << (self.rows(b - 1) - 1);
        // The empty match costs `m`.
        let (mut fewest, mut start) = (self.m, end);
        for (at, c) in before.char_indices().rev().take(self.m + cost) {
            let off = self.offset(c);
            let eq = &self.rev[off..off + b];
            // Row 0 grows by one per column: the match must end right at `end`.
            let mut carry = 1;
            let blocks = self.pv.iter_mut().zip(self.mv.iter_mut()).zip(self.score.iter_mut());
            for (i, ((p, m), s)) in blocks.enumerate() {
                let bit = if i + 1 == b { last_bit } else { LAST };
                carry = advance(p, m, eq[i], carry, bit);
                *s += carry;
            }
            let here = self.score[b - 1] as usize;
            if here <= fewest {
                (fewest, start) = (here, at);
            }
        }
        (start, fewest)
    }
}

/// One column of a search (row 0 is 0 in every column): blocks `0..=y` advanced for a text
/// char matching the rows `eq`, block `b - 1` (the last) having its last row at `last_bit`.
/// Returns the change of distance along block `y`'s last row.
#[inline(always)]
fn column(pv: &mut [u64], mv: &mut [u64], score: &mut [i64], eq: &[u64], y: usize, b: usize, last_bit: u64) -> i64 {
    let mut carry = 0;
    let (pv, mv, score, eq) = (&mut pv[..=y], &mut mv[..=y], &mut score[..=y], &eq[..=y]);
    let (pv_y, pv) = pv.split_last_mut().expect("y + 1 blocks");
    let (mv_y, mv) = mv.split_last_mut().expect("y + 1 blocks");
    let (score_y, score) = score.split_last_mut().expect("y + 1 blocks");
    for (((p, m), s), &e) in pv.iter_mut().zip(mv.iter_mut()).zip(score.iter_mut()).zip(eq) {
        carry = advance(p, m, e, carry, LAST);
        *s += carry;
    }
    let bit = if y + 1 == b { last_bit } else { LAST };
    carry = advance(pv_y, mv_y, eq[y], carry, bit);
    *score_y += carry;
    carry
}

/// One block of one column (Hyyrö's step): `pv`/`mv` of the previous column become this
/// column's, given the rows where the quote char equals the text char (`eq`) and the change of
/// distance along the row above the block (`hin`, −1, 0 or +1). Returns the change along the
/// block's row `last` (a single bit).
#[inline(always)]
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i64, last: u64) -> i64 {
    let (hin_neg, hin_pos) = (u64::from(hin < 0), u64::from(hin > 0));
    let xv = eq | *mv;
    let eq = eq | hin_neg;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let ph = *mv | !(xh | *pv);
    let mh = *pv & xh;
    let out = i64::from(ph & last != 0) - i64::from(mh & last != 0);
    let ph = (ph << 1) | hin_pos;
    let mh = (mh << 1) | hin_neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    out
}

#[cfg(test)]
mod tests;
