//! Scoring highlights against an answer key: partial credit that is fair and explains itself.
//!
//! The figures are SemEval-2020 Task 11's span precision and recall (Da San Martino et al.):
//! each span is a set of char offsets, `C(s, t, h) = |s ∩ t| / h`,
//! `P = Σ C(s, t, |s|) / |S|`, `R = Σ C(s, t, |t|) / |T|`, `F1 = 2PR / (P + R)`, with the official
//! scorer's edge cases (P = 0 with no highlights, F1 = 1 when both sets are empty), after merging
//! overlapping highlights. Four additions, each off when it does not apply, so that a step whose
//! keys are all `extent = "exact"` with no labels and no pairs scores exactly like the official
//! scorer:
//!
//! 1. **Allowed extent.** Chars of a highlight that lie in some key's allowed extent (by default its
//!    sentence) but in no key's core are not counted in `|s|`: highlighting the whole sentence
//!    around a key phrase costs nothing.
//! 2. **Labels.** A highlight and a key count fully when their labels agree and
//!    [`ScoreConfig::wrong_label_credit`] (default ½) when the place is right but the label is not.
//!    One highlight's precision share and one key's recall share never exceed 1.
//! 3. **Conflict pairs.** A key that is one side of a conflict adds to recall only when the other
//!    side is highlighted too. Key `points` weight recall (all 1 by default).
//! 4. **The flooding rule.** Let *spare text* be the chars outside every key's allowed extent.
//!    When highlights cover more than a third of it, the step score is capped: the cap falls
//!    linearly from 1 at one third to 0 at two thirds. Highlighting the whole article, or every
//!    sentence, covers nearly all spare text and so scores 0, below any honest attempt.

use serde::Serialize;

use crate::text::Span;

/// Share of a key's core that must be highlighted (with the right label) for "found".
pub(crate) const FOUND_COVERAGE: f64 = 0.75;
/// Share of spare text above which the flooding cap starts to fall.
pub(crate) const FLOOD_START: f64 = 1.0 / 3.0;
/// Share of spare text at which the flooding cap reaches 0.
pub(crate) const FLOOD_END: f64 = 2.0 / 3.0;

/// One key span as the scorer sees it. Offsets are char offsets into article `article` of the step.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreKey {
    /// Which of the step's articles (0 or 1).
    pub article: usize,
    /// What must be highlighted.
    pub core: Span,
    /// Where extra highlighting costs nothing; contains `core`.
    pub allowed: Span,
    /// The label the student must pick, if the step is labelled.
    pub label: Option<String>,
    /// Weight in recall (default 1).
    pub points: f64,
    /// Index (in the same key list) of the other side of a conflict pair.
    pub pair: Option<usize>,
}

impl crate::lesson::Step {
    /// Its keys as the scorer sees them (article index in the step, core, allowed extent, label,
    /// points, pair).
    pub fn score_keys(&self) -> Vec<ScoreKey> {
        self.keys()
            .iter()
            .map(|k| ScoreKey {
                article: self.articles.iter().position(|a| *a == k.article).unwrap_or(0),
                core: k.core,
                allowed: k.allowed,
                label: k.label.clone(),
                points: k.points,
                pair: k.pair,
            })
            .collect()
    }
}

impl ScoreKey {
    /// A key with `extent = exact`, no label, 1 point, no pair.
    pub fn exact(article: usize, core: Span) -> Self {
        Self {
            article,
            core,
            allowed: core,
            label: None,
            points: 1.0,
            pair: None,
        }
    }
}

/// One student highlight. Offsets are char offsets into article `article` of the step.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Highlight {
    /// Which of the step's articles (0 or 1).
    pub article: usize,
    /// The highlighted chars.
    pub span: Span,
    /// The label picked, if any.
    pub label: Option<String>,
}

/// Settings that change how a step is scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreConfig {
    /// Credit for a highlight in the right place with the wrong label (0–1).
    pub wrong_label_credit: f64,
}

impl Default for ScoreConfig {
    fn default() -> Self {
        Self {
            wrong_label_credit: 0.5,
        }
    }
}

/// How a key span fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Highlighted (at least three quarters of its core), with the right label.
    Found,
    /// Some of it highlighted, or the label is wrong, or the other side of its pair is missing.
    Partly,
    /// Not highlighted at all.
    Missed,
}

/// Why a key is only partly found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartlyWhy {
    /// Less than three quarters of the core is highlighted.
    PartOfCore,
    /// The place is right but the label is not.
    WrongLabel,
    /// This side of a conflict is highlighted but the other side is not.
    PartnerMissing,
}

/// The verdict on one key span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyResult {
    /// Found, partly, missed.
    pub verdict: Verdict,
    /// Why only partly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<PartlyWhy>,
    /// Share of the core highlighted, any label (0–1).
    pub coverage: f64,
    /// Indexes (into the highlights as given) of the highlights that touch this key's core.
    pub highlights: Vec<usize>,
}

/// A student highlight that touches no key's core.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extra {
    /// Index into the highlights as given.
    pub highlight: usize,
    /// A key whose allowed extent it touches ("close, but not the words that matter").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_key: Option<usize>,
}

/// The full result of scoring one step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepScore {
    /// Span precision (0–1).
    pub precision: f64,
    /// Span recall (0–1).
    pub recall: f64,
    /// Their harmonic mean (0–1).
    pub f1: f64,
    /// Share of the spare text highlighted (0–1); see the flooding rule.
    pub flooding: f64,
    /// The cap the flooding rule puts on the score (1 = no cap).
    pub cap: f64,
    /// The step's score: `min(f1, cap)`.
    pub score: f64,
    /// One result per key, in key order.
    pub keys: Vec<KeyResult>,
    /// Highlights that are in no key.
    pub extras: Vec<Extra>,
}

impl StepScore {
    /// Did the highlights cover more than the allowed share of the spare text ([`FLOOD_START`])?
    /// Then the flooding rule caps the score, and a check reveals nothing of the keys.
    pub fn flooded(&self) -> bool {
        self.flooding > FLOOD_START
    }
}

/// Sorted, disjoint spans with prefix sums, for O(log n) "how much of this range is covered".
#[derive(Clone, Debug, Default)]
struct IntervalSet {
    spans: Vec<Span>,
    /// `prefix[i]` = total length of `spans[..i]`.
    prefix: Vec<usize>,
}

impl IntervalSet {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.retain(|s| !s.is_empty());
        spans.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        Self::from_disjoint(merged)
    }

    fn from_disjoint(spans: Vec<Span>) -> Self {
        let mut prefix = Vec::with_capacity(spans.len() + 1);
        let mut acc = 0;
        prefix.push(0);
        for s in &spans {
            acc += s.len();
            prefix.push(acc);
        }
        Self { spans, prefix }
    }

    /// Covered chars in `[0, x)`.
    fn covered_before(&self, x: usize) -> usize {
        let i = self.spans.partition_point(|s| s.start < x);
        if i == 0 {
            return 0;
        }
        let last = self.spans[i - 1];
        self.prefix[i - 1] + last.end.min(x) - last.start
    }

    /// Covered chars in `span`.
    fn measure(&self, span: Span) -> usize {
        self.covered_before(span.end) - self.covered_before(span.start)
    }

    fn total(&self) -> usize {
        *self.prefix.last().unwrap_or(&0)
    }

    /// `self \ other`.
    fn minus(&self, other: &IntervalSet) -> IntervalSet {
        let mut out = Vec::new();
        let mut j = 0;
        for s in &self.spans {
            let mut cur = s.start;
            while j < other.spans.len() && other.spans[j].end <= cur {
                j += 1;
            }
            let mut k = j;
            while k < other.spans.len() && other.spans[k].start < s.end {
                let o = other.spans[k];
                if o.start > cur {
                    out.push(Span::new(cur, o.start));
                }
                cur = cur.max(o.end);
                k += 1;
            }
            if cur < s.end {
                out.push(Span::new(cur, s.end));
            }
        }
        IntervalSet::from_disjoint(out)
    }
}

/// Spans (each with an id) sorted by start, with the running maximum of their ends, so the spans
/// overlapping a query are found in O(log n + answers) even when the spans nest or overlap.
#[derive(Clone, Debug, Default)]
struct SpanIndex {
    items: Vec<(Span, usize)>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn new(mut items: Vec<(Span, usize)>) -> Self {
        items.sort();
        let mut m = 0;
        let max_end = items
            .iter()
            .map(|(s, _)| {
                m = m.max(s.end);
                m
            })
            .collect();
        Self { items, max_end }
    }

    /// Ids of the spans sharing at least one char with `q`.
    fn overlapping(&self, q: Span) -> impl Iterator<Item = usize> + '_ {
        let first = self.max_end.partition_point(|&e| e <= q.start);
        self.items[first..]
            .iter()
            .take_while(move |(s, _)| s.start < q.end)
            .filter(move |(s, _)| s.intersects(&q))
            .map(|(_, id)| *id)
    }
}

/// Merges overlapping highlights of the same article and label (as the official scorer merges
/// overlapping spans); returns the merged spans, each with the indexes of the originals.
fn merge_highlights(highlights: &[Highlight], labelled: bool) -> Vec<(Highlight, Vec<usize>)> {
    let mut order: Vec<usize> = (0..highlights.len())
        .filter(|&i| !highlights[i].span.is_empty())
        .collect();
    let label_of = |i: usize| if labelled { highlights[i].label.as_deref() } else { None };
    order.sort_by(|&a, &b| {
        let (ha, hb) = (&highlights[a], &highlights[b]);
        (ha.article, label_of(a), ha.span).cmp(&(hb.article, label_of(b), hb.span))
    });
    let mut out: Vec<(Highlight, Vec<usize>)> = Vec::new();
    for i in order {
        let h = Highlight {
            article: highlights[i].article,
            span: highlights[i].span,
            label: label_of(i).map(str::to_string),
        };
        match out.last_mut() {
            Some((last, members))
                if last.article == h.article && last.label == h.label && h.span.start < last.span.end =>
            {
                last.span.end = last.span.end.max(h.span.end);
                members.push(i);
            }
            _ => out.push((h, vec![i])),
        }
    }
    out
}

/// Scores one highlight step. `article_lens[a]` is the char length of the step's article `a`.
/// Highlights may come in any order, overlap, or reach past an article's end (they are clipped).
pub fn score_step(article_lens: &[usize], keys: &[ScoreKey], highlights: &[Highlight], cfg: ScoreConfig) -> StepScore {
    let labelled = keys.iter().any(|k| k.label.is_some());
    let clipped: Vec<Highlight> = highlights
        .iter()
        .map(|h| {
            let len = article_lens.get(h.article).copied().unwrap_or(0);
            Highlight {
                span: Span::new(h.span.start.min(len), h.span.end.min(len)),
                ..h.clone()
            }
        })
        .collect();
    let merged = merge_highlights(&clipped, labelled);
    let n_articles = article_lens
        .len()
        .max(keys.iter().map(|k| k.article + 1).max().unwrap_or(0));
    let per: Vec<PerArticle> = (0..n_articles).map(|a| PerArticle::new(keys, a)).collect();
    let mut tally = Tally::new(keys.len(), n_articles);
    for (h, members) in &merged {
        tally.add(h, members, keys, &per, cfg);
    }
    let flooding = flooding(article_lens, &per, &mut tally.highlighted);
    let cap = ((FLOOD_END - flooding) / (FLOOD_END - FLOOD_START)).clamp(0.0, 1.0);
    let (results, recall) = tally.key_results(keys);
    let mut extras = tally.extras;
    extras.sort_by_key(|e| e.highlight);

    let n_s = merged.len();
    let precision = if n_s > 0 { tally.prec_sum / n_s as f64 } else { 0.0 };
    let f1 = if n_s == 0 && keys.is_empty() {
        1.0
    } else if precision > 0.0 && recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    StepScore {
        precision,
        recall,
        f1,
        flooding,
        cap,
        score: f1.min(cap),
        keys: results,
        extras,
    }
}

/// One article's keys, by core and by allowed extent, for O(log n) overlap queries, and its
/// free zone (allowed extents minus cores).
struct PerArticle {
    cores: SpanIndex,
    allowed_idx: SpanIndex,
    free: IntervalSet,
    allowed: IntervalSet,
}

impl PerArticle {
    fn new(keys: &[ScoreKey], a: usize) -> Self {
        let mine: Vec<usize> = (0..keys.len()).filter(|&k| keys[k].article == a).collect();
        let cores = SpanIndex::new(mine.iter().map(|&k| (keys[k].core, k)).collect());
        let allowed_idx = SpanIndex::new(
            mine.iter()
                .map(|&k| (keys[k].allowed.cover(&keys[k].core), k))
                .collect(),
        );
        let allowed = IntervalSet::new(mine.iter().map(|&k| keys[k].allowed.cover(&keys[k].core)).collect());
        let core_set = IntervalSet::new(mine.iter().map(|&k| keys[k].core).collect());
        PerArticle {
            free: allowed.minus(&core_set),
            allowed,
            cores,
            allowed_idx,
        }
    }
}

/// What the merged highlights add up to, per key and overall.
struct Tally {
    prec_sum: f64,
    /// Per key: Σ credit·|s∩t| / |t|.
    cover_label: Vec<f64>,
    /// Per key: Σ |s∩t| (chars).
    cover_any: Vec<usize>,
    /// Per key: the highlights (input indices) touching its core.
    touching: Vec<Vec<usize>>,
    /// Per key: the parts of its core covered by highlights of its own label.
    label_hits: Vec<Vec<Span>>,
    extras: Vec<Extra>,
    /// Per article: the merged highlights.
    highlighted: Vec<Vec<Span>>,
}

impl Tally {
    fn new(n_keys: usize, n_articles: usize) -> Self {
        Tally {
            prec_sum: 0.0,
            cover_label: vec![0.0; n_keys],
            cover_any: vec![0; n_keys],
            touching: vec![Vec::new(); n_keys],
            label_hits: vec![Vec::new(); n_keys],
            extras: Vec::new(),
            highlighted: vec![Vec::new(); n_articles],
        }
    }

    /// Adds one merged highlight `h` (made of the input highlights `members`).
    fn add(&mut self, h: &Highlight, members: &[usize], keys: &[ScoreKey], per: &[PerArticle], cfg: ScoreConfig) {
        let Some(pa) = per.get(h.article) else {
            self.extras.extend(members.iter().map(|&i| Extra {
                highlight: i,
                near_key: None,
            }));
            return;
        };
        self.highlighted[h.article].push(h.span);
        let eff = h.span.len() - pa.free.measure(h.span);
        let mut hits = 0.0;
        let mut touched_any = false;
        for k in pa.cores.overlapping(h.span) {
            let key = &keys[k];
            let inter = key.core.overlap(&h.span);
            touched_any = true;
            let c = if key.label.is_none() || h.label == key.label {
                1.0
            } else {
                cfg.wrong_label_credit.clamp(0.0, 1.0)
            };
            if eff > 0 {
                hits += c * inter as f64 / eff as f64;
            }
            self.cover_label[k] += c * inter as f64 / key.core.len().max(1) as f64;
            self.cover_any[k] += inter;
            if key.label.is_some() && key.label == h.label {
                self.label_hits[k].push(Span::new(
                    h.span.start.max(key.core.start),
                    h.span.end.min(key.core.end),
                ));
            }
            for &i in members {
                if !self.touching[k].contains(&i) {
                    self.touching[k].push(i);
                }
            }
        }
        self.prec_sum += hits.min(1.0);
        if !touched_any {
            let near = pa.allowed_idx.overlapping(h.span).min();
            self.extras.extend(members.iter().map(|&i| Extra {
                highlight: i,
                near_key: near,
            }));
        }
    }

    /// Each key's verdict, and the recall over all keys (with pairs and key points).
    fn key_results(&mut self, keys: &[ScoreKey]) -> (Vec<KeyResult>, f64) {
        let coverage: Vec<f64> = (0..keys.len())
            .map(|k| (self.cover_any[k] as f64 / keys[k].core.len().max(1) as f64).min(1.0))
            .collect();
        let mut rec_num = 0.0;
        let mut rec_den = 0.0;
        let mut results = Vec::with_capacity(keys.len());
        for (k, key) in keys.iter().enumerate() {
            let partner_ok = key.pair.is_none_or(|p| coverage.get(p).is_some_and(|&c| c > 0.0));
            let share = if partner_ok { self.cover_label[k].min(1.0) } else { 0.0 };
            let w = key.points.max(0.0);
            rec_num += w * share;
            rec_den += w;
            let labelled_cov = if key.label.is_some() {
                IntervalSet::new(std::mem::take(&mut self.label_hits[k])).total() as f64 / key.core.len().max(1) as f64
            } else {
                coverage[k]
            };
            let (verdict, why) = if coverage[k] == 0.0 {
                (Verdict::Missed, None)
            } else if !partner_ok {
                (Verdict::Partly, Some(PartlyWhy::PartnerMissing))
            } else if labelled_cov >= FOUND_COVERAGE - 1e-9 {
                (Verdict::Found, None)
            } else if coverage[k] >= FOUND_COVERAGE - 1e-9 {
                (Verdict::Partly, Some(PartlyWhy::WrongLabel))
            } else {
                (Verdict::Partly, Some(PartlyWhy::PartOfCore))
            };
            let mut hl = std::mem::take(&mut self.touching[k]);
            hl.sort_unstable();
            results.push(KeyResult {
                verdict,
                why,
                coverage: coverage[k],
                highlights: hl,
            });
        }
        let recall = if rec_den > 0.0 { rec_num / rec_den } else { 0.0 };
        (results, recall)
    }
}

/// Flooding: the share of the text outside every allowed extent that is highlighted.
fn flooding(article_lens: &[usize], per: &[PerArticle], highlighted: &mut [Vec<Span>]) -> f64 {
    let mut spare_total = 0usize;
    let mut flood_chars = 0usize;
    for (a, pa) in per.iter().enumerate() {
        let len = article_lens.get(a).copied().unwrap_or(0);
        let spare = len.saturating_sub(pa.allowed.measure(Span::new(0, len)));
        spare_total += spare;
        let hl = IntervalSet::new(std::mem::take(&mut highlighted[a]));
        flood_chars += hl.total() - hl.spans.iter().map(|s| pa.allowed.measure(*s)).sum::<usize>();
    }
    if spare_total == 0 {
        0.0
    } else {
        (flood_chars as f64 / spare_total as f64).min(1.0)
    }
}

/// Scores a multiple-choice answer: precision/recall/F1 of the chosen options against the
/// correct ones, so choosing every option never pays. With `multiple == false` any one correct
/// option is a full answer.
pub fn score_choice(correct: &[bool], chosen: &[usize], multiple: bool) -> f64 {
    let mut chosen: Vec<usize> = chosen.iter().copied().filter(|&i| i < correct.len()).collect();
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.is_empty() {
        return 0.0;
    }
    let right = chosen.iter().filter(|&&i| correct[i]).count() as f64;
    if !multiple {
        return if chosen.len() == 1 && right == 1.0 { 1.0 } else { 0.0 };
    }
    let total_right = correct.iter().filter(|&&c| c).count() as f64;
    if right == 0.0 || total_right == 0.0 {
        return 0.0;
    }
    let p = right / chosen.len() as f64;
    let r = right / total_right;
    2.0 * p * r / (p + r)
}
