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
    /// The gradebook's form: Lateral's own (a row per student per step), or a learning
    /// platform's grade import (one row per student, the lesson score out of 100)
    #[arg(long, value_enum, default_value = "generic", value_name = "FORMAT")]
    pub csv_format: CsvFormat,
    /// Start the gradebook CSV with a UTF-8 byte-order mark, which Excel needs to show names
    /// with letters such as ż, ë or ї when the file is opened with a double click (any form)
    #[arg(long)]
    pub bom: bool,
    /// A class roster (CSV with a `name` column, and id, sis_user_id, sis_login_id, section,
    /// first_name, last_name, id_number, email as the platform needs) to match students' names
    /// to the platform's identities; students it lacks are listed, never dropped
    #[arg(long, value_name = "ROSTER.csv")]
    pub roster: Option<PathBuf>,
    /// Also write the class's results as xAPI statements (a JSON list) for a Learning Record
    /// Store: `answered` per scored step, `completed` per lesson
    #[arg(long, value_name = "OUT.json")]
    pub xapi: Option<PathBuf>,
    /// The school system's address, for the students' xAPI accounts
    #[arg(long, value_name = "URL", default_value = "https://school.invalid/", value_parser = school_url)]
    pub school_url: String,
    /// Write a printable feedback sheet per student (HTML) into this folder: the articles with
    /// their highlights and the key, each verdict and explanation, the scores
    #[arg(long, value_name = "DIR")]
    pub report: Option<PathBuf>,
    /// The lesson score (0 to 1) that counts as success in xAPI
    #[arg(long, value_name = "SCORE", default_value_t = 0.6, value_parser = pass_mark)]
    pub pass_mark: f64,
}

/// The school's address: an http(s) URL, as an xAPI account's homePage must be.
fn school_url(s: &str) -> Result<String, String> {
    let ok = (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(char::is_whitespace);
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not a web address; write it as https://your-school.example/"
        ))
    }
}

/// A pass mark: a number from 0 to 1.
fn pass_mark(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a score from 0 to 1 (e.g. 0.6 for 60 %)")),
    }
}

/// The form of the gradebook CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvFormat {
    /// Lateral's own: one row per student per step, and a total per student
    Generic,
    /// Canvas's gradebook import (Student, ID, SIS User ID, SIS Login ID, Section, the lesson)
    Canvas,
    /// Moodle's grade import (First name, Last name, ID number, Email address, the lesson)
    Moodle,
}

/// Runs `lateral grade`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        lesson: lesson_path,
        results,
        csv: csv_out,
        corpus,
        csv_format,
        bom,
        roster,
        xapi,
        school_url,
        pass_mark,
        report: report_dir,
    } = args;
    let roster = match &roster {
        Some(p) => match crate::records::gradebook::Roster::read(p) {
            Ok(r) => Some(r),
            Err(d) => {
                writeln!(err, "{d}")?;
                return Ok(2);
            }
        },
        None => None,
    };
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
    let mut csv = gradebook_csv(&mut report, &lesson, roster.as_ref(), csv_format, err)?;
    if bom {
        csv.insert_str(0, crate::records::grade::BOM);
    }
    if let Some(p) = &csv_out
        && !write_out(p, &csv, err)?
    {
        return Ok(2);
    }
    if let Some(p) = &xapi {
        let no_roster = crate::records::gradebook::Roster::default();
        let roster = roster.as_ref().unwrap_or(&no_roster);
        let st = crate::records::xapi::statements(&report, &lesson, roster, &school_url, pass_mark);
        if !write_out(p, &serde_json::to_string_pretty(&st).unwrap_or_default(), err)? {
            return Ok(2);
        }
    }
    if let Some(dir) = &report_dir
        && !write_sheets(dir, &report, &lesson, &lib.corpus, err)?
    {
        return Ok(2);
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

/// Writes `text` to `path` atomically and says so; `false` (after saying why) when it failed.
fn write_out(path: &std::path::Path, text: &str, err: &mut dyn Write) -> std::io::Result<bool> {
    if let Err(e) = crate::files::write_atomic(path, text.as_bytes()) {
        writeln!(err, "{}", write_failed(path, &e))?;
        return Ok(false);
    }
    writeln!(err, "wrote {}", shown_path(path))?;
    Ok(true)
}

/// The gradebook in the form asked for; a platform's form adds a warning (to `report` and
/// `err`) for each student the roster lacks, or one note when there is no roster.
fn gradebook_csv(
    report: &mut crate::records::grade::Report,
    lesson: &crate::lesson::Lesson,
    roster: Option<&crate::records::gradebook::Roster>,
    format: CsvFormat,
    err: &mut dyn Write,
) -> std::io::Result<String> {
    use crate::records::gradebook::{CsvFormat as F, platform_csv};
    let f = match format {
        CsvFormat::Generic => return Ok(crate::records::grade::csv(report, lesson)),
        CsvFormat::Canvas => F::Canvas,
        CsvFormat::Moodle => F::Moodle,
    };
    let no_roster = crate::records::gradebook::Roster::default();
    let (csv, mut warnings) = platform_csv(report, lesson, roster.unwrap_or(&no_roster), f);
    if roster.is_none() {
        warnings.clear();
        writeln!(
            err,
            "note: no --roster given, so the platform's identity columns (ID, email …) are empty; the platform matches rows by them"
        )?;
    }
    for w in &warnings {
        writeln!(err, "{w}")?;
    }
    report.diagnostics.append(&mut warnings);
    Ok(csv)
}

/// One feedback sheet per graded student in `dir`; `false` (after saying why) when one failed.
fn write_sheets(
    dir: &std::path::Path,
    report: &crate::records::grade::Report,
    lesson: &crate::lesson::Lesson,
    corpus: &crate::corpus::Corpus,
    err: &mut dyn Write,
) -> std::io::Result<bool> {
    use crate::records::feedback_sheet::{sheet, sheet_file_name};
    for g in &report.graded {
        let path = dir.join(sheet_file_name(&g.results.student, lesson));
        if let Err(e) = crate::files::write_atomic(&path, sheet(g, lesson, corpus).as_bytes()) {
            writeln!(err, "{}", write_failed(&path, &e))?;
            return Ok(false);
        }
    }
    writeln!(
        err,
        "wrote {} feedback sheet(s) in {}",
        report.graded.len(),
        shown_path(dir)
    )?;
    Ok(true)
}
