//! Checking a results file against the lesson and its articles before it is graded.

use crate::corpus::anchor::{Anchor, resolve};
use crate::corpus::{Article, Corpus};
use crate::grading::session::{MAX_LOOKUP_SECONDS, MAX_LOOKUPS};
use crate::lesson::{Lesson, Step, StepBody};
use crate::records::results::{
    MAX_COUNT, MAX_STEP_SECONDS, NAME_CHARS, Results, SavedHighlight, Selector, StepWork, at_path, valid_timestamp,
};
use crate::text::Span;
use crate::text::diag::{Collector, Diagnostic, Severity, SourceFile, short};

/// Checks every highlight against the lesson and its articles: unknown steps, articles not in
/// the step, offsets past the article's end (and reports the highlights that could not be read
/// at all, [`Results::unreadable`]). Bad highlights are reported and dropped; a
/// highlight whose position no longer matches its quote is re-anchored by the quote. Counters
/// past [`MAX_COUNT`] (or [`MAX_STEP_SECONDS`]) are taken as that much, and timestamps that are
/// not real dates and times are dropped, each with a warning. At most
/// [`crate::text::diag::MAX_PER_FILE`] problems are listed; the rest are counted.
pub fn validate(src: &SourceFile, r: &mut Results, lesson: &Lesson, corpus: &Corpus) -> Vec<Diagnostic> {
    let mut diags = Collector::new(&src.name);
    if r.lesson.id != lesson.id {
        diags.push(
            at_path(
                src,
                &["lesson", "id"],
                Severity::Error,
                format!(
                    "these results are for lesson `{}`, not `{}`",
                    short(&r.lesson.id, NAME_CHARS),
                    lesson.id
                ),
            )
            .with_suggestion("grade them with the lesson they were made with"),
        );
        return diags.finish();
    }
    if r.lesson.sha256 != lesson.sha256 {
        diags.push(
            at_path(
                src,
                &["lesson", "sha256"],
                Severity::Warning,
                "these results were made with another version of the lesson file",
            )
            .with_suggestion("scores are recomputed with the current lesson; keys that changed may score differently"),
        );
    }
    check_timestamp(src, &mut diags, &mut r.started, &["started"]);
    check_timestamp(src, &mut diags, &mut r.updated, &["updated"]);
    report_unreadable(src, &mut diags, r);
    let unreadable = &r.unreadable;
    for (si, work) in r.steps.iter_mut().enumerate() {
        // Where each highlight kept stands in the file, around those that could not be read.
        let gone: Vec<usize> = unreadable
            .iter()
            .filter(|u| u.step == si)
            .map(|u| u.highlight)
            .collect();
        let in_file: Vec<usize> = (0..work.highlights.len() + gone.len())
            .filter(|i| !gone.contains(i))
            .collect();
        validate_step(src, &mut diags, work, (&si.to_string(), &in_file), lesson, corpus);
    }
    diags.finish()
}

/// Reports each highlight of the file that could not be read as one (left out when parsing).
fn report_unreadable(src: &SourceFile, diags: &mut Collector, r: &Results) {
    for u in &r.unreadable {
        let step = r.steps.get(u.step).map_or("", |w| w.step.as_str());
        let (si, hi) = (u.step.to_string(), u.highlight.to_string());
        diags.push_with(Severity::Error, |sev| {
            at_path(
                src,
                &["steps", si.as_str(), "highlights", hi.as_str()],
                sev,
                format!(
                    "highlight {} of step `{}` cannot be read ({}); it is left out",
                    u.highlight + 1,
                    short(step, NAME_CHARS),
                    u.why
                ),
            )
            .with_suggestion(
                "positions are whole numbers of characters from 0, `start` before `end`; the rest of the file is graded",
            )
        });
    }
}

/// Checks the work on one step (entry `si` of `steps`): its counters and times, that the lesson
/// has the step, its highlights and its choices.
fn validate_step(
    src: &SourceFile,
    diags: &mut Collector,
    work: &mut StepWork,
    (si_s, in_file): (&str, &[usize]),
    lesson: &Lesson,
    corpus: &Corpus,
) {
    check_counters(src, diags, work, si_s);
    check_timestamp(src, diags, &mut work.started, &["steps", si_s, "started"]);
    check_timestamp(src, diags, &mut work.finished, &["steps", si_s, "finished"]);
    let Some(step) = lesson.steps.iter().find(|s| s.id == work.step) else {
        diags.push_with(Severity::Warning, |sev| {
            at_path(
                src,
                &["steps", si_s, "step"],
                sev,
                format!(
                    "the lesson has no step `{}`; its work is ignored",
                    short(&work.step, NAME_CHARS)
                ),
            )
        });
        return;
    };
    check_lookups(src, diags, work, step, si_s);
    work.highlights = std::mem::take(&mut work.highlights)
        .into_iter()
        .enumerate()
        .filter_map(|(k, h)| {
            let hi = in_file.get(k).copied().unwrap_or(k);
            check_highlight(src, diags, step, corpus, si_s, hi, h)
        })
        .collect();
    if let StepBody::Choice { options, multiple } = &step.body {
        check_choices(src, diags, work, step, si_s, options.len(), *multiple);
    }
}

/// Checks the options picked on entry `si` of `steps` of a choice step with `n` options: each
/// index past the last option, and each repeat of an option already picked, is reported (at
/// its place in `choices`) and dropped, so every option counts once. The app never writes
/// either: such a file was edited by hand or by another program.
fn check_choices(
    src: &SourceFile,
    diags: &mut Collector,
    work: &mut StepWork,
    step: &Step,
    si: &str,
    n: usize,
    multiple: bool,
) {
    let mut kept: Vec<usize> = Vec::new();
    for (ci, &c) in work.choices.iter().enumerate() {
        let ci_s = ci.to_string();
        let path = ["steps", si, "choices", ci_s.as_str()];
        if c >= n {
            diags.push_with(Severity::Error, |sev| {
                at_path(
                    src,
                    &path,
                    sev,
                    format!(
                        "choice {c} does not exist; step `{}` has {n} options (0 to {}); it is ignored",
                        step.id,
                        n.saturating_sub(1)
                    ),
                )
                .with_suggestion(HAND_EDITED)
            });
        } else if kept.contains(&c) {
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &path,
                    sev,
                    format!("option {c} of step `{}` is picked twice; it counts once", step.id),
                )
                .with_suggestion(HAND_EDITED)
            });
        } else {
            kept.push(c);
        }
    }
    if !multiple && kept.len() > 1 {
        diags.push_with(Severity::Warning, |sev| {
            at_path(
                src,
                &["steps", si, "choices"],
                sev,
                format!(
                    "step `{}` takes one answer, and {} options are picked; it scores 0",
                    step.id,
                    kept.len()
                ),
            )
            .with_suggestion(HAND_EDITED)
        });
    }
    work.choices = kept;
}

/// What a problem the app never writes says about the file.
const HAND_EDITED: &str =
    "results files are written by the Lateral app; this one was changed by hand or by another program";

/// Checks highlight `hi` of entry `si_s` of `steps`: the highlight to keep (re-anchored by its
/// quote if its position no longer matches), or `None` after reporting why it is dropped.
fn check_highlight(
    src: &SourceFile,
    diags: &mut Collector,
    step: &Step,
    corpus: &Corpus,
    si_s: &str,
    hi: usize,
    mut h: SavedHighlight,
) -> Option<SavedHighlight> {
    let hi_s = hi.to_string();
    let path = ["steps", si_s, "highlights", hi_s.as_str()];
    let art_id = h.article().to_string();
    let Some(article) = step.articles.iter().find(|a| **a == art_id).and_then(|a| corpus.get(a)) else {
        diags.push_with(Severity::Error, |sev| {
            at_path(
                src,
                &[&path[..], &["target", "source"]].concat(),
                sev,
                format!(
                    "highlight {} is in `{}`, which step `{}` does not show; it is ignored",
                    hi + 1,
                    short(&art_id, NAME_CHARS),
                    step.id
                ),
            )
        });
        return None;
    };
    match place_highlight(article, &h) {
        Ok((span, moved)) => {
            if moved {
                diags.push_with(Severity::Warning, |sev| {
                    at_path(
                        src,
                        &path,
                        sev,
                        format!(
                            "highlight {} of step `{}` no longer matched its position; it was found again by its quote",
                            hi + 1,
                            step.id
                        ),
                    )
                });
            }
            let mut created = h.created.take();
            check_timestamp(src, diags, &mut created, &[&path[..], &["created"]].concat());
            h.created = created;
            h.target.selector = SavedHighlight::new(article, span, None).target.selector;
            Some(h)
        }
        Err(msg) => {
            diags.push_with(Severity::Error, |sev| {
                at_path(
                    src,
                    &offset_path(&path, &h),
                    sev,
                    format!("highlight {} of step `{}`: {msg}; it is ignored", hi + 1, step.id),
                )
                .with_suggestion(format!(
                    "`{}` has {} characters; positions count characters from 0",
                    article.id(),
                    article.len()
                ))
            });
            None
        }
    }
}

/// Checks the source cards a student opened on entry `si` of `steps`: only cards the step
/// offers are kept, at most [`MAX_LOOKUPS`] of them, each open at most [`MAX_LOOKUP_SECONDS`]
/// and opened at a real time; the rest is reported.
fn check_lookups(src: &SourceFile, diags: &mut Collector, work: &mut StepWork, step: &Step, si: &str) {
    let offered: &[crate::lesson::CardRef] = match &step.body {
        StepBody::Investigate { cards } => cards,
        _ => &[],
    };
    if work.lookups.len() > MAX_LOOKUPS {
        let n = work.lookups.len();
        diags.push_with(Severity::Warning, |sev| {
            at_path(
                src,
                &["steps", si, "lookups"],
                sev,
                format!("{n} cards opened; only the first {MAX_LOOKUPS} are counted"),
            )
        });
        work.lookups.truncate(MAX_LOOKUPS);
    }
    let mut kept = Vec::new();
    for (li, mut l) in std::mem::take(&mut work.lookups).into_iter().enumerate() {
        let li_s = li.to_string();
        let path = ["steps", si, "lookups", li_s.as_str()];
        if !offered.iter().any(|c| c.article == l.article && c.card == l.card) {
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &path,
                    sev,
                    format!(
                        "step `{}` offers no card `{}` of `{}`; this lookup is ignored",
                        step.id,
                        short(&l.card, NAME_CHARS),
                        short(&l.article, NAME_CHARS)
                    ),
                )
            });
            continue;
        }
        if l.seconds > MAX_LOOKUP_SECONDS {
            let n = l.seconds;
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &[&path[..], &["seconds"]].concat(),
                    sev,
                    format!("a card open for {n} seconds is counted as {MAX_LOOKUP_SECONDS}"),
                )
            });
            l.seconds = MAX_LOOKUP_SECONDS;
        }
        let mut opened = Some(std::mem::take(&mut l.opened));
        check_timestamp(src, diags, &mut opened, &[&path[..], &["opened"]].concat());
        l.opened = opened.unwrap_or_default();
        kept.push(l);
    }
    work.lookups = kept;
}

/// Takes counters past [`MAX_COUNT`] and [`MAX_STEP_SECONDS`] as that much, with a warning.
fn check_counters(src: &SourceFile, diags: &mut Collector, work: &mut StepWork, si: &str) {
    for (key, value, what) in [
        ("attempts", &mut work.attempts, "checks"),
        ("hints_used", &mut work.hints_used, "hints"),
    ] {
        if *value > MAX_COUNT {
            let n = *value;
            diags.push_with(Severity::Warning, |sev| {
                at_path(
                    src,
                    &["steps", si, key],
                    sev,
                    format!("`{key}` is {n}, more {what} than a step can count; it is counted as {MAX_COUNT}"),
                )
                .with_suggestion("results files are written by the Lateral app; this number was changed by hand or by another program")
            });
            *value = MAX_COUNT;
        }
    }
    if let Some(secs) = work.seconds.filter(|&s| s > MAX_STEP_SECONDS) {
        diags.push_with(Severity::Warning, |sev| {
            at_path(
                src,
                &["steps", si, "seconds"],
                sev,
                format!("`seconds` is {secs}, more than 30 days on one step; it is counted as {MAX_STEP_SECONDS}"),
            )
        });
        work.seconds = Some(MAX_STEP_SECONDS);
    }
}

/// Drops a timestamp that is not a real RFC 3339 date and time, with a warning.
fn check_timestamp<S: AsRef<str>>(src: &SourceFile, diags: &mut Collector, value: &mut Option<String>, path: &[S]) {
    let Some(v) = value.as_deref() else { return };
    if valid_timestamp(v) {
        return;
    }
    let key = path.last().map_or("", AsRef::as_ref).to_string();
    diags.push_with(Severity::Warning, |sev| {
        at_path(
            src,
            path,
            sev,
            format!(
                "`{key}` is not a date and time: \"{}\"; it is ignored",
                short(v, NAME_CHARS)
            ),
        )
        .with_suggestion(
            "write it in RFC 3339, e.g. \"2026-11-20T09:00:00Z\" (a real date, hours 00–23, minutes 00–59)",
        )
    });
    *value = None;
}

/// The JSON path of a highlight's `end` offset (or of its target, without a position selector).
fn offset_path(path: &[&str], h: &SavedHighlight) -> Vec<String> {
    let mut out: Vec<String> = path.iter().map(|s| s.to_string()).collect();
    out.push("target".into());
    if let Some(i) = h
        .target
        .selector
        .iter()
        .position(|s| matches!(s, Selector::TextPositionSelector { .. }))
    {
        out.extend(["selector".to_string(), i.to_string(), "end".to_string()]);
    }
    out
}

/// Where a saved highlight falls in `article`: its position if it matches its quote (or has no
/// quote), else the quote found again (returns `moved = true`).
fn place_highlight(article: &Article, h: &SavedHighlight) -> Result<(Span, bool), String> {
    let pos = h.position();
    let quote = h.quote();
    if let Some((s, e)) = pos {
        if s >= e {
            return Err(format!("its start ({s}) is not before its end ({e})"));
        }
        if e <= article.len() {
            let span = Span::new(s, e);
            match quote {
                Some((exact, _, _)) if article.slice(span) != exact => {}
                _ => return Ok((span, false)),
            }
        } else if quote.is_none() {
            return Err(format!(
                "it ends at {e}, past the end of the article ({} characters)",
                article.len()
            ));
        }
    }
    let Some((exact, prefix, suffix)) = quote else {
        return Err("it has no TextPositionSelector or TextQuoteSelector".into());
    };
    let anchor = Anchor {
        quote: exact.into(),
        prefix: prefix.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
        suffix: suffix.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        occurrence: None,
    };
    match resolve(article, &anchor) {
        Ok(span) => Ok((keep_edge_whitespace(article, span, exact), pos.is_some())),
        Err(_) => match pos {
            Some((_, e)) if e > article.len() => Err(format!(
                "it ends at {e}, past the end of the article ({} characters), and its quote is not in the article",
                article.len()
            )),
            _ => Err("its quote is not in the article at its position or anywhere else".into()),
        },
    }
}

/// `span`, where the quote `exact` was found (anchoring trims a quote), widened over the
/// whitespace `exact` begins and ends with, as far as the article has whitespace there: a
/// `TextQuoteSelector`'s `exact` is the highlighted text exactly, spaces included, so its
/// offsets are those of the whole of it.
fn keep_edge_whitespace(article: &Article, span: Span, exact: &str) -> Span {
    let lead = exact.chars().take_while(|c| c.is_whitespace()).count();
    let trail = exact.chars().rev().take_while(|c| c.is_whitespace()).count();
    let space_at = |i: usize| article.slice(Span::new(i, i + 1)).chars().all(char::is_whitespace);
    let (mut start, mut end) = (span.start, span.end);
    for _ in 0..lead {
        if start == 0 || !space_at(start - 1) {
            break;
        }
        start -= 1;
    }
    for _ in 0..trail {
        if end >= article.len() || !space_at(end) {
            break;
        }
        end += 1;
    }
    Span::new(start, end)
}
