//! The desktop app: a thin layer over the core that draws a [`Session`] and sends it commands.
//!
//! Each screen (`screens::*`) owns its state, draws itself and returns [`Command`]s; it never
//! changes what other screens or the shared state hold while drawing. [`LateralApp::run_cmd`]
//! applies every command — a screen's own commands through that screen — so every change goes
//! through one place, and is saved from there. Moving between screens happens only there too.

mod access;
mod dialogs;
mod handin;
pub mod help;
mod keys;
mod language;
mod launch;
mod pin_gate;
mod reload;
mod screens;
mod screenshot;
mod shared;
pub mod startup_probe;
pub mod theme;
mod top_bar;
pub mod web;
pub mod widgets;

#[cfg(not(target_arch = "wasm32"))]
pub use launch::{AppOptions, app_options, run};
pub use pin_gate::PinCmd;
pub use screens::class::{ClassCmd, ClassScreen};
pub use screens::library::LibraryCmd;
pub use screens::player::PlayerCmd;
pub use screens::teacher::{EditCmd, Editor, ImportForm, TeacherCmd, TeacherScreen};
pub use shared::{Source, open_pack_file};

use std::path::PathBuf;

use crate::corpus::Corpus;
use crate::grading::session::Session;
use crate::lesson::library::{LessonFile, Library};
use crate::records::progress::Store;
use crate::records::results::Results;
use crate::tr;

use dialogs::{Dialog, Pending};
use pin_gate::PinGate;
use screens::library::LibraryScreen;
use screens::player::PlayerScreen;
use screens::students::StudentsScreen;
use screens::summary::SummaryScreen;
use screens::teacher::Goto;
use shared::Shared;
use widgets::article_view::ArticleViewState;

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
    Teacher,
    /// The teacher's class view: many students' results.
    Class,
}

/// Everything the screens can ask for: moving between screens and the settings, which the run
/// loop handles itself, and each screen's own commands.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Use this student (adding them if new).
    PickStudent(String),
    /// Back to the student picker.
    SwitchStudent,
    /// Back to the lessons.
    ToLibrary,
    /// Go to the summary.
    Finish,
    /// Hand in the lesson: save its results file in the hand-in folder.
    HandIn,
    /// Hand in, choosing where (file dialog).
    HandInAs,
    /// Larger reading text (articles and instructions; a setting of the laptop).
    FontBigger,
    /// Smaller reading text.
    FontSmaller,
    /// Zoom the whole window in (`1`), out (`-1`), or back to 100% (`0`); saved per student.
    Zoom(i8),
    /// Show the keyboard help or the About box, or neither.
    Help(help::Shown),
    /// Light/dark.
    ToggleTheme,
    /// Speak this language (saved for the laptop and for the student using it).
    SetLocale(crate::i18n::Locale),
    /// Open the teacher's view: asks for the teacher PIN (sets it on first use) first.
    TeacherView,
    /// Leave the teacher's view for where it was opened from.
    LeaveTeacher,
    /// Leave a preview and go back to editing.
    BackToEditing,
    /// Open the class view.
    ClassView,
    /// Leave the class view.
    CloseClass,
    /// A command of the teacher PIN dialog.
    Pin(PinCmd),
    /// A command of the library.
    Library(LibraryCmd),
    /// A command of the player.
    Player(PlayerCmd),
    /// A command of the teacher's view.
    Teacher(TeacherCmd),
    /// A command of the class view.
    Class(ClassCmd),
}

/// How long after the last change progress is saved.
const SAVE_DELAY: f64 = 0.5;

/// The app.
pub struct LateralApp {
    /// What every screen may read: store, settings, library, student, notice.
    shared: Shared,
    /// The screen shown.
    screen: Screen,
    /// The student picker.
    students: StudentsScreen,
    /// The lessons, with the current student's progress.
    library: LibraryScreen,
    /// The lesson being played (`None`: no lesson is open).
    player: Option<PlayerScreen>,
    /// The summary of the lesson being played, once it is finished.
    summary: Option<SummaryScreen>,
    /// The teacher's view (kept when the teacher leaves it).
    teacher: TeacherScreen,
    /// The class view (kept when the teacher leaves it).
    class: ClassScreen,
    /// The teacher PIN dialog.
    pin: PinGate,
    /// Was the teacher PIN typed since the teacher view was last left for the lessons or the
    /// student picker? Only then do the teacher's and class views' commands run.
    teacher_unlocked: bool,
    /// Unsaved changes since this time (egui seconds).
    dirty_since: Option<f64>,
    /// How many times progress was written (for tests).
    saves: usize,
    /// The file dialog that is open.
    dialog: Option<Dialog>,
    /// The teacher's lesson folder: checked in the background, watched, reloaded.
    folder: reload::Folder,
    /// Set by `--screenshot`.
    screenshot: Option<screenshot::Plan>,
    /// The keyboard help.
    help: help::Help,
    /// The whole window's zoom (egui's zoom factor): the student's own, 1.0 before one is picked.
    zoom: f32,
    /// Did a text box have keyboard focus at the end of the last frame?
    typing: bool,
    /// Put the keyboard focus on the step's work (its first article) once it is drawn.
    focus_work: bool,
    /// Tab and Shift+Tab in reading order on the player.
    tab: access::TabOrder,
}

impl LateralApp {
    /// An app over `library`, saving in `store`.
    pub fn new(library: Library, source: Source, store: Store) -> Self {
        let shared = Shared::new(library, source, store);
        Self {
            students: StudentsScreen::new(&shared),
            shared,
            screen: Screen::Students,
            library: LibraryScreen::default(),
            player: None,
            summary: None,
            teacher: TeacherScreen::default(),
            class: ClassScreen::default(),
            pin: PinGate::default(),
            teacher_unlocked: false,
            dirty_since: None,
            saves: 0,
            dialog: None,
            folder: reload::Folder::default(),
            screenshot: None,
            help: help::Help::default(),
            zoom: 1.0,
            typing: false,
            focus_work: false,
            tab: access::TabOrder::default(),
        }
    }

    /// The bundled lessons and corpus.
    pub fn bundled_library() -> Library {
        shared::bundled_library()
    }

    /// Hands in to `dir` instead of the default folder (`LATERAL_HANDIN_DIR`, or in Documents).
    pub fn with_handin_dir(mut self, dir: PathBuf) -> Self {
        self.shared.handin_dir = dir;
        self
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The lessons shown in the library.
    #[cfg_attr(
        target_arch = "wasm32",
        allow(dead_code, reason = "for --screenshot, a desktop option")
    )]
    pub(crate) fn lessons(&self) -> &[LessonFile] {
        &self.shared.library.lessons
    }

    /// The corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.shared.library.corpus
    }

    /// The message shown at the top (saving problems, damaged files, hand-in …), if any.
    pub fn notice(&self) -> Option<&str> {
        self.shared.notice.as_deref()
    }

    /// The session being played, if a lesson is open.
    pub fn session(&self) -> Option<&Session> {
        self.player.as_ref().map(PlayerScreen::session)
    }

    /// The session being played, to change it directly: for tests that set up a student's work
    /// without the widgets. (The screens change it only through [`Command`]s.)
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.player.as_mut().map(PlayerScreen::session_mut)
    }

    /// Article pane `i` of the lesson being played.
    pub fn player_view(&self, i: usize) -> Option<&ArticleViewState> {
        self.player.as_ref()?.view(i)
    }

    /// Is the player showing a teacher's preview (nothing is saved)?
    pub fn previewing(&self) -> bool {
        self.player.as_ref().is_some_and(PlayerScreen::previewing)
    }

    /// The teacher's view.
    pub fn teacher(&self) -> &TeacherScreen {
        &self.teacher
    }

    /// The class view.
    pub fn class(&self) -> &ClassScreen {
        &self.class
    }

    /// How many times progress was written.
    pub fn saves(&self) -> usize {
        self.saves
    }

    /// How many times the library was reloaded from disk.
    pub fn reloads(&self) -> usize {
        self.folder.reloads
    }

    /// Is the teacher PIN dialog shown?
    pub fn asking_for_pin(&self) -> bool {
        self.pin.is_open()
    }

    fn mark_dirty(&mut self, now: f64) {
        if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
    }

    /// Saves the session now, if there are unsaved changes.
    fn save_now(&mut self) {
        if self.dirty_since.take().is_none() || self.previewing() {
            return;
        }
        if let Some(p) = &self.player {
            match self.shared.store.save_progress(&Results::from_session(p.session())) {
                Ok(_) => self.saves += 1,
                Err(e) => self.shared.notice = Some(tr!("chrome-save-failed", error = e.to_string())),
            }
        }
    }

    /// Closes the lesson being played (saving it first).
    fn close_lesson(&mut self) {
        self.close_card();
        self.save_now();
        self.player = None;
        self.summary = None;
    }

    /// Closes the source card open on an investigate step, so how long it was open is saved.
    fn close_card(&mut self) {
        if self.player.as_mut().is_some_and(PlayerScreen::close_card) {
            self.dirty_since.get_or_insert(0.0);
        }
    }

    /// The lessons, or the student picker if no student is chosen yet.
    fn home(&self) -> Screen {
        if self.shared.student.is_some() {
            Screen::Library
        } else {
            Screen::Students
        }
    }

    /// Draws one frame. (Called by eframe through [`eframe::App::ui`], and by tests directly.)
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Every string of this frame in the student's language (the locale is per thread).
        crate::i18n::set_current(self.shared.locale);
        let theme = self.shared.theme();
        ctx.set_visuals(theme.visuals());
        self.apply_zoom(&ctx);
        if self.screenshot.is_some() {
            screenshot::assume_focused(&ctx);
        }
        let now = ctx.input(|i| i.time);
        self.tab.begin(&ctx);
        let mut cmds = self.global_keys(&ctx);
        if let Some((what, path)) = Dialog::poll(&mut self.dialog) {
            self.dialog_answered(what, path);
        }
        let class_dialog = self.class.poll_dialog();
        self.follow_folder(&ctx, now);
        cmds.extend(top_bar::top_bar(
            ui,
            &self.shared,
            self.screen,
            self.previewing(),
            self.zoom,
            &theme,
        ));
        self.before_screen(&ctx);
        cmds.extend(self.screen_ui(ui, &theme));
        self.after_screen(ui);
        cmds.extend(self.pin.ui(&ctx, &self.shared, &theme));
        cmds.extend(self.help.ui(&ctx, self.shared.store.root()));
        for c in cmds {
            self.run_cmd(c, now);
        }
        self.typing = ctx.text_edit_focused();
        if self.focus_work {
            ctx.request_repaint();
        }
        if let Some(since) = self.dirty_since {
            let left = since + SAVE_DELAY - now;
            if left <= 0.0 {
                self.save_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
        if self.dialog.is_some() || class_dialog {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if let Some(plan) = &mut self.screenshot {
            screenshot::tick(plan, &ctx);
        }
    }

    /// Draws the screen shown; returns what the user did.
    fn screen_ui(&mut self, ui: &mut egui::Ui, theme: &theme::Theme) -> Vec<Command> {
        let shared = &self.shared;
        match (self.screen, &mut self.player, &self.summary) {
            (Screen::Students, ..) => self.students.ui(ui, &self.shared, theme),
            (Screen::Library, ..) => self.library.ui(ui, shared, theme),
            (Screen::Player, Some(p), _) => p.ui(ui, theme),
            (Screen::Summary, Some(p), Some(s)) => s.ui(ui, p.session(), &shared.handin_dir, theme),
            (Screen::Summary, Some(_), None) => vec![Command::Finish],
            (Screen::Player | Screen::Summary, None, _) => vec![Command::ToLibrary],
            (Screen::Teacher, ..) => self.teacher.ui(ui, shared, theme),
            (Screen::Class, ..) => self.class.ui(ui, shared, theme),
        }
    }

    /// Applies one command. `now` is egui's clock, for debounced saving.
    pub fn run_cmd(&mut self, cmd: Command, now: f64) {
        match cmd {
            Command::PickStudent(name) => self.pick_student(&name),
            Command::SwitchStudent => {
                self.close_lesson();
                self.teacher_unlocked = false;
                self.shared.student = None;
                self.zoom = 1.0;
                self.students.focus_name();
                self.screen = Screen::Students;
            }
            Command::ToLibrary => {
                self.close_lesson();
                self.teacher_unlocked = false;
                self.library.refresh(&mut self.shared);
                self.screen = Screen::Library;
            }
            Command::Finish => self.finish(),
            Command::HandIn => {
                let dir = self.shared.handin_dir.clone();
                self.hand_in(&dir, None);
            }
            Command::HandInAs => self.open_dialog(Pending::HandInAs),
            Command::FontBigger => self.change_font(2.0),
            Command::FontSmaller => self.change_font(-2.0),
            Command::Zoom(step) => self.change_zoom(step),
            Command::Help(shown) => self.help.set_shown(shown),
            Command::LeaveTeacher => self.run_teacher_goto(Some(Goto::Close)),
            Command::SetLocale(l) => self.set_locale(l),
            Command::ToggleTheme => {
                self.shared.settings.dark = !self.shared.settings.dark;
                self.shared.save_settings();
            }
            Command::TeacherView if self.teacher_unlocked => self.enter_teacher(),
            Command::TeacherView => self.pin.ask(&mut self.shared),
            Command::Pin(c) => {
                if self.pin.apply(c, &mut self.shared) {
                    self.teacher_unlocked = true;
                    self.enter_teacher();
                }
            }
            // The teacher's and the class view's own commands, only behind the PIN.
            c if !self.teacher_unlocked && pin_gate::teacher_only(&c) => {}
            Command::BackToEditing => {
                self.player = None;
                self.summary = None;
                self.screen = Screen::Teacher;
            }
            Command::ClassView => {
                self.class.enter(&self.shared.handin_dir);
                self.screen = Screen::Class;
            }
            Command::CloseClass => self.screen = Screen::Teacher,
            Command::Library(c) => self.run_library(c),
            Command::Player(c) => self.run_player(c, now),
            Command::Teacher(c) => self.run_teacher(c),
            Command::Class(c) => self.class.apply(c, &self.shared),
        }
    }

    /// Shows the teacher's view (the PIN was typed), closing the lesson being played.
    fn enter_teacher(&mut self) {
        self.pin = PinGate::default();
        self.close_lesson();
        self.screen = Screen::Teacher;
    }

    /// Speaks `locale` from the next frame on, and remembers it for the laptop and the student.
    fn set_locale(&mut self, locale: crate::i18n::Locale) {
        self.shared.locale = locale;
        crate::i18n::set_current(locale);
        self.shared.settings.locale = Some(locale.code().to_string());
        self.shared.save_settings();
        if let Some(student) = self.shared.student.clone()
            && let Err(e) = self.shared.store.set_student_locale(&student, locale)
        {
            self.shared.notice = Some(e);
        }
        // Text the screens keep (the library's rows, notices) is made again in the new language.
        self.library.refresh(&mut self.shared);
    }

    /// The language the system asks for, when no language was ever chosen on this laptop (the
    /// app as started for real; tests start in English, or in the language they set).
    pub fn with_system_locale(mut self) -> Self {
        if self.shared.settings.locale().is_none() {
            self.shared.locale = crate::i18n::Locale::from_system();
        }
        self
    }

    /// Speaks `locale` (for this run: not saved, and a student's own choice still wins).
    pub fn with_locale(mut self, locale: crate::i18n::Locale) -> Self {
        self.shared.locale = locale;
        self
    }

    /// The language the UI speaks.
    pub fn locale(&self) -> crate::i18n::Locale {
        self.shared.locale
    }

    fn pick_student(&mut self, name: &str) {
        match self.shared.store.add_student(name) {
            Ok(name) => {
                self.zoom = self.shared.store.student_zoom(&name);
                if let Some(l) = self.shared.store.student_locale(&name) {
                    self.shared.locale = l;
                }
                self.shared.student = Some(name.clone());
                self.shared.settings.last_student = Some(name);
                self.shared.save_settings();
                self.students.refresh(&self.shared);
                self.library.refresh(&mut self.shared);
                self.screen = Screen::Library;
                self.shared.notice = None;
            }
            Err(e) => self.shared.notice = Some(screens::students::refusal(name, e)),
        }
    }

    /// Saves, scores the lesson and shows the summary.
    fn finish(&mut self) {
        self.close_card();
        self.save_now();
        self.summary = self
            .player
            .as_ref()
            .map(|p| SummaryScreen::new(p.session(), &self.shared.library.corpus));
        self.screen = Screen::Summary;
    }

    fn run_library(&mut self, cmd: LibraryCmd) {
        match cmd {
            LibraryCmd::Open(i) => {
                self.check_lesson_now(i);
                if let Some(p) = PlayerScreen::open(&mut self.shared, i) {
                    self.player = Some(p);
                    self.focus_work = true;
                    self.summary = None;
                    self.screen = Screen::Player;
                }
            }
            LibraryCmd::PickFolder => self.open_dialog(Pending::OpenLessons),
            LibraryCmd::PickFiles => self.open_dialog(Pending::OpenLessonFiles),
            LibraryCmd::LoadBundled => self.load_library(Source::Bundled),
            LibraryCmd::ExportAll => self.open_dialog(Pending::ExportAll),
        }
    }

    fn run_player(&mut self, cmd: PlayerCmd, now: f64) {
        let to_step = matches!(cmd, PlayerCmd::GoToStep(_));
        if to_step {
            self.screen = Screen::Player;
            self.focus_work = true;
        }
        if let Some(p) = &mut self.player
            && p.apply(cmd)
        {
            self.mark_dirty(now);
        }
    }

    fn run_teacher(&mut self, cmd: TeacherCmd) {
        let goto = self.teacher.apply(cmd, &mut self.shared);
        self.run_teacher_goto(goto);
    }

    fn run_teacher_goto(&mut self, goto: Option<Goto>) {
        match goto {
            Some(Goto::Editor) => self.screen = Screen::Teacher,
            Some(Goto::Preview(session)) => {
                self.player = Some(PlayerScreen::new(session, true));
                self.summary = None;
                self.screen = Screen::Player;
            }
            Some(Goto::Close) => {
                self.teacher_unlocked = false;
                self.screen = self.home();
            }
            None => {}
        }
    }
}

impl eframe::App for LateralApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close_card();
        self.save_now();
    }
}

#[cfg(test)]
mod tests;
