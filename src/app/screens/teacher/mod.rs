//! The teacher's view: open or start a lesson, edit it (add key spans by highlighting, see every
//! problem next to its step), preview it as a student, save it; import articles.
//!
//! Its state outlives a visit: a draft with unsaved changes is still there when the teacher
//! comes back from a preview, the class view, or the lessons.

mod editor;
mod editor_view;
mod import;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use egui::{RichText, Ui};

pub(crate) use editor::Goto;
pub use editor::{EditCmd, Editor};
pub use import::ImportForm;

use crate::app::dialogs::{Answer, Dialog, Given, Pending};
use crate::app::theme::Theme;
use crate::app::{Command, Shared, Source};
use crate::grading::score::Verdict;
use crate::lesson::authoring::Draft;
use crate::tr;

/// The teacher's view's state.
#[derive(Default)]
pub struct TeacherScreen {
    /// The lesson being edited.
    editor: Option<Editor>,
    /// The article picked for a new lesson.
    new_lesson_article: String,
    /// The "Import an article" form.
    import: ImportForm,
    /// The file dialog of the import form's "Choose file…", while it is open.
    import_dialog: Option<Dialog>,
}

/// Everything the teacher's view can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum TeacherCmd {
    /// Edit library lesson `0`.
    Open(usize),
    /// Start a new lesson on this article.
    New(String),
    /// Read the import form's file (or pasted text) and suggest metadata.
    ImportRead,
    /// Write the import form's article into the corpus folder.
    ImportWrite,
    /// Open a file dialog for the import form ("Choose file…").
    ChooseImportFile,
    /// The file dialog chose this file: put it in the form and read it.
    ImportChosen(PathBuf),
    /// The browser's file chooser handed over this file: read it into the form.
    ImportUploaded(Given),
    /// The teacher's setting: hide the list of students' names on the student screen.
    HideStudentList(bool),
    /// A command of the lesson editor.
    Edit(EditCmd),
}

impl TeacherScreen {
    /// The lesson being edited, if one is open.
    pub fn editor(&self) -> Option<&Editor> {
        self.editor.as_ref()
    }

    /// The "Import an article" form.
    pub fn import_form(&self) -> &ImportForm {
        &self.import
    }

    /// Is the import form's file dialog open?
    pub fn choosing_import_file(&self) -> bool {
        self.import_dialog.is_some()
    }

    /// The article picked for a new lesson.
    pub fn new_lesson_article(&self) -> &str {
        &self.new_lesson_article
    }

    /// Closes the "Import an article" window if it is open (Escape); `true` if it was.
    pub(crate) fn close_dialogs(&mut self) -> bool {
        std::mem::replace(&mut self.import.open, false)
    }

    /// Applies a teacher's-view command; `Some` when it leaves the view.
    pub(crate) fn apply(&mut self, cmd: TeacherCmd, shared: &mut Shared) -> Option<Goto> {
        match cmd {
            TeacherCmd::Open(i) => self.open(shared, i),
            TeacherCmd::New(article) => self.new_lesson(shared, &article),
            TeacherCmd::ImportRead => {
                self.import_read(shared);
                None
            }
            TeacherCmd::ImportWrite => {
                self.import_write(shared);
                None
            }
            TeacherCmd::ChooseImportFile => {
                // On its own thread: the UI never waits for the dialog.
                // A browser may never say its chooser was closed (no `cancel` event before
                // Safari 16.4): there, a new click opens a new one.
                if cfg!(target_arch = "wasm32") || self.import_dialog.is_none() {
                    self.import_dialog = Some(Dialog::open(Pending::ImportFile, String::new()));
                }
                None
            }
            TeacherCmd::ImportChosen(path) => {
                self.import.open = true;
                self.import.file = path.display().to_string();
                self.import_read(shared);
                None
            }
            TeacherCmd::ImportUploaded(given) => {
                self.import.open = true;
                self.import_uploaded(shared, given);
                None
            }
            TeacherCmd::HideStudentList(hide) => {
                shared.settings.hide_student_list = hide;
                shared.save_settings();
                None
            }
            TeacherCmd::Edit(c) => self.editor.as_mut()?.apply(c, &shared.library.corpus),
        }
    }

    /// Opens library lesson `i` for editing (a bundled one is saved as a copy).
    fn open(&mut self, shared: &mut Shared, i: usize) -> Option<Goto> {
        let lf = shared.library.lessons.get(i)?;
        let from_disk = matches!(shared.source, Source::Folder(_));
        let picked = matches!(shared.source, Source::Given(_));
        let text = if from_disk {
            crate::files::read_text(std::path::Path::new(&lf.path), crate::files::MAX_LESSON_BYTES).ok()
        } else if picked {
            // Picked in a browser: the text as it was handed over.
            shared.given_lessons.get(&lf.path).cloned()
        } else {
            let name = lf.path.rsplit('/').next().unwrap_or(&lf.path);
            crate::lesson::bundled::LESSONS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
        };
        let Some(text) = text else {
            shared.notice = Some(tr!("teacher-could-not-read", path = lf.path.as_str()));
            return None;
        };
        match Draft::from_text(&lf.path, &text.replace("\r\n", "\n")) {
            Ok(draft) => {
                let path = from_disk.then(|| PathBuf::from(&lf.path));
                let mut st = Editor::new(draft, path, &shared.library.corpus);
                if picked {
                    // Saved (downloaded) under the name it was picked by.
                    st.path_text = crate::files::given::file_part(&lf.path).to_string();
                } else if !from_disk {
                    st.message = Some(tr!("teacher-bundled-copy"));
                }
                self.editor = Some(st);
                Some(Goto::Editor)
            }
            Err(e) => {
                shared.notice = Some(tr!(
                    "teacher-cannot-edit",
                    path = lf.path.as_str(),
                    error = e.to_string()
                ));
                None
            }
        }
    }

    /// Starts a new lesson on `article`, to be saved beside the lessons.
    fn new_lesson(&mut self, shared: &Shared, article: &str) -> Option<Goto> {
        let art = shared.library.corpus.get(article).cloned()?;
        let name = format!("{article}-lesson.md");
        let draft = Draft::new_lesson(&name, std::slice::from_ref(&art), crate::lesson::Task::Bias);
        let mut st = Editor::new(draft, None, &shared.library.corpus);
        st.path_text = match &shared.source {
            Source::Folder(dir) => dir.join(&name).display().to_string(),
            Source::Bundled | Source::Pack(_) | Source::Given(_) => std::env::current_dir()
                .unwrap_or_default()
                .join("lessons") // i18n: not text (the lesson folder's name on disk)
                .join(&name)
                .display()
                .to_string(),
        };
        st.step = 1;
        st.dirty = true;
        self.editor = Some(st);
        Some(Goto::Editor)
    }

    /// The teacher's view.
    pub(crate) fn ui(&mut self, ui: &mut Ui, shared: &Shared, theme: &Theme) -> Vec<Command> {
        let mut cmds = Vec::new();
        match Dialog::poll(&mut self.import_dialog) {
            Some((_, Answer::Path(path))) => cmds.push(Command::Teacher(TeacherCmd::ImportChosen(path))),
            Some((_, Answer::Given(given))) => cmds.push(Command::Teacher(TeacherCmd::ImportUploaded(given))),
            None => {}
        }
        if self.import_dialog.is_some() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(200));
        }
        egui::Panel::top("teacher-banner").show(ui, |ui| self.banner_ui(ui, shared, theme, &mut cmds));
        self.import.window(ui, self.import_dialog.is_some(), &mut cmds);
        let Some(editor) = self.editor.as_mut() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading(tr!("teacher-heading"));
                ui.label(tr!("teacher-intro"));
            });
            return cmds;
        };
        let out = editor.ui(ui, &shared.library.corpus, theme);
        cmds.extend(out.into_iter().map(|c| Command::Teacher(TeacherCmd::Edit(c))));
        cmds
    }

    /// The banner: which view this is and the lessons to open; then a new lesson, import, class
    /// results and the teacher's setting for the student screen.
    fn banner_ui(&mut self, ui: &mut Ui, shared: &Shared, theme: &Theme, cmds: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr!("teacher-banner"))
                    .strong()
                    .color(theme.verdict_color(Verdict::Partly)),
            );
            ui.separator();
            ui.label(tr!("teacher-open"));
            for (i, l) in shared.library.lessons.iter().enumerate() {
                let title = l.lesson.as_ref().map_or(l.path.clone(), |x| x.title.clone());
                if ui
                    .small_button(title)
                    .on_hover_text(tr!("teacher-open-lesson.hover"))
                    .clicked()
                {
                    cmds.push(Command::Teacher(TeacherCmd::Open(i)));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            self.new_lesson_ui(ui, shared, cmds);
            ui.separator();
            if ui.button(tr!("teacher-import-button")).clicked() {
                self.import.open = true;
            }
            if ui
                .button(tr!("teacher-class-button"))
                .on_hover_text(tr!("teacher-class-button.hover"))
                .clicked()
            {
                cmds.push(Command::ClassView);
            }
            ui.separator();
            let mut hide = shared.settings.hide_student_list;
            if ui
                .checkbox(&mut hide, tr!("teacher-hide-students"))
                .on_hover_text(tr!("teacher-hide-students.hover"))
                .changed()
            {
                cmds.push(Command::Teacher(TeacherCmd::HideStudentList(hide)));
            }
        });
    }

    /// The article picker and "New lesson".
    fn new_lesson_ui(&mut self, ui: &mut Ui, shared: &Shared, cmds: &mut Vec<Command>) {
        let ids: Vec<String> = shared.library.corpus.ids().map(str::to_string).collect();
        if self.new_lesson_article.is_empty() {
            self.new_lesson_article = ids.first().cloned().unwrap_or_default();
        }
        egui::ComboBox::from_label(tr!("teacher-new-lesson-on"))
            .selected_text(self.new_lesson_article.clone())
            .show_ui(ui, |ui| {
                for id in &ids {
                    ui.selectable_value(&mut self.new_lesson_article, id.clone(), id);
                }
            });
        if ui.button(tr!("teacher-new-lesson")).clicked() {
            cmds.push(Command::Teacher(TeacherCmd::New(self.new_lesson_article.clone())));
        }
    }
}
