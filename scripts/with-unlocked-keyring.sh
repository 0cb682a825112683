#!/usr/bin/env bash
# Inside a private D-Bus session: starts gnome-keyring's Secret Service with an unlocked login keyring,
# then runs the given command. CAMB_TEST_SECRET_SERVICE=1 tells the tests a real one is there.
set -euo pipefail
unset CAMB_API_KEY
printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export CAMB_TEST_SECRET_SERVICE=1
exec "$@"
