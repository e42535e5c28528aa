//! An `investigate` step: the source cards it offers, from the metadata of its articles.
//!
//! By default a step offers every card of every article it shows, in the order of the metadata
//! files; `cards = ["funding", "others-say"]` offers only those (from whichever of the step's
//! articles has a card with that id), in that order.

use crate::lesson::blocks::Block;
use crate::lesson::step::StepArticles;
use crate::lesson::{CardRef, StepBody};
use crate::text::diag::nearest;
use crate::text::schema::{Ctx, Obj};

/// An investigate step's cards (problems go to `ctx`).
pub(crate) fn read_investigate(ctx: &Ctx<'_>, o: &Obj<'_, '_>, block: &Block, articles: &StepArticles) -> StepBody {
    if articles.is_empty() {
        ctx.error(
            block.open.clone(),
            "an investigate step needs the article whose source the student looks up",
            Some("add articles = [\"article-id\"]".into()),
        );
        return StepBody::Investigate { cards: Vec::new() };
    }
    let offered: Vec<CardRef> = articles
        .iter()
        .filter_map(|(_, a)| a.as_ref())
        .flat_map(|a| {
            a.meta.cards.iter().map(|c| CardRef {
                article: a.meta.id.clone(),
                card: c.id.clone(),
            })
        })
        .collect();
    // A card with an error is dropped from its article (and reported there): when an article has
    // metadata errors, a card it lacks may be that one, so it is not reported again here.
    let known = articles
        .iter()
        .all(|(_, a)| a.as_ref().is_some_and(|a| a.meta_errors.is_empty()));
    if offered.is_empty() && known {
        ctx.error(
            block.open.clone(),
            "none of this step's articles has source cards",
            Some("add [[card]] tables (id, title, text, source) to the article's .toml file; docs/teacher-guide.md shows how".into()),
        );
    }
    let Some(wanted) = o.opt_str_list("cards") else {
        return StepBody::Investigate { cards: offered };
    };
    let mut cards = Vec::new();
    for w in wanted {
        let found: Vec<&CardRef> = offered.iter().filter(|c| c.card == w.value).collect();
        if found.is_empty() {
            if !known {
                continue;
            }
            let ids = offered.iter().map(|c| c.card.as_str());
            let help = match nearest(&w.value, ids.clone()) {
                Some(n) => format!(
                    "did you mean \"{n}\"? This step's articles have the cards: {}",
                    ids.collect::<Vec<_>>().join(", ")
                ),
                None => format!(
                    "this step's articles have the cards: {}",
                    ids.collect::<Vec<_>>().join(", ")
                ),
            };
            ctx.error(
                w.span,
                format!("no article of this step has a source card `{}`", w.value),
                Some(help),
            );
        } else if cards.iter().any(|c: &CardRef| c.card == w.value) {
            ctx.error(
                w.span,
                format!("the card `{}` is named twice", w.value),
                Some("name each card once".into()),
            );
        } else {
            cards.extend(found.into_iter().cloned());
        }
    }
    if cards.is_empty() && known {
        ctx.error(
            o.span_of("cards"),
            "this step offers no card",
            Some("name at least one card, or remove `cards` to offer them all".into()),
        );
    }
    StepBody::Investigate { cards }
}
