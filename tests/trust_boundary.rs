//! The trust boundary, through the CLI as a teacher or a school's IT person would meet it:
//! FIFOs, devices and links in lesson folders, exam packs checked before they are handed out.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

/// Runs `lateral` with a time limit: a hang is a failure, not a stuck test run.
fn lateral(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("lateral runs");
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("lateral {args:?} hung for a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo").arg(p).status().is_ok_and(|s| s.success())
}

fn make_pack(dir: &Path) -> std::path::PathBuf {
    let pack = dir.join("exam.lateral-exam");
    let o = lateral(&[
        "pack",
        "--exam",
        "lessons/01-conflict.md",
        "-o",
        pack.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    pack
}

#[test]
fn check_validates_an_exam_pack_before_it_is_handed_out() {
    let d = tempfile::tempdir().expect("tempdir");
    let pack = make_pack(d.path());
    let o = lateral(&["check", pack.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("1 exam pack(s)"), "{}", text(&o));

    let json = std::fs::read_to_string(&pack).expect("pack");
    let bad = json.replacen("\"version\": 1", "\"version\": 99", 1);
    assert_ne!(bad, json, "the pack names its version");
    let badp = d.path().join("bad.lateral-exam");
    std::fs::write(&badp, bad).expect("write");
    let o = lateral(&["check", badp.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("format version 99"), "{}", text(&o));
    assert!(text(&o).contains(&format!("{}:3:", badp.display())), "{}", text(&o));
}

#[test]
fn regression_check_on_a_fifo_reports_checked_0_files_and_exits_0() {
    let d = tempfile::tempdir().expect("tempdir");
    let f = d.path().join("lesson.md");
    if !mkfifo(&f) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    let o = lateral(&["check", f.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("named pipe"), "{}", text(&o));
    let g = d.path().join("pipe");
    assert!(mkfifo(&g));
    let o = lateral(&["check", g.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("named pipe"), "{}", text(&o));
}

#[test]
fn regression_check_and_grade_hang_on_a_fifo_in_a_folder() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::copy("lessons/00-first-look.md", d.path().join("00.md")).expect("copy");
    if !mkfifo(&d.path().join("notes.md")) || !mkfifo(&d.path().join("ana.json")) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    let o = lateral(&["check", d.path().to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("named pipe"), "{}", text(&o));
    assert!(text(&o).contains("checked 1 lesson file(s)"), "{}", text(&o));
    let o = lateral(&[
        "grade",
        "--lesson",
        "lessons/00-first-look.md",
        d.path().to_str().expect("utf-8"),
    ]);
    assert!(text(&o).contains("named pipe"), "{}", text(&o));
}

#[cfg(unix)]
#[test]
fn regression_symlink_to_root_in_a_lesson_folder_walks_the_whole_disk() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::copy("lessons/00-first-look.md", d.path().join("00.md")).expect("copy");
    std::os::unix::fs::symlink("/", d.path().join("everything")).expect("link");
    std::os::unix::fs::symlink(d.path(), d.path().join("myself")).expect("link");
    let start = std::time::Instant::now();
    let o = lateral(&["check", d.path().to_str().expect("utf-8")]);
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("points outside"), "{}", text(&o));
    assert!(text(&o).contains("checked 1 lesson file(s)"), "{}", text(&o));
}

#[cfg(unix)]
#[test]
fn regression_corpus_entry_pointing_at_dev_zero_reads_4_gb() {
    let d = tempfile::tempdir().expect("tempdir");
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    std::fs::write(
        corpus.join("z.toml"),
        "id = \"z\"\noutlet = \"Z\"\nheadline = \"Z\"\noutlet_kind = \"test\"\n",
    )
    .expect("write");
    std::os::unix::fs::symlink("/dev/zero", corpus.join("z.txt")).expect("link");
    let o = lateral(&[
        "check",
        "--corpus",
        corpus.to_str().expect("utf-8"),
        "lessons/00-first-look.md",
    ]);
    assert!(text(&o).contains("outside"), "{}", text(&o));
    let o = lateral(&["check", corpus.join("z.txt").to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("a device"), "{}", text(&o));
}

fn results_json(student: &str, lesson_id: &str) -> String {
    let corpus = lateral::lesson::bundled::corpus();
    let mut lesson = lateral::lesson::bundled::lessons(&corpus)
        .into_iter()
        .find_map(|l| l.lesson)
        .expect("a lesson");
    lesson.id = lesson_id.into();
    let mut r = lateral::records::results::Results::new("Ana", &lesson);
    r.student = student.into();
    r.to_json()
}

#[test]
fn regression_results_file_with_a_path_as_lesson_id_is_read() {
    for bad in ["../../x", "/etc/passwd", "CON", "a/b"] {
        let src = lateral::text::diag::SourceFile::new("r.json", results_json("Ana", bad));
        let e = lateral::records::results::parse_results(&src).expect_err(bad);
        assert!(e.message.contains("cannot be a lesson id"), "{bad}: {}", e.message);
        assert!(e.line > 0, "{e:?}");
    }
}

#[test]
fn regression_results_file_with_escape_codes_in_the_student_name_is_read() {
    let src = lateral::text::diag::SourceFile::new("r.json", results_json("Ana\u{1b}[2J", "first-look"));
    let e = lateral::records::results::parse_results(&src).expect_err("refused");
    assert!(e.message.contains("not one Lateral accepts"), "{}", e.message);
    assert!(!e.to_string().contains('\u{1b}'), "{e}");
}

#[test]
fn regression_h5p_archive_that_unpacks_past_the_limit_is_read_whole() {
    use std::io::Write;
    let d = tempfile::tempdir().expect("tempdir");
    let p = d.path().join("bomb.h5p");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&p).expect("create"));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("content/content.json", opts).expect("entry");
    let block = vec![b' '; 1 << 20];
    for _ in 0..9 {
        zip.write_all(&block).expect("write");
    }
    zip.finish().expect("zip");
    assert!(std::fs::metadata(&p).expect("meta").len() < 100_000, "it compresses");
    let e = lateral::corpus::import::read_h5p(&p).expect_err("refused");
    assert!(e.to_string().contains("at most"), "{e}");
}

/// A lesson with thousands of keys (most of them mistyped) cost one search of the article per
/// key and one "closest passage" search per mistyped key: minutes for a hostile file. Keys are
/// capped per step and per file, and suggestions per file.
#[test]
fn regression_a_lesson_with_thousands_of_keys_checks_for_minutes() {
    let d = tempfile::tempdir().expect("tempdir");
    let keys: String = (0..3000)
        .map(|i| format!("[[key]]\nquote = \"no such words {i}\"\nlabel = \"loaded-word\"\nexplanation = \"x\"\n"))
        .collect();
    let steps: String = (0..6)
        .map(|s| format!("+++ step\nid = \"s{s}\"\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n{keys}+++\nDo.\n\n"))
        .collect();
    let p = d.path().join("many.md");
    std::fs::write(&p, format!("+++\nid = \"many\"\ntitle = \"Many\"\n+++\n\n{steps}")).expect("write");
    let src = lateral::text::diag::SourceFile::new("many.md", std::fs::read_to_string(&p).expect("read"));
    let (_, diags) = lateral::lesson::parse_lesson(&src, &lateral::lesson::bundled::corpus());
    let all: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    assert!(all.iter().any(|m| m.contains("at most 200 keys")), "{all:?}");
    let o = lateral(&["check", p.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    assert!(out.contains("at most 200 keys"), "{}", &out[..out.len().min(2000)]);
    assert!(
        out.contains("suggestions of the closest passage already"),
        "{}",
        &out[..out.len().min(2000)]
    );
}
