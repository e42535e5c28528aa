//! The teacher's view: edit a lesson, add key spans by highlighting, see every problem next to its
//! step, preview as a student, save.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};

use super::article_view::{ArticleEvent, ArticleInput, ArticleViewState, MarkView, article_ui};
use super::markdown::markdown_ui;
use super::theme::Theme;
use super::{Command, LateralApp};
use crate::corpus::Article;
use crate::grading::score::Verdict;
use crate::lesson::authoring::Draft;
use crate::lesson::{Lesson, StepBody, StepKind, Task};
use crate::text::diag::Diagnostic;

/// The lesson being edited and the editor's view state.
pub struct AuthorState {
    /// The file being edited.
    pub draft: Draft,
    /// Where it is saved (`None` until "Save as").
    pub path: Option<PathBuf>,
    /// The typed path for saving.
    pub path_text: String,
    /// The selected step.
    pub step: usize,
    /// Article panes.
    pub views: [ArticleViewState; 2],
    /// The draft as `lateral check` sees it (recomputed after each change).
    pub lesson: Option<Lesson>,
    /// Its problems.
    pub diagnostics: Vec<Diagnostic>,
    /// Unsaved changes?
    pub dirty: bool,
    /// A message (saved, refused …).
    pub message: Option<String>,
    /// The selected key of the step.
    pub selected_key: Option<usize>,
}

impl AuthorState {
    /// Starts editing a draft.
    pub fn new(draft: Draft, path: Option<PathBuf>, corpus: &crate::corpus::Corpus) -> Self {
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

    /// Re-checks the draft.
    pub fn revalidate(&mut self, corpus: &crate::corpus::Corpus) {
        let lf = self.draft.check(corpus);
        self.diagnostics = lf.diagnostics;
        self.lesson = lf.lesson;
    }

    /// Errors in the whole draft.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The "Import an article" form.
#[derive(Clone, Debug, Default)]
pub struct ImportForm {
    /// Is the form open?
    pub open: bool,
    /// A file to import (typed, dropped or chosen).
    pub file: String,
    /// Or pasted text.
    pub pasted: String,
    /// Metadata.
    pub meta: crate::corpus::ArticleMeta,
    /// What happened.
    pub message: Option<String>,
}

/// Everything the teacher's view can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum AuthorCmd {
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
    AddKey(usize, crate::text::Span),
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

/// Applies a teacher's-view command.
pub fn run(app: &mut LateralApp, cmd: AuthorCmd) {
    let corpus = app.library.corpus.clone();
    let Some(a) = app.author.as_mut() else { return };
    let mut changed = true;
    match cmd {
        AuthorCmd::SelectStep(i) => {
            a.step = i.min(a.draft.step_count().saturating_sub(1));
            a.selected_key = None;
            for v in &mut a.views {
                v.reset();
            }
            changed = false;
        }
        AuthorCmd::AddStep(kind) => {
            let articles: Vec<String> = a
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
                StepKind::Highlight(_) => articles.into_iter().take(1).collect(),
                _ => Vec::new(),
            };
            let title = match kind {
                StepKind::Read => "Read",
                StepKind::Highlight(_) => "Find it",
                StepKind::Choice => "Your choice",
                StepKind::Reflect => "Your answer",
            };
            a.step = a.draft.add_step(kind, &articles, title);
        }
        AuthorCmd::DeleteStep => {
            a.draft.delete_step(a.step);
            a.step = a.step.min(a.draft.step_count().saturating_sub(1));
        }
        AuthorCmd::MoveStep(up) => {
            if let Some(j) = a.draft.move_step(a.step, up) {
                a.step = j;
            } else {
                changed = false;
            }
        }
        AuthorCmd::LessonStr(k, v) => a.draft.set_lesson_str(k, &v),
        AuthorCmd::Setting(k, v) => a.draft.set_setting_bool(k, v),
        AuthorCmd::Intro(t) => a.draft.set_intro(&t),
        AuthorCmd::StepStr(k, v) => a.draft.set_step_str(a.step, k, &v),
        AuthorCmd::Prose(t) => a.draft.set_step_prose(a.step, &t),
        AuthorCmd::AddKey(art, span) => {
            let step = a.lesson.as_ref().and_then(|l| l.steps.get(a.step)).cloned();
            let Some(step) = step else {
                a.message = Some("Fix the problems in this step before adding key spans.".into());
                return;
            };
            let Some(article) = step.articles.get(art).and_then(|id| corpus.get(id)).cloned() else {
                return;
            };
            let Some(span) = crate::grading::session::snap_to_words(&article, span) else {
                return;
            };
            let label = match &step.body {
                StepBody::Highlight { labels, .. } => labels.first().cloned(),
                _ => None,
            };
            let id = a
                .draft
                .add_key(a.step, &article, span, label.as_deref(), step.articles.len() > 1);
            a.selected_key = Some(step.keys().len());
            a.message = id.map(|id| format!("Added key `{id}`: write its explanation below."));
        }
        AuthorCmd::SelectKeyAt(art, pos) => {
            changed = false;
            if let Some(step) = a.lesson.as_ref().and_then(|l| l.steps.get(a.step)) {
                let id = step.articles.get(art).cloned().unwrap_or_default();
                a.selected_key = step
                    .keys()
                    .iter()
                    .position(|k| k.article == id && k.core.start <= pos && pos < k.core.end);
            }
        }
        AuthorCmd::KeyStr(k, f, v) => a.draft.set_key_str(a.step, k, f, &v),
        AuthorCmd::KeyHints(k, t) => {
            let hints: Vec<String> = t.lines().map(str::to_string).collect();
            a.draft.set_key_hints(a.step, k, &hints);
        }
        AuthorCmd::KeyPoints(k, p) => a.draft.set_key_points(a.step, k, p),
        AuthorCmd::DeleteKey(k) => {
            a.draft.delete_key(a.step, k);
            a.selected_key = None;
        }
        AuthorCmd::Save => {
            changed = false;
            let path = PathBuf::from(a.path_text.trim());
            if a.path_text.trim().is_empty() {
                a.message = Some("Type where to save the lesson (a path ending in .md) first.".into());
                return;
            }
            let text = a.draft.to_text();
            match crate::files::write_atomic(&path, text.as_bytes()) {
                Ok(()) => {
                    a.dirty = false;
                    a.path = Some(path.clone());
                    let errors = a.error_count();
                    a.message = Some(if errors == 0 {
                        format!("Saved {}. It passes lateral check.", path.display())
                    } else {
                        format!(
                            "Saved {}, with {errors} problem(s) still to fix (listed on the right).",
                            path.display()
                        )
                    });
                }
                Err(e) => a.message = Some(format!("Could not save {}: {e}", path.display())),
            }
        }
        AuthorCmd::Preview => {
            let Some(lesson) = a.lesson.clone().filter(|_| a.error_count() == 0) else {
                a.message = Some("Fix the problems listed on the right before previewing.".into());
                return;
            };
            let step = a.step;
            let mut s = crate::grading::session::Session::new(Arc::new(lesson), &corpus, "Preview");
            s.go_to(step);
            app.session = Some(s);
            app.player = super::PlayerUi::default();
            app.previewing = true;
            app.screen = super::Screen::Player;
            return;
        }
        AuthorCmd::Close => {
            app.screen = if app.student.is_some() {
                super::Screen::Library
            } else {
                super::Screen::Students
            };
            return;
        }
    }
    if changed {
        a.dirty = true;
        a.revalidate(&corpus);
    }
}

/// The teacher's view.
pub fn author_ui(ui: &mut Ui, app: &mut LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    let lessons: Vec<(usize, String)> = app
        .library
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.lesson.as_ref().map_or(l.path.clone(), |x| x.title.clone())))
        .collect();
    let corpus = app.library.corpus.clone();
    egui::Panel::top("teacher-banner").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new("TEACHER VIEW: editing lessons")
                    .strong()
                    .color(theme.verdict_color(Verdict::Partly)),
            );
            ui.separator();
            ui.label("Open:");
            for (i, title) in &lessons {
                if ui.small_button(title).on_hover_text("Edit this lesson").clicked() {
                    cmds.push(Command::AuthorOpen(*i));
                }
            }
            ui.separator();
            new_lesson_ui(ui, app, &corpus, cmds);
            ui.separator();
            if ui.button("Import an article…").clicked() {
                app.import.open = true;
            }
            if ui
                .button("Class results…")
                .on_hover_text("Grade your students' results files and see the class")
                .clicked()
            {
                cmds.push(Command::ClassView);
            }
        });
    });
    import_window(ui, app, cmds);
    let Some(a) = app.author.as_mut() else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Teacher view");
            ui.label("Open a lesson above to edit it, or make a new one on an article. Lessons are plain text files; see docs/lesson-format.md.");
        });
        return;
    };
    let mut out: Vec<AuthorCmd> = Vec::new();
    egui::Panel::left("author-steps")
        .resizable(false)
        .exact_size(250.0)
        .show(ui, |ui| steps_ui(ui, a, &mut out));
    egui::Panel::right("author-problems")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| problems_ui(ui, a, theme, &mut out));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("author-center")
            .show(ui, |ui| step_editor_ui(ui, a, &corpus, theme, &mut out));
    });
    cmds.extend(out.into_iter().map(Command::Author));
}

fn new_lesson_ui(ui: &mut Ui, app: &mut LateralApp, corpus: &crate::corpus::Corpus, cmds: &mut Vec<Command>) {
    let ids: Vec<String> = corpus.ids().map(str::to_string).collect();
    if app.new_lesson_article.is_empty() {
        app.new_lesson_article = ids.first().cloned().unwrap_or_default();
    }
    egui::ComboBox::from_label("New lesson on")
        .selected_text(app.new_lesson_article.clone())
        .show_ui(ui, |ui| {
            for id in &ids {
                ui.selectable_value(&mut app.new_lesson_article, id.clone(), id);
            }
        });
    if ui.button("New lesson").clicked() {
        cmds.push(Command::AuthorNew(app.new_lesson_article.clone()));
    }
}

fn steps_ui(ui: &mut Ui, a: &mut AuthorState, out: &mut Vec<AuthorCmd>) {
    ui.add_space(4.0);
    let mut title = a.lesson.as_ref().map(|l| l.title.clone()).unwrap_or_default();
    let l = ui.label("Lesson title");
    if ui
        .add(egui::TextEdit::singleline(&mut title))
        .labelled_by(l.id)
        .changed()
    {
        out.push(AuthorCmd::LessonStr("title", title));
    }
    if let Some(lesson) = &a.lesson {
        let mut retry = lesson.settings.retry;
        if ui.checkbox(&mut retry, "Students may retry").changed() {
            out.push(AuthorCmd::Setting("retry", retry));
        }
        let mut sol = lesson.settings.show_solution;
        if ui.checkbox(&mut sol, "Students may show the solution").changed() {
            out.push(AuthorCmd::Setting("show_solution", sol));
        }
    }
    ui.separator();
    ui.label(RichText::new("Steps").strong());
    for i in 0..a.draft.step_count() {
        let title = a.draft.step_str(i, "title");
        let kind = a
            .lesson
            .as_ref()
            .and_then(|l| l.steps.get(i))
            .map_or("?", |s| s.kind_name());
        let problems = a
            .draft
            .diagnostics_for_step(&a.diagnostics, i)
            .iter()
            .filter(|d| d.is_error())
            .count();
        let warn = if problems > 0 {
            format!(" ⚠{problems}")
        } else {
            String::new()
        };
        let text = format!("{}. {title} ({kind}){warn}", i + 1);
        if ui.add(egui::Button::selectable(a.step == i, text).wrap()).clicked() {
            out.push(AuthorCmd::SelectStep(i));
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("↑ Up").clicked() {
            out.push(AuthorCmd::MoveStep(true));
        }
        if ui.button("↓ Down").clicked() {
            out.push(AuthorCmd::MoveStep(false));
        }
        if ui.button("Delete step").clicked() {
            out.push(AuthorCmd::DeleteStep);
        }
    });
    ui.label("Add a step:");
    ui.horizontal_wrapped(|ui| {
        for (label, kind) in [
            ("+ Read", StepKind::Read),
            ("+ Bias", StepKind::Highlight(Task::Bias)),
            ("+ Machine", StepKind::Highlight(Task::Machine)),
            ("+ Conflict", StepKind::Highlight(Task::Conflict)),
            ("+ Choice", StepKind::Choice),
            ("+ Reflect", StepKind::Reflect),
        ] {
            if ui.small_button(label).clicked() {
                out.push(AuthorCmd::AddStep(kind));
            }
        }
    });
}

fn problems_ui(ui: &mut Ui, a: &mut AuthorState, theme: &Theme, out: &mut Vec<AuthorCmd>) {
    ui.add_space(4.0);
    let l = ui.label("Save to (a .md file):");
    ui.add(egui::TextEdit::singleline(&mut a.path_text).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            out.push(AuthorCmd::Save);
        }
        if ui
            .add_enabled(a.error_count() == 0, egui::Button::new("Preview as student"))
            .clicked()
        {
            out.push(AuthorCmd::Preview);
        }
        if ui.button("Close teacher view").clicked() {
            out.push(AuthorCmd::Close);
        }
    });
    if a.dirty {
        ui.label(RichText::new("Unsaved changes").color(theme.verdict_color(Verdict::Partly)));
    }
    if let Some(m) = &a.message {
        ui.label(RichText::new(m).italics());
    }
    ui.separator();
    let (errors, warnings) = crate::text::diag::count(&a.diagnostics);
    if errors + warnings == 0 {
        ui.label(
            RichText::new("✓ No problems: this lesson passes lateral check.")
                .color(theme.verdict_color(Verdict::Found)),
        );
    } else {
        ui.label(RichText::new(format!("{errors} error(s), {warnings} warning(s)")).strong());
    }
    egui::ScrollArea::vertical()
        .id_salt("author-problems-scroll")
        .show(ui, |ui| {
            let here = a.draft.diagnostics_for_step(&a.diagnostics, a.step);
            for d in &a.diagnostics {
                let this_step = here.iter().any(|x| std::ptr::eq(*x, d));
                let color = if d.is_error() {
                    theme.verdict_color(Verdict::Missed)
                } else {
                    theme.verdict_color(Verdict::Partly)
                };
                let place = if this_step {
                    "this step, ".to_string()
                } else {
                    String::new()
                };
                ui.label(
                    RichText::new(format!(
                        "{}{}line {}: {}",
                        place,
                        if d.is_error() { "" } else { "warning, " },
                        d.line,
                        d.message
                    ))
                    .color(color),
                );
                if let Some(s) = &d.suggestion {
                    ui.label(RichText::new(s.lines().next().unwrap_or("")).color(theme.muted()));
                }
                ui.add_space(4.0);
            }
        });
}

fn step_editor_ui(
    ui: &mut Ui,
    a: &mut AuthorState,
    corpus: &crate::corpus::Corpus,
    theme: &Theme,
    out: &mut Vec<AuthorCmd>,
) {
    if a.draft.step_count() == 0 {
        ui.label("This lesson has no steps yet: add one on the left.");
        return;
    }
    let i = a.step;
    ui.heading(format!("Step {}", i + 1));
    let mut title = a.draft.step_str(i, "title");
    let l = ui.label("Step title");
    if ui
        .add(egui::TextEdit::singleline(&mut title).desired_width(400.0))
        .labelled_by(l.id)
        .changed()
    {
        out.push(AuthorCmd::StepStr("title", title));
    }
    let mut prose = a.draft.step_prose(i);
    ui.columns(2, |cols| {
        let l = cols[0].label("Instructions (Markdown)");
        if cols[0]
            .add(
                egui::TextEdit::multiline(&mut prose)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id)
            .changed()
        {
            out.push(AuthorCmd::Prose(prose.clone()));
        }
        cols[1].label(RichText::new("Preview").color(theme.muted()));
        markdown_ui(&mut cols[1], &prose, theme);
    });
    ui.separator();
    let Some(step) = a.lesson.as_ref().and_then(|l| l.steps.get(i)).cloned() else {
        ui.label("This step has problems (listed on the right); fix them to edit its key spans here.");
        return;
    };
    let StepBody::Highlight { labels, keys, task } = &step.body else {
        if matches!(step.body, StepBody::Choice { .. }) {
            ui.label("Edit the options of a choice step in the lesson file ([[option]] sections): see docs/lesson-format.md.");
        }
        return;
    };
    ui.label(
        RichText::new(format!(
            "Highlight a passage in the article to add it to the answer key ({} task).",
            task.name()
        ))
        .strong(),
    );
    let arts: Vec<Arc<Article>> = step.articles.iter().filter_map(|id| corpus.get(id).cloned()).collect();
    let marks: Vec<Vec<MarkView>> = arts
        .iter()
        .map(|art| {
            keys.iter()
                .enumerate()
                .filter(|(_, k)| k.article == art.id())
                .map(|(n, k)| {
                    let li = k.label.as_ref().and_then(|l| labels.iter().position(|x| x == l));
                    MarkView {
                        span: k.core,
                        label: li,
                        tag: Some(format!("{}", n + 1)),
                        selected: a.selected_key == Some(n),
                        fill: None,
                    }
                })
                .collect()
        })
        .collect();
    // Most of the window: the article is what the teacher works on.
    let height = (ui.ctx().content_rect().height() * 0.6).max(320.0);
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), height),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_height(height);
            ui.set_max_height(height);
            ui.columns(arts.len().max(1), |cols| {
                for (n, (col, art)) in cols.iter_mut().zip(arts.iter()).enumerate() {
                    let input = ArticleInput {
                        article: art,
                        index: n,
                        marks: &marks[n],
                        overlays: &[],
                        editable: true,
                    };
                    for e in article_ui(col, &mut a.views[n], &input, theme) {
                        out.push(match e {
                            ArticleEvent::Highlight(span) => AuthorCmd::AddKey(n, span),
                            ArticleEvent::Select(pos) | ArticleEvent::Remove(pos) => AuthorCmd::SelectKeyAt(n, pos),
                        });
                    }
                }
            });
        },
    );
    ui.separator();
    ui.label(RichText::new(format!("Key spans ({})", keys.len())).strong());
    let ids: Vec<String> = keys.iter().map(|k| k.id.clone()).collect();
    for (k, key) in keys.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}. “{}”", k + 1, key.anchor.quote)).strong());
                if ui.small_button(format!("Delete key {}", k + 1)).clicked() {
                    out.push(AuthorCmd::DeleteKey(k));
                }
            });
            ui.horizontal(|ui| {
                if *task != Task::Conflict {
                    let cur = key.label.clone().unwrap_or_default();
                    egui::ComboBox::new(("label", k), format!("label of key {}", k + 1))
                        .selected_text(cur.clone())
                        .show_ui(ui, |ui| {
                            for l in labels {
                                if ui.selectable_label(&cur == l, l).clicked() {
                                    out.push(AuthorCmd::KeyStr(k, "label", l.clone()));
                                }
                            }
                        });
                } else {
                    let cur = key
                        .pair
                        .map(|p| ids[p].clone())
                        .unwrap_or_else(|| a.draft.key_str(i, k, "pair"));
                    egui::ComboBox::new(("pair", k), format!("pair of key {}", k + 1))
                        .selected_text(cur.clone())
                        .show_ui(ui, |ui| {
                            for (j, id) in ids.iter().enumerate() {
                                if j != k && ui.selectable_label(&cur == id, id).clicked() {
                                    out.push(AuthorCmd::KeyStr(k, "pair", id.clone()));
                                }
                            }
                        });
                }
                let extent = a.draft.key_str(i, k, "extent");
                let shown = if extent.is_empty() {
                    "sentence".to_string()
                } else {
                    extent
                };
                egui::ComboBox::new(("extent", k), format!("extent of key {}", k + 1))
                    .selected_text(shown.clone())
                    .show_ui(ui, |ui| {
                        for e in ["exact", "sentence", "paragraph"] {
                            if ui.selectable_label(shown == e, e).clicked() {
                                out.push(AuthorCmd::KeyStr(
                                    k,
                                    "extent",
                                    if e == "sentence" { String::new() } else { e.into() },
                                ));
                            }
                        }
                    });
                let mut points = key.points;
                if ui
                    .add(
                        egui::DragValue::new(&mut points)
                            .range(0.0..=100.0)
                            .speed(0.25)
                            .prefix("points: "),
                    )
                    .changed()
                {
                    out.push(AuthorCmd::KeyPoints(k, points));
                }
            });
            let mut expl = key.explanation.clone();
            let l = ui.label(format!("Explanation of key {}", k + 1));
            if ui
                .add(
                    egui::TextEdit::multiline(&mut expl)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .changed()
            {
                out.push(AuthorCmd::KeyStr(k, "explanation", expl));
            }
            let mut hints = key.hints.join("\n");
            let l = ui.label(format!("Hints for key {} (one per line)", k + 1));
            if ui
                .add(
                    egui::TextEdit::multiline(&mut hints)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .changed()
            {
                out.push(AuthorCmd::KeyHints(k, hints));
            }
        });
    }
}

fn import_window(ui: &mut Ui, app: &mut LateralApp, cmds: &mut Vec<Command>) {
    if !app.import.open {
        return;
    }
    // Files dropped on the window go into the form.
    if let Some(p) = super::dropped_path(ui.ctx()) {
        app.import.file = p.display().to_string();
    }
    let mut open = true;
    let form = &mut app.import;
    egui::Window::new("Import an article").open(&mut open).default_width(520.0).show(ui.ctx(), |ui| {
        ui.label("From a .txt, .md or .html file (type its path, or drop it on this window), or paste the text below. The words are kept exactly; HTML loses its tags, scripts and styles. An H5P “Mark the Words” task (.h5p or content.json) becomes an article and a lesson.");
        let l = ui.label("File:");
        ui.add(egui::TextEdit::singleline(&mut form.file).desired_width(f32::INFINITY)).labelled_by(l.id);
        if ui.button("Read the file").clicked() {
            cmds.push(Command::ImportRead);
        }
        let l = ui.label("Or paste the text:");
        ui.add(egui::TextEdit::multiline(&mut form.pasted).desired_rows(4).desired_width(f32::INFINITY)).labelled_by(l.id);
        ui.separator();
        ui.label(RichText::new("About the article (what students see when they read laterally)").strong());
        egui::Grid::new("import-meta").num_columns(2).show(ui, |ui| {
            let field = |ui: &mut Ui, label: &str, v: &mut String| {
                let l = ui.label(label);
                ui.add(egui::TextEdit::singleline(v).desired_width(320.0)).labelled_by(l.id);
                ui.end_row();
            };
            field(ui, "Id (short name)", &mut form.meta.id);
            field(ui, "Outlet", &mut form.meta.outlet);
            field(ui, "Headline", &mut form.meta.headline);
            field(ui, "Kind of outlet", &mut form.meta.outlet_kind);
            let mut date = form.meta.date.clone().unwrap_or_default();
            field(ui, "Date (YYYY-MM-DD)", &mut date);
            form.meta.date = (!date.trim().is_empty()).then_some(date);
            let mut byline = form.meta.byline.clone().unwrap_or_default();
            field(ui, "Byline", &mut byline);
            form.meta.byline = (!byline.trim().is_empty()).then_some(byline);
        });
        ui.checkbox(&mut form.meta.fictional, "Fictional (written for teaching)");
        if ui.button("Add to the corpus").clicked() {
            cmds.push(Command::ImportWrite);
        }
        if let Some(m) = &form.message {
            ui.label(RichText::new(m).italics());
        }
    });
    app.import.open = open;
}
