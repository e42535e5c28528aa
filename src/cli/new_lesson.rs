//! `lateral new-lesson`: a skeleton lesson to start from.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::usage_error;
use crate::lesson::{Task, library};
use crate::text::diag::{escape_for_terminal as esc, shown_path, write_failed};

/// Write a skeleton lesson to start from.
///
/// The skeleton is a valid lesson on the article(s) given: a read step and one highlight step
/// with one key per article, every field to change marked in the text. It is printed, or written
/// to --out (never over an existing file).
///
/// Exit 0 when it was written, 1 when it could not be, 2 when it could not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The article's id (give two for a conflict lesson)
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<String>,
    /// bias, machine or conflict (default: conflict with two articles, else bias)
    #[arg(long, value_name = "TASK")]
    pub task: Option<String>,
    /// Where to write it (printed if none)
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
}

/// The task, or what is wrong with the task and articles given.
fn task_for(articles: &[String], task: Option<String>) -> Result<Task, String> {
    let task = match task {
        None if articles.len() == 2 => Task::Conflict,
        None => Task::Bias,
        Some(t) => Task::parse(&t).ok_or_else(|| format!("--task is bias, machine or conflict, not `{t}`"))?,
    };
    match (task, articles.len()) {
        (_, 0) => Err("new-lesson needs --article ID".into()),
        (Task::Conflict, n) if n != 2 => Err("a conflict lesson needs two articles: --article A --article B".into()),
        (t, n) if t != Task::Conflict && n != 1 => Err(format!("a {} lesson takes one --article", t.name())),
        _ => Ok(task),
    }
}

/// Runs `lateral new-lesson`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let task = match task_for(&args.articles, args.task) {
        Ok(t) => t,
        Err(msg) => return usage_error("new-lesson", &msg, err),
    };
    let (articles, file) = (&args.articles, args.out.as_deref());
    let mut dirs = args.corpus.clone();
    if Path::new("corpus").is_dir() && !dirs.iter().any(|d| d == Path::new("corpus")) {
        dirs.push(PathBuf::from("corpus"));
    }
    let lib = match library::load(&[], &dirs) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(2);
        }
    };
    let mut arts = Vec::new();
    for a in articles {
        match lib.corpus.get(a) {
            Some(x) => arts.push(x.clone()),
            None if lib.corpus.unusable(a).is_some() => {
                for d in &lib.diagnostics {
                    writeln!(err, "{d}")?;
                }
                writeln!(
                    err,
                    "error: the article `{}` cannot be used: its files have errors (reported for {}); fix them first",
                    esc(a),
                    esc(lib.corpus.unusable(a).unwrap_or_default())
                )?;
                return Ok(1);
            }
            None => {
                let known: Vec<&str> = lib.corpus.ids().collect();
                writeln!(
                    err,
                    "error: there is no article `{}`; known articles: {}",
                    esc(a),
                    esc(&known.join(", "))
                )?;
                return Ok(1);
            }
        }
    }
    let text = crate::lesson::skeleton(&arts, task);
    let lf = library::parse_lesson_text("new lesson", text.clone(), &lib.corpus);
    if lf.lesson.is_none() || lf.diagnostics.iter().any(|d| d.is_error()) {
        for d in &lf.diagnostics {
            writeln!(err, "{d}")?;
        }
        writeln!(err, "error: the skeleton does not validate (a bug; please report it)")?;
        return Ok(2);
    }
    // An article kept with errors in its metadata: the skeleton is written, and the errors said,
    // since the lesson will not play until they are fixed.
    for d in &lf.article_errors {
        writeln!(err, "{d}")?;
    }
    write_skeleton(&text, file, out, err)
}

/// Prints the skeleton, or writes it to `file` (never over an existing file).
fn write_skeleton(text: &str, file: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    match file {
        None => write!(out, "{text}")?,
        Some(p) if p.exists() => {
            writeln!(err, "error: {} already exists", shown_path(p))?;
            return Ok(1);
        }
        Some(p) => match crate::files::write_atomic(p, text.as_bytes()) {
            Ok(()) => writeln!(
                out,
                "wrote {}; edit it, then run: lateral check {}",
                shown_path(p),
                shown_path(p)
            )?,
            Err(e) => {
                writeln!(err, "{}", write_failed(p, &e))?;
                return Ok(1);
            }
        },
    }
    Ok(0)
}
