//! Saved web pages, read as Firefox's Reader View reads them.
//!
//! html5ever (through `dom_query`) parses the page as a browser would; `dom_smoothie`, a port of
//! Mozilla's Readability, finds the article in it and drops the rest (menus, related stories,
//! footers, cookie notices). The article's HTML is then turned into paragraphs here: paragraphs
//! stay paragraphs, headings and list items become paragraphs of their own, and figures with their
//! captions, images, media, forms and scripts are left out. Nothing is fetched: the page is only
//! read, and what it links to (images, stylesheets, scripts) is dropped, never loaded.
//!
//! What the page says about itself (headline, outlet, byline, date, language, address) is offered
//! as metadata: see [`super::page_meta`].

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use crate::corpus::import::Imported;
use crate::corpus::import::page_meta::{Found, PageFacts, metadata_only, suggested_meta};
use crate::corpus::import::parse::{MAX_ESCAPE_COST, escape_cost, parse_page};

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Elements whose content is no part of the article's text: figures and their captions, media,
/// forms, and what a page runs rather than shows.
const SKIP_TAGS: &[&str] = &[
    "audio",
    "button",
    "canvas",
    "embed",
    "figcaption",
    "figure",
    "form",
    "head",
    "iframe",
    "img",
    "input",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
];

/// Pages with more elements than this are read without Readability (its scoring revisits
/// elements); the largest saved news page in the test suite has about 12 000.
pub(crate) const MAX_READABILITY_ELEMENTS: usize = 60_000;

/// The article of an HTML page, with the metadata it states about itself.
///
/// Readability finds the article; when it finds none (a page that is only a few lines, or one too
/// large to score), the whole body is read instead, without the elements listed in `SKIP_TAGS`
/// and without navigation, headers and footers. A hostile page is cut where it goes past the
/// parser's limits (see [`super::parse`]), with a warning.
pub fn html_to_article(html: &str) -> Imported {
    let (doc, cut) = parse_page(html);
    let mut warnings: Vec<String> = cut.map(|c| c.warning(html)).into_iter().collect();
    let facts = PageFacts::read(&doc);
    let root = doc.root();
    let elements = root.descendants_it().filter(|n| n.is_element()).count();
    // A page cut off by the parser's limits is hostile, or broken past its article: read whole,
    // without spending Readability's time on it too.
    let scorable = cut.is_none() && elements <= MAX_READABILITY_ELEMENTS && escape_cost(&root) <= MAX_ESCAPE_COST;
    // Readability takes the page apart: a copy (far cheaper than parsing again) is kept for when
    // it finds no article.
    let whole = doc.clone();
    let readable = if scorable { reader_view(doc) } else { None };
    let (text, found) = match readable {
        Some((text, article)) if !text.trim().is_empty() => (text, Found::from(&article)),
        _ => {
            let found = metadata_only(&whole);
            (whole_page_text(&whole), found)
        }
    };
    let suggested = suggested_meta(&facts, &found, &mut warnings);
    Imported {
        text,
        suggested,
        warnings,
    }
}

/// Readability's article: its text and what it found out about the page.
fn reader_view(doc: Document) -> Option<(String, dom_smoothie::Article)> {
    let cfg = Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(cfg)).ok()?.parse().ok()?;
    let content = Document::fragment(article.content.clone());
    Some((paragraphs(&content.root()), article))
}

/// The text of a page Readability could not read: the body without navigation, headers, footers
/// and the elements in `SKIP_TAGS`.
fn whole_page_text(doc: &Document) -> String {
    doc.select("nav, header, footer, aside, [hidden], [aria-hidden=true]")
        .remove();
    paragraphs(&doc.root())
}

/// The text of an HTML fragment (an H5P task's text, say), all of it, as paragraphs: no
/// Readability, which would judge a short fragment to be no article. Parsed within the same limits
/// as a page.
pub fn html_fragment_text(html: &str) -> String {
    paragraphs(&parse_page(html).0.root())
}

/// The text under `root` as paragraphs separated by blank lines. Iterative: any depth is safe.
pub(crate) fn paragraphs(root: &NodeRef) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave { block: bool, pre: bool },
    }
    let mut out = Paragraphs::default();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::Leave { block, pre } => {
                out.end_element(block, pre);
                continue;
            }
        };
        if node.is_text() {
            out.text(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if SKIP_TAGS.contains(&name.as_str()) {
            continue;
        }
        let block = BLOCK_TAGS.contains(&name.as_str());
        out.start_element(&name, block);
        stack.push(Step::Leave {
            block,
            pre: name == "pre",
        });
        let children: Vec<NodeRef> = node.children_it(true).collect();
        stack.extend(children.into_iter().map(Step::Enter));
    }
    out.finish()
}

/// Paragraphs being gathered from a tree, in document order.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    cur: String,
    /// Inside how many `pre` elements: their line breaks are kept as paragraph breaks.
    pre: usize,
}

impl Paragraphs {
    fn start_element(&mut self, name: &str, block: bool) {
        if block {
            self.flush();
        } else if matches!(name, "td" | "th") {
            self.cur.push(' ');
        }
        if name == "pre" {
            self.pre += 1;
        }
    }

    fn end_element(&mut self, block: bool, pre: bool) {
        if block {
            self.flush();
        }
        if pre {
            self.pre = self.pre.saturating_sub(1);
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            let mut lines = t.split('\n');
            if let Some(first) = lines.next() {
                self.cur.push_str(first);
            }
            for line in lines {
                self.flush();
                self.cur.push_str(line);
            }
        } else {
            self.cur.push_str(t);
        }
    }

    fn flush(&mut self) {
        let p = crate::text::collapse_whitespace(&self.cur);
        if !p.is_empty() {
            self.done.push(p);
        }
        self.cur.clear();
    }

    fn finish(mut self) -> String {
        self.flush();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
