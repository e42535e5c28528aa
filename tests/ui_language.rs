//! The UI's language (issue 17 §1), in the real app (egui_kittest): the language menu changes
//! every string at once without a restart; the choice is the laptop's and each student's own,
//! and comes back with the student.
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;

use lateral::app::{Command, LateralApp, Screen};
use lateral::i18n::Locale;
use lateral::records::progress::Store;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{harness_sized, sign_in};

fn pick_language(h: &mut egui_kittest::Harness<'static, LateralApp>, menu: &str, language: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(language).click();
    h.run();
}

#[test]
fn the_language_menu_changes_the_ui_at_once_and_each_student_keeps_theirs() {
    let d = tempfile::tempdir().expect("tmp");
    let store = Store::new(d.path().join("data"));
    let app = LateralApp::new(
        LateralApp::bundled_library(),
        lateral::app::Source::Bundled,
        store.clone(),
    );
    let mut h = harness_sized(app, 800.0);
    h.run();
    assert_eq!(h.state().locale(), Locale::En);
    sign_in(&mut h, "Ana");
    assert_eq!(h.state().screen(), Screen::Library);
    h.get_by_label("Lessons");

    // Ana picks Polish: the library speaks Polish on the next frame, no restart.
    pick_language(&mut h, "Language", "Polski");
    assert_eq!(h.state().locale(), Locale::Pl);
    h.get_by_label("Lekcje");
    h.get_by_label("Otwórz folder lekcji…");
    assert!(h.query_by_label("Lessons").is_none(), "English is gone");
    assert_eq!(store.student_locale("Ana"), Some(Locale::Pl));
    assert_eq!(store.load_settings().locale(), Some(Locale::Pl));

    // Bogdan, new on this laptop, gets the laptop's language and picks Ukrainian.
    h.state_mut().run_cmd(Command::SwitchStudent, 0.0);
    h.run();
    h.state_mut().run_cmd(Command::PickStudent("Bogdan".into()), 0.0);
    h.run();
    assert_eq!(h.state().locale(), Locale::Pl);
    pick_language(&mut h, "Język", "Українська");
    h.get_by_label("Уроки");
    assert_eq!(store.student_locale("Bogdan"), Some(Locale::Uk));

    // Ana comes back: her Polish comes back with her.
    h.state_mut().run_cmd(Command::SwitchStudent, 0.0);
    h.run();
    h.state_mut().run_cmd(Command::PickStudent("Ana".into()), 0.0);
    h.run();
    assert_eq!(h.state().locale(), Locale::Pl);
    h.get_by_label("Lekcje");
    drop(h);

    // A new start on this laptop speaks the language chosen last, before anyone signs in.
    let app = LateralApp::new(
        LateralApp::bundled_library(),
        lateral::app::Source::Bundled,
        store.clone(),
    );
    assert_eq!(app.locale(), Locale::Uk);
    assert_eq!(
        app.with_system_locale().locale(),
        Locale::Uk,
        "a choice beats the system's language"
    );
}

#[test]
fn a_lesson_played_in_polish_shows_polish_buttons_and_built_in_labels() {
    let d = tempfile::tempdir().expect("tmp");
    let store = Store::new(d.path().join("data"));
    let app =
        LateralApp::new(LateralApp::bundled_library(), lateral::app::Source::Bundled, store).with_locale(Locale::Pl);
    let mut h = harness_sized(app, 800.0);
    h.run();
    h.state_mut().run_cmd(Command::PickStudent("Ana".into()), 0.0);
    h.run();
    h.get_by_label("Lekcje");
    h.get_all_by_label("Zacznij").next().expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    h.get_by_label("Zakończ lekcję");
    // The machine step: the built-in labels in Polish, the lesson's own words as written.
    h.state_mut()
        .run_cmd(Command::Player(lateral::app::PlayerCmd::GoToStep(2)), 0.0);
    h.run();
    h.get_by_label("Sprawdź");
    h.get_by_label("1 Ujawnienie");
}
