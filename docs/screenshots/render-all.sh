#!/usr/bin/env bash
# Renders every step of every bundled lesson at 1366×768, in the light and the dark theme, before
# and after Check, as PNGs: <out>/<lesson-id>-step<NN>-<theme>-<before|after>.png.
#
#   docs/screenshots/render-all.sh [OUT_DIR]        (default /tmp/lateral-shots)
#
# Environment: LATERAL_BIN (default ./target/debug/lateral), LESSONS (default lessons),
# SIZE (default 1366x768), ANSWER (what is highlighted before Check: key, partial or all;
# default partial: half the key, one with a wrong label, and one word in no key, so every verdict
# shows). Run it from the repository root after `cargo build`. It needs xvfb-run (Debian: xvfb)
# unless a display is already there. See docs/screenshots/README.md.
set -euo pipefail

out="${1:-/tmp/lateral-shots}"
bin="${LATERAL_BIN:-./target/debug/lateral}"
lessons="${LESSONS:-lessons}"
size="${SIZE:-1366x768}"
answer="${ANSWER:-partial}"

# One X server for the whole run (starting one per picture is slow).
if [[ -z "${DISPLAY:-}" && -z "${LATERAL_SHOTS_IN_XVFB:-}" ]]; then
    command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb) or a DISPLAY" >&2; exit 2; }
    w="${size%x*}"
    h="${size#*x}"
    exec env LATERAL_SHOTS_IN_XVFB=1 xvfb-run -a -s "-screen 0 ${w}x${h}x24" "$0" "$@"
fi

[[ -x "$bin" ]] || { echo "no $bin: run cargo build first (or set LATERAL_BIN)" >&2; exit 2; }
mkdir -p "$out"

# A lesson file's id (the `id = "…"` of its first +++ block) and its number of steps (one
# `+++ step` block each).
lesson_id() {
    awk '/^\+\+\+/ { n++; if (n == 2) exit; next } n == 1 && /^id *= *"/ { sub(/^id *= *"/, ""); sub(/".*/, ""); print; exit }' "$1"
}
step_count() {
    grep -c '^+++ *step' "$1" || true
}

failed=0
made=0
for file in "$lessons"/*.md; do
    id="$(lesson_id "$file")"
    steps="$(step_count "$file")"
    if [[ -z "$id" || "$steps" -eq 0 ]]; then
        echo "skipped $file: no lesson id or no steps" >&2
        continue
    fi
    echo "$id: $steps steps"
    for theme in light dark; do
        dark=()
        [[ "$theme" == dark ]] && dark=(--dark)
        for ((step = 1; step <= steps; step++)); do
            for phase in before after; do
                check=()
                [[ "$phase" == after ]] && check=(--check)
                png="$out/$(printf '%s-step%02d-%s-%s.png' "$id" "$step" "$theme" "$phase")"
                if "$bin" --screenshot "$png" --lesson "$id" --step "$step" --answer "$answer" \
                    "${check[@]}" "${dark[@]}" --size "$size" >/dev/null 2>"$png.log"; then
                    rm -f "$png.log"
                    made=$((made + 1))
                else
                    echo "FAILED $png (see $png.log)" >&2
                    failed=$((failed + 1))
                fi
            done
        done
    done
done

echo "$made pictures in $out; $failed failed"
[[ "$failed" -eq 0 ]]
