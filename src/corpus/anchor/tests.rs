//! Unit tests of `corpus/anchor.rs`.

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
    let a =
        article("The missile that fell in Poland was likely a Russian missile, a senior U.S. official told NBC News.");
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
/// The five bundled texts, one after the other, four times (about 78,000 bytes).
fn bundled_texts() -> Article {
    let text: Vec<&str> = crate::lesson::bundled::ARTICLES.iter().map(|a| a.text).collect();
    article(&vec![text.join("\n\n"); 4].join("\n\n"))
}

#[test]
fn closest_in_a_long_article_finds_in_windows_what_a_full_search_finds() {
    let a = bundled_texts();
    // A budget this small makes `closest` compare only the best windows (twice the article's
    // bytes times the quote's blocks is more than it).
    let windows_only = a.folded.text.len();
    // With the real budget, every passage is compared, even for the 400-char quotes.
    assert!(a.folded.text.len() * 400usize.div_ceil(64) * 2 <= CLOSEST_STEP_BUDGET);
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
        let full = closest(&a, &missing).expect("a suggestion");
        assert_eq!(closest_within(&a, &missing, usize::MAX), Some(full), "{missing}");
        let windowed = closest_within(&a, &missing, windows_only).expect("a suggestion");
        assert_eq!(windowed.1, full.1, "{missing}");
        assert!(full.1 > 0.8 && full.1 < 1.0, "{}", full.1);
        assert!(a.slice(full.0).contains(&passage[20..60]), "{}", a.slice(full.0));
    }
    // Nothing like it anywhere: no suggestion either way.
    let nonsense = "zebra crossing quantum banana xylophone";
    assert_eq!(closest(&a, nonsense), None);
    assert_eq!(closest_within(&a, nonsense, windows_only), None);
}

/// `closest` used to match only the first 160 chars of a quote: a long quote whose beginning
/// is in the article word for word but whose end is not was "100% alike" a passage that it is
/// not, and the passage it was really taken from was not suggested.
#[test]
fn regression_closest_ignores_quote_after_160_chars() {
    let prose: String = crate::lesson::bundled::ARTICLES
        .iter()
        .map(|a| a.text)
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = prose.split_whitespace().collect();
    let passage = |from: usize, chars: usize| -> String {
        let text = words[from..].join(" ");
        text.chars().take(chars).collect()
    };
    // The quote: about 600 chars of prose (whole words at both ends), with three typos after
    // char 450.
    let original = passage(40, 600).trim_end().to_string();
    let m = original.chars().count();
    assert!(m > 590);
    let mut quote: Vec<char> = original.chars().collect();
    for at in [460, 520, 580] {
        quote[at] = if quote[at] == 'q' { 'z' } else { 'q' };
    }
    let quote: String = quote.into_iter().collect();
    // The article: first the quote's first 300 chars followed by other words, then the passage
    // the quote was taken from.
    let decoy: String = original.chars().take(300).collect::<String>() + " " + &passage(900, 300);
    let text = format!("{decoy}\n\n{original}\n");
    let a = article(&text);
    assert!(find_all(&a, &quote).is_empty());
    let (sp, sim) = closest(&a, &quote).expect("a suggestion");
    assert_eq!(a.slice(sp), original);
    assert_eq!(sim, 1.0 - 3.0 / m as f64);
    // Also as `resolve`'s suggestion.
    match resolve(&a, &q(&quote)) {
        Err(AnchorError::NotFound { closest, .. }) => assert_eq!(closest, Some((sp, sim))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn closest_matches_a_quote_up_to_its_longest_and_the_start_of_a_longer_one() {
    let a = bundled_texts();
    let original: String = a.text.slice(Span::new(0, a.len())).chars().take(12_000).collect();
    let mut quote: Vec<char> = original.chars().collect();
    quote[11_000] = '#';
    let quote: String = quote.into_iter().collect();
    let (sp, sim) = closest(&a, &quote).expect("a suggestion");
    // Only the first CLOSEST_MAX_QUOTE_CHARS are matched, and the typo is after them: the
    // suggestion is where the quote starts.
    const { assert!(CLOSEST_MAX_QUOTE_CHARS < 11_000) };
    assert_eq!(sim, 1.0);
    assert_eq!(sp.start, 0);
    // One typo inside them counts against the chars matched.
    let mut quote: Vec<char> = original.chars().collect();
    quote[9_000] = '#';
    let quote: String = quote.into_iter().collect();
    let (sp, sim) = closest(&a, &quote).expect("a suggestion");
    assert_eq!((sp.start, sim), (0, 1.0 - 1.0 / CLOSEST_MAX_QUOTE_CHARS as f64));
}

proptest::proptest! {
    #[test]
    fn closest_with_any_budget_stays_inside_the_text(
        text in "[a-zİK\u{2126}ßﬁ \n.’—\u{AD}]{0,300}",
        quote in "[a-zİK\u{2126}ßﬁ \n.’—\u{AD}]{0,100}",
        budget in 0usize..20_000,
    ) {
        let a = article(&text);
        if let Some((sp, sim)) = closest_within(&a, &quote, budget) {
            proptest::prop_assert!(sp.start < sp.end && sp.end <= a.len(), "{sp:?}");
            proptest::prop_assert!((0.5..=1.0).contains(&sim));
        }
    }
}
