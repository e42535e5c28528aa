//! Placeholder text left in a lesson: an explanation, hint or instructions that say "TODO",
//! "TBD", "Explain here", "…", "xxx" or "lorem ipsum", the skeleton's own wording left
//! unchanged, or an explanation that only repeats its key's quote. Such a lesson is valid (a
//! student can play it), so each is a warning; `lateral check --strict` makes warnings count.

use std::ops::Range;

use crate::text::fold_char;
use crate::text::schema::Ctx;

/// Words that, first in a text, mark it as not written yet.
const MARKERS: &[&str] = &["todo", "tbd", "tba", "tk", "fixme", "placeholder", "lorem"];

/// Whole texts (folded, lower-cased, without end punctuation) that are only a stand-in.
const PHRASES: &[&str] = &[
    "to do",
    "to be done",
    "to be decided",
    "to be written",
    "coming soon",
    "explain",
    "explanation",
    "hint",
    "instructions",
    "text",
    "something",
    "write something",
    "fill in",
    "fill this in",
    "same as above",
];

/// Words that, in a short text ending in "here", say it is a slot to fill ("Explain here",
/// "Write your hint here", "Your text here").
const SLOT_WORDS: &[&str] = &[
    "explain",
    "explanation",
    "write",
    "add",
    "put",
    "insert",
    "enter",
    "type",
    "text",
    "hint",
    "instructions",
    "something",
    "goes",
];

/// The skeleton's stand-in texts (`lateral new-lesson`), which a teacher replaces.
pub(crate) const SKELETON_INTRO: &str =
    "Introduce the article(s) here: the context students need, without the answers.";
pub(crate) const SKELETON_HINT: &str = "Write a hint here: where to look, not what to find.";
pub(crate) const SKELETON_EXPLANATION: &str =
    "Why this passage matters, with the evidence: which other report says what.";
pub(crate) const SKELETON_INSTRUCTIONS: &str = "Tell students what to find, and how many.";

/// `s` as compared here: folded as quotes are, lower-cased, whitespace collapsed, and without
/// the punctuation, quote marks, brackets and Markdown marks around it.
fn normal(s: &str) -> String {
    if s.is_ascii() {
        return normal_ascii(s);
    }
    // One pass: fold, collapse whitespace (none at either end), lower-case.
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().filter_map(fold_char) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    // Trimmed in place: no second string.
    let end = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    out.drain(..start);
    out
}

/// [`normal`] of an ASCII text, a byte at a time: folding only turns a backtick into `'` and
/// whitespace into a space there.
fn normal_ascii(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut space = false;
    for b in s.bytes() {
        if char::from(b).is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(if b == b'`' { b'\'' } else { b.to_ascii_lowercase() });
    }
    let end = out.iter().rposition(u8::is_ascii_alphanumeric).map_or(0, |i| i + 1);
    out.truncate(end);
    let start = out.iter().position(u8::is_ascii_alphanumeric).unwrap_or(out.len());
    out.drain(..start);
    String::from_utf8(out).unwrap_or_default()
}

/// Why `text` is a placeholder, quoted for a message (e.g. `“TODO”`), or `None` when it is
/// text (or empty: an empty text is reported, where it matters, on its own).
pub(crate) fn placeholder(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let shown = || format!("“{}”", crate::text::diag::short(trimmed, 40));
    // Only the start of a long text is looked at: a stand-in is short, or starts with a marker
    // ("TODO: …", "Lorem ipsum dolor sit amet, …"), and the instructions of a step are long.
    // (A text of at most HEAD_CHARS bytes has at most as many chars.)
    let long = trimmed.len() > HEAD_CHARS && trimmed.chars().nth(HEAD_CHARS).is_some();
    let head = if long {
        trimmed.char_indices().nth(24).map_or(trimmed, |(b, _)| &trimmed[..b])
    } else {
        trimmed
    };
    let n = normal(head);
    if n.is_empty() && !long {
        // Only dots, dashes, question marks or brackets: "…", "...", "???", "[ ]".
        return Some(shown());
    }
    let mut words = n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or_default();
    let all_x = |w: &str| w.len() >= 3 && w.chars().all(|c| c == 'x');
    let marker = MARKERS.contains(&first) && (first != "lorem" || words.next() == Some("ipsum"));
    if marker || all_x(first) {
        return Some(shown());
    }
    if long {
        return None;
    }
    (PHRASES.contains(&n.as_str()) || is_slot(&n) || is_skeleton(&n)).then(shown)
}

/// Is the normalised text `n` a short slot to fill, ending in "here" ("Explain here", "Write
/// your hint here")?
fn is_slot(n: &str) -> bool {
    let words = || n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words().next_back() == Some("here") && words().count() <= 6 && words().any(|w| SLOT_WORDS.contains(&w))
}

/// Is the normalised text `n` one of the skeleton's stand-ins, left unchanged?
fn is_skeleton(n: &str) -> bool {
    static SKELETON: std::sync::LazyLock<[String; 4]> = std::sync::LazyLock::new(|| {
        [
            SKELETON_INTRO,
            SKELETON_HINT,
            SKELETON_EXPLANATION,
            SKELETON_INSTRUCTIONS,
        ]
        .map(normal)
    });
    SKELETON.iter().any(|s| s == n)
}

/// How many chars of a text [`placeholder`] looks at (more than the skeleton's longest).
const HEAD_CHARS: usize = 100;

/// Does `explanation` only repeat `quote` (folded, without case, quote marks or end
/// punctuation)?
pub(crate) fn repeats_quote(explanation: &str, quote: &str) -> bool {
    // Folding only shortens, and quote marks or end punctuation add a few chars at most.
    if explanation.len() > 2 * quote.len() + 16 {
        return false;
    }
    let e = normal(explanation);
    !e.is_empty() && e == normal(quote)
}

/// Which text a placeholder was found in: what the message calls it and what to write instead.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Field {
    /// A key's `explanation`.
    KeyExplanation,
    /// A hint of a step or key.
    Hint,
    /// A step's instructions (its Markdown).
    Instructions,
    /// The lesson's introduction.
    Intro,
    /// A choice option's `explanation`.
    OptionExplanation,
}

impl Field {
    /// What the text is, with its verb: "this hint is".
    fn what(self) -> &'static str {
        match self {
            Field::KeyExplanation => "this explanation is",
            Field::Hint => "this hint is",
            Field::Instructions => "this step's instructions are",
            Field::Intro => "the lesson's introduction is",
            Field::OptionExplanation => "this option's explanation is",
        }
    }

    fn instead(self) -> &'static str {
        match self {
            Field::KeyExplanation => {
                "write why this passage matters, with the evidence (what the words do, or what the other report says): students read it after Check"
            }
            Field::Hint => "write where to look or what kind of thing to look for (not what), or remove the hint",
            Field::Instructions => {
                "write what students should do in this step, in Markdown below the step's closing +++"
            }
            Field::Intro => "write the context students need before they start, without the answers, or leave it empty",
            Field::OptionExplanation => "say why this option is right or wrong, or remove `explanation`",
        }
    }
}

/// Warns at `span` (file bytes) when `text` is a placeholder.
pub(crate) fn warn_placeholder(ctx: &Ctx<'_>, span: Range<usize>, text: &str, field: Field) {
    warn_shown(ctx, span, placeholder(text), field);
}

/// Warns at `span` that a text is a placeholder, when [`placeholder`] said why (`shown`).
fn warn_shown(ctx: &Ctx<'_>, span: Range<usize>, shown: Option<String>, field: Field) {
    if let Some(shown) = shown {
        ctx.warn(
            span,
            format!("{} placeholder text ({shown}), not written yet", field.what()),
            Some(field.instead().into()),
        );
    }
}

/// Warns at `span` when a key's explanation is a placeholder or only repeats its quote.
pub(crate) fn warn_explanation(ctx: &Ctx<'_>, span: Range<usize>, explanation: &str, quote: &str) {
    let shown = placeholder(explanation);
    if shown.is_none() && repeats_quote(explanation, quote) {
        ctx.warn(
            span,
            "this explanation only repeats the key's quote",
            Some("say why these words matter, with the evidence: students already see the quote highlighted".into()),
        );
        return;
    }
    warn_shown(ctx, span, shown, Field::KeyExplanation);
}

/// The byte range of `range` in `text` without the whitespace at its ends.
pub(crate) fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let part = text.get(range.clone()).unwrap_or_default();
    let start = range.start + (part.len() - part.trim_start().len());
    start..start + part.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recognised() {
        for p in [
            "TODO",
            "todo: explain",
            "TBD",
            "Explain here",
            "Explain here.",
            "[Explain here]",
            "…",
            "...",
            "???",
            "xxx",
            "XXXX",
            "Lorem ipsum dolor sit amet",
            "FIXME later",
            "Write your hint here",
            "Your text here",
            SKELETON_HINT,
            SKELETON_EXPLANATION,
            "  tbd  ",
        ] {
            assert!(placeholder(p).is_some(), "{p:?} should be a placeholder");
        }
    }

    #[test]
    fn real_text_is_not_a_placeholder() {
        for t in [
            "“Kiev’s forces” is the Russian state’s spelling; the AP writes Ukraine’s forces.",
            "Look near the end, here.",
            "The word todo appears here only as an example of a long sentence that is real text.",
            "Lorem is a name here, and this is a real sentence about a person called Lorem.",
            "Read the headline again: who is said to act, and who is acted upon here?",
            "Texture",
            "",
        ] {
            assert_eq!(placeholder(t), None, "{t:?}");
        }
    }

    #[test]
    fn an_explanation_that_repeats_its_quote() {
        assert!(repeats_quote("“Kiev’s forces”", "Kiev's forces"));
        assert!(repeats_quote("kiev's  forces.", "Kiev’s forces"));
        assert!(!repeats_quote(
            "Kiev's forces is the Russian spelling.",
            "Kiev's forces"
        ));
    }

    #[test]
    fn trimmed_drops_the_whitespace_at_both_ends() {
        let t = "ab \n TODO \n";
        assert_eq!(&t[trimmed(t, 2..t.len())], "TODO");
        assert_eq!(trimmed(t, 0..0), 0..0);
    }

    proptest::proptest! {
        /// The one-pass `normal` is the fold, the whitespace collapse and the lower-casing it
        /// replaced, one after the other.
        #[test]
        fn normal_is_fold_then_collapse_then_lowercase(s in "[a-zA-ZİK\u{2126}ßﬁ \t\n.,’“”—\u{AD}\u{A0}\u{2003}!?]{0,60}") {
            let folded: String = s.chars().filter_map(fold_char).collect();
            let folded = crate::text::lowercase(&crate::text::collapse_whitespace(&folded));
            let old = folded.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            proptest::prop_assert_eq!(normal(&s), old);
        }

        /// The ASCII shortcut of `normal` is the char-by-char path.
        #[test]
        fn normal_of_ascii_is_the_char_by_char_normal(s in "[\\x00-\\x7F]{0,60}|[ a-zA-Z`.,!?\t\n\r\x0B\x0C\x1C-\x1F]{0,40}") {
            let by_char = normal(&format!("{s}\u{AD}"));
            proptest::prop_assert_eq!(normal(&s), by_char);
        }

        /// `placeholder` looks at a slice of the text's head and its words one by one; it
        /// says what it said when it collected both (the code before, copied here).
        #[test]
        fn placeholder_is_what_it_was(
            s in "((todo|TBD|lorem|ipsum|xxx|explain|here|Write|your|hint|text|to|be|done|a|word|…|\\?)[ .:\n]{1,2}){0,30}|\\PC{0,120}",
        ) {
            proptest::prop_assert_eq!(placeholder(&s), placeholder_before(&s));
        }
    }

    fn placeholder_before(text: &str) -> Option<String> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let shown = || format!("“{}”", crate::text::diag::short(trimmed, 40));
        let long = trimmed.chars().nth(HEAD_CHARS).is_some();
        let head: String = trimmed.chars().take(if long { 24 } else { HEAD_CHARS }).collect();
        let n = normal(&head);
        if n.is_empty() && !long {
            return Some(shown());
        }
        let words: Vec<&str> = n
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let first = words.first().copied().unwrap_or_default();
        let all_x = |w: &str| w.len() >= 3 && w.chars().all(|c| c == 'x');
        let marker = MARKERS.contains(&first) && (first != "lorem" || words.get(1) == Some(&"ipsum"));
        if marker || all_x(first) {
            return Some(shown());
        }
        if long {
            return None;
        }
        let slot = words.len() <= 6 && words.last() == Some(&"here") && words.iter().any(|w| SLOT_WORDS.contains(w));
        let skeleton = [
            SKELETON_INTRO,
            SKELETON_HINT,
            SKELETON_EXPLANATION,
            SKELETON_INSTRUCTIONS,
        ]
        .map(normal)
        .contains(&n);
        (PHRASES.contains(&n.as_str()) || slot || skeleton).then(shown)
    }
}
