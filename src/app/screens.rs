//! The screens around the player: the top bar, the student picker, the lesson library and the
//! end-of-lesson summary.

use egui::{Align, Layout, RichText, Ui};

use super::theme::Theme;
use super::{Command, LateralApp, Screen, Source};
use crate::grading::feedback::{score_words, verdict_words};
use crate::grading::score::Verdict;

/// The bar at the top of every screen: where you are, text size, theme.
pub fn top_bar(ui: &mut Ui, app: &LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    egui::Panel::top("top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Lateral").strong().size(18.0));
            if let Some(student) = &app.student {
                ui.separator();
                ui.label(format!("Student: {student}"));
                if ui.button("Switch student").clicked() {
                    cmds.push(Command::SwitchStudent);
                }
            }
            if app.previewing {
                ui.separator();
                ui.label(RichText::new("Preview as student").strong());
                if ui.button("◀ Back to editing").clicked() {
                    cmds.push(Command::BackToEditing);
                }
            } else if matches!(app.screen, Screen::Player | Screen::Summary) && ui.button("◀ Lessons").clicked() {
                cmds.push(Command::ToLibrary);
            }
            if !app.previewing
                && app.screen != Screen::Author
                && ui.button("Teacher view").on_hover_text("Edit lessons").clicked()
            {
                cmds.push(Command::TeacherView);
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let theme_label = if theme.dark { "Light theme" } else { "Dark theme" };
                if ui.button(theme_label).clicked() {
                    cmds.push(Command::ToggleTheme);
                }
                if ui.button("A+").on_hover_text("Larger text (Ctrl +)").clicked() {
                    cmds.push(Command::FontBigger);
                }
                if ui.button("A−").on_hover_text("Smaller text (Ctrl −)").clicked() {
                    cmds.push(Command::FontSmaller);
                }
                ui.label(format!("Text {:.0}", theme.font_size));
            });
        });
        if let Some(n) = &app.notice {
            ui.colored_label(theme.verdict_color(Verdict::Partly), n);
        }
    });
}

/// Pick or type a student name.
pub fn students_ui(ui: &mut Ui, app: &mut LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.heading(RichText::new("Who is reading today?").size(theme.font_size * 1.5));
            ui.add_space(16.0);
            if !app.students.is_empty() {
                ui.label("Pick your name:");
                ui.add_space(6.0);
                for name in app.students.clone() {
                    if ui.add_sized([260.0, 32.0], egui::Button::new(&name)).clicked() {
                        cmds.push(Command::PickStudent(name));
                    }
                }
                ui.add_space(16.0);
                ui.label("Or type a new name:");
            } else {
                ui.label("Type your name to start. Your work is saved on this computer under it.");
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.add_space((ui.available_width() - 360.0).max(0.0) / 2.0);
                let label = ui.label("Name:");
                let r = ui
                    .add(egui::TextEdit::singleline(&mut app.new_name).desired_width(200.0))
                    .labelled_by(label.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Start").clicked() || enter {
                    cmds.push(Command::PickStudent(app.new_name.clone()));
                }
            });
            ui.add_space(20.0);
            ui.label(
                RichText::new("No passwords: on a shared laptop, pick your own name. Nothing leaves this computer.")
                    .color(theme.muted()),
            );
        });
    });
}

/// The lessons, with this student's progress.
pub fn library_ui(ui: &mut Ui, app: &mut LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Lessons");
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button("Open lesson folder…").clicked() {
                    cmds.push(Command::OpenFolderDialog);
                }
                if ui.button("Export all my results…").clicked() {
                    cmds.push(Command::ExportAll);
                }
                if let Source::Folder(dir) = &app.source {
                    if ui.button("Bundled lessons").clicked() {
                        cmds.push(Command::LoadBundled);
                    }
                    ui.label(RichText::new(format!("from {}", dir.display())).color(theme.muted()));
                }
            });
        });
        ui.separator();
        if app.lessons().is_empty() {
            ui.label("There are no lessons here. Lessons are .md files that start with a line of +++ (see docs/lesson-format.md).");
        }
        egui::ScrollArea::vertical().id_salt("library").show(ui, |ui| {
            for (i, lf) in app.library.lessons.iter().enumerate() {
                egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let Some(l) = &lf.lesson else {
                        ui.label(RichText::new(&lf.path).strong());
                        problems_ui(ui, lf, theme);
                        return;
                    };
                    ui.horizontal(|ui| {
                        ui.vertical(|ui| {
                            let exam = if l.exam { "  (exam: hand in when done)" } else { "" };
                            ui.label(RichText::new(format!("{}{exam}", l.title)).size(theme.font_size * 1.1).strong());
                            if let Some(s) = &l.summary {
                                ui.label(s);
                            }
                            let mut kinds: Vec<&str> = Vec::new();
                            for k in l.steps.iter().filter(|s| s.kind() != crate::lesson::StepKind::Read).map(|s| s.kind_name()) {
                                if !kinds.contains(&k) {
                                    kinds.push(k);
                                }
                            }
                            let minutes = l.minutes.map_or(String::new(), |m| format!("{m} min · "));
                            ui.label(RichText::new(format!("{minutes}{} steps · {}", l.steps.len(), kinds.join(", "))).color(theme.muted()));
                            if let Some(p) = app.progress.get(i)
                                && p.done > 0
                            {
                                let score = p.score.map_or(String::new(), |s| format!(" · {}: {:.0}%", score_words(s), s * 100.0));
                                ui.label(format!("Your progress: {} of {} steps done{score}", p.done, l.steps.len()));
                            }
                        });
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            let started = app.progress.get(i).is_some_and(|p| p.done > 0);
                            let text = if started { "Continue" } else { "Start" };
                            let b = egui::Button::new(RichText::new(text).strong());
                            let r = ui.add_enabled(lf.is_playable(), b);
                            let r = r.on_hover_text(format!("{text} “{}”", l.title));
                            if r.clicked() {
                                cmds.push(Command::OpenLesson(i));
                            }
                        });
                    });
                    if !lf.is_playable() {
                        problems_ui(ui, lf, theme);
                    }
                });
                ui.add_space(6.0);
            }
            if !app.library.diagnostics.is_empty() {
                ui.separator();
                ui.label(RichText::new("Problems with articles").strong());
                for d in &app.library.diagnostics {
                    ui.label(RichText::new(format!("{}:{}: {}", d.file, d.line, d.message)).monospace());
                }
            }
        });
    });
}

fn problems_ui(ui: &mut Ui, lf: &crate::lesson::library::LessonFile, theme: &Theme) {
    let errors: Vec<_> = lf.diagnostics.iter().filter(|d| d.is_error()).collect();
    ui.colored_label(
        theme.verdict_color(Verdict::Missed),
        format!("This lesson has {} problem(s) and cannot be played yet:", errors.len()),
    );
    for d in errors.iter().take(8) {
        let place = if d.line > 0 {
            format!("line {}, column {}: ", d.line, d.column)
        } else {
            String::new()
        };
        ui.label(RichText::new(format!("{place}{}", d.message)).monospace());
        if let Some(s) = &d.suggestion {
            ui.label(RichText::new(format!("   → {}", s.lines().next().unwrap_or(""))).color(theme.muted()));
        }
    }
}

/// The end-of-lesson summary: score per step and what to review.
pub fn summary_ui(ui: &mut Ui, app: &mut LateralApp, theme: &Theme, cmds: &mut Vec<Command>) {
    let Some(s) = &app.session else {
        cmds.push(Command::ToLibrary);
        return;
    };
    let Some(outcome) = &app.summary else {
        cmds.push(Command::Finish);
        return;
    };
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("summary").show(ui, |ui| {
            ui.heading(format!("{}: summary", s.lesson.title));
            if s.lesson.exam {
                ui.label(RichText::new("This is an exam: your teacher grades it from the file you hand in.").strong());
            } else {
                ui.label(
                    RichText::new(format!(
                        "Lesson score: {:.0}% ({})",
                        outcome.score * 100.0,
                        score_words(outcome.score)
                    ))
                    .size(theme.font_size * 1.2)
                    .strong(),
                );
            }
            ui.add_space(10.0);
            egui::Grid::new("summary-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for (i, o) in outcome.steps.iter().enumerate() {
                        ui.label(format!("{}. {}", i + 1, o.title));
                        ui.label(&o.kind);
                        let done = s.steps[i].is_done(&s.lesson.steps[i]);
                        let answered = !s.steps[i].marks.is_empty() || !s.steps[i].choices.is_empty();
                        ui.label(match o.score {
                            _ if s.lesson.exam => {
                                if done || answered {
                                    "answered".into()
                                } else {
                                    "to do".into()
                                }
                            }
                            Some(x) if s.steps[i].attempts > 0 || s.steps[i].solution_shown => {
                                format!("{:.0}% {}", x * 100.0, score_words(x))
                            }
                            Some(_) => "not checked yet".into(),
                            None if done => "done".into(),
                            None => "to do".into(),
                        });
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            let review = !s.lesson.exam;
            if review {
                ui.heading("What to review");
                let mut any = false;
                for (i, o) in outcome.steps.iter().enumerate() {
                    let step = &s.lesson.steps[i];
                    if let Some(d) = &o.detail {
                        for (k, r) in step.keys().iter().zip(&d.keys) {
                            if r.verdict != Verdict::Found {
                                any = true;
                                ui.label(format!(
                                    "Step {} — {} “{}”: {}",
                                    i + 1,
                                    verdict_words(r.verdict),
                                    k.anchor.quote,
                                    k.explanation
                                ));
                            }
                        }
                    } else if o.score.is_some_and(|x| x < 1.0) {
                        any = true;
                        ui.label(format!(
                            "Step {} — {}: look at the explanation of each answer.",
                            i + 1,
                            o.title
                        ));
                    }
                }
                if !any {
                    ui.label("Nothing: every key passage was found.");
                }
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new("Hand in").strong())
                    .on_hover_text(format!("Save your results file in {}", app.handin_dir.display()))
                    .clicked()
                {
                    cmds.push(Command::HandIn);
                }
                if ui.button("Hand in as…").clicked() {
                    cmds.push(Command::HandInAs);
                }
                if ui.button("Back to the lesson").clicked() {
                    cmds.push(Command::GoToStep(s.current));
                }
                if ui.button("Back to lessons").clicked() {
                    cmds.push(Command::ToLibrary);
                }
            });
        });
    });
}
