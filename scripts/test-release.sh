#!/usr/bin/env bash
# Tests the downloads scripts/release.sh wrote (issue 18), as a school's IT would meet them:
#
#   scripts/test-release.sh [DIR]      DIR: where they are (default dist/release)
#
# - SHA256SUMS matches, and every artifact carries the licences;
# - the tar.gz holds the program, the README and the licences, and the program runs;
# - the .deb installs with `dpkg -i`, `lateral --version` and `lateral check` work from
#   /usr/bin, the exam-pack file type and the menu entry are registered, the app starts under
#   Xvfb from the menu entry's command on an exam pack (as a double-click runs it) and writes its
#   --screenshot, and `dpkg -r` removes every file it installed;
# - the Windows programs are PE32+ x86-64, lateral.exe for the GUI subsystem (no console
#   window) and lateral-cli.exe for the console, linking no MinGW runtime DLL; the installer is
#   one too, and unpacks with 7z into the programs, the licences and the uninstaller; the
#   programs carry the icon.
#
# Needs root (dpkg -i); installs what it needs with apt-get. CI runs it after
# `scripts/release.sh --profile dev` (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=$(cd "${1:-dist/release}" && pwd)
version=$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "lateral"))')

tmp=$(mktemp -d)
installed_here=0
cleanup() {
  # Never leave the package this test installed behind, whatever failed.
  if [ "$installed_here" = 1 ] && dpkg-query -W -f='${Status}' lateral 2>/dev/null | grep -q 'install ok'; then
    dpkg -r lateral >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
passes=0
ok() { passes=$((passes + 1)); printf 'ok: %s\n' "$*"; }
fail() { fails=$((fails + 1)); printf 'FAILED: %s\n' "$*" >&2; }
check() { # DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >"$tmp/out" 2>&1; then ok "$what"; else fail "$what"; sed 's/^/  | /' "$tmp/out" | tail -n 20 >&2; fi
}
has_all() { # LISTING NAME...: every name is a line (or the end of a line) of the listing file
  local list=$1 missing=0
  shift
  for n in "$@"; do grep -Eq "(^|/)$n\$" "$list" || { echo "missing: $n"; missing=1; }; done
  return $missing
}

tgz="$dir/lateral-$version-x86_64-linux.tar.gz"
deb="$dir/lateral_${version}_amd64.deb"
zip="$dir/lateral-$version-windows-x64.zip"
setup="$dir/lateral-$version-windows-x64-setup.exe"
licences=(LICENSE-MIT LICENSE-APACHE LICENSE-Noto.txt THIRD-PARTY-LICENSES.txt)
win_licences=(LICENSE-MIT.txt LICENSE-APACHE.txt LICENSE-Noto.txt THIRD-PARTY-LICENSES.txt)

# Xvfb and a software OpenGL (Mesa) for the window; the menu-entry and file-type tools whose
# dpkg triggers register what the .deb installs.
packages=(p7zip-full xvfb xauth file binutils-mingw-w64-x86-64 icoutils desktop-file-utils
  shared-mime-info libegl-mesa0 libgl1-mesa-dri)
# The .deb's own dependencies, so that `dpkg -i` (which installs none) can succeed.
deps=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g')
# shellcheck disable=SC2206
packages+=($deps)
apt_missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok' || apt_missing+=("$p")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "apt-get install ${apt_missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# --- every artifact -------------------------------------------------------------------------
check "SHA256SUMS names the four downloads and matches them" \
  bash -c "cd '$dir' && [ \$(wc -l <SHA256SUMS) = 4 ] && sha256sum --quiet -c SHA256SUMS"

# --- tar.gz --------------------------------------------------------------------------------
tar -tzf "$tgz" >"$tmp/tgz.list"
check "tar.gz holds the program, the README and the licences" \
  has_all "$tmp/tgz.list" lateral README.md INSTALL.md "${licences[@]}"
mkdir -p "$tmp/tgz" && tar -C "$tmp/tgz" -xzf "$tgz"
check "tar.gz's program runs: lateral --version" \
  bash -c "[ \"\$('$tmp/tgz/lateral-$version-x86_64-linux/lateral' --version)\" = 'lateral $version' ]"

# --- .deb ----------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' lateral 2>/dev/null | grep -q 'install ok'; then
  echo "error: a lateral package is installed already; remove it first (dpkg -r lateral)" >&2
  exit 2
fi
installed_here=1
check "dpkg -i installs the .deb" dpkg -i "$deb"
dpkg -L lateral >"$tmp/deb.list" 2>/dev/null || true
check ".deb installs the program, menu entry, icons, file type and licences" has_all "$tmp/deb.list" \
  usr/bin/lateral usr/share/applications/lateral.desktop usr/share/mime/packages/lateral.xml \
  usr/share/icons/hicolor/scalable/apps/lateral.svg usr/share/icons/hicolor/48x48/apps/lateral.png \
  usr/share/icons/hicolor/256x256/apps/lateral.png usr/share/doc/lateral/copyright \
  "${licences[@]/#/usr/share/doc/lateral/}"
check "the installed lateral is /usr/bin/lateral and speaks its version" \
  bash -c "[ \"\$(command -v lateral)\" = /usr/bin/lateral ] && [ \"\$(lateral --version)\" = 'lateral $version' ]"
check "lateral check works from the installed path" /usr/bin/lateral check --strict lessons corpus
pack="$tmp/Class 7b test.lateral-exam"
check "lateral pack writes an exam pack" /usr/bin/lateral pack --exam lessons/02-bias.md -o "$pack"
check "the menu entry is valid" desktop-file-validate /usr/share/applications/lateral.desktop
check "the exam-pack file type is registered (shared-mime-info ran)" \
  grep -q '\*\.lateral-exam' /usr/share/mime/globs2
check "the menu entry opens exam packs (update-desktop-database ran)" \
  grep -q '^application/x-lateral-exam=.*lateral.desktop' /usr/share/applications/mimeinfo.cache
# The command a double-click on the pack runs: the entry's Exec= with %f as the file.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/lateral.desktop)
check "the menu entry's command takes the file (Exec=lateral %f)" [ "$exec_line" = "lateral %f" ]
read -r -a cmd <<<"${exec_line% %f}"
shot="$tmp/from-desktop-entry.png"
check "the app starts under Xvfb from the menu entry's command on an exam pack and writes its --screenshot" \
  env -u WAYLAND_DISPLAY LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' \
  "${cmd[@]}" "$pack" --screenshot "$shot" --size 1280x800
check "the screenshot is a 1280x800 PNG" bash -c "file '$shot' | grep -q 'PNG image data, 1280 x 800'"
# The same screen without the pack is the bundled library: the two differ, so the pack was opened.
env -u WAYLAND_DISPLAY LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' \
  "${cmd[@]}" --screenshot "$tmp/bundled.png" --size 1280x800 >/dev/null 2>&1 || true
check "it opened the exam pack, not the bundled lessons (the two screens differ)" \
  bash -c "[ -s '$tmp/bundled.png' ] && ! cmp -s '$shot' '$tmp/bundled.png'"
check "dpkg -r removes it" dpkg -r lateral
left=()
while read -r f; do
  [ -e "$f" ] && [ ! -d "$f" ] && left+=("$f")
done <"$tmp/deb.list"
[ ${#left[@]} = 0 ] || printf 'left behind: %s\n' "${left[@]}" >&2
check "no file of the package is left behind" [ ${#left[@]} = 0 ]
check "the file type is gone with it" bash -c "! grep -q 'lateral-exam' /usr/share/mime/globs2"

# --- Windows -------------------------------------------------------------------------------
mkdir -p "$tmp/zip" && (cd "$tmp/zip" && 7z x -y "$zip" >/dev/null)
(cd "$tmp/zip" && find . -type f) >"$tmp/zip.list"
check "the zip holds lateral.exe, lateral-cli.exe and the licences" \
  has_all "$tmp/zip.list" lateral.exe lateral-cli.exe README.txt INSTALL.txt "${win_licences[@]}"
zdir="$tmp/zip/lateral-$version-windows-x64"
# The PE header as binutils reads it: "MAGIC SUBSYSTEM", e.g. "020b 00000002" (PE32+, GUI).
pe() { x86_64-w64-mingw32-objdump -p "$1" | awk '/^Magic/ {m = $2} /^Subsystem/ {s = $2} END {print m, s}'; }
is_pe() { # FILE "MAGIC SUBSYSTEM" WORDS-OF-file(1)
  [ "$(pe "$1")" = "$2" ] && file "$1" | grep -qF "$3"
}
check "lateral.exe is a PE32+ x86-64 program for the GUI subsystem (no console window): $(pe "$zdir/lateral.exe")" \
  is_pe "$zdir/lateral.exe" "020b 00000002" "PE32+ executable (GUI) x86-64"
check "lateral-cli.exe is a PE32+ x86-64 program for the console: $(pe "$zdir/lateral-cli.exe")" \
  is_pe "$zdir/lateral-cli.exe" "020b 00000003" "PE32+ executable (console) x86-64"
check "the installer is a PE32+ x86-64 program for the GUI subsystem: $(pe "$setup")" \
  is_pe "$setup" "020b 00000002" "PE32+ executable (GUI) x86-64"
for exe in lateral.exe lateral-cli.exe; do
  x86_64-w64-mingw32-objdump -p "$zdir/$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u >"$tmp/$exe.dlls"
  check "$exe needs no MinGW runtime DLL, only Windows' own ($(tr '\n' ' ' <"$tmp/$exe.dlls"))" \
    bash -c "[ -s '$tmp/$exe.dlls' ] && ! grep -Ei '^(libgcc|libwinpthread|libstdc|libssp|libatomic|libunwind)' '$tmp/$exe.dlls'"
done
for exe in lateral.exe lateral-cli.exe; do
  check "$exe carries the icon and the version that Explorer shows (scripts/windows-resources.rs)" \
    bash -c "wrestool -l '$zdir/$exe' >'$tmp/res' && grep -q 'type=group_icon' '$tmp/res' && grep -q 'type=version' '$tmp/res'"
done
mkdir -p "$tmp/setup" && (cd "$tmp/setup" && 7z x -y "$setup" >/dev/null)
(cd "$tmp/setup" && find . -type f) >"$tmp/setup.list"
check "the installer unpacks with 7z into the programs, the licences and the uninstaller" \
  has_all "$tmp/setup.list" lateral.exe lateral-cli.exe uninstall.exe lateral.ico "${win_licences[@]}"
check "the installed lateral.exe is the zip's" cmp "$tmp/setup/lateral.exe" "$zdir/lateral.exe"
printf '\ndownloads: %d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
