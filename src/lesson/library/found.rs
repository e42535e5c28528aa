//! Finding the files of a library: lessons, article texts and their metadata, each file once.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::files::{FileId, file_id, read_bytes, walk_folder};
use crate::text::diag::{Diagnostic, Severity};

/// What a file is, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    ArticleText,
    ArticleMeta,
    Lesson,
    Other,
}

fn kind_of(p: &Path) -> Kind {
    p.file_name().and_then(|n| n.to_str()).map_or(Kind::Other, kind_of_name)
}

/// What a file is, by its name (a file name, or a `/`-separated name of a file handed over).
pub(super) fn kind_of_name(name: &str) -> Kind {
    match crate::files::given::extension(name).as_deref() {
        Some("txt") => Kind::ArticleText,
        Some("toml") => Kind::ArticleMeta,
        Some("md") | Some("markdown") => Kind::Lesson,
        _ => Kind::Other,
    }
}

/// Starts with a `+++` line (after blank lines)? Reads only the file's start.
fn looks_like_lesson(p: &Path) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 512];
    // Only regular files reach here (see `fsutil::walk_folder`), so opening cannot block.
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut buf)).unwrap_or(0);
    starts_like_lesson(&buf[..n])
}

/// Do these first bytes of a file start with a `+++` line (after blank lines)? (In a folder,
/// only such `.md` files are lessons.)
pub fn starts_like_lesson(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(512)]);
    let head = head.trim_start_matches('\u{FEFF}');
    head.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim() == "+++")
}

pub(super) fn display(p: &Path) -> String {
    p.display().to_string()
}

/// The files found. Every file is known by its [`FileId`] once, so a file reached twice (a
/// folder named twice, a link inside the folder, `corpus/` found beside two lesson folders)
/// counts once, in time linear in the number of files.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Every file taken.
    pub(super) seen: HashSet<FileId>,
    /// Article texts, each with whether it was named itself (not found in a folder).
    pub(super) texts: Vec<(PathBuf, bool)>,
    /// The article metadata files.
    pub(super) metas: HashSet<FileId>,
    /// The article metadata files, as found.
    pub(super) meta_files: Vec<PathBuf>,
    /// The same paths, to pair each text with its metadata without a system call.
    pub(super) meta_paths: HashSet<PathBuf>,
    /// The lesson files.
    pub(super) lessons: Vec<PathBuf>,
    /// The folders the lessons are in.
    pub(super) lesson_dirs: BTreeSet<PathBuf>,
}

impl Found {
    /// The files named by `paths`, and the files in the folders among them.
    pub(super) fn add_paths(&mut self, paths: &[PathBuf], diags: &mut Vec<Diagnostic>) {
        for p in paths {
            if p.is_dir() {
                let w = walk_folder(p, true);
                diags.extend(w.warnings);
                for f in w.files {
                    self.add_file(f, false, diags);
                }
            } else if p.is_file() {
                self.add_file(p.clone(), true, diags);
            } else if let Err(d) = read_bytes(p, 0) {
                // A FIFO, a device, a socket: say what it is, never open it.
                diags.push(d);
            }
        }
    }

    /// One file named (`explicit`) or found in a folder named.
    fn add_file(&mut self, f: PathBuf, explicit: bool, diags: &mut Vec<Diagnostic>) {
        let kind = kind_of(&f);
        if kind == Kind::Other {
            if explicit {
                diags.push(Diagnostic::file(
                    display(&f),
                    Severity::Error,
                    "this is not a lesson (.md) or an article (.txt with a .toml beside it)",
                ));
            }
            return;
        }
        if kind == Kind::Lesson && !explicit && !looks_like_lesson(&f) {
            return;
        }
        let c = file_id(&f);
        if !self.seen.insert(c.clone()) {
            return;
        }
        match kind {
            Kind::ArticleText => self.texts.push((f, explicit)),
            Kind::ArticleMeta => {
                self.metas.insert(c);
                self.meta_paths.insert(f.clone());
                self.meta_files.push(f);
            }
            Kind::Lesson => {
                if let Some(d) = f.parent() {
                    self.lesson_dirs.insert(d.to_path_buf());
                }
                self.lessons.push(f);
            }
            Kind::Other => {}
        }
    }

    /// The articles in `corpus_dirs` and in the corpus folders beside the lesson folders.
    pub(super) fn add_corpus_dirs(&mut self, corpus_dirs: &[PathBuf], diags: &mut Vec<Diagnostic>) {
        let mut extra: Vec<PathBuf> = corpus_dirs.to_vec();
        let mut extra_seen: HashSet<FileId> = HashSet::new();
        for d in &self.lesson_dirs {
            for c in [d.join("corpus"), d.join("..").join("corpus")] {
                if c.is_dir() {
                    extra.push(c);
                }
            }
        }
        for c in extra {
            if !extra_seen.insert(file_id(&c)) {
                continue;
            }
            let w = walk_folder(&c, true);
            diags.extend(w.warnings);
            for f in w.files {
                let kind = kind_of(&f);
                if !matches!(kind, Kind::ArticleText | Kind::ArticleMeta) {
                    continue;
                }
                let cf = file_id(&f);
                if !self.seen.insert(cf.clone()) {
                    continue;
                }
                if kind == Kind::ArticleText {
                    self.texts.push((f, false));
                } else {
                    self.metas.insert(cf);
                    self.meta_paths.insert(f.clone());
                    self.meta_files.push(f);
                }
            }
        }
    }
}
