//! Grading: scoring a student's highlights against the keys, the live session of one student on
//! one lesson, and what the screen shows after Check. No I/O: data in, data out.

pub mod feedback;
pub mod outcome;
pub mod score;
pub mod session;
