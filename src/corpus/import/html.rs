//! HTML pages: their text, and the metadata they state about themselves.

use crate::corpus::ArticleMeta;
use crate::corpus::import::Imported;
use crate::corpus::import::entities::decode_entities;

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "tr",
    "table",
    "figcaption",
    "figure",
    "pre",
    "hr",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
];
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
];

/// The longest tag name looked at; longer names are no tag this importer knows.
const MAX_TAG_NAME: usize = 16;

/// The byte offset of the first `needle` (ASCII, lower case, starting with `<`) in `hay` at or
/// after `from`, ignoring ASCII case; `None` if there is none. Linear: it jumps from `<` to `<`.
fn find_tag_ci(hay: &str, from: usize, needle: &[u8]) -> Option<usize> {
    let b = hay.as_bytes();
    let mut at = from;
    while let Some(n) = b.get(at..)?.iter().position(|&c| c == b'<') {
        let p = at + n;
        if b.get(p..p + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// Byte offset just past the first `>` at or after `from`, or the end of `s`.
fn past_gt(s: &str, from: usize) -> usize {
    s.as_bytes()
        .get(from..)
        .and_then(|b| b.iter().position(|&c| c == b'>'))
        .map_or(s.len(), |n| from + n + 1)
}

/// The text of an HTML page, with the metadata it states about itself.
///
/// One pass over the page: every search starts where the last one ended, and every offset it
/// slices at is the position of an ASCII byte (`<`, `>`, …) or the end, so never inside a char.
pub fn html_to_article(html: &str) -> Imported {
    let mut page = Page::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i = if bytes[i] != b'<' {
            page.text(html, i)
        } else if bytes[i..].starts_with(b"<!--") {
            html.get(i + 4..)
                .and_then(|r| r.find("-->"))
                .map_or(html.len(), |n| i + 4 + n + 3)
        } else {
            page.tag(html, i)
        };
    }
    page.finish()
}

/// What one pass over a page has found so far.
#[derive(Default)]
struct Page {
    paras: Vec<String>,
    cur: String,
    suggested: ArticleMeta,
    warnings: Vec<String>,
    title: Option<String>,
    h1: Option<String>,
    in_h1: bool,
    h1_text: String,
}

impl Page {
    /// Ends the paragraph being read.
    fn flush(&mut self) {
        let p = crate::text::collapse_whitespace(&decode_entities(&self.cur));
        if !p.is_empty() {
            self.paras.push(p);
        }
        self.cur.clear();
    }

    /// Reads the text from `i` to the next `<`; returns where it ends.
    fn text(&mut self, html: &str, i: usize) -> usize {
        let next = html.as_bytes()[i..]
            .iter()
            .position(|&c| c == b'<')
            .map_or(html.len(), |n| i + n);
        let piece = html.get(i..next).unwrap_or("");
        self.cur.push_str(piece);
        if self.in_h1 {
            self.h1_text.push_str(piece);
        }
        next
    }

    /// Reads the tag that starts at `i` (a `<`); returns where reading goes on.
    fn tag(&mut self, html: &str, i: usize) -> usize {
        // The tag runs to the next `>`, or to the end of the page if it is never closed.
        let end = past_gt(html, i);
        let tag_end = if html.as_bytes().get(end - 1) == Some(&b'>') {
            end - 1
        } else {
            end
        };
        let tag = html.get(i + 1..tag_end.max(i + 1)).unwrap_or("");
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if !closing && SKIP_TAGS.contains(&name.as_str()) {
            return self.skip(html, &name, end);
        }
        if name == "title" && !closing {
            let close = find_tag_ci(html, end, b"</title>").unwrap_or(html.len());
            self.title = Some(crate::text::collapse_whitespace(&decode_entities(
                html.get(end..close).unwrap_or(""),
            )));
            return (close + "</title>".len()).min(html.len());
        }
        if name == "meta" {
            read_meta_tag(tag, &mut self.suggested, &mut self.warnings);
        }
        if name == "time"
            && !closing
            && self.suggested.date.is_none()
            && let Some(dt) = attr(tag, "datetime")
        {
            self.suggested.date = checked_date(&dt, "<time datetime>", &mut self.warnings);
        }
        if name == "h1" {
            if closing {
                self.in_h1 = false;
                if self.h1.is_none() {
                    self.h1 = Some(crate::text::collapse_whitespace(&decode_entities(&self.h1_text)));
                }
            } else {
                self.in_h1 = true;
            }
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            self.flush();
        } else if !self.cur.ends_with(' ') && matches!(name.as_str(), "td" | "th") {
            self.cur.push(' ');
        }
        end
    }

    /// Skips an element whose content is no text (`script`, `style`, …) from `end`, just past
    /// its opening tag; the `head` is read for metadata first. Returns where reading goes on.
    fn skip(&mut self, html: &str, name: &str, end: usize) -> usize {
        if name == "head" {
            let close = find_tag_ci(html, end, b"</head>").unwrap_or(html.len());
            read_head(
                html.get(end..close).unwrap_or(""),
                &mut self.suggested,
                &mut self.title,
                &mut self.warnings,
            );
            (close + "</head>".len()).min(html.len())
        } else {
            let close_tag = format!("</{name}");
            find_tag_ci(html, end, close_tag.as_bytes()).map_or(html.len(), |at| past_gt(html, at))
        }
    }

    /// The article read.
    fn finish(mut self) -> Imported {
        self.flush();
        let mut suggested = self.suggested;
        suggested.headline = self.h1.filter(|h| !h.is_empty()).or(self.title).unwrap_or_default();
        Imported {
            text: self.paras.join("\n\n"),
            suggested,
            warnings: self.warnings,
        }
    }
}

/// The name of a tag (the inside of `<…>`), lower case; empty when longer than any tag this
/// importer knows.
fn tag_name(tag: &str) -> String {
    let name_len = tag
        .trim_start_matches('/')
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .take(MAX_TAG_NAME + 1)
        .count();
    if name_len > MAX_TAG_NAME {
        String::new()
    } else {
        tag.trim_start_matches('/')[..name_len].to_ascii_lowercase()
    }
}

/// The value of attribute `name` (lower case) in the inside of a tag, entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower.get(from..)?.find(name) {
        let at = from + p;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        // `to_ascii_lowercase` keeps every byte offset, so offsets into `lower` are offsets
        // into `tag`, and all of these are next to ASCII bytes.
        let rest = lower.get(at + name.len()..)?.trim_start();
        if before_ok && rest.starts_with('=') {
            let offset = tag.len() - rest.len() + 1;
            let v = tag.get(offset..)?.trim_start();
            let (q, body) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), v.get(1..)?),
                _ => (None, v),
            };
            let end = match q {
                Some(q) => body.find(q).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .unwrap_or(body.len()),
            };
            return Some(decode_entities(body.get(..end)?));
        }
        from = at + name.len();
    }
    None
}

fn read_meta_tag(tag: &str, m: &mut ArticleMeta, warnings: &mut Vec<String>) {
    let key = attr(tag, "property")
        .or_else(|| attr(tag, "name"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(content) = attr(tag, "content").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    match key.as_str() {
        "og:site_name" | "application-name" if m.outlet.is_empty() => m.outlet = content,
        "author" | "article:author" | "byl" if m.byline.is_none() => m.byline = Some(content),
        "article:published_time" | "date" | "pubdate" | "dc.date" if m.date.is_none() => {
            m.date = checked_date(&content, &format!("<meta {key}>"), warnings);
        }
        "og:url" if m.url.is_none() => m.url = Some(content),
        _ => {}
    }
}

fn read_head(head: &str, m: &mut ArticleMeta, title: &mut Option<String>, warnings: &mut Vec<String>) {
    let mut from = 0;
    while let Some(at) = find_tag_ci(head, from, b"<meta") {
        let end = past_gt(head, at);
        let inner_end = if head.as_bytes().get(end - 1) == Some(&b'>') {
            end - 1
        } else {
            end
        };
        read_meta_tag(head.get(at + 1..inner_end).unwrap_or(""), m, warnings);
        from = end;
    }
    if let Some(t) = find_tag_ci(head, 0, b"<title") {
        let start = past_gt(head, t);
        let end = find_tag_ci(head, start, b"</title>").unwrap_or(head.len());
        *title = Some(crate::text::collapse_whitespace(&decode_entities(
            head.get(start..end).unwrap_or(""),
        )));
    }
}

/// A page's date as an article's metadata keeps it (`YYYY-MM-DD`), or `None` with a warning
/// saying where the page stated what.
fn checked_date(raw: &str, source: &str, warnings: &mut Vec<String>) -> Option<String> {
    let date = page_date(raw);
    if date.is_none() {
        let shown: String = raw.trim().chars().take(40).collect();
        warnings.push(format!(
            "the page's date {source} is `{}`, which is not a real date (YYYY-MM-DD, optionally with a time); the date was left out",
            shown.escape_debug()
        ));
    }
    date
}

/// A page's publication date, reduced to the form an article's metadata keeps: `YYYY-MM-DD`.
///
/// Accepts `YYYY-MM-DD` on its own or followed (after `T` or a space) by a time `HH:MM`,
/// `HH:MM:SS` or `HH:MM:SS.fraction`, itself optionally followed by a time zone: `Z`, `±HH:MM`,
/// `±HHMM` or `±HH` (so ISO 8601 / RFC 3339 timestamps such as `2022-11-15T21:03:00Z` or
/// `2022-11-15T21:03:00+01:00`). The date must exist in the calendar (`2023-02-30` does not)
/// and the time and zone must be real ones. The date kept is the one the page states, in the
/// page's own time zone. `None` for anything else (`yesterday`, `2022-13-45`, `15/11/2022`).
pub(crate) fn page_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter()
            .try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()?;
    match b.get(10) {
        None => {}
        Some(b'T' | b't' | b' ') => valid_time_and_zone(b.get(11..)?)?,
        Some(_) => return None,
    }
    // Ten ASCII bytes.
    s.get(..10).map(str::to_string)
}

/// `HH:MM[:SS[.fraction]][Z|±HH[:MM]|±HHMM]`, with a real time and zone.
fn valid_time_and_zone(b: &[u8]) -> Option<()> {
    let two = |i: usize| -> Option<u8> {
        match (b.get(i), b.get(i + 1)) {
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => Some((x - b'0') * 10 + (y - b'0')),
            _ => None,
        }
    };
    let hour = two(0)?;
    (b.get(2) == Some(&b':')).then_some(())?;
    let minute = two(3)?;
    let mut i = 5;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        // A leap second is a real second.
        second = two(i + 1)?.min(59);
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let first = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            (i > first).then_some(())?;
        }
    }
    time::Time::from_hms(hour, minute, second).ok()?;
    let zone = b.get(i..)?;
    match zone {
        [] | [b'Z' | b'z'] => Some(()),
        [sign @ (b'+' | b'-'), ..] => {
            let hours = two(i + 1)?;
            let minutes = match &zone[3..] {
                [] => 0,
                [b':', _, _] => two(i + 4)?,
                [_, _] => two(i + 3)?,
                _ => return None,
            };
            let hours = i8::try_from(hours).ok()?;
            let hours = if *sign == b'-' { -hours } else { hours };
            (hours.abs() <= 14).then_some(())?;
            time::UtcOffset::from_hms(hours, i8::try_from(minutes).ok()?, 0).ok()?;
            Some(())
        }
        _ => None,
    }
}
