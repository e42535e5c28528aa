//! The lesson editor of the teacher's view: the draft being edited, what `lateral check` says
//! about it, and the editing commands (steps, fields, key spans, save, preview).

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::widgets::article_view::ArticleViewState;
use crate::corpus::Corpus;
use crate::grading::session::Session;
use crate::lesson::authoring::Draft;
use crate::lesson::{Lesson, Step, StepBody, StepKind, Task};
use crate::text::Span;
use crate::text::diag::Diagnostic;
use crate::tr;

/// The lesson being edited and the editor's view state.
pub struct Editor {
    /// The file being edited.
    pub(crate) draft: Draft,
    /// Where it is saved (`None` until "Save as").
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // a browser never reads it back
    pub(crate) path: Option<PathBuf>,
    /// The typed path for saving.
    pub(crate) path_text: String,
    /// The selected step.
    pub(crate) step: usize,
    /// Article panes.
    pub(crate) views: [ArticleViewState; 2],
    /// The draft as `lateral check` sees it (recomputed after each change).
    pub(crate) lesson: Option<Lesson>,
    /// Its problems.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Unsaved changes?
    pub(crate) dirty: bool,
    /// A message (saved, refused …).
    pub(crate) message: Option<String>,
    /// The selected key of the step.
    pub(crate) selected_key: Option<usize>,
}

/// Everything the lesson editor can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCmd {
    /// Select step `0`.
    SelectStep(usize),
    /// Add a step of this kind (`read`, `highlight`, `choice`, `reflect`) with this task.
    AddStep(StepKind),
    /// Delete the selected step.
    DeleteStep,
    /// Move the selected step up (`true`) or down.
    MoveStep(bool),
    /// Set a lesson text field.
    LessonStr(&'static str, String),
    /// Set a lesson setting.
    Setting(&'static str, bool),
    /// Set the introduction.
    Intro(String),
    /// Set a text field of the selected step.
    StepStr(&'static str, String),
    /// Set the selected step's instructions.
    Prose(String),
    /// Add a key span on article `0` of the step.
    AddKey(usize, Span),
    /// Select the key covering char `1` of article `0`.
    SelectKeyAt(usize, usize),
    /// Set a text field of key `0`.
    KeyStr(usize, &'static str, String),
    /// Set the hints of key `0` (one per line).
    KeyHints(usize, String),
    /// Set the points of key `0`.
    KeyPoints(usize, f64),
    /// Delete key `0`.
    DeleteKey(usize),
    /// Save to the typed path.
    Save,
    /// Play the selected step as a student.
    Preview,
    /// Leave the teacher's view.
    Close,
}

/// A change of screen asked for by a teacher's-view command (the run loop makes it).
pub(crate) enum Goto {
    /// Show the teacher's view: a lesson was opened for editing.
    Editor,
    /// Play this session as a teacher's preview.
    Preview(Session),
    /// Leave the teacher's view.
    Close,
}

/// What an editing command did to the draft.
enum Edit {
    /// Nothing, or only the editor's view.
    Unchanged,
    /// The draft changed: mark it unsaved and check it again.
    Changed,
}

impl Editor {
    /// Starts editing a draft.
    pub(crate) fn new(draft: Draft, path: Option<PathBuf>, corpus: &Corpus) -> Self {
        let path_text = path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
        let mut s = Self {
            draft,
            path,
            path_text,
            step: 0,
            views: Default::default(),
            lesson: None,
            diagnostics: Vec::new(),
            dirty: false,
            message: None,
            selected_key: None,
        };
        s.revalidate(corpus);
        s
    }

    /// The selected step.
    pub fn step(&self) -> usize {
        self.step
    }

    /// Article pane `i` of the selected step.
    pub fn view(&self, i: usize) -> Option<&ArticleViewState> {
        self.views.get(i)
    }

    /// The draft as `lateral check` sees it, if it parses.
    pub fn lesson(&self) -> Option<&Lesson> {
        self.lesson.as_ref()
    }

    /// The last message (saved, refused …).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Re-checks the draft.
    pub(crate) fn revalidate(&mut self, corpus: &Corpus) {
        let lf = self.draft.check(corpus);
        self.diagnostics = lf.diagnostics;
        self.lesson = lf.lesson;
    }

    /// Errors in the whole draft.
    pub(crate) fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The selected step as last checked, if it parses.
    fn checked_step(&self) -> Option<&Step> {
        self.lesson.as_ref().and_then(|l| l.steps.get(self.step))
    }

    /// Applies an editing command; `Some` when it leaves the editor.
    pub(crate) fn apply(&mut self, cmd: EditCmd, corpus: &Corpus) -> Option<Goto> {
        let edit = match cmd {
            EditCmd::SelectStep(i) => self.select_step(i),
            EditCmd::AddStep(kind) => self.add_step(kind, corpus),
            EditCmd::DeleteStep => {
                self.draft.delete_step(self.step);
                self.step = self.step.min(self.draft.step_count().saturating_sub(1));
                Edit::Changed
            }
            EditCmd::MoveStep(up) => self.move_step(up),
            EditCmd::LessonStr(k, v) => self.changed(|d, _| d.set_lesson_str(k, &v)),
            EditCmd::Setting(k, v) => self.changed(|d, _| d.set_setting_bool(k, v)),
            EditCmd::Intro(t) => self.changed(|d, _| d.set_intro(&t)),
            EditCmd::StepStr(k, v) => self.changed(|d, i| d.set_step_str(i, k, &v)),
            EditCmd::Prose(t) => self.changed(|d, i| d.set_step_prose(i, &t)),
            EditCmd::AddKey(art, span) => self.add_key(art, span, corpus),
            EditCmd::SelectKeyAt(art, pos) => self.select_key_at(art, pos),
            EditCmd::KeyStr(k, f, v) => self.changed(|d, i| d.set_key_str(i, k, f, &v)),
            EditCmd::KeyHints(k, t) => {
                let hints: Vec<String> = t.lines().map(str::to_string).collect();
                self.changed(|d, i| d.set_key_hints(i, k, &hints))
            }
            EditCmd::KeyPoints(k, p) => self.changed(|d, i| d.set_key_points(i, k, p)),
            EditCmd::DeleteKey(k) => {
                self.draft.delete_key(self.step, k);
                self.selected_key = None;
                Edit::Changed
            }
            EditCmd::Save => self.save(),
            EditCmd::Preview => return self.preview(corpus),
            EditCmd::Close => return Some(Goto::Close),
        };
        if let Edit::Changed = edit {
            self.dirty = true;
            self.revalidate(corpus);
        }
        None
    }

    /// An edit of the draft at the selected step.
    fn changed(&mut self, edit: impl FnOnce(&mut Draft, usize)) -> Edit {
        edit(&mut self.draft, self.step);
        Edit::Changed
    }

    fn select_step(&mut self, i: usize) -> Edit {
        self.step = i.min(self.draft.step_count().saturating_sub(1));
        self.selected_key = None;
        for v in &mut self.views {
            v.reset();
        }
        Edit::Unchanged
    }

    /// Adds a step after the others, on the articles of the last step that had some.
    fn add_step(&mut self, kind: StepKind, corpus: &Corpus) -> Edit {
        let articles: Vec<String> = self
            .lesson
            .as_ref()
            .and_then(|l| l.steps.iter().rev().find(|s| !s.articles.is_empty()))
            .map(|s| s.articles.clone())
            .or_else(|| corpus.articles().first().map(|x| vec![x.id().to_string()]))
            .unwrap_or_default();
        let articles = match kind {
            StepKind::Highlight(Task::Conflict) if articles.len() < 2 => {
                let mut v = articles.clone();
                if let Some(other) = corpus.articles().iter().find(|x| !v.iter().any(|id| id == x.id())) {
                    v.push(other.id().to_string());
                }
                v
            }
            StepKind::Highlight(Task::Conflict) => articles,
            StepKind::Highlight(_) | StepKind::Investigate => articles.into_iter().take(1).collect(),
            _ => Vec::new(),
        };
        // The new step's title, in the teacher's language (the teacher may change it).
        let title = match kind {
            StepKind::Read => tr!("teacher-new-step-read"),
            StepKind::Highlight(_) => tr!("teacher-new-step-highlight"),
            StepKind::Choice => tr!("teacher-new-step-choice"),
            StepKind::Reflect => tr!("teacher-new-step-reflect"),
            StepKind::Investigate => tr!("teacher-new-step-investigate"),
        };
        self.step = self.draft.add_step(kind, &articles, &title);
        Edit::Changed
    }

    fn move_step(&mut self, up: bool) -> Edit {
        match self.draft.move_step(self.step, up) {
            Some(j) => {
                self.step = j;
                Edit::Changed
            }
            None => Edit::Unchanged,
        }
    }

    /// Adds the highlighted span (snapped to words) to the step's answer key.
    fn add_key(&mut self, art: usize, span: Span, corpus: &Corpus) -> Edit {
        let Some(step) = self.checked_step().cloned() else {
            self.message = Some(tr!("teacher-fix-step-first"));
            return Edit::Unchanged;
        };
        let Some(article) = step.articles.get(art).and_then(|id| corpus.get(id)).cloned() else {
            return Edit::Unchanged;
        };
        let Some(span) = crate::grading::session::snap_to_words(&article, span) else {
            return Edit::Unchanged;
        };
        let label = match &step.body {
            StepBody::Highlight { labels, .. } => labels.first().cloned(),
            _ => None,
        };
        let id = self
            .draft
            .add_key(self.step, &article, span, label.as_deref(), step.articles.len() > 1);
        self.selected_key = Some(step.keys().len());
        self.message = id.map(|id| tr!("teacher-key-added", id = id));
        Edit::Changed
    }

    fn select_key_at(&mut self, art: usize, pos: usize) -> Edit {
        if let Some(step) = self.checked_step() {
            let id = step.articles.get(art).cloned().unwrap_or_default();
            self.selected_key = step
                .keys()
                .iter()
                .position(|k| k.article == id && k.core.start <= pos && pos < k.core.end);
        }
        Edit::Unchanged
    }

    /// Writes the draft to the typed path.
    fn save(&mut self) -> Edit {
        let path = PathBuf::from(self.path_text.trim());
        if self.path_text.trim().is_empty() {
            self.message = Some(tr!("teacher-save-where"));
            return Edit::Unchanged;
        }
        let text = self.draft.to_text();
        self.write_lesson(path, &text);
        Edit::Unchanged
    }

    /// Writes the lesson `text` to `path` (atomically, the previous file kept).
    #[cfg(not(target_arch = "wasm32"))]
    fn write_lesson(&mut self, path: PathBuf, text: &str) {
        match crate::files::write_atomic(&path, text.as_bytes()) {
            Ok(()) => {
                self.dirty = false;
                self.path = Some(path.clone());
                let errors = self.error_count();
                let shown = path.display().to_string();
                self.message = Some(if errors == 0 {
                    tr!("teacher-saved", path = shown)
                } else {
                    tr!("teacher-saved-with-errors", path = shown, n = errors)
                });
            }
            Err(e) => {
                self.message = Some(tr!(
                    "teacher-save-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            }
        }
    }

    /// In a browser, which has no lesson folder: downloads the lesson `text` under the name of
    /// `path`'s file.
    #[cfg(target_arch = "wasm32")]
    fn write_lesson(&mut self, path: PathBuf, text: &str) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // i18n: not text (a MIME type)
        self.message = Some(match crate::app::web::download(&name, text, "text/markdown") {
            Ok(()) => {
                self.dirty = false;
                self.path = Some(path);
                tr!("teacher-saved-download", name = name.as_str(), n = self.error_count())
            }
            Err(e) => tr!("teacher-save-failed", path = name.as_str(), error = e),
        });
    }

    /// A session on the draft at the selected step, if the draft has no errors.
    fn preview(&mut self, corpus: &Corpus) -> Option<Goto> {
        let Some(lesson) = self.lesson.clone().filter(|_| self.error_count() == 0) else {
            self.message = Some(tr!("teacher-preview-refused"));
            return None;
        };
        let mut s = Session::new(Arc::new(lesson), corpus, &tr!("teacher-preview-student"));
        s.go_to(self.step);
        Some(Goto::Preview(s))
    }
}
