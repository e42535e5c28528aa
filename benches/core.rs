//! Benchmarks of the core library (no GUI): parsing and anchoring lessons, scoring highlights,
//! placing quotes in a long article, and reading hostile inputs.
//!
//! Run with `cargo bench --no-default-features --bench core`; only the 10 MB hostile inputs with
//! `cargo bench --no-default-features --bench core -- pathological`. See `docs/benchmarks.md`.

use std::sync::LazyLock;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use lateral::corpus::anchor::{self, Anchor};
use lateral::corpus::{Article, ArticleMeta, Corpus};
use lateral::grading::score::{Highlight, ScoreConfig, ScoreKey, score_step};
use lateral::lesson::library::parse_lesson_text;
use lateral::text::Span;

fn main() {
    divan::main();
}

/// The bundled corpus, built once.
static CORPUS: LazyLock<Corpus> = LazyLock::new(lateral::lesson::bundled::corpus);

/// A small deterministic pseudo-random generator (xorshift64*), so inputs are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Parsing lesson files and anchoring every key in the bundled corpus.
mod lessons {
    use super::*;

    /// How many lesson texts are parsed per iteration.
    const N_LESSONS: usize = 1_000;

    /// Escapes a string for a TOML basic string.
    fn toml_str(s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// Quotes that occur exactly once in the article: the first up to eight words of each of its
    /// sentences, keeping those with at least four words.
    fn unique_quotes(corpus: &Corpus, id: &str) -> Vec<String> {
        let article = corpus.get(id).expect("bundled article");
        let mut out: Vec<String> = article
            .segments
            .sentences
            .iter()
            .filter_map(|&s| {
                let words: Vec<&str> = article.slice(s).split_whitespace().take(8).collect();
                (words.len() >= 4).then(|| words.join(" "))
            })
            .filter(|q| !q.chars().any(char::is_control))
            .filter(|q| anchor::find_all(article, q).len() == 1)
            .collect();
        out.dedup();
        assert!(out.len() >= 3, "too few unique quotes in {id}");
        out
    }

    /// One lesson in the shape of `lessons/00-first-look.md`: a read step, a conflict step with a
    /// pair of keys in two articles, a labelled machine step with three keys, a choice step and a
    /// reflect step. Ids, titles and quotes vary with `i`.
    fn lesson_text(i: usize, ap: &[String], sai: &[String]) -> String {
        let q_ap = toml_str(&ap[i % ap.len()]);
        let q_sai = toml_str(&sai[i % sai.len()]);
        let m = |k: usize| toml_str(&sai[(i + 1 + k) % sai.len()]);
        let (m1, m2, m3) = (m(0), m(1), m(2));
        format!(
            r#"+++
id = "bench-lesson-{i}"
title = "Benchmark lesson {i}: one briefing, two reports"
summary = "Compare a news-agency report with a page that says a machine wrote it ({i})."
minutes = {minutes}
author = "Benchmark generator"

[settings]
retry = true
max_attempts = 0
show_solution = true
hints = true
wrong_label_credit = 0.5
+++

Lesson number {i}. On 15 November 2022 a missile fell on the Polish village of Przewodów.
In this lesson you read two reports and compare them, sentence by sentence.

+++ step
id = "read-{i}"
kind = "read"
title = "Read both reports ({i})"
articles = ["ap-ktvz", "saitarli"]
+++

Read both reports once, from top to bottom, before you mark anything.

- Who published each one?
- Which one tells you where its information comes from?

+++ step
id = "conflict-{i}"
kind = "highlight"
task = "conflict"
title = "Who said what? ({i})"
articles = ["ap-ktvz", "saitarli"]
hints = ["Compare the two reports sentence by sentence."]

[[key]]
id = "ap-side"
article = "ap-ktvz"
quote = {q_ap}
explanation = "One side of the conflict, in the AP report."
pair = "other-side"

[[key]]
id = "other-side"
article = "saitarli"
quote = {q_sai}
explanation = "The other side, in the machine-written page."
+++

Highlight the claim in the AP report, then the claim in the other report. Both count only together.

+++ step
id = "machine-{i}"
kind = "highlight"
task = "machine"
title = "Signs of a machine ({i})"
articles = ["saitarli"]
labels = ["disclosure", "source-mismatch", "template-residue"]

[[key]]
quote = {m1}
label = "disclosure"
extent = "exact"
explanation = "First tell."

[[key]]
quote = {m2}
label = "source-mismatch"
explanation = "Second tell."

[[key]]
quote = {m3}
label = "template-residue"
extent = "paragraph"
explanation = "Third tell."
+++

Highlight each tell you can find and pick its label.

+++ step
id = "choice-{i}"
kind = "choice"
title = "Which report to trust for what ({i})"

[[option]]
text = "The AP report."
correct = true
explanation = "Yes."

[[option]]
text = "The machine-written page."
correct = false
explanation = "No."
+++

Which one, and why?

+++ step
id = "reflect-{i}"
kind = "reflect"
title = "What would you check next? ({i})"
min_words = 20
+++

Name one claim you would still want to check, and where you would look.
"#,
            minutes = 5 + i % 30,
        )
    }

    /// The 1,000 lesson texts, checked once (outside any timing) to parse into playable lessons.
    static TEXTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        let corpus = &*CORPUS;
        let ap = unique_quotes(corpus, "ap-ktvz");
        let sai = unique_quotes(corpus, "saitarli");
        let texts: Vec<(String, String)> = (0..N_LESSONS)
            .map(|i| (format!("lessons/bench-{i:04}.md"), lesson_text(i, &ap, &sai)))
            .collect();
        for (name, text) in &texts {
            let lf = parse_lesson_text(name, text.clone(), corpus);
            let errors: Vec<String> = lf
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(ToString::to_string)
                .collect();
            assert!(lf.is_playable(), "{name} is not playable:\n{}", errors.join("\n"));
            let lesson = lf.lesson.as_ref().expect("lesson");
            assert_eq!(lesson.steps.len(), 5, "{name}");
        }
        texts
    });

    /// Parse and anchor 1,000 lesson files (five steps, five keys each) against the bundled
    /// corpus. One iteration = all 1,000 lessons.
    #[divan::bench(sample_count = 30)]
    fn parse_1000_lessons(bencher: Bencher) {
        let texts = &*TEXTS;
        let corpus = &*CORPUS;
        bencher
            .counter(ItemsCount::new(texts.len()))
            .with_inputs(|| texts.clone())
            .bench_local_values(|texts| {
                texts
                    .into_iter()
                    .map(|(name, text)| parse_lesson_text(&name, text, corpus))
                    .collect::<Vec<_>>()
            });
    }

    /// Parse the bundled lesson `lessons/00-first-look.md` once.
    #[divan::bench]
    fn parse_bundled_lesson(bencher: Bencher) {
        let corpus = &*CORPUS;
        let (name, text) = lateral::lesson::bundled::LESSONS[0];
        assert!(parse_lesson_text(name, text.to_string(), corpus).is_playable());
        bencher
            .with_inputs(|| text.to_string())
            .bench_local_values(|text| parse_lesson_text(name, text, corpus));
    }

    /// Load the five bundled articles into a corpus (metadata, folding, sentence splitting).
    #[divan::bench]
    fn load_bundled_corpus() -> Corpus {
        lateral::lesson::bundled::corpus()
    }
}

/// Scoring one step's highlights against its key spans.
mod scoring {
    use super::*;

    /// Chars of synthetic article per key: the article grows with the key count, so the density
    /// of keys and highlights is the same at every size.
    const SLOT: usize = 200;

    /// A step with `n` keys and `n` highlights over an article of `n * SLOT` chars.
    struct Step {
        lens: Vec<usize>,
        keys: Vec<ScoreKey>,
        highlights: Vec<Highlight>,
    }

    /// Keys: one per 200-char slot, a 20–40 char core with an allowed extent 30 chars wider on
    /// each side. Highlights: one per slot, shuffled, each at random on the core, across the
    /// core's end, in the allowed extent only, or in spare text (with `misses == false`, only the
    /// first two, so every highlight touches a key). With `labelled`, keys alternate "a"/"b" and
    /// each highlight has a one-in-five chance of the wrong label.
    fn step(n: usize, labelled: bool, misses: bool) -> Step {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
        let label = |b: bool| labelled.then(|| if b { "a" } else { "b" }.to_string());
        let mut keys = Vec::with_capacity(n);
        for j in 0..n {
            let s = j * SLOT + 40 + rng.below(40);
            let core = Span::new(s, s + 20 + rng.below(21));
            keys.push(ScoreKey {
                article: 0,
                core,
                allowed: Span::new(core.start - 30, core.end + 30),
                label: label(j % 2 == 0),
                points: 1.0,
                pair: None,
            });
        }
        let mut highlights = Vec::with_capacity(n);
        for (j, k) in keys.iter().enumerate() {
            let span = match rng.below(if misses { 4 } else { 2 }) {
                0 => k.core,
                1 => Span::new(k.core.start + 5, k.core.end + 10),
                2 => Span::new(k.allowed.start, k.core.start),
                _ => {
                    let s = (j + 1) * SLOT - 40;
                    Span::new(s, s + 30)
                }
            };
            let right = rng.below(5) != 0;
            highlights.push(Highlight {
                article: 0,
                span,
                label: label((j % 2 == 0) == right),
            });
        }
        // Students highlight in any order.
        for i in (1..highlights.len()).rev() {
            highlights.swap(i, rng.below(i + 1));
        }
        Step {
            lens: vec![n * SLOT],
            keys,
            highlights,
        }
    }

    fn run(bencher: Bencher, n: usize, labelled: bool, misses: bool) {
        let st = step(n, labelled, misses);
        // Sanity, outside the timing.
        let r = score_step(&st.lens, &st.keys, &st.highlights, ScoreConfig::default());
        assert_eq!(r.keys.len(), n);
        assert!(r.precision > 0.2 && r.precision <= 1.0, "{}", r.precision);
        assert!(r.recall > 0.2 && r.recall < 1.0, "{}", r.recall);
        assert!(r.flooding < 1.0 / 3.0, "{}", r.flooding);
        assert_eq!(r.extras.is_empty(), !misses);
        bencher.counter(ItemsCount::new(n)).bench(|| {
            score_step(
                black_box(&st.lens),
                black_box(&st.keys),
                black_box(&st.highlights),
                ScoreConfig::default(),
            )
        });
    }

    /// `n` unlabelled keys against `n` highlights (article of `n * 200` chars); half the
    /// highlights touch no key's core.
    #[divan::bench(args = [1_000, 3_000, 10_000], sample_count = 30)]
    fn unlabelled(bencher: Bencher, n: usize) {
        run(bencher, n, false, true);
    }

    /// As `unlabelled`, but every highlight touches a key's core (no "extra" highlights).
    #[divan::bench(args = [1_000, 3_000, 10_000], sample_count = 30)]
    fn unlabelled_all_on_keys(bencher: Bencher, n: usize) {
        run(bencher, n, false, false);
    }

    /// `n` labelled keys ("a"/"b") against `n` labelled highlights, a fifth with the wrong label;
    /// half the highlights touch no key's core.
    #[divan::bench(args = [1_000, 3_000, 10_000], sample_count = 30)]
    fn labelled(bencher: Bencher, n: usize) {
        run(bencher, n, true, true);
    }

    /// As `labelled`, but every highlight touches a key's core.
    #[divan::bench(args = [1_000, 3_000, 10_000], sample_count = 30)]
    fn labelled_all_on_keys(bencher: Bencher, n: usize) {
        run(bencher, n, true, false);
    }
}

/// Placing quotes in a long article.
mod anchoring {
    use super::*;

    /// A sentence that occurs nowhere in the bundled articles, put near the end of the big one.
    const UNIQUE: &str = "The quarterly lighthouse inspection found seventeen gulls nesting on the lamp housing.";

    /// About 50,000 words: the five bundled article texts repeated, with [`UNIQUE`] inserted
    /// before the last repetition.
    static BIG: LazyLock<Article> = LazyLock::new(|| {
        let mut text = String::new();
        let mut words = 0;
        while words < 50_000 {
            if words + 3_100 >= 50_000 {
                text.push_str(UNIQUE);
                text.push_str("\n\n");
            }
            for a in lateral::lesson::bundled::ARTICLES {
                text.push_str(a.text);
                text.push_str("\n\n");
                words += a.text.split_whitespace().count();
            }
        }
        big_article(&text)
    });

    fn big_article(text: &str) -> Article {
        let meta = ArticleMeta {
            id: "big".into(),
            ..Default::default()
        };
        Article::new(meta, "big.txt", text)
    }

    fn quote(q: &str) -> Anchor {
        Anchor {
            quote: q.into(),
            ..Anchor::default()
        }
    }

    /// Build the ~50,000-word article (display text, char index, folding, sentences).
    #[divan::bench(sample_count = 30)]
    fn build_article_50k_words(bencher: Bencher) {
        let text = BIG.text.slice(Span::new(0, BIG.len())).to_string();
        bencher.bench(|| big_article(black_box(&text)));
    }

    /// A quote that occurs once, near the end of the ~50,000-word article.
    #[divan::bench]
    fn resolve_unique_quote(bencher: Bencher) {
        let a = &*BIG;
        let anchor = quote("seventeen gulls nesting on the lamp housing");
        let span = anchor::resolve(a, &anchor).expect("unique quote resolves");
        assert_eq!(a.slice(span), "seventeen gulls nesting on the lamp housing");
        bencher.bench(|| anchor::resolve(black_box(a), black_box(&anchor)));
    }

    /// A quote that occurs in every repetition, picked by `occurrence`.
    #[divan::bench]
    fn resolve_repeated_quote_by_occurrence(bencher: Bencher) {
        let a = &*BIG;
        let places = anchor::find_all(a, "was likely a Russian missile");
        assert!(places.len() > 10, "{}", places.len());
        let anchor = Anchor {
            occurrence: Some(places.len()),
            ..quote("was likely a Russian missile")
        };
        assert_eq!(anchor::resolve(a, &anchor), Ok(places[places.len() - 1]));
        bencher.bench(|| anchor::resolve(black_box(a), black_box(&anchor)));
    }

    /// The fuzzy suggestion for a quote that is not there (a misremembered sentence).
    #[divan::bench(sample_count = 20)]
    fn closest_for_missing_quote(bencher: Bencher) {
        let a = &*BIG;
        let missing = "the lighthouse inspection found seventeen seagulls nesting on the lamp";
        assert!(anchor::find_all(a, missing).is_empty());
        let (span, similarity) = anchor::closest(a, missing).expect("a suggestion");
        assert!(a.slice(span).contains("seventeen gulls"), "{}", a.slice(span));
        assert!(similarity > 0.8 && similarity < 1.0, "{similarity}");
        bencher.bench(|| anchor::closest(black_box(a), black_box(missing)));
    }

    /// The fuzzy suggestion for a 400-char passage with three typos: the first 400 chars of the
    /// AP report's longest paragraph.
    #[divan::bench(sample_count = 10)]
    fn closest_for_missing_400_char_quote(bencher: Bencher) {
        let a = &*BIG;
        let ap = CORPUS.get("ap-ktvz").expect("bundled article");
        let para = ap
            .segments
            .paragraphs
            .iter()
            .max_by_key(|p| p.len())
            .expect("a paragraph");
        let passage: String = ap.slice(*para).chars().take(400).collect();
        assert_eq!(passage.chars().count(), 400);
        let missing = passage.replacen("the", "teh", 3);
        assert!(anchor::find_all(a, &missing).is_empty());
        let (_, similarity) = anchor::closest(a, &missing).expect("a suggestion");
        assert!(similarity > 0.9 && similarity < 1.0, "{similarity}");
        bencher.bench(|| anchor::closest(black_box(a), black_box(&missing)));
    }

    /// The fuzzy suggestion for a 2,000-char passage (chars 500–2,500 of the AP report, several
    /// paragraphs) with three typos, near its start, middle and end.
    #[divan::bench(sample_count = 10)]
    fn closest_for_missing_2000_char_quote(bencher: Bencher) {
        let a = &*BIG;
        let ap = CORPUS.get("ap-ktvz").expect("bundled article");
        let passage: String = ap.slice(Span::new(500, 2_500)).to_string();
        assert_eq!(passage.chars().count(), 2_000);
        let mut chars: Vec<char> = passage.chars().collect();
        for at in [100, 1_000, 1_900] {
            chars[at] = if chars[at] == 'q' { 'z' } else { 'q' };
        }
        let missing: String = chars.into_iter().collect();
        assert!(anchor::find_all(a, &missing).is_empty());
        let (span, similarity) = anchor::closest(a, &missing).expect("a suggestion");
        assert!(similarity > 0.95 && similarity < 1.0, "{similarity}");
        let opening: String = passage.chars().take(40).collect();
        assert!(a.slice(span).contains(&opening), "{}", a.slice(span));
        bencher.bench(|| anchor::closest(black_box(a), black_box(&missing)));
    }

    /// `resolve` of a quote that is not there: exact search, case-insensitive search, then the
    /// fuzzy suggestion.
    #[divan::bench(sample_count = 20)]
    fn resolve_missing_quote(bencher: Bencher) {
        let a = &*BIG;
        let anchor = quote("the lighthouse inspection found seventeen seagulls nesting on the lamp");
        assert!(matches!(
            anchor::resolve(a, &anchor),
            Err(anchor::AnchorError::NotFound { closest: Some(_), .. })
        ));
        bencher.bench(|| anchor::resolve(black_box(a), black_box(&anchor)));
    }
}

/// Hostile inputs of 10 MB each (and the 8 MB an article file may have), next to a normal 10 MB
/// article of real prose (the bundled texts repeated), for every operation that reads text from
/// a file: each pathological shape should cost about what the same amount of prose costs.
#[divan::bench_group(sample_count = 5, sample_size = 1)]
mod pathological {
    use super::*;
    use lateral::corpus::import::{
        html_to_article, import_pasted, mark_the_words_lesson, markdown_to_text, parse_mark_the_words,
    };
    use lateral::text::{Folded, Segments, words};

    /// Every input's size in bytes (10 MB).
    const SIZE: usize = 10_000_000;

    /// The largest article file the app reads (`fsutil::MAX_ARTICLE_BYTES`).
    const ARTICLE_8MB: usize = 8 * 1024 * 1024;

    /// `s` cut to at most `n` bytes, at a char boundary.
    fn cut(mut s: String, n: usize) -> String {
        let mut n = n.min(s.len());
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        s.truncate(n);
        s
    }

    /// `unit` repeated to `n` bytes (cut at a char boundary).
    fn repeat_to(unit: &str, n: usize) -> String {
        cut(unit.repeat(n / unit.len() + 1), n)
    }

    /// The five bundled article texts, one after the other, repeated to `n` bytes.
    fn prose(n: usize) -> String {
        let texts: Vec<&str> = lateral::lesson::bundled::ARTICLES
            .iter()
            .map(|a| a.text.trim())
            .collect();
        repeat_to(&(texts.join("\n\n") + "\n\n"), n)
    }

    /// The Polish sample article (fictional, bundled for the Polish lesson), repeated to `n` bytes.
    fn polish(n: usize) -> String {
        let text = lateral::lesson::bundled::ARTICLES
            .iter()
            .find(|a| a.stem == "005_borowkowo_fikcja")
            .map_or("", |a| a.text.trim());
        repeat_to(&(text.to_string() + "\n\n"), n)
    }

    /// The same prose as an HTML page: each paragraph a `<p>`, with a little markup inside.
    fn prose_html(n: usize) -> String {
        let mut page = String::from("<html><head><title>Prose</title></head><body>");
        for p in prose(n).split("\n\n") {
            page.push_str("<p class=\"text\">");
            page.push_str(&p.replace('&', "&amp;").replace('<', "&lt;").replacen(' ', " <b>", 1));
            page.push_str("</b></p>\n");
        }
        page.push_str("</body></html>");
        cut(page, n)
    }

    /// The named input shapes.
    fn input(shape: &str) -> String {
        match shape {
            "prose" => prose(SIZE),
            "polish" => polish(SIZE),
            "prose_html" => prose_html(SIZE),
            "all_amp" => "&".repeat(SIZE),
            "amp_refs" => repeat_to("&amp;", SIZE),
            "all_lt" => "<".repeat(SIZE),
            "open_comments" => repeat_to("<!--", SIZE),
            "long_tag" => format!("<meta{}>", repeat_to(" name=x content=y", SIZE - 7)),
            "blank_lines" => "\n".repeat(SIZE),
            "one_line" => prose(SIZE).replace(['.', '!', '?', '…', '\n'], " "),
            "dots" => ".".repeat(SIZE),
            "dotted_i_kelvin" => repeat_to("İ\u{212A}", SIZE),
            "all_brackets" => "[".repeat(SIZE),
            other => panic!("no input shape {other}"),
        }
    }

    fn sized<'a, 'b>(bencher: Bencher<'a, 'b>, text: &str) -> Bencher<'a, 'b> {
        bencher.counter(divan::counter::BytesCount::new(text.len()))
    }

    /// `import::html_to_article`: html5ever in pieces, Readability, paragraphs, metadata. A
    /// shape that parses past `parse::MAX_PARSE_TIME` is cut there (the assertions say which).
    #[divan::bench(args = ["prose_html", "all_amp", "amp_refs", "all_lt", "open_comments", "long_tag", "blank_lines", "nested_divs"])]
    fn html_import(bencher: Bencher, shape: &str) {
        let html = match shape {
            "nested_divs" => repeat_to("<div>", SIZE),
            _ => input(shape),
        };
        let a = html_to_article(&html);
        match shape {
            "prose_html" => assert!(a.text.len() > SIZE / 2, "{}", a.text.len()),
            "all_amp" | "all_lt" => assert!(a.text.len() == SIZE || !a.warnings.is_empty()),
            "amp_refs" => assert!(a.text.len() == SIZE / 5 || !a.warnings.is_empty()),
            "nested_divs" => assert!(!a.warnings.is_empty()),
            _ => assert_eq!(a.text, ""),
        }
        sized(bencher, &html).bench(|| html_to_article(black_box(&html)));
    }

    /// `import::html_to_article` on each saved page committed under `tests/data/pages` (real news
    /// pages of 56–92 KB and two small metadata pages).
    #[divan::bench(args = ["ars-1", "heise", "tmz-1", "003-metadata-preferred", "parsely-metadata"])]
    fn saved_page_import(bencher: Bencher, page: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/pages")
            .join(page)
            .join("source.html");
        let html = std::fs::read_to_string(path).expect("the committed page");
        sized(bencher, &html).bench(|| html_to_article(black_box(&html)));
    }

    /// `import::markdown_to_text` (pulldown-cmark, then paragraphs).
    #[divan::bench(args = ["prose", "all_amp", "all_lt", "all_brackets", "blank_lines", "one_line", "dots"])]
    fn markdown_import(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| markdown_to_text(black_box(&text)));
    }

    /// `import::import_pasted` (line endings, trailing spaces, blank lines at both ends).
    #[divan::bench(args = ["prose", "blank_lines", "one_line", "dots"])]
    fn plain_import(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| import_pasted(black_box(&text)));
    }

    /// `text::Segments::new` (paragraphs and sentences).
    #[divan::bench(args = ["prose", "polish", "blank_lines", "one_line", "dots"])]
    fn sentence_segmentation(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| Segments::new(black_box(&text)));
    }

    /// `text::words`.
    #[divan::bench(args = ["prose", "polish", "one_line", "dots", "dotted_i_kelvin"])]
    fn word_spans(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| words(black_box(&text)));
    }

    /// `text::Folded::new` and its lower-cased copy (what quote matching searches).
    #[divan::bench(args = ["prose", "dotted_i_kelvin"])]
    fn folding(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| {
            let f = Folded::new(black_box(&text));
            f.lowercase().text.len()
        });
    }

    /// `corpus::Article::new`: everything an article file goes through when it is loaded.
    #[divan::bench(args = ["prose", "blank_lines", "one_line", "dots", "dotted_i_kelvin"])]
    fn article_load(bencher: Bencher, shape: &str) {
        let text = input(shape);
        sized(bencher, &text).bench(|| {
            Article::new(
                ArticleMeta {
                    id: "big".into(),
                    ..Default::default()
                },
                "big.txt",
                black_box(&text),
            )
        });
    }

    /// An H5P "Mark the Words" `content.json` of about 10 MB of prose with `marks` words marked.
    fn h5p(marks: usize) -> String {
        let text = prose(SIZE - 2 * marks);
        let n_words = text.split(' ').count();
        let every = (n_words / marks).max(1);
        let mut field = String::with_capacity(text.len() + 2 * marks);
        let (mut marked, mut due) = (0, false);
        for (i, w) in text.split(' ').enumerate() {
            if i > 0 {
                field.push(' ');
            }
            // Every `every` words, mark the next word that is only letters and digits.
            due |= i % every == 0;
            let plain = !w.is_empty() && w.chars().all(char::is_alphanumeric);
            if marked < marks && due && plain {
                field.push('*');
                field.push_str(w);
                field.push('*');
                marked += 1;
                due = false;
            } else {
                // Unmarked words are written as they are (H5P shows them so, asterisks and all).
                field.push_str(w);
            }
        }
        serde_json::json!({ "taskDescription": "Mark the words.", "textField": field }).to_string()
    }

    /// `import::parse_mark_the_words` then `import::mark_the_words_lesson` on about 10 MB of
    /// prose with 100 (the baseline), 20,000 or 200,000 marked words.
    #[divan::bench(args = [100, 20_000, 200_000])]
    fn h5p_mark_the_words(bencher: Bencher, marks: usize) {
        let json = h5p(marks);
        let m = parse_mark_the_words(&json, "content.json").expect("a task");
        assert!(m.marked.len() * 10 >= marks * 9, "{} of {marks}", m.marked.len());
        bencher.counter(divan::counter::BytesCount::new(json.len())).bench(|| {
            let m = parse_mark_the_words(black_box(&json), "content.json").expect("a task");
            mark_the_words_lesson(&m, "big", "Big").len()
        });
    }

    /// The 8 MB article (the largest file the app reads) of prose, and the quotes for it: the
    /// first 400 chars of the AP report's longest paragraph, as is and with three typos.
    static BIG_8MB: LazyLock<(Article, String, String)> = LazyLock::new(|| {
        let a = Article::new(
            ArticleMeta {
                id: "big".into(),
                ..Default::default()
            },
            "big.txt",
            &prose(ARTICLE_8MB),
        );
        let ap = CORPUS.get("ap-ktvz").expect("bundled article");
        let para = ap
            .segments
            .paragraphs
            .iter()
            .max_by_key(|p| p.len())
            .expect("a paragraph");
        let passage: String = ap.slice(*para).chars().take(400).collect();
        let missing = passage.replacen("the", "teh", 3);
        (a, passage, missing)
    });

    /// `anchor::resolve` of a 400-char quote that is there, in the 8 MB article (the baseline).
    #[divan::bench]
    fn anchor_400_char_quote_8mb(bencher: Bencher) {
        let (a, passage, _) = &*BIG_8MB;
        let places = anchor::find_all(a, passage);
        assert!(places.len() > 100, "{}", places.len());
        let anchor = Anchor {
            occurrence: Some(places.len()),
            ..quote(passage)
        };
        bencher.bench(|| anchor::resolve(black_box(a), black_box(&anchor)));
    }

    /// `anchor::closest` for the 400-char quote with three typos in the 8 MB article (searched in
    /// the windows its trigram filter picks, within its work budget), the article's lower-cased
    /// copy already made.
    #[divan::bench]
    fn closest_400_char_mistyped_quote_8mb(bencher: Bencher) {
        let (a, _, missing) = &*BIG_8MB;
        assert!(anchor::find_all(a, missing).is_empty());
        let (span, similarity) = anchor::closest(a, missing).expect("a suggestion");
        assert!(similarity > 0.9 && similarity < 1.0, "{similarity}");
        assert!(a.slice(span).contains("military victory quickly"), "{}", a.slice(span));
        bencher.bench(|| anchor::closest(black_box(a), black_box(missing)));
    }

    /// As `closest_400_char_mistyped_quote_8mb`, but the first call in a freshly loaded article,
    /// which also makes its lower-cased copy.
    #[divan::bench]
    fn closest_400_char_mistyped_quote_8mb_first_call(bencher: Bencher) {
        let (a, _, missing) = &*BIG_8MB;
        let text = a.slice(Span::new(0, a.len())).to_string();
        bencher
            .with_inputs(|| Article::new(ArticleMeta::default(), "big.txt", &text))
            .bench_local_refs(|fresh| anchor::closest(fresh, black_box(missing)));
    }

    /// `anchor::resolve` of the mistyped quote in the 8 MB article: exact search, case-insensitive
    /// search, then `closest`.
    #[divan::bench]
    fn resolve_400_char_mistyped_quote_8mb(bencher: Bencher) {
        let (a, _, missing) = &*BIG_8MB;
        let anchor = quote(missing);
        assert!(matches!(
            anchor::resolve(a, &anchor),
            Err(anchor::AnchorError::NotFound { closest: Some(_), .. })
        ));
        bencher.bench(|| anchor::resolve(black_box(a), black_box(&anchor)));
    }

    /// `anchor::closest` for a mistyped quote in 8 MB of `İK` (chars that change length when
    /// lower-cased), the lower-cased copy already made.
    #[divan::bench]
    fn closest_mistyped_quote_8mb_dotted_i_kelvin(bencher: Bencher) {
        let a = Article::new(ArticleMeta::default(), "ik.txt", &repeat_to("İ\u{212A}", ARTICLE_8MB));
        let missing = "İ\u{212A}İ\u{212A}xİ\u{212A}İ\u{212A}İ";
        let (_, similarity) = anchor::closest(&a, missing).expect("a suggestion");
        assert!(similarity > 0.8 && similarity < 1.0, "{similarity}");
        bencher.bench(|| anchor::closest(black_box(&a), black_box(missing)));
    }

    fn quote(q: &str) -> Anchor {
        Anchor {
            quote: q.into(),
            ..Anchor::default()
        }
    }
}

/// A school's worth of files (issue 16 §2): a folder of `n` articles (the five bundled ones,
/// copied with new ids) and `n / 10` lessons (the five bundled lessons, each copy on its own
/// copies of the articles), generated once in a temporary folder; and a class of 1,000
/// results files.
#[divan::bench_group(sample_count = 5, sample_size = 1)]
mod scale {
    use super::*;
    use lateral::lesson::StepBody;
    use lateral::lesson::library::{self, Library};
    use lateral::records::results::{Results, SavedHighlight, StepWork};
    use std::path::{Path, PathBuf};

    const SIZES: [usize; 2] = [1_000, 10_000];

    /// The folder of `n` articles and `n / 10` lessons, made once per size.
    fn school(n: usize) -> &'static Path {
        static DIRS: std::sync::Mutex<Vec<(usize, &'static tempfile::TempDir)>> = std::sync::Mutex::new(Vec::new());
        let mut dirs = DIRS.lock().expect("not poisoned");
        if let Some((_, d)) = dirs.iter().find(|(k, _)| *k == n) {
            return d.path();
        }
        let d: &'static tempfile::TempDir = Box::leak(Box::new(tempfile::tempdir().expect("a temporary folder")));
        write_school(d.path(), n);
        dirs.push((n, d));
        d.path()
    }

    fn write_school(root: &Path, n: usize) {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (corpus, lessons) = (root.join("corpus"), root.join("lessons"));
        std::fs::create_dir_all(&corpus).expect("folder");
        std::fs::create_dir_all(&lessons).expect("folder");
        let mut metas: Vec<PathBuf> = std::fs::read_dir(src.join("corpus"))
            .expect("bundled corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        metas.sort();
        let ids: Vec<String> = metas
            .iter()
            .map(|m| id_of(&std::fs::read_to_string(m).expect("meta")))
            .collect();
        for i in 0..n {
            let k = i % metas.len();
            let copy = i / metas.len();
            let meta = std::fs::read_to_string(&metas[k]).expect("meta");
            let meta = meta.replacen(
                &format!("id = \"{}\"", ids[k]),
                &format!("id = \"{}-{copy}\"", ids[k]),
                1,
            );
            std::fs::write(corpus.join(format!("{i:05}.toml")), meta).expect("written");
            std::fs::copy(metas[k].with_extension("txt"), corpus.join(format!("{i:05}.txt"))).expect("copied");
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(src.join("lessons"))
            .expect("bundled lessons")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let copies = n / metas.len();
        for j in 0..n / 10 {
            let copy = (j / files.len()) % copies;
            let mut text = std::fs::read_to_string(&files[j % files.len()]).expect("lesson");
            let lesson_id = id_of(&text);
            text = text.replacen(
                &format!("id = \"{lesson_id}\""),
                &format!("id = \"{lesson_id}-{j}\""),
                1,
            );
            for id in &ids {
                text = text.replace(&format!("\"{id}\""), &format!("\"{id}-{copy}\""));
            }
            std::fs::write(lessons.join(format!("{j:05}.md")), text).expect("written");
        }
        // Every lesson and article is sound: the benches measure the normal path.
        let lib = library::load(&[root.to_path_buf()], &[]).expect("loads");
        assert_eq!(lib.articles_from_disk, n);
        assert_eq!(lib.lessons.len(), n / 10);
        assert!(
            lib.lessons.iter().all(|l| l.is_playable()),
            "{:?}",
            lib.all_diagnostics().first()
        );
    }

    /// The first `id = "…"` of a file.
    fn id_of(text: &str) -> String {
        let at = text.find("id = \"").expect("an id") + 6;
        text[at..].split('"').next().expect("closed").to_string()
    }

    /// What the app shows first when a school's folder is opened: the files found and every
    /// lesson's `+++` block read (`library::find` + `Catalogue::preview`).
    #[divan::bench(args = SIZES)]
    fn open_library_listed(bencher: Bencher, n: usize) {
        let root = school(n).to_path_buf();
        bencher.counter(ItemsCount::new(n)).bench(|| {
            let lib = library::find(std::slice::from_ref(&root), &[])
                .expect("exists")
                .preview();
            assert_eq!(lib.lessons.len(), n / 10);
            lib
        });
    }

    /// A lesson opened before the whole check is done: one lesson with only its articles
    /// (`Catalogue::load_lesson`), the first time (every metadata file read for its id).
    #[divan::bench(args = SIZES)]
    fn open_one_lesson_first(bencher: Bencher, n: usize) {
        let root = school(n).to_path_buf();
        bencher
            .with_inputs(|| library::find(std::slice::from_ref(&root), &[]).expect("exists"))
            .bench_local_refs(|cat| {
                let one = cat.load_lesson(n / 20);
                assert!(one.lessons[0].is_playable());
                one
            });
    }

    /// The same, once the metadata ids are known (the next lesson opened).
    #[divan::bench(args = SIZES)]
    fn open_one_lesson_again(bencher: Bencher, n: usize) {
        let root = school(n).to_path_buf();
        let cat = library::find(std::slice::from_ref(&root), &[]).expect("exists");
        let _ = cat.load_lesson(0);
        bencher.bench(|| cat.load_lesson(n / 20));
    }

    /// The whole check: what `lateral check` and the app's worker thread do
    /// (`library::load`: every article read and prepared, every lesson parsed and anchored).
    #[divan::bench(args = SIZES)]
    fn check_everything(bencher: Bencher, n: usize) {
        let root = school(n).to_path_buf();
        bencher
            .counter(ItemsCount::new(n))
            .bench(|| library::load(std::slice::from_ref(&root), &[]).expect("loads"));
    }

    /// 1,000 results files of the bias lesson, graded (`records::grade::grade`, what `lateral
    /// grade` runs after loading the lesson).
    #[divan::bench]
    fn grade_1000_results(bencher: Bencher) {
        static CLASS: LazyLock<(Library, tempfile::TempDir, Vec<PathBuf>)> = LazyLock::new(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let lib = library::load(&[root.join("lessons/02-bias.md")], &[]).expect("loads");
            let dir = tempfile::tempdir().expect("a temporary folder");
            let lesson = lib.lessons[0].lesson.clone().expect("the bias lesson");
            let files = (0..1_000)
                .map(|i| {
                    let p = dir.path().join(format!("student-{i:04}.json"));
                    results_for(i, &lesson, &lib.corpus).save(&p).expect("saved");
                    p
                })
                .collect();
            (lib, dir, files)
        });
        let (lib, _, files) = &*CLASS;
        let lesson = lib.lessons[0].lesson.as_ref().expect("the bias lesson");
        assert_eq!(
            lateral::records::grade::grade(lesson, &lib.corpus, files).graded.len(),
            1_000
        );
        bencher
            .counter(ItemsCount::new(files.len()))
            .bench(|| lateral::records::grade::grade(lesson, &lib.corpus, files));
    }

    /// Student `i` finds the first `i % (n + 1)` keys of every highlight step.
    fn results_for(i: usize, lesson: &lateral::lesson::Lesson, corpus: &Corpus) -> Results {
        let mut r = Results::new(&format!("Student {i:04}"), lesson);
        for step in &lesson.steps {
            let mut w = StepWork {
                step: step.id.clone(),
                kind: step.kind_name().into(),
                attempts: 1,
                ..Default::default()
            };
            if let StepBody::Highlight { keys, .. } = &step.body {
                for k in keys.iter().take(i % (keys.len() + 1)) {
                    let a = corpus.get(&k.article).expect("article");
                    w.highlights.push(SavedHighlight::new(a, k.core, k.label.clone()));
                }
            }
            r.steps.push(w);
        }
        r
    }
}
