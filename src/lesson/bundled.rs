//! The articles and lessons built into the program, so it runs from any folder.
//!
//! These are the files in `corpus/` and `lessons/`, included at compile time. A test checks that
//! every file in those folders is listed here.

use crate::corpus::{Article, Corpus, load_article};
use crate::files::decode_text;
use crate::lesson::library::{LessonFile, parse_lesson_text};
use crate::text::diag::{Diagnostic, SourceFile};

/// A bundled article: its text file and its metadata file.
pub struct BundledArticle {
    /// File name stem, e.g. `000_93c843e8f2ae1a16`.
    pub stem: &'static str,
    /// The text file.
    pub text: &'static str,
    /// The metadata file.
    pub meta: &'static str,
}

macro_rules! article {
    ($stem:literal) => {
        BundledArticle {
            stem: $stem,
            text: include_str!(concat!("../../corpus/", $stem, ".txt")),
            meta: include_str!(concat!("../../corpus/", $stem, ".toml")),
        }
    };
}

macro_rules! lesson {
    ($name:literal) => {
        ($name, include_str!(concat!("../../lessons/", $name)))
    };
}

/// The bundled articles.
pub const ARTICLES: &[BundledArticle] = &[
    article!("000_93c843e8f2ae1a16"),
    article!("001_20fffe0d8e137e24"),
    article!("002_440b33ee8035fe3a"),
    article!("003_8346b133a5ab34a1"),
    article!("004_fd91f4ac08766092"),
    article!("005_borowkowo_fikcja"),
];

/// The bundled lessons: file name and text.
pub const LESSONS: &[(&str, &str)] = &[
    lesson!("00-first-look.md"),
    lesson!("01-conflict.md"),
    lesson!("02-bias.md"),
    lesson!("03-machine.md"),
    lesson!("04-lateral-reading.md"),
    lesson!("05-jednostronny-tekst.md"),
];

fn normalise(name: &str, text: &str) -> String {
    decode_text(name, text.as_bytes().to_vec()).unwrap_or_else(|_| text.to_string())
}

/// The bundled articles, loaded. (They are checked in CI, so problems here are bugs.)
pub fn corpus_articles() -> Vec<Article> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    ARTICLES
        .iter()
        .filter_map(|a| {
            let meta_name = format!("corpus/{}.toml", a.stem);
            let text_name = format!("corpus/{}.txt", a.stem);
            let meta = SourceFile::new(&meta_name, normalise(&meta_name, a.meta));
            load_article(&meta, &text_name, &normalise(&text_name, a.text), &mut diags)
        })
        .collect()
}

/// The bundled corpus.
pub fn corpus() -> Corpus {
    let mut c = Corpus::new();
    for a in corpus_articles() {
        let _ = c.add(a);
    }
    c
}

/// The bundled lessons, parsed against `corpus`.
pub fn lessons(corpus: &Corpus) -> Vec<LessonFile> {
    LESSONS
        .iter()
        .map(|(name, text)| {
            let name = format!("lessons/{name}");
            let t = normalise(&name, text);
            parse_lesson_text(&name, t, corpus)
        })
        .collect()
}
