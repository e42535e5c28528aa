//! The teachers' command line: `lateral check`, `lateral score`, `lateral grade` and the rest.
//!
//! Arguments are read with `clap` into a [`Cli`] (one file per command, each with its `Args` and
//! its `run`), then the command runs. Every command returns an exit code: 0 all well, 1 problems
//! found, 2 could not run. Without a command, `lateral` starts the desktop app: its options
//! (`--lessons DIR`, `--screenshot OUT.png` …) are read into an [`AppArgs`].

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand};

use crate::files::{MAX_RESULTS_BYTES, read_text};
use crate::lesson::Lesson;
use crate::lesson::library::{self, Library};
use crate::records::results::{LessonOutcome, parse_results};
use crate::text::diag::{Diagnostic, SourceFile, count, escape_for_terminal as esc, shown_path};

pub mod check;
pub mod export;
pub mod export_h5p;
pub mod grade;
pub mod import;
pub mod new_lesson;
pub mod pack;
pub mod score;

/// What follows the help of `lateral --help`.
const AFTER_HELP: &str = "\
Without a command, lateral starts the desktop app: on the bundled lessons, or with --lessons DIR on
the lessons in DIR (or an exam pack, NAME.lateral-exam). `lateral NAME.lateral-exam` (what a
double-click on an exam pack runs) is `lateral --lessons NAME.lateral-exam`.

Every command exits 0 when all is well, 1 when it found problems, 2 when it could not run.
`lateral COMMAND --help` tells more about each.

Docs: docs/lesson-format.md, docs/results-format.md, docs/teacher-guide.md.";

/// Lateral: media-literacy lessons on real news text.
#[derive(Debug, Parser)]
#[command(name = "lateral", version, after_help = AFTER_HELP)]
// A subcommand or the app's options; a repeated option counts once, the last one given (as ever).
#[command(args_conflicts_with_subcommands = true, args_override_self = true)]
pub(crate) struct Cli {
    /// The app's options.
    #[command(flatten)]
    pub app: AppArgs,
    /// The teachers' command to run; none starts the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The app's options: which lessons it opens, and a screenshot to take (for the docs and tests).
#[derive(Clone, Debug, Default, clap::Args)]
pub struct AppArgs {
    /// Start the app on the lessons in DIR (or an exam pack) instead of the bundled lessons
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
    /// Speak this language (en, pl, uk) instead of the one chosen last on this laptop, or the
    /// system's; not saved
    #[arg(long, value_name = "LANG", value_parser = ["en", "pl", "uk"])]
    pub lang: Option<String>,
    /// Render one screen in a real window, save it as a PNG and exit
    #[arg(long, value_name = "OUT.png", help_heading = "Screenshots")]
    pub screenshot: Option<PathBuf>,
    /// Open the lesson with this id (else the library is shown)
    #[arg(long, value_name = "ID", help_heading = "Screenshots", requires = "screenshot")]
    pub lesson: Option<String>,
    /// Show step N (from 1)
    #[arg(long, value_name = "N", help_heading = "Screenshots", requires = "screenshot",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub step: Option<u32>,
    /// The student's name (default Ana)
    #[arg(long, value_name = "NAME", help_heading = "Screenshots", requires = "screenshot")]
    pub student: Option<String>,
    /// Fill the step with its answer key, with part of it and one wrong highlight, or
    /// highlight all of every article
    #[arg(long, value_name = "HOW", help_heading = "Screenshots", requires = "screenshot",
          value_parser = ["key", "partial", "all"])]
    pub answer: Option<String>,
    /// Press Check
    #[arg(long, help_heading = "Screenshots", requires = "screenshot")]
    pub check: bool,
    /// Then go on to the lesson's summary
    #[arg(long, help_heading = "Screenshots", requires = "lesson")]
    pub summary: bool,
    /// Use the dark theme
    #[arg(long, help_heading = "Screenshots", requires = "screenshot")]
    pub dark: bool,
    /// The window's size
    #[arg(long, value_name = "WxH", help_heading = "Screenshots", requires = "screenshot",
          value_parser = parse_size)]
    pub size: Option<(u32, u32)>,
    /// The zoom factor, as the system's display scaling would set it (1.25 for 125 %)
    #[arg(long, value_name = "FACTOR", help_heading = "Screenshots", requires = "screenshot",
          value_parser = parse_zoom)]
    pub zoom: Option<f32>,
    /// Open this lesson in the teacher's view
    #[arg(long, value_name = "ID", help_heading = "Screenshots", requires = "screenshot")]
    pub edit: Option<String>,
    /// With --edit: press "Preview as student"
    #[arg(long, help_heading = "Screenshots", requires = "edit")]
    pub preview: bool,
    /// Open the class view on this folder of results (with --lesson ID)
    #[arg(long, value_name = "DIR", help_heading = "Screenshots", requires = "screenshot")]
    pub class: Option<PathBuf>,
    /// Show the teacher PIN dialog (as on first use) over the library
    #[arg(long, help_heading = "Screenshots", requires = "screenshot", conflicts_with_all = ["lesson", "edit", "class"])]
    pub pin: bool,
    /// Show the keyboard help (F1) over the screen
    #[arg(long, help_heading = "Screenshots", requires = "screenshot")]
    pub keyboard_help: bool,
    /// Show the About box over the screen
    #[arg(
        long,
        help_heading = "Screenshots",
        requires = "screenshot",
        conflicts_with = "keyboard_help"
    )]
    pub about: bool,
    /// Open the teacher's import window on this file, read
    #[arg(long, value_name = "FILE", help_heading = "Screenshots", requires = "screenshot", conflicts_with_all = ["lesson", "edit", "class", "pin"])]
    pub import: Option<PathBuf>,
}

/// `WIDTHxHEIGHT`, e.g. `1366x768`.
fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{s}` is not WIDTHxHEIGHT, e.g. 1366x768");
    let (w, h) = s.split_once('x').ok_or_else(bad)?;
    let (w, h): (u32, u32) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
    if !(200..=10_000).contains(&w) || !(200..=10_000).contains(&h) {
        return Err(format!("`{s}`: width and height go from 200 to 10000 pixels"));
    }
    Ok((w, h))
}

/// A zoom factor from 0.5 to 3, e.g. `1.5`.
fn parse_zoom(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(z) if (0.5..=3.0).contains(&z) => Ok(z),
        _ => Err(format!("`{s}` is not a zoom factor from 0.5 to 3, e.g. 1.5")),
    }
}

/// A teachers' command.
// The help of each command is the doc comment of its `Args` (a doc comment on a variant would
// replace it), so the variants go without.
#[allow(missing_docs)]
#[derive(Debug, Subcommand)]
pub enum Command {
    Check(check::Args),
    Score(score::Args),
    Import(import::Args),
    NewLesson(new_lesson::Args),
    Grade(grade::Args),
    Export(export::Args),
    ExportH5p(export_h5p::Args),
    Pack(pack::Args),
    Completions(CompletionsArgs),
}

/// Print a shell completion script (e.g. `lateral completions bash > lateral.bash`).
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A parsed command line.
#[derive(Debug)]
pub enum Invocation {
    /// Start the desktop app.
    App(AppArgs),
    /// Run a teachers' command.
    Command(Command),
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// Parses the arguments after the program name. An `Err` is also what `--help` and `--version`
/// give: print it with [`print_parse_error`].
pub fn parse_args(args: Vec<String>) -> Result<Invocation, clap::Error> {
    let cli = Cli::try_parse_from(std::iter::once("lateral".to_string()).chain(open_file_args(args)))?;
    Ok(match cli.command {
        Some(c) => Invocation::Command(c),
        None => Invocation::App(cli.app),
    })
}

/// `lateral FILE.lateral-exam`, what a double-click on an exam pack runs (the `.deb`'s
/// `Exec=lateral %f`, the Windows installer's `"lateral.exe" "%1"`), is `lateral --lessons FILE`.
/// Only a first argument named as a pack is taken so, and not next to `--lessons`: anything else
/// reaches clap as given, so a mistyped command (`lateral chek`) still gets clap's suggestion.
fn open_file_args(mut args: Vec<String>) -> Vec<String> {
    let is_file = args
        .first()
        .is_some_and(|a| !a.starts_with('-') && crate::records::pack::is_pack_path(Path::new(a)));
    if is_file && !args.iter().any(|a| a == "--lessons" || a.starts_with("--lessons=")) {
        args.insert(0, "--lessons".into());
    }
    args
}

/// Prints what [`parse_args`] returned instead of a command line: help and the version on `out`
/// (exit code 0), a usage error on `err` (exit code 2). Returns the exit code.
pub fn print_parse_error(e: &clap::Error, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    // Arguments can carry file names with escape sequences: never print them raw.
    let text = e.render().to_string();
    let written = if e.use_stderr() {
        write!(err, "{}", esc(&text))
    } else {
        write!(out, "{}", esc(&text))
    };
    match (written, e.exit_code()) {
        (Ok(()), code) => code,
        (Err(_), _) => 2,
    }
}

/// The help of `lateral --help`.
pub(crate) fn help_text() -> String {
    Cli::command().render_help().to_string()
}

/// Runs a parsed command line (a command, not the app), writing to `out` and `err`. Returns the
/// exit code.
pub fn run(inv: Invocation, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let r = match inv {
        Invocation::Command(c) => run_command(c, out, err),
        Invocation::App(_) if cfg!(feature = "gui") => writeln!(
            out,
            "The desktop app starts when lateral is run without a command:\n\n{}",
            help_text()
        )
        .map(|_| 0),
        Invocation::App(_) => writeln!(
            err,
            "this build of lateral has no app (built without the `gui` feature)\n\n{}",
            help_text()
        )
        .map(|_| 2),
    };
    r.unwrap_or(2)
}

fn run_command(c: Command, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    match c {
        Command::Check(a) => check::run(a, out, err),
        Command::Score(a) => score::run(a, out, err),
        Command::Import(a) => import::run(a, out, err),
        Command::NewLesson(a) => new_lesson::run(a, out, err),
        Command::Grade(a) => grade::run(a, out, err),
        Command::Export(a) => export::run(a, out, err),
        Command::ExportH5p(a) => export_h5p::run(a, out, err),
        Command::Pack(a) => pack::run(a, out, err),
        Command::Completions(a) => {
            // Into memory first: `generate` panics when it cannot write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "lateral", &mut script);
            out.write_all(&script)?;
            Ok(0)
        }
    }
}

/// A usage error found after parsing (a rule between options): printed like clap's, exit code 2.
/// The two arguments `score` and `export` share: a lesson and one student's results file.
#[derive(Debug, clap::Args)]
pub struct LessonAndResults {
    /// The lesson the results are for
    #[arg(long, value_name = "LESSON")]
    pub lesson: PathBuf,
    /// The student's results file
    #[arg(value_name = "RESULTS.json")]
    pub results: PathBuf,
}

fn usage_error(command: &str, msg: &str, err: &mut dyn Write) -> std::io::Result<i32> {
    // Arguments can carry file names with escape sequences: never print them raw.
    writeln!(err, "error: {}\n(run `lateral {command} --help` for usage)", esc(msg))?;
    Ok(2)
}

fn print_summary(diags: &[Diagnostic], what: &str, err: &mut dyn Write) -> std::io::Result<()> {
    let (e, w) = count(diags);
    let plural = |n: usize, s: &str| {
        if n == 1 { format!("1 {s}") } else { format!("{n} {s}s") }
    };
    writeln!(err, "{what}: {}, {}", plural(e, "error"), plural(w, "warning"))
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Writes a lesson outcome for people.
pub(crate) fn write_outcome(o: &LessonOutcome, lesson: &Lesson, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} — {} ({})", esc(&o.student), esc(&lesson.title), esc(&o.lesson))?;
    if !o.same_lesson_version {
        writeln!(out, "note: made with another version of the lesson file")?;
    }
    for (i, s) in o.steps.iter().enumerate() {
        let score = s.score.map_or("not scored".to_string(), pct);
        write!(out, "{:>2}. {:<8} {:<40} {score}", i + 1, esc(&s.kind), esc(&s.title))?;
        if let Some(d) = &s.detail {
            write!(
                out,
                "  (precision {}, recall {}, F1 {}",
                pct(d.precision),
                pct(d.recall),
                pct(d.f1)
            )?;
            if d.cap < 1.0 {
                write!(
                    out,
                    ", capped at {}: {} of the text outside the key was highlighted",
                    pct(d.cap),
                    pct(d.flooding)
                )?;
            }
            write!(out, ")")?;
        }
        writeln!(out)?;
        if let (Some(d), Some(step)) = (&s.detail, lesson.steps.iter().find(|x| x.id == s.step)) {
            for (k, r) in step.keys().iter().zip(&d.keys) {
                let why = match r.why {
                    Some(crate::grading::score::PartlyWhy::WrongLabel) => " (wrong label)",
                    Some(crate::grading::score::PartlyWhy::PartnerMissing) => " (other side missing)",
                    Some(crate::grading::score::PartlyWhy::PartOfCore) => " (part of it)",
                    None => "",
                };
                let verdict = match r.verdict {
                    crate::grading::score::Verdict::Found => "found",
                    crate::grading::score::Verdict::Partly => "partly",
                    crate::grading::score::Verdict::Missed => "missed",
                };
                writeln!(out, "      {verdict:<7}{why} “{}”", esc(&k.anchor.quote))?;
            }
            if !d.extras.is_empty() {
                writeln!(out, "      {} highlight(s) not in the key", d.extras.len())?;
            }
        }
    }
    writeln!(out, "lesson score: {}", pct(o.score))
}

/// Loads one playable lesson (with its corpus) or reports why not.
fn load_one_lesson(path: &Path, corpus: &[PathBuf], err: &mut dyn Write) -> std::io::Result<Option<(Lesson, Library)>> {
    let lib = match library::load_lesson(path, corpus) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(None);
        }
    };
    let Some(lf) = lib.lessons.first() else {
        writeln!(err, "error: {} is not a lesson file", shown_path(path))?;
        return Ok(None);
    };
    if !lf.is_playable() {
        for d in lf.diagnostics.iter().chain(&lf.article_errors) {
            writeln!(err, "{d}")?;
        }
        writeln!(
            err,
            "error: {} has errors; fix them first (`lateral check`)",
            shown_path(path)
        )?;
        return Ok(None);
    }
    let Some(lesson) = lf.lesson.clone() else {
        writeln!(err, "error: {} is not a lesson file", shown_path(path))?;
        return Ok(None);
    };
    Ok(Some((lesson, lib)))
}

/// Reads and parses a results file, printing why not when it cannot.
fn read_results_file(
    path: &Path,
    err: &mut dyn Write,
) -> std::io::Result<Option<(SourceFile, crate::records::results::Results)>> {
    let text = match read_text(path, MAX_RESULTS_BYTES) {
        Ok(t) => t,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(None);
        }
    };
    let src = SourceFile::new(path.display().to_string(), text);
    match parse_results(&src) {
        Ok(r) => Ok(Some((src, r))),
        Err(d) => {
            writeln!(err, "{d}")?;
            Ok(None)
        }
    }
}
