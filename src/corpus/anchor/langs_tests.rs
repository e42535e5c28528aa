//! Quotes in Polish and Ukrainian articles, as annotated text (`[[…]]` marks where a quote must be
//! found; see [`crate::text::langs_tests::marked`]).

use super::*;
use crate::corpus::ArticleMeta;
use crate::text::langs_tests::marked;

/// The article of an annotated text, and the span it marks (exactly one).
fn article(annotated: &str) -> (Article, Span) {
    let (text, spans) = marked(annotated);
    assert_eq!(spans.len(), 1, "one span marked in {annotated:?}");
    let meta = ArticleMeta {
        id: "t".into(),
        language: Some("uk".into()),
        ..ArticleMeta::default()
    };
    (Article::new(meta, "t.txt", &text), spans[0])
}

fn q(s: &str) -> Anchor {
    Anchor {
        quote: s.into(),
        ..Anchor::default()
    }
}

#[test]
fn a_key_with_one_apostrophe_finds_a_word_written_with_another() {
    for (text, quote) in [
        (
            "Речник заявив: [[«Це м’ята, а не мʼята»]] — і пішов.",
            "\"Це м'ята, а не м'ята\"",
        ),
        (
            "Речник заявив: [[«Це м'ята, а не м'ята»]] — і пішов.",
            "«Це м’ята, а не мʼята»",
        ),
        (
            "Бої тривали біля [[Слов’янська та Об'єднаних]] сіл.",
            "Слов'янська та Об’єднаних",
        ),
    ] {
        let (a, want) = article(text);
        assert_eq!(resolve(&a, &q(quote)), Ok(want), "{quote} in {text}");
    }
}

#[test]
fn polish_and_ukrainian_quote_marks_match_straight_ones_both_ways() {
    for (text, quote) in [
        (
            "Minister nazwał to [[„skandaliczną prowokacją” Rosji]].",
            "\"skandaliczną prowokacją\" Rosji",
        ),
        (
            "Minister nazwał to [[\"skandaliczną prowokacją\" Rosji]].",
            "„skandaliczną prowokacją” Rosji",
        ),
        (
            "Він назвав це [[«брехливою пропагандою» – і]] замовк.",
            "\"брехливою пропагандою\" - і",
        ),
        (
            "Він назвав це [[„брехливою пропагандою“]] Кремля.",
            "«брехливою пропагандою»",
        ),
    ] {
        let (a, want) = article(text);
        assert_eq!(resolve(&a, &q(quote)), Ok(want), "{quote} in {text}");
    }
}

#[test]
fn polish_and_cyrillic_capitals_must_match_but_are_pointed_out() {
    for (text, quote) in [
        ("Wojsko z [[Łodzi i Żagania]] wróciło.", "łodzi i żagania"),
        ("Wojsko z [[ŁODZI I ŻAGANIA]] wróciło.", "Łodzi i Żagania"),
        (
            "Це питання для [[Європи, Індії та Їжакевича]].",
            "ЄВРОПИ, ІНДІЇ ТА ЇЖАКЕВИЧА",
        ),
        ("Про це писала [[ґазета «Ґанок»]].", "Ґазета «ґанок»"),
    ] {
        let (a, want) = article(text);
        match resolve(&a, &q(quote)) {
            Err(AnchorError::NotFound { case_differs, .. }) => assert_eq!(case_differs, Some(want), "{quote}"),
            other => panic!("{quote}: {other:?}"),
        }
    }
}

#[test]
fn the_closest_passage_widens_to_whole_words_across_apostrophes() {
    // The best match of the mistyped quote ends inside `Слов’янськ`, before its apostrophe.
    let (a, want) = article("Бої тривали [[біля Слов’янська]] цілий день.");
    let (sp, sim) = closest(&a, "біла Слов").expect("a suggestion");
    assert_eq!(a.slice(sp), a.slice(want));
    assert!(sim > 0.8 && sim < 1.0, "{sim}");
    // And inside a Polish word with diacritics.
    let (a, want) = article("Żołnierze [[zażółcili gęślą]] jaźń.");
    let (sp, _) = closest(&a, "zazółcili gęś").expect("a suggestion");
    assert_eq!(a.slice(sp), a.slice(want));
}

#[test]
fn anchors_written_for_polish_and_ukrainian_spans_resolve_back() {
    let (a, _) = article("[[«Це м’ята»]], — сказав він. «Це м’ята», — повторив. „Tak”, „tak” i „Tak”.");
    for w in a.words.clone() {
        let an = anchor_for(&a, w);
        assert_eq!(resolve(&a, &an), Ok(w), "{an:?}");
    }
}
