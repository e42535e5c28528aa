//! The lesson format: Markdown prose with small TOML blocks for the lesson and each step.
//!
//! ```text
//! +++                      ← the lesson block: id, title, settings, labels
//! title = "…"
//! +++
//! Introduction in Markdown.
//!
//! +++ step                 ← one block per step: kind, articles, keys …
//! kind = "highlight"
//! …
//! +++
//! The step's instructions in Markdown.
//! ```
//!
//! `docs/lesson-format.md` is the reference for teachers; this module is its implementation.
//! Parsing never stops at the first problem: every block is read, every key is anchored, and all
//! problems are returned together with whatever could be built.

pub mod authoring;
mod blocks;
pub mod bundled;
pub mod library;

use std::collections::HashMap;

use serde::Serialize;

use crate::corpus::anchor::{Anchor, AnchorError};
use crate::lesson::blocks::{Block, SplitError};
use crate::corpus::{Article, Corpus};
use crate::text::Span;
use crate::text::diag::{Diagnostic, Severity, SourceFile, nearest};
use crate::text::schema::{Ctx, Obj, Spanned, parse_block};

/// The three highlighting tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Task {
    /// Mark a claim and the claim in another report that contradicts it.
    Conflict,
    /// Mark loaded words, framing and one-sided sourcing, and name which kind.
    Bias,
    /// Mark the tells that a machine wrote or spun the text.
    Machine,
}

impl Task {
    /// The name used in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            Task::Conflict => "conflict",
            Task::Bias => "bias",
            Task::Machine => "machine",
        }
    }

    /// The task named `s` in a file, if it is one.
    pub fn parse(s: &str) -> Option<Task> {
        match s {
            "conflict" => Some(Task::Conflict),
            "bias" => Some(Task::Bias),
            "machine" => Some(Task::Machine),
            _ => None,
        }
    }
}

/// How far around a key's core a student may highlight at no cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// Only the quoted words.
    Exact,
    /// The sentence(s) the quote is in (the default).
    #[default]
    Sentence,
    /// The paragraph(s) the quote is in.
    Paragraph,
}

/// A label a student can give a highlight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Label {
    /// Id used in lesson files (`label = "loaded-word"`).
    pub id: String,
    /// Name shown to students.
    pub name: String,
    /// One sentence shown as help.
    pub description: String,
    /// The task it belongs to; `None` for a lesson label offered in every labelled step.
    pub task: Option<Task>,
}

/// The labels every lesson has without declaring them.
pub fn builtin_labels() -> Vec<Label> {
    let l = |id: &str, name: &str, task: Task, description: &str| Label {
        id: id.into(),
        name: name.into(),
        description: description.into(),
        task: Some(task),
    };
    vec![
        l(
            "loaded-word",
            "Loaded word",
            Task::Bias,
            "A word chosen to make the reader feel something, where a neutral word would do.",
        ),
        l(
            "framing-headline",
            "Framing headline",
            Task::Bias,
            "A headline that tells the reader how to see the story before the facts do.",
        ),
        l(
            "naming",
            "Naming",
            Task::Bias,
            "Names, titles and spellings that take a side (who is 'claimed', who 'said', which spelling of a city).",
        ),
        l(
            "one-sided-sourcing",
            "One-sided sourcing",
            Task::Bias,
            "Only one side is quoted or named as a source, or one side gets the last word.",
        ),
        l(
            "editorial-context",
            "Editorial context",
            Task::Bias,
            "What the page around the article promotes: related stories, features, ads.",
        ),
        l(
            "ownership",
            "Ownership and funding",
            Task::Bias,
            "Who owns or funds the outlet, as the page itself shows it.",
        ),
        l(
            "disclosure",
            "Disclosure",
            Task::Machine,
            "The page says a machine wrote or rewrote the text.",
        ),
        l(
            "fabricated-quote",
            "Fabricated quote",
            Task::Machine,
            "A quote no other report has, or one its stated source does not contain.",
        ),
        l(
            "garbled-phrasing",
            "Garbled phrasing",
            Task::Machine,
            "Words swapped or mistranslated so the meaning breaks (a sign of machine rewriting).",
        ),
        l(
            "source-mismatch",
            "Source mismatch",
            Task::Machine,
            "The text contradicts the source it names, or names two sources for one story.",
        ),
        l(
            "template-residue",
            "Template residue",
            Task::Machine,
            "Leftovers of a template or a generator: unfinished sentences, empty slots, fused words.",
        ),
        l(
            "unedited-error",
            "Unedited error",
            Task::Machine,
            "A mistake no human editor would leave: wrong capitals, stray punctuation, a missing quote mark.",
        ),
    ]
}

/// Per-lesson settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// May a student check again after checking once?
    pub retry: bool,
    /// Most checks per step (`None` = no limit).
    pub max_attempts: Option<u32>,
    /// May a student reveal the answer key?
    pub show_solution: bool,
    /// Are hints offered?
    pub hints: bool,
    /// Credit for the right place with the wrong label (0–1).
    pub wrong_label_credit: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            retry: true,
            max_attempts: None,
            show_solution: true,
            hints: true,
            wrong_label_credit: 0.5,
        }
    }
}

/// One answer-key span, anchored and resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeySpan {
    /// Id, unique in its step (given, or `key-N`).
    pub id: String,
    /// The article it is in.
    pub article: String,
    /// How the teacher named its place.
    pub anchor: Anchor,
    /// How far extra highlighting is free.
    pub extent: Extent,
    /// The quoted words: char offsets into the article's displayed text.
    pub core: Span,
    /// The free zone around it (contains `core`): char offsets.
    pub allowed: Span,
    /// The label the student must give it.
    pub label: Option<String>,
    /// Shown after checking: why this passage matters.
    pub explanation: String,
    /// Hints that point towards this span.
    pub hints: Vec<String>,
    /// Weight in the step's recall.
    pub points: f64,
    /// For a conflict: index (in the step's keys) of the other side.
    pub pair: Option<usize>,
    /// Line in the lesson file where the key's quote is.
    pub line: usize,
}

/// One option of a choice step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceOption {
    /// What the student reads.
    pub text: String,
    /// Is it a right answer?
    pub correct: bool,
    /// Shown after checking.
    pub explanation: Option<String>,
}

/// What a step asks of the student.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum StepBody {
    /// Read the prose (and articles, if any).
    Read,
    /// Highlight passages.
    Highlight {
        /// Which task.
        task: Task,
        /// Ids of the labels offered (empty for conflict steps).
        labels: Vec<String>,
        /// The answer key.
        keys: Vec<KeySpan>,
    },
    /// Pick one (or several) options.
    Choice {
        /// The options, in order.
        options: Vec<ChoiceOption>,
        /// May several be picked?
        multiple: bool,
    },
    /// Write a free answer (not scored).
    Reflect {
        /// Fewest words expected (0 = none).
        min_words: u32,
    },
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Id, unique in the lesson (given, or `step-N`).
    pub id: String,
    /// Title shown in the step list.
    pub title: String,
    /// Instructions, Markdown.
    pub prose: String,
    /// Articles shown (0, 1 or 2), by id.
    pub articles: Vec<String>,
    /// Hints for the whole step, shown one at a time.
    pub hints: Vec<String>,
    /// Weight in the lesson score (0 for read and reflect steps).
    pub points: f64,
    /// What the step asks.
    #[serde(flatten)]
    pub body: StepBody,
    /// Line of the step's `+++ step` in the lesson file.
    pub line: usize,
}

impl Step {
    /// Is this step scored?
    pub fn is_scored(&self) -> bool {
        matches!(self.body, StepBody::Highlight { .. } | StepBody::Choice { .. })
    }

    /// Its keys (empty unless a highlight step).
    pub fn keys(&self) -> &[KeySpan] {
        match &self.body {
            StepBody::Highlight { keys, .. } => keys,
            _ => &[],
        }
    }

    /// Its task, if a highlight step.
    pub fn task(&self) -> Option<Task> {
        match &self.body {
            StepBody::Highlight { task, .. } => Some(*task),
            _ => None,
        }
    }

    /// A short name of its kind: read, conflict, bias, machine, choice, reflect.
    pub fn kind_name(&self) -> &'static str {
        match &self.body {
            StepBody::Read => "read",
            StepBody::Highlight { task, .. } => task.name(),
            StepBody::Choice { .. } => "choice",
            StepBody::Reflect { .. } => "reflect",
        }
    }
}

/// A parsed lesson.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lesson {
    /// Stable id (given, or the file name without `.md`).
    pub id: String,
    /// Title.
    pub title: String,
    /// One line for the library.
    pub summary: Option<String>,
    /// Suggested time in minutes.
    pub minutes: Option<u32>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Introduction, Markdown.
    pub intro: String,
    /// Settings.
    pub settings: Settings,
    /// Every label available (built-in, then the lesson's own).
    pub labels: Vec<Label>,
    /// The steps.
    pub steps: Vec<Step>,
    /// The file it came from.
    pub file: String,
    /// SHA-256 (hex) of the file's text (after BOM removal and CRLF → LF).
    pub sha256: String,
    /// An exam copy from a pack: no keys here; students hand in, the teacher grades.
    pub exam: bool,
}

impl Lesson {
    /// The label with this id.
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// Total of the scored steps' points.
    pub fn total_points(&self) -> f64 {
        self.steps.iter().filter(|s| s.is_scored()).map(|s| s.points).sum()
    }
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

/// Keys of the lesson block.
pub const LESSON_FIELDS: &[&str] = &["id", "title", "summary", "minutes", "author", "settings", "label"];
/// Keys of `[settings]`.
pub const SETTINGS_FIELDS: &[&str] = &["retry", "max_attempts", "show_solution", "hints", "wrong_label_credit"];
/// Keys of a `[[label]]`.
pub const LABEL_FIELDS: &[&str] = &["id", "name", "description", "task"];
/// Keys of a step block.
pub const STEP_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "task",
    "articles",
    "labels",
    "hints",
    "points",
    "key",
    "option",
    "multiple",
    "min_words",
];
/// Keys of a `[[key]]`.
pub const KEY_FIELDS: &[&str] = &[
    "id",
    "article",
    "quote",
    "prefix",
    "suffix",
    "occurrence",
    "extent",
    "label",
    "explanation",
    "hints",
    "points",
    "pair",
];
/// Keys of an `[[option]]`.
pub const OPTION_FIELDS: &[&str] = &["text", "correct", "explanation"];
/// The step kinds a lesson (or an exam pack) may use.
pub const KINDS: &[&str] = &["read", "highlight", "choice", "reflect"];
/// The most articles one step shows (side by side).
pub const MAX_STEP_ARTICLES: usize = 2;
/// The most keys one highlight step may have.
pub const MAX_STEP_KEYS: usize = 200;
/// The most keys one lesson file may have: each is placed by a search of its article, so a
/// hostile file with a hundred thousand keys must not cost a hundred thousand searches.
pub const MAX_LESSON_KEYS: usize = 1000;
/// The most "closest passage" suggestions one lesson file gets (each scans its article).
pub const MAX_SUGGESTIONS: usize = 25;

thread_local! {
    /// Keys and suggestions still allowed in the lesson file being read on this thread: set by
    /// [`parse_lesson`], spent by `read_keys`.
    static BUDGET: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((MAX_LESSON_KEYS, MAX_SUGGESTIONS)) };
}
/// The fewest options a choice step offers.
pub const MIN_CHOICE_OPTIONS: usize = 2;
const TASKS: &[&str] = &["conflict", "bias", "machine"];

/// Parses a lesson file and anchors every key in `corpus`. Returns the lesson (with whatever
/// could be built; steps or keys with errors are left out) and every problem found. The lesson
/// is usable only when no diagnostic is an error.
pub fn parse_lesson(src: &SourceFile, corpus: &Corpus) -> (Option<Lesson>, Vec<Diagnostic>) {
    BUDGET.with(|b| b.set((MAX_LESSON_KEYS, MAX_SUGGESTIONS)));
    let mut diags = Vec::new();
    let Some(blocks) = split_blocks(src, &mut diags) else {
        return (None, diags);
    };
    let text = src.text.as_str();
    let header = &blocks[0];
    let ctx = Ctx::new(src, header.toml.start);
    let mut lesson = None;
    if let Some(doc) = parse_block(&ctx, &text[header.toml.clone()]) {
        lesson = Some(read_header(&ctx, &doc, header, src));
    }
    diags.extend(ctx.into_diags());
    let Some(mut lesson) = lesson else {
        return (None, diags);
    };
    lesson.intro = text[header.prose.clone()].trim().to_string();

    if blocks.len() == 1 {
        diags.push(
            src.at(header.open.clone(), Severity::Error, "this lesson has no steps")
                .with_suggestion(
                    "add a step after the introduction:\n+++ step\nkind = \"read\"\n+++\nWhat students should do.",
                ),
        );
    }
    let mut step_ids: HashMap<String, usize> = HashMap::new();
    for (n, block) in blocks[1..].iter().enumerate() {
        let ctx = Ctx::new(src, block.toml.start);
        if let Some(doc) = parse_block(&ctx, &text[block.toml.clone()]) {
            let prose = text[block.prose.clone()].trim().to_string();
            if let Some(step) = read_step(&ctx, &doc, block, n + 1, prose, &lesson, corpus) {
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
    warn_raw_html(src, &blocks, &mut diags);
    (Some(lesson), crate::text::diag::cap_per_file(diags))
}

/// The id read from a file when it is a safe one (see [`crate::text::ids::check_id`]); otherwise an
/// error at it, naming what the id was for, and `None`.
fn checked_id(ctx: &Ctx<'_>, id: crate::text::schema::Spanned<String>, what: &str) -> Option<String> {
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

fn read_header(ctx: &Ctx<'_>, doc: &toml_edit::Document<String>, block: &Block, src: &SourceFile) -> Lesson {
    let o = Obj::new(ctx, doc.as_table(), block.open.clone(), "lesson", LESSON_FIELDS);
    let file_stem = src.name.rsplit(['/', '\\']).next().unwrap_or(&src.name);
    let file_stem = file_stem.strip_suffix(".md").unwrap_or(file_stem).to_string();
    let stem_id = || match crate::text::ids::check_id(&file_stem) {
        Ok(()) => file_stem.clone(),
        Err(e) => {
            ctx.error(
                block.open.clone(),
                format!("this lesson has no `id`, and its file name `{file_stem}` cannot be one: {e}"),
                Some(format!(
                    "add id = \"a-short-name\" to this +++ block ({})",
                    crate::text::ids::ID_HELP
                )),
            );
            "lesson".to_string()
        }
    };
    let id = match o.opt_str("id") {
        Some(id) => checked_id(ctx, id, "a lesson").unwrap_or_else(stem_id),
        None => stem_id(),
    };
    let title = o
        .req_str("title", "\"Who fired the missile?\"")
        .map(|s| s.value)
        .unwrap_or_default();
    let mut settings = Settings::default();
    if let Some(s) = o.table("settings", "settings table", SETTINGS_FIELDS) {
        settings.retry = s.opt_bool("retry").unwrap_or(true);
        settings.max_attempts = s
            .opt_int("max_attempts", 0, 1000)
            .and_then(|n| u32::try_from(n.value).ok())
            .filter(|&n| n > 0);
        settings.show_solution = s.opt_bool("show_solution").unwrap_or(true);
        settings.hints = s.opt_bool("hints").unwrap_or(true);
        settings.wrong_label_credit = s.opt_number("wrong_label_credit", 1.0).map_or(0.5, |n| n.value);
    }
    let mut labels = builtin_labels();
    for l in o.tables("label", "label", LABEL_FIELDS) {
        let id = l.req_str("id", "\"emotional-appeal\"");
        let name = l.req_str("name", "\"Emotional appeal\"");
        let task = l.opt_str("task").and_then(|t| {
            let parsed = Task::parse(&t.value).filter(|t| *t != Task::Conflict);
            if parsed.is_none() {
                ctx.error(
                    t.span,
                    format!("`{}` is not a task that takes labels", t.value),
                    Some(
                        "use task = \"bias\" or task = \"machine\", or leave it out to offer the label in both".into(),
                    ),
                );
            }
            parsed
        });
        if let (Some(id), Some(name)) = (id, name) {
            if let Err(e) = crate::text::ids::check_id(&id.value) {
                ctx.error(
                    id.span.clone(),
                    format!("`{}` cannot be a label id: {e}", id.value),
                    Some(crate::text::ids::ID_HELP.into()),
                );
            }
            let label = Label {
                id: id.value.clone(),
                name: name.value,
                description: l.opt_str("description").map(|d| d.value).unwrap_or_default(),
                task,
            };
            match labels.iter_mut().find(|x| x.id == label.id) {
                Some(existing) => *existing = label,
                None => labels.push(label),
            }
        }
    }
    Lesson {
        id,
        title,
        summary: o.opt_str("summary").map(|s| s.value),
        minutes: o.opt_int("minutes", 1, 600).and_then(|m| u32::try_from(m.value).ok()),
        author: o.opt_str("author").map(|s| s.value),
        intro: String::new(),
        settings,
        labels,
        steps: Vec::new(),
        file: src.name.clone(),
        sha256: crate::text::ids::sha256_hex(src.text.as_str()),
        exam: false,
    }
}

fn check_article<'c>(ctx: &Ctx<'_>, corpus: &'c Corpus, id: &Spanned<String>) -> Option<&'c std::sync::Arc<Article>> {
    if let Some(a) = corpus.get(&id.value) {
        return Some(a);
    }
    if id.value.contains(['/', '\\']) || id.value.contains("..") {
        ctx.error(
            id.span.clone(),
            format!("`{}` looks like a file path; articles are named by id", id.value),
            Some("write the article's id from its .toml file (e.g. \"ap-ktvz\"); lessons never read files outside the corpus".into()),
        );
        return None;
    }
    let help = match nearest(&id.value, corpus.ids()) {
        Some(n) => format!(
            "did you mean \"{n}\"? Known articles: {}",
            corpus.ids().collect::<Vec<_>>().join(", ")
        ),
        None => format!("known articles: {}", corpus.ids().collect::<Vec<_>>().join(", ")),
    };
    ctx.error(
        id.span.clone(),
        format!("there is no article `{}`", id.value),
        Some(help),
    );
    None
}

fn read_step(
    ctx: &Ctx<'_>,
    doc: &toml_edit::Document<String>,
    block: &Block,
    n: usize,
    prose: String,
    lesson: &Lesson,
    corpus: &Corpus,
) -> Option<Step> {
    let o = Obj::new(ctx, doc.as_table(), block.open.clone(), "step", STEP_FIELDS);
    let kind = o.req_str("kind", "\"highlight\"")?;
    if !KINDS.contains(&kind.value.as_str()) {
        let help = match nearest(&kind.value, KINDS.iter().copied()) {
            Some(k) => format!("did you mean \"{k}\"? A step's kind is one of: read, highlight, choice, reflect"),
            None => "a step's kind is one of: read, highlight, choice, reflect".into(),
        };
        ctx.error(kind.span, format!("`{}` is not a kind of step", kind.value), Some(help));
        return None;
    }
    let kind = kind.value.as_str();
    let only_for = |field: &str, for_kind: &str| {
        if o.has(field) && kind != for_kind {
            ctx.error(
                o.key_span(field),
                format!("`{field}` belongs in a {for_kind} step, not a {kind} step"),
                Some(format!(
                    "remove it, or make this a {for_kind} step with kind = \"{for_kind}\""
                )),
            );
        }
    };
    only_for("task", "highlight");
    only_for("labels", "highlight");
    only_for("key", "highlight");
    only_for("option", "choice");
    only_for("multiple", "choice");
    only_for("min_words", "reflect");

    let id = match o.opt_str("id") {
        Some(id) => checked_id(ctx, id, "a step").unwrap_or_else(|| format!("step-{n}")),
        None => format!("step-{n}"),
    };
    let title = o.opt_str("title").map_or_else(|| format!("Step {n}"), |t| t.value);
    let article_ids = o.opt_str_list("articles").unwrap_or_default();
    if article_ids.len() > MAX_STEP_ARTICLES {
        ctx.error(
            o.span_of("articles"),
            "a step shows at most two articles",
            Some("split it into two steps".into()),
        );
    }
    let mut articles: Vec<(String, Option<std::sync::Arc<Article>>)> = Vec::new();
    for a in &article_ids {
        let found = check_article(ctx, corpus, a);
        articles.push((found.map_or(a.value.clone(), |f| f.meta.id.clone()), found.cloned()));
    }
    if articles.len() == 2 && articles[0].0 == articles[1].0 {
        ctx.error(o.span_of("articles"), "the same article is named twice", None);
    }
    let hints: Vec<String> = o
        .opt_str_list("hints")
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.value)
        .collect();
    let scored = matches!(kind, "highlight" | "choice");
    let points = o
        .opt_number("points", 1000.0)
        .map_or(if scored { 1.0 } else { 0.0 }, |p| p.value);
    let line = src_line(ctx, block.open.start);

    let body = match kind {
        "read" => StepBody::Read,
        "reflect" => StepBody::Reflect {
            min_words: o
                .opt_int("min_words", 0, 10_000)
                .map_or(0, |n| u32::try_from(n.value).unwrap_or(0)),
        },
        "choice" => {
            let mut options = Vec::new();
            for op in o.tables("option", "choice option", OPTION_FIELDS) {
                if let Some(t) = op.req_str("text", "\"The AP report\"") {
                    options.push(ChoiceOption {
                        text: t.value,
                        correct: op.opt_bool("correct").unwrap_or(false),
                        explanation: op.opt_str("explanation").map(|e| e.value),
                    });
                }
            }
            if options.len() < MIN_CHOICE_OPTIONS {
                ctx.error(
                    block.open.clone(),
                    "a choice step needs at least two options",
                    Some("add [[option]] sections with text = \"...\" and, for right answers, correct = true".into()),
                );
            } else if !options.iter().any(|op| op.correct) {
                ctx.error(
                    block.open.clone(),
                    "no option of this choice step is marked correct",
                    Some("add correct = true to the right answer(s)".into()),
                );
            }
            StepBody::Choice {
                options,
                multiple: o.opt_bool("multiple").unwrap_or(false),
            }
        }
        _ => {
            let task = match o.req_str("task", "\"bias\"") {
                Some(t) => match Task::parse(&t.value) {
                    Some(task) => Some(task),
                    None => {
                        let help = match nearest(&t.value, TASKS.iter().copied()) {
                            Some(k) => format!("did you mean \"{k}\"? The tasks are conflict, bias and machine"),
                            None => "the tasks are conflict, bias and machine".into(),
                        };
                        ctx.error(t.span, format!("`{}` is not a task", t.value), Some(help));
                        None
                    }
                },
                None => None,
            };
            let task = task?;
            if articles.is_empty() {
                ctx.error(
                    block.open.clone(),
                    "a highlight step needs an article to highlight",
                    Some("add articles = [\"article-id\"] (or two ids, to show them side by side)".into()),
                );
            }
            let labels = step_labels(ctx, &o, task, lesson);
            let keys = read_keys(ctx, &o, task, &articles, &labels, block);
            StepBody::Highlight { task, labels, keys }
        }
    };
    if prose.is_empty() && !matches!(body, StepBody::Read) {
        ctx.warn(
            block.open.clone(),
            "this step has no instructions for students",
            Some("write what to do in Markdown below the step's closing +++".into()),
        );
    }
    Some(Step {
        id,
        title,
        prose,
        articles: articles.into_iter().map(|a| a.0).collect(),
        hints,
        points,
        body,
        line,
    })
}

fn src_line(ctx: &Ctx<'_>, byte: usize) -> usize {
    ctx.src.text.line_col(ctx.src.text.char_of_byte(byte)).0
}

/// The labels offered in a highlight step: the step's own list, or every label of its task.
fn step_labels(ctx: &Ctx<'_>, o: &Obj<'_, '_>, task: Task, lesson: &Lesson) -> Vec<String> {
    if task == Task::Conflict {
        if o.has("labels") {
            ctx.error(
                o.key_span("labels"),
                "conflict steps have no labels",
                Some("remove `labels`; students only mark the two claims".into()),
            );
        }
        return Vec::new();
    }
    match o.opt_str_list("labels") {
        Some(list) => {
            let mut out = Vec::new();
            for l in list {
                if lesson.label(&l.value).is_some() {
                    out.push(l.value);
                } else {
                    unknown_label(ctx, &l, lesson.labels.iter().map(|x| x.id.as_str()));
                }
            }
            out
        }
        None => lesson
            .labels
            .iter()
            .filter(|l| l.task.is_none_or(|t| t == task))
            .map(|l| l.id.clone())
            .collect(),
    }
}

fn unknown_label<'a>(ctx: &Ctx<'_>, l: &Spanned<String>, known: impl Iterator<Item = &'a str> + Clone) {
    let list = known.clone().collect::<Vec<_>>().join(", ");
    let help = match nearest(&l.value, known) {
        Some(n) => format!("did you mean \"{n}\"? Labels here: {list}"),
        None => format!("labels here: {list}; declare your own with a [[label]] section in the lesson block"),
    };
    ctx.error(l.span.clone(), format!("there is no label `{}`", l.value), Some(help));
}

fn read_keys(
    ctx: &Ctx<'_>,
    o: &Obj<'_, '_>,
    task: Task,
    articles: &[(String, Option<std::sync::Arc<Article>>)],
    labels: &[String],
    block: &Block,
) -> Vec<KeySpan> {
    let mut tables = o.tables("key", "key span", KEY_FIELDS);
    if tables.len() > MAX_STEP_KEYS {
        // Each key is placed by a search of its article: a hostile file with a million keys
        // must not cost a million searches.
        ctx.error(
            tables[MAX_STEP_KEYS].span_of("quote"),
            format!(
                "a step may have at most {MAX_STEP_KEYS} keys; this one has {}, and the rest were not read",
                tables.len()
            ),
            Some("split the passages over several steps".into()),
        );
        tables.truncate(MAX_STEP_KEYS);
    }
    let (keys_left, suggestions) = BUDGET.with(std::cell::Cell::get);
    if tables.len() > keys_left {
        if let Some(first) = tables.get(keys_left) {
            ctx.error(
                first.span_of("quote"),
                format!("a lesson file may have at most {MAX_LESSON_KEYS} keys; the rest were not read"),
                Some("split the lesson into several files".into()),
            );
        }
        tables.truncate(keys_left);
    }
    BUDGET.with(|b| b.set((keys_left - tables.len(), suggestions)));
    if tables.is_empty() {
        ctx.error(
            block.open.clone(),
            "this highlight step has no answer key",
            Some("add a [[key]] section with quote = \"...\" and explanation = \"...\" for each passage students should find".into()),
        );
        return Vec::new();
    }
    let mut keys: Vec<KeySpan> = Vec::new();
    // The `pair` of each resolved key, aligned with `keys`.
    let mut pair_names: Vec<Option<Spanned<String>>> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    // Ids of every key table, resolved or not, so a pair with a broken key is not reported twice.
    let mut declared: Vec<String> = Vec::new();
    for (i, k) in tables.iter().enumerate() {
        let id = k.opt_str("id");
        declared.push(
            id.as_ref()
                .map_or_else(|| format!("key-{}", i + 1), |s| s.value.clone()),
        );
        let quote = k.req_str("quote", "\"the exact words from the article\"");
        let explanation = k.req_str("explanation", "\"Why this passage matters, with the evidence\"");
        if explanation.as_ref().is_some_and(|e| e.value.trim().is_empty()) {
            ctx.error(
                k.span_of("explanation"),
                "the explanation is empty",
                Some("say why this passage matters: students read it after checking".into()),
            );
        }
        let extent = match k.opt_str("extent") {
            None => Extent::Sentence,
            Some(e) => match e.value.as_str() {
                "exact" => Extent::Exact,
                "sentence" => Extent::Sentence,
                "paragraph" => Extent::Paragraph,
                other => {
                    let help = nearest(other, ["exact", "sentence", "paragraph"])
                        .map_or("use \"exact\", \"sentence\" or \"paragraph\"".to_string(), |n| {
                            format!("did you mean \"{n}\"? Use \"exact\", \"sentence\" or \"paragraph\"")
                        });
                    ctx.error(e.span, format!("`{other}` is not an extent"), Some(help));
                    Extent::Sentence
                }
            },
        };
        let label = k.opt_str("label");
        match (&label, task) {
            (Some(l), Task::Conflict) => ctx.error(
                l.span.clone(),
                "keys of a conflict step have no label",
                Some("remove `label`; use `pair` to link the two sides".into()),
            ),
            (Some(l), _) if !labels.contains(&l.value) => unknown_label(ctx, l, labels.iter().map(String::as_str)),
            (None, Task::Bias | Task::Machine) => ctx.error(
                k.span.clone(),
                format!("every key of a {} step needs a label", task.name()),
                Some(format!(
                    "add label = \"{}\" (or another of: {})",
                    labels.first().map_or("…", String::as_str),
                    labels.join(", ")
                )),
            ),
            _ => {}
        }
        let pair = k.opt_str("pair");
        if let (Some(p), false) = (&pair, task == Task::Conflict) {
            ctx.error(
                p.span.clone(),
                "`pair` is only for conflict steps",
                Some("remove it".into()),
            );
        }
        // Which article.
        let article = match k.opt_str("article") {
            Some(a) => {
                match articles.iter().find(|(id, art)| {
                    *id == a.value
                        || art
                            .as_ref()
                            .is_some_and(|x| x.meta.id == a.value || corpus_stem_matches(x, &a.value))
                }) {
                    Some(found) => Some(found),
                    None => {
                        let list: Vec<&str> = articles.iter().map(|x| x.0.as_str()).collect();
                        ctx.error(
                            a.span,
                            format!("`{}` is not one of this step's articles", a.value),
                            Some(format!(
                                "this step shows: {}; add the article to the step's `articles` first",
                                list.join(", ")
                            )),
                        );
                        None
                    }
                }
            }
            None if articles.len() == 1 => articles.first(),
            None if articles.len() == 2 => {
                ctx.error(
                    k.span.clone(),
                    "this step shows two articles; say which one this key is in",
                    Some(format!(
                        "add article = \"{}\" or article = \"{}\"",
                        articles[0].0, articles[1].0
                    )),
                );
                None
            }
            None => None,
        };
        let points = k.opt_number("points", 1000.0).map_or(1.0, |p| p.value);
        if points == 0.0 {
            ctx.warn(
                k.span_of("points"),
                "a key worth 0 points does not count towards the score",
                None,
            );
        }
        let hints: Vec<String> = k
            .opt_str_list("hints")
            .unwrap_or_default()
            .into_iter()
            .map(|h| h.value)
            .collect();
        let occurrence = k.opt_int("occurrence", 1, 100_000).map(|n| n.value as usize);
        let (Some(quote), Some((article_id, Some(article)))) = (quote, article) else {
            // Already reported (missing quote, unknown article); nothing to anchor.
            continue;
        };
        let anchor = Anchor {
            quote: quote.value.clone(),
            prefix: k.opt_str("prefix").map(|p| p.value),
            suffix: k.opt_str("suffix").map(|p| p.value),
            occurrence,
        };
        let (keys_left, suggestions) = BUDGET.with(std::cell::Cell::get);
        let core = match crate::corpus::anchor::resolve_with(article, &anchor, suggestions > 0) {
            Ok(span) => span,
            Err(e @ AnchorError::NotFound { .. }) => {
                BUDGET.with(|b| b.set((keys_left, suggestions.saturating_sub(1))));
                report_anchor_error(ctx, &quote, article, &anchor, e);
                continue;
            }
            Err(e) => {
                report_anchor_error(ctx, &quote, article, &anchor, e);
                continue;
            }
        };
        let allowed = match extent {
            Extent::Exact => core,
            Extent::Sentence => article.segments.sentence_extent(core),
            Extent::Paragraph => article.segments.paragraph_extent(core),
        };
        let key_id = id
            .as_ref()
            .map_or_else(|| format!("key-{}", i + 1), |s| s.value.clone());
        if let Some(prev) = ids.insert(key_id.clone(), keys.len()) {
            ctx.error(
                id.as_ref().map_or(k.span.clone(), |s| s.span.clone()),
                format!("two keys in this step have the id `{key_id}`"),
                Some(format!(
                    "the other is on line {}; give each key its own id",
                    keys[prev].line
                )),
            );
        }
        let line = src_line(ctx, quote.span.start);
        keys.push(KeySpan {
            id: key_id,
            article: article_id.clone(),
            anchor,
            extent,
            core,
            allowed,
            label: label.map(|l| l.value),
            explanation: explanation.map(|e| e.value).unwrap_or_default(),
            hints,
            points,
            pair: None,
            line,
        });
        pair_names.push(pair);
    }
    if task == Task::Conflict {
        link_pairs(ctx, &mut keys, &pair_names, &ids, &declared);
        // When a key failed to resolve, its pairing is unknown; its own error says enough.
        let all_resolved = keys.len() == declared.len();
        for k in keys.iter().filter(|k| k.pair.is_none() && all_resolved) {
            ctx.error(
                line_span(ctx, k.line),
                format!("key `{}` is one side of a conflict with no other side", k.id),
                Some("add pair = \"<id of the contradicting key>\" to one of the two keys".into()),
            );
        }
    } else {
        warn_overlaps(ctx, &keys);
    }
    warn_big_extents(ctx, &keys, articles);
    keys
}

fn corpus_stem_matches(a: &Article, name: &str) -> bool {
    a.source
        .rsplit(['/', '\\'])
        .next()
        .is_some_and(|f| f.strip_suffix(".txt") == Some(name))
}

fn line_span(ctx: &Ctx<'_>, line: usize) -> std::ops::Range<usize> {
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

/// Links conflict pairs: `pair_names[i]` is the `pair` written on `keys[i]`.
fn link_pairs(
    ctx: &Ctx<'_>,
    keys: &mut [KeySpan],
    pair_names: &[Option<Spanned<String>>],
    ids: &HashMap<String, usize>,
    declared: &[String],
) {
    for (ki, p) in pair_names.iter().enumerate() {
        let Some(p) = p else { continue };
        let Some(&j) = ids.get(&p.value) else {
            if !declared.contains(&p.value) {
                let known: Vec<&str> = keys.iter().map(|k| k.id.as_str()).collect();
                ctx.error(
                    p.span.clone(),
                    format!("there is no key `{}` in this step to pair with", p.value),
                    Some(format!(
                        "give the other side id = \"{}\"; keys here: {}",
                        p.value,
                        known.join(", ")
                    )),
                );
            }
            continue;
        };
        if j == ki {
            ctx.error(p.span.clone(), "a key cannot be paired with itself", None);
            continue;
        }
        for (a, b) in [(ki, j), (j, ki)] {
            match keys[a].pair {
                None => keys[a].pair = Some(b),
                Some(x) if x == b => {}
                Some(x) => ctx.error(
                    p.span.clone(),
                    format!("key `{}` is already paired with `{}`", keys[a].id, keys[x].id),
                    Some("a conflict has exactly two sides; add another key for another conflict".into()),
                ),
            }
        }
    }
}

fn warn_overlaps(ctx: &Ctx<'_>, keys: &[KeySpan]) {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| (keys[i].article.clone(), keys[i].core.start));
    for w in order.windows(2) {
        let (a, b) = (&keys[w[0]], &keys[w[1]]);
        if a.article == b.article && a.core.intersects(&b.core) && a.label == b.label {
            ctx.error(
                line_span(ctx, b.line),
                format!("keys `{}` and `{}` overlap and have the same label", a.id, b.id),
                Some(format!(
                    "merge them into one key, or give them different labels (the other is on line {})",
                    a.line
                )),
            );
        }
    }
}

fn warn_big_extents(ctx: &Ctx<'_>, keys: &[KeySpan], articles: &[(String, Option<std::sync::Arc<Article>>)]) {
    for (id, art) in articles {
        let Some(art) = art else { continue };
        let mut spans: Vec<Span> = keys.iter().filter(|k| &k.article == id).map(|k| k.allowed).collect();
        spans.sort();
        let mut covered = 0;
        let mut end = 0;
        for s in spans {
            let s0 = s.start.max(end);
            if s.end > s0 {
                covered += s.end - s0;
            }
            end = end.max(s.end);
        }
        if !art.is_empty()
            && covered * 2 > art.len()
            && let Some(k) = keys.iter().find(|k| &k.article == id)
        {
            ctx.warn(
                line_span(ctx, k.line),
                format!("the keys' allowed extents cover more than half of `{id}`"),
                Some("with so much of the text in the key, highlighting everything can look like a good answer; use extent = \"exact\" for long passages".into()),
            );
        }
    }
}

fn report_anchor_error(ctx: &Ctx<'_>, quote: &Spanned<String>, article: &Article, anchor: &Anchor, e: AnchorError) {
    let id = article.id();
    let place = |sp: Span| {
        format!(
            "line {} of {}: “{}”",
            article.file_line(sp.start),
            article.source,
            article.text.snippet(sp, 20)
        )
    };
    match e {
        AnchorError::Empty => ctx.error(
            quote.span.clone(),
            "the quote is empty",
            Some("copy the words from the article between the quotes".into()),
        ),
        AnchorError::NotFound { closest, case_differs } => {
            let help = if let Some(sp) = case_differs {
                format!(
                    "the article has it with other capital letters: “{}” ({})",
                    article.slice(sp),
                    place(sp)
                )
            } else if let Some((sp, sim)) = closest {
                format!(
                    "the closest passage ({:.0}% alike) is “{}” on line {} of {}; copy the words exactly as they stand there",
                    sim * 100.0,
                    crate::text::collapse_whitespace(article.slice(sp)),
                    article.file_line(sp.start),
                    article.source
                )
            } else if BUDGET.with(std::cell::Cell::get).1 == 0 {
                format!(
                    "copy the words exactly as they stand in `{id}` (this file has had {MAX_SUGGESTIONS} suggestions of the closest passage already; fix those first)"
                )
            } else {
                format!("nothing in `{id}` is close to it; check that the key names the right article")
            };
            ctx.error(
                quote.span.clone(),
                format!("this quote is not in the article `{id}`"),
                Some(help),
            );
        }
        AnchorError::Ambiguous { places } => {
            let list: Vec<String> = places.iter().take(10).map(|&p| format!("- {}", place(p))).collect();
            ctx.error(
                quote.span.clone(),
                format!("this quote occurs {} times in `{id}`; say which one", places.len()),
                Some(format!(
                    "add prefix = \"…words just before…\" or suffix = \"…words just after…\", or occurrence = N (1 = first). It occurs at:\n{}",
                    list.join("\n")
                )),
            );
        }
        AnchorError::ContextMismatch { places } => {
            let what = match (&anchor.prefix, &anchor.suffix) {
                (Some(_), Some(_)) => "prefix and suffix",
                (Some(_), None) => "prefix",
                _ => "suffix",
            };
            let list: Vec<String> = places.iter().take(10).map(|&p| format!("- {}", place(p))).collect();
            ctx.error(
                quote.span.clone(),
                format!("the quote is in `{id}`, but not with this {what}"),
                Some(format!(
                    "the {what} must be the words right next to the quote. The quote occurs at:\n{}",
                    list.join("\n")
                )),
            );
        }
        AnchorError::NoSuchOccurrence { wanted, places } => ctx.error(
            quote.span.clone(),
            format!(
                "occurrence = {wanted}, but the quote occurs only {} time(s) in `{id}`",
                places.len()
            ),
            Some(format!("use a number from 1 to {}", places.len())),
        ),
    }
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

/// A lesson to start from: a read step and one highlight step with one key per article (a few
/// words of its first real sentence), valid as written, with every field a teacher will want to
/// change marked in the text. `task` is bias, machine or conflict (two articles).
pub fn skeleton(articles: &[std::sync::Arc<Article>], task: &str) -> String {
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    let ids: Vec<String> = articles.iter().map(|a| q(a.id())).collect();
    let first = articles.first().map_or("the article", |a| a.meta.headline.as_str());
    let mut out = String::new();
    out.push_str("+++\n# The lesson: its id (used in students' results files), title and suggested time.\n");
    out.push_str(&format!(
        "id = {}\n",
        q(&format!("{}-lesson", articles.first().map_or("new", |a| a.id())))
    ));
    out.push_str(&format!("title = {}\n", q(&format!("New lesson: {first}"))));
    out.push_str("summary = \"One line for the lesson library.\"\nminutes = 15\n\n[settings]\nretry = true\nshow_solution = true\n+++\n\n");
    out.push_str("Introduce the article(s) here: the context students need, without the answers.\n\n");
    out.push_str(&format!(
        "+++ step\nkind = \"read\"\ntitle = \"Read first\"\narticles = [{}]\n+++\n\nRead the whole text once before you mark anything.\n\n",
        ids.join(", ")
    ));
    let title = match task {
        "conflict" => "Find the claims that cannot both be true",
        "machine" => "Find the signs of a machine",
        _ => "Find the loaded words",
    };
    out.push_str(&format!(
        "+++ step\nkind = \"highlight\"\ntask = {}\ntitle = {}\narticles = [{}]\nhints = [\"Write a hint here: where to look, not what to find.\"]\n",
        q(task),
        q(title),
        ids.join(", ")
    ));
    let label = match task {
        "machine" => Some("disclosure"),
        "bias" => Some("loaded-word"),
        _ => None,
    };
    for (i, a) in articles.iter().enumerate() {
        // A few words of the first sentence with at least four words.
        let sentence = a
            .segments
            .sentences
            .iter()
            .find(|s| a.slice(**s).split_whitespace().count() >= 4)
            .or(a.segments.sentences.first())
            .copied()
            .unwrap_or_default();
        let words: Vec<Span> = a
            .words
            .iter()
            .filter(|w| sentence.contains(w))
            .take(6)
            .copied()
            .collect();
        let span = match (words.first(), words.last()) {
            (Some(f), Some(l)) => Span::new(f.start, l.end),
            _ => sentence,
        };
        let anchor = crate::corpus::anchor::anchor_for(a, span);
        out.push_str(&format!(
            "\n# Replace this key with a passage students should find.\n[[key]]\nid = \"key-{}\"\n",
            i + 1
        ));
        if articles.len() > 1 {
            out.push_str(&format!("article = {}\n", q(a.id())));
        }
        out.push_str(&format!("quote = {}\n", q(&anchor.quote)));
        if let Some(p) = &anchor.prefix {
            out.push_str(&format!("prefix = {}\n", q(p)));
        }
        if let Some(s) = &anchor.suffix {
            out.push_str(&format!("suffix = {}\n", q(s)));
        }
        if let Some(o) = anchor.occurrence {
            out.push_str(&format!("occurrence = {o}\n"));
        }
        if let Some(l) = label {
            out.push_str(&format!("label = {}\n", q(l)));
        }
        if task == "conflict" && i == 0 {
            out.push_str("pair = \"key-2\"\n");
        }
        out.push_str("explanation = \"Why this passage matters, with the evidence: which other report says what.\"\n");
    }
    out.push_str("+++\n\nTell students what to find, and how many.\n");
    out
}
