//! A library in two stages, so that a school's shared folder opens at once: first the files
//! found and each lesson's `+++` block ([`Catalogue::preview`]: what the library screen lists),
//! then the whole check ([`Catalogue::load`], which the app runs on a worker thread), or one
//! lesson with only its articles ([`Catalogue::load_lesson`], when a student opens a lesson
//! before the whole check is done).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::found::{Found, display};
use super::{LessonFile, Library, LoadError, articles_named, load_wanted, meta_id_of};
use crate::corpus::Corpus;
use crate::files::{MAX_LESSON_BYTES, read_text};
use crate::text::diag::Diagnostic;

/// What the library lists of a lesson before it is checked, read from its `+++` block alone
/// (no field is checked: [`Catalogue::load`] reports the problems).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonHeader {
    /// Its `id`, or its file's name.
    pub id: String,
    /// Its `title` (empty when it has none).
    pub title: String,
    /// Its `summary`.
    pub summary: Option<String>,
    /// Its `minutes`.
    pub minutes: Option<u32>,
}

/// The files of a library, found but not yet read.
#[derive(Debug)]
pub struct Catalogue {
    found: Found,
    /// The problems met while finding them (links out of a folder, FIFOs, too many files).
    find_diagnostics: Vec<Diagnostic>,
    /// The `id` in the metadata file of each article text (in `found.texts` order), read the
    /// first time one lesson is loaded alone and kept for the next.
    meta_ids: OnceLock<Vec<Option<String>>>,
}

/// Finds the lessons and articles that [`super::load`] would load from `paths` and
/// `corpus_dirs`, reading no file but the first bytes of each `.md` file in a folder (is it a
/// lesson?).
pub fn find(paths: &[PathBuf], corpus_dirs: &[PathBuf]) -> Result<Catalogue, LoadError> {
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
    Ok(Catalogue {
        found,
        find_diagnostics: diags,
        meta_ids: OnceLock::new(),
    })
}

impl Catalogue {
    /// The lesson files found, in the order of [`Library::lessons`].
    pub fn lesson_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.found.lessons.iter().map(|p| display(p))
    }

    /// How many article texts were found.
    pub fn article_count(&self) -> usize {
        self.found.texts.len()
    }

    /// The library as it can be listed before anything is checked: every lesson file with its
    /// [`LessonHeader`] (`preview`) and no lesson, no article, [`Library::checking`] set.
    /// Reads each lesson file once (on every core), parsing only its first block.
    pub fn preview(&self) -> Library {
        let lessons = self
            .found
            .lessons
            .par_iter()
            .map(|p| LessonFile {
                path: display(p),
                lesson: None,
                diagnostics: Vec::new(),
                article_errors: Vec::new(),
                preview: read_text(p, MAX_LESSON_BYTES).ok().and_then(|t| header_of(&t, p)),
            })
            .collect();
        Library {
            corpus: Corpus::new(),
            lessons,
            diagnostics: Vec::new(),
            articles_from_disk: 0,
            checking: true,
        }
    }

    /// Everything, checked: what [`super::load`] gives.
    pub fn load(&self) -> Library {
        load_wanted(&self.found, self.find_diagnostics.clone(), None, None)
    }

    /// The lesson at `index` (in [`Catalogue::lesson_paths`] order) with only the articles its
    /// steps show, bundled ones included, checked as [`Catalogue::load`] checks it; the articles
    /// left aside are not checked. When the lesson cannot be read that far (broken blocks or
    /// TOML), or names an article that is not there, it is checked against every article found,
    /// so that its problems are reported as `lateral check` reports them; with no such lesson,
    /// this is [`Catalogue::load`].
    pub fn load_lesson(&self, index: usize) -> Library {
        let Some(path) = self.found.lessons.get(index) else {
            return self.load();
        };
        let named = read_text(path, MAX_LESSON_BYTES)
            .ok()
            .and_then(|text| articles_named(&text));
        let Some(named) = named else {
            return load_wanted(&self.found, self.find_diagnostics.clone(), None, Some(index));
        };
        let one = load_wanted(
            &self.found,
            self.find_diagnostics.clone(),
            Some((&named, self.meta_ids())),
            Some(index),
        );
        // An article it names is nowhere: check it against every article, so that the message
        // names them all ("known articles: …"), as the whole check's does.
        if named
            .iter()
            .any(|id| one.corpus.get(id).is_none() && one.corpus.unusable(id).is_none())
        {
            return load_wanted(&self.found, self.find_diagnostics.clone(), None, Some(index));
        }
        one
    }

    /// Reads the `id` in every article's metadata (on every core), once: what
    /// [`Catalogue::load_lesson`] needs to find a lesson's articles. The app's worker thread
    /// does this first, so that a lesson opened meanwhile finds its articles at once.
    pub fn read_article_ids(&self) {
        let _ = self.meta_ids();
    }

    /// The metadata `id` of every article text found, read once (on every core).
    fn meta_ids(&self) -> &[Option<String>] {
        self.meta_ids.get_or_init(|| {
            self.found
                .texts
                .par_iter()
                .map(|(t, _)| meta_id_of(&t.with_extension("toml")))
                .collect()
        })
    }
}

/// The header of a lesson's text: its first block's `id` (or the file's name), `title`,
/// `summary` and `minutes`, as written; `None` when the block or its TOML cannot be read.
fn header_of(text: &str, path: &std::path::Path) -> Option<LessonHeader> {
    let blocks = crate::lesson::blocks::split(text).ok()?;
    let first = blocks.first()?;
    let doc: toml_edit::DocumentMut = text.get(first.toml.clone())?.parse().ok()?;
    let text_of = |k: &str| doc.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    Some(LessonHeader {
        id: text_of("id").or(stem).unwrap_or_default(),
        title: text_of("title").unwrap_or_default(),
        summary: text_of("summary"),
        minutes: doc
            .get("minutes")
            .and_then(|v| v.as_integer())
            .and_then(|m| u32::try_from(m).ok()),
    })
}

/// The articles one lesson wants, by id, with the metadata ids of every text found.
pub(super) type Wanted<'a> = (&'a HashSet<String>, &'a [Option<String>]);
