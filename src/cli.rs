//! The teachers' command line: `lateral check` and `lateral score`.
//!
//! Arguments are read in two stages, as ripgrep does: raw words into a [`Command`], then the
//! command runs. Every command returns an exit code: 0 all well, 1 problems found, 2 could not run.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::diag::{Diagnostic, SourceFile, count, escape_for_terminal as esc, shown_path, write_failed};
use crate::fsutil::{MAX_RESULTS_BYTES, read_text};
use crate::lesson::{Lesson, StepBody};
use crate::library::{self, Library};
use crate::results::{LessonOutcome, parse_results, score_results, validate};

/// The help text.
pub const HELP: &str = "\
Lateral: media-literacy lessons on real news text.

USAGE:
    lateral [--lessons DIR]                  start the app (bundled lessons, or those in DIR)
    lateral check [--format json] [--corpus DIR] PATH...
                                             check lesson and article files or folders, and
                                             exam packs (NAME.lateral-exam)
    lateral score --lesson LESSON [--corpus DIR] [--format json] RESULTS.json
                                             recompute a student's scores from a results file
    lateral import FILE [--corpus DIR] [--lessons DIR] [--id ID] [--outlet TEXT] [--headline TEXT]
                   [--date YYYY-MM-DD] [--byline TEXT] [--kind TEXT] [--fictional]
                                             add an article from .txt, .md or .html, or an H5P
                                             “Mark the Words” task (.h5p or content.json) as an
                                             article and a lesson
    lateral new-lesson --article ID [--article ID2] [--task bias|machine|conflict] [--out FILE]
                                             write a skeleton lesson to start from
    lateral grade --lesson LESSON [--csv OUT.csv] [--corpus DIR] RESULTS.json|DIR...
                                             grade a class: recompute every score, write the
                                             gradebook CSV and print a summary
    lateral export --lesson LESSON RESULTS.json [-o OUT.jsonld]
                                             a student's highlights as W3C Web Annotation JSON-LD
    lateral pack --exam LESSON... -o PACK.lateral-exam
                                             an exam pack for students' laptops: the lessons
                                             without keys, explanations or hints
    lateral help | --help | --version

check: every problem in every file, as file:line:column with the offending text and a
suggestion, then a summary. Exit 0 when clean, 1 when there are problems, 2 when it could not run.
Articles are NAME.txt with NAME.toml beside them; lessons are .md files starting with +++.
The bundled articles are always known; a corpus/ folder beside or above a lesson folder is found.

score: never trusts a score written in the results file; it recomputes every step from the
highlights, choices and the lesson's answer key.

Docs: docs/lesson-format.md, docs/results-format.md.";

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// Metadata given on the command line for an imported article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaFlags {
    /// `--id`
    pub id: Option<String>,
    /// `--outlet`
    pub outlet: Option<String>,
    /// `--headline`
    pub headline: Option<String>,
    /// `--date`
    pub date: Option<String>,
    /// `--byline`
    pub byline: Option<String>,
    /// `--kind` (what kind of outlet)
    pub kind: Option<String>,
    /// `--fictional`
    pub fictional: bool,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start the desktop app.
    App {
        /// A lesson folder to open instead of the bundled lessons.
        lessons: Option<PathBuf>,
        /// Other app options (screenshots etc.), passed on as given.
        rest: Vec<String>,
    },
    /// Print help.
    Help,
    /// Print the version.
    Version,
    /// Validate lessons and articles.
    Check {
        /// Files or folders.
        paths: Vec<PathBuf>,
        /// Extra corpus folders.
        corpus: Vec<PathBuf>,
        /// Output format.
        format: Format,
    },
    /// Import an article (or an H5P "Mark the Words" task) into a corpus folder.
    Import {
        /// The file.
        file: PathBuf,
        /// Where articles go.
        corpus: PathBuf,
        /// Where an H5P task's lesson goes.
        lessons: PathBuf,
        /// Metadata given as flags.
        meta: MetaFlags,
    },
    /// Write a skeleton lesson on an article.
    NewLesson {
        /// Article ids (two for a conflict lesson).
        articles: Vec<String>,
        /// bias, machine or conflict.
        task: String,
        /// Where to write it (stdout if none).
        out: Option<PathBuf>,
        /// Extra corpus folders.
        corpus: Vec<PathBuf>,
    },
    /// Grade many results files.
    Grade {
        /// The lesson.
        lesson: PathBuf,
        /// Results files or folders of them.
        results: Vec<PathBuf>,
        /// Where to write the CSV.
        csv: Option<PathBuf>,
        /// Extra corpus folders.
        corpus: Vec<PathBuf>,
    },
    /// Export a results file's highlights as W3C Web Annotation JSON-LD.
    Export {
        /// The lesson.
        lesson: PathBuf,
        /// The results file.
        results: PathBuf,
        /// Where to write (stdout if none).
        out: Option<PathBuf>,
    },
    /// Write an exam pack (lessons without keys).
    Pack {
        /// The lessons.
        lessons: Vec<PathBuf>,
        /// The pack file.
        out: PathBuf,
        /// Extra corpus folders.
        corpus: Vec<PathBuf>,
    },
    /// Recompute scores.
    Score {
        /// The lesson file.
        lesson: PathBuf,
        /// The results file.
        results: PathBuf,
        /// Extra corpus folders.
        corpus: Vec<PathBuf>,
        /// Output format.
        format: Format,
    },
}

/// A command line that cannot be understood.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{0}\n(run `lateral --help` for usage)")]
pub struct UsageError(pub String);

fn take_value(args: &mut std::vec::IntoIter<String>, flag: &str) -> Result<String, UsageError> {
    args.next().ok_or_else(|| UsageError(format!("{flag} needs a value")))
}

fn parse_format(s: &str) -> Result<Format, UsageError> {
    match s {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        other => Err(UsageError(format!("unknown format `{other}`: use text or json"))),
    }
}

/// Parses the arguments after the program name.
pub fn parse_args(args: Vec<String>) -> Result<Command, UsageError> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Ok(Command::App {
            lessons: None,
            rest: Vec::new(),
        });
    };
    match first.as_str() {
        "help" | "--help" | "-h" => Ok(Command::Help),
        "--version" | "-V" => Ok(Command::Version),
        "check" => {
            let (mut paths, mut corpus, mut format) = (Vec::new(), Vec::new(), Format::Text);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--format" => format = parse_format(&take_value(&mut it, "--format")?)?,
                    "--corpus" => corpus.push(PathBuf::from(take_value(&mut it, "--corpus")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with("--format=") => format = parse_format(&s["--format=".len()..])?,
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for check")));
                    }
                    _ => paths.push(PathBuf::from(a)),
                }
            }
            if paths.is_empty() {
                return Err(UsageError(
                    "check needs at least one file or folder, e.g. `lateral check lessons corpus`".into(),
                ));
            }
            Ok(Command::Check { paths, corpus, format })
        }
        "import" => {
            let (mut file, mut corpus, mut lessons, mut meta) = (
                None,
                PathBuf::from("corpus"),
                PathBuf::from("lessons"),
                MetaFlags::default(),
            );
            while let Some(a) = it.next() {
                let mut v = |flag: &str| take_value(&mut it, flag);
                match a.as_str() {
                    "--corpus" => corpus = PathBuf::from(v("--corpus")?),
                    "--lessons" => lessons = PathBuf::from(v("--lessons")?),
                    "--id" => meta.id = Some(v("--id")?),
                    "--outlet" => meta.outlet = Some(v("--outlet")?),
                    "--headline" => meta.headline = Some(v("--headline")?),
                    "--date" => meta.date = Some(v("--date")?),
                    "--byline" => meta.byline = Some(v("--byline")?),
                    "--kind" => meta.kind = Some(v("--kind")?),
                    "--fictional" => meta.fictional = true,
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for import")));
                    }
                    _ if file.is_none() => file = Some(PathBuf::from(a)),
                    _ => return Err(UsageError("import takes one file".into())),
                }
            }
            let file =
                file.ok_or_else(|| UsageError("import needs a file: .txt, .md, .html, .h5p or content.json".into()))?;
            Ok(Command::Import {
                file,
                corpus,
                lessons,
                meta,
            })
        }
        "grade" => {
            let (mut lesson, mut results, mut csv, mut corpus) = (None, Vec::new(), None, Vec::new());
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--lesson" => lesson = Some(PathBuf::from(take_value(&mut it, "--lesson")?)),
                    "--csv" => csv = Some(PathBuf::from(take_value(&mut it, "--csv")?)),
                    "--corpus" => corpus.push(PathBuf::from(take_value(&mut it, "--corpus")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for grade")));
                    }
                    _ => results.push(PathBuf::from(a)),
                }
            }
            let lesson = lesson.ok_or_else(|| UsageError("grade needs --lesson LESSON.md".into()))?;
            if results.is_empty() {
                return Err(UsageError("grade needs results files (or a folder of them)".into()));
            }
            Ok(Command::Grade {
                lesson,
                results,
                csv,
                corpus,
            })
        }
        "export" => {
            let (mut lesson, mut results, mut out) = (None, None, None);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--lesson" => lesson = Some(PathBuf::from(take_value(&mut it, "--lesson")?)),
                    "-o" | "--out" => out = Some(PathBuf::from(take_value(&mut it, "-o")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for export")));
                    }
                    _ if results.is_none() => results = Some(PathBuf::from(a)),
                    _ => return Err(UsageError("export takes one results file".into())),
                }
            }
            let lesson = lesson.ok_or_else(|| UsageError("export needs --lesson LESSON.md".into()))?;
            let results = results.ok_or_else(|| UsageError("export needs a results file".into()))?;
            Ok(Command::Export { lesson, results, out })
        }
        "pack" => {
            let (mut lessons, mut out, mut corpus, mut exam) = (Vec::new(), None, Vec::new(), false);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--exam" => exam = true,
                    "-o" | "--out" => out = Some(PathBuf::from(take_value(&mut it, "-o")?)),
                    "--corpus" => corpus.push(PathBuf::from(take_value(&mut it, "--corpus")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for pack")));
                    }
                    _ => lessons.push(PathBuf::from(a)),
                }
            }
            if !exam {
                return Err(UsageError(
                    "pack makes exam packs: write `lateral pack --exam LESSON... -o PACK`".into(),
                ));
            }
            let out = out.ok_or_else(|| UsageError("pack needs -o PACK (e.g. -o exam.lateral-exam)".into()))?;
            if lessons.is_empty() {
                return Err(UsageError("pack needs at least one lesson".into()));
            }
            Ok(Command::Pack { lessons, out, corpus })
        }
        "new-lesson" => {
            let (mut articles, mut task, mut out, mut corpus) = (Vec::new(), None, None, Vec::new());
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--article" => articles.push(take_value(&mut it, "--article")?),
                    "--task" => task = Some(take_value(&mut it, "--task")?),
                    "--out" | "-o" => out = Some(PathBuf::from(take_value(&mut it, "--out")?)),
                    "--corpus" => corpus.push(PathBuf::from(take_value(&mut it, "--corpus")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    other => return Err(UsageError(format!("unknown option `{other}` for new-lesson"))),
                }
            }
            let task = task.unwrap_or_else(|| {
                if articles.len() == 2 {
                    "conflict".into()
                } else {
                    "bias".into()
                }
            });
            if !matches!(task.as_str(), "bias" | "machine" | "conflict") {
                return Err(UsageError(format!("--task is bias, machine or conflict, not `{task}`")));
            }
            match (task.as_str(), articles.len()) {
                (_, 0) => return Err(UsageError("new-lesson needs --article ID".into())),
                ("conflict", n) if n != 2 => {
                    return Err(UsageError(
                        "a conflict lesson needs two articles: --article A --article B".into(),
                    ));
                }
                (t, n) if t != "conflict" && n != 1 => {
                    return Err(UsageError(format!("a {t} lesson takes one --article")));
                }
                _ => {}
            }
            Ok(Command::NewLesson {
                articles,
                task,
                out,
                corpus,
            })
        }
        "score" => {
            let (mut lesson, mut results, mut corpus, mut format) = (None, Vec::new(), Vec::new(), Format::Text);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--lesson" => lesson = Some(PathBuf::from(take_value(&mut it, "--lesson")?)),
                    "--format" => format = parse_format(&take_value(&mut it, "--format")?)?,
                    "--corpus" => corpus.push(PathBuf::from(take_value(&mut it, "--corpus")?)),
                    "--help" | "-h" => return Ok(Command::Help),
                    s if s.starts_with('-') && s.len() > 1 => {
                        return Err(UsageError(format!("unknown option `{s}` for score")));
                    }
                    _ => results.push(PathBuf::from(a)),
                }
            }
            let lesson = lesson.ok_or_else(|| UsageError("score needs --lesson LESSON.md".into()))?;
            if results.len() != 1 {
                return Err(UsageError("score takes exactly one results file".into()));
            }
            Ok(Command::Score {
                lesson,
                results: results.remove(0),
                corpus,
                format,
            })
        }
        _ => {
            let mut lessons = None;
            let mut rest = Vec::new();
            let mut it = std::iter::once(first).chain(it);
            while let Some(a) = it.next() {
                if a == "--lessons" {
                    lessons = Some(PathBuf::from(
                        it.next().ok_or_else(|| UsageError("--lessons needs a folder".into()))?,
                    ));
                } else if a.starts_with('-') {
                    rest.push(a);
                } else if rest.is_empty() {
                    return Err(UsageError(format!("unknown command `{a}`: use check or score")));
                } else {
                    rest.push(a);
                }
            }
            Ok(Command::App { lessons, rest })
        }
    }
}

/// Runs a CLI command (not the app), writing to `out` and `err`. Returns the exit code.
pub fn run(cmd: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let r = match cmd {
        Command::Help => writeln!(out, "{HELP}").map(|_| 0),
        Command::Version => writeln!(out, "lateral {}", env!("CARGO_PKG_VERSION")).map(|_| 0),
        Command::Check { paths, corpus, format } => check(&paths, &corpus, format, out, err),
        Command::Score {
            lesson,
            results,
            corpus,
            format,
        } => score(&lesson, &results, &corpus, format, out, err),
        Command::Import {
            file,
            corpus,
            lessons,
            meta,
        } => import(&file, &corpus, &lessons, meta, out, err),
        Command::NewLesson {
            articles,
            task,
            out: file,
            corpus,
        } => new_lesson(&articles, &task, file.as_deref(), &corpus, out, err),
        Command::Grade {
            lesson,
            results,
            csv,
            corpus,
        } => grade(&lesson, &results, csv.as_deref(), &corpus, out, err),
        Command::Pack {
            lessons,
            out: file,
            corpus,
        } => pack(&lessons, &file, &corpus, out, err),
        Command::Export {
            lesson,
            results,
            out: file,
        } => export(&lesson, &results, file.as_deref(), out, err),
        Command::App { .. } if cfg!(feature = "gui") => writeln!(
            out,
            "The desktop app starts when lateral is run without a command:\n\n{HELP}"
        )
        .map(|_| 0),
        Command::App { .. } => writeln!(
            err,
            "this build of lateral has no app (built without the `gui` feature)\n\n{HELP}"
        )
        .map(|_| 2),
    };
    r.unwrap_or(2)
}

#[derive(Serialize)]
struct JsonKey<'a> {
    id: &'a str,
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    allowed_start: usize,
    allowed_end: usize,
    label: Option<&'a str>,
    kind: &'a str,
    extent: crate::lesson::Extent,
    explanation: &'a str,
    points: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    index: usize,
    id: &'a str,
    kind: &'a str,
    title: &'a str,
    line: usize,
    articles: &'a [String],
    points: f64,
    keys: Vec<JsonKey<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<&'a [crate::lesson::ChoiceOption]>,
}

#[derive(Serialize)]
struct JsonLesson<'a> {
    file: &'a str,
    id: &'a str,
    title: &'a str,
    sha256: &'a str,
    playable: bool,
    steps: Vec<JsonStep<'a>>,
}

fn json_lesson<'a>(file: &'a str, l: &'a Lesson, corpus: &'a Corpus, playable: bool) -> JsonLesson<'a> {
    let steps = l
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let keys = s
                .keys()
                .iter()
                .map(|k| JsonKey {
                    id: &k.id,
                    article: &k.article,
                    start: k.core.start,
                    end: k.core.end,
                    text: corpus.get(&k.article).map_or("", |a| a.slice(k.core)),
                    allowed_start: k.allowed.start,
                    allowed_end: k.allowed.end,
                    label: k.label.as_deref(),
                    kind: s.kind_name(),
                    extent: k.extent,
                    explanation: &k.explanation,
                    points: k.points,
                    partner: k.pair.map(|p| s.keys()[p].id.as_str()),
                })
                .collect();
            let options = match &s.body {
                StepBody::Choice { options, .. } => Some(options.as_slice()),
                _ => None,
            };
            JsonStep {
                index: i + 1,
                id: &s.id,
                kind: s.kind_name(),
                title: &s.title,
                line: s.line,
                articles: &s.articles,
                points: s.points,
                keys,
                options,
            }
        })
        .collect();
    JsonLesson {
        file,
        id: &l.id,
        title: &l.title,
        sha256: &l.sha256,
        playable,
        steps,
    }
}

fn print_summary(diags: &[Diagnostic], what: &str, err: &mut dyn Write) -> std::io::Result<()> {
    let (e, w) = count(diags);
    let plural = |n: usize, s: &str| {
        if n == 1 { format!("1 {s}") } else { format!("{n} {s}s") }
    };
    writeln!(err, "{what}: {}, {}", plural(e, "error"), plural(w, "warning"))
}

fn check(
    paths: &[PathBuf],
    corpus: &[PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    // Exam packs are checked on their own (they carry their articles); the rest is a library.
    let (packs, others): (Vec<PathBuf>, Vec<PathBuf>) = paths.iter().cloned().partition(|p| is_pack_path(p));
    let mut diags = Vec::new();
    for p in &packs {
        match crate::fsutil::read_text(p, crate::fsutil::MAX_PACK_BYTES) {
            Ok(text) => diags.extend(crate::pack::read_pack(&SourceFile::new(p.display().to_string(), text)).1),
            Err(d) => diags.push(d),
        }
    }
    let lib: Library = if others.is_empty() {
        Library::default()
    } else {
        match library::load(&others, corpus) {
            Ok(l) => l,
            Err(e) => {
                writeln!(err, "error: {}", esc(&e.to_string()))?;
                return Ok(2);
            }
        }
    };
    diags.extend(lib.all_diagnostics());
    match format {
        Format::Json => {
            let lessons: Vec<JsonLesson> = lib
                .lessons
                .iter()
                .filter_map(|lf| {
                    lf.lesson
                        .as_ref()
                        .map(|l| json_lesson(&lf.path, l, &lib.corpus, lf.is_playable()))
                })
                .collect();
            #[derive(Serialize)]
            struct Out<'a> {
                lessons: Vec<JsonLesson<'a>>,
                diagnostics: &'a [Diagnostic],
            }
            serde_json::to_writer_pretty(
                &mut *out,
                &Out {
                    lessons,
                    diagnostics: &diags,
                },
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            for d in &diags {
                writeln!(out, "{d}")?;
            }
            let articles = lib.articles_from_disk;
            let ok = lib.lessons.iter().filter(|l| l.is_playable()).count();
            let packs = if packs.is_empty() {
                String::new()
            } else {
                format!(", {} exam pack(s)", packs.len())
            };
            writeln!(
                err,
                "checked {} lesson file(s) ({ok} ready to play) and {articles} article(s){packs}",
                lib.lessons.len()
            )?;
            print_summary(&diags, "result", err)?;
        }
    }
    Ok(if diags.iter().any(Diagnostic::is_error) { 1 } else { 0 })
}

/// Is `p` an exam pack, by its name (`NAME.lateral-exam`)?
fn is_pack_path(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("lateral-exam"))
}

fn score(
    lesson_path: &Path,
    results_path: &Path,
    corpus: &[PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let lib = match library::load(&[lesson_path.to_path_buf()], corpus) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(2);
        }
    };
    let Some(lf) = lib.lessons.first() else {
        writeln!(err, "error: {} is not a lesson file", shown_path(lesson_path))?;
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
    let Some((src, mut results)) = read_results_file(results_path, err)? else {
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

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Writes a lesson outcome for people.
pub fn write_outcome(o: &LessonOutcome, lesson: &Lesson, out: &mut dyn Write) -> std::io::Result<()> {
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
                    Some(crate::score::PartlyWhy::WrongLabel) => " (wrong label)",
                    Some(crate::score::PartlyWhy::PartnerMissing) => " (other side missing)",
                    Some(crate::score::PartlyWhy::PartOfCore) => " (part of it)",
                    None => "",
                };
                let verdict = match r.verdict {
                    crate::score::Verdict::Found => "found",
                    crate::score::Verdict::Partly => "partly",
                    crate::score::Verdict::Missed => "missed",
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

fn ask(field: &str, suggestion: Option<&str>, err: &mut dyn Write) -> std::io::Result<Option<String>> {
    use std::io::{BufRead, IsTerminal};
    if !std::io::stdin().is_terminal() {
        return Ok(suggestion.map(str::to_string));
    }
    match suggestion {
        Some(s) => write!(err, "{field} [{s}]: ")?,
        None => write!(err, "{field}: ")?,
    }
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let line = line.trim();
    Ok(if line.is_empty() {
        suggestion.map(str::to_string)
    } else {
        Some(line.to_string())
    })
}

fn import(
    file: &Path,
    corpus: &Path,
    lessons: &Path,
    flags: MetaFlags,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    use crate::import::{import_article, mark_the_words_lesson, read_h5p, suggest_id, write_article};
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let is_h5p = ext == "h5p" || file.file_name().is_some_and(|n| n == "content.json");
    for (flag, dir, used) in [("--corpus", corpus, true), ("--lessons", lessons, is_h5p)] {
        if used && dir.exists() && !dir.is_dir() {
            let d = Diagnostic::file(
                dir.display().to_string(),
                crate::diag::Severity::Error,
                format!("{flag} {} is a file, not a folder", shown_path(dir)),
            )
            .with_suggestion(format!(
                "give {flag} the folder to write into (a missing folder is made), e.g. {flag} {}",
                if flag == "--corpus" { "corpus" } else { "lessons" }
            ));
            writeln!(err, "{d}")?;
            return Ok(2);
        }
    }
    if let Some(d) = flags.date.as_deref().filter(|d| !crate::corpus::valid_date(d)) {
        writeln!(
            err,
            "error: --date {} is not a date: write it as YYYY-MM-DD, e.g. --date 2022-11-16, optionally with a time \"2022-11-16 08:02\"",
            esc(d)
        )?;
        return Ok(2);
    }
    let (text, suggested, h5p) = if is_h5p {
        match read_h5p(file) {
            Ok(m) => {
                let first: String = m.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
                let s = crate::corpus::ArticleMeta {
                    headline: first,
                    outlet: "H5P task".into(),
                    outlet_kind: "The text of an H5P “Mark the Words” task, imported by a teacher".into(),
                    ..Default::default()
                };
                (m.text.clone(), s, Some(m))
            }
            Err(e) => {
                writeln!(err, "error: {}", esc(&e.to_string()))?;
                return Ok(1);
            }
        }
    } else {
        match import_article(file) {
            Ok(i) => {
                for w in &i.warnings {
                    writeln!(err, "warning: {w}")?;
                }
                (i.text, i.suggested, None)
            }
            Err(e) => {
                writeln!(err, "error: {}", esc(&e.to_string()))?;
                return Ok(1);
            }
        }
    };
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let or = |flag: Option<String>, s: &str| flag.or_else(|| (!s.trim().is_empty()).then(|| s.to_string()));
    let mut meta = crate::corpus::ArticleMeta {
        headline: or(flags.headline, &suggested.headline).unwrap_or_default(),
        outlet: or(flags.outlet, &suggested.outlet).unwrap_or_default(),
        outlet_kind: or(flags.kind, &suggested.outlet_kind).unwrap_or_default(),
        date: flags.date.or_else(|| {
            // A date the page gives is only a suggestion: one that is not a real date is left out.
            let d = suggested.date?;
            if crate::corpus::valid_date(&d) {
                Some(d)
            } else {
                let _ = writeln!(
                    err,
                    "warning: the page gives the date \"{}\", which is not a real date; it is left out (give one with --date)",
                    esc(&d)
                );
                None
            }
        }),
        byline: flags.byline.or(suggested.byline),
        url: suggested.url,
        fictional: flags.fictional,
        ..Default::default()
    };
    meta.id = flags.id.unwrap_or_else(|| {
        if meta.headline.is_empty() {
            suggest_id(stem)
        } else {
            suggest_id(&meta.headline)
        }
    });
    // Ask for what is missing (when someone is at the keyboard).
    let fields: [(&str, &mut String); 3] = [
        ("Outlet (who published it)", &mut meta.outlet),
        ("Headline", &mut meta.headline),
        ("Kind of outlet (one line: who runs or funds it)", &mut meta.outlet_kind),
    ];
    let mut missing = Vec::new();
    for (label, value) in fields {
        if value.trim().is_empty() {
            match ask(label, None, err)? {
                Some(v) => *value = v,
                None => missing.push(label),
            }
        }
    }
    if !missing.is_empty() {
        writeln!(
            err,
            "error: missing metadata: {}\n(give it with --outlet, --headline and --kind, or run in a terminal to be asked)",
            missing.join(", ")
        )?;
        return Ok(1);
    }
    match write_article(corpus, &meta, &text) {
        Ok((txt, toml)) => writeln!(out, "wrote {} and {}", shown_path(&txt), shown_path(&toml))?,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            return Ok(1);
        }
    }
    if let Some(m) = h5p {
        let lesson = mark_the_words_lesson(&m, &meta.id, &meta.headline);
        let path = lessons.join(format!("{}.md", meta.id));
        if path.exists() {
            writeln!(err, "error: {} already exists", shown_path(&path))?;
            return Ok(1);
        }
        if let Err(e) = crate::fsutil::write_atomic(&path, lesson.as_bytes()) {
            writeln!(err, "{}", write_failed(&path, &e))?;
            return Ok(1);
        }
        writeln!(out, "wrote {}", shown_path(&path))?;
    }
    writeln!(
        out,
        "check it with: lateral check {} {}",
        shown_path(lessons),
        shown_path(corpus)
    )?;
    Ok(0)
}

fn new_lesson(
    articles: &[String],
    task: &str,
    file: Option<&Path>,
    corpus_dirs: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let mut dirs = corpus_dirs.to_vec();
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
    if !lf.is_playable() {
        for d in &lf.diagnostics {
            writeln!(err, "{d}")?;
        }
        writeln!(err, "error: the skeleton does not validate (a bug; please report it)")?;
        return Ok(2);
    }
    match file {
        None => write!(out, "{text}")?,
        Some(p) if p.exists() => {
            writeln!(err, "error: {} already exists", shown_path(p))?;
            return Ok(1);
        }
        Some(p) => match crate::fsutil::write_atomic(p, text.as_bytes()) {
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

/// Loads one playable lesson (with its corpus) or reports why not.
fn load_one_lesson(path: &Path, corpus: &[PathBuf], err: &mut dyn Write) -> std::io::Result<Option<(Lesson, Library)>> {
    let lib = match library::load(&[path.to_path_buf()], corpus) {
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
        for d in &lf.diagnostics {
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

fn grade(
    lesson_path: &Path,
    results: &[PathBuf],
    csv_out: Option<&Path>,
    corpus: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some((lesson, lib)) = load_one_lesson(lesson_path, corpus, err)? else {
        return Ok(2);
    };
    for p in results {
        if !p.exists() {
            writeln!(err, "error: {}: no such file or folder", shown_path(p))?;
            return Ok(2);
        }
    }
    let (files, mut listing) = crate::grade::results_files_checked(results);
    let mut report = crate::grade::grade(&lesson, &lib.corpus, &files);
    listing.append(&mut report.diagnostics);
    report.diagnostics = listing;
    for d in &report.diagnostics {
        writeln!(err, "{d}")?;
    }
    let csv = crate::grade::csv(&report, &lesson);
    if let Some(p) = csv_out {
        if let Err(e) = crate::fsutil::write_atomic(p, csv.as_bytes()) {
            writeln!(err, "{}", write_failed(p, &e))?;
            return Ok(2);
        }
        writeln!(err, "wrote {}", shown_path(p))?;
    }
    let classes = crate::grade::class_view(&report, &lesson, &lib.corpus);
    write!(out, "{}", crate::grade::summary(&report, &lesson, &classes))?;
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

fn pack(
    lessons: &[PathBuf],
    file: &Path,
    corpus: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let mut loaded = Vec::new();
    let mut all = crate::corpus::Corpus::new();
    for p in lessons {
        let Some((lesson, lib)) = load_one_lesson(p, corpus, err)? else {
            return Ok(2);
        };
        for a in lib.corpus.articles() {
            if all.get(a.id()).is_none() {
                let _ = all.add_shared(a.clone());
            }
        }
        loaded.push(lesson);
    }
    let pack = crate::pack::make_pack(&loaded, &all);
    let json = pack.to_json();
    if let Err(e) = crate::fsutil::write_atomic(file, json.as_bytes()) {
        writeln!(err, "{}", write_failed(file, &e))?;
        return Ok(2);
    }
    writeln!(
        out,
        "wrote {} ({} lesson(s), {} article(s), no answer keys). Students open it with: lateral --lessons {}",
        shown_path(file),
        pack.lessons.len(),
        pack.articles.len(),
        shown_path(file)
    )?;
    Ok(0)
}

fn export(
    lesson_path: &Path,
    results: &Path,
    file: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some((lesson, lib)) = load_one_lesson(lesson_path, &[], err)? else {
        return Ok(2);
    };
    let Some((src, mut r)) = read_results_file(results, err)? else {
        return Ok(1);
    };
    let diags = validate(&src, &mut r, &lesson, &lib.corpus);
    for d in &diags {
        writeln!(err, "{d}")?;
    }
    let json = serde_json::to_string_pretty(&crate::export::annotation_page(&r, &lesson)).unwrap_or_default();
    match file {
        Some(p) => {
            if let Err(e) = crate::fsutil::write_atomic(p, json.as_bytes()) {
                writeln!(err, "{}", write_failed(p, &e))?;
                return Ok(2);
            }
            writeln!(err, "wrote {}", shown_path(p))?;
        }
        None => writeln!(out, "{json}")?,
    }
    Ok(if diags.iter().any(Diagnostic::is_error) { 1 } else { 0 })
}

/// Reads and parses a results file, printing why not when it cannot.
fn read_results_file(
    path: &Path,
    err: &mut dyn Write,
) -> std::io::Result<Option<(SourceFile, crate::results::Results)>> {
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
