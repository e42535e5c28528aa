//! What a class did in an investigate step: how many students opened a source card, how many
//! did so before they answered the step that asks for the verdict, and how many opened each card.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::lesson::{Lesson, StepBody};
use crate::records::grade::Report;

/// A class's lookups on one investigate step.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LookupStats {
    /// Students graded.
    pub students: usize,
    /// Students who opened at least one card.
    pub looked: usize,
    /// Students who opened a card before their last answer to the next scored step (the
    /// verdict): the habit the step is for.
    pub looked_before_judging: usize,
    /// Students who answered the next scored step.
    pub judged: usize,
    /// Per card offered, in order: its title and how many students opened it.
    pub per_card: Vec<(String, usize)>,
}

/// A time written by the app (RFC 3339), comparable; `None` when it is not one.
fn parse_time(s: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}

/// The lookups of the class on step `si` of `lesson`, if it is an investigate step.
pub fn lookup_stats(report: &Report, lesson: &Lesson, corpus: &Corpus, si: usize) -> Option<LookupStats> {
    let step = lesson.steps.get(si)?;
    let StepBody::Investigate { cards } = &step.body else {
        return None;
    };
    let verdict = lesson.steps.iter().skip(si + 1).find(|s| s.is_scored());
    let title = |article: &str, card: &str| {
        corpus
            .get(article)
            .and_then(|a| a.meta.cards.iter().find(|c| c.id == card))
            .map_or_else(|| card.to_string(), |c| c.title.clone())
    };
    let mut stats = LookupStats {
        students: report.graded.len(),
        per_card: cards.iter().map(|c| (title(&c.article, &c.card), 0)).collect(),
        ..Default::default()
    };
    for g in &report.graded {
        let lookups = g
            .results
            .steps
            .iter()
            .find(|w| w.step == step.id)
            .map_or(&[][..], |w| &w.lookups[..]);
        for (i, c) in cards.iter().enumerate() {
            if lookups.iter().any(|l| l.article == c.article && l.card == c.card) {
                stats.per_card[i].1 += 1;
            }
        }
        if !lookups.is_empty() {
            stats.looked += 1;
        }
        let answered = verdict
            .and_then(|v| g.results.steps.iter().find(|w| w.step == v.id))
            .filter(|w| !w.highlights.is_empty() || !w.choices.is_empty());
        let Some(answered) = answered else { continue };
        stats.judged += 1;
        let judged_at = answered.finished.as_deref().and_then(parse_time);
        let before = lookups.iter().any(|l| match (parse_time(&l.opened), judged_at) {
            (Some(o), Some(j)) => o <= j,
            // Without times, a lookup made on the step before the verdict counts as before.
            _ => true,
        });
        if before {
            stats.looked_before_judging += 1;
        }
    }
    Some(stats)
}
