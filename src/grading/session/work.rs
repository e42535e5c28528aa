//! The session's work out and back in: as scoring needs it ([`Session::work`],
//! [`Session::outcome`]), and put back from saved work ([`Session::restore_step`]).

use crate::corpus::Corpus;
use crate::grading::outcome::{LessonOutcome, LessonWork, StepAnswer, lesson_outcome};
use crate::grading::score::Highlight;
use crate::grading::session::{Lookup, MAX_LOOKUPS, Mark, Session};
use crate::lesson::StepBody;

/// Saved work on one step, to put back with [`Session::restore_step`].
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SavedStep {
    /// Highlights (any order; overlapping ones are dropped).
    pub marks: Vec<Mark>,
    /// Picked options (ones the step does not have are dropped).
    pub choices: Vec<usize>,
    /// The written answer.
    pub reflection: String,
    /// Checks made.
    pub attempts: u32,
    /// Hints shown.
    pub hints_used: u32,
    /// Was the answer key revealed?
    pub solution_shown: bool,
    /// Was the step checked (locked until Retry)?
    pub checked: bool,
    /// When first opened (RFC 3339).
    pub started: Option<String>,
    /// When last changed or checked (RFC 3339).
    pub finished: Option<String>,
    /// Source cards opened (investigate steps); only as many as [`MAX_LOOKUPS`] are kept.
    pub lookups: Vec<Lookup>,
}

impl Session {
    /// Puts saved work back on step `i` (as when resuming from a progress file). A hand-edited
    /// file may hold what the app never makes: overlapping highlights, options that do not
    /// exist, repeated options. Only what the app could have made is kept.
    pub(crate) fn restore_step(&mut self, i: usize, saved: SavedStep) {
        let Some(step) = self.lesson.steps.get(i) else { return };
        let mut marks = saved.marks;
        marks.sort();
        let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
        // Sorted by article, then start: a mark overlaps a kept one exactly when it starts
        // before the furthest end kept so far in its article.
        let mut reach: Option<(usize, usize)> = None;
        for m in marks {
            let overlaps = reach.is_some_and(|(a, end)| a == m.article && m.span.start < end);
            if !overlaps {
                reach = Some((m.article, m.span.end));
                kept.push(m);
            }
        }
        let (n_options, multiple) = match &step.body {
            StepBody::Choice { options, multiple } => (options.len(), *multiple),
            _ => (0, false),
        };
        let mut choices: Vec<usize> = saved.choices.into_iter().filter(|&c| c < n_options).collect();
        choices.sort_unstable();
        choices.dedup();
        if !multiple {
            choices.truncate(1);
        }
        let st = &mut self.steps[i];
        st.marks = kept;
        st.choices = choices;
        st.reflection = saved.reflection;
        st.attempts = saved.attempts;
        st.hints_used = saved.hints_used;
        st.solution_shown = saved.solution_shown;
        st.visited = true;
        st.started = saved.started;
        st.finished = saved.finished;
        st.lookups = match step.body {
            StepBody::Investigate { .. } => saved.lookups.into_iter().take(MAX_LOOKUPS).collect(),
            _ => Vec::new(),
        };
        if saved.checked || saved.solution_shown {
            self.steps[i].checked = self.evaluate(i);
        }
        let shown: Vec<String> = self.hint_list(i).into_iter().take(saved.hints_used as usize).collect();
        self.steps[i].shown_hints = shown;
    }

    /// The student's work as scoring needs it: each step's highlights (by index into the step's
    /// articles), choices and counters.
    pub(crate) fn work(&self) -> LessonWork {
        let steps = self
            .lesson
            .steps
            .iter()
            .zip(&self.steps)
            .enumerate()
            .map(|(i, (step, st))| {
                let arts = self.articles_of(i);
                let highlights = st
                    .marks
                    .iter()
                    .filter_map(|m| {
                        let id = arts.get(m.article)?.id();
                        Some(Highlight {
                            article: step.articles.iter().position(|x| x == id)?,
                            span: m.span,
                            label: m.label.clone(),
                        })
                    })
                    .collect();
                StepAnswer {
                    highlights,
                    choices: st.choices.clone(),
                    attempts: st.attempts,
                    hints_used: st.hints_used,
                    solution_shown: st.solution_shown,
                }
            })
            .collect();
        LessonWork {
            student: self.student.clone(),
            lesson_sha256: self.lesson.sha256.clone(),
            steps,
        }
    }

    /// The outcome of the lesson as it stands: every step scored, and the lesson score.
    pub(crate) fn outcome(&self, corpus: &Corpus) -> LessonOutcome {
        lesson_outcome(&self.lesson, corpus, &self.work())
    }
}
