//! Saved progress on a shared laptop: student profiles, each student's work per lesson, and the
//! app's settings, in the platform's data folder. No GUI in here.
//!
//! ```text
//! <data>/settings.json
//! <data>/students/<slug>/profile.json      {"name": "Ana"}
//! <data>/students/<slug>/<lesson-id>.json  a results file (docs/results-format.md)
//! ```
//!
//! Every write is atomic with the previous file kept as `.bak` ([`crate::fsutil::write_atomic`]).
//! A file that cannot be read is never overwritten or deleted: it is moved aside to
//! `NAME.damaged-<time>.json` and reported, and the student starts that lesson afresh.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::SourceFile;
use crate::fsutil::{MAX_RESULTS_BYTES, read_text, write_atomic};
use crate::results::{Results, parse_results};

/// The app's own settings (not a student's work).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// Format version of this file.
    pub version: u32,
    /// Reading text size in points.
    pub font_size: f32,
    /// Dark theme?
    pub dark: bool,
    /// The student who used the app last, to preselect.
    pub last_student: Option<String>,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            version: 1,
            font_size: 18.0,
            dark: false,
            last_student: None,
        }
    }
}

impl AppSettings {
    /// Smallest and largest reading sizes.
    pub const FONT_RANGE: (f32, f32) = (12.0, 36.0);

    /// The font size, kept in range.
    pub fn clamped_font(&self) -> f32 {
        self.font_size.clamp(Self::FONT_RANGE.0, Self::FONT_RANGE.1)
    }
}

#[derive(Serialize, Deserialize)]
struct Profile {
    name: String,
}

/// What loading a student's progress on a lesson found.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// Saved work.
    Work(Box<Results>),
    /// The file could not be read; it was moved to `moved_to`, and `problem` says why.
    Damaged {
        /// Where the unreadable file now is.
        moved_to: PathBuf,
        /// What was wrong with it.
        problem: String,
    },
}

/// The data folder.
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
}

/// A file-system-safe folder name for a student name: lower-case letters and digits joined by
/// `-`, plus a short hash of the exact name so that "Ana" and "ana" stay apart.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s: String = s.trim_end_matches('-').chars().take(40).collect();
    let hash = crate::lesson::sha256_hex(name.trim());
    format!("{}-{}", if s.is_empty() { "student" } else { &s }, &hash[..8])
}

impl Store {
    /// A store in `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The platform's data folder for Lateral (`~/.local/share/lateral` on Linux), or the folder
    /// in `LATERAL_DATA_DIR` when that is set (for a shared or portable setup, and for tests).
    pub fn default_location() -> Self {
        if let Some(dir) = std::env::var_os("LATERAL_DATA_DIR") {
            return Self::new(PathBuf::from(dir));
        }
        let dir = directories::ProjectDirs::from("org", "Lateral", "lateral")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(".lateral"));
        Self::new(dir)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn student_dir(&self, name: &str) -> PathBuf {
        self.root.join("students").join(slug(name))
    }

    /// The file a student's work on a lesson is saved in.
    pub fn progress_path(&self, student: &str, lesson_id: &str) -> PathBuf {
        self.student_dir(student).join(format!("{lesson_id}.json"))
    }

    /// Every student with a profile, sorted by name.
    pub fn students(&self) -> Vec<String> {
        let Ok(rd) = std::fs::read_dir(self.root.join("students")) else {
            return Vec::new();
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| std::fs::read_to_string(e.path().join("profile.json")).ok())
            .filter_map(|t| serde_json::from_str::<Profile>(&t).ok())
            .map(|p| p.name)
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup();
        names
    }

    /// Adds a student (or does nothing if they exist). Names are trimmed; an empty name is refused.
    pub fn add_student(&self, name: &str) -> Result<String, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("Type a name first.".into());
        }
        if name.chars().count() > 60 {
            return Err("That name is too long (60 letters at most).".into());
        }
        let p = self.student_dir(name).join("profile.json");
        if !p.exists() {
            let json = serde_json::to_string_pretty(&Profile { name: name.into() }).unwrap_or_default();
            write_atomic(&p, json.as_bytes()).map_err(|e| format!("Could not save the profile: {e}"))?;
        }
        Ok(name.to_string())
    }

    /// Loads a student's saved work on a lesson. An unreadable file is moved aside, never lost.
    pub fn load_progress(&self, student: &str, lesson_id: &str) -> Loaded {
        let p = self.progress_path(student, lesson_id);
        if !p.exists() {
            return Loaded::Nothing;
        }
        let problem = match read_text(&p, MAX_RESULTS_BYTES) {
            Ok(text) => match parse_results(&SourceFile::new(p.display().to_string(), text)) {
                Ok(r) if r.lesson.id == lesson_id => return Loaded::Work(Box::new(r)),
                Ok(r) => format!("it holds work for lesson `{}`", r.lesson.id),
                Err(d) => d.message,
            },
            Err(d) => d.message,
        };
        let stamp = crate::results::now().replace([':', '-'], "");
        let moved_to = p.with_file_name(format!("{lesson_id}.damaged-{stamp}.json"));
        match std::fs::rename(&p, &moved_to) {
            Ok(()) => Loaded::Damaged { moved_to, problem },
            Err(e) => Loaded::Damaged {
                moved_to: p,
                problem: format!("{problem} (and it could not be moved aside: {e})"),
            },
        }
    }

    /// Saves a student's work on a lesson (atomically, keeping the previous file).
    pub fn save_progress(&self, results: &Results) -> std::io::Result<PathBuf> {
        let p = self.progress_path(&results.student, &results.lesson.id);
        let mut r = results.clone();
        r.updated = Some(crate::results::now());
        write_atomic(&p, r.to_json().as_bytes())?;
        Ok(p)
    }

    /// The app's settings; defaults when there are none or they cannot be read.
    pub fn load_settings(&self) -> AppSettings {
        std::fs::read_to_string(self.root.join("settings.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Saves the app's settings.
    pub fn save_settings(&self, s: &AppSettings) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(s).unwrap_or_default();
        write_atomic(&self.root.join("settings.json"), json.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn slugs_are_safe_and_distinct() {
        assert!(slug("Ana María").starts_with("ana-maría-"));
        assert_ne!(slug("Ana"), slug("ana"));
        assert!(slug("../../etc").starts_with("etc-"));
        assert!(slug("   ").starts_with("student-"));
        assert!(!slug("a/b\\c").contains(['/', '\\']));
    }

    #[test]
    fn profiles_progress_and_settings_round_trip() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        store.add_student("Ben").expect("added");
        store.add_student("ana").expect("added");
        store.add_student("Ben").expect("again is fine");
        assert_eq!(store.students(), vec!["ana", "Ben"]);
        assert!(store.add_student("  ").is_err());

        let corpus = bundled::corpus();
        let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
        assert!(matches!(store.load_progress("Ben", &lesson.id), Loaded::Nothing));
        let r = Results::new("Ben", &lesson);
        store.save_progress(&r).expect("saved");
        match store.load_progress("Ben", &lesson.id) {
            Loaded::Work(back) => assert_eq!(back.student, "Ben"),
            other => panic!("{other:?}"),
        }

        let s = AppSettings {
            font_size: 22.0,
            dark: true,
            last_student: Some("Ben".into()),
            ..Default::default()
        };
        store.save_settings(&s).expect("saved");
        assert_eq!(store.load_settings(), s);
    }

    #[test]
    fn a_damaged_progress_file_is_moved_aside_not_wiped() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        let p = store.progress_path("Ana", "first-look");
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(&p, b"{ this is not json").expect("written");
        match store.load_progress("Ana", "first-look") {
            Loaded::Damaged { moved_to, problem } => {
                assert!(problem.contains("not a readable results file"), "{problem}");
                assert_eq!(std::fs::read(&moved_to).expect("kept"), b"{ this is not json");
                assert!(!p.exists());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(store.load_progress("Ana", "first-look"), Loaded::Nothing));
    }
}
