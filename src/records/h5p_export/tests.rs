use std::io::Read as _;

use super::*;
use crate::corpus::ArticleMeta;
use crate::corpus::import::h5p_from_bytes;
use crate::lesson::bundled;
use crate::lesson::library::parse_lesson_text;
use crate::text::Span;

/// A corpus of one article `t` with `text`.
fn corpus(text: &str) -> Corpus {
    let meta = ArticleMeta {
        id: "t".into(),
        outlet: "The Paper".into(),
        headline: "A headline".into(),
        language: Some("en".into()),
        ..Default::default()
    };
    let mut c = Corpus::new();
    c.add(Article::new(meta, "t.txt", text)).expect("added");
    c
}

/// A lesson with one bias step on article `t`, one key per quote.
fn lesson(corpus: &Corpus, quotes: &[&str]) -> Lesson {
    let mut text = String::from(
        "+++\ntitle = \"Loaded words\"\n+++\n\nIntro.\n\n+++ step\nid = \"words\"\nkind = \"highlight\"\ntask = \"bias\"\ntitle = \"Find them\"\narticles = [\"t\"]\n",
    );
    for (i, q) in quotes.iter().enumerate() {
        text.push_str(&format!(
            "\n[[key]]\nid = \"k{}\"\nquote = {}\nlabel = \"loaded-word\"\nextent = \"exact\"\nexplanation = \"Why.\"\n",
            i + 1,
            toml_edit::Value::from(*q)
        ));
    }
    text.push_str("+++\n\nMark the **loaded** words.\n");
    let lf = parse_lesson_text("t.md", text, corpus);
    assert!(lf.is_playable(), "{:?}", lf.diagnostics);
    lf.lesson.expect("a lesson")
}

/// The package's two files, parsed.
fn unzip(bytes: &[u8]) -> (Value, Value) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).expect(name).read_to_string(&mut s).expect("read");
        serde_json::from_str::<Value>(&s).expect("JSON")
    };
    (read("h5p.json"), read("content/content.json"))
}

/// The marked words of a package, read back by the import.
fn imported(bytes: &[u8]) -> (String, Vec<String>) {
    let m = h5p_from_bytes("step.h5p", bytes.to_vec()).expect("imported");
    let chars: Vec<char> = m.text.chars().collect();
    let words = m.marked.iter().map(|s| chars[s.range()].iter().collect()).collect();
    (m.text, words)
}

#[test]
fn a_step_round_trips_through_the_h5p_import() {
    let text = "Officials “slammed” the plan.\nIt was, they said, a disaster.\n\nResidents (mostly) welcomed it.";
    let c = corpus(text);
    let l = lesson(&c, &["slammed", "a disaster", "mostly"]);
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    let (back, words) = imported(&p.bytes);
    // The same words; paragraphs stay paragraphs (the import reads the line break as one too).
    assert_eq!(
        back.split_whitespace().collect::<Vec<_>>(),
        text.split_whitespace().collect::<Vec<_>>()
    );
    assert!(back.contains("disaster.\n\nResidents"), "{back}");
    assert!(back.contains("plan.\nIt") || back.contains("plan.\n\nIt"), "{back}");
    assert_eq!(words, ["slammed", "a", "disaster", "mostly"]);
    assert_eq!((p.marked_words, p.keys), (4, 3));
    assert!(p.widened.is_empty() && p.dropped.is_empty());
    let (_, content) = unzip(&p.bytes);
    assert_eq!(
        content["textField"],
        "<p>Officials “*slammed*” the plan.<br>It was, they said, *a* *disaster*.</p><p>Residents (*mostly*) welcomed it.</p>"
    );
}

#[test]
fn a_key_that_starts_or_ends_inside_a_word_marks_the_whole_word() {
    let c = corpus("The spokesman downplayed the strike.");
    let mut l = lesson(&c, &["downplayed the"]);
    // The key as a teacher may have anchored it: from inside "spokesman" to inside "the".
    if let StepBody::Highlight { keys, .. } = &mut l.steps[0].body {
        keys[0].core = Span::new(8, 27);
    }
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    assert_eq!(imported(&p.bytes).1, ["spokesman", "downplayed", "the"]);
    assert_eq!(p.widened, ["k1"]);
}

#[test]
fn asterisks_in_the_article_are_written_as_h5p_reads_them() {
    let text = "Rated 5* by f***ing critics: a*b, 2 * 3, **.";
    let c = corpus(text);
    let l = lesson(&c, &["5*", "a*b"]);
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    let (_, content) = unzip(&p.bytes);
    // In a marked word each asterisk is doubled (H5P's `*correctword***`); elsewhere H5P shows
    // a word as written, so it is written as it is.
    assert_eq!(
        content["textField"],
        "<p>Rated *5*** by f***ing critics: *a**b*, 2 * 3, **.</p>"
    );
    let (back, words) = imported(&p.bytes);
    assert_eq!(back, text);
    assert_eq!(words, ["5*", "a*b"]);
}

#[test]
fn regression_a_tab_between_asterisked_words_made_one_h5p_answer() {
    // H5P's player reads ` *a<tab>b* ` as the one marked word `a<tab>b`; spaces are safe.
    let c = corpus("Say *a\tb* or *c\u{a0}d* now.");
    let l = lesson(&c, &["now"]);
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    let (_, content) = unzip(&p.bytes);
    assert_eq!(content["textField"], "<p>Say *a b* or *c d* *now*.</p>");
    assert_eq!(imported(&p.bytes).1, ["now"]);
}

#[test]
fn a_word_h5p_would_take_for_a_marked_word_is_refused() {
    let c = corpus("This is *really* bad.\nOr *so*' they say.");
    let l = lesson(&c, &["bad"]);
    let e = step_to_h5p(&l, 0, &c).expect_err("refused");
    assert_eq!(
        e,
        Refused::LooksMarked {
            word: "*really*".into(),
            article: "t".into(),
            line: 1
        }
    );
    assert!(e.to_string().contains("H5P would count it as an answer"), "{e}");
}

#[test]
fn html_in_the_article_is_escaped_and_reads_back() {
    let text = "Tom & Jerry said <script>alert('x')</script> \"loudly\".";
    let c = corpus(text);
    let l = lesson(&c, &["Jerry"]);
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    let (_, content) = unzip(&p.bytes);
    let field = content["textField"].as_str().expect("text");
    assert!(
        !field.contains("<script") && field.contains("&lt;script&gt;alert(&#x27;x&#x27;)"),
        "{field}"
    );
    let (back, words) = imported(&p.bytes);
    assert_eq!(back, text);
    assert_eq!(words, ["Jerry"]);
}

#[test]
fn conflict_choice_and_reflect_steps_are_refused_with_the_reason() {
    let corpus = bundled::corpus();
    let lessons = bundled::lessons(&corpus);
    let first = lessons[0].lesson.as_ref().expect("the first lesson");
    let conflict = first
        .steps
        .iter()
        .position(|s| s.task() == Some(Task::Conflict))
        .expect("a conflict step");
    let e = step_to_h5p(first, conflict, &corpus).expect_err("refused");
    assert!(matches!(e, Refused::Conflict { number, .. } if number == conflict + 1));
    assert!(e.to_string().contains("has no pairs"), "{e}");
    for kind in ["choice", "reflect", "read"] {
        let i = first.steps.iter().position(|s| s.kind_name() == kind).expect(kind);
        let e = step_to_h5p(first, i, &corpus).expect_err("refused");
        assert!(e.to_string().contains(&format!("is a {kind} step")), "{e}");
    }
    assert_eq!(step_to_h5p(first, 99, &corpus), Err(Refused::NoSuchStep(100)));
    let exportable: Vec<&str> = exportable_steps(first).iter().map(|(_, s)| s.kind_name()).collect();
    assert_eq!(exportable, ["machine"]);
}

#[test]
fn an_exam_copy_has_nothing_to_export() {
    let c = corpus("The spokesman downplayed the strike.");
    let mut l = lesson(&c, &["downplayed"]);
    l.exam = true;
    assert_eq!(step_to_h5p(&l, 0, &c), Err(Refused::ExamCopy));
}

#[test]
fn steps_are_named_by_number_or_id() {
    let c = corpus("The spokesman downplayed the strike.");
    let l = lesson(&c, &["downplayed"]);
    assert_eq!(find_step(&l, "1"), Some(0));
    assert_eq!(find_step(&l, " words "), Some(0));
    assert_eq!(find_step(&l, "0"), None);
    assert_eq!(find_step(&l, "2"), None);
    assert_eq!(find_step(&l, "nope"), None);
}

#[test]
fn the_package_has_the_fields_h5p_requires() {
    let c = corpus("The spokesman downplayed the strike.");
    let l = lesson(&c, &["downplayed"]);
    let p = step_to_h5p(&l, 0, &c).expect("exported");
    assert_eq!(p.title, "Loaded words: Find them");
    let (h5p, content) = unzip(&p.bytes);
    assert_eq!(h5p["title"], "Loaded words: Find them");
    assert_eq!(h5p["language"], "en");
    assert_eq!(h5p["mainLibrary"], "H5P.MarkTheWords");
    assert_eq!(h5p["embedTypes"], json!(["iframe"]));
    assert_eq!(h5p["license"], "U");
    let deps = h5p["preloadedDependencies"].as_array().expect("a list");
    assert_eq!(
        deps[0],
        json!({ "machineName": "H5P.MarkTheWords", "majorVersion": 1, "minorVersion": 11 })
    );
    assert!(
        deps.iter()
            .all(|d| d["machineName"].is_string() && d["majorVersion"].is_u64() && d["minorVersion"].is_u64())
    );
    assert_eq!(
        content["taskDescription"],
        "<p><strong>Find them</strong></p><p>Mark the loaded words.</p>"
    );
    assert_eq!(content["textField"], "<p>The spokesman *downplayed* the strike.</p>");
    assert_eq!(
        content["behaviour"],
        json!({ "enableRetry": true, "enableSolutionsButton": true, "enableCheckButton": true, "showScorePoints": true })
    );
    for field in [
        "checkAnswerButton",
        "submitAnswerButton",
        "tryAgainButton",
        "showSolutionButton",
        "correctAnswer",
        "incorrectAnswer",
        "missedAnswer",
        "displaySolutionDescription",
        "scoreBarLabel",
        "a11yFullTextLabel",
        "a11yClickableTextLabel",
        "a11ySolutionModeHeader",
        "a11yCheckingHeader",
        "a11yCheck",
        "a11yShowSolution",
        "a11yRetry",
    ] {
        assert!(content[field].as_str().is_some_and(|s| !s.is_empty()), "{field}");
    }
    // The same step gives the same bytes.
    assert_eq!(step_to_h5p(&l, 0, &c).expect("exported").bytes, p.bytes);
}

/// Char spans of the whitespace-separated pieces of `text`.
fn piece_spans(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    pieces(&chars).iter().map(|p| p.piece).collect()
}

proptest::proptest! {
    #[test]
    fn any_text_and_keys_round_trip_or_are_refused_with_a_reason(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "word", "Ab", "5", "*", "**", "*x*", "“", "”", "(", ")", ",", ".", "'", "-", "&", "<b>", "\"",
            " ", " ", " ", "\n", "\n\n", "é", "😀",
        ]), 1..40),
        cuts in proptest::collection::vec((0usize..300, 0usize..300), 1..5),
    ) {
        let text: String = parts.concat();
        let fixed = corpus("The spokesman downplayed the strike.");
        let mut l = lesson(&fixed, &["downplayed"]);
        let c = corpus(&text);
        let article = c.get("t").expect("the article");
        let n = article.len();
        proptest::prop_assume!(article.text.as_str().split_whitespace().next().is_some());
        let cores: Vec<Span> = cuts.iter().map(|&(a, b)| Span::new(a % (n + 1), b % (n + 1))).collect();
        if let StepBody::Highlight { keys, .. } = &mut l.steps[0].body {
            let k = keys[0].clone();
            *keys = cores.iter().map(|&core| KeySpan { core, ..k.clone() }).collect();
        }
        match step_to_h5p(&l, 0, &c) {
            Ok(p) => {
                let back = h5p_from_bytes("step.h5p", p.bytes).expect("read back");
                let shown: Vec<&str> = article.text.as_str().split_whitespace().collect();
                proptest::prop_assert_eq!(back.text.split_whitespace().collect::<Vec<_>>(), shown);
                proptest::prop_assert_eq!(back.marked.len(), p.marked_words);
                // Each mark is in a piece that a key touches, the same piece in the article.
                let here = piece_spans(&back.text);
                let there = piece_spans(article.text.as_str());
                for m in &back.marked {
                    let i = here.iter().position(|s| s.contains(m)).expect("in a piece");
                    proptest::prop_assert!(cores.iter().any(|c| c.intersects(&there[i])));
                }
            }
            Err(Refused::LooksMarked { word, .. }) => {
                proptest::prop_assert!(word.starts_with('*'), "{}", word);
            }
            Err(Refused::NothingToMark { .. }) => {}
            Err(e) => proptest::prop_assert!(false, "{e}"),
        }
    }
}
