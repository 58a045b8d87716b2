#!/usr/bin/env bash
# A real urql client against `quire serve`: automatic persisted queries over GET, as a frontend
# behind a CDN would use them.
#
#   scripts/urql-client/run.sh [path/to/quire]
#
# Starts the binary (the argument, or $QUIRE_BIN; without either, target/debug/quire, built
# first) on a fresh SQLite file filled by `quire seed --demo`, installs the pinned packages with
# `npm ci` and runs the tests with node's test runner.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/serve.sh"
quire_bin "${1:-}"

work="$(mktemp -d)"
trap 'stop_quire; rm -rf "$work"' EXIT
QUIRE_LOG=warn "$bin" seed --demo --database "$work/quire.db" >/dev/null
start_quire "$work"

cd "$here"
npm ci --silent --no-audit --no-fund --prefer-offline
QUIRE_URL="$url" node --test client.test.mjs
