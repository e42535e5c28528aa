//! The lesson block: id, title, settings and the lesson's own labels.

use crate::lesson::blocks::Block;
use crate::lesson::fields::{LABEL_FIELDS, LESSON_FIELDS, SETTINGS_FIELDS};
use crate::lesson::labels::builtin_labels;
use crate::lesson::read::checked_id;
use crate::lesson::{Label, Lesson, Settings, Task};
use crate::text::diag::SourceFile;
use crate::text::schema::{Ctx, Obj};

/// The lesson block, read into a lesson with no introduction and no steps yet.
pub(crate) fn read_header(ctx: &Ctx<'_>, doc: &toml_edit::Document<String>, block: &Block, src: &SourceFile) -> Lesson {
    let o = Obj::new(ctx, doc.as_table(), block.open.clone(), "lesson", LESSON_FIELDS);
    let file_stem = src.name.rsplit(['/', '\\']).next().unwrap_or(&src.name);
    let file_stem = file_stem.strip_suffix(".md").unwrap_or(file_stem).to_string();
    let stem_id = || match crate::text::ids::check_id(&file_stem) {
        Ok(()) => file_stem.clone(),
        Err(e) => {
            ctx.error(
                block.open.clone(),
                format!("this lesson has no `id`, and its file name `{file_stem}` cannot be one: {e}"),
                Some(format!(
                    "add id = \"a-short-name\" to this +++ block ({})",
                    crate::text::ids::ID_HELP
                )),
            );
            "lesson".to_string()
        }
    };
    let id = match o.opt_str("id") {
        Some(id) => checked_id(ctx, id, "a lesson").unwrap_or_else(stem_id),
        None => stem_id(),
    };
    let title = o
        .req_str("title", "\"Who fired the missile?\"")
        .map(|s| s.value)
        .unwrap_or_default();
    let settings = read_settings(&o);
    let labels = read_labels(ctx, &o);
    Lesson {
        id,
        title,
        summary: o.opt_str("summary").map(|s| s.value),
        minutes: o.opt_int("minutes", 1, 600).and_then(|m| u32::try_from(m.value).ok()),
        author: o.opt_str("author").map(|s| s.value),
        intro: String::new(),
        settings,
        labels,
        steps: Vec::new(),
        file: src.name.clone(),
        sha256: crate::text::ids::sha256_hex(src.text.as_str()),
        exam: false,
    }
}

/// The lesson's `[settings]`, with the defaults for what is not given.
fn read_settings(o: &Obj<'_, '_>) -> Settings {
    let mut settings = Settings::default();
    if let Some(s) = o.table("settings", "settings table", SETTINGS_FIELDS) {
        settings.retry = s.opt_bool("retry").unwrap_or(true);
        settings.max_attempts = s
            .opt_int("max_attempts", 0, 1000)
            .and_then(|n| u32::try_from(n.value).ok())
            .filter(|&n| n > 0);
        settings.show_solution = s.opt_bool("show_solution").unwrap_or(true);
        settings.hints = s.opt_bool("hints").unwrap_or(true);
        settings.wrong_label_credit = s.opt_number("wrong_label_credit", 1.0).map_or(0.5, |n| n.value);
    }
    settings
}

/// The built-in labels, then the lesson's own `[[label]]`s (one with a built-in id replaces it).
fn read_labels(ctx: &Ctx<'_>, o: &Obj<'_, '_>) -> Vec<Label> {
    let mut labels = builtin_labels();
    for l in o.tables("label", "label", LABEL_FIELDS) {
        let id = l.req_str("id", "\"emotional-appeal\"");
        let name = l.req_str("name", "\"Emotional appeal\"");
        let task = l.opt_str("task").and_then(|t| {
            let parsed = Task::parse(&t.value).filter(|t| *t != Task::Conflict);
            if parsed.is_none() {
                ctx.error(
                    t.span,
                    format!("`{}` is not a task that takes labels", t.value),
                    Some(
                        "use task = \"bias\" or task = \"machine\", or leave it out to offer the label in both".into(),
                    ),
                );
            }
            parsed
        });
        if let (Some(id), Some(name)) = (id, name) {
            if let Err(e) = crate::text::ids::check_id(&id.value) {
                ctx.error(
                    id.span.clone(),
                    format!("`{}` cannot be a label id: {e}", id.value),
                    Some(crate::text::ids::ID_HELP.into()),
                );
            }
            let label = Label {
                id: id.value.clone(),
                name: name.value,
                description: l.opt_str("description").map(|d| d.value).unwrap_or_default(),
                task,
                builtin: false,
            };
            match labels.iter_mut().find(|x| x.id == label.id) {
                Some(existing) => *existing = label,
                None => labels.push(label),
            }
        }
    }
    labels
}
