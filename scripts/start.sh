#!/usr/bin/env bash
# Runs the desktop app (npm start). Needs a desktop session and the Electron binary that npm's install of the
# electron package downloads; where that download failed, says so and how to get it, and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
source scripts/node-modules.sh
ensure_system_packages "${BUILD_PACKAGES[@]}"
ensure_node_modules

# The binary electron-vite dev starts: ELECTRON_EXEC_PATH, or the one the electron package's install.js
# unpacked into node_modules/electron/dist and named in path.txt (electron-vite's getElectronPath). Without
# it electron-vite builds, starts a dev server and only then dies with "Error: Electron uninstall".
electron_binary_present() {
  if [ -n "${ELECTRON_EXEC_PATH:-}" ]; then
    [ -e "$ELECTRON_EXEC_PATH" ]
    return
  fi
  local package=node_modules/electron relative
  [ -f "$package/path.txt" ] || return 1
  relative=$(cat "$package/path.txt")
  [ -n "$relative" ] && [ -e "$package/dist/$relative" ]
}

if ! electron_binary_present; then
  version=$(node -p 'require("./node_modules/electron/package.json").version' 2>/dev/null || echo '')
  echo "The Electron binary is missing (node_modules/electron/dist): its download failed when npm installed electron${version:+ $version}; get it by running \`node node_modules/electron/install.js\` where github.com is reachable (or with ELECTRON_MIRROR pointing at a mirror, or electron_config_cache at a folder holding the electron-v${version:-VERSION}-<os>-<arch>.zip), and meanwhile \`npm run dev:web -- --demo\` runs the same app in a browser." >&2
  exit 1
fi

exec npx electron-vite dev "$@"
