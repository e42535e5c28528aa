//! Bringing articles and lessons in: plain text, Markdown, HTML, and H5P "Mark the Words".
//!
//! An imported article keeps its words exactly. A saved web page is read as Firefox's Reader View
//! reads it (html5ever parses it, `dom_smoothie`'s Readability finds the article and drops menus,
//! related stories and footers); Markdown loses its markup; plain text stays as it is. What the
//! source says about itself (headline, outlet, byline, date, language, address) is offered as
//! metadata; the teacher confirms or corrects it.

use std::path::{Path, PathBuf};

use crate::corpus::{ArticleMeta, valid_id};
use crate::files::{MAX_ARTICLE_BYTES, decode_text};

mod dates;
mod h5p;
mod html;
mod page_meta;
mod parse;
mod text;

pub use h5p::{MarkTheWords, h5p_from_bytes, mark_the_words_lesson, parse_mark_the_words, read_h5p};
pub use html::{html_fragment_text, html_to_article};

pub use text::markdown_to_text;
use text::tidy_plain;
#[cfg(test)]
use {dates::page_date, h5p::MARKED_WORD_CONTEXT_PLACES};

/// Why an import failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// The file is larger than an article may be.
    #[error("{0} is {1} bytes; an article may be at most {2} bytes")]
    TooLarge(String, u64, u64),
    /// The file is not text.
    #[error("{0}: {1}; save the article as UTF-8 text (.txt, .md or .html)")]
    NotText(String, String),
    /// The file has no words in it.
    #[error("{0} has no text in it")]
    Empty(String),
    /// The file could not be read.
    #[error("cannot read {0}: {1}")]
    Io(String, String),
    /// An H5P file that is not what it should be.
    #[error("{0}: {1}")]
    H5p(String, String),
}

/// What an import produced: the article text and the metadata the source suggests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    /// Metadata found in the source (headline, outlet, byline, date), to confirm.
    pub suggested: ArticleMeta,
    /// What the source stated but could not be used (e.g. a date that is not a real date), for
    /// the teacher to see. The import itself succeeded.
    pub warnings: Vec<String>,
}

/// Reads a file for import, with the size and text checks every import needs.
pub(crate) fn read_for_import(path: &Path) -> Result<Vec<u8>, ImportError> {
    use crate::files::MAX_IMPORT_BYTES;
    if let Ok(m) = std::fs::metadata(path)
        && m.is_file()
        && m.len() > MAX_IMPORT_BYTES
    {
        return Err(ImportError::TooLarge(
            path.display().to_string(),
            m.len(),
            MAX_IMPORT_BYTES,
        ));
    }
    crate::files::read_bytes(path, MAX_IMPORT_BYTES).map_err(|d| ImportError::Io(path.display().to_string(), d.message))
}

/// The text of an imported file, by the one decoder every file goes through (UTF-8, or UTF-16
/// with a byte-order mark; NUL bytes and other encodings refused with the encoding named).
pub(crate) fn as_text(name: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    decode_text(name, bytes).map_err(|d| ImportError::NotText(name.into(), d.message))
}

/// Imports an article from a file: `.html`/`.htm`, `.md`/`.markdown`, or anything else as text.
pub fn import_article(path: &Path) -> Result<Imported, ImportError> {
    let bytes = read_for_import(path)?;
    article_from_bytes(&path.display().to_string(), bytes)
}

/// The extension of a file's name, lower case (`""` when it has none).
fn extension_of(name: &str) -> String {
    crate::files::given::extension(name).unwrap_or_default()
}

/// Imports an article from the bytes of a file named `name` (a file handed over whole, as a
/// browser uploads it): what [`import_article`] does once the file is read, by the extension of
/// `name`. Over [`crate::files::MAX_IMPORT_BYTES`] is refused, as on disk.
pub fn article_from_bytes(name: &str, bytes: Vec<u8>) -> Result<Imported, ImportError> {
    refuse_oversized(name, bytes.len())?;
    let name = name.to_string();
    let text = as_text(&name, bytes)?;
    let ext = extension_of(&name);
    let imported = match ext.as_str() {
        "html" | "htm" | "xhtml" => html_to_article(&text),
        "md" | "markdown" => Imported {
            text: markdown_to_text(&text),
            ..Default::default()
        },
        _ => Imported {
            text: tidy_plain(&text),
            ..Default::default()
        },
    };
    if imported.text.split_whitespace().next().is_none() {
        return Err(ImportError::Empty(name));
    }
    // A page may be larger than an article (menus, scripts); the article itself may not.
    if imported.text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(
            name,
            imported.text.len() as u64,
            MAX_ARTICLE_BYTES,
        ));
    }
    Ok(imported)
}

/// Imports pasted text (as plain text).
pub fn import_pasted(text: &str) -> Result<Imported, ImportError> {
    let t = tidy_plain(&text.replace("\r\n", "\n").replace('\r', "\n"));
    if t.split_whitespace().next().is_none() {
        return Err(ImportError::Empty("the pasted text".into()));
    }
    Ok(Imported {
        text: t,
        ..Default::default()
    })
}

/// The id an imported article gets unless the teacher gives one (`--id`, or the import window's
/// "Id" field): from its headline, else from the name of the file it came from, else `article`.
/// The one rule the import window and `lateral import` share (see [`suggest_id`]).
pub fn article_id(headline: &str, file_stem: Option<&str>) -> String {
    if headline.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty()) {
        suggest_id(headline)
    } else {
        suggest_id(file_stem.unwrap_or(""))
    }
}

/// A file-name-safe id from a headline: lower-case words joined by `-`, at most 6 words.
pub fn suggest_id(headline: &str) -> String {
    let words: Vec<String> = headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    let id = words.join("-");
    if valid_id(&id) { id } else { "article".into() }
}

pub use crate::corpus::{REQUIRED_FIELDS, required_field_help};

/// The required fields of `m` that are blank.
pub fn blank_fields(m: &ArticleMeta) -> Vec<&'static str> {
    [
        ("outlet", &m.outlet),
        ("headline", &m.headline),
        ("outlet_kind", &m.outlet_kind),
    ]
    .into_iter()
    .filter(|(_, v)| v.trim().is_empty())
    .map(|(f, _)| f)
    .collect()
}

/// The TOML of an article's metadata file, written the way a teacher would write it by hand; a
/// blank required field is marked with a `# FILL IN: …` line above it.
pub fn meta_toml(m: &ArticleMeta) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    doc["id"] = toml_edit::value(&m.id);
    doc["outlet"] = toml_edit::value(&m.outlet);
    doc["headline"] = toml_edit::value(&m.headline);
    if let Some(d) = &m.date {
        doc["date"] = toml_edit::value(d);
    }
    if let Some(b) = &m.byline {
        doc["byline"] = toml_edit::value(b);
    }
    doc["outlet_kind"] = toml_edit::value(&m.outlet_kind);
    if let Some(u) = &m.url {
        doc["url"] = toml_edit::value(u);
    }
    if let Some(l) = &m.language {
        doc["language"] = toml_edit::value(l);
    }
    if let Some(n) = &m.note {
        doc["note"] = toml_edit::value(n);
    }
    if let Some(f) = &m.imported_from {
        doc["imported_from"] = toml_edit::value(f);
    }
    if m.fictional {
        doc["fictional"] = toml_edit::value(true);
    }
    for field in blank_fields(m) {
        let what = required_field_help(field).unwrap_or_default();
        if let Some(mut key) = doc.key_mut(field) {
            key.leaf_decor_mut().set_prefix(format!(
                "# FILL IN: {what} (`lateral check` reports it until it is filled in)\n"
            ));
        }
    }
    let mut s = doc.to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Writes an article as `DIR/ID.txt` and `DIR/ID.toml`, refusing to overwrite an existing one or
/// to leave a required field blank. Returns the two paths.
pub(crate) fn write_article(
    dir: &Path,
    meta: &ArticleMeta,
    text: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf), String> {
    check_required(meta)?;
    write_article_marking_blanks(dir, meta, text)
}

/// Refuses an article with a required field left blank, saying how to fill it in.
fn check_required(meta: &ArticleMeta) -> Result<(), String> {
    if let Some(field) = blank_fields(meta).first() {
        let what = required_field_help(field).unwrap_or_default();
        return Err(format!("the {} is missing: fill in {what}", field.replace('_', " ")));
    }
    Ok(())
}

/// An article's two files, as [`write_article`] writes them: `ID.txt` (the text, ending in a
/// newline) and `ID.toml` (its metadata), each as (file name, contents). Refused as
/// [`write_article`] refuses: a required field blank, an id that cannot be a file name. (The
/// web build downloads them: a browser has no corpus folder.)
pub fn article_files(meta: &ArticleMeta, text: &str) -> Result<[(String, String); 2], String> {
    check_required(meta)?;
    check_article_id(meta)?;
    Ok(files_of(meta, text))
}

fn check_article_id(meta: &ArticleMeta) -> Result<(), String> {
    crate::text::ids::check_id(&meta.id).map_err(|e| {
        format!(
            "`{}` cannot be an article id: {e}; {}",
            crate::text::ids::shown(&meta.id),
            crate::text::ids::ID_HELP
        )
    })
}

/// The two files of an article whose id is checked.
fn files_of(meta: &ArticleMeta, text: &str) -> [(String, String); 2] {
    let mut body = text.to_string();
    if !body.ends_with('\n') {
        body.push('\n');
    }
    [
        (format!("{}.txt", meta.id), body),
        (format!("{}.toml", meta.id), meta_toml(meta)),
    ]
}

/// Writes an article as [`write_article`] does, but with blank required fields written as marked
/// blanks (see [`meta_toml`]) for the teacher to fill in: what an import that cannot ask does.
pub(crate) fn write_article_marking_blanks(
    dir: &Path,
    meta: &ArticleMeta,
    text: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf), String> {
    check_article_id(meta)?;
    let [(txt_name, body), (toml_name, toml_text)] = files_of(meta, text);
    let txt = dir.join(txt_name);
    let toml = dir.join(toml_name);
    if txt.exists() || toml.exists() {
        return Err(format!("{} already exists; choose another id", txt.display()));
    }
    let failed = |p: &Path, e: std::io::Error| {
        let (msg, help) = crate::text::diag::describe_write_error(p, &e);
        format!("{msg}; {help}")
    };
    crate::files::write_atomic(&txt, body.as_bytes()).map_err(|e| failed(&txt, e))?;
    if let Err(e) = crate::files::write_atomic(&toml, toml_text.as_bytes()) {
        // An article is its two files or nothing: a text without metadata is an error in
        // every later check.
        let _ = std::fs::remove_file(&txt);
        return Err(failed(&toml, e));
    }
    Ok((txt, toml))
}

// ---- The use cases: what the app's import window and `lateral import` both do ----

/// What a file brought in holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// An article (`.txt`, `.md`, `.html`, …): its text, suggested metadata and warnings.
    Article(Imported),
    /// An H5P "Mark the Words" task, with the article metadata it suggests.
    H5p(H5pTask),
}

/// An H5P "Mark the Words" task read for import.
#[derive(Clone, Debug, PartialEq)]
pub struct H5pTask {
    /// The task.
    pub task: MarkTheWords,
    /// The metadata its article gets unless the teacher says otherwise: the first words as the
    /// headline, "H5P task" as the outlet.
    pub suggested: ArticleMeta,
}

/// Is `path` an H5P task (`.h5p`, or an unpacked `content.json`) rather than an article?
pub(crate) fn is_h5p(path: &Path) -> bool {
    is_h5p_name(&path.to_string_lossy())
}

/// Is a file named `name` an H5P task, by its name (see [`is_h5p`])?
fn is_h5p_name(name: &str) -> bool {
    extension_of(name) == "h5p" || crate::files::given::file_part(name) == "content.json"
}

/// Refuses a file of `len` bytes to import when that is over [`crate::files::MAX_IMPORT_BYTES`].
fn refuse_oversized(name: &str, len: usize) -> Result<(), ImportError> {
    let max = crate::files::MAX_IMPORT_BYTES;
    if len as u64 > max {
        return Err(ImportError::TooLarge(name.into(), len as u64, max));
    }
    Ok(())
}

/// Reads a file to import: an H5P task when [`is_h5p`], else an article ([`import_article`]).
pub(crate) fn read_source(path: &Path) -> Result<Source, ImportError> {
    let bytes = read_for_import(path)?;
    source_from_bytes(&path.display().to_string(), bytes)
}

/// Reads a file to import from its bytes (a file handed over whole, as a browser uploads it):
/// what [`read_source`] does once the file is read, by the name of the file.
pub(crate) fn source_from_bytes(name: &str, bytes: Vec<u8>) -> Result<Source, ImportError> {
    if !is_h5p_name(name) {
        return article_from_bytes(name, bytes).map(Source::Article);
    }
    refuse_oversized(name, bytes.len())?;
    let task = h5p::h5p_from_bytes(name, bytes)?;
    let first: String = task.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let suggested = ArticleMeta {
        headline: first,
        outlet: "H5P task".into(),
        outlet_kind: "The text of an H5P “Mark the Words” task, imported by a teacher".into(),
        ..Default::default()
    };
    Ok(Source::H5p(H5pTask { task, suggested }))
}

/// What importing an H5P task wrote and made.
#[derive(Debug)]
pub struct H5pImported {
    /// The article's text file and metadata file, written in the corpus folder.
    pub article: (PathBuf, PathBuf),
    /// The lesson made from the marked words (Markdown with `+++` blocks).
    pub lesson: String,
    /// Where the lesson was written: `Ok(None)` when no lesson folder was given (the app opens
    /// it in the editor instead), `Err` when it could not be written (the article still was).
    pub lesson_file: Result<Option<PathBuf>, LessonNotWritten>,
    /// Words in the task's text.
    pub words: usize,
    /// Words marked in the task.
    pub marked: usize,
}

/// Why the lesson of an H5P task was not written.
#[derive(Debug)]
pub enum LessonNotWritten {
    /// A lesson file of that name is there already; it is left alone.
    Exists(PathBuf),
    /// Writing it failed.
    Failed(PathBuf, std::io::Error),
}

/// Imports an H5P task: its text becomes the article `meta.id` in `corpus_dir`, and its marked
/// words a one-step lesson, written as `ID.md` in `lessons_dir` when one is given (never over an
/// existing file). `Err` when the article could not be written (nothing was).
pub(crate) fn import_h5p(
    task: &MarkTheWords,
    meta: &ArticleMeta,
    corpus_dir: &Path,
    lessons_dir: Option<&Path>,
) -> Result<H5pImported, String> {
    let article = write_article(corpus_dir, meta, &task.text)?;
    let lesson = mark_the_words_lesson(task, &meta.id, &meta.headline);
    let lesson_file = match lessons_dir {
        None => Ok(None),
        Some(dir) => {
            let path = dir.join(format!("{}.md", meta.id));
            if path.exists() {
                Err(LessonNotWritten::Exists(path))
            } else {
                match crate::files::write_atomic(&path, lesson.as_bytes()) {
                    Ok(()) => Ok(Some(path)),
                    Err(e) => Err(LessonNotWritten::Failed(path, e)),
                }
            }
        }
    };
    Ok(H5pImported {
        article,
        lesson,
        lesson_file,
        words: task.text.split_whitespace().count(),
        marked: task.marked.len(),
    })
}

#[cfg(test)]
mod tests;
