//! Unit tests of what a checked step and the summary may show.

use std::sync::Arc;

use super::*;
use crate::lesson::bundled;
use crate::text::Span;

fn session() -> Session {
    let corpus = bundled::corpus();
    let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
    Session::new(Arc::new(lesson), &corpus, "Ana")
}

/// The first lesson's machine step, checked with key 1 right, key 2 with the wrong label, key 3
/// missed and one word outside the key; and its keys.
fn checked_machine_step() -> (Session, Vec<KeySpan>) {
    let mut s = session();
    s.go_to(2);
    let keys = s.step().keys().to_vec();
    s.add_highlight(0, keys[0].core, Some("disclosure".into()));
    s.add_highlight(0, keys[1].core, Some("template-residue".into()));
    let w = s.articles()[0].words[1];
    s.add_highlight(0, Span::new(w.start, w.end), Some("disclosure".into()));
    s.check().expect("check");
    (s, keys)
}

#[test]
fn a_checked_machine_step_reads_as_expected() {
    let (mut s, keys) = checked_machine_step();
    let v = checked_view(&s).expect("checked");
    let expected = CheckedView {
        score_line: v.score_line.clone(),
        detail_line: v.detail_line.clone(),
        detail_terms: v.detail_terms.clone(),
        flooding_line: None,
        solution_shown: false,
        keys: vec![
            KeyLine {
                verdict: Verdict::Found,
                heading: "✓ 1. found".into(),
                quote: Some("“This article was created by Artificial Intelligence” [Disclosure]".into()),
                explanation: Some(keys[0].explanation.clone()),
            },
            KeyLine {
                verdict: Verdict::Partly,
                heading: "½ 2. partly found (right place, wrong label)".into(),
                quote: Some("“Source: CNN” [Source mismatch]".into()),
                explanation: Some(keys[1].explanation.clone()),
            },
            KeyLine {
                verdict: Verdict::Missed,
                heading: "✗ 3. missed".into(),
                quote: None,
                explanation: None,
            },
        ],
        extras: vec![("Chiefs".into(), false)],
        options: vec![],
    };
    assert_eq!(v, expected);
    // P = (1 + ½ + 0) / 3 = 50%; R = (1 + ½ + 0) / 3 = 50%.
    assert_eq!(v.score_line, "Partly right: 50%");
    assert_eq!(
        v.detail_line.as_deref(),
        Some("50% of what you marked is in the key · you found 50% of the key")
    );
    assert_eq!(v.detail_terms.as_deref(), Some("Precision 50% · recall 50%"));
    // Showing the solution reveals the missed key.
    s.show_solution();
    let v = checked_view(&s).expect("checked");
    assert!(v.solution_shown);
    assert_eq!(
        v.keys[2].quote.as_deref(),
        Some("“such as and SP Tech” [Template residue]")
    );
}

/// Every key quote and explanation of every step of the session's lesson.
fn key_texts(s: &Session) -> Vec<String> {
    s.lesson
        .steps
        .iter()
        .flat_map(|st| st.keys())
        .flat_map(|k| [k.anchor.quote.clone(), k.explanation.clone()])
        .collect()
}

/// Does any of `lines` hold a key's quote or explanation?
fn leaks(s: &Session, lines: &[String]) -> Vec<String> {
    let keys = key_texts(s);
    lines
        .iter()
        .filter(|l| keys.iter().any(|k| l.contains(k.as_str())))
        .cloned()
        .collect()
}

#[test]
fn what_a_key_reveals_is_earned() {
    use Verdict::*;
    // Found and partly found keys show their quote and explanation; missed ones do not.
    assert!(key_revealed(Found, false, false));
    assert!(key_revealed(Partly, false, false));
    assert!(!key_revealed(Missed, false, false));
    // A flooded check reveals nothing …
    assert!(!key_revealed(Found, true, false));
    assert!(!key_revealed(Partly, true, false));
    assert!(!key_revealed(Missed, true, false));
    // … and a shown solution reveals everything.
    for v in [Found, Partly, Missed] {
        assert!(key_revealed(v, false, true));
        assert!(key_revealed(v, true, true));
    }
}

#[test]
fn regression_flooded_check_lists_keys_as_found() {
    let mut s = session();
    s.go_to(2);
    let len = s.articles()[0].len();
    s.add_highlight(0, Span::new(0, len), Some("disclosure".into()));
    s.check().expect("check");
    let d = s
        .state()
        .checked
        .as_ref()
        .and_then(|c| c.detail.clone())
        .expect("detail");
    assert!(d.flooded(), "{d:?}");
    // The scorer still sees every key covered; the screen must not say so.
    assert!(d.keys.iter().any(|k| k.verdict != Verdict::Missed));
    let v = checked_view(&s).expect("checked");
    assert_eq!(v.score_line, "Not yet: 0%");
    let f = v.flooding_line.expect("flooding");
    assert!(f.starts_with("Too much highlighted"), "{f}");
    assert!(
        f.contains("capped at 0%") && f.contains("no key passage is shown"),
        "{f}"
    );
    assert!(v.keys.is_empty(), "{:?}", v.keys);
    assert!(v.extras.is_empty() && v.detail_line.is_none());
    assert_eq!(article_marks(&s), ArticleMarks::default());
    // Showing the solution shows the keys, with no verdict: none of them was found.
    s.show_solution();
    let v = checked_view(&s).expect("checked");
    assert_eq!(v.keys.len(), 3);
    assert!(v.keys.iter().all(|k| k.verdict == Verdict::Missed && k.quote.is_some()));
    assert_eq!(v.keys[0].heading, "✗ 1. not counted: too much highlighted");
    let m = article_marks(&s);
    assert_eq!(m.keys.len(), 3);
    assert!(m.keys.iter().all(|k| k.verdict.is_none()) && m.extras.is_empty());
}

#[test]
fn highlighting_every_sentence_apart_tells_nothing_either() {
    // One highlight per sentence: the extras would be the sentences that hold no key, so the
    // others would be the answer. A flooded check lists no extras.
    let mut s = session();
    s.go_to(2);
    let art = s.articles()[0].clone();
    for sp in &art.segments.sentences {
        s.add_highlight(0, *sp, Some("disclosure".into()));
    }
    assert!(s.state().marks.len() > 3);
    s.check().expect("check");
    let v = checked_view(&s).expect("checked");
    assert!(v.flooding_line.is_some());
    assert!(v.keys.is_empty() && v.extras.is_empty());
    assert!(article_marks(&s).extras.is_empty());
}

#[test]
fn a_check_under_the_flooding_share_still_shows_what_it_found() {
    let mut s = session();
    s.go_to(2);
    let k = s.step().keys()[0].clone();
    s.add_highlight(0, k.core, Some("disclosure".into()));
    s.check().expect("check");
    let v = checked_view(&s).expect("checked");
    assert!(v.flooding_line.is_none());
    assert_eq!(v.keys[0].explanation.as_deref(), Some(k.explanation.as_str()));
    assert_eq!(v.keys[1].quote, None);
    let m = article_marks(&s);
    assert_eq!(m.keys.len(), 1);
    assert_eq!(m.keys[0].verdict, Some(Verdict::Found));
}

#[test]
fn regression_finish_shows_keys_of_unchecked_steps() {
    let mut s = session();
    // Highlight a key on step 2 and never check it; step 3 (the choice) is not checked either.
    s.go_to(2);
    let k = s.step().keys()[0].clone();
    s.add_highlight(0, k.core, Some("disclosure".into()));
    let lines = summary_review(&s);
    assert!(leaks(&s, &lines).is_empty(), "{lines:#?}");
    let scored: Vec<usize> = (0..s.lesson.steps.len())
        .filter(|&i| s.lesson.steps[i].is_scored())
        .collect();
    assert_eq!(lines.len(), scored.len(), "{lines:#?}");
    for (l, i) in lines.iter().zip(&scored) {
        let title = &s.lesson.steps[*i].title;
        assert!(l.starts_with(&format!("Step {} — {title}: not checked", i + 1)), "{l}");
        assert_eq!(step_result(&s, *i, Some(0.0)), "not checked yet");
    }
}

#[test]
fn the_summary_reviews_a_checked_step_as_the_player_showed_it() {
    let mut s = session();
    s.go_to(2);
    let keys = s.step().keys().to_vec();
    s.add_highlight(0, keys[1].core, Some("template-residue".into()));
    s.check().expect("check");
    let lines: Vec<String> = summary_review(&s)
        .into_iter()
        .filter(|l| l.starts_with("Step 3"))
        .collect();
    assert_eq!(
        lines,
        vec![
            "Step 3 — key passage 1 missed: not shown yet, try again or show the solution.".to_string(),
            format!("Step 3 — partly found “Source: CNN”: {}", keys[1].explanation),
            "Step 3 — key passage 3 missed: not shown yet, try again or show the solution.".to_string(),
        ]
    );
    // The score of the check itself: P = ½, R = ½ / 3, F1 = 25%.
    assert_eq!(step_result(&s, 2, Some(0.9)), "25% A start");
    // Retry (keep highlights): not checked again, so not reported as checked.
    assert!(s.retry(true));
    let l = summary_review(&s);
    assert!(
        l.iter()
            .any(|l| l.starts_with("Step 3 — Signs of a machine: not checked")),
        "{l:#?}"
    );
    assert!(leaks(&s, &l).is_empty(), "{l:#?}");
    assert_eq!(step_result(&s, 2, Some(0.3)), "not checked yet");
    // The solution shown: every key not found, with its quote and explanation.
    s.show_solution();
    let l: Vec<String> = summary_review(&s)
        .into_iter()
        .filter(|l| l.starts_with("Step 3"))
        .collect();
    assert_eq!(l.len(), 3);
    assert!(l[0].contains(&keys[0].anchor.quote) && l[2].contains(&keys[2].explanation));
}

#[test]
fn the_summary_of_a_flooded_check_names_no_key() {
    let mut s = session();
    s.go_to(2);
    let len = s.articles()[0].len();
    s.add_highlight(0, Span::new(0, len), Some("disclosure".into()));
    s.check().expect("check");
    let lines = summary_review(&s);
    assert!(
        lines.contains(&"Step 3 — Signs of a machine: too much highlighted, so no key passage is shown.".to_string())
    );
    assert!(leaks(&s, &lines).is_empty(), "{lines:#?}");
    assert_eq!(step_result(&s, 2, Some(0.0)), "0% Not yet");
}

#[test]
fn an_exam_summary_reviews_nothing() {
    let corpus = bundled::corpus();
    let mut lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
    lesson.exam = true;
    let s = Session::new(Arc::new(lesson), &corpus, "Ana");
    assert!(summary_review(&s).is_empty());
    assert_eq!(step_result(&s, 2, Some(0.0)), "to do");
}

#[test]
fn a_checked_choice_lists_the_picked_option() {
    let mut s = session();
    s.go_to(3);
    s.toggle_choice(1);
    s.check().expect("check");
    let v = checked_view(&s).expect("checked");
    assert_eq!(v.score_line, "Not yet: 0%");
    assert_eq!(v.options.len(), 1);
    assert!(v.options[0].heading.starts_with("✗ The machine-written page"));
    assert!(
        checked_view(&{
            let mut t = session();
            t.go_to(3);
            t
        })
        .is_none()
    );
}

#[test]
fn the_step_list_says_how_each_step_went() {
    let mut s = session();
    let words = |s: &Session, i: usize| step_progress(s, i).words;
    // Step 1 reads, and is done once opened; the others are not started.
    assert_eq!(
        step_progress(&s, 0),
        StepProgress {
            mark: "✓",
            words: "done".into()
        }
    );
    assert_eq!(words(&s, 2), "not started");
    s.go_to(2);
    assert_eq!(words(&s, 2), "not started");
    let w = s.articles()[0].words[1];
    s.add_highlight(0, Span::new(w.start, w.end), Some("disclosure".into()));
    assert_eq!(
        step_progress(&s, 2),
        StepProgress {
            mark: "◐",
            words: "in progress".into()
        }
    );
    s.check().expect("check");
    // Checked at 0%: not a tick.
    assert_eq!(
        step_progress(&s, 2),
        StepProgress {
            mark: "●",
            words: "checked: 0%".into()
        }
    );
    s.show_solution();
    assert_eq!(words(&s, 2), "solution shown (checked: 0%)");
    // A reflect step is answered once it has words.
    let last = s.lesson.steps.len() - 1;
    s.go_to(last);
    assert_eq!(words(&s, last), "not started");
    s.set_reflection("I would read the transcript.");
    assert_eq!(
        step_progress(&s, last),
        StepProgress {
            mark: "✓",
            words: "answered".into()
        }
    );
}

#[test]
fn regression_summary_score_counts_unchecked_highlights() {
    // Before: the summary's lesson score was worked out from every step's highlights, checked
    // or not, so Finish told a student whether highlights they never checked were right.
    let mut s = session();
    s.go_to(2);
    for k in s.step().keys().to_vec() {
        s.add_highlight(0, k.core, k.label.clone());
    }
    let total = s.lesson.steps.iter().filter(|st| st.is_scored()).count();
    assert_eq!(summary_score(&s), (0.0, 0, total));
    let line = summary_score_line(&s);
    assert_eq!(
        line,
        format!("Lesson score so far: 0% — 0 of {total} steps checked; a step not checked counts 0 until you check it")
    );
    // Checked, the step counts with its weight.
    s.check().expect("check");
    let (score, checked, _) = summary_score(&s);
    assert_eq!(checked, 1);
    let points: f64 = s
        .lesson
        .steps
        .iter()
        .filter(|st| st.is_scored())
        .map(|st| st.points)
        .sum();
    assert!((score - s.lesson.steps[2].points / points).abs() < 1e-9, "{score}");
}

#[test]
fn a_lesson_with_every_step_checked_has_a_plain_score_line() {
    let mut s = session();
    for i in 0..s.lesson.steps.len() {
        s.go_to(i);
        if s.step().is_scored() {
            if matches!(s.step().body, crate::lesson::StepBody::Choice { .. }) {
                s.toggle_choice(0);
            }
            s.check().expect("check");
        }
    }
    let (score, checked, total) = summary_score(&s);
    assert_eq!(checked, total);
    assert_eq!(
        summary_score_line(&s),
        format!("Lesson score: {:.0}% ({})", score * 100.0, score_words(score))
    );
}

#[test]
fn a_checked_step_speaks_polish_and_ukrainian() {
    use crate::i18n::{Locale, with_locale};
    let (s, _) = checked_machine_step();
    let pl = with_locale(Locale::Pl, || checked_view(&s)).expect("checked");
    assert_eq!(pl.score_line, "Częściowo dobrze: 50\u{a0}%");
    assert_eq!(pl.keys[0].heading, "✓ 1. znaleziony");
    assert_eq!(
        pl.keys[1].heading,
        "½ 2. znaleziony częściowo (dobre miejsce, zła etykieta)"
    );
    // Polish quotation marks, and the built-in label's Polish name.
    assert_eq!(
        pl.keys[0].quote.as_deref(),
        Some("„This article was created by Artificial Intelligence” [Ujawnienie]")
    );
    let uk = with_locale(Locale::Uk, || checked_view(&s)).expect("checked");
    assert_eq!(uk.score_line, "Частково правильно: 50\u{a0}%");
    assert_eq!(
        uk.detail_terms.as_deref(),
        Some("Точність 50\u{a0}% · повнота 50\u{a0}%")
    );
    assert_eq!(
        uk.keys[0].quote.as_deref(),
        Some("«This article was created by Artificial Intelligence» [Розкриття]")
    );
    // The step list and the summary too; English is untouched on this thread.
    let line = with_locale(Locale::Pl, || summary_score_line(&s));
    assert!(line.starts_with("Wynik lekcji na razie: "), "{line}");
    assert!(line.contains("sprawdzono 1 z "), "{line}");
    assert_eq!(checked_view(&s).expect("checked").score_line, "Partly right: 50%");
}
