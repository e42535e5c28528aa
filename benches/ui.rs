//! Frame times of the article pane, headless: a 50,000-word article with 1,000 highlights.
//!
//! `cargo bench --bench ui` (needs the default `gui` feature). See docs/benchmarks.md.

use std::sync::Arc;

use divan::Bencher;
use egui::{Context, RawInput, Rect, pos2, vec2};

use lateral::app::theme::{Theme, install_fonts};
use lateral::app::widgets::article_view::{ArticleInput, ArticleViewState, MarkView, article_ui};
use lateral::corpus::{Article, ArticleMeta};
use lateral::lesson::bundled;
use lateral::text::Span;

fn main() {
    divan::main();
}

/// About 50,000 words: the bundled articles repeated.
fn big_article() -> Arc<Article> {
    let mut text = String::new();
    let arts = bundled::corpus_articles();
    while text.split_whitespace().count() < 50_000 {
        for a in &arts {
            text.push_str(a.text.as_str());
            text.push_str("\n\n");
        }
    }
    Arc::new(Article::new(
        ArticleMeta {
            id: "big".into(),
            headline: "Big".into(),
            ..Default::default()
        },
        "big.txt",
        &text,
    ))
}

/// 1,000 highlights spread evenly over the article's words, with labels 0–2.
fn marks(a: &Article, n: usize) -> Vec<MarkView> {
    let step = a.words.len() / n;
    (0..n)
        .map(|i| {
            let w0 = a.words[i * step];
            let w1 = a.words[(i * step + 2).min(a.words.len() - 1)];
            MarkView {
                span: Span::new(w0.start, w1.end),
                label: Some(i % 3),
                tag: Some(((i % 3) + 1).to_string()),
                selected: false,
                fill: None,
            }
        })
        .collect()
}

struct Rig {
    ctx: Context,
    state: ArticleViewState,
    article: Arc<Article>,
    marks: Vec<MarkView>,
    theme: Theme,
    scroll: f32,
}

impl Rig {
    fn new() -> Self {
        let ctx = Context::default();
        install_fonts(&ctx);
        let article = big_article();
        let marks = marks(&article, 1_000);
        Self {
            ctx,
            state: ArticleViewState::default(),
            article,
            marks,
            theme: Theme::new(false, 18.0),
            scroll: 0.0,
        }
    }

    fn frame(&mut self) {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
            ..Default::default()
        };
        let (state, article, marks, theme) = (&mut self.state, &self.article, &self.marks, &self.theme);
        let out = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let input = ArticleInput {
                    article,
                    index: 0,
                    marks,
                    overlays: &[],
                    editable: true,
                    for_teacher: false,
                };
                article_ui(ui, state, &input, theme)
            });
        });
        // Include tessellation: it is part of every real frame.
        let _ = self.ctx.tessellate(out.shapes, out.pixels_per_point);
    }
}

#[divan::bench(sample_count = 5)]
fn first_frame(bencher: Bencher) {
    bencher.with_inputs(Rig::new).bench_local_values(|mut rig| {
        rig.frame();
        rig
    });
}

#[divan::bench(sample_count = 50)]
fn steady_frame(bencher: Bencher) {
    let mut rig = Rig::new();
    for _ in 0..3 {
        rig.frame();
    }
    assert_eq!(rig.state.layouts_made(), 1, "the article is laid out once");
    bencher.bench_local(|| rig.frame());
    assert_eq!(rig.state.layouts_made(), 1, "and never again while nothing changes");
}

#[divan::bench(sample_count = 50)]
fn frame_after_adding_a_highlight(bencher: Bencher) {
    let mut rig = Rig::new();
    for _ in 0..3 {
        rig.frame();
    }
    let mut i = 0usize;
    bencher.bench_local(|| {
        // A new highlight near the top each time (then removed, so the count stays 1,000).
        let w = rig.article.words[i % 200];
        rig.marks.push(MarkView {
            span: w,
            label: Some(0),
            tag: Some("1".into()),
            selected: true,
            fill: None,
        });
        rig.frame();
        rig.marks.pop();
        i += 1;
    });
}

#[divan::bench(sample_count = 20)]
fn frame_after_font_size_change(bencher: Bencher) {
    let mut rig = Rig::new();
    rig.frame();
    let mut big = false;
    bencher.bench_local(|| {
        big = !big;
        rig.theme = Theme::new(false, if big { 20.0 } else { 18.0 });
        rig.frame();
    });
    let _ = rig.scroll;
}
