//! Answers given away before they are earned: a key's quote in text a student reads before
//! checking — the lesson's introduction, a step's title, its instructions and hints, and the
//! source note (`outlet_kind`) shown above an article. The explanations are shown after Check,
//! so they may quote the key; the article's own text and headline are where the key is.

use crate::corpus::Corpus;
use crate::lesson::blocks::Block;
use crate::lesson::{KeySpan, Lesson, Step, StepBody};
use crate::text::diag::{Diagnostic, Severity, SourceFile};
use crate::text::{Folded, Span, is_word_char};

/// A quote shorter than this (folded) is not looked for: two letters match too much by chance.
const MIN_QUOTE_CHARS: usize = 4;

/// How many words of a long quote, in a row, give it away.
const GIVEAWAY_WORDS: usize = 4;

/// A text students read before checking, folded once.
struct Seen {
    folded: Folded,
}

impl Seen {
    fn new(text: &str) -> Self {
        Seen {
            folded: Folded::new(text),
        }
    }

    /// Where the folded, lower-cased `q` occurs as whole words: the char span in the text.
    fn find(&self, q: &str) -> Option<Span> {
        if q.chars().count() < MIN_QUOTE_CHARS {
            return None;
        }
        let lower = self.folded.lowercase();
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

/// A key's quote as it is looked for: folded and lower-cased, whole and in runs of
/// [`GIVEAWAY_WORDS`] words.
struct Wanted {
    whole: String,
    runs: Vec<String>,
}

impl Wanted {
    fn new(quote: &str) -> Self {
        let whole = crate::text::lowercase(&Folded::quote(quote));
        let words: Vec<&str> = whole.split(' ').filter(|w| !w.is_empty()).collect();
        let runs = if words.len() > GIVEAWAY_WORDS {
            words.windows(GIVEAWAY_WORDS).map(|w| w.join(" ")).collect()
        } else {
            Vec::new()
        };
        Wanted { whole, runs }
    }

    /// Does `seen` give the quote away: the whole quote, or (with `partly`) any run of its words?
    fn in_text(&self, seen: &Seen, partly: bool) -> Option<Span> {
        if !partly || self.runs.is_empty() {
            return seen.find(&self.whole);
        }
        self.runs.iter().find_map(|r| seen.find(r))
    }
}

/// Does `text` give `quote` away: does it contain the quote, or (with `partly`, for a quote
/// longer than [`GIVEAWAY_WORDS`] words) any [`GIVEAWAY_WORDS`] of its words in a row? Matched
/// as whole words, folded as quotes are when anchoring, without case. Returns the char span in
/// `text`. Hints are checked for the whole quote only: pointing at a few of its words is what a
/// hint is for.
#[cfg(test)]
fn quoted_in(text: &str, quote: &str, partly: bool) -> Option<Span> {
    Wanted::new(quote).in_text(&Seen::new(text), partly)
}

/// Warns about every key whose quote a student can read before checking. `blocks` are the
/// file's blocks (the lesson block first), `lesson` what was read from them. Each text is
/// folded once, each quote once.
pub(crate) fn warn_giveaways(
    src: &SourceFile,
    blocks: &[Block],
    lesson: &Lesson,
    corpus: &Corpus,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(header) = blocks.first() else { return };
    let text = src.text.as_str();
    let intro_text = &text[header.prose.clone()];
    let intro = Seen::new(intro_text);
    let mut notes: std::collections::HashMap<&str, Seen> = std::collections::HashMap::new();
    for step in &lesson.steps {
        let StepBody::Highlight { keys, .. } = &step.body else {
            continue;
        };
        let Some(block) = blocks[1..]
            .iter()
            .find(|b| src.text.line_col(src.text.char_of_byte(b.open.start)).0 == step.line)
        else {
            continue;
        };
        let texts = StepTexts::new(text, block, step);
        for id in &step.articles {
            if let Some(a) = corpus.get(id) {
                notes
                    .entry(id.as_str())
                    .or_insert_with(|| Seen::new(&a.meta.outlet_kind));
            }
        }
        for key in keys {
            let wanted = Wanted::new(&key.anchor.quote);
            if let Some(at) = wanted.in_text(&intro, true) {
                diags.push(warning(
                    src,
                    char_range(intro_text, at, header.prose.start),
                    "the lesson's introduction",
                    key,
                ));
            }
            texts.check(src, block, key, &wanted, diags);
            for id in &step.articles {
                if notes.get(id.as_str()).and_then(|n| wanted.in_text(n, true)).is_some() {
                    let what = format!("the source note (`outlet_kind`) of article `{id}`, shown above it,");
                    diags.push(warning(src, block.open.clone(), &what, key));
                }
            }
        }
    }
}

/// What one step shows before Check, folded: its instructions, title and hints.
struct StepTexts<'a> {
    prose_text: &'a str,
    prose: Seen,
    title: (&'a str, Seen),
    hints: Vec<(&'a str, Seen)>,
    toml: &'a str,
}

impl<'a> StepTexts<'a> {
    fn new(text: &'a str, block: &Block, step: &'a Step) -> Self {
        let prose_text = &text[block.prose.clone()];
        let hints = step.hints.iter().chain(step.keys().iter().flat_map(|k| &k.hints));
        StepTexts {
            prose_text,
            prose: Seen::new(prose_text),
            title: (&step.title, Seen::new(&step.title)),
            hints: hints.map(|h| (h.as_str(), Seen::new(h))).collect(),
            toml: &text[block.toml.clone()],
        }
    }

    fn check(&self, src: &SourceFile, block: &Block, key: &KeySpan, wanted: &Wanted, diags: &mut Vec<Diagnostic>) {
        if let Some(at) = wanted.in_text(&self.prose, true) {
            let at = char_range(self.prose_text, at, block.prose.start);
            diags.push(warning(src, at, "this step's instructions", key));
        }
        if wanted.in_text(&self.title.1, true).is_some() {
            diags.push(warning(
                src,
                self.in_toml(block, self.title.0),
                "this step's title",
                key,
            ));
        }
        for (hint, seen) in &self.hints {
            if wanted.in_text(seen, false).is_some() {
                diags.push(warning(src, self.in_toml(block, hint), "a hint", key));
            }
        }
    }

    /// Where the TOML value `value` starts (its first chars, as typed), else the step's line.
    fn in_toml(&self, block: &Block, value: &str) -> std::ops::Range<usize> {
        let probe: String = value.chars().take(24).collect();
        self.toml.find(probe.as_str()).map_or(block.open.clone(), |b| {
            block.toml.start + b..block.toml.start + b + probe.len()
        })
    }
}

/// The byte range in the file of the char span `at` of `part`, which starts at byte `base`.
fn char_range(part: &str, at: Span, base: usize) -> std::ops::Range<usize> {
    let byte = |c: usize| part.char_indices().nth(c).map_or(part.len(), |(b, _)| b);
    base + byte(at.start)..base + byte(at.end)
}

fn warning(src: &SourceFile, at: std::ops::Range<usize>, what: &str, key: &KeySpan) -> Diagnostic {
    src.at(
        at,
        Severity::Warning,
        format!(
            "{what} gives the answer away: it quotes key `{}` (“{}”), which students should find themselves",
            key.id,
            crate::text::diag::short(&key.anchor.quote, 60)
        ),
    )
    .with_suggestion(
        "say it without the key's words, or move it into the key's explanation, which is shown only after Check",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[…]` marks where the quote is found in the text; no brackets: not found.
    fn case(annotated: &str, quote: &str) {
        let text: String = annotated.chars().filter(|c| !matches!(c, '[' | ']')).collect();
        let want = annotated.find('[').map(|b| {
            let start = annotated[..b].chars().count();
            let end = annotated[..annotated.find(']').expect("closing ]")].chars().count() - 1;
            Span::new(start, end)
        });
        assert_eq!(quoted_in(&text, quote, true), want, "{annotated:?} / {quote:?}");
    }

    #[test]
    fn a_quote_is_found_as_whole_words_folded_and_without_case() {
        case("the page gives [“Source: CNN”] at the end", "\"source: cnn\"");
        case("Russia [ignored] his call", "ignored");
        case("Russia ignoredly did", "ignored");
        case("a [Kiev’s forces] landmark", "Kiev's forces");
        case("short: US", "US");
    }

    #[test]
    fn four_words_in_a_row_of_a_long_quote_give_it_away() {
        case(
            "it says it [was created by Artificial] help",
            "This article was created by Artificial Intelligence",
        );
        case(
            "created by Artificial",
            "This article was created by Artificial Intelligence",
        );
        let q = "This article was created by Artificial Intelligence";
        assert_eq!(
            quoted_in("it was created by Artificial means", q, false),
            None,
            "a hint may point"
        );
    }
}
