//! What a saved page says about itself: headline, outlet, byline, date, language and address.
//!
//! Readability (`dom_smoothie`) reads the page's JSON-LD and `<meta>` tags as Firefox's Reader
//! View does (JSON-LD `headline`, `og:title`, `og:site_name`, the publisher's name, `author`,
//! `article:published_time`, …). What it leaves out is read here: the canonical address
//! (`<link rel=canonical>`, else `og:url`), whose host names the outlet when the page names none,
//! the first `<h1>` as a headline of last resort, and dates in `<meta name=date>` or
//! `<time datetime>`. Every value is only a suggestion: the teacher confirms or corrects it.

use dom_query::Document;

use crate::corpus::ArticleMeta;

/// The longest headline, outlet or byline taken from a page; longer ones are cut (with a warning).
pub(crate) const MAX_META_CHARS: usize = 300;

/// What the page states, read before Readability takes the page apart.
#[derive(Debug, Default)]
pub(crate) struct PageFacts {
    canonical: Option<String>,
    og_url: Option<String>,
    h1: Option<String>,
    /// How many `<h1>`s the page has.
    h1s: usize,
    title: Option<String>,
    lang: Option<String>,
    /// Dates the page states outside Readability's reach: where, and what.
    dates: Vec<(String, String)>,
}

impl PageFacts {
    /// Reads them from a parsed page.
    pub(crate) fn read(doc: &Document) -> PageFacts {
        let first_attr = |sel: &str, attr: &str| {
            doc.select(sel)
                .iter()
                .find_map(|s| s.attr(attr).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()))
        };
        let first_text = |sel: &str| {
            doc.select(sel)
                .iter()
                .map(|s| crate::text::collapse_whitespace(&s.text()))
                .find(|t| !t.is_empty())
        };
        let mut dates = Vec::new();
        for key in ["date", "pubdate", "dc.date", "dc.date.issued", "dcterms.created"] {
            if let Some(v) = first_attr(&format!("meta[name=\"{key}\" i]"), "content") {
                dates.push((format!("<meta name={key}>"), v));
            }
        }
        if let Some(v) = first_attr("time[datetime]", "datetime") {
            dates.push(("<time datetime>".into(), v));
        }
        PageFacts {
            canonical: first_attr("link[rel=\"canonical\" i]", "href"),
            og_url: first_attr("meta[property=\"og:url\" i]", "content"),
            h1: first_text("h1"),
            h1s: doc.select("h1").length(),
            title: first_text("title"),
            lang: first_attr("html[lang]", "lang"),
            dates,
        }
    }
}

/// What Readability found out about the page.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
}

impl From<&dom_smoothie::Article> for Found {
    fn from(a: &dom_smoothie::Article) -> Found {
        Found {
            title: a.title.clone(),
            byline: a.byline.clone(),
            site_name: a.site_name.clone(),
            published_time: a.published_time.clone(),
            lang: a.lang.clone(),
            url: a.url.clone(),
        }
    }
}

impl From<dom_smoothie::Metadata> for Found {
    fn from(m: dom_smoothie::Metadata) -> Found {
        Found {
            title: m.title,
            byline: m.byline,
            site_name: m.site_name,
            published_time: m.published_time,
            lang: m.lang,
            url: m.url,
        }
    }
}

/// Readability's metadata of a page whose article it could not find (its JSON-LD and `<meta>`
/// tags).
pub(crate) fn metadata_only(doc: &Document) -> Found {
    match dom_smoothie::Readability::with_document(doc.clone(), None, None) {
        Ok(r) => r.get_article_metadata(r.parse_json_ld()).into(),
        Err(_) => Found::default(),
    }
}

/// The metadata a page suggests, with warnings for what it states but cannot be used.
pub(crate) fn suggested_meta(facts: &PageFacts, found: &Found, warnings: &mut Vec<String>) -> ArticleMeta {
    let mut clean = |what: &str, v: Option<&str>| -> Option<String> {
        let v = crate::text::collapse_whitespace(v?);
        if v.is_empty() {
            return None;
        }
        if v.chars().count() > MAX_META_CHARS {
            warnings.push(format!(
                "the page's {what} is longer than {MAX_META_CHARS} characters; it was cut, check it"
            ));
            return Some(v.chars().take(MAX_META_CHARS).collect());
        }
        Some(v)
    };
    let title = better_than_the_title(facts, &found.title).unwrap_or(&found.title);
    let headline = clean("headline", Some(title))
        .or_else(|| clean("headline", facts.h1.as_deref()))
        .or_else(|| clean("headline", facts.title.as_deref()));
    let url = [
        facts.canonical.as_deref(),
        facts.og_url.as_deref(),
        found.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(web_address);
    let outlet = clean("outlet", found.site_name.as_deref()).or_else(|| url.as_deref().and_then(outlet_from_address));
    let byline = clean("byline", found.byline.as_deref());
    let language = [found.lang.as_deref(), facts.lang.as_deref()]
        .into_iter()
        .flatten()
        .find_map(page_language_tag);
    let mut stated: Vec<(String, String)> = Vec::new();
    if let Some(t) = &found.published_time {
        stated.push(("published time (JSON-LD or <meta>)".into(), t.clone()));
    }
    stated.extend(facts.dates.iter().cloned());
    ArticleMeta {
        headline: headline.unwrap_or_default(),
        outlet: outlet.unwrap_or_default(),
        byline,
        date: first_real_date(&stated, warnings),
        url,
        language,
        ..ArticleMeta::default()
    }
}

/// The page's one `<h1>`, when Readability's headline is only the `<title>`, shortened or with the
/// site's name in it (`Courier | Bridge closes` or `Bridge closes` beside `<h1>Bridge closes for
/// repairs</h1>`): the `<h1>` starts with the title or a part of it, so it is the same headline,
/// whole and without the site's name. Reader View keeps such a title; a teacher wants the headline.
fn better_than_the_title<'a>(facts: &'a PageFacts, title: &str) -> Option<&'a str> {
    let h1 = facts.h1.as_deref()?;
    let page_title = facts.title.as_deref()?;
    if facts.h1s != 1 || crate::text::collapse_whitespace(title) != *page_title || h1 == page_title {
        return None;
    }
    let mut marked = page_title.to_string();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        marked = marked.replace(sep, "\u{1F}");
    }
    let parts: Vec<&str> = marked.split('\u{1F}').map(str::trim).collect();
    let h1_folded = h1.to_lowercase();
    parts
        .iter()
        .any(|p| p.split_whitespace().count() >= 2 && h1_folded.starts_with(&p.to_lowercase()))
        .then_some(h1)
}

/// The first of the dates a page states that is a real one, as `YYYY-MM-DD`; a warning for each
/// unreal one before it.
fn first_real_date(stated: &[(String, String)], warnings: &mut Vec<String>) -> Option<String> {
    for (source, raw) in stated {
        if let Some(d) = page_date(raw) {
            return Some(d);
        }
        let shown: String = raw.trim().chars().take(40).collect();
        warnings.push(format!(
            "the page's date {source} is `{}`, which is not a real date (YYYY-MM-DD, optionally with a time); the date was left out",
            shown.escape_debug()
        ));
    }
    None
}

/// An absolute `http`/`https` address, as the page gives it; `None` for anything else (a relative
/// address cannot be resolved: the page's own address is unknown).
fn web_address(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw.trim()).ok()?;
    (matches!(u.scheme(), "http" | "https") && u.host_str().is_some()).then(|| u.to_string())
}

/// The outlet a web address names: its host without `www.` (`https://www.bbc.co.uk/news/…` →
/// `bbc.co.uk`).
fn outlet_from_address(address: &str) -> Option<String> {
    let u = url::Url::parse(address).ok()?;
    let host = u.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// A language tag as pages write them (`en`, `en-GB`, `pt_BR`, `PL`), as the metadata file takes it
/// ([`crate::text::lang`]: `-` between its parts, canonical case): `pt-BR`, `pl`. `None` for what
/// is no language tag.
fn page_language_tag(t: &str) -> Option<String> {
    use crate::text::lang::{LangTag, check_language_tag};
    match check_language_tag("language", &t.trim().replace('_', "-")) {
        LangTag::Good(tag) => Some(tag),
        LangTag::Doubtful { .. } | LangTag::Bad { .. } => None,
    }
}

pub(crate) use super::dates::page_date;

#[cfg(test)]
mod tests {
    use super::page_language_tag;

    #[test]
    fn a_pages_language_is_written_as_the_metadata_file_takes_it() {
        assert_eq!(page_language_tag("en-GB").as_deref(), Some("en-GB"));
        assert_eq!(page_language_tag(" pt_BR ").as_deref(), Some("pt-BR"));
        assert_eq!(page_language_tag("PL").as_deref(), Some("pl"));
        assert_eq!(page_language_tag("uk-ua").as_deref(), Some("uk-UA"));
        for no in ["", "english", "ua", "x", "en GB"] {
            assert_eq!(page_language_tag(no), None, "{no:?}");
        }
    }
}
