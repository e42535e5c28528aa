//! A bias step without labels (`labels = []`, issue 15 §2), played through the real app
//! (egui_kittest): no label picker, a highlight made with the pointer carries no label, and
//! Check finds both keys.
#![cfg(feature = "gui")]

use std::path::Path;

use egui_kittest::kittest::Queryable;

use lateral::app::{LateralApp, Screen, Source};
use lateral::grading::score::Verdict;
use lateral::records::progress::Store;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{drag_across, harness_sized, key, sign_in};

#[test]
fn an_unlabelled_bias_step_is_highlighted_without_choosing_a_label() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unlabelled");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&folder), &[]).expect("loads");
    assert!(lib.all_diagnostics().is_empty(), "{:#?}", lib.all_diagnostics());
    let dir = tempfile::tempdir().expect("tempdir");
    let app = LateralApp::new(lib, Source::Folder(folder), Store::new(dir.path()));
    let mut h = harness_sized(app, 2600.0);
    sign_in(&mut h, "Ana");
    h.get_all_by_label("Start").next().expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    assert_eq!(
        h.state().session().expect("a lesson is open").step().title,
        "Find the loaded words"
    );
    // No label picker: nothing to choose before highlighting.
    assert!(
        h.query_by_label_contains("Pick a label").is_none(),
        "no label picker on a step without labels"
    );
    assert!(h.query_by_label_contains("New highlights get").is_none());
    for quote in ["doubled down", "Kiev’s forces"] {
        let (a, span) = key(&h, quote);
        drag_across(&mut h, a, span);
    }
    let marks = h.state().session().expect("session").state().marks.clone();
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert!(marks.iter().all(|m| m.label.is_none()), "{marks:?}");
    h.get_by_label("Check").click();
    h.run();
    let s = h.state().session().expect("session");
    let check = s.state().checked.as_ref().expect("checked");
    let d = check.detail.as_ref().expect("highlight detail");
    assert!(d.keys.iter().all(|k| k.verdict == Verdict::Found), "{:?}", d.keys);
    assert!((check.score - 1.0).abs() < 1e-9, "{}", check.score);
    h.get_by_label_contains("1. found");
    h.get_by_label_contains("2. found");
    // Checked: still no label legend, since there are no labels.
    assert!(h.query_by_label_contains("Labels:").is_none());
}
