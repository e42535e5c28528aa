//! The run loop without a window: commands move between screens, and a screen's state lives
//! only as long as it makes sense.

use super::*;
use egui_kittest::kittest::Queryable as _;

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
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = Some(dialogs::Answer::Path(story.clone())));
    h.get_by_label("Choose file…").click();
    h.run();
    let form = h.state().teacher().import_form();
    assert_eq!(form.meta().headline, "Bridge closes for repairs");
    assert!(form.pasted().contains("close for six weeks"), "{:?}", form.message());
    assert!(!h.state().teacher().choosing_import_file());
}

/// A lesson on an article of its own, as a teacher's files.
const GIVEN_LESSON: &str = "+++\nid = \"bridge\"\ntitle = \"The bridge\"\n+++\nIntro.\n\n\
+++ step\nkind = \"read\"\narticles = [\"bridge-news\"]\n+++\nRead the article.\n";
const GIVEN_TEXT: &str = "The old bridge will close for six weeks, the council said on Monday.\n";
const GIVEN_META: &str = "id = \"bridge-news\"\noutlet = \"Test Gazette\"\nheadline = \"Bridge closes\"\noutlet_kind = \"A made-up local paper\"\n";

fn given(files: &[(&str, &str)], folder: bool) -> dialogs::Answer {
    dialogs::Answer::Given(dialogs::Given {
        files: files
            .iter()
            .map(|(n, t)| crate::files::given::GivenFile::new(n, t.as_bytes().to_vec()))
            .collect(),
        refused: Vec::new(),
        folder,
    })
}

fn library_harness(a: LateralApp) -> egui_kittest::Harness<'static, LateralApp> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(theme::install_fonts)
        .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), a);
    h.run();
    h
}

#[test]
fn lesson_files_picked_in_a_browser_open_as_a_library_and_play() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    let mut h = library_harness(a);
    dialogs::TEST_ANSWER.with(|t| {
        *t.borrow_mut() = Some(given(
            &[
                ("bridge.md", GIVEN_LESSON),
                ("bridge-news.txt", GIVEN_TEXT),
                ("bridge-news.toml", GIVEN_META),
            ],
            false,
        ))
    });
    h.get_by_label("Open lesson files…").click();
    h.run();
    assert_eq!(h.state().shared.source, Source::Given("the 3 files you picked".into()));
    let titles: Vec<String> = h
        .state()
        .shared
        .library
        .lessons
        .iter()
        .filter_map(|l| l.lesson.as_ref())
        .map(|l| l.title.clone())
        .collect();
    assert_eq!(titles, ["The bridge"]);
    h.get_by_label("from the 3 files you picked");
    // Regression: a lesson of reading steps only was listed as "1 step · ".
    h.get_by_label("1 step");
    h.get_by_label("The bridge").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    assert_eq!(h.state().session().map(|s| s.lesson.id.as_str()), Some("bridge"));
    // Back to the bundled lessons by the button beside the label.
    h.state_mut().run_cmd(Command::ToLibrary, 0.0);
    h.run();
    h.get_by_label("Bundled lessons").click();
    h.run();
    assert_eq!(h.state().shared.source, Source::Bundled);
}

#[test]
fn a_folder_picked_in_a_browser_passes_over_notes_and_reports_broken_files() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    let mut h = library_harness(a);
    dialogs::TEST_ANSWER.with(|t| {
        *t.borrow_mut() = Some(given(
            &[
                ("class/README.md", "# Notes\n"),
                ("class/bridge.md", GIVEN_LESSON),
                ("class/corpus/bridge-news.txt", GIVEN_TEXT),
                ("class/corpus/bridge-news.toml", GIVEN_META),
                ("class/corpus/orphan.txt", GIVEN_TEXT),
            ],
            true,
        ))
    });
    h.get_by_label("Open lesson folder…").click();
    h.run();
    h.get_by_label("from class");
    let lib = &h.state().shared.library;
    assert_eq!(lib.lessons.len(), 1, "README.md is not a lesson");
    assert!(lib.lessons[0].is_playable());
    let problems: Vec<String> = lib
        .all_diagnostics()
        .iter()
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect();
    assert_eq!(problems, ["class/corpus/orphan.txt: this article has no metadata file"]);
}

#[test]
fn an_exam_pack_picked_in_a_browser_opens_without_keys() {
    let d = tempfile::tempdir().expect("tempdir");
    let lib = crate::lesson::library::load_given(
        vec![
            crate::files::given::GivenFile::new("bridge.md", GIVEN_LESSON.as_bytes().to_vec()),
            crate::files::given::GivenFile::new("bridge-news.txt", GIVEN_TEXT.as_bytes().to_vec()),
            crate::files::given::GivenFile::new("bridge-news.toml", GIVEN_META.as_bytes().to_vec()),
        ],
        false,
    );
    let lesson = lib.lessons[0].lesson.clone().expect("a lesson");
    let pack = crate::records::pack::make_pack(&[lesson], &lib.corpus).to_json();
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    let mut h = library_harness(a);
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = Some(given(&[("week3.lateral-exam", &pack)], false)));
    h.get_by_label("Open lesson files…").click();
    h.run();
    assert_eq!(h.state().shared.source, Source::Given("week3.lateral-exam".into()));
    let l = h.state().shared.library.lessons[0]
        .lesson
        .as_ref()
        .expect("the pack's lesson");
    assert_eq!(l.id, "bridge");
}

#[test]
fn files_that_hold_no_lesson_leave_the_library_as_it_was_and_say_why() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(d.path());
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    let before = a.shared.library.lessons.len();
    let mut h = library_harness(a);
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = Some(given(&[("notes.md", "no block")], true)));
    h.get_by_label("Open lesson folder…").click();
    h.run();
    assert_eq!(h.state().shared.source, Source::Bundled);
    assert_eq!(h.state().shared.library.lessons.len(), before);
    let notice = h.state().notice().expect("a notice").to_string();
    assert!(notice.starts_with("The file you picked is not a lesson"), "{notice}");
}

#[test]
fn a_file_uploaded_for_import_fills_the_form() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(&d.path().join("data"));
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    enter_teacher(&mut a);
    let mut h = library_harness(a);
    h.get_by_label("Import an article…").click();
    h.run();
    let page = "<html><head><title>Bridge closes</title></head><body><h1>Bridge closes for repairs</h1>\
         <p>The old bridge will close for six weeks, the council said on Monday.</p></body></html>";
    dialogs::TEST_ANSWER.with(|t| *t.borrow_mut() = Some(given(&[("Downloads/bridge.html", page)], false)));
    h.get_by_label("Choose file…").click();
    h.run();
    let form = h.state().teacher().import_form();
    assert_eq!(form.meta().headline, "Bridge closes for repairs");
    assert_eq!(
        form.meta().imported_from.as_deref(),
        Some("bridge.html"),
        "the file's name, not its folders"
    );
    assert!(form.pasted().contains("close for six weeks"), "{:?}", form.message());
}

#[test]
fn a_lesson_picked_in_a_browser_opens_in_the_editor_from_the_text_handed_over() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut a = app(&d.path().join("data"));
    a.run_cmd(Command::PickStudent("Ana".into()), 0.0);
    a.open_given(
        match given(
            &[
                ("class/bridge.md", GIVEN_LESSON),
                ("class/corpus/bridge-news.txt", GIVEN_TEXT),
                ("class/corpus/bridge-news.toml", GIVEN_META),
            ],
            true,
        ) {
            dialogs::Answer::Given(g) => g,
            dialogs::Answer::Path(_) => unreachable!(),
        },
    );
    enter_teacher(&mut a);
    a.run_cmd(Command::Teacher(TeacherCmd::Open(0)), 0.0);
    let editor = a.teacher().editor().expect("the lesson is open for editing");
    assert_eq!(
        editor.draft.to_text(),
        GIVEN_LESSON,
        "the text as it was picked, byte for byte"
    );
    assert_eq!(
        editor.path_text, "bridge.md",
        "saved (in a browser: downloaded) under the name it was picked by"
    );
    assert_eq!(a.notice(), None);
}
