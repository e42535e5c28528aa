//! `lateral check`: every problem in every lesson, article and exam pack.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::{Format, print_summary};
use crate::corpus::Corpus;
use crate::lesson::library::{self, Library};
use crate::lesson::{Lesson, StepBody};
use crate::text::diag::{Diagnostic, SourceFile, escape_for_terminal as esc};

/// Check lesson and article files or folders, and exam packs (NAME.lateral-exam).
///
/// Prints every problem in every file, as file:line:column with the offending text and a
/// suggestion, then a summary.
///
/// Articles are NAME.txt with NAME.toml beside them; lessons are .md files starting with +++.
/// The bundled articles are always known; a corpus/ folder beside or above a lesson folder is
/// found.
///
/// Exit 0 when clean, 1 when there are problems, 2 when it could not run. Warnings do not
/// count as problems unless --strict is given.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Lesson and article files or folders, and exam packs
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A folder of articles to use as well (may be given more than once)
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
    /// How to print the result
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub format: Format,
    /// Count warnings as problems too (exit 1): placeholder text, answers given away, …
    #[arg(long)]
    pub strict: bool,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
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
        lang: l.lang.as_deref(),
        sha256: &l.sha256,
        playable,
        steps,
    }
}

/// Runs `lateral check`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        paths,
        corpus,
        format,
        strict,
    } = args;
    // Exam packs are checked on their own (they carry their articles); the rest is a library.
    let (packs, others): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .iter()
        .cloned()
        .partition(|p| crate::records::pack::is_pack_path(p));
    let mut diags = Vec::new();
    for p in &packs {
        match crate::files::read_text(p, crate::files::MAX_PACK_BYTES) {
            Ok(text) => {
                diags.extend(crate::records::pack::read_pack(&SourceFile::new(p.display().to_string(), text)).1)
            }
            Err(d) => diags.push(d),
        }
    }
    let lib: Library = if others.is_empty() {
        Library::default()
    } else {
        match library::load(&others, &corpus) {
            Ok(l) => l,
            Err(e) => {
                writeln!(err, "error: {}", esc(&e.to_string()))?;
                return Ok(2);
            }
        }
    };
    diags.extend(lib.all_diagnostics());
    match format {
        Format::Json => write_json(&lib, &diags, out)?,
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
            if strict && !diags.is_empty() && !diags.iter().any(Diagnostic::is_error) {
                writeln!(err, "--strict: warnings count as problems")?;
            }
        }
    }
    let problem = |d: &Diagnostic| d.is_error() || strict;
    Ok(if diags.iter().any(problem) { 1 } else { 0 })
}

/// `--format json`: the lessons, their steps and keys, and every diagnostic.
fn write_json(lib: &Library, diags: &[Diagnostic], out: &mut dyn Write) -> std::io::Result<()> {
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
            diagnostics: diags,
        },
    )?;
    writeln!(out)
}
