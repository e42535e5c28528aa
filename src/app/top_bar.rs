//! The bar at the top of every screen: who is reading, the way back, keyboard help, zoom, text
//! size, theme, and the notice.
//!
//! Its controls are added left to right, so Tab and a screen reader meet them in reading order;
//! the settings group is pushed to the right edge by the width it took last frame.

use egui::{RichText, Ui};

use super::theme::Theme;
use super::{Command, Screen, Shared};
use crate::grading::score::Verdict;
use crate::{i18n, tr};

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
            // i18n: not text (the app's name)
            ui.label(RichText::new("Lateral").strong().size(18.0));
            if let Some(student) = &shared.student {
                ui.separator();
                ui.label(tr!("chrome-student", student = student.as_str()));
                if ui.button(tr!("chrome-switch-student")).clicked() {
                    cmds.push(Command::SwitchStudent);
                }
            }
            back_ui(ui, screen, previewing, &mut cmds);
            // Only where no lesson is open: never two clicks from a student's lesson. The PIN
            // dialog comes first.
            if !previewing
                && matches!(screen, Screen::Students | Screen::Library)
                && ui
                    .button(tr!("chrome-teacher-view"))
                    .on_hover_text(tr!("chrome-teacher-view.hover"))
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
            tr!("chrome-back-to-editing"),
            tr!("chrome-back-to-editing.hover"),
            Command::BackToEditing,
        ),
        Screen::Player | Screen::Summary => (
            tr!("chrome-back-to-lessons"),
            tr!("chrome-back-to-lessons.hover"),
            Command::ToLibrary,
        ),
        Screen::Teacher => (
            tr!("chrome-leave-teacher"),
            tr!("chrome-leave-teacher.hover"),
            Command::LeaveTeacher,
        ),
        _ => return,
    };
    if previewing {
        ui.separator();
        ui.label(RichText::new(tr!("chrome-preview-as-student")).strong());
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
        .button(tr!("chrome-keyboard-help"))
        .on_hover_text(tr!("chrome-keyboard-help.hover"))
        .clicked()
    {
        cmds.push(Command::Help(true));
    }
    ui.separator();
    if (zoom - 1.0).abs() > 0.01 {
        ui.label(tr!("chrome-zoom", percent = i18n::percent(f64::from(zoom))))
            .on_hover_text(tr!("chrome-zoom.hover"));
    }
    ui.label(tr!("chrome-text-size", size = theme.font_size.round() as i64));
    // i18n: not text (a symbol: smaller letters; its meaning is the tooltip)
    described_button(ui, "A−", &tr!("chrome-smaller-text"), Command::FontSmaller, cmds);
    // i18n: not text (a symbol: larger letters; its meaning is the tooltip)
    described_button(ui, "A+", &tr!("chrome-larger-text"), Command::FontBigger, cmds);
    let theme_label = if theme.dark {
        tr!("chrome-light-theme")
    } else {
        tr!("chrome-dark-theme")
    };
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
