//! A library from files handed over whole ([`GivenFile`]): the lesson files, or the folder, a
//! teacher or student picks in a browser tab, where there is no file system to walk.
//!
//! The rules are a folder's (see the module above), by name instead of path: `NAME.md` is a
//! lesson, `NAME.txt` an article whose metadata is `NAME.toml` (the same name but for the
//! extension, in the same folder of the pick); in a folder picked, hidden files (a part of the
//! name starting with `.`: `._NAME.txt` from a Mac, `.Trash-1000/`), `.md` files without a `+++`
//! block and files of other kinds are passed over, while a file picked by itself that is neither
//! is reported. A browser hands over only the folder picked: a `corpus/` folder beside it (which
//! a folder on disk also searches) is not there. Every file is checked as a file on disk is ([`GivenFile::text`]: size limits,
//! encodings), every problem reported with the file's name, and the rest still loads. The
//! bundled articles are there too, as for a folder.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::found::{Kind, kind_of_name, starts_like_lesson};
use super::{
    LessonFile, Library, ReadArticle, add_bundled, id_in, no_meta, no_text, parse_lesson_text, reject_reused_lesson_ids,
};
use crate::corpus::{Corpus, load_article};
use crate::files::given::{GivenFile, is_hidden, within_limits, without_extension};
use crate::files::{MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, MAX_META_BYTES};
use crate::text::diag::{Diagnostic, Severity, SourceFile};

/// The library of `files`: the lessons and articles among them, checked, plus the bundled
/// articles. `from_folder`: they are the files of a folder picked (so hidden files, other files
/// and `.md` files without a `+++` block are passed over in silence, as a folder walk passes
/// them over), not files picked one by one.
pub fn load_given(files: Vec<GivenFile>, from_folder: bool) -> Library {
    load_given_keeping_texts(files, from_folder).0
}

/// [`load_given`], and the text of each lesson it read, by the lesson's name (for an editor:
/// the files cannot be read again).
pub fn load_given_keeping_texts(files: Vec<GivenFile>, from_folder: bool) -> (Library, HashMap<String, String>) {
    let (files, mut diags) = within_limits(files);
    let sorted = sort_files(&files, from_folder, &mut diags);
    let mut corpus = load_articles(&sorted, &mut diags);
    let articles_from_disk = corpus.articles().len();
    add_bundled(&mut corpus);
    let mut texts = HashMap::new();
    let mut lessons: Vec<LessonFile> = sorted
        .lessons
        .iter()
        .map(|f| match f.text(MAX_LESSON_BYTES) {
            Ok(text) => {
                texts.insert(f.name().to_string(), text.clone());
                parse_lesson_text(f.name(), text, &corpus)
            }
            Err(d) => LessonFile::unread(f.name().to_string(), d),
        })
        .collect();
    reject_reused_lesson_ids(&mut lessons);
    (Library::checked(corpus, lessons, diags, articles_from_disk), texts)
}

/// The files of a pick, by kind, lessons and texts in the order a folder's paths sort in
/// (part by part), so that what a folder on disk reports of two files, a pick reports too.
#[derive(Default)]
struct Sorted<'a> {
    lessons: Vec<&'a GivenFile>,
    texts: Vec<&'a GivenFile>,
    /// The metadata files, by name.
    metas: BTreeMap<&'a str, &'a GivenFile>,
    /// Every name taken.
    names: HashSet<&'a str>,
}

/// The order of two names as the paths they name sort.
fn path_order(a: &&GivenFile, b: &&GivenFile) -> std::cmp::Ordering {
    a.name().split('/').cmp(b.name().split('/'))
}

/// Sorts `files` by kind, each name once, reporting what is neither a lesson nor an article
/// when it was picked by itself.
fn sort_files<'a>(files: &'a [GivenFile], from_folder: bool, diags: &mut Vec<Diagnostic>) -> Sorted<'a> {
    let mut sorted = Sorted::default();
    for f in files {
        if from_folder && is_hidden(f.name()) {
            continue;
        }
        if !sorted.names.insert(f.name()) {
            diags.push(
                Diagnostic::file(
                    f.name(),
                    Severity::Warning,
                    "a file of this name was picked twice; the first one is used",
                )
                .with_suggestion("pick each file once"),
            );
            continue;
        }
        match kind_of_name(f.name()) {
            Kind::ArticleText => sorted.texts.push(f),
            Kind::ArticleMeta => {
                sorted.metas.insert(f.name(), f);
            }
            Kind::Lesson if !from_folder || starts_like_lesson(f.bytes()) => sorted.lessons.push(f),
            Kind::Lesson => {}
            Kind::Other if from_folder => {}
            Kind::Other => diags.push(Diagnostic::file(
                f.name(),
                Severity::Error,
                "this is not a lesson (.md) or an article (.txt with a .toml beside it)",
            )),
        }
    }
    sorted.lessons.sort_by(path_order);
    sorted.texts.sort_by(path_order);
    sorted
}

/// The articles of a pick: each text with the metadata of its name (`NAME.txt`, `NAME.toml`,
/// exactly, as a folder pairs them), in path order; reports texts without metadata, metadata
/// without text and ids used twice.
fn load_articles(sorted: &Sorted<'_>, diags: &mut Vec<Diagnostic>) -> Corpus {
    let mut corpus = Corpus::new();
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut paired = HashSet::new();
    for text in &sorted.texts {
        let stem = without_extension(text.name());
        let meta_name = format!("{stem}.toml");
        let Some(meta) = sorted.metas.get(meta_name.as_str()) else {
            diags.push(no_meta(text.name(), &meta_name));
            continue;
        };
        paired.insert(meta.name());
        let mut found = Vec::new();
        let meta_text = meta.text(MAX_META_BYTES);
        let article = match (&meta_text, text.text(MAX_ARTICLE_BYTES)) {
            (Ok(m), Ok(raw)) => load_article(&SourceFile::new(meta.name(), m.clone()), text.name(), &raw, &mut found),
            (m, raw) => {
                found.extend(m.as_ref().err().cloned());
                found.extend(raw.err());
                None
            }
        };
        let read = ReadArticle {
            text: text.name().to_string(),
            meta: meta.name().to_string(),
            stem: stem.rsplit('/').next(),
            article: article.map(Box::new),
            diags: found,
        };
        read.add_to(
            &mut corpus,
            &mut seen_ids,
            || meta_text.ok().and_then(|t| id_in(&t)),
            diags,
        );
    }
    for (name, meta) in &sorted.metas {
        let text_name = format!("{}.txt", without_extension(name));
        if !paired.contains(name) && !sorted.names.contains(text_name.as_str()) {
            diags.push(no_text(meta.name(), &text_name));
        }
    }
    corpus
}

/// The most bytes a file named `name` is read with ([`load_given`] reads it), by its kind:
/// `None` for a file it passes over by name (a photo in a folder picked), which need not be
/// read at all.
pub fn read_limit(name: &str) -> Option<u64> {
    match kind_of_name(name) {
        Kind::Lesson => Some(MAX_LESSON_BYTES),
        Kind::ArticleText => Some(MAX_ARTICLE_BYTES),
        Kind::ArticleMeta => Some(MAX_META_BYTES),
        Kind::Other => None,
    }
}

/// Is a file named `name` a lesson, by its name (`.md`, `.markdown`)?
pub fn is_lesson_name(name: &str) -> bool {
    kind_of_name(name) == Kind::Lesson
}

#[cfg(test)]
#[path = "given_tests.rs"]
mod tests;
