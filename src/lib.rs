//! Lateral: media-literacy lessons built on highlighting real news text.
//!
//! The crate is built in layers, lowest first. A module may use its own layer and the layers
//! below it, never one above (`tests/architecture.rs` checks this, and that no layer below
//! `app` names a GUI crate):
//!
//! | layer | what it holds |
//! |---|---|
//! | [`i18n`] | the UI's languages: Fluent messages embedded in the binary, the current locale, numbers and dates |
//! | [`text`] | char offsets, words and sentences, folding; diagnostics; ids; positions in JSON; TOML schemas |
//! | [`files`] | the trust boundary: the one bounded reader, folder walks, atomic writes, watching |
//! | [`corpus`] | articles and their metadata; anchoring quotes in them; importing txt/md/html/H5P |
//! | [`lesson`] | the lesson format and its typed model; the library of lessons; authoring edits |
//! | [`grading`] | span scoring, the live session of one student, what the screen shows after Check |
//! | [`records`] | results files, the progress store, class grading, exports, exam packs |
//! | [`cli`] | the command line: the teachers' commands, and the app's options |
//! | `app` | the desktop app (feature `gui`), started when no command is given |

#![deny(missing_docs)]
// The crate is documented for the people who work on it (`cargo doc --document-private-items`):
// docs may link to `pub(crate)` items.
#![allow(rustdoc::private_intra_doc_links)]

pub mod i18n;

pub mod text;

pub mod files;

pub mod corpus;

pub mod lesson;

pub mod grading;

pub mod records;

pub mod cli;

#[cfg(feature = "gui")]
pub mod app;
