//! `lateral export-h5p`: a lesson step as an H5P "Mark the Words" package. Every bias and machine
//! step of the bundled lessons is exported and read back by the H5P import; the command is run
//! as a program for its exit codes, messages and the file it writes.

use std::io::Read as _;

mod support;
use support::{lateral, stderr, stdout};

use lateral::corpus::Corpus;
use lateral::corpus::import::h5p_from_bytes;
use lateral::lesson::{Lesson, bundled};
use lateral::records::h5p_export::{exportable_steps, step_to_h5p};

/// The whitespace-separated pieces of `text`, with their char spans.
fn pieces(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        match (&mut cur, c.is_whitespace()) {
            (Some((s, w)), true) => {
                out.push((*s, i, std::mem::take(w)));
                cur = None;
            }
            (Some((_, w)), false) => w.push(c),
            (None, false) => cur = Some((i, c.to_string())),
            (None, true) => {}
        }
    }
    out
}

/// For step `index`: the pieces of its articles' texts, one after the other, each with whether
/// a key of the step touches a letter or digit of it.
fn expected(lesson: &Lesson, index: usize, corpus: &Corpus) -> Vec<(String, bool)> {
    let step = &lesson.steps[index];
    let mut out = Vec::new();
    for id in &step.articles {
        let article = corpus.get(id).expect("the article");
        let chars: Vec<char> = article.text.as_str().chars().collect();
        for (s, e, piece) in pieces(article.text.as_str()) {
            let touched = step.keys().iter().any(|k| {
                k.article == *id && (s.max(k.core.start)..e.min(k.core.end)).any(|c| chars[c].is_alphanumeric())
            });
            out.push((piece, touched));
        }
    }
    out
}

#[test]
fn every_bias_and_machine_step_of_the_bundled_lessons_round_trips_through_the_h5p_import() {
    let corpus = bundled::corpus();
    let mut exported = 0;
    for lf in bundled::lessons(&corpus) {
        let lesson = lf.lesson.expect("a bundled lesson");
        for (index, step) in exportable_steps(&lesson) {
            let what = format!("{} step {} ({})", lesson.id, index + 1, step.id);
            let package = step_to_h5p(&lesson, index, &corpus).unwrap_or_else(|e| panic!("{what}: {e}"));
            let back = h5p_from_bytes("step.h5p", package.bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
            let want = expected(&lesson, index, &corpus);
            // The same text, piece for piece (paragraph breaks aside).
            let got = pieces(&back.text);
            let got_words: Vec<&str> = got.iter().map(|(_, _, w)| w.as_str()).collect();
            let want_words: Vec<&str> = want.iter().map(|(w, _)| w.as_str()).collect();
            assert_eq!(got_words, want_words, "{what}");
            // Each marked word is the word of one piece (its punctuation aside), and the pieces
            // marked are exactly those a key touches.
            let chars: Vec<char> = back.text.chars().collect();
            let mut marked = vec![false; got.len()];
            for m in &back.marked {
                let i = got
                    .iter()
                    .position(|(s, e, _)| *s <= m.start && m.end <= *e)
                    .expect("in one piece");
                let word: String = chars[m.start..m.end].iter().collect();
                let rest = got[i].2.replacen(&word, "", 1);
                assert!(
                    !rest.chars().any(char::is_alphanumeric),
                    "{what}: `{word}` in `{}`",
                    got[i].2
                );
                assert!(!marked[i], "{what}: piece {i} marked twice");
                marked[i] = true;
            }
            let want_marked: Vec<bool> = want.iter().map(|(_, t)| *t).collect();
            assert_eq!(marked, want_marked, "{what}");
            assert_eq!(back.marked.len(), package.marked_words, "{what}");
            assert!(package.dropped.is_empty(), "{what}: {:?}", package.dropped);
            exported += 1;
        }
    }
    // The bundled lessons have at least one machine step and the bias lesson's steps.
    assert!(exported >= 6, "{exported}");
}

#[test]
fn export_h5p_writes_a_package_that_says_it_holds_the_answers() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("step.h5p");
    let o = lateral(&[
        "export-h5p",
        "lessons/02-bias.md",
        "names-and-verbs",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("step 4 “Names and verbs” as an H5P Mark the Words task"),
        "{out}"
    );
    assert!(out.contains("It contains the answers"), "{out}");
    assert!(out.contains("labels, extents, explanations and hints"), "{out}");
    let bytes = std::fs::read(&file).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut json = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).expect(name).read_to_string(&mut s).expect("read");
        serde_json::from_str::<serde_json::Value>(&s).expect("JSON")
    };
    let h5p = json("h5p.json");
    for field in [
        "title",
        "language",
        "mainLibrary",
        "embedTypes",
        "preloadedDependencies",
    ] {
        assert!(!h5p[field].is_null(), "h5p.json has no {field}");
    }
    assert_eq!(h5p["mainLibrary"], "H5P.MarkTheWords");
    let content = json("content/content.json");
    assert!(
        content["textField"]
            .as_str()
            .is_some_and(|t| t.starts_with("<p>") && t.contains('*'))
    );
    assert!(
        content["taskDescription"]
            .as_str()
            .is_some_and(|t| t.contains("Names and verbs"))
    );
    // The same step by its number gives the same file.
    let again = d.path().join("again.h5p");
    let o = lateral(&[
        "export-h5p",
        "lessons/02-bias.md",
        "4",
        "-o",
        again.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&again).expect("written"),
        std::fs::read(&file).expect("written")
    );
}

#[test]
fn export_h5p_refuses_a_conflict_step_and_names_the_steps_it_can_export() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("step.h5p");
    let o = lateral(&[
        "export-h5p",
        "lessons/00-first-look.md",
        "2",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("is a conflict step"), "{err}");
    assert!(err.contains("can be exported"), "{err}");
    assert!(err.contains("machine-tells"), "{err}");
    assert!(!file.exists());
    // A choice step: the same, with its kind named.
    let o = lateral(&[
        "export-h5p",
        "lessons/00-first-look.md",
        "4",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a choice step"), "{}", stderr(&o));
    // A lesson with no step to export says so.
    let o = lateral(&[
        "export-h5p",
        "lessons/01-conflict.md",
        "1",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("none of its steps can be exported"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_h5p_cannot_run_without_a_step_a_lesson_or_a_place_to_write_and_exits_2() {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("step.h5p");
    let f = file.to_str().expect("path");
    let o = lateral(&["export-h5p", "lessons/02-bias.md", "99", "-o", f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no step `99`"), "{}", stderr(&o));
    let o = lateral(&["export-h5p", "no/such/lesson.md", "1", "-o", f]);
    assert_eq!(o.status.code(), Some(2));
    let o = lateral(&["export-h5p", "lessons/02-bias.md", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
    // A "folder" that is a file.
    let not_a_folder = d.path().join("notes.txt");
    std::fs::write(&not_a_folder, "x").expect("written");
    let nowhere = not_a_folder.join("step.h5p");
    let o = lateral(&[
        "export-h5p",
        "lessons/02-bias.md",
        "2",
        "-o",
        nowhere.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!file.exists());
}
