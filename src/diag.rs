//! Diagnostics: what is wrong with a file, where (file, line, column), and what to do.
//!
//! Loaders never stop at the first problem: they push every [`Diagnostic`] they find into a
//! `Vec` and carry on with what they could read, so one broken step or file never hides the rest.

use std::fmt;
use std::ops::Range;

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
    /// The whole source line, for display under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many chars to underline from `column`.
    #[serde(skip)]
    pub width: usize,
}

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
            width: 0,
        }
    }

    /// Adds what to do.
    pub fn with_suggestion(mut self, s: impl Into<String>) -> Self {
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.severity, self.message)?;
        if self.line > 0 {
            writeln!(f, "  --> {}:{}:{}", self.file, self.line, self.column)?;
        } else {
            writeln!(f, "  --> {}", self.file)?;
        }
        if let Some(src) = &self.source_line {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let src = src.replace('\t', " ");
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {src}")?;
            let lead = " ".repeat(self.column.saturating_sub(1));
            let width = self.width.clamp(
                1,
                src.chars().count().saturating_sub(self.column.saturating_sub(1)).max(1),
            );
            writeln!(f, "{pad} | {lead}{}", "^".repeat(width))?;
            if let Some(s) = &self.suggestion {
                for (i, l) in s.lines().enumerate() {
                    let head = if i == 0 { "= help: " } else { "        " };
                    writeln!(f, "{pad} {head}{l}")?;
                }
            }
        } else {
            if let Some(sn) = &self.snippet {
                writeln!(f, "   | {sn}")?;
            }
            if let Some(s) = &self.suggestion {
                for (i, l) in s.lines().enumerate() {
                    let head = if i == 0 { "= help: " } else { "        " };
                    writeln!(f, "   {head}{l}")?;
                }
            }
        }
        Ok(())
    }
}

/// A source file being read, to turn byte ranges into line/column diagnostics.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown in messages.
    pub name: String,
    /// The text, indexed.
    pub text: CharIndex,
}

impl SourceFile {
    /// Wraps `text` read from `name`.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        Self {
            name: name.into(),
            text: CharIndex::new(text),
        }
    }

    /// A diagnostic pointing at the byte range `bytes` of this file.
    pub fn at(&self, bytes: Range<usize>, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let s = self.text.char_of_byte(bytes.start.min(self.text.as_str().len()));
        let e = self.text.char_of_byte(bytes.end.min(self.text.as_str().len())).max(s);
        self.at_chars(Span::new(s, e), severity, message)
    }

    /// A diagnostic pointing at a char span of this file.
    pub fn at_chars(&self, span: Span, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.text.line_col(span.start);
        let source_line = self.text.line_text(line).to_string();
        let snippet = self.text.slice(span);
        let first_line = snippet.lines().next().unwrap_or("");
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            severity,
            message: message.into(),
            snippet: (!snippet.is_empty()).then(|| first_line.to_string()),
            suggestion: None,
            width: first_line.chars().count().max(1),
            source_line: Some(source_line),
        }
    }
}

/// Counts errors and warnings in a list.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

/// Levenshtein distance between two short strings (in chars), for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
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
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lw = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lw, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_line_and_caret() {
        let src = SourceFile::new("l.md", "+++\ntitle = 1\nquote = \"abc\"\n".into());
        let b = src.text.as_str().find("\"abc\"").unwrap();
        let d = src
            .at(b..b + 5, Severity::Error, "quote not found")
            .with_suggestion("try \"abd\"");
        assert_eq!((d.line, d.column), (3, 9));
        assert_eq!(d.snippet.as_deref(), Some("\"abc\""));
        let shown = d.to_string();
        assert!(shown.contains("--> l.md:3:9"), "{shown}");
        assert!(shown.contains("3 | quote = \"abc\""), "{shown}");
        assert!(shown.contains("  |         ^^^^^"), "{shown}");
        assert!(shown.contains("= help: try \"abd\""), "{shown}");
    }

    #[test]
    fn nearest_suggests_close_names_only() {
        assert_eq!(nearest("quot", ["quote", "prefix", "suffix"]), Some("quote"));
        assert_eq!(nearest("explaination", ["explanation", "hints"]), Some("explanation"));
        assert_eq!(nearest("zzzzzz", ["quote", "prefix"]), None);
    }
}

#[cfg(test)]
mod regression {
    use super::*;

    /// `lateral export` on an empty file: serde_json reports column 0; rendering must not panic.
    #[test]
    fn a_diagnostic_at_column_zero_renders() {
        let mut d = Diagnostic::file("empty.json", Severity::Error, "EOF");
        d.line = 1;
        d.column = 0;
        d.source_line = Some(String::new());
        assert!(d.to_string().contains("empty.json:1:0"));
    }
}
