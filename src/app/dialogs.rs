//! File dialogs, each on its own thread: a blocking dialog must never stop the UI (an XDG
//! portal may wait indefinitely once it has accepted the request).

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// What a file dialog that is open was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pending {
    /// A lesson folder to open.
    OpenLessons,
    /// Where to hand in.
    HandInAs,
    /// A folder for all results.
    ExportAll,
    /// A folder of results for the class view.
    ClassFolder,
    /// A file to import in the teacher's view (txt, md, html, or an H5P task).
    ImportFile,
}

/// An open file dialog.
pub(crate) struct Dialog {
    what: Pending,
    rx: Receiver<Option<PathBuf>>,
}

impl Dialog {
    /// Opens a dialog for `what` on its own thread; `default_name` is offered when saving a file.
    pub(crate) fn open(what: Pending, default_name: String) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        #[cfg(not(test))]
        std::thread::spawn(move || {
            let _ = tx.send(show(what, &default_name));
        });
        #[cfg(test)]
        {
            let _ = default_name;
            let _ = tx.send(TEST_ANSWER.with(|a| a.borrow_mut().take()));
        }
        Self { what, rx }
    }

    /// If the dialog in `slot` has closed, empties the slot and returns the path picked (if any).
    pub(crate) fn poll(slot: &mut Option<Dialog>) -> Option<(Pending, PathBuf)> {
        let d = slot.as_ref()?;
        let picked = d.rx.try_recv().ok()?;
        let what = d.what;
        *slot = None;
        picked.map(|p| (what, p))
    }
}

/// Shows the native dialog for `what` and waits for the answer (on the dialog's own thread).
#[cfg(not(test))]
fn show(what: Pending, default_name: &str) -> Option<PathBuf> {
    let d = rfd::FileDialog::new();
    match what {
        Pending::OpenLessons => d.set_title("Open a lesson folder").pick_folder(),
        Pending::HandInAs => d
            .set_title("Hand in: save your results")
            .set_file_name(default_name)
            .save_file(),
        Pending::ExportAll => d.set_title("Save all your results into a folder").pick_folder(),
        Pending::ClassFolder => d.set_title("Folder of results files").pick_folder(),
        Pending::ImportFile => d
            .set_title("Import an article")
            .add_filter(
                "Articles and H5P tasks",
                &["txt", "md", "markdown", "html", "htm", "h5p", "json"],
            )
            .add_filter("All files", &["*"])
            .pick_file(),
    }
}

#[cfg(test)]
thread_local! {
    /// What the next dialog opened by this test thread answers, at once: unit tests never open
    /// a real dialog (kittest cannot drive one, and a developer's desktop would show it).
    pub(crate) static TEST_ANSWER: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
}
