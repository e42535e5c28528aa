//! Exam packs: lessons for the students' laptops without their answer keys.
//!
//! A pack is one JSON file (`NAME.lateral-exam`) holding each lesson's steps, prose, options'
//! texts and the label palette, and the articles it uses, whole. It holds no key span, no
//! explanation, no hint, no key label, no "correct" flag and no offset, so nothing on a
//! student's laptop gives the answers away. Each lesson keeps the SHA-256 of the full lesson
//! file, so handed-in results are graded against the full lesson on the teacher's machine.

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, ArticleMeta, Corpus};
use crate::lesson::{ChoiceOption, Label, Lesson, Settings, Step, StepBody, Task};

/// The value of `format` in a pack.
pub const FORMAT: &str = "lateral-exam-pack";

/// A pack file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

/// An article, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

/// Makes a pack of `lessons` (which must be playable) with the articles they use.
pub fn make_pack(lessons: &[Lesson], corpus: &Corpus) -> Pack {
    let mut articles: Vec<PackArticle> = Vec::new();
    let packed = lessons
        .iter()
        .map(|l| {
            let mut palette: Vec<PackLabel> = Vec::new();
            let steps = l
                .steps
                .iter()
                .map(|s| {
                    for a in &s.articles {
                        if !articles.iter().any(|x| &x.id == a)
                            && let Some(art) = corpus.get(a)
                        {
                            let m = &art.meta;
                            articles.push(PackArticle {
                                id: m.id.clone(),
                                outlet: m.outlet.clone(),
                                headline: m.headline.clone(),
                                date: m.date.clone(),
                                byline: m.byline.clone(),
                                outlet_kind: m.outlet_kind.clone(),
                                fictional: m.fictional,
                                text: art.text.as_str().to_string(),
                            });
                        }
                    }
                    let (kind, task, labels, options, multiple, min_words) = match &s.body {
                        StepBody::Read => ("read", None, vec![], vec![], false, 0),
                        StepBody::Highlight { task, labels, .. } => {
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
                            (
                                "highlight",
                                Some(task.name().to_string()),
                                labels.clone(),
                                vec![],
                                false,
                                0,
                            )
                        }
                        StepBody::Choice { options, multiple } => (
                            "choice",
                            None,
                            vec![],
                            options.iter().map(|o| o.text.clone()).collect(),
                            *multiple,
                            0,
                        ),
                        StepBody::Reflect { min_words } => ("reflect", None, vec![], vec![], false, *min_words),
                    };
                    PackStep {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        prose: s.prose.clone(),
                        kind: kind.into(),
                        task,
                        articles: s.articles.clone(),
                        labels,
                        options,
                        multiple,
                        min_words,
                    }
                })
                .collect();
            PackLesson {
                id: l.id.clone(),
                title: l.title.clone(),
                summary: l.summary.clone(),
                minutes: l.minutes,
                intro: l.intro.clone(),
                sha256: l.sha256.clone(),
                palette,
                steps,
            }
        })
        .collect();
    Pack {
        format: FORMAT.into(),
        version: 1,
        lessons: packed,
        articles,
    }
}

/// Reads a pack back into lessons (marked `exam`, with no keys) and their articles.
pub fn open_pack(json: &str, name: &str) -> Result<(Vec<Lesson>, Corpus), String> {
    let pack: Pack = serde_json::from_str(json).map_err(|e| format!("{name} is not a readable exam pack: {e}"))?;
    if pack.format != FORMAT {
        return Err(format!("{name} is not an exam pack (format is “{}”)", pack.format));
    }
    let mut corpus = Corpus::new();
    for a in &pack.articles {
        let meta = ArticleMeta {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            headline: a.headline.clone(),
            date: a.date.clone(),
            byline: a.byline.clone(),
            outlet_kind: a.outlet_kind.clone(),
            fictional: a.fictional,
            ..Default::default()
        };
        corpus
            .add(Article::new(meta, format!("{name}:{}", a.id), &a.text))
            .map_err(|d| d.message)?;
    }
    let lessons = pack
        .lessons
        .into_iter()
        .map(|l| {
            let labels: Vec<Label> = l
                .palette
                .iter()
                .map(|p| Label {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    description: p.description.clone(),
                    task: None,
                })
                .collect();
            let steps = l
                .steps
                .into_iter()
                .map(|s| {
                    let body = match s.kind.as_str() {
                        "highlight" => StepBody::Highlight {
                            task: match s.task.as_deref() {
                                Some("conflict") => Task::Conflict,
                                Some("machine") => Task::Machine,
                                _ => Task::Bias,
                            },
                            labels: s.labels,
                            keys: Vec::new(),
                        },
                        "choice" => StepBody::Choice {
                            options: s
                                .options
                                .into_iter()
                                .map(|text| ChoiceOption {
                                    text,
                                    correct: false,
                                    explanation: None,
                                })
                                .collect(),
                            multiple: s.multiple,
                        },
                        "reflect" => StepBody::Reflect { min_words: s.min_words },
                        _ => StepBody::Read,
                    };
                    let points = if matches!(body, StepBody::Highlight { .. } | StepBody::Choice { .. }) {
                        1.0
                    } else {
                        0.0
                    };
                    Step {
                        id: s.id,
                        title: s.title,
                        prose: s.prose,
                        articles: s.articles,
                        hints: Vec::new(),
                        points,
                        body,
                        line: 0,
                    }
                })
                .collect();
            Lesson {
                id: l.id,
                title: l.title,
                summary: l.summary,
                minutes: l.minutes,
                author: None,
                intro: l.intro,
                settings: Settings {
                    retry: false,
                    max_attempts: None,
                    show_solution: false,
                    hints: false,
                    wrong_label_credit: 0.5,
                },
                labels,
                steps,
                file: name.to_string(),
                sha256: l.sha256,
                exam: true,
            }
        })
        .collect();
    Ok((lessons, corpus))
}

/// The lessons of a pack as a library the app can show.
pub fn pack_library(json: &str, name: &str) -> Result<crate::library::Library, String> {
    let (lessons, corpus) = open_pack(json, name)?;
    let lessons = lessons
        .into_iter()
        .map(|l| crate::library::LessonFile {
            path: name.to_string(),
            lesson: Some(l),
            diagnostics: Vec::new(),
        })
        .collect();
    Ok(crate::library::Library {
        corpus,
        lessons,
        diagnostics: Vec::new(),
        articles_from_disk: 0,
    })
}
