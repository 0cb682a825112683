# Debian/Ubuntu packages the tests need, and a check that installs them (as root) or says how.
# Sourced by scripts/test.sh; one list, so the README, CI and the check never disagree.

# libsecret-1-dev: keytar's native build; gnome-keyring + libsecret-tools: a real Secret Service;
# dbus + dbus-x11: a private session bus (dbus-run-session) for it.
SYSTEM_PACKAGES=(libsecret-1-dev gnome-keyring libsecret-tools dbus dbus-x11)

missing_system_packages() {
  local pkg
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

ensure_system_packages() {
  local missing
  missing=$(missing_system_packages)
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "These system packages are needed and this is not a Debian/Ubuntu system: $missing" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need these system packages. Install them, then run the tests again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
    return 1
  fi
  echo "Installing system packages: $missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
