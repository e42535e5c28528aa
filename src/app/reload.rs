//! Where the lessons come from (bundled, a pack, a folder), and a teacher's lesson folder: listed
//! at once, checked on a worker thread, watched, and reloaded
//! once a burst of changes has settled, keeping the student's place and work.
//!
//! A school's shared folder may hold thousands of articles and lessons: reading and checking
//! them all takes seconds, which the window must not spend frozen. So opening a folder shows its
//! lessons at once, from their `+++` blocks ([`library::Catalogue::preview`]), while a worker
//! thread checks everything ([`library::Catalogue::load`]); a lesson opened before that is done
//! is checked on its own, with only its articles ([`library::Catalogue::load_lesson`]). A reload
//! after a change on disk is checked the same way, with the old library shown meanwhile.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};

use super::dialogs::Given;
use super::{LateralApp, Source};
use crate::lesson::library::{self, Catalogue, Library, LoadError};
use crate::tr;

/// What the app keeps about the folder its lessons come from.
#[derive(Default)]
pub(super) struct Folder {
    /// Watches it for changes.
    watch: Option<crate::files::watch::FolderWatch>,
    /// Reload it at this time (egui seconds), once changes have settled.
    reload_at: Option<f64>,
    /// How many times it was reloaded from disk (for tests).
    pub(super) reloads: usize,
    /// The check running on the worker thread, if any.
    check: Option<Check>,
    /// Wakes the window when a check is done (set on the first frame).
    waker: Arc<OnceLock<egui::Context>>,
}

/// A whole check of a folder, running on a worker thread.
struct Check {
    dir: PathBuf,
    /// The files found; shared with the worker.
    catalogue: Arc<Catalogue>,
    /// `None` until the worker thread is started.
    done: Option<Receiver<Library>>,
    /// A reload (the old library is shown meanwhile), or the first load (its preview is shown).
    reload: bool,
}

impl Folder {
    /// Starts checking `dir`; returns the library to show meanwhile (its lessons listed, not
    /// checked), except for a reload, which keeps showing the old one. With `start_worker`
    /// false the worker is not started (for tests of a lesson opened before the check is done;
    /// see [`LateralApp::check_in_background`]).
    pub(super) fn start(&mut self, dir: &Path, reload: bool, start_worker: bool) -> Result<Option<Library>, LoadError> {
        let catalogue = Arc::new(library::find(std::slice::from_ref(&dir.to_path_buf()), &[])?);
        let preview = (!reload).then(|| catalogue.preview());
        let mut check = Check {
            dir: dir.to_path_buf(),
            catalogue,
            done: None,
            reload,
        };
        if start_worker {
            check.spawn(Arc::clone(&self.waker));
        }
        self.check = Some(check);
        Ok(preview)
    }

    /// Is a folder being checked?
    pub(super) fn is_checking(&self) -> bool {
        self.check.is_some()
    }
}

impl Check {
    fn spawn(&mut self, waker: Arc<OnceLock<egui::Context>>) {
        if self.done.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let catalogue = Arc::clone(&self.catalogue);
        let work = move || {
            // First what a lesson opened meanwhile needs, then everything.
            catalogue.read_article_ids();
            let _ = tx.send(catalogue.load());
            if let Some(ctx) = waker.get() {
                ctx.request_repaint();
            }
        };
        match std::thread::Builder::new().name("lateral-check".into()).spawn(work) {
            Ok(_) => self.done = Some(rx),
            // No thread to be had: check here, once, rather than never.
            Err(_) => {
                let (tx, rx) = std::sync::mpsc::channel();
                let _ = tx.send(self.catalogue.load());
                self.done = Some(rx);
            }
        }
    }
}

impl LateralApp {
    /// An app over the lessons of the folder `dir`: listed at once, checked on a worker thread.
    pub fn from_folder(dir: &Path, store: crate::records::progress::Store) -> Result<Self, LoadError> {
        Self::over_folder(dir, store, true)
    }

    /// [`LateralApp::from_folder`] with the whole check not started until
    /// [`LateralApp::check_in_background`]: for tests of what a student sees and does meanwhile.
    #[doc(hidden)]
    pub fn from_folder_unchecked(dir: &Path, store: crate::records::progress::Store) -> Result<Self, LoadError> {
        Self::over_folder(dir, store, false)
    }

    fn over_folder(dir: &Path, store: crate::records::progress::Store, start_worker: bool) -> Result<Self, LoadError> {
        let mut folder = Folder::default();
        let preview = folder.start(dir, false, start_worker)?.unwrap_or_default();
        let mut app = Self::new(preview, Source::Folder(dir.to_path_buf()), store);
        app.folder = folder;
        Ok(app)
    }

    /// Starts the worker of a check made by [`LateralApp::from_folder_unchecked`].
    #[doc(hidden)]
    pub fn check_in_background(&mut self) {
        let waker = Arc::clone(&self.folder.waker);
        if let Some(c) = &mut self.folder.check {
            c.spawn(waker);
        }
    }

    /// How many rows of the library's list the last frame drew (it draws only those in view
    /// when there are many).
    #[doc(hidden)]
    pub fn library_rows_drawn(&self) -> usize {
        self.library.rows_drawn()
    }

    /// Is the lesson folder still being checked (its lessons listed, not all checked)?
    pub fn checking_lessons(&self) -> bool {
        self.folder.is_checking()
    }

    /// Replaces the library with the lessons of `source`, and shows it.
    pub(super) fn load_library(&mut self, source: Source) {
        // A folder is listed at once and checked in the background (`reload.rs`).
        let loaded = match source {
            Source::Folder(dir) => self.open_folder(dir),
            Source::Bundled => {
                self.library
                    .show(&mut self.shared, super::shared::bundled_library(), Source::Bundled);
                true
            }
            // Files handed over are gone once shown: the browser must be asked for them again.
            Source::Given(_) => false,
            Source::Pack(p) => match super::open_pack_file(&p) {
                Ok(lib) => {
                    self.library.show(&mut self.shared, lib, Source::Pack(p));
                    true
                }
                Err(e) => {
                    self.shared.notice = Some(e);
                    false
                }
            },
        };
        if loaded {
            self.screen = self.home();
        }
    }

    /// Shows the lessons among the files a browser's file chooser handed over, checked at once
    /// (`records::picked::open_picked`), or the exam pack among them.
    pub(super) fn open_given(&mut self, given: Given) {
        let count = given.files.len() + given.refused.len();
        let opened = match crate::records::picked::open_picked(given.files, given.folder, given.refused) {
            Ok(o) => o,
            Err(e) => {
                self.shared.notice = Some(e);
                return;
            }
        };
        if opened.library.lessons.is_empty() && opened.library.diagnostics.is_empty() {
            self.shared.notice = Some(tr!("library-no-lessons-picked", n = count));
            return;
        }
        if opened.left_out > 0 {
            self.shared.notice = Some(tr!("library-pack-alone", n = opened.left_out));
        }
        let label = opened
            .pack
            .or(opened.folder)
            .unwrap_or_else(|| tr!("library-picked-files", n = count));
        self.shared.given_lessons = opened.lesson_texts;
        self.folder = Folder::default();
        self.library
            .show(&mut self.shared, opened.library, Source::Given(label));
        self.screen = self.home();
    }

    /// Shows the lessons of `dir`, listed at once and checked in the background; `false` (with
    /// the notice saying why) when it cannot be opened.
    pub(super) fn open_folder(&mut self, dir: PathBuf) -> bool {
        match self.folder.start(&dir, false, true) {
            Ok(preview) => {
                self.library
                    .show(&mut self.shared, preview.unwrap_or_default(), Source::Folder(dir));
                true
            }
            Err(e) => {
                self.shared.notice = Some(tr!("chrome-open-lessons-failed", error = e.to_string()));
                false
            }
        }
    }

    /// Before a lesson of a folder still being checked is opened: checks that one lesson, with
    /// only its articles, and puts it into the library. (The library's progress is read again
    /// when the student comes back to it, `Command::ToLibrary`; a lesson that cannot be played
    /// has none.)
    pub(super) fn check_lesson_now(&mut self, i: usize) {
        let Some(check) = &self.folder.check else { return };
        if !self.shared.library.checking || !self.shared.library.lessons.get(i).is_some_and(|l| l.is_unchecked()) {
            return;
        }
        let one = check.catalogue.load_lesson(i);
        self.shared.library.put_checked_lesson(i, one);
    }

    /// Takes the result of a finished check, and watches the lesson folder (if lessons come
    /// from one) and reloads it after changes.
    pub(super) fn follow_folder(&mut self, ctx: &egui::Context, now: f64) {
        let _ = self.folder.waker.set(ctx.clone());
        self.take_checked();
        self.ensure_watch(ctx);
        if self.folder.watch.as_ref().is_some_and(|w| w.take_changed()) {
            // Editors write in bursts; reload once things settle.
            self.folder.reload_at = Some(now + 0.2);
        }
        if let Some(at) = self.folder.reload_at {
            if now >= at {
                self.folder.reload_at = None;
                self.reload();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(at - now));
            }
        }
    }

    /// Puts in the checked library once the worker is done with it.
    fn take_checked(&mut self) {
        let Some(check) = &self.folder.check else { return };
        let Some(rx) = &check.done else { return };
        let lib = match rx.try_recv() {
            Ok(lib) => lib,
            Err(TryRecvError::Empty) => return,
            // The worker died (it cannot panic on any input; this is out of memory and the
            // like): say so rather than list unchecked lessons for ever.
            Err(TryRecvError::Disconnected) => {
                self.folder.check = None;
                self.shared.notice = Some(tr!("chrome-check-died"));
                return;
            }
        };
        let reload = check.reload;
        let same_folder = matches!(&self.shared.source, Source::Folder(d) if *d == check.dir);
        self.folder.check = None;
        if !same_folder {
            return; // another folder (or the bundled lessons) was opened meanwhile
        }
        let old = std::mem::replace(&mut self.shared.library, lib);
        if let Some(p) = &mut self.player
            && (reload || !p.same_lesson_in(&old, &self.shared.library))
        {
            self.shared.notice = Some(p.follow_reload(&self.shared.library));
        }
        if reload {
            self.folder.reloads += 1;
        }
        self.library.refresh(&mut self.shared);
    }

    /// Starts watching the lesson folder, if lessons come from one.
    fn ensure_watch(&mut self, ctx: &egui::Context) {
        let Source::Folder(dir) = &self.shared.source else {
            self.folder.watch = None;
            return;
        };
        if self.folder.watch.as_ref().is_some_and(|w| &w.dir == dir) {
            return;
        }
        let c = ctx.clone();
        match crate::files::watch::FolderWatch::new(dir, move || c.request_repaint()) {
            Ok(w) => self.folder.watch = Some(w),
            Err(e) => {
                self.shared.notice = Some(tr!(
                    "chrome-watch-failed",
                    folder = dir.display().to_string(),
                    error = e.to_string()
                ))
            }
        }
    }

    /// Checks the lesson folder again after a change on disk, in the background; the lessons as
    /// they were stay shown (and the student's work is saved) until it is done.
    fn reload(&mut self) {
        let Source::Folder(dir) = self.shared.source.clone() else {
            return;
        };
        self.save_now();
        if let Err(e) = self.folder.start(&dir, true, true) {
            self.shared.notice = Some(tr!("chrome-reload-failed", error = e.to_string()));
        }
    }
}
