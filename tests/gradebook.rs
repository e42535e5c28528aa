//! Gradebooks for learning platforms: `lateral grade --csv-format canvas|moodle --roster`,
//! checked as a spreadsheet (and the platform's importer) would read them.

use std::path::Path;
use std::process::Command;

use lateral::records::results::Results;

/// A class of three on the first-look lesson: two named in the roster (one with odd spacing and
/// case), one missing from it whose name would run as a formula in a spreadsheet.
fn class(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/00-first-look.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("lesson");
    let class = dir.join("class");
    std::fs::create_dir_all(&class).expect("dir");
    for (i, name) in ["Zoë Kowalska", "ben  OKAFOR", "=HYPERLINK(\"x\")"].iter().enumerate() {
        Results::new(name, &lesson)
            .save(&class.join(format!("s{i}.json")))
            .expect("saved");
    }
    std::fs::write(
        dir.join("roster.csv"),
        "\u{FEFF}name,id,sis_user_id,sis_login_id,section,email,id_number,first_name,last_name\n\
         Zoë Kowalska,1001,S1001,zkowalska,7B,zoe@school.example,N1001,Zoë,Kowalska\n\
         Ben Okafor,1002,S1002,bokafor,7B,ben@school.example,N1002,,\n",
    )
    .expect("roster");
    class
}

fn grade(dir: &Path, format: &str, roster: bool) -> (i32, String, Vec<Vec<String>>) {
    let out = dir.join(format!("{format}.csv"));
    let mut c = Command::new(env!("CARGO_BIN_EXE_lateral"));
    c.args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/00-first-look.md"))
        .args(["--csv-format", format, "--csv"])
        .arg(&out)
        .arg(dir.join("class"));
    if roster {
        c.arg("--roster").arg(dir.join("roster.csv"));
    }
    let o = c.output().expect("runs");
    let text = std::fs::read_to_string(&out).expect("csv");
    assert!(!text.starts_with('\u{FEFF}'), "no BOM unless --bom");
    let body = text.as_str();
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        rows,
    )
}

#[test]
fn canvas_gradebook_has_its_columns_points_possible_and_roster_ids() {
    let d = tempfile::tempdir().expect("tempdir");
    class(d.path());
    let (code, stderr, rows) = grade(d.path(), "canvas", true);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        rows[0],
        [
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            "First look: one briefing, two reports"
        ]
    );
    assert_eq!(rows[1], ["    Points Possible", "", "", "", "", "100"]);
    assert_eq!(rows.len(), 2 + 3, "nobody dropped");
    assert_eq!(rows[2], ["Zoë Kowalska", "1001", "S1001", "zkowalska", "7B", "0.00"]);
    assert_eq!(rows[3][..5], ["ben  OKAFOR", "1002", "S1002", "bokafor", "7B"]);
    // Not in the roster: listed, kept with empty identities, and its name cannot run.
    assert_eq!(rows[4], ["'=HYPERLINK(\"x\")", "", "", "", "", "0.00"]);
    assert!(stderr.contains("is not in the roster"), "{stderr}");
}

#[test]
fn moodle_gradebook_has_names_id_numbers_and_emails() {
    let d = tempfile::tempdir().expect("tempdir");
    class(d.path());
    let (code, stderr, rows) = grade(d.path(), "moodle", true);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        rows[0],
        [
            "First name",
            "Last name",
            "ID number",
            "Email address",
            "First look: one briefing, two reports",
            "Reflection: What would you check next?"
        ]
    );
    assert_eq!(rows[1], ["Zoë", "Kowalska", "N1001", "zoe@school.example", "0.00", ""]);
    // No first and last name in the roster: the name as typed, split at its last space.
    assert_eq!(rows[2], ["ben", "OKAFOR", "N1002", "ben@school.example", "0.00", ""]);
    assert_eq!(rows.len(), 4);
}

#[test]
fn without_a_roster_the_platform_gradebook_says_its_ids_are_empty() {
    let d = tempfile::tempdir().expect("tempdir");
    class(d.path());
    let (code, stderr, rows) = grade(d.path(), "canvas", false);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("no --roster given"), "{stderr}");
    assert!(!stderr.contains("is not in the roster"), "{stderr}");
    assert_eq!(rows.len(), 5);
}

#[test]
fn a_roster_that_is_not_a_roster_stops_grading_with_what_to_do() {
    let d = tempfile::tempdir().expect("tempdir");
    class(d.path());
    std::fs::write(d.path().join("roster.csv"), "id,email\n1,a@b\n").expect("roster");
    let out = d.path().join("x.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/00-first-look.md"))
        .args(["--csv-format", "moodle", "--csv"])
        .arg(&out)
        .arg("--roster")
        .arg(d.path().join("roster.csv"))
        .arg(d.path().join("class"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no `name` column"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn xapi_statements_carry_what_the_spec_requires() {
    let d = tempfile::tempdir().expect("tempdir");
    let class_dir = class(d.path());
    let out = d.path().join("xapi.json");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/00-first-look.md"))
        .args([
            "--school-url",
            "https://school.example/",
            "--pass-mark",
            "0.5",
            "--xapi",
        ])
        .arg(&out)
        .arg("--roster")
        .arg(d.path().join("roster.csv"))
        .arg(&class_dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).expect("json")).expect("JSON");
    let st = v.as_array().expect("a list of statements");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/00-first-look.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("lesson");
    let scored = lesson.steps.iter().filter(|s| s.is_scored()).count();
    assert_eq!(st.len(), 3 * (scored + 1));
    let iri = |s: &str| s.starts_with("http://") || s.starts_with("https://") || s.starts_with("urn:");
    for s in st {
        let actor = &s["actor"];
        let ifis = ["mbox", "mbox_sha1sum", "openid", "account"];
        assert_eq!(
            ifis.iter().filter(|k| actor.get(**k).is_some()).count(),
            1,
            "one identifier: {actor}"
        );
        assert_eq!(actor["account"]["homePage"], "https://school.example/");
        assert!(actor["account"]["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(s["verb"]["id"].as_str().is_some_and(iri), "{s}");
        assert!(s["object"]["id"].as_str().is_some_and(iri), "{s}");
        let score = &s["result"]["score"];
        let (scaled, raw, min, max) = (
            score["scaled"].as_f64().expect("scaled"),
            score["raw"].as_f64().expect("raw"),
            score["min"].as_f64().expect("min"),
            score["max"].as_f64().expect("max"),
        );
        assert!((-1.0..=1.0).contains(&scaled), "{s}");
        assert!(min <= raw && raw <= max, "{s}");
    }
    let completed: Vec<&serde_json::Value> = st
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .collect();
    assert_eq!(completed.len(), 3);
    assert_eq!(completed[0]["actor"]["account"]["name"], "1001", "the roster's id");
    assert_eq!(completed[0]["result"]["success"], false, "0 % is below the pass mark");
    assert_eq!(completed[0]["object"]["id"], "urn:lateral:lesson:first-look");
}

#[test]
fn a_school_url_that_is_not_a_web_address_is_refused() {
    let d = tempfile::tempdir().expect("tempdir");
    let class_dir = class(d.path());
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/00-first-look.md"))
        .args(["--school-url", "our school", "--xapi"])
        .arg(d.path().join("x.json"))
        .arg(&class_dir)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a web address"));
}

#[test]
fn a_feedback_sheet_per_student_shows_highlights_keys_and_scores_and_runs_nothing() {
    let d = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/00-first-look.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("lesson");
    let class_dir = d.path().join("class");
    std::fs::create_dir_all(&class_dir).expect("dir");
    // One student highlights the first key of the first highlight step; a second has a name
    // that is markup.
    let step = lesson
        .steps
        .iter()
        .find(|s| !s.keys().is_empty())
        .expect("a highlight step");
    let k = &step.keys()[0];
    let a = lib.corpus.get(&k.article).expect("article");
    let mut r = Results::new("Zoë Kowalska", &lesson);
    r.steps.push(lateral::records::results::StepWork {
        step: step.id.clone(),
        kind: step.kind_name().into(),
        highlights: vec![lateral::records::results::SavedHighlight::new(
            a,
            k.core,
            k.label.clone(),
        )],
        ..Default::default()
    });
    r.save(&class_dir.join("zoe.json")).expect("saved");
    Results::new("<script>alert(1)</script>", &lesson)
        .save(&class_dir.join("x.json"))
        .expect("saved");
    let out = d.path().join("sheets");
    let o = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["grade", "--lesson"])
        .arg(root.join("lessons/00-first-look.md"))
        .arg("--report")
        .arg(&out)
        .arg(&class_dir)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let sheets: Vec<_> = std::fs::read_dir(&out).expect("dir").filter_map(Result::ok).collect();
    assert_eq!(sheets.len(), 2, "one sheet per student");
    let zoe = sheets
        .iter()
        .map(|e| std::fs::read_to_string(e.path()).expect("html"))
        .find(|t| t.contains("<h1>Zoë Kowalska</h1>"))
        .expect("Zoë's sheet");
    assert!(
        zoe.contains("<span class=\"key\"><mark>"),
        "her highlight on the key is marked"
    );
    assert!(
        zoe.contains(&k.explanation.replace('\'', "&#x27;").replace('"', "&quot;")),
        "explanations are on the sheet"
    );
    assert!(zoe.contains("found"), "the verdict");
    assert!(
        !zoe.contains("<script") && !zoe.contains("http"),
        "self-contained, nothing to run or fetch"
    );
    let other = sheets
        .iter()
        .map(|e| std::fs::read_to_string(e.path()).expect("html"))
        .find(|t| !t.contains("Zoë"))
        .expect("the other sheet");
    assert!(
        other.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !other.contains("<script>"),
        "names are text"
    );
}

/// Issue 15: the gradebook left out what students wrote in reflect steps, and always began
/// with a byte-order mark. Now each reflect step has a column (in Lateral's own gradebook, on
/// the student's TOTAL row; in Moodle's, beside the score; none in Canvas's, which would make
/// it a new assignment), and `--bom` adds the mark, for every form.
#[test]
fn regression_gradebook_omits_reflections() {
    let d = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = lateral::lesson::library::load(&[root.join("lessons/00-first-look.md")], &[]).expect("loads");
    let lesson = lib.lessons[0].lesson.clone().expect("lesson");
    let reflect = lesson
        .steps
        .iter()
        .find(|s| matches!(s.body, lateral::lesson::StepBody::Reflect { .. }))
        .expect("a reflect step");
    let class = d.path().join("class");
    std::fs::create_dir_all(&class).expect("dir");
    let written = "=1+1 is not what I'd check; first, who \"said\" it,\nthen when.";
    for (i, (name, text)) in [("Zoë", Some(written)), ("Ben", None)].into_iter().enumerate() {
        let mut r = Results::new(name, &lesson);
        r.steps.push(lateral::records::results::StepWork {
            step: reflect.id.clone(),
            kind: "reflect".into(),
            reflection: text.map(str::to_string),
            ..Default::default()
        });
        r.save(&class.join(format!("s{i}.json"))).expect("saved");
    }
    let run = |format: &str, bom: bool| {
        let out = d.path().join(format!("{format}-{bom}.csv"));
        let mut c = Command::new(env!("CARGO_BIN_EXE_lateral"));
        c.args(["grade", "--lesson"])
            .arg(root.join("lessons/00-first-look.md"))
            .args(["--csv-format", format, "--csv"])
            .arg(&out)
            .arg(&class);
        if bom {
            c.arg("--bom");
        }
        let o = c.output().expect("runs");
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let text = std::fs::read_to_string(&out).expect("csv");
        assert_eq!(text.starts_with('\u{FEFF}'), bom, "{format}: a BOM only with --bom");
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes())
            .records()
            .map(|r| r.expect("a record").iter().map(str::to_string).collect())
            .collect();
        rows
    };
    let guarded = format!("'{written}");
    // Lateral's own: the column, filled on the TOTAL row, the formula guard kept.
    let rows = run("generic", false);
    let col = rows[0]
        .iter()
        .position(|h| *h == format!("reflection:{}", reflect.id))
        .expect("a column for the reflect step");
    let total = |who: &str| {
        rows.iter()
            .find(|r| r[0] == who && r[2] == "TOTAL")
            .expect("total")
            .clone()
    };
    assert_eq!(total("Zoë")[col], guarded);
    assert_eq!(total("Ben")[col], "");
    assert!(
        rows.iter()
            .skip(1)
            .filter(|r| r[2] != "TOTAL")
            .all(|r| r[col].is_empty())
    );
    assert_eq!(run("generic", true), rows, "the same rows with a BOM");
    // Moodle: beside the score.
    let rows = run("moodle", true);
    assert_eq!(
        rows[0].last().map(String::as_str),
        Some("Reflection: What would you check next?")
    );
    let zoe = rows.iter().find(|r| r[0] == "Zoë").expect("row");
    assert_eq!(zoe.last(), Some(&guarded));
    // Canvas: no reflection column.
    let rows = run("canvas", true);
    assert_eq!(rows[0].len(), 6, "{:?}", rows[0]);
    assert_eq!(run("canvas", false), rows);
}
