//! Anchoring: turning a quoted passage into char offsets in an article, the way W3C Web
//! Annotation's `TextQuoteSelector` and Hypothesis do it.
//!
//! A quote is matched after folding both sides ([`crate::text::fold_char`]): curly and straight
//! quotes, dashes and hyphens, and any run of whitespace or line breaks all match each other.
//! Capital letters must match. A quote that occurs more than once needs a `prefix`, a `suffix`
//! or an `occurrence` number; a quote that occurs nowhere gets the closest passage as a
//! suggestion.

use crate::corpus::Article;
use crate::text::{Folded, Span, collapse_whitespace, lowercase};

/// How a key span (or a saved highlight) names its place in an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// The exact words.
    pub quote: String,
    /// Text just before the quote, to tell repeated quotes apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Text just after the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Which occurrence to take (1 = first), counted after `prefix`/`suffix` filtering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
}

/// Why a quote could not be placed.
#[derive(Clone, Debug, PartialEq)]
pub enum AnchorError {
    /// The quote is empty (or only spaces).
    Empty,
    /// Found nowhere; `closest` is the nearest passage and how similar it is (0–1).
    NotFound {
        /// Nearest passage, if anything is reasonably close.
        closest: Option<(Span, f64)>,
        /// The quote occurs if capital letters are ignored, here.
        case_differs: Option<Span>,
    },
    /// Found in several places and nothing says which.
    Ambiguous {
        /// Every place it occurs.
        places: Vec<Span>,
    },
    /// The prefix/suffix given match none of the places the quote occurs.
    ContextMismatch {
        /// Every place the quote occurs.
        places: Vec<Span>,
    },
    /// `occurrence` is larger than the number of places.
    NoSuchOccurrence {
        /// The occurrence asked for.
        wanted: usize,
        /// Every place the quote occurs (after prefix/suffix filtering).
        places: Vec<Span>,
    },
}

/// Every place the folded quote occurs in the article, as original char spans.
pub fn find_all(article: &Article, quote: &str) -> Vec<Span> {
    let q = Folded::quote(quote);
    if q.is_empty() {
        return Vec::new();
    }
    let f = &article.folded;
    f.text
        .match_indices(q.as_str())
        .map(|(b, m)| f.origin_span(b, b + m.len()))
        .collect()
}

/// Every place each of a set of quotes occurs: what [`find_all_many`] returns.
#[derive(Clone, Debug, Default)]
pub struct QuotePlaces {
    /// The places of each distinct folded quote.
    lists: Vec<Vec<Span>>,
    /// For each quote asked about: its list, `None` for an empty quote.
    of_quote: Vec<Option<usize>>,
}

impl QuotePlaces {
    /// The places of quote number `i` (in the order asked), as [`find_all`] gives them; empty
    /// for an empty quote or a number past the end.
    pub fn get(&self, i: usize) -> &[Span] {
        match self.of_quote.get(i).copied().flatten() {
            Some(l) => self.lists.get(l).map_or(&[], Vec::as_slice),
            None => &[],
        }
    }
}

/// Every place each of `quotes` occurs, exactly as [`find_all`] gives them, in one pass over the
/// article however many quotes there are (Aho–Corasick over the folded text). The time is the
/// article's length plus the quotes' length plus the number of places found; quotes that fold
/// to the same text share one list.
pub fn find_all_many(article: &Article, quotes: &[&str]) -> QuotePlaces {
    // Each distinct folded quote once.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let of_quote: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| {
            let p = Folded::quote(q);
            if p.is_empty() {
                return None;
            }
            Some(*index.entry(p).or_insert_with_key(|p| {
                patterns.push(p.clone());
                patterns.len() - 1
            }))
        })
        .collect();
    let f = &article.folded;
    let mut lists: Vec<Vec<Span>> = vec![Vec::new(); patterns.len()];
    // Like `match_indices`: leftmost, not overlapping, for each pattern on its own.
    let mut last_end = vec![0usize; patterns.len()];
    AhoCorasick::new(&patterns).for_each_match(f.text.as_bytes(), |id, end| {
        let start = end - patterns[id].len();
        if start >= last_end[id] {
            last_end[id] = end;
            lists[id].push(f.origin_span(start, end));
        }
    });
    QuotePlaces { lists, of_quote }
}

/// A multi-pattern byte searcher (Aho–Corasick automaton with dictionary links).
struct AhoCorasick {
    /// Per node: its children, sorted by byte (the root's are also in `root`).
    children: Vec<Vec<(u8, u32)>>,
    /// The root's children, indexed by byte (0 = none; the root itself is never a child).
    root: [u32; 256],
    /// Failure link: the longest proper suffix of this node's string that is a node.
    fail: Vec<u32>,
    /// The pattern that ends at this node, if any.
    pattern: Vec<Option<u32>>,
    /// The nearest node along the failure links (itself excluded) where a pattern ends.
    dict: Vec<Option<u32>>,
}

impl AhoCorasick {
    fn new(patterns: &[String]) -> Self {
        debug_assert!(patterns.len() < u32::MAX as usize);
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut pattern: Vec<Option<u32>> = vec![None];
        for (id, p) in patterns.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in p.as_bytes() {
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(i) => children[node][i].1 as usize,
                    Err(i) => {
                        let new = children.len();
                        children[node].insert(i, (b, new as u32));
                        children.push(Vec::new());
                        pattern.push(None);
                        new
                    }
                };
            }
            pattern[node].get_or_insert(id as u32);
        }
        let n = children.len();
        let mut root = [0u32; 256];
        for &(b, c) in &children[0] {
            root[usize::from(b)] = c;
        }
        let mut fail = vec![0u32; n];
        let mut dict: Vec<Option<u32>> = vec![None; n];
        // Breadth first, so a node's failure link is known before its children's.
        let mut queue: std::collections::VecDeque<u32> = children[0].iter().map(|&(_, c)| c).collect();
        let mut ac = Self {
            children,
            root,
            fail: Vec::new(),
            pattern,
            dict: Vec::new(),
        };
        while let Some(node) = queue.pop_front() {
            let node = node as usize;
            for i in 0..ac.children[node].len() {
                let (b, child) = ac.children[node][i];
                let mut f = fail[node] as usize;
                let target = loop {
                    if let Some(t) = ac.step(f, b) {
                        break t;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = fail[f] as usize;
                };
                let target = if target == child as usize { 0 } else { target };
                fail[child as usize] = target as u32;
                dict[child as usize] = if ac.pattern[target].is_some() {
                    Some(target as u32)
                } else {
                    dict[target]
                };
                queue.push_back(child);
            }
        }
        ac.fail = fail;
        ac.dict = dict;
        ac
    }

    /// The child of `node` by byte `b`, if any.
    fn step(&self, node: usize, b: u8) -> Option<usize> {
        if node == 0 {
            let c = self.root[usize::from(b)];
            return (c != 0).then_some(c as usize);
        }
        let ch = &self.children[node];
        ch.binary_search_by_key(&b, |&(c, _)| c).ok().map(|i| ch[i].1 as usize)
    }

    /// Calls `found(pattern, end)` for every occurrence of every pattern in `text` (overlapping
    /// ones too), in order of `end` (one past the last byte). Patterns should be distinct (of
    /// equal ones, only the first is reported) and not empty (empty ones are never reported).
    fn for_each_match(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let mut node = 0usize;
        for (i, &b) in text.iter().enumerate() {
            node = loop {
                if let Some(t) = self.step(node, b) {
                    break t;
                }
                if node == 0 {
                    break 0;
                }
                node = self.fail[node] as usize;
            };
            let mut out = if self.pattern[node].is_some() {
                Some(node as u32)
            } else {
                self.dict[node]
            };
            while let Some(o) = out {
                let o = o as usize;
                if let Some(id) = self.pattern[o] {
                    found(id as usize, i + 1);
                }
                out = self.dict[o];
            }
        }
    }
}

/// Does the article text before `place` end with `prefix` (folded, spaces at the seam ignored)?
fn prefix_matches(article: &Article, place: Span, prefix: &str) -> bool {
    let p = Folded::quote(prefix);
    let start = place.start.saturating_sub(p.chars().count() + 8);
    let before = Folded::quote(article.slice(Span::new(start, place.start)));
    before.ends_with(&p)
}

fn suffix_matches(article: &Article, place: Span, suffix: &str) -> bool {
    let s = Folded::quote(suffix);
    let end = (place.end + s.chars().count() + 8).min(article.len());
    let after = Folded::quote(article.slice(Span::new(place.end, end)));
    after.starts_with(&s)
}

/// Places `anchor` in `article`. A quote that is not there comes back with the closest
/// passage as a suggestion (see [`closest`]).
pub fn resolve(article: &Article, anchor: &Anchor) -> Result<Span, AnchorError> {
    resolve_with(article, anchor, true)
}

/// [`resolve`], looking for the closest passage to a quote that is not there only when
/// `suggest` is set (the search costs a scan of the article; a checker that has made many
/// suggestions in one file stops making them).
pub fn resolve_with(article: &Article, anchor: &Anchor, suggest: bool) -> Result<Span, AnchorError> {
    if Folded::quote(&anchor.quote).is_empty() {
        return Err(AnchorError::Empty);
    }
    let places = find_all(article, &anchor.quote);
    if places.is_empty() {
        // Case-insensitive search on the lower-cased copy, which maps back to the article's chars
        // even where lower-casing changes lengths (`İ` → `i̇`, KELVIN SIGN → `k`).
        let lower = article.folded.lowercase();
        let q = lowercase(&Folded::quote(&anchor.quote));
        let case_differs = lower.text.find(&q).map(|b| lower.origin_span(b, b + q.len()));
        return Err(AnchorError::NotFound {
            closest: if suggest { closest(article, &anchor.quote) } else { None },
            case_differs,
        });
    }
    choose(article, anchor, places)
}

/// Which of the places a (found) quote occurs in `anchor` names.
fn choose(article: &Article, anchor: &Anchor, places: Vec<Span>) -> Result<Span, AnchorError> {
    let filtered: Vec<Span> = places
        .iter()
        .copied()
        .filter(|p| {
            anchor
                .prefix
                .as_deref()
                .is_none_or(|pre| prefix_matches(article, *p, pre))
        })
        .filter(|p| {
            anchor
                .suffix
                .as_deref()
                .is_none_or(|suf| suffix_matches(article, *p, suf))
        })
        .collect();
    if filtered.is_empty() {
        return Err(AnchorError::ContextMismatch { places });
    }
    match anchor.occurrence {
        Some(n) => filtered
            .get(n.wrapping_sub(1))
            .copied()
            .ok_or(AnchorError::NoSuchOccurrence {
                wanted: n,
                places: filtered,
            }),
        None if filtered.len() == 1 => Ok(filtered[0]),
        None => Err(AnchorError::Ambiguous { places: filtered }),
    }
}

/// How many chars of a quote [`closest`] matches: the first 160 chars of a quote are plenty to
/// find where it was meant to be.
pub const CLOSEST_QUOTE_CHARS: usize = 160;

/// The work budget of one [`closest`] call, in cells of the edit-distance table (one cell = one
/// quote char against one article char; a few nanoseconds each).
pub const CLOSEST_CELL_BUDGET: usize = 1 << 22;

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
fn closest_within(article: &Article, quote: &str, budget: usize) -> Option<(Span, f64)> {
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
    // Which slots the pattern's trigrams fall in.
    let mut in_pattern = vec![false; 1 << 16];
    for i in 0..=pattern.len() - q {
        in_pattern[gram_slot(gram_at(pattern, i, q))] = true;
    }
    // How often each one occurs in the text, from a sample of about 256 Ki positions.
    let positions = n - q + 1;
    let stride = (positions >> 18).max(1);
    let mut freq = vec![0u32; 1 << 16];
    let mut sampled = 0u32;
    for i in (0..positions).step_by(stride) {
        freq[gram_slot(gram_at(t, i, q))] += 1;
        sampled += 1;
    }
    // Rare trigrams weigh more (inverse document frequency, in integer steps); others nothing.
    let weight: Vec<u16> = (0..1 << 16)
        .map(|h| {
            if in_pattern[h] {
                let idf = ((f64::from(sampled) + 1.0) / (f64::from(freq[h]) + 1.0)).ln();
                (idf.max(0.0) * 64.0) as u16 + 1
            } else {
                0
            }
        })
        .collect();
    // Sum the weights of the trigrams starting at every other byte, per block of half the
    // pattern's length; a window is three blocks in a row (one and a half patterns long).
    // No branch in the loop but the block's end, so it runs at memory speed.
    const STEP: usize = 2;
    let w = pattern.len();
    let block = w.div_ceil(2).max(2 * STEP).next_multiple_of(STEP);
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
    let window = |j: usize| -> u32 { sums[j.saturating_sub(1)..(j + 2).min(sums.len())].iter().sum() };
    // The best windows, as many as the budget allows, each with a block and a half of slack on
    // both sides (a region of six blocks, about three patterns long), plus room for moving its
    // ends to char boundaries.
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
    // Best first; equal scores in text order.
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

/// The most chars [`widen_to_words`] grows a span by on each side: no word is longer, and a
/// text that is one endless "word" is not walked to its ends.
pub const MAX_WIDEN: usize = 64;

/// Grows a span outwards to whole words (by at most [`MAX_WIDEN`] chars on each side).
pub fn widen_to_words(article: &Article, span: Span) -> Span {
    let mut s = span.start.min(article.len());
    let mut e = span.end.min(article.len());
    let (low, high) = (s.saturating_sub(MAX_WIDEN), (e + MAX_WIDEN).min(article.len()));
    while s > low && article.text.char_at(s - 1).is_some_and(char::is_alphanumeric) {
        s -= 1;
    }
    while e < high && article.text.char_at(e).is_some_and(char::is_alphanumeric) {
        e += 1;
    }
    Span::new(s, e)
}

/// The shortest anchor for `span` that resolves back to exactly `span`: the quote alone when it
/// is unique, else with a few words of prefix and suffix, else with an occurrence number.
/// This is what the authoring tools write, so saved lessons stay as readable as hand-written ones.
pub fn anchor_for(article: &Article, span: Span) -> Anchor {
    let quote = collapse_whitespace(article.slice(span));
    let places = find_all(article, &quote);
    anchor_among(article, span, &places, usize::MAX)
}

/// [`anchor_for`] when the places its quote (`collapse_whitespace` of the span's text) occurs
/// are already known (`places`, as [`find_all`] or [`find_all_many`] give them). A prefix and
/// suffix are tried only when there are at most `context_places` places; with more, the anchor
/// names its occurrence, which costs nothing to check. The work is O(log places) plus, when
/// contexts are tried, O(places × context length).
pub fn anchor_among(article: &Article, span: Span, places: &[Span], context_places: usize) -> Anchor {
    let mut anchor = Anchor {
        quote: collapse_whitespace(article.slice(span)),
        ..Anchor::default()
    };
    // A span that is not one of the places cannot be named by this quote.
    let Ok(index) = places.binary_search(&span) else {
        return anchor;
    };
    if places.len() == 1 {
        return anchor;
    }
    if places.len() <= context_places {
        for words in [2usize, 4, 8, 16] {
            let (prefix, suffix) = context_words(article, span, words);
            anchor.prefix = (!prefix.is_empty()).then_some(prefix);
            anchor.suffix = (!suffix.is_empty()).then_some(suffix);
            if choose(article, &anchor, places.to_vec()) == Ok(span) {
                return anchor;
            }
        }
    }
    anchor.prefix = None;
    anchor.suffix = None;
    anchor.occurrence = Some(index + 1);
    anchor
}

/// Up to `n` words before and after `span`, whitespace collapsed.
pub fn context_words(article: &Article, span: Span, n: usize) -> (String, String) {
    let before = article.slice(Span::new(span.start.saturating_sub(n * 20 + 20), span.start));
    let after = article.slice(Span::new(span.end, (span.end + n * 20 + 20).min(article.len())));
    let pre: Vec<&str> = before.split_whitespace().collect();
    let post: Vec<&str> = after.split_whitespace().collect();
    let mut prefix = pre[pre.len().saturating_sub(n)..].join(" ");
    if before.ends_with(char::is_whitespace) && !prefix.is_empty() {
        prefix.push(' ');
    }
    let mut suffix = post[..n.min(post.len())].join(" ");
    if after.starts_with(char::is_whitespace) && !suffix.is_empty() {
        suffix.insert(0, ' ');
    }
    (prefix, suffix)
}

/// Text just before and after a span (up to `chars` each), exactly as in the article; what a
/// `TextQuoteSelector` stores.
pub fn quote_context(article: &Article, span: Span, chars: usize) -> (String, String) {
    let before = article
        .slice(Span::new(span.start.saturating_sub(chars), span.start))
        .to_string();
    let after = article
        .slice(Span::new(span.end, (span.end + chars).min(article.len())))
        .to_string();
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ArticleMeta;
    use crate::text::lowercase;

    fn article(text: &str) -> Article {
        Article::new(
            ArticleMeta {
                id: "t".into(),
                ..ArticleMeta::default()
            },
            "t.txt",
            text,
        )
    }

    fn q(s: &str) -> Anchor {
        Anchor {
            quote: s.into(),
            ..Anchor::default()
        }
    }

    #[test]
    fn forgives_quotes_dashes_and_line_breaks() {
        let a = article("WASHINGTON (AP) — The officer said he “tried”\n   to reach his counterpart’s office.");
        let sp = resolve(
            &a,
            &q("(AP) - The officer said he \"tried\" to reach his counterpart's"),
        )
        .unwrap();
        assert_eq!(
            a.slice(sp),
            "(AP) — The officer said he “tried”\n   to reach his counterpart’s"
        );
    }

    #[test]
    fn capital_letters_must_match_but_are_pointed_out() {
        let a = article("Secretary of Defense lloyd austinSpeaking with Milley");
        match resolve(&a, &q("Lloyd Austin")) {
            Err(AnchorError::NotFound {
                case_differs: Some(sp), ..
            }) => assert_eq!(a.slice(sp), "lloyd austin"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn repeated_quotes_need_a_disambiguator() {
        let a = article("Milley said yes. Then Austin said no. Milley said maybe.");
        match resolve(&a, &q("Milley said")) {
            Err(AnchorError::Ambiguous { places }) => assert_eq!(places.len(), 2),
            other => panic!("{other:?}"),
        }
        let by_suffix = Anchor {
            suffix: Some("maybe".into()),
            ..q("Milley said")
        };
        assert_eq!(resolve(&a, &by_suffix).unwrap().start, 38);
        let by_prefix = Anchor {
            prefix: Some("no.".into()),
            ..q("Milley said")
        };
        assert_eq!(resolve(&a, &by_prefix).unwrap().start, 38);
        let by_occurrence = Anchor {
            occurrence: Some(2),
            ..q("Milley said")
        };
        assert_eq!(resolve(&a, &by_occurrence).unwrap().start, 38);
        let too_far = Anchor {
            occurrence: Some(3),
            ..q("Milley said")
        };
        assert!(matches!(
            resolve(&a, &too_far),
            Err(AnchorError::NoSuchOccurrence { wanted: 3, .. })
        ));
        let wrong = Anchor {
            prefix: Some("nobody".into()),
            ..q("Milley said")
        };
        assert!(matches!(resolve(&a, &wrong), Err(AnchorError::ContextMismatch { .. })));
    }

    #[test]
    fn missing_quote_suggests_the_closest_passage() {
        let a = article(
            "The missile that fell in Poland was likely a Russian missile, a senior U.S. official told NBC News.",
        );
        match resolve(&a, &q("was probably a Russian rocket")) {
            Err(AnchorError::NotFound {
                closest: Some((sp, sim)),
                ..
            }) => {
                assert!(a.slice(sp).contains("likely a Russian missile"), "{}", a.slice(sp));
                assert!(sim > 0.5 && sim < 1.0);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            resolve(&a, &q("zebra crossing quantum banana")),
            Err(AnchorError::NotFound { closest: None, .. })
        ));
        assert_eq!(resolve(&a, &q("   ")), Err(AnchorError::Empty));
    }

    #[test]
    fn anchor_for_writes_the_shortest_unique_anchor() {
        let a = article("Milley said yes. Then Austin said no. Milley said maybe.");
        let unique = Span::new(22, 28);
        assert_eq!(anchor_for(&a, unique), q("Austin"));
        let second = Span::new(38, 49);
        let an = anchor_for(&a, second);
        assert_eq!(resolve(&a, &an), Ok(second));
        assert!(an.prefix.is_some() || an.suffix.is_some());
    }
    /// One char whose lower-case (or case-folded) form has another length, in the article and in
    /// the quotes: exact, case-insensitive and closest-passage lookups all map back to the right
    /// chars.
    fn quote_with_length_changing_char(c: char) {
        // `İİK` lower-cases to the same byte length (7) with shifted offsets inside, and the tail
        // makes the whole text lower-case to the same byte length, so that nothing can tell from
        // the lengths alone that offsets moved.
        let mut text = format!("Station İİK read 40{c} at dawn, and {c}{c} later. The {c}ISTANBUL crew left at noon.");
        let grows = lowercase(&text).len() as isize - text.len() as isize;
        let tail = if grows > 0 {
            "\u{212A}".repeat(grows as usize / 2) + if grows % 2 == 1 { "\u{2126}" } else { "" }
        } else {
            "İ".repeat(grows.unsigned_abs())
        };
        text.push_str(&format!(" Tail: {tail}."));
        assert_eq!(lowercase(&text).len(), text.len());
        let a = article(&text);
        let quote = format!("read 40{c} at dawn");
        let sp = resolve(&a, &q(&quote)).unwrap();
        assert_eq!(a.slice(sp), quote);
        assert_eq!(sp.start, 12);
        assert_eq!(sp.len(), quote.chars().count());
        assert_eq!(find_all(&a, &format!("{c}{c} later")), vec![Span::new(34, 42)]);
        // Differently capitalised: not found, but pointed out, at the right chars.
        match resolve(&a, &q(&format!("READ 40{c} AT DAWN"))) {
            Err(AnchorError::NotFound {
                case_differs: Some(sp), ..
            }) => assert_eq!(a.slice(sp), quote),
            other => panic!("{other:?}"),
        }
        match resolve(&a, &q(&format!("the {c}istanbul crew"))) {
            Err(AnchorError::NotFound {
                case_differs: Some(sp), ..
            }) => assert_eq!(a.slice(sp), format!("The {c}ISTANBUL crew")),
            other => panic!("{other:?}"),
        }
        // Mistyped: the closest passage, widened to whole words.
        match resolve(&a, &q(&format!("red 40{c} at dawn"))) {
            Err(AnchorError::NotFound {
                closest: Some((sp, sim)),
                ..
            }) => {
                assert_eq!(a.slice(sp), quote);
                assert!(sim > 0.9 && sim < 1.0, "{sim}");
            }
            other => panic!("{other:?}"),
        }
        let (sp, _) = closest(&a, &format!("İİK red 40{c}")).unwrap();
        assert_eq!(a.slice(sp), format!("İİK read 40{c}"));
        // Every short piece of the text, as is and re-capitalised, places inside the text, and a
        // case-insensitive place covers whole chars that spell the quote.
        let chars: Vec<char> = text.chars().collect();
        for len in 1..=3 {
            for w in chars.windows(len) {
                let piece: String = w.iter().collect();
                for quote in [piece.clone(), lowercase(&piece), piece.to_uppercase()] {
                    match resolve(&a, &q(&quote)) {
                        Ok(sp) => assert!(sp.end <= a.len() && sp.start < sp.end, "{quote:?} {sp:?}"),
                        Err(AnchorError::NotFound { closest, case_differs }) => {
                            if let Some(sp) = case_differs {
                                assert!(sp.end <= a.len() && sp.start < sp.end, "{quote:?} {sp:?}");
                                let found = lowercase(&Folded::quote(a.slice(sp)));
                                assert!(
                                    found.contains(&lowercase(&Folded::quote(&quote))),
                                    "{quote:?} {found:?}"
                                );
                            }
                            if let Some((sp, _)) = closest {
                                assert!(sp.end <= a.len() && sp.start < sp.end, "{quote:?} {sp:?}");
                            }
                        }
                        Err(AnchorError::Ambiguous { places }) => assert!(places.iter().all(|p| p.end <= a.len())),
                        Err(e) => assert_eq!(e, AnchorError::Empty),
                    }
                }
            }
        }
    }

    #[test]
    fn regression_dotted_capital_i_in_quote_panics_folding() {
        quote_with_length_changing_char('İ');
    }

    #[test]
    fn regression_kelvin_sign_in_quote_panics_folding() {
        quote_with_length_changing_char('\u{212A}');
    }

    #[test]
    fn regression_ohm_sign_in_quote_panics_folding() {
        quote_with_length_changing_char('\u{2126}');
    }

    #[test]
    fn regression_sharp_s_in_quote_panics_folding() {
        quote_with_length_changing_char('ß');
    }

    #[test]
    fn regression_fi_ligature_in_quote_panics_folding() {
        quote_with_length_changing_char('ﬁ');
    }
    /// The five bundled texts, one after the other, four times (about 78,000 bytes): long enough
    /// that `closest` filters windows rather than comparing every passage.
    fn bundled_texts() -> Article {
        let text: Vec<&str> = crate::lesson::bundled::ARTICLES.iter().map(|a| a.text).collect();
        article(&vec![text.join("\n\n"); 4].join("\n\n"))
    }

    #[test]
    fn closest_in_a_long_article_stays_in_budget_and_finds_what_a_full_search_finds() {
        let a = bundled_texts();
        assert!(a.folded.text.len() * 70 > CLOSEST_CELL_BUDGET);
        // Misremembered passages from several places in the text, short and long.
        let paragraphs: Vec<Span> = a
            .segments
            .paragraphs
            .iter()
            .copied()
            .filter(|p| p.len() > 420)
            .collect();
        assert!(paragraphs.len() >= 4);
        let picks = [0, paragraphs.len() / 3, 2 * paragraphs.len() / 3, paragraphs.len() - 1];
        for (k, &i) in picks.iter().enumerate() {
            let passage: String = a
                .slice(paragraphs[i])
                .chars()
                .skip(10)
                .take(if k % 2 == 0 { 70 } else { 400 })
                .collect();
            let missing = passage
                .replacen("th", "ht", 2)
                .replacen(' ', "  ", 3)
                .replacen('e', "a", 2);
            assert!(find_all(&a, &missing).is_empty(), "{missing}");
            let budgeted = closest(&a, &missing).expect("a suggestion");
            let full = closest_within(&a, &missing, usize::MAX).expect("a suggestion");
            assert_eq!(budgeted.1, full.1, "{missing}");
            assert!(budgeted.1 > 0.8 && budgeted.1 < 1.0, "{}", budgeted.1);
            assert!(
                a.slice(budgeted.0).contains(&passage[20..60]),
                "{}",
                a.slice(budgeted.0)
            );
        }
        // Nothing like it anywhere: no suggestion either way.
        let nonsense = "zebra crossing quantum banana xylophone";
        assert_eq!(closest(&a, nonsense), None);
        assert_eq!(closest_within(&a, nonsense, usize::MAX), None);
    }

    proptest::proptest! {
        #[test]
        fn closest_with_any_budget_stays_inside_the_text(
            text in "[a-zİK\u{2126}ßﬁ \n.’—\u{AD}]{0,300}",
            quote in "[a-zİK\u{2126}ßﬁ \n.’—\u{AD}]{0,40}",
            budget in 0usize..20_000,
        ) {
            let a = article(&text);
            if let Some((sp, sim)) = closest_within(&a, &quote, budget) {
                proptest::prop_assert!(sp.start < sp.end && sp.end <= a.len(), "{sp:?}");
                proptest::prop_assert!((0.5..=1.0).contains(&sim));
            }
        }
    }
}
