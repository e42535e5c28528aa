//! The article pane: readable text with highlights, selection by drag, word clicks and a
//! keyboard cursor.
//!
//! Layout is cached: the text is laid out once per (article, column width, font size, theme),
//! one galley per paragraph. Highlights are painted as rectangles under the text from the galleys'
//! glyph positions, so adding or removing a highlight never lays text out again, and a frame
//! paints only the paragraphs in view. All positions this module hands out are char offsets into
//! the article's displayed text.

mod access;
mod columns;
mod input;
mod paint;
mod reveal;

use crate::tr;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Galley, Pos2, Rect, Sense, Ui, pos2, vec2};

use crate::app::theme::Theme;
use crate::corpus::Article;
use crate::grading::score::Verdict;
use crate::text::Span;
pub(crate) use access::{article_id, selecting, set_label_names, takes_arrows};
use input::{handle_keys, handle_pointer};
use paint::paint;
use reveal::overlay_tip;

pub(crate) use columns::{PaneMode, TABS_BELOW, article_columns};

/// One highlight to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkView {
    /// Where.
    pub span: Span,
    /// Palette index of its label (`None`: no label).
    pub label: Option<usize>,
    /// Text tag drawn after it (the label's number), so labels can be told apart without colour.
    pub tag: Option<String>,
    /// Is it the selected highlight?
    pub selected: bool,
    /// A background of its own (the class heatmap), instead of the label colour.
    pub fill: Option<egui::Color32>,
}

/// What a check or the solution adds on top of the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// A key span and how the student did on it.
    Key {
        /// The key's core.
        span: Span,
        /// Found, partly, missed.
        verdict: Verdict,
        /// Its number in the results list.
        number: usize,
        /// Shown when the pointer rests on it: its explanation, when the student may see it.
        tip: Option<String>,
    },
    /// A student highlight that is in no key.
    Extra {
        /// The highlight.
        span: Span,
    },
    /// A key span shown without a verdict (the class view).
    Answer {
        /// The key's core.
        span: Span,
        /// Its number.
        number: usize,
        /// Shown when the pointer rests on it.
        tip: Option<String>,
    },
}

impl Overlay {
    /// The tooltip of the overlay covering char `c`, if it has one.
    fn tip_at(&self, c: usize) -> Option<&str> {
        match self {
            Overlay::Key { span, tip, .. } | Overlay::Answer { span, tip, .. } => {
                tip.as_deref().filter(|_| span.start <= c && c < span.end)
            }
            Overlay::Extra { .. } => None,
        }
    }
}

/// Something the student did in the pane this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleEvent {
    /// Highlight these chars (a drag, a click on a word, or Enter); the session snaps to words.
    Highlight(Span),
    /// Clicked (or moved the keyboard cursor) inside the highlight that covers this char.
    Select(usize),
    /// Remove the highlight that covers this char (Delete or Backspace).
    Remove(usize),
}

/// The pane's state that outlives a frame: selection, keyboard cursor, layout cache.
pub struct ArticleViewState {
    /// Where a drag started (char offset).
    drag_anchor: Option<usize>,
    /// The live drag selection.
    pub(crate) selection: Option<Span>,
    /// Keyboard cursor: index into the article's words.
    pub(crate) cursor: Option<usize>,
    /// Keyboard selection anchor (word index) while Shift is held.
    pub(crate) kb_anchor: Option<usize>,
    layout: Option<Layout>,
    /// The paragraphs laid out this frame (index, galley): the ones on screen.
    frame: Vec<(usize, Arc<Galley>)>,
    /// Screen rectangle of the text block last frame (for tests and hit testing).
    pub(crate) text_rect: Rect,
    /// How many times the text was laid out (to check the cache in tests).
    layouts_made: usize,
    scroll_to_cursor: bool,
    /// A passage to bring into view on the next frame, and whether to flash it (a verdict
    /// clicked) or only scroll to it when it is off screen (after Check).
    reveal: Option<(Span, bool)>,
    /// The passage flashing, and when its flash ends (egui time, seconds).
    flash: Option<(Span, f64)>,
    /// How far the pane was scrolled down last frame (points).
    scroll_offset: f32,
}

impl Default for ArticleViewState {
    fn default() -> Self {
        Self {
            drag_anchor: None,
            selection: None,
            cursor: None,
            kb_anchor: None,
            layout: None,
            frame: Vec::new(),
            text_rect: Rect::NOTHING,
            layouts_made: 0,
            scroll_to_cursor: false,
            reveal: None,
            flash: None,
            scroll_offset: 0.0,
        }
    }
}

struct Para {
    span: Span,
    /// Top of the paragraph, relative to the text block.
    y: f32,
    /// Its height when last laid out.
    h: f32,
}

struct Layout {
    key: (String, u32, u32, bool),
    width: f32,
    paras: Vec<Para>,
    height: f32,
}

fn para_job(article: &Article, span: Span, width: f32, theme: &Theme) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        article.slice(span).to_string(),
        egui::TextFormat {
            font_id: theme.body_font(),
            color: theme.text_color(),
            line_height: Some(theme.line_height()),
            ..Default::default()
        },
    );
    job.wrap.max_width = width;
    job
}

impl ArticleViewState {
    /// How many times the text was laid out (to check the layout cache).
    pub fn layouts_made(&self) -> usize {
        self.layouts_made
    }

    /// Forgets selection, cursor and flash (for a new step).
    pub(crate) fn reset(&mut self) {
        self.drag_anchor = None;
        self.selection = None;
        self.cursor = None;
        self.kb_anchor = None;
        self.reveal = None;
        self.flash = None;
    }

    /// Brings a passage into view on the next frame and flashes it.
    pub(crate) fn reveal(&mut self, span: Span) {
        self.reveal = Some((span, true));
    }

    /// Scrolls to a passage on the next frame if it is off screen, without flashing it (the
    /// first result of a check, so that a student sees a verdict without hunting for it).
    pub(crate) fn bring_into_view(&mut self, span: Span) {
        self.reveal = Some((span, false));
    }

    /// Is a passage waiting to be brought into view?
    pub(crate) fn revealing(&self) -> bool {
        self.reveal.is_some()
    }

    /// The passage flashing now (it was just brought into view), if any.
    pub fn flashing(&self) -> Option<Span> {
        self.flash.map(|(s, _)| s)
    }

    /// How far the pane is scrolled down (points; 0 at the top).
    pub fn scroll_offset(&self) -> f32 {
        self.scroll_offset
    }

    /// Paragraph heights and positions for this width, font and theme. The galleys themselves
    /// are not kept across frames (egui's own cache owns them and may rebuild its font atlas);
    /// only the geometry is, and it heals itself if a fresh galley turns out taller or shorter.
    fn ensure_layout(&mut self, ui: &Ui, article: &Article, width: f32, theme: &Theme) {
        let key = (
            article.id().to_string(),
            width.round() as u32,
            (theme.font_size * 10.0) as u32,
            theme.dark,
        );
        if self.layout.as_ref().is_some_and(|l| l.key == key) {
            return;
        }
        let paras = article
            .segments
            .paragraphs
            .iter()
            .map(|&span| {
                let h = ui
                    .fonts_mut(|f| f.layout_job(para_job(article, span, width, theme)))
                    .size()
                    .y;
                Para { span, y: 0.0, h }
            })
            .collect();
        self.layouts_made += 1;
        let mut layout = Layout {
            key,
            width,
            paras,
            height: 0.0,
        };
        restack(&mut layout, theme.paragraph_gap());
        self.layout = Some(layout);
        self.frame.clear();
    }

    /// Lays out (from egui's cache) the paragraphs inside `clip` for this frame.
    fn fetch_visible(&mut self, ui: &Ui, article: &Article, theme: &Theme, clip: Rect) {
        self.frame.clear();
        let Some(layout) = &mut self.layout else { return };
        let top = clip.min.y - self.text_rect.min.y;
        let bottom = clip.max.y - self.text_rect.min.y;
        let first = layout.paras.partition_point(|p| p.y + p.h < top);
        let mut changed = false;
        for i in first..layout.paras.len() {
            let p = &mut layout.paras[i];
            if p.y > bottom {
                break;
            }
            let g = ui.fonts_mut(|f| f.layout_job(para_job(article, p.span, layout.width, theme)));
            if (g.size().y - p.h).abs() > 0.5 {
                p.h = g.size().y;
                changed = true;
            }
            self.frame.push((i, g));
        }
        if changed {
            restack(layout, theme.paragraph_gap());
            ui.ctx().request_repaint();
        }
    }

    fn para_at_y(&self, rel_y: f32) -> Option<(&Para, &Arc<Galley>)> {
        let layout = self.layout.as_ref()?;
        // Nearest paragraph laid out this frame.
        let (i, g) = self.frame.iter().min_by(|(a, _), (b, _)| {
            let d = |i: &usize| {
                let p = &layout.paras[*i];
                if rel_y < p.y {
                    p.y - rel_y
                } else if rel_y > p.y + p.h {
                    rel_y - p.y - p.h
                } else {
                    0.0
                }
            };
            d(a).total_cmp(&d(b))
        })?;
        Some((&layout.paras[*i], g))
    }

    /// The char offset at a screen position (nearest character boundary).
    pub(crate) fn offset_at(&self, pos: Pos2) -> Option<usize> {
        let rel = pos - self.text_rect.min;
        let (p, g) = self.para_at_y(rel.y)?;
        let c = g.cursor_from_pos(vec2(rel.x, rel.y - p.y));
        Some(p.span.start + c.index.0)
    }

    /// The char under a screen position (not a boundary: the glyph the pointer is on).
    pub(crate) fn char_at(&self, pos: Pos2) -> Option<usize> {
        let rel = pos - self.text_rect.min;
        let (p, g) = self.para_at_y(rel.y)?;
        let local = vec2(rel.x, rel.y - p.y);
        let c = g.cursor_from_pos(local);
        let mut idx = c.index.0;
        if idx > 0 && g.pos_from_cursor(c).min.x > local.x {
            idx -= 1;
        }
        Some((p.span.start + idx).min(p.span.end.saturating_sub(1)))
    }

    /// Screen rectangles covering a char span (one per text row), for the paragraphs on screen.
    pub fn span_rects(&self, span: Span) -> Vec<Rect> {
        let Some(layout) = &self.layout else { return Vec::new() };
        let mut out = Vec::new();
        for (i, g) in &self.frame {
            let p = &layout.paras[*i];
            if p.span.end <= span.start || p.span.start >= span.end {
                continue;
            }
            let a = span.start.saturating_sub(p.span.start);
            let b = span.end.min(p.span.end) - p.span.start;
            for r in galley_range_rects(g, a, b) {
                out.push(r.translate(self.text_rect.min.to_vec2() + vec2(0.0, p.y)));
            }
        }
        out
    }

    /// The paragraph box (screen) holding char `c`, on screen or not.
    fn para_rect_of(&self, c: usize) -> Option<Rect> {
        let layout = self.layout.as_ref()?;
        let i = layout
            .paras
            .partition_point(|p| p.span.end <= c)
            .min(layout.paras.len().checked_sub(1)?);
        let p = &layout.paras[i];
        Some(Rect::from_min_size(
            self.text_rect.min + vec2(0.0, p.y),
            vec2(layout.width, p.h),
        ))
    }

    /// The centre of the screen rectangle of a char span's first row (for tests that drag).
    pub fn span_center(&self, span: Span) -> Option<Pos2> {
        self.span_rects(span).first().map(|r| r.center())
    }
}

fn restack(layout: &mut Layout, gap: f32) {
    let mut y = 0.0;
    for p in &mut layout.paras {
        p.y = y;
        y += p.h + gap;
    }
    layout.height = (y - gap).max(0.0);
}

/// Rectangles (galley coordinates) covering chars `[a, b)` of a galley, one per row.
fn galley_range_rects(galley: &Galley, a: usize, b: usize) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut row_start = 0usize;
    for row in &galley.rows {
        let n = row.glyphs.len();
        let row_end = row_start + n;
        let (s, e) = (a.max(row_start), b.min(row_end));
        if s < e {
            let g0 = &row.glyphs[s - row_start];
            let g1 = &row.glyphs[e - 1 - row_start];
            let x0 = row.pos.x + g0.pos.x;
            let x1 = row.pos.x + g1.pos.x + g1.advance_width;
            out.push(Rect::from_min_max(
                pos2(x0, row.pos.y),
                pos2(x1, row.pos.y + row.size.y),
            ));
        }
        row_start = row_end + usize::from(row.ends_with_newline);
        if row_start >= b {
            break;
        }
    }
    out
}

/// What to draw and whether the student may change it.
pub struct ArticleInput<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its index in the step (0 or 1), for ids.
    pub index: usize,
    /// Student highlights.
    pub marks: &'a [MarkView],
    /// Check results or the solution.
    pub overlays: &'a [Overlay],
    /// May the student highlight?
    pub editable: bool,
    /// Is a teacher looking (the teacher's or the class view)? Then the article's teachers'
    /// note is shown under its header; students never see it.
    pub for_teacher: bool,
}

/// Draws the article's header (headline, outlet, date, byline, kind) and text, and returns what
/// the student did.
pub fn article_ui(
    ui: &mut Ui,
    state: &mut ArticleViewState,
    input: &ArticleInput<'_>,
    theme: &Theme,
) -> Vec<ArticleEvent> {
    let article = input.article;
    let mut events = Vec::new();
    // Leave room for the scroll bar; keep lines to a comfortable length.
    let avail = ui.available_width() - ui.spacing().scroll.bar_width - ui.spacing().scroll.bar_outer_margin - 4.0;
    let column = avail.min(theme.max_column()).max(120.0);
    let out = egui::ScrollArea::vertical()
        .id_salt(("article-scroll", input.index))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(column);
            ui.add_space(8.0);
            header_ui(ui, article, input.for_teacher, theme);
            ui.add_space(theme.paragraph_gap());
            state.ensure_layout(ui, article, column, theme);
            let height = state.layout.as_ref().map_or(0.0, |l| l.height);
            let (rect, _) = ui.allocate_exact_size(vec2(column, height + 16.0), Sense::hover());
            let text_rect = Rect::from_min_size(rect.min, vec2(column, height));
            state.text_rect = text_rect;
            state.fetch_visible(ui, article, theme, ui.clip_rect());
            let id = article_id(input.index, article.id());
            let sense = if input.editable {
                Sense::click_and_drag()
            } else {
                Sense::click()
            };
            let response = ui.interact(text_rect, id, sense);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Document,
                    input.editable,
                    tr!("article-accessible", headline = article.meta.headline.as_str()),
                )
            });
            handle_pointer(ui, state, &response, input, &mut events);
            access::caret_on_focus(state, input, &response);
            handle_keys(ui, state, &response, input, &mut events);
            paint(ui, state, input, theme, &response);
            access::paint_focus_ring(ui, &response, theme);
            access::expose_text(ui, state, input, &response);
            state.reveal_and_flash(ui, article, theme);
            overlay_tip(state, input, &response);
            if state.scroll_to_cursor {
                state.scroll_to_cursor = false;
                if let Some(c) = state.cursor.and_then(|w| article.words.get(w)) {
                    let r = state
                        .span_rects(*c)
                        .first()
                        .copied()
                        .or_else(|| state.para_rect_of(c.start));
                    if let Some(r) = r {
                        ui.scroll_to_rect(r.expand(theme.line_height()), None);
                    }
                }
            }
        });
    state.scroll_offset = out.state.clamped_offset().y;
    events
}

fn header_ui(ui: &mut Ui, article: &Article, for_teacher: bool, theme: &Theme) {
    let m = &article.meta;
    ui.label(
        egui::RichText::new(&m.outlet)
            .font(theme.small_font())
            .color(theme.muted())
            .strong(),
    );
    let mut line = Vec::new();
    if let Some(d) = &m.date {
        line.push(crate::i18n::date(d));
    } else {
        line.push(tr!("article-no-date"));
    }
    if let Some(b) = &m.byline {
        line.push(tr!("article-byline", byline = b.as_str()));
    }
    if m.fictional {
        line.push(tr!("article-fictional"));
    }
    ui.label(
        egui::RichText::new(line.join(" · "))
            .font(theme.small_font())
            .color(theme.muted()),
    );
    ui.label(
        egui::RichText::new(&m.outlet_kind)
            .font(theme.small_font())
            .color(theme.muted())
            .italics(),
    );
    if for_teacher && let Some(note) = &m.note {
        ui.label(
            egui::RichText::new(tr!("article-teacher-note", note = note.as_str()))
                .font(theme.small_font())
                .color(theme.muted()),
        );
    }
    if for_teacher && let Some(file) = &m.imported_from {
        ui.label(
            egui::RichText::new(tr!("article-imported-from", file = file.as_str()))
                .font(theme.small_font())
                .color(theme.muted()),
        );
    }
    ui.separator();
}
