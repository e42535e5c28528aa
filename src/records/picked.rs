//! What a browser tab opens from the files its file chooser handed over: an exam pack, or the
//! lessons and articles among them (`lesson::library::load_given`), with what the app shows of
//! the pick (the folder's name) and keeps of it (the lessons' texts, for the teacher's editor:
//! a page cannot read a file twice).

use std::collections::HashMap;

use crate::files::given::GivenFile;
use crate::lesson::library::{self, Library};
use crate::text::diag::Diagnostic;

/// What a pick opened.
#[derive(Debug)]
pub struct Opened {
    /// The library.
    pub library: Library,
    /// The exam pack's name, when the pick was one.
    pub pack: Option<String>,
    /// The folder picked, as the browser names it (`class` for `class/…`), when every file is
    /// in one.
    pub folder: Option<String>,
    /// The text of each lesson file read, by its name.
    pub lesson_texts: HashMap<String, String>,
    /// How many files picked with an exam pack were left unopened (a pack opens by itself).
    pub left_out: usize,
}

/// Opens the files picked (`from_folder`: a folder's), `refused` those the page did not read
/// (too large), which are reported with the library's problems. Files picked one by one that
/// hold an exam pack open the pack alone; in a folder a pack is passed over, as on disk. `Err`:
/// the pack cannot be opened (why, with the file's name).
pub fn open_picked(files: Vec<GivenFile>, from_folder: bool, refused: Vec<Diagnostic>) -> Result<Opened, String> {
    let pack = (!from_folder)
        .then(|| files.iter().position(|f| super::pack::is_pack_name(f.name())))
        .flatten();
    if let Some(i) = pack {
        let f = &files[i];
        let text = f
            .text(crate::files::MAX_PACK_BYTES)
            .map_err(|d| format!("{}: {}", d.file, d.message))?;
        return Ok(Opened {
            library: super::pack::pack_library(&text, f.name())?,
            pack: Some(f.name().to_string()),
            folder: None,
            lesson_texts: HashMap::new(),
            left_out: files.len() - 1,
        });
    }
    let top = |f: &GivenFile| f.name().split_once('/').map(|(top, _)| top.to_string());
    let folder = files
        .first()
        .and_then(top)
        .filter(|t| from_folder && files.iter().all(|f| top(f).as_ref() == Some(t)));
    let (mut library, lesson_texts) = library::load_given_keeping_texts(files, from_folder);
    let mut diags = refused;
    diags.append(&mut library.diagnostics);
    library.diagnostics = diags;
    Ok(Opened {
        library,
        pack: None,
        folder,
        lesson_texts,
        left_out: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LESSON: &str = "+++\nid = \"bridge\"\ntitle = \"The bridge\"\n+++\nIntro.\n\n\
+++ step\nkind = \"read\"\narticles = [\"bridge-news\"]\n+++\nRead the article.\n";
    const TEXT: &str = "The old bridge will close for six weeks, the council said on Monday.\n";
    const META: &str = "id = \"bridge-news\"\noutlet = \"Test Gazette\"\nheadline = \"Bridge closes\"\noutlet_kind = \"A made-up local paper\"\n";

    fn files(names: &[(&str, &str)]) -> Vec<GivenFile> {
        names
            .iter()
            .map(|(n, t)| GivenFile::new(n, t.as_bytes().to_vec()))
            .collect()
    }

    fn pack() -> String {
        let lib = library::load_given(
            files(&[("l.md", LESSON), ("bridge-news.txt", TEXT), ("bridge-news.toml", META)]),
            false,
        );
        let lesson = lib.lessons[0].lesson.clone().expect("a lesson");
        super::super::pack::make_pack(&[lesson], &lib.corpus).to_json()
    }

    #[test]
    fn a_pack_picked_with_other_files_opens_alone_and_says_how_many_were_left() {
        let p = pack();
        let o = open_picked(
            files(&[("notes.md", LESSON), ("week3.lateral-exam", &p)]),
            false,
            Vec::new(),
        )
        .expect("opens");
        assert_eq!(o.pack.as_deref(), Some("week3.lateral-exam"));
        assert_eq!(o.left_out, 1);
        assert!(o.library.lessons[0].lesson.as_ref().is_some_and(|l| l.exam));
    }

    #[test]
    fn in_a_folder_a_pack_is_passed_over_as_on_disk() {
        let p = pack();
        let o = open_picked(
            files(&[
                ("class/l.md", LESSON),
                ("class/bridge-news.txt", TEXT),
                ("class/bridge-news.toml", META),
                ("class/old.lateral-exam", &p),
            ]),
            true,
            Vec::new(),
        )
        .expect("opens");
        assert_eq!((o.pack, o.folder.as_deref(), o.left_out), (None, Some("class"), 0));
        assert!(o.library.lessons[0].is_playable());
        assert_eq!(o.lesson_texts.get("class/l.md").map(String::as_str), Some(LESSON));
    }

    #[test]
    fn a_broken_pack_is_refused_with_its_name() {
        let e = open_picked(files(&[("x.lateral-exam", "{ not json")]), false, Vec::new()).expect_err("refused");
        assert!(e.contains("x.lateral-exam:1:3"), "{e}");
    }

    #[test]
    fn files_the_page_refused_come_first_among_the_problems() {
        let refused = vec![crate::files::given::unreadable("gone.md")];
        let o = open_picked(files(&[("a.txt", TEXT)]), false, refused).expect("opens");
        let files: Vec<&str> = o.library.diagnostics.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["gone.md", "a.txt"]);
        assert_eq!(o.folder, None, "files picked one by one are not a folder");
    }
}
