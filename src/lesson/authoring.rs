//! Editing a lesson file without losing what the teacher wrote: the model behind the app's
//! authoring mode (no GUI in here).
//!
//! A [`Draft`] keeps the file as its blocks of text. An edit changes only the block it concerns,
//! and inside a block's settings only the values it sets (through `toml_edit`, which keeps
//! comments, blank lines, key order and quoting style). Blocks that were not touched are written
//! back byte for byte. What is not kept: comments *inside* a `[[key]]` table that is deleted,
//! and the exact spacing of a step's Markdown when its text is edited in the app.

use std::sync::Arc;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::corpus::anchor::anchor_for;
use crate::corpus::{Article, Corpus};
use crate::lesson::blocks::{self, SplitError};
use crate::lesson::library::{LessonFile, parse_lesson_text};
use crate::lesson::{StepKind, Task};
use crate::text::Span;
use crate::text::diag::Diagnostic;

/// One block of a lesson file: the opening `+++` line, its settings, and the closing line with
/// the Markdown after it.
#[derive(Clone, Debug, PartialEq)]
struct Block {
    open: String,
    toml: String,
    close: String,
    prose: String,
}

impl Block {
    fn render(&self) -> String {
        format!("{}{}{}{}", self.open, self.toml, self.close, self.prose)
    }

    fn doc(&self) -> DocumentMut {
        self.toml.parse::<DocumentMut>().unwrap_or_default()
    }

    fn set_doc(&mut self, doc: &DocumentMut) {
        let mut t = doc.to_string();
        if !t.is_empty() && !t.ends_with('\n') {
            t.push('\n');
        }
        self.toml = t;
    }
}

/// A lesson file being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The file's name (for messages and saving).
    pub name: String,
    before: String,
    header: Block,
    steps: Vec<Block>,
}

/// Why a file cannot be edited in the app.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DraftError {
    /// The block structure is broken (no `+++`, an unclosed block).
    #[error("{0}")]
    Structure(String),
    /// A block's settings are not valid TOML, so they cannot be edited safely.
    #[error("the settings of block {0} are not valid TOML; fix them in a text editor first ({1})")]
    Toml(usize, String),
}

impl Draft {
    /// Splits a lesson file's text into blocks (with the loader's splitter).
    pub fn from_text(name: &str, text: &str) -> Result<Self, DraftError> {
        let toml_ok = |blocks: &[blocks::Block]| {
            blocks
                .iter()
                .enumerate()
                .try_for_each(|(n, b)| match text[b.toml.clone()].parse::<DocumentMut>() {
                    Ok(_) => Ok(()),
                    Err(e) => Err(DraftError::Toml(n, e.message().to_string())),
                })
        };
        let found = match blocks::split(text) {
            Ok(found) => found,
            Err(SplitError::Empty) => return Err(DraftError::Structure("the file is empty".into())),
            Err(SplitError::NoOpening(_)) => {
                return Err(DraftError::Structure(
                    "a lesson file must start with a line of +++".into(),
                ));
            }
            Err(SplitError::Unclosed { line, before, .. }) => {
                toml_ok(&before)?;
                return Err(DraftError::Structure(format!(
                    "the block opened on line {line} is never closed"
                )));
            }
        };
        toml_ok(&found)?;
        let before = text[..found.first().map_or(0, |b| b.open.start)].to_string();
        let mut it = found.iter().map(|b| Block {
            open: text[b.open_line()].to_string(),
            toml: text[b.toml.clone()].to_string(),
            close: text[b.close_line()].to_string(),
            prose: text[b.prose.clone()].to_string(),
        });
        let header = it
            .next()
            .ok_or_else(|| DraftError::Structure("the file has no +++ block".into()))?;
        Ok(Self {
            name: name.into(),
            before,
            header,
            steps: it.collect(),
        })
    }

    /// A new lesson (the `lateral new-lesson` skeleton).
    pub fn new_lesson(name: &str, articles: &[Arc<Article>], task: Task) -> Self {
        let text = crate::lesson::skeleton(articles, task);
        Self::from_text(name, &text).expect("the skeleton is well formed")
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut s = self.before.clone();
        s.push_str(&self.header.render());
        for b in &self.steps {
            s.push_str(&b.render());
        }
        s
    }

    /// Parses the draft as `lateral check` would.
    pub fn check(&self, corpus: &Corpus) -> LessonFile {
        parse_lesson_text(&self.name, self.to_text(), corpus)
    }

    /// The lesson, if it parses without errors.
    #[cfg(test)]
    pub(crate) fn lesson(&self, corpus: &Corpus) -> Option<crate::lesson::Lesson> {
        let lf = self.check(corpus);
        if lf.is_playable() { lf.lesson } else { None }
    }

    /// Number of steps.
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// The line range (1-based, inclusive) of step `i`'s block in the file, to place diagnostics.
    pub fn step_lines(&self, i: usize) -> (usize, usize) {
        let count = |s: &str| s.matches('\n').count();
        let mut line = 1 + count(&self.before) + count(&self.header.render());
        for (n, b) in self.steps.iter().enumerate() {
            let len = count(&b.render());
            if n == i {
                return (line, line + len.saturating_sub(1));
            }
            line += len;
        }
        (0, 0)
    }

    /// The diagnostics that fall in step `i`'s block.
    pub fn diagnostics_for_step<'a>(&self, diags: &'a [Diagnostic], i: usize) -> Vec<&'a Diagnostic> {
        let (a, b) = self.step_lines(i);
        diags.iter().filter(|d| d.line >= a && d.line <= b).collect()
    }

    // ---- Lesson-level edits ----

    /// Sets a text value of the lesson block (`title`, `summary`, `author`, `id`).
    pub fn set_lesson_str(&mut self, key: &str, v: &str) {
        let mut doc = self.header.doc();
        doc[key] = value(v);
        self.header.set_doc(&doc);
    }

    /// Sets a setting (`retry`, `show_solution`, `hints`).
    pub fn set_setting_bool(&mut self, key: &str, v: bool) {
        let mut doc = self.header.doc();
        if !doc.contains_table("settings") {
            doc["settings"] = Item::Table(Table::new());
        }
        doc["settings"][key] = value(v);
        self.header.set_doc(&doc);
    }

    /// Replaces the introduction.
    pub fn set_intro(&mut self, text: &str) {
        self.header.prose = prose_block(text);
    }

    // ---- Steps ----

    /// Adds a step of `kind` at the end, showing `articles`.
    pub fn add_step(&mut self, kind: StepKind, articles: &[String], title: &str) -> usize {
        let mut doc = DocumentMut::new();
        doc["kind"] = value(kind.word());
        if let Some(t) = kind.task() {
            doc["task"] = value(t.name());
        }
        doc["title"] = value(title);
        if !articles.is_empty() {
            let mut arr = toml_edit::Array::new();
            for a in articles {
                arr.push(a.as_str());
            }
            doc["articles"] = value(arr);
        }
        if kind == StepKind::Choice {
            let mut aot = ArrayOfTables::new();
            for (text, correct) in [("A right answer", true), ("A wrong answer", false)] {
                let mut t = Table::new();
                t["text"] = value(text);
                t["correct"] = value(correct);
                t["explanation"] = value("Why.");
                aot.push(t);
            }
            doc["option"] = Item::ArrayOfTables(aot);
        }
        let mut b = Block {
            open: "+++ step\n".into(),
            toml: String::new(),
            close: "+++\n".into(),
            prose: String::new(),
        };
        b.set_doc(&doc);
        b.prose = prose_block("Tell students what to do on this step.");
        self.ensure_trailing_blank();
        self.steps.push(b);
        self.steps.len() - 1
    }

    fn ensure_trailing_blank(&mut self) {
        let last = self.steps.last_mut().unwrap_or(&mut self.header);
        if !last.prose.ends_with("\n\n") {
            if !last.prose.ends_with('\n') {
                last.prose.push('\n');
            }
            last.prose.push('\n');
        }
    }

    /// Deletes step `i`.
    pub fn delete_step(&mut self, i: usize) {
        if i < self.steps.len() {
            self.steps.remove(i);
        }
    }

    /// Moves step `i` up (`-1`) or down (`+1`).
    pub fn move_step(&mut self, i: usize, up: bool) -> Option<usize> {
        let j = if up { i.checked_sub(1)? } else { i + 1 };
        if j >= self.steps.len() || i >= self.steps.len() {
            return None;
        }
        self.ensure_trailing_blank();
        for b in &mut self.steps {
            if !b.prose.ends_with("\n\n") {
                b.prose.push('\n');
            }
        }
        self.steps.swap(i, j);
        Some(j)
    }

    /// A step's title as written (or empty).
    pub fn step_str(&self, i: usize, key: &str) -> String {
        self.steps
            .get(i)
            .map(|b| b.doc())
            .and_then(|d| d.get(key).and_then(|v| v.as_str()).map(str::to_string))
            .unwrap_or_default()
    }

    /// Sets a text value of step `i` (`title`, `id`).
    pub fn set_step_str(&mut self, i: usize, key: &str, v: &str) {
        if let Some(b) = self.steps.get_mut(i) {
            let mut doc = b.doc();
            doc[key] = value(v);
            b.set_doc(&doc);
        }
    }

    /// A step's instructions (Markdown).
    pub fn step_prose(&self, i: usize) -> String {
        self.steps
            .get(i)
            .map(|b| b.prose.trim().to_string())
            .unwrap_or_default()
    }

    /// Replaces a step's instructions.
    pub fn set_step_prose(&mut self, i: usize, text: &str) {
        let last = i + 1 == self.steps.len();
        if let Some(b) = self.steps.get_mut(i) {
            b.prose = prose_block(text);
            if last {
                b.prose.pop();
            }
        }
    }

    // ---- Keys ----

    /// Adds a key span on step `i` for `span` of `article` (an article of the step), writing the
    /// shortest quote that finds it again (prefix/suffix or occurrence only when needed).
    /// Returns the new key's id.
    pub fn add_key(
        &mut self,
        i: usize,
        article: &Article,
        span: Span,
        label: Option<&str>,
        two_articles: bool,
    ) -> Option<String> {
        let b = self.steps.get_mut(i)?;
        let mut doc = b.doc();
        let anchor = anchor_for(article, span);
        let existing: Vec<String> = keys_of(&doc)
            .iter()
            .filter_map(|t| t.get("id").and_then(|v| v.as_str()).map(str::to_string))
            .collect();
        let n = (1..).find(|n| !existing.contains(&format!("key-{n}"))).unwrap_or(1);
        let id = format!("key-{n}");
        let mut t = Table::new();
        t["id"] = value(&id);
        if two_articles {
            t["article"] = value(article.id());
        }
        t["quote"] = value(&anchor.quote);
        if let Some(p) = &anchor.prefix {
            t["prefix"] = value(p);
        }
        if let Some(s) = &anchor.suffix {
            t["suffix"] = value(s);
        }
        if let Some(o) = anchor.occurrence {
            t["occurrence"] = value(o as i64);
        }
        if let Some(l) = label {
            t["label"] = value(l);
        }
        t["explanation"] = value("Explain why this passage matters, with the evidence.");
        match doc.get_mut("key") {
            Some(Item::ArrayOfTables(aot)) => aot.push(t),
            _ => {
                let mut aot = ArrayOfTables::new();
                aot.push(t);
                doc["key"] = Item::ArrayOfTables(aot);
            }
        }
        b.set_doc(&doc);
        Some(id)
    }

    /// Sets a text field of key `k` of step `i` (`label`, `extent`, `explanation`, `pair`).
    /// An empty value removes the field.
    pub fn set_key_str(&mut self, i: usize, k: usize, key: &str, v: &str) {
        self.edit_key(i, k, |t| {
            if v.is_empty() {
                t.remove(key);
            } else {
                t[key] = value(v);
            }
        });
    }

    /// Sets the hints of key `k` of step `i` (one per line; none removes the field).
    pub fn set_key_hints(&mut self, i: usize, k: usize, hints: &[String]) {
        self.edit_key(i, k, |t| {
            let hints: Vec<&String> = hints.iter().filter(|h| !h.trim().is_empty()).collect();
            if hints.is_empty() {
                t.remove("hints");
            } else {
                let mut arr = toml_edit::Array::new();
                for h in hints {
                    arr.push(h.trim());
                }
                t["hints"] = value(arr);
            }
        });
    }

    /// Sets the points of key `k` of step `i` (1 removes the field: it is the default).
    pub fn set_key_points(&mut self, i: usize, k: usize, points: f64) {
        self.edit_key(i, k, |t| {
            if (points - 1.0).abs() < f64::EPSILON {
                t.remove("points");
            } else if points.fract() == 0.0 {
                t["points"] = value(points as i64);
            } else {
                t["points"] = value(points);
            }
        });
    }

    /// Deletes key `k` of step `i` (and any `pair` that named it).
    pub fn delete_key(&mut self, i: usize, k: usize) {
        let Some(b) = self.steps.get_mut(i) else { return };
        let mut doc = b.doc();
        let Some(Item::ArrayOfTables(aot)) = doc.get_mut("key") else {
            return;
        };
        if k >= aot.len() {
            return;
        }
        let id = aot
            .get(k)
            .and_then(|t| t.get("id"))
            .and_then(|v| v.as_str())
            .map(str::to_string);
        aot.remove(k);
        if let Some(id) = id {
            for t in aot.iter_mut() {
                if t.get("pair").and_then(|v| v.as_str()) == Some(id.as_str()) {
                    t.remove("pair");
                }
            }
        }
        if aot.is_empty() {
            doc.remove("key");
        }
        b.set_doc(&doc);
    }

    /// The text fields of key `k` of step `i`, as written.
    pub fn key_str(&self, i: usize, k: usize, key: &str) -> String {
        self.steps
            .get(i)
            .map(|b| b.doc())
            .and_then(|d| {
                keys_of(&d)
                    .get(k)
                    .and_then(|t| t.get(key))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            })
            .unwrap_or_default()
    }

    fn edit_key(&mut self, i: usize, k: usize, f: impl FnOnce(&mut Table)) {
        let Some(b) = self.steps.get_mut(i) else { return };
        let mut doc = b.doc();
        if let Some(Item::ArrayOfTables(aot)) = doc.get_mut("key")
            && let Some(t) = aot.get_mut(k)
        {
            f(t);
            b.set_doc(&doc);
        }
    }
}

fn keys_of(doc: &DocumentMut) -> Vec<Table> {
    match doc.get("key") {
        Some(Item::ArrayOfTables(aot)) => aot.iter().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Markdown after a block's closing line: a blank line, the text, a blank line.
fn prose_block(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        "\n".into()
    } else {
        format!("\n{t}\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::bundled;

    const FIRST: &str = include_str!("../../lessons/00-first-look.md");

    #[test]
    fn an_untouched_draft_is_the_file_byte_for_byte() {
        let d = Draft::from_text("l.md", FIRST).expect("draft");
        assert_eq!(d.to_text(), FIRST);
        assert_eq!(d.step_count(), 5);
    }

    #[test]
    fn an_edit_keeps_comments_and_the_other_blocks() {
        let mut d = Draft::from_text("l.md", FIRST).expect("draft");
        d.set_step_str(1, "title", "Who launched it?");
        let t = d.to_text();
        // Comments in the lesson block survive, and so do the other steps byte for byte.
        assert!(t.contains("retry = true            # students may check again after checking"));
        assert!(t.contains("title = \"Who launched it?\""));
        let changed: Vec<(&str, &str)> = FIRST.lines().zip(t.lines()).filter(|(a, b)| a != b).collect();
        assert_eq!(
            changed,
            vec![("title = \"Who fired the missile?\"", "title = \"Who launched it?\"")]
        );
        let corpus = bundled::corpus();
        assert!(d.lesson(&corpus).is_some());
    }

    #[test]
    fn keys_added_in_the_app_are_written_as_a_teacher_would() {
        let corpus = bundled::corpus();
        let rt = corpus.get("rt").expect("rt").clone();
        let mut d = Draft::new_lesson("new.md", std::slice::from_ref(&rt), Task::Bias);
        // A unique phrase: the quote alone.
        let text = rt.text.as_str();
        let at = text.find("doubled down").expect("phrase");
        let s = rt.text.char_of_byte(at);
        let id = d
            .add_key(1, &rt, Span::new(s, s + 12), Some("loaded-word"), false)
            .expect("added");
        assert_eq!(id, "key-2");
        // A repeated phrase (the headline stands twice): a prefix, suffix or occurrence is added.
        let head = rt.segments.sentences[2];
        d.add_key(1, &rt, head, Some("framing-headline"), false);
        d.set_key_str(1, 1, "explanation", "“Doubled down” makes him sound stubborn.");
        d.set_key_hints(1, 1, &["Look at the verbs.".into()]);
        let t = d.to_text();
        assert!(t.contains("quote = \"doubled down\""), "{t}");
        let lf = d.check(&corpus);
        assert!(lf.is_playable(), "{t}\n{:#?}", lf.diagnostics);
        let lesson = lf.lesson.expect("lesson");
        let keys = lesson.steps[1].keys();
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[1].core, Span::new(s, s + 12));
        assert_eq!(keys[2].core, head);
        assert_eq!(keys[1].hints, vec!["Look at the verbs.".to_string()]);
        d.delete_key(1, 0);
        assert_eq!(d.lesson(&corpus).expect("lesson").steps[1].keys().len(), 2);
    }

    #[test]
    fn steps_are_added_moved_and_deleted() {
        let corpus = bundled::corpus();
        let mut d = Draft::from_text("l.md", FIRST).expect("draft");
        let i = d.add_step(StepKind::Reflect, &[], "One more thought");
        assert_eq!(i, 5);
        d.set_step_prose(i, "What did you learn?");
        assert_eq!(d.move_step(i, true), Some(4));
        let lesson = d.lesson(&corpus).expect("valid");
        let titles: Vec<&str> = lesson.steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles[4], "One more thought");
        assert_eq!(titles[5], "What would you check next?");
        d.delete_step(4);
        assert_eq!(d.lesson(&corpus).expect("valid").steps.len(), 5);
        let c = d.add_step(StepKind::Choice, &[], "Pick one");
        assert!(d.lesson(&corpus).expect("valid").steps[c].is_scored());
        // Diagnostics are placed on the step they concern.
        d.set_step_str(1, "kind", "highlite");
        let lf = d.check(&corpus);
        assert!(!d.diagnostics_for_step(&lf.diagnostics, 1).is_empty());
        assert!(d.diagnostics_for_step(&lf.diagnostics, 2).is_empty());
    }

    #[test]
    fn broken_files_are_refused_with_a_reason() {
        assert!(matches!(Draft::from_text("x", ""), Err(DraftError::Structure(_))));
        assert!(matches!(
            Draft::from_text("x", "title = 1"),
            Err(DraftError::Structure(_))
        ));
        assert!(matches!(
            Draft::from_text("x", "+++\ntitle = \"a\n+++\n"),
            Err(DraftError::Toml(0, _))
        ));
    }
}
