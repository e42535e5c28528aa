//! The library of files handed over (a browser tab's pick) against the library of the same
//! files on disk, and what it says of files that are wrong.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::load_given;
use crate::files::given::GivenFile;
use crate::lesson::library::{Library, load};

const TEXT: &str = "The council closed the library without warning. Residents were angry.\n";
const META: &str = "id = \"fresh\"\noutlet = \"Test Gazette\"\nheadline = \"Library closed\"\noutlet_kind = \"A made-up local paper\"\n";
const LESSON: &str = "+++\nid = \"fresh-lesson\"\ntitle = \"A new lesson\"\n+++\nIntro.\n\n\
+++ step\nkind = \"read\"\narticles = [\"fresh\"]\n+++\nRead the article.\n";

fn given(name: &str, text: &str) -> GivenFile {
    GivenFile::new(name, text.as_bytes().to_vec())
}

/// Every file of the repository's `lessons/` and `corpus/` folders, as a browser hands over a
/// folder picked above them (`lateral/lessons/01-conflict.md`, …).
fn repository_files() -> Vec<GivenFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["lessons", "corpus"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("the repository's folder")
            .map(|e| e.expect("an entry").path())
            .collect();
        paths.sort();
        for p in paths {
            let name = format!(
                "lateral/{dir}/{}",
                p.file_name().and_then(|n| n.to_str()).expect("a name")
            );
            out.push(GivenFile::new(&name, std::fs::read(&p).expect("readable")));
        }
    }
    out
}

fn errors(lib: &Library) -> Vec<String> {
    lib.all_diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect()
}

fn lesson_ids(lib: &Library) -> Vec<String> {
    let mut ids: Vec<String> = lib
        .lessons
        .iter()
        .filter_map(|l| l.lesson.as_ref())
        .map(|l| l.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_bundled_folder_handed_over_loads_as_it_does_from_disk() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let disk = load(&[root.join("lessons")], &[root.join("corpus")]).expect("the folders are there");
    let handed = load_given(repository_files(), true);
    assert_eq!(errors(&handed), Vec::<String>::new());
    assert_eq!(lesson_ids(&handed), lesson_ids(&disk));
    assert_eq!(handed.articles_from_disk, disk.articles_from_disk);
    assert!(
        handed.lessons.iter().all(|l| l.is_playable()),
        "every bundled lesson can be played"
    );
    // The same keys, anchored at the same char offsets.
    for (a, b) in handed.lessons.iter().zip(&disk.lessons) {
        let (a, b) = (
            a.lesson.as_ref().expect("a lesson"),
            b.lesson.as_ref().expect("a lesson"),
        );
        assert_eq!(format!("{:?}", a.steps), format!("{:?}", b.steps), "lesson {}", a.id);
    }
}

#[test]
fn a_lesson_and_its_article_picked_as_files_are_played() {
    let lib = load_given(
        vec![
            given("lesson.md", LESSON),
            given("fresh.txt", TEXT),
            given("fresh.toml", META),
        ],
        false,
    );
    assert_eq!(errors(&lib), Vec::<String>::new());
    assert_eq!(lesson_ids(&lib), ["fresh-lesson"]);
    assert!(lib.corpus.get("fresh").is_some());
    assert_eq!(lib.articles_from_disk, 1);
    assert!(lib.lessons[0].is_playable());
}

#[test]
fn an_article_without_its_metadata_is_named_and_the_rest_loads() {
    let lib = load_given(
        vec![
            given("lesson.md", LESSON),
            given("fresh.txt", TEXT),
            given("b/other.toml", META),
        ],
        false,
    );
    let errs = errors(&lib);
    assert!(
        errs.iter().any(|e| e == "fresh.txt: this article has no metadata file"),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e == "b/other.toml: this article metadata has no text file beside it"),
        "{errs:?}"
    );
    // The lesson is still listed, with the article it names reported missing.
    assert_eq!(lib.lessons.len(), 1);
    assert!(!lib.lessons[0].is_playable());
}

#[test]
fn the_metadata_pairs_only_with_the_text_in_its_own_folder() {
    let lib = load_given(vec![given("a/fresh.txt", TEXT), given("b/fresh.toml", META)], true);
    let errs = errors(&lib);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("a/fresh.txt: this article has no metadata")),
        "{errs:?}"
    );
    assert!(lib.corpus.get("fresh").is_none());
}

#[test]
fn ids_used_twice_are_errors_on_the_later_file() {
    let lib = load_given(
        vec![
            given("a/fresh.txt", TEXT),
            given("a/fresh.toml", META),
            given("b/fresh.txt", TEXT),
            given("b/fresh.toml", META),
            given("one.md", LESSON),
            given("two.md", LESSON),
        ],
        true,
    );
    let errs = errors(&lib);
    assert!(
        errs.iter()
            .any(|e| e == "b/fresh.toml: article id `fresh` is already used by a/fresh.txt"),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e == "two.md: lesson id `fresh-lesson` is already used by one.md"),
        "{errs:?}"
    );
}

#[test]
fn a_broken_file_is_reported_with_its_name_and_the_others_still_load() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("+++\ntitle = \"x\"\n+++\n".encode_utf16().flat_map(u16::to_le_bytes));
    let lib = load_given(
        vec![
            given("good.md", LESSON),
            GivenFile::new("binary.md", b"+++\n\0\0\0".to_vec()),
            GivenFile::new("latin2.md", b"+++\ntitle = \"Zaj\xb1cz\"\n+++\n".to_vec()),
            GivenFile::new("utf16.md", utf16),
            given("fresh.txt", TEXT),
            given("fresh.toml", META),
        ],
        false,
    );
    let errs = errors(&lib);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("binary.md: this file is not UTF-8 text")),
        "{errs:?}"
    );
    assert!(errs.iter().any(|e| e.starts_with("latin2.md: ")), "{errs:?}");
    assert_eq!(
        lib.lessons.len(),
        4,
        "every lesson file is listed, the broken ones with their problem"
    );
    assert!(
        lib.lessons
            .iter()
            .find(|l| l.path == "good.md")
            .is_some_and(|l| l.is_playable())
    );
    // UTF-16 with a byte-order mark is text, as on disk.
    assert!(
        lib.lessons
            .iter()
            .find(|l| l.path == "utf16.md")
            .is_some_and(|l| l.lesson.is_some())
    );
}

#[test]
fn a_file_over_its_size_limit_is_refused_before_it_is_parsed() {
    let huge = format!("{LESSON}{}", "x".repeat(crate::files::MAX_LESSON_BYTES as usize));
    let lib = load_given(vec![given("huge.md", &huge)], false);
    let errs = errors(&lib);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("huge.md: this file is 8.0 MB, larger than")),
        "{errs:?}"
    );
}

#[test]
fn in_a_folder_notes_and_other_files_are_passed_over_but_not_when_picked_alone() {
    let notes = "# Notes for the class\n";
    let folder = load_given(vec![given("README.md", notes), given("photo.jpg", "x")], true);
    assert_eq!(errors(&folder), Vec::<String>::new());
    assert!(folder.lessons.is_empty());
    let picked = load_given(vec![given("README.md", notes), given("photo.jpg", "x")], false);
    let errs = errors(&picked);
    assert!(
        errs.iter()
            .any(|e| e == "photo.jpg: this is not a lesson (.md) or an article (.txt with a .toml beside it)"),
        "{errs:?}"
    );
    assert_eq!(
        picked.lessons.len(),
        1,
        "a .md picked by itself is read as a lesson, and its problems shown"
    );
}

#[test]
fn names_from_the_browser_are_cleaned_before_they_are_shown() {
    let lib = load_given(vec![given("../../evil\u{202e}.txt", TEXT)], false);
    let errs = errors(&lib);
    assert_eq!(errs, ["evil\\u{202e}.txt: this article has no metadata file"]);
}

#[test]
fn a_file_picked_twice_is_read_once() {
    let lib = load_given(vec![given("lesson.md", LESSON), given("./lesson.md", LESSON)], false);
    assert_eq!(lib.lessons.len(), 1);
    assert!(lib.diagnostics.iter().any(|d| d.message.contains("picked twice")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any names and bytes: no panic, every file's problem is reported under a name that was
    /// given, and no lesson appears that was not given.
    #[test]
    fn any_files_load_without_panic(
        files in prop::collection::vec(
            ("[a-c/.]{0,6}\\.(md|txt|toml|bin)", prop::collection::vec(any::<u8>(), 0..200)),
            0..8,
        ),
        from_folder in any::<bool>(),
    ) {
        let given_files: Vec<GivenFile> = files.iter().map(|(n, b)| GivenFile::new(n, b.clone())).collect();
        let names: Vec<String> = given_files.iter().map(|f| f.name().to_string()).collect();
        let lib = load_given(given_files, from_folder);
        for d in lib.all_diagnostics() {
            prop_assert!(names.contains(&d.file), "{} is not a file given: {:?}", d.file, names);
        }
        for l in &lib.lessons {
            prop_assert!(names.contains(&l.path));
        }
    }
}

/// The problems a folder on disk and the same files handed over report, each as `FILE:
/// MESSAGE` with the file named inside the folder.
fn both_ways(files: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let d = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let p = d.path().join(name);
        std::fs::create_dir_all(p.parent().expect("a folder")).expect("folder");
        std::fs::write(&p, text).expect("written");
    }
    let prefix = format!("{}/", d.path().display());
    let disk = load(&[d.path().to_path_buf()], &[]).expect("loads");
    let handed = load_given(files.iter().map(|(n, t)| given(n, t)).collect(), true);
    let shown = |lib: &Library| {
        let mut v: Vec<String> = lib
            .all_diagnostics()
            .iter()
            .map(|d| format!("{}: {}", d.file.replace(&prefix, ""), d.message.replace(&prefix, "")))
            .collect();
        v.sort();
        v
    };
    (shown(&disk), shown(&handed))
}

#[test]
fn regression_a_folder_picked_reports_what_the_same_folder_on_disk_reports() {
    let other = META.replace("Library closed", "Another headline");
    let cases: Vec<Vec<(&str, &str)>> = vec![
        // Two articles of one id: which one is kept follows path order (`a` before `a-b`).
        vec![
            ("a.txt", TEXT),
            ("a.toml", META),
            ("a-b.txt", TEXT),
            ("a-b.toml", &other),
        ],
        // A metadata file pairs only with the text of exactly its name.
        vec![("A.txt", TEXT), ("A.TOML", META)],
        // A Mac's `._` files and a trash folder are hidden, and passed over.
        vec![
            ("x.txt", TEXT),
            ("x.toml", META),
            ("._x.txt", "\0\u{5}binary"),
            ("._x.toml", "\0"),
            (".Trash-1000/files/old.md", LESSON),
        ],
    ];
    for files in cases {
        let (disk, handed) = both_ways(&files);
        assert_eq!(handed, disk, "{files:?}");
    }
}

#[test]
fn hidden_files_are_passed_over_only_in_a_folder() {
    let folder = load_given(vec![given("c/.notes/x.md", LESSON)], true);
    assert!(folder.lessons.is_empty());
    let picked = load_given(vec![given(".x.md", LESSON)], false);
    assert_eq!(picked.lessons.len(), 1, "a hidden file picked by itself was meant");
}
