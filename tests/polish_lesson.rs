//! The Polish sample lesson (`lessons/05-jednostronny-tekst.md`) on its fictional Polish article:
//! it says its language, every key is placed on the words it quotes with the sentence or
//! paragraph around it that Polish abbreviations must not cut short, and a student who finds the
//! keys (by dragging across parts of the words, or by taking whole sentences) scores 100 %.

use std::sync::Arc;

use lateral::grading::session::{AddOutcome, Session};
use lateral::lesson::{Extent, StepBody, bundled};
use lateral::text::Span;

const LESSON: &str = "jednostronny-tekst";
const ARTICLE: &str = "borowkowo-biblioteka";

fn session() -> (Session, lateral::corpus::Corpus) {
    let corpus = bundled::corpus();
    let lf = bundled::lessons(&corpus)
        .into_iter()
        .find(|lf| lf.lesson.as_ref().is_some_and(|l| l.id == LESSON))
        .expect("the Polish sample is bundled");
    assert!(lf.is_playable() && lf.diagnostics.is_empty(), "{:#?}", lf.diagnostics);
    let lesson = Arc::new(lf.lesson.expect("parsed"));
    (Session::new(lesson, &corpus, "Ola"), corpus)
}

#[test]
fn the_polish_sample_says_its_language_and_that_its_article_is_fictional() {
    let (s, corpus) = session();
    assert_eq!(s.lesson.lang.as_deref(), Some("pl"));
    assert!(s.lesson.title.contains("fikcyjny"), "{}", s.lesson.title);
    let a = corpus.get(ARTICLE).expect("its article");
    assert_eq!(a.meta.language.as_deref(), Some("pl"));
    assert!(a.meta.fictional);
    assert!(
        a.meta.outlet.contains("fikcyjna") && a.meta.outlet.contains("Lateral"),
        "{}",
        a.meta.outlet
    );
    // Its labels are named in Polish; a reflect step closes it.
    assert_eq!(
        s.lesson.label("loaded-word").map(|l| l.name.as_str()),
        Some("Słowo nacechowane")
    );
    assert!(matches!(
        s.lesson.steps.last().map(|st| &st.body),
        Some(StepBody::Reflect { .. })
    ));
}

#[test]
fn every_key_of_the_polish_sample_is_placed_on_its_words_and_the_sentence_around_them() {
    let (s, corpus) = session();
    let a = corpus.get(ARTICLE).expect("its article");
    let step = s
        .lesson
        .steps
        .iter()
        .find(|st| st.id == "czyj-glos")
        .expect("the highlight step");
    let placed: Vec<(&str, &str, Extent)> = step
        .keys()
        .iter()
        .map(|k| (a.slice(k.core), a.slice(k.allowed), k.extent))
        .collect();
    assert_eq!(
        placed,
        [
            (
                "przepchnęła",
                // `ul.` does not end the sentence.
                "Rada Miejska w Borówkowie przepchnęła we wtorek uchwałę o zamknięciu filii biblioteki przy ul. Lipowej.",
                Extent::Sentence
            ),
            ("tłumaczy się", "Ratusz tłumaczy się oszczędnościami.", Extent::Sentence),
            (
                "Nie oddamy naszej biblioteki bez walki",
                "Mieszkańcy zbierają podpisy pod petycją i zapowiadają protest przed ratuszem w przyszły czwartek. – Nie oddamy naszej biblioteki bez walki – zapowiada Wiśniewski.",
                Extent::Paragraph
            ),
        ]
    );
    // The sentence with `r.` after a year is whole too.
    let filia = a
        .segments
        .sentences
        .iter()
        .map(|sp| a.slice(*sp))
        .find(|s| s.starts_with("Filia"));
    assert_eq!(
        filia,
        Some(
            "Filia ma zniknąć z osiedla 1 marca 2027 r., a jej książki trafią do biblioteki głównej w centrum miasta."
        )
    );
}

/// Plays the highlight step with one highlight per key, made by `span_of` from the key, and
/// returns the step's score.
fn play(span_of: impl Fn(&lateral::lesson::KeySpan) -> Span) -> f64 {
    let (mut s, corpus) = session();
    let i = s
        .lesson
        .steps
        .iter()
        .position(|st| st.id == "czyj-glos")
        .expect("the highlight step");
    s.go_to(i);
    let step = s.step().clone();
    for k in step.keys() {
        let out = s.add_highlight(0, span_of(k), k.label.clone());
        assert!(matches!(out, AddOutcome::Added(_)), "{out:?}");
        // The highlight snapped to whole words: it covers the key's words.
        let mark = s
            .state()
            .marks
            .iter()
            .find(|m| m.span.intersects(&k.core))
            .expect("marked");
        assert!(
            mark.span.contains(&k.core),
            "{}",
            corpus.get(ARTICLE).expect("article").slice(mark.span)
        );
    }
    s.check().expect("checked").score
}

#[test]
fn a_perfect_answer_to_the_polish_sample_scores_100_percent() {
    // Dragged from the second letter of a key to its last but one: snapped to whole words.
    assert_eq!(play(|k| Span::new(k.core.start + 1, k.core.end - 1)), 1.0);
    // The whole sentence or paragraph a key allows: free.
    assert_eq!(play(|k| k.allowed), 1.0);
    // And the lesson as a whole.
    let (mut s, corpus) = session();
    for i in 0..s.lesson.steps.len() {
        s.go_to(i);
        let step = s.step().clone();
        for k in step.keys() {
            s.add_highlight(0, k.core, k.label.clone());
        }
        match &step.body {
            StepBody::Highlight { .. } => assert_eq!(s.check().expect("checked").score, 1.0),
            StepBody::Reflect { .. } => s.set_reflection("Rada przegłosowała zamknięcie filii biblioteki."),
            _ => {}
        }
    }
    assert_eq!(s.lesson_score(&corpus), 1.0);
}
