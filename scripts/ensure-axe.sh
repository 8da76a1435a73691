#!/bin/sh
# The accessibility test runs axe-core in the browser; fetch the pinned release once from npm.
set -e
AXE_VERSION="${AXE_VERSION:-4.10.3}"
DIR="$(dirname "$0")/../.cache/axe"
if [ -f "$DIR/node_modules/axe-core/axe.min.js" ] \
  && grep -q "\"version\": \"$AXE_VERSION\"" "$DIR/node_modules/axe-core/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing npm to fetch axe-core..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js (apt-get install npm) to fetch axe-core for the accessibility test." >&2
  exit 1
fi
echo "Installing axe-core $AXE_VERSION for the accessibility test..."
mkdir -p "$DIR"
npm install --no-save --no-audit --no-fund --silent --prefix "$DIR" "axe-core@$AXE_VERSION"
