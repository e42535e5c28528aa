//! The shape of the code, checked: layers, no GUI in the core, no I/O in grading, and sizes a
//! reader can hold in their head. Like rerun's forbidden-dependency check, but between the
//! layer folders of one crate (see `docs/architecture.md`).
//!
//! The checks read the source as text. Comments, strings and char literals are blanked out
//! first, and unit tests (a `#[cfg(test)] mod tests` block or a sibling `tests.rs`) are left
//! out: a test may use fixtures from any layer.

use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may name its own layer and the ones before it.
const LAYERS: &[&str] = &[
    "i18n", "text", "files", "corpus", "lesson", "grading", "records", "cli", "app",
];

/// Crates only the app may name.
const GUI_CRATES: &[&str] = &["egui", "eframe", "epaint", "winit", "rfd", "egui_kittest", "png"];

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// Functions allowed past [`MAX_FN_LINES`] because they are a `match` that only dispatches.
/// Each must start its body with `match`.
const DISPATCH_ONLY: &[&str] = &[];

/// The messages of what a check found (each with the key it would be allowed by).
fn messages(found: Vec<(String, String)>) -> Vec<String> {
    found.into_iter().map(|(_, msg)| msg).collect()
}

struct Source {
    path: PathBuf,
    /// `src/`-relative, with `/`.
    rel: String,
    /// The text with comments, strings and char literals blanked (same lines and columns).
    code: String,
    /// Lines of non-test code (the file is cut at its `#[cfg(test)] mod tests`).
    non_test_lines: usize,
    is_test_file: bool,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            let rel = path
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let code = blank(&text);
            let non_test_lines = test_cut(&code).map_or(code.lines().count(), |i| code[..i].lines().count());
            let is_test_file = rel.ends_with("/tests.rs") || rel.contains("/tests/");
            Source {
                path,
                rel,
                code,
                non_test_lines,
                is_test_file,
            }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Replaces comments, string literals and char literals by spaces, keeping newlines, so that
/// braces and paths inside them are not seen.
fn blank(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    while i < c.len() {
        let at = |k: usize| c.get(i + k).copied().unwrap_or('\0');
        if at(0) == '/' && at(1) == '/' {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if at(0) == '/' && at(1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep(c[i]));
                    i += 1;
                }
            }
        } else if at(0) == 'r'
            && (at(1) == '"' || (at(1) == '#' && (at(2) == '"' || at(2) == '#')))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            // Raw string r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1; // the opening quote
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|h| c.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &c[i..j.min(c.len())] {
                out.push(keep(ch));
            }
            i = j;
        } else if at(0) == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    out.push(keep(c[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if at(0) == '\'' && (at(1) == '\\' || at(2) == '\'') {
            // A char literal ('x', '\n', '\u{..}'); a lifetime ('a) has no closing quote.
            let mut j = i + 1;
            if c.get(j) == Some(&'\\') {
                j += 2;
            } else {
                j += 1;
            }
            while j < c.len() && c[j] != '\'' {
                j += 1;
            }
            for _ in i..=j.min(c.len() - 1) {
                out.push(' ');
            }
            i = j + 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Byte index where the file's unit tests start, if it has a `#[cfg(test)] mod tests`.
fn test_cut(code: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = code[from..].find("#[cfg(test)]") {
        let at = from + k;
        let rest = code[at + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod ") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn layer_of(rel: &str) -> Option<&'static str> {
    let top = rel.split('/').next()?;
    LAYERS.iter().copied().find(|l| *l == top)
}

/// Every `crate::NAME` the code names, with its line: `crate::a::b`, and each top-level
/// name of a group `crate::{a::b, c}`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(k) = code[from..].find("crate::") {
        let at = from + k;
        from = at + "crate::".len();
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `lateral_crate::`
        }
        let line = code[..at].lines().count().max(1);
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            let mut name = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if depth == 1 && item_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                    c if c.is_whitespace() && name.is_empty() => {}
                    _ => {
                        if !name.is_empty() {
                            found.push((line, std::mem::take(&mut name)));
                        }
                        item_start = false;
                    }
                }
            }
            if !name.is_empty() {
                found.push((line, name));
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found.push((line, name));
        }
    }
    found
}

/// The names of higher layers in the non-test code of the file `rel` (`src/`-relative).
fn upward(rel: &str, code: &str) -> Vec<String> {
    let Some(own) = layer_of(rel) else { return Vec::new() };
    let own_rank = LAYERS.iter().position(|l| *l == own).expect("a layer");
    let code = test_cut(code).map_or(code, |i| &code[..i]);
    let mut bad = Vec::new();
    for (line, name) in crate_paths(code) {
        let Some(rank) = LAYERS.iter().position(|l| *l == name) else {
            continue;
        };
        if rank > own_rank {
            bad.push(format!("src/{rel}:{line}: layer `{own}` names `crate::{name}`"));
        }
    }
    bad
}

#[test]
fn no_layer_names_a_layer_above_it() {
    let bad: Vec<String> = sources()
        .iter()
        .filter(|s| !s.is_test_file)
        .flat_map(|s| upward(&s.rel, &s.code))
        .collect();
    assert!(
        bad.is_empty(),
        "upward dependencies (lowest layer first: {LAYERS:?}):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_layer_check_catches_an_upward_name_and_passes_a_downward_one() {
    let code = blank(
        "use crate::text::Span;\nfn f() { crate::records::results::now(); }\n#[cfg(test)]\nmod tests { use crate::app::X; }\n",
    );
    assert_eq!(
        upward("grading/x.rs", &code),
        ["src/grading/x.rs:2: layer `grading` names `crate::records`"]
    );
    assert!(
        upward("records/x.rs", &code).is_empty(),
        "records may name text and itself"
    );
    assert_eq!(
        upward("cli/x.rs", &blank("use crate::app::run;")).len(),
        1,
        "cli and app are peers"
    );
}

#[test]
fn only_the_app_names_a_gui_crate() {
    let mut bad = Vec::new();
    for s in sources() {
        if s.rel.starts_with("app/") {
            continue;
        }
        for (n, line) in s.code.lines().enumerate() {
            for krate in GUI_CRATES {
                let word_at = |i: usize| {
                    (i == 0 || !line[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'))
                        && line[i + krate.len()..].starts_with("::")
                };
                let mut from = 0;
                while let Some(k) = line[from..].find(krate) {
                    if word_at(from + k) {
                        bad.push(format!("src/{}:{}: names `{krate}`", s.rel, n + 1));
                    }
                    from += k + krate.len();
                }
            }
        }
    }
    assert!(bad.is_empty(), "GUI crates outside src/app/:\n{}", bad.join("\n"));
}

#[test]
fn grading_does_no_io() {
    let mut bad = Vec::new();
    for s in sources()
        .iter()
        .filter(|s| s.rel.starts_with("grading/") && !s.is_test_file)
    {
        let code = test_cut(&s.code).map_or(&s.code[..], |i| &s.code[..i]);
        for (n, line) in code.lines().enumerate() {
            for word in [
                "std::fs",
                "std::net",
                "std::io",
                "File::",
                "crate::files",
                "std::process",
            ] {
                if line.contains(word) {
                    bad.push(format!("src/{}:{}: `{word}`", s.rel, n + 1));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "grading takes data and returns data:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<(String, String)> = sources()
        .iter()
        .filter(|s| s.code.lines().count() > MAX_FILE_LINES)
        .map(|s| {
            let n = s.code.lines().count();
            let msg = format!(
                "{}: {n} lines ({} before its tests)",
                s.path.display(),
                s.non_test_lines
            );
            (s.rel.clone(), msg)
        })
        .collect();
    let long = messages(long);
    assert!(
        long.is_empty(),
        "split these (unit tests may go in a sibling tests.rs):\n{}",
        long.join("\n")
    );
}

/// Functions: `(file, name, first line, lines, body starts with match)`.
fn functions(s: &Source) -> Vec<(String, usize, usize, bool)> {
    let lines: Vec<&str> = s.code.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub(super) "))
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        let t = t.strip_prefix("const ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else { continue };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        // Find the body: the first `{` at depth 0 before a `;`, then its match.
        let mut depth = 0i32;
        let mut started = false;
        let mut end = None;
        let mut body_first = String::new();
        'scan: for (j, l2) in lines.iter().enumerate().skip(i) {
            for ch in l2.chars() {
                if !started && ch == ';' {
                    break 'scan;
                }
                if ch == '{' {
                    depth += 1;
                    started = true;
                } else if ch == '}' {
                    depth -= 1;
                } else if started && depth == 1 && body_first.len() < 8 && !ch.is_whitespace() {
                    body_first.push(ch);
                }
                if started && depth == 0 {
                    end = Some(j);
                    break 'scan;
                }
            }
        }
        if let Some(end) = end {
            out.push((name, i + 1, end - i + 1, body_first.starts_with("match")));
        }
    }
    out
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for s in sources() {
        for (name, line, n, is_match) in functions(&s) {
            let key = format!("src/{}::{name}", s.rel);
            if n <= MAX_FN_LINES {
                continue;
            }
            if DISPATCH_ONLY.contains(&key.as_str()) {
                assert!(is_match, "{key} is listed as dispatch-only but its body is not a match");
                continue;
            }
            long.push((
                key.trim_start_matches("src/").to_string(),
                format!("src/{}:{line}: fn {name} is {n} lines", s.rel),
            ));
        }
    }
    let long = messages(long);
    assert!(long.is_empty(), "split these into named steps:\n{}", long.join("\n"));
}

#[test]
fn the_checks_see_through_comments_strings_and_groups() {
    let code = blank("let s = \"crate::app\"; // crate::app\nuse crate::{text::Span, grading::score};\nlet c = '{';\n");
    let names: Vec<String> = crate_paths(&code).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["text", "grading"]);
    assert!(
        !code.contains('{') || code.matches('{').count() == 1,
        "the char literal's brace is blanked: {code}"
    );
    let raw = blank("let r = r#\"fn x() { crate::app }\"#; fn y() {}");
    assert!(!raw.contains("crate::app") && raw.contains("fn y()"));
    let f = Source {
        path: PathBuf::new(),
        rel: "text/x.rs".into(),
        code: blank("fn a() {\n    match x {\n    }\n}\npub(crate) fn b(x: u8) -> u8 {\n    x\n}\n"),
        non_test_lines: 0,
        is_test_file: false,
    };
    let fns = functions(&f);
    assert_eq!(fns, [("a".to_string(), 1, 4, true), ("b".to_string(), 5, 3, false)]);
}

/// A merge left `<<<<<<<` markers in docs/architecture.md once (2026-12-01) and nothing noticed:
/// no tracked text file may keep one.
#[test]
fn regression_merge_conflict_markers_left_in_a_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "src",
        "docs",
        "tests",
        "lessons",
        "corpus",
        "assets/i18n",
        "scripts",
        ".ci",
    ] {
        collect_text(&root.join(dir), &mut files);
    }
    files.push(root.join("README.md"));
    let mut found = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            if ["<<<<<<< ", ">>>>>>> "].iter().any(|m| line.starts_with(m)) || line == "=======" {
                found.push(format!(
                    "{}:{}: {line}",
                    f.strip_prefix(root).unwrap_or(&f).display(),
                    i + 1
                ));
            }
        }
    }
    assert!(found.is_empty(), "merge conflict markers:\n{}", found.join("\n"));
}

fn collect_text(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_text(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ["rs", "md", "toml", "ftl", "sh", "txt", "json"].contains(&x))
        {
            out.push(p);
        }
    }
}

/// What outside material (`../shared`) a test uses goes through `tests/support::shared`, which
/// skips without it. `.ci/run` relies on this: it runs the README's test command with
/// `../shared` beside the checkout, then again, without it, only the test files that call
/// `support::shared` (every other test cannot tell the difference).
#[test]
fn only_tests_support_reaches_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples", "fuzz"] {
        let dir = root.join(dir);
        if dir.is_dir() {
            collect(&dir, &mut files);
        }
    }
    let allowed = root.join("tests/support/mod.rs");
    let outward = ["../shared", "\"shared\"", "shared/", "LATERAL_SHARED"];
    let mut found = Vec::new();
    for f in files
        .iter()
        .filter(|f| **f != allowed && !f.ends_with("tests/architecture.rs"))
    {
        let text = std::fs::read_to_string(f).expect("readable");
        for (i, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if let Some(p) = outward.iter().find(|p| code.contains(*p)) {
                let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
                found.push(format!("{rel}:{}: {p} in `{}`", i + 1, code.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "reach outside the repository only through tests/support::shared:\n{}",
        found.join("\n")
    );
}
