//! Handing in: a student's results file written into the hand-in folder, under a name a teacher
//! can read. What the app's Hand in, Hand in as… and Save all do.

use std::path::{Path, PathBuf};

use crate::records::results::Results;

/// `<student>-<lesson>.json`, safe as a file name.
pub fn results_file_name(student: &str, lesson: &str) -> String {
    let slug = crate::records::progress::slug(student);
    // Drop the hash part of the slug: a teacher reads these names.
    let name = slug.rsplit_once('-').map_or(slug.as_str(), |(a, _)| a);
    format!("{name}-{lesson}.json")
}

/// Where a hand-in went, and whether it was written.
#[derive(Debug)]
pub struct HandedIn {
    /// The results file.
    pub path: PathBuf,
    /// `Err` when it could not be written.
    pub written: std::io::Result<()>,
}

/// Writes `results` into `dir` as `name`, or as [`results_file_name`] of its student and lesson
/// (atomically; a previous file of that name is kept as `.bak`).
pub fn hand_in(results: &Results, dir: &Path, name: Option<String>) -> HandedIn {
    let path = dir.join(name.unwrap_or_else(|| results_file_name(&results.student, &results.lesson.id)));
    let written = results.save(&path);
    HandedIn { path, written }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::bundled;

    #[test]
    fn a_hand_in_is_named_for_the_student_and_lesson_and_reads_back() {
        let d = tempfile::tempdir().expect("tempdir");
        let corpus = bundled::corpus();
        let lesson = bundled::lessons(&corpus)[0].lesson.clone().expect("lesson");
        let r = Results::answer_key("Ana María", &lesson, &corpus);
        let h = hand_in(&r, d.path(), None);
        h.written.expect("written");
        assert_eq!(h.path, d.path().join(format!("ana-maría-{}.json", lesson.id)));
        let text = std::fs::read_to_string(&h.path).expect("read");
        let src = crate::text::diag::SourceFile::new("r.json", text);
        assert_eq!(crate::records::results::parse_results(&src).expect("parses"), r);
        let named = hand_in(&r, d.path(), Some("mine.json".into()));
        assert_eq!(named.path, d.path().join("mine.json"));
        let nowhere = hand_in(&r, &d.path().join("mine.json"), None);
        assert!(nowhere.written.is_err());
    }
}
