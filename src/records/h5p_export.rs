//! A lesson step as an H5P "Mark the Words" task (`lateral export-h5p`), so a teacher can put the
//! same exercise into Moodle or any other H5P host.
//!
//! The package is a `.h5p` file: a zip with `h5p.json` (the package definition: title, language,
//! `mainLibrary` `H5P.MarkTheWords`, its dependencies) and `content/content.json` (the task:
//! `taskDescription`, `textField`, `behaviour` and the player's texts, named as the library's
//! `semantics.json` names them). It holds the content only; the host provides the
//! `H5P.MarkTheWords` library (every H5P host offers it from the H5P Hub).
//!
//! **It contains the answers**: every word of the answer key is marked in `textField`, as H5P
//! needs them. It is a teacher's file, not an exam pack.
//!
//! What H5P cannot express is dropped or widened, never invented: H5P marks whole words (a piece
//! of text between spaces, without the punctuation H5P takes off its ends,
//! [`crate::corpus::h5p_words`]), so each word a key touches is marked, a key that starts or ends
//! inside a word marks the whole word, and a key of several words marks each of them. Labels,
//! extents, explanations, hints and points have no place in the task and are left out. Only bias
//! and machine highlight steps are exported; a conflict step (pairs of passages across two
//! articles) and every other kind are refused with the reason. A bias or machine step with two
//! articles gives one text, the first article's paragraphs and then the second's.

use std::io::Write as _;

use serde_json::{Value, json};

use crate::corpus::h5p_words::{Piece, can_mark, looks_marked, mark, pieces};
use crate::corpus::{Article, Corpus};
use crate::lesson::{KeySpan, Lesson, Step, StepBody, Task};

/// The H5P library the package runs: `H5P.MarkTheWords` 1.11, what H5P hosts use today.
pub const MAIN_LIBRARY: (&str, u32, u32) = ("H5P.MarkTheWords", 1, 11);

/// The libraries `H5P.MarkTheWords` 1.11 loads (its `library.json`), listed in `h5p.json` as an
/// exported package lists them.
const DEPENDENCIES: [(&str, u32, u32); 3] = [("H5P.Question", 1, 5), ("H5P.JoubelUI", 1, 3), ("FontAwesome", 4, 5)];

/// Why a step cannot become a "Mark the Words" task.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refused {
    /// There is no such step.
    #[error("the lesson has no step {0}")]
    NoSuchStep(usize),
    /// Not a highlight step.
    #[error("step {number} “{title}” is a {kind} step: only bias and machine highlight steps have words to mark")]
    NotHighlight {
        /// The step's number (from 1).
        number: usize,
        /// Its title.
        title: String,
        /// Its kind.
        kind: &'static str,
    },
    /// A conflict step.
    #[error(
        "step {number} “{title}” is a conflict step: its answers are pairs of passages in two articles that contradict each other, and a “Mark the Words” task has no pairs"
    )]
    Conflict {
        /// The step's number (from 1).
        number: usize,
        /// Its title.
        title: String,
    },
    /// An exam copy: no answer key to export.
    #[error("this lesson is an exam copy from a pack: it has no answer key to export; use the lesson file itself")]
    ExamCopy,
    /// An article the step shows is not in the corpus.
    #[error("the article `{0}` is not in the corpus; pass its folder with --corpus")]
    MissingArticle(String),
    /// A word of the text that H5P would take for a marked word.
    #[error(
        "the word “{word}” (article `{article}`, line {line}) is written like an H5P marked word (`*…*`), so H5P would count it as an answer; H5P has no way to write it unmarked. Change the word in the article, or leave this step out"
    )]
    LooksMarked {
        /// The word.
        word: String,
        /// Its article.
        article: String,
        /// Its line in the article's text file.
        line: usize,
    },
    /// The zip could not be made (a bug: it is made in memory).
    #[error("the package could not be made: {0}")]
    Package(String),
    /// No key has a word H5P can mark.
    #[error("step {number} “{title}” has no key with a word H5P can mark")]
    NothingToMark {
        /// The step's number (from 1).
        number: usize,
        /// Its title.
        title: String,
    },
}

/// A step made into a package, and what the export could not keep.
#[derive(Clone, Debug, PartialEq)]
pub struct H5pPackage {
    /// The `.h5p` file's bytes.
    pub bytes: Vec<u8>,
    /// The package's title (`h5p.json`).
    pub title: String,
    /// How many words are marked.
    pub marked_words: usize,
    /// How many keys the step has.
    pub keys: usize,
    /// Ids of the keys that start or end inside a word: the whole word is marked.
    pub widened: Vec<String>,
    /// Ids of the keys with no word H5P can mark (only punctuation, or a lone `*`): left out.
    pub dropped: Vec<String>,
}

/// The step that `which` names: its number (from 1, as the app shows it), or else its id.
/// Returns its index in `lesson.steps`.
pub fn find_step(lesson: &Lesson, which: &str) -> Option<usize> {
    let which = which.trim();
    if let Ok(n) = which.parse::<usize>()
        && (1..=lesson.steps.len()).contains(&n)
    {
        return Some(n - 1);
    }
    lesson.steps.iter().position(|s| s.id == which)
}

/// The steps of `lesson` that can be exported (bias and machine highlight steps): index and step.
pub fn exportable_steps(lesson: &Lesson) -> Vec<(usize, &Step)> {
    lesson
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.task(), Some(Task::Bias | Task::Machine)))
        .collect()
}

/// Step `index` of `lesson` (a playable lesson loaded with `corpus`) as an H5P "Mark the Words"
/// package, or why it cannot be one. Nothing is written.
pub fn step_to_h5p(lesson: &Lesson, index: usize, corpus: &Corpus) -> Result<H5pPackage, Refused> {
    let Some(step) = lesson.steps.get(index) else {
        return Err(Refused::NoSuchStep(index + 1));
    };
    let (number, title) = (index + 1, step.title.clone());
    let keys = match (&step.body, step.task()) {
        (_, Some(Task::Conflict)) => return Err(Refused::Conflict { number, title }),
        (StepBody::Highlight { keys, .. }, Some(_)) => keys,
        _ => {
            return Err(Refused::NotHighlight {
                number,
                title,
                kind: step.kind_name(),
            });
        }
    };
    if lesson.exam {
        return Err(Refused::ExamCopy);
    }
    let mut articles = Vec::new();
    for id in &step.articles {
        articles.push(corpus.get(id).ok_or_else(|| Refused::MissingArticle(id.clone()))?);
    }
    let mut field = String::new();
    let mut marks = Marks::new(keys);
    for a in &articles {
        field.push_str(&text_field(a, &mut marks)?);
    }
    if marks.words == 0 {
        return Err(Refused::NothingToMark { number, title });
    }
    let package_title = format!("{}: {}", lesson.title, step.title);
    let language = articles
        .first()
        .and_then(|a| a.meta.language.clone())
        .unwrap_or_else(|| "und".into());
    let content = content_json(lesson, step, &articles, field);
    let h5p = h5p_json(&package_title, &language, lesson.author.as_deref());
    Ok(H5pPackage {
        bytes: zip_package(&h5p, &content).map_err(|e| Refused::Package(e.to_string()))?,
        title: package_title,
        marked_words: marks.words,
        keys: keys.len(),
        widened: marks.ids(|m| m.widened),
        dropped: marks.ids(|m| m.words == 0),
    })
}

/// What happened to each key, as the text is written.
struct Marks<'a> {
    keys: &'a [KeySpan],
    each: Vec<KeyMarks>,
    /// Words marked in all.
    words: usize,
}

#[derive(Clone, Copy, Default)]
struct KeyMarks {
    /// Words it marked.
    words: usize,
    /// Does it start or end inside a word?
    widened: bool,
}

impl<'a> Marks<'a> {
    fn new(keys: &'a [KeySpan]) -> Self {
        Self {
            keys,
            each: vec![KeyMarks::default(); keys.len()],
            words: 0,
        }
    }

    fn ids(&self, pick: impl Fn(&KeyMarks) -> bool) -> Vec<String> {
        self.keys
            .iter()
            .zip(&self.each)
            .filter(|(_, m)| pick(m))
            .map(|(k, _)| k.id.clone())
            .collect()
    }
}

/// Which pieces (`ps`) of the text (`chars`) of the article `id` its keys mark, noting per key
/// what became of it.
fn marked_pieces(id: &str, chars: &[char], ps: &[Piece], marks: &mut Marks) -> Vec<bool> {
    let mut marked = vec![false; ps.len()];
    for (k, m) in marks.keys.iter().zip(marks.each.iter_mut()) {
        if k.article != id {
            continue;
        }
        let core = k.core;
        let first = ps.partition_point(|p| p.word.end <= core.start);
        for (i, p) in ps.iter().enumerate().skip(first) {
            if p.word.start >= core.end {
                break;
            }
            let word: String = chars[p.word.range()].iter().collect();
            if !p.word.intersects(&core) || !can_mark(&word) {
                continue;
            }
            m.widened |= p.word.start < core.start || core.end < p.word.end;
            m.words += 1;
            marked[i] = true;
        }
    }
    marked
}

/// `article` as `textField` HTML: one `<p>` per paragraph (paragraphs are separated by blank
/// lines; a single line break inside one is a `<br>`), the words its keys touch marked, every
/// char escaped for HTML.
fn text_field(article: &Article, marks: &mut Marks) -> Result<String, Refused> {
    let chars: Vec<char> = article.text.as_str().chars().collect();
    let ps = pieces(&chars);
    let marked = marked_pieces(article.id(), &chars, &ps, marks);
    let mut out = String::from("<p>");
    let mut at = 0;
    for (p, &is_marked) in ps.iter().zip(&marked) {
        out.push_str(&between(&chars[at..p.piece.start]));
        let word: String = chars[p.word.range()].iter().collect();
        out.push_str(&html_escape(
            &chars[p.piece.start..p.word.start].iter().collect::<String>(),
        ));
        if is_marked {
            out.push_str(&html_escape(&mark(&word)));
            marks.words += 1;
        } else if looks_marked(&chars[p.word.range()]) {
            return Err(Refused::LooksMarked {
                word,
                article: article.id().to_string(),
                line: article.file_line(p.word.start),
            });
        } else {
            out.push_str(&html_escape(&word));
        }
        out.push_str(&html_escape(&chars[p.word.end..p.piece.end].iter().collect::<String>()));
        at = p.piece.end;
    }
    out.push_str("</p>");
    Ok(out)
}

/// The whitespace between two pieces: a paragraph break at a blank line, `<br>` at a line break,
/// else one space. (H5P shows one space between words anyway, and its player would read
/// `*a`, a tab or no-break space, and `b*` as the one marked word `a b`.)
fn between(ws: &[char]) -> String {
    match ws.iter().filter(|&&c| c == '\n').count() {
        0 if ws.is_empty() => String::new(),
        0 => " ".into(),
        1 => "<br>".into(),
        _ => "</p><p>".into(),
    }
}

/// `s` with HTML's special characters escaped (`& < > " '`), by the `html-escape` crate.
fn html_escape(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

/// Plain text (paragraphs separated by blank lines) as `<p>` elements.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", html_escape(p).replace('\n', "<br>")))
        .collect()
}

/// `content/content.json`: the fields of `H5P.MarkTheWords` 1.11's `semantics.json`.
fn content_json(lesson: &Lesson, step: &Step, articles: &[&std::sync::Arc<Article>], text_field: String) -> Value {
    let mut task = format!("<p><strong>{}</strong></p>", html_escape(&step.title));
    task.push_str(&paragraphs(&crate::corpus::import::markdown_to_text(&step.prose)));
    if articles.len() > 1 {
        let names: Vec<String> = articles
            .iter()
            .map(|a| format!("“{}” ({})", a.meta.headline, a.meta.outlet))
            .collect();
        task.push_str(&paragraphs(&format!(
            "The text holds {} articles, one after the other: {}.",
            articles.len(),
            names.join(", then ")
        )));
    }
    json!({
        "media": { "disableImageZooming": false },
        "taskDescription": task,
        "textField": text_field,
        "overallFeedback": [{ "from": 0, "to": 100 }],
        "checkAnswerButton": "Check",
        "submitAnswerButton": "Submit",
        "tryAgainButton": "Retry",
        "showSolutionButton": "Show solution",
        "behaviour": {
            "enableRetry": lesson.settings.retry,
            "enableSolutionsButton": lesson.settings.show_solution,
            "enableCheckButton": true,
            "showScorePoints": true
        },
        "correctAnswer": "Correct!",
        "incorrectAnswer": "Incorrect!",
        "missedAnswer": "Answer not found!",
        "displaySolutionDescription": "Task is updated to contain the solution.",
        "scoreBarLabel": "You got :num out of :total points",
        "a11yFullTextLabel": "Full readable text",
        "a11yClickableTextLabel": "Full text where words can be marked",
        "a11ySolutionModeHeader": "Solution mode",
        "a11yCheckingHeader": "Checking mode",
        "a11yCheck": "Check the answers. The responses will be marked as correct, incorrect, or unanswered.",
        "a11yShowSolution": "Show the solution. The task will be marked with its correct solution.",
        "a11yRetry": "Retry the task. Reset all responses and start the task over again."
    })
}

/// `h5p.json`: the package definition (H5P's mandatory fields, the license "undisclosed", the
/// lesson's author).
fn h5p_json(title: &str, language: &str, author: Option<&str>) -> Value {
    let dep = |(name, major, minor): (&str, u32, u32)| json!({ "machineName": name, "majorVersion": major, "minorVersion": minor });
    let mut deps = vec![dep(MAIN_LIBRARY)];
    deps.extend(DEPENDENCIES.into_iter().map(dep));
    let mut v = json!({
        "title": title,
        "language": language,
        "mainLibrary": MAIN_LIBRARY.0,
        "embedTypes": ["iframe"],
        "license": "U",
        "defaultLanguage": language,
        "preloadedDependencies": deps,
    });
    if let Some(a) = author.filter(|a| !a.trim().is_empty()) {
        v["authors"] = json!([{ "name": a, "role": "Author" }]);
    }
    v
}

/// The zip: `h5p.json` and `content/content.json`, deflated, with the zip format's fixed
/// earliest date (so the same step gives the same bytes).
fn zip_package(h5p: &Value, content: &Value) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, v) in [("h5p.json", h5p), ("content/content.json", content)] {
        zip.start_file(name, options)?;
        zip.write_all(serde_json::to_string_pretty(v).unwrap_or_default().as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests;
