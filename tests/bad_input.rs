//! Every kind of bad input a teacher or student can hand us gets a clear message with a place,
//! never a panic, and the other files still load.

use std::fs;
use std::path::{Path, PathBuf};

use lateral::lesson::library::{self, Library};
use lateral::text::diag::Diagnostic;

/// A good lesson on a bundled article, to show that it still loads beside a broken one.
const GOOD: &str = "+++
id = \"good\"
title = \"Good\"
+++
Intro.

+++ step
kind = \"highlight\"
task = \"bias\"
articles = [\"rt\"]

[[key]]
quote = \"US general claims\"
prefix = \"HomeWorld News\"
label = \"framing-headline\"
explanation = \"The headline says Milley only *claims* it.\"
+++
Find the framing.
";

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes) in files {
        let p = d.path().join(name);
        fs::create_dir_all(p.parent().expect("a parent folder")).expect("folder created");
        fs::write(p, bytes).expect("file written");
    }
    d
}

fn load(d: &Path) -> Library {
    library::load(&[d.to_path_buf()], &[]).expect("the folder exists")
}

/// The diagnostics of one file, by file-name suffix.
fn diags_of<'a>(lib: &'a Library, file: &str) -> Vec<&'a Diagnostic> {
    lib.lessons
        .iter()
        .flat_map(|l| l.diagnostics.iter())
        .chain(lib.diagnostics.iter())
        .filter(|d| d.file.ends_with(file))
        .collect()
}

fn good_still_loads(lib: &Library) {
    let good = lib
        .lessons
        .iter()
        .find(|l| l.path.ends_with("good.md"))
        .expect("good.md was loaded");
    assert!(good.is_playable(), "{:?}", good.diagnostics);
}

fn one_error<'a>(lib: &'a Library, file: &str, needle: &str) -> &'a Diagnostic {
    let ds = diags_of(lib, file);
    ds.iter()
        .copied()
        .find(|d| d.is_error() && d.message.contains(needle))
        .unwrap_or_else(|| panic!("no error containing {needle:?} in {file}: {ds:#?}"))
}

#[test]
fn invalid_toml_points_at_the_place() {
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("bad.md", b"+++\ntitle = \"unclosed\nid = 3\n+++\n"),
    ]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "not valid TOML");
    assert_eq!(e.line, 2, "{e}");
    assert!(e.column > 0);
    assert!(e.suggestion.is_some());
    good_still_loads(&lib);
}

#[test]
fn front_matter_missing_or_unclosed() {
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("nofront.md", b"title = \"x\"\n"),
        ("unclosed.md", b"+++\ntitle = \"x\"\n\nText\n"),
    ]);
    // In a folder walk, a .md without +++ is not a lesson (a README); named directly, it is.
    let lib = load(d.path());
    assert!(diags_of(&lib, "nofront.md").is_empty());
    one_error(&lib, "unclosed.md", "never closed");
    let direct = library::load(&[d.path().join("nofront.md")], &[]).unwrap();
    one_error(&direct, "nofront.md", "must start with a line of `+++`");
    good_still_loads(&lib);
}

#[test]
fn unknown_keys_name_the_nearest_known_key() {
    let bad = GOOD
        .replace("quote =", "quot = \"x\"\nquote =")
        .replace("title = \"Good\"", "title = \"Good\"\ntitel = \"x\"")
        .replace("id = \"good\"", "id = \"bad\"");
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "unknown key `quot`");
    assert_eq!(e.line, 14);
    assert_eq!(e.column, 1);
    assert!(
        e.suggestion.as_deref().unwrap().contains("did you mean `quote`?"),
        "{e}"
    );
    let e = one_error(&lib, "bad.md", "unknown key `titel`");
    assert!(e.suggestion.as_deref().unwrap().contains("`title`"));
    good_still_loads(&lib);
}

#[test]
fn missing_and_unknown_article_ids() {
    let missing = GOOD
        .replace("articles = [\"rt\"]\n", "")
        .replace("id = \"good\"", "id = \"m\"");
    let unknown = GOOD
        .replace("[\"rt\"]", "[\"rtt\"]")
        .replace("id = \"good\"", "id = \"u\"");
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("missing.md", missing.as_bytes()),
        ("unknown.md", unknown.as_bytes()),
    ]);
    let lib = load(d.path());
    one_error(&lib, "missing.md", "needs an article");
    let e = one_error(&lib, "unknown.md", "there is no article `rtt`");
    assert_eq!((e.line, e.column), (10, 13));
    assert!(e.suggestion.as_deref().unwrap().contains("did you mean \"rt\"?"), "{e}");
    good_still_loads(&lib);
}

#[test]
fn quote_not_found_suggests_the_closest_passage() {
    let bad = GOOD
        .replace("quote = \"US general claims\"", "quote = \"the weapon was Ukrainian\"")
        .replace("prefix = \"HomeWorld News\"\n", "")
        .replace("id = \"good\"", "id = \"b\"");
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "this quote is not in the article `rt`");
    let help = e.suggestion.as_deref().unwrap();
    assert!(help.contains("“the weapon was Russian”"), "{help}");
    assert!(help.contains("003_8346b133a5ab34a1.txt"), "{help}");
    good_still_loads(&lib);
}

#[test]
fn ambiguous_quote_lists_every_place() {
    let bad = GOOD
        .replace("prefix = \"HomeWorld News\"\n", "")
        .replace("id = \"good\"", "id = \"b\"");
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "occurs 2 times");
    let help = e.suggestion.as_deref().unwrap();
    // The headline stands twice in the RT capture: lines 5 and 8 of the text file.
    assert!(help.contains("line 5 of") && help.contains("line 8 of"), "{help}");
    assert!(help.contains("prefix") && help.contains("occurrence"), "{help}");
    good_still_loads(&lib);
}

#[test]
fn empty_lesson_and_lesson_without_steps() {
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("empty.md", b"   \n\n"),
        ("nosteps.md", b"+++\ntitle = \"No steps\"\n+++\nJust an intro.\n"),
    ]);
    let lib = library::load(
        &[
            d.path().join("empty.md"),
            d.path().join("nosteps.md"),
            d.path().join("good.md"),
        ],
        &[],
    )
    .unwrap();
    one_error(&lib, "empty.md", "empty");
    let e = one_error(&lib, "nosteps.md", "no steps");
    assert_eq!(e.line, 1);
    good_still_loads(&lib);
}

#[test]
fn highlight_step_without_a_key() {
    let bad = GOOD[..GOOD.find("[[key]]").unwrap()].replace("id = \"good\"", "id = \"b\"") + "+++\nFind it.\n";
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "no answer key");
    assert_eq!(e.line, 7);
    good_still_loads(&lib);
}

#[test]
fn label_not_in_the_set() {
    let bad = GOOD
        .replace("label = \"framing-headline\"", "label = \"framing\"")
        .replace("id = \"good\"", "id = \"b\"");
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "there is no label `framing`");
    assert!(e.suggestion.as_deref().unwrap().contains("framing-headline"));
    good_still_loads(&lib);
}

#[test]
fn file_that_is_not_utf8() {
    let mut bytes = GOOD.replace("id = \"good\"", "id = \"b\"").into_bytes();
    bytes.splice(30..30, [0xff, 0xfe, 0x00]);
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", &bytes)]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "not UTF-8");
    assert!(e.line >= 1 && e.column >= 1);
    assert!(e.suggestion.as_deref().unwrap().contains("UTF-8"));
    good_still_loads(&lib);
}

#[test]
fn utf8_bom_and_crlf_simply_work() {
    let crlf = GOOD.replace('\n', "\r\n").replace("id = \"good\"", "id = \"crlf\"");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(GOOD.replace("id = \"good\"", "id = \"bom\"").bytes());
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("crlf.md", crlf.as_bytes()),
        ("bom.md", &bom),
    ]);
    let lib = load(d.path());
    for f in ["crlf.md", "bom.md"] {
        let lf = lib.lessons.iter().find(|l| l.path.ends_with(f)).unwrap();
        assert!(lf.is_playable(), "{f}: {:?}", lf.diagnostics);
    }
    // A problem in a CRLF file is still reported at the right line and column.
    let bad = GOOD.replace("[\"rt\"]", "[\"rtt\"]").replace('\n', "\r\n");
    let d = dir_with(&[("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "no article `rtt`");
    assert_eq!((e.line, e.column), (10, 13));
    // Same lesson text, same hash, whatever the line endings.
    let a = hash_of(&load(dir_with(&[("good.md", GOOD.as_bytes())]).path()));
    let b = hash_of(&load(
        dir_with(&[("good.md", GOOD.replace('\n', "\r\n").as_bytes())]).path(),
    ));
    assert_eq!(a, b);
}

fn hash_of(l: &Library) -> String {
    l.lessons[0].lesson.as_ref().expect("the lesson parsed").sha256.clone()
}

#[test]
fn a_50_mb_file_is_refused_with_its_size() {
    let d = dir_with(&[("good.md", GOOD.as_bytes())]);
    let big = d.path().join("big.md");
    let mut content = b"+++\ntitle = \"Big\"\n+++\n".to_vec();
    content.resize(50 * 1024 * 1024, b'x');
    fs::write(&big, content).unwrap();
    let lib = load(d.path());
    let e = one_error(&lib, "big.md", "50.0 MB");
    assert!(e.message.contains("larger than"), "{e}");
    good_still_loads(&lib);
    // A huge article text is refused the same way.
    let corpus = d.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("huge.toml"),
        "id = \"huge\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n",
    )
    .unwrap();
    let f = fs::File::create(corpus.join("huge.txt")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let lib = load(d.path());
    one_error(&lib, "huge.txt", "50.0 MB");
    good_still_loads(&lib);
}

#[test]
fn an_article_reference_outside_the_corpus_is_refused_without_reading() {
    let bad = GOOD
        .replace("[\"rt\"]", "[\"../../etc/passwd\"]")
        .replace("id = \"good\"", "id = \"b\"");
    let d = dir_with(&[("good.md", GOOD.as_bytes()), ("bad.md", bad.as_bytes())]);
    let lib = load(d.path());
    let e = one_error(&lib, "bad.md", "looks like a file path");
    assert!(
        e.suggestion
            .as_deref()
            .unwrap()
            .contains("never read files outside the corpus")
    );
    // No article was created from it.
    assert!(lib.corpus.get("../../etc/passwd").is_none());
    assert!(lib.corpus.articles().iter().all(|a| !a.text.as_str().contains("root:")));
    // Article metadata cannot take a path as its id either.
    let d = dir_with(&[
        ("corpus/a.txt", b"Some text."),
        (
            "corpus/a.toml",
            b"id = \"../x\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n",
        ),
    ]);
    let lib = load(d.path());
    one_error(&lib, "a.toml", "cannot be an article id");
}

#[test]
fn broken_articles_are_reported_and_the_rest_load() {
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("corpus/nometa.txt", b"Text without metadata."),
        (
            "corpus/notext.toml",
            b"id = \"notext\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n",
        ),
        ("corpus/badmeta.txt", b"Text."),
        ("corpus/badmeta.toml", b"id = \"badmeta\"\noutlet = \"O\"\n"),
        ("corpus/fine.txt", b"A fine article. It has two sentences."),
        (
            "corpus/fine.toml",
            b"id = \"fine\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n",
        ),
    ]);
    let lib = load(d.path());
    one_error(&lib, "nometa.txt", "no metadata file");
    one_error(&lib, "notext.toml", "no text file");
    let e = one_error(&lib, "badmeta.toml", "has no `headline`");
    assert!(e.suggestion.as_deref().unwrap().contains("headline ="));
    assert!(lib.corpus.get("fine").is_some());
    good_still_loads(&lib);
}

fn results_with_offsets(lesson: &lateral::lesson::Lesson, start: usize, end: usize) -> String {
    let step = lesson
        .steps
        .iter()
        .find(|s| s.task().is_some())
        .expect("a highlight step");
    format!(
        r#"{{
  "format": "lateral-results",
  "version": 1,
  "student": "Ana",
  "lesson": {{ "id": "{}", "sha256": "{}" }},
  "steps": [
    {{
      "step": "{}",
      "highlights": [
        {{ "target": {{ "source": "urn:lateral:article:rt", "selector": [
          {{ "type": "TextPositionSelector", "start": {start}, "end": {end} }}
        ] }} }}
      ]
    }}
  ]
}}"#,
        lesson.id, lesson.sha256, step.id
    )
}

#[test]
fn results_with_offsets_past_the_article_end() {
    let d = dir_with(&[("good.md", GOOD.as_bytes())]);
    let lib = load(d.path());
    let lesson = lib.lessons[0].lesson.clone().unwrap();
    let json = results_with_offsets(&lesson, 100_000, 100_010);
    let src = lateral::text::diag::SourceFile::new("r.json", json);
    let mut r = lateral::records::results::parse_results(&src).unwrap();
    let diags = lateral::records::results::validate(&src, &mut r, &lesson, &lib.corpus);
    let e = diags.iter().find(|d| d.is_error()).expect("an error");
    assert!(e.message.contains("past the end of the article"), "{e}");
    // Pointed at the offending `end` value.
    assert_eq!(e.line, 11, "{e}");
    assert_eq!(e.snippet.as_deref(), Some("100010"), "{e}");
    assert!(e.suggestion.as_deref().unwrap().contains("characters"));
    // The bad highlight is dropped and the rest scores.
    assert!(r.steps[0].highlights.is_empty());
    let out = lateral::records::results::score_results(&r, &lesson, &lib.corpus);
    assert_eq!(out.score, 0.0);
}

#[test]
fn results_that_are_not_json_or_not_ours() {
    let src = lateral::text::diag::SourceFile::new("r.json", "{\n  \"format\": \"lateral-results\",\n  oops\n}".into());
    let e = lateral::records::results::parse_results(&src).unwrap_err();
    assert_eq!(e.line, 3);
    let src = lateral::text::diag::SourceFile::new(
        "r.json",
        "{\"format\": \"other\", \"version\": 1, \"student\": \"A\", \"lesson\": {\"id\": \"x\", \"sha256\": \"y\"}}"
            .into(),
    );
    let e = lateral::records::results::parse_results(&src).unwrap_err();
    assert!(e.message.contains("not \"lateral-results\""), "{e}");
    let src = lateral::text::diag::SourceFile::new("r.json", "{\"format\": \"lateral-results\", \"version\": 99, \"student\": \"A\", \"lesson\": {\"id\": \"x\", \"sha256\": \"y\"}}".into());
    let e = lateral::records::results::parse_results(&src).unwrap_err();
    assert!(e.message.contains("newer"), "{e}");
}

#[test]
fn a_path_that_does_not_exist_cannot_run() {
    let e = library::load(&[PathBuf::from("/no/such/folder/anywhere")], &[]).unwrap_err();
    assert!(e.to_string().contains("no such file or folder"));
}

/// 10,000 bad highlights in a one-line 2 MB results file: each diagnostic copied the whole line
/// (and the process ran out of memory). Now each keeps a window of the line, and only the
/// first 200 are listed, the rest counted.
#[test]
fn regression_ten_thousand_bad_highlights_on_one_line_stay_bounded() {
    let d = dir_with(&[("good.md", GOOD.as_bytes())]);
    let lib = load(d.path());
    let lesson = lib.lessons[0].lesson.clone().unwrap();
    let step = &lesson.steps[0];
    let n = 10_000;
    let one = r#"{"target":{"source":"urn:lateral:article:rt","selector":[{"type":"TextPositionSelector","start":100000,"end":100010}]},"label":"PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING_PADDING"}"#;
    let highlights = vec![one; n].join(",");
    let json = format!(
        r#"{{"format":"lateral-results","version":1,"student":"Ana","lesson":{{"id":"{}","sha256":"{}"}},"steps":[{{"step":"{}","highlights":[{highlights}]}}]}}"#,
        lesson.id, lesson.sha256, step.id
    );
    assert!(json.len() > 2_000_000 && !json.contains('\n'), "{} bytes", json.len());
    let src = lateral::text::diag::SourceFile::new("r.json", json);
    let mut r = lateral::records::results::parse_results(&src).unwrap();
    let diags = lateral::records::results::validate(&src, &mut r, &lesson, &lib.corpus);
    assert_eq!(diags.len(), lateral::text::diag::MAX_PER_FILE + 1);
    let last = diags.last().unwrap();
    assert_eq!(
        last.message,
        format!(
            "… and {} more problems in this file",
            n - lateral::text::diag::MAX_PER_FILE
        )
    );
    assert!(last.is_error());
    let first = &diags[0];
    assert_eq!(first.line, 1);
    assert_eq!(first.snippet.as_deref(), Some("100010"));
    let rendered: usize = diags.iter().map(|d| d.to_string().len()).sum();
    assert!(rendered < 200 * 1024, "{rendered} bytes of messages");
    let kept: usize = diags
        .iter()
        .filter_map(|d| d.source_line.as_ref())
        .map(String::len)
        .sum();
    assert!(kept < 201 * 130 * 4, "{kept} bytes of source lines kept");
    // The caret of the 200th points at its own `end` value, far along the line.
    let d = &diags[199];
    let col = d.column;
    let line: Vec<char> = src.text.as_str().chars().collect();
    let at: String = line[col - 1..col - 1 + 6].iter().collect();
    assert_eq!(at, "100010", "{d}");
    assert!(col > 199 * one.len(), "{col}");
    assert!(r.steps[0].highlights.is_empty());
}

fn deep(open: &str, n: usize) -> String {
    open.repeat(n)
}

/// A results file nested 100,000 levels deep is refused with its place; so is one that hides
/// the nesting in a field we do not read (serde_json skips those without a depth limit, and
/// the position finder then walked it recursively).
#[test]
fn regression_deeply_nested_results_file_overflows_the_stack() {
    use lateral::records::results::parse_results;
    use lateral::text::diag::SourceFile;
    let src = SourceFile::new("deep.json", deep("[", 100_000));
    let e = parse_results(&src).unwrap_err();
    assert!(e.message.contains("one JSON object, starting with `{`"), "{e}");
    assert_eq!((e.line, e.column), (1, 1));
    assert!(e.to_string().len() < 1000);
    let src = SourceFile::new("deep.json", format!("{{\"format\": {}", deep("[", 100_000)));
    let e = parse_results(&src).unwrap_err();
    assert!(e.message.contains("invalid type: sequence"), "{e}");
    assert_eq!((e.line, e.column), (1, 12), "{e}");
    // Inside a selector, serde_json's own depth limit (128) stops it.
    let head = r#"{"format":"lateral-results","version":1,"student":"A","lesson":{"id":"x","sha256":"y"},"steps":[{"step":"s","highlights":[{"target":{"source":"s","selector":[{"type":"TextQuoteSelector","exact":"#;
    let src = SourceFile::new("deep.json", format!("{head}{}", deep("{\"a\":", 100_000)));
    let e = parse_results(&src).unwrap_err();
    assert!(e.message.contains("nested too deeply (more than 128 levels)"), "{e}");
    assert_eq!(e.line, 1);
    assert!(e.column > head.len() && e.column < head.len() + 128 * 5 + 10, "{e}");
    // Unclosed in a field we do not read: the end of the file, with its place.
    let src = SourceFile::new("deep.json", format!("{{\"junk\": {}", deep("[", 100_000)));
    let e = parse_results(&src).unwrap_err();
    assert!(e.message.contains("EOF"), "{e}");
    assert_eq!((e.line, e.column), (1, 100_009), "{e}");

    let hidden = format!(
        "{{\"junk\": {}{}, \"format\": \"other\", \"version\": 1, \"student\": \"A\", \"lesson\": {{\"id\": \"x\", \"sha256\": \"y\"}}}}",
        deep("[", 100_000),
        deep("]", 100_000)
    );
    let src = SourceFile::new("hidden.json", hidden);
    let e = parse_results(&src).unwrap_err();
    assert!(e.message.contains("`format` is \"other\""), "{e}");
    assert_eq!(e.snippet.as_deref(), Some("\"other\""), "{e}");
    assert_eq!(e.column, 9 + 200_000 + 12 + 1, "{e}");
}

/// A student's saved progress file is read the same way: 100,000 levels deep, it is moved aside
/// with the reason, and the app goes on.
#[test]
fn regression_deeply_nested_progress_file_overflows_the_stack() {
    let d = tempfile::tempdir().unwrap();
    let store = lateral::records::progress::Store::new(d.path());
    let p = store.progress_path("Ana", "bias").unwrap();
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, deep("[", 100_000)).unwrap();
    match store.load_progress("Ana", "bias") {
        lateral::records::progress::Loaded::Damaged { problem, .. } => {
            assert!(problem.contains("one JSON object"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

/// A lesson `+++` block and an article's `.toml` nested 100,000 levels deep (`a = [[[[…` and
/// `a = {a={a=…`): toml_edit stops at its own depth limit; each is a clear error with its
/// place, and the good lesson beside them still loads.
#[test]
fn regression_deeply_nested_toml_overflows_the_stack() {
    let n = 100_000;
    let lesson_arrays = format!("+++\ntitle = \"Deep\"\nx = {}\n+++\nIntro.\n", deep("[", n));
    let lesson_tables = format!(
        "+++\ntitle = \"Deep\"\n+++\nIntro.\n\n+++ step\nkind = \"read\"\nx = {}\n+++\nRead.\n",
        deep("{a=", n)
    );
    let meta = format!(
        "id = \"deep\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\nnote = {}1{}\n",
        deep("[", n),
        deep("]", n)
    );
    let meta_tables = format!("id = \"deep2\"\n{} = 1\n", vec!["a"; n].join("."));
    let d = dir_with(&[
        ("good.md", GOOD.as_bytes()),
        ("arrays.md", lesson_arrays.as_bytes()),
        ("tables.md", lesson_tables.as_bytes()),
        ("corpus/deep.txt", b"Some text."),
        ("corpus/deep.toml", meta.as_bytes()),
        ("corpus/deep2.txt", b"Some text."),
        ("corpus/deep2.toml", meta_tables.as_bytes()),
    ]);
    let lib = load(d.path());
    let e = one_error(&lib, "arrays.md", "nested more than 50 levels deep");
    assert_eq!((e.line, e.column), (3, 5 + 50), "{e}");
    assert!(e.to_string().len() < 2000, "{e}");
    let e = one_error(&lib, "tables.md", "nested more than 50 levels deep");
    assert_eq!((e.line, e.column), (8, 5 + 3 * 50), "{e}");
    let e = one_error(&lib, "deep.toml", "nested more than 50 levels deep");
    assert_eq!((e.line, e.column), (5, 8 + 50), "{e}");
    assert!(e.to_string().len() < 2000, "{e}");
    let e = one_error(&lib, "deep2.toml", "nested more than 50 levels deep");
    assert_eq!((e.line, e.column), (2, 2 * 51), "{e}");
    assert!(lib.corpus.get("deep").is_none());
    good_still_loads(&lib);
}

/// Results timestamps are checked as real dates and times: 30 February or 25:99 is dropped
/// with a warning at its place (and the step's time is not made up from it).
#[test]
fn regression_impossible_timestamps_in_results_pass_as_dates() {
    let d = dir_with(&[("good.md", GOOD.as_bytes())]);
    let lib = load(d.path());
    let lesson = lib.lessons[0].lesson.clone().unwrap();
    let json = format!(
        r#"{{"format":"lateral-results","version":1,"student":"Ana","lesson":{{"id":"{}","sha256":"{}"}},
"started":"2026-02-30T09:00:00Z",
"steps":[{{"step":"{}","started":"2026-11-20T25:99:00Z","finished":"2026-11-20T09:02:30Z"}}]}}"#,
        lesson.id, lesson.sha256, lesson.steps[0].id
    );
    let src = lateral::text::diag::SourceFile::new("r.json", json);
    let mut r = lateral::records::results::parse_results(&src).unwrap();
    let diags = lateral::records::results::validate(&src, &mut r, &lesson, &lib.corpus);
    let msgs: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    let line3 = src.text.line_text(3);
    let col = line3.find("\"2026-11-20T25").unwrap() + 1;
    assert_eq!(
        msgs,
        [
            "2:11 `started` is not a date and time: \"2026-02-30T09:00:00Z\"; it is ignored".to_string(),
            format!("3:{col} `started` is not a date and time: \"2026-11-20T25:99:00Z\"; it is ignored"),
        ]
    );
    assert!(diags.iter().all(|d| !d.is_error()));
    assert_eq!(r.started, None);
    assert_eq!(r.steps[0].started, None);
    assert_eq!(r.steps[0].finished.as_deref(), Some("2026-11-20T09:02:30Z"));
    assert!(lateral::records::results::valid_timestamp("2024-02-29T23:59:59+01:00"));
    assert!(!lateral::records::results::valid_timestamp("2023-02-29T10:00:00Z"));
}
