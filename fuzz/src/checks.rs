//! The invariants behind every fuzz target: one function per target, taking the raw input.
//!
//! This file is compiled twice: by the fuzz crate (`fuzz/src/lib.rs`, for `cargo fuzz`) and by
//! the main crate's `tests/fuzz_corpus.rs` (with `#[path]`), which replays `fuzz/corpus/` and
//! `fuzz/regressions/` on stable. So it uses only `lateral`'s public API and std.
//!
//! Each function must not panic on any input, except where an invariant (an `assert!`) is broken:
//! that is a finding.

use std::sync::{Arc, OnceLock};

use lateral::corpus::anchor::{Anchor, AnchorError, anchor_for, closest, find_all, find_all_many, resolve};
use lateral::corpus::import::{
    h5p_from_bytes, html_to_article, mark_the_words_lesson, markdown_to_text, meta_toml, parse_mark_the_words,
    suggest_id,
};
use lateral::corpus::{Article, ArticleMeta, Corpus, load_article, parse_meta, valid_id};
use lateral::files::decode_text;
use lateral::grading::session::Session;
use lateral::lesson::Lesson;
use lateral::lesson::library::{LessonFile, parse_lesson_text};
use lateral::records::pack::{make_pack, open_pack, pack_library, read_pack};
use lateral::records::results::{Results, parse_results, restore_session, score_results, validate};
use lateral::text::diag::{Diagnostic, QUOTE_CHARS, SourceFile};
use lateral::text::{CharIndex, Span, collapse_whitespace, fold_char};

// ---- shared fixtures and helpers ----

struct Bundled {
    corpus: Corpus,
    lessons: Vec<Lesson>,
}

fn bundled() -> &'static Bundled {
    static B: OnceLock<Bundled> = OnceLock::new();
    B.get_or_init(|| {
        let corpus = lateral::lesson::bundled::corpus();
        let lessons = lateral::lesson::bundled::lessons(&corpus)
            .into_iter()
            .filter_map(|lf| lf.lesson)
            .collect();
        Bundled { corpus, lessons }
    })
}

/// A span lies inside a text of `len` chars.
fn span_in(span: Span, len: usize, what: &str) {
    assert!(
        span.start <= span.end && span.end <= len,
        "{what}: span {span} is outside 0..={len}"
    );
}

/// Every diagnostic about `name` points inside `text` (line and column in range, the source line
/// shown is that line), and one about the whole file has no line or column.
fn diags_in(name: &str, text: &str, diags: &[Diagnostic]) {
    let idx = CharIndex::new(text.to_string());
    let lines = text.split('\n').count();
    for d in diags.iter().filter(|d| d.file == name) {
        // Rendering must work too.
        let _ = d.to_string();
        if d.line == 0 {
            assert_eq!(d.column, 0, "a whole-file diagnostic has a column: {d:?}");
            continue;
        }
        assert!(d.line <= lines, "line {} of a {lines}-line text: {d:?}", d.line);
        let line_len = idx.line_text(d.line).chars().count();
        // Column 0 is "before the first char": serde_json reports it at the end of an empty
        // input, and diagnostics render it (see the regression test in src/text/diag.rs).
        assert!(
            d.column <= line_len + 1,
            "column {} on a line of {line_len} chars: {d:?}",
            d.column
        );
        if let Some(shown) = &d.source_line {
            // A window of at most QUOTE_CHARS chars of the line, `…` where it was cut, with
            // the caret on the same char as the column.
            let line = idx.line_text(d.line);
            let inner = shown.strip_prefix('…').unwrap_or(shown);
            let inner = inner.strip_suffix('…').unwrap_or(inner);
            assert!(
                line.contains(inner),
                "source line shown is not from line {}: {d:?}",
                d.line
            );
            let n = shown.chars().count();
            assert!(n <= QUOTE_CHARS + 2, "source line of {n} chars: {d:?}");
            if d.source_column > 0 && d.column > 0 {
                assert!(d.source_column <= n + 1, "caret past the line shown: {d:?}");
                assert_eq!(
                    shown.chars().nth(d.source_column - 1),
                    line.chars().nth(d.column - 1),
                    "caret not on the column's char: {d:?}"
                );
            }
        }
    }
}

/// Spans sorted, disjoint and inside `len`.
fn sorted_disjoint(spans: &[Span], len: usize, what: &str) {
    for s in spans {
        span_in(*s, len, what);
    }
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what}: {} and {} overlap or are unsorted",
            w[0],
            w[1]
        );
    }
}

/// An article's derived data (segments, words, line map) is consistent with its text.
fn article_ok(a: &Article, raw_lines: usize) {
    let len = a.len();
    assert_eq!(len, a.text.as_str().chars().count());
    sorted_disjoint(&a.segments.paragraphs, len, "paragraphs");
    sorted_disjoint(&a.segments.sentences, len, "sentences");
    sorted_disjoint(&a.words, len, "words");
    for s in &a.segments.sentences {
        assert!(
            a.segments.paragraphs.iter().any(|p| p.contains(s)),
            "sentence {s} is in no paragraph"
        );
    }
    for c in [0, len / 2, len] {
        let l = a.file_line(c);
        assert!(l >= 1 && l <= raw_lines.max(1), "file line {l} of {raw_lines}");
    }
}

/// What the app does with a lesson on a student's laptop: open it, visit every step, highlight,
/// check, save and resume.
fn play(lesson: &Lesson, corpus: &Corpus) {
    let lesson = Arc::new(lesson.clone());
    let mut s = Session::new(lesson.clone(), corpus, "fuzz");
    // The player shows the first step as soon as a lesson opens.
    let _ = s.step();
    let _ = s.check_blocked();
    for i in 0..lesson.steps.len() {
        s.go_to(i);
        let _ = s.step();
        let n = s.articles().len();
        for a in 0..n {
            let len = s.articles()[a].len();
            let _ = s.add_highlight(a, Span::new(0, len.min(12)), None);
            let _ = s.add_highlight(a, Span::new(len / 2, len), None);
        }
        s.toggle_choice(0);
        s.set_reflection("a few words here");
        let _ = s.hint_available();
        let _ = s.next_hint();
        if let Ok(c) = s.check() {
            assert!((0.0..=1.0).contains(&c.score), "step score {}", c.score);
        }
    }
    let r = Results::from_session(&s);
    let back = restore_session(lesson.clone(), corpus, &r);
    assert_eq!(back.steps.len(), lesson.steps.len());
    let score = s.lesson_score(corpus);
    assert!((0.0..=1.0 + 1e-9).contains(&score), "lesson score {score}");
}

// ---- lesson ----

/// Bytes → lesson file (as read from disk) → parser and validator against the bundled corpus.
pub fn lesson(data: &[u8]) {
    let name = "fuzz.md";
    let b = bundled();
    let text = match decode_text(name, data.to_vec()) {
        Ok(t) => t,
        Err(d) => {
            // The place of the first bad byte is in the valid part.
            diags_in(name, &String::from_utf8_lossy(data), &[d]);
            return;
        }
    };
    let lf: LessonFile = parse_lesson_text(name, text.clone(), &b.corpus);
    diags_in(name, &text, &lf.diagnostics);
    let Some(l) = &lf.lesson else { return };
    for step in &l.steps {
        for k in step.keys() {
            let a = b
                .corpus
                .get(&k.article)
                .unwrap_or_else(|| panic!("key {} names article `{}`, not in the corpus", k.id, k.article));
            assert!(
                step.articles.contains(&k.article),
                "key {} is in an article its step does not show",
                k.id
            );
            span_in(k.core, a.len(), "key core");
            span_in(k.allowed, a.len(), "key allowed extent");
            assert!(
                k.allowed.contains(&k.core),
                "key {}: allowed {} does not contain core {}",
                k.id,
                k.allowed,
                k.core
            );
        }
    }
    if lf.is_playable() {
        // The answer key hands in, validates and scores.
        let r = Results::answer_key("fuzz", l, &b.corpus);
        let src = SourceFile::new("key.json", r.to_json());
        let mut back = parse_results(&src).expect("an answer key's results file reads back");
        assert_eq!(back, r, "results JSON round trip");
        let diags = validate(&src, &mut back, l, &b.corpus);
        diags_in("key.json", src.text.as_str(), &diags);
        let o = score_results(&back, l, &b.corpus);
        assert!((0.0..=1.0 + 1e-9).contains(&o.score), "answer key score {}", o.score);
        play(l, &b.corpus);
        pack_round_trip(std::slice::from_ref(l), &b.corpus);
    }
}

// ---- article metadata and text ----

const DEFAULT_TEXT: &str = "Menu Home Sport\n\nThe council voted 5 to 4 on Tuesday. Residents were angry.\n\n\u{201C}We were not asked,\u{201D} said Jo Marsh.\nAds\n";

/// Bytes → article metadata (`.toml`), then the article's text through `load_article`. The input
/// is the metadata, a NUL byte, and the text; without a NUL, a small default text.
pub fn article_meta(data: &[u8]) {
    let (meta, raw) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, DEFAULT_TEXT.as_bytes()),
    };
    let meta_name = "fuzz.toml";
    let text_name = "fuzz.txt";
    let meta_text = match decode_text(meta_name, meta.to_vec()) {
        Ok(t) => t,
        Err(d) => {
            diags_in(meta_name, &String::from_utf8_lossy(meta), &[d]);
            return;
        }
    };
    let raw = match decode_text(text_name, raw.to_vec()) {
        Ok(t) => t,
        Err(_) => String::from_utf8_lossy(raw).into_owned(),
    };
    let src = SourceFile::new(meta_name, meta_text.clone());
    let mut d1 = Vec::new();
    let parsed = parse_meta(&src, &mut d1);
    diags_in(meta_name, &meta_text, &d1);
    if let Some(m) = &parsed {
        assert!(valid_id(&m.id), "an article id that is not valid: {:?}", m.id);
        for r in &m.removed {
            assert!(r.first_line >= 1 && r.first_line <= r.last_line, "removal {r:?}");
        }
    }
    let mut diags = Vec::new();
    let article = load_article(&src, text_name, &raw, &mut diags);
    diags_in(meta_name, &meta_text, &diags);
    let raw_lines = raw.split('\n').count();
    if let Some(a) = &article {
        assert!(!a.is_empty());
        let file_lines: Vec<&str> = raw.split('\n').collect();
        for r in &a.meta.removed {
            assert!(
                r.last_line <= raw_lines,
                "removal {r:?} past the text's {raw_lines} lines"
            );
            let expected = file_lines[r.first_line - 1..r.last_line].join("\n");
            // Overlapping removals give each line to the first that names it.
            if !a
                .meta
                .removed
                .iter()
                .any(|o| !std::ptr::eq(o, r) && o.first_line <= r.last_line && r.first_line <= o.last_line)
            {
                assert_eq!(r.text, expected, "removal {}-{}", r.first_line, r.last_line);
            }
        }
        article_ok(a, raw_lines);
    }
    // Any text makes an article (the path exam packs and imports take).
    let a = Article::new(
        ArticleMeta {
            id: "t".into(),
            ..ArticleMeta::default()
        },
        text_name,
        &raw,
    );
    article_ok(&a, raw_lines);
}

// ---- results ----

/// Bytes → results (or progress) file → parse, JSON round trip, validate and score against the
/// bundled lesson it names (or, when it names none, one picked by the student's name), and the
/// app resuming from it.
pub fn results(data: &[u8]) {
    let name = "fuzz.json";
    let b = bundled();
    let text = match decode_text(name, data.to_vec()) {
        Ok(t) => t,
        Err(_) => return,
    };
    let src = SourceFile::new(name, text.clone());
    let mut r = match parse_results(&src) {
        Ok(r) => r,
        Err(d) => {
            diags_in(name, &text, &[d]);
            return;
        }
    };
    let again = parse_results(&SourceFile::new("again.json", r.to_json())).expect("to_json reads back");
    assert_eq!(again, r, "results JSON round trip");
    if b.lessons.is_empty() {
        return;
    }
    let lesson = match b.lessons.iter().find(|l| l.id == r.lesson.id) {
        Some(l) => l,
        None => {
            let l = &b.lessons[r.student.len() % b.lessons.len()];
            // Not this lesson's: validate says so, at a place in the file.
            let diags = validate(&src, &mut r.clone(), l, &b.corpus);
            diags_in(name, &text, &diags);
            r.lesson.id = l.id.clone();
            l
        }
    };
    let resumed = restore_session(Arc::new(lesson.clone()), &b.corpus, &r);
    assert_eq!(resumed.steps.len(), lesson.steps.len());
    let diags = validate(&src, &mut r, lesson, &b.corpus);
    diags_in(name, &text, &diags);
    for w in &r.steps {
        let Some(step) = lesson.steps.iter().find(|s| s.id == w.step) else {
            continue;
        };
        for h in &w.highlights {
            let a = b
                .corpus
                .get(h.article())
                .expect("a kept highlight is in a known article");
            assert!(
                step.articles.iter().any(|x| x == h.article()),
                "kept highlight in an article its step does not show"
            );
            let (s, e) = h.position().expect("a kept highlight has a position");
            assert!(
                s < e && e <= a.len(),
                "kept highlight {s}..{e} in an article of {}",
                a.len()
            );
        }
    }
    let o = score_results(&r, lesson, &b.corpus);
    assert!((0.0..=1.0 + 1e-9).contains(&o.score), "score {}", o.score);
    for s in &o.steps {
        if let Some(x) = s.score {
            assert!((0.0..=1.0 + 1e-9).contains(&x), "step score {x}");
        }
    }
}

// ---- exam packs ----

/// make_pack → JSON → open_pack → make_pack gives the same pack.
fn pack_round_trip(lessons: &[Lesson], corpus: &Corpus) {
    let p1 = make_pack(lessons, corpus);
    let (ls, c) = open_pack(&p1.to_json(), "round.lateral-exam").expect("a pack we made opens");
    let p2 = make_pack(&ls, &c);
    assert_eq!(p1, p2, "exam pack round trip");
}

/// Bytes → exam pack → lessons and articles, then what the app does with them; and the
/// make_pack/open_pack round trip on what it opened and on the bundled lessons.
pub fn pack(data: &[u8]) {
    static BUNDLED_ROUND_TRIP: OnceLock<()> = OnceLock::new();
    BUNDLED_ROUND_TRIP.get_or_init(|| {
        let b = bundled();
        pack_round_trip(&b.lessons, &b.corpus);
    });
    let name = "fuzz.lateral-exam";
    let text = String::from_utf8_lossy(data);
    let src = SourceFile::new(name, text.to_string());
    let (read, diags) = read_pack(&src);
    diags_in(name, &text, &diags);
    assert_eq!(
        read.is_some(),
        !diags.iter().any(Diagnostic::is_error),
        "a pack is read exactly when it has no error"
    );
    let opened = open_pack(&text, name);
    assert_eq!(opened.is_ok(), read.is_some());
    let lib = pack_library(&text, name);
    assert_eq!(opened.is_ok(), lib.is_ok());
    let Ok((lessons, corpus)) = opened else { return };
    for l in &lessons {
        assert!(l.exam);
        for s in &l.steps {
            assert!(s.keys().is_empty(), "a pack lesson has keys");
        }
        play(l, &corpus);
    }
    for a in corpus.articles() {
        // The pack's text had blank lines at its ends dropped: its line count is unknown here.
        article_ok(a, usize::MAX);
    }
    let p1 = make_pack(&lessons, &corpus);
    let (ls, c) = open_pack(&p1.to_json(), name).expect("a pack we made opens");
    let p2 = make_pack(&ls, &c);
    assert_eq!(p1, p2, "exam pack round trip");
}

// ---- HTML, Markdown and entities ----

/// Bytes → HTML import (and the same bytes as Markdown and through the entity decoder).
pub fn html_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let imported = html_to_article(&text);
    let t = &imported.text;
    assert_eq!(t.trim(), t.as_str(), "imported text has spaces at its ends");
    if !t.is_empty() {
        for p in t.split("\n\n") {
            assert!(!p.is_empty() && !p.contains('\n') && p.trim() == p, "paragraph {p:?}");
        }
    }
    let m = &imported.suggested;
    assert!(
        m.date.as_ref().is_none_or(|d| d.chars().count() <= 10),
        "date {:?}",
        m.date
    );
    let id = suggest_id(&m.headline);
    assert!(valid_id(&id), "suggested id {id:?}");
    // What `lateral import` writes reads back.
    let meta = ArticleMeta {
        id,
        outlet: if m.outlet.trim().is_empty() {
            "Outlet".into()
        } else {
            m.outlet.clone()
        },
        headline: if m.headline.trim().is_empty() {
            "Headline".into()
        } else {
            m.headline.clone()
        },
        outlet_kind: "Local newspaper".into(),
        date: None,
        ..m.clone()
    };
    let toml = meta_toml(&meta);
    let src = SourceFile::new("import.toml", toml.clone());
    let mut diags = Vec::new();
    let back = parse_meta(&src, &mut diags);
    diags_in("import.toml", &toml, &diags);
    if let Some(back) = back {
        assert_eq!(
            (&back.id, &back.outlet, &back.headline, &back.byline, &back.url),
            (&meta.id, &meta.outlet, &meta.headline, &meta.byline, &meta.url),
            "imported metadata round trip"
        );
    }
    if t.split_whitespace().next().is_some() {
        let a = Article::new(meta, "import.txt", t);
        assert!(!a.is_empty());
        article_ok(&a, t.split('\n').count());
    }
    let md = markdown_to_text(&text);
    assert_eq!(md.trim(), md.as_str());
}

// ---- H5P ----

/// Bytes → H5P "Mark the Words": a `.h5p` zip (bytes starting `PK`) or a `content.json`, then the
/// lesson written for it, parsed against its article: every marked word is a key at its place.
pub fn h5p(data: &[u8]) {
    let name = "fuzz.h5p";
    let mtw = if data.starts_with(b"PK") {
        h5p_from_bytes(name, data.to_vec())
    } else {
        let text = String::from_utf8_lossy(data);
        parse_mark_the_words(&text, name)
    };
    let Ok(mtw) = mtw else { return };
    let len = mtw.text.chars().count();
    assert!(!mtw.marked.is_empty());
    for w in mtw.marked.windows(2) {
        assert!(w[0].end <= w[1].start, "marked words overlap");
    }
    for s in &mtw.marked {
        span_in(*s, len, "marked word");
        assert!(!s.is_empty(), "empty marked word");
    }
    let id = "imported";
    let lesson_text = mark_the_words_lesson(&mtw, id, "Imported task");
    let article = Article::new(
        ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        },
        "imported.txt",
        &mtw.text,
    );
    let same_text = article.text.as_str() == mtw.text;
    let mut corpus = Corpus::new();
    corpus.add(article).expect("one article");
    let lf = parse_lesson_text("imported.md", lesson_text.clone(), &corpus);
    diags_in("imported.md", &lesson_text, &lf.diagnostics);
    let Some(l) = &lf.lesson else {
        panic!(
            "the lesson written for an H5P task does not parse: {:?}",
            lf.diagnostics
        );
    };
    assert_eq!(l.steps.len(), 1, "{:?}", lf.diagnostics);
    let Some(a) = corpus.get(id) else { return };
    let keys = l.steps[0].keys();
    for (i, m) in mtw.marked.iter().enumerate() {
        if !same_text || !clean_span(a, *m) || overlaps_itself(a, *m) {
            continue;
        }
        let kid = format!("word-{}", i + 1);
        let k = keys
            .iter()
            .find(|k| k.id == kid)
            .unwrap_or_else(|| panic!("marked word {i} {:?} is not a key: {:?}", a.slice(*m), lf.diagnostics));
        assert_eq!(
            k.core,
            *m,
            "marked word {i} {:?} anchored at {:?}",
            a.slice(*m),
            a.slice(k.core)
        );
    }
}

// ---- anchoring ----

/// A span a teacher could quote: not empty, and neither end is a space or a char the folding
/// drops (which a quote cannot point at).
fn clean_span(a: &Article, s: Span) -> bool {
    let t = a.slice(s);
    let ok = |c: Option<char>| c.is_some_and(|c| fold_char(c).is_some_and(|f| !f.is_whitespace()));
    !s.is_empty() && s.end <= a.len() && ok(t.chars().next()) && ok(t.chars().next_back())
}

/// The quote of `s` also matches at a place that overlaps `s` (the quote repeats itself, as "aa"
/// does in "aaa"). Places are found without overlaps, so such a span may be no place at all, and
/// no anchor names it: a known limit of [`find_all`], not checked here.
fn overlaps_itself(a: &Article, s: Span) -> bool {
    find_all(a, &collapse_whitespace(a.slice(s)))
        .iter()
        .any(|p| *p != s && p.intersects(&s))
}

/// Splits the input into fields at 0x1F (ASCII unit separator): text, quote, prefix, suffix, and
/// a last field of control bytes (occurrence, then span start and end as little-endian u16).
/// Missing prefix/suffix fields are `None`; present ones are `Some`, even when empty.
struct AnchorInput {
    text: String,
    quote: String,
    prefix: Option<String>,
    suffix: Option<String>,
    occurrence: Option<usize>,
    span: (usize, usize),
}

impl AnchorInput {
    fn parse(data: &[u8]) -> Self {
        let mut parts = data.split(|&b| b == 0x1F);
        let s = |p: &[u8]| String::from_utf8_lossy(p).into_owned();
        let text = parts.next().map(s).unwrap_or_default();
        let quote = parts.next().map(s).unwrap_or_default();
        let prefix = parts.next().map(s);
        let suffix = parts.next().map(s);
        let ctl = parts.next().unwrap_or(&[]);
        let byte = |i: usize| ctl.get(i).copied().unwrap_or(0) as usize;
        let occurrence = (byte(0) > 0).then(|| byte(0));
        let span = (byte(1) | (byte(2) << 8), byte(3) | (byte(4) << 8));
        Self {
            text,
            quote,
            prefix,
            suffix,
            occurrence,
            span,
        }
    }
}

/// Structured input → find_all, resolve, closest and anchor_for: every span inside the article,
/// and `anchor_for(span)` resolving back to the same span.
pub fn anchor(data: &[u8]) {
    let inp = AnchorInput::parse(data);
    let a = Article::new(
        ArticleMeta {
            id: "t".into(),
            ..ArticleMeta::default()
        },
        "t.txt",
        &inp.text,
    );
    let len = a.len();
    for s in find_all(&a, &inp.quote) {
        span_in(s, len, "find_all");
    }
    // The one-pass search for many quotes finds what find_all finds, quote by quote.
    let quotes: Vec<&str> = [Some(inp.quote.as_str()), inp.prefix.as_deref(), inp.suffix.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let many = find_all_many(&a, &quotes);
    for (i, q) in quotes.iter().enumerate() {
        assert_eq!(
            many.get(i),
            find_all(&a, q).as_slice(),
            "find_all_many and find_all differ for {q:?}"
        );
    }
    let anchor = Anchor {
        quote: inp.quote.clone(),
        prefix: inp.prefix.clone(),
        suffix: inp.suffix.clone(),
        occurrence: inp.occurrence,
    };
    match resolve(&a, &anchor) {
        Ok(s) => span_in(s, len, "resolve"),
        Err(AnchorError::Empty) => {}
        Err(AnchorError::NotFound { closest, case_differs }) => {
            if let Some((s, sim)) = closest {
                span_in(s, len, "closest");
                assert!((0.5..=1.0).contains(&sim), "similarity {sim}");
            }
            if let Some(s) = case_differs {
                span_in(s, len, "case_differs");
            }
        }
        Err(
            AnchorError::Ambiguous { places }
            | AnchorError::ContextMismatch { places }
            | AnchorError::NoSuchOccurrence { places, .. },
        ) => {
            for s in places {
                span_in(s, len, "places");
            }
        }
    }
    if let Some((s, sim)) = closest(&a, &inp.quote) {
        span_in(s, len, "closest");
        assert!((0.5..=1.0).contains(&sim), "similarity {sim}");
    }
    if len == 0 {
        return;
    }
    let (x, y) = (inp.span.0 % (len + 1), inp.span.1 % (len + 1));
    let span = Span::new(x, y);
    let an = anchor_for(&a, span);
    let back = resolve(&a, &an);
    if let Ok(s) = &back {
        span_in(*s, len, "resolve(anchor_for)");
    }
    if clean_span(&a, span) && !overlaps_itself(&a, span) {
        assert_eq!(
            back,
            Ok(span),
            "anchor_for({span}) = {an:?} does not resolve back; the span is {:?}",
            a.slice(span)
        );
    }
}
