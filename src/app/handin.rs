//! Handing in results files: one lesson's (the hand-in folder, or where the student picks), or
//! every lesson this student has worked on.

use std::path::Path;

use super::LateralApp;
use super::screens::{library, summary};

impl LateralApp {
    /// Saves the open lesson's results in `dir` (as `name`, or `<student>-<lesson>.json`).
    pub(super) fn hand_in(&mut self, dir: &Path, name: Option<String>) {
        self.save_now();
        let Some(p) = &self.player else { return };
        summary::hand_in(&mut self.shared, p.session(), dir, name);
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
