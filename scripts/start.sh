#!/usr/bin/env bash
# Runs the desktop app (npm start). Needs a desktop session; Electron fetches its binary on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
source scripts/node-modules.sh
ensure_system_packages "${BUILD_PACKAGES[@]}"
ensure_node_modules
exec npx electron-vite dev "$@"
