//! What a teacher reads when a key's quote cannot be placed in its article.

use crate::corpus::Article;
use crate::corpus::anchor::{Anchor, AnchorError};
use crate::lesson::fields::MAX_SUGGESTIONS;
use crate::lesson::read::BUDGET;
use crate::text::Span;
use crate::text::schema::{Ctx, Spanned};

/// Reports why `quote` (of `anchor`) could not be placed in `article`, with what would fix it.
pub(crate) fn report_anchor_error(
    ctx: &Ctx<'_>,
    quote: &Spanned<String>,
    article: &Article,
    anchor: &Anchor,
    e: AnchorError,
) {
    let id = article.id();
    match e {
        AnchorError::Empty => ctx.error(
            quote.span.clone(),
            "the quote is empty",
            Some("copy the words from the article between the quotes".into()),
        ),
        AnchorError::NotFound { closest, case_differs } => {
            let help = not_found_help(article, closest, case_differs);
            ctx.error(
                quote.span.clone(),
                format!("this quote is not in the article `{id}`"),
                Some(help),
            );
        }
        AnchorError::Ambiguous { places } => {
            let list = listed_places(article, &places);
            ctx.error(
                quote.span.clone(),
                format!("this quote occurs {} times in `{id}`; say which one", places.len()),
                Some(format!(
                    "add prefix = \"…words just before…\" or suffix = \"…words just after…\", or occurrence = N (1 = first). It occurs at:\n{}",
                    list.join("\n")
                )),
            );
        }
        AnchorError::ContextMismatch { places } => {
            let what = match (&anchor.prefix, &anchor.suffix) {
                (Some(_), Some(_)) => "prefix and suffix",
                (Some(_), None) => "prefix",
                _ => "suffix",
            };
            let list = listed_places(article, &places);
            ctx.error(
                quote.span.clone(),
                format!("the quote is in `{id}`, but not with this {what}"),
                Some(format!(
                    "the {what} must be the words right next to the quote. The quote occurs at:\n{}",
                    list.join("\n")
                )),
            );
        }
        AnchorError::NoSuchOccurrence { wanted, places } => ctx.error(
            quote.span.clone(),
            format!(
                "occurrence = {wanted}, but the quote occurs only {} time(s) in `{id}`",
                places.len()
            ),
            Some(format!("use a number from 1 to {}", places.len())),
        ),
    }
}

/// Where a passage of `article` is: its line, file and a snippet.
fn place(article: &Article, sp: Span) -> String {
    format!(
        "line {} of {}: “{}”",
        article.file_line(sp.start),
        article.source,
        article.text.snippet(sp, 20)
    )
}

/// The help for a quote that is nowhere in `article`: the passage with other capitals, or the
/// closest passage, or why there is no suggestion.
fn not_found_help(article: &Article, closest: Option<(Span, f64)>, case_differs: Option<Span>) -> String {
    let id = article.id();
    if let Some(sp) = case_differs {
        format!(
            "the article has it with other capital letters: “{}” ({})",
            article.slice(sp),
            place(article, sp)
        )
    } else if let Some((sp, sim)) = closest {
        format!(
            "the closest passage ({:.0}% alike) is “{}” on line {} of {}; copy the words exactly as they stand there",
            sim * 100.0,
            crate::text::collapse_whitespace(article.slice(sp)),
            article.file_line(sp.start),
            article.source
        )
    } else if BUDGET.with(std::cell::Cell::get).1 == 0 {
        format!(
            "copy the words exactly as they stand in `{id}` (this file has had {MAX_SUGGESTIONS} suggestions of the closest passage already; fix those first)"
        )
    } else {
        format!("nothing in `{id}` is close to it; check that the key names the right article")
    }
}

/// The first ten of `places`, one `- line N: …` item each, for a help text.
fn listed_places(article: &Article, places: &[Span]) -> Vec<String> {
    places
        .iter()
        .take(10)
        .map(|&p| format!("- {}", place(article, p)))
        .collect()
}
