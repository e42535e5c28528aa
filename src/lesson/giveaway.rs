//! Answers given away before they are earned: a key's quote in text a student reads before
//! checking — the lesson's introduction, a step's title, its instructions and hints, and the
//! source note (`outlet_kind`) shown above an article. The explanations are shown after Check,
//! so they may quote the key; the article's own text and headline are where the key is.
//!
//! A hint may say *where* to look or *what kind* of thing to look for, never *what*: it gives a
//! key away when it has the whole quote, three of the key's words in a row (one of them not a
//! [stop word](seen::STOPWORDS)), or more than half of the key's distinct content words in any order.

mod seen;

use crate::corpus::Corpus;
use crate::lesson::blocks::Block;
use crate::lesson::{KeySpan, Lesson, Step, StepBody};
use crate::text::Span;
use crate::text::diag::{Diagnostic, Severity, SourceFile};
#[cfg(test)]
use seen::{HintGiveaway, hint_gives_away, quoted_in};
use seen::{HintWords, Seen, Wanted};

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
    let mut notes: std::collections::HashMap<&str, Seen<'_>> = std::collections::HashMap::new();
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
                    "it quotes",
                    key,
                ));
            }
            texts.check(src, block, key, &wanted, diags);
            for id in &step.articles {
                if notes.get(id.as_str()).and_then(|n| wanted.in_text(n, true)).is_some() {
                    let what = format!("the source note (`outlet_kind`) of article `{id}`, shown above it,");
                    diags.push(warning(src, block.open.clone(), &what, "it quotes", key));
                }
            }
        }
    }
}

/// Warns about every source card an investigate step shows that quotes a key of the lesson
/// (whole, or four words in a row): a card says who is behind a page, the student still finds
/// the passages.
pub(crate) fn warn_card_giveaways(
    src: &SourceFile,
    blocks: &[Block],
    lesson: &Lesson,
    corpus: &Corpus,
    diags: &mut Vec<Diagnostic>,
) {
    if !lesson
        .steps
        .iter()
        .any(|s| matches!(s.body, StepBody::Investigate { .. }))
    {
        return;
    }
    let keys: Vec<(&KeySpan, Wanted)> = lesson
        .steps
        .iter()
        .flat_map(|s| s.keys())
        .map(|k| (k, Wanted::new(&k.anchor.quote)))
        .collect();
    for step in &lesson.steps {
        let StepBody::Investigate { cards } = &step.body else {
            continue;
        };
        let Some(block) = blocks
            .get(1..)
            .unwrap_or_default()
            .iter()
            .find(|b| src.text.line_col(src.text.char_of_byte(b.open.start)).0 == step.line)
        else {
            continue;
        };
        for r in cards {
            let Some(card) = corpus
                .get(&r.article)
                .and_then(|a| a.meta.cards.iter().find(|c| c.id == r.card))
            else {
                continue;
            };
            let shown = format!("{}\n{}", card.title, card.text);
            let seen = Seen::new(&shown);
            for (key, wanted) in &keys {
                if wanted.in_text(&seen, true).is_some() {
                    let what = format!(
                        "source card `{}` of article `{}`, which this step shows,",
                        card.id, r.article
                    );
                    diags.push(warning(src, block.open.clone(), &what, "it quotes", key));
                }
            }
        }
    }
}

/// What one step shows before Check, folded: its instructions, title and hints.
struct StepTexts<'a> {
    prose_text: &'a str,
    prose: Seen<'a>,
    title: (&'a str, Seen<'a>),
    hints: Vec<(&'a str, Seen<'a>, HintWords)>,
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
            hints: hints
                .map(|h| {
                    let seen = Seen::new(h);
                    let words = HintWords::new(&seen);
                    (h.as_str(), seen, words)
                })
                .collect(),
            toml: &text[block.toml.clone()],
        }
    }

    fn check(&self, src: &SourceFile, block: &Block, key: &KeySpan, wanted: &Wanted, diags: &mut Vec<Diagnostic>) {
        if let Some(at) = wanted.in_text(&self.prose, true) {
            let at = char_range(self.prose_text, at, block.prose.start);
            diags.push(warning(src, at, "this step's instructions", "it quotes", key));
        }
        if wanted.in_text(&self.title.1, true).is_some() {
            diags.push(warning(
                src,
                self.in_toml(block, self.title.0),
                "this step's title",
                "it quotes",
                key,
            ));
        }
        for (hint, seen, words) in &self.hints {
            if let Some(g) = wanted.in_hint(seen, words) {
                let what = format!("a hint (“{}”)", crate::text::diag::short(hint, 50));
                diags.push(warning(src, self.in_toml(block, hint), &what, &g.how(), key));
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

fn warning(src: &SourceFile, at: std::ops::Range<usize>, what: &str, how: &str, key: &KeySpan) -> Diagnostic {
    src.at(
        at,
        Severity::Warning,
        format!(
            "{what} gives the answer away: {how} key `{}` (“{}”), which students should find themselves",
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

    /// The hints of the bundled lessons before issue 13, and hints that say where without
    /// saying what. `Some(..)`: the warning expected.
    #[test]
    fn a_hint_gives_a_key_away_with_most_of_its_words() {
        use HintGiveaway::*;
        let cases: &[(&str, &str, Option<HintGiveaway>)] = &[
            // The whole quote, as before.
            ("Sometimes the page says “Source: CNN”.", "Source: CNN", Some(Whole)),
            // Three words in a row: a hint that names the very words to highlight.
            (
                "Both reports give a number of missiles: “as many as 100” in one.",
                "Russia launched as many as 100 missiles at Ukraine",
                Some(Run("as many as".into())),
            ),
            // Most of the content words, in another order: “crime” and “war” are all there is.
            (
                "Which words of “war crime” come out swapped?",
                "crime war",
                Some(Most { used: 2, of: 2 }),
            ),
            // 2 of 3 content words (“likely”, “russian”, “missile”): more than half.
            (
                "Look for the word “launched” in one report and “Russian missile” in the other.",
                "was likely a Russian missile",
                Some(Most { used: 2, of: 3 }),
            ),
            // Where, not what: no content word of the key.
            (
                "On the left, the second claim is inside a quotation from the Defense Secretary.",
                "hasn’t seen anything that contradicts",
                None,
            ),
            // One content word of three is a pointer, not the answer.
            (
                "Who fired at whom? Read the sentence about Moscow aloud.",
                "the latest bombardment of Moscow",
                None,
            ),
            // One of two content words (“opponent”, “weakness”) is not more than half, and no
            // three words of the key stand in a row.
            (
                "Whose strength, whose weakness? The AP has “is at weakness”.",
                "your opponent is at your weakness",
                None,
            ),
            // Half is not more than half.
            ("How does RT spell Ukraine's forces?", "Kiev’s forces", None),
        ];
        // The examples of docs/lesson-format.md, “Giving answers away”.
        let moscow = "the latest bombardment of Moscow";
        let doc: &[(&str, &str, Option<HintGiveaway>)] = &[
            ("One is about the wave of missiles. Who fired at whom?", moscow, None),
            ("Read the sentence about Moscow aloud.", moscow, None),
            (
                "Look for the latest bombardment.",
                moscow,
                Some(Run("the latest bombardment".into())),
            ),
            (
                "Which bombardment was the latest, and where was Moscow?",
                moscow,
                Some(Most { used: 3, of: 3 }),
            ),
        ];
        for (hint, quote, want) in cases.iter().chain(doc) {
            assert_eq!(&hint_gives_away(hint, quote), want, "{hint:?} / {quote:?}");
        }
    }
}
