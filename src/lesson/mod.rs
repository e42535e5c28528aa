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

mod anchor_error;
pub mod authoring;
mod blocks;
pub mod bundled;
mod cards;
mod fields;
mod giveaway;
mod header;
mod keys;
mod labels;
pub mod library;
mod model;
mod placeholder;
mod read;
mod skeleton;
mod step;

pub use fields::{KEY_FIELDS, LABEL_FIELDS, LESSON_FIELDS, OPTION_FIELDS, SETTINGS_FIELDS, STEP_FIELDS};
pub(crate) use fields::{KINDS, MAX_STEP_ARTICLES, MIN_CHOICE_OPTIONS};
pub use labels::{builtin_labels, is_builtin};
pub use model::{CardRef, ChoiceOption, Extent, KeySpan, Label, Lesson, Settings, Step, StepBody, StepKind, Task};
pub use read::parse_lesson;
pub(crate) use skeleton::skeleton;
