//! The language menu at the top of every screen: the UI's language, changed at once, without a
//! restart. The choice is the laptop's (the student picker speaks it) and, once a student is
//! picked, that student's own: it comes back when they pick their name again.

use egui::Ui;

use super::Command;
use crate::i18n::Locale;
use crate::tr;

/// Draws "Language: [English ▾]"; each language is listed in its own name, so a student who
/// cannot read the current one still finds theirs.
pub(crate) fn menu(ui: &mut Ui, current: Locale, cmds: &mut Vec<Command>) {
    let label = ui.label(tr!("language"));
    let r = egui::ComboBox::from_id_salt("language-menu")
        .selected_text(current.native_name())
        .show_ui(ui, |ui| {
            for l in Locale::ALL {
                if ui.selectable_label(l == current, l.native_name()).clicked() && l != current {
                    cmds.push(Command::SetLocale(l));
                }
            }
        });
    r.response.labelled_by(label.id);
    ui.separator();
}
