//! `lateral score`: a student's scores, recomputed from a results file.

use std::io::Write;
use std::path::PathBuf;

use super::{Format, read_results_file, write_outcome};
use crate::lesson::library;
use crate::records::results::{score_results, validate};
use crate::text::diag::{Diagnostic, escape_for_terminal as esc, shown_path};

/// Recompute a student's scores from a results file.
///
/// Never trusts a score written in the results file: it recomputes every step from the
/// highlights, choices and the lesson's answer key.
///
/// Exit 0 when the file is sound, 1 when it has problems, 2 when it could not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The lesson and the student's results file
    #[command(flatten)]
    pub input: super::LessonAndResults,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
    /// How to print the result
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub format: Format,
}

/// Runs `lateral score`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        input: super::LessonAndResults {
            lesson: lesson_path,
            results: results_path,
        },
        corpus,
        format,
    } = args;
    // Only the lesson's articles: a large corpus costs nothing here.
    let lib = match library::load_lesson(&lesson_path, &corpus) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(2);
        }
    };
    let Some(lf) = lib.lessons.first() else {
        writeln!(err, "error: {} is not a lesson file", shown_path(&lesson_path))?;
        return Ok(2);
    };
    let Some(lesson) = lf.lesson.as_ref().filter(|_| lf.is_playable()) else {
        for d in lib.all_diagnostics() {
            writeln!(err, "{d}")?;
        }
        writeln!(
            err,
            "error: the lesson has errors, so it cannot be used for scoring; fix them first (`lateral check`)"
        )?;
        return Ok(2);
    };
    let Some((src, mut results)) = read_results_file(&results_path, err)? else {
        return Ok(1);
    };
    let diags = validate(&src, &mut results, lesson, &lib.corpus);
    for d in &diags {
        writeln!(err, "{d}")?;
    }
    if results.lesson.id != lesson.id {
        return Ok(1);
    }
    let outcome = score_results(&results, lesson, &lib.corpus);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &outcome)?;
            writeln!(out)?;
        }
        Format::Text => write_outcome(&outcome, lesson, out)?,
    }
    Ok(if diags.iter().any(Diagnostic::is_error) { 1 } else { 0 })
}
