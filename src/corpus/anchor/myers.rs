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
//! Myers, G. (1999). A fast bit-vector algorithm for approximate string matching based on
//! dynamic programming. Journal of the ACM 46, 395–415.
//! Hyyrö, H. (2003). A bit-vector algorithm for computing Levenshtein and Damerau edit
//! distances. Nordic Journal of Computing 10, 29–39.
//! Šošić, M. and Šikić, M. (2017). Edlib: a C/C++ library for fast, exact sequence alignment
//! using edit distance. Bioinformatics 33, 1394–1395.

/// Rows (quote chars) per block: the bits of a word.
const W: usize = 64;

/// Chars below this have their symbol in a table; the quote's other chars are looked up in a
/// sorted list. (Latin, Greek, Cyrillic and most punctuation are below it.)
const TABLE_CHARS: usize = 0x800;

/// The quote as bit vectors, and the state of one scan.
pub(super) struct Myers {
    /// Quote chars (rows).
    m: usize,
    /// Blocks of [`W`] rows: `m.div_ceil(W)`.
    blocks: usize,
    /// The symbol of each char below [`TABLE_CHARS`]: 0 for a char the quote does not have,
    /// else 1 + its index among the quote's distinct chars.
    table: Vec<u32>,
    /// The quote's chars from [`TABLE_CHARS`] up, sorted, with their symbols.
    others: Vec<(char, u32)>,
    /// `peq[s * blocks + i]`: the rows of block `i` whose quote char has symbol `s` (bit `r`
    /// for row `i * W + r`). Symbol 0 matches no row.
    peq: Vec<u64>,
    /// The same for the quote read backwards (for [`Myers::start_of`]).
    rev: Vec<u64>,
    /// Per block: where the distance goes up (`pv`) or down (`mv`) from one row to the next in
    /// the current column, and the distance at the block's last row (`score`).
    pv: Vec<u64>,
    mv: Vec<u64>,
    score: Vec<i64>,
}

impl Myers {
    /// The matcher for `quote` (not empty).
    pub(super) fn new(quote: &[char]) -> Self {
        let m = quote.len();
        let blocks = m.div_ceil(W).max(1);
        let mut distinct: Vec<char> = quote.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let mut table = vec![0u32; TABLE_CHARS];
        let mut others = Vec::new();
        for (i, &c) in distinct.iter().enumerate() {
            let s = i as u32 + 1;
            match table.get_mut(c as usize) {
                Some(slot) => *slot = s,
                None => others.push((c, s)),
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
        };
        let symbols = distinct.len() + 1;
        me.peq = me.bit_vectors(quote.iter().copied(), symbols);
        me.rev = me.bit_vectors(quote.iter().rev().copied(), symbols);
        me
    }

    /// The [`Myers::peq`] table of a quote read in `order`.
    fn bit_vectors(&self, order: impl Iterator<Item = char>, symbols: usize) -> Vec<u64> {
        let mut peq = vec![0u64; symbols * self.blocks];
        for (row, c) in order.enumerate() {
            peq[self.symbol(c) * self.blocks + row / W] |= 1 << (row % W);
        }
        peq
    }

    /// How many blocks of 64 quote chars the quote has: the cost of one text char in the worst
    /// case, in block steps.
    pub(super) fn blocks(&self) -> usize {
        self.blocks
    }

    fn symbol(&self, c: char) -> usize {
        match self.table.get(c as usize) {
            Some(&s) => s as usize,
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

    /// The bit of block `i`'s last row.
    fn last_row_bit(&self, i: usize) -> u64 {
        1 << ((self.rows(i) - 1) as u32)
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
    /// [`Myers::blocks`]).
    pub(super) fn best_end(&mut self, text: &str, from: usize, to: usize, k: usize) -> Option<(usize, usize)> {
        let slice = text.get(from..to)?;
        let (b, w) = (self.blocks, W as i64);
        let mut k = k.min(self.m) as i64;
        // The last block computed; the blocks below it only hold distances above `k`.
        let mut y = (k as usize / W).min(b - 1);
        self.reset(y);
        let (last_bit, full_bit) = (self.last_row_bit(b - 1), 1u64 << (W - 1));
        let mut best = None;
        for (at, c) in slice.char_indices() {
            let s = self.symbol(c) * b;
            let eq = &self.peq[s..s + b];
            let mut carry = 0;
            for i in 0..=y {
                let bit = if i + 1 == b { last_bit } else { full_bit };
                carry = advance(&mut self.pv[i], &mut self.mv[i], eq[i], carry, bit);
                self.score[i] += carry;
            }
            if y + 1 < b && self.score[y] - carry <= k && (eq[y + 1] & 1 != 0 || carry < 0) {
                // The first row of the next block may be within `k` in this column: compute
                // that block too, from a column where it grows by one per row.
                y += 1;
                let bit = if y + 1 == b { last_bit } else { full_bit };
                self.pv[y] = !0;
                self.mv[y] = 0;
                let out = advance(&mut self.pv[y], &mut self.mv[y], eq[y], carry, bit);
                self.score[y] = self.score[y - 1] - carry + self.rows(y) + out;
            } else {
                // A block whose last row is `k + W` or more holds nothing within `k`.
                while y > 0 && self.score[y] >= k + w {
                    y -= 1;
                }
            }
            if y + 1 == b && self.score[y] <= k {
                let cost = self.score[y];
                best = Some((cost as usize, from + at + c.len_utf8()));
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
    /// `end`).
    pub(super) fn start_of(&mut self, text: &str, end: usize, cost: usize) -> (usize, usize) {
        let before = text.get(..end).unwrap_or_default();
        let b = self.blocks;
        self.reset(b - 1);
        let (last_bit, full_bit) = (self.last_row_bit(b - 1), 1u64 << (W - 1));
        // The empty match costs `m`.
        let (mut fewest, mut start) = (self.m, end);
        for (at, c) in before.char_indices().rev().take(self.m + cost) {
            let s = self.symbol(c) * b;
            let eq = &self.rev[s..s + b];
            // Row 0 grows by one per column: the match must start right after `end`'s side.
            let mut carry = 1;
            for i in 0..b {
                let bit = if i + 1 == b { last_bit } else { full_bit };
                carry = advance(&mut self.pv[i], &mut self.mv[i], eq[i], carry, bit);
                self.score[i] += carry;
            }
            let here = self.score[b - 1] as usize;
            if here <= fewest {
                (fewest, start) = (here, at);
            }
        }
        (start, fewest)
    }
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
