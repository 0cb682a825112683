# Installs node_modules when they are missing or older than package-lock.json, under the project's Node
# (node-toolchain.sh), which from then on is first on PATH for npm, npx and what they run. Sourced by test.sh
# and start.sh.
source scripts/node-toolchain.sh

ensure_node_modules() {
  use_supported_node
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm dependencies (npm ci)..."
    # Playwright must use Debian's Chromium: its own browser download cannot work offline.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}
