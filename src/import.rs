//! Bringing articles and lessons in: plain text, Markdown, HTML, and H5P "Mark the Words".
//!
//! An imported article keeps its words exactly: HTML loses its tags, scripts, styles and comments
//! (block elements become paragraph breaks, entities are decoded), Markdown loses its markup, and
//! nothing else changes. What the source says about itself (an HTML `<title>`, `og:site_name`,
//! author and date) is offered as metadata; the teacher confirms or corrects it.

use std::path::Path;

use crate::corpus::{ArticleMeta, valid_id};
use crate::fsutil::{MAX_ARTICLE_BYTES, decode_text};

/// Why an import failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// The file is larger than an article may be.
    #[error("{0} is {1} bytes; an article may be at most {2} bytes")]
    TooLarge(String, u64, u64),
    /// The file is not text.
    #[error("{0} is not a text file ({1}); save the article as .txt, .md or .html")]
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
}

/// Reads a file for import, with the size and text checks every import needs.
pub fn read_for_import(path: &Path) -> Result<Vec<u8>, ImportError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Io(name.clone(), e.to_string()))?;
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(name, meta.len(), MAX_ARTICLE_BYTES));
    }
    std::fs::read(path).map_err(|e| ImportError::Io(name, e.to_string()))
}

fn as_text(name: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::NotText(
            name.into(),
            "it contains NUL bytes, as binary files do".into(),
        ));
    }
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

/// Trims trailing spaces on lines and blank lines at both ends; keeps every word.
fn tidy_plain(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let joined = lines.join("\n");
    joined.trim_matches('\n').to_string()
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

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2014;`, common named ones).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                Some(match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" => '\u{00A0}',
                    "mdash" => '—',
                    "ndash" => '–',
                    "lsquo" => '‘',
                    "rsquo" => '’',
                    "ldquo" => '“',
                    "rdquo" => '”',
                    "hellip" => '…',
                    "copy" => '©',
                    "eacute" => 'é',
                    "oacute" => 'ó',
                    _ => return None,
                })
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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

/// The text of an HTML page, with the metadata it states about itself.
pub fn html_to_article(html: &str) -> Imported {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut suggested = ArticleMeta::default();
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
            let next = html[i..].find('<').map_or(html.len(), |n| i + n);
            cur.push_str(&html[i..next]);
            if in_h1 {
                h1_text.push_str(&html[i..next]);
            }
            i = next;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(html.len(), |n| i + n + 3);
            continue;
        }
        let end = html[i..].find('>').map_or(html.len(), |n| i + n + 1);
        let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && SKIP_TAGS.contains(&name.as_str()) {
            if name == "head" {
                // Read the head for metadata, then skip it.
                let close = html[end..]
                    .to_ascii_lowercase()
                    .find("</head>")
                    .map_or(html.len(), |n| end + n);
                read_head(&html[end..close], &mut suggested, &mut title);
                i = close + "</head>".len().min(html.len() - close);
            } else {
                let close_tag = format!("</{name}");
                i = html[end..]
                    .to_ascii_lowercase()
                    .find(&close_tag)
                    .map_or(html.len(), |n| {
                        let at = end + n;
                        html[at..].find('>').map_or(html.len(), |m| at + m + 1)
                    });
            }
            continue;
        }
        if name == "title" && !closing {
            let close = html[end..]
                .to_ascii_lowercase()
                .find("</title>")
                .map_or(html.len(), |n| end + n);
            title = Some(crate::text::collapse_whitespace(&decode_entities(&html[end..close])));
            i = (close + "</title>".len()).min(html.len());
            continue;
        }
        if name == "meta" {
            read_meta_tag(tag, &mut suggested);
        }
        if name == "time"
            && !closing
            && suggested.date.is_none()
            && let Some(dt) = attr(tag, "datetime")
        {
            suggested.date = Some(dt.chars().take(10).collect());
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
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let offset = tag.len() - rest.len() + 1;
            let v = tag[offset..].trim_start();
            let (q, body) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
                _ => (None, v),
            };
            let end = match q {
                Some(q) => body.find(q).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .unwrap_or(body.len()),
            };
            return Some(decode_entities(&body[..end]));
        }
        from = at + name.len();
    }
    None
}

fn read_meta_tag(tag: &str, m: &mut ArticleMeta) {
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
            m.date = Some(content.chars().take(10).collect())
        }
        "og:url" if m.url.is_none() => m.url = Some(content),
        _ => {}
    }
}

fn read_head(head: &str, m: &mut ArticleMeta, title: &mut Option<String>) {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<meta") {
        let at = from + p;
        let end = head[at..].find('>').map_or(head.len(), |n| at + n);
        read_meta_tag(&head[at + 1..end], m);
        from = end;
    }
    if let Some(t) = lower.find("<title") {
        let start = head[t..].find('>').map_or(head.len(), |n| t + n + 1);
        let end = lower[start..].find("</title>").map_or(head.len(), |n| start + n);
        *title = Some(crate::text::collapse_whitespace(&decode_entities(&head[start..end])));
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
    if !valid_id(&meta.id) {
        return Err(format!(
            "`{}` cannot be an article id: use letters, digits, - and _",
            meta.id
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
        let (msg, help) = crate::diag::describe_write_error(p, &e);
        format!("{msg}; {help}")
    };
    crate::fsutil::write_atomic(&txt, body.as_bytes()).map_err(|e| failed(&txt, e))?;
    crate::fsutil::write_atomic(&toml, meta_toml(meta).as_bytes()).map_err(|e| failed(&toml, e))?;
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
    let mut json = String::new();
    std::io::Read::read_to_string(&mut file, &mut json)
        .map_err(|e| ImportError::H5p(name.clone(), format!("content/content.json cannot be read: {e}")))?;
    parse_mark_the_words(&json, &name)
}

/// A one-step highlight lesson for a "Mark the Words" task on its own article (`article_id`).
pub fn mark_the_words_lesson(mtw: &MarkTheWords, article_id: &str, title: &str) -> String {
    use crate::anchor::anchor_for;
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
    for (i, sp) in mtw.marked.iter().enumerate() {
        let a = anchor_for(&article, *sp);
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
}
