//! Drawing the player: the step list, the step (prose, articles, choices), the action bar, and
//! the results of a check.

use egui::{Align, Layout, RichText, Ui};

use super::{PlayerCmd, PlayerScreen, step_labels};
use crate::app::Command;
use crate::app::theme::Theme;
use crate::app::widgets::article_view::{ArticleEvent, MarkView, Overlay, PaneMode, article_columns};
use crate::app::widgets::markdown::markdown_ui;
use crate::grading::feedback::{article_marks, checked_view, score_words};
use crate::grading::score::Verdict;
use crate::grading::session::Session;
use crate::lesson::{Step, StepBody};

/// What a step list entry says about a step.
fn step_status(s: &Session, i: usize) -> &'static str {
    let step = &s.lesson.steps[i];
    if i == s.current {
        "▶"
    } else if s.steps[i].is_done(step) {
        "✓"
    } else {
        "○"
    }
}

fn player(cmd: PlayerCmd) -> Command {
    Command::Player(cmd)
}

impl PlayerScreen {
    /// Draws the player.
    pub(crate) fn ui(&mut self, ui: &mut Ui, theme: &Theme) -> Vec<Command> {
        let mut cmds = Vec::new();
        let s = &self.session;
        egui::Panel::left("steps")
            .resizable(false)
            .exact_size(230.0)
            .show(ui, |ui| steps_ui(ui, s, &mut cmds));
        let st = s.state();
        let show_results = st.checked.is_some() || st.solution_shown || !s.hints_shown().is_empty();
        if show_results {
            egui::Panel::right("results")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("results-scroll")
                        .show(ui, |ui| results_ui(ui, s, theme));
                });
        }
        egui::Panel::bottom("actions").show(ui, |ui| {
            ui.add_space(4.0);
            self.actions_ui(ui, theme, &mut cmds);
            if let Some(m) = &self.message {
                ui.colored_label(theme.verdict_color(Verdict::Partly), m);
            }
            ui.add_space(4.0);
        });
        egui::CentralPanel::default().show(ui, |ui| self.step_ui(ui, theme, &mut cmds));
        cmds
    }

    /// The step: its title, prose, and articles, options or answer box.
    fn step_ui(&mut self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let step = self.session.step();
        ui.heading(&step.title);
        if !step.prose.is_empty() {
            prose_ui(ui, step, theme);
        }
        match &step.body {
            StepBody::Choice { options, multiple } => choice_ui(ui, &self.session, options, *multiple, theme, cmds),
            StepBody::Reflect { min_words } => reflect_ui(ui, &self.session, *min_words, cmds),
            _ => self.articles_ui(ui, theme, cmds),
        }
    }

    fn articles_ui(&mut self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        let arts = s.articles();
        if arts.is_empty() {
            return;
        }
        let editable = matches!(s.step().body, StepBody::Highlight { .. }) && !s.locked();
        let per_article = marks_for(s, self.selected, arts.len());
        let overlays = overlays_for(s, arts.len());
        for (a, e) in article_columns(
            ui,
            arts,
            &mut self.views,
            &per_article,
            &overlays,
            PaneMode {
                editable,
                for_teacher: false,
            },
            theme,
        ) {
            cmds.push(player(match e {
                ArticleEvent::Highlight(span) => PlayerCmd::Highlight { article: a, span },
                ArticleEvent::Select(pos) => PlayerCmd::SelectAt { article: a, pos },
                ArticleEvent::Remove(pos) => PlayerCmd::RemoveAt { article: a, pos },
            }));
        }
    }

    /// The bar under the step: labels, then Check, editing, help and moving on.
    fn actions_ui(&self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        if !step_labels(s).is_empty() {
            self.labels_ui(ui, theme, cmds);
        }
        ui.horizontal_wrapped(|ui| {
            let scored = s.step().is_scored() && !s.lesson.exam;
            if s.lesson.exam
                && ui
                    .button(RichText::new("Hand in").strong())
                    .on_hover_text("Save your results file for your teacher")
                    .clicked()
            {
                cmds.push(Command::HandIn);
            }
            if scored {
                let blocked = s.check_blocked();
                let r = ui.add_enabled(blocked.is_none(), egui::Button::new(RichText::new("Check").strong()));
                if r.clicked() {
                    cmds.push(player(PlayerCmd::Check));
                }
            }
            if matches!(s.step().body, StepBody::Highlight { .. }) {
                self.editing_ui(ui, cmds);
            }
            help_ui(ui, s, scored, cmds);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| moving_on_ui(ui, s, cmds));
        });
    }

    /// One button per label of the step.
    fn labels_ui(&self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        ui.horizontal_wrapped(|ui| {
            ui.label("Label (keys 1–9):");
            for (i, id) in step_labels(s).iter().enumerate() {
                let name = s.lesson.label(id).map_or(*id, |l| l.name.as_str());
                let tip = s.lesson.label(id).map_or("", |l| l.description.as_str());
                let chip = theme.label_chip_ui(ui, i, name, self.active_label == Some(i), !s.locked());
                if chip.on_hover_text(tip).clicked() {
                    cmds.push(player(PlayerCmd::SetLabel(i)));
                }
            }
        });
    }

    /// Remove highlight, Undo, Redo.
    fn editing_ui(&self, ui: &mut Ui, cmds: &mut Vec<Command>) {
        let locked = self.session.locked();
        if ui
            .add_enabled(
                !locked && self.selected.is_some(),
                egui::Button::new("Remove highlight"),
            )
            .clicked()
        {
            cmds.push(player(PlayerCmd::RemoveSelected));
        }
        if ui.add_enabled(!locked, egui::Button::new("Undo")).clicked() {
            cmds.push(player(PlayerCmd::Undo));
        }
        if ui.add_enabled(!locked, egui::Button::new("Redo")).clicked() {
            cmds.push(player(PlayerCmd::Redo));
        }
    }
}

/// The step list, and Finish.
fn steps_ui(ui: &mut Ui, s: &Session, cmds: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(&s.lesson.title).strong());
    ui.add_space(6.0);
    for (i, step) in s.lesson.steps.iter().enumerate() {
        let text = format!("{} {}. {}", step_status(s, i), i + 1, step.title);
        let b = ui.add(
            egui::Button::selectable(i == s.current, text)
                .wrap()
                .min_size(egui::vec2(210.0, 26.0)),
        );
        if b.clicked() && i != s.current {
            cmds.push(player(PlayerCmd::GoToStep(i)));
        }
    }
    ui.add_space(10.0);
    if ui.button("Finish lesson").clicked() {
        cmds.push(Command::Finish);
    }
}

/// The step's instructions, above its articles.
fn prose_ui(ui: &mut Ui, step: &Step, theme: &Theme) {
    let prose_h = if step.articles.is_empty() {
        ui.available_height()
    } else {
        (ui.available_height() * 0.3).min(220.0)
    };
    egui::ScrollArea::vertical()
        .id_salt("prose")
        .max_height(prose_h)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            markdown_ui(ui, &step.prose, theme);
        });
    ui.separator();
}

/// Hint, Retry, Show solution: as the lesson's settings allow.
fn help_ui(ui: &mut Ui, s: &Session, scored: bool, cmds: &mut Vec<Command>) {
    let step = s.step();
    if s.lesson.settings.hints
        && (!step.hints.is_empty() || step.keys().iter().any(|k| !k.hints.is_empty()))
        && ui.add_enabled(s.hint_available(), egui::Button::new("Hint")).clicked()
    {
        cmds.push(player(PlayerCmd::Hint));
    }
    if s.can_retry() {
        if ui.button("Retry (keep highlights)").clicked() {
            cmds.push(player(PlayerCmd::Retry(true)));
        }
        if ui.button("Retry (start over)").clicked() {
            cmds.push(player(PlayerCmd::Retry(false)));
        }
    }
    if s.lesson.settings.show_solution
        && scored
        && ui
            .add_enabled(s.can_show_solution(), egui::Button::new("Show solution"))
            .clicked()
    {
        cmds.push(player(PlayerCmd::ShowSolution));
    }
}

/// Next step or Finish, Previous step, and the step's score (right to left).
fn moving_on_ui(ui: &mut Ui, s: &Session, cmds: &mut Vec<Command>) {
    let last = s.current + 1 >= s.lesson.steps.len();
    if last {
        if ui.button(RichText::new("Finish lesson ▶").strong()).clicked() {
            cmds.push(Command::Finish);
        }
    } else if ui.button(RichText::new("Next step ▶").strong()).clicked() {
        cmds.push(player(PlayerCmd::GoToStep(s.current + 1)));
    }
    if s.current > 0 && ui.button("◀ Previous step").clicked() {
        cmds.push(player(PlayerCmd::GoToStep(s.current - 1)));
    }
    if let Some(c) = &s.state().checked {
        ui.label(RichText::new(format!("{} · {:.0}%", score_words(c.score), c.score * 100.0)).strong());
    }
}

/// The student's highlights, per article of the step.
fn marks_for(s: &Session, selected: Option<usize>, n: usize) -> Vec<Vec<MarkView>> {
    let labels = step_labels(s);
    let mut per_article: Vec<Vec<MarkView>> = vec![Vec::new(); n];
    for (i, m) in s.state().marks.iter().enumerate() {
        let li = m.label.as_ref().and_then(|l| labels.iter().position(|x| x == l));
        if let Some(v) = per_article.get_mut(m.article) {
            v.push(MarkView {
                span: m.span,
                label: li,
                tag: li.map(|n| (n + 1).to_string()),
                selected: selected == Some(i),
                fill: None,
            });
        }
    }
    per_article
}

/// The check results drawn over each article: the key spans the student may see, with their
/// verdicts, and the extras (as `grading::feedback::article_marks` allows).
fn overlays_for(s: &Session, n: usize) -> Vec<Vec<Overlay>> {
    let mut out = vec![Vec::new(); n];
    let marks = article_marks(s);
    for k in marks.keys {
        if let Some(v) = out.get_mut(k.article) {
            v.push(match k.verdict {
                Some(verdict) => Overlay::Key {
                    span: k.span,
                    verdict,
                    number: k.number,
                },
                None => Overlay::Answer {
                    span: k.span,
                    number: k.number,
                },
            });
        }
    }
    for (a, span) in marks.extras {
        if let Some(v) = out.get_mut(a) {
            v.push(Overlay::Extra { span });
        }
    }
    out
}

fn results_ui(ui: &mut Ui, s: &Session, theme: &Theme) {
    let hints = s.hints_shown();
    if !hints.is_empty() {
        ui.heading("Hints");
        for (i, h) in hints.iter().enumerate() {
            ui.label(format!("{}. {h}", i + 1));
        }
        ui.separator();
    }
    let Some(v) = checked_view(s) else { return };
    ui.heading("Results");
    ui.label(RichText::new(&v.score_line).size(theme.font_size).strong());
    if v.solution_shown {
        ui.label(RichText::new("The solution is shown.").italics());
    }
    if let Some(d) = &v.detail_line {
        ui.label(d);
    }
    if let Some(f) = &v.flooding_line {
        ui.colored_label(theme.verdict_color(Verdict::Missed), f);
    }
    ui.add_space(6.0);
    for k in &v.keys {
        ui.label(RichText::new(&k.heading).color(theme.verdict_color(k.verdict)).strong());
        match (&k.quote, &k.explanation) {
            (Some(q), Some(e)) => {
                ui.label(RichText::new(q).italics());
                ui.label(e);
            }
            _ => {
                ui.label(RichText::new("Not shown yet: try again or show the solution.").italics());
            }
        }
        ui.add_space(6.0);
    }
    if !v.extras.is_empty() {
        ui.separator();
        ui.label(
            RichText::new(format!("? Not in the key ({})", v.extras.len()))
                .color(theme.extra_color())
                .strong(),
        );
        for (text, near) in &v.extras {
            let near = if *near {
                " — close: it is in the same sentence as a key passage"
            } else {
                ""
            };
            ui.label(format!("“{text}”{near}"));
        }
    }
    for o in &v.options {
        ui.label(RichText::new(&o.heading).strong());
        if let Some(e) = &o.explanation {
            ui.label(e);
        }
        ui.add_space(4.0);
    }
}

fn choice_ui(
    ui: &mut Ui,
    s: &Session,
    options: &[crate::lesson::ChoiceOption],
    multiple: bool,
    theme: &Theme,
    cmds: &mut Vec<Command>,
) {
    let st = s.state();
    ui.label(if multiple {
        "Pick every answer that fits:"
    } else {
        "Pick one answer:"
    });
    ui.add_space(6.0);
    ui.add_enabled_ui(!s.locked(), |ui| {
        for (i, o) in options.iter().enumerate() {
            let picked = st.choices.contains(&i);
            let text = RichText::new(&o.text).size(theme.font_size * 0.9);
            let r = if multiple {
                let mut p = picked;
                ui.checkbox(&mut p, text)
            } else {
                ui.radio(picked, text)
            };
            if r.clicked() {
                cmds.push(player(PlayerCmd::ToggleChoice(i)));
            }
            ui.add_space(4.0);
        }
    });
}

fn reflect_ui(ui: &mut Ui, s: &Session, min_words: u32, cmds: &mut Vec<Command>) {
    let mut text = s.state().reflection.clone();
    let label = ui.label("Your answer:");
    let r = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(8)
            .desired_width(f32::INFINITY)
            .hint_text("Write your answer here. It is saved as you type and handed in with your results."),
    );
    let r = r.labelled_by(label.id);
    if r.changed() {
        cmds.push(player(PlayerCmd::SetReflection(text.clone())));
    }
    let words = text.split_whitespace().count();
    if min_words > 0 {
        ui.label(format!("{words} words (at least {min_words} asked for)"));
    } else {
        ui.label(format!("{words} words"));
    }
}
