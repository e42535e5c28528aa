//! Material from outside the repository (`../shared`), used when it is there.
//!
//! A bare `git clone` has no `../shared`: tests that need it then print one line saying what
//! they skipped and why, and pass. Under CI (`CI=true`) the material must be there: a missing
//! folder fails the test, so CI cannot pass without running it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `lateral` binary with `args` in the repository's folder.
#[allow(dead_code)]
pub fn lateral(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lateral runs")
}

/// What a run printed on standard output.
#[allow(dead_code)]
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on standard error.
#[allow(dead_code)]
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The folder of outside material: `../shared` beside the repository, or the folder named by
/// `LATERAL_SHARED` when that is set. `.ci/run` sets it to an empty folder to run the tests as a
/// bare clone would, with the binaries it has already built.
#[allow(dead_code)]
pub fn shared_root() -> PathBuf {
    match std::env::var_os("LATERAL_SHARED") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// `NAME` in the outside material ([`shared_root`]) when every one of `needs` (paths inside it)
/// exists; `None` (after printing why) when it is missing outside CI; a panic when it is missing
/// in CI.
#[allow(dead_code)]
pub fn shared(name: &str, needs: &[&str], what: &str) -> Option<PathBuf> {
    let root = shared_root().join(name);
    let missing: Vec<&str> = needs.iter().copied().filter(|n| !root.join(n).exists()).collect();
    if missing.is_empty() {
        return Some(root);
    }
    let why = format!(
        "{what} is not here: {} lacks {} (it sits beside the repository as ../shared/{name} on CI)",
        root.display(),
        missing.join(", ")
    );
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("CI=true and {why}");
    }
    // Straight to the terminal: the test harness captures `eprintln!` of passing tests, and this
    // line is for the person who ran `cargo test`.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
    None
}

/// How many files with extension `ext` the repository's folder `dir` holds: the bundled lessons
/// (`bundled_files("lessons", "md")`) or articles (`bundled_files("corpus", "txt")`), so tests
/// do not assume how many there are.
#[allow(dead_code)]
pub fn bundled_files(dir: &str, ext: &str) -> usize {
    std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("a bundled folder")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == ext)))
        .count()
}
