//! Loading lessons and articles from files and folders, keeping every problem and every file
//! that did load.
//!
//! Articles are `NAME.txt` with metadata in `NAME.toml` beside it. Lessons are `.md` files that
//! start with a `+++` block. A folder is searched recursively; in a folder, `.md` files without a
//! `+++` block (READMEs, notes) are passed over. The bundled corpus is always available, so a
//! lesson on a bundled article checks anywhere; an article on disk with the same id wins.

mod catalogue;
mod found;
mod given;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use catalogue::Wanted;
pub use catalogue::{Catalogue, LessonHeader, find};
pub use found::starts_like_lesson;
use found::{Found, display};
pub use given::{is_lesson_name, load_given, load_given_keeping_texts, read_limit};

use crate::corpus::{Article, Corpus, load_article};
use crate::files::{MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, MAX_META_BYTES, file_id, read_text};
use crate::lesson::bundled;
use crate::lesson::{Lesson, parse_lesson};
use crate::text::diag::{Diagnostic, Severity, SourceFile};

/// A lesson file and what became of it.
#[derive(Clone, Debug)]
pub struct LessonFile {
    /// The file.
    pub path: String,
    /// The lesson, as far as it could be read (`None` when nothing could).
    pub lesson: Option<Lesson>,
    /// Problems in this file.
    pub diagnostics: Vec<Diagnostic>,
    /// The errors in the metadata of the articles this lesson uses (each reported once, with its
    /// article, not here): the lesson is checked against those articles, but it cannot be played
    /// until they are fixed, as `lateral check` (exit 1) says.
    pub article_errors: Vec<Diagnostic>,
    /// What the library lists of it while it is not yet checked ([`Library::checking`]; see
    /// [`Catalogue::preview`]); `None` once it is, or when its `+++` block cannot be read.
    pub preview: Option<LessonHeader>,
}

impl LessonFile {
    /// Not checked yet: only listed, from its `+++` block ([`Catalogue::preview`]).
    pub fn is_unchecked(&self) -> bool {
        self.lesson.is_none() && self.diagnostics.is_empty()
    }

    /// Can students play it? (It parsed, has no errors, and the articles it uses have none.)
    pub fn is_playable(&self) -> bool {
        self.lesson.is_some() && !self.diagnostics.iter().any(Diagnostic::is_error) && self.article_errors.is_empty()
    }

    /// Why it cannot be played: its own errors, then those of the articles it uses.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.is_error())
            .chain(&self.article_errors)
    }
}

/// Everything loaded from a set of paths.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// All articles (from disk and bundled).
    pub corpus: Corpus,
    /// Every lesson file found, in path order.
    pub lessons: Vec<LessonFile>,
    /// Problems with articles and other files that are not lessons.
    pub diagnostics: Vec<Diagnostic>,
    /// How many articles were loaded from files (not bundled).
    pub articles_from_disk: usize,
    /// Only listed so far ([`Catalogue::preview`]): its lessons are not checked yet, and the
    /// corpus has only the articles of the lessons checked one by one
    /// ([`Library::put_checked_lesson`]).
    pub checking: bool,
}

impl Library {
    /// Every diagnostic, article problems first, then each lesson's.
    pub fn all_diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = self.diagnostics.clone();
        for l in &self.lessons {
            out.extend(l.diagnostics.iter().cloned());
        }
        out
    }

    /// Puts in the lesson at `index`, checked on its own ([`Catalogue::load_lesson`] gives
    /// `one`), with the articles it uses, into a library still being checked.
    pub fn put_checked_lesson(&mut self, index: usize, one: Library) {
        let Some(lf) = one.lessons.into_iter().next() else {
            return;
        };
        if let Some(slot) = self.lessons.get_mut(index)
            && slot.path == lf.path
        {
            *slot = lf;
            self.corpus.merge(&one.corpus);
        }
    }
}

/// Why loading could not even start.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A path given does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(String),
}

/// Loads the articles and lessons named by `paths` (files or folders), plus `corpus_dirs`, plus
/// the `corpus/` folder beside or above each lesson folder, plus the bundled corpus.
pub fn load(paths: &[PathBuf], corpus_dirs: &[PathBuf]) -> Result<Library, LoadError> {
    Ok(find(paths, corpus_dirs)?.load())
}

/// Loads one lesson file with only the articles it shows (its steps' `articles`), found where
/// [`load`] looks for them, bundled ones included: for a command on one lesson (`lateral
/// score`, `grade`, `export`, `pack`), which need not read and prepare every article of a
/// large corpus. The articles left aside are not checked either. When the lesson cannot be
/// read that far (no such file, broken blocks or TOML), this is [`load`], so every problem is
/// reported as `lateral check` reports it.
pub fn load_lesson(path: &Path, corpus_dirs: &[PathBuf]) -> Result<Library, LoadError> {
    Ok(find(&[path.to_path_buf()], corpus_dirs)?.load_lesson(0))
}

/// The article ids a lesson's steps name in `articles`; `None` when its blocks or their TOML
/// cannot be read.
fn articles_named(text: &str) -> Option<HashSet<String>> {
    let blocks = crate::lesson::blocks::split(text).ok()?;
    let mut ids = HashSet::new();
    for b in &blocks {
        let doc: toml_edit::DocumentMut = text.get(b.toml.clone())?.parse().ok()?;
        match doc.get("articles") {
            Some(item) if item.is_str() => ids.extend(item.as_str().map(str::to_string)),
            Some(item) => {
                let list = item.as_array()?;
                ids.extend(list.iter().filter_map(|v| v.as_str()).map(str::to_string));
            }
            None => {}
        }
    }
    Some(ids)
}

/// Is the article with text file `text` (whose metadata's `id` is `meta_id`) one of `wanted`
/// (by its file's stem or that id)? Yes when its metadata cannot be read: it is loaded, and its
/// problem reported.
fn is_wanted(text: &Path, meta_id: Option<&str>, wanted: &HashSet<String>) -> bool {
    if text
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| wanted.contains(s))
    {
        return true;
    }
    meta_id.is_none_or(|id| wanted.contains(id))
}

/// The `id` written in an article's metadata file, when it can be read that far.
fn meta_id_of(meta: &Path) -> Option<String> {
    id_in(&read_text(meta, MAX_META_BYTES).ok()?)
}

/// The `id` an article's metadata text gives, when it can be read that far.
fn id_in(meta: &str) -> Option<String> {
    let doc = meta.parse::<toml_edit::DocumentMut>().ok()?;
    doc.get("id").and_then(|i| i.as_str()).map(str::to_string)
}

/// The library of the files `found` (whose finding gave `diags`): with only the articles in
/// `wanted` when it is given, and only the lesson at `only_lesson` when that is given.
fn load_wanted(
    found: &Found,
    mut diags: Vec<Diagnostic>,
    wanted: Option<Wanted<'_>>,
    only_lesson: Option<usize>,
) -> Library {
    let mut corpus = load_corpus(found, wanted, &mut diags);
    let articles_from_disk = corpus.articles().len();
    add_bundled(&mut corpus);
    let lessons = match only_lesson {
        Some(i) => found.lessons.get(i..=i).unwrap_or_default(),
        None => &found.lessons[..],
    };
    let lessons = load_lessons(lessons, &corpus);
    Library::checked(corpus, lessons, diags, articles_from_disk)
}

impl Library {
    /// A library whose every file was checked (none left "checking…").
    fn checked(
        corpus: Corpus,
        lessons: Vec<LessonFile>,
        diagnostics: Vec<Diagnostic>,
        articles_from_disk: usize,
    ) -> Self {
        Library {
            corpus,
            lessons,
            diagnostics,
            articles_from_disk,
            checking: false,
        }
    }
}

/// Adds the bundled articles whose ids `corpus` does not have yet.
fn add_bundled(corpus: &mut Corpus) {
    for a in bundled::corpus_articles() {
        // A broken article on disk is not replaced by a bundled one of the same id unseen.
        if corpus.get(a.id()).is_none() && corpus.unusable(a.id()).is_none() {
            let _ = corpus.add(a);
        }
    }
}

/// What became of one article text found: its metadata file, and the article loaded from the
/// two (with the problems of each), or why it was not.
enum Pairing {
    /// No metadata file beside it.
    NoMeta(PathBuf),
    /// Paired with this metadata file, but not one of the articles wanted.
    Unwanted(PathBuf),
    /// Paired and read.
    Loaded {
        meta: PathBuf,
        article: Option<Box<Article>>,
        diags: Vec<Diagnostic>,
    },
}

/// Pairs the text `found.texts[i]` with its metadata and loads the article (when wanted).
/// Reads only these two files, so texts are loaded in parallel. The metadata file is looked up
/// by its path as found (no system call), and by its identity only when that fails (a link).
fn pair_and_load(found: &Found, i: usize, wanted: Option<Wanted<'_>>) -> Pairing {
    let (t, explicit) = (&found.texts[i].0, found.texts[i].1);
    let meta = t.with_extension("toml");
    let paired =
        found.meta_paths.contains(&meta) || found.metas.contains(&file_id(&meta)) || (explicit && meta.is_file());
    if !paired {
        return Pairing::NoMeta(meta);
    }
    if wanted.is_some_and(|(w, ids)| !is_wanted(t, ids.get(i).and_then(Option::as_deref), w)) {
        return Pairing::Unwanted(meta);
    }
    let mut diags = Vec::new();
    let article = load_article_files(t, &meta, &mut diags).map(Box::new);
    Pairing::Loaded { meta, article, diags }
}

/// The articles found (those in `wanted`, when given), each text with its metadata; reports
/// texts without metadata, metadata without text and ids used twice. The files are read and
/// prepared on every core; what is reported, and which of two articles with one id is kept,
/// follows path order as if they were read one by one.
fn load_corpus(found: &Found, wanted: Option<Wanted<'_>>, diags: &mut Vec<Diagnostic>) -> Corpus {
    use rayon::prelude::*;
    let pairings: Vec<Pairing> = (0..found.texts.len())
        .into_par_iter()
        .map(|i| pair_and_load(found, i, wanted))
        .collect();
    let mut corpus = Corpus::new();
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut paired_metas: HashSet<PathBuf> = HashSet::new();
    for ((t, _), pairing) in found.texts.iter().zip(pairings) {
        let (meta, article, found_diags) = match pairing {
            Pairing::NoMeta(meta) => {
                diags.push(no_meta(&display(t), &display(&meta)));
                continue;
            }
            Pairing::Unwanted(meta) => {
                paired_metas.insert(meta);
                continue;
            }
            Pairing::Loaded { meta, article, diags } => (meta, article, diags),
        };
        paired_metas.insert(meta.clone());
        let stem = t.file_stem().and_then(|s| s.to_str());
        let read = ReadArticle {
            text: display(t),
            meta: display(&meta),
            stem,
            article,
            diags: found_diags,
        };
        read.add_to(&mut corpus, &mut seen_ids, || meta_id_of(&meta), diags);
    }
    // A metadata file no text was paired with, and with no text beside it (one reached by
    // another path, through a link, has its text beside it).
    for m in found.meta_files.iter().filter(|m| !paired_metas.contains(*m)) {
        let txt = m.with_extension("txt");
        if !txt.is_file() {
            diags.push(no_text(&display(m), &display(&txt)));
        }
    }
    corpus
}

/// An article text with no metadata file beside it (`meta`, its expected name).
fn no_meta(text: &str, meta: &str) -> Diagnostic {
    Diagnostic::file(text, Severity::Error, "this article has no metadata file").with_suggestion(format!(
        "create {meta} with id, outlet, headline and outlet_kind (see docs/lesson-format.md, \"Articles\")"
    ))
}

/// An article metadata file with no text file beside it (`text`, its expected name).
fn no_text(meta: &str, text: &str) -> Diagnostic {
    Diagnostic::file(
        meta,
        Severity::Error,
        "this article metadata has no text file beside it",
    )
    .with_suggestion(format!("put the article's text in {text}"))
}

/// One article's two files, read (from a folder or handed over), and what reading them gave.
struct ReadArticle<'a> {
    /// The text file, as shown.
    text: String,
    /// The metadata file, as shown.
    meta: String,
    /// The text file's name without folder and extension (a lesson may name the article by it).
    stem: Option<&'a str>,
    /// The article, when its files could be read.
    article: Option<Box<Article>>,
    /// The problems found in its files.
    diags: Vec<Diagnostic>,
}

impl ReadArticle<'_> {
    /// Puts the article into `corpus`, unless its id is taken (`seen_ids`: id → text file) or it
    /// could not be read: then a lesson naming it (by its stem or by `meta_id`, the id its
    /// metadata gives) is told to fix its files, not that it does not exist.
    fn add_to(
        mut self,
        corpus: &mut Corpus,
        seen_ids: &mut HashMap<String, String>,
        meta_id: impl FnOnce() -> Option<String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let Some(a) = self.article else {
            let file = self
                .diags
                .iter()
                .find(|d| d.is_error())
                .map_or_else(|| self.meta.clone(), |d| d.file.clone());
            diags.append(&mut self.diags);
            for name in self.stem.map(str::to_string).into_iter().chain(meta_id()) {
                corpus.add_unusable(name, file.clone());
            }
            return;
        };
        diags.append(&mut self.diags);
        if let Some(prev) = seen_ids.insert(a.meta.id.clone(), self.text) {
            diags.push(
                Diagnostic::file(
                    self.meta,
                    Severity::Error,
                    format!("article id `{}` is already used by {prev}", a.meta.id),
                )
                .with_suggestion("give each article its own id"),
            );
        } else if let Err(d) = corpus.add(*a) {
            diags.push(d);
        }
    }
}

/// Each lesson file read and parsed against `corpus` (on every core); a lesson id used twice
/// is an error, on the later file in path order.
fn load_lessons(lessons: &[PathBuf], corpus: &Corpus) -> Vec<LessonFile> {
    use rayon::prelude::*;
    let mut out: Vec<LessonFile> = lessons
        .par_iter()
        .map(|p| {
            let name = display(p);
            match read_text(p, MAX_LESSON_BYTES) {
                Ok(text) => parse_lesson_text(&name, text, corpus),
                Err(d) => LessonFile::unread(name, d),
            }
        })
        .collect();
    reject_reused_lesson_ids(&mut out);
    out
}

/// A lesson id used twice is an error, on the later file.
fn reject_reused_lesson_ids(out: &mut [LessonFile]) {
    let mut lesson_ids: HashMap<String, String> = HashMap::new();
    for lf in out {
        if let Some(l) = &lf.lesson
            && let Some(prev) = lesson_ids.insert(l.id.clone(), lf.path.clone())
        {
            lf.diagnostics.push(
                Diagnostic::file(
                    &lf.path,
                    Severity::Error,
                    format!("lesson id `{}` is already used by {prev}", l.id),
                )
                .with_suggestion("give each lesson its own id = \"...\" in its +++ block"),
            );
        }
    }
}

impl LessonFile {
    /// A lesson file that could not be read (`why`).
    fn unread(path: String, why: Diagnostic) -> Self {
        LessonFile {
            path,
            lesson: None,
            diagnostics: vec![why],
            article_errors: Vec::new(),
            preview: None,
        }
    }
}

/// Parses one lesson's text against a corpus.
pub fn parse_lesson_text(name: &str, text: String, corpus: &Corpus) -> LessonFile {
    let src = SourceFile::new(name, text);
    let (lesson, diagnostics) = parse_lesson(&src, corpus);
    let article_errors = lesson.as_ref().map_or_else(Vec::new, |l| article_errors(l, corpus));
    LessonFile {
        path: name.to_string(),
        lesson,
        diagnostics,
        article_errors,
        preview: None,
    }
}

/// The metadata errors of the articles `lesson` uses, each article once.
fn article_errors(lesson: &Lesson, corpus: &Corpus) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for id in lesson.steps.iter().flat_map(|s| &s.articles) {
        if let Some(a) = corpus.get(id)
            && seen.insert(a.meta.id.clone())
        {
            out.extend(a.meta_errors.iter().cloned());
        }
    }
    out
}

/// Loads one article from its text and metadata files.
pub(crate) fn load_article_files(text: &Path, meta: &Path, diags: &mut Vec<Diagnostic>) -> Option<Article> {
    let meta_text = match read_text(meta, MAX_META_BYTES) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let raw = match read_text(text, MAX_ARTICLE_BYTES) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    load_article(&SourceFile::new(display(meta), meta_text), &display(text), &raw, diags)
}
