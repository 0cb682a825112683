#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, builds unless out/ is fresh, runs every suite
# but the visual one (the keychain tests talk to a real gnome-keyring in a private D-Bus session), and the
# electronegativity security gate beside them.
# `npm test -- --long` (what .ci/run runs) adds the visual project (every e2e journey at both sizes and
# in both themes, with screenshots and axe) and the long crash test (CAMB_WATCH_LONG_TESTS=1: 32 kills, not 8).
# Other extra arguments go to vitest; a --project of theirs chooses the projects instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
source scripts/node-modules.sh
source scripts/build-freshness.sh

# Playwright drives Debian's Chromium (the e2e tests read CHROMIUM_PATH, default /usr/bin/chromium):
# its own browser download cannot work offline.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# (read -a, not mapfile: macOS runs bash 3.2)
read -r -a test_packages <<<"$(test_system_packages | tr '\n' ' ')"
ensure_system_packages "${BUILD_PACKAGES[@]}" "${test_packages[@]}"
ensure_node_modules
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "The end-to-end tests need Chromium at $chromium: install the chromium package or set CHROMIUM_PATH." >&2
  exit 1
fi

build_unless_fresh

vitest_args=()
long_run=false
chosen_projects=false
for arg in "$@"; do
  case "$arg" in
  --long) long_run=true ;;
  --project | --project=*) chosen_projects=true ;;
  esac
  [ "$arg" = --long ] || vitest_args+=("$arg")
done
if $long_run; then
  export CAMB_WATCH_LONG_TESTS=1
elif ! $chosen_projects; then
  vitest_args+=(--project '!visual')
fi

mkdir -p test-results
summary=test-results/vitest.json
rm -f "$summary"

# The security gate reads only the sources and takes ~8 s: it runs while the suites do, not after them.
scan_log=test-results/security-scan.log
npx tsx scripts/security-scan.ts >"$scan_log" 2>&1 &
scan_pid=$!

echo "Running the test suites under Node $(node --version)..."
status=0
vitest=(npx vitest run --reporter=default --reporter=json --outputFile.json="$summary" ${vitest_args[@]+"${vitest_args[@]}"})
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  # The keychain lives in a throw-away HOME so tests never touch the user's own secrets.
  keyring_home=$(mktemp -d)
  trap 'rm -rf "$keyring_home"' EXIT
  NPM_CONFIG_UPDATE_NOTIFIER=false HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" dbus-run-session -- \
    bash scripts/with-unlocked-keyring.sh "${vitest[@]}" || status=$?
else
  # macOS and Windows (CI runs `npm test -- --project electron` there): no Secret Service to start, so the
  # keychain tests, which need gnome-keyring, fail if they are asked for.
  echo "No gnome-keyring and D-Bus here: the keychain tests (tests/integration) need them and will fail."
  NPM_CONFIG_UPDATE_NOTIFIER=false "${vitest[@]}" || status=$?
fi

# Electronegativity always exits 0; the gate reads its report and fails on HIGH or MEDIUM findings. It ran
# beside the suites (started below, before them): its report is printed here.
echo
echo "The electronegativity security gate:"
wait "$scan_pid" || status=1
cat "$scan_log"

# Plain closing lines that any CI can read, whatever the reporters printed above: what failed, what did
# not run (the Electron suite where its binary is absent), and `tests: N passed, N failed[, N not run]`.
npx tsx scripts/test-summary.ts "$summary" || status=1
exit "$status"
