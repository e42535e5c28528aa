//! Reading a pack as strictly as a lesson file: every problem reported with line and column,
//! and no answer-key material anywhere.

use crate::text::diag::{Diagnostic, Severity, SourceFile};

use super::{FORMAT, Pack, PackStep, VERSION};

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
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    src.at_line_byte(e.line(), e.column(), Severity::Error, format!("{what}: {msg}"))
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
        check_cards(a, &path(&[&"articles", &i]), c);
    }
    let cards_of: CardsOf = pack
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.cards.iter().map(|x| x.id.as_str()).collect()))
        .collect();
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
            check_step_cards(s, &sp, &cards_of, c);
        }
    }
}

/// The card ids of each article of a pack, by article id.
type CardsOf<'p> = std::collections::HashMap<&'p str, Vec<&'p str>>;

/// An article's source cards: few, with safe unique ids and short, non-empty fields.
fn check_cards(a: &super::PackArticle, ap: &[String], c: &mut Check<'_>) {
    use crate::corpus::cards::{MAX_CARDS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
    if a.cards.len() > MAX_CARDS {
        c.at(
            &under(ap, &[&"cards"]),
            format!(
                "an article carries at most {MAX_CARDS} source cards; this one has {}",
                a.cards.len()
            ),
            "make the pack again from lessons that validate",
        );
        return;
    }
    let mut seen = std::collections::HashSet::new();
    for (ci, card) in a.cards.iter().enumerate() {
        let cp = |rest: &[&dyn std::fmt::Display]| under(&under(ap, &[&"cards", &ci]), rest);
        c.unique_id(&cp(&[&"id"]), "a card", &card.id, &mut seen);
        let fields = [
            ("title", &card.title, MAX_TITLE_CHARS),
            ("text", &card.text, MAX_TEXT_CHARS),
            ("source", &card.source, MAX_TEXT_CHARS),
        ];
        for (field, value, max) in fields {
            if value.trim().is_empty() || value.chars().count() > max {
                c.at(
                    &cp(&[&field]),
                    format!("a source card's {field} is empty or longer than {max} characters"),
                    "make the pack again from lessons that validate",
                );
            }
        }
    }
}

/// An investigate step's cards: at least one, each a card of one of the step's articles.
fn check_step_cards(
    s: &PackStep,
    sp: &dyn Fn(&[&dyn std::fmt::Display]) -> Vec<String>,
    cards_of: &CardsOf<'_>,
    c: &mut Check<'_>,
) {
    if s.step_kind() != Some(crate::lesson::StepKind::Investigate) {
        if !s.cards.is_empty() {
            c.at(
                &sp(&[&"cards"]),
                "only an investigate step offers source cards",
                "make the pack again",
            );
        }
        return;
    }
    if s.cards.is_empty() {
        c.at(
            &sp(&[]),
            "this investigate step offers no source card",
            "make the pack again from lessons that validate",
        );
    }
    for (i, r) in s.cards.iter().enumerate() {
        let known = s.articles.contains(&r.article)
            && cards_of
                .get(r.article.as_str())
                .is_some_and(|ids| ids.contains(&r.card.as_str()));
        if !known {
            c.at(
                &sp(&[&"cards", &i]),
                format!(
                    "card `{}` of article `{}` is not a card of this step's articles",
                    crate::text::ids::shown(&r.card),
                    crate::text::ids::shown(&r.article)
                ),
                "make the pack again from lessons that validate",
            );
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
    use crate::lesson::{KINDS, MAX_STEP_ARTICLES};
    if s.step_kind().is_none() {
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
    check_step_body(s, sp, palette, c);
}

/// The checks that depend on the step's kind.
fn check_step_body(
    s: &PackStep,
    sp: &dyn Fn(&[&dyn std::fmt::Display]) -> Vec<String>,
    palette: &std::collections::HashSet<&str>,
    c: &mut Check<'_>,
) {
    use crate::lesson::{MIN_CHOICE_OPTIONS, StepKind};
    match s.step_kind() {
        Some(StepKind::Highlight(_)) => {
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
        Some(StepKind::Choice) if s.options.len() < MIN_CHOICE_OPTIONS => c.at(
            &sp(&[&"options"]),
            "a choice step needs at least two options",
            "make the pack again from lessons that validate",
        ),
        Some(StepKind::Choice) if s.options.iter().any(|o| o.trim().is_empty()) => c.at(
            &sp(&[&"options"]),
            "a choice step has an empty option",
            "make the pack again",
        ),
        Some(StepKind::Reflect) if s.min_words > 10_000 => c.at(
            &sp(&[&"min_words"]),
            "a reflect step asks for at most 10000 words",
            "make the pack again",
        ),
        _ => {}
    }
}
