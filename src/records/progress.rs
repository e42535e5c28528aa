//! Saved progress on a shared laptop: student profiles, each student's work per lesson, and the
//! app's settings, in the platform's data folder. No GUI in here.
//!
//! ```text
//! <data>/settings.json
//! <data>/students/<slug>/profile.json      {"name": "Ana"}
//! <data>/students/<slug>/<lesson-id>.json  a results file (docs/results-format.md)
//! ```
//!
//! Every write is atomic with the previous file kept as `.bak` ([`crate::files::write_private`]);
//! the folder is private to the laptop's user (0700, files 0600 on Unix). Folder and file names
//! come from [`crate::text::ids`] only: a student name or lesson id never becomes a path unchecked.
//! A file that cannot be read is never overwritten or deleted: it is moved aside to
//! `NAME.damaged-<time>.json` and reported, and the student starts that lesson afresh.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::{MAX_META_BYTES, MAX_RESULTS_BYTES, create_private_dir, io_reason, read_text, write_private};
use crate::i18n::Locale;
use crate::records::pin::TeacherPin;
use crate::records::results::{Results, parse_results};
use crate::text::diag::SourceFile;
use crate::text::ids::check_student_name;

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
    /// The teacher PIN that opens the teacher's view, as a salted hash; `None` until the teacher
    /// sets one (first use). Deleting the settings file resets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teacher_pin: Option<TeacherPin>,
    /// A teacher's setting: the student screen shows no list of the students' names, only the
    /// box to type one (so a name is not one click away for anyone at the laptop). Files
    /// written before it existed load with the list shown.
    pub hide_student_list: bool,
    /// The UI's language on this laptop (`en`, `pl`, `uk`), once someone chose one; until then
    /// the system's. Kept as written, so a file from a later version with another language
    /// still loads (that language is then not used).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            version: 1,
            font_size: 18.0,
            dark: false,
            last_student: None,
            teacher_pin: None,
            hide_student_list: false,
            locale: None,
        }
    }
}

impl AppSettings {
    /// Smallest and largest reading sizes.
    pub(crate) const FONT_RANGE: (f32, f32) = (12.0, 36.0);

    /// The chosen language, if it is one the UI is written in.
    pub fn locale(&self) -> Option<Locale> {
        self.locale.as_deref().and_then(Locale::from_tag)
    }

    /// The font size, kept in range.
    pub(crate) fn clamped_font(&self) -> f32 {
        if self.font_size.is_finite() {
            self.font_size.clamp(Self::FONT_RANGE.0, Self::FONT_RANGE.1)
        } else {
            Self::default().font_size
        }
    }

    /// These settings with every value a hand-edited file could spoil made safe: the font size
    /// in range, a last student only if it is a name the app accepts, and a teacher PIN only if
    /// it is one the app could have written (else the teacher sets a new one, as after a reset).
    pub(crate) fn sanitized(mut self) -> Self {
        self.font_size = self.clamped_font();
        self.last_student = self
            .last_student
            .and_then(|n| crate::text::ids::check_student_name(&n).ok());
        self.teacher_pin = self.teacher_pin.filter(TeacherPin::is_well_formed);
        self
    }
}

#[derive(Serialize, Deserialize)]
struct Profile {
    name: String,
    /// How much this student zooms the whole window (1.0: not at all); absent until they zoom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zoom: Option<f32>,
    /// The language this student chose (a tag, as [`AppSettings::locale`]); absent until they do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locale: Option<String>,
}

/// Smallest and largest zoom of the whole window (egui's zoom factor), and the step of Ctrl + / −.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// A zoom factor kept in [`ZOOM_RANGE`] and rounded to tenths; 1.0 for anything not a number.
pub fn clamp_zoom(z: f32) -> f32 {
    if z.is_finite() {
        ((z * 10.0).round() / 10.0).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
    } else {
        1.0
    }
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

/// The folder name for a student's files (see [`crate::text::ids::student_folder_name`]).
pub(crate) fn slug(name: &str) -> String {
    crate::text::ids::student_folder_name(name)
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

    /// The file a student's work on a lesson is saved in; `None` for a lesson id that cannot
    /// name a file (see [`crate::text::ids::check_id`]) — such a lesson is never saved or loaded.
    pub fn progress_path(&self, student: &str, lesson_id: &str) -> Option<PathBuf> {
        let file = crate::text::ids::lesson_file_name(lesson_id, "json")?;
        Some(self.student_dir(student).join(file))
    }

    /// Every student with a profile, sorted by name. Profiles that cannot be read, or whose name
    /// is not one the app would accept, are passed over.
    pub fn students(&self) -> Vec<String> {
        let dir = self.root.join("students");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .take(crate::files::MAX_FOLDER_FILES)
            .filter_map(|e| read_text(&e.path().join("profile.json"), MAX_META_BYTES).ok())
            .filter_map(|t| serde_json::from_str::<Profile>(&t).ok())
            .filter_map(|p| check_student_name(&p.name).ok())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup();
        names
    }

    /// Adds a student (or does nothing if they exist). Names are trimmed; an empty name, a name
    /// over 60 letters and a name with control characters are refused.
    pub fn add_student(&self, name: &str) -> Result<String, String> {
        let name = check_student_name(name)?;
        self.ensure_root()
            .map_err(|e| format!("Could not create the data folder: {e}"))?;
        let p = self.student_dir(&name).join("profile.json");
        if !p.exists() {
            let json = serde_json::to_string_pretty(&Profile {
                name: name.clone(),
                zoom: None,
                locale: None,
            })
            .unwrap_or_default();
            write_private(&p, json.as_bytes())
                .map_err(|e| format!("Could not save the profile in {}: {}", p.display(), io_reason(&e)))?;
        }
        Ok(name)
    }

    /// This student's profile, if it can be read.
    fn profile(&self, name: &str) -> Option<Profile> {
        read_text(&self.student_dir(name).join("profile.json"), MAX_META_BYTES)
            .ok()
            .and_then(|t| serde_json::from_str::<Profile>(&t).ok())
    }

    /// The zoom this student chose last (1.0 if none, or if their profile cannot be read).
    pub fn student_zoom(&self, name: &str) -> f32 {
        self.profile(name).and_then(|p| p.zoom).map_or(1.0, clamp_zoom)
    }

    /// The language this student chose last (`None` if none, or if it is not one the UI has).
    pub fn student_locale(&self, name: &str) -> Option<Locale> {
        self.profile(name)?.locale.as_deref().and_then(Locale::from_tag)
    }

    /// Saves the zoom this student chose (kept in range) in their profile.
    pub fn set_student_zoom(&self, name: &str, zoom: f32) -> Result<(), String> {
        self.update_profile(name, |p| p.zoom = Some(clamp_zoom(zoom)))
    }

    /// Saves the language this student chose in their profile.
    pub fn set_student_locale(&self, name: &str, locale: Locale) -> Result<(), String> {
        self.update_profile(name, |p| p.locale = Some(locale.code().to_string()))
    }

    /// Changes this student's profile, keeping what else it holds (a profile that cannot be
    /// read starts again from the name).
    fn update_profile(&self, name: &str, change: impl FnOnce(&mut Profile)) -> Result<(), String> {
        let name = check_student_name(name)?;
        let mut profile = self.profile(&name).filter(|p| p.name == name).unwrap_or(Profile {
            name: name.clone(),
            zoom: None,
            locale: None,
        });
        change(&mut profile);
        let p = self.student_dir(&name).join("profile.json");
        let json = serde_json::to_string_pretty(&profile).unwrap_or_default();
        write_private(&p, json.as_bytes())
            .map_err(|e| format!("Could not save the profile in {}: {}", p.display(), io_reason(&e)))
    }

    /// Creates the data folder readable by this user only (0700), and tightens one created
    /// by an older version.
    fn ensure_root(&self) -> std::io::Result<()> {
        create_private_dir(&self.root)?;
        create_private_dir(&self.root.join("students"))
    }

    /// Loads a student's saved work on a lesson. An unreadable file is moved aside, never lost.
    pub fn load_progress(&self, student: &str, lesson_id: &str) -> Loaded {
        let Some(p) = self.progress_path(student, lesson_id) else {
            return Loaded::Nothing;
        };
        if std::fs::symlink_metadata(&p).is_err() {
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
        let stamp = crate::records::results::now().replace([':', '-'], "");
        // The file name is the checked one, so the damaged copy stays beside it.
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let moved_to = p.with_file_name(format!("{stem}.damaged-{stamp}.json"));
        match std::fs::rename(&p, &moved_to) {
            Ok(()) => Loaded::Damaged { moved_to, problem },
            Err(e) => Loaded::Damaged {
                moved_to: p,
                problem: format!("{problem} (and it could not be moved aside: {})", io_reason(&e)),
            },
        }
    }

    /// Saves a student's work on a lesson (atomically, keeping the previous file, readable by
    /// this user only).
    pub fn save_progress(&self, results: &Results) -> std::io::Result<PathBuf> {
        let bad = |m: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, m);
        check_student_name(&results.student).map_err(bad)?;
        let p = self
            .progress_path(&results.student, &results.lesson.id)
            .ok_or_else(|| {
                bad(format!(
                    "`{}` cannot be a lesson id, so its work cannot be saved",
                    results.lesson.id
                ))
            })?;
        self.ensure_root()?;
        let mut r = results.clone();
        r.updated = Some(crate::records::results::now());
        write_private(&p, r.to_json().as_bytes())?;
        Ok(p)
    }

    /// The app's settings; defaults when there are none or they cannot be read.
    pub fn load_settings(&self) -> AppSettings {
        read_text(&self.root.join("settings.json"), MAX_META_BYTES)
            .ok()
            .and_then(|t| serde_json::from_str::<AppSettings>(&t).ok())
            .unwrap_or_default()
            .sanitized()
    }

    /// Saves the app's settings.
    pub fn save_settings(&self, s: &AppSettings) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(s).unwrap_or_default();
        self.ensure_root()?;
        write_private(&self.root.join("settings.json"), json.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::bundled;

    #[test]
    fn slugs_are_safe_and_distinct() {
        assert!(slug("Ana María").starts_with("ana-maría-"), "{}", slug("Ana María"));
        assert_ne!(slug("Ana"), slug("ana"));
        assert!(slug("../../etc").starts_with("etc-"));
        assert!(slug("   ").starts_with("student-"));
        assert!(!slug("a/b\\c").contains(['/', '\\']));
    }

    #[test]
    fn each_student_keeps_their_own_zoom() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        store.add_student("Ana").expect("added");
        store.add_student("Ben").expect("added");
        assert_eq!(store.student_zoom("Ana"), 1.0);
        store.set_student_zoom("Ana", 1.4).expect("saved");
        assert_eq!((store.student_zoom("Ana"), store.student_zoom("Ben")), (1.4, 1.0));
        // Out of range or not a number: kept in range; the name is still readable.
        store.set_student_zoom("Ben", 40.0).expect("saved");
        assert_eq!(store.student_zoom("Ben"), ZOOM_RANGE.1);
        store.set_student_zoom("Ben", f32::NAN).expect("saved");
        assert_eq!(store.student_zoom("Ben"), 1.0);
        assert_eq!(store.students(), vec!["Ana", "Ben"]);
        // A profile from before zoom existed reads as 1.0.
        std::fs::write(store.student_dir("Ana").join("profile.json"), r#"{"name": "Ana"}"#).expect("write");
        assert_eq!(store.student_zoom("Ana"), 1.0);
    }

    #[test]
    fn a_students_language_and_zoom_are_kept_together() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        store.add_student("Ana").expect("added");
        assert_eq!(store.student_locale("Ana"), None);
        store.set_student_zoom("Ana", 1.5).expect("saved");
        store.set_student_locale("Ana", Locale::Uk).expect("saved");
        // Saving one keeps the other.
        assert_eq!(store.student_zoom("Ana"), 1.5);
        assert_eq!(store.student_locale("Ana"), Some(Locale::Uk));
        store.set_student_zoom("Ana", 2.0).expect("saved");
        assert_eq!(store.student_locale("Ana"), Some(Locale::Uk));
        // A language this version has no UI for (a later version's file) is not used, and the
        // profile still reads.
        let path = store.student_dir("Ana").join("profile.json");
        std::fs::write(&path, r#"{"name": "Ana", "zoom": 2.0, "locale": "de"}"#).expect("write");
        assert_eq!(store.student_locale("Ana"), None);
        assert_eq!(store.student_zoom("Ana"), 2.0);
        assert_eq!(store.students(), vec!["Ana"]);
        // The laptop's choice: the same, and a settings file with another language loads.
        store
            .save_settings(&AppSettings {
                locale: Some("pl".into()),
                ..Default::default()
            })
            .expect("saved");
        assert_eq!(store.load_settings().locale(), Some(Locale::Pl));
        std::fs::write(d.path().join("settings.json"), r#"{"locale": "xx", "dark": true}"#).expect("write");
        let s = store.load_settings();
        assert_eq!((s.locale(), s.dark), (None, true));
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
    fn a_settings_file_from_before_the_hidden_student_list_still_loads() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        let old = r#"{"version": 1, "font_size": 22.0, "dark": true, "last_student": "Ben"}"#;
        std::fs::write(d.path().join("settings.json"), old).expect("write");
        let s = store.load_settings();
        assert_eq!((s.font_size, s.hide_student_list), (22.0, false));
        let s = AppSettings {
            hide_student_list: true,
            ..s
        };
        store.save_settings(&s).expect("saved");
        assert_eq!(store.load_settings(), s);
    }

    #[test]
    fn a_settings_file_from_before_the_teacher_pin_still_loads() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        // Written by version 1, before the PIN existed.
        let old = r#"{"version": 1, "font_size": 22.0, "dark": true, "last_student": "Ben"}"#;
        std::fs::write(d.path().join("settings.json"), old).expect("write");
        let s = store.load_settings();
        assert_eq!(
            (s.font_size, s.dark, s.last_student.as_deref()),
            (22.0, true, Some("Ben"))
        );
        assert_eq!(s.teacher_pin, None, "no PIN yet: the teacher sets one on first use");
        // Saved with a PIN, it loads with the same one; the PIN itself is not in the file.
        let s = AppSettings {
            teacher_pin: Some(TeacherPin::new("73915284").expect("pin")),
            ..s
        };
        store.save_settings(&s).expect("saved");
        let text = std::fs::read_to_string(d.path().join("settings.json")).expect("read");
        assert!(!text.contains("73915284"), "{text}");
        let back = store.load_settings();
        assert_eq!(back, s);
        assert!(back.teacher_pin.is_some_and(|p| p.verify("73915284")));
        // A PIN spoiled by hand is dropped (as if the file had been deleted), not a locked door.
        let spoiled = text.replace("\"rounds\": 10000", "\"rounds\": 4000000000");
        assert_ne!(spoiled, text);
        std::fs::write(d.path().join("settings.json"), spoiled).expect("write");
        assert_eq!(store.load_settings().teacher_pin, None);
    }

    #[test]
    fn a_damaged_progress_file_is_moved_aside_not_wiped() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        let p = store.progress_path("Ana", "first-look").expect("a safe id");
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

    #[test]
    fn regression_pack_lesson_id_renames_files_outside_the_data_folder() {
        let d = tempfile::tempdir().expect("tempdir");
        let data = d.path().join("data");
        let victim = d.path().join("victim.json");
        std::fs::write(&victim, b"precious").expect("write");
        let store = Store::new(&data);
        store.add_student("Ana").expect("added");
        for id in ["../../../victim", "../../victim", "/tmp/x", "..", "CON"] {
            assert!(store.progress_path("Ana", id).is_none(), "{id}");
            assert!(matches!(store.load_progress("Ana", id), Loaded::Nothing), "{id}");
            let corpus = bundled::corpus();
            let mut lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
            lesson.id = id.into();
            assert!(store.save_progress(&Results::new("Ana", &lesson)).is_err(), "{id}");
        }
        assert_eq!(std::fs::read(&victim).expect("still there"), b"precious");
        let outside: Vec<_> = std::fs::read_dir(d.path())
            .expect("dir")
            .filter_map(Result::ok)
            .collect();
        assert_eq!(outside.len(), 2, "only data/ and victim.json: {outside:?}");
    }

    #[test]
    fn regression_settings_with_an_impossible_font_size_reach_the_screen() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        for (json, want) in [
            (r#"{"font_size": 1e39}"#, 18.0),
            (r#"{"font_size": 1e30}"#, 36.0),
            (r#"{"font_size": -5}"#, 12.0),
            (r#"{"font_size": "big"}"#, 18.0),
        ] {
            std::fs::write(d.path().join("settings.json"), json).expect("write");
            assert_eq!(store.load_settings().font_size, want, "{json}");
        }
        assert_eq!(
            AppSettings {
                font_size: f32::NAN,
                ..Default::default()
            }
            .clamped_font(),
            18.0
        );
        std::fs::write(d.path().join("settings.json"), "{\"last_student\": \"a\\u001b[2J\"}").expect("write");
        assert_eq!(store.load_settings().last_student, None);
    }

    #[test]
    fn regression_two_lesson_ids_that_differ_by_case_merge_work() {
        let d = tempfile::tempdir().expect("tempdir");
        let store = Store::new(d.path());
        let a = store.progress_path("Ana", "quiz").expect("ok");
        let b = store.progress_path("Ana", "Quiz").expect("ok");
        assert_ne!(a.to_string_lossy().to_lowercase(), b.to_string_lossy().to_lowercase());
    }

    #[cfg(unix)]
    #[test]
    fn regression_progress_files_are_readable_by_every_account() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().expect("tempdir");
        let root = d.path().join("lateral");
        // An older version made the folder 0755.
        std::fs::create_dir_all(root.join("students")).expect("dir");
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let store = Store::new(&root);
        store.add_student("Ana").expect("added");
        let corpus = bundled::corpus();
        let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
        let p = store.save_progress(&Results::new("Ana", &lesson)).expect("saved");
        store.save_progress(&Results::new("Ana", &lesson)).expect("saved again");
        store.save_settings(&AppSettings::default()).expect("saved");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&root.join("students")), 0o700);
        assert_eq!(mode(p.parent().expect("student dir")), 0o700);
        assert_eq!(mode(&p), 0o600);
        assert_eq!(mode(&crate::files::backup_path(&p)), 0o600);
        assert_eq!(mode(&root.join("settings.json")), 0o600);
        let profile = p.parent().expect("dir").join("profile.json");
        assert_eq!(mode(&profile), 0o600);
    }
}
