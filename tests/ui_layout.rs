//! The player's layout holds (issue 12 §2), through the real app (egui_kittest): after Check the
//! action bar's buttons never overlap and stay in the window, at the sizes of 1280×720,
//! 1366×768 and 1920×1080 screens at 100 %, 125 % and 150 %; two articles become tabs below
//! 1100 logical pixels; a step opens at the top and comes back where it was left; the lesson's
//! introduction is shown; a choice step shows the articles it names; a verdict in the results
//! brings its passage into view and flashes it; the step list says how each step went; the
//! results say precision and recall in plain words; the armed label is named.
#![cfg(feature = "gui")]

use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lateral::app::{LateralApp, Screen, Source};
use lateral::records::progress::Store;
use lateral::text::Span;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{drag_across, harness_sized, sign_in};

/// The app in a headless window of `w`×`h` logical pixels (a 1280×720 screen at 150 % is
/// 853×480).
fn harness_at(app: LateralApp, w: f32, h: f32) -> Harness<'static, LateralApp> {
    Harness::builder()
        .with_size(egui::Vec2::new(w, h))
        .with_step_dt(0.1)
        .with_context_setup(lateral::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), app)
}

fn app_with(dir: &std::path::Path, library: lateral::lesson::library::Library) -> LateralApp {
    LateralApp::new(library, Source::Bundled, Store::new(dir))
}

/// Signs in and opens library lesson `n` (0 first look, 1 conflict, 2 bias …).
fn open(h: &mut Harness<'static, LateralApp>, n: usize) {
    sign_in(h, "Ana");
    h.get_all_by_label("Start").nth(n).expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
}

/// Clicks step `n` (from 1) in the step list.
fn go_to(h: &mut Harness<'static, LateralApp>, n: usize) {
    h.get_by_label_contains(&format!("Step {n}: ")).click();
    h.run();
    assert_eq!(h.state().session().expect("session").current, n - 1);
}

/// The article index and core of key `i` of the current step.
fn key(h: &Harness<'static, LateralApp>, i: usize) -> (usize, Span) {
    let s = h.state().session().expect("session");
    let k = &s.step().keys()[i];
    let a = s
        .step()
        .articles
        .iter()
        .position(|x| *x == k.article)
        .expect("its article");
    (a, k.core)
}

/// Clicks word `i` of the step's first article (a click on a word highlights it).
fn click_word(h: &mut Harness<'static, LateralApp>, i: usize) {
    let word = h.state().session().expect("session").articles()[0].words[i];
    let at = h
        .state()
        .player_view(0)
        .expect("view")
        .span_center(Span::new(word.start, word.end));
    let at = at.expect("the word is on screen");
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    let marks = &h.state().session().expect("session").state().marks;
    assert!(
        marks
            .iter()
            .any(|m| m.span.start <= word.start && word.end <= m.span.end)
    );
}

fn rect_of(h: &Harness<'static, LateralApp>, label: &str) -> Rect {
    h.get_by_label(label).rect()
}

/// The window sizes (logical pixels) of 1280×720, 1366×768 and 1920×1080 screens at 100 %,
/// 125 % and 150 % (1920×1080 at 150 % is 1280×720).
const SIZES: [(f32, f32); 8] = [
    (1280.0, 720.0),
    (1024.0, 576.0),
    (853.0, 480.0),
    (1366.0, 768.0),
    (1093.0, 614.0),
    (911.0, 512.0),
    (1920.0, 1080.0),
    (1536.0, 864.0),
];

#[test]
fn regression_the_action_bar_overlaps_after_check() {
    for (w, hh) in SIZES {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), w, hh);
        open(&mut h, 1);
        go_to(&mut h, 2);
        // One word that is in no key, so the check scores 0%: "Not yet · 0%".
        click_word(&mut h, 1);
        h.get_by_label("Check").click();
        h.run();
        let labels = [
            "Check",
            "Hint",
            "Retry (keep highlights)",
            "Retry (start over)",
            "Show solution",
            "Not yet · 0%",
            "◀ Previous step",
            "Next step ▶",
        ];
        let rects: Vec<(&str, Rect)> = labels.iter().map(|l| (*l, rect_of(&h, l))).collect();
        let window = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, hh));
        for (i, (a, ra)) in rects.iter().enumerate() {
            assert!(window.contains_rect(*ra), "{a} {ra:?} is cut off at {w}×{hh}");
            for (b, rb) in &rects[i + 1..] {
                assert!(!ra.intersects(*rb), "{a} {ra:?} overlaps {b} {rb:?} at {w}×{hh}");
            }
        }
        // The articles (and their tabs) stay left of the results panel.
        let results_left = rect_of(&h, "Results").left() - 8.0;
        for n in h.query_all_by_role(egui::accesskit::Role::Document) {
            assert!(
                n.rect().right() <= results_left,
                "{:?} under the results at {w}×{hh}",
                n.rect()
            );
        }
        for n in h.query_all_by_label_contains("Article ") {
            assert!(
                n.rect().right() <= results_left,
                "{:?} under the results at {w}×{hh}",
                n.rect()
            );
        }
        // A pointer click lands on the button it aims at.
        h.get_by_label("Show solution").click();
        h.run();
        assert!(
            h.state().session().expect("session").state().solution_shown,
            "at {w}×{hh}"
        );
    }
}

/// The names of the article panes on screen.
fn documents(h: &Harness<'static, LateralApp>) -> Vec<String> {
    h.query_all_by_role(egui::accesskit::Role::Document)
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn two_articles_become_tabs_below_1100_pixels_and_the_tabs_switch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 1);
    let headlines: Vec<String> = h
        .state()
        .session()
        .expect("session")
        .articles()
        .iter()
        .map(|a| format!("Article: {}", a.meta.headline))
        .collect();
    assert_eq!(documents(&h), headlines, "side by side at 1366 wide");
    assert!(h.query_by_label_contains("Article 1 · ").is_none());

    h.set_size(egui::vec2(1024.0, 576.0));
    h.run();
    assert_eq!(documents(&h), headlines[..1], "one article at a time at 1024 wide");
    h.get_by_label_contains("Article 2 · ").click();
    h.run();
    assert_eq!(documents(&h), headlines[1..], "the second tab shows the second article");
    h.get_by_label_contains("Article 1 · ").click();
    h.run();
    assert_eq!(documents(&h), headlines[..1]);

    // At 853×480 (1280×720 at 150 %), after Check, the long second tab name wraps instead of
    // widening the pane under the results panel.
    h.set_size(egui::vec2(853.0, 480.0));
    h.run();
    click_word(&mut h, 1);
    h.get_by_label("Check").click();
    h.run();
    let results_left = rect_of(&h, "Results").left() - 8.0;
    for n in h.query_all_by_label_contains("Article ") {
        assert!(n.rect().right() <= results_left, "{:?} is under the results", n.rect());
    }
}

#[test]
fn a_step_opens_at_the_top_and_comes_back_where_it_was_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 1);
    let offset = |h: &Harness<'static, LateralApp>| h.state().player_view(0).expect("view").scroll_offset();
    assert_eq!(offset(&h), 0.0);
    for _ in 0..5 {
        h.query_all_by_role(egui::accesskit::Role::Document)
            .next()
            .expect("an article")
            .scroll_down();
        h.run();
    }
    let down = offset(&h);
    assert!(down > 100.0, "scrolled down: {down}");

    go_to(&mut h, 2);
    assert_eq!(offset(&h), 0.0, "a new step opens at the top");
    go_to(&mut h, 1);
    assert_eq!(offset(&h), down, "back on step 1, where it was left");
}

#[test]
fn the_lessons_introduction_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 1);
    let intro = h.state().session().expect("session").lesson.intro.clone();
    let first_words: String = intro.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    h.get_by_label("About this lesson");
    h.get_by_label_contains(&first_words);
    // It leaves the articles most of the screen: their panes start in the upper half.
    let doc = h
        .query_all_by_role(egui::accesskit::Role::Document)
        .next()
        .expect("an article")
        .rect();
    assert!(doc.top() < 768.0 / 2.0, "{doc:?}");
    // On other steps it is folded, and opens on a click.
    go_to(&mut h, 2);
    assert!(h.query_by_label_contains(&first_words).is_none());
    h.get_by_label("About this lesson").click();
    h.run();
    h.get_by_label_contains(&first_words);
}

#[test]
fn a_choice_step_that_names_articles_shows_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut library = LateralApp::bundled_library();
    let lesson = library.lessons[0].lesson.as_mut().expect("first look");
    let choice = lesson
        .steps
        .iter()
        .position(|s| s.kind_name() == "choice")
        .expect("a choice step");
    lesson.steps[choice].articles = vec!["saitarli".into()];
    let mut h = harness_sized(app_with(dir.path(), library), 900.0);
    open(&mut h, 0);
    go_to(&mut h, choice + 1);
    let headline = h
        .state()
        .corpus()
        .get("saitarli")
        .expect("saitarli")
        .meta
        .headline
        .clone();
    assert_eq!(documents(&h), [format!("Article: {headline}")]);
    // The options are still there to pick.
    h.get_by_label("Pick one answer:");
}

#[test]
fn clicking_a_verdict_brings_its_passage_into_view_and_flashes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 3000.0);
    open(&mut h, 1);
    // Key 2 of step 2 (“the latest bombardment of Moscow”) is far down its article: highlight it
    // in a tall window, then shrink it.
    go_to(&mut h, 2);
    let (a, span) = key(&h, 1);
    drag_across(&mut h, a, span);
    h.get_by_label("Check").click();
    h.run();
    h.set_size(egui::vec2(1366.0, 768.0));
    h.run();
    let before = h.state().player_view(a).expect("view").scroll_offset();
    assert!(
        h.state().player_view(a).expect("view").span_rects(span).is_empty(),
        "off screen"
    );
    h.get_by_label_contains("2. partly found").click();
    h.run();
    let v = h.state().player_view(a).expect("view");
    assert_eq!(v.flashing(), Some(span));
    assert!(v.scroll_offset() > before, "{} > {before}", v.scroll_offset());
    assert!(!v.span_rects(span).is_empty(), "the passage is on screen");
    // Resting the pointer on it shows its explanation (found or partly found: it may be seen).
    let explanation = h.state().session().expect("session").step().keys()[1]
        .explanation
        .clone();
    let at = v.span_center(span).expect("on screen");
    assert_eq!(
        h.query_all_by_label_contains(&explanation).count(),
        1,
        "in the results list"
    );
    h.hover_at(at);
    h.run_steps(10);
    assert_eq!(
        h.query_all_by_label_contains(&explanation).count(),
        2,
        "and in a tooltip"
    );
    // A missed key is not a button: it would show where the answer is.
    assert!(h.query_by_label_contains("1. missed").is_some());
    assert!(
        h.query_all_by_role(egui::accesskit::Role::Button).all(|n| !n
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("missed"))
    );
}

/// The step list's accessible label of step `n` (from 1).
fn step_label(h: &Harness<'static, LateralApp>, n: usize) -> String {
    h.get_by_label_contains(&format!("Step {n}: "))
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn regression_a_step_checked_at_0_percent_shows_a_tick() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 1);
    assert!(step_label(&h, 1).ends_with("— not started"), "{}", step_label(&h, 1));
    click_word(&mut h, 1);
    assert!(step_label(&h, 1).ends_with("— in progress"), "{}", step_label(&h, 1));
    h.get_by_label("Check").click();
    h.run();
    assert!(step_label(&h, 1).ends_with("— checked: 0%"), "{}", step_label(&h, 1));
    assert!(!step_label(&h, 1).contains('✓'));
    h.get_by_label("Show solution").click();
    h.run();
    assert!(
        step_label(&h, 1).ends_with("— solution shown (checked: 0%)"),
        "{}",
        step_label(&h, 1)
    );
    assert!(step_label(&h, 2).ends_with("— not started"));
}

#[test]
fn the_results_say_precision_and_recall_in_plain_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_sized(app_with(dir.path(), LateralApp::bundled_library()), 3000.0);
    open(&mut h, 0);
    go_to(&mut h, 3);
    let (a, span) = key(&h, 0);
    drag_across(&mut h, a, span);
    h.get_by_label("Check").click();
    h.run();
    h.get_by_label("100% of what you marked is in the key · you found 33% of the key");
    assert!(h.query_by_label_contains("Precision").is_none());
    assert!(h.query_by_label_contains("recall").is_none());
}

#[test]
fn a_number_key_with_no_highlight_selected_says_which_label_is_armed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 2);
    go_to(&mut h, 2);
    h.get_by_label("New highlights get: 1 Framing headline");
    h.key_press(Key::Num2);
    h.run();
    h.get_by_label("New highlights get: 2 Loaded word");
    h.get_by_label("No highlight is selected: the next highlights will be labelled “2 Loaded word”.");
    // The next highlight gets it, and the message goes.
    let (a, span) = key(&h, 0);
    drag_across(&mut h, a, span);
    let marks = &h.state().session().expect("session").state().marks;
    assert_eq!(marks[0].label.as_deref(), Some("loaded-word"));
    assert!(h.query_by_label_contains("No highlight is selected").is_none());
    // After Check the labels are a legend: names, not buttons.
    h.get_by_label("Check").click();
    h.run();
    h.get_by_label("Labels:");
    let legend = h.get_by_label("2 Loaded word");
    assert_ne!(legend.accesskit_node().role(), egui::accesskit::Role::Button);
    assert!(h.query_by_label_contains("New highlights get").is_none());
}

#[test]
fn after_check_each_article_scrolls_to_its_first_verdict_without_flashing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(app_with(dir.path(), LateralApp::bundled_library()), 1366.0, 768.0);
    open(&mut h, 1);
    // Key 2 of step 2 (“the latest bombardment of Moscow”) is below the fold at 1366×768.
    go_to(&mut h, 2);
    let (a, span) = key(&h, 1);
    assert!(
        h.state().player_view(a).expect("view").span_rects(span).is_empty(),
        "off screen"
    );
    h.state_mut()
        .session_mut()
        .expect("session")
        .add_highlight(a, span, None);
    h.run();
    h.get_by_label("Check").click();
    h.run();
    let v = h.state().player_view(a).expect("view");
    assert!(!v.span_rects(span).is_empty(), "its verdict is on screen after Check");
    assert!(v.scroll_offset() > 0.0);
    assert_eq!(v.flashing(), None, "brought into view, not flashed");
}
