//! Text positions, segmentation and the forgiving normalisation used to anchor quotes.
//!
//! Every offset the core hands out is a **Unicode scalar (char) offset** into an article's
//! displayed text, never a byte offset: a student's highlight, a resolved key span and a results
//! file all speak the same unit, which is also what W3C Web Annotation's `TextPositionSelector`
//! counts (code points). Conversion to bytes happens only at the edges ([`CharIndex`]).

pub mod diag;
pub mod ids;
pub mod jsonpos;
pub mod lang;
pub mod schema;
mod sentences;

pub use sentences::Segments;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A half-open range `[start, end)` of **char offsets** (Unicode scalar values, not bytes) into
/// one text. `start == end` is an empty span. `start > end` is never constructed by the core.
///
/// For an article, the text is its displayed text: the `.txt` file as `files::read_text` gives
/// it, **after a leading UTF-8 byte-order mark is removed** and with `\r\n` and `\r` line ends
/// made `\n`, without the lines its metadata removes. Offset 0 is the first char after the BOM.
/// In Python that text is `open(path, encoding="utf-8-sig").read()` (universal newlines, BOM
/// dropped); Python's default `open` and `codecs.open(path, encoding="utf8")`, which the
/// SemEval-2020 Task 11 tools use, keep a BOM as `"\ufeff"` at offset 0, one more than here.
/// The SemEval scorer itself never reads articles: it compares offsets. See
/// `docs/results-format.md`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// First char of the span (inclusive).
    pub start: usize,
    /// One past the last char of the span (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (char offsets); the two are swapped if given backwards.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self { start: end, end: start }
        }
    }

    /// Number of chars covered (0 for a backwards span read from a file).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Number of chars the two spans share.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    /// True when the spans share at least one char.
    pub fn intersects(&self, other: &Span) -> bool {
        self.overlap(other) > 0
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// As a `Range<usize>` of char offsets.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// An offset stored in 32 bits. Texts are read through `files`' bounded reader (at most a few
/// MiB), so this never saturates in practice; if it did, offsets would clamp to the end.
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// A text with a char-offset index, so char offsets can be turned into slices, line numbers and
/// snippets in O(1) / O(log n).
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    text: String,
    /// Byte offset of every char, plus one entry for `text.len()` at the end (as `u32`: every
    /// text the app reads is bounded far below 4 GiB by `files`, and half the width is half an
    /// article's memory).
    char_bytes: Vec<u32>,
    /// Char offset at which each line starts (line 1 at index 0).
    line_starts: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: String) -> Self {
        let mut char_bytes = Vec::with_capacity(text.len() + 1);
        let mut line_starts = vec![0];
        // Byte by byte rather than char by char (no decoding): every byte that is not a UTF-8
        // continuation byte (`10xx_xxxx`) starts a char.
        for (b, &byte) in text.as_bytes().iter().enumerate() {
            if (byte as i8) >= -0x40 {
                char_bytes.push(narrow(b));
                if byte == b'\n' {
                    line_starts.push(char_bytes.len());
                }
            }
        }
        char_bytes.push(narrow(text.len()));
        Self {
            text,
            char_bytes,
            line_starts,
        }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars in the text.
    pub(crate) fn char_len(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// Byte offset of char offset `c` (clamped to the end).
    pub(crate) fn byte_of(&self, c: usize) -> usize {
        self.char_bytes[c.min(self.char_len())] as usize
    }

    /// Char offset of byte offset `b` (which should be a char boundary; otherwise the char that
    /// contains it).
    pub fn char_of_byte(&self, b: usize) -> usize {
        match self.char_bytes.binary_search(&narrow(b)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The text of a char span (clamped to the text).
    pub fn slice(&self, span: Span) -> &str {
        let s = self.byte_of(span.start);
        let e = self.byte_of(span.end.max(span.start));
        &self.text[s..e]
    }

    /// The char at char offset `c`, if any.
    pub(crate) fn char_at(&self, c: usize) -> Option<char> {
        if c >= self.char_len() {
            return None;
        }
        self.text[self.char_bytes[c] as usize..].chars().next()
    }

    /// 1-based line and 1-based column (in chars) of char offset `c`.
    pub(crate) fn line_col(&self, c: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&c) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line + 1, c - self.line_starts[line] + 1)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.line_starts.get(line).map_or(self.char_len(), |&e| e - 1);
        self.slice(Span::new(start, end.max(start)))
    }

    /// A one-line excerpt around `span`: the span plus up to `context` chars either side, with
    /// line breaks shown as spaces and `…` where it was cut.
    pub fn snippet(&self, span: Span, context: usize) -> String {
        let start = span.start.saturating_sub(context);
        let end = (span.end + context).min(self.char_len());
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.push_str(&collapse_whitespace(self.slice(Span::new(start, end))));
        if end < self.char_len() {
            out.push('…');
        }
        out
    }
}

/// Replaces every run of whitespace with one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Maps a char to the form used when matching quotes, or `None` to drop it.
///
/// Forgives what a keyboard cannot easily type: curly, low (Polish `„…”`) and reversed quotes,
/// apostrophes (Ukrainian writes `'`, `’` and `ʼ` alike), primes and guillemets (`«…»`, `‹…›`)
/// become `'` or `"`; every dash and minus becomes `-`; no-break and other spaces
/// become a plain space; soft hyphens and zero-width characters disappear.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    // Most chars of most texts: one comparison less than a dozen.
    if c.is_ascii() {
        return Some(match c {
            '`' => '\'',
            ' ' | '\t'..='\r' => ' ',
            c => c,
        });
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{2039}' | '\u{203A}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// The chars of `s` folded ([`fold_char`]), each with its char offset in `s`, and every run of
/// spaces they make collapsed to its first; with `trim_start`, no space at the start either.
fn folded_chars(s: &str, trim_start: bool) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut last_space = trim_start;
    s.chars().enumerate().filter_map(move |(i, c)| {
        let f = fold_char(c)?;
        let space = f == ' ';
        if space && last_space {
            return None;
        }
        last_space = space;
        Some((i, f))
    })
}

/// A text folded for matching (see [`fold_char`]), with runs of whitespace collapsed to one space,
/// and a map from every folded byte back to the original char offset.
///
/// The map has one entry per **byte** of `text` (every byte of a multi-byte char carries the
/// origin of that char), so any byte offset, on a char boundary or not, maps back to a char of
/// the original text, and no lookup ever slices `text`. The same holds for the lower-cased copy
/// ([`Folded::lowercase`]), where one original char may become several chars of a different byte
/// length (`İ` → `i̇`, `K` KELVIN SIGN → `k`): every byte they produce maps to that one char.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: the original char offset it came from. One extra entry maps
    /// `text.len()` to the original text's char length. Shared with the lower-cased copy when
    /// lower-casing kept every char's byte length (as it does for ASCII and most scripts).
    origin: Arc<Vec<u32>>,
    /// The lower-cased copy, made the first time a case-insensitive search needs it.
    lower: OnceLock<Box<Folded>>,
}

impl Folded {
    /// Folds `s`.
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len() + 1);
        for (i, f) in folded_chars(s, false) {
            text.push(f);
            origin.resize(text.len(), narrow(i));
        }
        origin.push(narrow(s.chars().count()));
        Self {
            text,
            origin: Arc::new(origin),
            lower: OnceLock::new(),
        }
    }

    /// Folds a quote as typed by a teacher: like [`Folded::new`]'s text, trimmed, and without the
    /// map back to the original chars (nobody asks a quote where its chars came from).
    pub fn quote(s: &str) -> String {
        let mut text: String = folded_chars(s, true).map(|(_, f)| f).collect();
        if text.ends_with(' ') {
            text.pop();
        }
        text
    }

    /// The folded text lower-cased char by char ([`lowercase`]), with its own map back to the
    /// original chars. Made once, on first use.
    pub fn lowercase(&self) -> &Folded {
        self.lower.get_or_init(|| {
            let mut text = String::with_capacity(self.text.len());
            // Does every char keep its byte length? Then the map is the same one.
            let mut same_lengths = true;
            let mut rest = self.text.as_str();
            while !rest.is_empty() {
                // A run of ASCII keeps its length: copy it at once.
                let ascii = rest.bytes().take_while(u8::is_ascii).count();
                if ascii > 0 {
                    let (run, tail) = rest.split_at(ascii);
                    let from = text.len();
                    text.push_str(run);
                    if let Some(added) = text.get_mut(from..) {
                        added.make_ascii_lowercase();
                    }
                    rest = tail;
                    continue;
                }
                let mut chars = rest.chars();
                let Some(c) = chars.next() else { break };
                let before = text.len();
                text.extend(c.to_lowercase());
                same_lengths &= text.len() - before == c.len_utf8();
                rest = chars.as_str();
            }
            let origin = if same_lengths {
                Arc::clone(&self.origin)
            } else {
                // Every byte a char became maps to that char's origin.
                let mut origin = Vec::with_capacity(text.len() + 1);
                for (b, c) in self.text.char_indices() {
                    let o = self.origin_of(b);
                    let len: usize = c.to_lowercase().map(char::len_utf8).sum();
                    origin.resize(origin.len() + len, narrow(o));
                }
                origin.push(narrow(self.origin_of(self.text.len())));
                Arc::new(origin)
            };
            Box::new(Folded {
                text,
                origin,
                lower: OnceLock::new(),
            })
        })
    }

    /// Original char offset of folded byte `b` (any byte offset; past the end means the end).
    pub(crate) fn origin_of(&self, b: usize) -> usize {
        let last = self.origin.len().saturating_sub(1);
        self.origin.get(b.min(last)).map_or(0, |&o| o as usize)
    }

    /// The original char span that the folded byte range `[b0, b1)` came from: from the char
    /// the first byte came from to one past the char the last byte came from. Any byte offsets
    /// are accepted (clamped to the text, swapped if backwards); a range that starts or ends
    /// inside a char, or inside the several chars one original char folded to, covers that
    /// whole original char.
    pub(crate) fn origin_span(&self, b0: usize, b1: usize) -> Span {
        let (b0, b1) = (b0.min(b1), b0.max(b1).min(self.text.len()));
        let start = self.origin_of(b0);
        let end = if b1 > b0 { self.origin_of(b1 - 1) + 1 } else { start };
        Span::new(start, end.max(start))
    }
}

/// Lower-cases `s` char by char (`char::to_lowercase`, so a char may become several), the same
/// way [`Folded::lowercase`] does: a quote lowered with this matches the lowered article text.
/// (Unlike `str::to_lowercase`, a final `Σ` becomes `σ`, as it does inside the article text.)
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        // The same chars, a byte at a time.
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Is `c` a letter or digit, the chars a word starts and ends with?
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Word spans (char offsets) of a text, sorted and disjoint: the words of Unicode's word
/// boundaries (UAX #29, through `unicode-segmentation`) that hold a letter or a digit, so
/// apostrophes inside a word (`didn’t`, `м'ята`, `м’ята`, `мʼята`), the dots of `U.S` and `m.in`,
/// digits with their separators (`1.5`, `3,5`) and combining marks (a decomposed `ó`) stay in
/// their word, in every script. Words joined by one hyphen are one word (`Soviet-era`,
/// `biało-czerwona`): UAX #29 splits at hyphens, so that join is Lateral's own.
pub fn words(text: &str) -> Vec<Span> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out: Vec<Span> = Vec::new();
    // Char offset of the segment, and where a hyphen right after a word ends.
    let mut at = 0;
    let mut hyphen_end = None;
    for seg in text.split_word_bounds() {
        let len = seg.chars().count();
        let end = at + len;
        if seg.chars().any(char::is_alphanumeric) {
            match out.last_mut() {
                Some(last) if hyphen_end == Some(at) => last.end = end,
                _ => out.push(Span::new(at, end)),
            }
            hyphen_end = None;
        } else {
            let after_word = out.last().is_some_and(|w| w.end == at);
            hyphen_end = (after_word && matches!(seg, "-" | "\u{2010}")).then_some(end);
        }
        at = end;
    }
    out
}

#[cfg(test)]
pub(crate) mod langs_tests;
#[cfg(test)]
mod tests;
