//! The docs tell the truth: their examples validate and they describe every field.
//!
//! Examples in docs/lesson-format.md: every ```` ```markdown ```` or ```` ```toml ```` block is
//! checked with the real checker on the bundled corpus, by what it starts with:
//! - a line `+++`: a whole lesson; it must check with no error and no warning (a lesson block
//!   alone, without steps, is checked with a read step after it);
//! - a line `+++ step`: one or more steps; they are checked after a one-line lesson block
//!   (`title = "…"`), with no error and no warning;
//! - anything else (an article's `.toml`, a `[[key]]` or `[[card]]` table alone) is a fragment and
//!   must say so: the line just before its opening fence is `<!-- fragment -->`. A fragment is
//!   not checked as a lesson; a block that is neither a lesson nor marked fails the test.
//!
//! The first such block is the minimal lesson the doc opens with: at most 13 lines.

mod support;

use std::path::Path;

use lateral::corpus::META_FIELDS;
use lateral::corpus::cards::CARD_FIELDS;
use lateral::lesson::bundled;
use lateral::lesson::library::parse_lesson_text;
use lateral::lesson::{
    KEY_FIELDS, LABEL_FIELDS, LESSON_FIELDS, OPTION_FIELDS, SETTINGS_FIELDS, STEP_FIELDS, builtin_labels,
};

fn read(p: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).expect("the file exists")
}

/// The Markdown code blocks of a doc that hold a whole lesson (they start with `+++`).
fn lesson_blocks(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = doc.lines();
    while let Some(l) = lines.next() {
        let fence = l.trim_end();
        if fence == "```markdown" || fence == "````markdown" {
            let close = &fence[..fence.len() - "markdown".len()];
            let body: Vec<&str> = lines.by_ref().take_while(|x| x.trim_end() != close).collect();
            if body.first().is_some_and(|f| f.trim() == "+++") {
                out.push(body.join("\n") + "\n");
            }
        }
    }
    out
}

#[test]
fn the_worked_example_is_the_first_bundled_lesson_and_validates() {
    let doc = read("docs/lesson-format.md");
    let begin = "<!-- example:begin lessons/00-first-look.md -->";
    let at = doc.find(begin).expect("the worked example is marked");
    let blocks = lesson_blocks(&doc[at..]);
    assert_eq!(
        blocks[0],
        read("lessons/00-first-look.md"),
        "docs/lesson-format.md's example differs from the lesson file"
    );
    let corpus = bundled::corpus();
    let lf = parse_lesson_text("docs example", blocks[0].clone(), &corpus);
    assert!(lf.is_playable(), "{:#?}", lf.diagnostics);
    assert!(lf.diagnostics.is_empty(), "{:#?}", lf.diagnostics);
    let kinds: Vec<&str> = lf
        .lesson
        .as_ref()
        .unwrap()
        .steps
        .iter()
        .map(|s| s.kind_name())
        .collect();
    assert_eq!(kinds, ["read", "conflict", "machine", "choice", "reflect"]);
}

/// A ```` ```markdown ```` or ```` ```toml ```` block of a doc: the line of its opening fence
/// (1-based), its text, and whether the line before the fence is `<!-- fragment -->`.
struct Example {
    line: usize,
    body: String,
    fragment: bool,
}

fn examples(doc: &str) -> Vec<Example> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let fence = lines[i].trim_end();
        let ticks = fence.len() - fence.trim_start_matches('`').len();
        let info = &fence[ticks..];
        if ticks >= 3 && (info == "markdown" || info == "toml") {
            let close = &fence[..ticks];
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim_end() == close)
                .unwrap_or(lines.len());
            out.push(Example {
                line: i + 1,
                body: lines[i + 1..end].join("\n") + "\n",
                fragment: i > 0 && lines[i - 1].trim() == "<!-- fragment -->",
            });
            i = end;
        }
        i += 1;
    }
    out
}

#[test]
fn every_lesson_and_step_in_the_docs_checks_clean_and_the_rest_are_marked_fragments() {
    let corpus = bundled::corpus();
    let doc = read("docs/lesson-format.md");
    let found = examples(&doc);
    assert!(found.len() >= 8, "the examples were not found");
    let mut checked = 0;
    for ex in &found {
        let first = ex.body.lines().next().unwrap_or("").trim_end();
        let text = match first {
            "+++" if !ex.body.contains("\n+++ step") => format!("{}\n+++ step\nkind = \"read\"\n+++\nRead.\n", ex.body),
            "+++" => ex.body.clone(),
            "+++ step" => format!("+++\ntitle = \"Docs example\"\n+++\n\n{}", ex.body),
            _ => {
                assert!(
                    ex.fragment,
                    "docs/lesson-format.md:{}: a block that is not a whole lesson or steps needs `<!-- fragment -->` on the line before it",
                    ex.line
                );
                continue;
            }
        };
        assert!(
            !ex.fragment,
            "docs/lesson-format.md:{}: a lesson marked as a fragment is not checked; remove the mark",
            ex.line
        );
        let lf = parse_lesson_text("docs", text, &corpus);
        assert!(
            lf.is_playable() && lf.diagnostics.is_empty(),
            "docs/lesson-format.md:{}:\n{}\n{:#?}",
            ex.line,
            ex.body,
            lf.diagnostics
        );
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} lessons checked");
}

#[test]
fn the_doc_opens_with_a_minimal_lesson_that_checks_clean() {
    let doc = read("docs/lesson-format.md");
    let first = examples(&doc).into_iter().next().expect("an example");
    assert!(first.body.starts_with("+++\n"), "the first example is a whole lesson");
    assert!(first.body.lines().count() <= 13, "the minimal lesson is short");
    // Before the reference: it is what a teacher reads first.
    assert!(first.line < doc.find("## Reference").map_or(0, |at| doc[..at].lines().count()));
    let lf = parse_lesson_text("docs", first.body, &bundled::corpus());
    assert!(lf.is_playable() && lf.diagnostics.is_empty(), "{:#?}", lf.diagnostics);
}

#[test]
fn the_reference_describes_every_field_and_label() {
    let doc = read("docs/lesson-format.md");
    for f in [
        LESSON_FIELDS,
        SETTINGS_FIELDS,
        LABEL_FIELDS,
        STEP_FIELDS,
        KEY_FIELDS,
        OPTION_FIELDS,
        META_FIELDS,
        CARD_FIELDS,
    ]
    .concat()
    {
        assert!(
            doc.contains(&format!("| `{f}` |")),
            "docs/lesson-format.md has no table row for `{f}`"
        );
    }
    for l in builtin_labels() {
        assert!(
            doc.contains(&format!("| `{}` | {} | {} |", l.id, l.name, l.description)),
            "label {} is not documented as it is",
            l.id
        );
    }
}

#[test]
fn every_file_in_corpus_and_lessons_is_bundled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    on_disk.sort();
    let mut bundled_stems: Vec<String> = bundled::ARTICLES.iter().map(|a| a.stem.to_string()).collect();
    bundled_stems.sort();
    assert_eq!(on_disk, bundled_stems);
    let mut lessons: Vec<String> = std::fs::read_dir(root.join("lessons"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    lessons.sort();
    let mut listed: Vec<String> = bundled::LESSONS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(lessons, listed);
}

#[test]
fn bundled_articles_match_the_seed_texts_word_for_word() {
    // The corpus files are the seed files, byte for byte (where the seeds are beside the repo).
    if let Some(seeds) = support::shared(
        "seeds",
        &["000_93c843e8f2ae1a16.txt"],
        "the folder of the five seed reports",
    ) {
        // Not the fictional article written for the Polish sample lesson: it has no seed.
        let fictional: Vec<String> = bundled::corpus_articles()
            .into_iter()
            .filter(|a| a.meta.fictional)
            .map(|a| a.source)
            .collect();
        assert_eq!(fictional, ["corpus/005_borowkowo_fikcja.txt"]);
        for a in bundled::ARTICLES
            .iter()
            .filter(|a| !fictional.contains(&format!("corpus/{}.txt", a.stem)))
        {
            let seed = std::fs::read_to_string(seeds.join(format!("{}.txt", a.stem))).unwrap();
            assert_eq!(seed, a.text, "corpus/{}.txt differs from the seed", a.stem);
        }
    }
    // The displayed text only drops the recorded lines (and blank lines at the ends).
    for a in bundled::corpus_articles() {
        let raw = read(&a.source);
        let mut drop: Vec<usize> = a.meta.removed.iter().flat_map(|r| r.first_line..=r.last_line).collect();
        drop.sort_unstable();
        let kept: Vec<&str> = raw
            .split('\n')
            .enumerate()
            .filter(|(i, _)| drop.binary_search(&(i + 1)).is_err())
            .map(|(_, l)| l)
            .collect();
        assert_eq!(kept.join("\n").trim(), a.text.as_str().trim(), "{}", a.source);
        for r in &a.meta.removed {
            assert!(
                !r.reason.is_empty() && !r.text.trim().is_empty(),
                "{}: removal without reason or text",
                a.source
            );
        }
    }
}

#[test]
fn the_results_format_example_reads_back() {
    let doc = read("docs/results-format.md");
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let json = &doc[start..start + doc[start..].find("```").unwrap()];
    let src = lateral::text::diag::SourceFile::new("docs/results-format.md", json.to_string());
    let mut r = lateral::records::results::parse_results(&src).expect("the example parses");
    let corpus = bundled::corpus();
    let lf = &bundled::lessons(&corpus)[0];
    let lesson = lf.lesson.as_ref().unwrap();
    let diags = lateral::records::results::validate(&src, &mut r, lesson, &corpus);
    // The only thing allowed to differ is the lesson file's version.
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    assert_eq!(r.steps[0].highlights.len(), 1);
    let out = lateral::records::results::score_results(&r, lesson, &corpus);
    // One side of the conflict only: recall 0, and the written score is not what counts.
    let conflict = out.steps.iter().find(|s| s.step == "who-fired").unwrap();
    assert_eq!(conflict.score, Some(0.0));
    assert_eq!(
        out.steps.iter().find(|s| s.step == "trust-for-what").unwrap().score,
        Some(1.0)
    );
}
