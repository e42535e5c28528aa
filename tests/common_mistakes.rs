//! The "Common mistakes" table of docs/lesson-format.md is generated here (issue 15 §4): each row
//! is a small lesson on a new article, broken by one typing mistake a teacher makes, run through
//! the real `lateral check`. The test asserts that the mistake gives exactly one message (no
//! cascade), that the fix the table gives makes the lesson check clean (even with `--strict`), and
//! that the table between `<!-- mistakes:begin -->` and `<!-- mistakes:end -->` is exactly what
//! these runs print. Run with `LATERAL_BLESS=1` to rewrite the table after changing a message,
//! then review the diff.

use std::path::Path;
use std::process::Command;

/// The new article's text (`corpus/fresh.txt`).
const TEXT: &str =
    "The council voted on Tuesday to close the old library.\n\nResidents said the decision came without warning.\n";

/// Its metadata (`corpus/fresh.toml`), correct.
const META: &str = "id = \"fresh\"\noutlet = \"The Example Gazette\"\nheadline = \"Council closes library\"\n\
date = \"2024-03-02\"\noutlet_kind = \"Local newspaper\"\n";

/// The lesson (`lesson.md`), correct: it uses the article twice.
const LESSON: &str = "+++\ntitle = \"A council vote\"\n+++\n\
Read a short report, then find the words that tell you how to see it.\n\n\
+++ step\nkind = \"read\"\narticles = [\"fresh\"]\n+++\nRead the report once.\n\n\
+++ step\nkind = \"highlight\"\ntask = \"bias\"\narticles = [\"fresh\"]\n\n\
[[key]]\nquote = \"without warning\"\nlabel = \"loaded-word\"\n\
explanation = \"The residents' words make the council's decision sound sudden and secret.\"\n+++\n\
Highlight the words that tell you how to feel about the decision.\n";

/// One mistake: how it breaks the correct files, and how it is fixed.
struct Mistake {
    /// The mistake, as the table names it (Markdown).
    what: &'static str,
    /// The file it is in: `lesson.md` or `corpus/fresh.toml`.
    file: &'static str,
    /// Replaced in the correct file to make the mistake: `(from, to)`.
    make: (&'static str, &'static str),
    /// Replaced in the broken file to fix it: `(from, to)`.
    fix: (&'static str, &'static str),
    /// The fix, as the table says it (Markdown).
    how: &'static str,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        what: "A label typo: `label = \"loaded-wrod\"`",
        file: "lesson.md",
        make: ("label = \"loaded-word\"", "label = \"loaded-wrod\""),
        fix: ("loaded-wrod", "loaded-word"),
        how: "Use the label the message suggests: `label = \"loaded-word\"`.",
    },
    Mistake {
        what: "Curly quotes around text (a word processor's autocorrect): `quote = “without warning”`",
        file: "lesson.md",
        make: ("quote = \"without warning\"", "quote = “without warning”"),
        fix: ("quote = “without warning”", "quote = \"without warning\""),
        how: "Type straight quotes around TOML text: `quote = \"without warning\"`. Curly quotes *inside* the text are fine.",
    },
    Mistake {
        what: "A quote that is not the article's words: `quote = \"with no warning\"`",
        file: "lesson.md",
        make: ("quote = \"without warning\"", "quote = \"with no warning\""),
        fix: ("with no warning", "without warning"),
        how: "Copy the words exactly as the article has them: `quote = \"without warning\"`. If they are right, check the step's `articles` and the key's `article`.",
    },
    Mistake {
        what: "A date that does not exist in an article's `.toml`: `date = \"2024-02-30\"`",
        file: "corpus/fresh.toml",
        make: ("date = \"2024-03-02\"", "date = \"2024-02-30\""),
        fix: ("2024-02-30", "2024-03-02"),
        how: "Write the real date, `YYYY-MM-DD`: `date = \"2024-03-02\"`. The lessons on the article are checked meanwhile; none says the article is missing.",
    },
    Mistake {
        what: "A placeholder left in: `explanation = \"TODO\"` (a warning: the lesson can be played)",
        file: "lesson.md",
        make: (
            "explanation = \"The residents' words make the council's decision sound sudden and secret.\"",
            "explanation = \"TODO\"",
        ),
        fix: (
            "explanation = \"TODO\"",
            "explanation = \"The residents' words make the council's decision sound sudden and secret.\"",
        ),
        how: "Write what students read after Check: why these words matter.",
    },
    Mistake {
        what: "A misspelt required setting: `titel = \"A council vote\"`",
        file: "lesson.md",
        make: ("title = \"A council vote\"", "titel = \"A council vote\""),
        fix: ("titel", "title"),
        how: "Spell it as the message suggests: `title = \"A council vote\"`.",
    },
    Mistake {
        what: "A `label` on a key in a step with `labels = []` (a step without labels)",
        file: "lesson.md",
        make: ("task = \"bias\"\n", "task = \"bias\"\nlabels = []\n"),
        fix: ("label = \"loaded-word\"\n", ""),
        how: "Delete the key's `label` line, or delete `labels = []` to have students name a kind.",
    },
    Mistake {
        what: "A blank left by `lateral import`: `outlet_kind = \"\"` under `# FILL IN: …`",
        file: "corpus/fresh.toml",
        make: (
            "outlet_kind = \"Local newspaper\"",
            "# FILL IN: one line on who runs or funds the outlet (`lateral check` reports it until it is filled in)\noutlet_kind = \"\"",
        ),
        fix: ("outlet_kind = \"\"", "outlet_kind = \"Local newspaper\""),
        how: "Write one line on who runs or funds the outlet: `outlet_kind = \"Local newspaper\"`.",
    },
];

/// One diagnostic of `lateral check --format json`: severity, `FILE:LINE:COLUMN`, message, help.
struct Said {
    severity: String,
    place: String,
    message: String,
    help: String,
}

/// Writes the lesson and the article into `dir` and runs `lateral check --strict --format json`.
fn check(dir: &Path, lesson: &str, meta: &str) -> Vec<Said> {
    std::fs::create_dir_all(dir.join("corpus")).expect("temp folder");
    std::fs::write(dir.join("corpus/fresh.txt"), TEXT).expect("written");
    std::fs::write(dir.join("corpus/fresh.toml"), meta).expect("written");
    std::fs::write(dir.join("lesson.md"), lesson).expect("written");
    let out = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .current_dir(dir)
        .args(["check", "--strict", "--format", "json", "lesson.md", "corpus"])
        .output()
        .expect("lateral runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            let file = s(&d["file"]).replace('\\', "/");
            Said {
                severity: s(&d["severity"]),
                place: format!("{file}:{}:{}", d["line"], d["column"]),
                message: s(&d["message"]),
                help: s(&d["suggestion"]),
            }
        })
        .collect()
}

/// Text for one table cell: no line breaks, no `|` that would end the cell.
fn cell(s: &str) -> String {
    s.replace('\n', " ").replace('|', "\\|")
}

/// Runs every mistake and its fix; returns the table, or panics naming the mistake that does not
/// give one message or whose fix does not check clean.
fn table() -> String {
    let mut out = String::from("| mistake | what `lateral check` says | the fix |\n|---|---|---|\n");
    for m in MISTAKES {
        let dir = tempfile::tempdir().expect("temp folder");
        let (mut lesson, mut meta) = (LESSON.to_string(), META.to_string());
        let target = if m.file == "lesson.md" { &mut lesson } else { &mut meta };
        assert!(target.contains(m.make.0), "{}: nothing to break", m.what);
        *target = target.replacen(m.make.0, m.make.1, 1);
        let said = check(dir.path(), &lesson, &meta);
        assert_eq!(
            said.len(),
            1,
            "{}: one mistake, one message, but got {}",
            m.what,
            said.len()
        );
        let d = &said[0];
        assert!(
            d.place.starts_with(m.file),
            "{}: reported at {}, not in {}",
            m.what,
            d.place,
            m.file
        );
        let target = if m.file == "lesson.md" { &mut lesson } else { &mut meta };
        assert!(target.contains(m.fix.0), "{}: nothing to fix", m.what);
        *target = target.replacen(m.fix.0, m.fix.1, 1);
        let after = check(dir.path(), &lesson, &meta);
        let left: Vec<&str> = after.iter().map(|d| d.message.as_str()).collect();
        assert!(left.is_empty(), "{}: the fix leaves {left:?}", m.what);
        let help = if d.help.is_empty() {
            String::new()
        } else {
            format!("<br>help: {}", d.help)
        };
        out.push_str(&format!(
            "| {} | {} at `{}`: {}{} | {} |\n",
            cell(m.what),
            d.severity,
            d.place,
            cell(&d.message),
            cell(&help),
            cell(m.how)
        ));
    }
    out
}

#[test]
fn the_correct_lesson_checks_clean() {
    let dir = tempfile::tempdir().expect("temp folder");
    let said = check(dir.path(), LESSON, META);
    let left: Vec<&str> = said.iter().map(|d| d.message.as_str()).collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_common_mistakes_table_is_what_lateral_check_says() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lesson-format.md");
    let doc = std::fs::read_to_string(&path).expect("the doc");
    let (begin, end) = ("<!-- mistakes:begin -->\n", "<!-- mistakes:end -->");
    let a = doc.find(begin).expect("the table is marked") + begin.len();
    let b = doc.find(end).expect("the table ends");
    let want = table();
    if std::env::var_os("LATERAL_BLESS").is_some() {
        std::fs::write(&path, format!("{}{want}{}", &doc[..a], &doc[b..])).expect("written");
        return;
    }
    assert!(
        doc[a..b] == want,
        "docs/lesson-format.md's common mistakes differ from what `lateral check` says; run `LATERAL_BLESS=1 cargo test --test common_mistakes` and review the diff\n{want}"
    );
}

#[test]
fn regression_curly_quotes_as_toml_delimiters_said_only_string_values_must_be_quoted() {
    let dir = tempfile::tempdir().expect("temp folder");
    let lesson = LESSON.replacen("quote = \"without warning\"", "quote = “without warning”", 1);
    let said = check(dir.path(), &lesson, META);
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].place, "lesson.md:18:9");
    assert!(said[0].message.contains("straight quotes"), "{}", said[0].message);
    // A curly quote inside straight ones is text, and the quote still anchors.
    let inside = LESSON.replacen("residents' words", "residents’ “without warning”", 1);
    assert!(check(dir.path(), &inside, META).is_empty());
}
