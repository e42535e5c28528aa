//! Lessons on unusual articles, played through the real app: one 200,000-char "word", emoji and
//! combining marks, right-to-left text, zero-width and control characters, a one-letter article,
//! and thousands of paragraphs. Every step is opened, highlighted, checked and left,
//! at two window sizes: no panic, no hang, and the app stays on the player.
#![cfg(feature = "gui")]

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use lateral::app::{Command, LateralApp, LibraryCmd, Screen, Source, theme};
use lateral::records::progress::Store;

fn article(dir: &std::path::Path, id: &str, text: &str) {
    std::fs::write(dir.join(format!("{id}.txt")), text).expect("text");
    std::fs::write(
        dir.join(format!("{id}.toml")),
        format!("id = \"{id}\"\noutlet = \"Test {id}\"\nheadline = \"Headline {id}\"\noutlet_kind = \"test\"\nfictional = true\n"),
    )
    .expect("meta");
}

fn lesson(dir: &std::path::Path, id: &str, article: &str, quote: &str) {
    let step = |n: usize, kind: &str| match kind {
        "bias" => format!(
            "+++ step\nid = \"s{n}\"\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"{article}\"]\n[[key]]\nquote = \"{quote}\"\nlabel = \"loaded-word\"\nexplanation = \"An explanation that is long enough to pass the checks of the validator here.\"\n+++\nHighlight.\n\n"
        ),
        _ => format!(
            "+++ step\nid = \"s{n}\"\nkind = \"read\"\narticles = [\"{article}\"]\n+++\nRead {}.\n\n",
            "a very long title ".repeat(20)
        ),
    };
    std::fs::write(
        dir.join(format!("{id}.md")),
        format!(
            "+++\nid = \"{id}\"\ntitle = \"{id} {}\"\n+++\nIntro.\n\n{}{}",
            "with a very long title ".repeat(10),
            step(1, "read"),
            step(2, "bias")
        ),
    )
    .expect("lesson");
}

#[test]
fn unusual_articles_play_through_without_a_panic() {
    let d = tempfile::tempdir().expect("tempdir");
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    let lessons = d.path().join("lessons");
    std::fs::create_dir(&lessons).expect("dir");
    let long_word = format!("Start {} end.", "x".repeat(200_000));
    let mixed = "Emoji 👩‍👩‍👧‍👦 and flags 🇵🇱🇺🇦, combining e\u{301}e\u{301}e\u{301} marks, \
                 Arabic العربية and Hebrew עברית, zero\u{200B}width\u{200D}joins, a bell\u{7} \
                 and a tab\tinside, a line\u{2028}separator, word\u{FEFF}joiner, and Ⅻ ﬁ ß İ K Ω.\n\n\
                 Second paragraph with Ukrainian м’ята and Polish zażółć.";
    let many = (0..5000)
        .map(|i| format!("Paragraph {i} says one thing."))
        .collect::<Vec<_>>()
        .join("\n\n");
    article(&corpus, "long-word", &long_word);
    article(&corpus, "mixed", mixed);
    article(&corpus, "one", "x");
    article(&corpus, "many", &many);
    lesson(&lessons, "l-long", "long-word", "Start");
    lesson(&lessons, "l-mixed", "mixed", "combining");
    lesson(&lessons, "l-one", "one", "x");
    lesson(&lessons, "l-many", "many", "Paragraph 4999 says");

    let lib = lateral::lesson::library::load(std::slice::from_ref(&lessons), &[]).expect("loads");
    let problems: Vec<String> = lib
        .all_diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(lib.lessons.iter().filter(|l| l.is_playable()).count(), 4);

    for size in [Vec2::new(1366.0, 768.0), Vec2::new(600.0, 400.0)] {
        let data = tempfile::tempdir().expect("tempdir");
        let store = Store::new(data.path());
        let app = LateralApp::new(lib.clone(), Source::Folder(lessons.clone()), store);
        // The app draws a box ("tofu") for a character no bundled font has, as egui does by
        // default; kittest would panic instead, which is not what a student sees.
        let mut h = Harness::builder()
            .allow_missing_glyphs()
            .with_size(size)
            .with_step_dt(0.1)
            .with_context_setup(theme::install_fonts)
            .build_ui_state(|ui, app: &mut LateralApp| app.ui_root(ui), app);
        h.get_by_label("Name:").focus();
        h.run();
        h.get_by_label("Name:").type_text("Ana");
        h.run();
        h.get_by_label("Start").click();
        h.run();
        for n in 0..4 {
            // The library may be taller than a small window: open by command, as its button does.
            h.state_mut().run_cmd(Command::Library(LibraryCmd::Open(n)), 0.0);
            h.run();
            assert_eq!(h.state().screen(), Screen::Player, "lesson {n} at {size:?}");
            for _ in 0..2 {
                // Highlight the first word (as a drag would), check, then move on.
                if let Some(s) = h.state_mut().session_mut()
                    && !s.step().articles.is_empty()
                {
                    let _ = s.add_highlight(0, lateral::text::Span::new(0, 1), Some("loaded-word".into()));
                }
                h.run();
                if let Some(check) = h.query_by_label("Check") {
                    check.click();
                    h.run();
                }
                let step = h.state().session().map(|s| s.current);
                match h.query_by_label_contains("Next step") {
                    Some(next) => next.click(),
                    None => match h.query_all_by_label_contains("Finish lesson").next() {
                        Some(f) => f.click(),
                        None => panic!("no Next or Finish on lesson {n}, step {step:?}, at {size:?}"),
                    },
                }
                h.run();
            }
            assert_eq!(h.state().screen(), Screen::Summary, "lesson {n} at {size:?}");
            h.get_by_label("Back to lessons").click();
            h.run();
        }
    }
}
