//! The lesson `lateral new-lesson` and the app's "new lesson" start from.

use std::sync::Arc;

use crate::corpus::Article;
use crate::lesson::Task;
use crate::lesson::placeholder::{SKELETON_EXPLANATION, SKELETON_HINT, SKELETON_INSTRUCTIONS, SKELETON_INTRO};
use crate::text::Span;

/// A TOML string literal.
fn q(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

/// A lesson to start from: a read step and one highlight step with one key per article (a few
/// words of its first real sentence), valid as written, with every field a teacher will want to
/// change marked in the text. A conflict lesson takes two articles.
pub(crate) fn skeleton(articles: &[Arc<Article>], task: Task) -> String {
    let ids: Vec<String> = articles.iter().map(|a| q(a.id())).collect();
    let first = articles.first().map_or("the article", |a| a.meta.headline.as_str());
    let mut out = String::new();
    out.push_str(
        "+++\n# The lesson: its id (used in students' results files), title, the language it is written in (\"en\", \"pl\", \"uk\") and suggested time.\n",
    );
    out.push_str(&format!(
        "id = {}\n",
        q(&format!("{}-lesson", articles.first().map_or("new", |a| a.id())))
    ));
    out.push_str(&format!("title = {}\n", q(&format!("New lesson: {first}"))));
    out.push_str("lang = \"en\"\nsummary = \"One line for the lesson library.\"\nminutes = 15\n\n[settings]\nretry = true\nshow_solution = true\n+++\n\n");
    out.push_str(SKELETON_INTRO);
    out.push_str("\n\n");
    out.push_str(&format!(
        "+++ step\nkind = \"read\"\ntitle = \"Read first\"\narticles = [{}]\n+++\n\nRead the whole text once before you mark anything.\n\n",
        ids.join(", ")
    ));
    let title = match task {
        Task::Conflict => "Find the claims that cannot both be true",
        Task::Machine => "Find the signs of a machine",
        Task::Bias => "Find the loaded words",
    };
    out.push_str(&format!(
        "+++ step\nkind = \"highlight\"\ntask = {}\ntitle = {}\narticles = [{}]\nhints = [{}]\n",
        q(task.name()),
        q(title),
        ids.join(", "),
        q(SKELETON_HINT)
    ));
    for (i, a) in articles.iter().enumerate() {
        out.push_str(&skeleton_key(a, i, articles.len() > 1, task));
    }
    out.push_str("+++\n\n");
    out.push_str(SKELETON_INSTRUCTIONS);
    out.push('\n');
    out
}

/// The `[[key]]` of the skeleton's highlight step for its `i`-th article: a few words of the
/// first sentence with at least four words.
fn skeleton_key(a: &Article, i: usize, name_article: bool, task: Task) -> String {
    let sentence = a
        .segments
        .sentences
        .iter()
        .find(|s| a.slice(**s).split_whitespace().count() >= 4)
        .or(a.segments.sentences.first())
        .copied()
        .unwrap_or_default();
    let words: Vec<Span> = a
        .words
        .iter()
        .filter(|w| sentence.contains(w))
        .take(6)
        .copied()
        .collect();
    let span = match (words.first(), words.last()) {
        (Some(f), Some(l)) => Span::new(f.start, l.end),
        _ => sentence,
    };
    let anchor = crate::corpus::anchor::anchor_for(a, span);
    let mut out = format!(
        "\n# Replace this key with a passage students should find.\n[[key]]\nid = \"key-{}\"\n",
        i + 1
    );
    if name_article {
        out.push_str(&format!("article = {}\n", q(a.id())));
    }
    out.push_str(&format!("quote = {}\n", q(&anchor.quote)));
    if let Some(p) = &anchor.prefix {
        out.push_str(&format!("prefix = {}\n", q(p)));
    }
    if let Some(s) = &anchor.suffix {
        out.push_str(&format!("suffix = {}\n", q(s)));
    }
    if let Some(o) = anchor.occurrence {
        out.push_str(&format!("occurrence = {o}\n"));
    }
    let label = match task {
        Task::Machine => Some("disclosure"),
        Task::Bias => Some("loaded-word"),
        Task::Conflict => None,
    };
    if let Some(l) = label {
        out.push_str(&format!("label = {}\n", q(l)));
    }
    if task == Task::Conflict && i == 0 {
        out.push_str("pair = \"key-2\"\n");
    }
    out.push_str(&format!("explanation = {}\n", q(SKELETON_EXPLANATION)));
    out
}
