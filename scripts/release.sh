#!/usr/bin/env bash
# Builds Lateral's downloads for schools into dist/release/ (docs/install.md):
#
#   lateral-X-x86_64-linux.tar.gz        the Linux program, README, licences
#   lateral_X_amd64.deb                  Debian/Ubuntu package: /usr/bin/lateral, menu entry, icons,
#                                        the exam-pack file type
#   lateral-X-windows-x64.zip            portable Windows program: lateral.exe (the app, no console
#                                        window), lateral-cli.exe (the teachers' commands), licences
#   lateral-X-windows-x64-setup.exe      Windows installer (NSIS): per-machine, Start menu, file
#                                        association, uninstaller, `/S` for a silent install
#   SHA256SUMS
#
# X is the version in Cargo.toml. Runs on a fresh Debian machine (as root, or with sudo): it
# installs the Rust target and the Debian packages it needs. macOS cannot be built here (see
# docs/install.md).
#
#   scripts/release.sh                 release build (what schools get)
#   scripts/release.sh --profile dev   debug build, packaged the same way (CI's packaging test:
#                                      scripts/test-release.sh; never for schools)
#   scripts/release.sh --out DIR       write somewhere else than dist/release
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

profile=release
out=dist/release
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$profile" in
  release) profile_dir=release ;;
  dev) profile_dir=debug ;;
  *) echo "error: --profile is release or dev, not $profile" >&2; exit 2 ;;
esac
win=x86_64-pc-windows-gnu
target_dir=${CARGO_TARGET_DIR:-$root/target}
export CARGO_INCREMENTAL=0

step() { printf '\n=== release (%ss): %s\n' "$SECONDS" "$*"; }

# --- tools ---------------------------------------------------------------------------------
# Debian package -> a file it installs, to tell whether it is there.
declare -A tools=(
  [gcc-mingw-w64-x86-64]=/usr/bin/x86_64-w64-mingw32-gcc
  [nsis]=/usr/bin/makensis
  [p7zip-full]=/usr/bin/7z
  [zip]=/usr/bin/zip
  [librsvg2-bin]=/usr/bin/rsvg-convert
  [icoutils]=/usr/bin/icotool
  [binutils]=/usr/bin/strip
  [python3]=/usr/bin/python3
)
missing=()
for pkg in "${!tools[@]}"; do
  [ -e "${tools[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! rustup target list --installed | grep -qx "$win"; then
  step "rustup target add $win"
  rustup target add "$win"
fi

version=$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "lateral"))')
step "Lateral $version, profile $profile, into $out"

# --- icons ----------------------------------------------------------------------------------
step "icons"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/icons" "$stage/win"
for s in 16 24 32 48 64 128 256; do
  rsvg-convert -w $s -h $s assets/icon/lateral.svg -o "$stage/icons/$s.png"
done
# Windows shows the 256 px picture as PNG inside the ICO (--raw), the small ones as bitmaps.
icotool -c -o "$stage/win/lateral.ico" "$stage"/icons/{16,24,32,48,64,128}.png --raw="$stage/icons/256.png"
# scripts/windows-resources.rs (the build script) compiles it into the Windows programs (their icon in Explorer). A fixed path, so that
# an unchanged icon does not make cargo build again.
mkdir -p "$target_dir/release-icon"
cmp -s "$stage/win/lateral.ico" "$target_dir/release-icon/lateral.ico" ||
  cp "$stage/win/lateral.ico" "$target_dir/release-icon/lateral.ico"
# Only for the Windows builds: the host's build would run its build script again for nothing.
icon="$target_dir/release-icon/lateral.ico"

# --- build ---------------------------------------------------------------------------------
step "cargo build (Linux app)"
cargo build --locked --profile "$profile"
step "cargo build --target $win (Windows app: GUI subsystem)"
LATERAL_WINDOWS_ICON=$icon cargo build --locked --profile "$profile" --target "$win"
cp "$target_dir/$win/$profile_dir/lateral.exe" "$stage/win/lateral.exe"
step "cargo build --target $win --no-default-features (Windows teachers' commands: console)"
LATERAL_WINDOWS_ICON=$icon cargo build --locked --profile "$profile" --target "$win" --no-default-features
cp "$target_dir/$win/$profile_dir/lateral.exe" "$stage/win/lateral-cli.exe"
x86_64-w64-mingw32-strip "$stage/win/lateral.exe" "$stage/win/lateral-cli.exe"
cp "$target_dir/$profile_dir/lateral" "$stage/lateral"
strip "$stage/lateral"

# --- licences --------------------------------------------------------------------------------
step "licence lists"
licences() { # TARGET [cargo metadata flags]: the third-party licence list of that build
  local t=$1
  shift
  cargo metadata --format-version 1 --locked --filter-platform "$t" "$@" |
    python3 scripts/third-party-licenses.py --target "$t" --version "$version"
}
licences x86_64-unknown-linux-gnu >"$stage/THIRD-PARTY-LICENSES.txt"
licences "$win" >"$stage/win/THIRD-PARTY-LICENSES.txt"

# A debug build is packaged for the tests only: compressed fast (CI's time), never shipped.
level=9
compressor=lzma
if [ "$profile" = dev ]; then
  level=1
  compressor=zlib
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/lateral[-_]* "$out/SHA256SUMS"

# --- Linux: tar.gz -------------------------------------------------------------------------
step "lateral-$version-x86_64-linux.tar.gz"
tdir="$stage/lateral-$version-x86_64-linux"
mkdir -p "$tdir"
cp "$stage/lateral" "$tdir/"
cp README.md LICENSE-MIT LICENSE-APACHE "$stage/THIRD-PARTY-LICENSES.txt" "$tdir/"
cp docs/install.md "$tdir/INSTALL.md"
cp assets/fonts/LICENSE-Noto.txt "$tdir/"
tar -C "$stage" --owner=0 --group=0 --sort=name -cf - "$(basename "$tdir")" | gzip -"$level" >"$out/lateral-$version-x86_64-linux.tar.gz"

# --- Linux: .deb ---------------------------------------------------------------------------
step "lateral_${version}_amd64.deb"
pkg="$stage/deb"
install -Dm755 "$stage/lateral" "$pkg/usr/bin/lateral"
install -Dm644 assets/linux/lateral.desktop "$pkg/usr/share/applications/lateral.desktop"
install -Dm644 assets/linux/lateral.xml "$pkg/usr/share/mime/packages/lateral.xml"
install -Dm644 assets/icon/lateral.svg "$pkg/usr/share/icons/hicolor/scalable/apps/lateral.svg"
for s in 16 24 32 48 64 128 256; do
  install -Dm644 "$stage/icons/$s.png" "$pkg/usr/share/icons/hicolor/${s}x${s}/apps/lateral.png"
done
doc="$pkg/usr/share/doc/lateral"
install -Dm644 README.md "$doc/README.md"
install -Dm644 docs/install.md "$doc/INSTALL.md"
install -Dm644 LICENSE-MIT "$doc/LICENSE-MIT"
install -Dm644 LICENSE-APACHE "$doc/LICENSE-APACHE"
install -Dm644 assets/fonts/LICENSE-Noto.txt "$doc/LICENSE-Noto.txt"
install -Dm644 "$stage/THIRD-PARTY-LICENSES.txt" "$doc/THIRD-PARTY-LICENSES.txt"
cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: lateral
Comment: The crates Lateral is built from, with their licences: THIRD-PARTY-LICENSES.txt.

Files: *
Copyright: The Lateral authors
License: MIT or Apache-2.0
 See LICENSE-MIT and LICENSE-APACHE in this folder.

Files: fonts embedded in /usr/bin/lateral
Copyright: Google LLC (Noto Serif, Noto Sans, Noto Sans Symbols)
License: OFL-1.1
 See LICENSE-Noto.txt in this folder.
EOF
# The C libraries the program links, and those its window loads at run time (X11 or Wayland,
# OpenGL through EGL or GLX, the keyboard map).
glibc=$(objdump -T "$stage/lateral" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
mkdir -p "$pkg/DEBIAN"
cat >"$pkg/DEBIAN/control" <<EOF
Package: lateral
Version: $version
Architecture: amd64
Maintainer: The Lateral authors <lateral@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: libc6 (>= $glibc), libgcc-s1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon0, libxkbcommon-x11-0, libegl1 | libgl1
Recommends: libwayland-client0, libwayland-egl1, xdg-desktop-portal
Section: education
Priority: optional
Description: media-literacy lessons on real news text
 Students read real news articles inside a lesson and highlight the claim
 that conflicts with another report, the loaded words of a biased one, or
 the tells of a machine-written text; the app checks the highlights against
 the teacher's answer key. It works offline and never touches the network.
 Also the teachers' command line: lateral check, score, grade, pack.
EOF
find "$pkg" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz -z"$level" --build "$pkg" "$out/lateral_${version}_amd64.deb" >/dev/null

# --- Windows: zip --------------------------------------------------------------------------
step "lateral-$version-windows-x64.zip"
w="$stage/win"
# Windows readers: .txt names (Notepad opens them on a double-click).
cp README.md "$w/README.txt"
cp docs/install.md "$w/INSTALL.txt"
cp LICENSE-MIT "$w/LICENSE-MIT.txt"
cp LICENSE-APACHE "$w/LICENSE-APACHE.txt"
cp assets/fonts/LICENSE-Noto.txt "$w/LICENSE-Noto.txt"
zdir="$stage/lateral-$version-windows-x64"
mkdir -p "$zdir"
cp "$w"/{lateral.exe,lateral-cli.exe,README.txt,INSTALL.txt,LICENSE-MIT.txt,LICENSE-APACHE.txt,LICENSE-Noto.txt,THIRD-PARTY-LICENSES.txt} "$zdir/"
(cd "$stage" && zip -q -X -r -"$level" "$out/lateral-$version-windows-x64.zip" "$(basename "$zdir")")

# --- Windows: installer --------------------------------------------------------------------
step "lateral-$version-windows-x64-setup.exe"
makensis -V2 -DCOMPRESSOR="$compressor" -DVERSION="$version" -DSRCDIR="$w" -DOUTFILE="$out/lateral-$version-windows-x64-setup.exe" \
  assets/installer/lateral.nsi

# --- checksums -----------------------------------------------------------------------------
(cd "$out" && sha256sum lateral-"$version"-* lateral_"$version"_* >SHA256SUMS)
step "done"
(cd "$out" && ls -l --block-size=K lateral[-_]* SHA256SUMS)
