//! What the player's step list says about each step: not started, in progress, checked with
//! its score, solution shown, done. A score is the one the student was shown after Check, so
//! the list tells nothing a check did not.

use serde::Serialize;

use crate::grading::session::Session;
use crate::lesson::StepBody;

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
        return StepProgress::new("○", "not started");
    };
    let worked = !st.marks.is_empty() || !st.choices.is_empty() || !st.reflection.trim().is_empty();
    let untouched = || {
        if worked {
            StepProgress::new("◐", "in progress")
        } else {
            StepProgress::new("○", "not started")
        }
    };
    match &step.body {
        StepBody::Read if st.visited => StepProgress::new("✓", "done"),
        StepBody::Read => StepProgress::new("○", "not started"),
        StepBody::Reflect { .. } if st.is_done(step) => StepProgress::new("✓", "answered"),
        _ if s.lesson.exam && worked => StepProgress::new("✓", "answered"),
        _ => match &st.checked {
            Some(c) if st.solution_shown => {
                StepProgress::new("●", format!("solution shown (checked: {:.0}%)", c.score * 100.0))
            }
            Some(c) => StepProgress::new("●", format!("checked: {:.0}%", c.score * 100.0)),
            None if st.solution_shown => StepProgress::new("●", "solution shown"),
            None => untouched(),
        },
    }
}
