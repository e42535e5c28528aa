//! Reading a lesson file: the blocks, then the lesson block, then each step, with every problem
//! found on the way.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::lesson::Lesson;
use crate::lesson::blocks::{self, Block, SplitError};
use crate::lesson::fields::{MAX_LESSON_KEYS, MAX_SUGGESTIONS};
use crate::lesson::header::read_header;
use crate::lesson::step::read_step;
use crate::text::diag::{Diagnostic, Severity, SourceFile, nearest};
use crate::text::schema::{Ctx, Spanned, parse_block};

thread_local! {
    /// Keys and suggestions still allowed in the lesson file being read on this thread: set by
    /// [`parse_lesson`], spent by `read_keys`.
    pub(crate) static BUDGET: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((MAX_LESSON_KEYS, MAX_SUGGESTIONS)) };
    /// The articles that cannot be used (see `Corpus::unusable`) already reported in the lesson
    /// file being read on this thread: one message per article, not one per step that names it.
    pub(crate) static UNUSABLE_REPORTED: std::cell::RefCell<std::collections::HashSet<String>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
    /// True while the steps of a lesson whose lesson block is not TOML are read: its own labels
    /// are unknown, so a step's `labels` are taken as written.
    pub(crate) static LABELS_UNREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Splits a lesson file into its lesson block and step blocks, reporting a broken structure and
/// stray `+++` lines.
fn split_blocks(src: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<Vec<Block>> {
    let stray = |blocks: &[Block], diags: &mut Vec<Diagnostic>| {
        for r in blocks.iter().flat_map(|b| &b.stray) {
            diags.push(
                src.at(r.clone(), Severity::Error, "a step starts with `+++ step`, not `+++`")
                    .with_suggestion(
                        "write `+++ step` on this line; the step's settings follow, closed by a line of +++",
                    ),
            );
        }
    };
    match blocks::split(src.text.as_str()) {
        Ok(blocks) => {
            stray(&blocks, diags);
            Some(blocks)
        }
        Err(SplitError::Empty) => {
            diags.push(
                Diagnostic::file(&src.name, Severity::Error, "this lesson file is empty")
                    .with_suggestion("start from the example in docs/lesson-format.md, or run `lateral new-lesson`"),
            );
            None
        }
        Err(SplitError::NoOpening(line)) => {
            diags.push(
                src.at(line, Severity::Error, "a lesson file must start with a line of `+++`")
                    .with_suggestion(
                        "put the lesson's settings between two lines of +++ at the top:\n+++\ntitle = \"My lesson\"\n+++",
                    ),
            );
            None
        }
        Err(SplitError::Unclosed { open, before, .. }) => {
            stray(&before, diags);
            diags.push(
                src.at(open, Severity::Error, "this +++ block is never closed")
                    .with_suggestion("end the settings with a line of +++ before the Markdown text"),
            );
            None
        }
    }
}

/// Parses a lesson file and anchors every key in `corpus`. Returns the lesson (with whatever
/// could be built; steps or keys with errors are left out) and every problem found. The lesson
/// is usable only when no diagnostic is an error.
pub fn parse_lesson(src: &SourceFile, corpus: &Corpus) -> (Option<Lesson>, Vec<Diagnostic>) {
    BUDGET.with(|b| b.set((MAX_LESSON_KEYS, MAX_SUGGESTIONS)));
    UNUSABLE_REPORTED.with(|r| r.borrow_mut().clear());
    let mut diags = Vec::new();
    let Some(blocks) = split_blocks(src, &mut diags) else {
        return (None, diags);
    };
    let text = src.text.as_str();
    let header = &blocks[0];
    let ctx = Ctx::new(src, header.toml.start);
    let read = parse_block(&ctx, &text[header.toml.clone()]).map(|doc| read_header(&ctx, &doc, header, src));
    diags.extend(ctx.into_diags());
    // A lesson block that is not TOML (its one error reported) still has its steps checked, so
    // one run finds every mistake; against a stand-in with the built-in labels, without the
    // label errors that the lesson's own labels, unread, might have answered.
    let header_ok = read.is_some();
    let Some(mut lesson) = read.or_else(|| stand_in_header(src, header)) else {
        return (None, diags);
    };
    lesson.intro = text[header.prose.clone()].trim().to_string();
    let intro_ctx = Ctx::new(src, header.prose.start);
    let intro_span = crate::lesson::placeholder::trimmed(text, header.prose.clone());
    crate::lesson::placeholder::warn_placeholder(
        &intro_ctx,
        intro_span,
        &lesson.intro,
        crate::lesson::placeholder::Field::Intro,
    );
    diags.extend(intro_ctx.into_diags());

    if blocks.len() == 1 {
        diags.push(
            src.at(header.open.clone(), Severity::Error, "this lesson has no steps")
                .with_suggestion(
                    "add a step after the introduction:\n+++ step\nkind = \"read\"\n+++\nWhat students should do.",
                ),
        );
    }
    let first_step = diags.len();
    LABELS_UNREAD.with(|u| u.set(!header_ok));
    read_steps(src, &blocks[1..], &mut lesson, corpus, &mut diags);
    LABELS_UNREAD.with(|u| u.set(false));
    if !header_ok {
        let steps = diags.split_off(first_step);
        diags.extend(
            steps
                .into_iter()
                .filter(|d| !d.message.starts_with("there is no label")),
        );
    }
    warn_raw_html(src, &blocks, &mut diags);
    crate::lesson::giveaway::warn_giveaways(src, &blocks, &lesson, corpus, &mut diags);
    crate::lesson::giveaway::warn_card_giveaways(src, &blocks, &lesson, corpus, &mut diags);
    (header_ok.then_some(lesson), crate::text::diag::cap_per_file(diags))
}

/// The lesson a lesson block that is not TOML stands for while its steps are checked: no
/// settings, the built-in labels (its problems are not reported: the block's one error is).
fn stand_in_header(src: &SourceFile, header: &Block) -> Option<Lesson> {
    let scratch = Ctx::new(src, header.toml.start);
    parse_block(&scratch, "").map(|empty| read_header(&scratch, &empty, header, src))
}

/// Reads every step block into `lesson`, reporting two steps with one id.
fn read_steps(src: &SourceFile, blocks: &[Block], lesson: &mut Lesson, corpus: &Corpus, diags: &mut Vec<Diagnostic>) {
    let text = src.text.as_str();
    let mut step_ids: HashMap<String, usize> = HashMap::new();
    for (n, block) in blocks.iter().enumerate() {
        let ctx = Ctx::new(src, block.toml.start);
        if let Some(doc) = parse_block(&ctx, &text[block.toml.clone()]) {
            let prose = text[block.prose.clone()].trim().to_string();
            if let Some(step) = read_step(&ctx, &doc, block, n + 1, prose, lesson, corpus) {
                if let Some(prev) = step_ids.insert(step.id.clone(), step.line) {
                    ctx.error(
                        block.open.clone(),
                        format!("two steps have the id `{}` (the other is on line {prev})", step.id),
                        Some("give each step its own id".into()),
                    );
                }
                lesson.steps.push(step);
            }
        }
        diags.extend(ctx.into_diags());
    }
}

/// The id read from a file when it is a safe one (see [`crate::text::ids::check_id`]); otherwise an
/// error at it, naming what the id was for, and `None`.
pub(crate) fn checked_id(ctx: &Ctx<'_>, id: Spanned<String>, what: &str) -> Option<String> {
    match crate::text::ids::check_id(&id.value) {
        Ok(()) => Some(id.value),
        Err(e) => {
            ctx.error(
                id.span,
                format!("`{}` cannot be {what} id: {e}", crate::text::ids::shown(&id.value)),
                Some(crate::text::ids::ID_HELP.into()),
            );
            None
        }
    }
}

/// The line (1-based) of a byte offset in the file being read.
pub(crate) fn src_line(ctx: &Ctx<'_>, byte: usize) -> usize {
    ctx.src.text.line_col(ctx.src.text.char_of_byte(byte)).0
}

/// The byte range of line `line` (1-based) of the file being read, without its line break.
pub(crate) fn line_span(ctx: &Ctx<'_>, line: usize) -> std::ops::Range<usize> {
    let text = ctx.src.text.as_str();
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let len = text[start.min(text.len())..]
        .find('\n')
        .unwrap_or(text.len() - start.min(text.len()));
    start..start + len
}

/// An error at `l`, a label that is not among `known`, naming the nearest and the known ones.
pub(crate) fn unknown_label<'a>(ctx: &Ctx<'_>, l: &Spanned<String>, known: impl Iterator<Item = &'a str> + Clone) {
    let list = known.clone().collect::<Vec<_>>().join(", ");
    let help = match nearest(&l.value, known) {
        Some(n) => format!("did you mean \"{n}\"? Labels here: {list}"),
        None => format!("labels here: {list}; declare your own with a [[label]] section in the lesson block"),
    };
    ctx.error(l.span.clone(), format!("there is no label `{}`", l.value), Some(help));
}

/// Warns about raw HTML in prose: the app shows Markdown only, so HTML tags would appear as text.
fn warn_raw_html(src: &SourceFile, blocks: &[Block], diags: &mut Vec<Diagnostic>) {
    use pulldown_cmark::{Event, Parser};
    let text = src.text.as_str();
    for b in blocks {
        let prose = &text[b.prose.clone()];
        for (ev, range) in Parser::new(prose).into_offset_iter() {
            if let Event::Html(h) | Event::InlineHtml(h) = ev {
                let at = b.prose.start + range.start;
                diags.push(
                    src.at(
                        at..at + h.trim_end().len(),
                        Severity::Warning,
                        "HTML is shown as plain text in the app",
                    )
                    .with_suggestion("use Markdown instead: **bold**, *italic*, [link text](address), lists with -"),
                );
            }
        }
    }
}
