//! Names that may become file names: lesson, article, step, label and pack ids, and the file
//! names derived from lesson ids and student names.
//!
//! Every id read from a file (a lesson, an article's metadata, a results file, a progress file,
//! an exam pack) goes through [`check_id`] before it is used, and nothing else ever joins an id
//! onto a path: [`lesson_file_name`] and [`student_folder_name`] do it, and they only produce
//! names that stay inside their folder and copy to a Windows laptop.

/// The longest id, in chars.
pub(crate) const MAX_ID_CHARS: usize = 64;

/// The longest student name, in chars.
pub(crate) const MAX_NAME_CHARS: usize = 60;

/// File names Windows reserves in every folder, with or without an extension.
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com¹", "com²",
    "com³", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// Why an id cannot be used, in words for the person who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum IdError {
    /// Nothing there.
    #[error("an id cannot be empty")]
    Empty,
    /// Too long.
    #[error("an id may be at most {MAX_ID_CHARS} characters long (this one has {0})")]
    TooLong(usize),
    /// A character outside the safe set.
    #[error("an id may hold only the letters a–z and A–Z, digits, `-`, `_` and `.` (not {0})")]
    BadChar(String),
    /// Starts with a dot (hidden file) or a `-` (reads as a command-line flag).
    #[error("an id cannot start with `{0}`")]
    BadStart(char),
    /// Ends with a dot (Windows drops it).
    #[error("an id cannot end with `.`")]
    TrailingDot,
    /// `..` anywhere.
    #[error("an id cannot contain `..`")]
    DotDot,
    /// A name Windows reserves.
    #[error("`{0}` is a name Windows reserves for a device, so a file of that name cannot exist there")]
    Reserved(String),
}

/// The suggestion that goes with every [`IdError`].
pub(crate) const ID_HELP: &str =
    "use letters, digits, `-` and `_` (and `.` inside), at most 64 characters, e.g. \"city-paper-flood\"";

/// Checks an id read from a file. Ids are ASCII so that two ids never name one file on a
/// case-folding or Unicode-normalising file system (see [`lesson_file_name`] for case).
pub(crate) fn check_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    let n = id.chars().count();
    if n > MAX_ID_CHARS {
        return Err(IdError::TooLong(n));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(IdError::BadChar(describe_char(c)));
    }
    let first = id.chars().next().unwrap_or('.');
    if matches!(first, '.' | '-') {
        return Err(IdError::BadStart(first));
    }
    if id.ends_with('.') {
        return Err(IdError::TrailingDot);
    }
    if id.contains("..") {
        return Err(IdError::DotDot);
    }
    if is_windows_reserved(id) {
        return Err(IdError::Reserved(id.to_string()));
    }
    Ok(())
}

/// Is `id` usable as an id? (See [`check_id`].)
pub fn valid_id(id: &str) -> bool {
    check_id(id).is_ok()
}

/// Is `name` (a file name or its stem) one that Windows reserves, such as `CON` or `nul.txt`?
pub(crate) fn is_windows_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    let stem = stem.to_lowercase();
    WINDOWS_RESERVED.contains(&stem.as_str())
}

/// How a character is named in a message: itself when printable, its code point otherwise.
pub(crate) fn describe_char(c: char) -> String {
    match c {
        '/' | '\\' => format!("the path separator `{c}`"),
        ' ' => "a space".into(),
        c if c.is_control() || c.is_whitespace() => format!("U+{:04X}", c as u32),
        c => format!("`{c}` (U+{:04X})", c as u32),
    }
}

/// A value read from a file, made safe to show inside a message: control and bidi characters
/// escaped (`\u{1b}`), and cut to 60 chars with `…`.
pub fn shown(s: &str) -> String {
    let mut out = String::new();
    for c in crate::text::diag::short(s, 60).chars() {
        if c.is_control() || is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// SHA-256 of a text, hex.
pub(crate) fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The file name (without folder) a lesson's saved work is kept in: `ID.json` for an id in
/// lower case, `ID~HASH.json` otherwise, so that `Quiz` and `quiz` stay two files on a file
/// system that ignores case. `None` for an id that fails [`check_id`].
pub(crate) fn lesson_file_name(id: &str, ext: &str) -> Option<String> {
    check_id(id).ok()?;
    if id.chars().any(|c| c.is_ascii_uppercase()) {
        let hash = sha256_hex(id);
        Some(format!("{}~{}.{ext}", id.to_ascii_lowercase(), &hash[..16]))
    } else {
        Some(format!("{id}.{ext}"))
    }
}

/// Checks a student name as typed in the app or read from a file: not empty, at most
/// [`MAX_NAME_CHARS`], no control characters. Returns the name trimmed.
pub(crate) fn check_student_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Type a name first.".into());
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(format!("That name is too long ({MAX_NAME_CHARS} letters at most)."));
    }
    if let Some(c) = name.chars().find(|c| c.is_control() || is_invisible(*c)) {
        return Err(format!(
            "A name cannot contain the invisible character {}.",
            describe_char(c)
        ));
    }
    Ok(name.to_string())
}

/// Format characters that make two names look alike or reorder text on screen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The folder a student's files live in: the name's letters and digits in lower case, then
/// 16 hex digits of the SHA-256 of the exact (trimmed) name. Two different names never share a
/// folder (short of a SHA-256 collision), whatever the file system folds, and the result is
/// always one safe path component.
pub(crate) fn student_folder_name(name: &str) -> String {
    let name = name.trim();
    let mut s = String::new();
    let mut n = 0;
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
        n += 1;
        if n >= 32 {
            break;
        }
    }
    let s = s.trim_end_matches('-');
    let hash = sha256_hex(name);
    format!("{}-{}", if s.is_empty() { "student" } else { s }, &hash[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids_pass() {
        for id in ["rt", "ap-ktvz", "000_93c843e8f2ae1a16", "Lesson.2", "a"] {
            assert_eq!(check_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn regression_pack_id_with_dot_dot_escapes_the_data_folder() {
        for id in ["../../something", "..", "a/../b", "a..b"] {
            assert!(check_id(id).is_err(), "{id}");
        }
    }

    #[test]
    fn path_separators_absolute_paths_and_hidden_names_are_refused() {
        for id in [
            "/etc/passwd",
            "a/b",
            "a\\b",
            "C:\\x",
            "C:x",
            ".hidden",
            "-rf",
            "x.",
            "a b",
            "tab\there",
        ] {
            assert!(check_id(id).is_err(), "{id}");
        }
    }

    #[test]
    fn regression_windows_reserved_names_are_refused_as_ids() {
        for id in ["CON", "con", "Nul", "nul.txt", "COM1", "lpt9", "aux.md", "PRN"] {
            assert!(matches!(check_id(id), Err(IdError::Reserved(_))), "{id}");
        }
        for id in ["console", "com10", "nully", "auxiliary"] {
            assert_eq!(check_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn non_ascii_and_control_characters_are_refused() {
        for id in ["zażółć", "Ｆullwidth", "a\u{1b}[31m", "a\u{0}", "é", "ı"] {
            assert!(matches!(check_id(id), Err(IdError::BadChar(_))), "{id}");
        }
        let long = "a".repeat(65);
        assert_eq!(check_id(&long), Err(IdError::TooLong(65)));
        assert_eq!(check_id(""), Err(IdError::Empty));
    }

    #[test]
    fn regression_ids_that_differ_by_case_get_different_progress_files() {
        let a = lesson_file_name("quiz", "json").expect("ok");
        let b = lesson_file_name("Quiz", "json").expect("ok");
        let c = lesson_file_name("QUIZ", "json").expect("ok");
        assert_eq!(a, "quiz.json");
        let lower: std::collections::HashSet<String> = [a, b, c].iter().map(|s| s.to_lowercase()).collect();
        assert_eq!(lower.len(), 3, "{lower:?}");
        assert_eq!(lesson_file_name("../x", "json"), None);
    }

    #[test]
    fn regression_student_names_never_share_a_folder() {
        let names = [
            "Ana",
            "ana",
            "ANA",
            "Ána",
            "Aná",
            "Ana.",
            "Ana!",
            "Ana ",
            "A-na",
            "A na",
            "A_na",
            "Ana María",
            "Ana Maria",
            "Ana-María",
            "Zoë",
            "Zoe",
            "Zoé",
            "Ольга",
            "Ołga",
            "Olga",
            "学生",
            "学",
            "生",
        ];
        let mut seen = std::collections::HashMap::new();
        for n in names {
            let folder = student_folder_name(n).to_lowercase();
            // "Ana " is "Ana" after trimming, the same student.
            if let Some(prev) = seen.insert(folder.clone(), n.trim())
                && prev != n.trim()
            {
                panic!("{prev:?} and {n:?} share {folder}");
            }
        }
    }

    #[test]
    fn student_folders_are_one_safe_component() {
        for n in [
            "../../etc",
            "a/b\\c",
            "CON",
            "   ",
            "…",
            "\u{202E}evil",
            ".bashrc",
            "nul",
        ] {
            let f = student_folder_name(n);
            assert!(f.chars().all(|c| c.is_alphanumeric() || c == '-'), "{f}");
            assert!(!f.starts_with(['.', '-']), "{f}");
            assert!(!is_windows_reserved(&f), "{f}");
            assert!(f.chars().count() <= 2 * 32 + 17, "{f}");
        }
    }

    #[test]
    fn regression_escape_sequences_in_student_names_are_refused() {
        assert!(check_student_name("Ana\u{1b}[2J").is_err());
        assert!(check_student_name("Ana\u{202E}").is_err());
        assert!(check_student_name("  ").is_err());
        assert!(check_student_name(&"x".repeat(61)).is_err());
        assert_eq!(check_student_name("  Ana María ").as_deref(), Ok("Ana María"));
    }
}
