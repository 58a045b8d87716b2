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
root="$(cd "$here/../.." && pwd)"
bin="${1:-${QUIRE_BIN:-}}"
if [[ -z "$bin" ]]; then
  (cd "$root" && cargo build -q -p quire)
  bin="$root/target/debug/quire"
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

QUIRE_DATABASE_URL="$work/quire.db" QUIRE_BIND=127.0.0.1:0 QUIRE_LOG=warn \
  "$bin" serve >"$work/stdout" 2>"$work/stderr" &
server=$!

url=""
for _ in $(seq 1 100); do
  url="$(grep -oE 'http://[^ ]+/graphql' "$work/stdout" || true)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "quire serve exited:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "quire serve did not print its address within 10 s" >&2
  exit 1
fi

cd "$here"
npm ci --silent --no-audit --no-fund --prefer-offline
node audit.mjs "$url"
