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
        std::thread::spawn(move || {
            let d = rfd::FileDialog::new();
            let picked = match what {
                Pending::OpenLessons => d.set_title("Open a lesson folder").pick_folder(),
                Pending::HandInAs => d
                    .set_title("Hand in: save your results")
                    .set_file_name(&default_name)
                    .save_file(),
                Pending::ExportAll => d.set_title("Save all your results into a folder").pick_folder(),
                Pending::ClassFolder => d.set_title("Folder of results files").pick_folder(),
            };
            let _ = tx.send(picked);
        });
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
