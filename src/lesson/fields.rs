//! The keys each table of the format may have, and the format's limits.

use crate::lesson::{StepKind, Task};

/// Keys of the lesson block.
pub const LESSON_FIELDS: &[&str] = &[
    "id", "title", "lang", "summary", "minutes", "author", "settings", "label",
];
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
    "cards",
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
pub(crate) const KINDS: &[&str] = &[
    StepKind::Read.word(),
    StepKind::Highlight(Task::Bias).word(),
    StepKind::Choice.word(),
    StepKind::Reflect.word(),
    StepKind::Investigate.word(),
];
/// The most articles one step shows (side by side).
pub(crate) const MAX_STEP_ARTICLES: usize = 2;
/// The most keys one highlight step may have.
pub(crate) const MAX_STEP_KEYS: usize = 200;
/// The most keys one lesson file may have: each is placed by a search of its article, so a
/// hostile file with a hundred thousand keys must not cost a hundred thousand searches.
pub(crate) const MAX_LESSON_KEYS: usize = 1000;
/// The most "closest passage" suggestions one lesson file gets (each scans its article).
pub(crate) const MAX_SUGGESTIONS: usize = 25;

/// The fewest options a choice step offers.
pub(crate) const MIN_CHOICE_OPTIONS: usize = 2;
/// The tasks a highlight step may have.
pub(crate) const TASKS: &[&str] = &[Task::Conflict.name(), Task::Bias.name(), Task::Machine.name()];
