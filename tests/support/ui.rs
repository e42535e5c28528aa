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

/// The app in a headless window `height` pixels tall (1400 wide), with the app's fonts.
pub fn harness_sized(app: LateralApp, height: f32) -> Harness<'static, LateralApp> {
    Harness::builder()
        .with_size(egui::Vec2::new(1400.0, height))
        .with_step_dt(0.1)
        .with_context_setup(lateral::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), app)
}

/// On the student screen: types `name` into the name box and presses Start.
pub fn sign_in(h: &mut Harness<'static, LateralApp>, name: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Name:").focus();
    h.run();
    h.get_by_label("Name:").type_text(name);
    h.run();
    h.get_by_label("Start").click();
    h.run();
}
