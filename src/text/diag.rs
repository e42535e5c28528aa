//! Diagnostics: what is wrong with a file, where (file, line, column), and what to do.
//!
//! Loaders never stop at the first problem: they push every [`Diagnostic`] they find into a
//! `Vec` and carry on with what they could read, so one broken step or file never hides the rest.

use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::text::{CharIndex, Span};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look, but the file still works.
    Warning,
    /// The file (or the part of it named) cannot be used as written.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The file, as the user named it (or a bundled file's name).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in chars; 0 when the problem concerns the whole file.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending text, as it stands in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The source line for display under the message: at most [`QUOTE_CHARS`] chars of it
    /// around the column, with `…` where it was cut (never the whole of a long line).
    #[serde(skip)]
    pub source_line: Option<String>,
    /// 1-based char column of the caret inside `source_line` (0: the same as `column`).
    #[serde(skip)]
    pub source_column: usize,
    /// How many chars to underline from the caret.
    #[serde(skip)]
    pub width: usize,
}

/// The most chars of a source line (and of a snippet) a diagnostic keeps.
pub const QUOTE_CHARS: usize = 120;
/// Chars of the line kept before the column when a long line is cut.
const QUOTE_BEFORE: usize = 40;
/// The most diagnostics one file produces; past it, one last diagnostic counts the rest.
pub const MAX_PER_FILE: usize = 200;

impl Diagnostic {
    /// A problem with a whole file (no line or column).
    pub fn file(file: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: 0,
            column: 0,
            severity,
            message: message.into(),
            snippet: None,
            suggestion: None,
            source_line: None,
            source_column: 0,
            width: 0,
        }
    }

    /// Adds what to do.
    pub(crate) fn with_suggestion(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }

    /// Is this an error (not a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like a compiler message:
    ///
    /// ```text
    /// error: quote not found in article "rt"
    ///   --> lessons/x.md:23:9
    ///    |
    /// 23 | quote = "..."
    ///    |         ^^^^^
    ///    = help: the closest passage is ...
    /// ```
    ///
    /// Everything that came from a file is shown through [`escape_for_terminal`]: an escape
    /// sequence in a lesson line or a student's name is printed as `\u{1b}`, never sent raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.severity, escape_for_terminal(&self.message))?;
        let file = escape_for_terminal(&self.file);
        if self.line > 0 {
            writeln!(f, "  --> {file}:{}:{}", self.line, self.column)?;
        } else {
            writeln!(f, "  --> {file}")?;
        }
        let pad = match &self.source_line {
            Some(src) => {
                let num = self.line.to_string();
                let pad = " ".repeat(num.len());
                let caret = if self.source_column > 0 {
                    self.source_column
                } else {
                    self.column
                };
                let (shown, lead, width) = caret_line(src, caret, self.width);
                writeln!(f, "{pad} |")?;
                writeln!(f, "{num} | {shown}")?;
                writeln!(f, "{pad} | {}{}", " ".repeat(lead), "^".repeat(width))?;
                pad
            }
            None => {
                if let Some(sn) = &self.snippet {
                    writeln!(f, "   | {}", escape_line(sn))?;
                }
                "  ".to_string()
            }
        };
        if let Some(s) = &self.suggestion {
            for (i, l) in s.lines().enumerate() {
                let head = if i == 0 { "= help: " } else { "        " };
                writeln!(f, "{pad} {head}{}", escape_for_terminal(l))?;
            }
        }
        Ok(())
    }
}

/// A source line as shown (tabs as spaces, control chars escaped, at most [`QUOTE_CHARS`] chars
/// around the caret), the number of columns before the caret and the caret's width, both in
/// shown columns.
fn caret_line(src: &str, caret: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = src.chars().collect();
    // A long line set by hand is still cut around the caret.
    let at = caret.saturating_sub(1).min(chars.len());
    let (ws, we) = window(0, chars.len(), at);
    let mut shown = String::new();
    let (mut lead, mut under) = (0, 0);
    if ws > 0 {
        shown.push('…');
        lead += 1;
    }
    let width = width.max(1);
    for (i, &c) in chars.iter().enumerate().take(we).skip(ws) {
        let n = push_shown(&mut shown, c);
        if i < at {
            lead += n;
        } else if i < at + width {
            under += n;
        }
    }
    if we < chars.len() {
        shown.push('…');
    }
    (shown, lead, under.max(1))
}

/// Pushes `c` as shown on one terminal line: a tab as a space, control and bidi chars escaped.
/// Returns how many columns it took.
fn push_shown(out: &mut String, c: char) -> usize {
    match c {
        '\t' => {
            out.push(' ');
            1
        }
        c if needs_escape(c) => {
            let before = out.len();
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            out.len() - before
        }
        c => {
            out.push(c);
            1
        }
    }
}

/// One line of file text as shown: tabs as spaces, line breaks and control chars escaped.
fn escape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_shown(&mut out, c);
    }
    out
}

/// Chars that must not reach a terminal raw: control chars (ESC, CSI, BEL, backspace, …) and the
/// bidirectional overrides and isolates that can make a line read differently than it is.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` made safe to print on a terminal: control chars other than line break and tab, and the
/// bidi overrides U+202A–U+202E and U+2066–U+2069, are written as `\u{1b}`. Use it on every
/// string that came from a file (student names, titles, quotes, file names) before printing it.
pub fn escape_for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c != '\t' && needs_escape(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && c != '\t' && needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape_for_terminal`] of a path as displayed.
pub(crate) fn shown_path(p: &Path) -> String {
    escape_for_terminal(&p.display().to_string()).into_owned()
}

/// At most `max` chars of `s` (a name or id from a file, put into a message), with `…` when cut.
pub fn short(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((b, _)) => Cow::Owned(format!("{}…", &s[..b])),
    }
}

/// The window `[start, end)` of at most [`QUOTE_CHARS`] chars of the line `[ls, le)` to quote
/// for a problem at char `at`: up to [`QUOTE_BEFORE`] chars before it, the rest after it (or
/// more before it when the line ends sooner).
fn window(ls: usize, le: usize, at: usize) -> (usize, usize) {
    let at = at.clamp(ls, le);
    let ws = ls.max(at.saturating_sub(QUOTE_BEFORE));
    let we = le.min(ws + QUOTE_CHARS);
    let ws = ls.max(ws.min(we.saturating_sub(QUOTE_CHARS)));
    (ws, we)
}

/// A source file being read, to turn byte ranges into line/column diagnostics.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown in messages.
    pub name: String,
    /// The text, indexed.
    pub text: CharIndex,
    /// Where the JSON values of this file are, built on the first [`SourceFile::locate_json`].
    json: std::sync::OnceLock<crate::text::jsonpos::Index>,
}

impl SourceFile {
    /// Wraps `text` read from `name`.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        Self {
            name: name.into(),
            text: CharIndex::new(text),
            json: std::sync::OnceLock::new(),
        }
    }

    /// The byte range of the JSON value at `path` (object keys, array indexes) in this file.
    /// The first call indexes the file's values near the top in one pass, so placing many
    /// problems costs time linear in the file, not one scan of it per problem.
    pub(crate) fn locate_json(&self, path: &[&str]) -> Option<Range<usize>> {
        let text = self.text.as_str();
        self.json
            .get_or_init(|| crate::text::jsonpos::Index::new(text))
            .locate(text, path)
    }

    /// A diagnostic pointing at the byte range `bytes` of this file.
    pub fn at(&self, bytes: Range<usize>, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let s = self.text.char_of_byte(bytes.start.min(self.text.as_str().len()));
        let e = self.text.char_of_byte(bytes.end.min(self.text.as_str().len())).max(s);
        self.at_chars(Span::new(s, e), severity, message)
    }

    /// A diagnostic pointing at a char span of this file. It keeps at most [`QUOTE_CHARS`] chars
    /// of the line (and of the snippet), however long the line is.
    pub(crate) fn at_chars(&self, span: Span, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let t = &self.text;
        let start = span.start.min(t.char_len());
        let end = span.end.clamp(start, t.char_len());
        let (line, column) = t.line_col(start);
        // The line, as chars [ls, le): found from byte offsets, never by walking the line.
        let ls = start - (column - 1);
        let le = t.char_of_byte(t.byte_of(ls) + t.line_text(line).len());
        let (ws, we) = window(ls, le, start);
        let mut source_line = String::new();
        let mut source_column = start - ws + 1;
        if ws > ls {
            source_line.push('…');
            source_column += 1;
        }
        source_line.push_str(t.slice(Span::new(ws, we)));
        if we < le {
            source_line.push('…');
        }
        // The snippet: the span's first line, at most QUOTE_CHARS chars of it.
        let first_end = end.min(le.max(start));
        let cut = first_end.min(start + QUOTE_CHARS);
        let mut snippet = t.slice(Span::new(start, cut)).to_string();
        if cut < first_end {
            snippet.push('…');
        }
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            severity,
            message: message.into(),
            snippet: (end > start).then_some(snippet),
            suggestion: None,
            width: (first_end - start).min(we.saturating_sub(start)).max(1),
            source_line: Some(source_line),
            source_column,
        }
    }

    /// A diagnostic at 1-based `line` and 1-based *byte* column `byte_col` (as serde_json
    /// reports them); column 0 means the start of the line. A place on blanks moves on to the
    /// next thing on the line (serde_json sometimes points at the space before a bad value).
    pub(crate) fn at_line_byte(
        &self,
        line: usize,
        byte_col: usize,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        let text = self.text.as_str();
        let mut start = 0;
        for l in text.split_inclusive('\n').take(line.saturating_sub(1)) {
            start += l.len();
        }
        let line_len = self.text.line_text(line).len();
        let mut b = (start + byte_col.saturating_sub(1).min(line_len)).min(text.len());
        let line_end = (start + line_len).min(text.len());
        while b < line_end && matches!(text.as_bytes()[b], b' ' | b'\t') {
            b += 1;
        }
        self.at(b..b, severity, message)
    }
}

/// Keeps at most [`MAX_PER_FILE`] diagnostics of each file in `diags` (in order); for a file
/// that had more, one last diagnostic says how many more there were.
pub(crate) fn cap_per_file(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut kept: Vec<Diagnostic> = Vec::new();
    let mut counts: std::collections::HashMap<String, (usize, usize, Severity)> = std::collections::HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for d in diags {
        let e = counts.entry(d.file.clone()).or_insert_with(|| {
            order.push(d.file.clone());
            (0, 0, Severity::Warning)
        });
        if let Some(n) = more_count(&d) {
            // A count from an earlier cap (one block of a lesson): merged into one.
            e.1 += n;
            e.2 = e.2.max(d.severity);
        } else if e.0 < MAX_PER_FILE {
            e.0 += 1;
            kept.push(d);
        } else {
            e.1 += 1;
            e.2 = e.2.max(d.severity);
        }
    }
    for f in order {
        if let Some(&(_, more, sev)) = counts.get(&f)
            && more > 0
        {
            kept.push(more_problems(&f, more, sev));
        }
    }
    kept
}

const MORE_HEAD: &str = "… and ";
const MORE_TAIL: &str = " more problems in this file";

/// How many problems a diagnostic made by [`more_problems`] stands for.
fn more_count(d: &Diagnostic) -> Option<usize> {
    if d.line != 0 {
        return None;
    }
    d.message.strip_prefix(MORE_HEAD)?.strip_suffix(MORE_TAIL)?.parse().ok()
}

/// The diagnostic that stands for `more` problems not listed.
pub(crate) fn more_problems(file: &str, more: usize, severity: Severity) -> Diagnostic {
    Diagnostic::file(file, severity, format!("{MORE_HEAD}{more}{MORE_TAIL}")).with_suggestion(format!(
        "only the first {MAX_PER_FILE} problems of a file are listed; fix these and check again"
    ))
}

/// Collects the diagnostics of one file, keeping at most [`MAX_PER_FILE`]: past that, a problem
/// is only counted (and not even built, so a file with a million bad entries costs no more
/// than one with two hundred).
#[derive(Debug)]
pub(crate) struct Collector {
    file: String,
    diags: Vec<Diagnostic>,
    more: usize,
    more_severity: Severity,
}

impl Collector {
    /// Collects for the file named `file`.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            diags: Vec::new(),
            more: 0,
            more_severity: Severity::Warning,
        }
    }

    /// Adds the diagnostic `make` builds, if there is still room; else counts it.
    pub(crate) fn push_with(&mut self, severity: Severity, make: impl FnOnce(Severity) -> Diagnostic) {
        if self.diags.len() < MAX_PER_FILE {
            self.diags.push(make(severity));
        } else {
            self.more += 1;
            self.more_severity = self.more_severity.max(severity);
        }
    }

    /// Adds a diagnostic already built.
    pub fn push(&mut self, d: Diagnostic) {
        let sev = d.severity;
        self.push_with(sev, |_| d);
    }

    /// The diagnostics, with the count of those left out as one last diagnostic.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        if self.more > 0 {
            self.diags
                .push(more_problems(&self.file, self.more, self.more_severity));
        }
        self.diags
    }
}

/// Why writing `path` failed, in words that name the path (and the folder or file in the way),
/// and what to do: `(message, help)`.
pub(crate) fn describe_write_error(path: &Path, e: &std::io::Error) -> (String, String) {
    let shown = shown_path(path);
    // A file where a folder should be: std only says "File exists" or "Not a directory".
    let blocker = path
        .ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.exists() && !a.is_dir());
    if let Some(b) = blocker {
        let b = shown_path(b);
        return (
            format!("cannot write {shown}: {b} is a file, not a folder ({e})"),
            format!("give a folder there (a missing one is made), or move the file {b} out of the way"),
        );
    }
    if path.is_dir() {
        return (
            format!("cannot write {shown}: it is a folder ({e})"),
            "give the name of a file to write, not of a folder".into(),
        );
    }
    let help = match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "choose a folder you may write to, or check that the file is not read-only or open in another program"
        }
        std::io::ErrorKind::StorageFull => "free some space on the disk, or write somewhere else",
        std::io::ErrorKind::ReadOnlyFilesystem => "this disk is read-only: write somewhere else",
        _ => "check that the folder exists and that you may write there",
    };
    (format!("cannot write {shown}: {e}"), help.into())
}

/// [`describe_write_error`] as a diagnostic about `path`.
pub(crate) fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostic {
    let (msg, help) = describe_write_error(path, e);
    Diagnostic::file(path.display().to_string(), Severity::Error, msg).with_suggestion(help)
}

/// Counts errors and warnings in a list.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

/// Levenshtein distance between two short strings (in chars), for "did you mean" suggestions.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate nearest to `word`, if it is near enough to be what was meant.
pub(crate) fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lw = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lw, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
