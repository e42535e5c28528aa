//! The desktop app: a thin layer over the core that draws a [`Session`] and sends it commands.
//!
//! Views (`screens`, `player`, `article_view`) never change state directly: they return
//! [`Command`]s, and [`LateralApp::run_cmd`] applies them, so every change goes through one
//! place (and is saved from there).

pub mod article_view;
pub mod author;
pub mod class;
pub mod markdown;
pub mod player;
pub mod screens;
pub mod screenshot;
pub mod theme;

use std::path::PathBuf;
use std::sync::Arc;

use crate::corpus::Corpus;
use crate::grading::session::{AddOutcome, Session};
use crate::lesson::Lesson;
use crate::lesson::library::{self, LessonFile, Library};
use crate::records::progress::{AppSettings, Loaded, Store};
use crate::records::results::{Results, restore_session};
use crate::text::Span;

use article_view::ArticleViewState;
use theme::Theme;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Pick or type a student name.
    Students,
    /// The lessons.
    Library,
    /// Playing a lesson.
    Player,
    /// The end-of-lesson summary.
    Summary,
    /// The teacher's view: editing lessons.
    Author,
    /// The teacher's class view: many students' results.
    Class,
}

/// Everything the views can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Use this student (adding them if new).
    PickStudent(String),
    /// Back to the student picker.
    SwitchStudent,
    /// Open lesson number `0` of the library.
    OpenLesson(usize),
    /// Back to the lessons.
    ToLibrary,
    /// Show step `0`.
    GoToStep(usize),
    /// Highlight chars of article `article` of the step.
    Highlight {
        /// Article index in the step.
        article: usize,
        /// Chars (snapped to words by the session).
        span: Span,
    },
    /// Select the highlight covering char `pos` of article `article`.
    SelectAt {
        /// Article index.
        article: usize,
        /// Char offset.
        pos: usize,
    },
    /// Remove the highlight covering char `pos` of article `article`.
    RemoveAt {
        /// Article index.
        article: usize,
        /// Char offset.
        pos: usize,
    },
    /// Remove the selected highlight.
    RemoveSelected,
    /// Make label `0` (palette index) the active one, and give it to the selected highlight.
    SetLabel(usize),
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Check the step.
    Check,
    /// Show the next hint.
    Hint,
    /// Try again, keeping the highlights (`true`) or clearing them.
    Retry(bool),
    /// Reveal the answer key.
    ShowSolution,
    /// Pick or unpick option `0`.
    ToggleChoice(usize),
    /// Set the written answer.
    SetReflection(String),
    /// Go to the summary.
    Finish,
    /// Larger text.
    FontBigger,
    /// Smaller text.
    FontSmaller,
    /// Light/dark.
    ToggleTheme,
    /// Ask for a lesson folder (file dialog).
    OpenFolderDialog,
    /// Load lessons from a folder.
    LoadFolder(PathBuf),
    /// Back to the bundled lessons.
    LoadBundled,
    /// Open the teacher's view.
    TeacherView,
    /// Edit library lesson `0`.
    AuthorOpen(usize),
    /// Start a new lesson on this article.
    AuthorNew(String),
    /// A command of the teacher's view.
    Author(author::AuthorCmd),
    /// Leave a preview and go back to editing.
    BackToEditing,
    /// Read the import form's file (or pasted text) and suggest metadata.
    ImportRead,
    /// Write the import form's article into the corpus folder.
    ImportWrite,
    /// Open the class view.
    ClassView,
    /// A command of the class view.
    Class(class::ClassCmd),
    /// Leave the class view.
    CloseClass,
    /// Hand in the lesson: save its results file in the hand-in folder.
    HandIn,
    /// Hand in, choosing where (file dialog).
    HandInAs,
    /// Save all this student's results files into a folder (folder dialog).
    ExportAll,
}

/// What a file dialog that is open was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// A lesson folder to open.
    OpenLessons,
    /// Where to hand in.
    HandInAs,
    /// A folder for all results.
    ExportAll,
    /// A folder of results for the class view.
    ClassFolder,
}

/// The lesson player's view state (what is not part of the student's work).
#[derive(Default)]
pub struct PlayerUi {
    /// One per article pane.
    pub views: [ArticleViewState; 2],
    /// The label new highlights get (palette index).
    pub active_label: Option<usize>,
    /// The selected highlight (index into the step's marks).
    pub selected: Option<usize>,
    /// A message for the student (refused highlight, why Check is not possible …).
    pub message: Option<String>,
}

/// Where the lessons come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Built into the program.
    Bundled,
    /// A teacher's folder.
    Folder(PathBuf),
    /// An exam pack (lessons without keys).
    Pack(PathBuf),
}

/// Per-lesson progress shown in the library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonProgress {
    /// Steps done.
    pub done: usize,
    /// Score so far (0–1), if any step was scored.
    pub score: Option<f64>,
}

/// The app.
pub struct LateralApp {
    /// Where progress and settings are saved.
    pub store: Store,
    /// Font size, theme, last student.
    pub settings: AppSettings,
    /// Lessons and articles.
    pub library: Library,
    /// Where they came from.
    pub source: Source,
    /// The screen shown.
    pub screen: Screen,
    /// The student using the app.
    pub student: Option<String>,
    /// Known students.
    pub students: Vec<String>,
    /// The name being typed on the student screen.
    pub new_name: String,
    /// Progress per library lesson (same order), for the current student.
    pub progress: Vec<LessonProgress>,
    /// The lesson being played.
    pub session: Option<Session>,
    /// The player's view state.
    pub player: PlayerUi,
    /// A message shown at the top (saving problems, damaged files …).
    pub notice: Option<String>,
    /// Unsaved changes since this time (egui seconds).
    dirty_since: Option<f64>,
    /// How many times progress was written (for tests).
    pub saves: usize,
    dialog: Option<(Pending, std::sync::mpsc::Receiver<Option<PathBuf>>)>,
    /// Watches a teacher's lesson folder for changes.
    watch: Option<crate::files::watch::FolderWatch>,
    /// Reload the library at this time (egui seconds), once changes have settled.
    reload_at: Option<f64>,
    /// How many times the library was reloaded from disk (for tests).
    pub reloads: usize,
    /// Set by `--screenshot`.
    pub screenshot: Option<screenshot::Plan>,
    /// The lesson being edited in the teacher's view.
    pub author: Option<author::AuthorState>,
    /// Is the player showing a teacher's preview (nothing is saved)?
    pub previewing: bool,
    /// The article picked for a new lesson.
    pub new_lesson_article: String,
    /// The "Import an article" form.
    pub import: author::ImportForm,
    /// The class view.
    pub class: class::ClassState,
    /// The class view's folder dialog.
    pub class_dialog: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
    /// Where "Hand in" saves results files.
    pub handin_dir: PathBuf,
    /// The scores shown on the summary screen (worked out when it opens).
    pub summary: Option<crate::records::results::LessonOutcome>,
}

/// How long after the last change progress is saved.
pub const SAVE_DELAY: f64 = 0.5;

impl LateralApp {
    /// An app over `library`, saving in `store`.
    pub fn new(library: Library, source: Source, store: Store) -> Self {
        let settings = store.load_settings();
        let students = store.students();
        let mut app = Self {
            store,
            settings,
            library,
            source,
            screen: Screen::Students,
            student: None,
            students,
            new_name: String::new(),
            progress: Vec::new(),
            session: None,
            player: PlayerUi::default(),
            notice: None,
            dirty_since: None,
            saves: 0,
            dialog: None,
            watch: None,
            reload_at: None,
            reloads: 0,
            screenshot: None,
            author: None,
            previewing: false,
            new_lesson_article: String::new(),
            import: author::ImportForm::default(),
            class: class::ClassState::default(),
            class_dialog: None,
            handin_dir: default_handin_dir(),
            summary: None,
        };
        if let Some(last) = app.settings.last_student.clone()
            && app.students.contains(&last)
        {
            app.new_name = last;
        }
        app
    }

    /// The bundled lessons and corpus.
    pub fn bundled_library() -> Library {
        let corpus = crate::lesson::bundled::corpus();
        let lessons = crate::lesson::bundled::lessons(&corpus);
        Library {
            corpus,
            lessons,
            diagnostics: Vec::new(),
            articles_from_disk: 0,
        }
    }

    /// The current theme.
    pub fn theme(&self) -> Theme {
        Theme::new(self.settings.dark, self.settings.clamped_font())
    }

    /// The lessons shown in the library.
    pub fn lessons(&self) -> &[LessonFile] {
        &self.library.lessons
    }

    /// The corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.library.corpus
    }

    fn mark_dirty(&mut self, now: f64) {
        if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
    }

    /// Saves the session now, if there are unsaved changes.
    pub fn save_now(&mut self) {
        if self.dirty_since.take().is_none() || self.previewing {
            return;
        }
        if let Some(s) = &self.session {
            match self.store.save_progress(&Results::from_session(s)) {
                Ok(_) => self.saves += 1,
                Err(e) => {
                    self.notice = Some(format!(
                        "Your work could not be saved: {e}. Keep the app open and tell your teacher."
                    ))
                }
            }
        }
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.store.save_settings(&self.settings) {
            self.notice = Some(format!("Settings could not be saved: {e}"));
        }
    }

    fn refresh_progress(&mut self) {
        let Some(student) = self.student.clone() else { return };
        let corpus = &self.library.corpus;
        self.progress = self
            .library
            .lessons
            .iter()
            .map(|lf| {
                let Some(lesson) = lf.lesson.as_ref().filter(|_| lf.is_playable()) else {
                    return LessonProgress::default();
                };
                match self.store.load_progress(&student, &lesson.id) {
                    Loaded::Work(r) => {
                        let s = restore_session(Arc::new(lesson.clone()), corpus, &r);
                        let done = s.steps.iter().zip(&lesson.steps).filter(|(st, step)| st.is_done(step)).count();
                        let any_scored = s.steps.iter().any(|st| st.checked.is_some());
                        LessonProgress { done, score: any_scored.then(|| s.lesson_score(corpus)) }
                    }
                    Loaded::Damaged { moved_to, problem } => {
                        self.notice = Some(format!(
                            "Saved work for “{}” could not be read ({problem}). It was kept as {} and the lesson starts afresh.",
                            lesson.title,
                            moved_to.display()
                        ));
                        LessonProgress::default()
                    }
                    Loaded::Nothing => LessonProgress::default(),
                }
            })
            .collect();
    }

    /// Opens a lesson for the current student, resuming saved work.
    fn open_lesson(&mut self, i: usize) {
        let Some(lf) = self.library.lessons.get(i) else { return };
        let Some(lesson) = lf.lesson.clone().filter(|_| lf.is_playable()) else {
            self.notice = Some("This lesson has problems and cannot be played; its errors are listed below it.".into());
            return;
        };
        let student = self.student.clone().unwrap_or_else(|| "Student".into());
        let lesson: Arc<Lesson> = Arc::new(lesson);
        let session = match self.store.load_progress(&student, &lesson.id) {
            Loaded::Work(r) => restore_session(lesson, &self.library.corpus, &r),
            Loaded::Damaged { moved_to, problem } => {
                self.notice = Some(format!(
                    "Your saved work on this lesson could not be read ({problem}). It was kept as {} and the lesson starts afresh.",
                    moved_to.display()
                ));
                Session::new(lesson, &self.library.corpus, &student)
            }
            Loaded::Nothing => Session::new(lesson, &self.library.corpus, &student),
        };
        self.session = Some(session);
        self.player = PlayerUi::default();
        self.enter_step();
        self.screen = Screen::Player;
    }

    fn enter_step(&mut self) {
        for v in &mut self.player.views {
            v.reset();
        }
        self.player.selected = None;
        self.player.message = None;
        let labelled = self
            .session
            .as_ref()
            .is_some_and(|s| !player::step_labels(s).is_empty());
        self.player.active_label = labelled.then_some(0);
    }

    /// Starts watching the lesson folder, if lessons come from one.
    fn ensure_watch(&mut self, ctx: &egui::Context) {
        let Source::Folder(dir) = &self.source else {
            self.watch = None;
            return;
        };
        if self.watch.as_ref().is_some_and(|w| &w.dir == dir) {
            return;
        }
        let c = ctx.clone();
        match crate::files::watch::FolderWatch::new(dir, move || c.request_repaint()) {
            Ok(w) => self.watch = Some(w),
            Err(e) => {
                self.notice = Some(format!(
                    "Changes to {} will not show until you reopen it: {e}",
                    dir.display()
                ))
            }
        }
    }

    /// Reloads the lesson folder after a change on disk, keeping the student's place and work.
    pub fn reload(&mut self) {
        let Source::Folder(dir) = self.source.clone() else {
            return;
        };
        self.save_now();
        let lib = match library::load(std::slice::from_ref(&dir), &[]) {
            Ok(l) => l,
            Err(e) => {
                self.notice = Some(format!("Could not reload lessons: {e}"));
                return;
            }
        };
        self.library = lib;
        self.reloads += 1;
        if let Some(old) = &self.session {
            let id = old.lesson.id.clone();
            let found = self
                .library
                .lessons
                .iter()
                .find(|l| l.lesson.as_ref().is_some_and(|x| x.id == id));
            match found {
                Some(lf) if lf.is_playable() => {
                    let lesson = Arc::new(lf.lesson.clone().expect("playable lessons parsed"));
                    let work = Results::from_session(old);
                    let s = restore_session(lesson, &self.library.corpus, &work);
                    self.session = Some(s);
                    self.notice = Some("The lesson changed on disk and was reloaded; your work is kept.".into());
                }
                Some(lf) => {
                    let first = lf
                        .diagnostics
                        .iter()
                        .find(|d| d.is_error())
                        .map(|d| format!("line {}: {}", d.line, d.message))
                        .unwrap_or_default();
                    self.notice = Some(format!(
                        "The lesson file changed on disk and now has errors ({first}). You can keep working; the lesson reloads when the file is fixed."
                    ));
                }
                None => {
                    self.notice = Some(
                        "The lesson file was removed or renamed on disk. You can keep working on what is open.".into(),
                    )
                }
            }
        }
        self.refresh_progress();
    }

    fn load_library(&mut self, source: Source) {
        let lib = match &source {
            Source::Bundled => Ok(Self::bundled_library()),
            Source::Folder(dir) => library::load(std::slice::from_ref(dir), &[]),
            Source::Pack(p) => match open_pack_file(p) {
                Ok(l) => Ok(l),
                Err(e) => {
                    self.notice = Some(e);
                    return;
                }
            },
        };
        match lib {
            Ok(lib) => {
                self.library = lib;
                self.source = source;
                self.refresh_progress();
                self.screen = if self.student.is_some() {
                    Screen::Library
                } else {
                    Screen::Students
                };
            }
            Err(e) => self.notice = Some(format!("Could not open lessons: {e}")),
        }
    }

    /// Applies one command. `now` is egui's clock, for debounced saving.
    pub fn run_cmd(&mut self, cmd: Command, now: f64) {
        let mut changed = false;
        match cmd {
            Command::PickStudent(name) => match self.store.add_student(&name) {
                Ok(name) => {
                    self.student = Some(name.clone());
                    self.settings.last_student = Some(name);
                    self.save_settings();
                    self.students = self.store.students();
                    self.refresh_progress();
                    self.screen = Screen::Library;
                    self.notice = None;
                }
                Err(e) => self.notice = Some(e),
            },
            Command::SwitchStudent => {
                self.save_now();
                self.session = None;
                self.student = None;
                self.screen = Screen::Students;
            }
            Command::OpenLesson(i) => self.open_lesson(i),
            Command::ToLibrary => {
                self.save_now();
                self.session = None;
                self.refresh_progress();
                self.screen = Screen::Library;
            }
            Command::GoToStep(i) => {
                if let Some(s) = &mut self.session {
                    s.go_to(i);
                    changed = true;
                }
                self.screen = Screen::Player;
                self.enter_step();
            }
            Command::Highlight { article, span } => {
                let label = self.active_label_id();
                if let Some(s) = &mut self.session {
                    match s.add_highlight(article, span, label) {
                        AddOutcome::Added(_) | AddOutcome::Merged(_) => {
                            // Not selected: the next label picked is for the next highlight.
                            self.player.selected = None;
                            self.player.message = None;
                            changed = true;
                        }
                        AddOutcome::Refused(why) => self.player.message = Some(why),
                    }
                }
            }
            Command::SelectAt { article, pos } => {
                if let Some(s) = &self.session {
                    self.player.selected = s.mark_at(article, pos);
                    if let Some(l) = self.player.selected.and_then(|i| s.state().marks[i].label.clone()) {
                        self.player.active_label = player::step_labels(s).iter().position(|x| **x == l);
                    }
                }
            }
            Command::RemoveAt { article, pos } => {
                if let Some(s) = &mut self.session
                    && let Some(i) = s.mark_at(article, pos)
                {
                    changed = s.remove_highlight(i);
                    self.player.selected = None;
                }
            }
            Command::RemoveSelected => {
                if let (Some(s), Some(i)) = (&mut self.session, self.player.selected) {
                    changed = s.remove_highlight(i);
                    self.player.selected = None;
                }
            }
            Command::SetLabel(i) => {
                let Some(s) = &mut self.session else { return };
                let labels = player::step_labels(s);
                let Some(id) = labels.get(i).map(|l| l.to_string()) else {
                    return;
                };
                self.player.active_label = Some(i);
                if let Some(sel) = self.player.selected {
                    changed = s.set_label(sel, Some(id));
                }
            }
            Command::Undo => {
                if let Some(s) = &mut self.session {
                    changed = s.undo();
                    self.player.selected = None;
                }
            }
            Command::Redo => {
                if let Some(s) = &mut self.session {
                    changed = s.redo();
                    self.player.selected = None;
                }
            }
            Command::Check => {
                if let Some(s) = &mut self.session {
                    match s.check() {
                        Ok(_) => {
                            self.player.message = None;
                            changed = true;
                        }
                        Err(why) => self.player.message = Some(why),
                    }
                }
            }
            Command::Hint => {
                if let Some(s) = &mut self.session {
                    changed = s.next_hint().is_some();
                }
            }
            Command::Retry(keep) => {
                if let Some(s) = &mut self.session {
                    changed = s.retry(keep);
                    self.player.selected = None;
                }
            }
            Command::ShowSolution => {
                if let Some(s) = &mut self.session {
                    changed = s.show_solution();
                }
            }
            Command::ToggleChoice(i) => {
                if let Some(s) = &mut self.session {
                    s.toggle_choice(i);
                    changed = true;
                }
            }
            Command::SetReflection(t) => {
                if let Some(s) = &mut self.session {
                    s.set_reflection(&t);
                    changed = true;
                }
            }
            Command::Finish => {
                self.save_now();
                // Scored once here, not on every frame of the summary.
                self.summary = self.session.as_ref().map(|s| s.outcome(&self.library.corpus));
                self.screen = Screen::Summary;
            }
            Command::FontBigger | Command::FontSmaller => {
                let step = if cmd == Command::FontBigger { 2.0 } else { -2.0 };
                self.settings.font_size =
                    (self.settings.clamped_font() + step).clamp(AppSettings::FONT_RANGE.0, AppSettings::FONT_RANGE.1);
                self.save_settings();
            }
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                self.save_settings();
            }
            Command::OpenFolderDialog => self.open_dialog(Pending::OpenLessons),
            Command::LoadFolder(dir) => self.load_library(Source::Folder(dir)),
            Command::LoadBundled => self.load_library(Source::Bundled),
            Command::TeacherView => {
                self.save_now();
                self.screen = Screen::Author;
            }
            Command::AuthorOpen(i) => self.author_open(i),
            Command::AuthorNew(article) => {
                let Some(art) = self.library.corpus.get(&article).cloned() else {
                    return;
                };
                let name = format!("{article}-lesson.md");
                let draft = crate::lesson::authoring::Draft::new_lesson(
                    &name,
                    std::slice::from_ref(&art),
                    crate::lesson::Task::Bias,
                );
                let mut st = author::AuthorState::new(draft, None, &self.library.corpus);
                st.path_text = match &self.source {
                    Source::Folder(dir) => dir.join(&name).display().to_string(),
                    Source::Bundled | Source::Pack(_) => std::env::current_dir()
                        .unwrap_or_default()
                        .join("lessons")
                        .join(&name)
                        .display()
                        .to_string(),
                };
                st.step = 1;
                st.dirty = true;
                self.author = Some(st);
                self.screen = Screen::Author;
            }
            Command::Author(c) => author::run(self, c),
            Command::ClassView => {
                self.class.path_text = self.handin_dir.display().to_string();
                self.screen = Screen::Class;
            }
            Command::Class(c) => class::run(self, c),
            Command::CloseClass => self.screen = Screen::Author,
            Command::HandIn => {
                let dir = self.handin_dir.clone();
                self.hand_in(&dir, None);
            }
            Command::HandInAs => self.open_dialog(Pending::HandInAs),
            Command::ExportAll => self.open_dialog(Pending::ExportAll),
            Command::ImportRead => self.import_read(),
            Command::ImportWrite => self.import_write(),
            Command::BackToEditing => {
                self.previewing = false;
                self.session = None;
                self.screen = Screen::Author;
            }
        }
        if changed {
            self.mark_dirty(now);
        }
    }

    /// Opens a file dialog on its own thread (it must never block the UI).
    fn open_dialog(&mut self, what: Pending) {
        let (tx, rx) = std::sync::mpsc::channel();
        let default_name = self
            .session
            .as_ref()
            .map(|s| results_file_name(&s.student, &s.lesson.id))
            .unwrap_or_default();
        std::thread::spawn(move || {
            let d = rfd::FileDialog::new();
            let picked = match what {
                Pending::OpenLessons => d.set_title("Open a lesson folder").pick_folder(),
                Pending::HandInAs => d
                    .set_title("Hand in: save your results")
                    .set_file_name(&default_name)
                    .save_file(),
                Pending::ExportAll => d.set_title("Save all your results into a folder").pick_folder(),
                Pending::ClassFolder => d.set_title("Folder of results files").pick_folder(),
            };
            let _ = tx.send(picked);
        });
        self.dialog = Some((what, rx));
    }

    fn dialog_answered(&mut self, what: Pending, path: PathBuf) {
        match what {
            Pending::OpenLessons => self.load_library(Source::Folder(path)),
            Pending::HandInAs => {
                let dir = path.parent().map(PathBuf::from).unwrap_or_default();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                self.hand_in(&dir, name);
            }
            Pending::ExportAll => self.export_all(&path),
            Pending::ClassFolder => {
                self.class.path_text = path.display().to_string();
            }
        }
    }

    /// Saves the open lesson's results in `dir` (as `name`, or `<student>-<lesson>.json`).
    pub fn hand_in(&mut self, dir: &std::path::Path, name: Option<String>) {
        self.save_now();
        let Some(s) = &self.session else { return };
        let h = crate::records::hand_in::hand_in(&Results::from_session(s), dir, name);
        self.notice = Some(match h.written {
            Ok(()) => format!(
                "Handed in: your results are saved as {}. Give this file to your teacher.",
                h.path.display()
            ),
            Err(e) => format!("Could not hand in to {}: {e}", h.path.display()),
        });
    }

    /// Saves every lesson this student has worked on into `dir`.
    pub fn export_all(&mut self, dir: &std::path::Path) {
        let Some(student) = self.student.clone() else { return };
        self.save_now();
        let mut n = 0;
        for lf in &self.library.lessons {
            let Some(l) = &lf.lesson else { continue };
            if let Loaded::Work(r) = self.store.load_progress(&student, &l.id)
                && crate::records::hand_in::hand_in(&r, dir, Some(results_file_name(&student, &l.id)))
                    .written
                    .is_ok()
            {
                n += 1;
            }
        }
        self.notice = Some(format!("Saved {n} results file(s) in {}.", dir.display()));
    }

    /// The corpus folder new articles go into: beside the lesson folder, or `./corpus`.
    pub fn corpus_dir(&self) -> PathBuf {
        match &self.source {
            Source::Folder(dir) => {
                let up = dir.join("..").join("corpus");
                if up.is_dir() { up } else { dir.join("corpus") }
            }
            Source::Bundled | Source::Pack(_) => PathBuf::from("corpus"),
        }
    }

    fn import_read(&mut self) {
        let path = PathBuf::from(self.import.file.trim());
        let result = if self.import.file.trim().is_empty() {
            crate::corpus::import::import_pasted(&self.import.pasted)
        } else {
            match crate::corpus::import::read_source(&path) {
                Ok(crate::corpus::import::Source::H5p(t)) => return self.import_h5p(&path, t),
                Ok(crate::corpus::import::Source::Article(a)) => Ok(a),
                Err(e) => Err(e),
            }
        };
        let f = &mut self.import;
        match result {
            Ok(imp) => {
                let s = imp.suggested;
                if f.meta.headline.is_empty() {
                    f.meta.headline = s.headline;
                }
                if f.meta.outlet.is_empty() {
                    f.meta.outlet = s.outlet;
                }
                f.meta.byline = f.meta.byline.take().or(s.byline);
                f.meta.date = f.meta.date.take().or(s.date);
                if f.meta.id.is_empty() && !f.meta.headline.is_empty() {
                    f.meta.id = crate::corpus::import::suggest_id(&f.meta.headline);
                }
                let words = imp.text.split_whitespace().count();
                f.pasted = imp.text;
                f.file.clear();
                let mut msg = format!("Read {words} words. Check the text and fill in what is missing, then add it.");
                for w in &imp.warnings {
                    msg.push_str("\n⚠ ");
                    msg.push_str(w);
                }
                f.message = Some(msg);
            }
            Err(e) => f.message = Some(e.to_string()),
        }
    }

    /// Imports an H5P "Mark the Words" task: its text becomes an article in the corpus folder and
    /// its marked words a one-step lesson in the lesson folder, opened for editing.
    fn import_h5p(&mut self, path: &std::path::Path, t: crate::corpus::import::H5pTask) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("h5p-task");
        let stem = if stem == "content" { "h5p-task" } else { stem };
        let id = crate::corpus::import::suggest_id(stem);
        let meta = crate::corpus::ArticleMeta { id, ..t.suggested };
        let dir = self.corpus_dir();
        let imported = match crate::corpus::import::import_h5p(&t.task, &meta, &dir, None) {
            Ok(i) => i,
            Err(e) => {
                self.import.message = Some(format!("Not imported: {e}"));
                return;
            }
        };
        self.reload_articles(&dir);
        let id = meta.id;
        let lesson_dir = match &self.source {
            Source::Folder(d) => d.clone(),
            _ => PathBuf::from("lessons"),
        };
        let name = format!("{id}.md");
        match crate::lesson::authoring::Draft::from_text(&name, &imported.lesson) {
            Ok(draft) => {
                let mut st = author::AuthorState::new(draft, None, &self.library.corpus);
                st.path_text = lesson_dir.join(&name).display().to_string();
                st.dirty = true;
                st.step = 0;
                st.message = Some("Imported from H5P: write the explanations, then Save.".into());
                self.author = Some(st);
                self.import = author::ImportForm {
                    message: Some(format!(
                        "Imported {} words and {} marked word(s).",
                        imported.words, imported.marked
                    )),
                    ..Default::default()
                };
            }
            Err(e) => self.import.message = Some(format!("Not imported: {e}")),
        }
    }

    fn import_write(&mut self) {
        let dir = self.corpus_dir();
        if !self.import.file.trim().is_empty() {
            self.import_read();
        }
        let f = &mut self.import;
        let text = match crate::corpus::import::import_pasted(&f.pasted) {
            Ok(i) => i.text,
            Err(e) => {
                f.message = Some(e.to_string());
                return;
            }
        };
        if f.meta.date.as_deref().is_some_and(|d| d.trim().is_empty()) {
            f.meta.date = None;
        }
        if let Some(d) = &f.meta.date
            && !crate::corpus::valid_date(d.trim())
        {
            f.message = Some(format!(
                "`{}` is not a real date: write it like 2024-03-02",
                crate::text::ids::shown(d)
            ));
            return;
        }
        match crate::corpus::import::write_article(&dir, &f.meta, &text) {
            Ok((txt, _)) => {
                let id = f.meta.id.clone();
                *f = author::ImportForm {
                    message: Some(format!("Added {} to the corpus.", txt.display())),
                    ..Default::default()
                };
                self.reload_articles(&dir);
                self.new_lesson_article = id;
            }
            Err(e) => f.message = Some(format!("Not added: {e}")),
        }
    }

    /// Loads the articles of `dir` into the library (after an import).
    fn reload_articles(&mut self, dir: &std::path::Path) {
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

    fn author_open(&mut self, i: usize) {
        let Some(lf) = self.library.lessons.get(i) else { return };
        let from_disk = matches!(self.source, Source::Folder(_));
        let text = if from_disk {
            crate::files::read_text(std::path::Path::new(&lf.path), crate::files::MAX_LESSON_BYTES).ok()
        } else {
            let name = lf.path.rsplit('/').next().unwrap_or(&lf.path);
            crate::lesson::bundled::LESSONS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
        };
        let Some(text) = text else {
            self.notice = Some(format!("Could not read {}", lf.path));
            return;
        };
        match crate::lesson::authoring::Draft::from_text(&lf.path, &text.replace("\r\n", "\n")) {
            Ok(draft) => {
                let path = from_disk.then(|| PathBuf::from(&lf.path));
                let mut st = author::AuthorState::new(draft, path, &self.library.corpus);
                if !from_disk {
                    st.message = Some("This lesson comes with the app: type where to save your own copy.".into());
                }
                self.author = Some(st);
                self.screen = Screen::Author;
            }
            Err(e) => self.notice = Some(format!("{} cannot be edited in the app: {e}", lf.path)),
        }
    }

    fn active_label_id(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        let labels = player::step_labels(s);
        self.player
            .active_label
            .and_then(|i| labels.get(i).map(|l| l.to_string()))
    }

    /// Draws one frame. (Called by eframe through [`eframe::App::ui`], and by tests directly.)
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let theme = self.theme();
        ctx.set_visuals(theme.visuals());
        let now = ctx.input(|i| i.time);
        let mut cmds = Vec::new();
        self.global_keys(&ctx, &mut cmds);
        if let Some((what, rx)) = &self.dialog
            && let Ok(picked) = rx.try_recv()
        {
            let what = *what;
            self.dialog = None;
            if let Some(p) = picked {
                self.dialog_answered(what, p);
            }
        }
        if let Some(rx) = &self.class_dialog
            && let Ok(picked) = rx.try_recv()
        {
            self.class_dialog = None;
            if let Some(p) = picked {
                self.class.path_text = p.display().to_string();
            }
        }
        self.ensure_watch(&ctx);
        if self.watch.as_ref().is_some_and(|w| w.take_changed()) {
            // Editors write in bursts; reload once things settle.
            self.reload_at = Some(now + 0.2);
        }
        if let Some(at) = self.reload_at {
            if now >= at {
                self.reload_at = None;
                self.reload();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(at - now));
            }
        }
        screens::top_bar(ui, self, &theme, &mut cmds);
        match self.screen {
            Screen::Students => screens::students_ui(ui, self, &theme, &mut cmds),
            Screen::Library => screens::library_ui(ui, self, &theme, &mut cmds),
            Screen::Player => player::player_ui(ui, self, &theme, &mut cmds),
            Screen::Summary => screens::summary_ui(ui, self, &theme, &mut cmds),
            Screen::Author => author::author_ui(ui, self, &theme, &mut cmds),
            Screen::Class => class::class_ui(ui, self, &theme, &mut cmds),
        }
        for c in cmds {
            self.run_cmd(c, now);
        }
        if let Some(since) = self.dirty_since {
            let left = since + SAVE_DELAY - now;
            if left <= 0.0 {
                self.save_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
        if self.dialog.is_some() || self.class_dialog.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        screenshot::tick(self, &ctx);
    }

    fn global_keys(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
            let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
            if i.consume_shortcut(&redo) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)) {
                cmds.push(Command::Redo);
            } else if i.consume_shortcut(&undo) {
                cmds.push(Command::Undo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals))
            {
                cmds.push(Command::FontBigger);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)) {
                cmds.push(Command::FontSmaller);
            }
        });
        if self.screen == Screen::Player && !typing {
            let keys = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
                Key::Num7,
                Key::Num8,
                Key::Num9,
            ];
            ctx.input(|i| {
                for (n, k) in keys.iter().enumerate() {
                    if i.key_pressed(*k) && i.modifiers.is_none() {
                        cmds.push(Command::SetLabel(n));
                    }
                }
            });
        }
    }
}

impl eframe::App for LateralApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}

/// Options for starting the app.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// A lesson folder instead of the bundled lessons.
    pub lessons: Option<PathBuf>,
    /// Take a screenshot and exit.
    pub screenshot: Option<screenshot::Plan>,
}

/// Parses the app's own options (`--screenshot` and friends).
pub fn parse_app_options(lessons: Option<PathBuf>, rest: &[String]) -> Result<AppOptions, String> {
    let mut opts = AppOptions {
        lessons,
        screenshot: None,
    };
    let mut plan: Option<screenshot::Plan> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--screenshot" => {
                plan.get_or_insert_with(screenshot::Plan::default).out = PathBuf::from(val("--screenshot")?)
            }
            "--lesson" => plan.get_or_insert_with(screenshot::Plan::default).lesson = Some(val("--lesson")?),
            "--step" => {
                let v = val("--step")?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--step takes a step number, not `{v}`"))?;
                plan.get_or_insert_with(screenshot::Plan::default).step = Some(n.max(1) - 1);
            }
            "--student" => plan.get_or_insert_with(screenshot::Plan::default).student = Some(val("--student")?),
            "--answer" => plan.get_or_insert_with(screenshot::Plan::default).answer = Some(val("--answer")?),
            "--check" => plan.get_or_insert_with(screenshot::Plan::default).check = true,
            "--dark" => plan.get_or_insert_with(screenshot::Plan::default).dark = true,
            "--edit" => plan.get_or_insert_with(screenshot::Plan::default).edit = Some(val("--edit")?),
            "--preview" => plan.get_or_insert_with(screenshot::Plan::default).preview = true,
            "--class" => {
                plan.get_or_insert_with(screenshot::Plan::default).class = Some(PathBuf::from(val("--class")?))
            }
            "--size" => {
                let v = val("--size")?;
                let (w, h) = v.split_once('x').ok_or("--size takes WIDTHxHEIGHT, e.g. 1280x800")?;
                let size = (
                    w.parse().map_err(|_| "bad width")?,
                    h.parse().map_err(|_| "bad height")?,
                );
                plan.get_or_insert_with(screenshot::Plan::default).size = Some(size);
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if let Some(p) = &plan
        && p.out.as_os_str().is_empty()
    {
        return Err("--lesson, --step, --student, --answer and --check go with --screenshot OUT.png".into());
    }
    opts.screenshot = plan;
    Ok(opts)
}

/// Starts the app; returns the process exit code.
pub fn run(opts: AppOptions) -> i32 {
    let (library, source) = match &opts.lessons {
        None => (LateralApp::bundled_library(), Source::Bundled),
        Some(p) if p.is_file() => match open_pack_file(p) {
            Ok(l) => (l, Source::Pack(p.clone())),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        Some(dir) => match library::load(std::slice::from_ref(dir), &[]) {
            Ok(l) => (l, Source::Folder(dir.clone())),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    };
    let store = match &opts.screenshot {
        // Screenshots never touch a real student's data.
        Some(_) => Store::new(std::env::temp_dir().join(format!("lateral-screenshot-{}", std::process::id()))),
        None => Store::default_location(),
    };
    let mut app = LateralApp::new(library, source, store);
    let size = opts.screenshot.as_ref().and_then(|p| p.size).unwrap_or((1280, 800));
    if let Some(plan) = opts.screenshot.clone() {
        if let Err(e) = screenshot::prepare(&mut app, &plan) {
            eprintln!("error: {e}");
            return 2;
        }
        app.screenshot = Some(plan);
    }
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lateral")
            .with_inner_size([size.0 as f32, size.1 as f32])
            .with_min_inner_size([640.0, 420.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Lateral",
        native,
        Box::new(|cc| {
            theme::install_fonts(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) if opts.screenshot.as_ref().is_some_and(|p| !p.out.exists()) => 1,
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: could not open a window: {e}");
            2
        }
    }
}

pub use crate::records::hand_in::results_file_name;

/// Where "Hand in" saves: `LATERAL_HANDIN_DIR`, else a "Lateral hand-in" folder in the user's
/// documents (or home) folder.
pub fn default_handin_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("LATERAL_HANDIN_DIR") {
        return PathBuf::from(d);
    }
    directories::UserDirs::new()
        .map(|u| u.document_dir().unwrap_or(u.home_dir()).join("Lateral hand-in"))
        .unwrap_or_else(|| PathBuf::from("Lateral hand-in"))
}

/// Opens an exam pack file as a library.
pub fn open_pack_file(p: &std::path::Path) -> Result<Library, String> {
    let text =
        crate::files::read_text(p, crate::files::MAX_PACK_BYTES).map_err(|d| format!("{}: {}", d.file, d.message))?;
    crate::records::pack::pack_library(&text, &p.display().to_string())
}

/// The first file or folder dropped on the window this frame, if any.
pub fn dropped_path(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    })
}
