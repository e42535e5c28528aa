//! Every diagnostic points at its place: file, line and column (1-based, in chars), the line
//! quoted with a caret, and one suggestion — or, for a problem of the whole file, says so.
//!
//! The diagnostics walked are those the checker gives on every lesson and article-metadata file
//! in the fuzz corpus (`fuzz/corpus/lesson`, `fuzz/corpus/article_meta`: hundreds of broken
//! files, minimised from what the fuzzers found), and on the typing mistakes a person makes,
//! applied one at a time to every setting of every bundled lesson and article: a key with a letter
//! missing, a value's straight quote typed as a curly one, a value's closing quote lost, a line's
//! `=` lost.

use std::path::Path;

use lateral::corpus::parse_meta;
use lateral::lesson::library::parse_lesson_text;
use lateral::text::diag::{Diagnostic, SourceFile};

/// One typing mistake at a time in every `key = value` line of `text`.
fn mistakes(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(eq) = line.find(" = ") else { continue };
        let key = &line[..eq];
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let value = &line[eq + 3..];
        let mut variants = vec![format!("{}{}", &key[1..], &line[eq..]), line.replacen(" = ", " ", 1)];
        if let Some(rest) = value.strip_prefix('"') {
            variants.push(format!("{key} = \u{201C}{rest}"));
            if value.len() > 1 && value.ends_with('"') {
                variants.push(format!("{key} = {}", &value[..value.len() - 1]));
            }
        }
        for v in variants {
            let mut m: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            m[i] = v;
            out.push(m.join("\n"));
        }
    }
    out
}

fn files(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&root)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let bytes = std::fs::read(e.path()).ok()?;
                    let text = String::from_utf8(bytes).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), text))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The problems of a whole file, which have no line to point at, and why.
const WHOLE_FILE: &[(&str, &str)] = &[("this lesson file is empty", "an empty file has no line or column")];

/// What is wrong with a diagnostic's place, if anything.
fn unplaced(d: &Diagnostic) -> Option<&'static str> {
    if d.file.is_empty() {
        return Some("no file");
    }
    if d.line == 0 && d.column == 0 {
        return None; // a problem of the whole file (message says which)
    }
    if d.line == 0 || d.column == 0 {
        return Some("a line without a column or a column without a line");
    }
    if d.source_line.is_none() {
        return Some("no quoted line");
    }
    None
}

#[test]
fn every_diagnostic_has_a_place_and_a_suggestion() {
    // Reasons are written where the list is; this keeps them from being empty.
    assert!(WHOLE_FILE.iter().all(|(_, why)| !why.is_empty()));
    let corpus = lateral::lesson::bundled::corpus();
    let mut all: Vec<Diagnostic> = Vec::new();
    for (name, text) in files("fuzz/corpus/lesson") {
        all.extend(parse_lesson_text(&format!("{name}.md"), text, &corpus).diagnostics);
    }
    for (name, text) in files("fuzz/corpus/article_meta") {
        let mut diags = Vec::new();
        parse_meta(&SourceFile::new(format!("{name}.toml"), text), &mut diags);
        all.extend(diags);
    }
    for (name, text) in files("lessons") {
        for (n, m) in mistakes(&text).into_iter().enumerate() {
            all.extend(parse_lesson_text(&format!("{name}~{n}"), m, &corpus).diagnostics);
        }
    }
    for (name, text) in files("corpus").into_iter().filter(|(n, _)| n.ends_with(".toml")) {
        for (n, m) in mistakes(&text).into_iter().enumerate() {
            let mut diags = Vec::new();
            parse_meta(&SourceFile::new(format!("{name}~{n}"), m), &mut diags);
            all.extend(diags);
        }
    }
    let mut problems: Vec<String> = Vec::new();
    let mut no_suggestion: Vec<String> = Vec::new();
    let mut whole_file: Vec<String> = Vec::new();
    for d in &all {
        if d.line == 0 {
            whole_file.push(d.message.clone());
        }
        if let Some(why) = unplaced(d) {
            problems.push(format!("{why}: {}:{}:{} {}", d.file, d.line, d.column, d.message));
        }
        if d.suggestion.is_none() {
            no_suggestion.push(d.message.clone());
        }
    }
    no_suggestion.sort();
    no_suggestion.dedup();
    whole_file.sort();
    whole_file.dedup();
    for m in &whole_file {
        println!("  whole file: {m}");
    }
    println!(
        "{} diagnostics; {} misplaced; {} messages without a suggestion",
        all.len(),
        problems.len(),
        no_suggestion.len()
    );
    for m in &no_suggestion {
        println!("  no suggestion: {m}");
    }
    for p in problems.iter().take(40) {
        println!("  {p}");
    }
    assert!(all.len() > 1000, "the corpus gives diagnostics to walk: {}", all.len());
    assert!(problems.is_empty(), "{} diagnostics without a place", problems.len());
    assert!(
        no_suggestion.is_empty(),
        "messages without a suggestion: {no_suggestion:?}"
    );
    let unexplained: Vec<&String> = whole_file
        .iter()
        .filter(|m| !WHOLE_FILE.iter().any(|(w, _)| m.starts_with(w)))
        .collect();
    assert!(
        unexplained.is_empty(),
        "whole-file diagnostics with no reason to have no place: {unexplained:?}"
    );
}
