//! Articles: their displayed text and the metadata a student uses for lateral reading.
//!
//! An article is two files side by side: `NAME.txt`, the text exactly as captured, and
//! `NAME.toml`, its metadata (id, outlet, headline, date, byline, what kind of outlet, and which
//! lines of page debris are not shown). The text file is never edited: the displayed text is
//! derived from it by dropping the lines the metadata lists, so every removal is on record.

pub mod anchor;
pub mod cards;
pub(crate) mod h5p_words;
pub mod import;
mod meta;

pub use cards::SourceCard;
pub(crate) use meta::valid_date;
pub use meta::{META_FIELDS, REQUIRED_FIELDS, parse_meta, required_field_help};

use std::collections::HashMap;
use std::sync::Arc;

use crate::text::diag::{Diagnostic, Severity, SourceFile};
use crate::text::{CharIndex, Folded, Segments, Span};

/// Metadata of one article.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ArticleMeta {
    /// Stable id used by lessons (`articles = ["rt"]`): letters, digits, `-` and `_`.
    pub id: String,
    /// Who published it, as a reader would name them.
    pub outlet: String,
    /// The headline as published.
    pub headline: String,
    /// Publication date (`YYYY-MM-DD`, optionally with a time), when known.
    pub date: Option<String>,
    /// Author(s), when the page names them.
    pub byline: Option<String>,
    /// One line on what kind of outlet this is (who runs or funds it).
    pub outlet_kind: String,
    /// Web address it was captured from, when known (shown, never opened by the app).
    pub url: Option<String>,
    /// Language tag, e.g. `en`.
    pub language: Option<String>,
    /// Anything a teacher should know about the capture.
    pub note: Option<String>,
    /// Where the text came from when it was imported: the saved file's name (provenance, with
    /// `url`). Shown in the teacher's view.
    pub imported_from: Option<String>,
    /// True for texts written for teaching, not published news.
    pub fictional: bool,
    /// Lines of the text file not shown to students, with the reason.
    pub removed: Vec<Removal>,
    /// Facts about who is behind the article, opened by students in an `investigate` step.
    pub cards: Vec<SourceCard>,
}

/// Lines dropped from the displayed text (page debris), on record.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Removal {
    /// First removed line of the text file (1-based).
    pub first_line: usize,
    /// Last removed line (inclusive).
    pub last_line: usize,
    /// Why these lines are not shown.
    pub reason: String,
    /// The removed text.
    pub text: String,
}

/// An article ready to read, highlight and anchor quotes in.
#[derive(Debug)]
pub struct Article {
    /// Its metadata.
    pub meta: ArticleMeta,
    /// The displayed text. **All offsets into an article are char offsets into this text.**
    pub text: CharIndex,
    /// Its sentences and paragraphs.
    pub segments: Segments,
    /// Its words, as sorted char spans (what highlights snap to).
    pub words: Vec<Span>,
    /// The text folded for quote matching.
    pub(crate) folded: Folded,
    /// The text file's name, for messages.
    pub source: String,
    /// The text file's lines, as read (for pointing at a quote's place in messages).
    file_line_of: Vec<usize>,
    /// The errors in its metadata file, each reported once where the corpus was loaded (empty
    /// when it is clean). The article is still known, with the bad fields dropped or empty, so
    /// the lessons that use it are checked; but a lesson that uses it is not ready to play.
    pub meta_errors: Vec<Diagnostic>,
}

impl Article {
    /// Builds an article from its metadata and the text file's contents (a leading byte-order
    /// mark is dropped: it is not part of the text).
    pub fn new(meta: ArticleMeta, source: impl Into<String>, raw: &str) -> Self {
        // Offsets count the text after a byte-order mark (see `Span`): files come through
        // `files::read_text`, which drops it; text handed in another way must agree.
        let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        let (text, file_line_of, removed) = displayed_text(raw, &meta.removed);
        let mut meta = meta;
        for (r, t) in meta.removed.iter_mut().zip(removed) {
            r.text = t;
        }
        let folded = Folded::new(&text);
        let segments = Segments::new(&text);
        let words = crate::text::words(&text);
        Self {
            meta,
            text: CharIndex::new(text),
            segments,
            words,
            folded,
            source: source.into(),
            file_line_of,
            meta_errors: Vec::new(),
        }
    }

    /// The article's id.
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// Number of chars in the displayed text.
    pub fn len(&self) -> usize {
        self.text.char_len()
    }

    /// True when the displayed text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The displayed text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.slice(span)
    }

    /// The line of the text *file* (1-based) that char offset `c` of the displayed text is on.
    pub fn file_line(&self, c: usize) -> usize {
        let (line, _) = self.text.line_col(c.min(self.len()));
        self.file_line_of.get(line - 1).copied().unwrap_or(line)
    }
}

/// Drops removed lines and blank lines at both ends; returns the text, the file line of each
/// displayed line, and the removed text of each removal.
fn displayed_text(raw: &str, removals: &[Removal]) -> (String, Vec<usize>, Vec<String>) {
    let mut removed_text = vec![String::new(); removals.len()];
    let mut kept: Vec<(usize, &str)> = Vec::new();
    // A line belongs to the first removal (in the order listed) whose range holds it. One sweep:
    // removals start in line order, and a heap holds the started ones, first listed on top.
    let mut by_start: Vec<usize> = (0..removals.len()).collect();
    by_start.sort_by_key(|&r| removals[r].first_line);
    let mut next = 0;
    let mut open = std::collections::BinaryHeap::new();
    for (i, l) in raw.split('\n').enumerate() {
        let n = i + 1;
        while let Some(&r) = by_start.get(next).filter(|&&r| removals[r].first_line <= n) {
            open.push(std::cmp::Reverse(r));
            next += 1;
        }
        while open
            .peek()
            .is_some_and(|&std::cmp::Reverse(r)| removals[r].last_line < n)
        {
            open.pop();
        }
        if let Some(&std::cmp::Reverse(r)) = open.peek() {
            if !removed_text[r].is_empty() {
                removed_text[r].push('\n');
            }
            removed_text[r].push_str(l);
        } else {
            kept.push((n, l));
        }
    }
    let first = kept
        .iter()
        .position(|(_, l)| !l.trim().is_empty())
        .unwrap_or(kept.len());
    kept.drain(..first);
    while kept.last().is_some_and(|(_, l)| l.trim().is_empty()) {
        kept.pop();
    }
    let text = kept.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
    (text, kept.iter().map(|(n, _)| *n).collect(), removed_text)
}

pub use crate::text::ids::valid_id;

/// Loads one article from its metadata file text and its text file text. All problems go to
/// `diags`. `None` only when the article cannot be used at all (its metadata is not TOML or has
/// no usable id, or it has no text to show); an article whose metadata has other errors is
/// returned with them in [`Article::meta_errors`] (and in `diags`), the bad fields dropped.
pub fn load_article(
    meta_src: &SourceFile,
    text_name: &str,
    raw_text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let first = diags.len();
    let mut meta = parse_meta(meta_src, diags)?;
    let total_lines = raw_text.split('\n').count();
    meta.removed.retain(|r| {
        let fits = r.last_line <= total_lines;
        if !fits {
            diags.push(
                Diagnostic::file(
                    &meta_src.name,
                    Severity::Error,
                    format!(
                        "a removal names line {}, but {text_name} has only {total_lines} lines",
                        r.last_line
                    ),
                )
                .with_suggestion("correct the removal's line numbers, or remove the removal"),
            );
        }
        fits
    });
    let meta_errors: Vec<Diagnostic> = diags[first..].iter().filter(|d| d.is_error()).cloned().collect();
    let mut article = Article::new(meta, text_name, raw_text);
    article.meta_errors = meta_errors;
    if article.is_empty() {
        diags.push(
            Diagnostic::file(text_name, Severity::Error, "this article has no text to show")
                .with_suggestion("put the article's text in this file, or remove fewer lines in its metadata"),
        );
        return None;
    }
    Some(article)
}

/// A set of articles, found by id (or by the stem of their text file's name).
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    articles: Vec<Arc<Article>>,
    by_id: HashMap<String, usize>,
    /// Articles found that cannot be used at all, by id (or text-file stem): the file to fix.
    unusable: HashMap<String, String>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an article; a second article with the same id is refused with a diagnostic.
    pub fn add(&mut self, article: Article) -> Result<(), Diagnostic> {
        self.add_shared(Arc::new(article))
    }

    /// Adds an article shared with another corpus.
    pub(crate) fn add_shared(&mut self, article: Arc<Article>) -> Result<(), Diagnostic> {
        if let Some(&i) = self.by_id.get(&article.meta.id) {
            let other = &self.articles[i];
            if other.source == article.source && other.text.as_str() == article.text.as_str() {
                return Ok(()); // the same file reached twice (e.g. bundled and on disk)
            }
            return Err(Diagnostic::file(
                &article.source,
                Severity::Error,
                format!("article id `{}` is already used by {}", article.meta.id, other.source),
            )
            .with_suggestion("give each article its own id in its .toml file"));
        }
        let i = self.articles.len();
        self.by_id.insert(article.meta.id.clone(), i);
        let stem = stem_of(&article.source);
        self.by_id.entry(stem).or_insert(i);
        self.articles.push(article);
        Ok(())
    }

    /// The article with this id (or text-file stem). Ids are names, never paths: nothing here
    /// reads a file.
    pub fn get(&self, id: &str) -> Option<&Arc<Article>> {
        self.by_id.get(id).map(|&i| &self.articles[i])
    }

    /// All articles, in the order added.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    /// Records that the article named `name` (its id, or its text file's stem) was found but
    /// cannot be used, its problems reported for `file`: a lesson naming it is told so once,
    /// instead of "there is no article".
    pub fn add_unusable(&mut self, name: impl Into<String>, file: impl Into<String>) {
        self.unusable.entry(name.into()).or_insert_with(|| file.into());
    }

    /// The file to fix when the article named `id` was found but cannot be used.
    pub fn unusable(&self, id: &str) -> Option<&str> {
        self.unusable.get(id).map(String::as_str)
    }

    /// Adds the articles (and the unusable names) of `other` that this corpus does not have.
    pub fn merge(&mut self, other: &Corpus) {
        for a in &other.articles {
            if self.get(&a.meta.id).is_none() {
                let _ = self.add_shared(Arc::clone(a));
            }
        }
        for (name, file) in &other.unusable {
            self.add_unusable(name.clone(), file.clone());
        }
    }

    /// All ids, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.articles.iter().map(|a| a.meta.id.as_str())
    }
}

fn stem_of(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    name.strip_suffix(".txt").unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_src(s: &str) -> SourceFile {
        SourceFile::new("a.toml", s.to_string())
    }

    #[test]
    fn removed_lines_are_recorded_and_not_shown() {
        let mut d = Vec::new();
        let m = parse_meta(
            &meta_src(
                "id = \"a\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n[[remove]]\nline = 1\nreason = \"icons\"\n[[remove]]\nlines = \"4-5\"\nreason = \"menu\"\n",
            ),
            &mut d,
        )
        .unwrap();
        assert!(d.is_empty(), "{d:?}");
        let a = Article::new(m, "a.txt", "icon icon\n\nFirst para.\nx\ny\n\nLast.\n");
        assert_eq!(a.text.as_str(), "First para.\n\nLast.");
        assert_eq!(a.meta.removed[0].text, "icon icon");
        assert_eq!(a.meta.removed[1].text, "x\ny");
        assert_eq!(a.file_line(a.text.as_str().find("Last").unwrap()), 7);
    }

    #[test]
    fn overlapping_removals_take_lines_in_the_order_listed_and_blank_ends_go_in_one_pass() {
        let removal = |first_line, last_line, reason: &str| Removal {
            first_line,
            last_line,
            reason: reason.into(),
            text: String::new(),
        };
        let removals = [
            removal(3, 6, "b"),
            removal(2, 4, "a"),
            removal(5, 5, "c"),
            removal(9, 8, "never"),
        ];
        let raw = "1\n2\n3\n4\n5\n6\n7\n8\n9";
        let (text, lines, removed) = displayed_text(raw, &removals);
        assert_eq!(text, "1\n7\n8\n9");
        assert_eq!(lines, [1, 7, 8, 9]);
        assert_eq!(removed, ["3\n4\n5\n6", "2", "", ""]);
        // A million blank lines before and after the text: dropped at once, not one by one.
        let blank = "\n".repeat(1 << 20);
        let t = std::time::Instant::now();
        let (text, lines, _) = displayed_text(&format!("{blank}words{blank}"), &[]);
        assert_eq!((text.as_str(), lines.as_slice()), ("words", [(1 << 20) + 1].as_slice()));
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }

    #[test]
    fn metadata_problems_are_all_reported_with_places() {
        let mut d = Vec::new();
        let m = parse_meta(
            &meta_src("id = \"../../etc/passwd\"\noutlet = 3\nheadlin = \"H\"\ndate = \"16 Nov\"\n"),
            &mut d,
        );
        assert!(m.is_none());
        let msgs: Vec<String> = d
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect();
        assert!(
            msgs.iter().any(|m| m.starts_with("3:1 unknown key `headlin`")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("cannot be an article id")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.starts_with("2:10 `outlet`")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("not a date")), "{msgs:?}");
        assert!(d.iter().any(|d| {
            d.suggestion
                .as_deref()
                .unwrap_or("")
                .contains("did you mean `headline`")
        }));
    }

    #[test]
    fn dates_in_every_accepted_form() {
        for ok in [
            "2022-11-16",
            "2024-02-29",
            "2022-11-16 08:02",
            "2022-11-16T08:02",
            "2022-11-16 08:02:59",
            "2022-11-16T08:02:00Z",
            "2022-11-16T08:02:00+01:00",
            "2022-11-16T08:02:00.250Z",
            "2022-11-16 23:59-05:30",
        ] {
            assert!(valid_date(ok), "{ok}");
        }
    }

    #[test]
    fn ids_are_names_not_paths() {
        assert!(valid_id("rt"));
        assert!(valid_id("000_93c843e8f2ae1a16"));
        assert!(!valid_id("../../etc/passwd"));
        assert!(!valid_id("a/b"));
        assert!(!valid_id(".hidden"));
        assert!(!valid_id(""));
    }
}

#[cfg(test)]
mod regression {
    use super::*;

    /// `valid_date` only checked the shape `dddd-dd-dd`, so a month 13, a 30 February and a
    /// time 25:99 passed as dates.
    #[test]
    fn regression_impossible_dates_pass_as_dates() {
        for bad in [
            "2022-13-45",
            "2023-02-30",
            "2023-02-29",
            "2022-00-10",
            "2022-11-00",
            "2022-11-16 25:99",
            "2022-11-16 24:00",
            "2022-11-16 08:60",
            "2022-11-16 08:02:61",
            "2022-11-16 08:02:00.",
            "2022-11-16T08:02:00+25:00",
            "2022-11-16 8:02",
            "2022-11-16 08:02 in the morning",
            "2022-11-16x",
            "16 Nov 2022",
            "２０２２-11-16",
            "",
        ] {
            assert!(!valid_date(bad), "{bad:?} passed as a date");
        }
        // Through the metadata reader: the place is the value.
        let mut d = Vec::new();
        let m = parse_meta(
            &SourceFile::new(
                "a.toml",
                "id = \"a\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\ndate = \"2023-02-30\"\n".into(),
            ),
            &mut d,
        );
        // The date is dropped, the article kept (issue 15: one mistake, one message).
        assert_eq!(m.map(|m| m.date), Some(None));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (5, 8));
        assert_eq!(
            d[0].message,
            "`2023-02-30` is not a real date: there is no such day (check the month and the day)"
        );
    }
}

#[cfg(test)]
mod kept_with_errors {
    use super::*;

    const HEAD: &str = "id = \"a\"\noutlet = \"O\"\nheadline = \"H\"\noutlet_kind = \"k\"\n";

    /// Any error in an article's metadata made `parse_meta` return `None`, so the article
    /// vanished and each lesson step using it said "there is no article" (issue 15).
    #[test]
    fn regression_any_metadata_error_made_the_article_unknown() {
        let kept = [
            (
                HEAD.replace("outlet_kind = \"k\"", "outlet_kind = \"\""),
                "`outlet_kind` is blank",
            ),
            (HEAD.replace("outlet = \"O\"\n", ""), "has no `outlet`"),
            (HEAD.replace("headline = \"H\"", "headline = 3"), "`headline`"),
            (
                format!("{HEAD}[[remove]]\nlines = \"9-2\"\nreason = \"r\"\n"),
                "should look like",
            ),
        ];
        for (toml, msg) in kept {
            let mut d = Vec::new();
            let a = load_article(
                &SourceFile::new("a.toml", toml.clone()),
                "a.txt",
                "Some text.\n",
                &mut d,
            );
            let a = a.unwrap_or_else(|| panic!("{toml}: the article is kept: {d:?}"));
            assert_eq!(a.id(), "a");
            assert_eq!(d.len(), 1, "{toml}: {d:?}");
            assert!(d[0].message.contains(msg), "{toml}: {d:?}");
            assert_eq!(a.meta_errors, d, "{toml}: the article carries its errors");
            assert!(a.meta.removed.is_empty());
        }
        // A removal past the text's end is dropped; the other lines still are.
        let toml = format!("{HEAD}[[remove]]\nline = 1\nreason = \"icons\"\n[[remove]]\nline = 9\nreason = \"r\"\n");
        let mut d = Vec::new();
        let a = load_article(&SourceFile::new("a.toml", toml), "a.txt", "icons\nText.\n", &mut d).unwrap();
        assert_eq!(a.text.as_str(), "Text.");
        assert_eq!(a.meta.removed.len(), 1);
        assert_eq!(a.meta_errors.len(), 1, "{d:?}");
        // A clean file: no errors carried.
        let mut d = Vec::new();
        let a = load_article(&SourceFile::new("a.toml", HEAD.into()), "a.txt", "Text.", &mut d).unwrap();
        assert!(a.meta_errors.is_empty() && d.is_empty(), "{d:?}");
    }

    #[test]
    fn only_metadata_that_cannot_be_used_at_all_loses_the_article() {
        for toml in [
            "id = \"a\"\noutlet = \"O\n".to_string(),
            HEAD.replace("id = \"a\"\n", ""),
            HEAD.replace("id = \"a\"", "id = \"../a\""),
            HEAD.replace("id = \"a\"", "id = 1"),
        ] {
            let mut d = Vec::new();
            assert!(
                parse_meta(&SourceFile::new("a.toml", toml.clone()), &mut d).is_none(),
                "{toml}"
            );
            assert!(d.iter().any(Diagnostic::is_error), "{toml}: {d:?}");
        }
    }
}
