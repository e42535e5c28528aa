//! `lateral export`: a student's highlights as W3C Web Annotation JSON-LD.

use std::io::Write;
use std::path::PathBuf;

use super::{load_one_lesson, read_results_file};
use crate::records::results::validate;
use crate::text::diag::{Diagnostic, shown_path, write_failed};

/// A student's highlights as W3C Web Annotation JSON-LD.
///
/// One annotation per highlight, each naming its article and quoting the highlighted text, as an
/// AnnotationPage. It is printed, or written to -o.
///
/// Exit 0 when the results file is sound, 1 when it has problems, 2 when it could not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The lesson and the student's results file
    #[command(flatten)]
    pub input: super::LessonAndResults,
    /// Where to write it (printed if none)
    #[arg(short, long, value_name = "OUT.jsonld")]
    pub out: Option<PathBuf>,
}

/// Runs `lateral export`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        input: super::LessonAndResults {
            lesson: lesson_path,
            results,
        },
        out: file,
    } = args;
    let Some((lesson, lib)) = load_one_lesson(&lesson_path, &[], err)? else {
        return Ok(2);
    };
    let Some((src, mut r)) = read_results_file(&results, err)? else {
        return Ok(1);
    };
    let diags = validate(&src, &mut r, &lesson, &lib.corpus);
    for d in &diags {
        writeln!(err, "{d}")?;
    }
    let json = serde_json::to_string_pretty(&crate::records::export::annotation_page(&r, &lesson)).unwrap_or_default();
    match file {
        Some(p) => {
            if let Err(e) = crate::files::write_atomic(&p, json.as_bytes()) {
                writeln!(err, "{}", write_failed(&p, &e))?;
                return Ok(2);
            }
            writeln!(err, "wrote {}", shown_path(&p))?;
        }
        None => writeln!(out, "{json}")?,
    }
    Ok(if diags.iter().any(Diagnostic::is_error) { 1 } else { 0 })
}
