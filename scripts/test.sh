#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, builds, and runs every suite, with the
# keychain tests talking to a real gnome-keyring in a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
source scripts/node-modules.sh

ensure_system_packages
ensure_node_modules

echo "Building (the CLI tests run the built bin/camb-watch)..."
npm run --silent build >/dev/null

# The keychain lives in a throw-away HOME so tests never touch the user's own secrets.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT

echo "Running the test suites..."
HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" dbus-run-session -- \
  bash scripts/with-unlocked-keyring.sh npx vitest run "$@"
