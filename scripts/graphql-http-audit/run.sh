#!/usr/bin/env bash
# Audits Quire against the GraphQL-over-HTTP specification with graphql-http's server audits.
#
#   scripts/graphql-http-audit/run.sh [path/to/quire]
#
# Starts `quire serve` (the binary given as argument, or $QUIRE_BIN; without either,
# target/debug/quire, built first) on a fresh SQLite file at a free loopback port, installs the pinned
# audit package with `npm ci`, runs every audit and stops the server. Exits non-zero unless all
# audits pass with no warning and no notice.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/serve.sh"
quire_bin "${1:-}"

work="$(mktemp -d)"
trap 'stop_quire; rm -rf "$work"' EXIT
start_quire "$work"

cd "$here"
npm ci --silent --no-audit --no-fund --prefer-offline
node audit.mjs "$url"
