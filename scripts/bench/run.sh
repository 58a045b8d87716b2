#!/usr/bin/env bash
# Load benchmark: W1 (home page) and W2 (article page) of shared/bench/README.md, at 32
# connections on 127.0.0.1, against a release build on SQLite and on PostgreSQL. Reports
# requests/s, p50, p99 and the server's resident memory.
#
#   scripts/bench/run.sh                      # 5,000 articles, 20 s per workload, both backends
#   ARTICLES=1000 DURATION=5s BACKENDS=sqlite scripts/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ARTICLES="${ARTICLES:-5000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
BACKENDS="${BACKENDS:-sqlite postgres}"
PG_ADMIN="${QUIRE_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
WORK="$(mktemp -d)"
SERVER_PID=""
trap 'if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release -q -p quire
QUIRE=target/release/quire
python3 ../shared/bench/gen_dataset.py --articles "$ARTICLES" --out "$WORK/dataset.json"

# Runs one workload; prints "requests/s p50 p99".
measure() {
    local script="$1" url="$2" out
    QUIRE_BENCH_CHECK=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$script" "$url" >/dev/null 2>"$WORK/check.err"
    if [ -s "$WORK/check.err" ]; then
        echo "the warm-up got unexpected responses:" >&2
        head -n 3 "$WORK/check.err" >&2
        exit 1
    fi
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url")"
    echo "$out" >&2
    local rps p50 p99
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    echo "$rps $p50 $p99"
}

results=()
for backend in $BACKENDS; do
    case "$backend" in
        sqlite) database="sqlite://$WORK/bench.db" ;;
        postgres)
            name="quire_bench_$$"
            psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
            database="${PG_ADMIN%/*}/$name"
            ;;
        *) echo "unknown backend $backend" >&2; exit 2 ;;
    esac
    echo 'bench password 123' | "$QUIRE" --log warn user create --database "$database" \
        --email bench@example.com --name Bench --role editor --password-stdin >/dev/null
    QUIRE_LOG=warn "$QUIRE" serve --database "$database" --bind 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 100); do grep -q 'serving' "$WORK/serve.out" && break; sleep 0.1; done
    url="$(grep -o 'http://[^ ]*' "$WORK/serve.out")"
    echo "== $backend at $url: loading $ARTICLES articles" >&2
    python3 scripts/bench/load.py --url "$url" --email bench@example.com --password 'bench password 123' \
        --dataset "$WORK/dataset.json" --slugs "$WORK/slugs.txt"
    # A database in service has planner statistics; a freshly bulk-loaded one does not yet.
    [ "$backend" = postgres ] && psql "$database" -qc "ANALYZE"
    export QUIRE_BENCH_SLUGS="$WORK/slugs.txt"
    read -r w1_rps w1_p50 w1_p99 < <(measure scripts/bench/w1-home.lua "$url")
    read -r w2_rps w2_p50 w2_p99 < <(measure scripts/bench/w2-article.lua "$url")
    [ -n "$w1_rps" ] && [ -n "$w2_rps" ] || { echo "a workload failed on $backend" >&2; exit 1; }
    rss="$(awk '/^VmRSS:/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")"
    peak="$(awk '/^VmHWM:/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")"
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
    SERVER_PID=""
    [ "$backend" = postgres ] && psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"
    results+=("$backend|W1 home page|$w1_rps|$w1_p50|$w1_p99|$rss (peak $peak)")
    results+=("$backend|W2 article page|$w2_rps|$w2_p50|$w2_p99|")
done

echo
echo "$ARTICLES articles, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per workload, $(nproc) cores shared with the load generator"
printf '%-9s %-16s %12s %10s %10s  %s\n' backend workload requests/s p50 p99 "server RSS"
for row in "${results[@]}"; do
    IFS='|' read -r b w r p50 p99 mem <<<"$row"
    printf '%-9s %-16s %12s %10s %10s  %s\n' "$b" "$w" "$r" "$p50" "$p99" "$mem"
done
