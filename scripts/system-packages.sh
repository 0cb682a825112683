# Debian/Ubuntu packages the project needs, and a check that installs them (as root) or says how.
# Sourced by scripts/test.sh and scripts/start.sh; one list, so the README, CI and the check never disagree.
# Elsewhere (macOS, Fedora, Windows' Git Bash) nothing is checked or installed: the check says what is
# needed there and lets the command go on.

# keytar's native build (node-gyp against libsecret): needed by `npm ci` itself.
BUILD_PACKAGES=(g++ make python3 pkg-config libsecret-1-dev)
# A real Secret Service (gnome-keyring) on a private session bus for the keychain tests; gdbus (glib) and
# dbus-send, which the app asks the bus about a tray host with (tests/integration/shell/trayHost.test.ts);
# dbus-daemon for the private buses the notification tests put a fake notification daemon on;
# Chromium (with a font, for legible screenshots) for the end-to-end tests; attr (getfattr) to read the
# origin xattrs of downloads.
TEST_PACKAGES=(gnome-keyring libsecret-tools dbus dbus-x11 libglib2.0-bin chromium fonts-liberation attr)

# The test packages this machine needs: Debian's chromium only where CHROMIUM_PATH names no browser (CI's
# Ubuntu runner has Google Chrome, and Ubuntu's chromium package is only a snap wrapper). One per line.
test_system_packages() {
  local pkg
  for pkg in "${TEST_PACKAGES[@]}"; do
    if [ "$pkg" = chromium ] && [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then continue; fi
    printf '%s\n' "$pkg"
  done
}

# One dpkg-query for them all (one per package took seconds on a busy machine); a package it does not
# know, or knows as removed, is missing.
missing_system_packages() {
  local installed pkg
  installed=" $(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
    while read -r pkg status; do [ "$status" = "install ok installed" ] && printf '%s ' "$pkg"; done || true)"
  for pkg in "$@"; do
    case "$installed" in
    *" $pkg "*) ;;
    *) printf '%s ' "$pkg" ;;
    esac
  done
}

# What keytar's native build needs on a system without apt, said for that system.
build_tools_hint() {
  case "$(uname -s 2>/dev/null)" in
  Darwin) echo "On macOS, keytar's native build needs the Xcode Command Line Tools (xcode-select --install)." ;;
  MINGW* | MSYS* | CYGWIN*)
    echo "On Windows, npm fetches keytar ready-built; building it needs Visual Studio Build Tools (C++) and Python 3."
    ;;
  *)
    if command -v dnf >/dev/null 2>&1; then
      echo "On Fedora: sudo dnf install gcc-c++ make python3 pkgconf-pkg-config libsecret-devel"
    elif command -v pacman >/dev/null 2>&1; then
      echo "On Arch: sudo pacman -S --needed base-devel python pkgconf libsecret"
    else
      echo "keytar's native build needs a C++ compiler, make, Python 3, pkg-config and libsecret's development files."
    fi
    ;;
  esac
}

# ensure_system_packages PACKAGE...: installs the missing ones as root; otherwise prints the line to run.
# Without apt it only says what is needed, and succeeds: the packages may well be there under other names.
ensure_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "Not a Debian or Ubuntu system, so system packages are not checked (on Debian: $*)." >&2
    build_tools_hint >&2
    return 0
  fi
  local missing
  missing=$(missing_system_packages "$@")
  [ -z "$missing" ] && return 0
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
