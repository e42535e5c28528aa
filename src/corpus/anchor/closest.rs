//! The closest passage to a quote that is not in the article: the suggestion a teacher sees
//! for a mistyped quote. Approximate substring matching of the whole quote (Myers' bit-parallel
//! algorithm, [`super::myers`]) under a fixed work budget.

use crate::corpus::Article;
use crate::text::{Folded, Span, lowercase};

use super::myers::Myers;
use super::widen_to_words;

/// The longest quote [`closest`] matches whole, in chars: about 1,500 words, five times a long
/// paragraph. Only a longer quote (which no teacher types) is matched on its first this many
/// chars, so that one call's memory and work stay bounded whatever a file holds.
pub(crate) const CLOSEST_MAX_QUOTE_CHARS: usize = 10_000;

/// The work budget of one [`closest`] call, in block steps (one text char through one block
/// of 64 quote chars; about a nanosecond each).
pub(crate) const CLOSEST_STEP_BUDGET: usize = 1 << 25;

/// The longest article (in bytes of its lower-cased text) that [`closest`] searches whole:
/// about 170,000 words. A longer one is searched in the windows a trigram filter picks, which
/// costs less than reading every char through the matcher.
pub(crate) const CLOSEST_FULL_SCAN_BYTES: usize = 1 << 20;

/// The share of the budget that the windows of a longer article get (one in this many block
/// steps): so many windows are enough to find a mistyped quote, and the pass of the filter over
/// such an article comes first.
const WINDOW_SHARE: usize = 16;

/// The passage of the article closest to `quote` (approximate substring match of the whole
/// quote on folded lower-case text: the fewest edits, chars inserted, deleted or replaced),
/// widened to whole words, with its similarity in 0–1 (1 − edits / quote chars). `None` when
/// nothing is at least half similar.
///
/// **How, and the work budget.** The whole quote is matched (up to
/// [`CLOSEST_MAX_QUOTE_CHARS`]) with Myers' bit-parallel algorithm ([`super::myers`]): one
/// article char costs a dozen word operations per block of 64 quote chars that can still be
/// within the edits allowed. One call does at most [`CLOSEST_STEP_BUDGET`] block steps:
///
/// - an article of up to [`CLOSEST_FULL_SCAN_BYTES`] (whose bytes × the quote's blocks × 2
///   fit the budget: any article that size for a quote of up to 1,000 chars, a 500 KB one for a
///   2,000-char quote) is searched whole, and the answer is the exact best match (among
///   equally good ones, the one that ends first). It is first searched for matches with at
///   most 64 edits, then twice as many each time none is found (as edlib does), so that a
///   mistyped quote costs about one block per char (Ukkonen's cut-off);
/// - in a longer article, every window one and a half quotes long (in steps of half a quote)
///   is first scored by the trigrams it shares with the quote (those starting at every other
///   byte), each weighted by how rare it is in the article (estimated from a sample of about
///   256 Ki positions), and only the best-scoring windows (with three quarters of a quote's
///   length of slack on each side) are compared, best first, as many as the budget allows. A
///   passage that shares no trigram with the quote is not found; among windows that score the
///   same, the earliest are compared.
///
/// The start of the best match is then found by matching the quote backwards from its end.
/// So one call costs at most one pass over the article for the filter plus a bounded amount of
/// matching, whatever the article and the quote are (see `docs/benchmarks.md`). The first
/// case-insensitive lookup in an article also lower-cases it once ([`Folded::lowercase`]);
/// later calls reuse that.
pub fn closest(article: &Article, quote: &str) -> Option<(Span, f64)> {
    closest_within(article, quote, CLOSEST_STEP_BUDGET)
}

/// [`closest`] with a given budget of block steps.
pub(super) fn closest_within(article: &Article, quote: &str, budget: usize) -> Option<(Span, f64)> {
    let p: Vec<char> = lowercase(&Folded::quote(quote))
        .chars()
        .take(CLOSEST_MAX_QUOTE_CHARS)
        .collect();
    if p.is_empty() {
        return None;
    }
    let lower = article.folded.lowercase();
    let text = lower.text.as_str();
    let m = p.len();
    // Only matches at least half similar are of use: at most m / 2 edits.
    let most = m / 2;
    let n = text.len();
    let whole = n <= CLOSEST_FULL_SCAN_BYTES && n.saturating_mul(Myers::blocks_for(m)).saturating_mul(2) <= budget;
    let (cost, end, mut myers) = if whole {
        let mut myers = Myers::new(&p, budget);
        let (cost, end) = search_whole(&mut myers, text, most)?;
        (cost, end, myers)
    } else {
        let mut myers = Myers::new(&p, budget / WINDOW_SHARE);
        let (cost, end) = search_windows(&mut myers, text, &p, most)?;
        (cost, end, myers)
    };
    let (start, cost) = myers.start_of(text, end, cost);
    let similarity = 1.0 - cost as f64 / m as f64;
    if similarity < 0.5 || start >= end {
        return None;
    }
    let span = lower.origin_span(start, end);
    Some((widen_to_words(article, span), similarity))
}

/// The best match of at most `most` edits in the whole `text` (edits, end byte): looked for
/// with at most 64 edits first, then twice as many each time none is found. It finds what one
/// search with `most` edits finds, at a fraction of the cost when the best match is good (the
/// fewer edits allowed, the fewer blocks computed).
fn search_whole(myers: &mut Myers, text: &str, most: usize) -> Option<(usize, usize)> {
    let mut k = most.min(64);
    loop {
        if let Some(found) = myers.best_end(text, 0, text.len(), k) {
            return Some(found);
        }
        if k >= most || myers.steps_left() == 0 {
            return None;
        }
        k = (2 * k).min(most);
    }
}

/// The best match of at most `most` edits in the windows of `text` that share the most rare
/// trigrams with the quote `p`, best-scoring windows first (so that a good match found early
/// lowers the edits worth looking for in the others), while the budget lasts.
fn search_windows(myers: &mut Myers, text: &str, p: &[char], most: usize) -> Option<(usize, usize)> {
    let pattern: String = p.iter().collect();
    let budget = myers.steps_left();
    let mut best: Option<(usize, usize)> = None;
    for (s, e) in candidate_windows(text, pattern.as_bytes(), myers.blocks(), budget) {
        let k = best.map_or(most, |b| b.0);
        if let Some(found) = myers.best_end(text, s, e, k)
            && best.is_none_or(|b| found < b)
        {
            best = Some(found);
        }
        if myers.steps_left() == 0 {
            break;
        }
    }
    best
}

/// The `q` bytes (1–3) starting at `i`, as one number.
fn gram_at(b: &[u8], i: usize, q: usize) -> u32 {
    b[i..i + q].iter().fold(0, |k, &x| (k << 8) | u32::from(x))
}

/// Hash of a gram (see [`gram_at`]) into a table of `1 << 16` slots.
fn gram_slot(gram: u32) -> usize {
    (gram.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The byte ranges of `text` worth comparing with `pattern` (its lower-cased, folded bytes)
/// within `budget` block steps, one text byte costing `per_byte` of them: the windows (one and a half patterns long) that share the
/// most rare trigrams with it, widened by about the pattern's length on each side, merged where
/// they overlap, best-scoring first. Linear in the text's length: one pass over a sample of it,
/// one over every other byte of it.
fn candidate_windows(text: &str, pattern: &[u8], per_byte: usize, budget: usize) -> Vec<(usize, usize)> {
    let t = text.as_bytes();
    let n = t.len();
    let q = pattern.len().min(3);
    if q == 0 || n < q {
        return vec![(0, n)];
    }
    let weight = gram_weights(t, pattern, q);
    let block = pattern.len().div_ceil(2).max(2 * STEP).next_multiple_of(STEP);
    let sums = block_sums(t, q, &weight, block);
    best_regions(text, &sums, block, per_byte, budget)
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
/// budget allows (a region of `r` bytes costs `r × per_byte`), each with a block and a half of slack on both sides (a region of six blocks,
/// about three patterns long) moved out to char boundaries; overlapping regions merged; best
/// first, equal scores in text order.
fn best_regions(text: &str, sums: &[u32], block: usize, per_byte: usize, budget: usize) -> Vec<(usize, usize)> {
    let n = text.len();
    let window = |j: usize| -> u32 { sums[j.saturating_sub(1)..(j + 2).min(sums.len())].iter().sum() };
    let region = 6 * block + 8;
    let take = (budget / region.saturating_mul(per_byte).max(1)).max(1);
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
