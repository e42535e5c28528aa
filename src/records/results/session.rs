//! A live session and a results file, both ways: saving a session as a results file (which is
//! also the progress file), resuming a session from one, and scoring a handed-in file through
//! the one lesson outcome ([`crate::grading::outcome::lesson_outcome`]).

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::grading::outcome::{LessonOutcome, LessonWork, StepAnswer, lesson_outcome};
use crate::grading::score::Highlight;
use crate::grading::session::{Mark, SavedStep, Session};
use crate::lesson::Lesson;
use crate::records::results::{Results, SavedHighlight, StepWork};
use crate::text::Span;

impl Results {
    /// The student's work in `s` as a results file (also the progress file).
    pub fn from_session(s: &Session) -> Self {
        let lesson = &s.lesson;
        let mut r = Results::new(&s.student, lesson);
        r.started = Some(s.started.clone());
        r.current_step = lesson.steps.get(s.current).map(|st| st.id.clone());
        for (i, (step, st)) in lesson.steps.iter().zip(&s.steps).enumerate() {
            let untouched = st.marks.is_empty() && st.choices.is_empty() && st.reflection.is_empty();
            if !st.visited && untouched && st.lookups.is_empty() {
                continue;
            }
            let arts = s.articles_of(i);
            let highlights = st
                .marks
                .iter()
                .filter_map(|m| {
                    arts.get(m.article)
                        .map(|a| SavedHighlight::new(a, m.span, m.label.clone()))
                })
                .collect();
            r.steps.push(StepWork {
                step: step.id.clone(),
                kind: step.kind_name().into(),
                highlights,
                choices: st.choices.clone(),
                reflection: (!st.reflection.is_empty()).then(|| st.reflection.clone()),
                attempts: st.attempts,
                hints_used: st.hints_used,
                solution_shown: st.solution_shown,
                started: st.started.clone(),
                finished: st.finished.clone(),
                seconds: None,
                lookups: st.lookups.clone(),
                score: st.checked.as_ref().map(|c| c.score),
                checked: st.checked.is_some(),
            });
        }
        r
    }

    /// The work in this file as scoring needs it: per step of `lesson`, the first entry for it,
    /// its highlights placed by their `TextPositionSelector` in the step's articles. Call
    /// [`crate::records::results::validate()`] first.
    pub(crate) fn work(&self, lesson: &Lesson) -> LessonWork {
        let steps = lesson
            .steps
            .iter()
            .map(|step| {
                let Some(w) = self.steps.iter().find(|w| w.step == step.id) else {
                    return StepAnswer::default();
                };
                let highlights = w
                    .highlights
                    .iter()
                    .filter_map(|h| {
                        let a = step.articles.iter().position(|x| x == h.article())?;
                        let (s, e) = h.position()?;
                        Some(Highlight {
                            article: a,
                            span: Span::new(s, e),
                            label: h.label.clone(),
                        })
                    })
                    .collect();
                StepAnswer {
                    highlights,
                    choices: w.choices.clone(),
                    attempts: w.attempts,
                    hints_used: w.hints_used,
                    solution_shown: w.solution_shown,
                }
            })
            .collect();
        LessonWork {
            student: self.student.clone(),
            lesson_sha256: self.lesson.sha256.clone(),
            steps,
        }
    }
}

/// Resumes a session from a results (progress) file made for this lesson. Work for steps the
/// lesson no longer has, or highlights that no longer fit, is dropped.
pub fn restore_session(lesson: Arc<Lesson>, corpus: &Corpus, r: &Results) -> Session {
    let mut s = Session::new(lesson, corpus, &r.student);
    if let Some(st) = &r.started {
        s.started = st.clone();
    }
    for w in &r.steps {
        let Some(i) = s.lesson.steps.iter().position(|st| st.id == w.step) else {
            continue;
        };
        let arts = &s.lesson.steps[i].articles;
        let marks: Vec<Mark> = w
            .highlights
            .iter()
            .filter_map(|h| {
                let a = arts.iter().position(|x| x == h.article())?;
                let (start, end) = h.position()?;
                let len = s.articles_of(i).get(a)?.len();
                (start < end && end <= len).then(|| Mark {
                    article: a,
                    span: Span::new(start, end),
                    label: h.label.clone(),
                })
            })
            .collect();
        let saved = SavedStep {
            marks,
            choices: w.choices.clone(),
            reflection: w.reflection.clone().unwrap_or_default(),
            attempts: w.attempts,
            hints_used: w.hints_used,
            solution_shown: w.solution_shown,
            checked: w.checked,
            started: w.started.clone(),
            finished: w.finished.clone(),
            lookups: w.lookups.clone(),
        };
        s.restore_step(i, saved);
    }
    let cur = r
        .current_step
        .as_ref()
        .and_then(|id| s.lesson.steps.iter().position(|st| &st.id == id))
        .unwrap_or(0);
    s.go_to(cur);
    s
}

/// Recomputes every score from the student's work in a results file: its work as grading data,
/// scored by the one lesson outcome (`grading::outcome::lesson_outcome`). Call [`crate::records::results::validate()`] first.
pub fn score_results(r: &Results, lesson: &Lesson, corpus: &Corpus) -> LessonOutcome {
    lesson_outcome(lesson, corpus, &r.work(lesson))
}
