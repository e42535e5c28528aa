//! Keyboard, zoom, the way back, and screen readers (issue 12), driven through the real widgets
//! with egui_kittest: keys only where the test says so, and the AccessKit tree a screen reader
//! would read, queried by role and label.
#![cfg(feature = "gui")]

use egui::accesskit::{Live, Role};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use lateral::app::{LateralApp, Screen, Source};
use lateral::records::progress::Store;
use lateral::text::Span;

#[path = "support/ui.rs"]
mod ui_support;
use ui_support::{drag_across, enter_teacher_view, harness_sized, key, sign_in};

type H = Harness<'static, LateralApp>;

fn harness(store: &Store) -> H {
    harness_sized(
        LateralApp::new(LateralApp::bundled_library(), Source::Bundled, store.clone()),
        2600.0,
    )
}

/// The accessible name of the widget that has the keyboard focus.
fn focused(h: &H) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .map(|n| n.accesskit_node().label().unwrap_or_default())
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// Presses Tab (Shift+Tab if `back`) until the focused widget's name satisfies `want`.
fn tab_until(h: &mut H, back: bool, want: impl Fn(&str) -> bool) -> usize {
    for n in 1..=60 {
        if back {
            h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        } else {
            h.key_press(Key::Tab);
        }
        h.run();
        if focused(h).is_some_and(|f| want(&f)) {
            return n;
        }
    }
    panic!("Tab never reached the widget; focus is on {:?}", focused(h));
}

fn step_title(h: &H) -> String {
    h.state().session().expect("a lesson is open").step().title.clone()
}

fn article_name(h: &H, i: usize) -> String {
    let s = h.state().session().expect("a lesson is open");
    format!("Article: {}", s.articles()[i].meta.headline)
}

/// With the focus on article `a`: moves the caret to the first word of `span` with the arrow
/// keys, extends it with Shift+Right to the span's last word, and presses Enter.
fn highlight_by_keys(h: &mut H, a: usize, span: Span) {
    let words = h.state().session().expect("session").articles()[a].words.clone();
    let first = words.partition_point(|w| w.end <= span.start);
    let last = words.partition_point(|w| w.end < span.end);
    let caret = h
        .state()
        .player_view(a)
        .and_then(|v| v.caret())
        .expect("a caret once focused");
    let arrow = if first >= caret {
        Key::ArrowRight
    } else {
        Key::ArrowLeft
    };
    for _ in 0..first.abs_diff(caret) {
        h.key_press(arrow);
    }
    h.run();
    assert_eq!(h.state().player_view(a).and_then(|v| v.caret()), Some(first));
    for _ in first..last {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.run();
    press(h, Key::Enter);
}

fn open_first_lesson(h: &mut H, name: &str) {
    sign_in(h, name);
    h.get_all_by_label("Start").next().expect("a Start button").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Player);
}

#[test]
fn regression_number_keys_do_nothing_right_after_a_highlight_is_clicked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    h.get_by_label_contains("Signs of a machine").click();
    h.run();
    let (a, span) = key(&h, "Source: CNN");
    drag_across(&mut h, a, span);
    // Click inside the highlight: it is selected, and the article has the keyboard focus.
    let at = h
        .state()
        .player_view(a)
        .and_then(|v| v.span_center(span))
        .expect("on screen");
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    assert_eq!(focused(&h), Some(article_name(&h, a)));
    press(&mut h, Key::Num2);
    let s = h.state().session().expect("session");
    assert_eq!(s.state().marks[0].label.as_deref(), Some("source-mismatch"));
}

#[test]
fn ctrl_plus_minus_and_zero_zoom_the_whole_window_and_each_student_keeps_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut h = harness(&store);
    open_first_lesson(&mut h, "Ana");
    let step_button = |h: &H| h.get_by_label_contains("Step 1: Read both reports").rect();
    let (before, bar_before) = (step_button(&h), h.get_by_label("Keyboard help").rect());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    // One step, not two: egui's own Ctrl + is off, the app's is the only one.
    assert_eq!(h.state().zoom(), 1.1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert_eq!(h.state().zoom(), 1.2);
    assert_eq!(h.ctx.zoom_factor(), 1.2);
    // Everything grows on screen: the window holds 1.2 times fewer points, and a button of the
    // step list (a side panel) and of the top bar keep their size in points, so take 1.2 times
    // the pixels.
    let ppp = h.ctx.pixels_per_point();
    assert!((ppp - 1.2).abs() < 1e-4, "{ppp}");
    assert!((1400.0 / h.ctx.content_rect().width() - 1.2).abs() < 0.01);
    let (after, bar_after) = (step_button(&h), h.get_by_label("Keyboard help").rect());
    assert!(
        (after.height() * ppp / before.height() - 1.2).abs() < 0.05,
        "{before:?} {after:?}"
    );
    assert!((bar_after.height() * ppp / bar_before.height() - 1.2).abs() < 0.05);
    h.get_by_label("Zoom 120%");
    assert_eq!(store.student_zoom("Ana"), 1.2);
    // The next student starts at 100% and keeps their own.
    h.get_by_label("Switch student").click();
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    sign_in(&mut h, "Ben");
    assert_eq!(h.state().zoom(), 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert_eq!(h.state().zoom(), 0.9);
    h.get_by_label("Switch student").click();
    h.run();
    sign_in(&mut h, "Ana");
    assert_eq!((h.state().zoom(), h.ctx.zoom_factor()), (1.2, 1.2));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!((h.state().zoom(), store.student_zoom("Ana")), (1.0, 1.0));
    assert_eq!(store.student_zoom("Ben"), 0.9);
    // A+ still changes only the reading text, a setting of the laptop.
    h.get_by_label("A+").click();
    h.run();
    assert_eq!((store.load_settings().font_size, h.state().zoom()), (20.0, 1.0));
}

#[test]
fn escape_goes_back_one_level_on_every_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    h.get_by_label("Finish lesson").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Player, "summary → the lesson");
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Library, "player → lessons");
    enter_teacher_view(&mut h);
    h.get_by_label("Class results…").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Class);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Teacher, "class → teacher");
    // The import window closes first, then the teacher view goes back where it came from.
    h.get_by_label("Import an article…").click();
    h.run();
    assert!(h.query_by_label("Import an article").is_some());
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Import an article").is_none());
    assert_eq!(h.state().screen(), Screen::Teacher);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Library, "teacher → lessons");
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Students, "lessons → student picker");
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().screen(),
        Screen::Students,
        "nothing before the student picker"
    );
}

#[test]
fn escape_in_the_article_first_cancels_a_keyboard_selection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    press(&mut h, Key::N);
    assert_eq!(focused(&h), Some(article_name(&h, 0)));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().screen(),
        Screen::Player,
        "Escape cancelled the selection only"
    );
    assert_eq!(focused(&h), Some(article_name(&h, 0)), "the article keeps the focus");
    // Enter now highlights the caret's word alone (the second word), not the two words.
    press(&mut h, Key::Enter);
    let s = h.state().session().expect("session");
    let marks = &s.state().marks;
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].span, s.articles()[0].words[1]);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Library);
}

#[test]
fn regression_teacher_view_opened_with_no_lesson_has_no_way_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    // From the student picker, before any student: the way back is a button in the top bar.
    enter_teacher_view(&mut h);
    assert!(h.state().teacher().editor().is_none());
    h.get_by_label("◀ Leave teacher view").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Students);
    // From the lessons: back to the lessons, by Escape.
    sign_in(&mut h, "Ana");
    enter_teacher_view(&mut h);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Library);
}

#[test]
fn escape_in_a_text_box_first_leaves_the_box_and_shortcuts_wait_while_typing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    // The name box has the focus from the start; Escape leaves it, the screen stays.
    assert_eq!(focused(&h).as_deref(), Some("Name:"));
    h.event(Event::Text("Ana".into()));
    press(&mut h, Key::Escape);
    assert_eq!(focused(&h), None);
    assert_eq!(h.state().screen(), Screen::Students);
    h.get_by_label("Start").click();
    h.run();
    h.get_all_by_label("Start").next().expect("a lesson").click();
    h.run();
    h.get_by_label_contains("What would you check next?").click();
    h.run();
    h.get_by_label("Your answer:").focus();
    h.run();
    // N, P, H, 1, ? and F1 are typed into the box, not taken as shortcuts.
    h.event(Event::Text("np h1?".into()));
    h.run();
    press(&mut h, Key::F1);
    let s = h.state().session().expect("session");
    assert_eq!(s.state().reflection, "np h1?");
    assert_eq!(step_title(&h), "What would you check next?");
    assert!(!h.state().help_open());
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().screen(),
        Screen::Player,
        "the first Escape only leaves the box"
    );
    press(&mut h, Key::N);
    assert_eq!(h.state().screen(), Screen::Summary, "N on the last step: the summary");
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Library);
}

#[test]
fn ctrl_enter_h_n_and_p_check_hint_and_move_between_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    assert_eq!(step_title(&h), "Read both reports");
    press(&mut h, Key::N);
    assert_eq!(step_title(&h), "Who fired the missile?");
    press(&mut h, Key::H);
    assert_eq!(h.state().session().expect("session").hints_shown().len(), 1);
    let (a, span) = key(&h, "the strike was probably launched by Ukrainian air defenses");
    drag_across(&mut h, a, span);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(h.state().session().expect("session").state().checked.is_some());
    press(&mut h, Key::P);
    assert_eq!(step_title(&h), "Read both reports");
    press(&mut h, Key::P);
    assert_eq!(step_title(&h), "Read both reports", "no step before the first");
}

#[test]
fn keyboard_help_opens_with_f1_question_mark_or_the_top_bar_and_closes_with_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    press(&mut h, Key::F1);
    assert!(h.state().help_open());
    h.get_by_label("Ctrl+Enter");
    h.get_by_label("Check the step");
    h.get_by_label("N / P");
    press(&mut h, Key::Escape);
    assert!(!h.state().help_open());
    assert_eq!(h.state().screen(), Screen::Player, "Escape closed the help only");
    h.event(Event::Text("?".into()));
    h.run();
    assert!(h.state().help_open());
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().help_open());
    h.get_by_label("Keyboard help").click();
    h.run();
    assert!(h.state().help_open());
    press(&mut h, Key::Escape);
    assert!(!h.state().help_open());
}

#[test]
fn the_about_box_shows_the_version_and_the_data_folder_and_closes_with_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    h.get_by_label("About").click();
    h.run();
    assert!(h.state().about_open());
    assert!(!h.state().help_open(), "one dialog at a time");
    h.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    // Where the school's IT finds (and backs up) the students' work.
    h.get_by_label(&dir.path().display().to_string());
    h.query_by_label_contains("THIRD-PARTY-LICENSES.txt")
        .expect("the licences are named");
    // F1 swaps it for the keyboard help; Escape closes that, and leaves the lesson open.
    press(&mut h, Key::F1);
    assert!(h.state().help_open() && !h.state().about_open());
    press(&mut h, Key::Escape);
    h.get_by_label("About").click();
    h.run();
    press(&mut h, Key::Escape);
    assert!(!h.state().about_open());
    assert_eq!(h.state().screen(), Screen::Player, "Escape closed the About box only");
}

#[test]
fn focus_starts_on_the_work_and_tab_follows_reading_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    assert_eq!(focused(&h).as_deref(), Some("Name:"));
    sign_in(&mut h, "Ana");
    // The top bar, left to right.
    let mut order = Vec::new();
    for _ in 0..9 {
        press(&mut h, Key::Tab);
        order.push(focused(&h).unwrap_or_default());
    }
    assert_eq!(
        order,
        [
            "Switch student",
            "Teacher view",
            "Language",
            "Keyboard help",
            "About",
            "A−",
            "A+",
            "Dark theme",
            "Open lesson folder…"
        ]
    );
    h.get_all_by_label("Start").next().expect("a lesson").click();
    h.run();
    press(&mut h, Key::N);
    assert_eq!(step_title(&h), "Who fired the missile?");
    // The step opens with the article focused and its caret shown.
    assert_eq!(focused(&h), Some(article_name(&h, 0)));
    assert!(h.state().player_view(0).and_then(|v| v.caret()).is_some());
    // Reading order: step list, the two articles, then the bar under them (Check first).
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h), Some(article_name(&h, 1)));
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h).as_deref(), Some("Check"));
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        h.run();
    }
    assert_eq!(focused(&h), Some(article_name(&h, 0)));
    // Before the article: the lesson's introduction above it, then the end of the step list.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(focused(&h).as_deref(), Some("About this lesson"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(
        focused(&h).as_deref(),
        Some("Finish lesson"),
        "the end of the step list"
    );
    // In the bar under the article, ◀ Previous step comes before Next step ▶.
    let n = tab_until(&mut h, false, |f| f == "◀ Previous step");
    assert!(n < 10, "{n} Tabs");
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h).as_deref(), Some("Next step ▶"));
}

#[test]
fn the_focused_article_has_a_caret_word_that_a_screen_reader_is_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    press(&mut h, Key::N);
    let s = h.state().session().expect("session");
    let first = s.articles()[0].slice(s.articles()[0].words[0]).to_string();
    let name = article_name(&h, 0);
    let node = h.get_by_label(&name);
    assert!(node.is_focused());
    assert_eq!(
        node.accesskit_node().description().as_deref(),
        Some(format!("Keyboard caret on “{first}”").as_str())
    );
    press(&mut h, Key::ArrowRight);
    let second = s_word(&h, 1);
    let node = h.get_by_label(&name);
    assert_eq!(
        node.accesskit_node().description().as_deref(),
        Some(format!("Keyboard caret on “{second}”").as_str())
    );
}

fn s_word(h: &H, i: usize) -> String {
    let s = h.state().session().expect("session");
    s.articles()[0].slice(s.articles()[0].words[i]).to_string()
}

#[test]
fn the_article_reads_paragraph_by_paragraph_with_named_highlights_and_announced_verdicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    open_first_lesson(&mut h, "Ana");
    h.get_by_label_contains("Signs of a machine").click();
    h.run();
    let s = h.state().session().expect("session");
    let art = s.articles()[0].clone();
    let paragraphs: Vec<String> = art
        .segments
        .paragraphs
        .iter()
        .map(|p| art.slice(*p).to_string())
        .collect();
    let name = article_name(&h, 0);
    let article = h.get_by_role_and_label(Role::Document, &name);
    let read: Vec<String> = article
        .query_all_by_role(Role::Paragraph)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(read, paragraphs, "every paragraph, in order, under the article");
    // Two highlights with labels: each is a named region.
    let (a, disclosure) = key(&h, "This article was created by Artificial Intelligence");
    drag_across(&mut h, a, disclosure);
    let (b, cnn) = key(&h, "Source: CNN");
    press(&mut h, Key::Num2);
    drag_across(&mut h, b, cnn);
    assert_eq!((a, b), (0, 0));
    let mut names: Vec<String> = h
        .query_all_by_role(Role::Mark)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    names.sort();
    let cnn_text = art.slice(cnn);
    let mut want = vec![
        "highlight 1 of 2: Source mismatch, 'Source: CNN'".to_string(),
        "highlight 2 of 2: Disclosure, 'This article was created by Artificial Intelligence'".to_string(),
    ];
    if disclosure.start < cnn.start {
        want = vec![
            "highlight 1 of 2: Disclosure, 'This article was created by Artificial Intelligence'".to_string(),
            format!("highlight 2 of 2: Source mismatch, '{cnn_text}'"),
        ];
    }
    want.sort();
    assert_eq!(names, want);
    // No announcement before Check; after it, a polite live region says the verdicts.
    assert!(h.query_by_role(Role::Status).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let status = h.get_by_role(Role::Status);
    let said = status.accesskit_node().label().unwrap_or_default();
    assert_eq!(status.accesskit_node().live(), Live::Polite);
    assert!(said.starts_with("Check results. "), "{said}");
    assert!(said.contains("Key passage 1: found"), "{said}");
    assert!(said.contains("Key passage 3: missed"), "{said}");
}

#[test]
fn a_whole_lesson_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&Store::new(dir.path()));
    // The name box has the focus: type, Enter.
    h.event(Event::Text("Dana".into()));
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Library);
    // Tab to the first lesson's Start button, Enter.
    tab_until(&mut h, false, |f| f == "Start");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Player);
    assert_eq!(step_title(&h), "Read both reports");
    press(&mut h, Key::N);

    // Highlight step: the article has the focus; caret, Shift+arrows, Enter; Tab to the other.
    assert_eq!(step_title(&h), "Who fired the missile?");
    let (a, span) = key(&h, "the strike was probably launched by Ukrainian air defenses");
    assert_eq!(a, 0);
    highlight_by_keys(&mut h, 0, span);
    let (b, other) = key(&h, "was likely a Russian missile");
    press(&mut h, Key::Tab);
    assert_eq!(focused(&h), Some(article_name(&h, b)));
    highlight_by_keys(&mut h, b, other);
    let marks = h.state().session().expect("session").state().marks.clone();
    assert_eq!(marks.iter().map(|m| m.span).collect::<Vec<_>>(), [span, other]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let s = h.state().session().expect("session");
    assert_eq!(s.state().checked.as_ref().expect("checked").score, 1.0);
    press(&mut h, Key::N);

    // Labelled step: key 1 picks Disclosure, then the caret highlights the disclosure.
    assert_eq!(step_title(&h), "Signs of a machine");
    press(&mut h, Key::Num1);
    let (a, span) = key(&h, "This article was created by Artificial Intelligence");
    highlight_by_keys(&mut h, a, span);
    let s = h.state().session().expect("session");
    assert_eq!(s.state().marks[0].label.as_deref(), Some("disclosure"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(h.state().session().expect("session").state().checked.is_some());
    press(&mut h, Key::N);

    // Choice step: Tab to the answer, Space, Ctrl+Enter.
    assert_eq!(step_title(&h), "Which report to trust for what");
    tab_until(&mut h, false, |f| f.starts_with("The AP report"));
    press(&mut h, Key::Space);
    assert_eq!(h.state().session().expect("session").state().choices, [0]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .session()
            .expect("session")
            .state()
            .checked
            .as_ref()
            .expect("checked")
            .score,
        1.0
    );
    press(&mut h, Key::N);

    // Reflect step: Tab to the box, type, Escape leaves it, N goes to the summary.
    assert_eq!(step_title(&h), "What would you check next?");
    tab_until(&mut h, false, |f| f == "Your answer:");
    h.event(Event::Text(
        "I would check the Pentagon transcript of the briefing.".into(),
    ));
    h.run();
    press(&mut h, Key::Escape);
    press(&mut h, Key::N);
    assert_eq!(h.state().screen(), Screen::Summary);
    h.get_by_label_contains("Lesson score:");
}
