//! Loading lessons and articles from files and folders, keeping every problem and every file
//! that did load.
//!
//! Articles are `NAME.txt` with metadata in `NAME.toml` beside it. Lessons are `.md` files that
//! start with a `+++` block. A folder is searched recursively; in a folder, `.md` files without a
//! `+++` block (READMEs, notes) are passed over. The bundled corpus is always available, so a
//! lesson on a bundled article checks anywhere; an article on disk with the same id wins.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::corpus::{Article, Corpus, load_article};
use crate::files::{MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, MAX_META_BYTES, read_bytes, read_text, walk_folder};
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
}

impl LessonFile {
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
}

/// Why loading could not even start.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A path given does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(String),
}

/// What a file is, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    ArticleText,
    ArticleMeta,
    Lesson,
    Other,
}

fn kind_of(p: &Path) -> Kind {
    match p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("txt") => Kind::ArticleText,
        Some("toml") => Kind::ArticleMeta,
        Some("md") | Some("markdown") => Kind::Lesson,
        _ => Kind::Other,
    }
}

/// Starts with a `+++` line (after blank lines)? Reads only the file's start.
fn looks_like_lesson(p: &Path) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 512];
    // Only regular files reach here (see `fsutil::walk_folder`), so opening cannot block.
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut buf)).unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]);
    let head = head.trim_start_matches('\u{FEFF}');
    head.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim() == "+++")
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Loads the articles and lessons named by `paths` (files or folders), plus `corpus_dirs`, plus
/// the `corpus/` folder beside or above each lesson folder, plus the bundled corpus.
pub fn load(paths: &[PathBuf], corpus_dirs: &[PathBuf]) -> Result<Library, LoadError> {
    load_only(paths, corpus_dirs, None)
}

/// Loads one lesson file with only the articles it shows (its steps' `articles`), found where
/// [`load`] looks for them, bundled ones included: for a command on one lesson (`lateral
/// score`, `grade`, `export`, `pack`), which need not read and prepare every article of a
/// large corpus. The articles left aside are not checked either. When the lesson cannot be
/// read that far (no such file, broken blocks or TOML), this is [`load`], so every problem is
/// reported as `lateral check` reports it.
pub fn load_lesson(path: &Path, corpus_dirs: &[PathBuf]) -> Result<Library, LoadError> {
    let paths = [path.to_path_buf()];
    let named = path
        .is_file()
        .then(|| read_text(path, MAX_LESSON_BYTES).ok())
        .flatten()
        .and_then(|text| articles_named(&text));
    load_only(&paths, corpus_dirs, named.as_ref())
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

/// Is the article with text file `text` and metadata `meta` one of `wanted` (by its file's
/// stem or its metadata's `id`)? Yes when its metadata cannot be read: it is loaded, and its
/// problem reported.
fn is_wanted(text: &Path, meta: &Path, wanted: &HashSet<String>) -> bool {
    if text
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| wanted.contains(s))
    {
        return true;
    }
    meta_id(meta).is_none_or(|id| wanted.contains(&id))
}

/// The `id` written in an article's metadata file, when it can be read that far.
fn meta_id(meta: &Path) -> Option<String> {
    let doc = read_text(meta, MAX_META_BYTES)
        .ok()?
        .parse::<toml_edit::DocumentMut>()
        .ok()?;
    doc.get("id").and_then(|i| i.as_str()).map(str::to_string)
}

/// [`load`], with only the articles in `wanted` when it is given.
fn load_only(
    paths: &[PathBuf],
    corpus_dirs: &[PathBuf],
    wanted: Option<&HashSet<String>>,
) -> Result<Library, LoadError> {
    for p in paths.iter().chain(corpus_dirs) {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(LoadError::NotFound(display(p)));
        }
    }
    let mut diags = Vec::new();
    let mut found = Found::default();
    found.add_paths(paths, &mut diags);
    found.add_corpus_dirs(corpus_dirs, &mut diags);
    found.texts.sort();
    found.meta_files.sort();
    let mut corpus = load_corpus(&found, wanted, &mut diags);
    let articles_from_disk = corpus.articles().len();
    for a in bundled::corpus_articles() {
        // A broken article on disk is not replaced by a bundled one of the same id unseen.
        if corpus.get(a.id()).is_none() && corpus.unusable(a.id()).is_none() {
            let _ = corpus.add(a);
        }
    }
    let lessons = load_lessons(found.lessons, &corpus);
    Ok(Library {
        corpus,
        lessons,
        diagnostics: diags,
        articles_from_disk,
    })
}

/// The path with links and `..` resolved, or as given when it cannot be.
fn canon(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// The files found. Every file is known by its canonical path once, so a file reached twice (a
/// folder named twice, a link inside the folder, `corpus/` found beside two lesson folders)
/// counts once, in time linear in the number of files.
#[derive(Default)]
struct Found {
    /// Canonical paths of every file taken.
    seen: HashSet<PathBuf>,
    /// Article texts, each with whether it was named itself (not found in a folder).
    texts: Vec<(PathBuf, bool)>,
    /// Canonical paths of the article metadata files.
    metas: HashSet<PathBuf>,
    /// The article metadata files, as found.
    meta_files: Vec<PathBuf>,
    /// The lesson files.
    lessons: Vec<PathBuf>,
    /// The folders the lessons are in.
    lesson_dirs: BTreeSet<PathBuf>,
}

impl Found {
    /// The files named by `paths`, and the files in the folders among them.
    fn add_paths(&mut self, paths: &[PathBuf], diags: &mut Vec<Diagnostic>) {
        for p in paths {
            if p.is_dir() {
                let w = walk_folder(p, true);
                diags.extend(w.warnings);
                for f in w.files {
                    self.add_file(f, false, diags);
                }
            } else if p.is_file() {
                self.add_file(p.clone(), true, diags);
            } else if let Err(d) = read_bytes(p, 0) {
                // A FIFO, a device, a socket: say what it is, never open it.
                diags.push(d);
            }
        }
    }

    /// One file named (`explicit`) or found in a folder named.
    fn add_file(&mut self, f: PathBuf, explicit: bool, diags: &mut Vec<Diagnostic>) {
        let kind = kind_of(&f);
        if kind == Kind::Other {
            if explicit {
                diags.push(Diagnostic::file(
                    display(&f),
                    Severity::Error,
                    "this is not a lesson (.md) or an article (.txt with a .toml beside it)",
                ));
            }
            return;
        }
        if kind == Kind::Lesson && !explicit && !looks_like_lesson(&f) {
            return;
        }
        let c = canon(&f);
        if !self.seen.insert(c.clone()) {
            return;
        }
        match kind {
            Kind::ArticleText => self.texts.push((f, explicit)),
            Kind::ArticleMeta => {
                self.metas.insert(c);
                self.meta_files.push(f);
            }
            Kind::Lesson => {
                if let Some(d) = f.parent() {
                    self.lesson_dirs.insert(d.to_path_buf());
                }
                self.lessons.push(f);
            }
            Kind::Other => {}
        }
    }

    /// The articles in `corpus_dirs` and in the corpus folders beside the lesson folders.
    fn add_corpus_dirs(&mut self, corpus_dirs: &[PathBuf], diags: &mut Vec<Diagnostic>) {
        let mut extra: Vec<PathBuf> = corpus_dirs.to_vec();
        let mut extra_seen: HashSet<PathBuf> = HashSet::new();
        for d in &self.lesson_dirs {
            for c in [d.join("corpus"), d.join("..").join("corpus")] {
                if c.is_dir() {
                    extra.push(c);
                }
            }
        }
        for c in extra {
            if !extra_seen.insert(canon(&c)) {
                continue;
            }
            let w = walk_folder(&c, true);
            diags.extend(w.warnings);
            for f in w.files {
                let kind = kind_of(&f);
                if !matches!(kind, Kind::ArticleText | Kind::ArticleMeta) {
                    continue;
                }
                let cf = canon(&f);
                if !self.seen.insert(cf.clone()) {
                    continue;
                }
                if kind == Kind::ArticleText {
                    self.texts.push((f, false));
                } else {
                    self.metas.insert(cf);
                    self.meta_files.push(f);
                }
            }
        }
    }
}

/// The articles found (those in `wanted`, when given), each text with its metadata; reports
/// texts without metadata, metadata without text and ids used twice.
fn load_corpus(found: &Found, wanted: Option<&HashSet<String>>, diags: &mut Vec<Diagnostic>) -> Corpus {
    let mut corpus = Corpus::new();
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut paired_metas: HashSet<PathBuf> = HashSet::new();
    for (t, explicit) in &found.texts {
        let meta = t.with_extension("toml");
        let meta_canon = canon(&meta);
        if !(found.metas.contains(&meta_canon) || (*explicit && meta.is_file())) {
            diags.push(
                Diagnostic::file(display(t), Severity::Error, "this article has no metadata file").with_suggestion(
                    format!(
                        "create {} with id, outlet, headline and outlet_kind (see docs/lesson-format.md, \"Articles\")",
                        display(&meta)
                    ),
                ),
            );
            continue;
        }
        paired_metas.insert(meta_canon);
        if wanted.is_some_and(|w| !is_wanted(t, &meta, w)) {
            continue;
        }
        let first = diags.len();
        let Some(a) = load_article_files(t, &meta, diags) else {
            // Its problems are reported; a lesson naming it is told to fix them (in the file
            // they are in), not that it does not exist.
            let file = diags[first..]
                .iter()
                .find(|d| d.is_error())
                .map_or_else(|| display(&meta), |d| d.file.clone());
            let stem = t.file_stem().and_then(|s| s.to_str()).map(str::to_string);
            for name in stem.into_iter().chain(meta_id(&meta)) {
                corpus.add_unusable(name, file.clone());
            }
            continue;
        };
        if let Some(prev) = seen_ids.insert(a.meta.id.clone(), display(t)) {
            diags.push(
                Diagnostic::file(
                    display(&meta),
                    Severity::Error,
                    format!("article id `{}` is already used by {prev}", a.meta.id),
                )
                .with_suggestion("give each article its own id"),
            );
        } else if let Err(d) = corpus.add(a) {
            diags.push(d);
        }
    }
    for m in found.meta_files.iter().filter(|m| !paired_metas.contains(&canon(m))) {
        let txt = m.with_extension("txt");
        if !txt.is_file() {
            diags.push(
                Diagnostic::file(
                    display(m),
                    Severity::Error,
                    "this article metadata has no text file beside it",
                )
                .with_suggestion(format!("put the article's text in {}", display(&txt))),
            );
        }
    }
    corpus
}

/// Each lesson file read and parsed against `corpus`; a lesson id used twice is an error.
fn load_lessons(lessons: Vec<PathBuf>, corpus: &Corpus) -> Vec<LessonFile> {
    let mut out = Vec::new();
    let mut lesson_ids: HashMap<String, String> = HashMap::new();
    for p in lessons {
        let name = display(&p);
        let mut lf = match read_text(&p, MAX_LESSON_BYTES) {
            Ok(text) => parse_lesson_text(&name, text, corpus),
            Err(d) => LessonFile {
                path: name.clone(),
                lesson: None,
                diagnostics: vec![d],
                article_errors: Vec::new(),
            },
        };
        if let Some(l) = &lf.lesson
            && let Some(prev) = lesson_ids.insert(l.id.clone(), name.clone())
        {
            lf.diagnostics.push(
                Diagnostic::file(
                    &name,
                    Severity::Error,
                    format!("lesson id `{}` is already used by {prev}", l.id),
                )
                .with_suggestion("give each lesson its own id = \"...\" in its +++ block"),
            );
        }
        out.push(lf);
    }
    out
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
