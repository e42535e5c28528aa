//! Investigate steps and source cards, from the files a teacher writes to the results file a
//! student hands in: what the lesson format accepts and how it says no, what the session
//! records, and what a hand-edited results file can and cannot make of it.

use std::sync::Arc;

use lateral::corpus::{Corpus, load_article};
use lateral::grading::session::{MAX_LOOKUP_SECONDS, Session};
use lateral::lesson::library::parse_lesson_text;
use lateral::lesson::{Lesson, StepBody};
use lateral::records::results::{Results, parse_results, restore_session, validate};
use lateral::text::diag::{Diagnostic, SourceFile};

const META: &str = r#"id = "wire"
outlet = "The Wire Service"
headline = "A missile fell"
outlet_kind = "A news agency"

[[card]]
id = "owner"
title = "Who owns this outlet?"
text = "A cooperative owned by the newspapers that print its stories."
source = "The agency's About page"

[[card]]
id = "corrections"
title = "Does it publish corrections?"
text = "Yes: corrections are appended to the story, dated."
source = "The agency's standards page"
"#;

const OTHER: &str = r#"id = "blog"
outlet = "A blog"
headline = "Another view"
outlet_kind = "Unknown"
"#;

/// A corpus of two articles: one with two cards, one with none.
fn corpus() -> Corpus {
    let mut c = Corpus::new();
    for (meta, name, text) in [
        (META, "wire", "A missile fell in Poland. Officials spoke."),
        (OTHER, "blog", "Someone wrote about it."),
    ] {
        let mut diags = Vec::new();
        let a = load_article(
            &SourceFile::new(format!("{name}.toml"), meta.into()),
            &format!("{name}.txt"),
            text,
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:#?}");
        c.add(a.expect("article")).expect("added");
    }
    c
}

fn parse(steps: &str) -> (Option<Lesson>, Vec<Diagnostic>) {
    let text = format!("+++\ntitle = \"T\"\n+++\nIntro.\n\n{steps}");
    let lf = parse_lesson_text("t.md", text, &corpus());
    (lf.lesson, lf.diagnostics)
}

fn errors(steps: &str) -> Vec<String> {
    parse(steps)
        .1
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

const STEP: &str = "+++ step\nid = \"look\"\nkind = \"investigate\"\ntitle = \"Who is behind it?\"\narticles = [\"wire\"]\n+++\nOpen the cards you need.\n";

fn lesson() -> Lesson {
    let (l, d) = parse(STEP);
    assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
    l.expect("lesson")
}

fn cards_of(l: &Lesson) -> Vec<String> {
    match &l.steps[0].body {
        StepBody::Investigate { cards } => cards.iter().map(|c| format!("{}/{}", c.article, c.card)).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_investigate_step_offers_its_articles_cards_or_the_ones_it_names() {
    assert_eq!(cards_of(&lesson()), ["wire/owner", "wire/corrections"]);
    let (l, d) = parse(&STEP.replace("+++\nOpen", "cards = [\"corrections\", \"owner\"]\n+++\nOpen"));
    assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
    assert_eq!(cards_of(&l.expect("lesson")), ["wire/corrections", "wire/owner"]);
    assert!(!lesson().steps[0].is_scored());
}

#[test]
fn an_investigate_step_says_what_is_wrong_where() {
    let e = errors(&STEP.replace("+++\nOpen", "cards = [\"owners\"]\n+++\nOpen"));
    assert!(
        e.iter()
            .any(|e| e.starts_with("11:") && e.contains("no article of this step has a source card `owners`")),
        "{e:?}"
    );
    let e = errors(&STEP.replace("articles = [\"wire\"]\n", ""));
    assert!(e.iter().any(|e| e.contains("needs the article whose source")), "{e:?}");
    let e = errors(&STEP.replace("[\"wire\"]", "[\"blog\"]"));
    assert!(
        e.iter()
            .any(|e| e.contains("none of this step's articles has source cards")),
        "{e:?}"
    );
    let e = errors(
        &STEP
            .replace("investigate", "read")
            .replace("+++\nOpen", "cards = [\"owner\"]\n+++\nOpen"),
    );
    assert!(
        e.iter()
            .any(|e| e.contains("`cards` belongs in an investigate step, not a read step")),
        "{e:?}"
    );
    let (_, d) = parse(&STEP.replace("investigate", "investigat"));
    let help = d.iter().find_map(|d| d.suggestion.clone()).unwrap_or_default();
    assert!(
        help.contains("did you mean \"investigate\"") && help.contains("reflect, investigate"),
        "{help}"
    );
}

fn session() -> Session {
    Session::new(Arc::new(lesson()), &corpus(), "Ana")
}

#[test]
fn opening_cards_is_recorded_in_order_with_how_long() {
    let mut s = session();
    assert_eq!(s.cards().len(), 2);
    assert!(!s.card_opened(1));
    assert!(s.open_card(1));
    s.close_card(12.4);
    assert!(s.open_card(0));
    s.close_card(3.6);
    s.close_card(1.0);
    assert!(!s.open_card(2), "no third card");
    let got: Vec<(&str, u32)> = s.state().lookups.iter().map(|l| (l.card.as_str(), l.seconds)).collect();
    assert_eq!(got, [("corrections", 12), ("owner", 5)]);
    assert!(s.card_opened(0) && s.card_opened(1));
    assert!(
        s.state().lookups.iter().all(|l| l.opened.ends_with('Z')),
        "RFC 3339 in UTC"
    );
    // A card left open for hours counts as an hour at most.
    s.open_card(0);
    s.close_card(1e9);
    assert_eq!(s.state().lookups[2].seconds, MAX_LOOKUP_SECONDS);
}

#[test]
fn lookups_travel_in_the_results_file_and_come_back() {
    let mut s = session();
    s.open_card(1);
    s.close_card(7.0);
    let json = Results::from_session(&s).to_json();
    assert!(json.contains("\"lookups\""), "{json}");
    let src = SourceFile::new("r.json", json);
    let mut r = parse_results(&src).expect("parses");
    let l = lesson();
    let diags = validate(&src, &mut r, &l, &corpus());
    assert!(diags.is_empty(), "{diags:#?}");
    let back = restore_session(Arc::new(l), &corpus(), &r);
    assert_eq!(back.steps[0].lookups, s.steps[0].lookups);
}

#[test]
fn a_hand_edited_results_file_cannot_invent_lookups() {
    let mut s = session();
    s.open_card(0);
    let mut v: serde_json::Value = serde_json::from_str(&Results::from_session(&s).to_json()).expect("json");
    let good = v["steps"][0]["lookups"][0].clone();
    let mut unknown = good.clone();
    unknown["card"] = "who-funds".into();
    let mut long = good.clone();
    long["seconds"] = 4_000_000u32.into();
    let mut bad_time = good.clone();
    bad_time["opened"] = "yesterday".into();
    v["steps"][0]["lookups"] = serde_json::json!([good, unknown, long, bad_time]);
    let src = SourceFile::new("r.json", v.to_string());
    let mut r = parse_results(&src).expect("parses");
    let diags = validate(&src, &mut r, &lesson(), &corpus());
    let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("offers no card `who-funds`")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("counted as 3600")), "{msgs:?}");
    assert!(
        msgs.iter().any(|m| m.contains("`opened` is not a date and time")),
        "{msgs:?}"
    );
    assert!(diags.iter().all(|d| d.line > 0), "{diags:#?}");
    let kept = &r.steps[0].lookups;
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[1].seconds, MAX_LOOKUP_SECONDS);
    assert_eq!(kept[2].opened, "");
}

const VERDICT: &str = "\n+++ step\nid = \"verdict\"\nkind = \"choice\"\ntitle = \"Your verdict\"\n\n[[option]]\ntext = \"Trust it for what it saw\"\ncorrect = true\n\n[[option]]\ntext = \"Trust nothing\"\n+++\nWhat do you make of it?\n";

/// A results file of `name`: card 0 opened at `opened` (if any), the verdict answered at
/// `answered` (if any).
fn results_of(l: &Arc<Lesson>, name: &str, opened: Option<&str>, answered: Option<&str>) -> Results {
    let mut s = Session::new(l.clone(), &corpus(), name);
    if opened.is_some() {
        s.open_card(0);
        s.close_card(5.0);
    }
    s.go_to(1);
    if answered.is_some() {
        s.toggle_choice(0);
        s.check().expect("check");
    }
    let mut r = Results::from_session(&s);
    for w in &mut r.steps {
        if let (Some(t), Some(l)) = (opened, w.lookups.first_mut()) {
            l.opened = t.into();
        }
        if w.step == "verdict" {
            w.finished = answered.map(String::from);
        }
    }
    r
}

#[test]
fn the_class_view_counts_who_looked_before_judging() {
    let (l, d) = parse(&format!("{STEP}{VERDICT}"));
    assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
    let l = Arc::new(l.expect("lesson"));
    let dir = tempfile::tempdir().expect("tempdir");
    let class = [
        ("Ana", Some("2026-11-30T09:00:00Z"), Some("2026-11-30T09:05:00Z")),
        ("Ben", Some("2026-11-30T09:10:00Z"), Some("2026-11-30T09:05:00Z")),
        ("Cleo", None, Some("2026-11-30T09:05:00Z")),
        ("Dev", Some("2026-11-30T09:00:00Z"), None),
    ];
    let mut files = Vec::new();
    for (name, opened, answered) in class {
        let p = dir.path().join(format!("{name}.json"));
        std::fs::write(&p, results_of(&l, name, opened, answered).to_json()).expect("write");
        files.push(p);
    }
    let report = lateral::records::grade::grade(&l, &corpus(), &files);
    assert_eq!(report.graded.len(), 4, "{:#?}", report.diagnostics);
    let classes = lateral::records::grade::class_view(&report, &l, &corpus());
    let stats = classes[0].lookups.clone().expect("an investigate step");
    assert_eq!(
        (stats.students, stats.looked, stats.judged, stats.looked_before_judging),
        (4, 3, 3, 1)
    );
    assert_eq!(
        stats.per_card,
        [
            ("Who owns this outlet?".to_string(), 3),
            ("Does it publish corrections?".to_string(), 0)
        ]
    );
    assert_eq!(classes[1].lookups, None, "a choice step has no lookups");
}

#[test]
fn a_card_that_quotes_a_key_of_the_lesson_is_a_warning() {
    let meta = META.replace(
        "A cooperative owned by the newspapers that print its stories.",
        "It reported that a missile fell in Poland first.",
    );
    let mut corpus = Corpus::new();
    let mut diags = Vec::new();
    let a = load_article(
        &SourceFile::new("wire.toml", meta),
        "wire.txt",
        "A missile fell in Poland. Officials spoke.",
        &mut diags,
    );
    corpus.add(a.expect("article")).expect("added");
    let key = "\n+++ step\nkind = \"highlight\"\ntask = \"machine\"\ntitle = \"Find it\"\narticles = [\"wire\"]\n\n[[key]]\nid = \"fell\"\nquote = \"missile fell in Poland\"\nlabel = \"disclosure\"\nexplanation = \"Why.\"\n+++\nFind it.\n";
    let text = format!("+++\ntitle = \"T\"\n+++\nIntro.\n\n{STEP}{key}");
    let lf = parse_lesson_text("t.md", text, &corpus);
    let warnings: Vec<String> = lf
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| format!("{}: {}", d.line, d.message))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("6: source card `owner` of article `wire`") && w.contains("key `fell`")),
        "{warnings:?}"
    );
    assert!(lf.is_playable(), "a warning, not an error");
}
