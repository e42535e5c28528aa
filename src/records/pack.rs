//! Exam packs: lessons for the students' laptops without their answer keys.
//!
//! A pack is one JSON file (`NAME.lateral-exam`) holding each lesson's steps, prose, options'
//! texts and the label palette, and the articles it uses, whole. It holds no key span, no
//! explanation, no hint, no key label, no "correct" flag and no offset, so nothing on a
//! student's laptop gives the answers away. Each lesson keeps the SHA-256 of the full lesson
//! file, so handed-in results are graded against the full lesson on the teacher's machine.

use serde::{Deserialize, Serialize};

mod open;
mod read;

pub use open::{open_pack, pack_library};
pub use read::read_pack;

use crate::corpus::{Article, Corpus};
use crate::lesson::{CardRef, Lesson, Step, StepBody, StepKind, Task};

/// The value of `format` in a pack.
pub const FORMAT: &str = "lateral-exam-pack";

/// The file name extension of a pack (`NAME.lateral-exam`), also registered with the desktop
/// (the `.deb`'s MIME type, the Windows installer's file association: `tests/packaging.rs`).
pub const EXTENSION: &str = "lateral-exam";

/// Is `p` an exam pack, by its name (`NAME.lateral-exam`, any case)?
pub fn is_pack_path(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// Is a file named `name` (as a browser names a file picked) an exam pack, by its name?
pub fn is_pack_name(name: &str) -> bool {
    crate::files::given::extension(name).as_deref() == Some(EXTENSION)
}

/// A pack file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always `lateral-exam-pack`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The lessons, without keys.
    pub lessons: Vec<PackLesson>,
    /// The articles they use, whole.
    pub articles: Vec<PackArticle>,
}

impl Pack {
    /// Pretty JSON, as written to a `.lateral-exam` file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A lesson without its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackLesson {
    /// Lesson id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Suggested minutes.
    pub minutes: Option<u32>,
    /// Introduction (Markdown).
    pub intro: String,
    /// SHA-256 of the full lesson file (for grading).
    pub sha256: String,
    /// The labels offered in its steps.
    pub palette: Vec<PackLabel>,
    /// Its steps.
    pub steps: Vec<PackStep>,
}

/// A label offered to students.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackLabel {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Help text.
    pub description: String,
}

/// A step without its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackStep {
    /// Step id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Instructions.
    pub prose: String,
    /// read, highlight, choice, reflect.
    pub kind: String,
    /// conflict, bias or machine (highlight steps).
    pub task: Option<String>,
    /// Articles shown.
    pub articles: Vec<String>,
    /// Label ids offered (highlight steps).
    pub labels: Vec<String>,
    /// Option texts (choice steps), in order.
    pub options: Vec<String>,
    /// May several options be picked?
    pub multiple: bool,
    /// Fewest words (reflect steps).
    pub min_words: u32,
    /// The source cards offered (investigate steps), each in one of the step's articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardRef>,
}

/// A source card of an article (see [`crate::corpus::cards`]): facts about who is behind it,
/// which students look up in an investigate step. Not answer-key material.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackCard {
    /// Id, unique among the article's cards.
    pub id: String,
    /// The question shown before it is opened.
    pub title: String,
    /// The facts.
    pub text: String,
    /// Where the facts come from.
    pub source: String,
}

/// An article, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackArticle {
    /// Id.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub headline: String,
    /// Date.
    pub date: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// What kind of outlet.
    pub outlet_kind: String,
    /// Fictional?
    pub fictional: bool,
    /// The displayed text.
    pub text: String,
    /// Its source cards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<PackCard>,
}

/// Makes a pack of `lessons` (which must be playable) with the articles they use.
pub fn make_pack(lessons: &[Lesson], corpus: &Corpus) -> Pack {
    let mut articles: Vec<PackArticle> = Vec::new();
    let packed = lessons
        .iter()
        .map(|l| {
            for a in l.steps.iter().flat_map(|s| &s.articles) {
                if !articles.iter().any(|x| &x.id == a)
                    && let Some(art) = corpus.get(a)
                {
                    articles.push(PackArticle::of(art));
                }
            }
            PackLesson::of(l)
        })
        .collect();
    Pack {
        format: FORMAT.into(),
        version: 1,
        lessons: packed,
        articles,
    }
}

impl PackArticle {
    fn of(art: &Article) -> Self {
        let m = &art.meta;
        PackArticle {
            id: m.id.clone(),
            outlet: m.outlet.clone(),
            headline: m.headline.clone(),
            date: m.date.clone(),
            byline: m.byline.clone(),
            outlet_kind: m.outlet_kind.clone(),
            fictional: m.fictional,
            text: art.text.as_str().to_string(),
            cards: m
                .cards
                .iter()
                .map(|c| PackCard {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    text: c.text.clone(),
                    source: c.source.clone(),
                })
                .collect(),
        }
    }
}

impl PackLesson {
    /// The lesson without its keys; its palette is the labels its steps offer, in first use.
    fn of(l: &Lesson) -> Self {
        let mut palette: Vec<PackLabel> = Vec::new();
        for s in &l.steps {
            let StepBody::Highlight { labels, .. } = &s.body else {
                continue;
            };
            for id in labels {
                if !palette.iter().any(|p| &p.id == id)
                    && let Some(lab) = l.label(id)
                {
                    palette.push(PackLabel {
                        id: lab.id.clone(),
                        name: lab.name.clone(),
                        description: lab.description.clone(),
                    });
                }
            }
        }
        PackLesson {
            id: l.id.clone(),
            title: l.title.clone(),
            summary: l.summary.clone(),
            minutes: l.minutes,
            intro: l.intro.clone(),
            sha256: l.sha256.clone(),
            palette,
            steps: l.steps.iter().map(PackStep::of).collect(),
        }
    }
}

impl PackStep {
    /// Its kind, from its `kind` and `task` words: a highlight step with no known task is taken
    /// as a bias step (its task is checked on its own); `None` when `kind` is no kind of step.
    fn step_kind(&self) -> Option<StepKind> {
        StepKind::from_words(&self.kind, self.task.as_deref())
            .or_else(|| StepKind::from_words(&self.kind, Some(Task::Bias.name())))
    }

    /// The step as a student sees it before checking: no keys, hints or correct flags.
    fn of(s: &Step) -> Self {
        let cards = match &s.body {
            StepBody::Investigate { cards } => cards.clone(),
            _ => Vec::new(),
        };
        let (labels, options, multiple, min_words) = match &s.body {
            StepBody::Read | StepBody::Investigate { .. } => (vec![], vec![], false, 0),
            StepBody::Highlight { labels, .. } => (labels.clone(), vec![], false, 0),
            StepBody::Choice { options, multiple } => {
                let options = options.iter().map(|o| o.text.clone()).collect();
                (vec![], options, *multiple, 0)
            }
            StepBody::Reflect { min_words } => (vec![], vec![], false, *min_words),
        };
        let kind = s.kind();
        PackStep {
            id: s.id.clone(),
            title: s.title.clone(),
            prose: s.prose.clone(),
            kind: kind.word().into(),
            task: kind.task().map(|t| t.name().to_string()),
            articles: s.articles.clone(),
            labels,
            options,
            multiple,
            min_words,
            cards,
        }
    }
}

/// The pack format version this Lateral writes and reads.
pub(crate) const VERSION: u32 = 1;

#[cfg(test)]
mod tests;
