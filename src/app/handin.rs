//! Handing in results files: one lesson's (the hand-in folder, or where the student picks), or
//! every lesson this student has worked on.

use std::path::Path;

use super::LateralApp;
use super::screens::library;
#[cfg(not(target_arch = "wasm32"))]
use super::screens::summary;

impl LateralApp {
    /// Saves the open lesson's results in `dir` (as `name`, or `<student>-<lesson>.json`).
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn hand_in(&mut self, dir: &Path, name: Option<String>) {
        self.save_now();
        let Some(p) = &self.player else { return };
        summary::hand_in(&mut self.shared, p.session(), dir, name);
    }

    /// In a browser: downloads the open lesson's results file (named `name`, or
    /// `<student>-<lesson>.json`); the browser has no folder to save it in.
    #[cfg(target_arch = "wasm32")]
    pub(super) fn hand_in(&mut self, _dir: &Path, name: Option<String>) {
        use crate::records::results::Results;
        self.save_now();
        let Some(p) = &self.player else { return };
        let results = Results::from_session(p.session());
        let name =
            name.unwrap_or_else(|| crate::records::hand_in::results_file_name(&results.student, &results.lesson.id));
        // i18n: not text (a media type)
        let done = super::web::download(&name, &results.to_json(), "application/json");
        self.shared.notice = Some(match done {
            Ok(()) => crate::tr!("summary-handed-in", file = name),
            Err(reason) => crate::tr!("summary-hand-in-failed", file = name, reason = reason),
        });
    }

    /// Saves every lesson this student has worked on into `dir`.
    pub(super) fn export_all(&mut self, dir: &Path) {
        if self.shared.student.is_none() {
            return;
        }
        self.save_now();
        library::export_all(&mut self.shared, dir);
    }
}
