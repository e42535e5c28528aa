//! No answer before it is earned, through the real app (egui_kittest): after Check, missed keys
//! show no quote and no explanation until the solution is shown; highlighting the whole article
//! says "too much highlighted" and lists no key as found; Finish on a step never checked reports
//! it as not checked, with none of its keys.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lateral::app::{LateralApp, Screen, Source};
use lateral::grading::score::Verdict;
use lateral::records::progress::Store;
use lateral::text::Span;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{drag_across, harness_sized, sign_in};

fn harness(store: &Store) -> Harness<'static, LateralApp> {
    let app = LateralApp::new(LateralApp::bundled_library(), Source::Bundled, store.clone());
    harness_sized(app, 2600.0)
}

/// Types a name, presses Start, opens the first lesson and goes to the step titled `title`.
fn open_step(h: &mut Harness<'static, LateralApp>, name: &str, title: &str) {
    sign_in(h, name);
    h.get_all_by_label("Start").next().expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    h.get_by_label_contains(title).click();
    h.run();
    assert_eq!(h.state().session().expect("a lesson is open").step().title, title);
}

/// The core span of key `i` of the current step (all on its first article here).
fn key_span(h: &Harness<'static, LateralApp>, i: usize) -> Span {
    h.state().session().expect("a lesson is open").step().keys()[i].core
}

/// Every key of the open lesson, as the results list would quote it, and every explanation.
fn answer_texts(h: &Harness<'static, LateralApp>) -> Vec<String> {
    let s = h.state().session().expect("a lesson is open");
    s.lesson
        .steps
        .iter()
        .flat_map(|st| st.keys())
        .flat_map(|k| [format!("“{}”", k.anchor.quote), k.explanation.clone()])
        .collect()
}

/// The texts of `texts` that some widget on screen shows.
fn on_screen(h: &Harness<'static, LateralApp>, texts: &[String]) -> Vec<String> {
    texts.iter().filter(|t| count(h, t) > 0).cloned().collect()
}

/// How many widgets show each of `texts`.
fn counts(h: &Harness<'static, LateralApp>, texts: &[String]) -> Vec<(String, usize)> {
    texts.iter().map(|t| (t.clone(), count(h, t))).collect()
}

/// Presses Show solution with the pointer (the button bar no longer overlaps after Check).
fn show_solution(h: &mut Harness<'static, LateralApp>) {
    h.get_by_label("Show solution").click();
    h.run();
    assert!(h.state().session().expect("session").state().solution_shown);
}

/// How many widgets of the screen say `label` (not counting the live region that reads the
/// results out to a screen reader after Check: it repeats the results list).
fn count(h: &Harness<'static, LateralApp>, label: &str) -> usize {
    h.query_all_by_label_contains(label)
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::Status)
        .count()
}

#[test]
fn missed_keys_show_no_quote_or_explanation_until_the_solution_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_step(&mut h, "Ana", "Signs of a machine");
    h.get_by_label("1 Disclosure").click();
    h.run();
    let span = key_span(&h, 0);
    drag_across(&mut h, 0, span);
    let keys = h.state().session().expect("session").step().keys().to_vec();
    let hidden: Vec<String> = keys[1..]
        .iter()
        .flat_map(|k| [format!("“{}”", k.anchor.quote), k.explanation.clone()])
        .collect();
    // What matters is that Check adds nothing: counted against what is on screen before it,
    // so that the article's own words (once exposed to screen readers) do not count.
    let before = counts(&h, &hidden);
    h.get_by_label("Check").click();
    h.run();
    // Key 1 was found: its quote and explanation are shown.
    h.get_by_label_contains("1. found");
    h.get_by_label_contains(&keys[0].explanation);
    h.get_by_label_contains("“This article was created by Artificial Intelligence”");
    // Keys 2 and 3 were missed: neither quote nor explanation.
    assert_eq!(count(&h, "missed"), 2);
    assert_eq!(count(&h, "Not shown yet: try again or show the solution."), 2);
    assert_eq!(counts(&h, &hidden), before);
    // The solution reveals them.
    show_solution(&mut h);
    for ((t, n), (_, b)) in counts(&h, &hidden).iter().zip(&before) {
        assert!(n > b, "{t}: {n} widgets after, {b} before");
    }
    assert_eq!(count(&h, "Not shown yet"), 0);
}

#[test]
fn regression_flooded_check_lists_keys_as_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_step(&mut h, "Ben", "Signs of a machine");
    h.get_by_label("1 Disclosure").click();
    h.run();
    // Highlight the whole article and press Check.
    let len = h.state().session().expect("session").articles()[0].len();
    drag_across(&mut h, 0, Span::new(0, len));
    let marks = h.state().session().expect("session").state().marks.clone();
    assert_eq!(marks.len(), 1);
    assert!(marks[0].span.len() * 10 > len * 9, "{:?} of {len}", marks[0].span);
    let answers = answer_texts(&h);
    let before = counts(&h, &answers);
    h.get_by_label("Check").click();
    h.run();
    let s = h.state().session().expect("session");
    let d = s
        .state()
        .checked
        .as_ref()
        .and_then(|c| c.detail.as_ref())
        .expect("checked");
    assert!(d.flooded());
    // The scorer sees the keys covered …
    assert!(d.keys.iter().any(|k| k.verdict != Verdict::Missed));
    // … the screen says "too much highlighted" and names no key.
    h.get_by_label_contains("Too much highlighted");
    h.get_by_label_contains("no key passage is shown");
    for verdict in ["found", "½", "✗", "Not in the key", "Precision"] {
        assert_eq!(count(&h, verdict), 0, "{verdict}");
    }
    assert_eq!(counts(&h, &answers), before);
    // Nor does the summary.
    h.get_by_label("Finish lesson").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    h.get_by_label("Step 3 — Signs of a machine: too much highlighted, so no key passage is shown.");
    assert!(on_screen(&h, &answers).is_empty(), "{:?}", on_screen(&h, &answers));
    // Back in the lesson, Show solution shows the keys, none of them as found.
    h.get_by_label("Back to the lesson").click();
    h.run();
    show_solution(&mut h);
    assert_eq!(count(&h, "not counted: too much highlighted"), 3);
    assert_eq!(count(&h, "found"), 0);
    let keys = h.state().session().expect("session").step().keys().to_vec();
    h.get_by_label_contains(&keys[2].explanation);
}

#[test]
fn regression_finish_shows_keys_of_unchecked_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_step(&mut h, "Cleo", "Signs of a machine");
    // One key highlighted, never checked; then Finish from the step list.
    h.get_by_label("1 Disclosure").click();
    h.run();
    let span = key_span(&h, 0);
    drag_across(&mut h, 0, span);
    let answers = answer_texts(&h);
    h.get_by_label("Finish lesson").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    h.get_by_label("What to review");
    for step in [
        "Step 2 — Who fired the missile?",
        "Step 3 — Signs of a machine",
        "Step 4 — Which report to trust for what",
    ] {
        h.get_by_label_contains(&format!("{step}: not checked"));
    }
    assert_eq!(count(&h, "not checked yet"), 3);
    // The lesson score does not count the unchecked (right) highlight either.
    h.get_by_label_contains("Lesson score so far: 0% — 0 of 3 steps checked");
    assert!(on_screen(&h, &answers).is_empty(), "{:?}", on_screen(&h, &answers));
    assert_eq!(count(&h, "missed"), 0);
    assert_eq!(count(&h, "partly found"), 0);
}

#[test]
fn a_checked_choice_keeps_its_options_readable_and_says_how_to_change_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_step(&mut h, "Dana", "Which report to trust for what");
    let options: Vec<String> = match &h.state().session().expect("open").step().body {
        lateral::lesson::StepBody::Choice { options, .. } => options.iter().map(|o| o.text.clone()).collect(),
        other => panic!("{other:?}"),
    };
    h.get_by_label(&options[1]).click();
    h.run();
    h.get_by_label("Check").click();
    h.run();
    h.get_by_label("Your answer is checked: the results say why. Retry to change it.");
    // Checked, the options take no clicks until Retry.
    h.get_by_label(&options[0]).click();
    h.run();
    assert_eq!(h.state().session().expect("open").state().choices, [1]);
}
