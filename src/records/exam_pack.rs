//! Building an exam pack: the lessons without their keys and the articles they use, written as
//! one `.lateral-exam` file ([`crate::records::pack`] is the format).

use std::path::{Path, PathBuf};

use crate::corpus::Corpus;
use crate::lesson::Lesson;
use crate::records::pack::make_pack;

/// What was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PackWritten {
    /// The pack file.
    pub(crate) path: PathBuf,
    /// Lessons in it.
    pub(crate) lessons: usize,
    /// Articles in it.
    pub(crate) articles: usize,
}

/// Makes an exam pack of `lessons` (playable ones, each with the corpus it was loaded with; an
/// article id in more than one corpus is taken from the first) and writes it to `path`
/// atomically.
pub(crate) fn build_exam_pack<'a>(
    lessons: impl IntoIterator<Item = (&'a Lesson, &'a Corpus)>,
    path: &Path,
) -> std::io::Result<PackWritten> {
    let mut loaded = Vec::new();
    let mut all = Corpus::new();
    for (lesson, corpus) in lessons {
        for a in corpus.articles() {
            if all.get(a.id()).is_none() {
                let _ = all.add_shared(a.clone());
            }
        }
        loaded.push(lesson.clone());
    }
    let pack = make_pack(&loaded, &all);
    crate::files::write_atomic(path, pack.to_json().as_bytes())?;
    Ok(PackWritten {
        path: path.to_path_buf(),
        lessons: pack.lessons.len(),
        articles: pack.articles.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::bundled;

    #[test]
    fn a_pack_holds_each_article_once_and_says_what_went_in() {
        let d = tempfile::tempdir().expect("tempdir");
        let corpus = bundled::corpus();
        let lessons: Vec<Lesson> = bundled::lessons(&corpus)
            .iter()
            .filter_map(|lf| lf.lesson.clone())
            .take(2)
            .collect();
        let path = d.path().join("exam.lateral-exam");
        let w = build_exam_pack(lessons.iter().map(|l| (l, &corpus)), &path).expect("written");
        let pack = make_pack(&lessons, &corpus);
        assert_eq!(
            (w.path.clone(), w.lessons, w.articles),
            (path.clone(), 2, pack.articles.len())
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), pack.to_json());
        let used: std::collections::BTreeSet<&String> = lessons
            .iter()
            .flat_map(|l| l.steps.iter().flat_map(|s| &s.articles))
            .collect();
        assert_eq!(w.articles, used.len());
    }
}
