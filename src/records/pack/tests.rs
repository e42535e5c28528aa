//! Unit tests of `records/pack.rs`.

use super::*;
use crate::lesson::bundled;
use crate::text::diag::{Diagnostic, SourceFile};
use serde_json::{Value, json};

fn good() -> Value {
    let corpus = bundled::corpus();
    let lessons: Vec<Lesson> = bundled::lessons(&corpus).into_iter().filter_map(|l| l.lesson).collect();
    serde_json::to_value(make_pack(&lessons, &corpus)).expect("json")
}

/// The problems with `v` written out as a pack file.
fn problems(v: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(v).expect("json");
    let (pack, diags) = read_pack(&SourceFile::new("p.lateral-exam", text.clone()));
    assert_eq!(pack.is_none(), !diags.is_empty());
    assert!(open_pack(&text, "p.lateral-exam").is_err() || diags.is_empty());
    diags
}

fn one(v: &Value, needle: &str) -> Diagnostic {
    let d = problems(v);
    let hit = d.iter().find(|d| d.message.contains(needle));
    let Some(hit) = hit else {
        panic!("no problem containing {needle:?} in {d:#?}")
    };
    assert!(hit.line > 0 && hit.column > 0, "{hit:?}");
    hit.clone()
}

#[test]
fn a_pack_of_the_bundled_lessons_is_clean() {
    assert_eq!(problems(&good()), vec![]);
}

#[test]
fn regression_pack_with_version_99_opens() {
    let mut v = good();
    v["version"] = json!(99);
    let d = one(&v, "version 99");
    assert!(d.source_line.as_deref().unwrap_or("").contains("99"), "{d:?}");
}

#[test]
fn regression_pack_with_zero_steps_panics() {
    let mut v = good();
    v["lessons"][0]["steps"] = json!([]);
    one(&v, "has no steps");
    let mut v = good();
    v["lessons"] = json!([]);
    one(&v, "has no lessons");
}

#[test]
fn regression_pack_step_with_three_articles_panics() {
    let mut v = good();
    let step = v["lessons"][1]["steps"]
        .as_array_mut()
        .and_then(|s| s.iter_mut().find(|s| s["kind"] == "highlight"))
        .expect("a highlight step");
    step["articles"] = json!(["rt", "saitarli", "ap-ktvz"]);
    one(&v, "at most two articles");
}

#[test]
fn regression_pack_with_missing_or_duplicate_articles_opens() {
    let mut v = good();
    v["articles"].as_array_mut().expect("articles").remove(0);
    one(&v, "is not in this pack");
    let mut v = good();
    let first = v["articles"][0].clone();
    v["articles"].as_array_mut().expect("articles").push(first);
    one(&v, "used twice in this pack");
}

#[test]
fn regression_pack_with_unknown_step_kind_opens() {
    let mut v = good();
    v["lessons"][0]["steps"][0]["kind"] = json!("quiz");
    one(&v, "`quiz` is not a kind of step");
}

#[test]
fn regression_pack_choice_without_options_opens() {
    let mut v = good();
    let step = v["lessons"][0]["steps"]
        .as_array_mut()
        .and_then(|s| s.iter_mut().find(|s| s["kind"] == "choice"))
        .expect("a choice step");
    step["options"] = json!([]);
    one(&v, "at least two options");
}

#[test]
fn regression_pack_highlight_step_without_articles_opens() {
    let mut v = good();
    let step = v["lessons"][0]["steps"]
        .as_array_mut()
        .and_then(|s| s.iter_mut().find(|s| s["kind"] == "highlight"))
        .expect("a highlight step");
    step["articles"] = json!([]);
    one(&v, "needs an article");
}

#[test]
fn regression_pack_ids_that_are_paths_rename_files_outside_the_data_folder() {
    for bad in ["../../x", "/etc/passwd", "C:\\Windows", "CON", ".hidden", "a/b"] {
        let mut v = good();
        v["lessons"][0]["id"] = json!(bad);
        one(&v, "cannot be a lesson id");
        let mut v = good();
        v["articles"][0]["id"] = json!(bad);
        one(&v, "cannot be an article id");
        let mut v = good();
        v["lessons"][0]["steps"][0]["id"] = json!(bad);
        one(&v, "cannot be a step id");
    }
}

#[test]
fn regression_two_pack_lessons_with_one_id_merge_work() {
    let mut v = good();
    let id = v["lessons"][0]["id"].clone();
    v["lessons"][1]["id"] = json!(id.as_str().expect("id").to_uppercase());
    one(&v, "used twice in this pack");
}

#[test]
fn key_material_in_a_pack_is_refused_where_it_stands() {
    let mut v = good();
    v["lessons"][0]["steps"][0]["keys"] = json!([{"quote": "a"}]);
    let d = one(&v, "no answer-key material");
    assert!(d.source_line.as_deref().unwrap_or("").contains("keys"), "{d:?}");
    let mut v = good();
    v["lessons"][0]["steps"][0]["explanation"] = json!("because");
    one(&v, "`explanation`");
    // An unknown field that is not key material is refused by name too.
    let mut v = good();
    v["lessons"][0]["colour"] = json!("red");
    one(&v, "unknown field `colour`");
}

#[test]
fn regression_hostile_pack_values_are_shown_escaped() {
    let mut v = good();
    v["lessons"][0]["steps"][0]["kind"] = json!("\u{1b}[2Jx");
    let d = one(&v, "is not a kind of step");
    assert!(!d.message.contains('\u{1b}'), "{}", d.message);
}

#[test]
fn not_json_and_not_a_pack_are_told_apart() {
    let (p, d) = read_pack(&SourceFile::new("p", "{\n  \"format\": ".into()));
    assert!(p.is_none());
    assert!(d[0].message.contains("not a readable exam pack"), "{:?}", d[0]);
    assert_eq!(d[0].line, 2);
    let (_, d) = read_pack(&SourceFile::new("p", "{\"format\": \"lateral-results\"}".into()));
    assert!(d[0].message.contains("not an exam pack"), "{:?}", d[0]);
}

/// `good()` with a source card on its first article and an investigate step that offers it.
fn with_investigate() -> Value {
    let mut v = good();
    let art = v["articles"][0]["id"].clone();
    v["articles"][0]["cards"] = json!([{
        "id": "funding",
        "title": "Who funds this site?",
        "text": "A cooperative owned by its member newspapers.",
        "source": "The agency's About page"
    }]);
    let steps = v["lessons"][0]["steps"].as_array_mut().expect("steps");
    steps.push(json!({
        "id": "look-up", "title": "Who is behind it?", "prose": "Open the cards.",
        "kind": "investigate", "articles": [art], "labels": [], "options": [],
        "multiple": false, "min_words": 0,
        "cards": [{ "article": art, "card": "funding" }]
    }));
    v
}

#[test]
fn investigate_steps_and_their_cards_travel_in_a_pack() {
    let v = with_investigate();
    assert_eq!(problems(&v), vec![]);
    let text = serde_json::to_string(&v).expect("json");
    let (lessons, corpus) = open_pack(&text, "p.lateral-exam").expect("opens");
    let step = lessons[0].steps.last().expect("step");
    let StepBody::Investigate { cards } = &step.body else {
        panic!("{:?}", step.body)
    };
    assert_eq!(cards[0].card, "funding");
    let art = corpus.get(&cards[0].article).expect("article");
    assert_eq!(art.meta.cards[0].title, "Who funds this site?");
    assert_eq!(art.meta.cards[0].source, "The agency's About page");
}

#[test]
fn a_pack_step_offering_a_card_its_articles_lack_is_refused() {
    let mut v = with_investigate();
    let last = v["lessons"][0]["steps"].as_array().expect("steps").len() - 1;
    v["lessons"][0]["steps"][last]["cards"][0]["card"] = json!("who-owns");
    one(&v, "card `who-owns` of article");
    v["lessons"][0]["steps"][last]["cards"] = json!([]);
    one(&v, "offers no source card");
    let mut v = with_investigate();
    v["lessons"][0]["steps"][0]["cards"] = json!([{ "article": "x", "card": "y" }]);
    one(&v, "only an investigate step offers source cards");
}

#[test]
fn a_pack_card_must_be_short_safe_and_whole() {
    let mut v = with_investigate();
    v["articles"][0]["cards"][0]["title"] = json!("  ");
    one(&v, "source card's title is empty");
    let mut v = with_investigate();
    v["articles"][0]["cards"][0]["id"] = json!("../../evil");
    one(&v, "cannot be a card id");
    let mut v = with_investigate();
    v["articles"][0]["cards"][0]["text"] = json!("x".repeat(crate::corpus::cards::MAX_TEXT_CHARS + 1));
    one(&v, "source card's text is empty or longer");
}
