//! The bar at the top of every screen: who is reading, where you are, text size, theme, and the
//! notice.

use egui::{Align, Layout, RichText, Ui};

use super::theme::Theme;
use super::{Command, Screen, Shared};
use crate::grading::score::Verdict;

/// Draws the top bar over `screen` (`previewing`: a teacher's preview is playing).
pub(crate) fn top_bar(ui: &mut Ui, shared: &Shared, screen: Screen, previewing: bool, theme: &Theme) -> Vec<Command> {
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
            if previewing {
                ui.separator();
                ui.label(RichText::new("Preview as student").strong());
                if ui.button("◀ Back to editing").clicked() {
                    cmds.push(Command::BackToEditing);
                }
            } else if matches!(screen, Screen::Player | Screen::Summary) && ui.button("◀ Lessons").clicked() {
                cmds.push(Command::ToLibrary);
            }
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
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                settings_ui(ui, theme, &mut cmds)
            });
        });
        if let Some(n) = &shared.notice {
            ui.colored_label(theme.verdict_color(Verdict::Partly), n);
        }
    });
    cmds
}

/// Theme and text size (right to left).
fn settings_ui(ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
    let theme_label = if theme.dark { "Light theme" } else { "Dark theme" };
    if ui.button(theme_label).clicked() {
        cmds.push(Command::ToggleTheme);
    }
    if ui.button("A+").on_hover_text("Larger text (Ctrl +)").clicked() {
        cmds.push(Command::FontBigger);
    }
    if ui.button("A−").on_hover_text("Smaller text (Ctrl −)").clicked() {
        cmds.push(Command::FontSmaller);
    }
    ui.label(format!("Text {:.0}", theme.font_size));
}
