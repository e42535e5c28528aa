//! The words of an H5P "Mark the Words" text, as H5P's player reads them: the one place that
//! knows its rules, used by the import (`corpus::import`) and the export
//! (`records::h5p_export`) alike.
//!
//! H5P's player (`H5P.MarkTheWords` 1.11) splits each run of text at whitespace. From each piece
//! it takes off the punctuation in [`LEADING`] at the start and in [`TRAILING`] at the end; what
//! is left is a selectable *word*. A word is an answer when it is written `*word*`; inside an
//! answer a literal asterisk is written `**` (H5P's own example: `*correctword***` is the answer
//! `correctword*`). Outside answers H5P shows a word exactly as written, asterisks and all: there
//! is no escape there, and none is needed unless the word itself looks like `*…*`
//! ([`looks_marked`]). Only single words can be marked: `*two words*` is two unmarked pieces.

use crate::text::Span;

/// Punctuation H5P takes off the start of a piece of text before it becomes a word.
pub(crate) const LEADING: &[char] = &['[', '(', '{', '⟨', '¿', '¡', '“', '"', '«', '„'];

/// Punctuation H5P takes off the end of a piece of text before it becomes a word.
pub(crate) const TRAILING: &[char] = &['"', ',', '…', '.', ':', ';', '?', '!', ']', ')', '}', '⟩', '»', '”'];

/// One whitespace-separated piece of a text and the word in it: char spans into the text. The
/// word is the piece without H5P's leading and trailing punctuation; it may be empty (a piece
/// that is all punctuation, like `“`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The whole piece.
    pub(crate) piece: Span,
    /// The word in it (inside `piece`).
    pub(crate) word: Span,
}

/// The pieces of `chars`, in order. Linear in the text.
pub(crate) fn pieces(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        let piece = &chars[start..i];
        let lead = piece.iter().take_while(|c| LEADING.contains(c)).count();
        let trail = piece.iter().rev().take_while(|c| TRAILING.contains(c)).count();
        let word_end = (i - trail).max(start + lead);
        out.push(Piece {
            piece: Span::new(start, i),
            word: Span::new(start + lead, word_end),
        });
    }
    out
}

/// If `word` is written as an answer, the answer as H5P shows it (`**` read as `*`) and how many
/// chars after the closing `*` H5P also accepts (0 or 1: its player also takes `*word*x`, one
/// char after the marker, as the answer `word`; here that char is kept as text). `None` when it
/// is not an answer: no `*` on both sides, nothing between them, a lone `*` inside, or `****`
/// (to H5P a lone asterisk cannot be an answer).
pub(crate) fn answer(word: &[char]) -> Option<(String, usize)> {
    let (inner, after) = match word {
        ['*', '*', '*', '*'] => return None,
        ['*', inner @ .., '*'] if !inner.is_empty() => (inner, 0),
        ['*', inner @ .., '*', last] if !inner.is_empty() && *last != '*' => (inner, 1),
        _ => return None,
    };
    let mut out = String::new();
    let mut i = 0;
    while i < inner.len() {
        match (inner[i], inner.get(i + 1)) {
            ('*', Some('*')) => {
                out.push('*');
                i += 2;
            }
            ('*', _) => return None,
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    Some((out, after))
}

/// Could H5P's player take `word`, written as it is, for an answer? True when it starts with `*`,
/// has more than two chars and has a `*` in one of its last two (H5P's own test, with room to
/// spare). Such a word cannot be written unmarked.
pub(crate) fn looks_marked(word: &[char]) -> bool {
    word.len() > 2 && word[0] == '*' && word[word.len() - 2..].contains(&'*')
}

/// Can H5P show `word` as an answer? Every word but a lone `*`.
pub(crate) fn can_mark(word: &str) -> bool {
    word != "*"
}

/// `word` written as an answer: between asterisks, each of its own asterisks doubled (see
/// [`can_mark`]).
pub(crate) fn mark(word: &str) -> String {
    format!("*{}*", word.replace('*', "**"))
}

/// A "Mark the Words" text with its answers taken out: the text as H5P shows it and the answers'
/// char spans in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Unmarked {
    /// The text, answers unmarked, every other word as written.
    pub(crate) text: String,
    /// The answers, as char spans into `text`.
    pub(crate) marked: Vec<Span>,
    /// A word that starts or ends with `*` but is no answer (a marker never closed, or around
    /// more than one word).
    pub(crate) stray: bool,
}

/// Takes the answers out of `text` (tags already removed): each word that is an answer
/// ([`answer`]) is shown without its markers and recorded; everything else is kept as written.
/// Linear in the text.
pub(crate) fn unmark(text: &str) -> Unmarked {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Unmarked {
        text: String::with_capacity(text.len()),
        ..Default::default()
    };
    let mut n = 0; // chars in `out.text`
    let mut push = |out: &mut Unmarked, cs: &[char]| {
        out.text.extend(cs);
        n += cs.len();
        n
    };
    let mut at = 0;
    for p in pieces(&chars) {
        let before = push(&mut out, &chars[at..p.word.start]);
        let word = &chars[p.word.range()];
        match answer(word) {
            Some((shown, after)) => {
                let shown: Vec<char> = shown.chars().collect();
                let end = push(&mut out, &shown);
                out.marked.push(Span::new(before, end));
                push(&mut out, &word[word.len() - after..]);
            }
            None => {
                out.stray |= word.first() == Some(&'*') || word.last() == Some(&'*');
                push(&mut out, word);
            }
        }
        at = p.word.end;
    }
    push(&mut out, &chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn words(s: &str) -> Vec<String> {
        let c = chars(s);
        pieces(&c).iter().map(|p| c[p.word.range()].iter().collect()).collect()
    }

    #[test]
    fn pieces_lose_the_punctuation_h5p_takes_off() {
        assert_eq!(
            words("“*Quoted*,” he said. (Really?) don’t ‘this’ — “"),
            ["*Quoted*", "he", "said", "Really", "don’t", "‘this’", "—", ""]
        );
        let c = chars("  a\n\nb ");
        assert_eq!(
            pieces(&c),
            [
                Piece {
                    piece: Span::new(2, 3),
                    word: Span::new(2, 3)
                },
                Piece {
                    piece: Span::new(5, 6),
                    word: Span::new(5, 6)
                }
            ]
        );
        // A piece that is all punctuation from both lists has an empty word, not a backwards one.
        let c = chars("\"");
        assert_eq!(pieces(&c)[0].word, Span::new(1, 1));
    }

    #[test]
    fn unmarking_keeps_every_other_word_as_written() {
        let u = unmark("The “*cat*” sat, *5*** stars; 5*** f***ing *two words* *a*' *b*'s");
        assert_eq!(u.text, "The “cat” sat, 5* stars; 5*** f***ing *two words* a' *b*'s");
        let c = chars(&u.text);
        let marked: Vec<String> = u.marked.iter().map(|s| c[s.range()].iter().collect()).collect();
        assert_eq!(marked, ["cat", "5*", "a"]);
        assert!(u.stray);
        assert!(!unmark("a *b* c").stray);
    }

    #[test]
    fn answers_as_h5p_reads_them() {
        let a = |s: &str| answer(&chars(s));
        assert_eq!(a("*sat*"), Some(("sat".into(), 0)));
        // H5P's own example of an asterisk in an answer.
        assert_eq!(a("*correctword***"), Some(("correctword*".into(), 0)));
        assert_eq!(a("***a*"), Some(("*a".into(), 0)));
        assert_eq!(a("*a**b**c*"), Some(("a*b*c".into(), 0)));
        assert_eq!(a("*word*'"), Some(("word".into(), 1)));
        for not in [
            "**", "***", "*a", "a*", "*a**", "**a**", "*a*b*", "sat", "5***", "f***ing",
        ] {
            assert_eq!(a(not), None, "{not}");
        }
    }

    #[test]
    fn a_marked_word_reads_back_and_unmarked_words_that_look_marked_are_caught() {
        for w in ["sat", "a*b", "**", "5*", "*a", "f***ing", "don’t"] {
            assert!(can_mark(w));
            assert_eq!(answer(&chars(&mark(w))), Some((w.to_string(), 0)), "{w}");
        }
        assert!(!can_mark("*"));
        assert_eq!(answer(&chars(&mark("*"))), None);
        for w in ["*a*", "*ab*c", "***"] {
            assert!(looks_marked(&chars(w)), "{w}");
        }
        for w in ["5*", "f***ing", "*", "**", "*a", "a*b"] {
            assert!(!looks_marked(&chars(w)), "{w}");
            assert_eq!(answer(&chars(w)), None, "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_word_but_a_lone_asterisk_reads_back_from_its_mark(w in "[a*“”,.'é]{1,12}") {
            let back = answer(&chars(&mark(&w)));
            if can_mark(&w) {
                proptest::prop_assert_eq!(back, Some((w.clone(), 0)));
            } else {
                proptest::prop_assert_eq!(back, None);
            }
            // Written unmarked, a word is an answer to H5P only if `looks_marked` says it may be.
            if answer(&chars(&w)).is_some() {
                proptest::prop_assert!(looks_marked(&chars(&w)));
            }
        }
    }
}
