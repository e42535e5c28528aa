//! `lateral export-h5p`: one step of a lesson as an H5P "Mark the Words" task.

use std::io::Write;
use std::path::PathBuf;

use super::load_one_lesson;
use crate::lesson::Lesson;
use crate::records::h5p_export::{H5pPackage, Refused, exportable_steps, find_step, step_to_h5p};
use crate::text::diag::{escape_for_terminal as esc, shown_path, write_failed};

/// A bias or machine step as an H5P “Mark the Words” task (.h5p); it contains the answers.
///
/// For Moodle or any other H5P host: a bias or machine highlight step becomes its article's text
/// with the words of its answer key marked the way H5P marks them (*word*). THE FILE CONTAINS THE
/// ANSWERS (H5P needs them to check the task): it is for teachers and H5P hosts, not for
/// students' laptops (for those, use `lateral pack --exam`).
///
/// H5P marks whole words: a key that starts or ends inside a word marks the whole word, and a
/// key of several words marks each of them. Labels, extents, explanations and hints have no
/// place in a Mark the Words task and are left out. Conflict steps (pairs of passages across two
/// articles) and read, choice, reflect and investigate steps cannot be exported.
///
/// Exit 0 when it was written, 1 when the step cannot be exported, 2 when it could not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The lesson file
    #[arg(value_name = "LESSON")]
    pub lesson: PathBuf,
    /// The step: its number (from 1, as the app shows it) or its id
    #[arg(value_name = "STEP")]
    pub step: String,
    /// The .h5p file to write (e.g. step.h5p)
    #[arg(short, long, value_name = "OUT.h5p")]
    pub out: PathBuf,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
}

/// Runs `lateral export-h5p`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        lesson: lesson_path,
        step,
        out: file,
        corpus,
    } = args;
    let Some((lesson, lib)) = load_one_lesson(&lesson_path, &corpus, err)? else {
        return Ok(2);
    };
    let Some(index) = find_step(&lesson, &step) else {
        writeln!(
            err,
            "error: {} has no step `{}`: name a step by its number (1 to {}) or its id",
            shown_path(&lesson_path),
            esc(&step),
            lesson.steps.len()
        )?;
        write_exportable(&lesson, err)?;
        return Ok(2);
    };
    let package = match step_to_h5p(&lesson, index, &lib.corpus) {
        Ok(p) => p,
        Err(e @ Refused::Package(_)) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(2);
        }
        Err(e) => {
            writeln!(err, "error: cannot export this step as H5P: {}", esc(&e.to_string()))?;
            write_exportable(&lesson, err)?;
            return Ok(1);
        }
    };
    if let Err(e) = crate::files::write_atomic(&file, &package.bytes) {
        writeln!(err, "{}", write_failed(&file, &e))?;
        return Ok(2);
    }
    write_done(&lesson, index, &package, &file, out)?;
    Ok(0)
}

/// Which steps of `lesson` can be exported, for a message.
fn write_exportable(lesson: &Lesson, err: &mut dyn Write) -> std::io::Result<()> {
    let steps = exportable_steps(lesson);
    if steps.is_empty() {
        return writeln!(
            err,
            "This lesson has no bias or machine highlight step, so none of its steps can be exported."
        );
    }
    writeln!(
        err,
        "Steps of this lesson that can be exported (bias and machine highlight steps):"
    )?;
    for (i, s) in steps {
        writeln!(
            err,
            "  {:>2}  {:<8} “{}” (id {})",
            i + 1,
            s.kind_name(),
            esc(&s.title),
            esc(&s.id)
        )?;
    }
    Ok(())
}

/// What was written, and what H5P could not keep.
fn write_done(
    lesson: &Lesson,
    index: usize,
    p: &H5pPackage,
    file: &std::path::Path,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let step = &lesson.steps[index];
    writeln!(
        out,
        "wrote {}: step {} “{}” as an H5P Mark the Words task, {} word(s) marked from {} key(s)",
        shown_path(file),
        index + 1,
        esc(&step.title),
        p.marked_words,
        p.keys
    )?;
    writeln!(
        out,
        "It contains the answers (the marked words): share it with teachers and H5P hosts, not with students."
    )?;
    if !p.widened.is_empty() {
        writeln!(
            out,
            "note: H5P marks whole words; these keys start or end inside a word, so the whole word is marked: {}",
            esc(&p.widened.join(", "))
        )?;
    }
    if !p.dropped.is_empty() {
        writeln!(
            out,
            "note: these keys have no word H5P can mark and are left out: {}",
            esc(&p.dropped.join(", "))
        )?;
    }
    writeln!(
        out,
        "note: labels, extents, explanations and hints are not part of a Mark the Words task and are left out"
    )
}
