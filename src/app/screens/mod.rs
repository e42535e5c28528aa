//! The screens, one file (or folder) each. Each screen owns its state, draws itself with a
//! `ui` method that returns the [`Command`](super::Command)s the user gave, and applies its own
//! commands; the run loop in [`app`](super) moves between them.

pub(crate) mod class;
pub(crate) mod library;
pub(crate) mod player;
pub(crate) mod students;
pub(crate) mod summary;
pub(crate) mod teacher;
