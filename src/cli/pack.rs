//! `lateral pack --exam`: an exam pack for students' laptops.

use std::io::Write;
use std::path::PathBuf;

use super::load_one_lesson;
use crate::text::diag::{shown_path, write_failed};

/// An exam pack for students' laptops: the lessons without keys, explanations or hints.
///
/// The pack is one file with the lessons and the articles they use. Students open it with
/// `lateral --lessons PACK.lateral-exam`; check it first with `lateral check PACK.lateral-exam`.
///
/// Exit 0 when it was written, 2 when it could not be.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Make an exam pack (the only kind there is; required)
    #[arg(long, required = true)]
    pub exam: bool,
    /// The lessons to put in it
    #[arg(required = true, value_name = "LESSON")]
    pub lessons: Vec<PathBuf>,
    /// The pack file to write (e.g. exam.lateral-exam)
    #[arg(short, long, value_name = "PACK.lateral-exam")]
    pub out: PathBuf,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
}

/// Runs `lateral pack`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        lessons,
        out: file,
        corpus,
        ..
    } = args;
    let mut loaded = Vec::new();
    for p in &lessons {
        let Some((lesson, lib)) = load_one_lesson(p, &corpus, err)? else {
            return Ok(2);
        };
        loaded.push((lesson, lib));
    }
    let pack = crate::records::exam_pack::build_exam_pack(loaded.iter().map(|(l, lib)| (l, &lib.corpus)), &file);
    let pack = match pack {
        Ok(p) => p,
        Err(e) => {
            writeln!(err, "{}", write_failed(&file, &e))?;
            return Ok(2);
        }
    };
    writeln!(
        out,
        "wrote {} ({} lesson(s), {} article(s), no answer keys). Students open it with: lateral --lessons {}",
        shown_path(&pack.path),
        pack.lessons,
        pack.articles,
        shown_path(&pack.path)
    )?;
    Ok(0)
}
