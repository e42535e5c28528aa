//! The teacher PIN dialog in front of the teacher's view: the first time, the teacher chooses a
//! PIN (typed twice); afterwards it must be typed to enter. The PIN is kept as a salted hash in
//! the settings ([`crate::records::pin`]); deleting the settings file resets it, as the dialog
//! says.
//!
//! It keeps a student from opening every key and explanation by accident; it is not a lock
//! against a determined student (the exam pack is that). docs/teacher-guide.md says so.

use egui::{Key, RichText, Ui};

use super::theme::Theme;
use super::{Command, Shared};
use crate::grading::score::Verdict;
use crate::records::pin::{PIN_DIGITS, TeacherPin, check_pin};
use crate::tr;

/// The dialog's state (closed unless the teacher view was asked for).
#[derive(Default)]
pub(crate) struct PinGate {
    /// Is the dialog shown?
    open: bool,
    /// The PIN typed (on first use: the new PIN).
    pin: String,
    /// On first use: the new PIN again.
    again: String,
    /// Why the last try did not open the teacher view.
    message: Option<String>,
    /// Put the keyboard focus in the first box on the next frame.
    focus: bool,
}

/// What the PIN dialog can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum PinCmd {
    /// Check the PIN typed (on first use: set it).
    Submit,
    /// Close the dialog without entering.
    Cancel,
}

impl PinGate {
    /// Is the dialog shown?
    pub(crate) fn is_open(&self) -> bool {
        self.open
    }

    /// Shows the dialog. The PIN is read from disk again, so that one set (or reset by deleting
    /// the settings file) while the app was running counts.
    pub(crate) fn ask(&mut self, shared: &mut Shared) {
        shared.settings.teacher_pin = shared.store.load_settings().teacher_pin;
        *self = Self {
            open: true,
            focus: true,
            ..Self::default()
        };
    }

    /// Applies a command of the dialog; `true` when the teacher may enter.
    pub(crate) fn apply(&mut self, cmd: PinCmd, shared: &mut Shared) -> bool {
        if !self.open {
            return false;
        }
        match cmd {
            PinCmd::Cancel => {
                *self = Self::default();
                false
            }
            PinCmd::Submit => {
                let outcome = match &shared.settings.teacher_pin {
                    Some(stored) if stored.verify(&self.pin) => Ok(()),
                    Some(_) => Err(tr!("chrome-pin-wrong")),
                    None => self.set_pin(shared),
                };
                match outcome {
                    Ok(()) => {
                        *self = Self::default();
                        true
                    }
                    Err(m) => {
                        self.message = Some(m);
                        self.pin.clear();
                        self.again.clear();
                        self.focus = true;
                        false
                    }
                }
            }
        }
    }

    /// First use: the two PINs typed must be one valid PIN; it is saved as a salted hash.
    fn set_pin(&self, shared: &mut Shared) -> Result<(), String> {
        let pin = check_pin(&self.pin).map_err(|_| not_a_pin(&self.pin))?;
        if pin != self.again.trim() {
            return Err(tr!("chrome-pin-mismatch"));
        }
        shared.set_teacher_pin(TeacherPin::new(pin).map_err(|e| tr!("chrome-pin-no-random", error = e))?);
        Ok(())
    }

    /// Draws the dialog if it is open; returns what the teacher did.
    pub(crate) fn ui(&mut self, ctx: &egui::Context, shared: &Shared, theme: &Theme) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.open {
            return Vec::new();
        }
        let first_use = shared.settings.teacher_pin.is_none();
        let modal = egui::Modal::new(egui::Id::unique("teacher-pin")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            self.form_ui(ui, first_use, &mut out);
            if let Some(m) = &self.message {
                ui.colored_label(theme.verdict_color(Verdict::Missed), m);
            }
            ui.add_space(8.0);
            let settings = shared.store.root().join("settings.json");
            // In a browser the settings are an entry of the page's local storage, of that name.
            let forgot = if cfg!(target_arch = "wasm32") {
                tr!("chrome-pin-forgot-web", entry = settings.display().to_string())
            } else {
                tr!("chrome-pin-forgot", file = settings.display().to_string())
            };
            ui.label(RichText::new(forgot).color(theme.muted()));
        });
        if modal.should_close() && !out.contains(&PinCmd::Submit) {
            out.push(PinCmd::Cancel);
        }
        out.into_iter().map(Command::Pin).collect()
    }

    /// The heading, the PIN box(es) and the buttons.
    fn form_ui(&mut self, ui: &mut Ui, first_use: bool, out: &mut Vec<PinCmd>) {
        let (min, max) = PIN_DIGITS;
        if first_use {
            ui.heading(tr!("chrome-pin-set-title"));
            ui.label(tr!("chrome-pin-set-intro", min = min, max = max));
        } else {
            ui.heading(tr!("chrome-pin-title"));
            ui.label(tr!("chrome-pin-prompt"));
        }
        ui.add_space(6.0);
        let enter = |r: &egui::Response, ui: &Ui| r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let mut submit = false;
        egui::Grid::new("pin-boxes").num_columns(2).show(ui, |ui| {
            let label = if first_use {
                tr!("chrome-pin-new-label")
            } else {
                tr!("chrome-pin-label")
            };
            let first = pin_box(ui, &label, &mut self.pin);
            if std::mem::take(&mut self.focus) {
                first.request_focus();
            }
            ui.end_row();
            submit |= enter(&first, ui) && !first_use;
            if first_use {
                let again = pin_box(ui, &tr!("chrome-pin-again-label"), &mut self.again);
                if enter(&first, ui) {
                    again.request_focus();
                }
                submit |= enter(&again, ui);
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let text = if first_use {
                tr!("chrome-pin-set-and-open")
            } else {
                tr!("chrome-pin-open")
            };
            if ui.button(RichText::new(text).strong()).clicked() || submit {
                out.push(PinCmd::Submit);
            }
            if ui
                .button(tr!("chrome-pin-cancel"))
                .on_hover_text(tr!("chrome-pin-cancel.hover"))
                .clicked()
            {
                out.push(PinCmd::Cancel);
            }
        });
    }
}

/// Why `typed` is not a PIN, in the UI's language (what [`check_pin`] refused: not digits only,
/// or too few or too many of them).
fn not_a_pin(typed: &str) -> String {
    let typed = typed.trim();
    let (min, max) = PIN_DIGITS;
    if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_digit()) {
        tr!("chrome-pin-not-digits", min = min, max = max)
    } else {
        tr!("chrome-pin-wrong-length", min = min, max = max, n = typed.len())
    }
}

/// Is this a command of the teacher's or the class view (which show every key)? The run loop
/// runs them only once the PIN was typed.
pub(crate) fn teacher_only(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::BackToEditing | Command::ClassView | Command::CloseClass | Command::Teacher(_) | Command::Class(_)
    )
}

/// A labelled box that shows dots for what is typed, digits only.
fn pin_box(ui: &mut Ui, label: &str, text: &mut String) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(text)
                .password(true)
                .char_limit(PIN_DIGITS.1 + 4)
                .desired_width(160.0),
        )
        .labelled_by(l.id);
    text.retain(|c| !c.is_control());
    r
}
