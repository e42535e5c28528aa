//! A step block: its kind, articles, hints and what it asks (options, minimum words, or the
//! labels and keys of a highlight step).

use std::sync::Arc;

use crate::corpus::{Article, Corpus};
use crate::lesson::blocks::Block;
use crate::lesson::fields::{KINDS, MAX_STEP_ARTICLES, MIN_CHOICE_OPTIONS, OPTION_FIELDS, STEP_FIELDS, TASKS};
use crate::lesson::keys::read_keys;
use crate::lesson::placeholder;
use crate::lesson::read::{checked_id, src_line, unknown_label};
use crate::lesson::{ChoiceOption, Lesson, Step, StepBody, StepKind, Task};
use crate::text::diag::nearest;
use crate::text::schema::{Ctx, Obj, Spanned};

/// The article named `id`, or an error at it saying which ones there are.
fn check_article<'c>(ctx: &Ctx<'_>, corpus: &'c Corpus, id: &Spanned<String>) -> Option<&'c Arc<Article>> {
    if let Some(a) = corpus.get(&id.value) {
        return Some(a);
    }
    if let Some(file) = corpus.unusable(&id.value) {
        let first = crate::lesson::read::UNUSABLE_REPORTED.with(|r| r.borrow_mut().insert(id.value.clone()));
        if first {
            ctx.error(
                id.span.clone(),
                format!("the article `{}` cannot be used: its files have errors (reported for {file})", id.value),
                Some(format!(
                    "fix the errors reported for {file}; the keys on `{}` are checked once it loads (said once, here, for the whole lesson)",
                    id.value
                )),
            );
        }
        return None;
    }
    if id.value.contains(['/', '\\']) || id.value.contains("..") {
        ctx.error(
            id.span.clone(),
            format!("`{}` looks like a file path; articles are named by id", id.value),
            Some("write the article's id from its .toml file (e.g. \"ap-ktvz\"); lessons never read files outside the corpus".into()),
        );
        return None;
    }
    let help = match nearest(&id.value, corpus.ids()) {
        Some(n) => format!(
            "did you mean \"{n}\"? Known articles: {}",
            corpus.ids().collect::<Vec<_>>().join(", ")
        ),
        None => format!("known articles: {}", corpus.ids().collect::<Vec<_>>().join(", ")),
    };
    ctx.error(
        id.span.clone(),
        format!("there is no article `{}`", id.value),
        Some(help),
    );
    None
}

/// The words of the kinds in a file (from [`StepKind::word`]; a highlight step's task is read
/// on its own).
const READ: &str = StepKind::Read.word();
const HIGHLIGHT: &str = StepKind::Highlight(Task::Bias).word();
const CHOICE: &str = StepKind::Choice.word();
const REFLECT: &str = StepKind::Reflect.word();
const INVESTIGATE: &str = StepKind::Investigate.word();

/// The fields only one kind of step has, and that kind.
const ONLY_FOR: &[(&str, &str)] = &[
    ("task", HIGHLIGHT),
    ("labels", HIGHLIGHT),
    ("key", HIGHLIGHT),
    ("option", CHOICE),
    ("multiple", CHOICE),
    ("min_words", REFLECT),
    ("cards", INVESTIGATE),
];

/// "a read", "an investigate": a kind's word with its article, for messages.
fn a_kind(kind: &str) -> String {
    let an = kind.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {kind}", if an { "an" } else { "a" })
}

/// A step's articles as named, each with the article when the corpus has it.
pub(crate) type StepArticles = Vec<(String, Option<Arc<Article>>)>;

/// A step block, read into a step (`n` is its number in the lesson, from 1). `None` when it is
/// too broken to keep: no kind, an unknown kind, or a highlight step with no known task.
pub(crate) fn read_step(
    ctx: &Ctx<'_>,
    doc: &toml_edit::Document<String>,
    block: &Block,
    n: usize,
    prose: String,
    lesson: &Lesson,
    corpus: &Corpus,
) -> Option<Step> {
    let o = Obj::new(ctx, doc.as_table(), block.open.clone(), "step", STEP_FIELDS);
    let kind = read_kind(ctx, &o)?;
    for &(field, for_kind) in ONLY_FOR {
        if o.has(field) && kind != for_kind {
            ctx.error(
                o.key_span(field),
                format!(
                    "`{field}` belongs in {} step, not {} step",
                    a_kind(for_kind),
                    a_kind(kind)
                ),
                Some(format!(
                    "remove it, or make this a {for_kind} step with kind = \"{for_kind}\""
                )),
            );
        }
    }
    let id = match o.opt_str("id") {
        Some(id) => checked_id(ctx, id, "a step").unwrap_or_else(|| format!("step-{n}")),
        None => format!("step-{n}"),
    };
    let title = o.opt_str("title").map_or_else(|| format!("Step {n}"), |t| t.value);
    let articles = read_articles(ctx, &o, corpus);
    let hints = crate::lesson::keys::read_hints(ctx, &o);
    let points = o.opt_number("points", 1000.0).map(|p| p.value);
    let line = src_line(ctx, block.open.start);
    let body = match kind {
        READ => StepBody::Read,
        REFLECT => StepBody::Reflect {
            min_words: o
                .opt_int("min_words", 0, 10_000)
                .map_or(0, |n| u32::try_from(n.value).unwrap_or(0)),
        },
        CHOICE => read_choice(ctx, &o, block),
        INVESTIGATE => crate::lesson::cards::read_investigate(ctx, &o, block, &articles),
        _ => read_highlight(ctx, &o, block, &articles, lesson)?,
    };
    let prose_span = placeholder::trimmed(ctx.src.text.as_str(), block.prose.clone());
    placeholder::warn_placeholder(ctx, prose_span, &prose, placeholder::Field::Instructions);
    if prose.is_empty() && body.kind() != StepKind::Read {
        ctx.warn(
            block.open.clone(),
            "this step has no instructions for students",
            Some("write what to do in Markdown below the step's closing +++".into()),
        );
    }
    Some(Step {
        id,
        title,
        prose,
        articles: articles.into_iter().map(|a| a.0).collect(),
        hints,
        points: points.unwrap_or(if body.kind().is_scored() { 1.0 } else { 0.0 }),
        body,
        line,
    })
}

/// The step's `kind`, one of [`KINDS`].
fn read_kind(ctx: &Ctx<'_>, o: &Obj<'_, '_>) -> Option<&'static str> {
    let kind = o.req_str("kind", "\"highlight\"")?;
    let found = KINDS.iter().copied().find(|k| *k == kind.value);
    if found.is_none() {
        let help = match nearest(&kind.value, KINDS.iter().copied()) {
            Some(k) => format!("did you mean \"{k}\"? A step's kind is one of: {}", KINDS.join(", ")),
            None => format!("a step's kind is one of: {}", KINDS.join(", ")),
        };
        ctx.error(kind.span, format!("`{}` is not a kind of step", kind.value), Some(help));
    }
    found
}

/// The step's `articles`, each looked up in the corpus.
fn read_articles(ctx: &Ctx<'_>, o: &Obj<'_, '_>, corpus: &Corpus) -> StepArticles {
    let article_ids = o.opt_str_list("articles").unwrap_or_default();
    if article_ids.len() > MAX_STEP_ARTICLES {
        ctx.error(
            o.span_of("articles"),
            "a step shows at most two articles",
            Some("split it into two steps".into()),
        );
    }
    let mut articles: StepArticles = Vec::new();
    for a in &article_ids {
        let found = check_article(ctx, corpus, a);
        articles.push((found.map_or(a.value.clone(), |f| f.meta.id.clone()), found.cloned()));
    }
    if articles.len() == 2 && articles[0].0 == articles[1].0 {
        ctx.error(o.span_of("articles"), "the same article is named twice", None);
    }
    articles
}

/// A choice step's `[[option]]`s and `multiple`.
fn read_choice(ctx: &Ctx<'_>, o: &Obj<'_, '_>, block: &Block) -> StepBody {
    let mut options = Vec::new();
    for op in o.tables("option", "choice option", OPTION_FIELDS) {
        if let Some(t) = op.req_str("text", "\"The AP report\"") {
            options.push(ChoiceOption {
                text: t.value,
                correct: op.opt_bool("correct").unwrap_or(false),
                explanation: op.opt_str("explanation").map(|e| {
                    placeholder::warn_placeholder(ctx, e.span, &e.value, placeholder::Field::OptionExplanation);
                    e.value
                }),
            });
        }
    }
    if options.len() < MIN_CHOICE_OPTIONS {
        ctx.error(
            block.open.clone(),
            "a choice step needs at least two options",
            Some("add [[option]] sections with text = \"...\" and, for right answers, correct = true".into()),
        );
    } else if !options.iter().any(|op| op.correct) {
        ctx.error(
            block.open.clone(),
            "no option of this choice step is marked correct",
            Some("add correct = true to the right answer(s)".into()),
        );
    }
    StepBody::Choice {
        options,
        multiple: o.opt_bool("multiple").unwrap_or(false),
    }
}

/// A highlight step's task, labels and answer key; `None` without a known task.
fn read_highlight(
    ctx: &Ctx<'_>,
    o: &Obj<'_, '_>,
    block: &Block,
    articles: &StepArticles,
    lesson: &Lesson,
) -> Option<StepBody> {
    let t = o.req_str("task", "\"bias\"")?;
    let Some(task) = Task::parse(&t.value) else {
        let help = match nearest(&t.value, TASKS.iter().copied()) {
            Some(k) => format!("did you mean \"{k}\"? The tasks are conflict, bias and machine"),
            None => "the tasks are conflict, bias and machine".into(),
        };
        ctx.error(t.span, format!("`{}` is not a task", t.value), Some(help));
        return None;
    };
    if articles.is_empty() {
        ctx.error(
            block.open.clone(),
            "a highlight step needs an article to highlight",
            Some("add articles = [\"article-id\"] (or two ids, to show them side by side)".into()),
        );
    }
    let labels = step_labels(ctx, o, task, lesson);
    let keys = read_keys(ctx, o, task, articles, &labels, block);
    Some(StepBody::Highlight { task, labels, keys })
}

/// The labels offered in a highlight step: the step's own list, or every label of its task.
fn step_labels(ctx: &Ctx<'_>, o: &Obj<'_, '_>, task: Task, lesson: &Lesson) -> Vec<String> {
    if task == Task::Conflict {
        if o.has("labels") {
            ctx.error(
                o.key_span("labels"),
                "conflict steps have no labels",
                Some("remove `labels`; students only mark the two claims".into()),
            );
        }
        return Vec::new();
    }
    match o.opt_str_list("labels") {
        Some(list) => {
            let mut out = Vec::new();
            for l in list {
                let unread = crate::lesson::read::LABELS_UNREAD.with(std::cell::Cell::get);
                if unread || lesson.label(&l.value).is_some() {
                    out.push(l.value);
                } else {
                    unknown_label(ctx, &l, lesson.labels.iter().map(|x| x.id.as_str()));
                }
            }
            out
        }
        None => lesson
            .labels
            .iter()
            .filter(|l| l.task.is_none_or(|t| t == task))
            .map(|l| l.id.clone())
            .collect(),
    }
}
