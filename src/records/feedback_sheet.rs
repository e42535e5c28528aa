//! A printable feedback sheet per student (`lateral grade --report DIR`): one self-contained
//! HTML file, no scripts, no outside resources, that prints well from any browser. It shows each
//! scored step's articles with the student's highlights and the key passages marked, every key
//! with its verdict and explanation, the choices made, and the scores, recomputed. It is for the
//! teacher (parents' evenings, paper records): it states the keys.

use std::fmt::Write as _;

use crate::corpus::{Article, Corpus};
use crate::grading::feedback::verdict_words;
use crate::grading::score::Verdict;
use crate::lesson::{Lesson, Step, StepBody};
use crate::records::grade::Graded;
use crate::text::Span;

/// `s` with HTML's special characters escaped (`& < > " '`: text and attribute values alike),
/// by the `html-escape` crate.
fn esc(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

const STYLE: &str = "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5;color:#111}\
h1,h2,h3{font-family:sans-serif}mark{background:#ffe08a;color:#111}\
.key{outline:2px solid #1a5fb4;outline-offset:1px}.art{border-left:3px solid #888;padding-left:1em;white-space:pre-wrap}\
.found{color:#1b6e20}.partly{color:#8a5a00}.missed{color:#a51d2d}table{border-collapse:collapse}\
td,th{border:1px solid #999;padding:.2em .6em;text-align:left}@media print{h2{break-before:page}}";

/// The file name of a student's sheet: their folder's safe, unique slug and the lesson id.
pub fn sheet_file_name(student: &str, lesson: &Lesson) -> String {
    format!("{}-{}.html", crate::records::progress::slug(student), lesson.id)
}

/// The sheet of one graded student.
pub fn sheet(g: &Graded, lesson: &Lesson, corpus: &Corpus) -> String {
    let mut h = String::new();
    let student = esc(&g.results.student);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{student}: {}</title><style>{STYLE}</style></head><body>\n",
        esc(&lesson.title)
    );
    let _ = writeln!(
        h,
        "<h1>{student}</h1><p><strong>{}</strong>: lesson score {:.0}%, recomputed from the highlights and choices in the results file.</p>",
        esc(&lesson.title),
        g.outcome.score * 100.0
    );
    h.push_str("<table><tr><th>Step</th><th>Kind</th><th>Score</th></tr>\n");
    for o in &g.outcome.steps {
        let score = o.score.map_or("—".to_string(), |s| format!("{:.0}%", s * 100.0));
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{score}</td></tr>",
            esc(&o.title),
            esc(&o.kind)
        );
    }
    h.push_str("</table>\n");
    for (i, step) in lesson.steps.iter().enumerate() {
        if step.is_scored() {
            step_html(&mut h, g, i, step, corpus);
        }
    }
    h.push_str("</body></html>\n");
    h
}

/// One scored step: its articles marked, then its keys (or the options) with their verdicts.
fn step_html(h: &mut String, g: &Graded, i: usize, step: &Step, corpus: &Corpus) {
    let o = &g.outcome.steps[i];
    let _ = writeln!(
        h,
        "<h2>Step {}: {}</h2><p>Score: {}</p>",
        i + 1,
        esc(&step.title),
        o.score.map_or("—".into(), |s| format!("{:.0}%", s * 100.0))
    );
    let work = g.results.steps.iter().find(|w| w.step == step.id);
    match &step.body {
        StepBody::Highlight { keys, .. } => {
            for id in &step.articles {
                let Some(a) = corpus.get(id) else { continue };
                let marks: Vec<Span> = work
                    .into_iter()
                    .flat_map(|w| &w.highlights)
                    .filter(|hl| hl.article() == id)
                    .filter_map(|hl| hl.position().map(|(s, e)| Span::new(s, e)))
                    .collect();
                let key_spans: Vec<Span> = keys.iter().filter(|k| &k.article == id).map(|k| k.core).collect();
                let _ = write!(h, "<h3>{}</h3>", esc(&a.meta.outlet));
                article_html(h, a, &marks, &key_spans);
            }
            h.push_str("<p><mark>Yellow</mark>: the student's highlights. <span class=\"key\">Outlined</span>: the key passages.</p><ol>\n");
            for (k, key) in keys.iter().enumerate() {
                let verdict = o.detail.as_ref().and_then(|d| d.keys.get(k)).map(|r| r.verdict);
                let (class, words) = match verdict {
                    Some(Verdict::Found) => ("found", verdict_words(Verdict::Found)),
                    Some(Verdict::Partly) => ("partly", verdict_words(Verdict::Partly)),
                    Some(Verdict::Missed) => ("missed", verdict_words(Verdict::Missed)),
                    None => ("missed", "not scored".to_string()),
                };
                let _ = writeln!(
                    h,
                    "<li><span class=\"{class}\"><strong>{words}</strong></span>: “{}” — {}</li>",
                    esc(&key.anchor.quote),
                    esc(&key.explanation)
                );
            }
            h.push_str("</ol>\n");
        }
        StepBody::Choice { options, .. } => {
            let picked = work.map(|w| w.choices.clone()).unwrap_or_default();
            h.push_str("<ul>\n");
            for (n, op) in options.iter().enumerate() {
                let mark = if picked.contains(&n) { "☑ picked" } else { "☐" };
                let right = if op.correct { "right answer" } else { "wrong answer" };
                let why = op.explanation.as_deref().map(esc).unwrap_or_default();
                let _ = writeln!(h, "<li>{mark} — {} ({right}) {why}</li>", esc(&op.text));
            }
            h.push_str("</ul>\n");
        }
        _ => {}
    }
}

/// The article's text, with `marks` as `<mark>` and `keys` outlined (char spans may overlap).
/// Coverage is counted with one pass over the spans and one over the text, however many spans.
fn article_html(h: &mut String, a: &Article, marks: &[Span], keys: &[Span]) {
    let n = a.len();
    let cover = |spans: &[Span]| {
        let mut d = vec![0i64; n + 1];
        for s in spans {
            let (start, end) = (s.start.min(n), s.end.min(n));
            if start < end {
                d[start] += 1;
                d[end] -= 1;
            }
        }
        let mut run = 0;
        d.iter()
            .take(n)
            .map(|x| {
                run += x;
                run > 0
            })
            .collect::<Vec<bool>>()
    };
    let (in_mark, in_key) = (cover(marks), cover(keys));
    h.push_str("<div class=\"art\">");
    let mut state = (false, false);
    for (c, ch) in a.text.as_str().chars().enumerate() {
        let now = (
            in_mark.get(c).copied().unwrap_or(false),
            in_key.get(c).copied().unwrap_or(false),
        );
        if now != state {
            close(h, state);
            open(h, now);
            state = now;
        }
        let mut buf = [0u8; 4];
        h.push_str(&esc(ch.encode_utf8(&mut buf)));
    }
    close(h, state);
    h.push_str("</div>\n");
}

fn open(h: &mut String, (mark, key): (bool, bool)) {
    if key {
        h.push_str("<span class=\"key\">");
    }
    if mark {
        h.push_str("<mark>");
    }
}

fn close(h: &mut String, (mark, key): (bool, bool)) {
    if mark {
        h.push_str("</mark>");
    }
    if key {
        h.push_str("</span>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_files_cannot_become_markup() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt;"
        );
    }
}
