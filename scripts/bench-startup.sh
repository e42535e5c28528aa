#!/usr/bin/env bash
# Start-to-first-frame of Lateral against a bare eframe window (issue 16 §1).
#
#   scripts/bench-startup.sh [N]        # N runs of each, alternately (default 5)
#
# Builds, in release, `lateral` and `examples/bare_window.rs` (a bare eframe glow window with
# egui's own fonts that shows the AP article and nothing else, 1280×800 like Lateral), then runs
# each N times in turn under one Xvfb server (Mesa llvmpipe), after one warm-up run of each that
# is not counted. Lateral opens the first bundled lesson, whose first step shows two articles.
# Both programs print, under LATERAL_STARTUP_PROBE (src/app/startup_probe.rs), the time from the
# moment this script starts them to their first presented frame, and their PSS at that moment,
# then close. The script prints each run, the medians and the ratios Lateral / bare window.
# Goal (issue 16 §1): time ratio ≤ 1.3, memory ratio ≤ 1.1.
#
# Needs Xvfb and Mesa (installed with apt-get when missing). Not part of CI: the release build
# alone takes about ten minutes cold.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
case $runs in '' | *[!0-9]* | 0) echo "usage: $0 [N]   (N ≥ 1 runs of each)" >&2; exit 2 ;; esac

if ! command -v Xvfb >/dev/null || ! command -v xvfb-run >/dev/null || ! ldconfig -p | grep -q libEGL.so.1; then
  echo "installing Xvfb and Mesa…" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    xvfb xauth libgl1-mesa-dri libegl1 libgl1 libxkbcommon-x11-0 >&2
fi

# Run the measurements inside one X server of their own.
if [ -z "${BENCH_STARTUP_IN_XVFB:-}" ]; then
  cargo build --release --bin lateral --example bare_window >&2
  export BENCH_STARTUP_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1366x768x24" "$0" "$runs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Lateral's --screenshot mode keeps its (throw-away) data in the temporary folder.
export TMPDIR=$work
bare=(./target/release/examples/bare_window)
lateral=(./target/release/lateral --screenshot "$work/unused.png" --lesson first-look --size 1280x800)

# One run: prints "<ms> <pss_kb>" (and the probe's whole line on stderr).
run_once() {
  local line
  line=$(LATERAL_STARTUP_PROBE=$(date +%s%N) "$@" 2>&1 >/dev/null | grep '^startup-probe ' || true)
  if [ -z "$line" ]; then
    echo "error: no startup-probe line from $*" >&2
    exit 1
  fi
  echo "  $line" >&2
  sed -E 's/.*first_frame_ms=([0-9.]+) pss_kb=([0-9]+).*/\1 \2/' <<<"$line"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warm-up (not counted):" >&2
run_once "${bare[@]}" >/dev/null
run_once "${lateral[@]}" >/dev/null

: >"$work/bare" && : >"$work/lateral"
for i in $(seq "$runs"); do
  echo "run $i of $runs:" >&2
  run_once "${bare[@]}" >>"$work/bare"
  run_once "${lateral[@]}" >>"$work/lateral"
done

bt=$(cut -d' ' -f1 "$work/bare" | median)
bm=$(cut -d' ' -f2 "$work/bare" | median)
lt=$(cut -d' ' -f1 "$work/lateral" | median)
lm=$(cut -d' ' -f2 "$work/lateral" | median)
echo
echo "medians of $runs runs each ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
awk -v bt="$bt" -v bm="$bm" -v lt="$lt" -v lm="$lm" 'BEGIN {
  printf "  %-12s first frame %7.1f ms   PSS %6.1f MB\n", "bare window", bt, bm / 1024
  printf "  %-12s first frame %7.1f ms   PSS %6.1f MB\n", "lateral", lt, lm / 1024
  printf "  %-12s time %.2f× (goal ≤ 1.3)   memory %.2f× (goal ≤ 1.1)\n", "ratio", lt / bt, lm / bm
}'
