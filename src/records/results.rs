//! The results file: one student's work on one lesson, as JSON (`docs/results-format.md`).
//!
//! Highlights are stored as W3C Web Annotation targets with both a `TextPositionSelector`
//! (char offsets) and a `TextQuoteSelector` (the words and a little context), so other tools can
//! read them and so a highlight survives a small change to the article. Scores written in a
//! results file are never trusted: [`score_results`] recomputes them from the highlights.

use serde::{Deserialize, Serialize};

use crate::corpus::anchor::{Anchor, quote_context, resolve};
use crate::corpus::{Article, Corpus};
use crate::grading::score::{Highlight, ScoreConfig, StepScore, score_choice, score_step};
use crate::lesson::{Lesson, StepBody};
use crate::text::Span;
use crate::text::diag::{Collector, Diagnostic, Severity, SourceFile, short};

/// The value of `format` in every results file.
pub const FORMAT: &str = "lateral-results";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
/// How many chars of context a `TextQuoteSelector` keeps either side.
pub const QUOTE_CONTEXT: usize = 32;
/// The most checks (or hints) one step can count; a larger number in a file is taken as this
/// many, with a warning (no student presses Check ten thousand times: the file was edited).
pub const MAX_COUNT: u32 = 10_000;
/// The most seconds one step can count (30 days); a larger number is taken as this, with a warning.
pub const MAX_STEP_SECONDS: u64 = 30 * 24 * 3600;
/// How many chars of a name or id from a results file a message quotes.
const NAME_CHARS: usize = 80;

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
pub fn article_iri(id: &str) -> String {
    format!("urn:lateral:article:{id}")
}

/// The article id in a `source` IRI (or the IRI itself, if it is not ours).
pub fn article_of_iri(iri: &str) -> &str {
    iri.strip_prefix("urn:lateral:article:").unwrap_or(iri)
}

/// The current time, RFC 3339 in UTC.
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

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

    fn quote(&self) -> Option<(&str, Option<&str>, Option<&str>)> {
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
    let r: Results = serde_json::from_str(src.text.as_str()).map_err(|e| {
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
    })?;
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
    Ok(r)
}

/// Is `s` a date and time in RFC 3339 (`2026-11-20T09:00:00Z`), with a real calendar date and
/// time of day?
pub fn valid_timestamp(s: &str) -> bool {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
}

/// A diagnostic at the JSON value found by following `path` (object keys and array indexes).
pub fn at_path<S: AsRef<str>>(src: &SourceFile, path: &[S], severity: Severity, msg: impl Into<String>) -> Diagnostic {
    let path: Vec<&str> = path.iter().map(AsRef::as_ref).collect();
    let path = path.as_slice();
    match src.locate_json(path) {
        Some(range) => src.at(range, severity, msg),
        None => Diagnostic::file(&src.name, severity, msg),
    }
}

/// One step's recomputed outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepOutcome {
    /// Step id.
    pub step: String,
    /// Step title.
    pub title: String,
    /// read, conflict, bias, machine, choice, reflect.
    pub kind: String,
    /// Score 0–1 for scored steps; `None` for read and reflect steps.
    pub score: Option<f64>,
    /// Weight in the lesson score.
    pub points: f64,
    /// Full detail, for highlight steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<StepScore>,
    /// Checks made.
    pub attempts: u32,
    /// Hints shown.
    pub hints_used: u32,
    /// Was the solution shown?
    pub solution_shown: bool,
}

/// A whole lesson's recomputed outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonOutcome {
    /// The student.
    pub student: String,
    /// The lesson id.
    pub lesson: String,
    /// Was the results file made with this exact lesson file?
    pub same_lesson_version: bool,
    /// Weighted mean of the scored steps (0–1); steps not done count 0.
    pub score: f64,
    /// Per step, in lesson order.
    pub steps: Vec<StepOutcome>,
}

/// Checks every highlight against the lesson and its articles: unknown steps, articles not in
/// the step, offsets past the article's end. Bad highlights are reported and dropped; a
/// highlight whose position no longer matches its quote is re-anchored by the quote. Counters
/// past [`MAX_COUNT`] (or [`MAX_STEP_SECONDS`]) are taken as that much, and timestamps that are
/// not real dates and times are dropped, each with a warning. At most
/// [`crate::text::diag::MAX_PER_FILE`] problems are listed; the rest are counted.
pub fn validate(src: &SourceFile, r: &mut Results, lesson: &Lesson, corpus: &Corpus) -> Vec<Diagnostic> {
    let mut diags = Collector::new(&src.name);
    if r.lesson.id != lesson.id {
        diags.push(
            at_path(
                src,
                &["lesson", "id"],
                Severity::Error,
                format!(
                    "these results are for lesson `{}`, not `{}`",
                    short(&r.lesson.id, NAME_CHARS),
                    lesson.id
                ),
            )
            .with_suggestion("grade them with the lesson they were made with"),
        );
        return diags.finish();
    }
    if r.lesson.sha256 != lesson.sha256 {
        diags.push(
            at_path(
                src,
                &["lesson", "sha256"],
                Severity::Warning,
                "these results were made with another version of the lesson file",
            )
            .with_suggestion("scores are recomputed with the current lesson; keys that changed may score differently"),
        );
    }
    check_timestamp(src, &mut diags, &mut r.started, &["started"]);
    check_timestamp(src, &mut diags, &mut r.updated, &["updated"]);
    for (si, work) in r.steps.iter_mut().enumerate() {
        let si_s = si.to_string();
        check_counters(src, &mut diags, work, &si_s);
        check_timestamp(src, &mut diags, &mut work.started, &["steps", &si_s, "started"]);
        check_timestamp(src, &mut diags, &mut work.finished, &["steps", &si_s, "finished"]);
        let Some(step) = lesson.steps.iter().find(|s| s.id == work.step) else {
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &["steps", &si_s, "step"],
                    sev,
                    format!(
                        "the lesson has no step `{}`; its work is ignored",
                        short(&work.step, NAME_CHARS)
                    ),
                )
            });
            continue;
        };
        let mut kept = Vec::new();
        for (hi, mut h) in std::mem::take(&mut work.highlights).into_iter().enumerate() {
            let hi_s = hi.to_string();
            let path = ["steps", si_s.as_str(), "highlights", hi_s.as_str()];
            let art_id = h.article().to_string();
            let Some(article) = step.articles.iter().find(|a| **a == art_id).and_then(|a| corpus.get(a)) else {
                diags.push_with(Severity::Error, |sev| {
                    at_path(
                        src,
                        &[&path[..], &["target", "source"]].concat(),
                        sev,
                        format!(
                            "highlight {} is in `{}`, which step `{}` does not show; it is ignored",
                            hi + 1,
                            short(&art_id, NAME_CHARS),
                            step.id
                        ),
                    )
                });
                continue;
            };
            match place_highlight(article, &h) {
                Ok((span, moved)) => {
                    if moved {
                        diags.push_with(Severity::Warning, |sev| {
                            at_path(
                                src,
                                &path,
                                sev,
                                format!(
                                    "highlight {} of step `{}` no longer matched its position; it was found again by its quote",
                                    hi + 1,
                                    step.id
                                ),
                            )
                        });
                    }
                    let mut created = h.created.take();
                    check_timestamp(src, &mut diags, &mut created, &[&path[..], &["created"]].concat());
                    h.created = created;
                    h.target.selector = SavedHighlight::new(article, span, None).target.selector;
                    kept.push(h);
                }
                Err(msg) => diags.push_with(Severity::Error, |sev| {
                    at_path(
                        src,
                        &offset_path(&path, &h),
                        sev,
                        format!("highlight {} of step `{}`: {msg}; it is ignored", hi + 1, step.id),
                    )
                    .with_suggestion(format!(
                        "`{}` has {} characters; positions count characters from 0",
                        article.id(),
                        article.len()
                    ))
                }),
            }
        }
        work.highlights = kept;
        if let StepBody::Choice { options, .. } = &step.body
            && let Some(&bad) = work.choices.iter().find(|&&c| c >= options.len())
        {
            diags.push_with(Severity::Error, |sev| {
                at_path(
                    src,
                    &["steps", &si_s, "choices"],
                    sev,
                    format!(
                        "choice {bad} does not exist; step `{}` has {} options (0 to {})",
                        step.id,
                        options.len(),
                        options.len().saturating_sub(1)
                    ),
                )
            });
            work.choices.retain(|&c| c < options.len());
        }
    }
    diags.finish()
}

/// Takes counters past [`MAX_COUNT`] and [`MAX_STEP_SECONDS`] as that much, with a warning.
fn check_counters(src: &SourceFile, diags: &mut Collector, work: &mut StepWork, si: &str) {
    for (key, value, what) in [
        ("attempts", &mut work.attempts, "checks"),
        ("hints_used", &mut work.hints_used, "hints"),
    ] {
        if *value > MAX_COUNT {
            let n = *value;
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &["steps", si, key],
                    sev,
                    format!("`{key}` is {n}, more {what} than a step can count; it is counted as {MAX_COUNT}"),
                )
                .with_suggestion("results files are written by the Lateral app; this number was changed by hand or by another program")
            });
            *value = MAX_COUNT;
        }
    }
    if let Some(secs) = work.seconds.filter(|&s| s > MAX_STEP_SECONDS) {
        diags.push_with(Severity::Warning, |sev| {
            at_path(
                src,
                &["steps", si, "seconds"],
                sev,
                format!("`seconds` is {secs}, more than 30 days on one step; it is counted as {MAX_STEP_SECONDS}"),
            )
        });
        work.seconds = Some(MAX_STEP_SECONDS);
    }
}

/// Drops a timestamp that is not a real RFC 3339 date and time, with a warning.
fn check_timestamp<S: AsRef<str>>(src: &SourceFile, diags: &mut Collector, value: &mut Option<String>, path: &[S]) {
    let Some(v) = value.as_deref() else { return };
    if valid_timestamp(v) {
        return;
    }
    let key = path.last().map_or("", AsRef::as_ref).to_string();
    diags.push_with(Severity::Warning, |sev| {
        at_path(
            src,
            path,
            sev,
            format!(
                "`{key}` is not a date and time: \"{}\"; it is ignored",
                short(v, NAME_CHARS)
            ),
        )
        .with_suggestion(
            "write it in RFC 3339, e.g. \"2026-11-20T09:00:00Z\" (a real date, hours 00–23, minutes 00–59)",
        )
    });
    *value = None;
}

/// The JSON path of a highlight's `end` offset (or of its target, without a position selector).
fn offset_path(path: &[&str], h: &SavedHighlight) -> Vec<String> {
    let mut out: Vec<String> = path.iter().map(|s| s.to_string()).collect();
    out.push("target".into());
    if let Some(i) = h
        .target
        .selector
        .iter()
        .position(|s| matches!(s, Selector::TextPositionSelector { .. }))
    {
        out.extend(["selector".to_string(), i.to_string(), "end".to_string()]);
    }
    out
}

/// Where a saved highlight falls in `article`: its position if it matches its quote (or has no
/// quote), else the quote found again (returns `moved = true`).
fn place_highlight(article: &Article, h: &SavedHighlight) -> Result<(Span, bool), String> {
    let pos = h.position();
    let quote = h.quote();
    if let Some((s, e)) = pos {
        if s >= e {
            return Err(format!("its start ({s}) is not before its end ({e})"));
        }
        if e <= article.len() {
            let span = Span::new(s, e);
            match quote {
                Some((exact, _, _)) if article.slice(span) != exact => {}
                _ => return Ok((span, false)),
            }
        } else if quote.is_none() {
            return Err(format!(
                "it ends at {e}, past the end of the article ({} characters)",
                article.len()
            ));
        }
    }
    let Some((exact, prefix, suffix)) = quote else {
        return Err("it has no TextPositionSelector or TextQuoteSelector".into());
    };
    let anchor = Anchor {
        quote: exact.into(),
        prefix: prefix.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
        suffix: suffix.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        occurrence: None,
    };
    match resolve(article, &anchor) {
        Ok(span) => Ok((span, pos.is_some())),
        Err(_) => match pos {
            Some((_, e)) if e > article.len() => Err(format!(
                "it ends at {e}, past the end of the article ({} characters), and its quote is not in the article",
                article.len()
            )),
            _ => Err("its quote is not in the article at its position or anywhere else".into()),
        },
    }
}

/// Recomputes every score from the student's work. Call [`validate`] first.
pub fn score_results(r: &Results, lesson: &Lesson, corpus: &Corpus) -> LessonOutcome {
    let mut steps = Vec::new();
    let mut num = 0.0;
    let mut den = 0.0;
    for step in &lesson.steps {
        let work = r.steps.iter().find(|w| w.step == step.id);
        let default = StepWork::default();
        let w = work.unwrap_or(&default);
        let (score, detail) = match &step.body {
            StepBody::Highlight { .. } => {
                let lens: Vec<usize> = step
                    .articles
                    .iter()
                    .map(|a| corpus.get(a).map_or(0, |x| x.len()))
                    .collect();
                let skeys = step.score_keys();
                let hl: Vec<Highlight> = w
                    .highlights
                    .iter()
                    .filter_map(|h| {
                        let a = step.articles.iter().position(|x| x == h.article())?;
                        let (s, e) = h.position()?;
                        Some(Highlight {
                            article: a,
                            span: Span::new(s, e),
                            label: h.label.clone(),
                        })
                    })
                    .collect();
                let sc = score_step(
                    &lens,
                    &skeys,
                    &hl,
                    ScoreConfig {
                        wrong_label_credit: lesson.settings.wrong_label_credit,
                    },
                );
                (Some(sc.score), Some(sc))
            }
            StepBody::Choice { options, multiple } => {
                let correct: Vec<bool> = options.iter().map(|o| o.correct).collect();
                (Some(score_choice(&correct, &w.choices, *multiple)), None)
            }
            StepBody::Read | StepBody::Reflect { .. } => (None, None),
        };
        if let Some(s) = score {
            num += s * step.points;
            den += step.points;
        }
        steps.push(StepOutcome {
            step: step.id.clone(),
            title: step.title.clone(),
            kind: step.kind_name().into(),
            score,
            points: step.points,
            detail,
            attempts: w.attempts,
            hints_used: w.hints_used,
            solution_shown: w.solution_shown,
        });
    }
    LessonOutcome {
        student: r.student.clone(),
        lesson: lesson.id.clone(),
        same_lesson_version: r.lesson.sha256 == lesson.sha256,
        score: if den > 0.0 { num / den } else { 0.0 },
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: a JSON error after multibyte chars had serde_json's byte column, past
    /// the end of the line in chars.
    #[test]
    fn regression_json_error_column_counts_chars() {
        let src = SourceFile::new("r.json", "{\"student\": \"İKΩßﬁ\" oops}".into());
        let e = parse_results(&src).expect_err("not JSON");
        assert_eq!((e.line, e.column), (1, 21), "{e}");
        assert_eq!(src.text.line_text(1).chars().nth(e.column - 1), Some('o'));
    }
}
