#!/usr/bin/env bash
# Runs a command under the project's Node (see node-toolchain.sh), e.g. `bash scripts/with-node.sh npm run lint`
# on a machine whose own Node is older than package.json's engines.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-toolchain.sh
use_supported_node >&2
exec "$@"
