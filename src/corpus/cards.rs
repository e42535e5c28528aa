//! Source cards: short, factual entries about who is behind an article — who owns or funds the
//! outlet, what independent references say about it, its corrections policy, the byline's
//! footprint — each naming where the fact comes from. A student opens them in an `investigate`
//! step, the way a fact-checker leaves the page to look the publisher up (lateral reading).
//!
//! Cards live in the article's metadata file as `[[card]]` tables:
//!
//! ```toml
//! [[card]]
//! id = "funding"
//! title = "Who funds this site?"
//! text = "RT is funded by the Russian state …"
//! source = "RT's own imprint; Council Regulation (EU) 2022/350"
//! ```
//!
//! The source is a named reference a teacher can look up, never a link the app would fetch.

use std::collections::HashSet;

use serde::Serialize;

use crate::text::schema::{Ctx, Obj};

/// Keys of a `[[card]]` table.
pub const CARD_FIELDS: &[&str] = &["id", "title", "text", "source"];

/// Most cards one article may carry.
pub const MAX_CARDS: usize = 12;

/// Longest card title, in chars (it is a question on a button).
pub const MAX_TITLE_CHARS: usize = 120;

/// Longest card text, in chars (a card is a few sentences, not an article).
pub const MAX_TEXT_CHARS: usize = 1500;

/// One source card of an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceCard {
    /// Id, unique among the article's cards (letters, digits, `-`, `_`).
    pub id: String,
    /// What the student asks, shown before the card is opened ("Who funds this site?").
    pub title: String,
    /// The facts, shown once the card is opened.
    pub text: String,
    /// Where the facts come from: a named reference, never a link to fetch.
    pub source: String,
    /// Line of the metadata file where the card starts (1-based).
    pub line: usize,
}

/// Reads the `[[card]]` tables of an article's metadata. Problems go to `ctx`; a card with a
/// problem is left out, the others are kept.
pub(crate) fn read_cards(ctx: &Ctx<'_>, o: &Obj<'_, '_>) -> Vec<SourceCard> {
    let tables = o.tables("card", "source card", CARD_FIELDS);
    if tables.len() > MAX_CARDS {
        ctx.error(
            o.key_span("card"),
            format!(
                "this article has {} source cards; at most {MAX_CARDS} are allowed",
                tables.len()
            ),
            Some("keep the cards a student needs to judge the source; merge or drop the others".into()),
        );
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in tables.iter().take(MAX_CARDS) {
        if let Some(card) = read_card(ctx, c, &mut seen) {
            out.push(card);
        }
    }
    out
}

/// One card, or `None` (with the problems reported) when it cannot be used. `seen` holds the
/// ids of the article's cards before it.
fn read_card(ctx: &Ctx<'_>, c: &Obj<'_, '_>, seen: &mut HashSet<String>) -> Option<SourceCard> {
    let id = c.req_str("id", "\"funding\"");
    let title = c.req_str("title", "\"Who funds this site?\"");
    let text = c.req_str("text", "\"The facts, in two or three sentences.\"");
    let source = c.req_str("source", "\"The outlet's own imprint page\"");
    if let Some(id) = &id
        && let Err(e) = crate::text::ids::check_id(&id.value)
    {
        ctx.error(
            id.span.clone(),
            format!("`{}` cannot be a card id: {e}", id.value),
            Some(crate::text::ids::ID_HELP.into()),
        );
        return None;
    }
    let mut ok = id.as_ref().is_none_or(|id| check_unique(ctx, c, &id.value, seen));
    for (field, value, max) in [("title", &title, MAX_TITLE_CHARS), ("text", &text, MAX_TEXT_CHARS)] {
        let Some(v) = value else { continue };
        let chars = v.value.chars().count();
        if v.value.trim().is_empty() {
            ctx.error(
                v.span.clone(),
                format!("the card's `{field}` is empty"),
                Some(format!("write the card's {field}")),
            );
            ok = false;
        } else if chars > max {
            ctx.error(
                v.span.clone(),
                format!("the card's `{field}` is {chars} characters long; at most {max} are allowed"),
                Some("a card is a short question and a few sentences of fact: shorten it".into()),
            );
            ok = false;
        }
    }
    if let Some(s) = &source {
        ok &= check_source(ctx, s);
    }
    let line = ctx
        .src
        .text
        .line_col(ctx.src.text.char_of_byte(c.key_span("id").start))
        .0;
    let (id, title, text, source) = (id?, title?, text?, source?);
    ok.then_some(SourceCard {
        id: id.value,
        title: title.value,
        text: text.value,
        source: source.value,
        line,
    })
}

/// A card's source must name a reference, not be a link: the app never opens the network, and
/// a teacher checks a named reference in a library or a search engine.
fn check_source(ctx: &Ctx<'_>, s: &crate::text::schema::Spanned<String>) -> bool {
    let v = s.value.trim();
    if v.is_empty() {
        ctx.error(
            s.span.clone(),
            "the card's `source` is empty",
            Some("name where the facts come from, e.g. \"the outlet's About page\" or \"Council Regulation (EU) 2022/350\"".into()),
        );
        return false;
    }
    let bare_link = !v.contains(' ') && (v.contains("://") || v.starts_with("www."));
    if bare_link {
        ctx.error(
            s.span.clone(),
            "the card's `source` is only a link",
            Some(
                "name the reference in words (who published it, its title, its date); a link may follow the name"
                    .into(),
            ),
        );
        return false;
    }
    true
}

/// Reports a card whose id an earlier card of the article has; `true` when it is new.
fn check_unique(ctx: &Ctx<'_>, c: &Obj<'_, '_>, id: &str, seen: &mut HashSet<String>) -> bool {
    if seen.insert(id.to_string()) {
        return true;
    }
    ctx.error(
        c.span_of("id"),
        format!("two source cards of this article have the id `{id}`"),
        Some("give each card its own id".into()),
    );
    false
}

#[cfg(test)]
mod tests {
    use crate::corpus::parse_meta;
    use crate::text::diag::SourceFile;

    const HEAD: &str = "id = \"a\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"K\"\n";

    fn read(cards: &str) -> (Vec<super::SourceCard>, Vec<String>) {
        let mut diags = Vec::new();
        let src = SourceFile::new("a.toml", format!("{HEAD}{cards}"));
        let meta = parse_meta(&src, &mut diags);
        let msgs = diags
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        (meta.map(|m| m.cards).unwrap_or_default(), msgs)
    }

    #[test]
    fn cards_are_read_in_order_with_their_lines() {
        let (cards, msgs) = read(
            "\n[[card]]\nid = \"funding\"\ntitle = \"Who funds this site?\"\ntext = \"The state.\"\nsource = \"Its imprint\"\n\n[[card]]\nid = \"others\"\ntitle = \"What do others say?\"\ntext = \"Banned in the EU.\"\nsource = \"Council Regulation (EU) 2022/350\"\n",
        );
        assert!(msgs.is_empty(), "{msgs:?}");
        let ids: Vec<(&str, usize)> = cards.iter().map(|c| (c.id.as_str(), c.line)).collect();
        assert_eq!(ids, [("funding", 7), ("others", 13)]);
        assert_eq!(cards[1].source, "Council Regulation (EU) 2022/350");
    }

    #[test]
    fn broken_cards_are_reported_where_they_are_and_are_left_out() {
        let (cards, msgs) = read(
            "[[card]]\nid = \"x\"\ntitle = \"\"\ntext = \"t\"\nsource = \"https://example.org/about\"\ncolour = 1\n\n[[card]]\nid = \"x\"\ntitle = \"Again?\"\ntext = \"t\"\nsource = \"s\"\n",
        );
        let expect = [
            "the card's `title` is empty",
            "the card's `source` is only a link",
            "unknown key `colour` in a source card",
            "two source cards of this article have the id `x`",
        ];
        for e in expect {
            assert!(msgs.iter().any(|m| m.contains(e)), "{e} in {msgs:?}");
        }
        assert!(
            msgs.iter().any(|m| m.starts_with("7:") && m.contains("title")),
            "{msgs:?}"
        );
        // Both cards have errors, so neither is offered; the article itself is still known.
        assert!(cards.is_empty(), "{cards:?}");
    }

    #[test]
    fn a_card_must_be_short_and_an_article_have_few() {
        let long = "w".repeat(super::MAX_TEXT_CHARS + 1);
        let (_, msgs) = read(&format!(
            "[[card]]\nid = \"a\"\ntitle = \"T\"\ntext = \"{long}\"\nsource = \"s\"\n"
        ));
        assert!(msgs.iter().any(|m| m.contains("characters long")), "{msgs:?}");
        let many: String = (0..=super::MAX_CARDS)
            .map(|i| format!("[[card]]\nid = \"c{i}\"\ntitle = \"T\"\ntext = \"t\"\nsource = \"s\"\n"))
            .collect();
        let (_, msgs) = read(&many);
        assert!(msgs.iter().any(|m| m.contains("at most 12 are allowed")), "{msgs:?}");
    }
}
