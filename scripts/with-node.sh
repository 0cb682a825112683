#!/usr/bin/env bash
# Runs a command under the project's Node (see node-toolchain.sh), in the current folder: for a machine whose
# own Node is older than package.json's engines, e.g. `bash scripts/with-node.sh npm run lint`.
set -euo pipefail
source "$(dirname "$0")/node-toolchain.sh"
use_supported_node >&2
exec "$@"
