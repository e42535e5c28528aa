//! Parsing a page with html5ever, with limits a hostile page cannot get past.
//!
//! html5ever parses as a browser does, but some of the HTML standard's algorithms walk the stack
//! of open elements for every tag, so a page of a hundred thousand nested `<div>`s takes minutes.
//! Browsers cap the depth; here the page is fed to the parser in pieces, and parsing stops (with
//! what was read so far kept, and a warning) once the tree nests deeper than [`MAX_DEPTH`] or the
//! parse has taken [`MAX_PARSE_TIME`]. Real news pages nest 20–60 deep and parse in milliseconds.

use std::time::Duration;

// std's `Instant::now` panics in a browser (wasm32): the same clock there.
use web_time::Instant;

use dom_query::{Document, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};

/// How deep a page may nest its elements; parsing stops at the first piece that goes deeper.
pub(crate) const MAX_DEPTH: usize = 512;

/// How long parsing a page may take (a normal page takes milliseconds; a hostile one is cut).
pub(crate) const MAX_PARSE_TIME: Duration = Duration::from_secs(8);

/// The pieces the page is fed in: small enough that one piece cannot nest much deeper than
/// [`MAX_DEPTH`] or take long.
const PIECE_BYTES: usize = 4096;

/// Why a page was not read to its end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cut {
    /// It nests deeper than [`MAX_DEPTH`] before this byte.
    TooDeep(usize),
    /// Reading it to this byte took [`MAX_PARSE_TIME`].
    TooSlow(usize),
}

impl Cut {
    /// What the teacher is told.
    pub(crate) fn warning(self, html: &str) -> String {
        let (why, at) = match self {
            Cut::TooDeep(at) => (format!("nests its elements more than {MAX_DEPTH} deep"), at),
            Cut::TooSlow(at) => (
                format!("took more than {} seconds to read", MAX_PARSE_TIME.as_secs()),
                at,
            ),
        };
        let line = 1 + html
            .as_bytes()
            .get(..at)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        format!(
            "the page {why}, which no saved news page does; only the text before line {line} was read: check that the article is complete, or save the page again from the browser"
        )
    }
}

/// A page parsed as a browser would, within the limits; `Some(cut)` when it was not read to
/// its end.
pub(crate) fn parse_page(html: &str) -> (Document, Option<Cut>) {
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            // As Reader View reads: `<noscript>` content is markup (images Readability unwraps).
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = html5ever::parse_document(Document::default(), opts);
    let started = Instant::now();
    let mut at = 0;
    let mut cut = None;
    while at < html.len() {
        let mut end = (at + PIECE_BYTES).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from(&html[at..end]));
        // html5ever reports every parse error to the document, which keeps them all: one per
        // character of a hostile page. Nothing here reads them.
        parser.tokenizer.sink.sink.errors.borrow_mut().clear();
        at = end;
        if at == html.len() {
            break;
        }
        if open_depth(&parser.tokenizer.sink.sink.root()) > MAX_DEPTH {
            cut = Some(Cut::TooDeep(at));
        } else if started.elapsed() > MAX_PARSE_TIME {
            cut = Some(Cut::TooSlow(at));
        }
        if cut.is_some() {
            break;
        }
    }
    let doc = parser.finish();
    doc.errors.borrow_mut().clear();
    (doc, cut)
}

/// How deep the last element of the tree so far sits: the path of last children from the root,
/// where the parser adds what it reads next.
fn open_depth(root: &NodeRef) -> usize {
    let mut depth = 0;
    let mut node = root.last_child();
    while let Some(n) = node {
        depth += 1;
        node = n.last_child();
    }
    depth
}

/// The cost of writing a tree's text back out as HTML, as html5ever's serializer does it: for
/// each character it escapes (`&`, no-break space, …) it scans on to the next `<` or `>` in the same
/// text, so a long text full of `&` costs its length squared. Readability serializes the article
/// once; a page whose cost is past [`MAX_ESCAPE_COST`] is read without it.
pub(crate) fn escape_cost(root: &NodeRef) -> u64 {
    let mut cost = 0u64;
    for node in root.descendants_it() {
        if node.is_text() {
            cost = cost.saturating_add(text_cost(node.text().as_bytes(), false));
        } else if node.is_element() {
            for a in node.attrs() {
                cost = cost.saturating_add(text_cost(a.value.as_bytes(), true));
            }
        }
    }
    cost
}

/// The most [`escape_cost`] Readability is given: a few tens of milliseconds of scanning.
pub(crate) const MAX_ESCAPE_COST: u64 = 200_000_000;

/// [`escape_cost`] of one text (or attribute value, which also stops at `"`).
fn text_cost(b: &[u8], attribute: bool) -> u64 {
    let mut cost = 0u64;
    let mut to_stop = 0u64;
    for &c in b.iter().rev() {
        if c == b'<' || c == b'>' || (attribute && c == b'"') {
            to_stop = 0;
        } else {
            to_stop += 1;
            if c == b'&' || c == 0xC2 {
                cost = cost.saturating_add(to_stop);
            }
        }
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_past_the_limit_is_cut_where_it_goes_too_deep() {
        let html = format!("<p>before</p>{}deep", "<div>".repeat(100_000));
        let (doc, cut) = parse_page(&html);
        assert!(matches!(cut, Some(Cut::TooDeep(at)) if at < 8 * 1024), "{cut:?}");
        assert!(doc.root().text().contains("before"));
        assert!(Cut::TooDeep(10).warning(&html).contains("line 1"));
        // A real page's depth is nowhere near it.
        let (_, cut) = parse_page(&"<div><p>x</p></div>".repeat(10_000));
        assert_eq!(cut, None);
    }

    #[test]
    fn escape_cost_grows_with_ampersands_far_from_a_tag() {
        assert_eq!(text_cost(b"abc", false), 0);
        assert_eq!(text_cost(b"a&b", false), 2);
        assert_eq!(text_cost(b"&<&", false), 2);
        assert_eq!(text_cost(b"&\"&", true), 2);
        let n = 100_000u64;
        assert!(text_cost("&".repeat(n as usize).as_bytes(), false) >= n * n / 2);
    }
}
