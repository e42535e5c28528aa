//! The Web Annotation export (`lateral::records::export`) checked against the W3C Web Annotation Working
//! Group's own tests: every exported annotation passes the JSON Schema (draft-04) assertions of
//! `annotationMusts.test` and the optional assertions for the features it uses (selectors,
//! motivation, creator, textual bodies); the same must-assertions accept the group's correct
//! examples and reject its incorrect ones.
//!
//! The schemas and examples live outside the repository, in `../shared/w3c-webannotation` (see
//! its README). `$ref`s between schema files are resolved to `schema-tests/definitions/` by a
//! retriever that reads only that folder: nothing is fetched from the network.

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lateral::lesson::Lesson;
use lateral::records::export::{annotation_page, web_annotations};
use lateral::records::results::{Results, SavedHighlight};
use lateral::text::Span;
use serde_json::{Value, json};

/// Where the schema files seem to be, for resolving their relative `id`s and `$ref`s. The
/// retriever maps every file under it to `schema-tests/definitions/`.
const BASE: &str = "file:///web-annotation-tests/";

/// Whether an exported annotation has a feature.
type Applies = fn(&Value) -> bool;

/// Optional ("may"/"should") assertions for features the export uses, each with the test for
/// whether an exported annotation has that feature (a highlight at the very start of an article
/// has no `prefix`, an unlabelled one no body, and so on).
const FEATURES: &[(&str, Applies)] = &[
    ("annotations/specificResource/4.2-selectorFound.json", has_selectors),
    ("annotations/specificResource/4.2.4-textQuoteSelector.json", has_quote),
    ("annotations/specificResource/4.2.4-prefix.json", has_prefix),
    ("annotations/specificResource/4.2.4-suffix.json", has_suffix),
    (
        "annotations/specificResource/4.2.5-textPositionSelector.json",
        has_position,
    ),
    ("annotations/bodiesTargets/4-targSpecificResource.json", always),
    ("annotations/3.3.5-annotationMotivationImplemented.json", always),
    ("annotations/3.3.5-annotationSingleMotivationImplemented.json", always),
    ("annotations/3.3.1-annotationCreatedImplemented.json", has_created),
    ("annotations/3.3.1-annotationCreatorImplemented.json", has_creator),
    ("annotations/3.3.1-annotationSingleCreatorImplemented.json", has_creator),
    (
        "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
        has_creator,
    ),
    (
        "annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
        has_creator,
    ),
    (
        "annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
        has_creator,
    ),
    ("annotations/3.1-bodyKeyFound.json", has_body),
    ("annotations/bodiesTargets/3.2.4-bodyETB.json", has_body),
    ("annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json", has_body),
    ("annotations/bodiesTargets/3.3.5-bodyPurpose.json", has_body),
];

/// Correct examples (by annotation id, in their own file and in `collection1.json`) of a feature
/// the W3C Recommendation dropped: their targets are the sets `Composite`, `List` and
/// `Independents` of the working draft the examples come from, which were removed for lack of
/// implementations (w3c/web-annotation#369). The schema tests know only `Choice`, so
/// `3.2-targetObjectsRecognized` rejects them; the test checks that it still does.
const DROPPED_FROM_THE_MODEL: &[(&str, &str)] = &[
    ("http://example.org/anno39", "target is a Composite"),
    ("http://example.org/anno40", "target is a List"),
    ("http://example.org/anno41", "target is an Independents set"),
];

/// Incorrect examples that pass every must-assertion once their copy-pasted two-item `id` is made
/// a single IRI (as they stand, the two ids make them fail): what their `label` says is wrong is
/// not something `annotationMusts.test` checks. Each entry: the file, its label, why the musts
/// miss it, and the optional assertion that does catch it (the test checks it does).
const NOT_COVERED_BY_MUSTS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "anno14.json",
        "bad format",
        "a body's `format` is checked only by optional assertions",
        Some("annotations/bodiesTargets/3.2.1-bodyFormat.json"),
    ),
    (
        "anno15.json",
        "bad language",
        "the key is misspelt `langauage`, which is no property of the model, so no assertion looks at it",
        None,
    ),
    (
        "anno23.json",
        "too many processing languages",
        "a body's `processingLanguage` is checked only by optional assertions",
        Some("annotations/bodiesTargets/3.2.1-bodyProcessingLanguage.json"),
    ),
    (
        "anno26.json",
        "bad creator",
        "`creator` is checked only by annotationsAgentOptionals.test",
        Some("annotations/3.3.1-annotationCreatorImplemented.json"),
    ),
    (
        "anno27.json",
        "bad generator",
        "`generator` is checked only by annotationsAgentOptionals.test",
        Some("annotations/3.3.1-annotationGeneratorImplemented.json"),
    ),
];

fn always(_: &Value) -> bool {
    true
}

fn selectors(a: &Value) -> Vec<&Value> {
    a["target"]["selector"]
        .as_array()
        .map(|s| s.iter().collect())
        .unwrap_or_default()
}

fn selector_of<'a>(a: &'a Value, kind: &str) -> Option<&'a Value> {
    selectors(a).into_iter().find(|s| s["type"] == kind)
}

fn has_selectors(a: &Value) -> bool {
    !selectors(a).is_empty()
}

fn has_quote(a: &Value) -> bool {
    selector_of(a, "TextQuoteSelector").is_some()
}

fn has_prefix(a: &Value) -> bool {
    selector_of(a, "TextQuoteSelector").is_some_and(|q| q.get("prefix").is_some())
}

fn has_suffix(a: &Value) -> bool {
    selector_of(a, "TextQuoteSelector").is_some_and(|q| q.get("suffix").is_some())
}

fn has_position(a: &Value) -> bool {
    selector_of(a, "TextPositionSelector").is_some()
}

fn has_created(a: &Value) -> bool {
    a.get("created").is_some()
}

fn has_creator(a: &Value) -> bool {
    a.get("creator").is_some()
}

fn has_body(a: &Value) -> bool {
    a.get("body").is_some()
}

/// The shared W3C folder, when it is here (see `support::shared`: skipped on a bare clone,
/// required under CI).
fn root() -> Option<PathBuf> {
    support::shared(
        "w3c-webannotation",
        &[
            "schema-tests/annotations/annotationMusts.test",
            "examples/correct",
            "examples/incorrect",
        ],
        "the W3C Web Annotation test suite (w3c/web-annotation-tests and the model's examples)",
    )
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads `$ref`ed schema files from `schema-tests/definitions/` and nothing else.
struct Definitions(PathBuf);

impl jsonschema::Retrieve for Definitions {
    fn retrieve(&self, uri: &jsonschema::Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.path().as_str();
        let name = path.rsplit('/').next().unwrap_or_default();
        if uri.scheme().as_str() != "file"
            || !path.starts_with("/web-annotation-tests/")
            || name.is_empty()
            || name.starts_with('.')
        {
            return Err(format!("{uri} is not one of the schema-tests definitions (nothing is fetched)").into());
        }
        let file = self.0.join(name);
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// One compiled assertion file.
struct Assertion {
    /// Its path under `schema-tests/`.
    file: String,
    /// Its `errorMessage`.
    message: String,
    /// `expectedResult` is "valid" (otherwise "invalid").
    expect_valid: bool,
    validator: jsonschema::Validator,
}

impl Assertion {
    fn passes(&self, instance: &Value) -> bool {
        self.validator.is_valid(instance) == self.expect_valid
    }

    /// Why `instance` does not pass, for failure messages.
    fn why(&self, instance: &Value) -> String {
        let errors: Vec<String> = self
            .validator
            .iter_errors(instance)
            .take(5)
            .map(|e| format!("{e} (at {})", e.instance_path()))
            .collect();
        format!(
            "{}: {}\n    expected {}; errors: {}",
            self.file,
            self.message,
            if self.expect_valid { "valid" } else { "invalid" },
            if errors.is_empty() {
                "none".to_string()
            } else {
                errors.join("; ")
            }
        )
    }
}

fn compile(root: &Path, schema: &Value, uri: &str) -> jsonschema::Validator {
    jsonschema::draft4::options()
        .with_base_uri(uri)
        .with_retriever(Definitions(root.join("schema-tests/definitions")))
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("{uri} does not compile: {e}"))
}

fn assertion(root: &Path, file: &str) -> Assertion {
    let schema = read_json(&root.join("schema-tests").join(file));
    let expected = schema["expectedResult"].as_str().unwrap_or("valid");
    assert!(
        matches!(expected, "valid" | "invalid"),
        "{file}: expectedResult {expected}"
    );
    Assertion {
        file: file.to_string(),
        message: schema["errorMessage"].as_str().unwrap_or_default().to_string(),
        expect_valid: expected == "valid",
        validator: compile(root, &schema, &format!("{BASE}{file}")),
    }
}

struct Suite {
    root: PathBuf,
    musts: Vec<Assertion>,
    features: Vec<(Assertion, Applies)>,
}

fn suite() -> &'static Suite {
    static SUITE: OnceLock<Suite> = OnceLock::new();
    SUITE.get_or_init(|| {
        let root = root().expect("each test checks `suite_here()` first");
        let list = read_json(&root.join("schema-tests/annotations/annotationMusts.test"));
        let musts: Vec<Assertion> = list["assertions"]
            .as_array()
            .expect("annotationMusts.test lists assertions")
            .iter()
            .map(|f| assertion(&root, f.as_str().expect("an assertion file name")))
            .collect();
        assert!(musts.len() >= 50, "only {} must-assertions", musts.len());
        let features = FEATURES
            .iter()
            .map(|(f, applies)| (assertion(&root, f), *applies))
            .collect();
        Suite { root, musts, features }
    })
}

/// Is the suite here? Every test starts with it (and returns, having said why, when not).
fn suite_here() -> bool {
    static HERE: OnceLock<bool> = OnceLock::new();
    *HERE.get_or_init(|| root().is_some())
}

/// The must-assertions `instance` fails, with the reasons.
fn failed_musts(instance: &Value) -> Vec<String> {
    suite()
        .musts
        .iter()
        .filter(|a| !a.passes(instance))
        .map(|a| a.why(instance))
        .collect()
}

/// Results for every bundled lesson, answered with the key (as `tests/cli.rs` does), plus an
/// unlabelled undated highlight at the very start of an article (no prefix) and one at its very
/// end (no suffix). The student's name needs escaping to be part of an IRI.
fn all_results() -> Vec<(Results, Lesson)> {
    let lib = lateral::lesson::library::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")], &[])
        .expect("lessons load");
    assert!(!lib.lessons.is_empty());
    lib.lessons
        .iter()
        .map(|lf| {
            let lesson = lf.lesson.clone().unwrap_or_else(|| panic!("{} parses", lf.path));
            let mut r = Results::answer_key("José María O'Neil / 7b", &lesson, &lib.corpus);
            for (step, work) in lesson.steps.iter().zip(r.steps.iter_mut()) {
                if let Some(id) = step.articles.first() {
                    let art = lib.corpus.get(id).expect("the step's article");
                    let mut start = SavedHighlight::new(art, Span::new(0, 12.min(art.len())), None);
                    start.created = None;
                    work.highlights.push(start);
                    let end = art.len();
                    work.highlights
                        .push(SavedHighlight::new(art, Span::new(end.saturating_sub(12), end), None));
                }
            }
            (r, lesson)
        })
        .collect()
}

fn all_annotations() -> Vec<Value> {
    all_results().iter().flat_map(|(r, l)| web_annotations(r, l)).collect()
}

#[test]
fn exported_annotations_pass_every_must_assertion() {
    if !suite_here() {
        return;
    }
    let annos = all_annotations();
    assert!(annos.len() > 20, "only {} annotations", annos.len());
    assert!(annos.iter().any(has_body) && !annos.iter().all(has_body));
    let mut failures = Vec::new();
    for a in &annos {
        for why in failed_musts(a) {
            failures.push(format!("{}\n  {why}", a["id"]));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}\n\nfirst annotation: {:#}",
        failures.len(),
        failures.join("\n"),
        annos[0]
    );
}

#[test]
fn the_must_assertions_catch_a_broken_export() {
    if !suite_here() {
        return;
    }
    // Not vacuous: the same checks reject an exported annotation with a fault put in.
    let good = all_annotations()
        .into_iter()
        .find(|a| has_quote(a) && has_position(a) && has_created(a) && has_body(a))
        .expect("a full annotation");
    assert!(failed_musts(&good).is_empty());
    let quote = selectors(&good)
        .iter()
        .position(|s| s["type"] == "TextQuoteSelector")
        .expect("a quote");
    let position = selectors(&good)
        .iter()
        .position(|s| s["type"] == "TextPositionSelector")
        .expect("a position");
    type Fault = Box<dyn Fn(&mut Value)>;
    let faults: Vec<(&str, Fault)> = vec![
        (
            "an id with a space",
            Box::new(|a| a["id"] = "urn:lateral:annotation:a b".into()),
        ),
        (
            "an id with a letter outside ASCII",
            Box::new(|a| a["id"] = "urn:lateral:annotation:josé".into()),
        ),
        (
            "a date without a time",
            Box::new(|a| a["created"] = "2026-11-21".into()),
        ),
        (
            "no target",
            Box::new(|a| drop(a.as_object_mut().expect("an object").remove("target"))),
        ),
        (
            "a quote without exact",
            Box::new(move |a| a["target"]["selector"][quote] = json!({ "type": "TextQuoteSelector" })),
        ),
        (
            "a negative start",
            Box::new(move |a| a["target"]["selector"][position]["start"] = json!(-1)),
        ),
        (
            "a selector of no known type",
            Box::new(move |a| a["target"]["selector"][position]["type"] = "CharSelector".into()),
        ),
        (
            "a body without a value",
            Box::new(|a| drop(a["body"][0].as_object_mut().expect("a body").remove("value"))),
        ),
        (
            "another context",
            Box::new(|a| a["@context"] = "http://example.org/context.jsonld".into()),
        ),
    ];
    for (fault, put) in faults {
        let mut a = good.clone();
        put(&mut a);
        assert!(!failed_musts(&a).is_empty(), "{fault} passes: {a:#}");
    }
}

#[test]
fn exported_annotations_pass_the_assertions_for_the_features_they_use() {
    if !suite_here() {
        return;
    }
    let annos = all_annotations();
    let mut failures = Vec::new();
    for (assertion, applies) in &suite().features {
        let mut used = 0;
        for a in annos.iter().filter(|a| applies(a)) {
            used += 1;
            if !assertion.passes(a) {
                failures.push(format!("{}\n  {}", a["id"], assertion.why(a)));
            }
        }
        assert!(
            used > 0,
            "no exported annotation uses the feature of {}",
            assertion.file
        );
    }
    for (name, has) in [
        ("prefix", has_prefix as Applies),
        ("suffix", has_suffix),
        ("created", has_created),
    ] {
        assert!(
            annos.iter().any(|a| !has(a)),
            "every annotation has a {name}: the test misses a case"
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_page_is_an_annotation_page_of_the_same_annotations() {
    if !suite_here() {
        return;
    }
    let s = suite();
    let page_schema = json!({
        "allOf": [
            { "$ref": "collections.json#/definitions/annotationPageTypeValueFound" },
            { "$ref": "collections.json#/definitions/itemsFound" },
            { "$ref": "collections.json#/definitions/startIndexFound" },
            { "$ref": "id.json#/definitions/idValueFound" },
            {
                "type": "object",
                "required": ["@context"],
                "properties": { "@context": { "$ref": "collections.json#/definitions/contextValueFound" } }
            }
        ]
    });
    let page_validator = compile(&s.root, &page_schema, &format!("{BASE}definitions/page.json"));
    for (r, lesson) in all_results() {
        let page = annotation_page(&r, &lesson);
        let errors: Vec<String> = page_validator.iter_errors(&page).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", r.lesson.id);
        assert_eq!(page["items"], Value::Array(web_annotations(&r, &lesson)));
    }
    // Not vacuous: a collection is not a page.
    let lesson = all_results().remove(0).1;
    let mut not_a_page = annotation_page(&Results::new("Ana", &lesson), &lesson);
    not_a_page["type"] = "AnnotationCollection".into();
    assert!(!page_validator.is_valid(&not_a_page));
}

fn examples(kind: &str) -> Vec<(String, PathBuf)> {
    let dir = suite().root.join("examples").join(kind);
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_name().expect("a file name").to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    assert!(files.len() > 30, "only {} examples in {}", files.len(), dir.display());
    files
}

#[test]
fn the_must_assertions_accept_the_correct_examples() {
    if !suite_here() {
        return;
    }
    let mut failures = Vec::new();
    let (mut checked, mut dropped) = (0, 0);
    for (name, path) in examples("correct") {
        let v = read_json(&path);
        let annotations: Vec<Value> = if v["type"] == "AnnotationCollection" {
            // Not an annotation: the annotations embedded in its first page are, and take their
            // @context from the collection.
            v["first"]["items"]
                .as_array()
                .expect("the collection's first page has items")
                .iter()
                .map(|a| {
                    let mut a = a.clone();
                    a["@context"] = v["@context"].clone();
                    a
                })
                .collect()
        } else {
            vec![v]
        };
        for a in annotations {
            checked += 1;
            let failed = failed_musts(&a);
            match DROPPED_FROM_THE_MODEL.iter().find(|(id, _)| a["id"] == *id) {
                None => failures.extend(failed.iter().map(|why| format!("{name} {}\n  {why}", a["id"]))),
                Some((id, why)) => {
                    dropped += 1;
                    if !failed
                        .iter()
                        .all(|f| f.starts_with("annotations/3.2-targetObjectsRecognized.json"))
                    {
                        failures.push(format!("{name} {id} ({why}) fails other assertions: {failed:?}"));
                    } else if failed.is_empty() {
                        failures.push(format!(
                            "{name} {id} ({why}) passes: take it off DROPPED_FROM_THE_MODEL"
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 40);
    assert_eq!(
        dropped,
        2 * DROPPED_FROM_THE_MODEL.len(),
        "each in its own file and in the collection"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `text` without commas just before a `}` or `]` (outside strings): most incorrect examples have
/// such a trailing comma, which is not JSON, though it is not what they are meant to show.
fn without_trailing_commas(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ','
            && chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| matches!(c, '}' | ']'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn the_must_assertions_reject_each_incorrect_example_for_what_its_label_says() {
    if !suite_here() {
        return;
    }
    let mut problems = Vec::new();
    let mut not_json = Vec::new();
    let mut exempted = 0;
    for (name, path) in examples("incorrect") {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let strict = serde_json::from_str::<Value>(&text);
        let Ok(mut v) = strict.or_else(|_| serde_json::from_str::<Value>(&without_trailing_commas(&text))) else {
            // Rejected before any schema sees it.
            not_json.push(name);
            continue;
        };
        let label = v["label"].as_str().unwrap_or("(no label)").to_string();
        // As it stands, at least one must-assertion fails.
        if failed_musts(&v).is_empty() {
            problems.push(format!("{name} ({label}) passes every must-assertion"));
        }
        // And for the reason in its label: most examples share a copy-pasted two-item `id`, which
        // is only what "multiple identifiers" is about. With a single id, it must still fail
        // (unless listed as not covered, where it must then pass, to keep that list true).
        if label != "multiple identifiers"
            && let Some(first) = v["id"].as_array().and_then(|ids| ids.first()).cloned()
        {
            v["id"] = first;
        }
        let failed = failed_musts(&v);
        match NOT_COVERED_BY_MUSTS.iter().find(|(n, ..)| *n == name) {
            None if failed.is_empty() => problems.push(format!(
                "{name} ({label}) passes every must-assertion once its id is a single IRI: {v:#}"
            )),
            None => {}
            Some(_) if !failed.is_empty() => problems.push(format!(
                "{name} ({label}) is listed as not covered by the musts, but fails: {}",
                failed.join("; ")
            )),
            Some((_, listed_label, _, catcher)) => {
                exempted += 1;
                if *listed_label != label {
                    problems.push(format!("{name}: its label is \"{label}\", not \"{listed_label}\""));
                }
                if let Some(file) = catcher {
                    let optional = assertion(&suite().root, file);
                    if optional.passes(&v) {
                        problems.push(format!("{name} ({label}) is not caught by {file} either"));
                    }
                }
            }
        }
    }
    assert_eq!(
        exempted,
        NOT_COVERED_BY_MUSTS.len(),
        "every file of NOT_COVERED_BY_MUSTS was checked"
    );
    assert_eq!(
        not_json,
        ["anno1.json"],
        "examples that are not JSON even without trailing commas"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
