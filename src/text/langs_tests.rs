//! Polish and Ukrainian text through `text/mod.rs`: words, sentences, folding and case, written
//! as annotated text (`[[…]]` marks the spans expected; see [`marked`]).

use super::*;

/// A text with `[[…]]` around some passages: the text without the marks, and the char spans
/// of the marked passages, in order.
pub(crate) fn marked(annotated: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    let mut n = 0;
    let mut rest = annotated;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            assert!(open.is_none(), "nested [[ in {annotated:?}");
            open = Some(n);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("]]") {
            spans.push(Span::new(open.take().expect("]] without [["), n));
            rest = r;
        } else {
            let c = rest.chars().next().expect("not empty");
            text.push(c);
            n += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_none(), "[[ not closed in {annotated:?}");
    (text, spans)
}

/// Every word of an annotated text marked: `words` finds exactly the marked spans.
fn assert_words(annotated: &str) {
    let (text, want) = marked(annotated);
    let idx = CharIndex::new(text.clone());
    let got = words(&text);
    let show = |v: &[Span]| v.iter().map(|s| idx.slice(*s).to_string()).collect::<Vec<_>>();
    assert_eq!(show(&got), show(&want), "in {text:?}");
    assert_eq!(got, want, "in {text:?}");
}

/// Every sentence of an annotated text marked: `Segments` finds exactly the marked spans.
fn assert_sentences(annotated: &str) {
    let (text, want) = marked(annotated);
    let idx = CharIndex::new(text.clone());
    let got = Segments::new(&text).sentences;
    let show = |v: &[Span]| v.iter().map(|s| idx.slice(*s).to_string()).collect::<Vec<_>>();
    assert_eq!(show(&got), show(&want), "in {text:?}");
}

#[test]
fn the_marker_helper_reads_its_own_marks() {
    let (text, spans) = marked("a [[żółw]] i [[м’ята]]");
    assert_eq!(text, "a żółw i м’ята");
    assert_eq!(spans, vec![Span::new(2, 6), Span::new(9, 14)]);
}

#[test]
fn polish_words_keep_their_diacritics() {
    assert_words("[[Źródła]] [[podają]], [[że]] [[żołnierze]] „[[sił]] [[pokojowych]]” [[wycofali]] [[się]].");
    assert_words("[[ZAŻÓŁĆ]] [[GĘŚLĄ]] [[JAŹŃ]] — [[zażółć]] [[gęślą]] [[jaźń]]!");
    assert_words("[[Biało-czerwona]] [[flaga]], [[m.in]]. [[w]] [[Przewodowie]].");
}

#[test]
fn ukrainian_words_keep_every_apostrophe_inside() {
    // U+0027, U+2019 and U+02BC: each `м'ята` is one word.
    assert_words("[[М'ята]], [[м’ята]] [[й]] [[мʼята]] — «[[м'ята]]».");
    assert_words("[[Слов'янськ]] [[і]] [[Об’єднання]]: [[ЄС]], [[Ґанок]], [[їжак]], [[Їжак]].");
    // An apostrophe that closes a quote is not part of the word before it.
    assert_words("‘[[пам’ять]]’ [[та]] '[[сім'я]]'");
}

#[test]
fn decomposed_diacritics_stay_in_their_word() {
    // "Przewodów" and "її" written with combining marks (NFD), as text copied from some PDFs is.
    assert_words("[[Przewodo\u{301}w]] [[i\u{308}i\u{308}]] [[z\u{307}o\u{301}łw]].");
}

#[test]
fn polish_sentences_split_before_capitals_and_quotes_but_not_after_abbreviations() {
    assert_sentences(
        "[[Rakieta spadła we wsi Przewodów.]] [[Źródła podają, że zginęły dwie osoby.]] \
         [[„To nie był atak” – powiedział prezydent.]] [[Na miejscu byli eksperci, np. Amerykanie z FBI.]] \
         [[Obie strony, tzn. Polska i NATO, mówią to samo.]] [[Szkoła przy ul. Lipowej była zamknięta.]] \
         [[Wieś odwiedzili m.in. Andrzej Duda i Mateusz Morawiecki.]] \
         [[W listopadzie 2022 r. Rosja ostrzelała Ukrainę.]] [[Powiedział: „Nie wiemy.”]] [[Śledztwo trwa.]]",
    );
    // A sentence ending inside Polish quotes, then one starting with a capital with a diacritic.
    assert_sentences("[[Ogłosił: „Koniec.”]] [[Żadnych pytań.]] [[Ósma rano?]] [[Ściemniało się!]]");
}

#[test]
fn ukrainian_sentences_split_before_capitals_and_guillemets_but_not_after_abbreviations() {
    assert_sentences(
        "[[Ракета впала в Польщі.]] [[Єдиної версії ще немає.]] [[Із заяви Києва випливає інше.]] \
         [[Їхні дані не збігаються.]] [[Ґрунтовне розслідування триває.]] \
         [[«Це не наша ракета», – сказав речник.]] [[Про це повідомив т.зв. Генштаб.]] \
         [[У 2022 р. Росія напала на Україну.]] [[Він живе на вул. Шевченка.]] [[Вона приїхала з м. Львова.]] \
         [[Він сказав: «Ні.»]] [[Потім пішов.]]",
    );
}

#[test]
fn cyrillic_and_polish_capitals_lower_case_in_place() {
    let f = Folded::new("ЄВРОПА, ІНДІЯ, ЇЖАК, ҐАНОК, ŁÓDŹ, ŻÓŁW — М’ЯТА");
    let l = f.lowercase();
    assert_eq!(l.text, "європа, індія, їжак, ґанок, łódź, żółw - м'ята");
    // Every one of these letters keeps its byte length, so the map back is shared.
    assert!(Arc::ptr_eq(&f.origin, &l.origin));
    let b = l.text.find("łódź").expect("found");
    assert_eq!(l.origin_span(b, b + "łódź".len()), Span::new(28, 32));
    assert_eq!(lowercase("Є І Ї Ґ"), "є і ї ґ");
}

#[test]
fn polish_and_ukrainian_quote_marks_fold_alike() {
    for (a, b) in [
        ("„Nie” – powiedział", "\"Nie\" - powiedział"),
        ("«Ні» — сказав", "\"Ні\" - сказав"),
        ("‚tak’", "'tak'"),
        ("‹так›", "'так'"),
        ("м'ята", "м’ята"),
        ("м'ята", "мʼята"),
    ] {
        assert_eq!(Folded::quote(a), Folded::quote(b), "{a} / {b}");
    }
}

/// Polish and Ukrainian letters (both cases), apostrophes, quotes, dashes, spaces and stops.
const PL_UK: &str = "[a-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻа-яА-ЯєіїґЄІЇҐ'’ʼ„”«»—\u{301} .,!?\n]{0,200}";

proptest::proptest! {
    #[test]
    fn folding_polish_and_ukrainian_keeps_every_char_mapped(s in PL_UK) {
        let f = Folded::new(&s);
        let l = f.lowercase();
        let n = s.chars().count();
        // Lower-casing these letters never changes a byte length: one map for both.
        proptest::prop_assert!(Arc::ptr_eq(&f.origin, &l.origin));
        proptest::prop_assert_eq!(l.text.len(), f.text.len());
        // The map never goes backwards and stays inside the text.
        let origins: Vec<usize> = (0..=f.text.len()).map(|b| f.origin_of(b)).collect();
        proptest::prop_assert!(origins.windows(2).all(|w| w[0] <= w[1]));
        proptest::prop_assert_eq!(origins.last().copied(), Some(n));
        // Every folded char maps to the char it came from (lower-cased, it is that char lowered).
        let chars: Vec<char> = s.chars().collect();
        for (b, c) in l.text.char_indices() {
            let o = l.origin_of(b);
            proptest::prop_assert!(o < n);
            let from = chars[o];
            let folded = fold_char(from).map(|f| f.to_lowercase().collect::<String>());
            proptest::prop_assert_eq!(folded, Some(c.to_string()), "{:?} at {}", from, o);
        }
    }

    #[test]
    fn polish_and_ukrainian_words_and_sentences_are_well_formed(s in PL_UK) {
        let n = s.chars().count();
        let chars: Vec<char> = s.chars().collect();
        let ws = words(&s);
        proptest::prop_assert!(ws.windows(2).all(|w| w[0].end <= w[1].start));
        for w in &ws {
            proptest::prop_assert!(w.start < w.end && w.end <= n);
            // A word starts and ends with a letter or digit (a combining mark may follow it).
            proptest::prop_assert!(chars[w.start].is_alphanumeric());
            proptest::prop_assert!(!matches!(chars[w.end - 1], '\'' | '’' | ' ' | '.'));
        }
        // Every letter is in a word.
        for (i, c) in chars.iter().enumerate() {
            if c.is_alphabetic() {
                proptest::prop_assert!(ws.iter().any(|w| w.start <= i && i < w.end), "{:?} at {}", c, i);
            }
        }
        let seg = Segments::new(&s);
        proptest::prop_assert!(seg.sentences.windows(2).all(|w| w[0].end <= w[1].start));
        for sp in &seg.sentences {
            proptest::prop_assert!(sp.start < sp.end && sp.end <= n);
            proptest::prop_assert!(seg.paragraphs.iter().any(|p| p.contains(sp)));
        }
    }
}
