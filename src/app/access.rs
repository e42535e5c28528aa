//! Keyboard focus and screen readers at the app's level: where the focus starts on a step, Tab
//! in reading order on the player, the label names the article pane reads out for highlights,
//! and the live region that announces the verdicts after Check.
//!
//! Tab order. egui moves the focus in the order widgets are added, and a screen adds its side
//! panels before its central one (egui needs that), so on the player Tab went from the step list
//! to the action bar and reached the article last. Here Tab and Shift+Tab follow the reading
//! order instead: top bar, the left panel, the instructions and the article, the bar under the
//! article, the right panel — each part in the order egui added its widgets, the bar under the
//! article row by row, left to right.

use egui::{Context, Event, Id, Key, LayerId, Rect, Ui, WidgetRect};

use super::widgets::article_view;
use super::{LateralApp, Screen};
use crate::grading::feedback::checked_view;

/// Tab in reading order: the focused widget and the direction when a Tab was pressed.
#[derive(Default)]
pub(crate) struct TabOrder {
    pressed: Option<(Option<Id>, bool)>,
}

impl TabOrder {
    /// Notes a Tab (or Shift+Tab) pressed this frame, and which widget had the focus.
    pub(crate) fn begin(&mut self, ctx: &Context) {
        let backwards = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                Event::Key {
                    key: Key::Tab,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.is_none() || modifiers.shift_only() => Some(modifiers.shift),
                _ => None,
            })
        });
        self.pressed = backwards.map(|b| (ctx.memory(|m| m.focused()), b));
    }

    /// Moves the focus to the widget after (or before) the one focused when Tab was pressed, in
    /// reading order around `articles` (screen rectangles), below the top bar `top`.
    fn finish(&mut self, ctx: &Context, top: Rect, articles: Rect) {
        let Some((from, backwards)) = self.pressed.take() else {
            return;
        };
        let order = reading_order(ctx, top, articles);
        if order.is_empty() {
            return;
        }
        let n = order.len();
        let next = match from.and_then(|f| order.iter().position(|id| *id == f)) {
            Some(i) if backwards => (i + n - 1) % n,
            Some(i) => (i + 1) % n,
            // The focus was somewhere else (a dialog): leave it to egui.
            None if from.is_some() => return,
            None if backwards => n - 1,
            None => 0,
        };
        ctx.memory_mut(|m| m.request_focus(order[next]));
    }
}

/// The focusable widgets of the main layer (last frame), in reading order.
fn reading_order(ctx: &Context, top: Rect, a: Rect) -> Vec<Id> {
    let widgets: Vec<WidgetRect> = ctx.viewport(|v| {
        v.prev_pass
            .widgets
            .get_layer(LayerId::background())
            .filter(|w| w.sense.is_focusable() && w.enabled && w.visible && w.interact_rect.is_positive())
            .copied()
            .collect()
    });
    let part = |r: Rect| -> u8 {
        if r.max.y <= top.max.y + 1.0 {
            0
        } else if r.max.x <= a.min.x {
            1
        } else if r.min.y >= a.max.y {
            3
        } else if r.min.x >= a.max.x {
            4
        } else {
            2
        }
    };
    let mut keyed: Vec<(u8, f32, f32, usize, Id)> = widgets
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let p = part(w.interact_rect);
            // Under the article: row by row (rows of the same height), left to right.
            let (row, x) = if p == 3 {
                let h = w.interact_rect.height().max(1.0);
                ((w.interact_rect.center().y / h).round(), w.interact_rect.min.x)
            } else {
                (0.0, 0.0)
            };
            (p, row, x, i, w.id)
        })
        .collect();
    keyed.sort_by(|a, b| {
        (a.0, a.1, a.2, a.3)
            .partial_cmp(&(b.0, b.1, b.2, b.3))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    keyed.into_iter().map(|k| k.4).collect()
}

impl LateralApp {
    /// Before the screen draws: the names of the step's labels, for the highlights the article
    /// pane describes to screen readers.
    pub(super) fn before_screen(&self, ctx: &Context) {
        let names = match (self.screen, self.session()) {
            (Screen::Player, Some(s)) => super::screens::player::step_labels(s)
                .iter()
                .map(|id| s.lesson.label(id).map_or(id.to_string(), |l| l.name.clone()))
                .collect(),
            _ => Vec::new(),
        };
        article_view::set_label_names(ctx, names);
    }

    /// After the screen drew: the live region with the verdicts, the focus on the step's work
    /// when a step was just opened, and Tab in reading order.
    pub(super) fn after_screen(&mut self, ui: &mut Ui, top: Rect) {
        let ctx = ui.ctx().clone();
        let (Screen::Player, Some(s)) = (self.screen, self.session()) else {
            self.focus_work = false;
            self.tab.pressed = None;
            return;
        };
        announce_ui(ui, s);
        let arts: Vec<Id> = s
            .articles()
            .iter()
            .enumerate()
            .map(|(i, a)| article_view::article_id(i, a.id()))
            .collect();
        if std::mem::take(&mut self.focus_work)
            && let Some(first) = arts.first()
        {
            ctx.memory_mut(|m| m.request_focus(*first));
        }
        let rect = arts
            .iter()
            .filter_map(|id| ctx.read_response(*id))
            .map(|r| r.interact_rect)
            .reduce(|a, b| a.union(b));
        if !self.help.is_open() && !self.pin.is_open() {
            // No article on the step: the bar at the bottom is still "under" the central area.
            let central = rect.unwrap_or(Rect::from_min_max(
                egui::pos2(ctx.content_rect().min.x, top.max.y),
                egui::pos2(ctx.content_rect().max.x, ctx.content_rect().max.y),
            ));
            self.tab.finish(&ctx, top, central);
        } else {
            self.tab.pressed = None;
        }
    }
}

/// A live region (polite) that says the step's results once it is checked, so that a screen
/// reader announces the verdicts after Check.
fn announce_ui(ui: &mut Ui, s: &crate::grading::session::Session) {
    let Some(v) = checked_view(s) else { return };
    let mut text = format!("Check results. {}.", v.score_line);
    for k in &v.keys {
        // "½ 2. partly found (…)" is read as "Key passage 2: partly found (…)".
        let h = k.heading.trim_start_matches(|c: char| !c.is_ascii_digit());
        text.push_str(&format!(" Key passage {}.", h.replacen(". ", ": ", 1)));
    }
    if !v.extras.is_empty() {
        text.push_str(&format!(" {} highlights not in the key.", v.extras.len()));
    }
    let id = Id::unique("lateral-check-announcement");
    let r = ui.interact(Rect::NOTHING, id, egui::Sense::hover());
    ui.ctx().accesskit_node_builder(r.id, |n| {
        n.set_role(egui::accesskit::Role::Status);
        n.set_live(egui::accesskit::Live::Polite);
        n.set_label(text);
    });
}
