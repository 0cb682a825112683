# Debian/Ubuntu packages the project needs, and a check that installs them (as root) or says how.
# Sourced by scripts/test.sh and scripts/start.sh; one list, so the README, CI and the check never disagree.

# keytar's native build (node-gyp against libsecret): needed by `npm ci` itself.
BUILD_PACKAGES=(g++ make python3 pkg-config libsecret-1-dev)
# A real Secret Service (gnome-keyring) on a private session bus for the keychain tests; Chromium (with a
# font, for legible screenshots) for the end-to-end tests.
TEST_PACKAGES=(gnome-keyring libsecret-tools dbus dbus-x11 chromium fonts-liberation)

missing_system_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

# ensure_system_packages PACKAGE...: installs the missing ones as root; otherwise prints the line to run.
ensure_system_packages() {
  local missing
  missing=$(missing_system_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "These system packages are needed and this is not a Debian/Ubuntu system: $missing" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "These system packages are needed. Install them, then run the command again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
    return 1
  fi
  echo "Installing system packages: $missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
