#!/bin/sh
# Installs the test-only npm packages (the real Mermaid library) from the committed
# package.json and package-lock.json into tests/render/js/node_modules (never committed).
# Needs Node.js 20+ and npm; the tests load Mermaid in Debian's chromium, not in Node.
set -eu
cd "$(dirname "$0")/js"
npm ci --no-audit --no-fund --ignore-scripts
