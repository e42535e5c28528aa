//! Bringing articles and lessons in: plain text, Markdown, HTML, and H5P "Mark the Words".
//!
//! An imported article keeps its words exactly: HTML loses its tags, scripts, styles and comments
//! (block elements become paragraph breaks, entities are decoded), Markdown loses its markup, and
//! nothing else changes. What the source says about itself (an HTML `<title>`, `og:site_name`,
//! author and date) is offered as metadata; the teacher confirms or corrects it.

use std::path::Path;

use crate::corpus::{ArticleMeta, valid_id};
use crate::files::{MAX_ARTICLE_BYTES, decode_text};

/// Why an import failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// The file is larger than an article may be.
    #[error("{0} is {1} bytes; an article may be at most {2} bytes")]
    TooLarge(String, u64, u64),
    /// The file is not text.
    #[error("{0}: {1}; save the article as UTF-8 text (.txt, .md or .html)")]
    NotText(String, String),
    /// The file has no words in it.
    #[error("{0} has no text in it")]
    Empty(String),
    /// The file could not be read.
    #[error("cannot read {0}: {1}")]
    Io(String, String),
    /// An H5P file that is not what it should be.
    #[error("{0}: {1}")]
    H5p(String, String),
}

/// What an import produced: the article text and the metadata the source suggests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    /// Metadata found in the source (headline, outlet, byline, date), to confirm.
    pub suggested: ArticleMeta,
    /// What the source stated but could not be used (e.g. a date that is not a real date), for
    /// the teacher to see. The import itself succeeded.
    pub warnings: Vec<String>,
}

/// Reads a file for import, with the size and text checks every import needs.
pub fn read_for_import(path: &Path) -> Result<Vec<u8>, ImportError> {
    use crate::files::MAX_IMPORT_BYTES;
    if let Ok(m) = std::fs::metadata(path)
        && m.is_file()
        && m.len() > MAX_IMPORT_BYTES
    {
        return Err(ImportError::TooLarge(
            path.display().to_string(),
            m.len(),
            MAX_IMPORT_BYTES,
        ));
    }
    crate::files::read_bytes(path, MAX_IMPORT_BYTES).map_err(|d| ImportError::Io(path.display().to_string(), d.message))
}

/// The text of an imported file, by the one decoder every file goes through (UTF-8, or UTF-16
/// with a byte-order mark; NUL bytes and other encodings refused with the encoding named).
fn as_text(name: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    decode_text(name, bytes).map_err(|d| ImportError::NotText(name.into(), d.message))
}

/// Imports an article from a file: `.html`/`.htm`, `.md`/`.markdown`, or anything else as text.
pub fn import_article(path: &Path) -> Result<Imported, ImportError> {
    let name = path.display().to_string();
    let bytes = read_for_import(path)?;
    let text = as_text(&name, bytes)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let imported = match ext.as_str() {
        "html" | "htm" | "xhtml" => html_to_article(&text),
        "md" | "markdown" => Imported {
            text: markdown_to_text(&text),
            ..Default::default()
        },
        _ => Imported {
            text: tidy_plain(&text),
            ..Default::default()
        },
    };
    if imported.text.split_whitespace().next().is_none() {
        return Err(ImportError::Empty(name));
    }
    // A page may be larger than an article (menus, scripts); the article itself may not.
    if imported.text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(
            name,
            imported.text.len() as u64,
            MAX_ARTICLE_BYTES,
        ));
    }
    Ok(imported)
}

/// Imports pasted text (as plain text).
pub fn import_pasted(text: &str) -> Result<Imported, ImportError> {
    let t = tidy_plain(&text.replace("\r\n", "\n").replace('\r', "\n"));
    if t.split_whitespace().next().is_none() {
        return Err(ImportError::Empty("the pasted text".into()));
    }
    Ok(Imported {
        text: t,
        ..Default::default()
    })
}

/// Trims trailing spaces on lines and blank lines at both ends; keeps every word. One pass.
fn tidy_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // A run of empty lines at once.
        let blank = rest.bytes().take_while(|&b| b == b'\n').count();
        let (run, tail) = rest.split_at(blank);
        out.push_str(run);
        let (line, tail) = tail.split_once('\n').map_or((tail, ""), |(l, t)| (l, t));
        if !line.is_empty() || !tail.is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        rest = tail;
    }
    out.truncate(out.trim_end_matches('\n').len());
    let leading = out.len() - out.trim_start_matches('\n').len();
    out.drain(..leading);
    out
}

/// The text of Markdown: paragraphs, headings and list items, one per paragraph, markup removed.
pub fn markdown_to_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak => cur.push(' '),
            Event::HardBreak => cur.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => {
                let p = cur.trim().to_string();
                if !p.is_empty() {
                    paras.push(p);
                }
                cur.clear();
            }
            _ => {}
        }
    }
    let p = cur.trim().to_string();
    if !p.is_empty() {
        paras.push(p);
    }
    paras.join("\n\n")
}

/// Decodes HTML character references: numeric ones (`&#8217;`, `&#x1F600;`) and the common
/// named ones (`&amp;`, `&mdash;`, …). A reference needs its closing `;`; an unknown or
/// unterminated one stays as written. Numeric references follow HTML: zero, surrogates and
/// numbers past U+10FFFF (however many digits) become U+FFFD, and 128–159 are read as
/// Windows-1252, as browsers do. One pass over the text: at most [`MAX_REFERENCE`] bytes are
/// looked at after each `&`.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is in `out`; text is copied only up to a reference that decodes.
    let mut copied = 0;
    let mut at = 0;
    let b = s.as_bytes();
    while let Some(n) = b.get(at..).and_then(|r| r.iter().position(|&c| c == b'&')) {
        let amp = at + n;
        let after = s.get(amp + 1..).unwrap_or("");
        match decode_reference(after) {
            Some((c, used)) => {
                out.push_str(s.get(copied..amp).unwrap_or(""));
                out.push(c);
                copied = amp + 1 + used;
                at = copied;
            }
            None => at = amp + 1,
        }
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

/// The most bytes between `&` and `;` of a reference that is decoded.
pub const MAX_REFERENCE: usize = 32;

/// The char a reference stands for (`after` is the text just after the `&`), and how many
/// bytes of `after` it used, `;` included.
fn decode_reference(after: &str) -> Option<(char, usize)> {
    // A reference is `#`, letters and digits, then `;`: stop at the first byte that is not.
    let b = after.as_bytes();
    let hash = usize::from(b.first() == Some(&b'#'));
    let len = hash
        + b.get(hash..)?
            .iter()
            .take(MAX_REFERENCE)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    if len > MAX_REFERENCE || b.get(len) != Some(&b';') {
        return None;
    }
    let semi = len;
    // ASCII up to `;`, so `semi` is a char boundary.
    let name = after.get(..semi)?;
    let c = match name.strip_prefix('#') {
        Some(num) => {
            let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (num, 10),
            };
            if digits.is_empty() {
                return None;
            }
            let mut v: u32 = 0;
            for d in digits.chars() {
                v = v.saturating_mul(radix).saturating_add(d.to_digit(radix)?);
            }
            numeric_reference(v)
        }
        None => named_reference(name)?,
    };
    Some((c, semi + 1))
}

/// The char of a numeric reference, as HTML reads it.
fn numeric_reference(v: u32) -> char {
    /// Windows-1252 at 0x80–0x9F (the five it leaves undefined stay as they are).
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match v {
        0x80..=0x9F => CP1252[(v - 0x80) as usize],
        v => v,
    };
    match v {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// The named references decoded: those common in news text.
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "ograve" => 'ò',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "ocirc" => 'ô',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Eacute" => 'É',
        "szlig" => 'ß',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "aring" => 'å',
        "oslash" => 'ø',
        "aelig" => 'æ',
        _ => return None,
    })
}

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
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut suggested = ArticleMeta::default();
    let mut warnings = Vec::new();
    let mut title = None::<String>;
    let mut h1 = None::<String>;
    let mut in_h1 = false;
    let mut h1_text = String::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let p = crate::text::collapse_whitespace(&decode_entities(cur));
        if !p.is_empty() {
            paras.push(p);
        }
        cur.clear();
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = bytes[i..].iter().position(|&c| c == b'<').map_or(html.len(), |n| i + n);
            let piece = html.get(i..next).unwrap_or("");
            cur.push_str(piece);
            if in_h1 {
                h1_text.push_str(piece);
            }
            i = next;
            continue;
        }
        if bytes[i..].starts_with(b"<!--") {
            i = html
                .get(i + 4..)
                .and_then(|r| r.find("-->"))
                .map_or(html.len(), |n| i + 4 + n + 3);
            continue;
        }
        // The tag runs to the next `>`, or to the end of the page if it is never closed.
        let end = past_gt(html, i);
        let tag_end = if bytes.get(end - 1) == Some(&b'>') {
            end - 1
        } else {
            end
        };
        let tag = html.get(i + 1..tag_end.max(i + 1)).unwrap_or("");
        let closing = tag.starts_with('/');
        let name_len = tag
            .trim_start_matches('/')
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .take(MAX_TAG_NAME + 1)
            .count();
        let name = if name_len > MAX_TAG_NAME {
            String::new()
        } else {
            tag.trim_start_matches('/')[..name_len].to_ascii_lowercase()
        };
        if !closing && SKIP_TAGS.contains(&name.as_str()) {
            if name == "head" {
                // Read the head for metadata, then skip it.
                let close = find_tag_ci(html, end, b"</head>").unwrap_or(html.len());
                read_head(
                    html.get(end..close).unwrap_or(""),
                    &mut suggested,
                    &mut title,
                    &mut warnings,
                );
                i = (close + "</head>".len()).min(html.len());
            } else {
                let close_tag = format!("</{name}");
                i = find_tag_ci(html, end, close_tag.as_bytes()).map_or(html.len(), |at| past_gt(html, at));
            }
            continue;
        }
        if name == "title" && !closing {
            let close = find_tag_ci(html, end, b"</title>").unwrap_or(html.len());
            title = Some(crate::text::collapse_whitespace(&decode_entities(
                html.get(end..close).unwrap_or(""),
            )));
            i = (close + "</title>".len()).min(html.len());
            continue;
        }
        if name == "meta" {
            read_meta_tag(tag, &mut suggested, &mut warnings);
        }
        if name == "time"
            && !closing
            && suggested.date.is_none()
            && let Some(dt) = attr(tag, "datetime")
        {
            suggested.date = checked_date(&dt, "<time datetime>", &mut warnings);
        }
        if name == "h1" {
            if closing {
                in_h1 = false;
                if h1.is_none() {
                    h1 = Some(crate::text::collapse_whitespace(&decode_entities(&h1_text)));
                }
            } else {
                in_h1 = true;
            }
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            flush(&mut cur, &mut paras);
        } else if !cur.ends_with(' ') && matches!(name.as_str(), "td" | "th") {
            cur.push(' ');
        }
        i = end;
    }
    flush(&mut cur, &mut paras);
    suggested.headline = h1.filter(|h| !h.is_empty()).or(title).unwrap_or_default();
    Imported {
        text: paras.join("\n\n"),
        suggested,
        warnings,
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
pub fn page_date(s: &str) -> Option<String> {
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

/// A file-name-safe id from a headline: lower-case words joined by `-`, at most 6 words.
pub fn suggest_id(headline: &str) -> String {
    let words: Vec<String> = headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    let id = words.join("-");
    if valid_id(&id) { id } else { "article".into() }
}

/// The TOML of an article's metadata file, written the way a teacher would write it by hand.
pub fn meta_toml(m: &ArticleMeta) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    doc["id"] = toml_edit::value(&m.id);
    doc["outlet"] = toml_edit::value(&m.outlet);
    doc["headline"] = toml_edit::value(&m.headline);
    if let Some(d) = &m.date {
        doc["date"] = toml_edit::value(d);
    }
    if let Some(b) = &m.byline {
        doc["byline"] = toml_edit::value(b);
    }
    doc["outlet_kind"] = toml_edit::value(&m.outlet_kind);
    if let Some(u) = &m.url {
        doc["url"] = toml_edit::value(u);
    }
    if let Some(l) = &m.language {
        doc["language"] = toml_edit::value(l);
    }
    if let Some(n) = &m.note {
        doc["note"] = toml_edit::value(n);
    }
    if m.fictional {
        doc["fictional"] = toml_edit::value(true);
    }
    let mut s = doc.to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Writes an article as `DIR/ID.txt` and `DIR/ID.toml`, refusing to overwrite an existing one.
/// Returns the two paths.
pub fn write_article(
    dir: &Path,
    meta: &ArticleMeta,
    text: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf), String> {
    if let Err(e) = crate::text::ids::check_id(&meta.id) {
        return Err(format!(
            "`{}` cannot be an article id: {e}; {}",
            crate::text::ids::shown(&meta.id),
            crate::text::ids::ID_HELP
        ));
    }
    for (what, v) in [
        ("outlet", &meta.outlet),
        ("headline", &meta.headline),
        ("outlet kind", &meta.outlet_kind),
    ] {
        if v.trim().is_empty() {
            return Err(format!("the {what} is missing"));
        }
    }
    let txt = dir.join(format!("{}.txt", meta.id));
    let toml = dir.join(format!("{}.toml", meta.id));
    if txt.exists() || toml.exists() {
        return Err(format!("{} already exists; choose another id", txt.display()));
    }
    let mut body = text.to_string();
    if !body.ends_with('\n') {
        body.push('\n');
    }
    let failed = |p: &Path, e: std::io::Error| {
        let (msg, help) = crate::text::diag::describe_write_error(p, &e);
        format!("{msg}; {help}")
    };
    crate::files::write_atomic(&txt, body.as_bytes()).map_err(|e| failed(&txt, e))?;
    if let Err(e) = crate::files::write_atomic(&toml, meta_toml(meta).as_bytes()) {
        // An article is its two files or nothing: a text without metadata is an error in
        // every later check.
        let _ = std::fs::remove_file(&txt);
        return Err(failed(&toml, e));
    }
    Ok((txt, toml))
}

// ---- H5P "Mark the Words" ----

/// A "Mark the Words" task: its instructions, its text, and the words to mark (char spans into
/// the text).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkTheWords {
    /// `taskDescription`, as plain text.
    pub task: String,
    /// The text with markers removed.
    pub text: String,
    /// The marked words, as char spans into `text`.
    pub marked: Vec<crate::text::Span>,
}

/// Reads an H5P "Mark the Words" `content.json`: `taskDescription` and `textField`, where
/// `*word*` marks a correct word and `***` stands for a literal asterisk. HTML `p`, `br`, `strong`,
/// `em` and `code` in the text are turned into plain text.
pub fn parse_mark_the_words(json: &str, name: &str) -> Result<MarkTheWords, ImportError> {
    let v: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| ImportError::H5p(name.into(), format!("content.json is not valid JSON: {e}")))?;
    let field = v.get("textField").and_then(|t| t.as_str()).ok_or_else(|| {
        ImportError::H5p(
            name.into(),
            "this is not a “Mark the Words” task: content.json has no textField".into(),
        )
    })?;
    let task = v.get("taskDescription").and_then(|t| t.as_str()).unwrap_or("");
    let task = html_to_article(task).text;
    // HTML to text first, keeping the markers.
    let plain = html_to_article(&field.replace("\r\n", "\n").replace('\n', "<br>")).text;
    // Then the markers: `***` is a literal asterisk, `*...*` a marked word.
    let mut text = String::new();
    let mut marked = Vec::new();
    let chars: Vec<char> = plain.chars().collect();
    let mut n = 0usize; // chars in `text`
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '*' && chars.get(i + 1) == Some(&'*') && chars.get(i + 2) == Some(&'*') {
            text.push('*');
            n += 1;
            i += 3;
            continue;
        }
        if chars[i] == '*' {
            match open.take() {
                None => open = Some(n),
                Some(s) if n > s => marked.push(crate::text::Span::new(s, n)),
                Some(_) => {}
            }
            i += 1;
            continue;
        }
        text.push(chars[i]);
        n += 1;
        i += 1;
    }
    // What an article keeps of the text: no whitespace at either end (so the marks' offsets stay
    // right), and only marks with a word in them.
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let text = text.trim().to_string();
    let len = text.chars().count();
    let chars: Vec<char> = text.chars().collect();
    let marked: Vec<crate::text::Span> = marked
        .into_iter()
        .map(|sp| {
            crate::text::Span::new(
                sp.start.saturating_sub(lead).min(len),
                sp.end.saturating_sub(lead).min(len),
            )
        })
        .filter(|sp| {
            chars
                .get(sp.range())
                .is_some_and(|w| w.iter().any(|c| !c.is_whitespace()))
        })
        .collect();
    if open.is_some() {
        return Err(ImportError::H5p(
            name.into(),
            "a word marker `*` is opened but never closed".into(),
        ));
    }
    if text.split_whitespace().next().is_none() {
        return Err(ImportError::Empty(name.into()));
    }
    if marked.is_empty() {
        return Err(ImportError::H5p(
            name.into(),
            "no word is marked with *asterisks*, so there is no answer key".into(),
        ));
    }
    Ok(MarkTheWords { task, text, marked })
}

/// Reads a `.h5p` file (a zip) or a `content.json` and returns its "Mark the Words" task.
pub fn read_h5p(path: &Path) -> Result<MarkTheWords, ImportError> {
    let name = path.display().to_string();
    let bytes = read_for_import(path)?;
    h5p_from_bytes(&name, bytes)
}

/// Reads a "Mark the Words" task from the bytes of a `.h5p` file (a zip) or of a `content.json`;
/// `name` is for messages. What [`read_h5p`] does once the file is read.
pub fn h5p_from_bytes(name: &str, bytes: Vec<u8>) -> Result<MarkTheWords, ImportError> {
    let name = name.to_string();
    let is_zip = bytes.starts_with(b"PK");
    if !is_zip {
        let text = as_text(&name, bytes)?;
        return parse_mark_the_words(&text, &name);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        ImportError::H5p(
            name.clone(),
            format!("this .h5p file is not a readable zip archive: {e}"),
        )
    })?;
    let mut file = archive
        .by_name("content/content.json")
        .map_err(|_| ImportError::H5p(name.clone(), "this .h5p file has no content/content.json".into()))?;
    if file.size() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(name, file.size(), MAX_ARTICLE_BYTES));
    }
    // The size in the archive is the archive's word: a zip bomb states a small one. Unpack at
    // most one byte more than allowed and refuse if that byte is there.
    let mut json = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(&mut file, MAX_ARTICLE_BYTES + 1), &mut json)
        .map_err(|e| ImportError::H5p(name.clone(), format!("content/content.json cannot be read: {e}")))?;
    if json.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(name, json.len() as u64, MAX_ARTICLE_BYTES));
    }
    parse_mark_the_words(&json, &name)
}

/// A marked word that occurs in more places than this is anchored by its occurrence number
/// rather than by words around it (checking a prefix and suffix costs work for every place).
pub const MARKED_WORD_CONTEXT_PLACES: usize = 16;

/// A one-step highlight lesson for a "Mark the Words" task on its own article (`article_id`).
///
/// Each marked word gets the shortest anchor that finds it again ([`crate::corpus::anchor::anchor_among`]):
/// its words alone when they occur once in the text, else with a few words of prefix and
/// suffix when they occur in at most [`MARKED_WORD_CONTEXT_PLACES`] places, else an occurrence
/// number. The places of all marked words are found in one pass over the text, so the work is
/// linear in the text and the number of marked words.
pub fn mark_the_words_lesson(mtw: &MarkTheWords, article_id: &str, title: &str) -> String {
    use crate::corpus::anchor::{anchor_among, find_all_many};
    let meta = ArticleMeta {
        id: article_id.into(),
        ..Default::default()
    };
    let article = crate::corpus::Article::new(meta, "imported.txt", &mtw.text);
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    let mut out = format!(
        "+++\nid = {}\ntitle = {}\nsummary = \"Imported from an H5P “Mark the Words” task.\"\n+++\n\n{}\n\n+++ step\nid = \"mark-the-words\"\nkind = \"highlight\"\ntask = \"bias\"\ntitle = {}\narticles = [{}]\nlabels = [\"marked-word\"]\n",
        q(&format!("{article_id}-lesson")),
        q(title),
        "This lesson was imported from an H5P “Mark the Words” task. Edit its introduction, labels and explanations to fit your class.",
        q(title),
        q(article_id)
    );
    let quotes: Vec<String> = mtw
        .marked
        .iter()
        .map(|sp| crate::text::collapse_whitespace(article.slice(*sp)))
        .collect();
    let quote_refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
    let places = find_all_many(&article, &quote_refs);
    for (i, sp) in mtw.marked.iter().enumerate() {
        let a = anchor_among(&article, *sp, places.get(i), MARKED_WORD_CONTEXT_PLACES);
        out.push_str(&format!(
            "\n[[key]]\nid = \"word-{}\"\nquote = {}\n",
            i + 1,
            q(&a.quote)
        ));
        if let Some(p) = &a.prefix {
            out.push_str(&format!("prefix = {}\n", q(p)));
        }
        if let Some(s) = &a.suffix {
            out.push_str(&format!("suffix = {}\n", q(s)));
        }
        if let Some(o) = a.occurrence {
            out.push_str(&format!("occurrence = {o}\n"));
        }
        out.push_str("label = \"marked-word\"\nextent = \"exact\"\nexplanation = \"One of the words marked in the original task. Say here why it matters.\"\n");
    }
    let task = if mtw.task.trim().is_empty() {
        "Mark the words the task asks for.".to_string()
    } else {
        mtw.task.clone()
    };
    out.push_str(&format!("+++\n\n{task}\n"));
    // The label the keys use.
    out.replacen(
        "+++\n\n",
        "[[label]]\nid = \"marked-word\"\nname = \"Marked word\"\ndescription = \"A word the task asks you to mark.\"\n+++\n\n",
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_scripts_styles_and_tags_but_keeps_every_word() {
        let html = r#"<!doctype html><html><head><title>Site | Flood vote</title>
            <meta property="og:site_name" content="The Courier"><meta name="author" content="Jo Marsh">
            <meta property="article:published_time" content="2025-10-16T08:00:00Z">
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
            <body><nav>Menu</nav><h1>Council axes flood wall</h1><!-- a comment -->
            <p>The council voted &ldquo;no&rdquo; &mdash; 5 to 4.</p><p>Residents were<br>angry &amp; worried.</p>
            <script>alert(1)</script><noscript>Enable JS</noscript></body></html>"#;
        let a = html_to_article(html);
        assert_eq!(
            a.text,
            "Menu\n\nCouncil axes flood wall\n\nThe council voted “no” — 5 to 4.\n\nResidents were\n\nangry & worried."
        );
        assert_eq!(a.suggested.headline, "Council axes flood wall");
        assert_eq!(a.suggested.outlet, "The Courier");
        assert_eq!(a.suggested.byline.as_deref(), Some("Jo Marsh"));
        assert_eq!(a.suggested.date.as_deref(), Some("2025-10-16"));
        assert!(!a.text.contains("alert") && !a.text.contains("color") && !a.text.contains("not text"));
    }

    #[test]
    fn markdown_loses_its_markup() {
        assert_eq!(
            markdown_to_text("# Head\n\nSome **bold** text\nand more.\n\n- one\n- two\n"),
            "Head\n\nSome bold text and more.\n\none\n\ntwo"
        );
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2014; &bogus; & c"),
            "a & b ’ — &bogus; & c"
        );
    }

    #[test]
    fn mark_the_words_markers_and_escaped_asterisks() {
        let json = r#"{"taskDescription":"<p>Click the <strong>verbs</strong>.</p>","textField":"<p>The cat *sat* on the mat.</p><p>Rating: 5*** stars; it *purred*.</p>"}"#;
        let m = parse_mark_the_words(json, "content.json").unwrap();
        assert_eq!(m.task, "Click the verbs.");
        assert_eq!(m.text, "The cat sat on the mat.\n\nRating: 5* stars; it purred.");
        let words: Vec<String> = m
            .marked
            .iter()
            .map(|s| m.text.chars().skip(s.start).take(s.len()).collect())
            .collect();
        assert_eq!(words, ["sat", "purred"]);
        let lesson = mark_the_words_lesson(&m, "cat-story", "Verbs");
        assert!(lesson.contains("quote = \"sat\""), "{lesson}");
    }

    #[test]
    fn mark_the_words_refuses_what_it_cannot_use() {
        assert!(
            matches!(parse_mark_the_words("{", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("not valid JSON"))
        );
        assert!(
            matches!(parse_mark_the_words("{\"a\":1}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("no textField"))
        );
        assert!(
            matches!(parse_mark_the_words("{\"textField\":\"no marks\"}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("no word is marked"))
        );
        assert!(
            matches!(parse_mark_the_words("{\"textField\":\"a *b\"}", "c.json"), Err(ImportError::H5p(_, m)) if m.contains("never closed"))
        );
        assert!(matches!(
            parse_mark_the_words("{\"textField\":\"  \"}", "c.json"),
            Err(ImportError::Empty(_))
        ));
    }

    #[test]
    fn ids_from_headlines() {
        assert_eq!(
            suggest_id("Council axes flood wall in late-night vote!"),
            "council-axes-flood-wall-in-late"
        );
        assert_eq!(suggest_id("—"), "article");
    }
    #[test]
    fn regression_html_tag_with_multibyte_char_panics() {
        let cases: &[(&str, &str)] = &[
            ("<p title=\"ż\">Zażółć</p>", "Zażółć"),
            ("<ż>gęślą</ż>", "gęślą"),
            ("<a href=x>é</a>", "é"),
            ("<p>jaźń</p><ż", "jaźń"),
            ("<p>jaźń</p><é", "jaźń"),
            ("<p>jaźń</p><", "jaźń"),
            ("<p>jaźń</p></ż", "jaźń"),
            ("<p>jaźń<p title=\"ż", "jaźń"),
            ("<p>jaźń</p><!-- ż", "jaźń"),
            ("<p>jaźń</p><!--", "jaźń"),
            ("<p>jaźń</p><!-", "jaźń"),
            ("<p>jaźń</p><script>ż", "jaźń"),
            ("<p>jaźń</p><SCRIPT>ż</scrip", "jaźń"),
            ("<p>jaźń</p><title>ż", "jaźń"),
            ("<head><title>ż</title><meta name=\"author\" content=\"Łukasz", ""),
            ("<head><meta property=\"og:site_name\" content=ż", ""),
            ("<p>jaźń &amp", "jaźń &amp"),
            ("<p>jaźń &#x1F6", "jaźń &#x1F6"),
            ("<p>jaźń &ż;", "jaźń &ż;"),
            ("<p>jaźń &#ż;</p>", "jaźń &#ż;"),
            ("<p>jaźń &", "jaźń &"),
            ("<h1>Zażółć</h1>", "Zażółć"),
            ("<h1>Zaż", "Zaż"),
            ("<time datetime=\"ż\">", ""),
            ("<meta name=date content=\"2022-11-1ż\">", ""),
        ];
        for (html, text) in cases {
            let a = html_to_article(html);
            assert_eq!(a.text, *text, "{html}");
        }
        let a = html_to_article("<head><title>ż</title><meta name=\"author\" content=\"Łukasz");
        assert_eq!(a.suggested.headline, "ż");
        assert_eq!(a.suggested.byline.as_deref(), Some("Łukasz"));
        let a = html_to_article("<head><meta property=\"og:site_name\" content=żółw></head><p>x</p>");
        assert_eq!(a.suggested.outlet, "żółw");
        // Every prefix of a page full of multibyte chars, cut anywhere, imports without a panic.
        let page = "<html><head><title>Łódź – ż</title><meta name=\"date\" content=\"2022-11-15T21:03:00+01:00\"></head><body><h1 class=\"ą\">Żółw</h1><!-- ę --><p title='ń'>Gęś &eacute; &#x1F600; &ż</p><script>ś</script></body></html>";
        for (cut, _) in page.char_indices() {
            let a = html_to_article(&page[..cut]);
            assert!(!a.text.contains('<'), "{cut}: {:?}", a.text);
        }
        let whole = html_to_article(page);
        assert_eq!(whole.text, "Żółw\n\nGęś é 😀 &ż");
        assert_eq!(whole.suggested.date.as_deref(), Some("2022-11-15"));
    }

    #[test]
    fn numeric_references_follow_html() {
        assert_eq!(decode_entities("&#x1F600;&#233;&#xe9;&#XE9;"), "😀ééé");
        // Zero, surrogates and numbers past U+10FFFF are U+FFFD, however long.
        assert_eq!(
            decode_entities("&#0;&#xD800;&#x110000;&#99999999999;&#x0000000000000000000041;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}A"
        );
        // 128–159 are Windows-1252, as browsers read them.
        assert_eq!(decode_entities("&#150;&#147;&#148;&#128;&#129;"), "–“”€\u{81}");
        // Not numbers: left as written.
        assert_eq!(
            decode_entities("&#; &#x; &#x+41; &#-1; &#12a; &#٣;"),
            "&#; &#x; &#x+41; &#-1; &#12a; &#٣;"
        );
        // A reference longer than any known one is not looked for.
        let long = format!("&#{};", "0".repeat(40));
        assert_eq!(decode_entities(&long), long);
        assert_eq!(
            decode_entities("&laquo;Tak&raquo; &ndash; &AMP; &szlig;"),
            "«Tak» – & ß"
        );
    }

    /// Runs `f` and returns what it gives and how long it took.
    fn timed<T>(f: impl FnOnce() -> T) -> (T, std::time::Duration) {
        let t = std::time::Instant::now();
        let out = f();
        (out, t.elapsed())
    }

    #[test]
    fn regression_a_megabyte_of_ampersands_takes_seconds_to_import() {
        // Quadratic decoding took 20 s on this; one pass takes milliseconds (even unoptimised).
        let amps = "&".repeat(1 << 20);
        let (out, took) = timed(|| decode_entities(&amps));
        assert_eq!(out, amps);
        assert!(took.as_secs() < 5, "{took:?}");
        let (a, took) = timed(|| html_to_article(&format!("<p>{amps}</p>")));
        assert_eq!(a.text, amps);
        assert!(took.as_secs() < 5, "{took:?}");
        let refs = "&amp;".repeat(1 << 18);
        assert_eq!(decode_entities(&refs), "&".repeat(1 << 18));
    }

    #[test]
    fn regression_many_scripts_and_titles_scan_the_page_once() {
        // Each `<script>` used to lower-case the whole rest of the page to find its end.
        let n = 20_000;
        let html = "<SCRIPT>x</Script><p>a</p><title>t</title>".repeat(n);
        let (a, took) = timed(|| html_to_article(&html));
        assert_eq!(a.text, vec!["a"; n].join("\n\n"));
        assert_eq!(a.suggested.headline, "t");
        assert!(took.as_secs() < 5, "{took:?}");
        // Pathological shapes, each a megabyte, each in one pass.
        let mb = 1 << 20;
        for (shape, text) in [
            ("<".repeat(mb), ""),
            ("<!--".repeat(mb / 4), ""),
            (format!("<a{}>", " x=y".repeat(mb / 4)), ""),
            (format!("<p>{}</p>", "\n".repeat(mb)), ""),
        ] {
            let (a, took) = timed(|| html_to_article(&shape));
            assert_eq!(a.text, text);
            assert!(took.as_secs() < 5, "{took:?}");
        }
    }

    #[test]
    fn plain_text_keeps_every_word_and_drops_blank_ends() {
        let t = import_pasted("\n\n  \n  First line  \n\n\n\nSecond\t \n  \n\n").unwrap();
        assert_eq!(t.text, "  First line\n\n\n\nSecond");
        let blank = "\n".repeat(1 << 20);
        assert!(matches!(import_pasted(&blank), Err(ImportError::Empty(_))));
        let (t, took) = timed(|| import_pasted(&format!("{blank}word{blank}")).unwrap());
        assert_eq!(t.text, "word");
        assert!(took.as_secs() < 5, "{took:?}");
    }

    proptest::proptest! {
        #[test]
        fn tidy_plain_is_trimmed_lines_without_blank_ends(text in "[a \\t\\r\\n\u{A0}é]{0,40}") {
            let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
            let expected = lines.join("\n").trim_matches('\n').to_string();
            proptest::prop_assert_eq!(tidy_plain(&text), expected);
        }
    }

    #[test]
    fn page_dates_must_be_real_dates() {
        for (raw, date) in [
            ("2022-11-15", Some("2022-11-15")),
            ("2022-11-15T21:03:00Z", Some("2022-11-15")),
            ("2022-11-15T21:03:00+01:00", Some("2022-11-15")),
            ("2022-11-15T21:03:00.123-05:00", Some("2022-11-15")),
            ("2022-11-15T21:03+0530", Some("2022-11-15")),
            ("2022-11-15 21:03", Some("2022-11-15")),
            ("  2024-02-29T23:59:60Z ", Some("2024-02-29")),
            ("2022-13-45", None),
            ("2023-02-30", None),
            ("2023-02-29", None),
            ("yesterday", None),
            ("15/11/2022", None),
            ("2022-11-15T25:00:00Z", None),
            ("2022-11-15T21:03:00+24:00", None),
            ("2022-11-15T21:03:00 Europe/Warsaw", None),
            ("2022-11-15Tabc", None),
            ("2022-11-15x", None),
            ("2022-1ż-15", None),
            ("", None),
        ] {
            assert_eq!(page_date(raw).as_deref(), date, "{raw}");
        }
    }

    #[test]
    fn an_unreal_page_date_is_left_out_with_a_warning() {
        for bad in ["2022-13-45", "yesterday", "2023-02-30"] {
            let html = format!("<head><meta property=\"article:published_time\" content=\"{bad}\"></head><p>Text</p>");
            let a = html_to_article(&html);
            assert_eq!(a.suggested.date, None, "{bad}");
            assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
            assert!(
                a.warnings[0].contains(bad) && a.warnings[0].contains("left out"),
                "{}",
                a.warnings[0]
            );
            // What the import would write is metadata `lateral check` accepts.
            let meta = ArticleMeta {
                id: "a".into(),
                outlet: "O".into(),
                headline: "H".into(),
                outlet_kind: "K".into(),
                ..a.suggested
            };
            let src = crate::text::diag::SourceFile::new("a.toml", meta_toml(&meta));
            let mut diags = Vec::new();
            assert!(crate::corpus::parse_meta(&src, &mut diags).is_some(), "{diags:?}");
        }
        // A later, real date is still found; a <time> element is checked too.
        let a = html_to_article(
            "<meta name=date content=yesterday><meta name=pubdate content=2022-11-15T21:03:00Z><p>x</p>",
        );
        assert_eq!(a.suggested.date.as_deref(), Some("2022-11-15"));
        assert_eq!(a.warnings.len(), 1);
        let a = html_to_article("<p><time datetime=\"2022-02-31\">then</time></p>");
        assert_eq!((a.suggested.date, a.warnings.len()), (None, 1));
        let a = html_to_article("<p><time datetime=\"2022-11-15T21:03:00+01:00\">then</time></p>");
        assert_eq!((a.suggested.date.as_deref(), a.warnings.len()), (Some("2022-11-15"), 0));
        // A hostile date is shown escaped and cut short.
        let a = html_to_article(&format!("<meta name=date content=\"\x1b[31m{}\">", "9".repeat(500)));
        assert!(
            !a.warnings[0].contains('\x1b') && a.warnings[0].len() < 200,
            "{}",
            a.warnings[0]
        );
    }

    #[test]
    fn regression_h5p_with_twenty_thousand_marked_words_is_quadratic() {
        // 4,000 marked words took 4.5 s; now the marked words' places are found in one pass.
        let words = [
            "council",
            "flood",
            "wall",
            "vote",
            "late",
            "night",
            "residents",
            "angry",
        ];
        let mut field = String::new();
        for i in 0..20_000 {
            let w = words[i % words.len()];
            if i % 2 == 0 {
                field.push_str(&format!("*{w}{}* ", i / 2));
            } else {
                field.push_str(w);
                field.push(' ');
            }
        }
        let json = serde_json::json!({ "textField": field }).to_string();
        let (m, took) = timed(|| parse_mark_the_words(&json, "c.json").unwrap());
        assert_eq!(m.marked.len(), 10_000);
        assert!(took.as_secs() < 5, "{took:?}");
        let (lesson, took) = timed(|| mark_the_words_lesson(&m, "big", "Big"));
        assert!(took.as_secs() < 10, "{took:?}");
        assert_eq!(lesson.matches("[[key]]").count(), 10_000);
        assert!(lesson.contains("quote = \"council9996\"\nlabel"), "{}", &lesson[..2000]);
        // `council4` is also the start of `council40`, `council44`…, in more places than are
        // worth checking words around: named by its occurrence.
        assert!(
            lesson.contains("quote = \"council4\"\noccurrence = 1\n"),
            "{}",
            &lesson[..2000]
        );
        // `council900` is in 4 places (`council900`, `council9000`, `council9004`, `council9008`):
        // told apart by the words around it.
        assert!(
            lesson.contains("quote = \"council900\"\nprefix = \"residents899 angry \"\nsuffix = \" flood wall901\"\n"),
            "{}",
            &lesson[..2000]
        );
    }

    #[test]
    fn marked_words_that_repeat_get_context_or_an_occurrence_and_find_their_place() {
        let json = serde_json::json!({
            "textField": "The *cat* sat. The cat ran. The *cat* hid.\n\n* *Then the dog.",
        })
        .to_string();
        let m = parse_mark_the_words(&json, "c.json").unwrap();
        // The whitespace-only mark is dropped.
        assert_eq!(
            m.marked,
            vec![crate::text::Span::new(4, 7), crate::text::Span::new(30, 33)]
        );
        let lesson = mark_the_words_lesson(&m, "cats", "Cats");
        assert!(
            lesson.contains("quote = \"cat\"\nprefix = \"The \"\nsuffix = \" sat. The\"\n"),
            "{lesson}"
        );
        assert!(
            lesson.contains("quote = \"cat\"\nprefix = \"ran. The \"\nsuffix = \" hid. Then\"\n"),
            "{lesson}"
        );
        // A word in more places than are worth checking words around: its occurrence number.
        let many = vec!["the *cat*"; MARKED_WORD_CONTEXT_PLACES + 1].join(" ");
        let m = parse_mark_the_words(&serde_json::json!({ "textField": many }).to_string(), "c.json").unwrap();
        let lesson = mark_the_words_lesson(&m, "cats", "Cats");
        assert!(lesson.contains("quote = \"cat\"\noccurrence = 17\n"), "{lesson}");
        let article = crate::corpus::Article::new(ArticleMeta::default(), "t.txt", &m.text);
        for (i, sp) in m.marked.iter().enumerate() {
            let anchor = crate::corpus::anchor::Anchor {
                quote: "cat".into(),
                occurrence: Some(i + 1),
                ..Default::default()
            };
            assert_eq!(crate::corpus::anchor::resolve(&article, &anchor), Ok(*sp));
        }
    }
}
