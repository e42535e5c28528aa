//! Every byte from a file is hostile: anchoring quotes in, and importing, arbitrary text never
//! panics and only ever hands out char offsets inside the text.

use lateral::corpus::anchor::{Anchor, AnchorError, closest, find_all, find_all_many, resolve};
use lateral::corpus::import::{html_to_article, import_pasted, markdown_to_text, parse_mark_the_words};
use lateral::corpus::{Article, ArticleMeta};
use lateral::text::{Folded, Segments, Span, words};
use proptest::prelude::*;

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

/// Text mixing any Unicode scalar with the chars that fold or lower-case to another length,
/// spaces, line breaks and the punctuation the folding forgives.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        'İ', '\u{212A}', '\u{2126}', 'ß', 'ﬁ', 'Σ', 'ς', 'i', 'k', 'I', 'K', ' ', ' ', '\n', '\t', '\u{A0}', '\u{AD}',
        '\u{200B}', '’', '“', '—', '-', '.', '!', '?', 'a', 'b', 'A', 'B',
    ]);
    prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..max).prop_map(|cs| cs.into_iter().collect())
}

fn inside(sp: Span, len: usize) -> bool {
    sp.start <= sp.end && sp.end <= len
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn anchoring_a_quote_taken_from_any_text_stays_inside_it(
        text in hostile_text(120),
        from in 0usize..130,
        len in 0usize..40,
        prefix in hostile_text(8),
        suffix in hostile_text(8),
        occurrence in prop::option::of(0usize..4),
        retype in 0usize..4,
    ) {
        let a = article(&text);
        let n = a.len();
        let start = from.min(n);
        let quote = a.slice(Span::new(start, (start + len).min(n))).to_string();
        // As taken, re-capitalised, or mistyped (a char dropped).
        let quote = match retype {
            0 => quote,
            1 => quote.to_uppercase(),
            2 => quote.to_lowercase(),
            _ => quote.chars().enumerate().filter(|&(i, _)| i != 1).map(|(_, c)| c).collect(),
        };
        let places = find_all(&a, &quote);
        for p in &places {
            prop_assert!(inside(*p, n), "{p:?} of {n}");
        }
        // A quote taken from the text as it is is found in it.
        if retype == 0 && !Folded::quote(&quote).is_empty() {
            prop_assert!(!places.is_empty(), "{quote:?} not found in {text:?}");
        }
        let many = find_all_many(&a, &[quote.as_str(), "x"]);
        prop_assert_eq!(many.get(0), places.as_slice());
        prop_assert_eq!(many.get(1).to_vec(), find_all(&a, "x"));
        let anchor = Anchor {
            quote: quote.clone(),
            prefix: (!prefix.is_empty()).then_some(prefix),
            suffix: (!suffix.is_empty()).then_some(suffix),
            occurrence,
        };
        match resolve(&a, &anchor) {
            Ok(sp) => prop_assert!(inside(sp, n) && places.contains(&sp)),
            Err(AnchorError::NotFound { closest, case_differs }) => {
                prop_assert!(places.is_empty());
                if let Some((sp, sim)) = closest {
                    prop_assert!(inside(sp, n) && (0.5..=1.0).contains(&sim), "{sp:?} {sim}");
                }
                if let Some(sp) = case_differs {
                    prop_assert!(inside(sp, n), "{sp:?}");
                }
            }
            Err(AnchorError::Ambiguous { places: ps } | AnchorError::ContextMismatch { places: ps }) => {
                prop_assert!(ps.iter().all(|p| inside(*p, n)));
            }
            Err(AnchorError::NoSuchOccurrence { places: ps, .. }) => prop_assert!(ps.iter().all(|p| inside(*p, n))),
            Err(AnchorError::Empty) => prop_assert!(Folded::quote(&quote).is_empty()),
        }
        if let Some((sp, sim)) = closest(&a, &quote) {
            prop_assert!(inside(sp, n) && sp.start < sp.end && (0.5..=1.0).contains(&sim), "{sp:?} {sim}");
        }
        // In a short article the whole text is compared, so a quote that is there is found exactly.
        if !places.is_empty() {
            prop_assert_eq!(closest(&a, &quote).map(|(_, sim)| sim), Some(1.0));
        }
    }

    #[test]
    fn segmenting_any_text_gives_sorted_spans_inside_it(text in hostile_text(200)) {
        let n = text.chars().count();
        let seg = Segments::new(&text);
        for units in [&seg.sentences, &seg.paragraphs, &words(&text)] {
            prop_assert!(units.iter().all(|s| s.start < s.end && s.end <= n));
            prop_assert!(units.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }

    #[test]
    fn importing_any_markup_never_panics(
        parts in prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "<", ">", "</", "<!--", "-->", "&", ";", "&amp;", "&#", "&#x", "#", "x", "1F600", "99999999999",
                    "\"", "'", "=", " ", "\n", "\r\n", "p", "script", "head", "title", "meta", "time", "h1", "td",
                    "content", "name", "date", "datetime", "2022-13-45", "2022-11-15T21:03:00Z", "*", "**", "***",
                    "ż", "é", "İ", "😀", "\u{0}", "[", "]", "(", ")", "`", "_",
                ]).prop_map(str::to_string),
                any::<String>(),
            ],
            0..40,
        ),
    ) {
        let text: String = parts.concat();
        let a = html_to_article(&text);
        prop_assert!(!a.text.contains("\n\n\n"));

        let _ = markdown_to_text(&text);
        if let Ok(t) = import_pasted(&text) {
            prop_assert!(!t.text.starts_with('\n') && !t.text.ends_with('\n'));
        }
        let json = serde_json::json!({ "textField": text, "taskDescription": text }).to_string();
        if let Ok(m) = parse_mark_the_words(&json, "c.json") {
            let n = m.text.chars().count();
            prop_assert!(m.marked.iter().all(|s| s.start < s.end && s.end <= n));
            let lesson = lateral::corpus::import::mark_the_words_lesson(&m, "t", "T");
            prop_assert_eq!(lesson.matches("[[key]]").count(), m.marked.len());
        }
    }
}
