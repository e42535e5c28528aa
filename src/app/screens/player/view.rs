//! Drawing the player: the step list, the step (the lesson's introduction, prose, articles,
//! choices, answer box), the action bar, and the results of a check.
//!
//! The layout holds from 1280×720 at 150 % zoom (853×480 logical pixels) up: the side panels
//! narrow below [`TABS_BELOW`], the text above the articles is a bounded scroll area, two
//! articles become tabs when they would not fit side by side, and the action bar never lets its
//! two groups of buttons overlap ([`super::actions`]). Each step has its own egui ids, so a
//! step opens scrolled to the top and comes back where the student left it.

use crate::tr;
use egui::{RichText, Ui};

use super::results::{marks_for, overlays_for, results_ui};
use super::{PlayerCmd, PlayerScreen};
use crate::app::Command;
use crate::app::theme::Theme;
use crate::app::widgets::article_view::{ArticleEvent, PaneMode, TABS_BELOW, article_columns};
use crate::app::widgets::markdown::markdown_ui;
use crate::grading::feedback::step_progress;
use crate::grading::score::Verdict;
use crate::grading::session::Session;
use crate::lesson::StepBody;

pub(super) fn player(cmd: PlayerCmd) -> Command {
    Command::Player(cmd)
}

/// Is the window narrower than [`TABS_BELOW`] (logical pixels)? Then the side panels narrow.
fn narrow(ui: &Ui) -> bool {
    ui.ctx().content_rect().width() < TABS_BELOW
}

impl PlayerScreen {
    /// Draws the player.
    pub(crate) fn ui(&mut self, ui: &mut Ui, theme: &Theme) -> Vec<Command> {
        let mut cmds = Vec::new();
        self.tick(ui.input(|i| i.time));
        let narrow = narrow(ui);
        let window = ui.ctx().content_rect().width();
        let steps_w = if narrow { 170.0 } else { 230.0 };
        let s = &self.session;
        egui::Panel::left("steps")
            .resizable(false)
            .exact_size(steps_w)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("steps-scroll")
                    .show(ui, |ui| steps_ui(ui, s, steps_w - 20.0, &mut cmds));
            });
        // The bar spans the results panel too, so its buttons need fewer rows.
        egui::Panel::bottom("actions").show(ui, |ui| {
            ui.add_space(4.0);
            self.actions_ui(ui, theme, &mut cmds);
            if let Some(m) = &self.message {
                ui.colored_label(theme.verdict_color(Verdict::Partly), m);
            }
            ui.add_space(4.0);
        });
        let s = &self.session;
        let st = s.state();
        let show_results = st.checked.is_some() || st.solution_shown || !s.hints_shown().is_empty();
        if show_results {
            // At most 40% of what the step list leaves, whatever width the student dragged to.
            let max = ((window - steps_w) * 0.4).max(180.0);
            let key = self.step_key();
            egui::Panel::right("results")
                .resizable(true)
                .default_size(if narrow { 250.0 } else { 320.0 })
                .size_range(180.0..=max)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("results-scroll", key))
                        .show(ui, |ui| {
                            if let Some((article, span)) = results_ui(ui, s, theme) {
                                cmds.push(player(PlayerCmd::ShowPassage { article, span }));
                            }
                        });
                });
        }
        let key = self.step_key();
        egui::CentralPanel::default().show(ui, |ui| {
            // Ids per lesson and step: scroll positions and tabs are the step's own.
            ui.push_id(key, |ui| self.step_ui(ui, theme, &mut cmds));
        });
        cmds
    }

    /// What makes the current step's egui ids its own.
    fn step_key(&self) -> (String, usize) {
        (self.session.lesson.id.clone(), self.session.current)
    }

    /// The step: its title, the lesson's introduction and the step's prose, then its articles,
    /// options or answer box.
    fn step_ui(&mut self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        let step = s.step();
        // On a short screen (1280×720 at 150 %) the title scrolls with the text.
        let short = ui.available_height() < 420.0;
        if !short {
            ui.heading(&step.title);
        }
        let has_articles = !s.articles().is_empty();
        // The text above the articles takes at most 30% of the height (25% on a short screen),
        // so the articles keep most of it even with the introduction open.
        let share = if short { 0.25 } else { 0.3 };
        let text_h = if has_articles || !matches!(step.body, StepBody::Read) {
            (ui.available_height() * share).clamp(60.0, 240.0)
        } else {
            ui.available_height()
        };
        egui::ScrollArea::vertical()
            .id_salt("step-text")
            .max_height(text_h)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if short {
                    ui.heading(&step.title);
                }
                intro_ui(ui, s, !short, theme);
                markdown_ui(ui, &step.prose, theme);
            });
        ui.separator();
        match &step.body {
            StepBody::Choice { options, multiple } => {
                let (options, multiple) = (options.clone(), *multiple);
                self.bounded(
                    ui,
                    has_articles,
                    |ui, s, cmds| choice_ui(ui, s, &options, multiple, theme, cmds),
                    cmds,
                );
            }
            StepBody::Reflect { min_words } => {
                let min_words = *min_words;
                self.bounded(
                    ui,
                    has_articles,
                    |ui, s, cmds| reflect_ui(ui, s, min_words, has_articles, cmds),
                    cmds,
                );
            }
            StepBody::Investigate { .. } => {
                let open = self.open_card();
                self.bounded(
                    ui,
                    has_articles,
                    |ui, s, cmds| super::investigate::cards_ui(ui, s, open, theme, cmds),
                    cmds,
                );
            }
            _ => {}
        }
        if has_articles {
            self.articles_ui(ui, theme, cmds);
        }
    }

    /// The options or answer box of a step; above the step's articles, in a scroll area that
    /// leaves them most of the height.
    fn bounded(
        &self,
        ui: &mut Ui,
        has_articles: bool,
        add: impl FnOnce(&mut Ui, &Session, &mut Vec<Command>),
        cmds: &mut Vec<Command>,
    ) {
        if !has_articles {
            add(ui, &self.session, cmds);
            return;
        }
        let h = (ui.available_height() * 0.4).max(80.0);
        egui::ScrollArea::vertical()
            .id_salt("step-answer")
            .max_height(h)
            .auto_shrink([false, true])
            .show(ui, |ui| add(ui, &self.session, cmds));
        ui.separator();
    }

    fn articles_ui(&mut self, ui: &mut Ui, theme: &Theme, cmds: &mut Vec<Command>) {
        let s = &self.session;
        let arts = s.articles();
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
}

/// The lesson's introduction, under a header the student can fold; open on the first step
/// when there is room (`roomy`) for it and the instructions.
fn intro_ui(ui: &mut Ui, s: &Session, roomy: bool, theme: &Theme) {
    if s.lesson.intro.trim().is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new(tr!("player-about-lesson")).strong())
        .id_salt("about-this-lesson")
        .default_open(s.current == 0 && roomy)
        .show(ui, |ui| markdown_ui(ui, &s.lesson.intro, theme));
}

/// The step list (each step with its state: not started, in progress, checked and its score,
/// solution shown, done), and Finish.
fn steps_ui(ui: &mut Ui, s: &Session, width: f32, cmds: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(&s.lesson.title).strong());
    ui.add_space(6.0);
    for (i, step) in s.lesson.steps.iter().enumerate() {
        let p = step_progress(s, i);
        let current = i == s.current;
        let mut job = egui::text::LayoutJob::default();
        let style = ui.style().clone();
        RichText::new(format!("{}. {}\n", i + 1, step.title)).append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Min,
        );
        RichText::new(format!("{} {}", p.mark, p.words))
            .size(ui.text_style_height(&egui::TextStyle::Body) * 0.8)
            .color(ui.visuals().weak_text_color())
            .append_to(&mut job, &style, egui::FontSelection::Default, egui::Align::Min);
        let b = ui.add(
            egui::Button::selectable(current, job)
                .wrap()
                .min_size(egui::vec2(width, 26.0)),
        );
        let label = tr!(
            "player-step-label",
            n = i + 1,
            title = step.title.as_str(),
            state = p.words.as_str()
        );
        b.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current, &label));
        if b.clicked() && !current {
            cmds.push(player(PlayerCmd::GoToStep(i)));
        }
    }
    ui.add_space(10.0);
    if ui.button(tr!("player-finish")).clicked() {
        cmds.push(Command::Finish);
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
    ui.label(match (s.locked(), multiple) {
        (true, _) => tr!("player-choice-checked"),
        (false, true) => tr!("player-choice-many"),
        (false, false) => tr!("player-choice-one"),
    });
    ui.add_space(6.0);
    // Once checked the options take no clicks, but stay as readable as before: they are what
    // the results explain, not controls that broke.
    ui.visuals_mut().disabled_alpha = 1.0;
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

fn reflect_ui(ui: &mut Ui, s: &Session, min_words: u32, has_articles: bool, cmds: &mut Vec<Command>) {
    let mut text = s.state().reflection.clone();
    let label = ui.label(tr!("player-your-answer"));
    let r = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(if has_articles { 4 } else { 8 })
            .desired_width(f32::INFINITY)
            .hint_text(tr!("player-answer-hint")),
    );
    let r = r.labelled_by(label.id);
    if r.changed() {
        cmds.push(player(PlayerCmd::SetReflection(text.clone())));
    }
    let words = text.split_whitespace().count();
    if min_words > 0 {
        ui.label(tr!("player-words-min", words = words, min_words = min_words));
    } else {
        ui.label(tr!("player-words", words = words));
    }
}
