//! What a checked step tells the student, as plain data: the score in words and numbers, one
//! line per key span (verdict, quote, label, explanation, or "not shown yet"), and the highlights
//! that are in no key. The app draws this; tests read it without drawing anything.

use serde::Serialize;

use crate::grading::score::{KeyResult, PartlyWhy, StepScore, Verdict};
use crate::grading::session::Session;
use crate::i18n::percent;
use crate::lesson::{KeySpan, StepBody};
use crate::text::{Span, collapse_whitespace};
use crate::tr;

/// A score in words, in the current locale.
pub fn score_words(score: f64) -> String {
    match score {
        s if s >= 0.95 => tr!("grading-score-excellent"),
        s if s >= 0.75 => tr!("grading-score-good"),
        s if s >= 0.5 => tr!("grading-score-partly"),
        s if s > 0.0 => tr!("grading-score-start"),
        _ => tr!("grading-score-not-yet"),
    }
}

/// A score in words and as a percentage: "Partly right: 67%".
pub fn score_line(score: f64) -> String {
    tr!(
        "grading-score-line",
        words = score_words(score),
        percent = percent(score)
    )
}

/// A quote as the locale quotes it: “…” in English, „…” in Polish, «…» in Ukrainian.
pub fn quoted(text: &str) -> String {
    tr!("grading-quoted", text = text)
}

/// The mark shown with a verdict, readable without colour.
pub fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Found => "✓",
        Verdict::Partly => "½",
        Verdict::Missed => "✗",
    }
}

/// A verdict in words, in the current locale.
pub fn verdict_words(v: Verdict) -> String {
    match v {
        Verdict::Found => tr!("grading-verdict-found"),
        Verdict::Partly => tr!("grading-verdict-partly"),
        Verdict::Missed => tr!("grading-verdict-missed"),
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
    /// Precision and recall in plain words (highlight steps), e.g. "2% of what you marked is in
    /// the key · you found 83% of the key".
    pub detail_line: Option<String>,
    /// The same in the scorer's terms, for teachers (a tooltip): "Precision 2% · recall 83%".
    pub detail_terms: Option<String>,
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

/// May a key's quote and explanation be shown? Only when the student earned it: the key was
/// found or partly found by a check that did not flood the text, or the solution is shown.
/// Missed keys stay hidden until then, and a flooded check (highlights over more than the
/// allowed share of the text, [`StepScore::flooded`]) reveals nothing.
pub fn key_revealed(verdict: Verdict, flooded: bool, solution_shown: bool) -> bool {
    solution_shown || (!flooded && verdict != Verdict::Missed)
}

/// A key span drawn over the article after a check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyMark {
    /// Which of the step's articles.
    pub article: usize,
    /// The key's core.
    pub span: Span,
    /// Its number in the results list (from 1).
    pub number: usize,
    /// How the student did on it; `None` when the solution shows it but a flooded check means
    /// it was not found.
    pub verdict: Option<Verdict>,
    /// Its explanation (a key mark is there only when the student may see it).
    pub explanation: String,
}

/// What the articles show over their text after a check.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleMarks {
    /// The key spans the student may see.
    pub keys: Vec<KeyMark>,
    /// The highlights in no key: which of the step's articles, and where.
    pub extras: Vec<(usize, Span)>,
}

/// What the article may show over its text after a check of the current step: the key spans
/// the student earned (see [`key_revealed`]), and the highlights that are in no key. A flooded
/// check shows neither (unless the solution is shown), since which highlights are extras tells
/// where the keys are.
pub fn article_marks(s: &Session) -> ArticleMarks {
    let st = s.state();
    let step = s.step();
    let Some(d) = st.checked.as_ref().and_then(|c| c.detail.as_ref()) else {
        return Default::default();
    };
    let flooded = d.flooded();
    let mut keys = Vec::new();
    for (i, (k, r)) in step.keys().iter().zip(&d.keys).enumerate() {
        if key_revealed(r.verdict, flooded, st.solution_shown) {
            keys.push(KeyMark {
                article: step.articles.iter().position(|x| *x == k.article).unwrap_or(0),
                span: k.core,
                number: i + 1,
                verdict: (!flooded).then_some(r.verdict),
                explanation: k.explanation.clone(),
            });
        }
    }
    let extras = if flooded {
        Vec::new()
    } else {
        d.extras
            .iter()
            .filter_map(|e| st.marks.get(e.highlight).map(|m| (m.article, m.span)))
            .collect()
    };
    ArticleMarks { keys, extras }
}

/// The results view of the current step, if it has been checked.
pub fn checked_view(s: &Session) -> Option<CheckedView> {
    let st = s.state();
    let step = s.step();
    let c = st.checked.as_ref()?;
    let mut v = CheckedView {
        score_line: score_line(c.score),
        detail_line: None,
        detail_terms: None,
        flooding_line: None,
        solution_shown: st.solution_shown,
        keys: Vec::new(),
        extras: Vec::new(),
        options: Vec::new(),
    };
    match &step.body {
        StepBody::Highlight { .. } => highlight_view(s, c.detail.as_ref()?, &mut v),
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

/// The heading of key `n` (from 1): its verdict and why only partly.
fn key_heading(n: usize, r: &KeyResult) -> String {
    let words = verdict_words(r.verdict);
    let words = match r.why {
        Some(PartlyWhy::WrongLabel) => tr!("grading-why-wrong-label", verdict = words),
        Some(PartlyWhy::PartnerMissing) => tr!("grading-why-partner-missing", verdict = words),
        Some(PartlyWhy::PartOfCore) => tr!("grading-why-part-of-core", verdict = words),
        None => words,
    };
    format!("{} {n}. {words}", verdict_mark(r.verdict))
}

/// The key passage's quote, with its label's name.
pub(crate) fn key_quote(s: &Session, k: &KeySpan) -> String {
    let label = k
        .label
        .as_ref()
        .and_then(|l| s.lesson.label(l))
        .map(|l| format!(" [{}]", l.shown_name()))
        .unwrap_or_default();
    format!("{}{label}", quoted(&k.anchor.quote))
}

/// The results of a checked highlight step. A flooded check says "too much highlighted" and
/// lists no key (nor the extras, which would tell where the keys are) unless the solution is
/// shown, and then without verdicts: highlighting everything finds nothing.
fn highlight_view(s: &Session, d: &StepScore, v: &mut CheckedView) {
    let st = s.state();
    let flooded = d.flooded();
    if flooded {
        let (marked, cap) = (percent(d.flooding), percent(d.cap));
        v.flooding_line = Some(if st.solution_shown {
            tr!("grading-flooded", marked = marked, cap = cap)
        } else {
            tr!("grading-flooded-hidden", marked = marked, cap = cap)
        });
        if !st.solution_shown {
            return;
        }
    }
    if !flooded {
        let (precision, recall) = (percent(d.precision), percent(d.recall));
        v.detail_line = Some(tr!(
            "grading-detail",
            precision = precision.clone(),
            recall = recall.clone()
        ));
        v.detail_terms = Some(tr!("grading-detail-terms", precision = precision, recall = recall));
    }
    for (i, (k, r)) in s.step().keys().iter().zip(&d.keys).enumerate() {
        let shown = key_revealed(r.verdict, flooded, st.solution_shown);
        v.keys.push(KeyLine {
            verdict: if flooded { Verdict::Missed } else { r.verdict },
            heading: if flooded {
                format!(
                    "{} {}. {}",
                    verdict_mark(Verdict::Missed),
                    i + 1,
                    tr!("grading-not-counted")
                )
            } else {
                key_heading(i + 1, r)
            },
            quote: shown.then(|| key_quote(s, k)),
            explanation: shown.then(|| k.explanation.clone()),
        });
    }
    if flooded {
        return;
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

mod progress;
mod review;

pub use progress::{StepProgress, step_progress};
pub use review::{step_result, summary_review, summary_score, summary_score_line};

#[cfg(test)]
mod tests;
