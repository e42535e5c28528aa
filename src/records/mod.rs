//! Records: what is written down and read back. The results file a student hands in, the
//! progress store on the laptop, grading a class from its hand-in folder, the W3C Web Annotation
//! export, exam packs, a step as an H5P "Mark the Words" package, and the teacher PIN.

pub(crate) mod exam_pack;
pub mod export;
pub mod feedback_sheet;
pub mod grade;
pub mod gradebook;
pub mod h5p_export;
pub mod hand_in;
pub mod lookup_stats;
pub mod pack;
pub mod picked;
pub mod pin;
pub mod progress;
pub mod results;
pub mod xapi;
