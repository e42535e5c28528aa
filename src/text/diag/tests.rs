//! Unit tests of `text/diag.rs`.

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

mod regression {
    use super::*;

    /// The line under the `N | ` gutter and the caret line under it, from a rendered diagnostic.
    fn quoted(shown: &str, line: usize) -> (String, String) {
        let head = format!("{line} | ");
        let mut it = shown.lines().skip_while(|l| !l.starts_with(&head));
        let src = it.next().unwrap_or_default()[head.len()..].to_string();
        let caret = it
            .next()
            .unwrap_or_default()
            .chars()
            .skip(head.chars().count())
            .collect();
        (src, caret)
    }

    /// The char the caret's first `^` is under.
    fn under_caret(src: &str, caret: &str) -> Option<char> {
        let at = caret.chars().position(|c| c == '^')?;
        src.chars().nth(at)
    }

    /// `at_chars` copied the whole source line into every diagnostic: 10,000 problems on a
    /// one-line 2 MB file held 20 GB of copies.
    #[test]
    fn regression_one_mb_line_is_not_copied_into_each_diagnostic() {
        let mut line = "ab".repeat(500_000);
        line.replace_range(600_000..600_003, "XYZ");
        let src = SourceFile::new("big.json", format!("{{\n{line}\n}}\n"));
        let b = src.text.as_str().find("XYZ").unwrap();
        let d = src.at(b..b + 3, Severity::Error, "bad value");
        assert_eq!((d.line, d.column), (2, 600_001));
        let kept = d.source_line.as_deref().unwrap();
        assert!(
            kept.chars().count() <= QUOTE_CHARS + 2,
            "{} chars kept",
            kept.chars().count()
        );
        assert!(kept.starts_with('…') && kept.ends_with('…'), "{kept}");
        assert_eq!(d.snippet.as_deref(), Some("XYZ"));
        let shown = d.to_string();
        assert!(shown.len() < 600, "{} bytes: {shown}", shown.len());
        assert!(shown.contains("--> big.json:2:600001"), "{shown}");
        let (q, caret) = quoted(&shown, 2);
        assert_eq!(under_caret(&q, &caret), Some('X'), "{shown}");
        assert_eq!(caret.trim(), "^^^", "{shown}");

        // At the very start and the very end of the long line, and a span running past the window.
        let d = src.at(2..3, Severity::Error, "first");
        let (q, caret) = quoted(&d.to_string(), 2);
        assert_eq!(under_caret(&q, &caret), Some('a'));
        assert!(!q.starts_with('…') && q.ends_with('…'), "{q}");
        let end = 2 + line.len() - 1;
        let d = src.at(end..end + 1, Severity::Error, "last");
        let (q, caret) = quoted(&d.to_string(), 2);
        assert_eq!(under_caret(&q, &caret), Some('b'));
        assert!(q.starts_with('…') && !q.ends_with('…'), "{q}");
        assert_eq!(q.chars().count(), QUOTE_CHARS + 1);
        let d = src.at(2..2 + line.len(), Severity::Error, "all of it");
        assert!(d.snippet.as_deref().unwrap().chars().count() <= QUOTE_CHARS + 1);
        assert!(d.to_string().len() < 600);
    }

    /// An escape sequence or a bidi override in a file reached the terminal raw through a
    /// diagnostic: it could clear the screen or make a line read backwards.
    #[test]
    fn regression_escape_sequence_in_diagnostic_reaches_terminal() {
        let src = SourceFile::new(
            "evil\u{1b}]0;title\u{7}.md",
            "quote = \"\u{1b}[2J\u{1b}[31mred\u{202E}txet\"\n".into(),
        );
        let b = src.text.as_str().find("red").unwrap();
        let d = src
            .at(b..b + 3, Severity::Error, "quote \u{1b}[31mred\u{9b}1m not found")
            .with_suggestion("try \u{2066}this\u{2069}");
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| c != '\n'
                && (c.is_control()
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c))),
            "{shown:?}"
        );
        assert!(shown.contains("quote \\u{1b}[31mred\\u{9b}1m not found"), "{shown}");
        assert!(shown.contains("evil\\u{1b}]0;title\\u{7}.md:1:"), "{shown}");
        assert!(shown.contains("try \\u{2066}this\\u{2069}"), "{shown}");
        // The caret still points at `red`, after the escaped chars.
        let (q, caret) = quoted(&shown, 1);
        assert_eq!(under_caret(&q, &caret), Some('r'), "{shown}");
        assert_eq!(caret.trim(), "^^^");
        assert_eq!(escape_for_terminal("Zoë\tand\nAna"), "Zoë\tand\nAna");
        assert_eq!(escape_for_terminal("a\u{1b}b\u{202D}"), "a\\u{1b}b\\u{202d}");
    }

    /// A file with thousands of problems printed thousands of messages: now at most
    /// `MAX_PER_FILE`, then one that counts the rest (merged when blocks were capped apart).
    #[test]
    fn regression_one_file_floods_the_output_with_problems() {
        let many: Vec<Diagnostic> = (0..500)
            .map(|i| {
                Diagnostic::file(
                    "a.md",
                    if i < 450 { Severity::Warning } else { Severity::Error },
                    format!("p{i}"),
                )
            })
            .chain(std::iter::once(more_problems("a.md", 1000, Severity::Warning)))
            .chain(std::iter::once(Diagnostic::file("b.md", Severity::Warning, "only one")))
            .collect();
        let capped = cap_per_file(many);
        assert_eq!(capped.len(), MAX_PER_FILE + 2);
        let last = capped.last().unwrap();
        assert_eq!(last.message, "… and 1300 more problems in this file");
        assert_eq!(last.severity, Severity::Error);
        assert!(capped.iter().any(|d| d.file == "b.md"));
        let mut c = Collector::new("r.json");
        let mut built = 0;
        for _ in 0..10_000 {
            c.push_with(Severity::Error, |s| {
                built += 1;
                Diagnostic::file("r.json", s, "bad")
            });
        }
        let out = c.finish();
        assert_eq!(built, MAX_PER_FILE);
        assert_eq!(out.len(), MAX_PER_FILE + 1);
        assert_eq!(out[MAX_PER_FILE].message, "… and 9800 more problems in this file");
    }

    #[test]
    fn short_cuts_long_names() {
        assert_eq!(short("Ana", 5), "Ana");
        assert_eq!(short("Łucja Żółć", 5), "Łucja…");
    }

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
