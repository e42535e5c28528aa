//! How a key's quote is looked for in a text a student reads before checking: each text is
//! folded once and keeps a small filter of the words in it ([`Seen`]); each quote is folded
//! once and keeps the hashes of its words ([`Wanted`]). A run of the quote's words is only
//! searched for (with `str::find`, as whole words) in a text that has every one of its words,
//! so most searches are a few bit tests.

use crate::text::{Folded, Span, is_word_char};

/// A quote shorter than this (folded) is not looked for: two letters match too much by chance.
const MIN_QUOTE_CHARS: usize = 4;

/// How many words of a long quote, in a row, give it away.
pub(super) const GIVEAWAY_WORDS: usize = 4;

/// How many words of a key, in a row, a hint gives it away with (one of them a content word).
const HINT_RUN_WORDS: usize = 3;

/// Words too common to say where a key is: a hint may use them freely. Every other word is a
/// *content word*. Sorted (byte order), for [`is_content`]'s binary search.
pub(super) const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by",
    "can", "could", "did", "do", "does", "each", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i",
    "if", "in", "into", "is", "it", "it's", "its", "just", "me", "more", "most", "my", "no", "not", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "such", "than", "that", "that's",
    "the", "their", "them", "then", "there", "there's", "these", "they", "this", "those", "to", "too", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you",
    "your",
];

/// The maximal runs of word chars ([`is_word_char`]) in `s`. Where a folded, lower-cased quote
/// occurs in a text as whole words (what [`Seen::find`] looks for), each of the quote's runs is
/// one of the text's runs: inside the quote a run ends at a char that is not a word char, and at
/// either end of the quote the whole-word rule says the text has no word char next to it.
/// ([`WordHash`] hashes these runs a char at a time; this is the plain form the tests use.)
#[cfg(test)]
fn word_runs(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a.
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// Mixes an FNV hash so that its top bits are usable as [`WordBits`] positions.
fn mix(h: u64) -> u64 {
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// FNV-1a of `w`'s bytes, [mixed](mix): what [`WordHash`] gives for the word `w`.
#[cfg(test)]
fn word_hash(w: &str) -> u64 {
    mix(w.bytes().fold(FNV_OFFSET, fnv))
}

/// `word_hash` of the word being read, a char at a time.
struct WordHash {
    h: u64,
    empty: bool,
}

impl Default for WordHash {
    fn default() -> Self {
        WordHash {
            h: FNV_OFFSET,
            empty: true,
        }
    }
}

impl WordHash {
    /// The next char of the text: part of the word, or the end of it.
    #[inline]
    fn push(&mut self, c: char, words: &mut impl Extend<u64>) {
        if !is_word_char(c) {
            self.end(words);
            return;
        }
        if c.is_ascii() {
            self.h = fnv(self.h, c as u8);
        } else {
            let mut buf = [0; 4];
            self.h = c.encode_utf8(&mut buf).bytes().fold(self.h, fnv);
        }
        self.empty = false;
    }

    /// The word ends here: put it in `words`.
    fn end(&mut self, words: &mut impl Extend<u64>) {
        if !self.empty {
            words.extend([mix(self.h)]);
        }
        *self = WordHash::default();
    }
}

/// A set of words as a 1,024-bit Bloom filter (two bits a word): a word that was put in is
/// always said to be there; one that was not is said to be there only now and then (about 3 %
/// of words against a text of 100 words), and then the exact search decides.
#[derive(Default)]
struct WordBits([u64; 16]);

impl Extend<u64> for WordBits {
    fn extend<I: IntoIterator<Item = u64>>(&mut self, hashes: I) {
        for h in hashes {
            self.insert(h);
        }
    }
}

impl WordBits {
    fn bits(h: u64) -> [usize; 2] {
        // The top 20 bits, as two 10-bit positions (`as`: both are below 1,024).
        [(h >> 54) as usize, ((h >> 44) & 1023) as usize]
    }

    fn insert(&mut self, h: u64) {
        for b in Self::bits(h) {
            if let Some(word) = self.0.get_mut(b / 64) {
                *word |= 1 << (b % 64);
            }
        }
    }

    fn may_have(&self, h: u64) -> bool {
        Self::bits(h)
            .iter()
            .all(|&b| self.0.get(b / 64).is_some_and(|word| word & (1 << (b % 64)) != 0))
    }
}

/// A text students read before checking, with the set of its words (`word_runs` of its
/// fold, lower-cased), made in one pass; the text is folded only when a search needs it.
pub(super) struct Seen<'a> {
    text: &'a str,
    folded: std::cell::OnceCell<Folded>,
    words: WordBits,
}

impl<'a> Seen<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        // The word runs of `lowercase(Folded::new(text).text)`, char by char: a dropped char
        // (soft hyphen) joins its neighbours, and the spaces folding collapses are not words.
        let mut words = WordBits::default();
        let mut word = WordHash::default();
        if text.is_ascii() {
            // Folding keeps every ASCII char but the backtick and whitespace, which become
            // other chars that are not word chars either.
            for b in text.bytes() {
                word.push(char::from(b.to_ascii_lowercase()), &mut words);
            }
            word.end(&mut words);
            return Seen {
                text,
                folded: std::cell::OnceCell::new(),
                words,
            };
        }
        for f in text.chars().filter_map(crate::text::fold_char) {
            if f.is_ascii() {
                word.push(f.to_ascii_lowercase(), &mut words);
            } else {
                for l in f.to_lowercase() {
                    word.push(l, &mut words);
                }
            }
        }
        word.end(&mut words);
        Seen {
            text,
            folded: std::cell::OnceCell::new(),
            words,
        }
    }

    /// The text folded and lower-cased.
    fn lower(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(self.text)).lowercase()
    }

    /// Can a quote with the word hashes `hashes` occur here? `false` only when one is missing.
    fn may_have(&self, hashes: &[u64]) -> bool {
        hashes.iter().all(|&h| self.words.may_have(h))
    }

    /// Where the folded, lower-cased `q` occurs as whole words: the char span in the text.
    /// The exact search, which the filters only skip when it cannot succeed.
    pub(super) fn find(&self, q: &str) -> Option<Span> {
        if q.chars().count() < MIN_QUOTE_CHARS {
            return None;
        }
        let lower = self.lower();
        let t = lower.text.as_str();
        let starts_word = q.starts_with(is_word_char);
        let ends_word = q.ends_with(is_word_char);
        let mut from = 0;
        while let Some(k) = t.get(from..).and_then(|rest| rest.find(q)) {
            let (b0, b1) = (from + k, from + k + q.len());
            let before_ok = !starts_word || !t[..b0].ends_with(is_word_char);
            let after_ok = !ends_word || !t[b1..].starts_with(is_word_char);
            if before_ok && after_ok {
                return Some(lower.origin_span(b0, b1));
            }
            from = b0 + t[b0..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// The words ([`crate::text::words`]) of a folded, lower-cased text, in order.
fn words_of(lower: &str) -> Vec<String> {
    let chars: Vec<char> = lower.chars().collect();
    crate::text::words(lower)
        .into_iter()
        .map(|w| chars.get(w.range()).unwrap_or_default().iter().collect())
        .collect()
}

/// The words of `text`, folded and lower-cased, in order.
#[cfg(test)]
fn tokens(text: &str) -> Vec<String> {
    words_of(&crate::text::lowercase(&Folded::new(text).text))
}

fn is_content(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_err()
}

/// A hint's words, for [`Wanted::in_hint`].
pub(super) struct HintWords {
    seq: Vec<String>,
}

impl HintWords {
    /// The words of the hint `seen` was made of (folded and lower-cased there already).
    pub(super) fn new(seen: &Seen<'_>) -> Self {
        HintWords {
            seq: words_of(&seen.lower().text),
        }
    }
}

/// How a hint gives a key away.
#[derive(Debug, PartialEq)]
pub(super) enum HintGiveaway {
    /// It contains the whole quote.
    Whole,
    /// It repeats [`HINT_RUN_WORDS`] or more of the key's words in a row.
    Run(String),
    /// It uses more than half of the key's distinct content words (of a key with two or more).
    Most { used: usize, of: usize },
}

impl HintGiveaway {
    pub(super) fn how(&self) -> String {
        match self {
            HintGiveaway::Whole => "it quotes".into(),
            HintGiveaway::Run(run) => format!("it repeats “{run}” from"),
            HintGiveaway::Most { used, of } => format!("it uses {used} of the {of} content words of"),
        }
    }
}

/// One word of a quote split at spaces: where it is in [`Wanted::spaced`], and which of
/// [`Wanted::hashes`] are its `word_runs`.
struct QuoteWord {
    bytes: std::ops::Range<usize>,
    hashes: std::ops::Range<usize>,
}

/// A key's quote as it is looked for: folded and lower-cased, whole and in runs of
/// [`GIVEAWAY_WORDS`] words; and, for hints, its words and distinct content words.
pub(super) struct Wanted {
    whole: String,
    /// `whole`'s words (split at spaces) joined by one space (`whole` itself, as folding
    /// collapses whitespace); a run of them is a slice of it.
    spaced: String,
    words: Vec<QuoteWord>,
    /// The hashes of each word's `word_runs`, word after word.
    hashes: Vec<u64>,
    /// Its words and distinct content words, made the first time a hint is checked against it
    /// (most texts are checked by [`Wanted::in_text`], which needs neither).
    hint_words: std::cell::OnceCell<(Vec<String>, Vec<String>)>,
}

impl Wanted {
    pub(super) fn new(quote: &str) -> Self {
        let whole = crate::text::lowercase(&Folded::quote(quote));
        let mut spaced = String::with_capacity(whole.len());
        let mut words = Vec::new();
        let mut hashes = Vec::new();
        for w in whole.split(' ').filter(|w| !w.is_empty()) {
            if !spaced.is_empty() {
                spaced.push(' ');
            }
            let from = hashes.len();
            let mut word = WordHash::default();
            for c in w.chars() {
                word.push(c, &mut hashes);
            }
            word.end(&mut hashes);
            words.push(QuoteWord {
                bytes: spaced.len()..spaced.len() + w.len(),
                hashes: from..hashes.len(),
            });
            spaced.push_str(w);
        }
        Wanted {
            whole,
            spaced,
            words,
            hashes,
            hint_words: std::cell::OnceCell::new(),
        }
    }

    /// Can word `i` be in `seen`?
    fn word_in(&self, seen: &Seen<'_>, i: &QuoteWord) -> bool {
        seen.may_have(self.hashes.get(i.hashes.clone()).unwrap_or_default())
    }

    /// Where the whole quote is in `seen`.
    fn find_whole(&self, seen: &Seen<'_>) -> Option<Span> {
        if self.words.iter().all(|w| self.word_in(seen, w)) {
            seen.find(&self.whole)
        } else {
            None
        }
    }

    /// Its words, and its distinct content words in order.
    fn hint_words(&self) -> &(Vec<String>, Vec<String>) {
        self.hint_words.get_or_init(|| {
            // The words of the folded, lower-cased quote: what `tokens` of the quote gives.
            let words = words_of(&self.whole);
            let mut content: Vec<String> = Vec::new();
            for w in words.iter().filter(|w| is_content(w)) {
                if !content.contains(w) {
                    content.push(w.clone());
                }
            }
            (words, content)
        })
    }

    /// Does a hint give the quote away: the whole quote, [`HINT_RUN_WORDS`] of its words in a
    /// row (one of them a content word), or more than half of its distinct content words?
    pub(super) fn in_hint(&self, seen: &Seen<'_>, hint: &HintWords) -> Option<HintGiveaway> {
        if self.find_whole(seen).is_some() {
            return Some(HintGiveaway::Whole);
        }
        let (words, content) = self.hint_words();
        let run = words
            .windows(HINT_RUN_WORDS)
            .find(|w| w.iter().any(|x| is_content(x)) && hint.seq.windows(HINT_RUN_WORDS).any(|h| h == *w));
        if let Some(run) = run {
            return Some(HintGiveaway::Run(run.join(" ")));
        }
        let used = content.iter().filter(|w| hint.seq.contains(w)).count();
        (content.len() >= 2 && 2 * used > content.len()).then_some(HintGiveaway::Most {
            used,
            of: content.len(),
        })
    }

    /// Does `seen` give the quote away: the whole quote, or (with `partly`, for a quote of
    /// more than [`GIVEAWAY_WORDS`] words) the first run of [`GIVEAWAY_WORDS`] of its words in
    /// a row that is there? Only runs whose words are all in `seen` are searched for.
    pub(super) fn in_text(&self, seen: &Seen<'_>, partly: bool) -> Option<Span> {
        if !partly || self.words.len() <= GIVEAWAY_WORDS {
            return self.find_whole(seen);
        }
        // How many words in a row, up to this one, may be in `seen`.
        let mut streak = 0;
        for (i, w) in self.words.iter().enumerate() {
            streak = if self.word_in(seen, w) { streak + 1 } else { 0 };
            if streak < GIVEAWAY_WORDS {
                continue;
            }
            let Some(first) = self.words.get(i + 1 - GIVEAWAY_WORDS) else {
                continue;
            };
            if let Some(at) = self
                .spaced
                .get(first.bytes.start..w.bytes.end)
                .and_then(|run| seen.find(run))
            {
                return Some(at);
            }
        }
        None
    }
}

/// Does `text` give `quote` away (see [`Wanted::in_text`])? Hints have their own rule,
/// [`hint_gives_away`].
#[cfg(test)]
pub(super) fn quoted_in(text: &str, quote: &str, partly: bool) -> Option<Span> {
    Wanted::new(quote).in_text(&Seen::new(text), partly)
}

/// Does the hint `hint` give `quote` away (see [`Wanted::in_hint`])?
#[cfg(test)]
pub(super) fn hint_gives_away(hint: &str, quote: &str) -> Option<HintGiveaway> {
    let seen = Seen::new(hint);
    let words = HintWords::new(&seen);
    Wanted::new(quote).in_hint(&seen, &words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search as it was before the filters: every run joined anew and searched for with
    /// [`Seen::find`], and a hint's and a quote's words from [`tokens`].
    fn naive_in_text(text: &str, quote: &str, partly: bool) -> Option<Span> {
        let seen = Seen::new(text);
        let whole = crate::text::lowercase(&Folded::quote(quote));
        let words: Vec<&str> = whole.split(' ').filter(|w| !w.is_empty()).collect();
        if !partly || words.len() <= GIVEAWAY_WORDS {
            return seen.find(&whole);
        }
        words.windows(GIVEAWAY_WORDS).find_map(|w| seen.find(&w.join(" ")))
    }

    /// The hint rule as it was: every text folded again, and the stopwords searched in order.
    fn naive_in_hint(hint: &str, quote: &str) -> Option<HintGiveaway> {
        if naive_in_text(hint, quote, false).is_some() {
            return Some(HintGiveaway::Whole);
        }
        let (seq, words) = (tokens(hint), tokens(quote));
        let content_word = |w: &String| !STOPWORDS.contains(&w.as_str());
        let mut content: Vec<&String> = Vec::new();
        for w in words.iter().filter(|w| content_word(w)) {
            if !content.contains(&w) {
                content.push(w);
            }
        }
        let run = words
            .windows(HINT_RUN_WORDS)
            .find(|w| w.iter().any(content_word) && seq.windows(HINT_RUN_WORDS).any(|h| h == *w));
        if let Some(run) = run {
            return Some(HintGiveaway::Run(run.join(" ")));
        }
        let used = content.iter().filter(|w| seq.contains(w)).count();
        (content.len() >= 2 && 2 * used > content.len()).then_some(HintGiveaway::Most {
            used,
            of: content.len(),
        })
    }

    #[test]
    fn the_stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(!is_content("it's") && !is_content("its") && !is_content("your") && !is_content("a"));
        assert!(is_content("moscow") && is_content("") && is_content("zebra"));
    }

    #[test]
    fn a_filter_never_loses_a_word_put_in() {
        let mut bits = WordBits::default();
        let words = ["kiev's", "forces", "ünïcödé", "100", "a", ""];
        for w in words {
            bits.insert(word_hash(w));
        }
        assert!(words.iter().all(|w| bits.may_have(word_hash(w))));
        assert!(!WordBits::default().may_have(word_hash("forces")));
    }

    /// Texts made of few words, so that runs of a quote are often there, in part or whole.
    const TEXT: &str = "((the|Latest|bombardment|of|Moscow|Kiev’s|forces|“Source:|CNN”|İstanbul|-|a|b|ab|\u{AD}|U\\.S|didn't|was|created|by)[ \n\u{A0}.,!?]{1,3}){0,14}";

    proptest::proptest! {
        /// The filtered search finds what the search of every run finds, at the same place.
        #[test]
        fn the_filtered_search_agrees_with_searching_every_run(
            text in TEXT,
            quote in TEXT,
            partly in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(
                Wanted::new(&quote).in_text(&Seen::new(&text), partly),
                naive_in_text(&text, &quote, partly)
            );
        }

        /// The same for a hint (whole quote, a run of three, most content words), with the
        /// hint's and the quote's words taken from their folds instead of folding them again.
        #[test]
        fn the_hint_check_agrees_with_folding_every_text_again(hint in TEXT, quote in TEXT) {
            let seen = Seen::new(&hint);
            let wanted = Wanted::new(&quote);
            let fast = wanted.in_hint(&seen, &HintWords::new(&seen));
            proptest::prop_assert_eq!(&HintWords::new(&seen).seq, &tokens(&hint));
            proptest::prop_assert_eq!(&wanted.hint_words().0, &tokens(&quote));
            proptest::prop_assert_eq!(fast, naive_in_hint(&hint, &quote));
        }

        /// A quote cut from the text (so that it, or a run of it, is often there), with words
        /// of another text around it.
        #[test]
        fn the_filtered_search_agrees_on_a_quote_cut_from_the_text(
            text in TEXT,
            cut in (0..16_usize, 0..10_usize),
            (before, after) in (TEXT, TEXT),
        ) {
            let words: Vec<&str> = text.split_whitespace().collect();
            let part = words.get(cut.0..(cut.0 + cut.1).min(words.len())).unwrap_or_default().join(" ");
            for quote in [part.clone(), format!("{before} {part}"), format!("{part} {after}")] {
                let fast = Wanted::new(&quote).in_text(&Seen::new(&text), true);
                proptest::prop_assert_eq!(fast, naive_in_text(&text, &quote, true));
            }
        }

        /// The one pass of `Seen::new` puts in every word of the text's fold, lower-cased.
        #[test]
        fn a_text_s_filter_has_every_word_of_its_fold(text in TEXT, more in "\\PC{0,40}") {
            for t in [text, more] {
                let seen = Seen::new(&t);
                for w in word_runs(&seen.lower().text) {
                    proptest::prop_assert!(seen.words.may_have(word_hash(w)), "{:?} in {:?}", w, t);
                }
            }
        }

        /// Any text and quote, hostile bytes included: the same answer, and no panic.
        #[test]
        fn the_filtered_search_agrees_on_any_text(text in "\\PC{0,40}", quote in "\\PC{0,30}") {
            proptest::prop_assert_eq!(
                Wanted::new(&quote).in_text(&Seen::new(&text), true),
                naive_in_text(&text, &quote, true)
            );
        }
    }
}
