//! The answer key of a highlight step: each `[[key]]` read, anchored in its article and checked
//! against the others.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Article;
use crate::corpus::anchor::{Anchor, AnchorError};
use crate::lesson::anchor_error::report_anchor_error;
use crate::lesson::blocks::Block;
use crate::lesson::fields::{KEY_FIELDS, MAX_LESSON_KEYS, MAX_STEP_KEYS};
use crate::lesson::placeholder::{Field, warn_explanation, warn_placeholder};
use crate::lesson::read::{BUDGET, line_span, src_line, unknown_label};
use crate::lesson::{Extent, KeySpan, Task};
use crate::text::Span;
use crate::text::diag::nearest;
use crate::text::schema::{Ctx, Obj, Spanned};

/// A highlight step's articles as named, each with the article when the corpus has it.
type StepArticles = [(String, Option<Arc<Article>>)];

/// A highlight step's `[[key]]`s, each read, placed in its article and checked against the
/// others (ids, conflict pairs, overlaps, extents).
pub(crate) fn read_keys(
    ctx: &Ctx<'_>,
    o: &Obj<'_, '_>,
    task: Task,
    articles: &StepArticles,
    labels: &[String],
    block: &Block,
) -> Vec<KeySpan> {
    let tables = key_tables(ctx, o);
    if tables.is_empty() {
        ctx.error(
            block.open.clone(),
            "this highlight step has no answer key",
            Some("add a [[key]] section with quote = \"...\" and explanation = \"...\" for each passage students should find".into()),
        );
        return Vec::new();
    }
    let mut keys: Vec<KeySpan> = Vec::new();
    // The `pair` of each resolved key, aligned with `keys`.
    let mut pair_names: Vec<Option<Spanned<String>>> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    // Ids of every key table, resolved or not, so a pair with a broken key is not reported twice.
    let mut declared: Vec<String> = Vec::new();
    for (i, k) in tables.iter().enumerate() {
        let id = k.opt_str("id");
        let key_id = id
            .as_ref()
            .map_or_else(|| format!("key-{}", i + 1), |s| s.value.clone());
        declared.push(key_id.clone());
        let Some((key, pair)) = read_key(ctx, k, key_id, task, articles, labels) else {
            continue;
        };
        if let Some(prev) = ids.insert(key.id.clone(), keys.len()) {
            ctx.error(
                id.as_ref().map_or(k.span.clone(), |s| s.span.clone()),
                format!("two keys in this step have the id `{}`", key.id),
                Some(format!(
                    "the other is on line {}; give each key its own id",
                    keys[prev].line
                )),
            );
        }
        keys.push(key);
        pair_names.push(pair);
    }
    if task == Task::Conflict {
        link_pairs(ctx, &mut keys, &pair_names, &ids, &declared);
        // When a key failed to resolve, its pairing is unknown; its own error says enough.
        let all_resolved = keys.len() == declared.len();
        for k in keys.iter().filter(|k| k.pair.is_none() && all_resolved) {
            ctx.error(
                line_span(ctx, k.line),
                format!("key `{}` is one side of a conflict with no other side", k.id),
                Some("add pair = \"<id of the contradicting key>\" to one of the two keys".into()),
            );
        }
    } else {
        warn_overlaps(ctx, &keys);
    }
    warn_big_extents(ctx, &keys, articles);
    keys
}

/// The step's key tables, at most [`MAX_STEP_KEYS`] and at most what is left of the file's
/// [`MAX_LESSON_KEYS`] (which they spend).
fn key_tables<'a, 's>(ctx: &Ctx<'_>, o: &Obj<'a, 's>) -> Vec<Obj<'a, 's>> {
    let mut tables = o.tables("key", "key span", KEY_FIELDS);
    if tables.len() > MAX_STEP_KEYS {
        // Each key is placed by a search of its article: a hostile file with a million keys
        // must not cost a million searches.
        ctx.error(
            tables[MAX_STEP_KEYS].span_of("quote"),
            format!(
                "a step may have at most {MAX_STEP_KEYS} keys; this one has {}, and the rest were not read",
                tables.len()
            ),
            Some("split the passages over several steps".into()),
        );
        tables.truncate(MAX_STEP_KEYS);
    }
    let (keys_left, suggestions) = BUDGET.with(std::cell::Cell::get);
    if tables.len() > keys_left {
        if let Some(first) = tables.get(keys_left) {
            ctx.error(
                first.span_of("quote"),
                format!("a lesson file may have at most {MAX_LESSON_KEYS} keys; the rest were not read"),
                Some("split the lesson into several files".into()),
            );
        }
        tables.truncate(keys_left);
    }
    BUDGET.with(|b| b.set((keys_left - tables.len(), suggestions)));
    tables
}

/// One `[[key]]` with the id `id`, placed in its article, and the `pair` it names; `None` when
/// it cannot be placed (the reason is reported).
fn read_key(
    ctx: &Ctx<'_>,
    k: &Obj<'_, '_>,
    id: String,
    task: Task,
    articles: &StepArticles,
    labels: &[String],
) -> Option<(KeySpan, Option<Spanned<String>>)> {
    let quote = k.req_str("quote", "\"the exact words from the article\"");
    let explanation = k.req_str("explanation", "\"Why this passage matters, with the evidence\"");
    if explanation.as_ref().is_some_and(|e| e.value.trim().is_empty()) {
        ctx.error(
            k.span_of("explanation"),
            "the explanation is empty",
            Some("say why this passage matters: students read it after checking".into()),
        );
    }
    let extent = read_extent(ctx, k);
    let label = k.opt_str("label");
    check_key_label(ctx, k, label.as_ref(), task, labels);
    let pair = k.opt_str("pair");
    if let (Some(p), false) = (&pair, task == Task::Conflict) {
        ctx.error(
            p.span.clone(),
            "`pair` is only for conflict steps",
            Some("remove it".into()),
        );
    }
    let article = key_article(ctx, k, articles);
    let points = k.opt_number("points", 1000.0).map_or(1.0, |p| p.value);
    if points == 0.0 {
        ctx.warn(
            k.span_of("points"),
            "a key worth 0 points does not count towards the score",
            None,
        );
    }
    let hints = read_hints(ctx, k);
    if let (Some(e), Some(q)) = (&explanation, &quote) {
        warn_explanation(ctx, e.span.clone(), &e.value, &q.value);
    }
    let occurrence = k.opt_int("occurrence", 1, 100_000).map(|n| n.value as usize);
    // Without a quote or a known article (already reported), there is nothing to anchor.
    let (Some(quote), Some((article_id, Some(article)))) = (quote, article) else {
        return None;
    };
    let anchor = Anchor {
        quote: quote.value.clone(),
        prefix: k.opt_str("prefix").map(|p| p.value),
        suffix: k.opt_str("suffix").map(|p| p.value),
        occurrence,
    };
    let (core, allowed) = place_key(ctx, &quote, article, &anchor, extent)?;
    let key = KeySpan {
        id,
        article: article_id.clone(),
        anchor,
        extent,
        core,
        allowed,
        label: label.map(|l| l.value),
        explanation: explanation.map(|e| e.value).unwrap_or_default(),
        hints,
        points,
        pair: None,
        line: src_line(ctx, quote.span.start),
    };
    Some((key, pair))
}

/// The `hints` of a step or key, each warned about when it is placeholder text.
pub(crate) fn read_hints(ctx: &Ctx<'_>, o: &Obj<'_, '_>) -> Vec<String> {
    let hints = o.opt_str_list("hints").unwrap_or_default();
    for h in &hints {
        warn_placeholder(ctx, h.span.clone(), &h.value, Field::Hint);
    }
    hints.into_iter().map(|h| h.value).collect()
}

/// The key's `extent` (sentence when not given or unknown).
fn read_extent(ctx: &Ctx<'_>, k: &Obj<'_, '_>) -> Extent {
    let Some(e) = k.opt_str("extent") else {
        return Extent::Sentence;
    };
    if let Some(extent) = Extent::parse(&e.value) {
        return extent;
    }
    let other = e.value.as_str();
    let help = nearest(other, Extent::ALL.map(Extent::name))
        .map_or("use \"exact\", \"sentence\" or \"paragraph\"".to_string(), |n| {
            format!("did you mean \"{n}\"? Use \"exact\", \"sentence\" or \"paragraph\"")
        });
    ctx.error(e.span, format!("`{other}` is not an extent"), Some(help));
    Extent::Sentence
}

/// Checks the key's `label` against its task and the step's labels. A bias or machine step
/// that offers no labels (`labels = []`) is unlabelled: students highlight without naming a
/// kind, and its keys have no label.
fn check_key_label(ctx: &Ctx<'_>, k: &Obj<'_, '_>, label: Option<&Spanned<String>>, task: Task, labels: &[String]) {
    match (label, task) {
        (Some(l), Task::Conflict) => ctx.error(
            l.span.clone(),
            "keys of a conflict step have no label",
            Some("remove `label`; use `pair` to link the two sides".into()),
        ),
        (Some(l), _) if labels.is_empty() => ctx.error(
            l.span.clone(),
            "this step offers no labels (`labels = []`), so its keys have none",
            Some(format!(
                "remove `label`, or list the labels students choose from in the step, e.g. labels = [\"{}\"]",
                l.value
            )),
        ),
        (Some(l), _) if !labels.contains(&l.value) => unknown_label(ctx, l, labels.iter().map(String::as_str)),
        (None, Task::Bias | Task::Machine) if !labels.is_empty() => ctx.error(
            k.span.clone(),
            format!("every key of a {} step needs a label", task.name()),
            Some(format!(
                "add label = \"{}\" (or another of: {}); or write labels = [] in the step to have students highlight without naming a kind",
                labels[0],
                labels.join(", ")
            )),
        ),
        _ => {}
    }
}

/// Which of the step's articles the key is in: its `article`, or the step's only one.
fn key_article<'a>(
    ctx: &Ctx<'_>,
    k: &Obj<'_, '_>,
    articles: &'a StepArticles,
) -> Option<&'a (String, Option<Arc<Article>>)> {
    let Some(a) = k.opt_str("article") else {
        if articles.len() == 2 {
            ctx.error(
                k.span.clone(),
                "this step shows two articles; say which one this key is in",
                Some(format!(
                    "add article = \"{}\" or article = \"{}\"",
                    articles[0].0, articles[1].0
                )),
            );
            return None;
        }
        return articles.first().filter(|_| articles.len() == 1);
    };
    let found = articles.iter().find(|(id, art)| {
        *id == a.value
            || art
                .as_ref()
                .is_some_and(|x| x.meta.id == a.value || corpus_stem_matches(x, &a.value))
    });
    if found.is_none() {
        let list: Vec<&str> = articles.iter().map(|x| x.0.as_str()).collect();
        ctx.error(
            a.span,
            format!("`{}` is not one of this step's articles", a.value),
            Some(format!(
                "this step shows: {}; add the article to the step's `articles` first",
                list.join(", ")
            )),
        );
    }
    found
}

/// The key's core (where `anchor` is in `article`) and its allowed extent; `None` when the
/// quote cannot be placed (reported, spending one suggestion when it is nowhere).
fn place_key(
    ctx: &Ctx<'_>,
    quote: &Spanned<String>,
    article: &Article,
    anchor: &Anchor,
    extent: Extent,
) -> Option<(Span, Span)> {
    let (keys_left, suggestions) = BUDGET.with(std::cell::Cell::get);
    let core = match crate::corpus::anchor::resolve_with(article, anchor, suggestions > 0) {
        Ok(span) => span,
        Err(e) => {
            if matches!(e, AnchorError::NotFound { .. }) {
                BUDGET.with(|b| b.set((keys_left, suggestions.saturating_sub(1))));
            }
            report_anchor_error(ctx, quote, article, anchor, e);
            return None;
        }
    };
    let allowed = match extent {
        Extent::Exact => core,
        Extent::Sentence => article.segments.sentence_extent(core),
        Extent::Paragraph => article.segments.paragraph_extent(core),
    };
    Some((core, allowed))
}

fn corpus_stem_matches(a: &Article, name: &str) -> bool {
    a.source
        .rsplit(['/', '\\'])
        .next()
        .is_some_and(|f| f.strip_suffix(".txt") == Some(name))
}

/// Links conflict pairs: `pair_names[i]` is the `pair` written on `keys[i]`.
fn link_pairs(
    ctx: &Ctx<'_>,
    keys: &mut [KeySpan],
    pair_names: &[Option<Spanned<String>>],
    ids: &HashMap<String, usize>,
    declared: &[String],
) {
    for (ki, p) in pair_names.iter().enumerate() {
        let Some(p) = p else { continue };
        let Some(&j) = ids.get(&p.value) else {
            if !declared.contains(&p.value) {
                let known: Vec<&str> = keys.iter().map(|k| k.id.as_str()).collect();
                ctx.error(
                    p.span.clone(),
                    format!("there is no key `{}` in this step to pair with", p.value),
                    Some(format!(
                        "give the other side id = \"{}\"; keys here: {}",
                        p.value,
                        known.join(", ")
                    )),
                );
            }
            continue;
        };
        if j == ki {
            ctx.error(p.span.clone(), "a key cannot be paired with itself", None);
            continue;
        }
        for (a, b) in [(ki, j), (j, ki)] {
            match keys[a].pair {
                None => keys[a].pair = Some(b),
                Some(x) if x == b => {}
                Some(x) => ctx.error(
                    p.span.clone(),
                    format!("key `{}` is already paired with `{}`", keys[a].id, keys[x].id),
                    Some("a conflict has exactly two sides; add another key for another conflict".into()),
                ),
            }
        }
    }
}

fn warn_overlaps(ctx: &Ctx<'_>, keys: &[KeySpan]) {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| (keys[i].article.clone(), keys[i].core.start));
    for w in order.windows(2) {
        let (a, b) = (&keys[w[0]], &keys[w[1]]);
        if a.article == b.article && a.core.intersects(&b.core) && a.label == b.label {
            ctx.error(
                line_span(ctx, b.line),
                format!("keys `{}` and `{}` overlap and have the same label", a.id, b.id),
                Some(format!(
                    "merge them into one key, or give them different labels (the other is on line {})",
                    a.line
                )),
            );
        }
    }
}

fn warn_big_extents(ctx: &Ctx<'_>, keys: &[KeySpan], articles: &StepArticles) {
    for (id, art) in articles {
        let Some(art) = art else { continue };
        let mut spans: Vec<Span> = keys.iter().filter(|k| &k.article == id).map(|k| k.allowed).collect();
        spans.sort();
        let mut covered = 0;
        let mut end = 0;
        for s in spans {
            let s0 = s.start.max(end);
            if s.end > s0 {
                covered += s.end - s0;
            }
            end = end.max(s.end);
        }
        if !art.is_empty()
            && covered * 2 > art.len()
            && let Some(k) = keys.iter().find(|k| &k.article == id)
        {
            ctx.warn(
                line_span(ctx, k.line),
                format!("the keys' allowed extents cover more than half of `{id}`"),
                Some("with so much of the text in the key, highlighting everything can look like a good answer; use extent = \"exact\" for long passages".into()),
            );
        }
    }
}
