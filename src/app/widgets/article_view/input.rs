//! The pane's pointer and keyboard input: drag to select, click a word or a highlight, move a
//! word (or sentence) cursor with the arrow keys, Enter to highlight, Delete to remove.

use egui::{Key, Response, Ui};

use super::{ArticleEvent, ArticleInput, ArticleViewState};
use crate::text::Span;

/// Mouse: drag to select (a highlight when released), click a word or a highlight.
pub(super) fn handle_pointer(
    ui: &Ui,
    state: &mut ArticleViewState,
    response: &Response,
    input: &ArticleInput<'_>,
    events: &mut Vec<ArticleEvent>,
) {
    if response.clicked_by(egui::PointerButton::Primary) || response.drag_started() {
        response.request_focus();
    }
    let pointer = ui.input(|i| i.pointer.interact_pos());
    if input.editable && response.drag_started() {
        // Where the press began, not where the drag was recognised.
        let press = ui.input(|i| i.pointer.press_origin()).or(pointer);
        state.drag_anchor = press.and_then(|p| state.offset_at(p));
        state.selection = None;
    }
    if input.editable
        && response.dragged()
        && let (Some(a), Some(p)) = (state.drag_anchor, pointer)
        && let Some(b) = state.offset_at(p)
    {
        state.selection = Some(Span::new(a, b));
    }
    if response.drag_stopped() {
        if let Some(sel) = state.selection.take()
            && !sel.is_empty()
        {
            events.push(ArticleEvent::Highlight(sel));
        }
        state.drag_anchor = None;
    }
    // A real mouse click (not Enter/Space on the focused pane, which the keyboard code handles).
    if response.clicked_by(egui::PointerButton::Primary)
        && let Some(p) = pointer
        && let Some(c) = state.char_at(p)
    {
        let on_mark = input.marks.iter().any(|m| m.span.start <= c && c < m.span.end);
        if on_mark {
            events.push(ArticleEvent::Select(c));
        } else if input.editable && input.article.text.char_at(c).is_some_and(char::is_alphanumeric) {
            events.push(ArticleEvent::Highlight(Span::new(c, c + 1)));
        }
        // Put the keyboard cursor on the clicked word.
        let w = &input.article.words;
        let i = w.partition_point(|s| s.end <= c);
        if i < w.len() {
            state.cursor = Some(i);
            state.kb_anchor = None;
        }
    }
}

/// Keyboard, while the pane has focus: arrows move the cursor, Enter highlights, Delete removes.
pub(super) fn handle_keys(
    ui: &Ui,
    state: &mut ArticleViewState,
    response: &Response,
    input: &ArticleInput<'_>,
    events: &mut Vec<ArticleEvent>,
) {
    if !response.has_focus() {
        return;
    }
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                tab: false,
                escape: false,
            },
        )
    });
    let words = &input.article.words;
    if words.is_empty() {
        return;
    }
    // Each key press in order, with the modifiers it came with.
    let presses: Vec<(Key, bool)> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => Some((*key, modifiers.shift)),
                _ => None,
            })
            .collect()
    });
    for (key, shift) in presses {
        match key {
            Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown => {
                move_cursor(state, input, key, shift, events);
            }
            Key::Escape => state.kb_anchor = None,
            Key::Enter | Key::Space if input.editable => {
                if let Some(c) = state.cursor {
                    let a = state.kb_anchor.unwrap_or(c);
                    let (lo, hi) = (a.min(c), a.max(c));
                    events.push(ArticleEvent::Highlight(Span::new(words[lo].start, words[hi].end)));
                    state.kb_anchor = None;
                }
            }
            Key::Delete | Key::Backspace if input.editable => {
                if let Some(c) = state.cursor {
                    events.push(ArticleEvent::Remove(words[c].start));
                }
            }
            _ => {}
        }
    }
}

/// Moves the keyboard cursor by a word (Left/Right) or a sentence (Up/Down); Shift extends the
/// keyboard selection.
fn move_cursor(
    state: &mut ArticleViewState,
    input: &ArticleInput<'_>,
    key: Key,
    shift: bool,
    events: &mut Vec<ArticleEvent>,
) {
    let words = &input.article.words;
    let cur = state.cursor.unwrap_or(0);
    if shift {
        state.kb_anchor.get_or_insert(cur);
    } else {
        state.kb_anchor = None;
    }
    let sentences = &input.article.segments.sentences;
    let next = if state.cursor.is_none() {
        0
    } else {
        match key {
            Key::ArrowLeft => cur.saturating_sub(1),
            Key::ArrowRight => (cur + 1).min(words.len() - 1),
            _ => {
                // Up/Down: to the first word of the previous/next sentence.
                let pos = words[cur].start;
                let si = sentences.partition_point(|s| s.end <= pos);
                let target = if key == Key::ArrowUp {
                    let here = sentences.get(si).map_or(pos, |s| s.start);
                    if pos > here {
                        here
                    } else {
                        si.checked_sub(1).and_then(|j| sentences.get(j)).map_or(0, |s| s.start)
                    }
                } else {
                    sentences.get(si + 1).map_or(words[words.len() - 1].start, |s| s.start)
                };
                words.partition_point(|w| w.end <= target).min(words.len() - 1)
            }
        }
    };
    state.cursor = Some(next);
    state.scroll_to_cursor = true;
    if !shift && let Some(w) = words.get(next) {
        let at = w.start;
        if input.marks.iter().any(|m| m.span.start <= at && at < m.span.end) {
            events.push(ArticleEvent::Select(at));
        }
    }
}

/// The keyboard selection, if Shift has extended it.
pub(super) fn kb_selection(state: &ArticleViewState, words: &[Span]) -> Option<Span> {
    let (a, c) = (state.kb_anchor?, state.cursor?);
    let (lo, hi) = (a.min(c), a.max(c));
    Some(Span::new(words.get(lo)?.start, words.get(hi)?.end))
}
