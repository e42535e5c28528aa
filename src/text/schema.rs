//! Reads TOML tables field by field, collecting every problem with its exact place.
//!
//! serde stops at the first bad field; a teacher wants to see all of them at once, each with
//! line, column and the nearest valid key name. So lesson and article metadata are read through
//! this small walker over `toml_edit`'s spanned document instead.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use toml_edit::{Item, TableLike, Value};

use crate::text::diag::{Diagnostic, MAX_PER_FILE, Severity, SourceFile, more_problems, nearest};

/// A value with the byte range it came from in the source file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Byte range in the whole source file.
    pub span: Range<usize>,
}

/// Shared state while reading one TOML block of one file.
pub(crate) struct Ctx<'s> {
    /// The file.
    pub src: &'s SourceFile,
    /// Byte offset of the TOML block inside the file.
    pub base: usize,
    /// Problems found so far (at most [`MAX_PER_FILE`]).
    pub diags: RefCell<Vec<Diagnostic>>,
    /// Problems past [`MAX_PER_FILE`]: counted, not kept; and the worst of them.
    more: Cell<(usize, Severity)>,
}

impl<'s> Ctx<'s> {
    /// Starts reading a block that begins at byte `base` of `src`.
    pub fn new(src: &'s SourceFile, base: usize) -> Self {
        Self {
            src,
            base,
            diags: RefCell::new(Vec::new()),
            more: Cell::new((0, Severity::Warning)),
        }
    }

    /// Records an error at a file byte range.
    pub fn error(&self, span: Range<usize>, msg: impl Into<String>, help: Option<String>) {
        self.push(span, Severity::Error, msg, help);
    }

    /// Records a warning at a file byte range.
    pub(crate) fn warn(&self, span: Range<usize>, msg: impl Into<String>, help: Option<String>) {
        self.push(span, Severity::Warning, msg, help);
    }

    fn push(&self, span: Range<usize>, sev: Severity, msg: impl Into<String>, help: Option<String>) {
        if self.diags.borrow().len() >= MAX_PER_FILE {
            let (n, worst) = self.more.get();
            self.more.set((n + 1, worst.max(sev)));
            return;
        }
        let mut d = self.src.at(span, sev, msg);
        d.suggestion = help;
        self.diags.borrow_mut().push(d);
    }

    /// Turns a span relative to the block into a file span.
    pub fn abs(&self, span: Option<Range<usize>>, fallback: &Range<usize>) -> Range<usize> {
        span.map_or_else(|| fallback.clone(), |s| s.start + self.base..s.end + self.base)
    }

    /// Takes the problems found (past [`MAX_PER_FILE`], one last diagnostic counts the rest).
    pub(crate) fn into_diags(self) -> Vec<Diagnostic> {
        let mut d = self.diags.into_inner();
        let (more, worst) = self.more.get();
        if more > 0 {
            d.push(more_problems(&self.src.name, more, worst));
        }
        d
    }
}

/// One table being read: remembers which keys it knows, and reports the others.
pub(crate) struct Obj<'a, 's> {
    ctx: &'a Ctx<'s>,
    table: &'a dyn TableLike,
    /// Where to point when a required key is missing: the table's header or first key.
    pub span: Range<usize>,
    what: &'a str,
    /// The known keys that the unknown keys are nearest to (each reported as "did you mean"):
    /// such a key is not reported missing as well (one mistake, one message).
    typo_of: Vec<String>,
}

fn type_name(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Value(Value::String(_)) => "text",
        Item::Value(Value::Integer(_)) => "a whole number",
        Item::Value(Value::Float(_)) => "a number",
        Item::Value(Value::Boolean(_)) => "true/false",
        Item::Value(Value::Datetime(_)) => "a date",
        Item::Value(Value::Array(_)) => "a list",
        Item::Value(Value::InlineTable(_)) | Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "a list of tables",
    }
}

impl<'a, 's> Obj<'a, 's> {
    /// Wraps `table`, described as `what` in messages ("step", "key span"), and reports every
    /// key not in `fields` (with the nearest known key as a suggestion).
    pub fn new(ctx: &'a Ctx<'s>, table: &'a dyn TableLike, span: Range<usize>, what: &'a str, fields: &[&str]) -> Self {
        let mut typo_of = Vec::new();
        for (k, _) in table.iter() {
            if !fields.contains(&k) {
                let kspan = ctx.abs(table.key(k).and_then(|k| k.span()), &span);
                let help = match nearest(k, fields.iter().copied()) {
                    Some(n) => {
                        typo_of.push(n.to_string());
                        format!("did you mean `{n}`? A {what} takes: {}", fields.join(", "))
                    }
                    None => format!("a {what} takes: {}", fields.join(", ")),
                };
                ctx.error(kspan, format!("unknown key `{k}` in a {what}"), Some(help));
            }
        }
        Self {
            ctx,
            table,
            span,
            what,
            typo_of,
        }
    }

    /// Is `key` present?
    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Byte span (in the file) of the value of `key`, or of the table when absent.
    pub(crate) fn span_of(&self, key: &str) -> Range<usize> {
        match self.table.get(key) {
            Some(item) => self.ctx.abs(item.span(), &self.key_span(key)),
            None => self.span.clone(),
        }
    }

    /// Byte span of the key `key` itself.
    pub(crate) fn key_span(&self, key: &str) -> Range<usize> {
        self.ctx.abs(self.table.key(key).and_then(|k| k.span()), &self.span)
    }

    fn wrong_type(&self, key: &str, item: &Item, want: &str, example: &str) {
        self.ctx.error(
            self.span_of(key),
            format!("`{key}` in a {} should be {want}, not {}", self.what, type_name(item)),
            Some(format!("write it like: {key} = {example}")),
        );
    }

    /// A required key is missing (unless a misspelling of it was reported already).
    pub fn missing(&self, key: &str, example: &str) {
        if self.typo_of.iter().any(|t| t == key) {
            return;
        }
        self.ctx.error(
            self.span.clone(),
            format!("this {} has no `{key}`", self.what),
            Some(format!("add a line like: {key} = {example}")),
        );
    }

    /// An optional text value.
    pub(crate) fn opt_str(&self, key: &str) -> Option<Spanned<String>> {
        let item = self.table.get(key)?;
        match item.as_str() {
            Some(s) => Some(Spanned {
                value: s.to_string(),
                span: self.span_of(key),
            }),
            None => {
                self.wrong_type(key, item, "text in quotes", "\"...\"");
                None
            }
        }
    }

    /// An optional language tag (see [`crate::text::lang`]), in canonical case. A tag that is not
    /// one is reported (an error) and dropped; a doubtful one is kept with a warning.
    pub(crate) fn opt_lang(&self, key: &str) -> Option<Spanned<String>> {
        let s = self.opt_str(key)?;
        match crate::text::lang::check_language_tag(key, &s.value) {
            crate::text::lang::LangTag::Good(tag) => Some(Spanned {
                value: tag,
                span: s.span,
            }),
            crate::text::lang::LangTag::Doubtful { tag, why, help } => {
                self.ctx.warn(s.span.clone(), why, Some(help));
                Some(Spanned {
                    value: tag,
                    span: s.span,
                })
            }
            crate::text::lang::LangTag::Bad { why, help } => {
                self.ctx.error(s.span, why, Some(help));
                None
            }
        }
    }

    /// A required text value; reports it when missing.
    pub(crate) fn req_str(&self, key: &str, example: &str) -> Option<Spanned<String>> {
        if !self.has(key) {
            self.missing(key, example);
            return None;
        }
        self.opt_str(key)
    }

    /// An optional true/false value.
    pub(crate) fn opt_bool(&self, key: &str) -> Option<bool> {
        let item = self.table.get(key)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                self.wrong_type(key, item, "true or false", "true");
                None
            }
        }
    }

    /// An optional whole number in `min..=max`.
    pub(crate) fn opt_int(&self, key: &str, min: i64, max: i64) -> Option<Spanned<i64>> {
        let item = self.table.get(key)?;
        match item.as_integer() {
            Some(n) if (min..=max).contains(&n) => Some(Spanned {
                value: n,
                span: self.span_of(key),
            }),
            Some(n) => {
                self.ctx.error(
                    self.span_of(key),
                    format!("`{key}` is {n}, but it must be between {min} and {max}"),
                    None,
                );
                None
            }
            None => {
                self.wrong_type(key, item, "a whole number", &min.max(1).to_string());
                None
            }
        }
    }

    /// An optional non-negative number (whole or decimal).
    pub(crate) fn opt_number(&self, key: &str, max: f64) -> Option<Spanned<f64>> {
        let item = self.table.get(key)?;
        let n = item.as_float().or_else(|| item.as_integer().map(|i| i as f64));
        match n {
            Some(n) if n.is_finite() && (0.0..=max).contains(&n) => Some(Spanned {
                value: n,
                span: self.span_of(key),
            }),
            Some(n) => {
                self.ctx.error(
                    self.span_of(key),
                    format!("`{key}` is {n}, but it must be between 0 and {max}"),
                    None,
                );
                None
            }
            None => {
                self.wrong_type(key, item, "a number", "1");
                None
            }
        }
    }

    /// An optional list of texts; a single text is accepted as a list of one.
    pub(crate) fn opt_str_list(&self, key: &str) -> Option<Vec<Spanned<String>>> {
        let item = self.table.get(key)?;
        if let Some(s) = item.as_str() {
            return Some(vec![Spanned {
                value: s.to_string(),
                span: self.span_of(key),
            }]);
        }
        let Some(arr) = item.as_array() else {
            self.wrong_type(key, item, "a list of texts", "[\"...\", \"...\"]");
            return None;
        };
        let whole = self.span_of(key);
        let mut out = Vec::new();
        for v in arr.iter() {
            let span = self.ctx.abs(v.span(), &whole);
            match v.as_str() {
                Some(s) => out.push(Spanned {
                    value: s.to_string(),
                    span,
                }),
                None => self.ctx.error(
                    span,
                    format!("every entry of `{key}` should be text in quotes"),
                    Some(format!("write it like: {key} = [\"...\", \"...\"]")),
                ),
            }
        }
        Some(out)
    }

    /// The tables under `key`: `[[key]]` sections, or an inline list `key = [{..}, {..}]`, or a
    /// single `[key]` table.
    pub fn tables(&self, key: &str, what: &'a str, fields: &[&str]) -> Vec<Obj<'a, 's>> {
        let Some(item) = self.table.get(key) else {
            return Vec::new();
        };
        let whole = self.span_of(key);
        let mut out = Vec::new();
        match item {
            Item::ArrayOfTables(aot) => {
                for t in aot.iter() {
                    let span = self.table_span(t, &whole);
                    out.push(Obj::new(self.ctx, t, span, what, fields));
                }
            }
            Item::Table(t) => out.push(Obj::new(self.ctx, t, self.table_span(t, &whole), what, fields)),
            Item::Value(Value::InlineTable(t)) => {
                out.push(Obj::new(self.ctx, t, self.ctx.abs(t.span(), &whole), what, fields))
            }
            Item::Value(Value::Array(arr)) => {
                for v in arr.iter() {
                    let span = self.ctx.abs(v.span(), &whole);
                    match v.as_inline_table() {
                        Some(t) => out.push(Obj::new(self.ctx, t, span, what, fields)),
                        None => self.ctx.error(
                            span,
                            format!("every entry of `{key}` should be a table"),
                            Some(format!("write each as a [[{key}]] section")),
                        ),
                    }
                }
            }
            other => self.wrong_type(key, other, "a table", &format!("[[{key}]] sections")),
        }
        out
    }

    /// One optional sub-table `[key]` (or inline `key = { .. }`).
    pub fn table(&self, key: &str, what: &'a str, fields: &[&str]) -> Option<Obj<'a, 's>> {
        let item = self.table.get(key)?;
        let whole = self.span_of(key);
        match item {
            Item::Table(t) => Some(Obj::new(self.ctx, t, self.table_span(t, &whole), what, fields)),
            Item::Value(Value::InlineTable(t)) => {
                Some(Obj::new(self.ctx, t, self.ctx.abs(t.span(), &whole), what, fields))
            }
            other => {
                self.wrong_type(key, other, "a table", &format!("[{key}] section"));
                None
            }
        }
    }

    fn table_span(&self, t: &toml_edit::Table, fallback: &Range<usize>) -> Range<usize> {
        // A table's own span covers its header; else point at its first key.
        if let Some(s) = t.span() {
            return self.ctx.abs(Some(s), fallback);
        }
        t.iter()
            .next()
            .and_then(|(k, _)| t.key(k).and_then(|k| k.span()))
            .map_or_else(|| fallback.clone(), |s| self.ctx.abs(Some(s), fallback))
    }
}

/// The deepest nesting a TOML block may have: `[ ]` and `{ }` levels plus the dots of a dotted
/// key. A lesson needs three or four; toml_edit itself stops at about 80, but without a place
/// for dotted keys, so blocks are checked before it sees them.
pub(crate) const MAX_TOML_DEPTH: usize = 50;

/// The byte offset at which `toml` first nests deeper than [`MAX_TOML_DEPTH`], if it does.
/// A linear scan (no recursion) that skips strings and comments; it may count a little more
/// than TOML would (a dot in a float), never less.
pub(crate) fn too_deep(toml: &str) -> Option<usize> {
    let b = toml.as_bytes();
    let (mut i, mut depth, mut dots) = (0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            q @ (b'"' | b'\'') => {
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if q == b'"' && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                        i += if triple { 2 } else { 0 };
                        break;
                    }
                    if b[i] == b'\n' && !triple {
                        break;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth + dots > MAX_TOML_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'.' => {
                dots += 1;
                if depth + dots > MAX_TOML_DEPTH {
                    return Some(i);
                }
            }
            b'\n' | b'=' | b',' => dots = 0,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parses one TOML block; a syntax error becomes a diagnostic at its exact place.
pub(crate) fn parse_block(ctx: &Ctx<'_>, toml: &str) -> Option<toml_edit::Document<String>> {
    if let Some(at) = too_deep(toml) {
        ctx.error(
            ctx.base + at..ctx.base + at + 1,
            format!("this is not valid TOML here: it is nested more than {MAX_TOML_DEPTH} levels deep"),
            Some("a lesson or an article's metadata needs only a few levels of [ ] and { }; check for brackets that are opened but never closed".into()),
        );
        return None;
    }
    match toml_edit::Document::parse(toml.to_string()) {
        Ok(doc) => Some(doc),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let abs = span.start + ctx.base..span.end.max(span.start) + ctx.base;
            let msg = e.message().trim().trim_end_matches('.').to_string();
            if toml
                .get(span.start..)
                .and_then(|s| s.chars().next())
                .is_some_and(is_curly_quote)
            {
                ctx.error(
                    abs,
                    "this is not valid TOML: text needs straight quotes (\"…\") around it, not curly ones (“…”)".to_string(),
                    Some("type the quotes around this value again as \" (a word processor's autocorrect curls them); curly quotes inside the text are fine".into()),
                );
                return None;
            }
            ctx.error(
                abs,
                format!("this is not valid TOML: {msg}"),
                Some("check the quotes and brackets on this line; text values need \"double quotes\", and a quote inside one needs \\\"".into()),
            );
            None
        }
    }
}

/// A quote mark a word processor types where TOML needs `"` or `'`.
fn is_curly_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        assert_eq!(too_deep("a = [[1, 2], [3]]\n[t.u]\nx = { y = 1.5 }\n"), None);
        let deep = format!("a = {}", "[".repeat(MAX_TOML_DEPTH + 1));
        assert_eq!(too_deep(&deep), Some(4 + MAX_TOML_DEPTH));
        let in_strings = format!(
            "a = \"{0}\"\nb = '{0}'\nc = \"\"\"\n{0}\n\"\"\"\n# {0}\nd = \"\\\"{0}\"\n",
            "[{.".repeat(MAX_TOML_DEPTH)
        );
        assert_eq!(too_deep(&in_strings), None, "{in_strings}");
        let dotted = format!("{} = 1", vec!["a"; MAX_TOML_DEPTH + 2].join("."));
        assert_eq!(too_deep(&dotted), Some(2 * (MAX_TOML_DEPTH + 1) - 1));
    }
}
