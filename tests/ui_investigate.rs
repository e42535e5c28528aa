//! An investigate step in the player, driven through its widgets: the card titles are buttons,
//! one card opens at a time, and which cards were opened, in what order and for how long is the
//! student's work (saved in the results file).
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lateral::app::{LateralApp, Screen, Source};
use lateral::records::progress::Store;
use lateral::records::results::Results;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{harness_sized, sign_in};

fn open_capstone_step(h: &mut Harness<'static, LateralApp>, title: &str) {
    sign_in(h, "Noor");
    // The capstone is the last of the five bundled lessons.
    h.get_all_by_label("Start").nth(4).expect("its Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    assert_eq!(h.state().session().expect("open").lesson.id, "lateral-reading");
    h.get_by_label_contains(title).click();
    h.run();
    assert_eq!(h.state().session().expect("open").step().title, title);
}

/// Lets `secs` of simulated time pass (the harness steps 0.1 s a frame).
fn wait(h: &mut Harness<'static, LateralApp>, secs: f64) {
    for _ in 0..(secs * 10.0).round() as usize {
        h.step();
    }
}

#[test]
fn cards_open_one_at_a_time_and_each_lookup_is_recorded_with_its_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = LateralApp::new(LateralApp::bundled_library(), Source::Bundled, Store::new(dir.path()));
    let mut h = harness_sized(app, 1600.0);
    open_capstone_step(&mut h, "Who is behind these two pages?");
    // Before: only the questions, none of the facts.
    h.get_by_label_contains("Who funds RT?");
    h.get_by_label_contains("Who runs this site?");
    assert!(h.query_by_label_contains("funded by the Russian state").is_none());
    h.get_by_label_contains("Who funds RT?").click();
    h.run();
    h.get_by_label_contains("funded by the Russian state");
    h.get_by_label_contains("Source: Ofcom");
    wait(&mut h, 3.0);
    // Opening another card closes the first, with the time it was open.
    h.get_by_label_contains("Who runs this site?").click();
    h.run();
    assert!(h.query_by_label_contains("funded by the Russian state").is_none());
    h.get_by_label_contains("no link to an ‘About’ or contact page");
    wait(&mut h, 2.0);
    // Leaving the step closes the open card.
    h.get_by_label_contains("Next step").click();
    h.run();
    let s = h.state().session().expect("open");
    let i = s
        .lesson
        .steps
        .iter()
        .position(|st| st.id == "rt-and-unnamed")
        .expect("step");
    let got: Vec<(&str, &str, u32)> = s.steps[i]
        .lookups
        .iter()
        .map(|l| (l.article.as_str(), l.card.as_str(), l.seconds))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), ("rt", "funding"));
    assert_eq!((got[1].0, got[1].1), ("unnamed-site", "owner"));
    assert!((2..=4).contains(&got[0].2), "{got:?}");
    assert!((1..=3).contains(&got[1].2), "{got:?}");
    // The lookups are part of the work handed in.
    let json = Results::from_session(s).to_json();
    assert!(json.contains("\"card\": \"funding\""), "{json}");
}

#[test]
fn an_opened_card_is_ticked_and_clicking_it_again_closes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = LateralApp::new(LateralApp::bundled_library(), Source::Bundled, Store::new(dir.path()));
    let mut h = harness_sized(app, 1600.0);
    open_capstone_step(&mut h, "Who is behind the Saitarli page?");
    h.get_by_label_contains("▶ Who is the author?").click();
    h.run();
    h.get_by_label_contains("▼ Who is the author?");
    h.get_by_label_contains("▼ Who is the author?").click();
    h.run();
    h.get_by_label_contains("✓ Who is the author?");
    assert!(h.query_by_label_contains("not an independent reference").is_none());
    let s = h.state().session().expect("open");
    assert_eq!(s.state().lookups.len(), 1);
}
