//! The end-of-lesson summary: score per step, what to review, and handing in.

use crate::tr;
use std::path::Path;

use egui::{RichText, Ui};

use super::player::PlayerCmd;
use crate::app::theme::Theme;
use crate::app::{Command, Shared};
use crate::corpus::Corpus;
use crate::grading::feedback::{step_result, summary_review, summary_score_line};
use crate::grading::session::Session;
use crate::records::results::{LessonOutcome, Results};

/// The summary's state: the lesson's scores, worked out once when it opens.
pub(crate) struct SummaryScreen {
    outcome: LessonOutcome,
}

impl SummaryScreen {
    /// Scores the session (once here, not on every frame of the summary).
    pub(crate) fn new(s: &Session, corpus: &Corpus) -> Self {
        Self {
            outcome: s.outcome(corpus),
        }
    }

    /// The end-of-lesson summary of `s`: score per step and what to review.
    pub(crate) fn ui(&self, ui: &mut Ui, s: &Session, handin_dir: &Path, theme: &Theme) -> Vec<Command> {
        let mut cmds = Vec::new();
        let outcome = &self.outcome;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("summary").show(ui, |ui| {
                heading_ui(ui, s, theme);
                ui.add_space(10.0);
                egui::Grid::new("summary-grid")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| steps_ui(ui, s, outcome));
                ui.add_space(10.0);
                if !s.lesson.exam {
                    review_ui(ui, s);
                }
                ui.add_space(10.0);
                ui.horizontal(|ui| buttons_ui(ui, s, handin_dir, &mut cmds));
            });
        });
        cmds
    }
}

/// The title and the lesson score (or, in an exam, who grades it).
fn heading_ui(ui: &mut Ui, s: &Session, theme: &Theme) {
    ui.heading(tr!("summary-heading", title = s.lesson.title.as_str()));
    if s.lesson.exam {
        ui.label(RichText::new(tr!("summary-exam")).strong());
    } else {
        ui.label(
            RichText::new(summary_score_line(s))
                .size(theme.font_size * 1.2)
                .strong(),
        );
    }
}

/// One grid row per step: title, kind, how it went.
fn steps_ui(ui: &mut Ui, s: &Session, outcome: &LessonOutcome) {
    for (i, o) in outcome.steps.iter().enumerate() {
        ui.label(format!("{}. {}", i + 1, o.title));
        ui.label(crate::lesson::StepKind::shown_name_of(&o.kind));
        ui.label(step_result(s, i, o.score));
        ui.end_row();
    }
}

/// What to review, as `grading::feedback::summary_review` allows: no keys of steps not checked.
fn review_ui(ui: &mut Ui, s: &Session) {
    ui.heading(tr!("summary-review"));
    let lines = summary_review(s);
    for l in &lines {
        ui.label(l);
    }
    if lines.is_empty() {
        ui.label(tr!("summary-nothing-to-review"));
    }
}

/// Hand in, Hand in as…, back to the lesson, back to the lessons.
fn buttons_ui(ui: &mut Ui, s: &Session, handin_dir: &Path, cmds: &mut Vec<Command>) {
    if ui
        .button(RichText::new(tr!("summary-hand-in")).strong())
        .on_hover_text(tr!("summary-hand-in.hover", folder = handin_dir.display().to_string()))
        .clicked()
    {
        cmds.push(Command::HandIn);
    }
    if ui.button(tr!("summary-hand-in-as")).clicked() {
        cmds.push(Command::HandInAs);
    }
    if ui.button(tr!("summary-back-to-lesson")).clicked() {
        cmds.push(Command::Player(PlayerCmd::GoToStep(s.current)));
    }
    if ui.button(tr!("summary-back-to-lessons")).clicked() {
        cmds.push(Command::ToLibrary);
    }
}

/// Saves the open lesson's results in `dir` (as `name`, or `<student>-<lesson>.json`).
#[cfg_attr(
    target_arch = "wasm32",
    allow(dead_code, reason = "the web build hands in by download")
)]
pub(crate) fn hand_in(shared: &mut Shared, s: &Session, dir: &Path, name: Option<String>) {
    let h = crate::records::hand_in::hand_in(&Results::from_session(s), dir, name);
    shared.notice = Some(match h.written {
        Ok(()) => tr!("summary-handed-in", file = h.path.display().to_string()),
        Err(e) => tr!(
            "summary-hand-in-failed",
            file = h.path.display().to_string(),
            reason = e.to_string()
        ),
    });
}
