//! A saved page read as Reader View reads it: the article kept, the page around it dropped, and
//! the metadata the page states.

use super::*;

/// A small news page as sites save them: navigation, a cookie notice, the article with a figure,
/// related stories and a footer.
const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
<title>Council axes flood wall | The Courier</title>
<meta property="og:title" content="Council axes flood wall in late-night vote">
<meta property="og:site_name" content="The Courier">
<meta name="author" content="Jo Marsh">
<meta property="article:published_time" content="2025-10-16T08:00:00+01:00">
<link rel="canonical" href="https://www.courier.example/news/flood-wall">
<link rel="stylesheet" href="https://cdn.courier.example/site.css">
<script src="https://cdn.courier.example/ads.js"></script>
<style>p { color: red }</style></head>
<body><div id="cookie-banner" class="cookie-notice">We use cookies. <button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Council axes flood wall in late-night vote</h1>
<p class="byline">By Jo Marsh</p>
<p>The council voted &ldquo;no&rdquo; &mdash; 5 to 4 &mdash; to the flood wall that residents of the riverside streets had asked for since the floods of 2019, after a debate that ran past midnight.</p>
<figure><img src="https://img.courier.example/wall.jpg" alt="The river"><figcaption>The river at Low Street. Photo: Courier</figcaption></figure>
<p>Residents said they were angry &amp; worried. &ldquo;We were promised a wall,&rdquo; said one, who has lived on Low Street for forty years and whose house flooded twice in three winters.</p>
<h2>What happens next</h2>
<ul><li>The plan goes back to the county for review.</li><li>A public meeting is set for November.</li></ul>
<p>Councillors who voted against said the money would be better spent on drains across the whole town, which would protect more homes for the same cost.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Mayor resigns</a></li><li><a href="/b">Bus fares rise</a></li></ul></aside>
</main>
<footer><p>© 2025 The Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>alert("not text")</script></body></html>"#;

#[test]
fn a_saved_news_page_keeps_the_article_and_drops_the_page_around_it() {
    let a = html_to_article(PAGE);
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    // Reader View keeps a byline the page's metadata already names; the article follows it.
    assert_eq!(paras[0], "By Jo Marsh", "{:?}", a.text);
    assert!(
        paras[1].starts_with("The council voted “no” — 5 to 4 —"),
        "{:?}",
        a.text
    );
    assert!(
        paras.contains(&"What happens next"),
        "headings are paragraphs: {:?}",
        a.text
    );
    assert!(
        paras.contains(&"The plan goes back to the county for review."),
        "{:?}",
        a.text
    );
    assert!(paras.contains(&"A public meeting is set for November."));
    assert!(a.text.contains("angry & worried"));
    for dropped in [
        "cookies",
        "Accept all",
        "Home",
        "Sport",
        "Related stories",
        "Mayor resigns",
        "©",
        "Privacy",
        "alert",
        "color",
        "Photo: Courier",
        "The river",
    ] {
        assert!(!a.text.contains(dropped), "{dropped} should be dropped: {:?}", a.text);
    }
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_saved_page_states_its_own_metadata() {
    let m = html_to_article(PAGE).suggested;
    assert_eq!(m.headline, "Council axes flood wall in late-night vote");
    assert_eq!(m.outlet, "The Courier");
    assert_eq!(m.byline.as_deref(), Some("Jo Marsh"));
    assert_eq!(m.date.as_deref(), Some("2025-10-16"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.url.as_deref(), Some("https://www.courier.example/news/flood-wall"));
}

#[test]
fn json_ld_names_the_headline_publisher_and_author() {
    let page = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Missile lands in Przewodów","datePublished":"2022-11-15T21:03:00Z",
        "author":{"@type":"Person","name":"Anna Nowak"},"publisher":{"@type":"Organization","name":"Gazeta Example"}}</script></head>
        <body><p>Two people were killed when a missile landed in the village of Przewodów, close to the border with Ukraine, on Tuesday afternoon.</p></body></html>"#;
    let m = html_to_article(page).suggested;
    assert_eq!(m.headline, "Missile lands in Przewodów");
    assert_eq!(m.outlet, "Gazeta Example");
    assert_eq!(m.byline.as_deref(), Some("Anna Nowak"));
    assert_eq!(m.date.as_deref(), Some("2022-11-15"));
}

#[test]
fn without_a_site_name_the_canonical_host_names_the_outlet_and_h1_the_headline() {
    let page = r#"<html><head><link rel="canonical" href="https://www.example-news.pl/kraj/123"></head>
        <body><h1>Wybuch w Przewodowie</h1><p>Tekst.</p></body></html>"#;
    let m = html_to_article(page).suggested;
    assert_eq!(m.outlet, "example-news.pl");
    assert_eq!(m.headline, "Wybuch w Przewodowie");
    assert_eq!(m.url.as_deref(), Some("https://www.example-news.pl/kraj/123"));
    // A relative or non-web address is no address: the page's own is unknown.
    for href in ["/kraj/123", "javascript:alert(1)", "file:///etc/passwd"] {
        let page = format!(r#"<link rel="canonical" href="{href}"><p>Tekst.</p>"#);
        assert_eq!(html_to_article(&page).suggested.url, None, "{href}");
    }
}

#[test]
fn a_page_nested_too_deep_is_read_up_to_the_limit_with_a_warning() {
    let html = format!(
        "<p>The start of the text is kept.</p>{}<p>never read</p>",
        "<div>".repeat(200_000)
    );
    let a = html_to_article(&html);
    assert!(a.text.contains("The start of the text is kept."), "{:?}", a.text);
    assert!(!a.text.contains("never read"));
    assert!(
        a.warnings.iter().any(|w| w.contains("more than 512 deep")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn regression_a_long_text_full_of_ampersands_serializes_in_quadratic_time() {
    // html5ever's serializer scans to the next `<` for every `&`: 100 000 of them in one text took
    // 34 s in Readability; such a page is read without it.
    let html = format!("<p>{}</p>", "& ".repeat(200_000));
    let t = std::time::Instant::now();
    let a = html_to_article(&html);
    assert_eq!(a.text.split_whitespace().count(), 200_000);
    assert!(t.elapsed().as_secs() < 15, "{:?}", t.elapsed());
}

#[test]
fn pre_keeps_its_lines_as_paragraphs() {
    let a = html_fragment_text("<p>Before</p><pre>line one\nline two</pre><p>After</p>");
    assert_eq!(a, "Before\n\nline one\n\nline two\n\nAfter");
}
