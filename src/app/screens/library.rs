//! The lesson library: every lesson with this student's progress, and where the lessons come
//! from.

use std::sync::Arc;

use egui::{Align, Layout, RichText, Ui};

use crate::app::theme::Theme;
use crate::app::{Command, Shared, Source};
use crate::grading::feedback::score_line;
use crate::grading::score::Verdict;
use crate::lesson::Lesson;
use crate::lesson::library::{LessonFile, Library};
use crate::records::hand_in::results_file_name;
use crate::records::progress::Loaded;
use crate::records::results::restore_session;
use crate::tr;

/// Per-lesson progress shown in the library.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LessonProgress {
    /// Steps done.
    pub(crate) done: usize,
    /// Score so far (0–1), if any step was scored.
    pub(crate) score: Option<f64>,
}

/// The library's state.
#[derive(Default)]
pub(crate) struct LibraryScreen {
    /// Progress per library lesson (same order), for the current student.
    progress: Vec<LessonProgress>,
    /// The lesson cards, drawn only in view when there are many.
    rows: crate::app::widgets::rows::Rows,
}

/// What the library can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryCmd {
    /// Play lesson number `0` of the library.
    Open(usize),
    /// Ask for a lesson folder (file dialog).
    PickFolder,
    /// Ask for lesson and article files, or an exam pack (a browser's file chooser).
    PickFiles,
    /// Back to the bundled lessons.
    LoadBundled,
    /// Save all this student's results files into a folder (folder dialog).
    ExportAll,
}

impl LibraryScreen {
    /// Reads the current student's saved progress on every lesson.
    pub(crate) fn refresh(&mut self, shared: &mut Shared) {
        let Some(student) = shared.student.clone() else { return };
        let corpus = &shared.library.corpus;
        let store = &shared.store;
        let notice = &mut shared.notice;
        self.progress = shared
            .library
            .lessons
            .iter()
            .map(|lf| {
                let Some(lesson) = lf.lesson.as_ref().filter(|_| lf.is_playable()) else {
                    return LessonProgress::default();
                };
                match store.load_progress(&student, &lesson.id) {
                    Loaded::Work(r) => {
                        let s = restore_session(Arc::new(lesson.clone()), corpus, &r);
                        let done = s
                            .steps
                            .iter()
                            .zip(&lesson.steps)
                            .filter(|(st, step)| st.is_done(step))
                            .count();
                        let any_scored = s.steps.iter().any(|st| st.checked.is_some());
                        LessonProgress {
                            done,
                            score: any_scored.then(|| s.lesson_score(corpus)),
                        }
                    }
                    Loaded::Damaged { moved_to, problem } => {
                        *notice = Some(tr!(
                            "library-work-damaged",
                            title = lesson.title.as_str(),
                            problem = problem,
                            file = moved_to.display().to_string()
                        ));
                        LessonProgress::default()
                    }
                    Loaded::Nothing => LessonProgress::default(),
                }
            })
            .collect();
    }

    /// Shows `lib`, the lessons of `source`, with this student's progress.
    pub(crate) fn show(&mut self, shared: &mut Shared, lib: Library, source: Source) {
        shared.library = lib;
        shared.source = source;
        self.refresh(shared);
    }

    /// How many rows the last frame drew.
    pub(crate) fn rows_drawn(&self) -> usize {
        self.rows.drawn()
    }

    /// The lessons, with this student's progress.
    pub(crate) fn ui(&mut self, ui: &mut Ui, shared: &Shared, theme: &Theme) -> Vec<Command> {
        let mut cmds = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            header_ui(ui, &shared.source, theme, &mut cmds);
            ui.separator();
            if shared.library.lessons.is_empty() {
                ui.label(tr!("library-empty"));
            }
            let lessons = &shared.library.lessons;
            let problems = &shared.library.diagnostics;
            // One row per lesson, then the heading and one row per problem with an article.
            let count = lessons.len() + if problems.is_empty() { 0 } else { 1 + problems.len() };
            let progress = &self.progress;
            // i18n: not text (the list's egui id)
            self.rows.show(ui, "library", count, 90.0, 6.0, |ui, i| {
                if let Some(lf) = lessons.get(i) {
                    lesson_row(ui, i, lf, progress.get(i), theme, &mut cmds);
                } else if i == lessons.len() {
                    ui.separator();
                    ui.label(RichText::new(tr!("library-article-problems")).strong());
                } else if let Some(d) = problems.get(i - lessons.len() - 1) {
                    ui.label(RichText::new(format!("{}:{}: {}", d.file, d.line, d.message)).monospace());
                }
            });
        });
        cmds
    }
}

/// One lesson's card; the whole card opens the lesson, not only its button (the button stays
/// for the keyboard and screen readers).
fn lesson_row(
    ui: &mut Ui,
    i: usize,
    lf: &LessonFile,
    progress: Option<&LessonProgress>,
    theme: &Theme,
    cmds: &mut Vec<Command>,
) {
    let card = egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        lesson_card(ui, i, lf, progress, theme, cmds);
    });
    if lf.is_playable() || lf.is_unchecked() {
        let r = ui.interact(
            card.response.rect,
            ui.scope_id().with(("lesson-card", i)),
            egui::Sense::click(),
        );
        let r = r.on_hover_cursor(egui::CursorIcon::PointingHand);
        if r.clicked() {
            cmds.push(Command::Library(LibraryCmd::Open(i)));
        }
    }
}

/// One lesson: its title, summary, steps, progress and Start button (or its problems).
fn lesson_card(
    ui: &mut Ui,
    i: usize,
    lf: &LessonFile,
    progress: Option<&LessonProgress>,
    theme: &Theme,
    cmds: &mut Vec<Command>,
) {
    if lf.is_unchecked() {
        unchecked_card(ui, i, lf, theme, cmds);
        return;
    }
    let Some(l) = &lf.lesson else {
        ui.label(RichText::new(&lf.path).strong());
        problems_ui(ui, lf, theme);
        return;
    };
    ui.horizontal(|ui| {
        ui.vertical(|ui| about_ui(ui, l, progress, theme));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let started = progress.is_some_and(|p| p.done > 0);
            let (text, hover) = if started {
                (
                    tr!("library-continue"),
                    tr!("library-continue.hover", title = l.title.as_str()),
                )
            } else {
                (
                    tr!("library-start"),
                    tr!("library-start.hover", title = l.title.as_str()),
                )
            };
            let b = egui::Button::new(RichText::new(text).strong());
            let r = ui.add_enabled(lf.is_playable(), b);
            let r = r.on_hover_text(hover);
            if r.clicked() {
                cmds.push(Command::Library(LibraryCmd::Open(i)));
            }
        });
    });
    if !lf.is_playable() {
        problems_ui(ui, lf, theme);
    }
}

/// A lesson listed but not checked yet (a large folder is checked in the background): its
/// title, summary and length from its `+++` block, and Start, which checks it first.
fn unchecked_card(ui: &mut Ui, i: usize, lf: &LessonFile, theme: &Theme, cmds: &mut Vec<Command>) {
    let title = lf
        .preview
        .as_ref()
        .map(|h| h.title.as_str())
        .filter(|t| !t.is_empty())
        .unwrap_or(&lf.path);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(title).size(theme.font_size * 1.1).strong());
            if let Some(s) = lf.preview.as_ref().and_then(|h| h.summary.as_ref()) {
                ui.label(s);
            }
            let checking = match lf.preview.as_ref().and_then(|h| h.minutes) {
                Some(m) => format!("{} · {}", tr!("library-minutes", n = m), tr!("library-checking")),
                None => tr!("library-checking"),
            };
            ui.label(RichText::new(checking).color(theme.muted()));
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let r = ui.button(RichText::new(tr!("library-start")).strong());
            let r = r.on_hover_text(tr!("library-start.hover", title = title));
            if r.clicked() {
                cmds.push(Command::Library(LibraryCmd::Open(i)));
            }
        });
    });
}

/// The heading and the buttons beside it.
fn header_ui(ui: &mut Ui, source: &Source, theme: &Theme, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading(tr!("library-heading"));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            // A browser tab has no folder to save into, and its file chooser also takes files
            // (docs/web.md); the unit tests see the browser's buttons too.
            let browser = cfg!(any(target_arch = "wasm32", test));
            if ui.button(tr!("library-open-folder")).clicked() {
                cmds.push(Command::Library(LibraryCmd::PickFolder));
            }
            if browser && ui.button(tr!("library-open-files")).clicked() {
                cmds.push(Command::Library(LibraryCmd::PickFiles));
            }
            if cfg!(not(target_arch = "wasm32")) && ui.button(tr!("library-export-all")).clicked() {
                cmds.push(Command::Library(LibraryCmd::ExportAll));
            }
            let from = match source {
                Source::Folder(dir) => Some(dir.display().to_string()),
                Source::Given(label) => Some(label.clone()),
                Source::Bundled | Source::Pack(_) => None,
            };
            if let Some(from) = from {
                if ui.button(tr!("library-bundled")).clicked() {
                    cmds.push(Command::Library(LibraryCmd::LoadBundled));
                }
                ui.label(RichText::new(tr!("library-from", folder = from)).color(theme.muted()));
            }
        });
    });
}

/// A lesson's title, summary, length and kinds of step, and the student's progress.
fn about_ui(ui: &mut Ui, l: &Lesson, progress: Option<&LessonProgress>, theme: &Theme) {
    let title = if l.exam {
        tr!("library-exam-title", title = l.title.as_str())
    } else {
        l.title.clone()
    };
    ui.label(RichText::new(title).size(theme.font_size * 1.1).strong());
    if let Some(s) = &l.summary {
        ui.label(s);
    }
    let mut kinds: Vec<String> = Vec::new();
    for k in l
        .steps
        .iter()
        .filter(|s| s.kind() != crate::lesson::StepKind::Read)
        .map(|s| s.kind().shown_name())
    {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    // A lesson of reading steps only has no kinds to list (no trailing "·").
    let steps = if kinds.is_empty() {
        tr!("library-steps-only", n = l.steps.len())
    } else {
        tr!("library-steps", n = l.steps.len(), kinds = kinds.join(", "))
    };
    let line = match l.minutes {
        Some(m) => format!("{} · {steps}", tr!("library-minutes", n = m)),
        None => steps,
    };
    ui.label(RichText::new(line).color(theme.muted()));
    if let Some(p) = progress
        && p.done > 0
    {
        let done = tr!("library-progress", done = p.done, total = l.steps.len());
        ui.label(match p.score {
            Some(s) => format!("{done} · {}", score_line(s)),
            None => done,
        });
    }
}

fn problems_ui(ui: &mut Ui, lf: &LessonFile, theme: &Theme) {
    let errors: Vec<_> = lf.errors().collect();
    ui.colored_label(
        theme.verdict_color(Verdict::Missed),
        tr!("library-lesson-problems", n = errors.len()),
    );
    for d in errors.iter().take(8) {
        // An article's error is in the article's file, not the lesson's: name it.
        let file = if d.file == lf.path {
            String::new()
        } else {
            format!("{}: ", d.file)
        };
        let place = if d.line > 0 {
            format!(
                "{} ",
                tr!("library-line-column", file = file, line = d.line, column = d.column)
            )
        } else {
            file
        };
        ui.label(RichText::new(format!("{place}{}", d.message)).monospace());
        if let Some(s) = &d.suggestion {
            ui.label(RichText::new(format!("   → {}", s.lines().next().unwrap_or(""))).color(theme.muted()));
        }
    }
}

/// Saves every lesson the current student has worked on into `dir`.
pub(crate) fn export_all(shared: &mut Shared, dir: &std::path::Path) {
    let Some(student) = shared.student.clone() else { return };
    let mut n = 0;
    for lf in &shared.library.lessons {
        let Some(l) = &lf.lesson else { continue };
        if let Loaded::Work(r) = shared.store.load_progress(&student, &l.id)
            && crate::records::hand_in::hand_in(&r, dir, Some(results_file_name(&student, &l.id)))
                .written
                .is_ok()
        {
            n += 1;
        }
    }
    shared.notice = Some(tr!("library-exported", n = n, folder = dir.display().to_string()));
}
