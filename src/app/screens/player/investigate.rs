//! An investigate step in the player: the titles of the step's source cards, which the student
//! opens one at a time. The session records each opening; the player keeps the clock, so a card
//! counts as open from the frame it was opened to the one it was closed (by opening another,
//! clicking it again, going to another step or leaving the lesson).

use crate::tr;
use egui::{RichText, Ui};

use super::PlayerScreen;
use super::view::player;
use crate::app::Command;
use crate::app::screens::player::PlayerCmd;
use crate::app::theme::Theme;
use crate::corpus::SourceCard;
use crate::grading::session::Session;

impl PlayerScreen {
    /// Opens card `i` (closing the open one), or closes it if it is open. Returns whether the
    /// student's work changed.
    pub(super) fn toggle_card(&mut self, i: usize) -> bool {
        let was = self.open_card.map(|(c, _)| c);
        let mut changed = self.close_card();
        if was != Some(i) && self.session.open_card(i) {
            self.open_card = Some((i, self.clock));
            changed = true;
        }
        changed
    }

    /// Closes the open card, recording how long it was open; whether there was one.
    pub(crate) fn close_card(&mut self) -> bool {
        let Some((_, since)) = self.open_card.take() else {
            return false;
        };
        self.session.close_card(self.clock - since);
        true
    }

    /// Keeps egui's clock for [`Self::close_card`]; called every frame.
    pub(super) fn tick(&mut self, now: f64) {
        self.clock = now;
    }

    /// The card open, if any (index into the step's cards).
    pub(crate) fn open_card(&self) -> Option<usize> {
        self.open_card.map(|(c, _)| c)
    }
}

/// Card `i` of the current step, from its article's metadata.
fn card(s: &Session, i: usize) -> Option<&SourceCard> {
    let r = s.cards().get(i)?;
    let a = s.articles().iter().find(|a| a.id() == r.article)?;
    a.meta.cards.iter().find(|c| c.id == r.card)
}

/// The step's cards: each title a button; the open one shows its facts and where they come from.
pub(super) fn cards_ui(ui: &mut Ui, s: &Session, open: Option<usize>, theme: &Theme, cmds: &mut Vec<Command>) {
    ui.label(RichText::new(tr!("player-cards-intro")).strong());
    ui.add_space(4.0);
    let several = s.articles().len() > 1;
    let mut last_article: Option<&str> = None;
    for i in 0..s.cards().len() {
        let Some(c) = card(s, i) else { continue };
        let article = s.cards()[i].article.as_str();
        if several && last_article != Some(article) {
            // Which page the next cards are about, when the step shows two.
            if let Some(a) = s.articles().iter().find(|a| a.id() == article) {
                ui.label(
                    RichText::new(tr!("player-cards-about", outlet = a.meta.outlet.as_str())).color(theme.muted()),
                );
            }
            last_article = Some(article);
        }
        let is_open = open == Some(i);
        let mark = if is_open {
            "▼"
        } else if s.card_opened(i) {
            "✓"
        } else {
            "▶"
        };
        let b = egui::Button::selectable(is_open, RichText::new(format!("{mark} {}", c.title)).strong());
        let r = ui.add(b).on_hover_text(if is_open {
            tr!("player-card-close")
        } else {
            tr!("player-card-open")
        });
        if r.clicked() {
            cmds.push(player(PlayerCmd::ToggleCard(i)));
        }
        if is_open {
            ui.indent(("card", i), |ui| {
                ui.label(RichText::new(&c.text).size(theme.font_size * 0.95));
                ui.label(
                    RichText::new(tr!("player-card-source", source = c.source.as_str()))
                        .italics()
                        .color(theme.muted()),
                );
            });
        }
        ui.add_space(2.0);
    }
}
