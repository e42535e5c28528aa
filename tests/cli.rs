//! The teachers' CLI, run as a program: exit codes, messages and JSON.

use std::path::Path;
mod support;
use std::process::Command;
use support::{lateral, stderr, stdout};

#[test]
fn check_passes_on_the_bundled_lessons_and_corpus() {
    let o = lateral(&["check", "lessons", "corpus"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("0 errors"), "{}", stderr(&o));
    assert!(stderr(&o).contains("6 article(s)"), "{}", stderr(&o));
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

/// Issue 15: warnings never failed a check, so a lesson of placeholders passed CI.
#[test]
fn regression_check_had_no_strict_mode_for_warnings() {
    let d = tempfile::tempdir().unwrap();
    let todo = d.path().join("todo.md");
    std::fs::write(&todo, "+++\ntitle = \"T\"\n+++\n\n+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n[[key]]\nquote = \"Kiev's forces\"\nlabel = \"naming\"\nexplanation = \"TODO\"\n+++\nFind the name RT gives the army.\n").unwrap();
    let o = lateral(&["check", todo.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "a warning alone: {}{}",
        stdout(&o),
        stderr(&o)
    );
    assert!(
        stdout(&o).contains(&format!("{}:12:15", todo.display())),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("placeholder text (“TODO”)"), "{}", stdout(&o));
    let o = lateral(&["check", "--strict", todo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("--strict: warnings count as problems"),
        "{}",
        stderr(&o)
    );
    let o = lateral(&["check", "--strict", "--format", "json", todo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    // The bundled lessons pass strict, as CI checks them.
    let o = lateral(&["check", "--strict", "lessons", "corpus"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
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
    assert!(
        stderr(&o).contains("unexpected argument '--frobnicate'"),
        "{}",
        stderr(&o)
    );
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
    let lib = lateral::lesson::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[]).unwrap();
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
    let lib = lateral::lesson::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[])
        .expect("lessons load");
    let lesson = lib.lessons[0].lesson.clone().expect("the first lesson parses");
    let mut r = lateral::records::results::Results::answer_key("Ana", &lesson, &lib.corpus);
    for work in &mut r.steps {
        // A score written in the file is never trusted.
        work.score = Some(0.123);
    }
    let p = dir.join("ana.json");
    r.save(&p).expect("results saved");
    p
}

/// Issue 15: `score` read and prepared every article of the corpus for one results file (1.5 s
/// on a corpus of 357). It reads the lesson's own articles only: an article the lesson does not
/// show, even a broken one, is never opened, while `check` still reports it.
#[test]
fn regression_score_loads_the_whole_corpus() {
    let d = tempfile::tempdir().unwrap();
    let p = perfect_results(d.path());
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in ["003_8346b133a5ab34a1", "000_93c843e8f2ae1a16"] {
        for ext in ["txt", "toml"] {
            let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/{f}.{ext}"));
            std::fs::copy(from, corpus.join(format!("{f}.{ext}"))).unwrap();
        }
    }
    std::fs::write(corpus.join("broken.txt"), "Some text.\n").unwrap();
    std::fs::write(corpus.join("broken.toml"), "id = \"broken\"\ndate = 2026-13-45\n").unwrap();
    let c = corpus.to_str().unwrap();
    let o = lateral(&[
        "score",
        "--corpus",
        c,
        "--lesson",
        "lessons/00-first-look.md",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        !stderr(&o).contains("broken"),
        "the unused article is not read: {}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("100%"), "{}", stdout(&o));
    let o = lateral(&["check", c]);
    assert_eq!(o.status.code(), Some(1), "check still reads it");
    assert!(stdout(&o).contains("broken.toml"), "{}", stdout(&o));
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

/// The commands `lateral --help` lists.
const COMMANDS: [&str; 9] = [
    "check",
    "score",
    "import",
    "new-lesson",
    "grade",
    "export",
    "export-h5p",
    "pack",
    "completions",
];

#[test]
fn help_lists_every_command_and_version_is_the_crates() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let o = lateral(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        for c in COMMANDS {
            assert!(
                out.lines().any(|l| l.trim_start().starts_with(&format!("{c} "))),
                "{args:?} does not list {c}:\n{out}"
            );
        }
        assert!(out.contains("--lessons <DIR>"), "{out}");
    }
    for flag in ["--version", "-V"] {
        let o = lateral(&[flag]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), format!("lateral {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn every_command_has_help_with_its_options() {
    for (cmd, options) in [
        ("check", &["--format <FORMAT>", "--corpus <DIR>", "<PATH>..."][..]),
        ("score", &["--lesson <LESSON>", "--format <FORMAT>", "<RESULTS.json>"]),
        (
            "import",
            &[
                "--corpus <DIR>",
                "--lessons <DIR>",
                "--id <ID>",
                "--date <YYYY-MM-DD>",
                "--fictional",
            ],
        ),
        ("new-lesson", &["--article <ID>", "--task <TASK>", "--out <FILE>"]),
        ("grade", &["--lesson <LESSON>", "--csv <OUT.csv>", "<RESULTS>..."]),
        ("export", &["--lesson <LESSON>", "--out <OUT.jsonld>", "<RESULTS.json>"]),
        (
            "export-h5p",
            &[
                "--out <OUT.h5p>",
                "<LESSON>",
                "<STEP>",
                "--corpus <DIR>",
                "contains the answers",
            ],
        ),
        ("pack", &["--exam", "--out <PACK.lateral-exam>", "<LESSON>..."]),
        ("completions", &["<SHELL>", "bash"]),
    ] {
        for args in [vec![cmd, "--help"], vec!["help", cmd], vec![cmd, "-h"]] {
            let o = lateral(&args);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(out.contains(&format!("Usage: lateral {cmd}")), "{args:?}:\n{out}");
            for opt in options {
                assert!(out.contains(opt), "{args:?} does not show {opt}:\n{out}");
            }
        }
    }
    // The long help explains; the short one is a summary.
    let long = stdout(&lateral(&["check", "--help"]));
    assert!(long.contains("file:line:column"), "{long}");
    assert!(long.contains("Exit 0 when clean, 1 when there are problems, 2 when it could not run"));
}

#[test]
fn usage_errors_exit_2_and_name_the_culprit() {
    for (args, culprit) in [
        (&["check", "--frobnicate", "lessons"][..], "--frobnicate"),
        (&["score", "--lesson"], "--lesson"),
        (
            &["score", "--lesson", "lessons/00-first-look.md", "a.json", "b.json"],
            "b.json",
        ),
        (&["check", "--format", "xml", "lessons"], "xml"),
        (&["chek", "lessons"], "chek"),
        (&["--lessons", "lessons", "check"], "check"),
        (&["pack", "-o", "x.lateral-exam", "lessons/00-first-look.md"], "--exam"),
        (&["new-lesson", "--article", "rt", "--task", "poetry"], "poetry"),
        (
            &[
                "new-lesson",
                "--article",
                "rt",
                "--article",
                "ap-ktvz",
                "--task",
                "bias",
            ],
            "one --article",
        ),
        (&["completions", "tcsh"], "tcsh"),
    ] {
        let o = lateral(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(culprit), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
    }
    // An argument with an escape sequence is shown escaped.
    let o = lateral(&["check", "--\u{1b}[2J", "lessons"]);
    assert_eq!(o.status.code(), Some(2));
    assert_terminal_safe("a usage error", &stderr(&o));
    assert!(stderr(&o).contains("--\\u{1b}[2J"), "{}", stderr(&o));
}

/// As before clap: an option given twice counts once, the last one; a list option keeps all.
#[test]
fn a_repeated_option_counts_the_last_one() {
    let o = lateral(&["check", "--format", "text", "--format", "json", "lessons", "corpus"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON, the last --format");
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
    let o = lateral(&["check", "--corpus", "corpus", "--corpus", "no/such/dir", "lessons"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/dir"), "{}", stderr(&o));
}

#[test]
fn completions_for_every_shell() {
    let o = lateral(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let script = stdout(&o);
    assert!(
        script.contains("_lateral()") && script.contains("complete -F _lateral"),
        "{script}"
    );
    assert!(script.contains("new-lesson"), "{script}");
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let o = lateral(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        assert!(stdout(&o).contains("lateral"), "{shell}");
    }
}

/// Without a command, the arguments are the app's, and clap checks them as it checks a
/// command's: an unknown one is named, a screenshot option needs `--screenshot`. (The app is
/// never started here: without the `gui` feature there is none, and with it the options are
/// refused before a window opens.)
#[test]
fn app_options_go_to_the_app() {
    for (args, culprit) in [
        (&["--lessons", "lessons", "--frobnicate"][..], "--frobnicate"),
        (&["--step", "2"], "--screenshot"),
        (&["--screenshot", "x.png", "--size", "12"], "WIDTHxHEIGHT"),
    ] {
        let o = lateral(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(culprit), "{args:?}: {}", stderr(&o));
    }
    if !cfg!(feature = "gui") {
        let o = lateral(&["--lessons", "lessons"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("this build of lateral has no app"),
            "{}",
            stderr(&o)
        );
        assert!(stderr(&o).contains("Usage: lateral"), "{}", stderr(&o));
    }
}

/// `lateral FILE.lateral-exam`, as the desktop opens a double-clicked exam pack (the `.deb`'s
/// `Exec=lateral %f`, the Windows installer's `"lateral.exe" "%1"`), is `--lessons FILE`; a
/// mistyped command is still one (clap's suggestion), and a pack next to `--lessons` is refused.
#[test]
fn a_double_clicked_exam_pack_opens_in_the_app_and_a_mistyped_command_is_still_one() {
    match lateral::cli::parse_args(vec!["Class 7b.LATERAL-EXAM".into()]) {
        Ok(lateral::cli::Invocation::App(a)) => {
            assert_eq!(a.lessons.as_deref(), Some(Path::new("Class 7b.LATERAL-EXAM")));
        }
        other => panic!("not the app on the pack: {other:?}"),
    }
    let o = lateral(&["chek", "lessons"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("'check'"), "the suggestion: {}", stderr(&o));
    let o = lateral(&["exam.lateral-exam", "--lessons", "lessons"]);
    assert_eq!(o.status.code(), Some(2), "one or the other: {}", stderr(&o));
    assert!(stderr(&o).contains("exam.lateral-exam"), "{}", stderr(&o));
    // A lesson folder or any other file is not opened so: `--lessons` says which.
    let o = lateral(&["lessons"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
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

/// No raw control char (ESC, BEL, CSI …) and no bidi override in what the CLI prints.
fn assert_terminal_safe(what: &str, s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect();
    assert!(bad.is_empty(), "{what} has raw {bad:?}: {s:?}");
}

/// A student named `\x1b[2J…` (a hand-edited results file) cleared the teacher's terminal when
/// `lateral score` and `lateral grade` printed the name; a lesson line with an escape did the
/// same through `lateral check`. Every file-derived string is now shown escaped, as `\u{1b}`.
#[test]
fn regression_escape_sequence_in_student_name_reaches_terminal() {
    let d = tempfile::tempdir().unwrap();
    let lib = lateral::lesson::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[])
        .expect("lessons load");
    let lesson = lib.lessons[0].lesson.clone().expect("the first lesson parses");
    let evil = "\u{1b}[2J\u{1b}[31mAna\u{7}\u{9b}0m\u{202E}nimda";
    let r = lateral::records::results::Results::answer_key(evil, &lesson, &lib.corpus);
    let p = d.path().join("ana.json");
    r.save(&p).unwrap();
    // Such a name is not one the app accepts, so the file is refused, and the message shows
    // the name escaped.
    let o = lateral(&["score", "--lesson", "lessons/00-first-look.md", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_terminal_safe("score's stdout", &stdout(&o));
    assert_terminal_safe("score's stderr", &stderr(&o));
    assert!(stderr(&o).contains("\\u{1b}[2J\\u{1b}[31mAna"), "{}", stderr(&o));
    // Twice in a class: the "already graded" message names the student.
    std::fs::copy(&p, d.path().join("again.json")).unwrap();
    let o = lateral(&[
        "grade",
        "--lesson",
        "lessons/00-first-look.md",
        d.path().to_str().unwrap(),
    ]);
    assert_terminal_safe("grade's stderr", &stderr(&o));
    assert_terminal_safe("grade's stdout", &stdout(&o));
    assert!(stderr(&o).contains("\\u{1b}[2J\\u{1b}[31mAna"), "{}", stderr(&o));
    // A lesson line with raw escapes (TOML refuses them), in a file whose name has one too,
    // and a lesson whose quote carries escapes written as TOML escapes.
    let lesson_dir = d.path().join("lessons");
    std::fs::create_dir_all(&lesson_dir).unwrap();
    let step = "+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n[[key]]\nquote = \"QUOTE\"\nlabel = \"framing-headline\"\nexplanation = \"x\"\n+++\nDo.\n";
    std::fs::write(
        lesson_dir.join("evil\u{1b}[1m.md"),
        format!("+++\nid = \"evil\"\ntitle = \"T\u{1b}]0;pwned\u{7}\"\n+++\n\n{step}"),
    )
    .unwrap();
    std::fs::write(
        lesson_dir.join("escaped.md"),
        format!(
            "+++\nid = \"escaped\"\ntitle = \"T\\u001b]0;pwned\\u0007\"\n+++\n\n{}",
            step.replace("QUOTE", "\\u001b[2Jnowhere\\u202E")
        ),
    )
    .unwrap();
    let o = lateral(&["check", lesson_dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert_terminal_safe("check's stdout", &out);
    assert_terminal_safe("check's stderr", &stderr(&o));
    assert!(out.contains("evil\\u{1b}[1m.md:3:11"), "{out}");
    assert!(out.contains("3 | title = \"T\\u{1b}]0;pwned\\u{7}\""), "{out}");
    assert!(out.contains("escaped.md:11:9"), "{out}");
    assert!(out.contains("this quote is not in the article `rt`"), "{out}");
}

/// `lateral import --corpus FILE` said only "error: File exists (os error 17)". Every message
/// about a path now names it and says what to do.
#[test]
fn regression_io_errors_do_not_name_the_path() {
    let d = tempfile::tempdir().unwrap();
    let article = d.path().join("a.txt");
    std::fs::write(&article, "A short article. It has two sentences.\n").unwrap();
    let not_a_folder = d.path().join("corpus-file");
    std::fs::write(&not_a_folder, "I am a file").unwrap();
    let flags = ["--outlet", "O", "--headline", "H", "--kind", "k"];
    let mut args = vec![
        "import",
        article.to_str().unwrap(),
        "--corpus",
        not_a_folder.to_str().unwrap(),
    ];
    args.extend(flags);
    let o = lateral(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("--corpus {} is a file, not a folder", not_a_folder.display())),
        "{err}"
    );
    assert!(err.contains("help: give --corpus the folder to write into"), "{err}");
    assert!(!err.contains("os error 17") || err.contains("corpus-file"), "{err}");

    // A corpus folder below a file: the write fails, and the message names the file in the way.
    let below = not_a_folder.join("corpus");
    let mut args = vec!["import", article.to_str().unwrap(), "--corpus", below.to_str().unwrap()];
    args.extend(flags);
    let o = lateral(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{} is a file, not a folder", not_a_folder.display())),
        "{err}"
    );
    assert!(err.contains("cannot write"), "{err}");
    assert!(err.contains(&below.display().to_string()), "{err}");

    // The gradebook written below a file.
    let p = perfect_results(d.path());
    let csv = not_a_folder.join("grades.csv");
    let o = lateral(&[
        "grade",
        "--lesson",
        "lessons/00-first-look.md",
        "--csv",
        csv.to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("error: cannot write {}", csv.display())), "{err}");
    assert!(
        err.contains(&format!("{} is a file, not a folder", not_a_folder.display())),
        "{err}"
    );
    assert!(err.contains("help: give a folder there"), "{err}");

    // A folder of results that has none.
    let empty = d.path().join("empty-class");
    std::fs::create_dir_all(&empty).unwrap();
    let o = lateral(&["grade", "--lesson", "lessons/00-first-look.md", empty.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("this folder has no results files (.json)"), "{err}");
    assert!(err.contains(&empty.display().to_string()), "{err}");

    // An impossible --date is refused before anything is written.
    let corpus = d.path().join("corpus");
    let mut args = vec![
        "import",
        article.to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
        "--date",
        "2023-02-30",
    ];
    args.extend(flags);
    let o = lateral(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--date 2023-02-30 is not a date"), "{}", stderr(&o));
    assert!(!corpus.exists());
}

/// `std::env::args` panicked on a file name that is not UTF-8 (a Latin-1 name on Linux).
#[cfg(unix)]
#[test]
fn regression_non_utf8_argument_panics() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["score", "--lesson", "lessons/00-first-look.md"])
        .arg(name)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lateral runs");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the argument “caf\u{FFFD}.json” is not valid Unicode text"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}
