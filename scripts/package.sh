#!/usr/bin/env bash
# npm run package:<linux|mac|win> [-- electron-builder options]: builds the app and packages it for one OS,
# on that OS only. The package carries keytar's native module as npm built it on this machine
# (electron-builder.yml: npmRebuild: false), so a Windows or macOS package made elsewhere would hold this
# machine's binary, and the app would not reach the keychain it runs on. CI packages each OS on its own runner.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
shift || true
case "$target" in
  linux) wanted=Linux ;;
  mac) wanted=macOS ;;
  win) wanted=Windows ;;
  *)
    echo "Usage: bash scripts/package.sh linux|mac|win [electron-builder options]" >&2
    exit 2
    ;;
esac
case "$(uname -s 2>/dev/null)" in
  Linux) host=linux ;;
  Darwin) host=mac ;;
  MINGW* | MSYS* | CYGWIN*) host=win ;;
  *) host=unknown ;;
esac
if [ "$host" != "$target" ]; then
  echo "The $wanted package is built only on $wanted: it carries the keychain module (keytar) built for the machine that packages it, so one made here would not reach the $wanted keychain. Run npm run package:$target on $wanted, or let CI's package workflow build it." >&2
  exit 1
fi

source scripts/node-toolchain.sh
use_supported_node >&2
npm run --silent build
exec npx electron-builder "--$target" "$@"
