//! The invariants the fuzz targets check. They live in `checks.rs`, which `tests/fuzz_corpus.rs`
//! in the main crate also includes, so `cargo test` replays the corpus through the same code.

pub mod checks;
