//! Investigate steps: the source cards a student opens, in order, and how long each stays open.
//!
//! The session records; the app keeps the clock. It calls [`Session::open_card`] when a card is
//! opened and [`Session::close_card`] with the seconds it stayed open when it is closed (by
//! opening another, leaving the step, or finishing).

use serde::{Deserialize, Serialize};

use crate::grading::session::{Session, now};
use crate::lesson::{CardRef, StepBody};

/// The most lookups one step records; a student opening cards beyond that still reads them.
pub const MAX_LOOKUPS: usize = 500;

/// The longest a card counts as open (an hour): a card left open over lunch is not reading.
pub const MAX_LOOKUP_SECONDS: u32 = 3600;

/// A source card the student opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookup {
    /// The article whose card it is.
    pub article: String,
    /// The card's id.
    pub card: String,
    /// When it was opened (RFC 3339).
    pub opened: String,
    /// How long it stayed open, in whole seconds.
    #[serde(default)]
    pub seconds: u32,
}

impl Session {
    /// The cards the current step offers (empty unless an investigate step).
    pub fn cards(&self) -> &[CardRef] {
        match &self.step().body {
            StepBody::Investigate { cards } => cards,
            _ => &[],
        }
    }

    /// Records that the student opened card `i` of the current step; `false` when the step has
    /// no such card or already records [`MAX_LOOKUPS`].
    pub fn open_card(&mut self, i: usize) -> bool {
        let Some(c) = self.cards().get(i).cloned() else {
            return false;
        };
        let st = self.state_mut();
        if st.lookups.len() >= MAX_LOOKUPS {
            return false;
        }
        st.lookups.push(Lookup {
            article: c.article,
            card: c.card,
            opened: now(),
            seconds: 0,
        });
        true
    }

    /// Adds `seconds` (how long the card last opened stayed open) to its lookup.
    pub fn close_card(&mut self, seconds: f64) {
        if let Some(l) = self.state_mut().lookups.last_mut() {
            let s = if seconds.is_finite() {
                seconds.round().max(0.0)
            } else {
                0.0
            };
            let s = s.min(f64::from(MAX_LOOKUP_SECONDS)) as u32;
            l.seconds = l.seconds.saturating_add(s).min(MAX_LOOKUP_SECONDS);
        }
    }

    /// Has the student opened card `i` of the current step?
    pub fn card_opened(&self, i: usize) -> bool {
        self.cards().get(i).is_some_and(|c| {
            self.state()
                .lookups
                .iter()
                .any(|l| l.article == c.article && l.card == c.card)
        })
    }
}
