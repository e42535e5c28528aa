#!/usr/bin/env bash
# Builds the web version of Lateral into dist/web/: index.html, the wasm and its JavaScript, a
# web app manifest and a service worker (docs/web.md). Copy the folder to any static web host,
# or serve it from a laptop with --serve.
#
#   scripts/build-web.sh [--serve] [--port N] [--profile NAME] [--tools]
#
# --profile: the cargo profile (default `release`, the one to publish and the one CI tests).
# Installs what it needs: the wasm32 target, and wasm-bindgen-cli at the version Cargo.lock pins.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_INCREMENTAL=0

serve=false
port=8080
profile=release
tools_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) serve=true ;;
    --port) port=$2; shift ;;
    --profile) profile=$2; shift ;;
    --tools) tools_only=true ;;
    *) echo "usage: scripts/build-web.sh [--serve] [--port N] [--profile NAME] [--tools]" >&2; exit 2 ;;
  esac
  shift
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "== rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen's CLI must be the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "== cargo install wasm-bindgen-cli --version $want"
  # Not --locked: one of the CLI's locked dependencies is not served by crates.io.
  # Only the one program, without the TLS stack its test runner downloads with (faster to build).
  cargo install wasm-bindgen-cli --version "$want" --no-default-features --bin wasm-bindgen
fi
# --tools: only the tools above (.ci/run installs them in the background meanwhile).
if $tools_only; then exit 0; fi

echo "== cargo build --profile $profile --target wasm32-unknown-unknown"
cargo build --profile "$profile" --target wasm32-unknown-unknown --bin lateral
wasm="target/wasm32-unknown-unknown/$profile/lateral.wasm"

out=dist/web
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm"
cp assets/web/index.html assets/web/style.css assets/web/start.js assets/web/manifest.webmanifest "$out/"
cp assets/icon/lateral.svg "$out/icon.svg"  # the app icon (issue 18), also the web app's

# The service worker caches every file of the page; its version is a hash of them, so a new
# build replaces the old cache.
version=$(cd "$out" && cat $(ls | sort) | sha256sum | cut -c1-16)
files=$(cd "$out" && ls | sort | awk 'BEGIN { printf "[\"./\"" } { printf ", \"%s\"", $0 } END { printf "]" }')
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|$files|" assets/web/sw.js > "$out/sw.js"

echo "== dist/web/ ($version):"
(cd "$out" && ls -l | awk 'NR > 1 { printf "  %-24s %9d bytes\n", $9, $5 }')

if $serve; then
  echo "== serving dist/web/ on http://localhost:$port (Ctrl+C stops)"
  exec python3 -m http.server --bind 127.0.0.1 --directory "$out" "$port"
fi
