//! A lesson on an article whose metadata has an error (issue 15 §1), in the real app
//! (egui_kittest): the library agrees with `lateral check` that it is not ready to play, and its
//! card says why, naming the article's file and the place in it.
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;

use lateral::app::{LateralApp, Source};
use lateral::records::progress::Store;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{harness_sized, sign_in};

#[test]
fn a_lesson_on_an_article_with_a_bad_date_is_not_ready_to_play_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("lessons");
    std::fs::create_dir_all(folder.join("corpus")).expect("dir");
    std::fs::write(
        folder.join("corpus/fresh.txt"),
        "The council voted to close the library.\n",
    )
    .expect("written");
    std::fs::write(
        folder.join("corpus/fresh.toml"),
        "id = \"fresh\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"K\"\ndate = \"2022-13-45\"\n",
    )
    .expect("written");
    std::fs::write(
        folder.join("new.md"),
        "+++\ntitle = \"On a new article\"\n+++\nIntro.\n\n+++ step\nkind = \"read\"\narticles = [\"fresh\"]\n+++\nRead it.\n",
    )
    .expect("written");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&folder), &[]).expect("loads");
    let lf = &lib.lessons[0];
    assert!(
        lf.diagnostics.is_empty(),
        "the lesson itself is clean: {:#?}",
        lf.diagnostics
    );
    assert!(!lf.is_playable(), "its article has an error, as `lateral check` says");
    let app = LateralApp::new(lib, Source::Folder(folder), Store::new(dir.path().join("data")));
    let mut h = harness_sized(app, 1200.0);
    sign_in(&mut h, "Ana");
    h.get_by_label_contains("This lesson has 1 problem and cannot be played yet");
    h.get_by_label_contains("fresh.toml: line 5, column 8: `2022-13-45` is not a real date");
}
