//! A student's highlights as [W3C Web Annotations](https://www.w3.org/TR/annotation-model/)
//! (JSON-LD), for other annotation tools.
//!
//! Every highlight of every step in a results file becomes one `Annotation`:
//!
//! ```json
//! {
//!   "@context": "http://www.w3.org/ns/anno.jsonld",
//!   "id": "urn:lateral:annotation:bias:ana-dea210f0:headlines:1",
//!   "type": "Annotation",
//!   "motivation": "highlighting",
//!   "created": "2026-11-21T09:05:02Z",
//!   "creator": { "type": "Person", "name": "Ana" },
//!   "body": [
//!     { "type": "TextualBody", "purpose": "tagging", "value": "loaded-word" },
//!     { "type": "TextualBody", "purpose": "describing", "value": "Loaded word" }
//!   ],
//!   "target": {
//!     "type": "SpecificResource",
//!     "source": "urn:lateral:article:ap-ktvz",
//!     "selector": [
//!       { "type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…" },
//!       { "type": "TextPositionSelector", "start": 821, "end": 879 }
//!     ]
//!   }
//! }
//! ```
//!
//! - `id` is `urn:lateral:annotation:<lesson id>:<student slug>:<step id>:<n>`, `n` counting the
//!   step's highlights from 1 in the order they were made; the student's name goes through
//!   [`crate::records::progress::slug`], and every part is percent-encoded where a URI cannot hold it
//!   (letters outside ASCII), so the id is always a valid URI.
//! - `created` is the highlight's own time, left out when the results file has none or when it is
//!   not an RFC 3339 date-time.
//! - `creator` is left out when the results file has no student name.
//! - `body` is there only for a labelled highlight: a `tagging` body with the label id and, when the
//!   lesson knows the label, a `describing` body with the name students see. A highlight without a
//!   label has no body, which the model allows.
//! - `target.source` is the article's IRI, `urn:lateral:article:<article id>` (percent-encoded the
//!   same way); the selectors are the ones in the results file, the quote first. Both describe the
//!   same text, as the model requires of several selectors.
//!
//! Nothing here reads or writes files: the caller writes [`annotation_page`] where it likes.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::lesson::Lesson;
use crate::records::results::{Results, SavedHighlight, Selector, article_iri, article_of_iri};

/// The JSON-LD context of the Web Annotation vocabulary.
pub(crate) const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Every highlight in `results`, one Web Annotation each, in the order of the results file's steps
/// and each step's highlights. `lesson` gives the labels' display names; the ids use the lesson id
/// written in `results`.
pub fn web_annotations(results: &Results, lesson: &Lesson) -> Vec<Value> {
    let student = crate::records::progress::slug(&results.student);
    let prefix = format!(
        "urn:lateral:annotation:{}:{}",
        uri_segment(&results.lesson.id),
        uri_segment(&student)
    );
    // Counted per step id, so a step listed twice (a hand-edited file) still gets distinct ids.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for work in &results.steps {
        for h in &work.highlights {
            let n = counts.entry(work.step.as_str()).or_insert(0);
            *n += 1;
            let id = format!("{prefix}:{}:{n}", uri_segment(&work.step));
            out.push(annotation(id, results, h, lesson));
        }
    }
    out
}

/// The annotations of [`web_annotations`] as one `AnnotationPage` (W3C model, section 5.2), the
/// document to write to a file:
///
/// ```json
/// {
///   "@context": "http://www.w3.org/ns/anno.jsonld",
///   "id": "urn:lateral:annotations:<lesson id>:<student slug>",
///   "type": "AnnotationPage",
///   "startIndex": 0,
///   "items": [ … ]
/// }
/// ```
///
/// Each item keeps its own `@context`, so an item copied out of the page is still a complete
/// annotation. A results file without highlights gives a page with no items.
pub fn annotation_page(results: &Results, lesson: &Lesson) -> Value {
    json!({
        "@context": CONTEXT,
        "id": format!(
            "urn:lateral:annotations:{}:{}",
            uri_segment(&results.lesson.id),
            uri_segment(&crate::records::progress::slug(&results.student))
        ),
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": web_annotations(results, lesson),
    })
}

fn annotation(id: String, results: &Results, h: &SavedHighlight, lesson: &Lesson) -> Value {
    let mut a = Map::new();
    a.insert("@context".into(), CONTEXT.into());
    a.insert("id".into(), id.into());
    a.insert("type".into(), "Annotation".into());
    a.insert("motivation".into(), "highlighting".into());
    if let Some(created) = h.created.as_deref().and_then(date_time) {
        a.insert("created".into(), created.into());
    }
    let name = results.student.trim();
    if !name.is_empty() {
        a.insert("creator".into(), json!({ "type": "Person", "name": name }));
    }
    if let Some(label) = &h.label {
        let mut bodies = vec![json!({ "type": "TextualBody", "purpose": "tagging", "value": label })];
        if let Some(l) = lesson.label(label) {
            bodies.push(json!({ "type": "TextualBody", "purpose": "describing", "value": l.name }));
        }
        a.insert("body".into(), Value::Array(bodies));
    }
    a.insert("target".into(), target(h));
    Value::Object(a)
}

fn target(h: &SavedHighlight) -> Value {
    let mut quotes = Vec::new();
    let mut positions = Vec::new();
    for s in &h.target.selector {
        match s {
            Selector::TextQuoteSelector { exact, prefix, suffix } => {
                let mut q = Map::new();
                q.insert("type".into(), "TextQuoteSelector".into());
                q.insert("exact".into(), exact.as_str().into());
                if let Some(p) = prefix {
                    q.insert("prefix".into(), p.as_str().into());
                }
                if let Some(s) = suffix {
                    q.insert("suffix".into(), s.as_str().into());
                }
                quotes.push(Value::Object(q));
            }
            Selector::TextPositionSelector { start, end } => {
                positions.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
            }
        }
    }
    let mut t = Map::new();
    t.insert("type".into(), "SpecificResource".into());
    t.insert("source".into(), source_iri(&h.target.source).into());
    let selectors: Vec<Value> = quotes.into_iter().chain(positions).collect();
    if !selectors.is_empty() {
        t.insert("selector".into(), Value::Array(selectors));
    }
    Value::Object(t)
}

/// The article IRI for a highlight's `source`, percent-encoded where a URI needs it.
fn source_iri(source: &str) -> String {
    article_iri(&uri_segment(article_of_iri(source)))
}

/// `text` as an RFC 3339 date-time (`xsd:dateTime`), or `None` when it is not one.
fn date_time(text: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let t = time::OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
    t.format(&Rfc3339).ok()
}

/// `text` with every byte but ASCII letters, digits and `-._~` percent-encoded (RFC 3986
/// unreserved characters), so it is one URI path segment and cannot add a `:` of its own.
fn uri_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::results::{SavedHighlight, StepWork, Target};
    use crate::text::Span;

    fn bias_lesson() -> (Lesson, crate::corpus::Corpus) {
        let corpus = crate::lesson::bundled::corpus();
        let lesson = crate::lesson::bundled::lessons(&corpus)
            .into_iter()
            .filter_map(|l| l.lesson)
            .find(|l| l.id == "bias")
            .expect("the bundled bias lesson");
        (lesson, corpus)
    }

    /// Results answering every highlight step of `lesson` with its key.
    fn answered(student: &str, lesson: &Lesson, corpus: &crate::corpus::Corpus) -> Results {
        Results::answer_key(student, lesson, corpus)
    }

    #[test]
    fn one_annotation_per_highlight_with_the_model_fields() {
        let (lesson, corpus) = bias_lesson();
        let r = answered("Ana", &lesson, &corpus);
        let total: usize = r.steps.iter().map(|s| s.highlights.len()).sum();
        assert!(total > 0);
        let annos = web_annotations(&r, &lesson);
        assert_eq!(annos.len(), total);
        let first_step = r
            .steps
            .iter()
            .find(|s| !s.highlights.is_empty())
            .expect("a step with highlights");
        let h = &first_step.highlights[0];
        let a = &annos[0];
        assert_eq!(a["@context"], CONTEXT);
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "highlighting");
        assert_eq!(a["creator"], json!({ "type": "Person", "name": "Ana" }));
        assert_eq!(a["created"].as_str(), h.created.as_deref());
        let slug = crate::records::progress::slug("Ana");
        assert_eq!(
            a["id"],
            format!("urn:lateral:annotation:bias:{slug}:{}:1", first_step.step).as_str()
        );
        assert_eq!(a["target"]["type"], "SpecificResource");
        assert_eq!(a["target"]["source"], h.target.source.as_str());
        let sel = a["target"]["selector"].as_array().expect("selectors");
        assert_eq!(sel.len(), 2);
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        let (start, end) = h.position().expect("position");
        assert_eq!(sel[1]["start"], start);
        assert_eq!(sel[1]["end"], end);
        assert!(!sel[0]["exact"].as_str().expect("exact").is_empty());
        // Labelled: a tagging body with the id, a describing body with the name.
        let label = h.label.as_deref().expect("the bias keys are labelled");
        let body = a["body"].as_array().expect("bodies");
        assert_eq!(
            body[0],
            json!({ "type": "TextualBody", "purpose": "tagging", "value": label })
        );
        let name = &lesson.label(label).expect("a label of the lesson").name;
        assert_eq!(
            body[1],
            json!({ "type": "TextualBody", "purpose": "describing", "value": name })
        );
        // Ids are unique.
        let mut ids: Vec<&str> = annos.iter().map(|a| a["id"].as_str().expect("id")).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), annos.len());
    }

    #[test]
    fn unlabelled_highlights_have_no_body_and_bad_times_are_left_out() {
        let (lesson, corpus) = bias_lesson();
        let art = corpus.get(
            &lesson
                .steps
                .iter()
                .flat_map(|s| s.keys())
                .next()
                .expect("a key")
                .article,
        );
        let art = art.expect("article");
        let mut r = Results::new("", &lesson);
        let mut plain = SavedHighlight::new(art, Span::new(0, 5), None);
        plain.created = Some("yesterday".into());
        let mut undated = SavedHighlight::new(art, Span::new(5, 9), Some("no-such-label".into()));
        undated.created = None;
        r.steps.push(StepWork {
            step: "s".into(),
            highlights: vec![plain, undated],
            ..Default::default()
        });
        let annos = web_annotations(&r, &lesson);
        assert_eq!(annos.len(), 2);
        assert!(annos[0].get("body").is_none());
        assert!(annos[0].get("created").is_none());
        assert!(annos[0].get("creator").is_none(), "no name, no creator");
        // A highlight at the very start has no prefix.
        let quote = &annos[0]["target"]["selector"][0];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert!(quote.get("prefix").is_none());
        assert!(quote.get("suffix").is_some());
        // A label the lesson does not know is still tagged, without a name.
        assert_eq!(
            annos[1]["body"],
            json!([{ "type": "TextualBody", "purpose": "tagging", "value": "no-such-label" }])
        );
        assert!(annos[1].get("created").is_none());
        assert!(annos[1]["id"].as_str().expect("id").ends_with(":s:2"));
    }

    #[test]
    fn ids_and_sources_are_uris_whatever_the_names() {
        let (lesson, _) = bias_lesson();
        let mut r = Results::new("  José María: O'Neil / 3b  ", &lesson);
        r.lesson.id = "lección".into();
        let h = SavedHighlight {
            target: Target {
                source: article_iri("artículo"),
                selector: vec![Selector::TextPositionSelector { start: 1, end: 4 }],
            },
            label: None,
            created: Some("2026-11-21T09:05:02+01:00".into()),
        };
        r.steps.push(StepWork {
            step: "paso uno".into(),
            highlights: vec![h.clone(), h],
            ..Default::default()
        });
        r.steps.push(StepWork {
            step: "paso uno".into(),
            highlights: vec![SavedHighlight {
                target: Target {
                    source: "artículo".into(),
                    selector: vec![],
                },
                label: None,
                created: None,
            }],
            ..Default::default()
        });
        let annos = web_annotations(&r, &lesson);
        let ids: Vec<&str> = annos.iter().map(|a| a["id"].as_str().expect("id")).collect();
        for id in &ids {
            assert!(id.is_ascii() && !id.contains([' ', '\'', '/']), "{id}");
            assert_eq!(id.matches(':').count(), 6, "{id}");
        }
        assert!(ids[0].starts_with("urn:lateral:annotation:lecci%C3%B3n:jos%C3%A9-mar%C3%ADa-o-neil-3b-"));
        assert!(ids[0].ends_with(":paso%20uno:1"));
        assert!(ids[1].ends_with(":paso%20uno:2"));
        assert!(ids[2].ends_with(":paso%20uno:3"), "a step listed twice keeps counting");
        assert_eq!(annos[0]["target"]["source"], "urn:lateral:article:art%C3%ADculo");
        assert_eq!(annos[2]["target"]["source"], "urn:lateral:article:art%C3%ADculo");
        assert!(annos[2]["target"].get("selector").is_none());
        assert_eq!(annos[0]["created"], "2026-11-21T09:05:02+01:00");
        assert_eq!(annos[0]["creator"]["name"], "José María: O'Neil / 3b");
    }

    #[test]
    fn the_page_wraps_the_same_annotations() {
        let (lesson, corpus) = bias_lesson();
        let r = answered("Ana", &lesson, &corpus);
        let page = annotation_page(&r, &lesson);
        assert_eq!(page["@context"], CONTEXT);
        assert_eq!(page["type"], "AnnotationPage");
        assert_eq!(page["startIndex"], 0);
        assert_eq!(
            page["id"],
            format!("urn:lateral:annotations:bias:{}", crate::records::progress::slug("Ana")).as_str()
        );
        assert_eq!(page["items"], Value::Array(web_annotations(&r, &lesson)));
        let empty = annotation_page(&Results::new("Ana", &lesson), &lesson);
        assert_eq!(empty["items"], json!([]));
    }

    #[test]
    fn uri_segments_keep_only_unreserved_characters() {
        assert_eq!(uri_segment("ap-ktvz_2.b~"), "ap-ktvz_2.b~");
        assert_eq!(uri_segment("a b:c/ó"), "a%20b%3Ac%2F%C3%B3");
        assert_eq!(
            date_time("2026-11-21T09:05:02Z").as_deref(),
            Some("2026-11-21T09:05:02Z")
        );
        assert_eq!(date_time("2026-11-21"), None);
    }
}
