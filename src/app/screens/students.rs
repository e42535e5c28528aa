//! The student picker: pick or type a name.

use egui::{RichText, Ui};

use crate::app::theme::Theme;
use crate::app::{Command, Shared};
use crate::text::ids::{MAX_NAME_CHARS, check_student_name};
use crate::tr;

/// The student picker's state.
pub(crate) struct StudentsScreen {
    /// Known students.
    students: Vec<String>,
    /// The name being typed.
    new_name: String,
    /// Put the keyboard focus in the name box on the next frame (the screen's work).
    focus_name: bool,
}

impl StudentsScreen {
    /// The students saved in the shared store. The name box starts empty: on a shared laptop
    /// the previous student's name typed in would open their work for the next one.
    pub(crate) fn new(shared: &Shared) -> Self {
        Self {
            students: shared.store.students(),
            new_name: String::new(),
            focus_name: true,
        }
    }

    /// Empties the name box and puts the keyboard focus in it when the screen is next drawn
    /// (the next student starts from an empty box, as at start).
    pub(crate) fn focus_name(&mut self) {
        self.new_name.clear();
        self.focus_name = true;
    }

    /// Reads the known students again (after one was added).
    pub(crate) fn refresh(&mut self, shared: &Shared) {
        self.students = shared.store.students();
    }

    /// Pick or type a student name (only type it when the teacher hid the list).
    pub(crate) fn ui(&mut self, ui: &mut Ui, shared: &Shared, theme: &Theme) -> Vec<Command> {
        let list = !self.students.is_empty() && !shared.settings.hide_student_list;
        let mut cmds = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading(RichText::new(tr!("students-title")).size(theme.font_size * 1.5));
                ui.add_space(16.0);
                if list {
                    ui.label(tr!("students-pick"));
                    ui.add_space(6.0);
                    for name in &self.students {
                        if ui.add_sized([260.0, 32.0], egui::Button::new(name)).clicked() {
                            cmds.push(Command::PickStudent(name.clone()));
                        }
                    }
                    ui.add_space(16.0);
                    ui.label(tr!("students-or-type"));
                } else {
                    ui.label(tr!("students-type-to-start"));
                }
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.add_space((ui.available_width() - 360.0).max(0.0) / 2.0);
                    let label = ui.label(tr!("students-name-label"));
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut self.new_name).desired_width(200.0))
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_name) {
                        r.request_focus();
                    }
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button(tr!("students-start")).clicked() || enter {
                        cmds.push(Command::PickStudent(self.new_name.clone()));
                    }
                });
                ui.add_space(20.0);
                ui.label(RichText::new(tr!("students-privacy")).color(theme.muted()));
            });
        });
        cmds
    }
}

/// Why the store refused `typed` as a student's name (`error`, in English), in the UI's
/// language: the name's own problem as [`check_student_name`] found it, or else (the data
/// folder could not be written) the store's message as it is.
pub(crate) fn refusal(typed: &str, error: String) -> String {
    if check_student_name(typed).is_ok() {
        return error;
    }
    let name = typed.trim();
    if name.is_empty() {
        return tr!("students-name-empty");
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return tr!("students-name-too-long", max = MAX_NAME_CHARS);
    }
    // The first character the check refuses, tried on its own between two letters (so that it
    // is not trimmed away).
    match name.chars().find(|c| check_student_name(&format!("a{c}a")).is_err()) {
        Some(c) => tr!("students-name-invisible", char = crate::text::ids::describe_char(c)),
        None => error,
    }
}
