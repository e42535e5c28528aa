//! Unit tests of `text/mod.rs`.

use super::*;

#[test]
fn span_basics() {
    let a = Span::new(5, 2);
    assert_eq!(a, Span { start: 2, end: 5 });
    assert_eq!(a.len(), 3);
    assert_eq!(a.overlap(&Span::new(4, 9)), 1);
    assert_eq!(a.overlap(&Span::new(5, 9)), 0);
    assert!(Span::new(0, 10).contains(&a));
}

#[test]
fn char_index_counts_chars_not_bytes() {
    let t = CharIndex::new("Przewodów — “quoted”\nsecond line".into());
    assert_eq!(t.char_len(), 32);
    assert_eq!(t.slice(Span::new(0, 9)), "Przewodów");
    assert_eq!(t.slice(Span::new(12, 20)), "“quoted”");
    assert_eq!(t.line_col(21), (2, 1));
    assert_eq!(t.line_text(2), "second line");
    assert_eq!(t.line_text(1), "Przewodów — “quoted”");
    assert_eq!(t.char_at(7), Some('ó'));
}

#[test]
fn folding_forgives_quotes_dashes_and_spaces() {
    let f = Folded::new("didn’t  —\n “no success.”");
    assert_eq!(f.text, "didn't - \"no success.\"");
    assert_eq!(
        Folded::quote("  didn't - \"no  success.\" "),
        "didn't - \"no success.\""
    );
    // Map the folded match back to original chars.
    let b = f.text.find("\"no").unwrap();
    let sp = f.origin_span(b, f.text.len());
    assert_eq!(sp, Span::new(11, 24));
}

#[test]
fn folding_drops_soft_hyphens_and_maps_back() {
    let s = "mis\u{00AD}sile hit";
    let f = Folded::new(s);
    assert_eq!(f.text, "missile hit");
    let b = f.text.find("hit").unwrap();
    assert_eq!(f.origin_span(b, b + 3), Span::new(9, 12));
    assert_eq!(f.origin_span(0, 7), Span::new(0, 8));
}

#[test]
fn the_lower_cased_copy_maps_every_byte_back_to_its_char() {
    // A, soft hyphen, b, İ, KELVIN SIGN, two spaces, C, d.
    let f = Folded::new("A\u{AD}bİ\u{212A}  Cd");
    let l = f.lowercase();
    assert_eq!(l.text, "abi\u{307}k cd");
    let origins: Vec<usize> = (0..=l.text.len()).map(|b| l.origin_of(b)).collect();
    assert_eq!(origins, [0, 2, 3, 3, 3, 4, 5, 7, 8, 9]);
    // Part of what İ became, even inside its combining dot, is all of İ.
    assert_eq!(l.origin_span(2, 3), Span::new(3, 4));
    assert_eq!(l.origin_span(4, 4), Span::new(3, 3));
    assert_eq!(l.origin_span(4, 6), Span::new(3, 5));
    assert_eq!(l.origin_span(0, 99), Span::new(0, 9));
    assert_eq!(l.origin_span(7, 2), Span::new(3, 6));
    assert_eq!(lowercase("ΟΔΟΣ İ"), "οδοσ i\u{307}");
}

#[test]
fn sentences_respect_abbreviations_and_lines() {
    let text =
        "Headline without stop\n\nArmy Gen. Mark Milley spoke. The U.S. Army said “no.” Then he left!\nNext line";
    let seg = Segments::new(text);
    let idx = CharIndex::new(text.into());
    let got: Vec<&str> = seg.sentences.iter().map(|s| idx.slice(*s)).collect();
    assert_eq!(
        got,
        vec![
            "Headline without stop",
            "Army Gen. Mark Milley spoke.",
            "The U.S. Army said “no.”",
            "Then he left!",
            "Next line"
        ]
    );
    assert_eq!(seg.paragraphs.len(), 2);
    let p: Vec<&str> = seg.paragraphs.iter().map(|s| idx.slice(*s)).collect();
    assert_eq!(
        p[1],
        "Army Gen. Mark Milley spoke. The U.S. Army said “no.” Then he left!\nNext line"
    );
}

#[test]
fn extents_cover_whole_sentences() {
    let text = "One two. Three four. Five six.";
    let seg = Segments::new(text);
    assert_eq!(seg.sentence_extent(Span::new(10, 15)), Span::new(9, 20));
    assert_eq!(seg.sentence_extent(Span::new(5, 12)), Span::new(0, 20));
    assert_eq!(seg.paragraph_extent(Span::new(10, 12)), Span::new(0, 30));
}

#[test]
fn words_join_inner_apostrophes_and_hyphens() {
    let text = "Russia didn’t take a Soviet-era U.S. call — “no”.";
    let idx = CharIndex::new(text.into());
    let w: Vec<&str> = words(text).into_iter().map(|s| idx.slice(s)).collect();
    assert_eq!(
        w,
        vec!["Russia", "didn’t", "take", "a", "Soviet-era", "U.S", "call", "no"]
    );
}

#[test]
fn folding_takes_ascii_as_the_general_rule_does() {
    for c in (0u8..128).map(char::from) {
        let general = if c == '`' {
            '\''
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        assert_eq!(fold_char(c), Some(general), "{c:?}");
    }
}

proptest::proptest! {
    /// `lowercase` takes a shortcut for ASCII text: the same as lower-casing char by char.
    #[test]
    fn lowercase_of_ascii_is_char_by_char(s in "[\\x00-\\x7F]{0,40}|\\PC{0,20}") {
        let by_char: String = s.chars().flat_map(char::to_lowercase).collect();
        proptest::prop_assert_eq!(lowercase(&s), by_char);
    }

    /// `Folded::quote` folds without building the map back to the original chars: the same text
    /// as folding the trimmed quote with the map and trimming the result.
    #[test]
    fn folding_a_quote_without_its_map_gives_the_same_text(
        s in "[ a\u{AD}\u{200B}\u{A0}\t\n\u{2019}\u{2014}\u{3000}\u{FEFF}]{0,24}|\\PC{0,24}"
    ) {
        let with_map = Folded::new(s.trim()).text.trim().to_string();
        proptest::prop_assert_eq!(Folded::quote(&s), with_map);
    }

    /// `CharIndex::new` finds chars byte by byte: the same offsets and line starts as walking
    /// the decoded chars.
    #[test]
    fn char_index_built_from_bytes_is_the_char_walk(s in r"[a\n\u{E9}\u{2014}\u{1F600}]{0,30}|\PC{0,30}") {
        let idx = CharIndex::new(s.clone());
        let mut bytes: Vec<u32> = s.char_indices().map(|(b, _)| b as u32).collect();
        bytes.push(s.len() as u32);
        let mut lines = vec![0];
        lines.extend(s.chars().enumerate().filter(|&(_, c)| c == '\n').map(|(i, _)| i + 1));
        proptest::prop_assert_eq!(&idx.char_bytes, &bytes);
        proptest::prop_assert_eq!(&idx.line_starts, &lines);
    }
}
