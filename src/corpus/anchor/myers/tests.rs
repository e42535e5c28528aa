//! Unit tests of `corpus/anchor/myers.rs`: the bit-parallel matcher against the textbook
//! edit-distance table.

use super::Myers;
use proptest::prelude::*;

/// Sellers' table, the textbook way: for every char position `j` of `text`, the fewest edits
/// between `quote` and a substring of `text` ending at `j` (chars `..j`).
fn reference_ends(quote: &[char], text: &[char]) -> Vec<usize> {
    let m = quote.len();
    let mut col: Vec<usize> = (0..=m).collect();
    let mut ends = vec![m];
    for &c in text {
        let mut diag = col[0];
        col[0] = 0;
        for i in 1..=m {
            let up = col[i];
            col[i] = (diag + usize::from(quote[i - 1] != c)).min(up + 1).min(col[i - 1] + 1);
            diag = up;
        }
        ends.push(col[m]);
    }
    ends
}

/// The plain edit distance between `a` and every prefix of `b`: `[d(a, b[..0]), d(a, b[..1]), …]`.
fn prefix_distances(a: &[char], b: &[char]) -> Vec<usize> {
    let mut col: Vec<usize> = (0..=a.len()).collect();
    let mut out = vec![a.len()];
    for &c in b {
        let mut diag = col[0];
        col[0] += 1;
        for i in 1..=a.len() {
            let up = col[i];
            col[i] = (diag + usize::from(a[i - 1] != c)).min(up + 1).min(col[i - 1] + 1);
            diag = up;
        }
        out.push(col[a.len()]);
    }
    out
}

/// Byte offset of char `j` of `text`.
fn byte_of(text: &str, j: usize) -> usize {
    text.char_indices().nth(j).map_or(text.len(), |(b, _)| b)
}

/// `Myers::best_end` and `Myers::start_of` agree with the textbook table on `text[from..to]`
/// (char positions) with at most `k` edits.
fn check(quote: &str, text: &str, from: usize, to: usize, k: usize) -> Result<(), TestCaseError> {
    let q: Vec<char> = quote.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let from = from.min(t.len());
    let to = to.clamp(from, t.len());
    let mut myers = Myers::new(&q, usize::MAX);
    let found = myers.best_end(text, byte_of(text, from), byte_of(text, to), k);
    // Myers reports a match only once it has read a char: column 0 (the empty text) is not one.
    let ends = reference_ends(&q, &t[from..to]);
    let fewest = ends[1..].iter().copied().min();
    let Some(fewest) = fewest.filter(|&f| f <= k.min(q.len())) else {
        prop_assert_eq!(found, None, "{:?} in {:?}, k = {}", quote, text, k);
        return Ok(());
    };
    let e = from + 1 + ends[1..].iter().position(|&c| c == fewest).expect("the minimum");
    let end = byte_of(text, e);
    prop_assert_eq!(found, Some((fewest, end)), "{:?} in {:?}, k = {}", quote, text, k);
    // The start: a substring ending there with the fewest edits (as many, or fewer when a
    // start before `from` does better), and no earlier start with as few. (`starts[j]`: the
    // edits of the substring of the `j` chars before `e`.)
    let (start, cost) = myers.start_of(text, end, fewest);
    let s = text[..start].chars().count();
    let rev_q: Vec<char> = q.iter().rev().copied().collect();
    let rev_t: Vec<char> = t[..e].iter().rev().copied().collect();
    let starts = prefix_distances(&rev_q, &rev_t);
    let least = *starts.iter().min().expect("one at least");
    prop_assert!(least <= fewest);
    prop_assert_eq!(cost, least);
    prop_assert_eq!(starts[e - s], least, "start {} end {}", s, e);
    prop_assert!(
        starts[e - s + 1..].iter().all(|&c| c > least),
        "an earlier start before {}",
        s
    );
    Ok(())
}

/// Chars of one, two, three and four UTF-8 bytes, some below the lookup table's end and some
/// above it.
const ALPHABET: &str = "[abć ż€𝄞中]";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn myers_finds_the_same_best_match_as_the_textbook_table(
        text in proptest::string::string_regex(&format!("{ALPHABET}{{0,300}}")).unwrap(),
        quote in proptest::string::string_regex(&format!("{ALPHABET}{{1,200}}")).unwrap(),
        k in 0usize..220,
        from in 0usize..40,
        to in 0usize..400,
    ) {
        check(&quote, &text, from, to.max(from), k)?;
        check(&quote, &text, 0, usize::MAX, k)?;
    }

    /// A piece of the text (over 64 and over 128 chars too) with a few edits: the matches that
    /// matter, near-exact ones.
    #[test]
    fn myers_finds_a_mistyped_piece_of_the_text_as_the_table_does(
        text in proptest::string::string_regex(&format!("{ALPHABET}{{100,400}}")).unwrap(),
        at in 0usize..100,
        len in 1usize..300,
        edits in proptest::collection::vec((0usize..300, 0u8..3, proptest::char::range('a', 'c')), 0..6),
    ) {
        let t: Vec<char> = text.chars().collect();
        let mut q: Vec<char> = t[at.min(t.len() - 1)..(at + len).min(t.len())].to_vec();
        for (i, op, c) in edits {
            let i = i % q.len().max(1);
            match op {
                0 if !q.is_empty() => q[i] = c,
                1 => q.insert(i.min(q.len()), c),
                _ if q.len() > 1 => { q.remove(i); }
                _ => {}
            }
        }
        let quote: String = q.iter().collect();
        check(&quote, &text, 0, usize::MAX, quote.chars().count() / 2)?;
    }
}

#[test]
fn myers_matches_a_long_quote_over_many_blocks() {
    let text: String = "Pająk ćma żółw — 𝄞 przędzie sieć nad rzeką; ".repeat(40);
    let t: Vec<char> = text.chars().collect();
    let mut q: Vec<char> = t[100..800].to_vec();
    q[650] = 'x';
    q.remove(300);
    q.insert(10, '中');
    let quote: String = q.iter().collect();
    for k in [0, 2, 3, 4, 64, 350, 10_000] {
        check(&quote, &text, 0, usize::MAX, k).unwrap();
    }
}

#[test]
fn myers_outside_its_range_or_off_char_boundaries_finds_nothing() {
    let mut myers = Myers::new(&['ż'], usize::MAX);
    assert_eq!(myers.best_end("aż", 0, 9, 1), None);
    assert_eq!(myers.best_end("aż", 2, 3, 1), None);
    assert_eq!(myers.best_end("aż", 0, 3, 0), Some((0, 3)));
    assert_eq!(myers.start_of("aż", 3, 0), (1, 0));
    // An end off a char boundary reads nothing: the empty match, the whole quote's cost.
    assert_eq!(myers.start_of("aż", 2, 0), (2, 1));
}
