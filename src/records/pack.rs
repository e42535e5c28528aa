//! Exam packs: lessons for the students' laptops without their answer keys.
//!
//! A pack is one JSON file (`NAME.lateral-exam`) holding each lesson's steps, prose, options'
//! texts and the label palette, and the articles it uses, whole. It holds no key span, no
//! explanation, no hint, no key label, no "correct" flag and no offset, so nothing on a
//! student's laptop gives the answers away. Each lesson keeps the SHA-256 of the full lesson
//! file, so handed-in results are graded against the full lesson on the teacher's machine.

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, ArticleMeta, Corpus};
use crate::lesson::{ChoiceOption, Label, Lesson, Settings, Step, StepBody, Task};
use crate::text::diag::{Diagnostic, Severity, SourceFile};

/// The value of `format` in a pack.
pub const FORMAT: &str = "lateral-exam-pack";

/// A pack file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always `lateral-exam-pack`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The lessons, without keys.
    pub lessons: Vec<PackLesson>,
    /// The articles they use, whole.
    pub articles: Vec<PackArticle>,
}

impl Pack {
    /// Pretty JSON, as written to a `.lateral-exam` file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A lesson without its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackLesson {
    /// Lesson id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Suggested minutes.
    pub minutes: Option<u32>,
    /// Introduction (Markdown).
    pub intro: String,
    /// SHA-256 of the full lesson file (for grading).
    pub sha256: String,
    /// The labels offered in its steps.
    pub palette: Vec<PackLabel>,
    /// Its steps.
    pub steps: Vec<PackStep>,
}

/// A label offered to students.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackLabel {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Help text.
    pub description: String,
}

/// A step without its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackStep {
    /// Step id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Instructions.
    pub prose: String,
    /// read, highlight, choice, reflect.
    pub kind: String,
    /// conflict, bias or machine (highlight steps).
    pub task: Option<String>,
    /// Articles shown.
    pub articles: Vec<String>,
    /// Label ids offered (highlight steps).
    pub labels: Vec<String>,
    /// Option texts (choice steps), in order.
    pub options: Vec<String>,
    /// May several options be picked?
    pub multiple: bool,
    /// Fewest words (reflect steps).
    pub min_words: u32,
}

/// An article, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackArticle {
    /// Id.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub headline: String,
    /// Date.
    pub date: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// What kind of outlet.
    pub outlet_kind: String,
    /// Fictional?
    pub fictional: bool,
    /// The displayed text.
    pub text: String,
}

/// Makes a pack of `lessons` (which must be playable) with the articles they use.
pub fn make_pack(lessons: &[Lesson], corpus: &Corpus) -> Pack {
    let mut articles: Vec<PackArticle> = Vec::new();
    let packed = lessons
        .iter()
        .map(|l| {
            let mut palette: Vec<PackLabel> = Vec::new();
            let steps = l
                .steps
                .iter()
                .map(|s| {
                    for a in &s.articles {
                        if !articles.iter().any(|x| &x.id == a)
                            && let Some(art) = corpus.get(a)
                        {
                            let m = &art.meta;
                            articles.push(PackArticle {
                                id: m.id.clone(),
                                outlet: m.outlet.clone(),
                                headline: m.headline.clone(),
                                date: m.date.clone(),
                                byline: m.byline.clone(),
                                outlet_kind: m.outlet_kind.clone(),
                                fictional: m.fictional,
                                text: art.text.as_str().to_string(),
                            });
                        }
                    }
                    let (kind, task, labels, options, multiple, min_words) = match &s.body {
                        StepBody::Read => ("read", None, vec![], vec![], false, 0),
                        StepBody::Highlight { task, labels, .. } => {
                            for id in labels {
                                if !palette.iter().any(|p| &p.id == id)
                                    && let Some(lab) = l.label(id)
                                {
                                    palette.push(PackLabel {
                                        id: lab.id.clone(),
                                        name: lab.name.clone(),
                                        description: lab.description.clone(),
                                    });
                                }
                            }
                            (
                                "highlight",
                                Some(task.name().to_string()),
                                labels.clone(),
                                vec![],
                                false,
                                0,
                            )
                        }
                        StepBody::Choice { options, multiple } => (
                            "choice",
                            None,
                            vec![],
                            options.iter().map(|o| o.text.clone()).collect(),
                            *multiple,
                            0,
                        ),
                        StepBody::Reflect { min_words } => ("reflect", None, vec![], vec![], false, *min_words),
                    };
                    PackStep {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        prose: s.prose.clone(),
                        kind: kind.into(),
                        task,
                        articles: s.articles.clone(),
                        labels,
                        options,
                        multiple,
                        min_words,
                    }
                })
                .collect();
            PackLesson {
                id: l.id.clone(),
                title: l.title.clone(),
                summary: l.summary.clone(),
                minutes: l.minutes,
                intro: l.intro.clone(),
                sha256: l.sha256.clone(),
                palette,
                steps,
            }
        })
        .collect();
    Pack {
        format: FORMAT.into(),
        version: 1,
        lessons: packed,
        articles,
    }
}

/// The pack format version this Lateral writes and reads.
pub const VERSION: u32 = 1;

/// Field names that carry answer-key material in a lesson: none may appear anywhere in a pack.
const KEY_FIELDS: &[&str] = &[
    "key",
    "keys",
    "explanation",
    "explanations",
    "hint",
    "hints",
    "correct",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
    "offsets",
    "extent",
    "answer",
    "answers",
    "solution",
    "points",
];

/// Finds the JSON paths of every object key in `v` named in [`KEY_FIELDS`]. `v` came from
/// serde_json, whose parser refuses nesting deeper than 128, so this walk is bounded.
fn key_material(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                if KEY_FIELDS.contains(&k.as_str()) {
                    out.push(path.clone());
                }
                key_material(x, path, out);
                path.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                key_material(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// A serde_json error as a diagnostic at its line and column (serde counts the column in bytes;
/// the diagnostic counts chars, as an editor does).
fn json_error(src: &SourceFile, e: &serde_json::Error, what: &str) -> Diagnostic {
    let text = src.text.as_str();
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    src.at(at..at, Severity::Error, format!("{what}: {msg}"))
}

/// Diagnostics for one pack file, positioned with [`crate::text::jsonpos`].
struct Check<'a> {
    src: &'a SourceFile,
    diags: Vec<Diagnostic>,
}

impl Check<'_> {
    fn at(&mut self, path: &[String], message: impl Into<String>, help: impl Into<String>) {
        // Each problem costs a scan of the file to place it: keep the count (and the work) bounded.
        if self.diags.len() >= 100 {
            return;
        }
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        // Point at the value; failing that, at the nearest enclosing value that is there.
        let range = (0..=p.len())
            .rev()
            .find_map(|n| self.src.locate_json(&p[..n]))
            .unwrap_or(0..0);
        self.diags
            .push(self.src.at(range, Severity::Error, message).with_suggestion(help));
    }

    /// [`Check::id`], and an error when `seen` (ids compared without case) has it already.
    fn unique_id(&mut self, path: &[String], what: &str, id: &str, seen: &mut std::collections::HashSet<String>) {
        self.id(path, what, id);
        if !seen.insert(id.to_ascii_lowercase()) {
            self.at(
                path,
                format!("{what} id `{}` is used twice in this pack", crate::text::ids::shown(id)),
                "give each its own id",
            );
        }
    }

    fn id(&mut self, path: &[String], what: &str, id: &str) {
        if let Err(e) = crate::text::ids::check_id(id) {
            self.at(
                path,
                format!("`{}` cannot be {what} id: {e}", crate::text::ids::shown(id)),
                crate::text::ids::ID_HELP,
            );
        }
    }
}

fn path(parts: &[&dyn std::fmt::Display]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// `base` followed by `rest`.
fn under(base: &[String], rest: &[&dyn std::fmt::Display]) -> Vec<String> {
    let mut v = base.to_vec();
    v.extend(path(rest));
    v
}

/// Reads and checks an exam pack as strictly as a lesson file: format and version, at least one
/// lesson and one step each, known step kinds and tasks, at most two articles a step and every
/// one in the pack, highlight steps with an article, choice steps with options, ids that are
/// safe file names and unique, and no answer-key material anywhere. Every problem is reported,
/// with line and column; the pack is returned only when there are none.
pub fn read_pack(src: &SourceFile) -> (Option<Pack>, Vec<Diagnostic>) {
    let text = src.text.as_str();
    let mut c = Check { src, diags: Vec::new() };
    let not_pack = "make the pack with `lateral pack --exam LESSON… -o NAME.lateral-exam`";
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let d = json_error(src, &e, "this is not a readable exam pack");
            return (None, vec![d.with_suggestion(not_pack)]);
        }
    };
    let format = value.get("format").and_then(|f| f.as_str());
    if format != Some(FORMAT) {
        c.at(
            &path(&[&"format"]),
            match format {
                Some(f) => format!(
                    "this is not an exam pack (its format is “{}”)",
                    crate::text::ids::shown(f)
                ),
                None => "this is not an exam pack (it has no \"format\": \"lateral-exam-pack\")".into(),
            },
            not_pack,
        );
        return (None, c.diags);
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            c.at(
                &path(&[&"version"]),
                format!("this pack is format version {v}; this Lateral reads version {VERSION}"),
                "make the pack again with this version of Lateral, or update Lateral on this laptop",
            );
            return (None, c.diags);
        }
        None => {
            c.at(
                &path(&[&"version"]),
                "this pack has no format version",
                "make the pack again with `lateral pack --exam`",
            );
            return (None, c.diags);
        }
    }
    let mut found = Vec::new();
    key_material(&value, &mut Vec::new(), &mut found);
    for p in &found {
        let field = p.last().map(String::as_str).unwrap_or_default();
        c.at(
            p,
            format!("an exam pack must hold no answer-key material, but this one has `{field}`"),
            "make the pack with `lateral pack --exam`, which leaves keys, hints and explanations out",
        );
    }
    let pack: Pack = match serde_json::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            if found.is_empty() {
                let d = json_error(src, &e, "this exam pack is not in the expected form");
                c.diags.push(d.with_suggestion(not_pack));
            }
            return (None, c.diags);
        }
    };
    check_pack(&pack, &mut c);
    if c.diags.is_empty() {
        (Some(pack), c.diags)
    } else {
        (None, c.diags)
    }
}

fn check_pack(pack: &Pack, c: &mut Check<'_>) {
    let mut article_ids = std::collections::HashSet::new();
    for (i, a) in pack.articles.iter().enumerate() {
        c.unique_id(&path(&[&"articles", &i, &"id"]), "an article", &a.id, &mut article_ids);
        if a.text.trim().is_empty() {
            c.at(
                &path(&[&"articles", &i, &"text"]),
                "this article has no text",
                "make the pack again",
            );
        }
    }
    if pack.lessons.is_empty() {
        c.at(&path(&[&"lessons"]), "this pack has no lessons", not_empty_help());
    }
    let mut lesson_ids = std::collections::HashSet::new();
    for (li, l) in pack.lessons.iter().enumerate() {
        let lp = |rest: &[&dyn std::fmt::Display]| under(&path(&[&"lessons", &li]), rest);
        c.unique_id(&lp(&[&"id"]), "a lesson", &l.id, &mut lesson_ids);
        if l.sha256.len() != 64 || !l.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            c.at(
                &lp(&[&"sha256"]),
                "this lesson's sha256 is not a SHA-256 (64 hex digits)",
                "make the pack again: grading matches it against the full lesson",
            );
        }
        let mut palette = std::collections::HashSet::new();
        for (pi, lab) in l.palette.iter().enumerate() {
            c.id(&lp(&[&"palette", &pi, &"id"]), "a label", &lab.id);
            palette.insert(lab.id.as_str());
        }
        if l.steps.is_empty() {
            c.at(&lp(&[&"steps"]), "this lesson has no steps", not_empty_help());
        }
        let mut step_ids = std::collections::HashSet::new();
        for (si, s) in l.steps.iter().enumerate() {
            let sp = |rest: &[&dyn std::fmt::Display]| under(&lp(&[&"steps", &si]), rest);
            c.unique_id(&sp(&[&"id"]), "a step", &s.id, &mut step_ids);
            check_step(s, &sp, &article_ids, &palette, c);
        }
    }
}

fn not_empty_help() -> &'static str {
    "make the pack again from lessons that validate (`lateral check LESSON`)"
}

fn check_step(
    s: &PackStep,
    sp: &dyn Fn(&[&dyn std::fmt::Display]) -> Vec<String>,
    article_ids: &std::collections::HashSet<String>,
    palette: &std::collections::HashSet<&str>,
    c: &mut Check<'_>,
) {
    use crate::lesson::{KINDS, MAX_STEP_ARTICLES, MIN_CHOICE_OPTIONS};
    if !KINDS.contains(&s.kind.as_str()) {
        c.at(
            &sp(&[&"kind"]),
            format!("`{}` is not a kind of step", crate::text::ids::shown(&s.kind)),
            format!("a step is one of: {}", KINDS.join(", ")),
        );
    }
    if s.articles.len() > MAX_STEP_ARTICLES {
        c.at(
            &sp(&[&"articles"]),
            format!("a step shows at most two articles; this one names {}", s.articles.len()),
            "make the pack again from lessons that validate",
        );
    }
    for (ai, a) in s.articles.iter().enumerate() {
        if !article_ids.contains(&a.to_ascii_lowercase()) {
            c.at(
                &sp(&[&"articles", &ai]),
                format!("article `{}` is not in this pack", crate::text::ids::shown(a)),
                "a pack carries every article its steps show; make it again",
            );
        }
    }
    if s.articles.len() == 2 && s.articles[0] == s.articles[1] {
        c.at(
            &sp(&[&"articles"]),
            "the same article is named twice",
            "name two different articles",
        );
    }
    match s.kind.as_str() {
        "highlight" => {
            match s.task.as_deref() {
                Some(t) if crate::lesson::Task::parse(t).is_some() => {}
                Some(t) => c.at(
                    &sp(&[&"task"]),
                    format!("`{}` is not a task", crate::text::ids::shown(t)),
                    "a highlight step's task is conflict, bias or machine",
                ),
                None => c.at(
                    &sp(&[]),
                    "this highlight step has no task",
                    "add \"task\": \"bias\" (or conflict, machine)",
                ),
            }
            if s.articles.is_empty() {
                c.at(
                    &sp(&[&"articles"]),
                    "a highlight step needs an article to highlight in",
                    "make the pack again from lessons that validate",
                );
            }
            for (i, lab) in s.labels.iter().enumerate() {
                if !palette.contains(lab.as_str()) {
                    c.at(
                        &sp(&[&"labels", &i]),
                        format!(
                            "label `{}` is not in this lesson's palette",
                            crate::text::ids::shown(lab)
                        ),
                        "make the pack again",
                    );
                }
            }
        }
        "choice" if s.options.len() < MIN_CHOICE_OPTIONS => c.at(
            &sp(&[&"options"]),
            "a choice step needs at least two options",
            "make the pack again from lessons that validate",
        ),
        "choice" if s.options.iter().any(|o| o.trim().is_empty()) => c.at(
            &sp(&[&"options"]),
            "a choice step has an empty option",
            "make the pack again",
        ),
        "reflect" if s.min_words > 10_000 => c.at(
            &sp(&[&"min_words"]),
            "a reflect step asks for at most 10000 words",
            "make the pack again",
        ),
        _ => {}
    }
}

/// Reads a pack back into lessons (marked `exam`, with no keys) and their articles. A pack
/// that [`read_pack`] finds any problem with is refused whole, with every problem rendered.
pub fn open_pack(json: &str, name: &str) -> Result<(Vec<Lesson>, Corpus), String> {
    let src = SourceFile::new(name, json.to_string());
    let (pack, diags) = read_pack(&src);
    let Some(pack) = pack else {
        let mut msg = String::new();
        for d in diags.iter().take(20) {
            msg.push_str(&d.to_string());
        }
        if diags.len() > 20 {
            msg.push_str(&format!("… and {} more problems\n", diags.len() - 20));
        }
        return Err(msg.trim_end().to_string());
    };
    let mut corpus = Corpus::new();
    for a in &pack.articles {
        let meta = ArticleMeta {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            headline: a.headline.clone(),
            date: a.date.clone(),
            byline: a.byline.clone(),
            outlet_kind: a.outlet_kind.clone(),
            fictional: a.fictional,
            ..Default::default()
        };
        corpus
            .add(Article::new(meta, format!("{name}:{}", a.id), &a.text))
            .map_err(|d| d.message)?;
    }
    let lessons = pack
        .lessons
        .into_iter()
        .map(|l| {
            let labels: Vec<Label> = l
                .palette
                .iter()
                .map(|p| Label {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    description: p.description.clone(),
                    task: None,
                })
                .collect();
            let steps = l
                .steps
                .into_iter()
                .map(|s| {
                    let body = match s.kind.as_str() {
                        "highlight" => StepBody::Highlight {
                            task: match s.task.as_deref() {
                                Some("conflict") => Task::Conflict,
                                Some("machine") => Task::Machine,
                                _ => Task::Bias,
                            },
                            labels: s.labels,
                            keys: Vec::new(),
                        },
                        "choice" => StepBody::Choice {
                            options: s
                                .options
                                .into_iter()
                                .map(|text| ChoiceOption {
                                    text,
                                    correct: false,
                                    explanation: None,
                                })
                                .collect(),
                            multiple: s.multiple,
                        },
                        "reflect" => StepBody::Reflect { min_words: s.min_words },
                        _ => StepBody::Read,
                    };
                    let points = if matches!(body, StepBody::Highlight { .. } | StepBody::Choice { .. }) {
                        1.0
                    } else {
                        0.0
                    };
                    Step {
                        id: s.id,
                        title: s.title,
                        prose: s.prose,
                        articles: s.articles,
                        hints: Vec::new(),
                        points,
                        body,
                        line: 0,
                    }
                })
                .collect();
            Lesson {
                id: l.id,
                title: l.title,
                summary: l.summary,
                minutes: l.minutes,
                author: None,
                intro: l.intro,
                settings: Settings {
                    retry: false,
                    max_attempts: None,
                    show_solution: false,
                    hints: false,
                    wrong_label_credit: 0.5,
                },
                labels,
                steps,
                file: name.to_string(),
                sha256: l.sha256,
                exam: true,
            }
        })
        .collect();
    Ok((lessons, corpus))
}

/// The lessons of a pack as a library the app can show.
pub fn pack_library(json: &str, name: &str) -> Result<crate::lesson::library::Library, String> {
    let (lessons, corpus) = open_pack(json, name)?;
    let lessons = lessons
        .into_iter()
        .map(|l| crate::lesson::library::LessonFile {
            path: name.to_string(),
            lesson: Some(l),
            diagnostics: Vec::new(),
        })
        .collect();
    Ok(crate::lesson::library::Library {
        corpus,
        lessons,
        diagnostics: Vec::new(),
        articles_from_disk: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::bundled;
    use serde_json::{Value, json};

    fn good() -> Value {
        let corpus = bundled::corpus();
        let lessons: Vec<Lesson> = bundled::lessons(&corpus).into_iter().filter_map(|l| l.lesson).collect();
        serde_json::to_value(make_pack(&lessons, &corpus)).expect("json")
    }

    /// The problems with `v` written out as a pack file.
    fn problems(v: &Value) -> Vec<Diagnostic> {
        let text = serde_json::to_string_pretty(v).expect("json");
        let (pack, diags) = read_pack(&SourceFile::new("p.lateral-exam", text.clone()));
        assert_eq!(pack.is_none(), !diags.is_empty());
        assert!(open_pack(&text, "p.lateral-exam").is_err() || diags.is_empty());
        diags
    }

    fn one(v: &Value, needle: &str) -> Diagnostic {
        let d = problems(v);
        let hit = d.iter().find(|d| d.message.contains(needle));
        let Some(hit) = hit else {
            panic!("no problem containing {needle:?} in {d:#?}")
        };
        assert!(hit.line > 0 && hit.column > 0, "{hit:?}");
        hit.clone()
    }

    #[test]
    fn a_pack_of_the_bundled_lessons_is_clean() {
        assert_eq!(problems(&good()), vec![]);
    }

    #[test]
    fn regression_pack_with_version_99_opens() {
        let mut v = good();
        v["version"] = json!(99);
        let d = one(&v, "version 99");
        assert!(d.source_line.as_deref().unwrap_or("").contains("99"), "{d:?}");
    }

    #[test]
    fn regression_pack_with_zero_steps_panics() {
        let mut v = good();
        v["lessons"][0]["steps"] = json!([]);
        one(&v, "has no steps");
        let mut v = good();
        v["lessons"] = json!([]);
        one(&v, "has no lessons");
    }

    #[test]
    fn regression_pack_step_with_three_articles_panics() {
        let mut v = good();
        let step = v["lessons"][1]["steps"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["kind"] == "highlight"))
            .expect("a highlight step");
        step["articles"] = json!(["rt", "saitarli", "ap-ktvz"]);
        one(&v, "at most two articles");
    }

    #[test]
    fn regression_pack_with_missing_or_duplicate_articles_opens() {
        let mut v = good();
        v["articles"].as_array_mut().expect("articles").remove(0);
        one(&v, "is not in this pack");
        let mut v = good();
        let first = v["articles"][0].clone();
        v["articles"].as_array_mut().expect("articles").push(first);
        one(&v, "used twice in this pack");
    }

    #[test]
    fn regression_pack_with_unknown_step_kind_opens() {
        let mut v = good();
        v["lessons"][0]["steps"][0]["kind"] = json!("quiz");
        one(&v, "`quiz` is not a kind of step");
    }

    #[test]
    fn regression_pack_choice_without_options_opens() {
        let mut v = good();
        let step = v["lessons"][0]["steps"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["kind"] == "choice"))
            .expect("a choice step");
        step["options"] = json!([]);
        one(&v, "at least two options");
    }

    #[test]
    fn regression_pack_highlight_step_without_articles_opens() {
        let mut v = good();
        let step = v["lessons"][0]["steps"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["kind"] == "highlight"))
            .expect("a highlight step");
        step["articles"] = json!([]);
        one(&v, "needs an article");
    }

    #[test]
    fn regression_pack_ids_that_are_paths_rename_files_outside_the_data_folder() {
        for bad in ["../../x", "/etc/passwd", "C:\\Windows", "CON", ".hidden", "a/b"] {
            let mut v = good();
            v["lessons"][0]["id"] = json!(bad);
            one(&v, "cannot be a lesson id");
            let mut v = good();
            v["articles"][0]["id"] = json!(bad);
            one(&v, "cannot be an article id");
            let mut v = good();
            v["lessons"][0]["steps"][0]["id"] = json!(bad);
            one(&v, "cannot be a step id");
        }
    }

    #[test]
    fn regression_two_pack_lessons_with_one_id_merge_work() {
        let mut v = good();
        let id = v["lessons"][0]["id"].clone();
        v["lessons"][1]["id"] = json!(id.as_str().expect("id").to_uppercase());
        one(&v, "used twice in this pack");
    }

    #[test]
    fn key_material_in_a_pack_is_refused_where_it_stands() {
        let mut v = good();
        v["lessons"][0]["steps"][0]["keys"] = json!([{"quote": "a"}]);
        let d = one(&v, "no answer-key material");
        assert!(d.source_line.as_deref().unwrap_or("").contains("keys"), "{d:?}");
        let mut v = good();
        v["lessons"][0]["steps"][0]["explanation"] = json!("because");
        one(&v, "`explanation`");
        // An unknown field that is not key material is refused by name too.
        let mut v = good();
        v["lessons"][0]["colour"] = json!("red");
        one(&v, "unknown field `colour`");
    }

    #[test]
    fn regression_hostile_pack_values_are_shown_escaped() {
        let mut v = good();
        v["lessons"][0]["steps"][0]["kind"] = json!("\u{1b}[2Jx");
        let d = one(&v, "is not a kind of step");
        assert!(!d.message.contains('\u{1b}'), "{}", d.message);
    }

    #[test]
    fn not_json_and_not_a_pack_are_told_apart() {
        let (p, d) = read_pack(&SourceFile::new("p", "{\n  \"format\": ".into()));
        assert!(p.is_none());
        assert!(d[0].message.contains("not a readable exam pack"), "{:?}", d[0]);
        assert_eq!(d[0].line, 2);
        let (_, d) = read_pack(&SourceFile::new("p", "{\"format\": \"lateral-results\"}".into()));
        assert!(d[0].message.contains("not an exam pack"), "{:?}", d[0]);
    }
}
