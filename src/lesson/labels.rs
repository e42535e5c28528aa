//! The labels every lesson has without declaring them. Their English names and descriptions are
//! here; the UI shows them in its language from `assets/i18n/<locale>/labels.ftl`
//! (`label-<id>` and its `.description`), which `tests/i18n.rs` keeps equal to this table.

use crate::lesson::{Label, Task};

/// The built-in labels: id, name, task, description.
const BUILTIN: &[(&str, &str, Task, &str)] = &[
    (
        "loaded-word",
        "Loaded word",
        Task::Bias,
        "A word chosen to make the reader feel something, where a neutral word would do.",
    ),
    (
        "framing-headline",
        "Framing headline",
        Task::Bias,
        "A headline that tells the reader how to see the story before the facts do.",
    ),
    (
        "naming",
        "Naming",
        Task::Bias,
        "Names, titles and spellings that take a side (which spelling of a name or a city, who gets a title).",
    ),
    (
        "one-sided-sourcing",
        "One-sided sourcing",
        Task::Bias,
        "Only one side is quoted or named as a source, or one side gets the last word.",
    ),
    (
        "editorial-context",
        "Editorial context",
        Task::Bias,
        "What the page around the article promotes: related stories, features, ads.",
    ),
    (
        "ownership",
        "Ownership and funding",
        Task::Bias,
        "Who owns or funds the outlet, as the page itself shows it.",
    ),
    (
        "disclosure",
        "Disclosure",
        Task::Machine,
        "The page says a machine wrote or rewrote the text.",
    ),
    (
        "fabricated-quote",
        "Fabricated quote",
        Task::Machine,
        "A quote the text itself shows to be made up: its stated source does not contain it, or the page admits it is invented.",
    ),
    (
        "garbled-phrasing",
        "Garbled phrasing",
        Task::Machine,
        "Words swapped or mistranslated so the meaning breaks (a sign of machine rewriting).",
    ),
    (
        "source-mismatch",
        "Source mismatch",
        Task::Machine,
        "The text contradicts the source it names, or names two sources for one story.",
    ),
    (
        "template-residue",
        "Template residue",
        Task::Machine,
        "Leftovers of a template or a generator: unfinished sentences, empty slots, fused words.",
    ),
    (
        "unedited-error",
        "Unedited error",
        Task::Machine,
        "A mistake no human editor would leave: wrong capitals, stray punctuation, a missing quote mark.",
    ),
];

/// The labels every lesson has without declaring them.
pub fn builtin_labels() -> Vec<Label> {
    BUILTIN
        .iter()
        .map(|&(id, name, task, description)| Label {
            id: id.into(),
            name: name.into(),
            description: description.into(),
            task: Some(task),
            builtin: true,
        })
        .collect()
}

/// True when `id` and `name` are a built-in label's (an exam pack carries names, not this flag).
pub fn is_builtin(id: &str, name: &str) -> bool {
    BUILTIN.iter().any(|&(i, n, _, _)| i == id && n == name)
}
