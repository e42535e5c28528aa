//! `lateral import`: an article from .txt, .md or .html, or an H5P "Mark the Words" task.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::ArticleMeta;
use crate::corpus::import::{LessonNotWritten, MarkTheWords, Source, import_h5p, is_h5p, write_article_marking_blanks};
use crate::text::diag::{Diagnostic, escape_for_terminal as esc, shown_path, write_failed};

/// Add an article from .txt, .md or .html, or an H5P “Mark the Words” task.
///
/// The article goes into --corpus. An H5P “Mark the Words” task (.h5p or content.json) gives an
/// article and a lesson, which goes into --lessons.
///
/// A saved web page is read as Reader View reads it: the article alone, without menus, related
/// stories and footers. The metadata the page gives (headline, outlet, byline, date, language,
/// address) is used; flags override it, and what is still missing is asked for when someone is at
/// the keyboard. Run without a keyboard, the missing fields are written as marked blanks
/// (`# FILL IN`) for the teacher to fill in; `lateral check` reports them until then. Where the
/// article came from (the saved file's name, the page's address) is kept in its metadata.
///
/// Exit 0 when the files were written, 1 when they could not be, 2 when it could not run.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The file: .txt, .md, .html, .h5p or content.json
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where the article goes
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    pub corpus: PathBuf,
    /// Where an H5P task's lesson goes
    #[arg(long, value_name = "DIR", default_value = "lessons")]
    pub lessons: PathBuf,
    /// The article's metadata.
    #[command(flatten)]
    pub meta: MetaFlags,
}

/// Metadata given on the command line for an imported article.
#[derive(Clone, Debug, Default, PartialEq, clap::Args)]
#[command(next_help_heading = "Article metadata")]
pub struct MetaFlags {
    /// The article's id (suggested from the headline)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Who published it
    #[arg(long, value_name = "TEXT")]
    pub outlet: Option<String>,
    /// The headline
    #[arg(long, value_name = "TEXT")]
    pub headline: Option<String>,
    /// The date it was published, YYYY-MM-DD (optionally with a time, "2022-11-16 08:02")
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Who wrote it
    #[arg(long, value_name = "TEXT")]
    pub byline: Option<String>,
    /// What kind of outlet (one line: who runs or funds it)
    #[arg(long, value_name = "TEXT")]
    pub kind: Option<String>,
    /// The text was written for teaching, not real news (students are told)
    #[arg(long)]
    pub fictional: bool,
}

/// Runs `lateral import`; returns the exit code.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Args {
        file,
        corpus,
        lessons,
        meta: flags,
    } = args;
    if let Some(code) = refuse_before_reading(&corpus, &lessons, is_h5p(&file), &flags, err)? {
        return Ok(code);
    }
    let Some((text, suggested, h5p)) = read_source(&file, err)? else {
        return Ok(1);
    };
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let mut meta = article_meta(flags, suggested, stem, err);
    // Provenance: the saved file's name (never the folders above it, which name the teacher's
    // computer), beside the page's own address.
    meta.imported_from = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let blanks = ask_for_missing(&mut meta, err)?;
    let written = match &h5p {
        None => write_article_marking_blanks(&corpus, &meta, &text).map(|article| (article, None)),
        Some(task) => import_h5p(task, &meta, &corpus, Some(&lessons)).map(|i| (i.article, Some(i.lesson_file))),
    };
    let ((txt, toml), lesson_file) = match written {
        Ok(w) => w,
        Err(e) => {
            writeln!(err, "error: {}", esc(&e))?;
            return Ok(1);
        }
    };
    writeln!(out, "wrote {} and {}", shown_path(&txt), shown_path(&toml))?;
    report_blanks(&toml, &crate::corpus::import::meta_toml(&meta), &blanks, err)?;
    match lesson_file {
        None | Some(Ok(None)) => {}
        Some(Ok(Some(path))) => writeln!(out, "wrote {}", shown_path(&path))?,
        Some(Err(LessonNotWritten::Exists(path))) => {
            writeln!(err, "error: {} already exists", shown_path(&path))?;
            return Ok(1);
        }
        Some(Err(LessonNotWritten::Failed(path, e))) => {
            writeln!(err, "{}", write_failed(&path, &e))?;
            return Ok(1);
        }
    }
    writeln!(
        out,
        "check it with: lateral check {} {}",
        shown_path(&lessons),
        shown_path(&corpus)
    )?;
    Ok(0)
}

/// A folder that is a file, or a `--date` that is not a date: the exit code (2) after saying so.
fn refuse_before_reading(
    corpus: &Path,
    lessons: &Path,
    is_h5p: bool,
    flags: &MetaFlags,
    err: &mut dyn Write,
) -> std::io::Result<Option<i32>> {
    for (flag, dir, used) in [("--corpus", corpus, true), ("--lessons", lessons, is_h5p)] {
        if used && dir.exists() && !dir.is_dir() {
            let d = Diagnostic::file(
                dir.display().to_string(),
                crate::text::diag::Severity::Error,
                format!("{flag} {} is a file, not a folder", shown_path(dir)),
            )
            .with_suggestion(format!(
                "give {flag} the folder to write into (a missing folder is made), e.g. {flag} {}",
                if flag == "--corpus" { "corpus" } else { "lessons" }
            ));
            writeln!(err, "{d}")?;
            return Ok(Some(2));
        }
    }
    if let Some(d) = flags.date.as_deref().filter(|d| !crate::corpus::valid_date(d)) {
        writeln!(
            err,
            "error: --date {} is not a date: write it as YYYY-MM-DD, e.g. --date 2022-11-16, optionally with a time \"2022-11-16 08:02\"",
            esc(d)
        )?;
        return Ok(Some(2));
    }
    Ok(None)
}

/// The text, the metadata the source suggests and, for an H5P task, the task; `None` after
/// saying why it cannot be read.
fn read_source(
    file: &Path,
    err: &mut dyn Write,
) -> std::io::Result<Option<(String, ArticleMeta, Option<MarkTheWords>)>> {
    match crate::corpus::import::read_source(file) {
        Ok(Source::H5p(t)) => Ok(Some((t.task.text.clone(), t.suggested, Some(t.task)))),
        Ok(Source::Article(i)) => {
            for w in &i.warnings {
                writeln!(err, "warning: {w}")?;
            }
            Ok(Some((i.text, i.suggested, None)))
        }
        Err(e) => {
            writeln!(err, "error: {}", esc(&e.to_string()))?;
            Ok(None)
        }
    }
}

/// The article's metadata: the flags, else what the source suggests; the id from the headline
/// (or the file's name).
fn article_meta(flags: MetaFlags, suggested: ArticleMeta, stem: &str, err: &mut dyn Write) -> ArticleMeta {
    let or = |flag: Option<String>, s: &str| flag.or_else(|| (!s.trim().is_empty()).then(|| s.to_string()));
    let mut meta = ArticleMeta {
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
        language: suggested.language,
        fictional: flags.fictional,
        ..Default::default()
    };
    meta.id = flags
        .id
        .unwrap_or_else(|| crate::corpus::import::article_id(&meta.headline, Some(stem)));
    meta
}

/// Asks for what is missing (when someone is at the keyboard); returns the required fields still
/// blank, which are written as marked blanks.
fn ask_for_missing(meta: &mut ArticleMeta, err: &mut dyn Write) -> std::io::Result<Vec<&'static str>> {
    let fields: [(&'static str, &str, &mut String); 3] = [
        ("outlet", "Outlet (who published it)", &mut meta.outlet),
        ("headline", "Headline", &mut meta.headline),
        (
            "outlet_kind",
            "Kind of outlet (one line: who runs or funds it)",
            &mut meta.outlet_kind,
        ),
    ];
    let mut missing = Vec::new();
    for (field, label, value) in fields {
        if value.trim().is_empty() {
            match ask(label, None, err)? {
                Some(v) if !v.trim().is_empty() => *value = v,
                _ => missing.push(field),
            }
        }
    }
    Ok(missing)
}

/// Says which fields were left as marked blanks, at their line in the metadata file (`text`, as
/// written).
fn report_blanks(toml: &Path, text: &str, blanks: &[&str], err: &mut dyn Write) -> std::io::Result<()> {
    for field in blanks {
        let line = text
            .lines()
            .position(|l| l.starts_with(&format!("{field} =")))
            .map_or(1, |n| n + 1);
        let what = crate::corpus::required_field_help(field).unwrap_or_default();
        let flag = match *field {
            "outlet_kind" => "--kind",
            "outlet" => "--outlet",
            _ => "--headline",
        };
        writeln!(
            err,
            "warning: {}:{line}: `{field}` is blank: fill in {what} (the page does not say; or import again with {flag})",
            shown_path(toml)
        )?;
    }
    Ok(())
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
