//! Lessons that are valid but not finished (issue 15 §2): placeholder text where students read
//! an explanation, a hint or instructions is a warning, at the field, saying what to write.

use lateral::lesson::bundled;
use lateral::lesson::library::parse_lesson_text;
use lateral::text::diag::{Diagnostic, Severity};

fn diags(text: &str) -> Vec<Diagnostic> {
    parse_lesson_text("t.md", text.to_string(), &bundled::corpus()).diagnostics
}

/// `line:column message` of every warning; asserts there is no error.
fn warnings(text: &str) -> Vec<String> {
    let d = diags(text);
    assert!(d.iter().all(|d| !d.is_error()), "{d:#?}");
    d.iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

const HEAD: &str = "+++\ntitle = \"T\"\n+++\nIntro.\n\n";

/// A bias step on `rt` whose one key has the explanation `explanation` (line 13, column 15).
fn bias_explained(explanation: &str) -> String {
    format!(
        "{HEAD}+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\n[[key]]\nquote = \"Kiev's forces\"\nlabel = \"naming\"\nexplanation = \"{explanation}\"\n+++\nFind the name RT gives the army.\n"
    )
}

#[test]
fn regression_todo_explanation_checks_clean() {
    for placeholder in ["TODO", "TBD", "Explain here", "…", "...", "xxx", "lorem ipsum dolor"] {
        let d = diags(&bias_explained(placeholder));
        let w: Vec<&Diagnostic> = d.iter().filter(|d| d.message.contains("placeholder")).collect();
        assert_eq!(w.len(), 1, "{placeholder:?}: {d:#?}");
        assert_eq!(w[0].severity, Severity::Warning);
        assert_eq!(
            (w[0].line, w[0].column),
            (13, 15),
            "{placeholder:?}: at the explanation's value"
        );
        assert!(
            w[0].message.starts_with("this explanation is placeholder text"),
            "{}",
            w[0].message
        );
        assert!(
            w[0].suggestion
                .as_deref()
                .is_some_and(|s| s.contains("why this passage matters")),
            "{:?}",
            w[0].suggestion
        );
    }
    // A real explanation is quiet.
    let real = bias_explained("RT uses the Russian state's spelling of the Ukrainian capital.");
    assert!(warnings(&real).is_empty(), "{:?}", warnings(&real));
}

#[test]
fn regression_explanation_that_repeats_the_quote_checks_clean() {
    for copy in ["Kiev's forces", "“Kiev’s forces”.", "kiev's  FORCES"] {
        let w = warnings(&bias_explained(copy));
        assert_eq!(
            w,
            vec!["13:15 this explanation only repeats the key's quote".to_string()],
            "{copy:?}"
        );
    }
}

#[test]
fn regression_placeholder_hints_and_instructions_check_clean() {
    let lesson = "+++\ntitle = \"T\"\n+++\nLorem ipsum.\n\n+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"rt\"]\nhints = [\"Where is the army named?\", \"…\"]\n[[key]]\nquote = \"Kiev's forces\"\nlabel = \"naming\"\nhints = [\"TODO\"]\nexplanation = \"RT's spelling.\"\n+++\nExplain here\n\n+++ step\nkind = \"choice\"\n[[option]]\ntext = \"RT\"\ncorrect = true\nexplanation = \"TBD\"\n[[option]]\ntext = \"AP\"\n+++\nWhich outlet?\n";
    let w = warnings(lesson);
    let want = [
        "4:1 the lesson's introduction is placeholder text (“Lorem ipsum.”), not written yet",
        "10:38 this hint is placeholder text (“…”), not written yet",
        "14:10 this hint is placeholder text (“TODO”), not written yet",
        "17:1 this step's instructions are placeholder text (“Explain here”), not written yet",
        "24:15 this option's explanation is placeholder text (“TBD”), not written yet",
    ];
    for line in want {
        assert!(w.iter().any(|x| x == line), "missing {line:?} in {w:#?}");
    }
    assert_eq!(w.len(), want.len(), "{w:#?}");
}

/// The skeleton `lateral new-lesson` writes is valid, and each text it leaves for the teacher
/// to replace is a warning until it is replaced.
#[test]
fn regression_skeleton_text_left_unchanged_checks_clean() {
    let corpus = bundled::corpus();
    let art = corpus.get("ap-ktvz").expect("bundled").clone();
    let text = lateral::lesson::authoring::Draft::new_lesson("s.md", &[art], lateral::lesson::Task::Bias).to_text();
    let w = warnings(&text);
    assert_eq!(w.iter().filter(|w| w.contains("placeholder text")).count(), 4, "{w:#?}");
}
