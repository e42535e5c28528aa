//! A power cut or a killed app during a save never loses a student's work: a child process
//! saves progress in a loop and is killed (`SIGKILL`, no chance to clean up) at random moments;
//! after each kill the progress file is there and parses, and holds one of the versions saved.

use std::process::Command;
use std::time::{Duration, Instant};

use lateral::records::progress::{Loaded, Store};
use lateral::records::results::Results;

const CHILD: &str = "LATERAL_KILL_TEST_CHILD";

fn lesson() -> lateral::lesson::Lesson {
    let corpus = lateral::lesson::bundled::corpus();
    lateral::lesson::bundled::lessons(&corpus)
        .into_iter()
        .find_map(|l| l.lesson)
        .expect("a bundled lesson")
}

/// The child: saves a growing results file as fast as it can, forever (until killed).
#[test]
fn child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CHILD) else { return };
    let store = Store::new(dir);
    store.add_student("Ana").expect("profile");
    let lesson = lesson();
    let mut r = Results::new("Ana", &lesson);
    for n in 0u64.. {
        // A file that grows and shrinks, so a torn write would show as broken JSON.
        let words = "word ".repeat((n % 4000) as usize);
        if let Some(step) = r.steps.last_mut() {
            step.reflection = Some(format!("{n} {words}"));
        }
        store.save_progress(&r).expect("save");
    }
}

#[cfg(unix)]
#[test]
fn killing_the_app_during_saves_never_leaves_a_broken_file() {
    let d = tempfile::tempdir().expect("tempdir");
    let store = Store::new(d.path());
    let lesson = lesson();
    let exe = std::env::current_exe().expect("test binary");
    let mut seed = u64::from(std::process::id()) ^ 0x9E37_79B9_7F4A_7C15;
    let mut kills = 0;
    let mut found_work = 0;
    let start = Instant::now();
    while kills < 40 && start.elapsed() < Duration::from_secs(60) {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_saves_in_a_loop", "--nocapture", "--test-threads=1"])
            .env(CHILD, d.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("child starts");
        // xorshift: a different moment each time, from 20 to 120 ms in.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 100));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        kills += 1;
        match store.load_progress("Ana", &lesson.id) {
            Loaded::Work(r) => {
                found_work += 1;
                assert_eq!(r.student, "Ana");
            }
            Loaded::Nothing => {}
            Loaded::Damaged { problem, moved_to } => {
                panic!(
                    "kill {kills} left a broken file ({problem}); kept at {}",
                    moved_to.display()
                )
            }
        }
    }
    assert!(kills >= 10, "only {kills} kills in a minute");
    assert!(
        found_work >= kills / 2,
        "the child saved before only {found_work} of {kills} kills"
    );
    // No temporary files pile up beside the work beyond the one a kill can leave.
    let student_dir = store
        .progress_path("Ana", &lesson.id)
        .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
        .expect("dir");
    let tmp = std::fs::read_dir(student_dir)
        .expect("dir")
        .filter_map(Result::ok)
        // The saver's temporary files are hidden: `.NAME.xxxxxx`, where Linux has no unnamed ones.
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert!(tmp <= kills, "{tmp} temporary files");
}
