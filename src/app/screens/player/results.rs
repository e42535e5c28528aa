//! What a check adds to the player: the student's highlights and the check results drawn over
//! the articles, and the results list beside them. A key passage the student may see is a
//! button in the list (it brings the passage into view and flashes it) and has its explanation
//! as a tooltip over the article; what may be seen is `grading::feedback`'s call, never this
//! module's.

use crate::tr;
use egui::{RichText, Ui};

use super::step_labels;
use crate::app::theme::Theme;
use crate::app::widgets::article_view::{MarkView, Overlay};
use crate::grading::feedback::{article_marks, checked_view};
use crate::grading::score::Verdict;
use crate::grading::session::Session;
use crate::text::Span;

/// The student's highlights, per article of the step.
pub(super) fn marks_for(s: &Session, selected: Option<usize>, n: usize) -> Vec<Vec<MarkView>> {
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
/// verdicts and explanations, and the extras (as `grading::feedback::article_marks` allows).
pub(super) fn overlays_for(s: &Session, n: usize) -> Vec<Vec<Overlay>> {
    let mut out = vec![Vec::new(); n];
    let marks = article_marks(s);
    for k in marks.keys {
        if let Some(v) = out.get_mut(k.article) {
            let tip = Some(format!("{}. {}", k.number, k.explanation));
            v.push(match k.verdict {
                Some(verdict) => Overlay::Key {
                    span: k.span,
                    verdict,
                    number: k.number,
                    tip,
                },
                None => Overlay::Answer {
                    span: k.span,
                    number: k.number,
                    tip,
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

/// The hints shown and the results list of a checked step. Returns the passage whose verdict
/// was clicked (its article and span), to bring into view.
pub(super) fn results_ui(ui: &mut Ui, s: &Session, theme: &Theme) -> Option<(usize, Span)> {
    let hints = s.hints_shown();
    if !hints.is_empty() {
        ui.heading(tr!("player-hints"));
        for (i, h) in hints.iter().enumerate() {
            ui.label(format!("{}. {h}", i + 1));
        }
        ui.separator();
    }
    let v = checked_view(s)?;
    ui.heading(tr!("player-results"));
    ui.label(RichText::new(&v.score_line).size(theme.font_size).strong());
    if v.solution_shown {
        ui.label(RichText::new(tr!("player-solution-shown")).italics());
    }
    if let (Some(d), Some(terms)) = (&v.detail_line, &v.detail_terms) {
        ui.label(d)
            .on_hover_text(tr!("player-for-teachers", terms = terms.as_str()));
    }
    if let Some(f) = &v.flooding_line {
        ui.colored_label(theme.verdict_color(Verdict::Missed), f);
    }
    ui.add_space(6.0);
    let marks = article_marks(s);
    let mut clicked = None;
    for (i, k) in v.keys.iter().enumerate() {
        let heading = RichText::new(&k.heading).color(theme.verdict_color(k.verdict)).strong();
        // Only a passage the student may see can be shown: `article_marks` lists those.
        match marks.keys.iter().find(|m| m.number == i + 1) {
            Some(m) => {
                let b = egui::Button::new(heading).frame(false);
                if ui.add(b).on_hover_text(tr!("player-show-passage")).clicked() {
                    clicked = Some((m.article, m.span));
                }
            }
            None => {
                ui.label(heading);
            }
        }
        match (&k.quote, &k.explanation) {
            (Some(q), Some(e)) => {
                ui.label(RichText::new(q).italics());
                ui.label(e);
            }
            _ => {
                ui.label(RichText::new(tr!("player-not-shown")).italics());
            }
        }
        ui.add_space(6.0);
    }
    extras_ui(ui, &v.extras, theme);
    for o in &v.options {
        ui.label(RichText::new(&o.heading).strong());
        if let Some(e) = &o.explanation {
            ui.label(e);
        }
        ui.add_space(4.0);
    }
    clicked
}

/// The highlights that are in no key.
fn extras_ui(ui: &mut Ui, extras: &[(String, bool)], theme: &Theme) {
    if extras.is_empty() {
        return;
    }
    ui.separator();
    ui.label(
        RichText::new(tr!("player-not-in-key", n = extras.len()))
            .color(theme.extra_color())
            .strong(),
    );
    for (text, near) in extras {
        let text = crate::grading::feedback::quoted(text);
        ui.label(if *near {
            tr!("player-extra-near", quote = text)
        } else {
            text
        });
    }
}
