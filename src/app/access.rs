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

use std::collections::HashMap;

use egui::{Context, Event, Id, Key, LayerId, Rect, Ui, WidgetRect};

use super::widgets::article_view;
use super::{LateralApp, Screen};
use crate::grading::feedback::checked_view;
use crate::tr;

/// Tab in reading order: the focused widget and the direction when a Tab was pressed, and the
/// widget Tab moved the focus to (asked for again at the start of the next frame, in case egui
/// also moved it).
#[derive(Default)]
pub(crate) struct TabOrder {
    pressed: Option<(Option<Id>, bool)>,
    moved_to: Option<Id>,
}

impl TabOrder {
    /// Notes a Tab (or Shift+Tab) pressed this frame, and which widget had the focus.
    pub(crate) fn begin(&mut self, ctx: &Context) {
        if let Some(id) = self.moved_to.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
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
    /// reading order. `root`: the app's root `Ui`, whose children are the screen's panels.
    fn finish(&mut self, ctx: &Context, root: Id) {
        let Some((from, backwards)) = self.pressed.take() else {
            return;
        };
        let order = reading_order(ctx, root);
        if order.is_empty() {
            return;
        }
        let n = order.len();
        let next = match from.and_then(|f| order.iter().position(|id| *id == f)) {
            Some(i) if backwards => (i + n - 1) % n,
            Some(i) => (i + 1) % n,
            // The focus is in a window: egui moves it there.
            None if from.is_some_and(|f| !on_main_layer(ctx, f)) => return,
            None if backwards => n - 1,
            None => 0,
        };
        ctx.memory_mut(|m| {
            // egui may have handed the focus on to "the next widget", which would take it next
            // frame: let a widget that is never drawn take that turn first.
            if m.focused().is_none() {
                m.interested_in_focus(Id::unique("lateral-tab-sink"), LayerId::background());
            }
            m.request_focus(order[next]);
        });
        self.moved_to = Some(order[next]);
    }

    /// Keeps egui from moving the focus on Tab itself (it would follow the order widgets were
    /// added) while a widget of the main layer has it; arrow keys stay with text boxes and the
    /// article, as their own filters say.
    fn lock_tab(ctx: &Context) {
        let Some(id) = ctx.memory(|m| m.focused()) else { return };
        if !on_main_layer(ctx, id) {
            return;
        }
        let text = ctx.text_edit_focused() || article_view::takes_arrows(ctx, id);
        // An article extending a selection keeps the focus on Escape: it cancels the selection.
        let escape = article_view::selecting(ctx, id);
        ctx.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: text,
                    vertical_arrows: text,
                    escape,
                },
            )
        });
    }
}

/// Is widget `id` on the main layer (not in a window or popup)?
fn on_main_layer(ctx: &Context, id: Id) -> bool {
    ctx.viewport(|v| {
        v.this_pass
            .widgets
            .get(id)
            .or_else(|| v.prev_pass.widgets.get(id))
            .is_some_and(|w| w.layer_id == LayerId::background())
    })
}

/// Where a panel is, in reading order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Top,
    Left,
    Central,
    Bottom,
    Right,
}

/// The side of each panel (the root's children, in the order they were added): egui carves
/// each side panel off what is left, and the central panel takes the rest.
fn panel_parts(panels: &[(Id, Rect)], content: Rect) -> HashMap<Id, Part> {
    let mut left = content;
    let mut out = HashMap::new();
    let near = |a: f32, b: f32| (a - b).abs() <= 2.0;
    for (id, r) in panels {
        let wide = near(r.min.x, left.min.x) && near(r.max.x, left.max.x);
        let tall = near(r.min.y, left.min.y) && near(r.max.y, left.max.y);
        let part = if wide && tall {
            Part::Central
        } else if wide && near(r.min.y, left.min.y) {
            left.min.y = r.max.y;
            Part::Top
        } else if wide && near(r.max.y, left.max.y) {
            left.max.y = r.min.y;
            Part::Bottom
        } else if tall && near(r.min.x, left.min.x) {
            left.min.x = r.max.x;
            Part::Left
        } else if tall && near(r.max.x, left.max.x) {
            left.max.x = r.min.x;
            Part::Right
        } else {
            Part::Central
        };
        out.insert(*id, part);
    }
    out
}

/// A widget Tab may stop at: its panel's part and index, where it is, when egui added it.
#[derive(Clone, Copy)]
struct Stop {
    part: Part,
    panel: usize,
    rect: Rect,
    added: usize,
    id: Id,
}

/// The focusable widgets of the main layer (last frame), in reading order: by panel (top bars,
/// left, central, bottom bars, right), each in the order egui added them; the top and bottom
/// bars row by row, left to right.
fn reading_order(ctx: &Context, root: Id) -> Vec<Id> {
    let widgets: Vec<WidgetRect> =
        ctx.viewport(|v| v.prev_pass.widgets.get_layer(LayerId::background()).copied().collect());
    let by_id: HashMap<Id, &WidgetRect> = widgets.iter().map(|w| (w.id, w)).collect();
    // The root's child that holds a widget: its panel.
    let panel_of = |w: &WidgetRect| -> Option<Id> {
        let (mut child, mut up) = (w.id, w.parent_id);
        for _ in 0..256 {
            if up == root {
                return Some(child);
            }
            let p = by_id.get(&up).filter(|p| p.parent_id != p.id)?;
            (child, up) = (up, p.parent_id);
        }
        None
    };
    let panels: Vec<(Id, Rect)> = widgets
        .iter()
        .filter(|w| w.parent_id == root && w.id != root)
        .map(|w| (w.id, w.rect))
        .collect();
    let content = by_id.get(&root).map_or(ctx.content_rect(), |r| r.rect);
    let parts = panel_parts(&panels, content);
    let index: HashMap<Id, usize> = panels.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    let mut stops: Vec<Stop> = widgets
        .iter()
        .enumerate()
        .filter(|(_, w)| w.sense.is_focusable() && w.enabled && w.visible && w.rect.is_positive())
        .filter_map(|(i, w)| {
            let panel = panel_of(w)?;
            Some(Stop {
                part: *parts.get(&panel)?,
                panel: index[&panel],
                rect: w.rect,
                added: i,
                id: w.id,
            })
        })
        .collect();
    stops.sort_by_key(|k| (k.part, k.panel, k.added));
    let mut out = Vec::with_capacity(stops.len());
    for group in stops.chunk_by(|a, b| (a.part, a.panel) == (b.part, b.panel)) {
        if matches!(group[0].part, Part::Top | Part::Bottom) {
            out.extend(by_rows(group));
        } else {
            out.extend(group.iter().map(|k| k.id));
        }
    }
    out
}

/// A bar's widgets row by row (a row: widgets whose middle is within its first one's height),
/// each row left to right.
fn by_rows(group: &[Stop]) -> Vec<Id> {
    let mut g = group.to_vec();
    g.sort_by(|a, b| a.rect.min.y.total_cmp(&b.rect.min.y));
    let mut rows: Vec<Vec<Stop>> = Vec::new();
    for w in g {
        match rows.last_mut() {
            Some(row) if row[0].rect.y_range().contains(w.rect.center().y) => row.push(w),
            _ => rows.push(vec![w]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.rect.min.x.total_cmp(&b.rect.min.x));
    }
    rows.into_iter().flatten().map(|k| k.id).collect()
}

impl LateralApp {
    /// Before the screen draws: the names of the step's labels, for the highlights the article
    /// pane describes to screen readers.
    pub(super) fn before_screen(&self, ctx: &Context) {
        let names = match (self.screen, self.session()) {
            (Screen::Player, Some(s)) => super::screens::player::step_labels(s)
                .iter()
                .map(|id| s.lesson.label(id).map_or(id.to_string(), |l| l.shown_name()))
                .collect(),
            _ => Vec::new(),
        };
        article_view::set_label_names(ctx, names);
    }

    /// After the screen drew: the live region with the verdicts, the focus on the step's work
    /// when a step was just opened, and Tab in reading order (not while a dialog is open).
    pub(super) fn after_screen(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.help.is_open() || self.pin.is_open() || ctx.any_popup_open() {
            self.tab.pressed = None;
        } else {
            self.tab.finish(&ctx, ui.unique_id());
            TabOrder::lock_tab(&ctx);
        }
        let focus = std::mem::take(&mut self.focus_work);
        let (Screen::Player, Some(s)) = (self.screen, self.session()) else {
            return;
        };
        announce_ui(ui, s);
        if focus && let Some(a) = s.articles().first() {
            ctx.memory_mut(|m| m.request_focus(article_view::article_id(0, a.id())));
        }
    }
}

/// A live region (polite) that says the step's results once it is checked, so that a screen
/// reader announces the verdicts after Check.
fn announce_ui(ui: &mut Ui, s: &crate::grading::session::Session) {
    let Some(v) = checked_view(s) else { return };
    // One sentence after another, each a whole message.
    let mut text = tr!("chrome-announce-results", score = v.score_line.as_str());
    for k in &v.keys {
        // "½ 2. partly found (…)" is read as "Key passage 2: partly found (…)".
        let h = k.heading.trim_start_matches(|c: char| !c.is_ascii_digit());
        text.push(' ');
        text.push_str(&tr!("chrome-announce-key", heading = h.replacen(". ", ": ", 1)));
    }
    for o in &v.options {
        text.push_str(&format!(" {}.", o.heading));
    }
    if !v.extras.is_empty() {
        text.push(' ');
        text.push_str(&tr!("chrome-announce-extras", n = v.extras.len()));
    }
    let id = Id::unique("lateral-check-announcement");
    let r = ui.interact(Rect::NOTHING, id, egui::Sense::hover());
    ui.ctx().accesskit_node_builder(r.id, |n| {
        n.set_role(egui::accesskit::Role::Status);
        n.set_live(egui::accesskit::Live::Polite);
        n.set_label(text);
    });
}
