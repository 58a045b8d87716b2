#!/usr/bin/env bash
# Fuzzes the REST content API against its own OpenAPI document with schemathesis.
#
#   scripts/schemathesis/run.sh [path/to/quire]
#
# Seeds a demo newsroom into a fresh SQLite file (`quire seed --demo`), serves it with
# `quire serve` (the binary given as argument, or $QUIRE_BIN; without either, target/debug/quire,
# built first) on a free loopback port, and runs every schemathesis check
# against /api/openapi.json: no server errors, responses and headers that conform to the
# document, only documented status codes and content types, invalid input refused, valid input
# accepted, 405 with Allow for undocumented methods. schemathesis.toml beside this script hands
# the lists real cursors (why is explained there). The server is stopped whatever happens; the
# exit status is non-zero on any failure.
#
# The pinned schemathesis is installed once into a virtual environment under target/ and reused.
# Pinned: schemathesis 4.32.5. The command, with PORT the server's port:
#
#   schemathesis --config-file scripts/schemathesis/schemathesis.toml \
#     run http://127.0.0.1:PORT/api/openapi.json --checks all --mode all \
#     --phases examples,coverage,fuzzing --max-examples 200 --seed 20261126 --workers 2 \
#     --request-timeout 10
set -euo pipefail

SCHEMATHESIS_VERSION=4.32.5

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/../lib/serve.sh"
quire_bin "${1:-}"

venv="$root/target/schemathesis-venv"
if [[ "$("$venv/bin/schemathesis" --version 2>/dev/null || true)" != *"$SCHEMATHESIS_VERSION"* ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

work="$(mktemp -d)"
trap 'stop_quire; rm -rf "$work"' EXIT
QUIRE_LOG=warn "$bin" seed --demo --database "$work/quire.db" >"$work/seed.log" 2>&1 \
  || { cat "$work/seed.log" >&2; exit 1; }
start_quire "$work"
base="${url%/graphql}"

cd "$work"
"$venv/bin/schemathesis" --config-file "$here/schemathesis.toml" run "$base/api/openapi.json" \
  --checks all --mode all \
  --phases examples,coverage,fuzzing \
  --max-examples 200 --seed 20261126 --workers 2 \
  --request-timeout 10
