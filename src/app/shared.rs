//! What every screen may read and some may change: where things are saved, the settings, the
//! lessons and articles and where they came from, the current student, and the notice at the top.

use std::path::{Path, PathBuf};

use crate::lesson::library::{self, Library};
use crate::records::pin::TeacherPin;
use crate::records::progress::{AppSettings, Store};

use super::theme::Theme;
use crate::tr;

/// Where the lessons come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Built into the program.
    Bundled,
    /// A teacher's folder.
    Folder(PathBuf),
    /// An exam pack (lessons without keys).
    Pack(PathBuf),
    /// Files a browser's file chooser handed over (lessons and articles, or an exam pack), as
    /// the library names them ("3 files", the pack's name): in a browser there are no paths.
    Given(String),
}

/// The state the screens share.
pub(crate) struct Shared {
    /// Where progress and settings are saved.
    pub(crate) store: Store,
    /// Font size, theme, last student, teacher PIN (as a salted hash).
    pub(crate) settings: AppSettings,
    /// Lessons and articles.
    pub(crate) library: Library,
    /// Where they came from.
    pub(crate) source: Source,
    /// The student using the app.
    pub(crate) student: Option<String>,
    /// A message shown at the top (saving problems, damaged files …).
    pub(crate) notice: Option<String>,
    /// Where "Hand in" saves results files.
    pub(crate) handin_dir: PathBuf,
    /// The texts of the lessons a browser's file chooser handed over (by the name the library
    /// gives them), for the teacher's editor: a browser cannot read them again.
    pub(crate) given_lessons: std::collections::HashMap<String, String>,
    /// The language the UI speaks: the student's, else the laptop's, else English.
    pub(crate) locale: crate::i18n::Locale,
}

impl Shared {
    /// The shared state over `library`, with the settings saved in `store`.
    pub(crate) fn new(library: Library, source: Source, store: Store) -> Self {
        let settings = store.load_settings();
        Self {
            locale: settings.locale().unwrap_or_default(),
            store,
            settings,
            library,
            source,
            student: None,
            notice: None,
            handin_dir: default_handin_dir(),
            given_lessons: Default::default(),
        }
    }

    /// The current theme.
    pub(crate) fn theme(&self) -> Theme {
        Theme::new(self.settings.dark, self.settings.clamped_font())
    }

    /// Saves the settings, or says why not. The teacher PIN is the one on disk: this never
    /// brings back a PIN reset by deleting the file, nor drops one set by another window.
    pub(crate) fn save_settings(&mut self) {
        self.settings.teacher_pin = self.store.load_settings().teacher_pin;
        self.write_settings();
    }

    /// Sets the teacher PIN (first use) and saves the settings.
    pub(crate) fn set_teacher_pin(&mut self, pin: TeacherPin) {
        self.settings.teacher_pin = Some(pin);
        self.write_settings();
    }

    fn write_settings(&mut self) {
        if let Err(e) = self.store.save_settings(&self.settings) {
            self.notice = Some(tr!("chrome-settings-not-saved", error = e.to_string()));
        }
    }

    /// The corpus folder new articles go into: beside the lesson folder, or `./corpus`.
    pub(crate) fn corpus_dir(&self) -> PathBuf {
        match &self.source {
            Source::Folder(dir) => {
                // i18n: not text (a folder name)
                let up = dir.join("..").join("corpus");
                // i18n: not text (a folder name)
                if up.is_dir() { up } else { dir.join("corpus") }
            }
            // i18n: not text (a folder name)
            Source::Bundled | Source::Pack(_) | Source::Given(_) => PathBuf::from("corpus"),
        }
    }

    /// Loads the articles of `dir` into the library (after an import).
    pub(crate) fn reload_articles(&mut self, dir: &Path) {
        let walk = crate::files::walk_folder(dir, false);
        let mut diags = walk.warnings;
        for p in walk.files {
            let known = self
                .library
                .corpus
                .articles()
                .iter()
                .any(|a| a.source == p.display().to_string());
            if p.extension().is_some_and(|x| x == "txt")
                && !known
                && let Some(a) = library::load_article_files(&p, &p.with_extension("toml"), &mut diags)
            {
                let _ = self.library.corpus.add(a);
            }
        }
        self.library.diagnostics.extend(diags);
    }
}

/// The bundled lessons and corpus.
pub(crate) fn bundled_library() -> Library {
    let corpus = crate::lesson::bundled::corpus();
    let lessons = crate::lesson::bundled::lessons(&corpus);
    Library {
        corpus,
        lessons,
        diagnostics: Vec::new(),
        articles_from_disk: 0,
        checking: false,
    }
}

/// Opens an exam pack file as a library.
pub fn open_pack_file(p: &Path) -> Result<Library, String> {
    let text =
        crate::files::read_text(p, crate::files::MAX_PACK_BYTES).map_err(|d| format!("{}: {}", d.file, d.message))?;
    crate::records::pack::pack_library(&text, &p.display().to_string())
}

/// Where "Hand in" saves: `LATERAL_HANDIN_DIR`, else a "Lateral hand-in" folder in the user's
/// documents (or home) folder.
pub(crate) fn default_handin_dir() -> PathBuf {
    // i18n: not text (an environment variable)
    if let Some(d) = std::env::var_os("LATERAL_HANDIN_DIR") {
        return PathBuf::from(d);
    }
    // The folder's name stays the same in every language: the class view and the teacher's guide
    // look for it.
    // i18n: not text (a folder name on disk, the same in every language)
    let name = "Lateral hand-in";
    directories::UserDirs::new()
        .map(|u| u.document_dir().unwrap_or(u.home_dir()).join(name))
        .unwrap_or_else(|| PathBuf::from(name))
}
