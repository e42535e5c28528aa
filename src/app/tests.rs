//! The run loop without a window: commands move between screens, and a screen's state lives
//! only as long as it makes sense.

use super::*;

fn app(dir: &std::path::Path) -> LateralApp {
    LateralApp::new(LateralApp::bundled_library(), Source::Bundled, Store::new(dir))
}

/// Into the teacher's view, the PIN step done (the PIN dialog has its own tests in tests/ui.rs).
fn enter_teacher(a: &mut LateralApp) {
    a.unlock_teacher();
    a.run_cmd(Command::TeacherView, 0.0);
    assert_eq!(a.screen(), Screen::Teacher);
}

#[test]
fn a_lesson_is_open_only_between_opening_it_and_leaving_it() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    assert_eq!((a.screen(), a.session().is_none()), (Screen::Library, true));
    a.run_cmd(Command::Library(LibraryCmd::Open(0)), 0.0);
    assert_eq!(a.screen(), Screen::Player);
    a.run_cmd(Command::Finish, 0.0);
    assert_eq!(a.screen(), Screen::Summary);
    // "Back to the lesson" from the summary.
    a.run_cmd(Command::Player(PlayerCmd::GoToStep(1)), 0.0);
    assert_eq!((a.screen(), a.session().map(|s| s.current)), (Screen::Player, Some(1)));
    a.run_cmd(Command::ToLibrary, 0.0);
    assert!(a.session().is_none() && a.summary.is_none());
}

#[test]
fn a_preview_ends_with_its_lesson_and_the_draft_outlives_it() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    enter_teacher(&mut a);
    a.run_cmd(Command::Teacher(TeacherCmd::Open(0)), 0.0);
    a.run_cmd(Command::Teacher(TeacherCmd::Edit(EditCmd::Preview)), 0.0);
    assert!(a.previewing() && a.screen() == Screen::Player);
    a.run_cmd(Command::Finish, 0.0);
    a.run_cmd(Command::ToLibrary, 0.0);
    assert!(
        !a.previewing(),
        "a preview left for the lessons is over (and saving works again)"
    );
    a.run_cmd(Command::TeacherView, 0.0);
    assert!(
        a.asking_for_pin(),
        "left for the lessons, the teacher view asks for the PIN again"
    );
    enter_teacher(&mut a);
    assert!(a.teacher().editor().is_some(), "the draft is still open");
}

#[test]
fn work_is_saved_after_a_change_and_not_in_a_preview() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    a.run_cmd(Command::Library(LibraryCmd::Open(0)), 0.0);
    a.run_cmd(Command::Player(PlayerCmd::GoToStep(1)), 0.0);
    a.run_cmd(Command::ToLibrary, 0.0);
    assert_eq!(a.saves(), 1);
    enter_teacher(&mut a);
    a.run_cmd(Command::Teacher(TeacherCmd::Open(0)), 0.0);
    a.run_cmd(Command::Teacher(TeacherCmd::Edit(EditCmd::Preview)), 0.0);
    a.run_cmd(Command::Player(PlayerCmd::GoToStep(2)), 0.0);
    a.run_cmd(Command::BackToEditing, 0.0);
    assert_eq!((a.saves(), a.screen()), (1, Screen::Teacher));
}

#[test]
fn the_teacher_and_class_views_obey_only_behind_the_pin() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    a.run_cmd(Command::TeacherView, 0.0);
    assert!(a.asking_for_pin() && a.screen() == Screen::Library);
    for c in [
        Command::Teacher(TeacherCmd::Open(0)),
        Command::ClassView,
        Command::BackToEditing,
    ] {
        a.run_cmd(c.clone(), 0.0);
        assert_eq!(a.screen(), Screen::Library, "{c:?}");
    }
    assert!(a.teacher().editor().is_none());
    a.run_cmd(Command::Pin(PinCmd::Cancel), 0.0);
    assert!(!a.asking_for_pin() && a.screen() == Screen::Library);
}

/// "Choose file…" in the import form opens a file dialog (on its own thread, answered at once in
/// unit tests), and the file chosen fills the form and is read, as "Read the file" would.
#[test]
fn a_file_chosen_in_the_import_dialog_fills_the_form_and_is_read() {
    use egui_kittest::kittest::Queryable;
    let d = tempfile::tempdir().expect("tempdir");
    let story = d.path().join("story.html");
    std::fs::write(
        &story,
        "<html><head><title>Bridge closes</title></head><body><h1>Bridge closes for repairs</h1>\
         <p>The old bridge will close for six weeks, the council said on Monday.</p></body></html>",
    )
    .expect("write");
    let mut a = app(&d.path().join("data"));
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    enter_teacher(&mut a);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(theme::install_fonts)
        .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), a);
    h.run();
    h.get_by_label("Import an article…").click();
    h.run();
    // Cancelled: nothing changes, and the button is back.
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = None);
    h.get_by_label("Choose file…").click();
    h.step();
    assert!(h.state().teacher().choosing_import_file(), "the dialog is pending");
    h.run();
    assert!(!h.state().teacher().choosing_import_file());
    assert!(h.state().teacher().import_form().pasted().is_empty());
    // Chosen: the path fills the form, and the file is read.
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = Some(story.clone()));
    h.get_by_label("Choose file…").click();
    h.run();
    let form = h.state().teacher().import_form();
    assert_eq!(form.meta().headline, "Bridge closes for repairs");
    assert!(form.pasted().contains("close for six weeks"), "{:?}", form.message());
    assert!(!h.state().teacher().choosing_import_file());
}
