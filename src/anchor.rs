//! Anchoring: turning a quoted passage into char offsets in an article, the way W3C Web
//! Annotation's `TextQuoteSelector` and Hypothesis do it.
//!
//! A quote is matched after folding both sides ([`crate::text::fold_char`]): curly and straight
//! quotes, dashes and hyphens, and any run of whitespace or line breaks all match each other.
//! Capital letters must match. A quote that occurs more than once needs a `prefix`, a `suffix`
//! or an `occurrence` number; a quote that occurs nowhere gets the closest passage as a
//! suggestion.

use crate::corpus::Article;
use crate::text::{Folded, Span, collapse_whitespace};

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

/// Places `anchor` in `article`.
pub fn resolve(article: &Article, anchor: &Anchor) -> Result<Span, AnchorError> {
    if Folded::quote(&anchor.quote).is_empty() {
        return Err(AnchorError::Empty);
    }
    let places = find_all(article, &anchor.quote);
    if places.is_empty() {
        let q = Folded::quote(&anchor.quote).to_lowercase();
        let lower = article.folded.text.to_lowercase();
        // Lower-casing can change byte lengths for a few scripts; only trust it when it did not.
        let case_differs = (lower.len() == article.folded.text.len())
            .then(|| lower.find(&q).map(|b| article.folded.origin_span(b, b + q.len())))
            .flatten();
        return Err(AnchorError::NotFound {
            closest: closest(article, &anchor.quote),
            case_differs,
        });
    }
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

/// The passage of the article closest to `quote` (approximate substring match, Sellers'
/// algorithm on folded lower-case text), widened to whole words, with its similarity in 0–1.
/// `None` when nothing is at least half similar.
pub fn closest(article: &Article, quote: &str) -> Option<(Span, f64)> {
    // The cost is (article length × quote length); the first 160 chars of a quote are plenty to
    // find where it was meant to be.
    let p: Vec<char> = Folded::quote(quote).to_lowercase().chars().take(160).collect();
    if p.is_empty() {
        return None;
    }
    let text = &article.folded.text;
    let m = p.len();
    // cost[i], start[i]: best edit distance of p[..i] to a substring ending here, and where it starts.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut best = (usize::MAX, 0usize, 0usize); // (cost, start char, end char)
    for (j, tc) in text.chars().enumerate() {
        let tc = tc.to_lowercase().next().unwrap_or(tc);
        let (mut diag_cost, mut diag_start) = (0usize, j); // D[0] at column j-1 is 0, start j
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_start) = (cost[i], start[i]);
            let sub = diag_cost + usize::from(p[i - 1] != tc);
            let (mut c, mut s) = (sub, diag_start);
            if up_cost + 1 < c {
                c = up_cost + 1;
                s = up_start;
            }
            if cost[i - 1] + 1 < c {
                c = cost[i - 1] + 1;
                s = start[i - 1];
            }
            diag_cost = up_cost;
            diag_start = up_start;
            cost[i] = c;
            start[i] = s;
        }
        if cost[m] < best.0 {
            best = (cost[m], start[m], j + 1);
            if best.0 == 0 {
                break;
            }
        }
    }
    let similarity = 1.0 - best.0 as f64 / m as f64;
    if similarity < 0.5 || best.1 >= best.2 {
        return None;
    }
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let span = article.folded.origin_span(byte(best.1), byte(best.2));
    Some((widen_to_words(article, span), similarity))
}

/// Grows a span outwards to whole words.
pub fn widen_to_words(article: &Article, span: Span) -> Span {
    let mut s = span.start;
    let mut e = span.end;
    while s > 0 && article.text.char_at(s - 1).is_some_and(char::is_alphanumeric) {
        s -= 1;
    }
    while e < article.len() && article.text.char_at(e).is_some_and(char::is_alphanumeric) {
        e += 1;
    }
    Span::new(s, e)
}

/// The shortest anchor for `span` that resolves back to exactly `span`: the quote alone when it
/// is unique, else with a few words of prefix and suffix, else with an occurrence number.
/// This is what the authoring tools write, so saved lessons stay as readable as hand-written ones.
pub fn anchor_for(article: &Article, span: Span) -> Anchor {
    let quote = collapse_whitespace(article.slice(span));
    let mut anchor = Anchor {
        quote,
        ..Anchor::default()
    };
    if resolve(article, &anchor) == Ok(span) {
        return anchor;
    }
    for words in [2usize, 4, 8, 16] {
        let (prefix, suffix) = context_words(article, span, words);
        anchor.prefix = (!prefix.is_empty()).then_some(prefix);
        anchor.suffix = (!suffix.is_empty()).then_some(suffix);
        if resolve(article, &anchor) == Ok(span) {
            return anchor;
        }
    }
    anchor.prefix = None;
    anchor.suffix = None;
    let places = find_all(article, &anchor.quote);
    anchor.occurrence = places.iter().position(|p| *p == span).map(|i| i + 1);
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
}
