//! The typed lesson model: what a lesson file becomes once it is read.

use serde::Serialize;

use crate::corpus::anchor::Anchor;
use crate::text::Span;

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
    /// Every task.
    pub const ALL: [Task; 3] = [Task::Conflict, Task::Bias, Task::Machine];

    /// The name used in lesson files.
    pub const fn name(self) -> &'static str {
        match self {
            Task::Conflict => "conflict",
            Task::Bias => "bias",
            Task::Machine => "machine",
        }
    }

    /// The task named `s` in a file, if it is one.
    pub fn parse(s: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.name() == s)
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

impl Extent {
    /// Every extent, narrowest first.
    pub const ALL: [Extent; 3] = [Extent::Exact, Extent::Sentence, Extent::Paragraph];

    /// The name used in lesson files.
    pub const fn name(self) -> &'static str {
        match self {
            Extent::Exact => "exact",
            Extent::Sentence => "sentence",
            Extent::Paragraph => "paragraph",
        }
    }

    /// The extent named `s` in a file, if it is one.
    pub fn parse(s: &str) -> Option<Extent> {
        Extent::ALL.into_iter().find(|e| e.name() == s)
    }
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
    /// One of Lateral's own labels, unchanged by the lesson: its name and description are shown
    /// in the UI's language. A lesson's own labels are shown as the lesson writes them.
    #[serde(skip)]
    pub builtin: bool,
}

impl Label {
    /// The name a student sees: a built-in label's in the current locale, else the lesson's.
    pub fn shown_name(&self) -> String {
        if self.builtin {
            crate::i18n::message(&format!("label-{}", self.id), None)
        } else {
            self.name.clone()
        }
    }

    /// The description a student sees, as [`Label::shown_name`].
    pub fn shown_description(&self) -> String {
        if self.builtin {
            crate::i18n::message(&format!("label-{}.description", self.id), None)
        } else {
            self.description.clone()
        }
    }
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
    /// Look up who is behind the article(s): the student opens source cards, and which they
    /// opened, in what order and for how long is recorded (not scored; a later step asks for
    /// the verdict).
    Investigate {
        /// The cards offered, in order.
        cards: Vec<CardRef>,
    },
}

/// A source card offered in an investigate step: which of the corpus's articles carries it,
/// and its id there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardRef {
    /// The article's id.
    pub article: String,
    /// The card's id in that article's metadata.
    pub card: String,
}

/// What kind of step it is, without what it holds: its `kind` and, for a highlight step, its
/// `task`. The one place that maps kinds to and from the words of a lesson file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Read the prose (and articles, if any).
    Read,
    /// Highlight passages, for a task.
    Highlight(Task),
    /// Pick one (or several) options.
    Choice,
    /// Write a free answer (not scored).
    Reflect,
    /// Open source cards about who is behind the article (not scored).
    Investigate,
}

impl StepKind {
    /// Every kind, highlight once per task.
    pub const ALL: [StepKind; 7] = [
        StepKind::Read,
        StepKind::Highlight(Task::Bias),
        StepKind::Highlight(Task::Machine),
        StepKind::Highlight(Task::Conflict),
        StepKind::Choice,
        StepKind::Reflect,
        StepKind::Investigate,
    ];

    /// The word for it in a file's `kind = "…"` (a highlight step's task is a key of its own).
    pub const fn word(self) -> &'static str {
        match self {
            StepKind::Read => "read",
            StepKind::Highlight(_) => "highlight",
            StepKind::Choice => "choice",
            StepKind::Reflect => "reflect",
            StepKind::Investigate => "investigate",
        }
    }

    /// A short name: read, conflict, bias, machine, choice, reflect or investigate.
    pub const fn name(self) -> &'static str {
        match self {
            StepKind::Highlight(task) => task.name(),
            other => other.word(),
        }
    }

    /// The kind as a student reads it, in the UI's language ("conflict" → "spot the conflict").
    pub fn shown_name(self) -> String {
        Self::shown_name_of(self.name())
    }

    /// [`StepKind::shown_name`] of a kind's short name as results files carry it; a name that
    /// is no kind is shown as it is.
    pub fn shown_name_of(name: &str) -> String {
        if StepKind::ALL.iter().any(|k| k.name() == name) {
            crate::i18n::message(&format!("step-kind-{name}"), None)
        } else {
            name.to_string()
        }
    }

    /// The kind a file's `kind` word and (for a highlight step) `task` name; `None` when `kind`
    /// is no kind, or a highlight step's task is missing or unknown.
    pub fn from_words(kind: &str, task: Option<&str>) -> Option<StepKind> {
        StepKind::ALL
            .into_iter()
            .find(|k| k.word() == kind && k.task().is_none_or(|t| Some(t.name()) == task))
    }

    /// Its task, if a highlight step.
    pub fn task(self) -> Option<Task> {
        match self {
            StepKind::Highlight(task) => Some(task),
            _ => None,
        }
    }

    /// Is a step of this kind scored?
    pub fn is_scored(self) -> bool {
        matches!(self, StepKind::Highlight(_) | StepKind::Choice)
    }
}

impl StepBody {
    /// What kind of step asks this.
    pub fn kind(&self) -> StepKind {
        match self {
            StepBody::Read => StepKind::Read,
            StepBody::Highlight { task, .. } => StepKind::Highlight(*task),
            StepBody::Choice { .. } => StepKind::Choice,
            StepBody::Reflect { .. } => StepKind::Reflect,
            StepBody::Investigate { .. } => StepKind::Investigate,
        }
    }
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
    /// What kind of step it is.
    pub fn kind(&self) -> StepKind {
        self.body.kind()
    }

    /// Is this step scored?
    pub fn is_scored(&self) -> bool {
        self.kind().is_scored()
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
        self.kind().task()
    }

    /// A short name of its kind: read, conflict, bias, machine, choice, reflect.
    pub fn kind_name(&self) -> &'static str {
        self.kind().name()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_words() {
        for k in StepKind::ALL {
            assert_eq!(StepKind::from_words(k.word(), k.task().map(Task::name)), Some(k));
        }
        assert_eq!(StepKind::from_words("highlight", None), None);
        assert_eq!(StepKind::from_words("highlight", Some("choice")), None);
        assert_eq!(StepKind::from_words("choice", Some("bias")), Some(StepKind::Choice));
        assert_eq!(StepKind::from_words("highlite", Some("bias")), None);
        let words: Vec<&str> = StepKind::ALL.iter().map(|k| k.word()).collect();
        assert!(crate::lesson::KINDS.iter().all(|w| words.contains(w)));
        let names: Vec<&str> = StepKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "read",
                "bias",
                "machine",
                "conflict",
                "choice",
                "reflect",
                "investigate"
            ]
        );
    }

    #[test]
    fn tasks_and_extents_read_back_from_their_names() {
        for t in Task::ALL {
            assert_eq!(Task::parse(t.name()), Some(t));
        }
        for e in Extent::ALL {
            assert_eq!(Extent::parse(e.name()), Some(e));
        }
        assert_eq!(Task::parse("Bias"), None);
        assert_eq!(Extent::parse("word"), None);
    }
}
