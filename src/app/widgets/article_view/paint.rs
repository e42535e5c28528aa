//! Painting the pane: highlights under the text, check results over it, the live selection, the
//! text itself, and the keyboard cursor.

use egui::{Pos2, Rect, Response, Stroke, StrokeKind, Ui, pos2, vec2};

use super::input::kb_selection;
use super::{ArticleInput, ArticleViewState, Overlay};
use crate::app::theme::Theme;
use crate::grading::score::Verdict;
use crate::text::Span;

/// Paints the paragraphs on screen with everything on and under them.
pub(super) fn paint(ui: &Ui, state: &ArticleViewState, input: &ArticleInput<'_>, theme: &Theme, response: &Response) {
    let Some(layout) = &state.layout else { return };
    // Only the paragraphs on screen were laid out this frame.
    let (Some((first, _)), Some((last, _))) = (state.frame.first(), state.frame.last()) else {
        return;
    };
    let vis_span = Span::new(layout.paras[*first].span.start, layout.paras[*last].span.end);
    let painter = ui.painter();
    paint_marks(painter, state, input, theme, &vis_span);
    paint_overlays(painter, state, input.overlays, theme, &vis_span);
    let live = state.selection.or_else(|| kb_selection(state, &input.article.words));
    if let Some(sel) = live {
        for r in state.span_rects(sel) {
            painter.rect_filled(r, 2.0, theme.selection_fill());
        }
    }
    paint_flash(ui, state, theme);
    let origin = state.text_rect.min;
    for (i, g) in &state.frame {
        painter.galley(origin + vec2(0.0, layout.paras[*i].y), g.clone(), theme.text_color());
    }
    if response.has_focus()
        && let Some(w) = state.cursor.and_then(|c| input.article.words.get(c))
    {
        for r in state.span_rects(*w) {
            painter.rect_stroke(r.expand(1.0), 2.0, theme.cursor_stroke(), StrokeKind::Outside);
        }
    }
}

/// The passage just brought into view: a thick outline that fades out.
fn paint_flash(ui: &Ui, state: &ArticleViewState, theme: &Theme) {
    let Some((span, until)) = state.flash else { return };
    let left = ((until - ui.input(|i| i.time)) / super::reveal::FLASH_SECS).clamp(0.0, 1.0) as f32;
    let stroke = theme.selected_stroke();
    let color = stroke.color.gamma_multiply(left);
    for r in state.span_rects(span) {
        ui.painter()
            .rect_filled(r.expand(2.0), 3.0, theme.selection_fill().gamma_multiply(left));
        ui.painter()
            .rect_stroke(r.expand(3.0), 3.0, Stroke::new(3.0, color), StrokeKind::Outside);
    }
}

/// The highlights in view: filled, outlined if selected, tagged with their label's number.
fn paint_marks(painter: &egui::Painter, state: &ArticleViewState, input: &ArticleInput<'_>, theme: &Theme, vis: &Span) {
    let pad = vec2(1.0, 0.0);
    for m in input.marks.iter().filter(|m| m.span.intersects(vis)) {
        let fill = m.fill.unwrap_or_else(|| theme.mark_fill(m.label));
        let rects = state.span_rects(m.span);
        for r in &rects {
            painter.rect_filled(r.expand2(pad), 3.0, fill);
            if m.selected {
                painter.rect_stroke(r.expand2(pad), 3.0, theme.selected_stroke(), StrokeKind::Outside);
            }
        }
        if let (Some(tag), Some(last)) = (&m.tag, rects.last()) {
            tag_ui(
                painter,
                theme,
                last.right_top(),
                tag,
                theme.label_color(m.label.unwrap_or(0)),
            );
        }
    }
}

/// The check results in view: key spans outlined (missed ones dashed), extras underlined, each
/// with its mark and number.
fn paint_overlays(painter: &egui::Painter, state: &ArticleViewState, overlays: &[Overlay], theme: &Theme, vis: &Span) {
    for o in overlays {
        let (span, color, mark) = match o {
            Overlay::Key {
                span, verdict, number, ..
            } => (
                span,
                theme.verdict_color(*verdict),
                format!("{} {}", crate::grading::feedback::verdict_mark(*verdict), number),
            ),
            Overlay::Extra { span } => (span, theme.extra_color(), "?".to_string()),
            Overlay::Answer { span, number, .. } => (span, theme.cursor_stroke().color, number.to_string()),
        };
        if !span.intersects(vis) {
            continue;
        }
        let rects = state.span_rects(*span);
        for r in &rects {
            paint_overlay_row(painter, o, *r, color);
        }
        if let Some(first) = rects.first() {
            tag_ui(painter, theme, first.left_top() - vec2(0.0, 2.0), &mark, color);
        }
    }
}

/// One text row of an overlay.
fn paint_overlay_row(painter: &egui::Painter, o: &Overlay, r: Rect, color: egui::Color32) {
    let y = r.bottom() - 1.0;
    match o {
        Overlay::Key {
            verdict: Verdict::Missed,
            ..
        } => {
            // Dashed underline for missed passages.
            let mut x = r.left();
            while x < r.right() {
                painter.line_segment([pos2(x, y), pos2((x + 6.0).min(r.right()), y)], Stroke::new(3.0, color));
                x += 10.0;
            }
        }
        Overlay::Extra { .. } => {
            painter.line_segment([pos2(r.left(), y), pos2(r.right(), y)], Stroke::new(3.0, color));
        }
        Overlay::Key { .. } | Overlay::Answer { .. } => {
            painter.rect_stroke(
                r.expand2(vec2(2.0, 0.0)),
                3.0,
                Stroke::new(2.0, color),
                StrokeKind::Outside,
            );
        }
    }
}

/// A small rounded tag with text, its bottom-left corner at `at`.
fn tag_ui(painter: &egui::Painter, theme: &Theme, at: Pos2, text: &str, color: egui::Color32) {
    let font = egui::FontId::proportional((theme.font_size * 0.62).max(11.0));
    let galley = painter.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE);
    let size = galley.size() + vec2(6.0, 0.0);
    let rect = Rect::from_min_size(at - vec2(0.0, size.y * 0.6), size);
    painter.rect_filled(rect, 4.0, color);
    painter.galley_with_override_text_color(rect.min + vec2(3.0, 0.0), galley, theme.text_on(color));
}
