//! A library in two stages (issue 16 §2): what the library lists at once
//! ([`Catalogue::preview`]) and each lesson checked on its own ([`Catalogue::load_lesson`]) agree
//! with the whole check ([`library::load`], what `lateral check` runs), on the bundled lessons and
//! on a folder with broken files beside them.

use std::fs;
use std::path::{Path, PathBuf};

use lateral::lesson::library::{self, Library};

mod support;

fn bundled_lessons() -> usize {
    support::bundled_files("lessons", "md")
}

fn bundled_articles() -> usize {
    support::bundled_files("corpus", "txt")
}

/// The bundled lessons and articles, with a lesson of broken TOML, one naming an article that
/// is not there, one whose `minutes` is not a number, and an article whose metadata has an
/// impossible date (and a lesson on it), all in one folder.
fn school_folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("a temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["lessons", "corpus"] {
        fs::create_dir_all(d.path().join(sub)).expect("folder");
        for e in fs::read_dir(root.join(sub)).expect("bundled files") {
            let p = e.expect("entry").path();
            fs::copy(&p, d.path().join(sub).join(p.file_name().expect("a name"))).expect("copied");
        }
    }
    let write = |name: &str, text: &str| fs::write(d.path().join(name), text).expect("written");
    write(
        "lessons/50-broken.md",
        "+++\nid = \"broken\"\ntitle = \"Broken\n+++\nIntro.\n",
    );
    write(
        "lessons/51-missing.md",
        "+++\nid = \"missing\"\ntitle = \"Missing article\"\nsummary = \"On an article nobody has.\"\nminutes = 5\n+++\nIntro.\n\n+++ step\nkind = \"read\"\narticles = [\"nowhere\"]\n+++\nRead it.\n",
    );
    write(
        "lessons/52-minutes.md",
        "+++\nid = \"minutes\"\ntitle = \"Bad minutes\"\nminutes = \"ten\"\n+++\nIntro.\n\n+++ step\nkind = \"read\"\narticles = [\"rt\"]\n+++\nRead it.\n",
    );
    write("corpus/zz-bad-date.txt", "A short text about nothing much.\n");
    write(
        "corpus/zz-bad-date.toml",
        "id = \"bad-date\"\noutlet = \"Nobody\"\nheadline = \"Nothing\"\noutlet_kind = \"A made-up outlet\"\ndate = \"2022-02-30\"\nfictional = true\n",
    );
    write(
        "lessons/53-on-bad-date.md",
        "+++\nid = \"on-bad-date\"\ntitle = \"On a bad date\"\n+++\nIntro.\n\n+++ step\nkind = \"read\"\narticles = [\"bad-date\"]\n+++\nRead it.\n",
    );
    d
}

fn paths(d: &Path) -> Vec<PathBuf> {
    vec![d.to_path_buf()]
}

#[test]
fn the_preview_lists_every_lesson_the_check_loads_with_its_header() {
    let d = school_folder();
    let cat = library::find(&paths(d.path()), &[]).expect("the folder exists");
    let preview = cat.preview();
    let full = library::load(&paths(d.path()), &[]).expect("the folder exists");
    assert!(preview.checking && !full.checking);
    assert_eq!(preview.lessons.len(), bundled_lessons() + 4);
    let listed: Vec<&str> = preview.lessons.iter().map(|l| l.path.as_str()).collect();
    let loaded: Vec<&str> = full.lessons.iter().map(|l| l.path.as_str()).collect();
    assert_eq!(listed, loaded);
    assert_eq!(cat.lesson_paths().collect::<Vec<_>>(), loaded);
    for (p, f) in preview.lessons.iter().zip(&full.lessons) {
        assert!(p.is_unchecked() && !p.is_playable(), "{}", p.path);
        assert!(!f.is_unchecked(), "{}", f.path);
        let Some(lesson) = &f.lesson else {
            assert!(f.path.ends_with("50-broken.md"), "{}", f.path);
            assert_eq!(p.preview, None, "a block that cannot be read has no header");
            continue;
        };
        let h = p.preview.as_ref().expect("a header");
        assert_eq!(
            (&h.id, &h.title, &h.summary),
            (&lesson.id, &lesson.title, &lesson.summary),
            "{}",
            f.path
        );
        assert_eq!(h.minutes, lesson.minutes, "{}", f.path);
    }
    // The preview reads no article.
    assert!(preview.corpus.articles().is_empty());
    assert_eq!(cat.article_count(), bundled_articles() + 1);
}

/// Each lesson checked alone, with only its articles, is what the whole check says of it.
#[test]
fn each_lesson_checked_alone_is_what_the_whole_check_says() {
    let d = school_folder();
    let cat = library::find(&paths(d.path()), &[]).expect("the folder exists");
    let full = cat.load();
    assert_eq!(full.lessons.len(), bundled_lessons() + 4);
    let mut playable = 0;
    for (i, f) in full.lessons.iter().enumerate() {
        let one = cat.load_lesson(i);
        assert_eq!(one.lessons.len(), 1);
        let o = &one.lessons[0];
        assert_eq!(o.path, f.path);
        assert_eq!(o.diagnostics, f.diagnostics, "{}", f.path);
        assert_eq!(o.article_errors, f.article_errors, "{}", f.path);
        assert_eq!(o.is_playable(), f.is_playable(), "{}", f.path);
        assert_eq!(
            o.lesson.as_ref().map(|l| &l.steps),
            f.lesson.as_ref().map(|l| &l.steps),
            "{}",
            f.path
        );
        playable += usize::from(o.is_playable());
        // A playable lesson comes with only the articles it shows (plus the bundled ones), not
        // all six on disk.
        if let Some(l) = o.lesson.as_ref().filter(|_| o.is_playable()) {
            let shown: std::collections::HashSet<&str> =
                l.steps.iter().flat_map(|s| &s.articles).map(String::as_str).collect();
            assert!(
                one.articles_from_disk <= shown.len().max(1),
                "{}: {}",
                f.path,
                one.articles_from_disk
            );
        }
    }
    assert_eq!(
        playable,
        bundled_lessons(),
        "the bundled lessons; each broken one is broken alone too"
    );
}

#[test]
fn a_lesson_checked_alone_goes_into_the_listed_library_with_its_articles() {
    let d = school_folder();
    let cat = library::find(&paths(d.path()), &[]).expect("the folder exists");
    let mut lib: Library = cat.preview();
    let first = lib
        .lessons
        .iter()
        .position(|l| l.path.ends_with("00-first-look.md"))
        .expect("listed");
    lib.put_checked_lesson(first, cat.load_lesson(first));
    let lf = &lib.lessons[first];
    assert!(lf.is_playable() && !lf.is_unchecked());
    for id in lf
        .lesson
        .as_ref()
        .expect("checked")
        .steps
        .iter()
        .flat_map(|s| &s.articles)
    {
        assert!(lib.corpus.get(id).is_some(), "{id}");
    }
    // The others are still only listed.
    assert_eq!(
        lib.lessons.iter().filter(|l| l.is_unchecked()).count(),
        bundled_lessons() + 3
    );
    // A lesson checked for another slot (the folder changed meanwhile) is not put in.
    let other = cat.load_lesson(first + 1);
    lib.put_checked_lesson(first, other);
    assert!(lib.lessons[first].path.ends_with("00-first-look.md"));
}

#[test]
fn find_of_a_path_that_does_not_exist_says_so() {
    let e = library::find(&[PathBuf::from("/no/such/folder/anywhere")], &[]).expect_err("no folder");
    assert!(e.to_string().contains("no such file or folder"), "{e}");
}

/// A hostile folder listed and checked in two stages: a FIFO and a link out of the folder are
/// passed over (never opened), a link loop is entered once, and broken, huge or non-UTF-8
/// lessons are listed without a header or with one, and checked one by one, without a panic or
/// a hang, each with the problems the whole check gives.
#[cfg(unix)]
#[test]
fn a_hostile_folder_is_listed_and_checked_lesson_by_lesson() {
    let d = tempfile::tempdir().expect("a temporary folder");
    let l = d.path().join("lessons");
    fs::create_dir_all(&l).expect("folder");
    fs::write(l.join("deep.md"), "+++\ntitle = \"Deep\"\n").expect("written");
    let huge = format!(
        "+++\nid = \"huge\"\ntitle = \"{}\"\n+++\n{}",
        "x".repeat(200_000),
        "+++ step\nkind = \"read\"\narticles = [\"rt\"]\n+++\nRead it.\n\n".repeat(5_000)
    );
    fs::write(l.join("huge.md"), huge).expect("written");
    fs::write(
        l.join("bom.md"),
        b"\xef\xbb\xbf+++\nid = \"bom\"\ntitle = \"BOM \xff\xfe\"\n+++\nIntro\n",
    )
    .expect("written");
    fs::write(l.join("notoml.md"), "+++\n[[[\n+++\n").expect("written");
    let fifo = std::process::Command::new("mkfifo").arg(l.join("fifo.md")).status();
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/etc/passwd", l.join("out.md")).expect("link");
    std::os::unix::fs::symlink(".", l.join("loop")).expect("link");

    let cat = library::find(&paths(&l), &[]).expect("the folder exists");
    let preview = cat.preview();
    let full = cat.load();
    let listed: Vec<&str> = preview.lessons.iter().map(|x| x.path.as_str()).collect();
    let loaded: Vec<&str> = full.lessons.iter().map(|x| x.path.as_str()).collect();
    assert_eq!(listed, loaded);
    assert!(
        listed.iter().all(|p| !p.ends_with("fifo.md") && !p.ends_with("out.md")),
        "{listed:?}"
    );
    assert!(
        full.diagnostics.iter().any(|x| x.message.contains("not a file")),
        "{:?}",
        full.diagnostics
    );
    assert!(
        full.diagnostics.iter().any(|x| x.message.contains("outside")),
        "{:?}",
        full.diagnostics
    );
    let huge = preview
        .lessons
        .iter()
        .find(|x| x.path.ends_with("huge.md"))
        .expect("listed");
    assert_eq!(huge.preview.as_ref().map(|h| h.title.len()), Some(200_000));
    for (i, f) in full.lessons.iter().enumerate() {
        let one = cat.load_lesson(i);
        assert_eq!(one.lessons[0].diagnostics, f.diagnostics, "{}", f.path);
        assert_eq!(f.is_playable(), f.path.ends_with("huge.md"), "{}", f.path);
    }
}
