//! Drawing the lesson editor: the steps on the left, saving and the problems on the right, the
//! selected step in the middle (its text, its articles to highlight key spans in, its keys).

use std::sync::Arc;

use egui::{RichText, Ui};

use super::editor::{EditCmd, Editor};
use crate::app::theme::Theme;
use crate::app::widgets::article_view::{ArticleEvent, MarkView, PaneMode, article_columns};
use crate::app::widgets::markdown::markdown_ui;
use crate::corpus::{Article, Corpus};
use crate::grading::score::Verdict;
use crate::lesson::{Extent, KeySpan, Step, StepBody, StepKind, Task};
use crate::tr;

impl Editor {
    /// Draws the editor's panels; returns what the teacher did.
    pub(crate) fn ui(&mut self, ui: &mut Ui, corpus: &Corpus, theme: &Theme) -> Vec<EditCmd> {
        let mut out: Vec<EditCmd> = Vec::new();
        egui::Panel::left("author-steps")
            .resizable(false)
            .exact_size(250.0)
            .show(ui, |ui| self.steps_ui(ui, &mut out));
        egui::Panel::right("author-problems")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| self.problems_ui(ui, theme, &mut out));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("author-center")
                .show(ui, |ui| self.step_editor_ui(ui, corpus, theme, &mut out));
        });
        out
    }

    /// The lesson's title and settings, its steps, and buttons to change them.
    fn steps_ui(&mut self, ui: &mut Ui, out: &mut Vec<EditCmd>) {
        ui.add_space(4.0);
        self.lesson_fields_ui(ui, out);
        ui.separator();
        ui.label(RichText::new(tr!("teacher-steps")).strong());
        for i in 0..self.draft.step_count() {
            let title = self.draft.step_str(i, "title"); // i18n: not text (a field of the file)
            let kind = self
                .lesson
                .as_ref()
                .and_then(|l| l.steps.get(i))
                .map_or("?".to_string(), |s| kind_name(s.kind()));
            let problems = self
                .draft
                .diagnostics_for_step(&self.diagnostics, i)
                .iter()
                .filter(|d| d.is_error())
                .count();
            let warn = if problems > 0 {
                format!(" ⚠{problems}")
            } else {
                String::new()
            };
            let text = format!("{}. {title} ({kind}){warn}", i + 1);
            if ui.add(egui::Button::selectable(self.step == i, text).wrap()).clicked() {
                out.push(EditCmd::SelectStep(i));
            }
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!("teacher-move-up")).clicked() {
                out.push(EditCmd::MoveStep(true));
            }
            if ui.button(tr!("teacher-move-down")).clicked() {
                out.push(EditCmd::MoveStep(false));
            }
            if ui.button(tr!("teacher-delete-step")).clicked() {
                out.push(EditCmd::DeleteStep);
            }
        });
        ui.label(tr!("teacher-add-step"));
        ui.horizontal_wrapped(|ui| {
            for (label, kind) in [
                (tr!("teacher-add-read"), StepKind::Read),
                (tr!("teacher-add-bias"), StepKind::Highlight(Task::Bias)),
                (tr!("teacher-add-machine"), StepKind::Highlight(Task::Machine)),
                (tr!("teacher-add-conflict"), StepKind::Highlight(Task::Conflict)),
                (tr!("teacher-add-choice"), StepKind::Choice),
                (tr!("teacher-add-reflect"), StepKind::Reflect),
                (tr!("teacher-add-investigate"), StepKind::Investigate),
            ] {
                if ui.small_button(label).clicked() {
                    out.push(EditCmd::AddStep(kind));
                }
            }
        });
    }

    /// The lesson title and the students' settings.
    fn lesson_fields_ui(&self, ui: &mut Ui, out: &mut Vec<EditCmd>) {
        let mut title = self.lesson.as_ref().map(|l| l.title.clone()).unwrap_or_default();
        let l = ui.label(tr!("teacher-lesson-title"));
        if ui
            .add(egui::TextEdit::singleline(&mut title))
            .labelled_by(l.id)
            .changed()
        {
            out.push(EditCmd::LessonStr("title", title)); // i18n: not text (a field of the file)
        }
        if let Some(lesson) = &self.lesson {
            let mut retry = lesson.settings.retry;
            if ui.checkbox(&mut retry, tr!("teacher-may-retry")).changed() {
                out.push(EditCmd::Setting("retry", retry)); // i18n: not text (a setting of the file)
            }
            let mut sol = lesson.settings.show_solution;
            if ui.checkbox(&mut sol, tr!("teacher-may-show-solution")).changed() {
                out.push(EditCmd::Setting("show_solution", sol));
            }
        }
    }

    /// Where to save, Save / Preview / Close, and every problem of the draft.
    fn problems_ui(&mut self, ui: &mut Ui, theme: &Theme, out: &mut Vec<EditCmd>) {
        ui.add_space(4.0);
        let l = ui.label(tr!("teacher-save-to"));
        ui.add(egui::TextEdit::singleline(&mut self.path_text).desired_width(f32::INFINITY))
            .labelled_by(l.id);
        ui.horizontal(|ui| {
            if ui.button(tr!("teacher-save")).clicked() {
                out.push(EditCmd::Save);
            }
            if ui
                .add_enabled(
                    self.error_count() == 0,
                    egui::Button::new(tr!("teacher-preview-as-student")),
                )
                .clicked()
            {
                out.push(EditCmd::Preview);
            }
            if ui.button(tr!("teacher-close")).clicked() {
                out.push(EditCmd::Close);
            }
        });
        if self.dirty {
            ui.label(RichText::new(tr!("teacher-unsaved")).color(theme.verdict_color(Verdict::Partly)));
        }
        if let Some(m) = &self.message {
            ui.label(RichText::new(m).italics());
        }
        ui.separator();
        let (errors, warnings) = crate::text::diag::count(&self.diagnostics);
        if errors + warnings == 0 {
            ui.label(RichText::new(tr!("teacher-no-problems")).color(theme.verdict_color(Verdict::Found)));
        } else {
            ui.label(RichText::new(tr!("teacher-problem-count", errors = errors, warnings = warnings)).strong());
        }
        egui::ScrollArea::vertical()
            .id_salt("author-problems-scroll")
            .show(ui, |ui| self.diagnostics_ui(ui, theme));
    }

    /// The draft's problems, those of the selected step marked.
    fn diagnostics_ui(&self, ui: &mut Ui, theme: &Theme) {
        let here = self.draft.diagnostics_for_step(&self.diagnostics, self.step);
        for d in &self.diagnostics {
            let this_step = here.iter().any(|x| std::ptr::eq(*x, d));
            let color = if d.is_error() {
                theme.verdict_color(Verdict::Missed)
            } else {
                theme.verdict_color(Verdict::Partly)
            };
            // The selector of teacher-problem-line.
            let kind = match (this_step, d.is_error()) {
                (true, true) => "step-error",
                (true, false) => "step-warning",
                (false, true) => "error",    // i18n: not text (a selector)
                (false, false) => "warning", // i18n: not text (a selector)
            };
            let text = tr!(
                "teacher-problem-line",
                kind = kind,
                line = d.line,
                message = d.message.as_str()
            );
            ui.label(RichText::new(text).color(color));
            if let Some(s) = &d.suggestion {
                ui.label(RichText::new(s.lines().next().unwrap_or("")).color(theme.muted()));
            }
            ui.add_space(4.0);
        }
    }

    /// The selected step: title, instructions, and for a highlight step its articles and keys.
    fn step_editor_ui(&mut self, ui: &mut Ui, corpus: &Corpus, theme: &Theme, out: &mut Vec<EditCmd>) {
        if self.draft.step_count() == 0 {
            ui.label(tr!("teacher-no-steps"));
            return;
        }
        self.step_text_ui(ui, theme, out);
        ui.separator();
        let Some(step) = self.lesson.as_ref().and_then(|l| l.steps.get(self.step)).cloned() else {
            ui.label(tr!("teacher-step-has-problems"));
            return;
        };
        let StepBody::Highlight { keys, task, .. } = &step.body else {
            if matches!(step.body, StepBody::Choice { .. }) {
                ui.label(tr!("teacher-choice-in-file"));
            }
            return;
        };
        ui.label(
            RichText::new(tr!(
                "teacher-highlight-to-add",
                task = kind_name(StepKind::Highlight(*task))
            ))
            .strong(),
        );
        self.key_articles_ui(ui, &step, corpus, theme, out);
        ui.separator();
        ui.label(RichText::new(tr!("teacher-key-spans", n = keys.len())).strong());
        for k in 0..keys.len() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                self.key_ui(ui, &step, k, out);
            });
        }
    }

    /// The step's title and its instructions beside their preview.
    fn step_text_ui(&self, ui: &mut Ui, theme: &Theme, out: &mut Vec<EditCmd>) {
        let i = self.step;
        ui.heading(tr!("teacher-step-heading", n = i + 1));
        let mut title = self.draft.step_str(i, "title"); // i18n: not text (a field of the file)
        let l = ui.label(tr!("teacher-step-title"));
        if ui
            .add(egui::TextEdit::singleline(&mut title).desired_width(400.0))
            .labelled_by(l.id)
            .changed()
        {
            out.push(EditCmd::StepStr("title", title)); // i18n: not text (a field)
        }
        let mut prose = self.draft.step_prose(i);
        ui.columns(2, |cols| {
            let l = cols[0].label(tr!("teacher-instructions"));
            if cols[0]
                .add(
                    egui::TextEdit::multiline(&mut prose)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .changed()
            {
                out.push(EditCmd::Prose(prose.clone()));
            }
            cols[1].label(RichText::new(tr!("teacher-instructions-preview")).color(theme.muted()));
            markdown_ui(&mut cols[1], &prose, theme);
        });
    }

    /// The step's articles with the key spans marked: highlighting adds one, clicking selects.
    fn key_articles_ui(&mut self, ui: &mut Ui, step: &Step, corpus: &Corpus, theme: &Theme, out: &mut Vec<EditCmd>) {
        let StepBody::Highlight { labels, keys, .. } = &step.body else {
            return;
        };
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
                            selected: self.selected_key == Some(n),
                            fill: None,
                        }
                    })
                    .collect()
            })
            .collect();
        // Most of the window: the article is what the teacher works on.
        let height = (ui.ctx().content_rect().height() * 0.6).max(320.0);
        let views = &mut self.views;
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_height(height);
                ui.set_max_height(height);
                for (n, e) in article_columns(
                    ui,
                    &arts,
                    views,
                    &marks,
                    &[],
                    PaneMode {
                        editable: true,
                        for_teacher: true,
                    },
                    theme,
                ) {
                    out.push(match e {
                        ArticleEvent::Highlight(span) => EditCmd::AddKey(n, span),
                        ArticleEvent::Select(pos) | ArticleEvent::Remove(pos) => EditCmd::SelectKeyAt(n, pos),
                    });
                }
            },
        );
    }

    /// Key `k` of the step: its quote, label or pair, extent, points, explanation and hints.
    fn key_ui(&self, ui: &mut Ui, step: &Step, k: usize, out: &mut Vec<EditCmd>) {
        let key = &step.keys()[k];
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}. “{}”", k + 1, key.anchor.quote)).strong());
            if ui.small_button(tr!("teacher-delete-key", n = k + 1)).clicked() {
                out.push(EditCmd::DeleteKey(k));
            }
        });
        ui.horizontal(|ui| self.key_options_ui(ui, step, k, out));
        let mut expl = key.explanation.clone();
        let l = ui.label(tr!("teacher-key-explanation", n = k + 1));
        if ui
            .add(
                egui::TextEdit::multiline(&mut expl)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id)
            .changed()
        {
            out.push(EditCmd::KeyStr(k, "explanation", expl)); // i18n: not text (a field)
        }
        let mut hints = key.hints.join("\n");
        let l = ui.label(tr!("teacher-key-hints", n = k + 1));
        if ui
            .add(
                egui::TextEdit::multiline(&mut hints)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id)
            .changed()
        {
            out.push(EditCmd::KeyHints(k, hints));
        }
    }

    /// The label (or, in a conflict step, the pair), the extent and the points of key `k`.
    fn key_options_ui(&self, ui: &mut Ui, step: &Step, k: usize, out: &mut Vec<EditCmd>) {
        let StepBody::Highlight { labels, keys, task } = &step.body else {
            return;
        };
        let key = &keys[k];
        if *task != Task::Conflict {
            label_choice_ui(ui, key, k, labels, out);
        } else {
            let ids: Vec<String> = keys.iter().map(|k| k.id.clone()).collect();
            let cur = key
                .pair
                .map(|p| ids[p].clone())
                .unwrap_or_else(|| self.draft.key_str(self.step, k, "pair"));
            egui::ComboBox::new(("pair", k), tr!("teacher-key-pair", n = k + 1))
                .selected_text(cur.clone())
                .show_ui(ui, |ui| {
                    for (j, id) in ids.iter().enumerate() {
                        if j != k && ui.selectable_label(&cur == id, id).clicked() {
                            out.push(EditCmd::KeyStr(k, "pair", id.clone()));
                        }
                    }
                });
        }
        // i18n: not text (a field of the file)
        let extent = self.draft.key_str(self.step, k, "extent");
        // No extent is a sentence; a word the format does not know is shown as written.
        let current = if extent.is_empty() {
            Some(Extent::Sentence)
        } else {
            Extent::parse(&extent)
        };
        let shown = current.map_or(extent, extent_name);
        // i18n: not text (an egui id)
        egui::ComboBox::new(("extent", k), tr!("teacher-key-extent", n = k + 1))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for e in Extent::ALL {
                    if ui.selectable_label(current == Some(e), extent_name(e)).clicked() {
                        let word = if e == Extent::Sentence {
                            String::new()
                        } else {
                            e.name().into()
                        };
                        out.push(EditCmd::KeyStr(k, "extent", word)); // i18n: not text (a field)
                    }
                }
            });
        let mut points = key.points;
        if ui
            .add(
                egui::DragValue::new(&mut points)
                    .range(0.0..=100.0)
                    .speed(0.25)
                    .prefix(tr!("teacher-key-points")),
            )
            .changed()
        {
            out.push(EditCmd::KeyPoints(k, points));
        }
    }
}

/// The label of key `k`, from the step's labels.
fn label_choice_ui(ui: &mut Ui, key: &KeySpan, k: usize, labels: &[String], out: &mut Vec<EditCmd>) {
    let cur = key.label.clone().unwrap_or_default();
    // i18n: not text (an egui id)
    egui::ComboBox::new(("label", k), tr!("teacher-key-label", n = k + 1))
        .selected_text(cur.clone())
        .show_ui(ui, |ui| {
            for l in labels {
                if ui.selectable_label(&cur == l, l).clicked() {
                    out.push(EditCmd::KeyStr(k, "label", l.clone())); // i18n: not text (a field)
                }
            }
        });
}

/// A step kind as the teacher's view names it: the file's word (`bias`, `read` …) in the
/// teacher's language.
fn kind_name(kind: StepKind) -> String {
    match kind {
        StepKind::Read => tr!("teacher-kind-read"),
        StepKind::Highlight(Task::Bias) => tr!("teacher-kind-bias"),
        StepKind::Highlight(Task::Machine) => tr!("teacher-kind-machine"),
        StepKind::Highlight(Task::Conflict) => tr!("teacher-kind-conflict"),
        StepKind::Choice => tr!("teacher-kind-choice"),
        StepKind::Reflect => tr!("teacher-kind-reflect"),
        StepKind::Investigate => tr!("teacher-kind-investigate"),
    }
}

/// How far around a key a student may highlight, as the teacher's view names it.
fn extent_name(e: Extent) -> String {
    match e {
        Extent::Exact => tr!("teacher-extent-exact"),
        Extent::Sentence => tr!("teacher-extent-sentence"),
        Extent::Paragraph => tr!("teacher-extent-paragraph"),
    }
}
