use std::sync::Arc;

use super::*;
use crate::grading::session::Session;
use crate::lesson::StepBody;
use crate::lesson::bundled;

/// Found by fuzzing: a JSON error after multibyte chars had serde_json's byte column, past
/// the end of the line in chars.
#[test]
fn regression_json_error_column_counts_chars() {
    let src = SourceFile::new("r.json", "{\"student\": \"İKΩßﬁ\" oops}".into());
    let e = parse_results(&src).expect_err("not JSON");
    assert_eq!((e.line, e.column), (1, 21), "{e}");
    assert_eq!(src.text.line_text(1).chars().nth(e.column - 1), Some('o'));
}

fn session() -> (Session, Corpus) {
    let corpus = bundled::corpus();
    let lf = &bundled::lessons(&corpus)[0];
    let lesson = Arc::new(lf.lesson.clone().expect("the first lesson"));
    (Session::new(lesson, &corpus, "Ana"), corpus)
}

#[test]
fn regression_hand_edited_progress_with_overlaps_and_bad_choices_loads_as_is() {
    let (s, corpus) = session();
    let lesson = s.lesson.clone();
    let mut r = Results::from_session(&s);
    let hi = lesson
        .steps
        .iter()
        .position(|st| matches!(st.body, StepBody::Highlight { .. }))
        .expect("a highlight step");
    let ci = lesson
        .steps
        .iter()
        .position(|st| matches!(st.body, StepBody::Choice { multiple: false, .. }))
        .expect("a single-choice step");
    let article = corpus.get(&lesson.steps[hi].articles[0]).expect("article").clone();
    let h = |a: usize, b: usize| SavedHighlight::new(&article, Span::new(a, b), None);
    for (i, id) in [(hi, &lesson.steps[hi].id), (ci, &lesson.steps[ci].id)] {
        let w = StepWork {
            step: id.clone(),
            highlights: if i == hi {
                vec![h(0, 10), h(5, 20), h(30, 40), h(2, 3)]
            } else {
                vec![]
            },
            choices: if i == ci { vec![usize::MAX, 1, 1, 0] } else { vec![] },
            attempts: u32::MAX,
            hints_used: u32::MAX,
            ..Default::default()
        };
        r.steps.retain(|x| &x.step != id);
        r.steps.push(w);
    }
    let mut back = restore_session(lesson.clone(), &corpus, &r);
    let spans: Vec<Span> = back.steps[hi].marks.iter().map(|m| m.span).collect();
    assert_eq!(spans, vec![Span::new(0, 10), Span::new(30, 40)]);
    assert_eq!(back.steps[ci].choices, vec![0]);
    back.go_to(hi);
    let _ = back.check();
    assert_eq!(back.steps[hi].attempts, u32::MAX, "saturates, never wraps or panics");
}

#[test]
fn results_round_trip_restores_the_same_place_and_highlights() {
    let (mut s, corpus) = session();
    s.go_to(2);
    s.add_highlight(0, Span::new(0, 5), Some("disclosure".into()));
    s.go_to(3);
    s.toggle_choice(0);
    s.check().expect("choice check");
    s.go_to(4);
    s.set_reflection("I would look at NBC News itself.");
    let r = Results::from_session(&s);
    let json = r.to_json();
    let src = crate::text::diag::SourceFile::new("p.json", json);
    let back = parse_results(&src).expect("parses");
    let t = restore_session(s.lesson.clone(), &corpus, &back);
    assert_eq!(t.current, 4);
    assert_eq!(t.steps[2].marks, s.steps[2].marks);
    assert_eq!(t.steps[3].choices, vec![0]);
    assert_eq!(t.steps[3].checked.as_ref().map(|c| c.score), Some(1.0));
    assert_eq!(t.steps[4].reflection, "I would look at NBC News itself.");
}

#[test]
fn a_session_and_its_results_file_have_the_same_outcome() {
    let (mut s, corpus) = session();
    s.go_to(1);
    let keys = s.step().keys().to_vec();
    let a = s
        .step()
        .articles
        .iter()
        .position(|x| *x == keys[0].article)
        .expect("article");
    s.add_highlight(a, keys[0].core, None);
    s.add_highlight(0, Span::new(0, 5), None);
    s.go_to(2);
    s.add_highlight(0, Span::new(0, 5), Some("disclosure".into()));
    s.go_to(3);
    s.toggle_choice(0);
    s.check().expect("choice check");
    let live = s.outcome(&corpus);
    let filed = score_results(&Results::from_session(&s), &s.lesson, &corpus);
    assert_eq!(live, filed);
    assert!(live.score > 0.0 && live.score < 1.0, "{}", live.score);
}
