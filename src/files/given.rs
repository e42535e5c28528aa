//! Files handed over whole, without a path on this machine: the files a student or teacher picks
//! in a browser tab (the web build has no file system), read into memory by the page.
//!
//! They are as hostile as any file on disk and pass the same checks, in the same words: a size
//! limit for each kind of file, checked before the page reads a byte ([`check_size`], from the
//! size the browser reports) and again on the bytes ([`GivenFile::text`]); text must be UTF-8
//! (or UTF-16 with a byte-order mark), as [`super::decode_text`] decides; at most
//! [`MAX_GIVEN_FILES`] files and [`MAX_GIVEN_BYTES`] bytes in one pick. A name is only ever
//! shown and compared: it never becomes a path ([`clean_name`]).

use crate::text::diag::{Diagnostic, Severity};

/// Most files one pick hands over (a folder picked in a browser: as many as a folder walk lists).
pub const MAX_GIVEN_FILES: usize = super::MAX_FOLDER_FILES;
/// Most bytes one pick hands over, all files together (256 MiB: a browser tab holds them in
/// memory).
pub const MAX_GIVEN_BYTES: u64 = 256 * 1024 * 1024;
/// Longest name kept, in chars (longer ones are cut, with `…`).
const MAX_NAME_CHARS: usize = 255;

/// A file handed over whole: the name the user's system gave it (a bare file name, or a path
/// inside the folder picked, `/`-separated) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GivenFile {
    name: String,
    bytes: Vec<u8>,
}

impl GivenFile {
    /// A file named `name` (cleaned by [`clean_name`]) holding `bytes`.
    pub fn new(name: &str, bytes: Vec<u8>) -> Self {
        Self {
            name: clean_name(name),
            bytes,
        }
    }

    /// Its name, cleaned: for messages and for pairing an article's two files.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Its bytes, taken.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Its text, refused as [`super::read_text`] refuses a file on disk: over `max` bytes, not
    /// UTF-8 (or UTF-16 with a byte-order mark), binary.
    pub fn text(&self, max: u64) -> Result<String, Diagnostic> {
        check_size(&self.name, self.bytes.len() as u64, max)?;
        super::decode_text(&self.name, self.bytes.clone())
    }
}

/// Refuses a file of `len` bytes when that is over `max`, in the words [`super::read_bytes`]
/// uses; the page calls it with the size the browser reports, before reading the file.
pub fn check_size(name: &str, len: u64, max: u64) -> Result<(), Diagnostic> {
    if len > max {
        return Err(super::too_large(name, len, max));
    }
    Ok(())
}

/// A name as shown and compared: `\` read as `/`, empty, `.` and `..` parts dropped, control
/// and invisible characters written as escapes (`\u{202e}`), at most 255 chars. Two names that
/// differ only in what is dropped are the same file.
pub fn clean_name(raw: &str) -> String {
    let joined = raw
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect::<Vec<_>>()
        .join("/");
    let mut out = String::new();
    for c in joined.chars() {
        if c.is_control() || crate::text::ids::is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if out.chars().count() > MAX_NAME_CHARS {
        out = out.chars().take(MAX_NAME_CHARS - 1).collect();
        out.push('…');
    }
    if out.is_empty() {
        // i18n: not text (a file's name when it has none)
        out.push_str("unnamed");
    }
    out
}

/// Is a file named `name` (a cleaned name) hidden: does a part of it start with `.`, as
/// `._NAME.txt` (a Mac's) or `.Trash-1000/…`? A folder walk passes them over.
pub fn is_hidden(name: &str) -> bool {
    name.split('/').any(|part| part.starts_with('.'))
}

/// The last part of a name, the file's own: `a/b.txt` → `b.txt` (`\\` counts as `/`).
pub fn file_part(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The extension of a file's name, lower case: `a/b.TXT` → `txt`; `None` without one (`.bashrc`
/// and `notes.` have none).
pub fn extension(name: &str) -> Option<String> {
    file_part(name)
        .rsplit_once('.')
        .filter(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
        .map(|(_, e)| e.to_ascii_lowercase())
}

/// `name` without its extension, as `Path::file_stem` cuts it: `corpus/a.b.txt` →
/// `corpus/a.b`; `.bashrc` stays.
pub fn without_extension(name: &str) -> &str {
    let file_start = name.len() - file_part(name).len();
    match name[file_start..].rfind('.') {
        Some(dot) if dot > 0 => &name[..file_start + dot],
        _ => name,
    }
}

/// Keeps what one pick may hand over: the first files, up to [`MAX_GIVEN_FILES`] of them and
/// [`MAX_GIVEN_BYTES`] together (in the order given); says, once, where it stopped.
pub fn within_limits(files: Vec<GivenFile>) -> (Vec<GivenFile>, Vec<Diagnostic>) {
    let mut kept = Vec::new();
    let mut diags = Vec::new();
    let mut total = 0u64;
    let count = files.len();
    for f in files {
        if kept.len() == MAX_GIVEN_FILES {
            diags.push(too_many(f.name(), count));
            break;
        }
        let len = f.bytes.len() as u64;
        if total.saturating_add(len) > MAX_GIVEN_BYTES {
            diags.push(too_much(f.name()));
            break;
        }
        total += len;
        kept.push(f);
    }
    (kept, diags)
}

/// Why a file and the ones after it were left out of a pick of `count` files: the pick is over
/// [`MAX_GIVEN_FILES`] files with it.
pub fn too_many(name: &str, count: usize) -> Diagnostic {
    Diagnostic::file(
        name,
        Severity::Warning,
        format!(
            "only the first {MAX_GIVEN_FILES} of the {count} files picked were opened; this one and the rest were not"
        ),
    )
    .with_suggestion("pick a smaller folder, or fewer files")
}

/// A file picked that the browser could not read (moved or deleted since it was picked).
pub fn unreadable(name: &str) -> Diagnostic {
    Diagnostic::file(name, Severity::Error, "the browser could not read this file")
        .with_suggestion("check that the file is still there, and pick it again")
}

/// Why a file and the ones after it were left out of a pick: the pick is over
/// [`MAX_GIVEN_BYTES`] with it.
pub fn too_much(name: &str) -> Diagnostic {
    Diagnostic::file(
        name,
        Severity::Warning,
        format!(
            "this file and the ones after it were not opened: the files picked are over {} together",
            super::human(MAX_GIVEN_BYTES)
        ),
    )
    .with_suggestion("pick a smaller folder, or fewer files")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_name_drops_dot_parts_and_escapes_invisible_characters() {
        assert_eq!(clean_name("lessons/../../etc/passwd"), "lessons/etc/passwd");
        assert_eq!(clean_name("C:\\Users\\ana\\01.md"), "C:/Users/ana/01.md");
        assert_eq!(clean_name("./a//b/"), "a/b");
        assert_eq!(clean_name("evil\u{202e}dm.txt"), "evil\\u{202e}dm.txt");
        assert_eq!(clean_name("line\nbreak.md"), "line\\u{a}break.md");
        assert_eq!(clean_name(""), "unnamed");
        assert_eq!(clean_name("../.."), "unnamed");
        let long = "x".repeat(1000);
        assert_eq!(clean_name(&long).chars().count(), 255);
    }

    #[test]
    fn names_split_as_paths_do() {
        assert_eq!(file_part("a/b.txt"), "b.txt");
        assert_eq!(file_part("C:\\x\\y.md"), "y.md");
        assert_eq!(extension("a/B.TXT").as_deref(), Some("txt"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("notes."), None);
        assert_eq!(without_extension("corpus/a.b.txt"), "corpus/a.b");
        assert_eq!(without_extension("corpus/.bashrc"), "corpus/.bashrc");
        assert_eq!(without_extension("a.d/readme"), "a.d/readme");
    }

    #[test]
    fn text_refuses_what_read_text_refuses() {
        let big = GivenFile::new("big.md", vec![b'a'; 11]);
        let d = big.text(10).unwrap_err();
        assert!(d.message.contains("larger than"), "{}", d.message);
        let binary = GivenFile::new("x.txt", b"ab\0cd".to_vec());
        assert!(binary.text(100).unwrap_err().message.contains("NUL"));
        let bom = GivenFile::new("x.txt", b"\xEF\xBB\xBFhello\r\nworld".to_vec());
        assert_eq!(bom.text(100).unwrap(), "hello\nworld");
    }

    #[test]
    fn within_limits_stops_at_the_count_and_leaves_out_what_does_not_fit() {
        let files: Vec<GivenFile> = (0..MAX_GIVEN_FILES + 5)
            .map(|i| GivenFile::new(&format!("{i}.txt"), Vec::new()))
            .collect();
        let (kept, diags) = within_limits(files);
        assert_eq!(kept.len(), MAX_GIVEN_FILES);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("only the first"));
    }

    proptest! {
        /// Whatever the browser says a file is called, its cleaned name has no `..` part, no
        /// empty part, no control character, and at most 255 chars.
        #[test]
        fn clean_names_are_never_paths_out(raw in "\\PC{0,300}|[./\\\\a\u{0}\n]{0,40}") {
            let n = clean_name(&raw);
            prop_assert!(!n.is_empty());
            prop_assert!(n.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!n.chars().any(char::is_control));
            prop_assert!(!n.starts_with('/'));
            prop_assert!(n.split('/').all(|p| !p.is_empty() && p != ".." && p != "."));
        }
    }
}
