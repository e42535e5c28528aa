#!/usr/bin/env bash
# Makes the pictures the README shows (docs/screenshots/*.png) with the app's own --screenshot,
# at 1366×768: run it from the repository root after `cargo build`, then look at every picture
# before committing it. The class view is shown on three students' saved work, made here by the
# app itself (their progress files are results files).
set -euo pipefail
bin=${LATERAL_BIN:-./target/debug/lateral}
out=${1:-docs/screenshots}
size=${SIZE:-1366x768}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xrun=(xvfb-run -a -s "-screen 0 ${size}x24")
[ -n "${DISPLAY:-}" ] && xrun=()
shot() { "${xrun[@]}" "$bin" --size "$size" --screenshot "$@" >/dev/null 2>&1; }

shot "$out/library.png"
shot "$out/checked-step.png" --lesson first-look --step 3 --answer partial --check
shot "$out/two-articles.png" --lesson conflict --step 1 --answer partial
shot "$out/teacher-view.png" --edit bias
shot "$out/teacher-preview.png" --edit bias --preview

# Three students' work on the bias lesson's headline step, saved by the app.
mkdir -p "$work/class"
for who in Ana:partial Ben:key Cleo:all; do
    name=${who%%:*}
    mkdir -p "$work/$name"
    TMPDIR="$work/$name" shot "$work/$name.png" --lesson bias --step 2 --answer "${who#*:}" --check --student "$name"
    cp "$(find "$work/$name" -name bias.json | head -n 1)" "$work/class/$name-bias.json"
done
shot "$out/class-view.png" --class "$work/class" --lesson bias
echo "wrote $out/{library,checked-step,two-articles,teacher-view,teacher-preview,class-view}.png"
