//! File dialogs, each on its own thread: a blocking dialog must never stop the UI (an XDG
//! portal may wait indefinitely once it has accepted the request). In a browser, where there are
//! neither threads nor paths, the page's file chooser hands the files over whole
//! ([`super::web::picker`]): a dialog's answer is a path on the desktop, files in a browser.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use super::{ClassCmd, LateralApp, Source};
use crate::files::given::GivenFile;
use crate::records::hand_in::results_file_name;
use crate::tr;

/// What a file dialog that is open was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pending {
    /// A lesson folder to open.
    OpenLessons,
    /// Lesson and article files, or an exam pack, to open (in a browser).
    OpenLessonFiles,
    /// Where to hand in.
    HandInAs,
    /// A folder for all results.
    ExportAll,
    /// A folder of results for the class view.
    ClassFolder,
    /// A file to import in the teacher's view (txt, md, html, or an H5P task).
    ImportFile,
}

/// What a dialog answered.
#[derive(Debug)]
pub(crate) enum Answer {
    /// The path picked (on the desktop).
    #[cfg_attr(all(target_arch = "wasm32", not(test)), allow(dead_code))] // browsers have no paths
    Path(PathBuf),
    /// The files picked, read whole (in a browser), and those refused before they were read
    /// (too large), with why.
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))] // only browsers pick so
    Given(Given),
}

/// Files a browser's file chooser handed over.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given {
    /// The files, read.
    pub(crate) files: Vec<GivenFile>,
    /// The files not read, with why.
    pub(crate) refused: Vec<crate::text::diag::Diagnostic>,
    /// They are the files of a folder picked (not files picked one by one).
    pub(crate) folder: bool,
}

/// An open file dialog.
pub(crate) struct Dialog {
    what: Pending,
    rx: Receiver<Option<Answer>>,
}

impl Dialog {
    /// Opens a dialog for `what` on its own thread; `default_name` is offered when saving a file.
    pub(crate) fn open(what: Pending, default_name: String) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        // Worked out here: the dialog's thread speaks English (the locale is the UI thread's).
        let words = Words::new(what);
        #[cfg(not(any(test, target_arch = "wasm32")))]
        std::thread::spawn(move || {
            let _ = tx.send(show(what, &words, &default_name).map(Answer::Path));
        });
        // A browser has neither threads nor paths: its file chooser hands the files over
        // whole, and the web build downloads a hand-in instead (`LateralApp::open_dialog`).
        #[cfg(all(target_arch = "wasm32", not(test)))]
        {
            let _ = (default_name, words);
            super::web::picker::pick(what, tx);
        }
        #[cfg(test)]
        {
            let _ = (default_name, words);
            let _ = tx.send(TEST_ANSWER.with(|a| a.borrow_mut().take()));
        }
        Self { what, rx }
    }

    /// If the dialog in `slot` has closed, empties the slot and returns what was picked (if any).
    pub(crate) fn poll(slot: &mut Option<Dialog>) -> Option<(Pending, Answer)> {
        let d = slot.as_ref()?;
        let picked = d.rx.try_recv().ok()?;
        let what = d.what;
        *slot = None;
        picked.map(|p| (what, p))
    }
}

impl LateralApp {
    /// Opens a file dialog on its own thread (it must never block the UI).
    pub(super) fn open_dialog(&mut self, what: Pending) {
        // In a browser, "Hand in as…" is a download the browser asks where to save.
        #[cfg(target_arch = "wasm32")]
        if what == Pending::HandInAs {
            self.hand_in(std::path::Path::new(""), None);
            return;
        }
        let default_name = self
            .session()
            .map(|s| results_file_name(&s.student, &s.lesson.id))
            .unwrap_or_default();
        self.dialog = Some(Dialog::open(what, default_name));
    }

    pub(super) fn dialog_answered(&mut self, what: Pending, answer: Answer) {
        let path = match answer {
            Answer::Path(path) => path,
            Answer::Given(given) => {
                if matches!(what, Pending::OpenLessons | Pending::OpenLessonFiles) {
                    self.open_given(given);
                }
                return;
            }
        };
        match what {
            Pending::OpenLessons | Pending::OpenLessonFiles => self.load_library(Source::Folder(path)),
            Pending::HandInAs => {
                let dir = path.parent().map(PathBuf::from).unwrap_or_default();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                self.hand_in(&dir, name);
            }
            Pending::ExportAll => self.export_all(&path),
            Pending::ClassFolder => self.class.apply(ClassCmd::SetFolder(path), &self.shared),
            // The teacher's view opens and polls its own.
            Pending::ImportFile => {}
        }
    }
}

/// What a dialog says: its title and, when it picks a file, the names of its filters.
#[cfg_attr(any(test, target_arch = "wasm32"), allow(dead_code))] // unit tests and browsers show none
struct Words {
    title: String,
    articles: String,
    all_files: String,
}

impl Words {
    /// The words of the dialog for `what`, in the UI's language.
    fn new(what: Pending) -> Self {
        let title = match what {
            Pending::OpenLessons => tr!("chrome-dialog-open-lessons"),
            Pending::OpenLessonFiles => tr!("chrome-dialog-open-lesson-files"),
            Pending::HandInAs => tr!("chrome-dialog-hand-in"),
            Pending::ExportAll => tr!("chrome-dialog-export-all"),
            Pending::ClassFolder => tr!("chrome-dialog-class-folder"),
            Pending::ImportFile => tr!("chrome-dialog-import"),
        };
        Self {
            title,
            articles: tr!("chrome-dialog-filter-articles"),
            all_files: tr!("chrome-dialog-filter-all"),
        }
    }
}

/// Shows the native dialog for `what` and waits for the answer (on the dialog's own thread).
#[cfg(not(any(test, target_arch = "wasm32")))]
fn show(what: Pending, words: &Words, default_name: &str) -> Option<PathBuf> {
    let d = rfd::FileDialog::new().set_title(&words.title);
    match what {
        Pending::OpenLessons | Pending::ExportAll | Pending::ClassFolder => d.pick_folder(),
        // Not offered on the desktop (a folder is); a lesson file's folder if it were.
        Pending::OpenLessonFiles => d.pick_file().and_then(|f| f.parent().map(PathBuf::from)),
        Pending::HandInAs => d.set_file_name(default_name).save_file(),
        Pending::ImportFile => d
            .add_filter(
                &words.articles,
                // i18n: not text (file extensions)
                &["txt", "md", "markdown", "html", "htm", "h5p", "json"],
            )
            .add_filter(&words.all_files, &["*"])
            .pick_file(),
    }
}

#[cfg(test)]
thread_local! {
    /// What the next dialog opened by this test thread answers, at once: unit tests never open
    /// a real dialog (kittest cannot drive one, and a developer's desktop would show it).
    pub(crate) static TEST_ANSWER: std::cell::RefCell<Option<Answer>> = const { std::cell::RefCell::new(None) };
}
