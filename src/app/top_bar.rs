//! The bar at the top of every screen: who is reading, the way back, keyboard help, zoom, text
//! size, theme, and the notice.
//!
//! Its controls are added left to right, so Tab and a screen reader meet them in reading order;
//! the settings group is pushed to the right edge by the width it took last frame.

use egui::{RichText, Ui};

use super::theme::Theme;
use super::{Command, Screen, Shared};
use crate::grading::score::Verdict;

/// Draws the top bar over `screen` (`previewing`: a teacher's preview is playing; `zoom`: the
/// window's zoom).
pub(crate) fn top_bar(
    ui: &mut Ui,
    shared: &Shared,
    screen: Screen,
    previewing: bool,
    zoom: f32,
    theme: &Theme,
) -> Vec<Command> {
    let mut cmds = Vec::new();
    egui::Panel::top("top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Lateral").strong().size(18.0));
            if let Some(student) = &shared.student {
                ui.separator();
                ui.label(format!("Student: {student}"));
                if ui.button("Switch student").clicked() {
                    cmds.push(Command::SwitchStudent);
                }
            }
            back_ui(ui, screen, previewing, &mut cmds);
            // Only where no lesson is open: never two clicks from a student's lesson. The PIN
            // dialog comes first.
            if !previewing
                && matches!(screen, Screen::Students | Screen::Library)
                && ui
                    .button("Teacher view")
                    .on_hover_text("Edit lessons and see the class (asks for the teacher PIN)")
                    .clicked()
            {
                cmds.push(Command::TeacherView);
            }
            right_aligned(ui, |ui| {
                super::language::menu(ui, shared.locale, &mut cmds);
                settings_ui(ui, theme, zoom, &mut cmds);
            });
        });
        if let Some(n) = &shared.notice {
            ui.colored_label(theme.verdict_color(Verdict::Partly), n);
        }
    });
    cmds
}

/// The way back from a lesson, a preview or the teacher's view (Escape does the same).
fn back_ui(ui: &mut Ui, screen: Screen, previewing: bool, cmds: &mut Vec<Command>) {
    let (text, tip, cmd) = match screen {
        _ if previewing => (
            "◀ Back to editing",
            "Leave the preview (Escape)",
            Command::BackToEditing,
        ),
        Screen::Player | Screen::Summary => ("◀ Lessons", "Back to the lessons (Escape)", Command::ToLibrary),
        Screen::Teacher => (
            "◀ Leave teacher view",
            "Back to where you opened it from (Escape)",
            Command::LeaveTeacher,
        ),
        _ => return,
    };
    if previewing {
        ui.separator();
        ui.label(RichText::new("Preview as student").strong());
    }
    if ui.button(text).on_hover_text(tip).clicked() {
        cmds.push(cmd);
    }
}

/// Draws `add` left to right against the right edge, using the width it took last frame.
fn right_aligned(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let id = ui.scope_id().with("right-aligned-width");
    let width: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    ui.add_space((ui.available_width() - width).max(0.0));
    let used = ui.horizontal(add).response.rect.width();
    if (used - width).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(id, used));
        ui.ctx().request_repaint();
    }
}

/// Keyboard help, zoom, text size, theme (left to right).
fn settings_ui(ui: &mut Ui, theme: &Theme, zoom: f32, cmds: &mut Vec<Command>) {
    if ui
        .button("Keyboard help")
        .on_hover_text("Every keyboard shortcut (F1 or ?)")
        .clicked()
    {
        cmds.push(Command::Help(true));
    }
    ui.separator();
    if (zoom - 1.0).abs() > 0.01 {
        ui.label(format!("Zoom {:.0}%", zoom * 100.0))
            .on_hover_text("Ctrl + and Ctrl − zoom everything; Ctrl 0 goes back to 100%");
    }
    ui.label(format!("Text {:.0}", theme.font_size));
    described_button(ui, "A−", "Smaller reading text", Command::FontSmaller, cmds);
    described_button(ui, "A+", "Larger reading text", Command::FontBigger, cmds);
    let theme_label = if theme.dark { "Light theme" } else { "Dark theme" };
    if ui.button(theme_label).clicked() {
        cmds.push(Command::ToggleTheme);
    }
}

/// A short button whose meaning is its tooltip, given to screen readers as its description.
fn described_button(ui: &mut Ui, text: &str, what: &str, cmd: Command, cmds: &mut Vec<Command>) {
    let r = ui.button(text).on_hover_text(what);
    ui.ctx().accesskit_node_builder(r.id, |n| n.set_description(what));
    if r.clicked() {
        cmds.push(cmd);
    }
}
