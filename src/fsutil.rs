//! Reading user files defensively and writing files atomically.
//!
//! Every file a user can hand us goes through [`read_text`]: a size limit checked before reading,
//! UTF-8 checked with the place of the first bad byte, a BOM dropped and CRLF turned into LF, so
//! the rest of the core sees one kind of text.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};

/// Largest lesson or article metadata file we read (2 MiB).
pub const MAX_LESSON_BYTES: u64 = 2 * 1024 * 1024;
/// Largest article text we read (8 MiB: several novels).
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest results file we read (16 MiB).
pub const MAX_RESULTS_BYTES: u64 = 16 * 1024 * 1024;

fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// Reads `path` as text, refusing files over `max` bytes and files that are not UTF-8. Drops a
/// UTF-8 byte-order mark and turns CRLF (and lone CR) line endings into LF.
pub fn read_text(path: &Path, max: u64) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| {
        Diagnostic::file(&name, Severity::Error, format!("cannot read this file: {e}"))
            .with_suggestion("check that the path is right and that you may read it")
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::file(&name, Severity::Error, "this is a folder, not a file"));
    }
    if meta.len() > max {
        return Err(Diagnostic::file(
            &name,
            Severity::Error,
            format!(
                "this file is {}, larger than the {} a file of this kind may be",
                human(meta.len()),
                human(max)
            ),
        )
        .with_suggestion("split it into smaller files, or check that it is the file you meant"));
    }
    let bytes =
        fs::read(path).map_err(|e| Diagnostic::file(&name, Severity::Error, format!("cannot read this file: {e}")))?;
    decode_text(&name, bytes)
}

/// Checks and normalises bytes that should be a text file (see [`read_text`]).
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..good]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let mut d = Diagnostic::file(
                name,
                Severity::Error,
                format!("this file is not UTF-8 text (byte {:#04x} at byte offset {good})", bytes[good]),
            )
            .with_suggestion(
                "save it as UTF-8 in your editor (\"Save as…\" → encoding UTF-8); if it is a Word or PDF file, copy the text into a plain-text file",
            );
            d.line = line;
            d.column = column;
            return Err(d);
        }
    };
    let text = text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text);
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text)
    }
}

/// The path of the backup kept by [`write_atomic`]: `name.ext.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Writes `bytes` to `path` so that a crash or power cut leaves either the old file or the new
/// one, never half of one: write a temporary file beside it, fsync it, keep the previous file as
/// `path.bak`, rename the temporary file over `path`, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    if path.exists() {
        // Keep the previous version; copy (not rename) so `path` exists at every moment.
        fs::copy(path, backup_path(path))?;
    }
    fs::rename(&tmp, path)?;
    if let Ok(d) = fs::File::open(dir) {
        // Not every platform can fsync a folder; the rename is done either way.
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let t = decode_text("x", b"\xEF\xBB\xBFa\r\nb\rc\n".to_vec()).unwrap();
        assert_eq!(t, "a\nb\nc\n");
    }

    #[test]
    fn non_utf8_reports_line_and_column() {
        let e = decode_text("x.md", b"ok\nab\xFFcd".to_vec()).unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(e.message.contains("not UTF-8"), "{}", e.message);
    }

    #[test]
    fn atomic_write_keeps_previous_version() {
        let dir = std::env::temp_dir().join(format!("lateral-fsutil-{}", std::process::id()));
        let p = dir.join("a.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = std::env::temp_dir().join(format!("lateral-big-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let p = dir.join("big.md");
        let f = fs::File::create(&p).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
        let e = read_text(&p, MAX_LESSON_BYTES).unwrap_err();
        assert!(e.message.contains("50.0 MB"), "{}", e.message);
        assert!(e.message.contains("larger than the 2.0 MB"), "{}", e.message);
        fs::remove_dir_all(&dir).unwrap();
    }
}
