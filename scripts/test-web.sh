#!/usr/bin/env bash
# The web build's end-to-end test (issue 19): builds dist/web/ (scripts/build-web.sh, profile
# `web-ci` unless LATERAL_WEB_PROFILE says otherwise), serves it on localhost, and drives
# Debian's Chromium headless with playwright-core (scripts/web-e2e.cjs). Installs what it needs:
# chromium (apt), playwright-core (npm, into a cache folder outside the checkout).
# Screenshots go to target/web-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${LATERAL_WEB_PROFILE:-web-ci}
PLAYWRIGHT_VERSION=1.65.1

scripts/build-web.sh --profile "$profile"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/chromium ]; then
  echo "== apt-get install chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

node_dir=${XDG_CACHE_HOME:-$HOME/.cache}/lateral-web-test
if [ ! -f "$node_dir/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$node_dir/node_modules/playwright-core/package.json"; then
  echo "== npm install playwright-core@$PLAYWRIGHT_VERSION (into $node_dir)"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION"
fi

out=target/web-test
mkdir -p "$out"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory dist/web "$port" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "== headless Chromium on http://127.0.0.1:$port/"
NODE_PATH="$node_dir/node_modules" node scripts/web-e2e.cjs "http://127.0.0.1:$port/" "$out"
