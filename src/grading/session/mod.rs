//! A student's live work on one lesson: the model behind the lesson player, with no GUI in it.
//!
//! The app draws a [`Session`] and sends it small commands (add a highlight, check, take a hint);
//! everything that decides anything (snapping to words, merging overlapping highlights, what a
//! hint says, whether Check is allowed, undo and redo) lives here, where tests can reach it.
//! Its work scores through [`crate::grading::outcome`]; saving it as a results file (which is
//! also how progress is saved) and resuming from one are the business of `records`.

use std::sync::Arc;

use crate::corpus::{Article, Corpus};
use crate::grading::outcome::score_answer;
use crate::grading::score::{Highlight, StepScore, Verdict};
use crate::lesson::{Lesson, Step, StepBody};
use crate::text::Span;

/// A highlight in the player: which of the step's articles, which chars, which label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    /// Index into the step's articles (0 or 1).
    pub article: usize,
    /// Char offsets into that article's displayed text, snapped to whole words.
    pub span: Span,
    /// The label picked, on bias and machine steps.
    pub label: Option<String>,
}

/// What became of a new highlight.
#[derive(Clone, Debug, PartialEq)]
pub enum AddOutcome {
    /// Added as highlight number `0`.
    Added(usize),
    /// Overlapped highlights with the same label and was merged with them into number `0`.
    Merged(usize),
    /// Not added, with the reason to show.
    Refused(String),
}

/// The result of pressing Check on a step.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// 0–1.
    pub score: f64,
    /// For highlight steps: verdicts, extras, precision and recall.
    pub detail: Option<StepScore>,
}

/// The student's state on one step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepState {
    /// Highlights, sorted by article and position, never overlapping.
    pub marks: Vec<Mark>,
    /// Picked options (choice steps), sorted.
    pub choices: Vec<usize>,
    /// The written answer (reflect steps).
    pub reflection: String,
    /// Checks made.
    pub attempts: u32,
    /// Hints shown so far.
    pub hints_used: u32,
    /// The hints shown, in order (kept, so a hint does not change once shown).
    pub shown_hints: Vec<String>,
    /// The hints on offer for the highlights as they stand; worked out when first asked for
    /// after a change, not every frame.
    hint_pool: std::cell::OnceCell<Vec<String>>,
    /// Was the answer key revealed?
    pub solution_shown: bool,
    /// The last check, while the step is checked (locked until Retry).
    pub checked: Option<CheckResult>,
    /// Has the student opened this step?
    pub visited: bool,
    /// When first opened (RFC 3339).
    pub started: Option<String>,
    /// When last changed or checked (RFC 3339).
    pub finished: Option<String>,
    /// The source cards opened (investigate steps), in order.
    pub lookups: Vec<Lookup>,
    undo: Vec<Vec<Mark>>,
    redo: Vec<Vec<Mark>>,
}

impl StepState {
    /// Is the step finished from the student's point of view (checked, or answered when it is
    /// not scored)?
    pub fn is_done(&self, step: &Step) -> bool {
        match &step.body {
            StepBody::Read | StepBody::Investigate { .. } => self.visited,
            StepBody::Reflect { .. } => !self.reflection.trim().is_empty(),
            _ => self.checked.is_some() || self.solution_shown,
        }
    }
}

/// The current time, RFC 3339 in UTC.
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A student's work on one lesson.
#[derive(Clone, Debug)]
pub struct Session {
    /// The lesson.
    pub lesson: Arc<Lesson>,
    /// The student's name.
    pub student: String,
    /// The step on screen.
    pub current: usize,
    /// One state per step of the lesson.
    pub steps: Vec<StepState>,
    /// When the student started.
    pub started: String,
    articles: Vec<Vec<Arc<Article>>>,
}

/// Grows a selection to whole words: a selection that starts or ends inside a word takes the whole
/// word; punctuation the student selected (a closing quotation mark, a full stop) is kept; spaces
/// at either end are dropped. An empty selection (a click) takes the word under it. A selection
/// with no word in it is `None`.
pub(crate) fn snap_to_words(article: &Article, span: Span) -> Option<Span> {
    let words = &article.words;
    let first = words.partition_point(|w| w.end <= span.start);
    let inside: Vec<&Span> = words[first..]
        .iter()
        .take_while(|w| w.start < span.end.max(span.start + 1))
        .collect();
    let (a, b) = (inside.first()?, inside.last()?);
    if span.is_empty() {
        return (a.start <= span.start && span.start < a.end).then_some(**a);
    }
    let (mut start, mut end) = (a.start.min(span.start), b.end.max(span.end).min(article.len()));
    while start < end && article.text.char_at(start).is_some_and(char::is_whitespace) {
        start += 1;
    }
    while end > start && article.text.char_at(end - 1).is_some_and(char::is_whitespace) {
        end -= 1;
    }
    Some(Span::new(start, end))
}

impl Session {
    /// A fresh session. Articles the lesson names but the corpus lacks are left out (a playable
    /// lesson never has any).
    pub fn new(lesson: Arc<Lesson>, corpus: &Corpus, student: &str) -> Self {
        let articles = lesson
            .steps
            .iter()
            .map(|s| s.articles.iter().filter_map(|a| corpus.get(a).cloned()).collect())
            .collect();
        let steps = vec![StepState::default(); lesson.steps.len()];
        let mut s = Self {
            lesson,
            student: student.into(),
            current: 0,
            steps,
            started: now(),
            articles,
        };
        s.go_to(0);
        s
    }

    /// The step on screen.
    pub fn step(&self) -> &Step {
        &self.lesson.steps[self.current]
    }

    /// Its state.
    pub fn state(&self) -> &StepState {
        &self.steps[self.current]
    }

    fn state_mut(&mut self) -> &mut StepState {
        &mut self.steps[self.current]
    }

    /// The articles of step `i`.
    pub(crate) fn articles_of(&self, i: usize) -> &[Arc<Article>] {
        self.articles.get(i).map_or(&[], Vec::as_slice)
    }

    /// The articles of the current step.
    pub fn articles(&self) -> &[Arc<Article>] {
        self.articles_of(self.current)
    }

    /// Opens step `i` (clamped to the lesson).
    pub fn go_to(&mut self, i: usize) {
        self.current = i.min(self.lesson.steps.len().saturating_sub(1));
        if self.lesson.steps.is_empty() {
            return;
        }
        let st = self.state_mut();
        st.visited = true;
        if st.started.is_none() {
            st.started = Some(now());
        }
    }

    /// Is the current step locked (checked, or its solution shown)?
    pub(crate) fn locked(&self) -> bool {
        let st = self.state();
        st.checked.is_some() || st.solution_shown
    }

    fn touch(&mut self) {
        let st = self.state_mut();
        st.finished = Some(now());
        st.hint_pool.take();
    }

    fn push_undo(&mut self) {
        let st = self.state_mut();
        let before = st.marks.clone();
        st.undo.push(before);
        st.redo.clear();
        if st.undo.len() > 200 {
            st.undo.remove(0);
        }
    }

    /// Adds a highlight of `span` in article `article` of the current step, snapped to whole
    /// words. It merges with overlapping highlights of the same label; one that overlaps a
    /// highlight with another label is refused.
    pub fn add_highlight(&mut self, article: usize, span: Span, label: Option<String>) -> AddOutcome {
        if self.locked() {
            return AddOutcome::Refused("This step is checked. Press Retry to change your highlights.".into());
        }
        if !matches!(self.step().body, StepBody::Highlight { .. }) {
            return AddOutcome::Refused("There is nothing to highlight on this step.".into());
        }
        let Some(art) = self.articles().get(article) else {
            return AddOutcome::Refused("There is no such article on this step.".into());
        };
        let Some(span) = snap_to_words(art, span) else {
            return AddOutcome::Refused("Select at least one word.".into());
        };
        let st = self.state();
        let clash = st
            .marks
            .iter()
            .find(|m| m.article == article && m.span.intersects(&span) && m.label != label);
        if let Some(c) = clash {
            let name = |l: &Option<String>| {
                l.as_ref()
                    .and_then(|id| self.lesson.label(id))
                    .map_or("no label".to_string(), |x| format!("“{}”", x.name))
            };
            return AddOutcome::Refused(format!(
                "This overlaps a highlight labelled {}. Remove that one first, or highlight with the label {} instead.",
                name(&c.label),
                name(&c.label)
            ));
        }
        self.push_undo();
        let st = self.state_mut();
        let mut merged = Mark { article, span, label };
        let before = st.marks.len();
        st.marks.retain(|m| {
            if m.article == merged.article && m.span.intersects(&merged.span) {
                merged.span = merged.span.cover(&m.span);
                false
            } else {
                true
            }
        });
        let was_merge = st.marks.len() != before;
        st.marks.push(merged.clone());
        st.marks.sort();
        let idx = st.marks.iter().position(|m| *m == merged).unwrap_or(0);
        self.touch();
        if was_merge {
            AddOutcome::Merged(idx)
        } else {
            AddOutcome::Added(idx)
        }
    }

    /// The highlight at char `pos` of article `article`, if any.
    pub fn mark_at(&self, article: usize, pos: usize) -> Option<usize> {
        self.state()
            .marks
            .iter()
            .position(|m| m.article == article && m.span.start <= pos && pos < m.span.end)
    }

    /// Removes highlight `i`.
    pub fn remove_highlight(&mut self, i: usize) -> bool {
        if self.locked() || i >= self.state().marks.len() {
            return false;
        }
        self.push_undo();
        self.state_mut().marks.remove(i);
        self.touch();
        true
    }

    /// Changes the label of highlight `i`.
    pub fn set_label(&mut self, i: usize, label: Option<String>) -> bool {
        if self.locked() || i >= self.state().marks.len() || self.state().marks[i].label == label {
            return false;
        }
        self.push_undo();
        self.state_mut().marks[i].label = label;
        self.touch();
        true
    }

    /// Undoes the last change to the highlights of the current step.
    pub fn undo(&mut self) -> bool {
        if self.locked() {
            return false;
        }
        let st = self.state_mut();
        let Some(prev) = st.undo.pop() else { return false };
        let cur = std::mem::replace(&mut st.marks, prev);
        st.redo.push(cur);
        st.hint_pool.take();
        true
    }

    /// Redoes what was undone.
    pub fn redo(&mut self) -> bool {
        if self.locked() {
            return false;
        }
        let st = self.state_mut();
        let Some(next) = st.redo.pop() else { return false };
        let cur = std::mem::replace(&mut st.marks, next);
        st.undo.push(cur);
        st.hint_pool.take();
        true
    }

    /// Picks or unpicks option `i` of a choice step.
    pub fn toggle_choice(&mut self, i: usize) {
        let StepBody::Choice { options, multiple } = &self.step().body else {
            return;
        };
        if self.locked() || i >= options.len() {
            return;
        }
        let multiple = *multiple;
        let st = self.state_mut();
        if let Some(p) = st.choices.iter().position(|&c| c == i) {
            st.choices.remove(p);
        } else {
            if !multiple {
                st.choices.clear();
            }
            st.choices.push(i);
            st.choices.sort_unstable();
        }
        self.touch();
    }

    /// Sets the written answer of a reflect step.
    pub fn set_reflection(&mut self, text: &str) {
        if matches!(self.step().body, StepBody::Reflect { .. }) && self.state().reflection != text {
            self.state_mut().reflection = text.to_string();
            self.touch();
        }
    }

    /// May the student press Check now? Returns why not, if not.
    pub fn check_blocked(&self) -> Option<String> {
        let st = self.state();
        let s = &self.lesson.settings;
        if self.lesson.exam {
            return Some("This is an exam: there is no checking here. Hand in your work when you are done.".into());
        }
        if !self.step().is_scored() {
            return Some("This step is not checked.".into());
        }
        if st.checked.is_some() {
            return Some("Already checked. Press Retry to try again.".into());
        }
        if st.solution_shown {
            return Some("The solution is shown.".into());
        }
        if st.attempts > 0 && !s.retry {
            return Some("This lesson allows one check per step.".into());
        }
        if s.max_attempts.is_some_and(|m| st.attempts >= m) {
            return Some(format!(
                "You have used all {} checks for this step.",
                s.max_attempts.unwrap_or(0)
            ));
        }
        if let StepBody::Choice { .. } = self.step().body
            && st.choices.is_empty()
        {
            return Some("Pick an answer first.".into());
        }
        None
    }

    /// Scores step `i` as it stands, without changing anything.
    pub(crate) fn evaluate(&self, i: usize) -> Option<CheckResult> {
        let step = self.lesson.steps.get(i)?;
        let st = &self.steps[i];
        let lens: Vec<usize> = self.articles_of(i).iter().map(|a| a.len()).collect();
        let hl: Vec<Highlight> = st
            .marks
            .iter()
            .map(|m| Highlight {
                article: m.article,
                span: m.span,
                label: m.label.clone(),
            })
            .collect();
        let (score, detail) = score_answer(&self.lesson, step, &lens, &hl, &st.choices)?;
        Some(CheckResult { score, detail })
    }

    /// Presses Check: scores the step and locks it until Retry.
    pub fn check(&mut self) -> Result<&CheckResult, String> {
        if let Some(why) = self.check_blocked() {
            return Err(why);
        }
        let result = self.evaluate(self.current).ok_or("This step is not checked.")?;
        let st = self.state_mut();
        st.attempts = st.attempts.saturating_add(1);
        st.checked = Some(result);
        self.touch();
        Ok(self.state().checked.as_ref().expect("just set"))
    }

    /// May the student retry now?
    pub(crate) fn can_retry(&self) -> bool {
        let st = self.state();
        let s = &self.lesson.settings;
        st.checked.is_some() && !st.solution_shown && s.retry && s.max_attempts.is_none_or(|m| st.attempts < m)
    }

    /// Unlocks a checked step, keeping the highlights or clearing them.
    pub fn retry(&mut self, keep: bool) -> bool {
        if !self.can_retry() {
            return false;
        }
        let st = self.state_mut();
        st.checked = None;
        if !keep {
            let before = std::mem::take(&mut st.marks);
            st.undo.push(before);
            st.redo.clear();
            st.choices.clear();
        }
        self.touch();
        true
    }

    /// The hints of step `i` in the order they are given: the step's own, then those of the keys
    /// not shown as found. Only a check the student made (and that did not flood the text) can
    /// show a key as found: hints never depend on highlights not checked, or the Hint button
    /// would tell which of them are right.
    fn hint_list(&self, i: usize) -> Vec<String> {
        let step = &self.lesson.steps[i];
        let mut out = step.hints.clone();
        let shown = self.steps[i].checked.as_ref().and_then(|c| c.detail.as_ref());
        let found: Vec<bool> = match shown.filter(|d| !d.flooded()) {
            Some(d) => d.keys.iter().map(|k| k.verdict == Verdict::Found).collect(),
            None => vec![false; step.keys().len()],
        };
        for (k, f) in step.keys().iter().zip(found) {
            if !f {
                out.extend(k.hints.iter().cloned());
            }
        }
        out
    }

    /// The next hint not yet shown on the current step.
    fn next_unseen_hint(&self) -> Option<&String> {
        let st = self.state();
        st.hint_pool
            .get_or_init(|| self.hint_list(self.current))
            .iter()
            .find(|h| !st.shown_hints.contains(h))
    }

    /// Is another hint available?
    pub fn hint_available(&self) -> bool {
        self.lesson.settings.hints && self.next_unseen_hint().is_some()
    }

    /// The hints shown so far on the current step.
    pub fn hints_shown(&self) -> &[String] {
        &self.state().shown_hints
    }

    /// Shows the next hint (counted) and returns it.
    pub fn next_hint(&mut self) -> Option<String> {
        if !self.lesson.settings.hints {
            return None;
        }
        let h = self.next_unseen_hint()?.clone();
        let st = self.state_mut();
        st.hints_used = st.hints_used.saturating_add(1);
        st.shown_hints.push(h.clone());
        self.touch();
        Some(h)
    }

    /// Can the solution be shown?
    pub fn can_show_solution(&self) -> bool {
        !self.lesson.exam
            && self.lesson.settings.show_solution
            && self.step().is_scored()
            && !self.state().solution_shown
    }

    /// Reveals the answer key of the current step. The student's score for the step stays what
    /// their last check gave (or is computed now from what they had).
    pub fn show_solution(&mut self) -> bool {
        if !self.can_show_solution() {
            return false;
        }
        let result = self.evaluate(self.current);
        let st = self.state_mut();
        st.solution_shown = true;
        if st.checked.is_none() {
            st.checked = result;
        }
        self.touch();
        true
    }

    /// Lesson score so far (0–1), recomputed.
    pub fn lesson_score(&self, corpus: &Corpus) -> f64 {
        self.outcome(corpus).score
    }
}

mod lookups;
mod work;

pub use lookups::{Lookup, MAX_LOOKUP_SECONDS, MAX_LOOKUPS};
pub(crate) use work::SavedStep;

#[cfg(test)]
mod tests;
