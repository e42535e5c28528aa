//! Importing articles and H5P "Mark the Words" tasks, from files, as a teacher would.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use lateral::corpus::import::{ImportError, import_article, read_h5p};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("written");
    p
}

#[test]
fn txt_with_crlf_and_a_bom_keeps_every_word() {
    let d = tempfile::tempdir().expect("tempdir");
    let p = write(
        d.path(),
        "a.txt",
        b"\xEF\xBB\xBFFlood vote fails\r\n\r\nThe council voted \xE2\x80\x9Cno\xE2\x80\x9D.  \r\n",
    );
    let a = import_article(&p).expect("imported");
    assert_eq!(a.text, "Flood vote fails\n\nThe council voted “no”.");
}

#[test]
fn html_with_scripts_and_styles() {
    let d = tempfile::tempdir().expect("tempdir");
    let p = write(
        d.path(),
        "a.html",
        b"<html><head><style>body{}</style><script>track()</script><title>T</title></head><body><p>One &amp; two.</p><script>ad()</script><p>Three</p></body></html>",
    );
    let a = import_article(&p).expect("imported");
    assert_eq!(a.text, "One & two.\n\nThree");
    assert_eq!(a.suggested.headline, "T");
}

/// A real saved news page (committed under tests/data/pages), imported with no flags and nobody
/// at the keyboard: the article alone, the page's own metadata, provenance, and only the kind of
/// outlet left for the teacher.
#[test]
fn cli_imports_a_saved_news_page_with_its_metadata_and_marks_only_what_it_lacks() {
    let d = tempfile::tempdir().expect("tempdir");
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages/ars-1/source.html");
    let page = page.to_str().expect("utf-8 path");
    let o = lateral(d.path(), &["import", page, "--corpus", "corpus"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let id = "just-released-minecraft-exploit-makes-it";
    assert!(
        stdout.contains(&format!("wrote corpus/{id}.txt and corpus/{id}.toml")),
        "{stdout}"
    );
    let meta = std::fs::read_to_string(d.path().join(format!("corpus/{id}.toml"))).expect("meta");
    for line in [
        "outlet = \"Ars Technica\"",
        "headline = \"Just-released Minecraft exploit makes it easy to crash game servers\"",
        "byline = \"Dan Goodin\"",
        "imported_from = \"source.html\"",
        "outlet_kind = \"\"",
    ] {
        assert!(meta.contains(line), "{line} in:\n{meta}");
    }
    assert!(stderr.contains("`outlet_kind` is blank"), "{stderr}");
    let text = std::fs::read_to_string(d.path().join(format!("corpus/{id}.txt"))).expect("text");
    assert!(text.contains("Minecraft"), "{text}");
    for chrome in [
        "Sign in",
        "Subscribe",
        "Skip to main content",
        "Related Stories",
        "Staff Directory",
    ] {
        assert!(!text.contains(chrome), "{chrome} in the article:\n{text}");
    }
}

#[test]
fn empty_binary_and_huge_files_are_refused() {
    let d = tempfile::tempdir().expect("tempdir");
    let empty = write(d.path(), "e.txt", b"  \n\n ");
    assert!(matches!(import_article(&empty), Err(ImportError::Empty(_))));
    let html_empty = write(d.path(), "e.html", b"<html><script>x</script></html>");
    assert!(matches!(import_article(&html_empty), Err(ImportError::Empty(_))));
    let bin = write(d.path(), "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00");
    assert!(matches!(import_article(&bin), Err(ImportError::NotText(..))));
    let big = d.path().join("big.txt");
    std::fs::File::create(&big)
        .expect("file")
        .set_len(40 * 1024 * 1024)
        .expect("len");
    let e = import_article(&big).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge(..)), "{e}");
    assert!(e.to_string().contains("at most"));
    // A 20 MB page may be imported, but a 20 MB article may not.
    let long = write(d.path(), "long.txt", "word ".repeat(4 << 20).as_bytes());
    let e = import_article(&long).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge(_, _, 8388608)), "{e}");
}

fn h5p_zip(content: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("h5p.json", opts).expect("entry");
        z.write_all(b"{\"mainLibrary\":\"H5P.MarkTheWords\"}").expect("write");
        z.start_file("content/content.json", opts).expect("entry");
        z.write_all(content.as_bytes()).expect("write");
        z.finish().expect("zip");
    }
    buf.into_inner()
}

const CONTENT: &str = r#"{"taskDescription":"<p>Click the <em>loaded</em> words.</p>","textField":"<p>Council <strong>*axes*</strong> flood wall.</p><p>Costs rose 5*** in a *reckless* vote; see <code>rule 7</code>.</p>"}"#;

#[test]
fn h5p_content_json_and_h5p_zip_read_the_same() {
    let d = tempfile::tempdir().expect("tempdir");
    let json = write(d.path(), "content.json", CONTENT.as_bytes());
    let zip = write(d.path(), "task.h5p", &h5p_zip(CONTENT));
    let a = read_h5p(&json).expect("content.json");
    let b = read_h5p(&zip).expect(".h5p");
    assert_eq!(a, b);
    assert_eq!(
        a.text,
        // `5***` is no marked word: kept as written, as H5P shows it.
        "Council axes flood wall.\n\nCosts rose 5*** in a reckless vote; see rule 7."
    );
    assert_eq!(a.task, "Click the loaded words.");
    assert_eq!(a.marked.len(), 2);
}

#[test]
fn a_broken_h5p_zip_is_reported() {
    let d = tempfile::tempdir().expect("tempdir");
    let broken = write(d.path(), "broken.h5p", b"PK\x03\x04 this is not really a zip");
    let e = read_h5p(&broken).unwrap_err();
    assert!(e.to_string().contains("not a readable zip archive"), "{e}");
    let no_content = write(d.path(), "other.h5p", &{
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("h5p.json", zip::write::SimpleFileOptions::default())
            .expect("entry");
        z.finish().expect("zip");
        buf.into_inner()
    });
    assert!(
        read_h5p(&no_content)
            .unwrap_err()
            .to_string()
            .contains("no content/content.json")
    );
}

fn lateral(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[test]
fn cli_import_then_check_and_new_lesson() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(d.path().join("corpus")).expect("dir");
    std::fs::create_dir_all(d.path().join("lessons")).expect("dir");
    write(
        d.path(),
        "flood.html",
        b"<html><head><meta property='og:site_name' content='The Courier'></head><body><h1>Flood vote fails</h1><p>The council voted no, 5 to 4, on Tuesday night.</p></body></html>",
    );
    // Without a kind of outlet, and nobody at the keyboard: imported, with the kind written as a
    // marked blank that `lateral check` points at until it is filled in.
    let o = lateral(d.path(), &["import", "flood.html"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "corpus/flood-vote-fails.toml:5: `outlet_kind` is blank: fill in one line on who runs or funds the outlet"
        ),
        "{stderr}"
    );
    let meta = std::fs::read_to_string(d.path().join("corpus/flood-vote-fails.toml")).expect("meta");
    assert!(
        meta.contains("# FILL IN: one line on who runs or funds the outlet") && meta.contains("\noutlet_kind = \"\"\n"),
        "{meta}"
    );
    assert!(meta.contains("imported_from = \"flood.html\""), "{meta}");
    let o = lateral(d.path(), &["check", "corpus"]);
    let out = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("flood-vote-fails.toml:5:15") && out.contains("`outlet_kind` is blank"),
        "{out}"
    );
    for f in ["flood-vote-fails.txt", "flood-vote-fails.toml"] {
        std::fs::remove_file(d.path().join("corpus").join(f)).expect("removed");
    }
    let o = lateral(
        d.path(),
        &[
            "import",
            "flood.html",
            "--kind",
            "Local weekly paper",
            "--date",
            "2025-10-16",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let meta = std::fs::read_to_string(d.path().join("corpus/flood-vote-fails.toml")).expect("meta");
    assert!(
        meta.contains("outlet = \"The Courier\"") && meta.contains("headline = \"Flood vote fails\""),
        "{meta}"
    );
    // A skeleton lesson on it validates.
    let o = lateral(
        d.path(),
        &[
            "new-lesson",
            "--article",
            "flood-vote-fails",
            "--out",
            "lessons/flood.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = lateral(d.path(), &["check", "lessons", "corpus"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // An H5P task becomes an article and a one-step lesson that validate too.
    std::fs::write(d.path().join("task.h5p"), h5p_zip(CONTENT)).expect("written");
    let o = lateral(d.path(), &["import", "task.h5p", "--id", "council-task"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = lateral(d.path(), &["check", "--format", "json", "lessons", "corpus"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let lesson = v["lessons"]
        .as_array()
        .expect("lessons")
        .iter()
        .find(|l| l["id"] == "council-task-lesson")
        .expect("the H5P lesson");
    let keys: Vec<&str> = lesson["steps"][0]["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(keys, ["axes", "reckless"]);
    // Importing the same id twice never overwrites.
    let o = lateral(d.path(), &["import", "task.h5p", "--id", "council-task"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
}

#[test]
fn cli_import_leaves_out_an_unreal_page_date_with_a_warning() {
    for bad in ["2022-13-45", "yesterday", "2023-02-30"] {
        let d = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(d.path().join("corpus")).expect("dir");
        std::fs::create_dir_all(d.path().join("lessons")).expect("dir");
        let html = format!(
            "<html><head><meta property='og:site_name' content='The Courier'><meta property='article:published_time' content='{bad}'></head><body><h1>Flood vote fails</h1><p>The council voted no.</p></body></html>"
        );
        write(d.path(), "flood.html", html.as_bytes());
        let o = lateral(d.path(), &["import", "flood.html", "--kind", "Local weekly paper"]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("warning: ") && stderr.contains(bad), "{stderr}");
        let meta = std::fs::read_to_string(d.path().join("corpus/flood-vote-fails.toml")).expect("meta");
        assert!(!meta.contains("date"), "{meta}");
        let o = lateral(d.path(), &["check", "lessons", "corpus"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // An ISO 8601 timestamp with a time zone is kept as the date it names.
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(d.path().join("corpus")).expect("dir");
    write(
        d.path(),
        "a.html",
        b"<meta property='og:site_name' content='C'><meta name='date' content='2022-11-15T21:03:00+01:00'><h1>Head line</h1><p>Words.</p>",
    );
    let o = lateral(d.path(), &["import", "a.html", "--kind", "Paper"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("warning"));
    let meta = std::fs::read_to_string(d.path().join("corpus/head-line.toml")).expect("meta");
    assert!(meta.contains("date = \"2022-11-15\""), "{meta}");
}
