//! Every bundled lesson, played through the core: the answer key scores 1 on every step, and
//! highlighting everything scores low on every highlight step. The teachers' fictional example
//! validates too.

use std::path::Path;
use std::sync::Arc;

use lateral::grading::session::{AddOutcome, Session};
use lateral::lesson::StepBody;
use lateral::lesson::bundled;
use lateral::text::Span;

fn sessions() -> Vec<(Session, lateral::corpus::Corpus)> {
    let corpus = bundled::corpus();
    bundled::lessons(&corpus)
        .into_iter()
        .map(|lf| {
            assert!(lf.is_playable(), "{}: {:#?}", lf.path, lf.diagnostics);
            assert!(lf.diagnostics.is_empty(), "{}: {:#?}", lf.path, lf.diagnostics);
            let lesson = Arc::new(lf.lesson.expect("parsed"));
            (Session::new(lesson, &corpus, "Test"), corpus.clone())
        })
        .collect()
}

#[test]
fn there_are_the_first_look_and_four_lessons() {
    let ids: Vec<String> = sessions().iter().map(|(s, _)| s.lesson.id.clone()).collect();
    assert_eq!(ids, ["first-look", "conflict", "bias", "machine", "lateral-reading"]);
    let corpus = bundled::corpus();
    let lessons = bundled::lessons(&corpus);
    // Each of the four has the kinds of step the issue asks for.
    let kinds = |id: &str| -> Vec<&'static str> {
        let l = lessons
            .iter()
            .find_map(|l| l.lesson.as_ref().filter(|l| l.id == id))
            .expect("lesson");
        l.steps.iter().map(|s| s.kind_name()).collect()
    };
    assert!(kinds("conflict").contains(&"conflict"));
    assert!(kinds("bias").contains(&"bias"));
    assert!(kinds("machine").contains(&"machine"));
    assert!(kinds("lateral-reading").contains(&"choice") && kinds("lateral-reading").contains(&"reflect"));
    for l in lessons.iter().filter_map(|l| l.lesson.as_ref()) {
        assert!(l.minutes.is_some(), "{} has no suggested time", l.id);
        assert!(!l.intro.is_empty(), "{} has no introduction", l.id);
        for s in &l.steps {
            assert!(
                !s.prose.is_empty() || matches!(s.body, StepBody::Read),
                "{}/{} has no instructions",
                l.id,
                s.id
            );
            if let StepBody::Highlight { keys, .. } = &s.body {
                assert!(!s.hints.is_empty(), "{}/{} has no hints", l.id, s.id);
                for k in keys {
                    assert!(
                        k.explanation.len() > 40,
                        "{}/{}/{}: explanation too thin",
                        l.id,
                        s.id,
                        k.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_answer_key_scores_one_on_every_step() {
    for (mut s, corpus) in sessions() {
        for i in 0..s.lesson.steps.len() {
            s.go_to(i);
            let step = s.step().clone();
            match &step.body {
                StepBody::Highlight { keys, .. } => {
                    for k in keys {
                        let a = step.articles.iter().position(|x| *x == k.article).expect("article");
                        let out = s.add_highlight(a, k.core, k.label.clone());
                        assert!(
                            matches!(out, AddOutcome::Added(_) | AddOutcome::Merged(_)),
                            "{}/{}: {out:?}",
                            s.lesson.id,
                            step.id
                        );
                    }
                }
                StepBody::Choice { options, .. } => {
                    for (o, opt) in options.iter().enumerate() {
                        if opt.correct {
                            s.toggle_choice(o);
                        }
                    }
                }
                StepBody::Reflect { .. } => s.set_reflection("An answer."),
                StepBody::Read | StepBody::Investigate { .. } => {}
            }
            if step.is_scored() {
                let r = s.check().expect("check").clone();
                assert_eq!(r.score, 1.0, "{}/{} scored {}", s.lesson.id, step.id, r.score);
            }
        }
        assert_eq!(s.lesson_score(&corpus), 1.0, "{}", s.lesson.id);
    }
}

#[test]
fn highlighting_everything_scores_low_on_every_highlight_step() {
    for (mut s, _) in sessions() {
        for i in 0..s.lesson.steps.len() {
            s.go_to(i);
            if !matches!(s.step().body, StepBody::Highlight { .. }) {
                continue;
            }
            let label = match &s.step().body {
                StepBody::Highlight { labels, .. } => labels.first().cloned(),
                _ => None,
            };
            for a in 0..s.articles().len() {
                let len = s.articles()[a].len();
                s.add_highlight(a, Span::new(0, len), label.clone());
            }
            let r = s.check().expect("check").clone();
            assert!(
                r.score <= 0.1,
                "{}/{}: highlighting everything scored {}",
                s.lesson.id,
                s.step().id,
                r.score
            );
            // Every sentence, one by one, does no better.
            s.retry(false);
            for a in 0..s.articles().len() {
                let sentences = s.articles()[a].segments.sentences.clone();
                for sp in sentences {
                    s.add_highlight(a, sp, label.clone());
                }
            }
            let r = s.check().expect("check").clone();
            assert!(
                r.score <= 0.1,
                "{}/{}: every sentence scored {}",
                s.lesson.id,
                s.step().id,
                r.score
            );
        }
    }
}

#[test]
fn the_teachers_fictional_example_validates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example");
    let lib = lateral::lesson::library::load(&[root.join("lessons"), root.join("corpus")], &[]).expect("loads");
    assert!(lib.diagnostics.is_empty(), "{:#?}", lib.diagnostics);
    assert_eq!(lib.lessons.len(), 1);
    let lf = &lib.lessons[0];
    assert!(lf.is_playable() && lf.diagnostics.is_empty(), "{:#?}", lf.diagnostics);
    let art = lib.corpus.get("riverside-flood").expect("the example article");
    assert!(art.meta.fictional, "the example article must be marked fictional");
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/teacher-guide.md")).expect("guide");
    assert!(guide.contains("docs/example/lessons/flood-vote.md"));
    assert!(guide.to_lowercase().contains("fictional"));
}
