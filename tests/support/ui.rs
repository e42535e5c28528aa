//! What the app's kittest tests share: the harness, signing in, the teacher PIN, and driving the
//! article pane with the pointer. Each test file uses some of it.
#![allow(dead_code)]

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
        // A lesson folder's check runs on a worker thread whose end wakes the window at any
        // time (a reload after the teacher view writes into the watched folder), which can add
        // a few frames to a `run`; an endless repaint still fails it.
        .with_max_steps(12)
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

/// The teacher PIN the tests set on first use.
pub const PIN: &str = "73915284";

/// Clicks "Teacher view" and gets past the PIN dialog: sets [`PIN`] on first use, types it
/// afterwards.
pub fn enter_teacher_view(h: &mut Harness<'static, LateralApp>) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Teacher view").click();
    h.run();
    assert!(h.state().asking_for_pin());
    let first_use = h.query_by_label("PIN again:").is_some();
    let boxes: &[&str] = if first_use {
        &["New PIN:", "PIN again:"]
    } else {
        &["PIN:"]
    };
    for b in boxes {
        type_into(h, b, PIN);
    }
    h.get_by_label(if first_use {
        "Set PIN and open"
    } else {
        "Open teacher view"
    })
    .click();
    h.run();
    assert_eq!(h.state().screen(), lateral::app::Screen::Teacher);
}

/// Focuses the text box labelled `label` and types `text` into it.
pub fn type_into(h: &mut Harness<'static, LateralApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// The key of the current step whose quote is `quote`: its article index (in the step) and span.
pub fn key(h: &Harness<'static, LateralApp>, quote: &str) -> (usize, Span) {
    let s = h.state().session().expect("a lesson is open");
    let k = s
        .step()
        .keys()
        .iter()
        .find(|k| k.anchor.quote == quote)
        .expect("the key");
    let a = s
        .step()
        .articles
        .iter()
        .position(|a| *a == k.article)
        .expect("its article");
    (a, k.core)
}
