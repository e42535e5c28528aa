//! The action bar under the step: the labels (the armed one named, a legend once checked), then
//! two groups of buttons that never overlap: Check, editing and help on the left (wrapping onto
//! more rows when they must), the step's score, Previous and Next on the right. When the left
//! group would get too little room beside the right one, the right one takes a row of its own.

use egui::{Align, Layout, Rect, RichText, Ui, UiBuilder, vec2};

use super::view::player;
use super::{PlayerCmd, PlayerScreen, step_labels};
use crate::app::Command;
use crate::app::theme::Theme;
use crate::grading::feedback::score_words;
use crate::grading::session::Session;
use crate::i18n::percent;
use crate::lesson::StepBody;
use crate::tr;

/// The narrowest the left group may be beside the right one; narrower, they take a row each.
const MIN_LEFT: f32 = 260.0;

impl PlayerScreen {
    /// The bar under the step: labels, then Check, editing, help and moving on.
    pub(super) fn actions_ui(&self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        if !step_labels(s).is_empty() {
            self.labels_ui(ui, theme, cmds);
        }
        let full = ui.available_width();
        let gap = 2.0 * ui.spacing().item_spacing.x;
        let row_h = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y);
        let top = ui.cursor().min;
        let row = Rect::from_min_size(top, vec2(full, row_h));
        let mut right = ui.new_child(
            UiBuilder::new()
                .max_rect(row)
                .layout(Layout::right_to_left(Align::Center)),
        );
        moving_on_ui(&mut right, s, cmds);
        let right_rect = right.min_rect();
        let left_w = full - right_rect.width() - gap;
        if left_w >= MIN_LEFT {
            let left_area = Rect::from_min_size(top, vec2(left_w, row_h));
            let mut left = ui.new_child(
                UiBuilder::new()
                    .max_rect(left_area)
                    .layout(Layout::left_to_right(Align::Center).with_main_wrap(true)),
            );
            self.buttons_ui(&mut left, cmds);
            ui.advance_cursor_after_rect(left.min_rect().union(right_rect));
        } else {
            ui.advance_cursor_after_rect(right_rect);
            ui.horizontal_wrapped(|ui| self.buttons_ui(ui, cmds));
        }
    }

    /// Hand in (exams), Check, the editing buttons, and help.
    fn buttons_ui(&self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let s = &self.session;
        let scored = s.step().is_scored() && !s.lesson.exam;
        if s.lesson.exam
            && ui
                .button(RichText::new(tr!("player-hand-in")).strong())
                .on_hover_text(tr!("player-hand-in.hover"))
                .clicked()
        {
            cmds.push(Command::HandIn);
        }
        if scored {
            let blocked = s.check_blocked();
            let r = ui.add_enabled(
                blocked.is_none(),
                egui::Button::new(RichText::new(tr!("player-check")).strong()),
            );
            if r.clicked() {
                cmds.push(player(PlayerCmd::Check));
            }
        }
        // Once checked, the editing buttons would only be greyed out: they go.
        if matches!(s.step().body, StepBody::Highlight { .. }) && !s.locked() {
            self.editing_ui(ui, cmds);
        }
        help_ui(ui, s, scored, cmds);
    }

    /// The step's labels. While the student may highlight: which label new highlights get (or
    /// which the selected highlight has), and one button per label. Once checked: a legend,
    /// plain coloured names that are not buttons.
    fn labels_ui(&self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        let labels = step_labels(s);
        let chip = |i: usize, id: &str| {
            let name = s.lesson.label(id).map_or(id.to_string(), |l| l.shown_name());
            theme.label_chip(i, &name)
        };
        let tip = |id: &str| s.lesson.label(id).map_or(String::new(), |l| l.shown_description());
        ui.horizontal_wrapped(|ui| {
            if s.locked() {
                ui.label(RichText::new(tr!("player-labels")).strong());
                for (i, id) in labels.iter().enumerate() {
                    ui.label(chip(i, id)).on_hover_text(tip(id));
                }
                return;
            }
            if let Some(i) = self.active_label.filter(|i| *i < labels.len()) {
                let what = if self.selected.is_some() {
                    tr!("player-label-selected")
                } else {
                    tr!("player-label-new")
                };
                // One label, so a screen reader reads "New highlights get: 2 Loaded word".
                let mut job = egui::text::LayoutJob::default();
                let style = ui.style().clone();
                for part in [RichText::new(format!("{what} ")).strong(), chip(i, labels[i]).strong()] {
                    part.append_to(&mut job, &style, egui::FontSelection::Default, Align::Center);
                }
                ui.label(job);
                ui.add_space(12.0);
            }
            ui.label(tr!("player-pick-label"));
            for (i, id) in labels.iter().enumerate() {
                let b = egui::Button::selectable(self.active_label == Some(i), chip(i, id));
                if ui.add(b).on_hover_text(tip(id)).clicked() {
                    cmds.push(player(PlayerCmd::SetLabel(i)));
                }
            }
        });
    }

    /// Remove highlight, Undo, Redo.
    fn editing_ui(&self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        if ui
            .add_enabled(
                self.selected.is_some(),
                egui::Button::new(tr!("player-remove-highlight")),
            )
            .clicked()
        {
            cmds.push(player(PlayerCmd::RemoveSelected));
        }
        if ui.button(tr!("player-undo")).clicked() {
            cmds.push(player(PlayerCmd::Undo));
        }
        if ui.button(tr!("player-redo")).clicked() {
            cmds.push(player(PlayerCmd::Redo));
        }
    }
}

/// Hint, Retry, Show solution: as the lesson's settings allow.
fn help_ui(ui: &mut Ui, s: &Session, scored: bool, cmds: &mut Vec<Command>) {
    let step = s.step();
    if s.lesson.settings.hints
        && (!step.hints.is_empty() || step.keys().iter().any(|k| !k.hints.is_empty()))
        && ui
            .add_enabled(s.hint_available(), egui::Button::new(tr!("player-hint")))
            .clicked()
    {
        cmds.push(player(PlayerCmd::Hint));
    }
    if s.can_retry() {
        if ui.button(tr!("player-retry-keep")).clicked() {
            cmds.push(player(PlayerCmd::Retry(true)));
        }
        if ui.button(tr!("player-retry-over")).clicked() {
            cmds.push(player(PlayerCmd::Retry(false)));
        }
    }
    if s.lesson.settings.show_solution
        && scored
        && ui
            .add_enabled(s.can_show_solution(), egui::Button::new(tr!("player-show-solution")))
            .clicked()
    {
        cmds.push(player(PlayerCmd::ShowSolution));
    }
}

/// Next step or Finish, Previous step, and the step's score (right to left).
fn moving_on_ui(ui: &mut Ui, s: &Session, cmds: &mut Vec<Command>) {
    let last = s.current + 1 >= s.lesson.steps.len();
    if last {
        if ui.button(RichText::new(tr!("player-finish-next")).strong()).clicked() {
            cmds.push(Command::Finish);
        }
    } else if ui.button(RichText::new(tr!("player-next-step")).strong()).clicked() {
        cmds.push(player(PlayerCmd::GoToStep(s.current + 1)));
    }
    if s.current > 0 && ui.button(tr!("player-previous-step")).clicked() {
        cmds.push(player(PlayerCmd::GoToStep(s.current - 1)));
    }
    if let Some(c) = &s.state().checked {
        ui.label(RichText::new(format!("{} · {}", score_words(c.score), percent(c.score))).strong());
    }
}
