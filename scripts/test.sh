#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, builds, and runs every suite, with the
# keychain tests talking to a real gnome-keyring in a private D-Bus session. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
source scripts/node-modules.sh

ensure_system_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_node_modules

echo "Building (the CLI tests run the built bin/camb-watch)..."
npm run --silent build >/dev/null

# The keychain lives in a throw-away HOME so tests never touch the user's own secrets.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
mkdir -p test-results
summary=test-results/vitest.json
rm -f "$summary"

echo "Running the test suites..."
status=0
NPM_CONFIG_UPDATE_NOTIFIER=false HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" dbus-run-session -- \
  bash scripts/with-unlocked-keyring.sh \
  npx vitest run --reporter=default --reporter=json --outputFile.json="$summary" "$@" || status=$?

# One plain closing line that any CI can read, whatever the reporter printed above.
if [ -f "$summary" ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$summary"
fi
exit "$status"
