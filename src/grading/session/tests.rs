use super::*;
use crate::lesson::bundled;

fn session() -> (Session, Corpus) {
    let corpus = bundled::corpus();
    let lf = &bundled::lessons(&corpus)[0];
    let lesson = Arc::new(lf.lesson.clone().expect("the first lesson"));
    (Session::new(lesson, &corpus, "Ana"), corpus)
}

fn article(text: &str) -> Article {
    Article::new(
        crate::corpus::ArticleMeta {
            id: "t".into(),
            ..Default::default()
        },
        "t.txt",
        text,
    )
}

#[test]
fn snapping_takes_whole_words_and_keeps_selected_punctuation() {
    let a = article("He was “unsuccessful”. The missile fell in Poland.");
    let snap = |s: usize, e: usize| snap_to_words(&a, Span::new(s, e)).map(|sp| a.slice(sp).to_string());
    // "s “unsucc" grows to whole words.
    assert_eq!(snap(5, 12).as_deref(), Some("was “unsuccessful"));
    // A selection that includes the closing quotation mark and full stop keeps them.
    assert_eq!(snap(3, 22).as_deref(), Some("was “unsuccessful”."));
    // Spaces at the ends are dropped.
    assert_eq!(snap(22, 27).as_deref(), Some("The"));
    // A click inside a word takes the word; a click on a space or punctuation takes nothing.
    assert_eq!(snap(30, 30).as_deref(), Some("missile"));
    assert_eq!(snap(2, 2), None);
    assert_eq!(snap(21, 23), None);
}

#[test]
fn highlights_merge_with_the_same_label_and_refuse_another() {
    let (mut s, _) = session();
    s.go_to(2); // the machine step
    assert!(matches!(
        s.add_highlight(0, Span::new(0, 5), Some("disclosure".into())),
        AddOutcome::Added(0)
    ));
    assert!(matches!(
        s.add_highlight(0, Span::new(3, 12), Some("disclosure".into())),
        AddOutcome::Merged(0)
    ));
    assert_eq!(s.state().marks.len(), 1);
    match s.add_highlight(0, Span::new(2, 4), Some("source-mismatch".into())) {
        AddOutcome::Refused(why) => assert!(why.contains("Disclosure"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(s.undo());
    assert_eq!(s.state().marks.len(), 1);
    assert!(s.undo());
    assert!(s.state().marks.is_empty());
    assert!(s.redo());
    assert_eq!(s.state().marks.len(), 1);
}

#[test]
fn check_locks_until_retry_and_counts_attempts() {
    let (mut s, _) = session();
    s.go_to(1);
    let keys = s.step().keys().to_vec();
    for k in &keys {
        let a = s.step().articles.iter().position(|x| *x == k.article).expect("article");
        s.add_highlight(a, k.core, None);
    }
    let r = s.check().expect("check allowed").clone();
    assert_eq!(r.score, 1.0);
    assert_eq!(s.state().attempts, 1);
    assert!(matches!(
        s.add_highlight(0, Span::new(0, 3), None),
        AddOutcome::Refused(_)
    ));
    assert!(s.check().is_err());
    assert!(s.retry(true));
    assert_eq!(s.state().marks.len(), 2);
    assert!(!s.retry(false));
    s.check().expect("second check");
    assert!(s.retry(false));
    assert!(s.state().marks.is_empty());
}

#[test]
fn hints_come_one_at_a_time_and_are_counted() {
    let (mut s, _) = session();
    s.go_to(2);
    let first = s.next_hint().expect("a hint");
    assert!(first.contains("last lines"));
    assert_eq!(s.state().hints_used, 1);
    assert_eq!(s.hints_shown(), [first]);
    while s.next_hint().is_some() {}
    assert!(!s.hint_available());
    assert_eq!(s.state().hints_used as usize, s.hints_shown().len());
}

/// The hints the Hint button would give, in order, from a fresh copy of `s` (so asking does not
/// change `s`).
fn hints_on_offer(s: &Session) -> Vec<String> {
    let mut c = s.clone();
    std::iter::from_fn(|| c.next_hint()).collect()
}

#[test]
fn regression_hints_skip_keys_found_by_unchecked_highlights() {
    // Before: the hint list left out the hints of keys the current, unchecked highlights
    // found, so pressing Hint told a student which of their highlights were right.
    let (mut s, _) = session();
    s.go_to(2);
    let before = hints_on_offer(&s);
    let keys = s.step().keys().to_vec();
    assert!(keys.iter().any(|k| !k.hints.is_empty()), "step 3 has key hints");
    for k in &keys {
        s.add_highlight(0, k.core, k.label.clone());
    }
    assert_eq!(hints_on_offer(&s), before, "unchecked highlights change no hint");
    // Once checked, the keys shown as found need no hint.
    s.check().expect("check");
    let after = hints_on_offer(&s);
    for k in keys.iter().filter(|k| !k.hints.is_empty()) {
        assert!(k.hints.iter().all(|h| !after.contains(h)), "{after:?}");
    }
}

#[test]
fn solution_can_be_shown_once_and_locks_the_step() {
    let (mut s, _) = session();
    s.go_to(1);
    assert!(s.can_show_solution());
    assert!(s.show_solution());
    assert!(s.locked());
    assert!(!s.show_solution());
    assert_eq!(s.state().checked.as_ref().map(|c| c.score), Some(0.0));
}

/// The article of an annotated text (`[[…]]`, see [`crate::text::langs_tests::marked`]) and its
/// marked spans.
fn marked_article(annotated: &str) -> (Article, Vec<Span>) {
    let (text, spans) = crate::text::langs_tests::marked(annotated);
    (article(&text), spans)
}

#[test]
fn snapping_takes_whole_polish_and_ukrainian_words() {
    for annotated in [
        "Minister nazwał to „[[skandaliczną prowokacją]]” Rosji.",
        "Źródła: [[żołnierze]] z [[Łodzi]] i [[Żagania]] wrócili.",
        "Він назвав це «[[брехливою пропагандою]]» Кремля.",
        "Пахло [[м’ятою]], [[м'ятою]] і [[мʼятою]]: [[Ґанок]], [[Їжак]], [[Єва]].",
        "Rakieta spadła w [[Przewodo\u{301}w]], tuż przy granicy.",
    ] {
        let (a, spans) = marked_article(annotated);
        let snap = |s: usize, e: usize| snap_to_words(&a, Span::new(s, e)).map(|sp| a.slice(sp).to_string());
        for sp in spans {
            let want = Some(a.slice(sp).to_string());
            // A drag from inside the first word to inside the last takes them whole …
            assert_eq!(snap(sp.start + 1, sp.end - 1), want, "{annotated}");
            // … and so does a click inside a one-word span (on its last letter: past apostrophes
            // and combining marks).
            if !a.slice(sp).contains(' ') {
                assert_eq!(snap(sp.end - 1, sp.end - 1), want, "{annotated}");
            }
        }
    }
}

#[test]
fn a_selection_that_takes_closing_polish_and_ukrainian_quotes_keeps_them() {
    let (a, spans) = marked_article("To była [[„prowokacja”.]] Це була [[«провокація».]]");
    for sp in spans {
        // From inside the word to the end of the full stop.
        let got = snap_to_words(&a, Span::new(sp.start + 3, sp.end)).map(|s| a.slice(s).to_string());
        assert_eq!(got.as_deref(), Some(a.slice(Span::new(sp.start + 1, sp.end))));
    }
}
