//! What a checked step tells the student, as plain data: the score in words and numbers, one
//! line per key span (verdict, quote, label, explanation, or "not shown yet"), and the highlights
//! that are in no key. The app draws this; tests read it without drawing anything.

use serde::Serialize;

use crate::grading::score::{PartlyWhy, Verdict};
use crate::grading::session::Session;
use crate::lesson::StepBody;
use crate::text::collapse_whitespace;

/// A score in words.
pub fn score_words(score: f64) -> &'static str {
    match score {
        s if s >= 0.95 => "Excellent",
        s if s >= 0.75 => "Good",
        s if s >= 0.5 => "Partly right",
        s if s > 0.0 => "A start",
        _ => "Not yet",
    }
}

/// The mark shown with a verdict, readable without colour.
pub fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Found => "✓",
        Verdict::Partly => "½",
        Verdict::Missed => "✗",
    }
}

/// A verdict in words.
pub fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Found => "found",
        Verdict::Partly => "partly found",
        Verdict::Missed => "missed",
    }
}

/// One key span in the results list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyLine {
    /// Found, partly, missed.
    pub verdict: Verdict,
    /// E.g. "✓ 1. found" or "½ 2. partly found (right place, wrong label)".
    pub heading: String,
    /// The quote and its label, or `None` while a missed key is still hidden.
    pub quote: Option<String>,
    /// The explanation, or `None` while hidden.
    pub explanation: Option<String>,
}

/// A choice option in the results list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionLine {
    /// "✓ text" or "✗ text".
    pub heading: String,
    /// Why.
    pub explanation: Option<String>,
}

/// Everything the results list of a checked step shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckedView {
    /// E.g. "Partly right: 67%".
    pub score_line: String,
    /// Precision and recall in plain words (highlight steps).
    pub detail_line: Option<String>,
    /// Shown when the flooding rule capped the score.
    pub flooding_line: Option<String>,
    /// Is the solution shown?
    pub solution_shown: bool,
    /// One line per key span, in key order.
    pub keys: Vec<KeyLine>,
    /// The highlights that are in no key: their text, and whether they are close to a key.
    pub extras: Vec<(String, bool)>,
    /// The options picked (or all of them, once the solution is shown).
    pub options: Vec<OptionLine>,
}

/// The results view of the current step, if it has been checked.
pub fn checked_view(s: &Session) -> Option<CheckedView> {
    let st = s.state();
    let step = s.step();
    let c = st.checked.as_ref()?;
    let mut v = CheckedView {
        score_line: format!("{}: {:.0}%", score_words(c.score), c.score * 100.0),
        detail_line: None,
        flooding_line: None,
        solution_shown: st.solution_shown,
        keys: Vec::new(),
        extras: Vec::new(),
        options: Vec::new(),
    };
    match &step.body {
        StepBody::Highlight { .. } => {
            let d = c.detail.as_ref()?;
            v.detail_line = Some(format!(
                "Precision {:.0}% (how much of what you marked is in the key) · recall {:.0}% (how much of the key you marked)",
                d.precision * 100.0,
                d.recall * 100.0
            ));
            if d.cap < 1.0 {
                v.flooding_line = Some(format!(
                    "You highlighted {:.0}% of the text that holds no answer, so the score is capped at {:.0}%. Mark only what matters.",
                    d.flooding * 100.0,
                    d.cap * 100.0
                ));
            }
            for (i, (k, r)) in step.keys().iter().zip(&d.keys).enumerate() {
                let why = match r.why {
                    Some(PartlyWhy::WrongLabel) => " (right place, wrong label)",
                    Some(PartlyWhy::PartnerMissing) => " (the other side of this conflict is missing)",
                    Some(PartlyWhy::PartOfCore) => " (only part of it)",
                    None => "",
                };
                let hidden = r.verdict == Verdict::Missed && !st.solution_shown;
                let label = k
                    .label
                    .as_ref()
                    .and_then(|l| s.lesson.label(l))
                    .map(|l| format!(" [{}]", l.name))
                    .unwrap_or_default();
                v.keys.push(KeyLine {
                    verdict: r.verdict,
                    heading: format!(
                        "{} {}. {}{why}",
                        verdict_mark(r.verdict),
                        i + 1,
                        verdict_words(r.verdict)
                    ),
                    quote: (!hidden).then(|| format!("“{}”{label}", k.anchor.quote)),
                    explanation: (!hidden).then(|| k.explanation.clone()),
                });
            }
            for e in &d.extras {
                if let Some(m) = st.marks.get(e.highlight)
                    && let Some(a) = s.articles().get(m.article)
                {
                    v.extras
                        .push((collapse_whitespace(a.slice(m.span)), e.near_key.is_some()));
                }
            }
        }
        StepBody::Choice { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                if st.choices.contains(&i) || st.solution_shown {
                    let mark = if o.correct { "✓" } else { "✗" };
                    v.options.push(OptionLine {
                        heading: format!("{mark} {}", o.text),
                        explanation: o.explanation.clone(),
                    });
                }
            }
        }
        _ => {}
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::lesson::bundled;
    use crate::text::Span;

    fn session() -> Session {
        let corpus = bundled::corpus();
        let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
        Session::new(Arc::new(lesson), &corpus, "Ana")
    }

    #[test]
    fn a_checked_machine_step_reads_as_expected() {
        let mut s = session();
        s.go_to(2);
        let keys = s.step().keys().to_vec();
        // Key 1 right, key 2 with the wrong label, key 3 missed, one word outside the key.
        s.add_highlight(0, keys[0].core, Some("disclosure".into()));
        s.add_highlight(0, keys[1].core, Some("template-residue".into()));
        let w = s.articles()[0].words[1];
        s.add_highlight(0, Span::new(w.start, w.end), Some("disclosure".into()));
        s.check().expect("check");
        let v = checked_view(&s).expect("checked");
        let expected = CheckedView {
            score_line: v.score_line.clone(),
            detail_line: v.detail_line.clone(),
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
            Some(
                "Precision 50% (how much of what you marked is in the key) · recall 50% (how much of the key you marked)"
            )
        );
        // Showing the solution reveals the missed key.
        s.show_solution();
        let v = checked_view(&s).expect("checked");
        assert!(v.solution_shown);
        assert_eq!(
            v.keys[2].quote.as_deref(),
            Some("“such as and SP Tech” [Template residue]")
        );
    }

    #[test]
    fn highlighting_everything_is_called_out() {
        let mut s = session();
        s.go_to(2);
        let len = s.articles()[0].len();
        s.add_highlight(0, Span::new(0, len), Some("disclosure".into()));
        s.check().expect("check");
        let v = checked_view(&s).expect("checked");
        assert_eq!(v.score_line, "Not yet: 0%");
        assert!(v.flooding_line.expect("flooding").contains("capped at 0%"));
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
}
