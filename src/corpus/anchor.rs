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

mod aho_corasick;
mod closest;
mod myers;

use aho_corasick::AhoCorasick;
pub use closest::closest;
#[cfg(test)]
use closest::{CLOSEST_MAX_QUOTE_CHARS, CLOSEST_STEP_BUDGET, closest_within};

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
/// passage as a suggestion (see [`closest()`]).
pub fn resolve(article: &Article, anchor: &Anchor) -> Result<Span, AnchorError> {
    resolve_with(article, anchor, true)
}

/// [`resolve`], looking for the closest passage to a quote that is not there only when
/// `suggest` is set (the search costs a scan of the article; a checker that has made many
/// suggestions in one file stops making them).
pub(crate) fn resolve_with(article: &Article, anchor: &Anchor, suggest: bool) -> Result<Span, AnchorError> {
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

/// The most chars [`widen_to_words`] grows a span by on each side: no word is longer, and a
/// text that is one endless "word" is not walked to its ends.
pub(crate) const MAX_WIDEN: usize = 64;

/// Grows a span outwards to whole words: into the word its first char follows and the word its
/// last char precedes (the article's [`crate::text::words`], so across the apostrophes inside
/// `didn’t` and `Слов’янськ`), by at most [`MAX_WIDEN`] chars on each side.
pub(crate) fn widen_to_words(article: &Article, span: Span) -> Span {
    let mut s = span.start.min(article.len());
    let mut e = span.end.min(article.len()).max(s);
    let words = &article.words;
    // The word the char before `s` is in, if any.
    if let Some(w) = words.get(words.partition_point(|w| w.end < s))
        && w.start < s
    {
        s = w.start.max(s.saturating_sub(MAX_WIDEN));
    }
    // The word the char at `e` is in, if any.
    if let Some(w) = words.get(words.partition_point(|w| w.end <= e))
        && w.start <= e
    {
        e = w.end.min(e + MAX_WIDEN);
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
pub(crate) fn anchor_among(article: &Article, span: Span, places: &[Span], context_places: usize) -> Anchor {
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
pub(crate) fn context_words(article: &Article, span: Span, n: usize) -> (String, String) {
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
pub(crate) fn quote_context(article: &Article, span: Span, chars: usize) -> (String, String) {
    let before = article
        .slice(Span::new(span.start.saturating_sub(chars), span.start))
        .to_string();
    let after = article
        .slice(Span::new(span.end, (span.end + chars).min(article.len())))
        .to_string();
    (before, after)
}

#[cfg(test)]
mod langs_tests;
#[cfg(test)]
mod tests;
