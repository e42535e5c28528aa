//! What the player's step list says about each step: not started, in progress, checked with
//! its score, solution shown, done. A score is the one the student was shown after Check, so
//! the list tells nothing a check did not.

use serde::Serialize;

use crate::grading::session::Session;
use crate::i18n::percent;
use crate::lesson::StepBody;
use crate::tr;

/// How far a student got with one step, as the step list shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepProgress {
    /// A symbol for it: "○" not started, "◐" in progress, "●" checked or solution shown, "✓"
    /// done (a read step opened, a reflect step answered, an exam step answered).
    pub mark: &'static str,
    /// The same in words, e.g. "not started", "in progress", "checked: 0%", "solution shown
    /// (checked: 50%)", "done".
    pub words: String,
}

impl StepProgress {
    fn new(mark: &'static str, words: impl Into<String>) -> Self {
        Self {
            mark,
            words: words.into(),
        }
    }
}

/// What the step list says about step `i` of the session.
pub fn step_progress(s: &Session, i: usize) -> StepProgress {
    let (Some(step), Some(st)) = (s.lesson.steps.get(i), s.steps.get(i)) else {
        return StepProgress::new("○", tr!("grading-progress-not-started"));
    };
    let worked = !st.marks.is_empty() || !st.choices.is_empty() || !st.reflection.trim().is_empty();
    let untouched = || {
        if worked {
            StepProgress::new("◐", tr!("grading-progress-in-progress"))
        } else {
            StepProgress::new("○", tr!("grading-progress-not-started"))
        }
    };
    match &step.body {
        StepBody::Read if st.visited => StepProgress::new("✓", tr!("grading-progress-done")),
        StepBody::Read => StepProgress::new("○", tr!("grading-progress-not-started")),
        StepBody::Reflect { .. } if st.is_done(step) => StepProgress::new("✓", tr!("grading-progress-answered")),
        _ if s.lesson.exam && worked => StepProgress::new("✓", tr!("grading-progress-answered")),
        _ => match &st.checked {
            Some(c) if st.solution_shown => StepProgress::new(
                "●",
                tr!("grading-progress-solution-checked", percent = percent(c.score)),
            ),
            Some(c) => StepProgress::new("●", tr!("grading-progress-checked", percent = percent(c.score))),
            None if st.solution_shown => StepProgress::new("●", tr!("grading-progress-solution")),
            None => untouched(),
        },
    }
}
