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

use crate::files::backend::{Backend, KeyValue};
use crate::files::{MAX_META_BYTES, MAX_RESULTS_BYTES, io_reason};
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

/// The data folder (on disk, or in a key-value store: see [`crate::files::backend`]).
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
    /// Where its files are kept.
    backend: Backend,
}

/// The folder name for a student's files (see [`crate::text::ids::student_folder_name`]).
pub(crate) fn slug(name: &str) -> String {
    crate::text::ids::student_folder_name(name)
}

impl Store {
    /// A store in `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            backend: Backend::Disk,
        }
    }

    /// A store whose files are entries of `kv` (the browser's storage in the web build), keyed
    /// by their paths under `root`: the same files, in the same format, as on disk.
    pub fn in_key_value(root: impl Into<PathBuf>, kv: std::sync::Arc<dyn KeyValue>) -> Self {
        Self {
            root: root.into(),
            backend: Backend::Keys(kv),
        }
    }

    /// Whether the files are on disk (not in the browser's storage).
    pub fn on_disk(&self) -> bool {
        matches!(self.backend, Backend::Disk)
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
        let mut names: Vec<String> = self
            .backend
            .subfolders(&self.root.join("students"))
            .into_iter()
            .filter_map(|d| self.backend.read_text(&d.join("profile.json"), MAX_META_BYTES).ok())
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
        if !self.backend.exists(&p) {
            let json = serde_json::to_string_pretty(&Profile {
                name: name.clone(),
                zoom: None,
                locale: None,
            })
            .unwrap_or_default();
            self.backend
                .write_private(&p, json.as_bytes())
                .map_err(|e| format!("Could not save the profile in {}: {}", p.display(), io_reason(&e)))?;
        }
        Ok(name)
    }

    /// This student's profile, if it can be read.
    fn profile(&self, name: &str) -> Option<Profile> {
        self.backend
            .read_text(&self.student_dir(name).join("profile.json"), MAX_META_BYTES)
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
        self.backend
            .write_private(&p, json.as_bytes())
            .map_err(|e| format!("Could not save the profile in {}: {}", p.display(), io_reason(&e)))
    }

    /// Creates the data folder readable by this user only (0700), and tightens one created
    /// by an older version.
    fn ensure_root(&self) -> std::io::Result<()> {
        self.backend.create_private_dir(&self.root)?;
        self.backend.create_private_dir(&self.root.join("students"))
    }

    /// Loads a student's saved work on a lesson. An unreadable file is moved aside, never lost.
    pub fn load_progress(&self, student: &str, lesson_id: &str) -> Loaded {
        let Some(p) = self.progress_path(student, lesson_id) else {
            return Loaded::Nothing;
        };
        if !self.backend.exists(&p) {
            return Loaded::Nothing;
        }
        let problem = match self.backend.read_text(&p, MAX_RESULTS_BYTES) {
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
        match self.backend.rename(&p, &moved_to) {
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
        self.backend.write_private(&p, r.to_json().as_bytes())?;
        Ok(p)
    }

    /// The app's settings; defaults when there are none or they cannot be read.
    pub fn load_settings(&self) -> AppSettings {
        self.backend
            .read_text(&self.root.join("settings.json"), MAX_META_BYTES)
            .ok()
            .and_then(|t| serde_json::from_str::<AppSettings>(&t).ok())
            .unwrap_or_default()
            .sanitized()
    }

    /// Saves the app's settings.
    pub fn save_settings(&self, s: &AppSettings) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(s).unwrap_or_default();
        self.ensure_root()?;
        self.backend
            .write_private(&self.root.join("settings.json"), json.as_bytes())
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
