//! Lateral: media-literacy lessons built on highlighting real news text.
//!
//! The core (everything but [`app`]) knows no GUI: it reads articles and lessons, anchors the
//! teacher's quotes to char offsets, scores a student's highlights, and reads and writes results.
//! The desktop app (feature `gui`) and the teachers' CLI are thin layers over it.

#![deny(missing_docs)]

pub mod anchor;
#[cfg(feature = "gui")]
pub mod app;
pub mod authoring;
pub mod bundled;
pub mod cli;
pub mod corpus;
pub mod diag;
pub mod export;
pub mod feedback;
pub mod fsutil;
pub mod grade;
pub mod ids;
pub mod import;
pub mod jsonpos;
pub mod lesson;
pub mod library;
pub mod pack;
pub mod progress;
pub mod results;
pub mod schema;
pub mod score;
pub mod session;
pub mod text;
pub mod watch;
