//! Results files the app would never write (issue 15 §2, §3): each problem is reported with
//! the file, the step and its place in the file, the rest is graded, and the summary flags
//! the file.

use std::path::{Path, PathBuf};
use std::process::Command;

use lateral::corpus::Corpus;
use lateral::lesson::{Lesson, StepBody};
use lateral::records::grade::{LeftOut, class_view, grade, summary};
use lateral::records::results::{Results, StepWork};

fn bias_lesson() -> (Lesson, Corpus) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/02-bias.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("the bias lesson");
    (lesson, lib.corpus)
}

/// A results file of `student` with `choices` on the lesson's choice step (multiple, three
/// right answers: 0, 1 and 2 of 5).
fn with_choices(dir: &Path, student: &str, choices: Vec<usize>, lesson: &Lesson) -> PathBuf {
    let step = lesson
        .steps
        .iter()
        .find(|s| matches!(s.body, StepBody::Choice { multiple: true, .. }))
        .expect("a multiple-choice step");
    assert_eq!(step.id, "bias-or-false");
    let mut r = Results::new(student, lesson);
    r.steps.push(StepWork {
        step: step.id.clone(),
        kind: "choice".into(),
        choices,
        ..Default::default()
    });
    let p = dir.join(format!("{}.json", student.to_lowercase()));
    r.save(&p).expect("saved");
    p
}

/// The 1-based line of the `n`-th (from 0) line of `text` that, trimmed, is `line`.
fn line_of(text: &str, line: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim().trim_end_matches(',') == line)
        .nth(n)
        .map(|(i, _)| i + 1)
        .expect("the line is there")
}

#[test]
fn regression_repeated_choices_scored_without_a_word() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let edited = with_choices(d.path(), "Edited", vec![0, 0, 1, 99], &lesson);
    let clean = with_choices(d.path(), "Clean", vec![0, 1], &lesson);
    let report = grade(&lesson, &corpus, &[edited.clone(), clean]);
    assert_eq!(report.graded.len(), 2, "both graded");
    let text = std::fs::read_to_string(&edited).expect("read");
    let twice = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("picked twice"))
        .expect("the repeat is reported");
    assert_eq!(twice.file, edited.display().to_string());
    assert_eq!(
        twice.message,
        "option 0 of step `bias-or-false` is picked twice; it counts once"
    );
    assert_eq!(twice.line, line_of(&text, "0", 1), "at the second 0:\n{text}");
    let missing = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("does not exist"))
        .expect("the out-of-range index is reported");
    assert!(missing.message.contains("choice 99"), "{}", missing.message);
    assert!(missing.message.contains("step `bias-or-false`"), "{}", missing.message);
    assert_eq!(missing.line, line_of(&text, "99", 0));
    // Scored as 0 and 1 once each, exactly as the clean file.
    let score = |student: &str| {
        let g = report
            .graded
            .iter()
            .find(|g| g.results.student == student)
            .expect("graded");
        (
            g.outcome
                .steps
                .iter()
                .find(|s| s.step == "bias-or-false")
                .and_then(|s| s.score),
            g.left_out,
        )
    };
    assert_eq!(score("Edited").0, score("Clean").0);
    assert!(
        (score("Clean").0.expect("scored") - 0.8).abs() < 1e-9,
        "2 of 3 right, none wrong"
    );
    assert_eq!(
        score("Edited").1,
        LeftOut {
            highlights: 0,
            choices: 2
        }
    );
    assert_eq!(score("Clean").1, LeftOut::default());
    // The summary flags the edited file, and only it.
    let s = summary(&report, &lesson, &class_view(&report, &lesson, &corpus));
    assert!(s.contains("flagged: 1 file(s)"), "{s}");
    assert!(
        s.contains(&format!("{}: 2 picked option(s) left out", edited.display())),
        "{s}"
    );
    assert!(!s.contains("clean.json"), "{s}");
}

#[test]
fn cli_grade_flags_a_hand_edited_file_in_its_summary() {
    let (lesson, _) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    with_choices(d.path(), "Edited", vec![2, 2], &lesson);
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["grade", "--lesson", "lessons/02-bias.md"])
        .arg(d.path())
        .output()
        .expect("runs");
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(
        err.contains("option 2 of step `bias-or-false` is picked twice"),
        "{err}"
    );
    assert!(err.contains("edited.json:"), "the file is named: {err}");
    assert!(out.contains("flagged: 1 file(s)"), "{out}");
    assert!(out.contains("edited.json: 1 picked option(s) left out"), "{out}");
    assert_eq!(o.status.code(), Some(0), "a warning only: {out}{err}");
}

/// A file with one highlight at a negative offset and one past the end of its article.
fn with_bad_highlights(dir: &Path, lesson: &Lesson, corpus: &Corpus) -> PathBuf {
    let step = lesson
        .steps
        .iter()
        .find(|s| s.id == "names-and-verbs")
        .expect("the step");
    let mut r = Results::new("Partly", lesson);
    let mut w = StepWork {
        step: step.id.clone(),
        kind: "bias".into(),
        ..Default::default()
    };
    for k in step.keys() {
        let a = corpus.get(&k.article).expect("article");
        w.highlights.push(lateral::records::results::SavedHighlight::new(
            a,
            k.core,
            k.label.clone(),
        ));
    }
    r.steps.push(w);
    let mut v = serde_json::to_value(&r).expect("json");
    let hs = v["steps"][0]["highlights"].as_array_mut().expect("highlights");
    assert!(hs.len() >= 3, "the step has at least three keys");
    // Highlight 2: a negative start, no quote to find it by.
    hs[1]["target"]["selector"] = serde_json::json!([{"type": "TextPositionSelector", "start": -5, "end": 3}]);
    // Highlight 3: past the article's end, no quote.
    hs[2]["target"]["selector"] =
        serde_json::json!([{"type": "TextPositionSelector", "start": 999_990, "end": 999_999}]);
    let p = dir.join("partly.json");
    std::fs::write(&p, serde_json::to_string_pretty(&v).expect("json")).expect("written");
    p
}

#[test]
fn regression_negative_offset_skips_the_whole_file() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let p = with_bad_highlights(d.path(), &lesson, &corpus);
    let report = grade(&lesson, &corpus, std::slice::from_ref(&p));
    assert_eq!(report.skipped, 0, "{:#?}", report.diagnostics);
    assert_eq!(report.graded.len(), 1);
    let g = &report.graded[0];
    let keys = lesson
        .steps
        .iter()
        .find(|s| s.id == "names-and-verbs")
        .expect("step")
        .keys()
        .len();
    assert_eq!(g.results.steps[0].highlights.len(), keys - 2, "the good ones are kept");
    assert_eq!(
        g.left_out,
        LeftOut {
            highlights: 2,
            choices: 0
        }
    );
    let text = std::fs::read_to_string(&p).expect("read");
    let msgs: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}", d.file, d.line, d.message))
        .collect();
    let negative = report
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .starts_with("highlight 2 of step `names-and-verbs` cannot be read")
        })
        .unwrap_or_else(|| panic!("{msgs:#?}"));
    assert!(negative.message.contains("-5"), "{}", negative.message);
    // At highlight 2 in the file: the line of its `{`, the second in the highlights list.
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[negative.line - 1].trim() == "{", "{negative:?}\n{text}");
    let past = report
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("highlight 3 of step `names-and-verbs`"))
        .unwrap_or_else(|| panic!("{msgs:#?}"));
    assert!(past.message.contains("past the end of the article"), "{}", past.message);
    assert!(lines[past.line - 1].contains("999999"), "at its `end`: {past:?}");
    // The found keys still score.
    let score = g
        .outcome
        .steps
        .iter()
        .find(|s| s.step == "names-and-verbs")
        .and_then(|s| s.score);
    assert!(score.is_some_and(|s| s > 0.0), "{score:?}");
}
