#!/usr/bin/env bash
# The library, a checked step and the summary in every UI language at 1366×768 (issue 17 §3),
# into docs/screenshots/ (or the folder given). Needs Xvfb and Mesa (Debian: xvfb
# libgl1-mesa-dri libegl1 libxkbcommon-x11-0) and a built `lateral` (debug, or LATERAL=path).
# Look at every picture for text cut off at the edge of a button or panel.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
bin=${LATERAL:-target/debug/lateral}
mkdir -p "$out"
shot() {
  xvfb-run -a -s "-screen 0 1366x768x24" "$bin" --size 1366x768 "$@"
}
for lang in en pl uk; do
  shot --lang "$lang" --screenshot "$out/library-$lang.png"
  shot --lang "$lang" --screenshot "$out/checked-step-$lang.png" --lesson first-look --step 3 --answer partial --check
  shot --lang "$lang" --screenshot "$out/summary-$lang.png" --lesson first-look --step 3 --answer partial --check --summary
  echo "$out/{library,checked-step,summary}-$lang.png"
done
