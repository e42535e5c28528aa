//! The student app, driven through its real widgets by their accessible labels (egui_kittest):
//! pick a student, open a lesson, drag across a phrase, pick a label, press Check; keyboard-only
//! highlighting; undo and redo; and a restart that finds the same highlights.
#![cfg(feature = "gui")]

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lateral::app::{LateralApp, Screen, Source};
use lateral::grading::score::Verdict;
use lateral::records::progress::Store;
use lateral::text::Span;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{PIN, drag_across, enter_teacher_view, harness_sized, key, sign_in, type_into};

fn app(store: &Store) -> LateralApp {
    LateralApp::new(LateralApp::bundled_library(), Source::Bundled, store.clone())
}

fn harness(app: LateralApp) -> Harness<'static, LateralApp> {
    harness_sized(app, 2600.0)
}

/// Types a name, presses Start, and opens the first lesson.
fn start_first_lesson(h: &mut Harness<'static, LateralApp>, name: &str) {
    sign_in(h, name);
    assert_eq!(h.state().screen(), Screen::Library);
    open_lesson(h, 0);
}

/// Presses the Start button of library lesson `n`.
fn open_lesson(h: &mut Harness<'static, LateralApp>, n: usize) {
    h.get_all_by_label("Start").nth(n).expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
}

fn go_to_step(h: &mut Harness<'static, LateralApp>, title: &str) {
    h.get_by_label_contains(title).click();
    h.run();
    let cur = h.state().session().expect("a lesson is open").step().title.clone();
    assert_eq!(cur, title);
}

#[test]
fn pick_student_open_lesson_drag_label_and_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    start_first_lesson(&mut h, "Ana");
    go_to_step(&mut h, "Signs of a machine");

    // Pick the label, then drag across the disclosure line.
    h.get_by_label("1 Disclosure").click();
    h.run();
    let (a, span) = key(&h, "This article was created by Artificial Intelligence");
    drag_across(&mut h, a, span);
    let marks = h.state().session().expect("session").state().marks.clone();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0].span, span);
    assert_eq!(marks[0].label.as_deref(), Some("disclosure"));

    // A second highlight with the wrong label: "Source: CNN" as template residue.
    h.get_by_label("3 Template residue").click();
    h.run();
    let (a2, span2) = key(&h, "Source: CNN");
    drag_across(&mut h, a2, span2);

    h.get_by_label("Check").click();
    h.run();
    let s = h.state().session().expect("session");
    let check = s.state().checked.as_ref().expect("checked");
    let d = check.detail.as_ref().expect("highlight detail");
    assert_eq!(d.keys[0].verdict, Verdict::Found);
    assert_eq!(d.keys[1].verdict, Verdict::Partly);
    assert_eq!(d.keys[2].verdict, Verdict::Missed);
    assert!(check.score > 0.0 && check.score < 1.0);
    // The results list says so, in words.
    h.get_by_label_contains("1. found");
    h.get_by_label_contains("2. partly found (right place, wrong label)");
    h.get_by_label_contains("3. missed");
}

#[test]
fn a_click_on_a_word_highlights_it_and_a_drag_snaps_to_whole_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Ben");
    go_to_step(&mut h, "Who fired the missile?");
    let (a, span) = key(&h, "the strike was probably launched by Ukrainian air defenses");
    // Drag from the middle of "strike" to the middle of "launched": snaps to whole words.
    let inner = Span::new(span.start + 6, span.start + 30);
    drag_across(&mut h, a, inner);
    let m = h.state().session().expect("session").state().marks.clone();
    let art = h.state().session().expect("session").articles()[a].clone();
    assert_eq!(art.slice(m[0].span), "strike was probably launched");
    // A click on one word highlights that word.
    let (b, other) = key(&h, "was likely a Russian missile");
    let word = Span::new(other.start + 13, other.start + 20); // "Russian"
    let pos = h
        .state()
        .player_view(b)
        .expect("a lesson is open")
        .span_center(word)
        .expect("on screen");
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.drop_at(pos);
    h.run();
    let s = h.state().session().expect("session");
    let m = &s.state().marks;
    assert_eq!(m.len(), 2);
    assert_eq!(s.articles()[b].slice(m[1].span), "Russian");
}

#[test]
fn keyboard_only_highlighting_and_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Cleo");
    go_to_step(&mut h, "Who fired the missile?");
    let title = h.state().session().expect("session").articles()[0]
        .meta
        .headline
        .clone();
    h.get_by_label(&format!("Article: {title}")).focus();
    h.run();
    // The caret is on the first word as soon as the article has the focus; Shift+Right twice:
    // "Russia didn’t take".
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.state().marks.len(), 1);
    assert_eq!(s.articles()[0].slice(s.state().marks[0].span), "Russia didn’t take");
    // Delete removes the highlight under the cursor …
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().session().expect("session").state().marks.is_empty());
    // … Ctrl+Z brings it back, Ctrl+Shift+Z removes it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session().expect("session").state().marks.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(h.state().session().expect("session").state().marks.is_empty());
    // Down moves by sentence; Enter on a single word highlights that word.
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.state().marks.len(), 1);
    assert_eq!(s.articles()[0].slice(s.state().marks[0].span), "Associated");
}

#[test]
fn closing_and_reopening_resumes_the_same_step_and_highlights() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    start_first_lesson(&mut h, "Dev");
    go_to_step(&mut h, "Who fired the missile?");
    let (a, span) = key(&h, "was likely a Russian missile");
    drag_across(&mut h, a, span);
    let before = h.state().session().expect("session").state().marks.clone();
    assert_eq!(before.len(), 1);
    // Saving is debounced: let half a second pass (steps are 0.1 s).
    h.run_steps(8);
    assert!(h.state().saves() >= 1, "progress was not saved");
    drop(h);

    // A new app on the same data folder: the student's name is offered, and the lesson resumes.
    let mut h = harness(app(&store));
    h.get_by_label("Dev").click();
    h.run();
    h.get_by_label_contains("Your progress: 1 of 5 steps done");
    h.get_by_label("Continue").click();
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.step().title, "Who fired the missile?");
    assert_eq!(s.state().marks, before);
}

#[test]
fn choice_and_reflect_steps_work_from_the_ui() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Eve");
    go_to_step(&mut h, "Which report to trust for what");
    h.get_by_label_contains("The AP report").click();
    h.run();
    h.get_by_label("Check").click();
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.state().checked.as_ref().map(|c| c.score), Some(1.0));
    go_to_step(&mut h, "What would you check next?");
    h.get_by_label("Your answer:").focus();
    h.run();
    h.get_by_label("Your answer:")
        .type_text("The NBC News claim, on NBC's own site.");
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.state().reflection, "The NBC News claim, on NBC's own site.");
    h.get_by_label_contains("Finish lesson ▶").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    // Only the choice step was checked, so the score says how many steps were.
    h.get_by_label_contains("Lesson score so far: 33% — 1 of 3 steps checked");
}

#[test]
fn hints_retry_and_solution_follow_the_lesson_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Fin");
    go_to_step(&mut h, "Signs of a machine");
    h.get_by_label("Hint").click();
    h.run();
    h.get_by_label_contains("Read the last lines of the page");
    assert_eq!(h.state().session().expect("session").state().hints_used, 1);
    h.get_by_label("Check").click();
    h.run();
    h.get_by_label("Retry (keep highlights)").click();
    h.run();
    assert!(h.state().session().expect("session").state().checked.is_none());
    h.get_by_label("Show solution").click();
    h.run();
    let s = h.state().session().expect("session");
    assert!(s.state().solution_shown);
    h.get_by_label_contains("The page says it outright");
}

#[test]
fn font_size_and_theme_persist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    h.get_by_label("A+").click();
    h.run();
    h.get_by_label("Dark theme").click();
    h.run();
    drop(h);
    let s = store.load_settings();
    assert_eq!(s.font_size, 20.0);
    assert!(s.dark);
}

#[test]
fn an_idle_app_does_not_repaint_and_lays_out_an_article_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Gus");
    go_to_step(&mut h, "Who fired the missile?");
    h.run();
    // Nothing changes, so one more run is a single frame that asks for no other.
    assert_eq!(h.run(), 1, "the idle app keeps asking for repaints");
    let layouts = h.state().player_view(0).expect("a lesson is open").layouts_made();
    h.run_steps(5);
    assert_eq!(
        h.state().player_view(0).expect("a lesson is open").layouts_made(),
        layouts,
        "the article was laid out again with nothing changed"
    );
    // A highlight does not lay the text out again either.
    let (a, span) = key(&h, "the strike was probably launched by Ukrainian air defenses");
    drag_across(&mut h, a, span);
    assert_eq!(
        h.state().player_view(0).expect("a lesson is open").layouts_made(),
        layouts
    );
    // A bigger font does, once, and the highlight stays on the same words.
    let before = h.state().session().expect("session").state().marks.clone();
    h.get_by_label("A+").click();
    h.run();
    assert_eq!(
        h.state().player_view(0).expect("a lesson is open").layouts_made(),
        layouts + 1
    );
    assert_eq!(h.state().session().expect("session").state().marks, before);
}

#[test]
fn overlapping_highlights_merge_or_are_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Hal");
    go_to_step(&mut h, "Signs of a machine");
    h.get_by_label("1 Disclosure").click();
    h.run();
    let (a, span) = key(&h, "This article was created by Artificial Intelligence");
    drag_across(&mut h, a, Span::new(span.start, span.start + 12));
    drag_across(&mut h, a, Span::new(span.start + 8, span.end));
    let marks = h.state().session().expect("session").state().marks.clone();
    assert_eq!(marks.len(), 1, "same label: merged");
    assert_eq!(marks[0].span, span);
    h.get_by_label("2 Source mismatch").click();
    h.run();
    drag_across(&mut h, a, Span::new(span.start + 5, span.start + 20));
    assert_eq!(h.state().session().expect("session").state().marks.len(), 1);
    h.get_by_label_contains("This overlaps a highlight labelled “Disclosure”");
}

#[test]
fn the_conflict_lesson_plays_through_the_ui_with_the_mouse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_sized(app(&Store::new(dir.path())), 4200.0);
    h.get_by_label("Name:").focus();
    h.run();
    h.get_by_label("Name:").type_text("Ida");
    h.run();
    h.get_by_label("Start").click();
    h.run();
    open_lesson(&mut h, 1);
    assert_eq!(h.state().session().expect("session").lesson.id, "conflict");
    let steps = h.state().session().expect("session").lesson.steps.len();
    for i in 0..steps {
        let (title, keys, scored) = {
            let s = h.state().session().expect("session");
            let st = &s.lesson.steps[i];
            (st.title.clone(), st.keys().to_vec(), st.is_scored())
        };
        if i > 0 {
            h.get_by_label("Next step ▶").click();
            h.run();
        }
        assert_eq!(h.state().session().expect("session").step().title, title);
        for k in &keys {
            let (a, span) = key(&h, &k.anchor.quote);
            drag_across(&mut h, a, span);
        }
        if scored {
            h.get_by_label("Check").click();
            h.run();
            let s = h.state().session().expect("session");
            assert_eq!(s.state().checked.as_ref().map(|c| c.score), Some(1.0), "step {title}");
        } else {
            h.get_by_label("Your answer:").focus();
            h.run();
            h.get_by_label("Your answer:")
                .type_text("The AP, because its quotes make sense; I would read the Pentagon transcript.");
            h.run();
        }
    }
    h.get_by_label("Finish lesson ▶").click();
    h.run();
    h.get_by_label_contains("Lesson score: 100%");
}

/// Waits (real time) for the folder watcher, then lets simulated time pass for the reload.
fn settle_after_disk_change(h: &mut Harness<'static, LateralApp>, reloads_before: usize) {
    let start = std::time::Instant::now();
    while h.state().reloads() == reloads_before {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no reload within ten seconds (the folder is checked on a worker thread)"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(3);
    }
}

#[test]
fn a_lesson_edited_on_disk_reloads_keeping_the_students_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).expect("dir");
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/00-first-look.md"))
        .expect("lesson");
    let file = lessons.join("first.md");
    std::fs::write(&file, &original).expect("write");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let store = Store::new(dir.path().join("data"));
    let app = LateralApp::new(lib, Source::Folder(lessons.clone()), store);
    let mut h = harness(app);
    start_first_lesson(&mut h, "Jo");
    go_to_step(&mut h, "Who fired the missile?");
    let (a, span) = key(&h, "was likely a Russian missile");
    drag_across(&mut h, a, span);
    h.run();

    // The teacher renames the step in their own editor.
    let reloads = h.state().reloads();
    std::fs::write(
        &file,
        original.replace("title = \"Who fired the missile?\"", "title = \"Who launched it?\""),
    )
    .expect("write");
    settle_after_disk_change(&mut h, reloads);
    let s = h.state().session().expect("session");
    assert_eq!(s.step().title, "Who launched it?");
    assert_eq!(s.state().marks.len(), 1, "the student's highlight survived the reload");

    // A broken file shows its errors instead of vanishing.
    let reloads = h.state().reloads();
    std::fs::write(&file, original.replace("kind = \"choice\"", "kind = \"choise\"")).expect("write");
    settle_after_disk_change(&mut h, reloads);
    h.get_by_label_contains("now has errors");
    h.get_by_label("◀ Lessons").click();
    h.run();
    h.get_by_label_contains("This lesson has 1 problem and cannot be played yet");
    assert!(h.get_all_by_label_contains("`choise` is not a kind of step").count() >= 1);
}

#[test]
fn a_lesson_built_in_the_teacher_view_saves_validates_and_plays_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).expect("dir");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let app = LateralApp::new(
        lib,
        Source::Folder(lessons.clone()),
        Store::new(dir.path().join("data")),
    );
    let mut h = harness(app);
    enter_teacher_view(&mut h);
    assert_eq!(h.state().screen(), Screen::Teacher);
    // A new lesson on the first article (the AP report).
    h.get_by_label("New lesson").click();
    h.run();
    assert_eq!(h.state().teacher().editor().expect("editing").step(), 1);
    // Highlight a phrase in the article: it becomes a key span.
    let art = h.state().corpus().get("ap-ktvz").expect("ap").clone();
    let at = art.text.as_str().find("uncertainty swirled for hours").expect("phrase");
    let start = art.text.char_of_byte(at);
    let span = Span::new(start, start + "uncertainty swirled for hours".chars().count());
    let rects = h
        .state()
        .teacher()
        .editor()
        .expect("editing")
        .view(0)
        .expect("a pane")
        .span_rects(span);
    assert!(!rects.is_empty(), "the phrase is not on screen");
    let (from, to) = (
        rects[0].left_center() + egui::vec2(2.0, 0.0),
        rects[rects.len() - 1].right_center() - egui::vec2(2.0, 0.0),
    );
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    let keys = h
        .state()
        .teacher()
        .editor()
        .and_then(|a| a.lesson())
        .expect("valid")
        .steps[1]
        .keys()
        .len();
    assert_eq!(keys, 2, "the skeleton's key and the new one");
    // Explain it, and delete the skeleton's placeholder key.
    h.get_by_label("Explanation of key 2").focus();
    h.run();
    h.get_by_label("Explanation of key 2")
        .type_text(" The AP admits the uncertainty.");
    h.run();
    h.get_by_label("Delete key 1").click();
    h.run();
    h.get_by_label("Save").click();
    // The saved lesson's check lists its placeholder warnings, new widgets that take two more
    // frames to lay out (and the folder watcher may reload it meanwhile, checked on a worker
    // thread whose end wakes the window at any time): a fixed number of frames.
    h.run_steps(10);
    let saved = lessons.join("ap-ktvz-lesson.md");
    assert!(
        saved.exists(),
        "{:?}",
        h.state().teacher().editor().and_then(|a| a.message())
    );
    // The saved file passes check and has the key where it was highlighted.
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let lf = lib
        .lessons
        .iter()
        .find(|l| l.path.ends_with("ap-ktvz-lesson.md"))
        .expect("saved lesson");
    // It passes check: no error; the only warnings are the skeleton's texts this test leaves
    // for the teacher to write (issue 15: placeholder text warns).
    assert!(lf.is_playable(), "{:#?}", lf.diagnostics);
    assert!(
        lf.diagnostics.iter().all(|d| d.message.contains("placeholder text")),
        "{:#?}",
        lf.diagnostics
    );
    let lesson = lf.lesson.as_ref().expect("lesson");
    let key = &lesson.steps[1].keys()[0];
    assert_eq!(key.core, span);
    assert_eq!(key.anchor.quote, "uncertainty swirled for hours");
    assert!(
        key.explanation.ends_with("The AP admits the uncertainty."),
        "{}",
        key.explanation
    );
    let text = std::fs::read_to_string(&saved).expect("text");
    assert!(
        !text.contains("prefix") && !text.contains("occurrence"),
        "a unique quote needs no disambiguator:\n{text}"
    );
    // Preview as student plays the same key.
    h.get_by_label("Preview as student").click();
    h.run();
    assert!(h.state().previewing());
    assert_eq!(h.state().session().expect("preview").step().keys()[0].core, span);
    h.get_by_label("◀ Back to editing").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Teacher);
}

#[test]
fn an_article_imported_in_the_teacher_view_gets_a_lesson() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).expect("dir");
    std::fs::create_dir_all(dir.path().join("corpus")).expect("dir");
    let html = dir.path().join("story.html");
    std::fs::write(
        &html,
        "<html><head><title>Courier | Bridge closes</title><meta property='og:site_name' content='The Courier'><script>track()</script></head>\
         <body><h1>Bridge closes for repairs</h1><p>The old bridge will close for six weeks, the council said on Monday.</p>\
         <p>Traders called the decision a disaster for the high street.</p></body></html>",
    )
    .expect("html");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let app = LateralApp::new(
        lib,
        Source::Folder(lessons.clone()),
        Store::new(dir.path().join("data")),
    );
    let mut h = harness(app);
    enter_teacher_view(&mut h);
    h.get_by_label("Import an article…").click();
    h.run();
    h.get_by_label("File:").focus();
    h.run();
    h.get_by_label("File:").type_text(&html.display().to_string());
    h.run();
    h.get_by_label("Read the file").click();
    h.run();
    let form = h.state().teacher().import_form();
    assert_eq!(form.meta().headline, "Bridge closes for repairs");
    assert_eq!(form.meta().outlet, "The Courier");
    assert!(form.pasted().contains("a disaster for the high street") && !form.pasted().contains("track()"));
    // The form says what the page gave and what is left, and keeps where the article came from.
    let msg = form.message().unwrap_or("");
    assert!(
        msg.contains("The page gave its headline, outlet.") && msg.contains("Still to fill in: kind of outlet."),
        "{msg}"
    );
    assert_eq!(form.meta().imported_from.as_deref(), Some("story.html"));
    // The kind of outlet is missing: refused with a reason, nothing written.
    h.get_by_label("Add to the corpus").click();
    h.run();
    assert!(
        h.state()
            .teacher()
            .import_form()
            .message()
            .unwrap_or("")
            .contains("outlet kind is missing")
    );
    h.get_by_label("Kind of outlet").focus();
    h.run();
    h.get_by_label("Kind of outlet").type_text("Local weekly paper");
    h.run();
    h.get_by_label("Add to the corpus").click();
    h.run();
    assert!(
        dir.path().join("corpus/bridge-closes-for-repairs.txt").exists(),
        "{:?}",
        h.state().teacher().import_form().message()
    );
    assert_eq!(h.state().teacher().new_lesson_article(), "bridge-closes-for-repairs");
    // A new lesson on it validates with the articles beside the lessons folder.
    h.get_by_label("New lesson").click();
    h.run();
    h.get_by_label("Save").click();
    // A reload of the watched folder follows (see below): a fixed number of frames.
    h.run_steps(10);
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let lf = lib
        .lessons
        .iter()
        .find(|l| l.path.ends_with("bridge-closes-for-repairs-lesson.md"))
        .expect("saved");
    assert!(lf.is_playable(), "{:#?}", lf.diagnostics);
}

#[test]
fn the_class_view_grades_a_folder_and_shows_the_chart_and_heatmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let class_dir = dir.path().join("class");
    std::fs::create_dir_all(&class_dir).expect("dir");
    // Five students on the first lesson: the first n keys of the conflict step each.
    let corpus = lateral::lesson::bundled::corpus();
    let lesson = lateral::lesson::bundled::lessons(&corpus)[0]
        .lesson
        .clone()
        .expect("lesson");
    let step = lesson.steps.iter().find(|s| s.id == "who-fired").expect("step");
    for i in 0..5 {
        let mut r = lateral::records::results::Results::new(&format!("Pupil {i}"), &lesson);
        let mut w = lateral::records::results::StepWork {
            step: step.id.clone(),
            ..Default::default()
        };
        for k in step.keys().iter().take(i % 3) {
            let a = corpus.get(&k.article).expect("article");
            w.highlights
                .push(lateral::records::results::SavedHighlight::new(a, k.core, None));
        }
        r.steps.push(w);
        r.save(&class_dir.join(format!("p{i}.json"))).expect("saved");
    }
    let mut h = harness(app(&Store::new(dir.path().join("data"))));
    enter_teacher_view(&mut h);
    h.get_by_label("Class results…").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Class);
    h.get_by_label("Results folder:").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Results folder:")
        .type_text(&class_dir.display().to_string());
    h.run();
    h.get_by_label("Grade").click();
    h.run();
    let c = h.state().class();
    let report = c.report().expect("graded");
    assert_eq!(report.graded.len(), 5);
    assert_eq!(lesson.steps[c.step()].id, "who-fired");
    // The chart's numbers, and a heatmap over the article with the key beside it.
    h.get_by_label_contains("Scores: 0–20%: 4");
    // A conflict counts only with both sides: only pupil 2 found both, so each side is "missed" by 4.
    assert_eq!(h.get_all_by_label_contains("missed by 4 of 5").count(), 2);
    let ap = corpus.get("ap-ktvz").expect("ap");
    let key = &step.keys()[0];
    let w = ap.words.iter().position(|w| w.start == key.core.start).expect("word");
    assert_eq!(
        c.steps()[c.step()].heat[0][w],
        3,
        "pupils 1, 2 and 4 highlighted the AP side"
    );
    // One student's own highlights.
    h.get_by_label_contains("Pupil 2 —").click();
    h.run();
    assert_eq!(h.state().class().student(), Some(2));
    h.get_by_label_contains("Pupil 2's highlights");
}

#[test]
fn an_exam_pack_plays_without_checking_and_hands_in_a_gradable_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = lateral::lesson::bundled::corpus();
    let lessons: Vec<lateral::lesson::Lesson> = lateral::lesson::bundled::lessons(&corpus)
        .into_iter()
        .filter_map(|l| l.lesson)
        .collect();
    let pack = dir.path().join("exam.lateral-exam");
    std::fs::write(
        &pack,
        serde_json::to_string(&lateral::records::pack::make_pack(&lessons, &corpus)).expect("json"),
    )
    .expect("written");
    let lib = lateral::app::open_pack_file(&pack).expect("opens");
    let a = LateralApp::new(lib, Source::Pack(pack.clone()), Store::new(dir.path().join("data")))
        .with_handin_dir(dir.path().join("handed-in"));
    let mut h = harness(a);
    h.get_by_label("Name:").focus();
    h.run();
    h.get_by_label("Name:").type_text("Lou");
    h.run();
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(
        h.get_all_by_label_contains("(exam: hand in when done)").count(),
        lessons.len()
    );
    open_lesson(&mut h, 0);
    go_to_step(&mut h, "Who fired the missile?");
    assert!(h.query_by_label("Check").is_none(), "no Check in an exam");
    assert!(h.query_by_label("Show solution").is_none());
    let full = &lessons[0];
    let step = full.steps.iter().find(|s| s.id == "who-fired").expect("step");
    for k in step.keys() {
        let art = step.articles.iter().position(|x| *x == k.article).expect("article");
        drag_across(&mut h, art, k.core);
    }
    h.get_by_label("Hand in").click();
    h.run();
    let file = dir.path().join("handed-in/lou-first-look.json");
    assert!(file.exists(), "{:?}", h.state().notice());
    // The teacher grades it with the full lesson: same version, full marks on that step.
    let text = std::fs::read_to_string(&file).expect("file");
    let r = lateral::records::results::parse_results(&lateral::text::diag::SourceFile::new("r", text)).expect("parses");
    let out = lateral::records::results::score_results(&r, full, &corpus);
    assert!(out.same_lesson_version);
    assert_eq!(
        out.steps.iter().find(|s| s.step == "who-fired").and_then(|s| s.score),
        Some(1.0)
    );
}

#[test]
fn an_h5p_task_imported_in_the_teacher_view_becomes_a_lesson() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).expect("dir");
    let task = dir.path().join("content.json");
    std::fs::write(&task, r#"{"taskDescription":"<p>Mark the loaded words.</p>","textField":"<p>Council <strong>*axes*</strong> flood wall in a *reckless* vote.</p>"}"#).expect("written");
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let app = LateralApp::new(
        lib,
        Source::Folder(lessons.clone()),
        Store::new(dir.path().join("data")),
    );
    let mut h = harness(app);
    enter_teacher_view(&mut h);
    h.get_by_label("Import an article…").click();
    h.run();
    h.get_by_label("File:").focus();
    h.run();
    h.get_by_label("File:").type_text(&task.display().to_string());
    h.run();
    h.get_by_label("Read the file").click();
    h.run();
    let a = h
        .state()
        .teacher()
        .editor()
        .expect("the imported lesson is open for editing");
    let lesson = a.lesson().expect("valid");
    let keys: Vec<&str> = lesson.steps[0].keys().iter().map(|k| k.anchor.quote.as_str()).collect();
    assert_eq!(keys, ["axes", "reckless"]);
    h.get_by_label("Save").click();
    // Saving writes into the watched folder: a reload follows, checked on a worker thread whose
    // end wakes the window at any time; a fixed number of frames, not "until idle".
    h.run_steps(10);
    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    assert!(
        lib.lessons
            .iter()
            .any(|l| l.is_playable() && l.path.ends_with("h5p-task.md")),
        "{:#?}",
        lib.lessons
    );
}

/// The settings file of a data folder, as text.
fn settings_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("settings.json")).expect("settings saved")
}

#[test]
fn the_teacher_pin_is_set_on_first_use_and_asked_for_by_the_next_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    type_into(&mut h, "Name:", "Ana");
    h.get_by_label("Start").click();
    h.run();
    h.get_by_label("Teacher view").click();
    h.run();
    h.get_by_label("Set a teacher PIN");
    h.get_by_label_contains("Forgot the PIN?");
    h.run();
    assert!(
        h.get_by_label("New PIN:").is_focused(),
        "typing starts in the first box"
    );
    // Two different PINs, then one too short: refused, said why, not entered.
    type_into(&mut h, "New PIN:", "2468");
    type_into(&mut h, "PIN again:", "2469");
    h.get_by_label("Set PIN and open").click();
    h.run();
    h.get_by_label_contains("The two PINs are not the same");
    type_into(&mut h, "New PIN:", "246");
    type_into(&mut h, "PIN again:", "246");
    h.get_by_label("Set PIN and open").click();
    h.run();
    h.get_by_label_contains("A PIN is 4 to 12 digits");
    assert_eq!(h.state().screen(), Screen::Library);
    assert!(!dir.path().join("settings.json").exists() || !settings_text(dir.path()).contains("teacher_pin"));
    // The same PIN twice: set, and the teacher view opens.
    type_into(&mut h, "New PIN:", PIN);
    type_into(&mut h, "PIN again:", PIN);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().screen(), Screen::Teacher);
    assert!(!h.state().asking_for_pin());
    let saved = settings_text(dir.path());
    assert!(saved.contains("teacher_pin") && !saved.contains(PIN), "{saved}");
    drop(h);

    // Another start of the app on the same data folder asks for that PIN, once.
    let mut h = harness(app(&store));
    h.get_by_label("Teacher view").click();
    h.run();
    h.get_by_label("Teacher PIN");
    assert!(h.query_by_label("PIN again:").is_none(), "the PIN is set already");
    type_into(&mut h, "PIN:", PIN);
    h.get_by_label("Open teacher view").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Teacher);
    assert_eq!(settings_text(dir.path()), saved, "typing the PIN does not change it");
}

#[test]
fn a_wrong_teacher_pin_does_not_open_the_teacher_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let settings = lateral::records::progress::AppSettings {
        teacher_pin: Some(lateral::records::pin::TeacherPin::new(PIN).expect("pin")),
        ..Default::default()
    };
    store.save_settings(&settings).expect("saved");
    let mut h = harness(app(&store));
    h.get_by_label("Teacher view").click();
    h.run();
    for wrong in ["73915285", "1234", "letters"] {
        type_into(&mut h, "PIN:", wrong);
        h.get_by_label("Open teacher view").click();
        h.run();
        h.get_by_label_contains("Wrong PIN");
        assert!(h.state().asking_for_pin(), "{wrong}");
        assert_eq!(h.state().screen(), Screen::Students, "{wrong}");
        assert!(h.state().teacher().editor().is_none());
    }
    // Escape goes back; so does Cancel.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().asking_for_pin());
    assert_eq!(h.state().screen(), Screen::Students);
    h.get_by_label("Teacher view").click();
    h.run();
    assert!(
        h.query_by_label_contains("Wrong PIN").is_none(),
        "a new try starts clean"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().asking_for_pin());
    assert_eq!(h.state().screen(), Screen::Students);
    // The right one opens it.
    enter_teacher_view(&mut h);
}

#[test]
fn regression_teacher_view_open_from_a_students_lesson() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    start_first_lesson(&mut h, "Ana");
    assert!(h.query_by_label("Teacher view").is_none(), "no route from the lesson");
    h.get_by_label("Finish lesson").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    assert!(h.query_by_label("Teacher view").is_none(), "no route from the summary");
    // From the lessons, only behind the PIN; and leaving the teacher view locks it again.
    h.get_by_label("◀ Lessons").click();
    h.run();
    enter_teacher_view(&mut h);
    h.get_by_label("Switch student").click();
    h.run();
    h.get_by_label("Ana").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Library);
    h.get_by_label("Teacher view").click();
    h.run();
    assert!(h.state().asking_for_pin());
    assert_eq!(h.state().screen(), Screen::Library);
}

/// Issue 12: an article's `note` is the teachers' note: shown in the teacher's view, never to
/// students (it may say what the page gives away).
#[test]
fn the_teachers_note_shows_in_the_teacher_view_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    start_first_lesson(&mut h, "Ana");
    // The student sees the article's header, source note included, but not the teachers' note.
    h.get_by_label_contains("A US local TV station's website");
    assert!(h.query_by_label_contains("Teachers' note").is_none());
    assert!(
        h.query_by_label_contains("The capture shows no publication date")
            .is_none()
    );
    h.get_by_label("◀ Lessons").click();
    h.run();
    enter_teacher_view(&mut h);
    h.get_by_label("New lesson").click();
    h.run();
    h.get_by_label_contains("Teachers' note (students do not see it): The capture shows no publication date");
}

/// Issue 12: the name box held the previous student's name, so on a shared laptop one Enter
/// opened their work for the next student.
#[test]
fn regression_name_box_holds_the_previous_students_name() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(app(&store));
    start_first_lesson(&mut h, "Ben");
    drop(h);
    let mut h = harness(app(&store));
    h.run();
    assert_eq!(h.state().screen(), Screen::Students);
    let typed = h.get_by_label("Name:").accesskit_node().value().unwrap_or_default();
    assert_eq!(typed, "", "the box starts empty");
    h.get_by_label("Ben");
}

/// Issue 12: the whole lesson card in the library opens the lesson, not only its button.
#[test]
fn clicking_a_lesson_card_opens_the_lesson() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(&Store::new(dir.path())));
    sign_in(&mut h, "Ana");
    assert_eq!(h.state().screen(), Screen::Library);
    h.get_by_label_contains("Put two reports of the same press conference side by side")
        .click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
    assert_eq!(h.state().session().expect("a lesson is open").lesson.id, "conflict");
}

/// On a shared laptop every student's name was a button, so anyone opened anyone's work: the
/// teacher's setting hides the list (students type their name), saved for the next start, and
/// unticking it brings the list back.
#[test]
fn the_teacher_can_hide_the_list_of_students_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    store.add_student("Ben").expect("added");
    let mut h = harness(app(&store));
    assert!(h.query_by_label("Ben").is_some(), "by default every name is a button");
    enter_teacher_view(&mut h);
    h.get_by_label("Hide the list of students").click();
    h.run();
    assert!(store.load_settings().hide_student_list);
    // The next start: only the name box; typing the name still opens the student's work.
    let mut h = harness(app(&store));
    assert!(h.query_by_label("Ben").is_none(), "no list of names");
    assert!(h.query_by_label("Pick your name:").is_none());
    sign_in(&mut h, "Ben");
    assert_eq!(h.state().screen(), Screen::Library);
    // Unticked again, the list is back.
    enter_teacher_view(&mut h);
    h.get_by_label("Hide the list of students").click();
    h.run();
    assert!(!store.load_settings().hide_student_list);
    let h = harness(app(&store));
    assert!(h.query_by_label("Ben").is_some());
}
