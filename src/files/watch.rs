//! Watching a lesson folder for changes made in another editor (the `notify` crate).
//!
//! The watcher runs on its own thread and only sets a flag and calls a waker (the app passes one
//! that asks for a repaint), so the UI thread never blocks and an idle app stays idle.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{EventKind, RecursiveMode, Watcher};

/// A folder being watched for changes to lesson and article files.
pub struct FolderWatch {
    _watcher: notify::RecommendedWatcher,
    changed: Arc<AtomicBool>,
    /// The folder.
    pub dir: PathBuf,
}

fn relevant(p: &Path) -> bool {
    let hidden = p
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'));
    let ext = p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    !hidden && matches!(ext.as_deref(), Some("md" | "markdown" | "txt" | "toml"))
}

impl FolderWatch {
    /// Watches `dir` (recursively). `wake` is called (from the watcher's thread) after each
    /// relevant change.
    pub fn new(dir: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let changed = Arc::new(AtomicBool::new(false));
        let flag = changed.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let Ok(ev) = res else { return };
            let kind_matters = matches!(
                ev.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
            );
            if kind_matters && ev.paths.iter().any(|p| relevant(p)) {
                flag.store(true, Ordering::SeqCst);
                wake();
            }
        })?;
        watcher.watch(dir, RecursiveMode::Recursive)?;
        Ok(Self {
            _watcher: watcher,
            changed,
            dir: dir.to_path_buf(),
        })
    }

    /// Has anything changed since the last call? (Clears the flag.)
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_change_on_disk_is_seen_within_a_second() {
        let d = tempfile::tempdir().expect("tempdir");
        let lesson = d.path().join("l.md");
        std::fs::write(&lesson, "+++\ntitle = \"A\"\n+++\n").expect("write");
        let woken = Arc::new(AtomicBool::new(false));
        let w2 = woken.clone();
        let watch = FolderWatch::new(d.path(), move || w2.store(true, Ordering::SeqCst)).expect("watch");
        std::thread::sleep(Duration::from_millis(100));
        assert!(!watch.take_changed());
        std::fs::write(&lesson, "+++\ntitle = \"B\"\n+++\n").expect("write");
        let start = Instant::now();
        while !watch.take_changed() {
            assert!(
                start.elapsed() < Duration::from_secs(1),
                "no change seen within a second"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(woken.load(Ordering::SeqCst));
        // Files that are not lessons or articles (editor swap files) are ignored.
        std::thread::sleep(Duration::from_millis(100));
        let _ = watch.take_changed();
        std::fs::write(d.path().join(".l.md.swp"), "x").expect("write");
        std::thread::sleep(Duration::from_millis(300));
        assert!(!watch.take_changed());
    }
}
