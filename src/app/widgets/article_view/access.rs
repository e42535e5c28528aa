//! The pane for keyboard and screen-reader users: a focus ring and a caret as soon as the pane
//! has the focus, and the article exposed to AccessKit as text a screen reader can read.
//!
//! The text is painted (`painter.galley`), which AccessKit cannot see; so under the pane's
//! `Document` node this adds one `Paragraph` node per paragraph (named by its text, so a screen
//! reader reads the article paragraph by paragraph) and, after each paragraph, one `Mark` node per
//! highlight that starts in it: "highlight 2 of 5: loaded word, 'ignored'". The pane's own node
//! describes where the caret is. Nothing is added when AccessKit is off.

use crate::tr;
use egui::accesskit::{Rect as AkRect, Role};
use egui::{Context, Id, Rect, Response, Sense, StrokeKind, Ui, UiBuilder, vec2};

use super::{ArticleInput, ArticleViewState};
use crate::app::theme::Theme;

/// The id of article pane `index` showing article `article_id` (to give it the focus).
pub(crate) fn article_id(index: usize, article_id: &str) -> Id {
    Id::unique(("lateral-article", index, article_id))
}

fn label_names_id() -> Id {
    Id::unique("lateral-article-label-names")
}

/// The names of the labels (in palette order) the panes drawn this frame use for highlights.
pub(crate) fn set_label_names(ctx: &Context, names: Vec<String>) {
    ctx.data_mut(|d| d.insert_temp(label_names_id(), names));
}

fn arrows_id(id: Id) -> Id {
    id.with("lateral-takes-arrows")
}

/// Is `id` an article pane (which moves its caret with the arrow keys, not the focus)?
pub(crate) fn takes_arrows(ctx: &Context, id: Id) -> bool {
    ctx.data(|d| d.get_temp::<bool>(arrows_id(id))).is_some()
}

fn selecting_id(id: Id) -> Id {
    id.with("lateral-selecting")
}

/// Is `id` an article pane with a keyboard selection being extended (Shift+arrows)? Then
/// Escape cancels the selection instead of going back.
pub(crate) fn selecting(ctx: &Context, id: Id) -> bool {
    ctx.data(|d| d.get_temp::<bool>(selecting_id(id))).unwrap_or(false)
}

/// When the pane gains the focus with no caret, the caret goes on the first word on screen, so
/// it shows at once (not only after an arrow key).
pub(super) fn caret_on_focus(state: &mut ArticleViewState, input: &ArticleInput<'_>, response: &Response) {
    if response.has_focus() && !takes_arrows(&response.ctx, response.id) {
        response.ctx.data_mut(|d| d.insert_temp(arrows_id(response.id), true));
    }
    let sel = state.kb_anchor.is_some();
    if sel != selecting(&response.ctx, response.id) {
        response.ctx.data_mut(|d| d.insert_temp(selecting_id(response.id), sel));
    }
    if !response.has_focus() || state.cursor.is_some() || input.article.words.is_empty() {
        return;
    }
    let first = state
        .frame
        .first()
        .and_then(|(i, _)| state.layout.as_ref().map(|l| l.paras[*i].span.start));
    let words = &input.article.words;
    let w = words.partition_point(|s| s.end <= first.unwrap_or(0));
    state.cursor = Some(w.min(words.len() - 1));
}

/// A ring around the visible part of the pane while it has the keyboard focus.
pub(super) fn paint_focus_ring(ui: &Ui, response: &Response, theme: &Theme) {
    if response.has_focus() {
        // Inside the scroll area's clip, so that all four sides show.
        let r = response.rect.expand(4.0).intersect(ui.clip_rect().shrink(1.0));
        ui.painter()
            .rect_stroke(r, 4.0, theme.cursor_stroke(), StrokeKind::Outside);
    }
}

fn ak_rect(r: Rect) -> AkRect {
    AkRect {
        x0: r.min.x.into(),
        y0: r.min.y.into(),
        x1: r.max.x.into(),
        y1: r.max.y.into(),
    }
}

/// Adds the paragraphs and highlights under the pane's node, and says where the caret is.
pub(super) fn expose_text(ui: &mut Ui, state: &ArticleViewState, input: &ArticleInput<'_>, response: &Response) {
    let ctx = ui.ctx().clone();
    let article = input.article;
    let caret = state
        .cursor
        .and_then(|c| article.words.get(c))
        .map(|w| article.slice(*w).to_string());
    let on = ctx
        .accesskit_node_builder(response.id, |n| {
            if let Some(w) = &caret {
                n.set_description(tr!("article-caret", word = w.as_str()));
            }
        })
        .is_some();
    let Some(layout) = state.layout.as_ref().filter(|_| on) else {
        return;
    };
    let names: Vec<String> = ctx.data(|d| d.get_temp(label_names_id())).unwrap_or_default();
    let mut marks: Vec<_> = input.marks.iter().collect();
    marks.sort_by_key(|m| m.span.start);
    let child = ui.new_child(UiBuilder::new().accessibility_parent(response.id));
    let mut next_mark = 0;
    for (i, p) in layout.paras.iter().enumerate() {
        let rect = Rect::from_min_size(state.text_rect.min + vec2(0.0, p.y), vec2(layout.width, p.h));
        let id = response.id.with(("paragraph", i));
        child.interact(Rect::NOTHING, id, Sense::hover());
        ctx.accesskit_node_builder(id, |n| {
            n.set_role(Role::Paragraph);
            n.set_label(article.slice(p.span).to_string());
            n.set_bounds(ak_rect(rect));
        });
        while let Some(m) = marks.get(next_mark).filter(|m| m.span.start < p.span.end) {
            next_mark += 1;
            let label = m
                .label
                .map(|l| {
                    names
                        .get(l)
                        .cloned()
                        .unwrap_or_else(|| tr!("article-label-n", n = l + 1))
                })
                .unwrap_or_else(|| tr!("article-no-label"));
            let text = tr!(
                "article-highlight",
                n = next_mark,
                total = marks.len(),
                label = label,
                text = article.slice(m.span)
            );
            let id = response.id.with(("highlight", next_mark));
            child.interact(Rect::NOTHING, id, Sense::hover());
            let bounds = state.span_rects(m.span).into_iter().reduce(|a, b| a.union(b));
            ctx.accesskit_node_builder(id, |n| {
                n.set_role(Role::Mark);
                n.set_label(text);
                if m.selected {
                    n.set_selected(true);
                }
                if let Some(b) = bounds {
                    n.set_bounds(ak_rect(b));
                }
            });
        }
    }
}

impl ArticleViewState {
    /// The keyboard caret: the index of the word it is on (into the article's words).
    pub fn caret(&self) -> Option<usize> {
        self.cursor
    }
}
