//! `lateral grade`: a class's results, every score recomputed, as a gradebook and a summary.

use std::io::Write;
use std::path::PathBuf;

use super::load_one_lesson;
use crate::text::diag::{Diagnostic, shown_path, write_failed};

/// Grade a class: recompute every score, write the gradebook CSV and print a summary.
///
/// Every results file given (or found in a folder given) is read, checked against the lesson and
/// scored from its highlights and choices; a score written in a file is never trusted. Files
/// that cannot be graded are reported and skipped.
///
/// Exit 0 when every file was graded, 1 when some were skipped or had problems, 2 when it could
/// not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The lesson the results are for
    #[arg(long, value_name = "LESSON")]
    pub lesson: PathBuf,
    /// Results files, or folders of them
    #[arg(required = true, value_name = "RESULTS")]
    pub results: Vec<PathBuf>,
    /// Write the gradebook (one row per student) to this CSV file
    #[arg(long, value_name = "OUT.csv")]
    pub csv: Option<PathBuf>,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
}

/// Runs `lateral grade`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        lesson: lesson_path,
        results,
        csv: csv_out,
        corpus,
    } = args;
    let Some((lesson, lib)) = load_one_lesson(&lesson_path, &corpus, err)? else {
        return Ok(2);
    };
    for p in &results {
        if !p.exists() {
            writeln!(err, "error: {}: no such file or folder", shown_path(p))?;
            return Ok(2);
        }
    }
    let (files, mut listing) = crate::records::grade::results_files_checked(&results);
    let mut report = crate::records::grade::grade(&lesson, &lib.corpus, &files);
    listing.append(&mut report.diagnostics);
    report.diagnostics = listing;
    for d in &report.diagnostics {
        writeln!(err, "{d}")?;
    }
    let csv = crate::records::grade::csv(&report, &lesson);
    if let Some(p) = &csv_out {
        if let Err(e) = crate::files::write_atomic(p, csv.as_bytes()) {
            writeln!(err, "{}", write_failed(p, &e))?;
            return Ok(2);
        }
        writeln!(err, "wrote {}", shown_path(p))?;
    }
    let classes = crate::records::grade::class_view(&report, &lesson, &lib.corpus);
    write!(out, "{}", crate::records::grade::summary(&report, &lesson, &classes))?;
    if csv_out.is_none() {
        writeln!(out, "(add --csv grades.csv to write the gradebook)")?;
    }
    Ok(
        if report.skipped > 0 || report.diagnostics.iter().any(Diagnostic::is_error) {
            1
        } else {
            0
        },
    )
}
