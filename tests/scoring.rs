//! Scoring, written as annotated text: `[...]` is a student highlight, `{...}` a key's core.
//! Allowed extents come from the text's sentences unless a test says `exact`.

use lateral::grading::score::{
    Highlight, PartlyWhy, ScoreConfig, ScoreKey, StepScore, Verdict, score_choice, score_step,
};
use lateral::text::{Segments, Span};
use proptest::prelude::*;

/// Text with `[..]` highlights and `{..}` key cores removed, and their char spans.
struct Marked {
    text: String,
    highlights: Vec<Span>,
    keys: Vec<Span>,
}

fn marked(s: &str) -> Marked {
    let mut text = String::new();
    let (mut highlights, mut keys) = (Vec::new(), Vec::new());
    let (mut h_open, mut k_open) = (None, None);
    let mut n = 0;
    for c in s.chars() {
        match c {
            '[' => h_open = Some(n),
            ']' => highlights.push(Span::new(h_open.take().expect("] without ["), n)),
            '{' => k_open = Some(n),
            '}' => keys.push(Span::new(k_open.take().expect("} without {"), n)),
            c => {
                text.push(c);
                n += 1;
            }
        }
    }
    Marked { text, highlights, keys }
}

/// Scores `s` with sentence extents, no labels.
fn score(s: &str) -> StepScore {
    let m = marked(s);
    let seg = Segments::new(&m.text);
    let keys: Vec<ScoreKey> = m
        .keys
        .iter()
        .map(|&k| ScoreKey {
            allowed: seg.sentence_extent(k),
            ..ScoreKey::exact(0, k)
        })
        .collect();
    score_step(
        &[m.text.chars().count()],
        &keys,
        &hl(&m.highlights, None),
        ScoreConfig::default(),
    )
}

/// Scores `s` with exact extents, no labels: the official scorer's setting.
fn score_exact(s: &str) -> StepScore {
    let m = marked(s);
    let keys: Vec<ScoreKey> = m.keys.iter().map(|&k| ScoreKey::exact(0, k)).collect();
    score_step(
        &[m.text.chars().count()],
        &keys,
        &hl(&m.highlights, None),
        ScoreConfig::default(),
    )
}

fn hl(spans: &[Span], label: Option<&str>) -> Vec<Highlight> {
    spans
        .iter()
        .map(|&span| Highlight {
            article: 0,
            span,
            label: label.map(str::to_string),
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {
        assert!(close($a, $b), "{} = {} but expected {}", stringify!($a), $a, $b)
    };
}

#[test]
fn exact_answer_scores_one() {
    let s = score("The {senator} said [{senator}] no.");
    // Two keys; only the second highlighted: P = 1, R = 1/2.
    assert_close!(s.precision, 1.0);
    assert_close!(s.recall, 0.5);
    let s = score("The [{senator}] said no.");
    assert_close!(s.score, 1.0);
    assert_eq!(s.keys[0].verdict, Verdict::Found);
}

#[test]
fn the_rest_of_the_sentence_is_free() {
    // Highlighting the whole sentence around the key costs nothing…
    let s = score("Intro here. [The {senator} said no.] Then more text follows here.");
    assert_close!(s.precision, 1.0);
    assert_close!(s.score, 1.0);
    // …but spilling into the next sentence does: 4 core chars, the space between the
    // sentences and "Then " count; the rest of the key's own sentence does not.
    let s = score("Intro here. [The {four} said no. Then ]more text follows here.");
    assert_close!(s.precision, 4.0 / 10.0);
    assert_close!(s.recall, 1.0);
}

#[test]
fn partial_highlight_is_partly_found_with_partial_credit() {
    let s = score_exact("He said {[Russia] ignored the call} today.");
    assert_eq!(s.keys[0].verdict, Verdict::Partly);
    assert_eq!(s.keys[0].why, Some(PartlyWhy::PartOfCore));
    assert_close!(s.recall, 6.0 / 23.0);
    assert_close!(s.precision, 1.0);
    // Three quarters of the core is enough for "found".
    let s = score_exact("He said {[Russia ignored the ca]ll} today.");
    assert_eq!(s.keys[0].verdict, Verdict::Found);
}

#[test]
fn highlights_off_the_key_are_listed_as_extras() {
    let s = score("[Other] words here. The {senator} said [no]. And [more].");
    assert_eq!(s.keys[0].verdict, Verdict::Missed);
    assert_eq!(s.extras.len(), 3);
    assert_eq!(s.extras[0].near_key, None);
    // "no" is in the key's sentence: close, but not the words that matter.
    assert_eq!(s.extras[1].near_key, Some(0));
    assert_close!(s.score, 0.0);
}

#[test]
fn labels_give_full_credit_only_when_they_agree() {
    let m = marked("They {claimed} it. He {said} so.");
    let keys = vec![
        ScoreKey {
            label: Some("loaded-word".into()),
            ..ScoreKey::exact(0, m.keys[0])
        },
        ScoreKey {
            label: Some("naming".into()),
            ..ScoreKey::exact(0, m.keys[1])
        },
    ];
    let len = [m.text.chars().count()];
    let right = vec![
        Highlight {
            article: 0,
            span: m.keys[0],
            label: Some("loaded-word".into()),
        },
        Highlight {
            article: 0,
            span: m.keys[1],
            label: Some("naming".into()),
        },
    ];
    let s = score_step(&len, &keys, &right, ScoreConfig::default());
    assert_close!(s.score, 1.0);
    let wrong = vec![
        Highlight {
            article: 0,
            span: m.keys[0],
            label: Some("naming".into()),
        },
        Highlight {
            article: 0,
            span: m.keys[1],
            label: Some("naming".into()),
        },
    ];
    let s = score_step(&len, &keys, &wrong, ScoreConfig::default());
    assert_eq!(s.keys[0].verdict, Verdict::Partly);
    assert_eq!(s.keys[0].why, Some(PartlyWhy::WrongLabel));
    assert_eq!(s.keys[1].verdict, Verdict::Found);
    // Place right, label wrong: half credit on that pair.
    assert_close!(s.precision, (0.5 + 1.0) / 2.0);
    assert_close!(s.recall, (0.5 + 1.0) / 2.0);
    let s = score_step(
        &len,
        &keys,
        &wrong,
        ScoreConfig {
            wrong_label_credit: 0.0,
        },
    );
    assert_close!(s.precision, 0.5);
}

#[test]
fn a_conflict_counts_only_when_both_sides_are_found() {
    let m = marked("A says {it was Ukrainian}. B says {it was Russian}.");
    let mut keys: Vec<ScoreKey> = m.keys.iter().map(|&k| ScoreKey::exact(0, k)).collect();
    keys[0].pair = Some(1);
    keys[1].pair = Some(0);
    let len = [m.text.chars().count()];
    let one_side = hl(&m.keys[..1], None);
    let s = score_step(&len, &keys, &one_side, ScoreConfig::default());
    assert_eq!(s.keys[0].verdict, Verdict::Partly);
    assert_eq!(s.keys[0].why, Some(PartlyWhy::PartnerMissing));
    assert_eq!(s.keys[1].verdict, Verdict::Missed);
    assert_close!(s.recall, 0.0);
    assert_close!(s.score, 0.0);
    let both = hl(&m.keys, None);
    let s = score_step(&len, &keys, &both, ScoreConfig::default());
    assert_close!(s.score, 1.0);
}

#[test]
fn key_points_weight_recall() {
    let m = marked("{One} two. {Three} four.");
    let keys = vec![
        ScoreKey {
            points: 3.0,
            ..ScoreKey::exact(0, m.keys[0])
        },
        ScoreKey::exact(0, m.keys[1]),
    ];
    let s = score_step(
        &[m.text.chars().count()],
        &keys,
        &hl(&m.keys[..1], None),
        ScoreConfig::default(),
    );
    assert_close!(s.recall, 0.75);
}

/// An article of 40 sentences with two short keys: the shape of a real step.
fn long_article() -> String {
    let mut s = String::new();
    for i in 0..40 {
        match i {
            7 => s.push_str("Officials said the missile was {probably Ukrainian}. "),
            23 => s.push_str("Another report called it {a Russian missile}. "),
            _ => s.push_str(&format!("Sentence number {i} says something else entirely. ")),
        }
    }
    s
}

#[test]
fn highlighting_everything_scores_zero() {
    let text = long_article();
    let m = marked(&text);
    let whole = format!("[{}]", m.text);
    // Put the keys back in so `score` sees them.
    let with_keys = whole
        .replacen("probably Ukrainian", "{probably Ukrainian}", 1)
        .replacen("a Russian missile", "{a Russian missile}", 1);
    let s = score(&with_keys);
    assert_close!(s.recall, 1.0);
    assert!(s.precision < 0.05, "{s:?}");
    assert_close!(s.cap, 0.0);
    assert_close!(s.score, 0.0);
}

#[test]
fn highlighting_every_sentence_scores_zero() {
    let m = marked(&long_article());
    let seg = Segments::new(&m.text);
    let keys: Vec<ScoreKey> = m
        .keys
        .iter()
        .map(|&k| ScoreKey {
            allowed: seg.sentence_extent(k),
            ..ScoreKey::exact(0, k)
        })
        .collect();
    let every = hl(&seg.sentences, None);
    let s = score_step(&[m.text.chars().count()], &keys, &every, ScoreConfig::default());
    // Without the flooding rule this would be P = 2/40, R = 1; with it, 0.
    assert_close!(s.recall, 1.0);
    assert!(s.flooding > 0.9, "{s:?}");
    assert_close!(s.score, 0.0);
    // A clearly poor but honest answer (one right sentence, three wrong ones) beats it.
    let poor = hl(
        &[seg.sentences[7], seg.sentences[1], seg.sentences[2], seg.sentences[3]],
        None,
    );
    let p = score_step(&[m.text.chars().count()], &keys, &poor, ScoreConfig::default());
    assert!(p.score > s.score, "{p:?}");
    assert_close!(p.cap, 1.0);
}

#[test]
fn flooding_cap_falls_between_one_and_two_thirds() {
    // 90 chars of spare text, no keys' extents; one key elsewhere.
    let text = format!("{{key}}{}", "x".repeat(90));
    let m = marked(&text);
    let keys = vec![ScoreKey::exact(0, m.keys[0])];
    let len = [m.text.chars().count()];
    let with = |n: usize| {
        let h = vec![
            Highlight {
                article: 0,
                span: m.keys[0],
                label: None,
            },
            Highlight {
                article: 0,
                span: Span::new(3, 3 + n),
                label: None,
            },
        ];
        score_step(&len, &keys, &h, ScoreConfig::default())
    };
    assert_close!(with(30).cap, 1.0);
    assert_close!(with(45).cap, 0.5);
    assert_close!(with(60).cap, 0.0);
}

// ---- Equality with the official SemEval-2020 Task 11 span scorer (hand-computed vectors) ----

#[test]
fn semeval_vector_one_highlight_across_two_keys() {
    // T = {[0,4), [6,10)}, S = {[2,8)}: P = (2/6 + 2/6) / 1, R = (2/4 + 2/4) / 2.
    let s = score_exact("{ab[cd}ef{gh]ij}");
    assert_close!(s.precision, 4.0 / 6.0);
    assert_close!(s.recall, 0.5);
    assert_close!(s.f1, 2.0 * (4.0 / 6.0) * 0.5 / (4.0 / 6.0 + 0.5));
}

#[test]
fn semeval_vector_false_positive() {
    // T = {[0,4)}, S = {[0,4), [5,6)}: P = (1 + 0) / 2, R = 1, F1 = 2/3.
    let s = score_exact("[{abcd}]e[f]gh");
    assert_close!(s.precision, 0.5);
    assert_close!(s.recall, 1.0);
    assert_close!(s.f1, 2.0 / 3.0);
}

#[test]
fn semeval_vector_overlapping_highlights_are_merged_first() {
    // S = {[0,3), [2,5)} merges to [0,5); T = {[0,4)}: P = 4/5, R = 1.
    let m = marked("{abcd}efgh");
    let keys = vec![ScoreKey::exact(0, m.keys[0])];
    let h = hl(&[Span::new(0, 3), Span::new(2, 5)], None);
    let s = score_step(&[8], &keys, &h, ScoreConfig::default());
    assert_close!(s.precision, 0.8);
    assert_close!(s.recall, 1.0);
    assert_close!(s.f1, 2.0 * 0.8 / 1.8);
}

#[test]
fn semeval_vector_touching_highlights_stay_apart() {
    // [0,2) and [2,4) share no char, so they are not merged: P = (2/2 + 2/2) / 2.
    let s = score_exact("{[ab][cd]}ef");
    assert_close!(s.precision, 1.0);
    assert_close!(s.recall, 1.0);
}

#[test]
fn semeval_vector_two_highlights_in_one_key() {
    // T = {[0,10)}, S = {[0,2), [5,9)}: P = (2/2 + 4/4)/2 = 1, R = (2/10 + 4/10)/1 = 0.6.
    let s = score_exact("{[ab]cde[fghi]j}klm");
    assert_close!(s.precision, 1.0);
    assert_close!(s.recall, 0.6);
    assert_close!(s.f1, 2.0 * 0.6 / 1.6);
}

#[test]
fn semeval_edge_cases() {
    // No highlights: P = R = F1 = 0.
    let s = score_exact("{abc} def");
    assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
    // Nothing on either side: F1 = 1.
    let s = score_step(&[10], &[], &[], ScoreConfig::default());
    assert_eq!(s.f1, 1.0);
}

#[test]
fn highlights_past_the_end_are_clipped() {
    let keys = vec![ScoreKey::exact(0, Span::new(0, 4))];
    let h = hl(&[Span::new(0, 400)], None);
    let s = score_step(&[8], &keys, &h, ScoreConfig::default());
    assert_close!(s.precision, 0.5);
}

#[test]
fn choices_never_reward_choosing_everything() {
    assert_eq!(score_choice(&[false, true, false], &[1], false), 1.0);
    assert_eq!(score_choice(&[false, true, false], &[0], false), 0.0);
    assert_eq!(score_choice(&[false, true, false], &[0, 1, 2], false), 0.0);
    assert_eq!(score_choice(&[true, true, false, false], &[0, 1], true), 1.0);
    let all = score_choice(&[true, true, false, false], &[0, 1, 2, 3], true);
    assert!(all < 0.7, "{all}");
    assert_eq!(score_choice(&[true, false], &[9], true), 0.0);
}

// ---- Properties ----

/// A random step: text length, keys with disjoint cores and allowed extents around them,
/// and highlights anywhere.
fn arb_step() -> impl Strategy<Value = (usize, Vec<ScoreKey>, Vec<Highlight>)> {
    (40usize..400)
        .prop_flat_map(|len| {
            let keys = proptest::collection::vec((0..len, 1usize..20, 0usize..15, 0usize..15, prop::bool::ANY), 0..6);
            let hls = proptest::collection::vec((0..len, 1usize..60, prop::option::of(0usize..3)), 0..10);
            (Just(len), keys, hls)
        })
        .prop_map(|(len, raw_keys, raw_hls)| {
            let mut keys: Vec<ScoreKey> = Vec::new();
            for (start, l, before, after, labelled) in raw_keys {
                let core = Span::new(start, (start + l).min(len));
                if core.is_empty() || keys.iter().any(|k| k.core.intersects(&core)) {
                    continue;
                }
                let allowed = Span::new(start.saturating_sub(before), (core.end + after).min(len));
                let label = labelled.then(|| format!("l{}", start % 3));
                keys.push(ScoreKey {
                    article: 0,
                    core,
                    allowed,
                    label,
                    points: 1.0,
                    pair: None,
                });
            }
            let labelled = keys.iter().any(|k| k.label.is_some());
            if labelled {
                for k in &mut keys {
                    k.label.get_or_insert_with(|| "l0".into());
                }
            } else if keys.len() >= 2 {
                keys[0].pair = Some(1);
                keys[1].pair = Some(0);
            }
            let hls = raw_hls
                .into_iter()
                .map(|(s, l, lab)| Highlight {
                    article: 0,
                    span: Span::new(s, (s + l).min(len)),
                    label: lab.map(|i| format!("l{i}")),
                })
                .collect();
            (len, keys, hls)
        })
}

proptest! {
    #[test]
    fn scores_stay_between_zero_and_one((len, keys, hls) in arb_step()) {
        let s = score_step(&[len], &keys, &hls, ScoreConfig::default());
        for x in [s.precision, s.recall, s.f1, s.score, s.cap, s.flooding] {
            prop_assert!((0.0..=1.0).contains(&x), "{s:?}");
        }
        for k in &s.keys {
            prop_assert!((0.0..=1.0).contains(&k.coverage));
        }
    }

    #[test]
    fn the_exact_key_scores_one((len, keys, _h) in arb_step()) {
        prop_assume!(!keys.is_empty());
        let answer: Vec<Highlight> = keys.iter().map(|k| Highlight { article: 0, span: k.core, label: k.label.clone() }).collect();
        let s = score_step(&[len], &keys, &answer, ScoreConfig::default());
        prop_assert!(close(s.score, 1.0), "{s:?}");
        prop_assert!(s.keys.iter().all(|k| k.verdict == Verdict::Found));
    }

    #[test]
    fn an_extra_highlight_outside_every_allowed_extent_never_raises_precision(
        (len, keys, hls) in arb_step(), start in 0usize..400, l in 1usize..40
    ) {
        // Pick a gap of the text that no allowed extent and no highlight touches.
        let mut covered = vec![false; len];
        for sp in keys.iter().map(|k| k.allowed.cover(&k.core)).chain(hls.iter().map(|h| h.span)) {
            for c in &mut covered[sp.range()] {
                *c = true;
            }
        }
        let gaps: Vec<usize> = (0..len).filter(|&i| !covered[i]).collect();
        if gaps.is_empty() {
            return Ok(());
        }
        let s0 = gaps[start % gaps.len()];
        let e0 = (s0..len.min(s0 + l)).take_while(|&i| !covered[i]).last().unwrap_or(s0) + 1;
        let extra = Span::new(s0, e0);
        let before = score_step(&[len], &keys, &hls, ScoreConfig::default());
        let mut more = hls.clone();
        more.push(Highlight { article: 0, span: extra, label: None });
        let after = score_step(&[len], &keys, &more, ScoreConfig::default());
        prop_assert!(after.precision <= before.precision + 1e-12, "{} > {}", after.precision, before.precision);
        prop_assert!(after.score <= before.score + 1e-12);
    }

    #[test]
    fn order_of_highlights_does_not_matter((len, keys, hls) in arb_step(), seed in 0u64..1000) {
        let mut shuffled = hls.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = ((seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64)) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let a = score_step(&[len], &keys, &hls, ScoreConfig::default());
        let b = score_step(&[len], &keys, &shuffled, ScoreConfig::default());
        prop_assert_eq!(a.precision, b.precision);
        prop_assert_eq!(a.recall, b.recall);
        prop_assert_eq!(a.score, b.score);
        prop_assert_eq!(a.extras.len(), b.extras.len());
        let va: Vec<Verdict> = a.keys.iter().map(|k| k.verdict).collect();
        let vb: Vec<Verdict> = b.keys.iter().map(|k| k.verdict).collect();
        prop_assert_eq!(va, vb);
    }

    #[test]
    fn highlighting_the_whole_text_never_beats_a_poor_answer((len, keys, _h) in arb_step()) {
        // With keys covering at most a third of the text (a sensible lesson), selecting
        // everything scores 0.
        let allowed: usize = keys.iter().map(|k| k.allowed.cover(&k.core).len()).sum();
        prop_assume!(!keys.is_empty() && allowed * 3 <= len);
        let all = vec![Highlight { article: 0, span: Span::new(0, len), label: keys[0].label.clone() }];
        let s = score_step(&[len], &keys, &all, ScoreConfig::default());
        prop_assert!(s.score <= 0.0 + 1e-12, "{s:?}");
    }
}
