//! Opening a checked pack as lessons (marked `exam`, with no keys) and their articles.

use crate::corpus::{Article, ArticleMeta, Corpus, SourceCard};
use crate::lesson::{ChoiceOption, Label, Lesson, Settings, Step, StepBody, StepKind};
use crate::text::diag::SourceFile;

use super::{PackLesson, PackStep, read_pack};

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
            cards: a
                .cards
                .iter()
                .map(|c| SourceCard {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    text: c.text.clone(),
                    source: c.source.clone(),
                    line: 0,
                })
                .collect(),
            ..Default::default()
        };
        corpus
            .add(Article::new(meta, format!("{name}:{}", a.id), &a.text))
            .map_err(|d| d.message)?;
    }
    let lessons = pack.lessons.into_iter().map(|l| exam_lesson(l, name)).collect();
    Ok((lessons, corpus))
}

/// A packed lesson as a lesson the player can run: an exam, no keys, no hints, no retry.
fn exam_lesson(l: PackLesson, name: &str) -> Lesson {
    let labels: Vec<Label> = l
        .palette
        .iter()
        .map(|p| Label {
            id: p.id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            task: None,
            builtin: crate::lesson::is_builtin(&p.id, &p.name),
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
        steps: l.steps.into_iter().map(exam_step).collect(),
        file: name.to_string(),
        sha256: l.sha256,
        exam: true,
    }
}

/// A packed step with an empty key (and no correct options).
fn exam_step(s: PackStep) -> Step {
    // A highlight step with no known task is read as a bias step, any other unknown kind as read.
    let kind = s.step_kind().unwrap_or(StepKind::Read);
    let body = match kind {
        StepKind::Highlight(task) => StepBody::Highlight {
            task,
            labels: s.labels,
            keys: Vec::new(),
        },
        StepKind::Choice => StepBody::Choice {
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
        StepKind::Reflect => StepBody::Reflect { min_words: s.min_words },
        StepKind::Read => StepBody::Read,
        StepKind::Investigate => StepBody::Investigate { cards: s.cards },
    };
    let points = if kind.is_scored() { 1.0 } else { 0.0 };
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
            article_errors: Vec::new(),
            preview: None,
        })
        .collect();
    Ok(crate::lesson::library::Library {
        corpus,
        lessons,
        diagnostics: Vec::new(),
        articles_from_disk: 0,
        checking: false,
    })
}
