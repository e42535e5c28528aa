//! What the end-of-lesson summary says: how each step went, and what to review. It tells no
//! more than the player did after each check: a step never checked (or retried and not checked
//! again) is "not checked", with no keys; a flooded check names no key; a missed key stays
//! hidden until the solution is shown.

use crate::grading::feedback::{key_revealed, score_words, verdict_words};
use crate::grading::score::{StepScore, Verdict};
use crate::grading::session::Session;

/// What the summary's table says about step `i`, whose recomputed score is `score` (`None` for
/// steps that are not scored).
pub fn step_result(s: &Session, i: usize, score: Option<f64>) -> String {
    let (Some(step), Some(st)) = (s.lesson.steps.get(i), s.steps.get(i)) else {
        return String::new();
    };
    let done = st.is_done(step);
    let answered = !st.marks.is_empty() || !st.choices.is_empty();
    match (score, &st.checked) {
        _ if s.lesson.exam => if done || answered { "answered" } else { "to do" }.into(),
        (Some(_), Some(c)) => format!("{:.0}% {}", c.score * 100.0, score_words(c.score)),
        (Some(_), None) => "not checked yet".into(),
        (None, _) if done => "done".into(),
        (None, _) => "to do".into(),
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
    let pct = score * 100.0;
    if checked == total {
        format!("Lesson score: {pct:.0}% ({})", score_words(score))
    } else {
        format!(
            "Lesson score so far: {pct:.0}% — {checked} of {total} steps checked; a step not checked counts 0 until you check it"
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
            out.push(format!(
                "Step {n} — {}: not checked, so nothing about its answers is shown. Go back and press Check.",
                step.title
            ));
            continue;
        };
        match &c.detail {
            Some(d) => review_keys(s, i, d, &mut out),
            None if c.score < 1.0 => out.push(format!(
                "Step {n} — {}: look at the explanation of each answer.",
                step.title
            )),
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
        out.push(format!(
            "Step {n} — {}: too much highlighted, so no key passage is shown.",
            step.title
        ));
        return;
    }
    for (j, (k, r)) in step.keys().iter().zip(&d.keys).enumerate() {
        if r.verdict == Verdict::Found && !flooded {
            continue;
        }
        let words = if flooded {
            "not counted (too much highlighted)"
        } else {
            verdict_words(r.verdict)
        };
        if key_revealed(r.verdict, flooded, st.solution_shown) {
            out.push(format!("Step {n} — {words} “{}”: {}", k.anchor.quote, k.explanation));
        } else {
            out.push(format!(
                "Step {n} — key passage {} {words}: not shown yet, try again or show the solution.",
                j + 1
            ));
        }
    }
}
