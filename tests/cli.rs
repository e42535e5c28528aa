//! The teachers' CLI, run as a program: exit codes, messages and JSON.

use std::path::Path;
use std::process::{Command, Output};

fn lateral(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lateral runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_passes_on_the_bundled_lessons_and_corpus() {
    let o = lateral(&["check", "lessons", "corpus"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("0 errors"), "{}", stderr(&o));
    assert!(stderr(&o).contains("5 article(s)"), "{}", stderr(&o));
}

#[test]
fn check_reports_problems_with_file_line_and_column_and_exits_1() {
    let d = tempfile::tempdir().unwrap();
    let bad = d.path().join("bad.md");
    std::fs::write(&bad, "+++\ntitle = \"T\"\n+++\n\n+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n[[key]]\nquote = \"Kyiv\"\nlabel = \"naming\"\nexplanation = \"x\"\n+++\nDo.\n").unwrap();
    let o = lateral(&["check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("{}:10:9", bad.display())), "{out}");
    assert!(out.contains("this quote is not in the article `rt`"), "{out}");
    assert!(out.contains("quote = \"Kyiv\""), "{out}");
    assert!(stderr(&o).contains("1 error"), "{}", stderr(&o));
}

#[test]
fn check_cannot_run_on_a_missing_path_and_exits_2() {
    let o = lateral(&["check", "no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file or folder"));
    let o = lateral(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    let o = lateral(&["check", "--frobnicate", "lessons"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option `--frobnicate`"));
}

#[test]
fn check_json_lists_lessons_steps_keys_and_diagnostics() {
    let o = lateral(&["check", "--format", "json", "lessons", "corpus"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
    let lesson = &v["lessons"][0];
    assert_eq!(lesson["id"], "first-look");
    let steps = lesson["steps"].as_array().unwrap();
    let conflict = steps.iter().find(|s| s["kind"] == "conflict").unwrap();
    let keys = conflict["keys"].as_array().unwrap();
    for k in keys {
        for field in ["article", "start", "end", "text", "label", "kind", "explanation"] {
            assert!(k.get(field).is_some(), "key lacks {field}: {k}");
        }
    }
    assert_eq!(keys[0]["partner"], keys[1]["id"]);
    assert_eq!(keys[1]["partner"], keys[0]["id"]);
    assert_eq!(
        keys[0]["text"],
        "the strike was probably launched by Ukrainian air defenses"
    );
    // Offsets are char offsets into the article's displayed text.
    let lib = lateral::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[]).unwrap();
    let art = lib.corpus.get("ap-ktvz").unwrap();
    let (s, e) = (
        keys[0]["start"].as_u64().unwrap() as usize,
        keys[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        art.slice(lateral::text::Span::new(s, e)),
        keys[0]["text"].as_str().unwrap()
    );
    let machine = steps.iter().find(|s| s["kind"] == "machine").unwrap();
    assert_eq!(machine["keys"][0]["label"], "disclosure");
}

#[test]
fn check_json_diagnostics_have_file_line_column_severity_message() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("x.md"), "+++\ntitl = \"T\"\n+++\n").unwrap();
    let o = lateral(&["check", "--format=json", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        for field in ["file", "line", "column", "severity", "message"] {
            assert!(d.get(field).is_some(), "diagnostic lacks {field}: {d}");
        }
    }
    assert!(
        diags
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("unknown key `titl`")
                && d["line"] == 2
                && d["column"] == 1)
    );
}

/// Writes a results file that answers the bundled first lesson with its own key.
fn perfect_results(dir: &Path) -> std::path::PathBuf {
    let lib =
        lateral::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[]).expect("lessons load");
    let lesson = lib.lessons[0].lesson.clone().expect("the first lesson parses");
    let mut r = lateral::results::Results::answer_key("Ana", &lesson, &lib.corpus);
    for work in &mut r.steps {
        // A score written in the file is never trusted.
        work.score = Some(0.123);
    }
    let p = dir.join("ana.json");
    r.save(&p).expect("results saved");
    p
}

#[test]
fn score_recomputes_from_the_highlights() {
    let d = tempfile::tempdir().unwrap();
    let p = perfect_results(d.path());
    let o = lateral(&["score", "--lesson", "lessons/00-first-look.md", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("lesson score: 100%"), "{out}");
    assert!(out.contains("found"), "{out}");
    let o = lateral(&[
        "score",
        "--lesson",
        "lessons/00-first-look.md",
        "--format",
        "json",
        p.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["score"], 1.0);
    let steps = v["steps"].as_array().unwrap();
    let conflict = steps.iter().find(|s| s["kind"] == "conflict").unwrap();
    for f in ["precision", "recall", "f1"] {
        assert_eq!(conflict["detail"][f], 1.0);
    }
    assert_eq!(conflict["detail"]["keys"][0]["verdict"], "found");
}

#[test]
fn score_reports_bad_results_files() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("junk.json");
    std::fs::write(&p, "not json").unwrap();
    let o = lateral(&["score", "--lesson", "lessons/00-first-look.md", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a readable results file"), "{}", stderr(&o));
    let o = lateral(&["score", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--lesson"));
}

#[test]
fn help_and_version() {
    let o = lateral(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("lateral check"));
    let o = lateral(&["--version"]);
    assert!(stdout(&o).starts_with("lateral "));
}

#[test]
fn export_writes_web_annotations_and_survives_an_empty_file() {
    let d = tempfile::tempdir().unwrap();
    let p = perfect_results(d.path());
    let o = lateral(&["export", "--lesson", "lessons/00-first-look.md", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON-LD");
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 5, "one annotation per highlight");
    assert_eq!(items[0]["type"], "Annotation");
    assert_eq!(items[0]["target"]["source"], "urn:lateral:article:ap-ktvz");
    // An empty results file is reported (line and column 0), not a crash.
    let empty = d.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let o = lateral(&[
        "export",
        "--lesson",
        "lessons/00-first-look.md",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a readable results file"), "{}", stderr(&o));
}
