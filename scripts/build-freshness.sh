# Builds out/ (the app, the CLI and the web bridge) unless it is fresh: newer than every input of the
# build. Sourced by scripts/test.sh from the repository root; tests/unit/toolchain/buildFreshness.test.ts
# drives it against a stand-in npm.
#
# Fresh means: out/.build-stamp exists, every bundle the tests read exists, and no input file or folder
# is newer than the stamp. The stamp carries the time the last successful build *started*, so a file saved
# while a build ran counts as newer; folders are inputs too, so a file deleted or renamed (which changes
# its folder's time, not any file's) counts as a change. A failed build removes the stamp.

# Everything the bundles are made from: sources, what they may import or copy, the build configs, and the
# installed dependencies (npm ci and npm install rewrite node_modules/.package-lock.json).
BUILD_INPUTS=(
  src tools resources
  package.json package-lock.json node_modules/.package-lock.json
  electron.vite.config.ts vite.cli.config.ts vite.webbridge.config.ts
  tsconfig.json tsconfig.base.json tsconfig.node.json tsconfig.web.json
)
# What the tests run: the main, preload and renderer bundles, the CLI and the web host's browser bridge.
BUILD_OUTPUTS=(out/main/index.js out/preload/index.cjs out/renderer/index.html out/cli/main.js out/web-bridge/bridge.js)
BUILD_STAMP=out/.build-stamp

# The first input newer than the stamp, or a reason there is no fresh build; nothing when out/ is fresh.
build_staleness() {
  if [ ! -f "$BUILD_STAMP" ]; then
    echo "no record of a finished build"
    return
  fi
  local output input
  for output in "${BUILD_OUTPUTS[@]}"; do
    [ -e "$output" ] || {
      echo "$output is missing"
      return
    }
  done
  local inputs=()
  for input in "${BUILD_INPUTS[@]}"; do
    if [ -e "$input" ]; then inputs+=("$input"); fi
  done
  local newer
  newer=$(find "${inputs[@]}" -newer "$BUILD_STAMP" -print -quit 2>/dev/null || true)
  if [ -n "$newer" ]; then echo "$newer changed"; fi
}

# Builds unless out/ is fresh, saying which.
build_unless_fresh() {
  local stale
  stale=$(build_staleness)
  if [ -z "$stale" ]; then
    echo "Not rebuilding: out/ is newer than every source and build config."
    return 0
  fi
  echo "Building (the tests run the built app, CLI and web bridge; $stale)..."
  local started
  started=$(mktemp "${TMPDIR:-/tmp}/camb-watch-build.XXXXXX")
  rm -f "$BUILD_STAMP"
  if ! npm run --silent build >/dev/null; then
    rm -f "$started"
    return 1
  fi
  mkdir -p "$(dirname "$BUILD_STAMP")"
  touch -r "$started" "$BUILD_STAMP"
  rm -f "$started"
}
