//! The bar at the top of every screen: who is reading, the way back, keyboard help, About, zoom,
//! text size, theme, and the notice.
//!
//! Its controls are added left to right, so Tab and a screen reader meet them in reading order;
//! the settings group is pushed to the right edge by the width it took last frame, on a second
//! row when the first has no room for it.

use egui::{RichText, Ui};

use super::help::Shown;
use super::theme::Theme;
use super::{Command, Screen, Shared};
use crate::grading::score::Verdict;
use crate::{i18n, tr};

/// Draws the top bar over `screen` (`previewing`: a teacher's preview is playing; `zoom`: the
/// window's zoom). The settings go on a row of their own when the bar is too narrow for one
/// row (a long name, a long language, display scaling of 150 %), so none is cut off.
pub(crate) fn top_bar(
    ui: &mut Ui,
    shared: &Shared,
    screen: Screen,
    previewing: bool,
    zoom: f32,
    theme: &Theme,
) -> Vec<Command> {
    let mut cmds = Vec::new();
    let settings = |ui: &mut Ui, cmds: &mut Vec<Command>| {
        super::language::menu(ui, shared.locale, cmds);
        settings_ui(ui, theme, zoom, cmds);
    };
    egui::Panel::top("top").show(ui, |ui| {
        // The widths the two groups took last frame: together on one row if they fit.
        let id = ui.scope_id().with("top-bar-widths");
        let (left_was, right_was): (f32, f32) = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let one_row = left_was + right_was + 2.0 * ui.spacing().item_spacing.x <= ui.available_width();
        let (mut left, mut right) = (0.0, 0.0);
        ui.horizontal(|ui| {
            left_ui(ui, shared, screen, previewing, &mut cmds);
            left = ui.min_rect().width();
            if one_row {
                right = right_aligned(ui, right_was, |ui| settings(ui, &mut cmds));
            }
        });
        if !one_row {
            ui.horizontal(|ui| right = right_aligned(ui, right_was, |ui| settings(ui, &mut cmds)));
        }
        if (left - left_was).abs() > 0.5 || (right - right_was).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(id, (left, right)));
            ui.ctx().request_repaint();
        }
        if let Some(n) = &shared.notice {
            ui.colored_label(theme.verdict_color(Verdict::Partly), n);
        }
    });
    cmds
}

/// The left of the bar: the app, who is reading, the way back, the teacher's view.
fn left_ui(ui: &mut Ui, shared: &Shared, screen: Screen, previewing: bool, cmds: &mut Vec<Command>) {
    // i18n: not text (the app's name)
    ui.label(RichText::new("Lateral").strong().size(18.0));
    if let Some(student) = &shared.student {
        ui.separator();
        ui.label(tr!("chrome-student", student = student.as_str()));
        if ui.button(tr!("chrome-switch-student")).clicked() {
            cmds.push(Command::SwitchStudent);
        }
    }
    back_ui(ui, screen, previewing, cmds);
    // Only where no lesson is open: never two clicks from a student's lesson. The PIN dialog
    // comes first.
    if !previewing
        && matches!(screen, Screen::Students | Screen::Library)
        && ui
            .button(tr!("chrome-teacher-view"))
            .on_hover_text(tr!("chrome-teacher-view.hover"))
            .clicked()
    {
        cmds.push(Command::TeacherView);
    }
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

/// Draws `add` left to right against the right edge, by the width it took last frame (`was`);
/// returns the width it took.
fn right_aligned(ui: &mut Ui, was: f32, add: impl FnOnce(&mut Ui)) -> f32 {
    ui.add_space((ui.available_width() - was).max(0.0));
    ui.horizontal(add).response.rect.width()
}

/// Keyboard help, About, zoom, text size, theme (left to right).
fn settings_ui(ui: &mut Ui, theme: &Theme, zoom: f32, cmds: &mut Vec<Command>) {
    if ui
        .button(tr!("chrome-keyboard-help"))
        .on_hover_text(tr!("chrome-keyboard-help.hover"))
        .clicked()
    {
        cmds.push(Command::Help(Shown::Keys));
    }
    if ui
        .button(tr!("chrome-about"))
        .on_hover_text(tr!("chrome-about.hover"))
        .clicked()
    {
        cmds.push(Command::Help(Shown::About));
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
