//! The closest passage to a quote that is not in the article: the suggestion a teacher sees
//! for a mistyped quote. Approximate substring matching under a fixed work budget.

use crate::corpus::Article;
use crate::text::{Folded, Span, lowercase};

use super::widen_to_words;

/// How many chars of a quote [`closest`] matches: the first 160 chars of a quote are plenty to
/// find where it was meant to be.
pub(crate) const CLOSEST_QUOTE_CHARS: usize = 160;

/// The work budget of one [`closest`] call, in cells of the edit-distance table (one cell = one
/// quote char against one article char; a few nanoseconds each).
pub(crate) const CLOSEST_CELL_BUDGET: usize = 1 << 22;

/// The passage of the article closest to `quote` (approximate substring match, Sellers'
/// algorithm on folded lower-case text), widened to whole words, with its similarity in 0–1.
/// `None` when nothing is at least half similar.
///
/// **Work budget.** Only the first [`CLOSEST_QUOTE_CHARS`] chars of the quote are matched, and
/// one call compares at most [`CLOSEST_CELL_BUDGET`] cells' worth of article text with it:
///
/// - when the whole article fits the budget (article bytes × quote chars ≤ the budget, e.g. a
///   26,000-byte article for a 160-char quote), every passage is compared, and the answer is
///   the exact best match;
/// - in a longer article, every window one and a half quotes long (in steps of half a quote)
///   is first scored by the trigrams it shares with the quote (those starting at every other
///   byte), each weighted by how rare it is in the article (estimated from a sample of about
///   256 Ki positions), and only the best-scoring windows (with three quarters of a quote's
///   length of slack on each side) are compared, best first, as many as the budget allows. A passage that shares no trigram with the quote is
///   not found; among windows that score the same, the earliest are compared.
///
/// Within those cells, rows of the table that can no longer reach the best match so far (or
/// half similarity) are not computed (Ukkonen's cut-off), which makes a good match cheap to
/// confirm. So one call costs one pass over the article for the filter plus a bounded amount
/// of matching, whatever the article and the quote are: about 30 ms on an 8 MB article (see
/// `docs/benchmarks.md`). The first case-insensitive lookup in an article also lower-cases
/// it once ([`Folded::lowercase`]); later calls reuse that.
pub fn closest(article: &Article, quote: &str) -> Option<(Span, f64)> {
    closest_within(article, quote, CLOSEST_CELL_BUDGET)
}

/// [`closest`] with a given cell budget.
pub(super) fn closest_within(article: &Article, quote: &str, budget: usize) -> Option<(Span, f64)> {
    let p: Vec<char> = lowercase(&Folded::quote(quote))
        .chars()
        .take(CLOSEST_QUOTE_CHARS)
        .collect();
    if p.is_empty() {
        return None;
    }
    let lower = article.folded.lowercase();
    let text = lower.text.as_str();
    let m = p.len();
    let mut dp = Sellers::new(&p);
    // Only matches at least half similar are of use: at most m / 2 edits.
    let most = m / 2;
    let best = if text.len().saturating_mul(m) <= budget {
        dp.run(text, 0, text.len(), most)?
    } else {
        let pattern: String = p.iter().collect();
        let mut best: Option<Match> = None;
        // Best-scoring windows first, so that a good match found early lowers the edit
        // distance worth computing in the others.
        for (s, e) in candidate_windows(text, pattern.as_bytes(), m, budget) {
            let k = best.map_or(most, |b| b.cost);
            if let Some(found) = dp.run(text, s, e, k)
                && best.is_none_or(|b| (found.cost, found.end) < (b.cost, b.end))
            {
                best = Some(found);
            }
        }
        best?
    };
    let similarity = 1.0 - best.cost as f64 / m as f64;
    if similarity < 0.5 || best.start >= best.end {
        return None;
    }
    let span = lower.origin_span(best.start, best.end);
    Some((widen_to_words(article, span), similarity))
}

/// A best approximate match: edit distance, and the byte range of the text it covers.
#[derive(Clone, Copy, Debug)]
struct Match {
    cost: usize,
    start: usize,
    end: usize,
}

/// Sellers' algorithm: the substring of a text with the smallest edit distance to a pattern.
struct Sellers<'p> {
    p: &'p [char],
    /// `cost[i]`, `start[i]`: best edit distance of `p[..i]` to a substring ending at the
    /// current char, and the byte where that substring starts.
    cost: Vec<usize>,
    start: Vec<usize>,
}

impl<'p> Sellers<'p> {
    fn new(p: &'p [char]) -> Self {
        Self {
            p,
            cost: vec![0; p.len() + 1],
            start: vec![0; p.len() + 1],
        }
    }

    /// The best match inside `text[from..to]` (byte offsets on char boundaries) with at most
    /// `k` edits, if any. Among equally good matches, the one that ends first. Only the rows of
    /// the table that can still be within `k` are computed (Ukkonen's cut-off), so the work is
    /// about (text chars × `k`) rather than (text chars × pattern chars) when `k` is small.
    fn run(&mut self, text: &str, from: usize, to: usize, k: usize) -> Option<Match> {
        let m = self.p.len();
        for (i, c) in self.cost.iter_mut().enumerate() {
            *c = i;
        }
        self.start.fill(from);
        let slice = text.get(from..to)?;
        let mut k = k.min(m);
        let mut best: Option<Match> = None;
        // The last row whose cost is at most `k`; the rows below it are all more than `k`.
        let mut active = k;
        for (b, tc) in slice.char_indices() {
            let (at, next) = (from + b, from + b + tc.len_utf8());
            // D[0] of the previous column is 0, starting here.
            let (mut diag_cost, mut diag_start) = (0usize, at);
            self.cost[0] = 0;
            self.start[0] = next;
            let top = (active + 1).min(m);
            for i in 1..=top {
                let (up_cost, up_start) = (self.cost[i], self.start[i]);
                let sub = diag_cost + usize::from(self.p[i - 1] != tc);
                let (mut c, mut s) = (sub, diag_start);
                if up_cost + 1 < c {
                    c = up_cost + 1;
                    s = up_start;
                }
                if self.cost[i - 1] + 1 < c {
                    c = self.cost[i - 1] + 1;
                    s = self.start[i - 1];
                }
                diag_cost = up_cost;
                diag_start = up_start;
                self.cost[i] = c;
                self.start[i] = s;
            }
            // The first row not computed stands for "more than k" in the next column.
            if let Some(below) = self.cost.get_mut(top + 1) {
                *below = k + 1;
            }
            active = top;
            while active > 0 && self.cost[active] > k {
                active -= 1;
            }
            if active == m {
                best = Some(Match {
                    cost: self.cost[m],
                    start: self.start[m],
                    end: next,
                });
                // From here on only a strictly better match counts.
                match self.cost[m].checked_sub(1) {
                    Some(fewer) => k = fewer,
                    None => break,
                }
                while active > 0 && self.cost[active] > k {
                    active -= 1;
                }
            }
        }
        best
    }
}

/// The `q` bytes (1–3) starting at `i`, as one number.
fn gram_at(b: &[u8], i: usize, q: usize) -> u32 {
    b[i..i + q].iter().fold(0, |k, &x| (k << 8) | u32::from(x))
}

/// Hash of a gram (see [`gram_at`]) into a table of `1 << 16` slots.
fn gram_slot(gram: u32) -> usize {
    (gram.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The byte ranges of `text` worth comparing with `pattern` (its lower-cased, folded bytes;
/// `m` chars) within `budget` cells: the windows (one and a half patterns long) that share the
/// most rare trigrams with it, widened by about the pattern's length on each side, merged where
/// they overlap, best-scoring first. Linear in the text's length: one pass over a sample of it,
/// one over every other byte of it.
fn candidate_windows(text: &str, pattern: &[u8], m: usize, budget: usize) -> Vec<(usize, usize)> {
    let t = text.as_bytes();
    let n = t.len();
    let q = pattern.len().min(3);
    if q == 0 || n < q {
        return vec![(0, n)];
    }
    let weight = gram_weights(t, pattern, q);
    let block = pattern.len().div_ceil(2).max(2 * STEP).next_multiple_of(STEP);
    let sums = block_sums(t, q, &weight, block);
    best_regions(text, &sums, block, m, budget)
}

/// Every other byte starts a trigram that counts (see [`block_sums`]).
const STEP: usize = 2;

/// The weight of each gram slot: rare trigrams of the pattern weigh more (inverse document
/// frequency, in integer steps, from a sample of about 256 Ki positions of the text); grams
/// not in the pattern weigh nothing.
fn gram_weights(t: &[u8], pattern: &[u8], q: usize) -> Vec<u16> {
    let mut in_pattern = vec![false; 1 << 16];
    for i in 0..=pattern.len() - q {
        in_pattern[gram_slot(gram_at(pattern, i, q))] = true;
    }
    let positions = t.len() - q + 1;
    let stride = (positions >> 18).max(1);
    let mut freq = vec![0u32; 1 << 16];
    let mut sampled = 0u32;
    for i in (0..positions).step_by(stride) {
        freq[gram_slot(gram_at(t, i, q))] += 1;
        sampled += 1;
    }
    (0..1 << 16)
        .map(|h| {
            if in_pattern[h] {
                let idf = ((f64::from(sampled) + 1.0) / (f64::from(freq[h]) + 1.0)).ln();
                (idf.max(0.0) * 64.0) as u16 + 1
            } else {
                0
            }
        })
        .collect()
}

/// The weights of the trigrams starting at every other byte, summed per block of `block`
/// bytes (half the pattern's length). No branch in the loop but the block's end, so it runs at
/// memory speed.
fn block_sums(t: &[u8], q: usize, weight: &[u16], block: usize) -> Vec<u32> {
    let positions = t.len() - q + 1;
    let mut sums: Vec<u32> = Vec::with_capacity(positions / block + 1);
    let mut acc = 0u32;
    let mut left = block / STEP;
    let mut add = |wt: u16| {
        acc += u32::from(wt);
        left -= 1;
        if left == 0 {
            sums.push(acc);
            acc = 0;
            left = block / STEP;
        }
    };
    if q == 3 {
        for g in t.windows(3).step_by(STEP) {
            let gram = (u32::from(g[0]) << 16) | (u32::from(g[1]) << 8) | u32::from(g[2]);
            add(weight[gram_slot(gram)]);
        }
    } else {
        for i in (0..positions).step_by(STEP) {
            add(weight[gram_slot(gram_at(t, i, q))]);
        }
    }
    sums.push(acc);
    sums
}

/// The best windows (three blocks in a row, one and a half patterns long), as many as the
/// budget allows, each with a block and a half of slack on both sides (a region of six blocks,
/// about three patterns long) moved out to char boundaries; overlapping regions merged; best
/// first, equal scores in text order.
fn best_regions(text: &str, sums: &[u32], block: usize, m: usize, budget: usize) -> Vec<(usize, usize)> {
    let n = text.len();
    let window = |j: usize| -> u32 { sums[j.saturating_sub(1)..(j + 2).min(sums.len())].iter().sum() };
    let region = 6 * block + 8;
    let take = (budget / region.saturating_mul(m).max(1)).max(1);
    let mut best: Vec<(u32, usize)> = (0..sums.len())
        .map(|j| (window(j), j))
        .filter(|&(score, _)| score > 0)
        .collect();
    if best.len() > take {
        best.select_nth_unstable_by(take - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(take);
    }
    let mut ranges: Vec<(usize, usize, u32)> = best
        .iter()
        .map(|&(score, j)| {
            let s = floor_boundary(text, (j * block).saturating_sub(2 * block + block / 2));
            let e = ceil_boundary(text, ((j + 2) * block + block + block / 2).min(n));
            (s, e, score)
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize, u32)> = Vec::with_capacity(ranges.len());
    for (s, e, score) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => {
                last.1 = last.1.max(e);
                last.2 = last.2.max(score);
            }
            _ => merged.push((s, e, score)),
        }
    }
    merged.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    merged.into_iter().map(|(s, e, _)| (s, e)).collect()
}

fn floor_boundary(s: &str, mut b: usize) -> usize {
    b = b.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn ceil_boundary(s: &str, mut b: usize) -> usize {
    b = b.min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    b
}
