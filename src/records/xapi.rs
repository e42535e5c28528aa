//! A graded class as xAPI (Experience API 1.0.3) statements for a school's Learning Record
//! Store: per scored step an `answered` statement (the highlights or the options picked as the
//! response), per lesson a `completed` statement with the lesson score and whether it reached
//! the pass mark. The verbs are the ADL ones H5P uses for its highlight tasks, so a platform
//! reports both alike. Small serde structs of our own: the published xAPI crates are GPL.
//!
//! Scores come from the recomputed outcome, never from the file.

use serde::Serialize;

use crate::lesson::{Lesson, StepBody};
use crate::records::grade::{Graded, Report};
use crate::records::gradebook::Roster;

/// ADL's verb for a step checked.
pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// ADL's verb for a lesson finished.
pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// One statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    /// Who.
    pub actor: Actor,
    /// Did what.
    pub verb: Verb,
    /// To what.
    pub object: Activity,
    /// How it went.
    pub result: XResult,
    /// When (the results file's last write), RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// An Agent identified by an account on the school's system (its one identifier).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// Always `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// The student's name, for people reading.
    pub name: String,
    /// The account.
    pub account: Account,
}

/// An account: the school's home page and the student's id there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Account {
    /// The school system's address.
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The student's id (the roster's `id`, else the name as typed).
    pub name: String,
}

/// A verb.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verb {
    /// Its IRI.
    pub id: &'static str,
    /// Its name, by language.
    pub display: LangMap,
}

/// A text by language tag.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LangMap {
    /// English.
    #[serde(rename = "en-US")]
    pub en_us: String,
}

/// A lesson or one of its steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Activity {
    /// Always `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// Its IRI: `urn:lateral:lesson:<id>` or `…:step:<id>`.
    pub id: String,
    /// What it is.
    pub definition: Definition,
}

/// An activity's definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    /// Its title.
    pub name: LangMap,
    /// Its type IRI.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// For a step: `choice` (a choice step) or `other` (highlights).
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<&'static str>,
}

/// A result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XResult {
    /// The score.
    pub score: Score,
    /// Did the lesson reach the pass mark (lesson statements only)?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// Finished?
    pub completion: bool,
    /// The answer: highlights as `article:start-end` (char offsets), options as their
    /// indexes, joined by `[,]` as xAPI interactions are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

/// A score: `scaled` in [0, 1], `raw` between `min` and `max`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// 0–1.
    pub scaled: f64,
    /// Points earned.
    pub raw: f64,
    /// 0.
    pub min: f64,
    /// Points possible.
    pub max: f64,
}

fn round4(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
}

/// Every statement for a graded class: each student's scored steps, then their lesson.
/// `home_page` is the school system's address for the actors' accounts, `pass_mark` (0–1) the
/// lesson score that counts as success.
pub fn statements(
    report: &Report,
    lesson: &Lesson,
    roster: &Roster,
    home_page: &str,
    pass_mark: f64,
) -> Vec<Statement> {
    let mut out = Vec::new();
    for g in &report.graded {
        let actor = actor(g, roster, home_page);
        for (step, o) in lesson.steps.iter().zip(&g.outcome.steps) {
            let Some(score) = o.score else { continue };
            let interaction = matches!(step.body, StepBody::Choice { .. }).then_some("choice");
            out.push(Statement {
                actor: actor.clone(),
                verb: verb(ANSWERED, "answered"),
                object: Activity {
                    object_type: "Activity",
                    id: format!("urn:lateral:lesson:{}:step:{}", lesson.id, step.id),
                    definition: Definition {
                        name: LangMap {
                            en_us: step.title.clone(),
                        },
                        kind: "http://adlnet.gov/expapi/activities/cmi.interaction",
                        interaction_type: Some(interaction.unwrap_or("other")),
                    },
                },
                result: XResult {
                    score: Score {
                        scaled: round4(score),
                        raw: round4(score),
                        min: 0.0,
                        max: 1.0,
                    },
                    success: None,
                    completion: true,
                    response: Some(response(g, &step.id)),
                },
                timestamp: g.results.updated.clone(),
            });
        }
        let total = lesson.total_points();
        let scaled = round4(g.outcome.score);
        out.push(Statement {
            actor,
            verb: verb(COMPLETED, "completed"),
            object: Activity {
                object_type: "Activity",
                id: format!("urn:lateral:lesson:{}", lesson.id),
                definition: Definition {
                    name: LangMap {
                        en_us: lesson.title.clone(),
                    },
                    kind: "http://adlnet.gov/expapi/activities/lesson",
                    interaction_type: None,
                },
            },
            result: XResult {
                score: Score {
                    scaled,
                    raw: (scaled * total * 10_000.0).round() / 10_000.0,
                    min: 0.0,
                    max: total,
                },
                success: Some(scaled >= pass_mark),
                completion: true,
                response: None,
            },
            timestamp: g.results.updated.clone(),
        });
    }
    out
}

fn verb(id: &'static str, name: &str) -> Verb {
    Verb {
        id,
        display: LangMap { en_us: name.into() },
    }
}

fn actor(g: &Graded, roster: &Roster, home_page: &str) -> Actor {
    let student = &g.results.student;
    let id = roster
        .find(student)
        .and_then(|e| e.fields.get("id").filter(|v| !v.is_empty()).cloned())
        .unwrap_or_else(|| student.clone());
    Actor {
        object_type: "Agent",
        name: student.clone(),
        account: Account {
            home_page: home_page.into(),
            name: id,
        },
    }
}

/// The student's answer on a step, as xAPI joins a response's parts.
fn response(g: &Graded, step: &str) -> String {
    let Some(w) = g.results.steps.iter().find(|w| w.step == step) else {
        return String::new();
    };
    let mut parts: Vec<String> = w
        .highlights
        .iter()
        .filter_map(|h| h.position().map(|(s, e)| format!("{}:{s}-{e}", h.article())))
        .collect();
    parts.extend(w.choices.iter().map(usize::to_string));
    parts.join("[,]")
}
