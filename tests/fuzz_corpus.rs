//! Replays the fuzz corpus and the fuzz regressions on stable, with the same invariant checks the
//! fuzz targets run (`fuzz/src/checks.rs`), so a fixed crash stays fixed without cargo-fuzz.
//!
//! Every file under `fuzz/corpus/<target>/` and `fuzz/regressions/<target>/` is one input. A
//! target whose corpus folder is empty fails: the replay would prove nothing.

#[allow(dead_code, clippy::unwrap_used)]
#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// A target's check: one input in, a panic when an invariant breaks.
type Check = fn(&[u8]);

const TARGETS: &[(&str, Check)] = &[
    ("lesson", checks::lesson),
    ("article_meta", checks::article_meta),
    ("results", checks::results),
    ("pack", checks::pack),
    ("html_import", checks::html_import),
    ("h5p", checks::h5p),
    ("anchor", checks::anchor),
];

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Runs one target over one folder; returns how many inputs ran and the ones that failed.
fn replay(target: &str, check: Check, dir: &Path) -> (usize, Vec<String>) {
    let files = inputs(dir);
    let mut failed = Vec::new();
    for f in &files {
        let data = std::fs::read(f).expect("a corpus file reads");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            failed.push(format!("{target}: {}", f.display()));
        }
    }
    (files.len(), failed)
}

#[test]
fn every_corpus_and_regression_input_passes_its_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut failed = Vec::new();
    let mut empty = Vec::new();
    for (target, check) in TARGETS {
        let (n_corpus, f1) = replay(target, *check, &root.join("corpus").join(target));
        let (n_regr, f2) = replay(target, *check, &root.join("regressions").join(target));
        println!("{target}: replayed {n_corpus} corpus inputs and {n_regr} regressions");
        if n_corpus == 0 {
            empty.push(*target);
        }
        failed.extend(f1);
        failed.extend(f2);
    }
    assert!(empty.is_empty(), "empty fuzz corpus for: {empty:?}");
    assert!(
        failed.is_empty(),
        "{} inputs broke their checks:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
