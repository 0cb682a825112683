#!/usr/bin/env bash
# On GitHub's Ubuntu runner (not root; Google Chrome preinstalled, named by CHROMIUM_PATH): installs the
# system packages of scripts/system-packages.sh, plus xvfb for a display and libnotify4 for notifications,
# and lets Electron's sandbox run.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/system-packages.sh
read -r -a test_packages <<<"$(test_system_packages | tr '\n' ' ')"
sudo apt-get update -qq
sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${BUILD_PACKAGES[@]}" "${test_packages[@]}" xvfb libnotify4
# Ubuntu 24.04 forbids unprivileged user namespaces to programs without an AppArmor profile, and
# Electron's sandbox needs one: without this, Electron stops at start-up ("The SUID sandbox helper binary
# was found, but is not configured correctly").
if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]; then
  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0
fi
