# Shared by the scripts that test a running Quire: sourced, not run.
#
#   quire_bin [path/to/quire]        -> sets $bin, as an absolute path: the argument, $QUIRE_BIN,
#                                      or target/debug/quire built first
#   start_quire WORKDIR [ARGS...]    -> starts `quire serve ARGS` on WORKDIR/quire.db at a free
#                                      loopback port, sets $server (its pid) and $url (its
#                                      /graphql address); the caller's EXIT trap must call
#                                      stop_quire
#   stop_quire                       -> stops it

quire_bin() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  bin="${1:-${QUIRE_BIN:-}}"
  if [[ -z "$bin" ]]; then
    (cd "$root" && cargo build -q -p quire)
    bin="$root/target/debug/quire"
  fi
  bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
}

start_quire() {
  local work="$1"
  shift
  QUIRE_DATABASE_URL="$work/quire.db" QUIRE_BIND=127.0.0.1:0 QUIRE_LOG=warn \
    "$bin" serve "$@" >"$work/stdout" 2>"$work/stderr" &
  server=$!
  url=""
  for _ in $(seq 1 100); do
    url="$(grep -oE 'http://[^ ]+/graphql' "$work/stdout" || true)"
    [[ -n "$url" ]] && return 0
    if ! kill -0 "$server" 2>/dev/null; then
      echo "quire serve exited:" >&2
      cat "$work/stderr" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "quire serve did not print its address within 10 s" >&2
  return 1
}

stop_quire() {
  if [[ -n "${server:-}" ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
