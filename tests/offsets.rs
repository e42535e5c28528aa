//! What a char offset counts (issue 15 §2), from both sides: a results file's quote becomes the
//! offsets of the whole quote, spaces at its ends included; and an article saved with a UTF-8
//! byte-order mark has the offsets of the same text saved without one, counted after the BOM
//! (as Python's `open(path, encoding="utf-8-sig")` reads it), as docs/results-format.md says.

use std::path::Path;

use lateral::corpus::Corpus;
use lateral::lesson::Lesson;
use lateral::lesson::library::{load, parse_lesson_text};
use lateral::records::results::{Results, SavedHighlight, Selector, StepWork, Target, validate};
use lateral::text::Span;
use lateral::text::diag::SourceFile;

const META: &str = "outlet = \"The Courier\"\nheadline = \"Minister doubles down\"\ndate = \"2026-11-20\"\noutlet_kind = \"A local weekly paper\"\nlanguage = \"en\"\n";
const TEXT: &str = "The minister doubled down on Tuesday.\nShe said  it  twice.\n";

/// A corpus of two articles with the same text: `bom` saved with a BOM and Windows line ends,
/// `plain` without either.
fn corpus(dir: &Path) -> Corpus {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(TEXT.replace('\n', "\r\n").as_bytes());
    std::fs::write(dir.join("bom.txt"), bom).expect("written");
    std::fs::write(dir.join("bom.toml"), format!("id = \"bom\"\n{META}")).expect("written");
    std::fs::write(dir.join("plain.txt"), TEXT).expect("written");
    std::fs::write(dir.join("plain.toml"), format!("id = \"plain\"\n{META}")).expect("written");
    let lib = load(&[dir.to_path_buf()], &[]).expect("loads");
    assert!(lib.all_diagnostics().is_empty(), "{:#?}", lib.all_diagnostics());
    lib.corpus
}

/// An unlabelled bias lesson on article `id`, with the key "doubled down".
fn lesson(id: &str, corpus: &Corpus) -> Lesson {
    let text = format!(
        "+++\nid = \"l\"\ntitle = \"T\"\n+++\n\n+++ step\nid = \"s\"\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"{id}\"]\nlabels = []\n[[key]]\nquote = \"doubled down\"\nextent = \"exact\"\nexplanation = \"A verb of stubbornness where “repeated” would do.\"\n+++\nFind it.\n"
    );
    let lf = parse_lesson_text("l.md", text, corpus);
    assert!(lf.diagnostics.is_empty(), "{:#?}", lf.diagnostics);
    lf.lesson.expect("the lesson")
}

/// Offsets as the docs say to count them: the file's text after the BOM, line ends made `\n`.
fn documented_offset(file_bytes: &[u8], needle: &str) -> usize {
    let text = String::from_utf8(file_bytes.to_vec()).expect("UTF-8");
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).replace("\r\n", "\n");
    text[..text.find(needle).expect("there")].chars().count()
}

#[test]
fn regression_bom_article_offsets_shifted_by_one() {
    let d = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(d.path());
    let (bom, plain) = (corpus.get("bom").expect("bom"), corpus.get("plain").expect("plain"));
    assert_eq!(bom.text.as_str(), plain.text.as_str(), "the same displayed text");
    assert!(bom.text.as_str().starts_with("The "), "no BOM at offset 0");
    let bytes = std::fs::read(d.path().join("bom.txt")).expect("read");
    let at = documented_offset(&bytes, "doubled down");
    assert_eq!(at, 13);
    // The key is at the same offsets in both, those the docs give.
    for id in ["bom", "plain"] {
        let l = lesson(id, &corpus);
        assert_eq!(l.steps[0].keys()[0].core, Span::new(at, at + 12), "{id}");
    }
    // An article handed in with a BOM by any other way than a file agrees.
    let meta = bom.meta.clone();
    let direct = lateral::corpus::Article::new(meta, "x.txt", &format!("\u{FEFF}{TEXT}"));
    assert_eq!(direct.text.as_str(), plain.text.as_str());
    // A results file's offsets (counted that way) need no correction on the BOM file.
    let l = lesson("bom", &corpus);
    let (r, diags) = validated(&l, &corpus, vec![position(at, at + 12), quote("doubled down")]);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(r.steps[0].highlights[0].position(), Some((at, at + 12)));
}

#[test]
fn regression_quote_only_highlight_with_edge_spaces_shifts_its_offsets() {
    let d = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(d.path());
    let l = lesson("plain", &corpus);
    let article = corpus.get("plain").expect("plain");
    for exact in [" doubled down ", "doubled down ", " doubled down", "doubled down"] {
        let (r, diags) = validated(&l, &corpus, vec![quote(exact)]);
        assert!(diags.is_empty(), "{exact:?}: {diags:?}");
        let (s, e) = r.steps[0].highlights[0].position().expect("placed");
        assert_eq!(
            article.slice(Span::new(s, e)),
            exact,
            "the whole quote, spaces included"
        );
        assert_eq!(s, 13 - usize::from(exact.starts_with(' ')), "{exact:?}");
    }
    // Two spaces in the quote where the article has one: as far as the article has them.
    let (r, _) = validated(&l, &corpus, vec![quote("  doubled down")]);
    assert_eq!(r.steps[0].highlights[0].position(), Some((12, 25)));
    // Spaces the article has around words inside a line: "  it  " is found with both.
    let (r, _) = validated_on(&l, &corpus, vec![quote("  it  ")], "plain");
    let (s, e) = r.steps[0].highlights[0].position().expect("placed");
    assert_eq!(article.slice(Span::new(s, e)), "  it  ");
}

fn position(start: usize, end: usize) -> Selector {
    Selector::TextPositionSelector { start, end }
}

fn quote(exact: &str) -> Selector {
    Selector::TextQuoteSelector {
        exact: exact.into(),
        prefix: None,
        suffix: None,
    }
}

fn validated(l: &Lesson, corpus: &Corpus, selector: Vec<Selector>) -> (Results, Vec<String>) {
    let article = l.steps[0].articles[0].clone();
    validated_on(l, corpus, selector, &article)
}

/// A results file with one highlight (`selector`) on `article`, written as JSON, read back and
/// validated: the results kept and the messages.
fn validated_on(l: &Lesson, corpus: &Corpus, selector: Vec<Selector>, article: &str) -> (Results, Vec<String>) {
    let mut r = Results::new("Ana", l);
    r.steps.push(StepWork {
        step: "s".into(),
        highlights: vec![SavedHighlight {
            target: Target {
                source: format!("urn:lateral:article:{article}"),
                selector,
            },
            label: None,
            created: None,
        }],
        ..Default::default()
    });
    let src = SourceFile::new("r.json", serde_json::to_string_pretty(&r).expect("json"));
    let mut back = lateral::records::results::parse_results(&src).expect("reads");
    let diags = validate(&src, &mut back, l, corpus);
    (back, diags.iter().map(|d| d.message.clone()).collect())
}
