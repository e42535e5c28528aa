//! Grading a class: many results files against one lesson, every score recomputed; a CSV for the
//! gradebook; and the class view's numbers (score distributions, most-missed keys, common false
//! positives, and how many students highlighted each word).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::files::{MAX_RESULTS_BYTES, read_text};
use crate::grading::score::Verdict;
use crate::lesson::{Lesson, StepBody};
use crate::records::results::{LessonOutcome, Results, parse_results, score_results, validate};
use crate::text::diag::{Diagnostic, Severity, SourceFile, escape_for_terminal, short};
use crate::text::{Span, collapse_whitespace};

/// One results file, graded.
#[derive(Clone, Debug)]
pub struct Graded {
    /// The file.
    pub file: String,
    /// What the student did (bad highlights dropped).
    pub results: Results,
    /// The recomputed scores.
    pub outcome: LessonOutcome,
    /// What of the file was left out before scoring (each reported in the report's
    /// diagnostics): none for a file as the app writes it.
    pub left_out: LeftOut,
}

/// What of a results file was left out before scoring: highlights that could not be placed,
/// options that do not exist or were picked twice. The app never writes either, so a file with
/// any was changed by hand or by another program; `lateral grade`'s summary flags it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Highlights dropped.
    pub highlights: usize,
    /// Picked options dropped (out of range, or a repeat).
    pub choices: usize,
}

impl LeftOut {
    /// How many highlights and picked options `r` holds.
    fn count(r: &Results) -> LeftOut {
        LeftOut {
            highlights: r.steps.iter().map(|w| w.highlights.len()).sum(),
            choices: r.steps.iter().map(|w| w.choices.len()).sum(),
        }
    }

    /// Was anything left out?
    pub fn any(&self) -> bool {
        self.highlights + self.choices > 0
    }
}

/// A class, graded.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The files that could be graded, in the order given.
    pub graded: Vec<Graded>,
    /// Every problem: files skipped (errors) and things to know (warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were skipped.
    pub skipped: usize,
}

/// The `.json` files among `paths` (folders are searched, not recursively), sorted.
pub fn results_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    results_files_checked(paths).0
}

/// [`results_files`], with a diagnostic for each folder that cannot be read or holds no `.json`
/// file (so a typo in a folder name is not silently "0 students graded").
pub fn results_files_checked(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let name = p.display().to_string();
        // Never blocks on a FIFO, never follows a link out of the folder, stops at the file limit.
        let walk = crate::files::walk_folder(p, false);
        diags.extend(walk.warnings);
        let mut v: Vec<PathBuf> = walk.files.into_iter().filter(|f| looks_like_results(f)).collect();
        if v.is_empty() {
            diags.push(
                Diagnostic::file(&name, Severity::Warning, "this folder has no results files (.json)")
                    .with_suggestion("give the folder the students' results files were collected in"),
            );
        }
        v.sort();
        out.extend(v);
    }
    (out, diags)
}

/// One file, read and scored on its own (see [`grade`]).
enum OneFile {
    /// Not read, or not results: why.
    Skipped(Diagnostic),
    /// Read, with what validating it said, and (for this lesson) its outcome.
    Read {
        results: Box<Results>,
        diags: Vec<Diagnostic>,
        left_out: LeftOut,
        outcome: Option<crate::grading::outcome::LessonOutcome>,
    },
}

fn grade_one(lesson: &Lesson, corpus: &Corpus, f: &Path) -> OneFile {
    let name = f.display().to_string();
    let text = match read_text(f, MAX_RESULTS_BYTES) {
        Ok(t) => t,
        Err(d) => return OneFile::Skipped(d),
    };
    let src = SourceFile::new(&name, text);
    let mut r = match parse_results(&src) {
        Ok(r) => r,
        Err(d) => return OneFile::Skipped(d),
    };
    let mut before = LeftOut::count(&r);
    before.highlights += r.unreadable.len();
    let diags = validate(&src, &mut r, lesson, corpus);
    let after = LeftOut::count(&r);
    let left_out = LeftOut {
        highlights: before.highlights.saturating_sub(after.highlights),
        choices: before.choices.saturating_sub(after.choices),
    };
    let outcome = (r.lesson.id == lesson.id).then(|| score_results(&r, lesson, corpus));
    OneFile::Read {
        results: Box::new(r),
        diags,
        left_out,
        outcome,
    }
}

/// Grades every file: not JSON, another lesson, or a student already graded from another file
/// are reported and skipped; bad highlights are reported and left out; scores are recomputed.
/// The files are read and scored on every core; what is reported, and which of two files of
/// one student is graded, follows the order of `files`.
pub fn grade(lesson: &Lesson, corpus: &Corpus, files: &[PathBuf]) -> Report {
    use rayon::prelude::*;
    let each: Vec<OneFile> = files.par_iter().map(|f| grade_one(lesson, corpus, f)).collect();
    let mut report = Report::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (f, one) in files.iter().zip(each) {
        let name = f.display().to_string();
        let (r, diags, left_out, outcome) = match one {
            OneFile::Skipped(d) => {
                report.diagnostics.push(d);
                report.skipped += 1;
                continue;
            }
            OneFile::Read {
                results,
                diags,
                left_out,
                outcome,
            } => (*results, diags, left_out, outcome),
        };
        report.diagnostics.extend(diags);
        let Some(outcome) = outcome else {
            report.skipped += 1; // another lesson's results (validating said so)
            continue;
        };
        let who = collapse_whitespace(&r.student).to_lowercase();
        if let Some(first) = seen.get(&who) {
            report.diagnostics.push(
                Diagnostic::file(
                    &name,
                    Severity::Error,
                    format!(
                        "student “{}” was already graded from {first}; this file is skipped",
                        short(&r.student, 80)
                    ),
                )
                .with_suggestion(
                    "keep one file per student (the one handed in last), or check for two students with the same name",
                ),
            );
            report.skipped += 1;
            continue;
        }
        seen.insert(who, name.clone());
        report.graded.push(Graded {
            file: name,
            results: r,
            outcome,
            left_out,
        });
    }
    report
}

fn seconds_between(a: &str, b: &str) -> Option<u64> {
    use time::format_description::well_known::Rfc3339;
    let a = time::OffsetDateTime::parse(a, &Rfc3339).ok()?;
    let b = time::OffsetDateTime::parse(b, &Rfc3339).ok()?;
    u64::try_from((b - a).whole_seconds())
        .ok()
        .map(|s| s.min(crate::records::results::MAX_STEP_SECONDS))
}

fn num(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| format!("{v:.4}"))
}

/// A text cell of the gradebook, neutralised against formula injection as OWASP recommends: a
/// cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
/// a spreadsheet shows it as text instead of running it. (Numbers the app writes itself are
/// not text cells and stay numbers.)
pub fn text_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The columns of the gradebook CSV.
pub(crate) const CSV_HEADER: [&str; 11] = [
    "student",
    "lesson",
    "step",
    "kind",
    "score",
    "precision",
    "recall",
    "f1",
    "hints",
    "attempts",
    "seconds",
];

/// A UTF-8 byte-order mark, which Excel needs to read a CSV file as UTF-8 (`lateral grade --bom`).
pub const BOM: &str = "\u{FEFF}";

/// The lesson's reflect steps, in order: one gradebook column each.
pub(crate) fn reflect_steps(lesson: &Lesson) -> Vec<&crate::lesson::Step> {
    lesson
        .steps
        .iter()
        .filter(|s| matches!(s.body, StepBody::Reflect { .. }))
        .collect()
}

/// What `results` wrote on each reflect step of the lesson (empty where nothing), as text
/// cells ([`text_cell`]).
pub(crate) fn reflection_cells(lesson: &Lesson, results: &Results) -> Vec<String> {
    reflect_steps(lesson)
        .iter()
        .map(|step| {
            let text = results
                .steps
                .iter()
                .find(|w| w.step == step.id)
                .and_then(|w| w.reflection.as_deref())
                .unwrap_or_default();
            text_cell(text.trim()).into_owned()
        })
        .collect()
}

/// The gradebook CSV (UTF-8, without a byte-order mark: see [`BOM`]): a header, one row per
/// student per step, and one summary row per student (step `TOTAL`). Scores are 0–1 with four
/// decimals; empty where a step is not scored. After the [`CSV_HEADER`] columns comes one column
/// per reflect step (`reflection:<step id>`), filled on the student's `TOTAL` row with what they
/// wrote. Text cells go through [`text_cell`]; the totals add up with saturating arithmetic.
pub fn csv(report: &Report, lesson: &Lesson) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let reflect: Vec<String> = reflect_steps(lesson)
        .iter()
        .map(|s| format!("reflection:{}", text_cell(&s.id)))
        .collect();
    let blank = vec![String::new(); reflect.len()];
    // Writing to memory cannot fail, and every row has the header's cells.
    let _ = w.write_record(CSV_HEADER.iter().map(|c| c.to_string()).chain(reflect.iter().cloned()));
    for g in &report.graded {
        let student = text_cell(&g.results.student);
        let lesson_id = text_cell(&lesson.id);
        let (mut hints, mut attempts, mut seconds) = (0u64, 0u64, 0u64);
        for (step, o) in lesson.steps.iter().zip(&g.outcome.steps) {
            let work = g.results.steps.iter().find(|w| w.step == step.id);
            let secs = work.and_then(|w| {
                w.seconds
                    .or_else(|| seconds_between(w.started.as_deref()?, w.finished.as_deref()?))
            });
            hints = hints.saturating_add(u64::from(o.hints_used));
            attempts = attempts.saturating_add(u64::from(o.attempts));
            seconds = seconds.saturating_add(secs.unwrap_or(0));
            let d = o.detail.as_ref();
            let row = [
                student.to_string(),
                lesson_id.to_string(),
                text_cell(&step.id).into_owned(),
                text_cell(&o.kind).into_owned(),
                num(o.score),
                num(d.map(|d| d.precision)),
                num(d.map(|d| d.recall)),
                num(d.map(|d| d.f1)),
                o.hints_used.to_string(),
                o.attempts.to_string(),
                secs.map_or(String::new(), |s| s.to_string()),
            ];
            let _ = w.write_record(row.iter().chain(&blank));
        }
        let total = [
            student.to_string(),
            lesson_id.to_string(),
            "TOTAL".into(),
            "lesson".into(),
            num(Some(g.outcome.score)),
            String::new(),
            String::new(),
            String::new(),
            hints.to_string(),
            attempts.to_string(),
            seconds.to_string(),
        ];
        let _ = w.write_record(total.into_iter().chain(reflection_cells(lesson, &g.results)));
    }
    let bytes = w.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// What the class did on one step.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StepClass {
    /// Each student's score (scored steps), in file order.
    pub scores: Vec<f64>,
    /// How many scores fall in 0–20 %, 20–40 %, 40–60 %, 60–80 %, 80–100 %.
    pub histogram: [usize; 5],
    /// Per key span (in key order): how many students missed it (not found).
    pub missed: Vec<usize>,
    /// Highlights in no key, by text, with how many students made them; most common first.
    pub common_extras: Vec<(String, usize)>,
    /// Per article of the step: for each word (index into the article's words), how many
    /// students highlighted at least part of it.
    pub heat: Vec<Vec<usize>>,
    /// For an investigate step: who opened which source card, and whether before judging.
    pub lookups: Option<crate::records::lookup_stats::LookupStats>,
}

/// Numbers for the class view, per step of the lesson.
pub fn class_view(report: &Report, lesson: &Lesson, corpus: &Corpus) -> Vec<StepClass> {
    lesson
        .steps
        .iter()
        .enumerate()
        .map(|(si, step)| {
            let arts: Vec<_> = step.articles.iter().map(|a| corpus.get(a).cloned()).collect();
            let mut sc = StepClass {
                lookups: crate::records::lookup_stats::lookup_stats(report, lesson, corpus, si),
                missed: vec![0; step.keys().len()],
                heat: arts
                    .iter()
                    .map(|a| vec![0; a.as_ref().map_or(0, |a| a.words.len())])
                    .collect(),
                ..Default::default()
            };
            let mut extras: HashMap<String, usize> = HashMap::new();
            for g in &report.graded {
                let o = &g.outcome.steps[si];
                if let Some(s) = o.score.filter(|_| step.is_scored()) {
                    sc.scores.push(s);
                    sc.histogram[((s * 5.0) as usize).min(4)] += 1;
                }
                if let Some(d) = &o.detail {
                    for (k, r) in d.keys.iter().enumerate() {
                        if r.verdict != Verdict::Found {
                            sc.missed[k] += 1;
                        }
                    }
                }
                let Some(work) = g.results.steps.iter().find(|w| w.step == step.id) else {
                    continue;
                };
                // Words this student highlighted, once per student.
                let mut touched: Vec<Vec<bool>> = sc.heat.iter().map(|h| vec![false; h.len()]).collect();
                let mut mine: Vec<String> = Vec::new();
                for (hi, h) in work.highlights.iter().enumerate() {
                    let Some(a) = step.articles.iter().position(|x| x == h.article()) else {
                        continue;
                    };
                    let (Some(art), Some((s, e))) = (&arts[a], h.position()) else {
                        continue;
                    };
                    let span = Span::new(s, e);
                    let first = art.words.partition_point(|w| w.end <= span.start);
                    for (wi, w) in art.words.iter().enumerate().skip(first) {
                        if w.start >= span.end {
                            break;
                        }
                        touched[a][wi] = true;
                    }
                    let in_key = o
                        .detail
                        .as_ref()
                        .is_some_and(|d| !d.extras.iter().any(|x| x.highlight == hi));
                    if !in_key && matches!(step.body, StepBody::Highlight { .. }) {
                        let t = collapse_whitespace(art.slice(span));
                        if !mine.contains(&t) {
                            mine.push(t);
                        }
                    }
                }
                for t in mine {
                    *extras.entry(t).or_default() += 1;
                }
                for (a, t) in touched.iter().enumerate() {
                    for (wi, on) in t.iter().enumerate() {
                        if *on {
                            sc.heat[a][wi] += 1;
                        }
                    }
                }
            }
            let mut ex: Vec<(String, usize)> = extras.into_iter().collect();
            ex.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            sc.common_extras = ex;
            sc
        })
        .collect()
}

/// A short text summary for the teacher: how many were graded, the class average, the average
/// per step, and the key span most of the class missed on each step.
pub fn summary(report: &Report, lesson: &Lesson, classes: &[StepClass]) -> String {
    let mut s = String::new();
    let n = report.graded.len();
    s.push_str(&format!(
        "{} — {} student(s) graded, {} file(s) skipped\n",
        escape_for_terminal(&lesson.title),
        n,
        report.skipped
    ));
    if n > 0 {
        let mean = report.graded.iter().map(|g| g.outcome.score).sum::<f64>() / n as f64;
        s.push_str(&format!("class average: {:.0}%\n", mean * 100.0));
        let old = report.graded.iter().filter(|g| !g.outcome.same_lesson_version).count();
        if old > 0 {
            s.push_str(&format!(
                "note: {old} file(s) were made with another version of the lesson file\n"
            ));
        }
    }
    s.push_str(&flagged(report));
    for (i, (step, c)) in lesson.steps.iter().zip(classes).enumerate() {
        if c.scores.is_empty() {
            continue;
        }
        let avg = c.scores.iter().sum::<f64>() / c.scores.len() as f64;
        s.push_str(&format!(
            "{:>2}. {:<40} average {:>3.0}%",
            i + 1,
            escape_for_terminal(&step.title),
            avg * 100.0
        ));
        if let Some((k, &m)) = c
            .missed
            .iter()
            .enumerate()
            .max_by_key(|(_, m)| **m)
            .filter(|(_, m)| **m > 0)
        {
            s.push_str(&format!(
                "; most missed: “{}” ({m} of {})",
                escape_for_terminal(&step.keys()[k].anchor.quote),
                c.scores.len()
            ));
        }
        s.push('\n');
    }
    s
}

/// The summary's lines on graded files that had work left out (empty when none had).
fn flagged(report: &Report) -> String {
    let flagged: Vec<&Graded> = report.graded.iter().filter(|g| g.left_out.any()).collect();
    if flagged.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "flagged: {} file(s) hold work the app never writes (changed by hand or by another program?); graded without it, each problem listed above:\n",
        flagged.len()
    );
    for g in flagged {
        let mut parts = Vec::new();
        if g.left_out.highlights > 0 {
            parts.push(format!("{} highlight(s)", g.left_out.highlights));
        }
        if g.left_out.choices > 0 {
            parts.push(format!("{} picked option(s)", g.left_out.choices));
        }
        s.push_str(&format!(
            "  {}: {} left out\n",
            escape_for_terminal(&g.file),
            parts.join(" and ")
        ));
    }
    s
}

/// Is `p` a results file name we would grade?
pub(crate) fn looks_like_results(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "json")
}
