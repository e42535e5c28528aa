//! What the end-of-lesson summary says: how each step went, and what to review. It tells no
//! more than the player did after each check: a step never checked (or retried and not checked
//! again) is "not checked", with no keys; a flooded check names no key; a missed key stays
//! hidden until the solution is shown.

use crate::grading::feedback::{key_revealed, quoted, score_words, verdict_words};
use crate::grading::score::{StepScore, Verdict};
use crate::grading::session::Session;
use crate::i18n::percent;
use crate::tr;

/// What the summary's table says about step `i`, whose recomputed score is `score` (`None` for
/// steps that are not scored).
pub fn step_result(s: &Session, i: usize, score: Option<f64>) -> String {
    let (Some(step), Some(st)) = (s.lesson.steps.get(i), s.steps.get(i)) else {
        return String::new();
    };
    let done = st.is_done(step);
    let answered = !st.marks.is_empty() || !st.choices.is_empty();
    match (score, &st.checked) {
        _ if s.lesson.exam && (done || answered) => tr!("grading-result-answered"),
        _ if s.lesson.exam => tr!("grading-result-to-do"),
        (Some(_), Some(c)) => tr!(
            "grading-result-score",
            percent = percent(c.score),
            words = score_words(c.score)
        ),
        (Some(_), None) => tr!("grading-result-not-checked"),
        (None, _) if done => tr!("grading-result-done"),
        (None, _) => tr!("grading-result-to-do"),
    }
}

/// The lesson score the summary may show: the weighted mean of the scored steps' *checked*
/// scores, a step not checked (or retried and not checked again) counting 0, so that Finish
/// never scores highlights the student has not checked (which would tell whether they are
/// right). Also how many scored steps were checked, and how many there are.
pub fn summary_score(s: &Session) -> (f64, usize, usize) {
    let (mut num, mut den, mut checked, mut total) = (0.0, 0.0, 0, 0);
    for (step, st) in s.lesson.steps.iter().zip(&s.steps) {
        if !step.is_scored() {
            continue;
        }
        total += 1;
        den += step.points;
        if let Some(c) = &st.checked {
            checked += 1;
            num += c.score * step.points;
        }
    }
    (if den > 0.0 { num / den } else { 0.0 }, checked, total)
}

/// The summary's score line (not for exams, which show no score).
pub fn summary_score_line(s: &Session) -> String {
    let (score, checked, total) = summary_score(s);
    if checked == total {
        tr!(
            "grading-lesson-score",
            percent = percent(score),
            words = score_words(score)
        )
    } else {
        tr!(
            "grading-lesson-score-so-far",
            percent = percent(score),
            checked = checked,
            total = total
        )
    }
}

/// The lines of the summary's "What to review", step by step; empty when there is nothing to
/// review (and always in an exam, which shows no keys).
pub fn summary_review(s: &Session) -> Vec<String> {
    let mut out = Vec::new();
    if s.lesson.exam {
        return out;
    }
    for (i, (step, st)) in s.lesson.steps.iter().zip(&s.steps).enumerate() {
        if !step.is_scored() {
            continue;
        }
        let n = i + 1;
        let Some(c) = &st.checked else {
            out.push(tr!("grading-review-not-checked", n = n, title = step.title.as_str()));
            continue;
        };
        match &c.detail {
            Some(d) => review_keys(s, i, d, &mut out),
            None if c.score < 1.0 => out.push(tr!("grading-review-choice", n = n, title = step.title.as_str())),
            None => {}
        }
    }
    out
}

/// The review lines of checked highlight step `i`: its keys not found, each with its quote and
/// explanation only when [`key_revealed`] allows.
fn review_keys(s: &Session, i: usize, d: &StepScore, out: &mut Vec<String>) {
    let (step, st) = (&s.lesson.steps[i], &s.steps[i]);
    let n = i + 1;
    let flooded = d.flooded();
    if flooded && !st.solution_shown {
        out.push(tr!("grading-review-flooded", n = n, title = step.title.as_str()));
        return;
    }
    for (j, (k, r)) in step.keys().iter().zip(&d.keys).enumerate() {
        if r.verdict == Verdict::Found && !flooded {
            continue;
        }
        let words = if flooded {
            tr!("grading-review-not-counted")
        } else {
            verdict_words(r.verdict)
        };
        if key_revealed(r.verdict, flooded, st.solution_shown) {
            out.push(tr!(
                "grading-review-key",
                n = n,
                verdict = words,
                quote = quoted(&k.anchor.quote),
                explanation = k.explanation.as_str()
            ));
        } else {
            out.push(tr!("grading-review-key-hidden", n = n, key = j + 1, verdict = words));
        }
    }
}
