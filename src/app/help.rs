//! The keyboard help: every shortcut of the app, in a dialog opened with F1 or ?, or with
//! "Keyboard help" in the top bar; Escape, a click outside or Close closes it.

use egui::{Context, RichText};

use super::{Command, LateralApp};

/// The shortcuts, as shown: (keys, what they do), in groups.
pub(crate) const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("Tab / Shift+Tab", "Next / previous control, in reading order"),
            ("Enter or Space", "Press the focused button"),
            (
                "Escape",
                "Back one level; in a text box, first leaves the box; closes a dialog",
            ),
            (
                "Ctrl + / Ctrl − / Ctrl 0",
                "Zoom the whole window in / out / back to 100% (saved for you)",
            ),
            ("F1 or ?", "This help"),
        ],
    ),
    (
        "In an article (Tab to it; it has a ring when focused)",
        &[
            ("← →", "Move the caret word by word"),
            ("↑ ↓", "Move the caret sentence by sentence"),
            ("Shift + arrows", "Extend the selection from the caret"),
            ("Enter or Space", "Highlight the selection, or the word under the caret"),
            ("Delete or Backspace", "Remove the highlight under the caret"),
            ("Escape", "Cancel the Shift selection (without one: back one level)"),
        ],
    ),
    (
        "In a lesson (not while typing in a text box)",
        &[
            ("1 – 9", "Pick a label; the selected highlight gets it"),
            ("Ctrl+Enter", "Check the step"),
            ("H", "Show a hint"),
            ("N / P", "Next / previous step (N on the last step: the summary)"),
            ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
        ],
    ),
];

/// Is the keyboard help open?
#[derive(Default)]
pub(crate) struct Help {
    open: bool,
}

impl Help {
    pub(crate) fn is_open(&self) -> bool {
        self.open
    }

    pub(crate) fn set_open(&mut self, open: bool) {
        self.open = open;
    }

    /// Draws the help if it is open; returns `Help(false)` when it is closed.
    pub(crate) fn ui(&self, ctx: &Context) -> Vec<Command> {
        if !self.open {
            return Vec::new();
        }
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("keyboard-help")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading("Keyboard help");
            for (group, keys) in SHORTCUTS {
                ui.add_space(8.0);
                ui.label(RichText::new(*group).strong());
                egui::Grid::new(("help", *group))
                    .num_columns(2)
                    .min_col_width(200.0)
                    .striped(true)
                    .show(ui, |ui| {
                        for (k, what) in *keys {
                            ui.label(RichText::new(*k).monospace());
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
            }
            ui.add_space(10.0);
            let b = ui.button("Close").on_hover_text("Close the help (Escape)");
            close = b.clicked();
            if !b.has_focus() && ui.memory(|m| m.focused().is_none()) {
                b.request_focus();
            }
        });
        if close || modal.should_close() {
            vec![Command::Help(false)]
        } else {
            Vec::new()
        }
    }
}

impl LateralApp {
    /// Is the keyboard help shown?
    pub fn help_open(&self) -> bool {
        self.help.is_open()
    }
}
