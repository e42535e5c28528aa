//! A step's articles (at most two): side by side when there is room, else as tabs, one article
//! at a time.

use crate::tr;
use std::sync::Arc;

use egui::{RichText, Ui};

use super::{ArticleEvent, ArticleInput, ArticleViewState, MarkView, Overlay, article_ui};
use crate::app::theme::Theme;
use crate::corpus::Article;

/// Below this window width (logical pixels), two articles are shown as tabs.
pub(crate) const TABS_BELOW: f32 = 1100.0;

/// Narrowest article column worth showing beside another; narrower, the articles become tabs.
const MIN_COLUMN: f32 = 320.0;

/// Who looks at the article panes, and may they highlight.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PaneMode {
    /// Highlighting (or marking keys) is on.
    pub editable: bool,
    /// A teacher is looking: show the teachers' notes.
    pub for_teacher: bool,
}

/// Are two articles shown as tabs in `ui` (the window is narrower than [`TABS_BELOW`], or the
/// columns would be narrower than a readable column)?
fn shows_tabs(ui: &Ui, articles: usize) -> bool {
    articles > 1 && (ui.ctx().content_rect().width() < TABS_BELOW || ui.available_width() < 2.0 * MIN_COLUMN)
}

/// The name of article `n`'s tab.
fn tab_name(n: usize, article: &Article) -> String {
    tr!("article-tab", n = n + 1, outlet = article.meta.outlet.as_str())
}

/// The step's articles (at most two), each with its own view state, marks and overlays
/// (`overlays` may be empty: none): side by side, or as tabs when [`shows_tabs`]. A pane asked to
/// show a passage ([`ArticleViewState::reveal`]) is brought to the front. Returns each article's
/// events with its index.
pub(crate) fn article_columns(
    ui: &mut Ui,
    articles: &[Arc<Article>],
    views: &mut [ArticleViewState; 2],
    marks: &[Vec<MarkView>],
    overlays: &[Vec<Overlay>],
    mode: PaneMode,
    theme: &Theme,
) -> Vec<(usize, ArticleEvent)> {
    let mut events = Vec::new();
    let pane = |ui: &mut Ui, n: usize, views: &mut [ArticleViewState; 2], events: &mut Vec<_>| {
        let input = ArticleInput {
            article: &articles[n],
            index: n,
            marks: marks.get(n).map_or(&[], Vec::as_slice),
            overlays: overlays.get(n).map_or(&[], Vec::as_slice),
            editable: mode.editable,
            for_teacher: mode.for_teacher,
        };
        events.extend(article_ui(ui, &mut views[n], &input, theme).into_iter().map(|e| (n, e)));
    };
    if shows_tabs(ui, articles.len()) {
        let tab = tabs_ui(ui, articles, views);
        pane(ui, tab, views, &mut events);
        return events;
    }
    ui.columns(articles.len().clamp(1, 2), |cols| {
        for (n, col) in cols.iter_mut().enumerate().take(articles.len()) {
            pane(col, n, views, &mut events);
        }
    });
    events
}

/// The tab strip over the articles; returns the tab in front. The tab is remembered per `ui`
/// (the player gives each step its own), and a pane with a passage to reveal comes to the front.
fn tabs_ui(ui: &mut Ui, articles: &[Arc<Article>], views: &[ArticleViewState; 2]) -> usize {
    let id = ui.make_persistent_id("article-tab");
    let mut tab = ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(0);
    if let Some(n) = views.iter().take(articles.len()).position(ArticleViewState::revealing) {
        tab = n;
    }
    // Wrapped: a tab strip wider than the pane would widen everything under it.
    ui.horizontal_wrapped(|ui| {
        for (n, art) in articles.iter().enumerate().take(2) {
            let text = RichText::new(tab_name(n, art)).strong();
            if ui
                .selectable_label(tab == n, text)
                .on_hover_text(&art.meta.headline)
                .clicked()
            {
                tab = n;
            }
        }
    });
    ui.separator();
    let tab = tab.min(articles.len().saturating_sub(1)).min(1);
    ui.data_mut(|d| d.insert_temp(id, tab));
    tab
}
