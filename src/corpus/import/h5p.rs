//! H5P "Mark the Words" tasks: their text becomes an article, their marked words a lesson.

use std::path::Path;

use crate::corpus::ArticleMeta;
use crate::corpus::import::html::html_fragment_text;
use crate::corpus::import::{ImportError, as_text, read_for_import};
use crate::files::MAX_ARTICLE_BYTES;

/// A "Mark the Words" task: its instructions, its text, and the words to mark (char spans into
/// the text).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkTheWords {
    /// `taskDescription`, as plain text.
    pub task: String,
    /// The text with markers removed.
    pub text: String,
    /// The marked words, as char spans into `text`.
    pub marked: Vec<crate::text::Span>,
}

/// Reads an H5P "Mark the Words" `content.json`: `taskDescription` and `textField`, where
/// `*word*` marks a correct word and, inside one, `**` stands for a literal asterisk
/// (`*correctword***` is `correctword*`); other words are kept as written, asterisks and all, as
/// H5P shows them ([`crate::corpus::h5p_words`]). HTML `p`, `br`, `strong`, `em` and `code` in the
/// text are turned into plain text.
pub fn parse_mark_the_words(json: &str, name: &str) -> Result<MarkTheWords, ImportError> {
    let v: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| ImportError::H5p(name.into(), format!("content.json is not valid JSON: {e}")))?;
    let field = v.get("textField").and_then(|t| t.as_str()).ok_or_else(|| {
        ImportError::H5p(
            name.into(),
            "this is not a “Mark the Words” task: content.json has no textField".into(),
        )
    })?;
    let task = v.get("taskDescription").and_then(|t| t.as_str()).unwrap_or("");
    let task = html_fragment_text(task);
    // HTML to text first, keeping the markers.
    let plain = html_fragment_text(&field.replace("\r\n", "\n").replace('\n', "<br>"));
    // Then the markers, word by word as H5P's player reads them (`corpus::h5p_words`).
    let crate::corpus::h5p_words::Unmarked { text, marked, stray } = crate::corpus::h5p_words::unmark(&plain);
    // What an article keeps of the text: no whitespace at either end (so the marks' offsets stay
    // right), and only marks with a word in them.
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let text = text.trim().to_string();
    let len = text.chars().count();
    let chars: Vec<char> = text.chars().collect();
    let marked: Vec<crate::text::Span> = marked
        .into_iter()
        .map(|sp| {
            crate::text::Span::new(
                sp.start.saturating_sub(lead).min(len),
                sp.end.saturating_sub(lead).min(len),
            )
        })
        .filter(|sp| {
            chars
                .get(sp.range())
                .is_some_and(|w| w.iter().any(|c| !c.is_whitespace()))
        })
        .collect();
    if marked.is_empty() && stray {
        return Err(ImportError::H5p(
            name.into(),
            "a word marker `*` is opened but never closed (H5P marks single words: `*word*`)".into(),
        ));
    }
    if text.split_whitespace().next().is_none() {
        return Err(ImportError::Empty(name.into()));
    }
    if marked.is_empty() {
        return Err(ImportError::H5p(
            name.into(),
            "no word is marked with *asterisks*, so there is no answer key".into(),
        ));
    }
    Ok(MarkTheWords { task, text, marked })
}

/// Reads a `.h5p` file (a zip) or a `content.json` and returns its "Mark the Words" task.
pub fn read_h5p(path: &Path) -> Result<MarkTheWords, ImportError> {
    let name = path.display().to_string();
    let bytes = read_for_import(path)?;
    h5p_from_bytes(&name, bytes)
}

/// Reads a "Mark the Words" task from the bytes of a `.h5p` file (a zip) or of a `content.json`;
/// `name` is for messages. What [`read_h5p`] does once the file is read.
pub fn h5p_from_bytes(name: &str, bytes: Vec<u8>) -> Result<MarkTheWords, ImportError> {
    let name = name.to_string();
    let is_zip = bytes.starts_with(b"PK");
    if !is_zip {
        let text = as_text(&name, bytes)?;
        return parse_mark_the_words(&text, &name);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        ImportError::H5p(
            name.clone(),
            format!("this .h5p file is not a readable zip archive: {e}"),
        )
    })?;
    let mut file = archive
        .by_name("content/content.json")
        .map_err(|_| ImportError::H5p(name.clone(), "this .h5p file has no content/content.json".into()))?;
    if file.size() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(name, file.size(), MAX_ARTICLE_BYTES));
    }
    // The size in the archive is the archive's word: a zip bomb states a small one. Unpack at
    // most one byte more than allowed and refuse if that byte is there.
    let mut json = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(&mut file, MAX_ARTICLE_BYTES + 1), &mut json)
        .map_err(|e| ImportError::H5p(name.clone(), format!("content/content.json cannot be read: {e}")))?;
    if json.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge(name, json.len() as u64, MAX_ARTICLE_BYTES));
    }
    parse_mark_the_words(&json, &name)
}

/// A marked word that occurs in more places than this is anchored by its occurrence number
/// rather than by words around it (checking a prefix and suffix costs work for every place).
pub(crate) const MARKED_WORD_CONTEXT_PLACES: usize = 16;

/// A one-step highlight lesson for a "Mark the Words" task on its own article (`article_id`).
///
/// Each marked word gets the shortest anchor that finds it again ([`crate::corpus::anchor::anchor_among`]):
/// its words alone when they occur once in the text, else with a few words of prefix and
/// suffix when they occur in at most [`MARKED_WORD_CONTEXT_PLACES`] places, else an occurrence
/// number. The places of all marked words are found in one pass over the text, so the work is
/// linear in the text and the number of marked words.
pub fn mark_the_words_lesson(mtw: &MarkTheWords, article_id: &str, title: &str) -> String {
    use crate::corpus::anchor::{anchor_among, find_all_many};
    let meta = ArticleMeta {
        id: article_id.into(),
        ..Default::default()
    };
    let article = crate::corpus::Article::new(meta, "imported.txt", &mtw.text);
    let q = |s: &str| toml_edit::Value::from(s).to_string();
    let mut out = format!(
        "+++\nid = {}\ntitle = {}\nsummary = \"Imported from an H5P “Mark the Words” task.\"\n+++\n\n{}\n\n+++ step\nid = \"mark-the-words\"\nkind = \"highlight\"\ntask = \"bias\"\ntitle = {}\narticles = [{}]\nlabels = [\"marked-word\"]\n",
        q(&format!("{article_id}-lesson")),
        q(title),
        "This lesson was imported from an H5P “Mark the Words” task. Edit its introduction, labels and explanations to fit your class.",
        q(title),
        q(article_id)
    );
    let quotes: Vec<String> = mtw
        .marked
        .iter()
        .map(|sp| crate::text::collapse_whitespace(article.slice(*sp)))
        .collect();
    let quote_refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
    let places = find_all_many(&article, &quote_refs);
    for (i, sp) in mtw.marked.iter().enumerate() {
        let a = anchor_among(&article, *sp, places.get(i), MARKED_WORD_CONTEXT_PLACES);
        out.push_str(&format!(
            "\n[[key]]\nid = \"word-{}\"\nquote = {}\n",
            i + 1,
            q(&a.quote)
        ));
        if let Some(p) = &a.prefix {
            out.push_str(&format!("prefix = {}\n", q(p)));
        }
        if let Some(s) = &a.suffix {
            out.push_str(&format!("suffix = {}\n", q(s)));
        }
        if let Some(o) = a.occurrence {
            out.push_str(&format!("occurrence = {o}\n"));
        }
        out.push_str("label = \"marked-word\"\nextent = \"exact\"\nexplanation = \"One of the words marked in the original task. Say here why it matters.\"\n");
    }
    let task = if mtw.task.trim().is_empty() {
        "Mark the words the task asks for.".to_string()
    } else {
        mtw.task.clone()
    };
    out.push_str(&format!("+++\n\n{task}\n"));
    // The label the keys use.
    out.replacen(
        "+++\n\n",
        "[[label]]\nid = \"marked-word\"\nname = \"Marked word\"\ndescription = \"A word the task asks you to mark.\"\n+++\n\n",
        1,
    )
}
