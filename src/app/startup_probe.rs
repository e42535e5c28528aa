//! Time to first frame, for `scripts/bench-startup.sh` (issue 16 §1): with the environment
//! variable `LATERAL_STARTUP_PROBE` set, the app notes when each stage of its start is done,
//! and once its first frame has been presented it prints one line on stderr and closes.
//!
//! `LATERAL_STARTUP_PROBE=<ns>` (the script's `date +%s%N` just before it starts the program)
//! measures from then; any other value measures from the process's own start time in
//! `/proc/self/stat` (10 ms resolution). The line reads
//!
//! ```text
//! startup-probe first_frame_ms=262.1 pss_kb=93120 hwm_kb=101000 stages=run:4.1,library:9.8,…
//! ```
//!
//! `pss_kb` is the process's proportional set size when the first frame has been presented
//! (`/proc/self/smaps_rollup`), `hwm_kb` its peak resident set (`VmHWM`); each stage is the time
//! since the start, in milliseconds, when that stage ended. The bare-window floor
//! (`examples/bare_window.rs`) uses the same probe.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The variable that turns the probe on.
// i18n: not text (an environment variable)
pub const ENV: &str = "LATERAL_STARTUP_PROBE";

/// The probe of one start: the times the stages ended.
#[derive(Clone, Debug)]
pub struct Probe {
    /// How long the process had been running when the probe was made.
    offset: Duration,
    /// When the probe was made.
    made: Instant,
    /// Each stage, and the time since the start when it ended.
    stages: Vec<(&'static str, Duration)>,
    /// Printed already?
    done: bool,
}

impl Probe {
    /// A probe if `LATERAL_STARTUP_PROBE` is set.
    pub fn from_env() -> Option<Self> {
        let value = std::env::var(ENV).ok()?;
        let offset = value
            .trim()
            .parse::<u128>()
            .ok()
            // A time stamp, not a flag such as `1`.
            .filter(|&ns| ns > 1_000_000_000_000_000_000)
            .and_then(since_unix_ns)
            .or_else(since_process_start)
            .unwrap_or_default();
        Some(Self {
            offset,
            made: Instant::now(),
            stages: Vec::new(),
            done: false,
        })
    }

    /// The time since the start.
    pub fn elapsed(&self) -> Duration {
        self.offset + self.made.elapsed()
    }

    /// Notes that a stage has ended.
    pub fn mark(&mut self, stage: &'static str) {
        self.mark_at(stage, Instant::now());
    }

    /// Notes that a stage ended at `when`.
    pub fn mark_at(&mut self, stage: &'static str, when: Instant) {
        let t = self.offset + when.saturating_duration_since(self.made);
        self.stages.push((stage, t));
    }

    /// Call at the start of every frame: from the second frame on (the first has been presented
    /// by then), prints the line once and asks the window to close. Until then, asks for the
    /// next frame.
    pub fn frame(&mut self, ctx: &egui::Context) {
        if self.done {
            return;
        }
        if ctx.cumulative_frame_nr() == 0 {
            ctx.request_repaint();
            return;
        }
        let first_frame = self.elapsed();
        eprintln!("{}", self.report(first_frame));
        self.done = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Has the line been printed?
    pub fn done(&self) -> bool {
        self.done
    }

    fn report(&self, first_frame: Duration) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|(name, t)| format!("{name}:{:.1}", ms(*t)))
            .collect();
        format!(
            // i18n: not text (developer output: the startup probe line on stderr)
            "startup-probe first_frame_ms={:.1} pss_kb={} hwm_kb={} stages={}",
            ms(first_frame),
            // i18n: not text (a field of /proc)
            proc_kb("/proc/self/smaps_rollup", "Pss:").unwrap_or(0),
            // i18n: not text (a field of /proc)
            proc_kb("/proc/self/status", "VmHWM:").unwrap_or(0),
            stages.join(",")
        )
    }
}

/// The time since `t0` (nanoseconds since the Unix epoch).
fn since_unix_ns(t0: u128) -> Option<Duration> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_nanos();
    let ns = u64::try_from(now.checked_sub(t0)?).ok()?;
    Some(Duration::from_nanos(ns))
}

/// How long this process has been running: the system's uptime minus the process's start time
/// (field 22 of `/proc/self/stat`, in clock ticks of 1/100 s, Linux's `USER_HZ`).
fn since_process_start() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    let after = &stat[stat.rfind(')')? + 1..];
    let ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let up: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    Duration::try_from_secs_f64(up - ticks / 100.0).ok()
}

/// The value in kB of the line starting with `key` in a `/proc` file.
fn proc_kb(path: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_since_a_timestamp_in_the_future_is_none() {
        assert_eq!(since_unix_ns(u128::MAX), None);
        assert!(since_unix_ns(0).is_some());
    }

    #[test]
    fn this_process_has_a_start_time_and_a_pss() {
        // Linux only (the app's startup figures are measured there).
        if cfg!(target_os = "linux") {
            assert!(since_process_start().is_some());
            assert!(proc_kb("/proc/self/status", "VmHWM:").is_some_and(|kb| kb > 0));
        }
    }

    #[test]
    fn the_line_names_every_stage_in_order() {
        let mut p = Probe {
            offset: Duration::from_millis(5),
            made: Instant::now(),
            stages: Vec::new(),
            done: false,
        };
        p.mark("library");
        p.mark("window");
        let line = p.report(Duration::from_millis(250));
        assert!(line.starts_with("startup-probe first_frame_ms=250.0 pss_kb="), "{line}");
        let stages = line.split("stages=").nth(1).unwrap_or_default();
        assert!(stages.starts_with("library:") && stages.contains(",window:"), "{line}");
    }
}
