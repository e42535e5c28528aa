//! A lesson folder opens at once and is checked in the background (issue 16 §2), in the real
//! app (egui_kittest): its lessons are listed from their `+++` blocks before they are checked,
//! a lesson started meanwhile is checked on its own and plays, and the whole check, when it is
//! done, keeps the student's work and lists what is wrong with the broken files.
#![cfg(feature = "gui")]

use std::fs;
use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lateral::app::{LateralApp, Screen};
use lateral::records::progress::Store;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{harness_sized, sign_in};

/// The bundled lessons and articles in one folder, with a lesson of broken TOML.
fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("a temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["lessons", "corpus"] {
        fs::create_dir_all(d.path().join("school").join(sub)).expect("folder");
        for e in fs::read_dir(root.join(sub)).expect("bundled files") {
            let p = e.expect("entry").path();
            let to = d.path().join("school").join(sub).join(p.file_name().expect("a name"));
            fs::copy(&p, to).expect("copied");
        }
    }
    fs::write(
        d.path().join("school/lessons/99-broken.md"),
        "+++\nid = \"broken\"\ntitle = \"Half written\"\nsummary = \"Not finished yet.\"\n+++\nIntro.\n\n+++ step\nkind = \"choise\"\n+++\nWhat?\n",
    )
    .expect("written");
    d
}

mod support;

/// How many lessons the bundled folder holds.
fn bundled_lessons() -> usize {
    support::bundled_files("lessons", "md")
}

fn app(d: &Path) -> LateralApp {
    LateralApp::from_folder_unchecked(&d.join("school"), Store::new(d.join("data"))).expect("the folder exists")
}

/// Steps the app (real time passing) until the background check is done.
fn wait_for_check(h: &mut Harness<'static, LateralApp>) {
    h.state_mut().check_in_background();
    let start = std::time::Instant::now();
    while h.state().checking_lessons() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "the check never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(2);
    }
    h.run();
}

#[test]
fn a_folder_is_listed_before_it_is_checked_and_filled_in_after() {
    let d = folder();
    let mut h = harness_sized(app(d.path()), 2000.0);
    sign_in(&mut h, "Jo");
    assert_eq!(h.state().screen(), Screen::Library);
    assert!(h.state().checking_lessons());
    // Every lesson is listed, from its +++ block, and says it is being checked.
    h.get_by_label("Spot the factual conflict");
    h.get_by_label("Half written");
    h.get_by_label("Not finished yet.");
    assert_eq!(h.get_all_by_label_contains("checking…").count(), bundled_lessons() + 1);
    assert_eq!(
        h.get_all_by_label("Start")
            .filter(|b| !b.accesskit_node().is_disabled())
            .count(),
        bundled_lessons() + 1
    );

    wait_for_check(&mut h);
    assert_eq!(h.query_all_by_label_contains("checking…").count(), 0);
    // Checked: the good lessons can be started, the broken one says why it cannot.
    assert_eq!(
        h.get_all_by_label("Start")
            .filter(|b| !b.accesskit_node().is_disabled())
            .count(),
        bundled_lessons()
    );
    h.get_by_label_contains("This lesson has 1 problem and cannot be played yet");
    assert!(h.get_all_by_label_contains("`choise` is not a kind of step").count() >= 1);
}

#[test]
fn a_lesson_started_before_the_check_is_done_is_checked_alone_and_keeps_its_work_after() {
    let d = folder();
    let mut h = harness_sized(app(d.path()), 2000.0);
    sign_in(&mut h, "Jo");
    assert!(h.state().checking_lessons());
    h.get_all_by_label("Start").nth(1).expect("the second lesson").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    let s = h.state().session().expect("a lesson is open");
    assert_eq!(s.lesson.id, "conflict");
    // Only this lesson was checked; its articles are there to read.
    for id in s.lesson.steps.iter().flat_map(|st| &st.articles) {
        assert!(h.state().corpus().get(id).is_some(), "{id}");
    }
    assert!(h.state().checking_lessons());
    // Work done meanwhile survives the whole check arriving.
    h.get_by_label("Next step ▶").click();
    h.run();
    let step = h.state().session().expect("open").current;
    wait_for_check(&mut h);
    let s = h.state().session().expect("still open");
    assert_eq!(s.current, step);
    assert_eq!(h.state().notice(), None, "nothing changed on disk: nothing to say");
    assert_eq!(h.state().screen(), Screen::Player);
}

#[test]
fn a_broken_lesson_started_before_the_check_is_done_says_why_it_cannot_be_played() {
    let d = folder();
    let mut h = harness_sized(app(d.path()), 2000.0);
    sign_in(&mut h, "Jo");
    // The broken lesson, 99-broken.md, comes after the bundled ones.
    h.get_all_by_label("Start")
        .nth(bundled_lessons())
        .expect("the broken lesson")
        .click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Library);
    assert!(h.state().notice().is_some_and(|n| n.contains("cannot be played")));
    h.get_by_label_contains("This lesson has 1 problem and cannot be played yet");
    assert!(h.state().checking_lessons(), "the others are still being checked");
}

#[test]
fn a_library_of_three_hundred_lessons_draws_only_the_cards_in_view_and_scrolls_to_the_rest() {
    let d = tempfile::tempdir().expect("a temporary folder");
    let school = d.path().join("school");
    fs::create_dir_all(&school).expect("folder");
    for i in 0..300 {
        let text = format!(
            "+++\nid = \"l{i:03}\"\ntitle = \"Lesson number {i:03}\"\nsummary = \"Summary {i:03}.\"\n+++\nIntro.\n\n+++ step\nkind = \"read\"\narticles = [\"rt\"]\n+++\nRead it.\n"
        );
        fs::write(school.join(format!("{i:03}.md")), text).expect("written");
    }
    let app = LateralApp::from_folder_unchecked(&school, Store::new(d.path().join("data"))).expect("exists");
    let mut h = harness_sized(app, 1000.0);
    sign_in(&mut h, "Jo");
    h.run();
    let drawn = h.state().library_rows_drawn();
    assert!((5..60).contains(&drawn), "{drawn} of 300 rows drawn");
    h.get_by_label("Lesson number 000");
    assert!(
        h.query_by_label("Lesson number 299").is_none(),
        "far out of view: not drawn"
    );
    // Scroll down about 60 cards' worth: later lessons are drawn, the first no longer.
    for _ in 0..60 {
        h.get_all_by_label("Start")
            .last()
            .expect("a card in view")
            .scroll_down();
        h.run();
    }
    assert!(h.query_by_label("Lesson number 000").is_none());
    assert!(
        (40..80).any(|i| h.query_by_label(&format!("Lesson number {i:03}")).is_some()),
        "the cards scrolled to are drawn"
    );
    assert!(h.state().library_rows_drawn() < 60);
}
