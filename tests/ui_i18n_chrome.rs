//! The app's frame in Polish and Ukrainian (issue 17 §1): the student picker, the top bar, the
//! keyboard help, the teacher PIN dialog, the name a student may not use, and what a screen
//! reader hears after Check, driven through the real widgets by their (translated) labels. Each
//! app starts in the language the test gives it (`LateralApp::with_locale`).
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lateral::app::{Command, LateralApp, LibraryCmd, PlayerCmd, Screen, Source};
use lateral::i18n::{self, Locale};
use lateral::records::progress::Store;
use lateral::text::Span;
use lateral::tr;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{harness_sized, type_into};

type H = Harness<'static, LateralApp>;

fn harness(store: &Store, locale: Locale) -> H {
    harness_sized(
        LateralApp::new(LateralApp::bundled_library(), Source::Bundled, store.clone()).with_locale(locale),
        2600.0,
    )
}

/// Types `name` into the picker's name box (labelled `label`) and presses `start`.
fn sign_in_as(h: &mut H, label: &str, start: &str, name: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(name);
    h.run();
    h.get_by_label(start).click();
    h.run();
}

#[test]
fn the_student_picker_and_the_top_bar_speak_polish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::Pl);
    h.get_by_label("Kto dziś czyta?");
    h.get_by_label_contains("Wpisz swoje imię, aby zacząć.");
    h.get_by_label_contains("Bez haseł");
    h.get_by_label("Widok nauczyciela");
    h.get_by_label("Skróty");
    h.get_by_label("Ciemny motyw");
    // No English left on the screen's own widgets.
    assert!(h.query_by_label("Who is reading today?").is_none());
    assert!(h.query_by_label("Start").is_none());
    sign_in_as(&mut h, "Imię:", "Zacznij", "Ana");
    assert_eq!(h.state().screen(), Screen::Library);
    h.get_by_label("Uczeń: Ana");
    h.get_by_label("Zmień ucznia").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Students);
    // The name saved is offered to pick.
    h.get_by_label("Wybierz swoje imię:");
    h.get_by_label("Albo wpisz nowe imię:");
}

#[test]
fn a_name_the_store_refuses_is_explained_in_the_students_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::Pl);
    h.get_by_label("Zacznij").click();
    h.run();
    assert_eq!(h.state().notice(), Some("Najpierw wpisz imię."));
    sign_in_as(&mut h, "Imię:", "Zacznij", "A\u{200B}na");
    assert_eq!(h.state().screen(), Screen::Students);
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(
        notice.starts_with("Imię nie może zawierać niewidocznego znaku") && notice.contains("U+200B"),
        "{notice}"
    );
    h.state_mut().run_cmd(Command::SetLocale(Locale::Uk), 0.0);
    let long = "я".repeat(61);
    h.state_mut().run_cmd(Command::PickStudent(long), 0.0);
    assert_eq!(h.state().notice(), Some("Це ім’я задовге (щонайбільше 60 літер)."));
}

#[test]
fn a_refused_name_reads_in_english_as_the_store_says_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::En);
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(h.state().notice(), Some("Type a name first."));
    h.state_mut().run_cmd(Command::PickStudent("x".repeat(61)), 0.0);
    assert_eq!(h.state().notice(), Some("That name is too long (60 letters at most)."));
    h.state_mut().run_cmd(Command::PickStudent("A\u{0007}na".into()), 0.0);
    assert_eq!(
        h.state().notice(),
        Some("A name cannot contain the invisible character U+0007.")
    );
}

#[test]
fn the_keyboard_help_speaks_ukrainian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::Uk);
    h.get_by_label("Клавіші").click();
    h.run();
    assert!(h.state().help_open());
    h.get_by_label("Гарячі клавіші");
    h.get_by_label("Усюди");
    assert_eq!(h.get_all_by_label("Enter або пробіл").count(), 2);
    h.get_by_label("Показати підказку");
    // Key names stay as on the keyboard.
    h.get_by_label("Ctrl+Enter");
    h.get_by_label("Закрити").click();
    h.run();
    assert!(!h.state().help_open());
}

#[test]
fn the_teacher_pin_dialog_speaks_polish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::Pl);
    h.get_by_label("Widok nauczyciela").click();
    h.run();
    h.get_by_label("Ustaw PIN nauczyciela");
    h.get_by_label_contains("Zapomniany PIN?");
    h.get_by_label_contains("od 4 do 12 cyfr");
    type_into(&mut h, "Nowy PIN:", "246");
    type_into(&mut h, "Powtórz PIN:", "246");
    h.get_by_label("Ustaw PIN i otwórz").click();
    h.run();
    h.get_by_label("PIN ma od 4 do 12 cyfr, a wpisany ma 3.");
    type_into(&mut h, "Nowy PIN:", "12a4");
    type_into(&mut h, "Powtórz PIN:", "12a4");
    h.get_by_label("Ustaw PIN i otwórz").click();
    h.run();
    h.get_by_label("PIN to od 4 do 12 cyfr (0–9) i nic poza nimi.");
    type_into(&mut h, "Nowy PIN:", "24680");
    type_into(&mut h, "Powtórz PIN:", "24681");
    h.get_by_label("Ustaw PIN i otwórz").click();
    h.run();
    h.get_by_label("Wpisane PIN-y się różnią. Proszę dwa razy wpisać ten sam PIN.");
    assert_eq!(h.state().screen(), Screen::Students);
    h.get_by_label("Anuluj").click();
    h.run();
    assert!(!h.state().asking_for_pin());
}

/// Opens the first bundled lesson as `name` (through the run loop: the library's own buttons are
/// another area's).
fn open_first_lesson(h: &mut H, name: &str) {
    h.state_mut().run_cmd(Command::PickStudent(name.into()), 0.0);
    h.state_mut().run_cmd(Command::Library(LibraryCmd::Open(0)), 0.0);
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
}

#[test]
fn the_announcement_after_check_counts_extras_with_polish_plurals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()), Locale::Pl);
    open_first_lesson(&mut h, "Ana");
    h.get_by_label("◀ Lekcje");
    let s = h.state().session().expect("session");
    let step = s
        .lesson
        .steps
        .iter()
        .position(|st| st.title == "Signs of a machine")
        .expect("the step");
    h.state_mut().run_cmd(Command::Player(PlayerCmd::GoToStep(step)), 0.0);
    h.run();
    // Two highlights on words far from every key passage of the first article.
    let s = h.state_mut().session_mut().expect("session");
    let article = s.articles()[0].id().to_string();
    let keys: Vec<Span> = s
        .step()
        .keys()
        .iter()
        .filter(|k| k.article == article)
        .map(|k| k.allowed)
        .collect();
    let far: Vec<Span> = s.articles()[0]
        .words
        .iter()
        .map(|w| Span::new(w.start, w.end))
        .filter(|w| keys.iter().all(|k| w.end + 40 < k.start || w.start > k.end + 40))
        .collect();
    assert!(far.len() > 10, "the article has words far from the keys");
    s.add_highlight(0, far[0], None);
    s.add_highlight(0, far[far.len() - 1], None);
    let _ = s.check();
    let extras = lateral::grading::feedback::checked_view(s).map_or(0, |v| v.extras.len());
    assert_eq!(extras, 2);
    h.run();
    let said = h.get_by_role(Role::Status).accesskit_node().label().unwrap_or_default();
    assert!(said.starts_with("Wyniki sprawdzenia. "), "{said}");
    assert!(said.ends_with(" 2 podkreślenia spoza klucza."), "{said}");
}

#[test]
fn counted_messages_take_each_languages_plural_forms() {
    let extras = |locale, n: usize| i18n::with_locale(locale, || tr!("chrome-announce-extras", n = n));
    assert_eq!(extras(Locale::En, 1), "1 highlight not in the key.");
    assert_eq!(extras(Locale::En, 5), "5 highlights not in the key.");
    assert_eq!(extras(Locale::Pl, 1), "1 podkreślenie spoza klucza.");
    assert_eq!(extras(Locale::Pl, 3), "3 podkreślenia spoza klucza.");
    assert_eq!(extras(Locale::Pl, 5), "5 podkreśleń spoza klucza.");
    assert_eq!(extras(Locale::Pl, 22), "22 podkreślenia spoza klucza.");
    assert_eq!(extras(Locale::Uk, 1), "1 виділення поза ключем.");
    assert_eq!(extras(Locale::Uk, 21), "21 виділення поза ключем.");
    assert_eq!(extras(Locale::Uk, 11), "11 виділень поза ключем.");
    let zoom = |locale| i18n::with_locale(locale, || tr!("chrome-zoom", percent = i18n::percent(1.25)));
    assert_eq!(zoom(Locale::En), "Zoom 125%");
    assert_eq!(zoom(Locale::Pl), "Powiększenie 125\u{a0}%");
}

/// In `locale`: where the top bar's last control (the theme button) ends, and whether it is on
/// the bar's first row (with the app's name).
fn top_bar_end(h: &mut H, locale: Locale) -> (f32, bool) {
    h.state_mut().run_cmd(Command::SetLocale(locale), 0.0);
    // A few frames: the groups are placed by the widths they took the frame before.
    for _ in 0..3 {
        h.run();
    }
    let theme = h
        .get_by_label(&i18n::with_locale(locale, || tr!("chrome-dark-theme")))
        .rect();
    let name = h.get_by_label("Lateral").rect();
    h.state_mut().run_cmd(Command::SetLocale(Locale::En), 0.0);
    h.run();
    (theme.max.x, name.y_range().contains(theme.center().y))
}

#[test]
fn the_top_bar_fits_in_every_language_at_100_125_and_150_percent() {
    // 1366×768 at 100 % (one row), 125 % and 150 % (911 wide: where one row has no room, the
    // settings take a second row).
    for w in [1366.0_f32, 1093.0, 911.0] {
        let dir = tempfile::tempdir().expect("tempdir");
        let app = LateralApp::new(LateralApp::bundled_library(), Source::Bundled, Store::new(dir.path()));
        let mut h = Harness::builder()
            .with_size(egui::vec2(w, 768.0))
            .with_step_dt(0.1)
            .with_max_steps(12)
            .with_context_setup(lateral::app::theme::install_fonts)
            .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), app);
        // A long name, as a class list has them.
        h.state_mut()
            .run_cmd(Command::PickStudent("Aleksandra Wiśniewska".into()), 0.0);
        h.run();
        for locale in Locale::ALL {
            let (end, one_row) = top_bar_end(&mut h, locale);
            assert!(end <= w, "{locale:?} at {w}: the library's top bar ends at {end}");
            assert!(
                one_row || w < 1366.0,
                "{locale:?} at {w}: the library's top bar has two rows"
            );
        }
        h.state_mut().run_cmd(Command::Library(LibraryCmd::Open(0)), 0.0);
        for locale in Locale::ALL {
            let (end, one_row) = top_bar_end(&mut h, locale);
            assert!(end <= w, "{locale:?} at {w}: the player's top bar ends at {end}");
            assert!(
                one_row || w < 1366.0,
                "{locale:?} at {w}: the player's top bar has two rows"
            );
        }
        h.state_mut().run_cmd(Command::ToLibrary, 0.0);
        h.run();
        ui_support::enter_teacher_view(&mut h);
        for locale in Locale::ALL {
            let (end, one_row) = top_bar_end(&mut h, locale);
            assert!(end <= w, "{locale:?} at {w}: the teacher view's top bar ends at {end}");
            assert!(
                one_row || w < 1366.0,
                "{locale:?} at {w}: the teacher view's top bar has two rows"
            );
        }
    }
}
