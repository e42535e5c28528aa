//! The results file: one student's work on one lesson, as JSON (`docs/results-format.md`).
//!
//! Highlights are stored as W3C Web Annotation targets with both a `TextPositionSelector`
//! (char offsets) and a `TextQuoteSelector` (the words and a little context), so other tools can
//! read them and so a highlight survives a small change to the article. Scores written in a
//! results file are never trusted: [`score_results`] recomputes them from the highlights.

use serde::{Deserialize, Serialize};

use crate::corpus::anchor::quote_context;
use crate::corpus::{Article, Corpus};
use crate::lesson::{Lesson, StepBody};
use crate::text::Span;
use crate::text::diag::{Diagnostic, Severity, SourceFile, short};

mod session;
mod validate;

pub use crate::grading::outcome::{LessonOutcome, StepOutcome};
pub use session::{restore_session, score_results};
pub use validate::validate;

/// The value of `format` in every results file.
pub const FORMAT: &str = "lateral-results";
/// The format version this build writes and reads.
pub(crate) const VERSION: u32 = 1;
/// How many chars of context a `TextQuoteSelector` keeps either side.
pub(crate) const QUOTE_CONTEXT: usize = 32;
/// The most checks (or hints) one step can count; a larger number in a file is taken as this
/// many, with a warning (no student presses Check ten thousand times: the file was edited).
pub(crate) const MAX_COUNT: u32 = 10_000;
/// The most seconds one step can count (30 days); a larger number is taken as this, with a warning.
pub const MAX_STEP_SECONDS: u64 = 30 * 24 * 3600;
/// How many chars of a name or id from a results file a message quotes.
pub(crate) const NAME_CHARS: usize = 80;

/// A results file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Always `"lateral-results"`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The student's name as typed.
    pub student: String,
    /// Which lesson, and which version of its file.
    pub lesson: LessonRef,
    /// The program that wrote it, e.g. `lateral 0.1.0`.
    #[serde(default)]
    pub generator: String,
    /// When the student started (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// When the file was last written (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The step the student was on when the file was written (its id), so they can resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
    /// The student's work, one entry per step touched.
    #[serde(default)]
    pub steps: Vec<StepWork>,
    /// Highlights of the file that could not be read as highlights, left out of `steps` (not
    /// part of the file; reported by [`validate()`]).
    #[serde(skip)]
    pub unreadable: Vec<Unreadable>,
}

/// A highlight in a results file that is not one: a negative offset, an offset that is not a
/// whole number, no `target`. It is left out and the rest of the file is read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unreadable {
    /// Its entry in the file's `steps` (from 0).
    pub step: usize,
    /// Its place in that entry's `highlights` in the file (from 0).
    pub highlight: usize,
    /// What is wrong with it.
    pub why: String,
}

/// Which lesson a results file is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonRef {
    /// The lesson's id.
    pub id: String,
    /// Its title, for people reading the file.
    #[serde(default)]
    pub title: String,
    /// SHA-256 of the lesson file's text, to tell which version was played.
    pub sha256: String,
}

/// A student's work on one step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepWork {
    /// The step's id.
    pub step: String,
    /// The step's kind (read, conflict, bias, machine, choice, reflect), for people reading.
    #[serde(default)]
    pub kind: String,
    /// Highlights, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<SavedHighlight>,
    /// Option indexes picked (0 = first), for choice steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<usize>,
    /// The written answer, for reflect steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<String>,
    /// How many times the student pressed Check.
    #[serde(default)]
    pub attempts: u32,
    /// How many hints were shown.
    #[serde(default)]
    pub hints_used: u32,
    /// Did the student reveal the answer key?
    #[serde(default)]
    pub solution_shown: bool,
    /// Was the step checked (and so locked until Retry) when the file was written?
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checked: bool,
    /// When the step was first opened (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// When it was last checked or changed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    /// Seconds spent on the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u64>,
    /// The source cards opened (investigate steps), in the order opened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lookups: Vec<crate::grading::session::Lookup>,
    /// The score the app showed, for people reading. Ignored when grading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// One highlight, as a W3C Web Annotation body-less annotation: a target and a label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedHighlight {
    /// Where: the article and its selectors.
    pub target: Target,
    /// The label picked, if any (a label id of the lesson).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When it was made (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

/// A W3C Web Annotation `SpecificResource` target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The article: `urn:lateral:article:<id>`.
    pub source: String,
    /// A `TextPositionSelector` and a `TextQuoteSelector`.
    pub selector: Vec<Selector>,
}

/// The selectors we write and read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Selector {
    /// Char offsets (Unicode code points) into the article's displayed text; `end` exclusive.
    TextPositionSelector {
        /// First char.
        start: usize,
        /// One past the last char.
        end: usize,
    },
    /// The highlighted words with a little context.
    TextQuoteSelector {
        /// The highlighted text, exactly.
        exact: String,
        /// Up to 32 chars before it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        /// Up to 32 chars after it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suffix: Option<String>,
    },
}

/// The `source` IRI of an article.
pub(crate) fn article_iri(id: &str) -> String {
    format!("urn:lateral:article:{id}")
}

/// The article id in a `source` IRI (or the IRI itself, if it is not ours).
pub(crate) fn article_of_iri(iri: &str) -> &str {
    iri.strip_prefix("urn:lateral:article:").unwrap_or(iri)
}

pub use crate::grading::session::now;

impl SavedHighlight {
    /// A highlight of `span` in `article`, with both selectors filled in.
    pub fn new(article: &Article, span: Span, label: Option<String>) -> Self {
        let (prefix, suffix) = quote_context(article, span, QUOTE_CONTEXT);
        Self {
            target: Target {
                source: article_iri(article.id()),
                selector: vec![
                    Selector::TextPositionSelector {
                        start: span.start,
                        end: span.end,
                    },
                    Selector::TextQuoteSelector {
                        exact: article.slice(span).to_string(),
                        prefix: (!prefix.is_empty()).then_some(prefix),
                        suffix: (!suffix.is_empty()).then_some(suffix),
                    },
                ],
            },
            label,
            created: Some(now()),
        }
    }

    /// The article id this highlight is in.
    pub fn article(&self) -> &str {
        article_of_iri(&self.target.source)
    }

    /// The `TextPositionSelector`'s start and end, if it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.target.selector.iter().find_map(|s| match s {
            Selector::TextPositionSelector { start, end } => Some((*start, *end)),
            _ => None,
        })
    }

    pub(crate) fn quote(&self) -> Option<(&str, Option<&str>, Option<&str>)> {
        self.target.selector.iter().find_map(|s| match s {
            Selector::TextQuoteSelector { exact, prefix, suffix } => {
                Some((exact.as_str(), prefix.as_deref(), suffix.as_deref()))
            }
            _ => None,
        })
    }
}

impl Results {
    /// An empty results file for `student` on `lesson`.
    pub fn new(student: &str, lesson: &Lesson) -> Self {
        let now = now();
        Self {
            format: FORMAT.into(),
            version: VERSION,
            student: student.into(),
            lesson: LessonRef {
                id: lesson.id.clone(),
                title: lesson.title.clone(),
                sha256: lesson.sha256.clone(),
            },
            generator: format!("lateral {}", env!("CARGO_PKG_VERSION")),
            started: Some(now.clone()),
            updated: Some(now),
            current_step: None,
            steps: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// What a student who finds every key hands in: every highlight step answered with its key
    /// spans (with their labels), every choice step with its right options. For checking that a
    /// lesson can score 1, and for tests.
    pub fn answer_key(student: &str, lesson: &Lesson, corpus: &Corpus) -> Self {
        let mut r = Self::new(student, lesson);
        for step in &lesson.steps {
            let mut work = StepWork {
                step: step.id.clone(),
                kind: step.kind_name().into(),
                ..Default::default()
            };
            for k in step.keys() {
                if let Some(art) = corpus.get(&k.article) {
                    work.highlights.push(SavedHighlight::new(art, k.core, k.label.clone()));
                }
            }
            if let StepBody::Choice { options, .. } = &step.body {
                work.choices = options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.correct)
                    .map(|(i, _)| i)
                    .collect();
            }
            r.steps.push(work);
        }
        r
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes the file atomically (the previous version is kept as `.bak`).
    pub fn save(&self, path: &std::path::Path) -> std::io::Result<()> {
        crate::files::write_atomic(path, self.to_json().as_bytes())
    }
}

/// Parses a results file. JSON errors carry line and column; a wrong `format` or a newer
/// `version` is an error too.
pub fn parse_results(src: &SourceFile) -> Result<Results, Diagnostic> {
    let text = src.text.as_str();
    let first = text.len() - text.trim_start().len();
    if let Some(c) = text[first..].chars().next().filter(|&c| c != '{') {
        return Err(src
            .at(
                first..first + c.len_utf8(),
                Severity::Error,
                "this is not a readable results file: a results file is one JSON object, starting with `{`",
            )
            .with_suggestion(
                "results files are written by the Lateral app; check that this is the file a student handed in",
            ));
    }
    let r: Results = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => without_unreadable_highlights(text).ok_or_else(|| json_error(src, &e))?,
    };
    check_fields(src, &r)?;
    Ok(r)
}

/// The results in `text` read without the highlights that cannot be read as highlights (each
/// kept in [`Results::unreadable`]); `None` when there are none, or when the file has other
/// problems too (reported by the caller with its place).
fn without_unreadable_highlights(text: &str) -> Option<Results> {
    use serde_json::Value;
    let mut v: Value = serde_json::from_str(text).ok()?;
    let mut unreadable = Vec::new();
    for (si, step) in v.get_mut("steps")?.as_array_mut()?.iter_mut().enumerate() {
        let Some(highlights) = step.get_mut("highlights").and_then(Value::as_array_mut) else {
            continue;
        };
        let mut hi = 0;
        highlights.retain(|h| {
            let kept = match SavedHighlight::deserialize(h) {
                Ok(_) => true,
                Err(e) => {
                    unreadable.push(Unreadable {
                        step: si,
                        highlight: hi,
                        why: short(&e.to_string(), 200).into_owned(),
                    });
                    false
                }
            };
            hi += 1;
            kept
        });
    }
    if unreadable.is_empty() {
        return None;
    }
    let mut r: Results = serde_json::from_value(v).ok()?;
    r.unreadable = unreadable;
    Some(r)
}

/// The diagnostic for a results file that is not valid JSON (or not the shape of one), at the
/// place serde_json names.
fn json_error(src: &SourceFile, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    // serde_json ends its message with the place, which the diagnostic already gives.
    let what = match full.rfind(" at line ") {
        Some(i) if e.line() > 0 => &full[..i],
        _ => full.as_str(),
    };
    let (what, help) = if what.contains("recursion limit exceeded") {
        (
            "its lists and objects are nested too deeply (more than 128 levels)".into(),
            "a results file written by Lateral is nested only a few levels deep; this file was made or changed by another program",
        )
    } else {
        (
            short(what, 200).into_owned(),
            "results files are written by the Lateral app; if it was edited by hand, check the JSON at this place",
        )
    };
    let msg = format!("this is not a readable results file: {what}");
    let d = if e.line() > 0 {
        src.at_line_byte(e.line(), e.column(), Severity::Error, msg)
    } else {
        Diagnostic::file(&src.name, Severity::Error, msg)
    };
    d.with_suggestion(help)
}

/// Checks the fields that say whose file this is and for what: `format`, `version`, the lesson
/// id and the student's name.
fn check_fields(src: &SourceFile, r: &Results) -> Result<(), Diagnostic> {
    if r.format != FORMAT {
        return Err(at_path(
            src,
            &["format"],
            Severity::Error,
            format!("`format` is \"{}\", not \"{FORMAT}\"", short(&r.format, NAME_CHARS)),
        )
        .with_suggestion("this file was not written by Lateral"));
    }
    if r.version > VERSION {
        return Err(at_path(
            src,
            &["version"],
            Severity::Error,
            format!(
                "this results file is version {}, newer than this app reads ({VERSION})",
                r.version
            ),
        )
        .with_suggestion("update Lateral to read it"));
    }
    if let Err(e) = crate::text::ids::check_id(&r.lesson.id) {
        return Err(at_path(
            src,
            &["lesson", "id"],
            Severity::Error,
            format!("`{}` cannot be a lesson id: {e}", crate::text::ids::shown(&r.lesson.id)),
        )
        .with_suggestion("this file was not written by Lateral, or was edited by hand"));
    }
    if let Err(e) = crate::text::ids::check_student_name(&r.student) {
        return Err(at_path(
            src,
            &["student"],
            Severity::Error,
            format!(
                "the student's name `{}` is not one Lateral accepts: {e}",
                crate::text::ids::shown(&r.student)
            ),
        )
        .with_suggestion("this file was not written by Lateral, or was edited by hand"));
    }
    Ok(())
}

/// Is `s` a date and time in RFC 3339 (`2026-11-20T09:00:00Z`), with a real calendar date and
/// time of day?
pub fn valid_timestamp(s: &str) -> bool {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
}

/// A diagnostic at the JSON value found by following `path` (object keys and array indexes).
pub(crate) fn at_path<S: AsRef<str>>(
    src: &SourceFile,
    path: &[S],
    severity: Severity,
    msg: impl Into<String>,
) -> Diagnostic {
    let path: Vec<&str> = path.iter().map(AsRef::as_ref).collect();
    let path = path.as_slice();
    match src.locate_json(path) {
        Some(range) => src.at(range, severity, msg),
        None => Diagnostic::file(&src.name, severity, msg),
    }
}

#[cfg(test)]
mod tests;
