//! Following a teacher's lesson folder: watch it, and reload the lessons once a burst of changes
//! has settled, keeping the student's place and work.

use super::{LateralApp, Source};
use crate::lesson::library;

impl LateralApp {
    /// Watches the lesson folder (if lessons come from one) and reloads it after changes.
    pub(super) fn follow_folder(&mut self, ctx: &egui::Context, now: f64) {
        self.ensure_watch(ctx);
        if self.watch.as_ref().is_some_and(|w| w.take_changed()) {
            // Editors write in bursts; reload once things settle.
            self.reload_at = Some(now + 0.2);
        }
        if let Some(at) = self.reload_at {
            if now >= at {
                self.reload_at = None;
                self.reload();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(at - now));
            }
        }
    }

    /// Starts watching the lesson folder, if lessons come from one.
    fn ensure_watch(&mut self, ctx: &egui::Context) {
        let Source::Folder(dir) = &self.shared.source else {
            self.watch = None;
            return;
        };
        if self.watch.as_ref().is_some_and(|w| &w.dir == dir) {
            return;
        }
        let c = ctx.clone();
        match crate::files::watch::FolderWatch::new(dir, move || c.request_repaint()) {
            Ok(w) => self.watch = Some(w),
            Err(e) => {
                self.shared.notice = Some(format!(
                    "Changes to {} will not show until you reopen it: {e}",
                    dir.display()
                ))
            }
        }
    }

    /// Reloads the lesson folder after a change on disk, keeping the student's place and work.
    fn reload(&mut self) {
        let Source::Folder(dir) = self.shared.source.clone() else {
            return;
        };
        self.save_now();
        let lib = match library::load(std::slice::from_ref(&dir), &[]) {
            Ok(l) => l,
            Err(e) => {
                self.shared.notice = Some(format!("Could not reload lessons: {e}"));
                return;
            }
        };
        self.shared.library = lib;
        self.reloads += 1;
        if let Some(p) = &mut self.player {
            self.shared.notice = Some(p.follow_reload(&self.shared.library));
        }
        self.library.refresh(&mut self.shared);
    }
}
