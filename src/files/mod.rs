//! The one door every file comes in by, and the one way files go out.
//!
//! **Reading.** Every file a user can hand us goes through [`read_bytes`] (and [`read_text`] on
//! top of it): only regular files are opened (a FIFO, a device or a socket is refused before it
//! is opened, so nothing blocks and `/dev/zero` is not read), the size is checked against a limit
//! for the kind of file before reading and enforced again while reading, and text must be UTF-8
//! (a UTF-8 or UTF-16 byte-order mark is honoured as editors do; other encodings are named and
//! refused). The text the rest of the core sees has no BOM and LF line endings.
//!
//! **Folders.** [`walk_folder`] lists a folder's files without ever following a link out of
//! it, without looping, skipping hidden files and anything that is not a regular file (with a
//! warning), and stopping at [`MAX_FOLDER_FILES`] files.
//!
//! **Writing.** [`write_atomic`] and [`write_private`] write a temporary file, fsync it, keep the
//! previous version as `NAME.bak`, rename, and fsync the folder. [`write_private`] and
//! [`create_private_dir`] make files only their owner may read (0600 in 0700 folders on Unix).

pub mod backend;
pub mod given;
pub mod watch;

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::text::diag::{Diagnostic, Severity};

/// Largest lesson file we read (8 MiB).
pub(crate) const MAX_LESSON_BYTES: u64 = 8 * 1024 * 1024;
/// Largest article metadata (`NAME.toml`) or settings file we read (1 MiB).
pub(crate) const MAX_META_BYTES: u64 = 1024 * 1024;
/// Largest article text we read (8 MiB: several novels).
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest results or progress file we read (32 MiB).
pub(crate) const MAX_RESULTS_BYTES: u64 = 32 * 1024 * 1024;
/// Largest exam pack we read (32 MiB).
pub(crate) const MAX_PACK_BYTES: u64 = 32 * 1024 * 1024;
/// Largest file we import (a saved web page, a text, an `.h5p` archive: 32 MiB).
pub(crate) const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;
/// Most files one folder walk lists before it stops with a warning: a school's shared folder of
/// 10,000 articles (two files each) and 1,000 lessons is 21,000 files, well inside it.
pub(crate) const MAX_FOLDER_FILES: usize = 50_000;
/// Deepest folder a walk enters below the folder it was given.
pub(crate) const MAX_FOLDER_DEPTH: usize = 16;

/// A size in words: "1.5 MB", "12.0 KB".
pub(crate) fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

pub(crate) fn too_large(name: &str, len: u64, max: u64) -> Diagnostic {
    Diagnostic::file(
        name,
        Severity::Error,
        format!(
            "this file is {}, larger than the {} a file of this kind may be",
            human(len),
            human(max)
        ),
    )
    .with_suggestion("split it into smaller files, or check that it is the file you meant")
}

/// What kind of thing a path is, in words, for a file that is not a regular file.
fn not_regular(ft: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
    }
    if ft.is_dir() { "a folder" } else { "not a regular file" }
}

/// Reads `path` whole, refusing anything that is not a regular file and files over `max` bytes.
/// A symbolic link given by name is followed (the user chose it); folder walks never follow one
/// out of their folder (see [`walk_folder`]).
pub(crate) fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| {
        Diagnostic::file(
            &name,
            Severity::Error,
            format!("cannot read this file: {}", io_reason(&e)),
        )
        .with_suggestion("check that the path is right and that you may read it")
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::file(&name, Severity::Error, "this is a folder, not a file")
            .with_suggestion("name a file inside it, or use a command that takes a folder"));
    }
    if !meta.is_file() {
        return Err(Diagnostic::file(
            &name,
            Severity::Error,
            format!(
                "this is {}, not a file Lateral can read",
                not_regular(&meta.file_type())
            ),
        )
        .with_suggestion("name an ordinary file (a lesson .md, an article .txt, a results .json …)"));
    }
    if meta.len() > max {
        return Err(too_large(&name, meta.len(), max));
    }
    let file = fs::File::open(path).map_err(|e| {
        Diagnostic::file(
            &name,
            Severity::Error,
            format!("cannot open this file: {}", io_reason(&e)),
        )
    })?;
    // The size can change between the check and the read (or lie, as in /proc): read at most
    // one byte more than allowed, and refuse if that byte is there.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(max)).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| {
        Diagnostic::file(
            &name,
            Severity::Error,
            format!("cannot read this file: {}", io_reason(&e)),
        )
    })?;
    if bytes.len() as u64 > max {
        return Err(too_large(&name, bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// An I/O error in plain words (no "os error 17").
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "there is no such file or folder".into(),
        K::PermissionDenied => "you are not allowed to (permission denied)".into(),
        K::AlreadyExists => "something of that name is already there".into(),
        K::NotADirectory => "a part of the path is a file, not a folder".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        K::StorageFull => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Reads `path` as text, refusing what [`read_bytes`] refuses and what [`decode_text`] refuses.
pub(crate) fn read_text(path: &Path, max: u64) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path, max)?;
    decode_text(&path.display().to_string(), bytes)
}

/// Line and column (1-based, in chars) of byte `at` in `bytes`, counting what decodes.
fn line_col_of_byte(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Decodes UTF-16 with its byte-order mark already removed.
fn decode_utf16(name: &str, body: &[u8], little: bool) -> Result<String, Diagnostic> {
    let units = body.chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| {
        Diagnostic::file(name, Severity::Error, "this UTF-16 file has a broken character in it")
            .with_suggestion("open it in your editor and save it as UTF-8")
    })
}

/// Checks and normalises bytes that should be a text file: UTF-8 (a BOM dropped) or UTF-16
/// with a BOM (converted); LF line endings. Refused, with the encoding named where it can be
/// told: text in a legacy encoding (Windows-1250, KOI8 …), UTF-16 or UTF-32 without a BOM,
/// and files with NUL bytes (binary files).
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let save_as = "save it as UTF-8 in your editor (\"Save as…\" → encoding UTF-8); if it is a Word or PDF file, copy the text into a plain-text file";
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(
            Diagnostic::file(name, Severity::Error, "this file is UTF-32 text, not UTF-8").with_suggestion(save_as),
        );
    }
    let text = if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(name, body, true)?
    } else if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(name, body, false)?
    } else {
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            let (line, column) = line_col_of_byte(&bytes, nul);
            let sample = &bytes[..bytes.len().min(4096)];
            let odd_nuls = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
            let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
            let half = sample.len() / 4;
            let message = if odd_nuls > half && even_nuls == 0 {
                "this file looks like UTF-16 (little-endian) text without a byte-order mark, not UTF-8".to_string()
            } else if even_nuls > half && odd_nuls == 0 {
                "this file looks like UTF-16 (big-endian) text without a byte-order mark, not UTF-8".to_string()
            } else {
                format!("this file is not UTF-8 text: it has a NUL byte at byte offset {nul}, as binary files do")
            };
            let mut d = Diagnostic::file(name, Severity::Error, message).with_suggestion(save_as);
            d.line = line;
            d.column = column;
            return Err(d);
        }
        match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let (line, column) = line_col_of_byte(bytes, good);
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(&bytes[..bytes.len().min(1 << 20)], true);
                let guess = det.guess(None, chardetng::Utf8Detection::Allow);
                let looks = if guess == encoding_rs::UTF_8 {
                    String::new()
                } else {
                    format!("; it looks like {} text", guess.name())
                };
                let mut d = Diagnostic::file(
                    name,
                    Severity::Error,
                    format!(
                        "this file is not UTF-8 text (byte {:#04x} at byte offset {good}{looks})",
                        bytes[good]
                    ),
                )
                .with_suggestion(save_as);
                d.line = line;
                d.column = column;
                return Err(d);
            }
        }
    };
    let text = text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text);
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text)
    }
}

/// What a file or folder is known by, so that one reached by two paths (a folder named twice, a
/// link inside a folder, `corpus/` found beside two lesson folders) counts once: its device and
/// inode on Unix (one `stat`), its canonical path elsewhere or when it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FileId {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The path with links and `..` resolved, or as given.
    Path(PathBuf),
}

/// The [`FileId`] of `p` (links followed).
pub(crate) fn file_id(p: &Path) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = fs::metadata(p) {
            return FileId::Inode(m.dev(), m.ino());
        }
    }
    FileId::Path(p.canonicalize().unwrap_or_else(|_| p.to_path_buf()))
}

/// What a folder walk found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Walk {
    /// Regular files, in name order (depth first), as paths below the folder given.
    pub files: Vec<PathBuf>,
    /// Things passed over: links out of the folder, FIFOs and devices, the file limit.
    pub warnings: Vec<Diagnostic>,
}

/// Lists the regular files in `root` (and, when `recursive`, in its folders), passing over
/// hidden names (`.git`, `.DS_Store`, editor swap files). A symbolic link is followed only when
/// it points inside `root`; each folder is entered once, so links cannot loop. FIFOs, sockets
/// and devices are passed over with a warning, never opened. Stops after [`MAX_FOLDER_FILES`]
/// files or below [`MAX_FOLDER_DEPTH`] folders, with a warning.
pub(crate) fn walk_folder(root: &Path, recursive: bool) -> Walk {
    let mut walk = Walk::default();
    let Ok(canon_root) = root.canonicalize() else {
        walk.warn(root, "cannot open this folder".into(), "check that the path is right");
        return walk;
    };
    let mut visited: HashSet<PathBuf> = HashSet::new();
    visited.insert(canon_root.clone());
    // A stack of folders to read; each folder's entries are pushed in reverse name order so that
    // the walk is depth first in name order, as `ls -R` reads.
    let mut stack: Vec<(PathBuf, usize)> = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let Some(entries) = walk.read_sorted(&dir) else {
            continue;
        };
        let mut subdirs = Vec::new();
        for e in entries {
            let p = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Some(ft) = walk.file_type(root, &canon_root, &e) else {
                continue;
            };
            if ft.is_dir() {
                if recursive && walk.may_enter(&mut visited, &p, depth) {
                    subdirs.push(p);
                }
            } else if ft.is_file() {
                if walk.files.len() >= MAX_FOLDER_FILES {
                    let msg = format!(
                        "this folder has more than {MAX_FOLDER_FILES} files; only the first {MAX_FOLDER_FILES} were read"
                    );
                    walk.warn(root, msg, "split it into smaller folders");
                    return walk;
                }
                walk.files.push(p);
            } else {
                let msg = format!("this is {}, not a file; skipped", not_regular(&ft));
                walk.warn(&p, msg, "remove it from the folder, or ignore this warning");
            }
        }
        for d in subdirs.into_iter().rev() {
            stack.push((d, depth + 1));
        }
    }
    // Path order (each folder's files where the folder's name sorts), as a sorted recursive
    // listing gives.
    walk.files.sort();
    walk
}

impl Walk {
    fn warn(&mut self, p: &Path, msg: String, help: &str) {
        self.warnings
            .push(Diagnostic::file(p.display().to_string(), Severity::Warning, msg).with_suggestion(help));
    }

    /// The entries of `dir` in name order, or `None` (with a warning) when it cannot be read.
    fn read_sorted(&mut self, dir: &Path) -> Option<Vec<fs::DirEntry>> {
        match fs::read_dir(dir) {
            Ok(rd) => {
                let mut entries: Vec<fs::DirEntry> = rd.filter_map(Result::ok).collect();
                entries.sort_by_key(fs::DirEntry::file_name);
                Some(entries)
            }
            Err(e) => {
                let msg = format!("cannot read this folder: {}", io_reason(&e));
                self.warn(dir, msg, "check that you may read it");
                None
            }
        }
    }

    /// What the entry is, following a link only when it points inside the folder; `None`
    /// (with a warning for a link) to pass it over.
    fn file_type(&mut self, root: &Path, canon_root: &Path, e: &fs::DirEntry) -> Option<fs::FileType> {
        let ft = e.file_type().ok()?;
        if !ft.is_symlink() {
            return Some(ft);
        }
        let p = e.path();
        let Ok(target) = p.canonicalize() else {
            self.warn(&p, "this link points nowhere; skipped".into(), "remove the broken link");
            return None;
        };
        if !target.starts_with(canon_root) {
            let msg = format!("this link points outside {} ; skipped", root.display());
            self.warn(&p, msg, "copy the file into the folder instead of linking to it");
            return None;
        }
        fs::metadata(&target).ok().map(|m| m.file_type())
    }

    /// May the walk go into the folder `p` found at `depth`? Each folder once, and not too deep.
    fn may_enter(&mut self, visited: &mut HashSet<PathBuf>, p: &Path, depth: usize) -> bool {
        let Ok(canon) = p.canonicalize() else { return false };
        if !visited.insert(canon) {
            return false;
        }
        if depth + 1 > MAX_FOLDER_DEPTH {
            let msg = format!("this folder is more than {MAX_FOLDER_DEPTH} folders deep; skipped");
            self.warn(p, msg, "move its files nearer the top");
            return false;
        }
        true
    }
}

/// The path of the backup kept by [`write_atomic`]: `name.ext.bak`.
pub(crate) fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Creates `dir` and its missing parents so that only their owner may enter them (0700 on
/// Unix), and makes `dir` itself 0700 if it already existed with wider permissions.
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        let m = fs::metadata(dir)?;
        if m.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Who may read a written file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Privacy {
    /// As the folder's defaults say, or as the file being replaced was.
    Keep,
    /// Only the owner (0600 on Unix): student data.
    Owner,
}

/// Writes `bytes` to `path` so that a crash or power cut leaves either the old file or the new
/// one, never half of one (through the `atomic-write-file` crate: a temporary file beside it,
/// fsynced, renamed over `path`, the folder fsynced), keeping the previous file as `path.bak`.
/// A file being replaced keeps its permissions.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, bytes, Privacy::Keep)
}

/// [`write_atomic`] for student data: the file and its backup are readable by their owner only
/// (0600), in folders made with [`create_private_dir`].
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, bytes, Privacy::Owner)
}

fn write_with(path: &Path, bytes: &[u8], privacy: Privacy) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match privacy {
        Privacy::Owner => create_private_dir(dir)?,
        Privacy::Keep => fs::create_dir_all(dir)?,
    }
    let previous = fs::symlink_metadata(path).ok().filter(fs::Metadata::is_file);
    // `atomic-write-file` writes a new file beside `path` (an unnamed one where Linux allows),
    // and `commit` fsyncs it, renames it over `path` (replacing a link planted there, never
    // writing through it) and fsyncs the folder. A file being replaced keeps its permissions,
    // unless it is student data, which is always the owner's only.
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix sets a mode"))]
    let mut opts = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    if privacy == Privacy::Owner {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.preserve_mode(false);
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(bytes)?;
    if previous.is_some() {
        // Keep the previous version; copy (not rename) so `path` exists at every moment.
        let bak = backup_path(path);
        // `copy` writes through a link at the destination: make a fresh file instead.
        if fs::symlink_metadata(&bak).is_ok() {
            fs::remove_file(&bak)?;
        }
        fs::copy(path, &bak)?;
        #[cfg(unix)]
        if privacy == Privacy::Owner {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&bak, fs::Permissions::from_mode(0o600))?;
        }
    }
    f.commit()
}

#[cfg(test)]
mod tests;
