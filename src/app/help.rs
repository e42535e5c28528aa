//! The keyboard help: every shortcut of the app, in a dialog opened with F1 or ?, or with
//! "Keyboard help" in the top bar; and the About box ("About" in the top bar): the version, the
//! licences, where student work is saved. Escape, a click outside or Close closes either.

use std::path::Path;

use egui::{Context, RichText, Ui};

use super::{Command, LateralApp};
use crate::tr;

/// The shortcuts, as shown in the UI's language: (keys, what they do), in groups. Key names
/// are written as on the keyboard; only those with words in them are translated.
pub(crate) fn shortcuts() -> [(String, Vec<(String, String)>); 3] {
    let row = |keys: &str, what: String| (keys.to_string(), what);
    [
        (
            tr!("chrome-help-everywhere"),
            vec![
                // i18n: not text (key names)
                row("Tab / Shift+Tab", tr!("chrome-help-tab")),
                (tr!("chrome-help-key-enter-or-space"), tr!("chrome-help-press")),
                // i18n: not text (a key name)
                row("Escape", tr!("chrome-help-escape")),
                // i18n: not text (key names)
                row("Ctrl + / Ctrl − / Ctrl 0", tr!("chrome-help-zoom")),
                (tr!("chrome-help-key-f1"), tr!("chrome-help-this-help")),
            ],
        ),
        (
            tr!("chrome-help-in-article"),
            vec![
                row("← →", tr!("chrome-help-word")),
                row("↑ ↓", tr!("chrome-help-sentence")),
                (tr!("chrome-help-key-shift-arrows"), tr!("chrome-help-extend")),
                (tr!("chrome-help-key-enter-or-space"), tr!("chrome-help-highlight")),
                (tr!("chrome-help-key-delete"), tr!("chrome-help-remove")),
                // i18n: not text (a key name)
                row("Escape", tr!("chrome-help-cancel-selection")),
            ],
        ),
        (
            tr!("chrome-help-in-lesson"),
            vec![
                row("1 – 9", tr!("chrome-help-label")),
                // i18n: not text (key names)
                row("Ctrl+Enter", tr!("chrome-help-check")),
                // i18n: not text (a key name)
                row("H", tr!("chrome-help-hint")),
                // i18n: not text (key names)
                row("N / P", tr!("chrome-help-steps")),
                // i18n: not text (key names)
                row("Ctrl+Z / Ctrl+Shift+Z", tr!("chrome-help-undo")),
            ],
        ),
    ]
}

/// Which of the two dialogs is shown, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shown {
    /// Neither.
    #[default]
    Nothing,
    /// The keyboard help.
    Keys,
    /// The About box.
    About,
}

/// The keyboard help and the About box (one at a time).
#[derive(Default)]
pub(crate) struct Help {
    shown: Shown,
}

impl Help {
    /// Is one of the two dialogs open?
    pub(crate) fn is_open(&self) -> bool {
        self.shown != Shown::Nothing
    }

    /// Which dialog is open.
    pub(crate) fn shown(&self) -> Shown {
        self.shown
    }

    pub(crate) fn set_shown(&mut self, shown: Shown) {
        self.shown = shown;
    }

    /// Draws the dialog that is open, if any (`data`: where student work is saved); returns
    /// `Help(Nothing)` when it is closed.
    pub(crate) fn ui(&self, ctx: &Context, data: &Path) -> Vec<Command> {
        let (title, body): (String, &dyn Fn(&mut Ui)) = match self.shown {
            Shown::Nothing => return Vec::new(),
            Shown::Keys => (tr!("chrome-help-title"), &keys_ui),
            Shown::About => (tr!("chrome-about-title"), &|ui: &mut Ui| about_ui(ui, data)),
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("keyboard-help")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(title);
            body(ui);
            ui.add_space(10.0);
            let b = ui
                .button(tr!("chrome-help-close"))
                .on_hover_text(tr!("chrome-help-close.hover"));
            close = b.clicked();
            if !b.has_focus() && ui.memory(|m| m.focused().is_none()) {
                b.request_focus();
            }
        });
        if close || modal.should_close() {
            vec![Command::Help(Shown::Nothing)]
        } else {
            Vec::new()
        }
    }
}

/// The shortcuts, group by group.
fn keys_ui(ui: &mut Ui) {
    for (i, (group, keys)) in shortcuts().iter().enumerate() {
        ui.add_space(8.0);
        ui.label(RichText::new(group).strong());
        egui::Grid::new(("help", i))
            .num_columns(2)
            .min_col_width(200.0)
            .striped(true)
            .show(ui, |ui| {
                for (k, what) in keys {
                    ui.label(RichText::new(k).monospace());
                    ui.label(what);
                    ui.end_row();
                }
            });
    }
}

/// The version, what Lateral promises, its licences and the data folder (for the school's IT).
fn about_ui(ui: &mut Ui, data: &Path) {
    // i18n: not text (the name of an environment variable)
    let version = env!("CARGO_PKG_VERSION");
    ui.label(RichText::new(tr!("chrome-about-version", version = version)).strong());
    ui.add_space(6.0);
    ui.label(tr!("chrome-about-what"));
    ui.add_space(6.0);
    ui.label(tr!("chrome-about-data"));
    ui.label(RichText::new(data.display().to_string()).monospace());
    ui.add_space(6.0);
    ui.label(tr!("chrome-about-licence"));
}

impl LateralApp {
    /// Is the keyboard help shown?
    pub fn help_open(&self) -> bool {
        self.help.shown() == Shown::Keys
    }

    /// Is the About box shown?
    pub fn about_open(&self) -> bool {
        self.help.shown() == Shown::About
    }
}
