//! The outcome of a lesson: every step scored from what the student did, and the weighted lesson
//! score. One function, `lesson_outcome`, over grading data (highlights as `Span`s with
//! labels, picked options, counters); the live session and a handed-in results file both come
//! here, so the summary screen and `lateral score` cannot disagree. No I/O.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::grading::score::{Highlight, ScoreConfig, StepScore, score_choice, score_step};
use crate::lesson::{Lesson, Step, StepBody};

/// What a student did on one step, as scoring needs it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct StepAnswer {
    /// Highlights, by index into the step's articles.
    pub highlights: Vec<Highlight>,
    /// Option indexes picked (choice steps).
    pub choices: Vec<usize>,
    /// Checks made.
    pub attempts: u32,
    /// Hints shown.
    pub hints_used: u32,
    /// Was the solution shown?
    pub solution_shown: bool,
}

/// A student's work on a whole lesson, as scoring needs it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LessonWork {
    /// The student.
    pub student: String,
    /// SHA-256 of the lesson file the work was done with.
    pub lesson_sha256: String,
    /// One answer per step of the lesson, in lesson order (a step not done has the default).
    pub steps: Vec<StepAnswer>,
}

/// One step's recomputed outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepOutcome {
    /// Step id.
    pub step: String,
    /// Step title.
    pub title: String,
    /// read, conflict, bias, machine, choice, reflect.
    pub kind: String,
    /// Score 0–1 for scored steps; `None` for read and reflect steps.
    pub score: Option<f64>,
    /// Weight in the lesson score.
    pub points: f64,
    /// Full detail, for highlight steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<StepScore>,
    /// Checks made.
    pub attempts: u32,
    /// Hints shown.
    pub hints_used: u32,
    /// Was the solution shown?
    pub solution_shown: bool,
}

/// A whole lesson's recomputed outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonOutcome {
    /// The student.
    pub student: String,
    /// The lesson id.
    pub lesson: String,
    /// Was the results file made with this exact lesson file?
    pub same_lesson_version: bool,
    /// Weighted mean of the scored steps (0–1); steps not done count 0.
    pub score: f64,
    /// Per step, in lesson order.
    pub steps: Vec<StepOutcome>,
}

/// Scores one step: `Some((score, detail))` for highlight and choice steps (detail only for
/// highlight steps), `None` for steps that are not scored. `article_lens` are the lengths of the
/// step's articles, in the step's order.
pub(crate) fn score_answer(
    lesson: &Lesson,
    step: &Step,
    article_lens: &[usize],
    highlights: &[Highlight],
    choices: &[usize],
) -> Option<(f64, Option<StepScore>)> {
    match &step.body {
        StepBody::Highlight { .. } => {
            let cfg = ScoreConfig {
                wrong_label_credit: lesson.settings.wrong_label_credit,
            };
            let sc = score_step(article_lens, &step.score_keys(), highlights, cfg);
            Some((sc.score, Some(sc)))
        }
        StepBody::Choice { options, multiple } => {
            let correct: Vec<bool> = options.iter().map(|o| o.correct).collect();
            Some((score_choice(&correct, choices, *multiple), None))
        }
        StepBody::Read | StepBody::Reflect { .. } | StepBody::Investigate { .. } => None,
    }
}

/// Recomputes every score of `lesson` from the student's work: each step from its answer, the
/// lesson score as the mean of the scored steps weighted by their points (steps not done count 0).
pub(crate) fn lesson_outcome(lesson: &Lesson, corpus: &Corpus, work: &LessonWork) -> LessonOutcome {
    let mut steps = Vec::new();
    let mut num = 0.0;
    let mut den = 0.0;
    let default = StepAnswer::default();
    for (i, step) in lesson.steps.iter().enumerate() {
        let w = work.steps.get(i).unwrap_or(&default);
        let lens: Vec<usize> = step
            .articles
            .iter()
            .map(|a| corpus.get(a).map_or(0, |x| x.len()))
            .collect();
        let (score, detail) = match score_answer(lesson, step, &lens, &w.highlights, &w.choices) {
            Some((s, d)) => (Some(s), d),
            None => (None, None),
        };
        if let Some(s) = score {
            num += s * step.points;
            den += step.points;
        }
        steps.push(StepOutcome {
            step: step.id.clone(),
            title: step.title.clone(),
            kind: step.kind_name().into(),
            score,
            points: step.points,
            detail,
            attempts: w.attempts,
            hints_used: w.hints_used,
            solution_shown: w.solution_shown,
        });
    }
    LessonOutcome {
        student: work.student.clone(),
        lesson: lesson.id.clone(),
        same_lesson_version: work.lesson_sha256 == lesson.sha256,
        score: if den > 0.0 { num / den } else { 0.0 },
        steps,
    }
}
