//! The class view (teacher's side): many students' results for one lesson, graded; per step the
//! score distribution, the most-missed key spans, the most common highlights outside the key, and
//! a heatmap of how many students highlighted each word, with the key beside it.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use crate::app::widgets::article_view::{ArticleInput, ArticleViewState, MarkView, Overlay, article_ui};
use crate::app::theme::Theme;
use crate::app::{Command, LateralApp};
use crate::lesson::Lesson;
use crate::records::grade::{Report, StepClass, class_view, grade, results_files};
use crate::text::Span;

/// The class view's state.
#[derive(Default)]
pub struct ClassState {
    /// Library index of the lesson graded.
    pub lesson: usize,
    /// The folder or files typed.
    pub path_text: String,
    /// The graded class.
    pub report: Option<Report>,
    /// Its numbers per step.
    pub steps: Vec<StepClass>,
    /// The step shown.
    pub step: usize,
    /// A student whose highlights are shown instead of the heatmap.
    pub student: Option<usize>,
    /// Article panes.
    pub views: [ArticleViewState; 2],
    /// What happened.
    pub message: Option<String>,
}

/// Commands of the class view.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassCmd {
    /// Grade the results in the typed folder/files against library lesson `0`.
    Load(usize),
    /// Show step `0`.
    Step(usize),
    /// Show one student's highlights (or the heatmap, with `None`).
    Student(Option<usize>),
    /// Ask for a folder (dialog).
    PickFolder,
}

/// Grades `paths` for the lesson and fills the view.
pub fn load(app: &mut LateralApp, lesson_index: usize, paths: Vec<PathBuf>) {
    let Some(lesson) = app.library.lessons.get(lesson_index).and_then(|l| l.lesson.clone()) else {
        return;
    };
    let files = results_files(&paths);
    let report = grade(&lesson, &app.library.corpus, &files);
    let steps = class_view(&report, &lesson, &app.library.corpus);
    let c = &mut app.class;
    c.message = Some(format!(
        "{} student(s) graded, {} file(s) skipped{}",
        report.graded.len(),
        report.skipped,
        if report.diagnostics.is_empty() {
            String::new()
        } else {
            " (see the problems below)".into()
        }
    ));
    c.lesson = lesson_index;
    c.step = lesson.steps.iter().position(|s| s.is_scored()).unwrap_or(0);
    c.student = None;
    c.steps = steps;
    c.report = Some(report);
}

/// Applies a class-view command.
pub fn run(app: &mut LateralApp, cmd: ClassCmd) {
    match cmd {
        ClassCmd::Load(i) => {
            let paths: Vec<PathBuf> = app
                .class
                .path_text
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(PathBuf::from)
                .collect();
            if paths.is_empty() {
                app.class.message = Some("Type the folder that holds the results files (or pick it).".into());
                return;
            }
            if let Some(missing) = paths.iter().find(|p| !p.exists()) {
                app.class.message = Some(format!("{} does not exist", missing.display()));
                return;
            }
            load(app, i, paths);
        }
        ClassCmd::Step(s) => {
            app.class.step = s;
            for v in &mut app.class.views {
                v.reset();
            }
        }
        ClassCmd::Student(s) => app.class.student = s,
        ClassCmd::PickFolder => {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(
                    rfd::FileDialog::new()
                        .set_title("Folder of results files")
                        .pick_folder(),
                );
            });
            app.class_dialog = Some(rx);
        }
    }
}

/// A heat colour: pale to strong, by share of the class.
fn heat(theme: &Theme, share: f32) -> Color32 {
    let s = share.clamp(0.0, 1.0);
    if theme.dark {
        Color32::from_rgb(
            (40.0 + 180.0 * s) as u8,
            (40.0 + 60.0 * s) as u8,
            (40.0 * (1.0 - s)) as u8,
        )
    } else {
        Color32::from_rgb(255, (245.0 - 150.0 * s) as u8, (220.0 - 200.0 * s) as u8)
    }
}

/// The class view.
pub fn class_ui(ui: &mut Ui, app: &mut LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    let lessons: Vec<(usize, String)> = app
        .library
        .lessons
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_playable())
        .map(|(i, l)| (i, l.lesson.as_ref().map_or(String::new(), |x| x.title.clone())))
        .collect();
    if let Some(p) = crate::app::dropped_path(ui.ctx()) {
        app.class.path_text = p.display().to_string();
    }
    let mut out = Vec::new();
    egui::Panel::top("class-top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("CLASS RESULTS (teacher)").strong());
            let current = lessons
                .iter()
                .find(|(i, _)| *i == app.class.lesson)
                .map_or("pick a lesson".to_string(), |(_, t)| t.clone());
            egui::ComboBox::new("class-lesson", "Lesson")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (i, t) in &lessons {
                        ui.selectable_value(&mut app.class.lesson, *i, t);
                    }
                });
            let l = ui.label("Results folder:");
            ui.add(egui::TextEdit::singleline(&mut app.class.path_text).desired_width(320.0))
                .labelled_by(l.id);
            if ui.button("Pick folder…").clicked() {
                out.push(ClassCmd::PickFolder);
            }
            if ui.button("Grade").clicked() {
                out.push(ClassCmd::Load(app.class.lesson));
            }
            if ui.button("Close class view").clicked() {
                cmds.push(Command::CloseClass);
            }
        });
        if let Some(m) = &app.class.message {
            ui.label(RichText::new(m).italics());
        }
    });
    let lesson = app.library.lessons.get(app.class.lesson).and_then(|l| l.lesson.clone());
    let (Some(report), Some(lesson)) = (app.class.report.as_ref(), lesson) else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Pick the lesson and the folder that holds your students' results files, then press Grade. Every score is recomputed from the highlights; scores written in the files are never trusted.");
        });
        cmds.extend(out.into_iter().map(Command::Class));
        return;
    };
    let c = &app.class;
    egui::Panel::left("class-steps")
        .resizable(false)
        .exact_size(260.0)
        .show(ui, |ui| {
            ui.label(RichText::new("Steps").strong());
            for (i, (s, sc)) in lesson.steps.iter().zip(&c.steps).enumerate() {
                if !s.is_scored() {
                    continue;
                }
                let avg = if sc.scores.is_empty() {
                    0.0
                } else {
                    sc.scores.iter().sum::<f64>() / sc.scores.len() as f64
                };
                if ui
                    .add(
                        egui::Button::selectable(c.step == i, format!("{}. {} — {:.0}%", i + 1, s.title, avg * 100.0))
                            .wrap(),
                    )
                    .clicked()
                {
                    out.push(ClassCmd::Step(i));
                }
            }
            ui.separator();
            ui.label(RichText::new("Students").strong());
            if ui
                .add(egui::Button::selectable(c.student.is_none(), "Whole class (heatmap)"))
                .clicked()
            {
                out.push(ClassCmd::Student(None));
            }
            egui::ScrollArea::vertical().id_salt("class-students").show(ui, |ui| {
                for (gi, g) in report.graded.iter().enumerate() {
                    let t = format!("{} — {:.0}%", g.results.student, g.outcome.score * 100.0);
                    if ui.add(egui::Button::selectable(c.student == Some(gi), t)).clicked() {
                        out.push(ClassCmd::Student(Some(gi)));
                    }
                }
                if !report.diagnostics.is_empty() {
                    ui.separator();
                    ui.label(RichText::new("Problems").strong());
                    for d in &report.diagnostics {
                        ui.label(
                            RichText::new(format!(
                                "{}: {}",
                                d.file.rsplit('/').next().unwrap_or(&d.file),
                                d.message
                            ))
                            .small(),
                        );
                    }
                }
            });
        });
    let step_i = c.step.min(lesson.steps.len().saturating_sub(1));
    let sc = c.steps.get(step_i).cloned().unwrap_or_default();
    egui::Panel::right("class-stats")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| stats_ui(ui, &lesson, step_i, &sc, theme));
    let marks = marks_for(app, &lesson, step_i, &sc, theme);
    let step = &lesson.steps[step_i];
    let arts: Vec<_> = step
        .articles
        .iter()
        .filter_map(|a| app.library.corpus.get(a).cloned())
        .collect();
    let overlays: Vec<Vec<Overlay>> = arts
        .iter()
        .map(|art| {
            step.keys()
                .iter()
                .enumerate()
                .filter(|(_, k)| k.article == art.id())
                .map(|(n, k)| Overlay::Answer {
                    span: k.core,
                    number: n + 1,
                })
                .collect()
        })
        .collect();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(RichText::new(match app.class.student {
            None => "How many students highlighted each word (darker = more); the key spans are outlined and numbered."
                .to_string(),
            Some(g) => format!(
                "{}'s highlights; the key spans are outlined and numbered.",
                report.graded[g].results.student
            ),
        }));
        ui.columns(arts.len().max(1), |cols| {
            for (n, (col, art)) in cols.iter_mut().zip(arts.iter()).enumerate() {
                let input = ArticleInput {
                    article: art,
                    index: n,
                    marks: &marks[n],
                    overlays: &overlays[n],
                    editable: false,
                };
                let _ = article_ui(col, &mut app.class.views[n], &input, theme);
            }
        });
    });
    cmds.extend(out.into_iter().map(Command::Class));
}

fn marks_for(app: &LateralApp, lesson: &Lesson, si: usize, sc: &StepClass, theme: &Theme) -> Vec<Vec<MarkView>> {
    let step = &lesson.steps[si];
    let Some(report) = &app.class.report else {
        return Vec::new();
    };
    let n = report.graded.len().max(1) as f32;
    step.articles
        .iter()
        .enumerate()
        .map(|(a, id)| {
            let Some(art) = app.library.corpus.get(id) else {
                return Vec::new();
            };
            match app.class.student {
                None => sc.heat.get(a).map_or(Vec::new(), |counts| {
                    counts
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c > 0)
                        .map(|(w, c)| MarkView {
                            span: art.words[w],
                            label: None,
                            tag: None,
                            selected: false,
                            fill: Some(heat(theme, *c as f32 / n)),
                        })
                        .collect()
                }),
                Some(g) => report.graded[g]
                    .results
                    .steps
                    .iter()
                    .find(|w| w.step == step.id)
                    .map(|w| {
                        w.highlights
                            .iter()
                            .filter(|h| h.article() == id)
                            .filter_map(|h| h.position())
                            .map(|(s, e)| MarkView {
                                span: Span::new(s, e),
                                label: None,
                                tag: None,
                                selected: false,
                                fill: None,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn stats_ui(ui: &mut Ui, lesson: &Lesson, si: usize, sc: &StepClass, theme: &Theme) {
    let step = &lesson.steps[si];
    ui.heading(&step.title);
    ui.label(format!("{} student(s)", sc.scores.len()));
    // The score distribution: five bars.
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width().min(300.0), 120.0), egui::Sense::hover());
    let max = sc.histogram.iter().copied().max().unwrap_or(0).max(1) as f32;
    let bw = rect.width() / 5.0;
    let p = ui.painter();
    for (i, &count) in sc.histogram.iter().enumerate() {
        let h = (rect.height() - 20.0) * count as f32 / max;
        let x = rect.left() + i as f32 * bw;
        let bar = egui::Rect::from_min_max(
            egui::pos2(x + 4.0, rect.bottom() - 16.0 - h),
            egui::pos2(x + bw - 4.0, rect.bottom() - 16.0),
        );
        p.rect_filled(bar, 2.0, theme.label_color(0));
        p.text(
            egui::pos2(x + bw / 2.0, rect.bottom() - 8.0),
            egui::Align2::CENTER_CENTER,
            format!("{}–{}%", i * 20, i * 20 + 20),
            egui::FontId::proportional(10.0),
            theme.muted(),
        );
        if count > 0 {
            p.text(
                egui::pos2(x + bw / 2.0, bar.top() - 7.0),
                egui::Align2::CENTER_CENTER,
                count.to_string(),
                egui::FontId::proportional(11.0),
                theme.text_color(),
            );
        }
    }
    let histo = sc
        .histogram
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}–{}%: {c}", i * 20, i * 20 + 20))
        .collect::<Vec<_>>()
        .join(", ");
    ui.label(RichText::new(format!("Scores: {histo}")).small());
    ui.separator();
    ui.label(RichText::new("Most missed key spans").strong());
    let mut order: Vec<usize> = (0..sc.missed.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(sc.missed[k]));
    for k in order {
        let key = &step.keys()[k];
        ui.label(format!(
            "{}. “{}”: missed by {} of {}",
            k + 1,
            key.anchor.quote,
            sc.missed[k],
            sc.scores.len()
        ));
    }
    ui.separator();
    ui.label(RichText::new("Most common highlights not in the key").strong());
    if sc.common_extras.is_empty() {
        ui.label("None.");
    }
    for (text, n) in sc.common_extras.iter().take(8) {
        ui.label(format!("“{text}”: {n} student(s)"));
    }
}
