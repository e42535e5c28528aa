//! Bringing a passage into view (a verdict clicked in the results list) and flashing it, and the
//! tooltip of the check result under the pointer.

use egui::{Rect, Ui, vec2};

use super::{ArticleInput, ArticleViewState, galley_range_rects, para_job};
use crate::app::theme::Theme;
use crate::corpus::Article;
use crate::text::Span;

/// How long a passage flashes after it was brought into view (seconds).
pub(super) const FLASH_SECS: f64 = 1.6;

impl ArticleViewState {
    /// The screen rectangle of a char span's first row, on screen or not (its paragraph is laid
    /// out from egui's cache when it is not on screen).
    fn first_row_rect(&self, ui: &Ui, article: &Article, theme: &Theme, span: Span) -> Option<Rect> {
        if let Some(r) = self.span_rects(span).first() {
            return Some(*r);
        }
        let layout = self.layout.as_ref()?;
        let i = layout
            .paras
            .partition_point(|p| p.span.end <= span.start)
            .min(layout.paras.len().checked_sub(1)?);
        let p = &layout.paras[i];
        let g = ui.fonts_mut(|f| f.layout_job(para_job(article, p.span, layout.width, theme)));
        let a = span.start.saturating_sub(p.span.start);
        let b = span.end.min(p.span.end).saturating_sub(p.span.start);
        let r = galley_range_rects(&g, a, b).first().copied()?;
        Some(r.translate(self.text_rect.min.to_vec2() + vec2(0.0, p.y)))
    }

    /// Scrolls a passage asked for by [`Self::reveal`] (or [`Self::bring_into_view`]) into view
    /// and starts its flash; ends a
    /// flash whose time is up, and keeps repainting while one runs.
    pub(super) fn reveal_and_flash(&mut self, ui: &Ui, article: &Article, theme: &Theme) {
        let now = ui.input(|i| i.time);
        if let Some((span, flash)) = self.reveal.take() {
            let on_screen = !self.span_rects(span).is_empty();
            if (flash || !on_screen)
                && let Some(r) = self.first_row_rect(ui, article, theme, span)
            {
                ui.scroll_to_rect(r.expand(theme.line_height()), Some(egui::Align::Center));
            }
            if flash {
                self.flash = Some((span, now + FLASH_SECS));
            }
        }
        match self.flash {
            Some((_, until)) if now >= until => self.flash = None,
            Some(_) => ui.ctx().request_repaint_after(std::time::Duration::from_millis(40)),
            None => {}
        }
    }
}

/// The tooltip of the check result under the pointer (a key passage's explanation).
pub(super) fn overlay_tip(state: &ArticleViewState, input: &ArticleInput<'_>, response: &egui::Response) {
    let Some(c) = response.hover_pos().and_then(|p| state.char_at(p)) else {
        return;
    };
    if let Some(tip) = input.overlays.iter().find_map(|o| o.tip_at(c)) {
        response.clone().on_hover_text_at_pointer(tip);
    }
}
