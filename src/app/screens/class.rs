//! The class view (teacher's side): many students' results for one lesson, graded; per step the
//! score distribution, the most-missed key spans, the most common highlights outside the key, and
//! a heatmap of how many students highlighted each word, with the key beside it.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::app::dialogs::{Answer, Dialog, Pending};
use crate::app::theme::Theme;
use crate::app::widgets::article_view::{ArticleViewState, MarkView, Overlay, PaneMode, article_columns};
use crate::app::widgets::dropped_path;
use crate::app::{Command, Shared};
use crate::corpus::Corpus;
use crate::i18n::percent;
use crate::lesson::{Lesson, Step};
use crate::records::grade::{Report, StepClass, class_view, grade, results_files};
use crate::text::Span;
use crate::tr;

/// The class view's state.
#[derive(Default)]
pub struct ClassScreen {
    /// Library index of the lesson graded.
    lesson: usize,
    /// The folder or files typed.
    path_text: String,
    /// The graded class.
    report: Option<Report>,
    /// Its numbers per step.
    steps: Vec<StepClass>,
    /// The step shown.
    step: usize,
    /// A student whose highlights are shown instead of the heatmap.
    student: Option<usize>,
    /// Article panes.
    views: [ArticleViewState; 2],
    /// What happened.
    message: Option<String>,
    /// The folder dialog, while it is open.
    dialog: Option<Dialog>,
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
    /// Grade the results in this folder (typed in for the user).
    SetFolder(PathBuf),
}

impl ClassScreen {
    /// The graded class, once Grade was pressed.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// The graded class's numbers per step of the lesson.
    pub fn steps(&self) -> &[StepClass] {
        &self.steps
    }

    /// The step shown.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The student whose highlights are shown (`None`: the whole class's heatmap).
    pub fn student(&self) -> Option<usize> {
        self.student
    }

    /// Opens the view with `folder` typed in.
    pub(crate) fn enter(&mut self, folder: &Path) {
        self.path_text = folder.display().to_string();
    }

    /// Takes the folder picked in the dialog, if it has closed; is a dialog still open?
    pub(crate) fn poll_dialog(&mut self) -> bool {
        if let Some((_, Answer::Path(p))) = Dialog::poll(&mut self.dialog) {
            self.path_text = p.display().to_string();
        }
        self.dialog.is_some()
    }

    /// Grades `paths` for the lesson and fills the view.
    fn load(&mut self, shared: &Shared, lesson_index: usize, paths: Vec<PathBuf>) {
        let Some(lesson) = shared.library.lessons.get(lesson_index).and_then(|l| l.lesson.clone()) else {
            return;
        };
        let files = results_files(&paths);
        let report = grade(&lesson, &shared.library.corpus, &files);
        let steps = class_view(&report, &lesson, &shared.library.corpus);
        // i18n: not text (the selector of class-graded)
        let problems = if report.diagnostics.is_empty() { "no" } else { "yes" };
        self.message = Some(tr!(
            "class-graded",
            students = report.graded.len(),
            skipped = report.skipped,
            problems = problems
        ));
        self.lesson = lesson_index;
        self.step = lesson.steps.iter().position(|s| s.is_scored()).unwrap_or(0);
        self.student = None;
        self.steps = steps;
        self.report = Some(report);
    }

    /// Grades the typed folder(s) against library lesson `i`, or says what is missing.
    fn load_typed(&mut self, shared: &Shared, i: usize) {
        let paths: Vec<PathBuf> = self
            .path_text
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        if paths.is_empty() {
            self.message = Some(tr!("class-folder-needed"));
            return;
        }
        if let Some(missing) = paths.iter().find(|p| !p.exists()) {
            self.message = Some(tr!("class-folder-missing", path = missing.display().to_string()));
            return;
        }
        self.load(shared, i, paths);
    }

    /// Applies a class-view command.
    pub(crate) fn apply(&mut self, cmd: ClassCmd, shared: &Shared) {
        match cmd {
            ClassCmd::Load(i) => self.load_typed(shared, i),
            ClassCmd::Step(s) => {
                self.step = s;
                for v in &mut self.views {
                    v.reset();
                }
            }
            ClassCmd::Student(s) => self.student = s,
            ClassCmd::PickFolder => self.dialog = Some(Dialog::open(Pending::ClassFolder, String::new())),
            ClassCmd::SetFolder(p) => self.path_text = p.display().to_string(),
        }
    }
}

impl ClassScreen {
    /// The class view.
    pub(crate) fn ui(&mut self, ui: &mut Ui, shared: &Shared, theme: &Theme) -> Vec<Command> {
        let lessons: Vec<(usize, String)> = shared
            .library
            .lessons
            .iter()
            .enumerate()
            .filter(|(_, l)| l.is_playable())
            .map(|(i, l)| (i, l.lesson.as_ref().map_or(String::new(), |x| x.title.clone())))
            .collect();
        if let Some(p) = dropped_path(ui.ctx()) {
            self.path_text = p.display().to_string();
        }
        let mut cmds = Vec::new();
        let mut out = Vec::new();
        egui::Panel::top("class-top").show(ui, |ui| self.top_ui(ui, &lessons, &mut out, &mut cmds));
        let lesson = shared.library.lessons.get(self.lesson).and_then(|l| l.lesson.clone());
        let (Some(report), Some(lesson)) = (self.report.as_ref(), lesson) else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(tr!("class-intro"));
            });
            cmds.extend(out.into_iter().map(Command::Class));
            return cmds;
        };
        egui::Panel::left("class-steps")
            .resizable(false)
            .exact_size(260.0)
            .show(ui, |ui| self.side_ui(ui, &lesson, report, &mut out));
        let step_i = self.step.min(lesson.steps.len().saturating_sub(1));
        let sc = self.steps.get(step_i).cloned().unwrap_or_default();
        egui::Panel::right("class-stats")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| stats_ui(ui, &lesson, step_i, &sc, theme));
        let marks = self.marks_for(&shared.library.corpus, &lesson, step_i, &sc, theme);
        egui::CentralPanel::default().show(ui, |ui| {
            self.articles_ui(ui, &shared.library.corpus, &lesson.steps[step_i], &marks, theme)
        });
        cmds.extend(out.into_iter().map(Command::Class));
        cmds
    }

    /// The bar at the top: lesson, folder, Grade, Close.
    fn top_ui(&mut self, ui: &mut Ui, lessons: &[(usize, String)], out: &mut Vec<ClassCmd>, cmds: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("class-banner")).strong());
            let current = lessons
                .iter()
                .find(|(i, _)| *i == self.lesson)
                .map_or_else(|| tr!("class-pick-lesson"), |(_, t)| t.clone());
            egui::ComboBox::new("class-lesson", tr!("class-lesson"))
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (i, t) in lessons {
                        ui.selectable_value(&mut self.lesson, *i, t);
                    }
                });
            let l = ui.label(tr!("class-results-folder"));
            ui.add(egui::TextEdit::singleline(&mut self.path_text).desired_width(320.0))
                .labelled_by(l.id);
            if ui.button(tr!("class-pick-folder")).clicked() {
                out.push(ClassCmd::PickFolder);
            }
            if ui.button(tr!("class-grade")).clicked() {
                out.push(ClassCmd::Load(self.lesson));
            }
            if ui.button(tr!("class-close")).clicked() {
                cmds.push(Command::CloseClass);
            }
        });
        if let Some(m) = &self.message {
            ui.label(RichText::new(m).italics());
        }
    }

    /// The scored steps with the class average, and the students.
    fn side_ui(&self, ui: &mut Ui, lesson: &Lesson, report: &Report, out: &mut Vec<ClassCmd>) {
        ui.label(RichText::new(tr!("class-steps")).strong());
        for (i, (s, sc)) in lesson.steps.iter().zip(&self.steps).enumerate() {
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
                    egui::Button::selectable(self.step == i, format!("{}. {} — {}", i + 1, s.title, percent(avg)))
                        .wrap(),
                )
                .clicked()
            {
                out.push(ClassCmd::Step(i));
            }
        }
        ui.separator();
        ui.label(RichText::new(tr!("class-students")).strong());
        if ui
            .add(egui::Button::selectable(
                self.student.is_none(),
                tr!("class-whole-class"),
            ))
            .clicked()
        {
            out.push(ClassCmd::Student(None));
        }
        egui::ScrollArea::vertical().id_salt("class-students").show(ui, |ui| {
            for (gi, g) in report.graded.iter().enumerate() {
                let t = format!("{} — {}", g.results.student, percent(g.outcome.score));
                if ui.add(egui::Button::selectable(self.student == Some(gi), t)).clicked() {
                    out.push(ClassCmd::Student(Some(gi)));
                }
            }
            if !report.diagnostics.is_empty() {
                ui.separator();
                ui.label(RichText::new(tr!("class-problems")).strong());
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
    }

    /// The step's articles with the heatmap (or one student's highlights) and the key outlined.
    fn articles_ui(&mut self, ui: &mut Ui, corpus: &Corpus, step: &Step, marks: &[Vec<MarkView>], theme: &Theme) {
        let arts: Vec<_> = step.articles.iter().filter_map(|a| corpus.get(a).cloned()).collect();
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
                        tip: None,
                    })
                    .collect()
            })
            .collect();
        ui.label(RichText::new(match (self.student, &self.report) {
            (Some(g), Some(report)) => tr!(
                "class-student-highlights",
                name = report.graded[g].results.student.as_str()
            ),
            _ => tr!("class-heatmap-caption"),
        }));
        let _ = article_columns(
            ui,
            &arts,
            &mut self.views,
            marks,
            &overlays,
            PaneMode {
                editable: false,
                for_teacher: true,
            },
            theme,
        );
    }

    fn marks_for(
        &self,
        corpus: &Corpus,
        lesson: &Lesson,
        si: usize,
        sc: &StepClass,
        theme: &Theme,
    ) -> Vec<Vec<MarkView>> {
        let step = &lesson.steps[si];
        let Some(report) = &self.report else {
            return Vec::new();
        };
        let n = report.graded.len().max(1) as f32;
        step.articles
            .iter()
            .enumerate()
            .map(|(a, id)| {
                let Some(art) = corpus.get(id) else {
                    return Vec::new();
                };
                match self.student {
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
                                fill: Some(theme.heat_fill(*c as f32 / n)),
                            })
                            .collect()
                    }),
                    Some(g) => student_marks(&report.graded[g].results, &step.id, id),
                }
            })
            .collect()
    }
}

/// One student's highlights on one article of a step.
fn student_marks(results: &crate::records::results::Results, step: &str, article: &str) -> Vec<MarkView> {
    results
        .steps
        .iter()
        .find(|w| w.step == step)
        .map(|w| {
            w.highlights
                .iter()
                .filter(|h| h.article() == article)
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
        .unwrap_or_default()
}

fn stats_ui(ui: &mut Ui, lesson: &Lesson, si: usize, sc: &StepClass, theme: &Theme) {
    let step = &lesson.steps[si];
    ui.heading(&step.title);
    ui.label(tr!("class-student-count", n = sc.scores.len()));
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
            score_range(i),
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
        .map(|(i, c)| format!("{}: {c}", score_range(i)))
        .collect::<Vec<_>>()
        .join(", ");
    ui.label(RichText::new(tr!("class-scores", histogram = histo)).small());
    if let Some(l) = &sc.lookups {
        lookups_ui(ui, l);
        return;
    }
    ui.separator();
    ui.label(RichText::new(tr!("class-most-missed")).strong());
    let mut order: Vec<usize> = (0..sc.missed.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(sc.missed[k]));
    for k in order {
        let key = &step.keys()[k];
        ui.label(tr!(
            "class-key-missed",
            number = k + 1,
            quote = key.anchor.quote.as_str(),
            missed = sc.missed[k],
            total = sc.scores.len()
        ));
    }
    ui.separator();
    ui.label(RichText::new(tr!("class-common-extras")).strong());
    if sc.common_extras.is_empty() {
        ui.label(tr!("class-none"));
    }
    for (text, n) in sc.common_extras.iter().take(8) {
        ui.label(tr!("class-extra-count", text = text.as_str(), n = *n));
    }
}

/// An investigate step: how many looked, how many before judging, and each card's count.
fn lookups_ui(ui: &mut Ui, l: &crate::records::lookup_stats::LookupStats) {
    ui.separator();
    ui.label(RichText::new(tr!("class-source-cards")).strong());
    ui.label(tr!("class-looked", looked = l.looked, n = l.students));
    ui.label(tr!(
        "class-looked-before",
        looked = l.looked_before_judging,
        n = l.judged
    ));
    for (title, n) in &l.per_card {
        ui.label(tr!("class-card-opened", title = title.as_str(), n = *n));
    }
}

/// Bar `i` of the score chart: "0–20%", "20–40%" … as the locale writes a range of percentages.
fn score_range(i: usize) -> String {
    tr!("class-score-range", from = i * 20, to = i * 20 + 20)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Locale, with_locale};
    use crate::tr;

    fn graded(locale: Locale, students: usize, skipped: usize, problems: &str) -> String {
        with_locale(locale, || {
            tr!(
                "class-graded",
                students = students,
                skipped = skipped,
                problems = problems
            )
        })
    }

    #[test]
    fn the_graded_message_counts_in_words() {
        assert_eq!(graded(Locale::En, 1, 0, "no"), "1 student graded, 0 files skipped");
        assert_eq!(
            graded(Locale::En, 5, 1, "yes"),
            "5 students graded, 1 file skipped (see the problems below)"
        );
        assert_eq!(
            graded(Locale::Pl, 5, 2, "yes"),
            "Oceniono 5 uczniów, pominięto 2 pliki (zob. problemy poniżej)"
        );
        assert_eq!(graded(Locale::Pl, 1, 5, "no"), "Oceniono 1 ucznia, pominięto 5 plików");
        assert_eq!(graded(Locale::Uk, 22, 1, "no"), "Оцінено 22 учнів, пропущено 1 файл");
    }

    #[test]
    fn the_score_chart_writes_percentages_as_each_language_does() {
        assert_eq!(with_locale(Locale::En, || super::score_range(1)), "20–40%");
        assert_eq!(with_locale(Locale::Pl, || super::score_range(1)), "20–40\u{a0}%");
        assert_eq!(with_locale(Locale::Uk, || super::score_range(4)), "80–100\u{a0}%");
        let students = |locale, n: usize| with_locale(locale, || tr!("class-student-count", n = n));
        assert_eq!(students(Locale::En, 1), "1 student");
        assert_eq!(students(Locale::Pl, 3), "3 uczniowie");
        assert_eq!(students(Locale::Pl, 25), "25 uczniów");
        assert_eq!(students(Locale::Uk, 2), "2 учні");
    }
}
