#!/usr/bin/env bash
# Installs everything Mehvar needs on a fresh Debian machine, then builds it. Safe to run again:
# each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node_major=20
if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js >= ${need_node_major} is required (https://nodejs.org or your distribution's nodesource packages)." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt "$need_node_major" ]; then
  echo "setup: Node.js >= ${need_node_major} is required; this machine has $(node -v)." >&2
  exit 1
fi

# System libraries: node-canvas (charts) builds from source where its prebuilt binary cannot be
# downloaded, which needs cairo/pango/gif headers; poppler-utils reads PDFs back in the tests;
# Debian's chromium runs the browser tests (playwright-core never downloads a browser).
apt_packages=(libcairo2-dev libpango1.0-dev libgif-dev pkg-config poppler-utils chromium)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: system packages already present"
fi

# npm dependencies: reinstall only when the lock file changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.mehvar-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "setup: installing npm dependencies (native modules compile from source; this takes a few minutes the first time)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
else
  echo "setup: npm dependencies up to date"
fi

echo "setup: building"
npm run --silent build
echo "setup: done"
