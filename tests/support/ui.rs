//! What the app's kittest tests share: driving the article pane with the pointer.

use egui_kittest::Harness;

use lateral::app::LateralApp;
use lateral::text::Span;

/// Drags across a span of an article, from its first char to its last.
pub fn drag_across(h: &mut Harness<'static, LateralApp>, article: usize, span: Span) {
    let view = h.state().player_view(article).expect("a lesson is open");
    let rects = view.span_rects(span);
    assert!(!rects.is_empty(), "the span is not on screen");
    let from = rects[0].left_center() + egui::vec2(2.0, 0.0);
    let to = rects[rects.len() - 1].right_center() - egui::vec2(2.0, 0.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}
