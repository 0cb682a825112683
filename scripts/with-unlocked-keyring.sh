#!/usr/bin/env bash
# Inside a private D-Bus session: starts gnome-keyring's Secret Service with an unlocked login keyring,
# then runs the given command. CAMB_TEST_SECRET_SERVICE=1 tells the tests a real one is there.
# Run it with HOME (and XDG_DATA_HOME, if set) pointing at an empty temporary folder, as scripts/test.sh does.
set -euo pipefail
unset CAMB_API_KEY

# Never unlock (or create) a keyring in someone's real home with the test password.
keyrings="${XDG_DATA_HOME:-$HOME/.local/share}/keyrings"
if [ -e "$keyrings/login.keyring" ]; then
  echo "with-unlocked-keyring.sh: $keyrings already holds a login keyring; point HOME at an empty temporary folder." >&2
  exit 2
fi

# gnome-keyring's control socket lives in XDG_RUNTIME_DIR: keep it away from a desktop user's running keyring.
export XDG_RUNTIME_DIR="$HOME/.cache/camb-watch-test-runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export CAMB_TEST_SECRET_SERVICE=1
exec "$@"
