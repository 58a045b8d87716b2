#!/usr/bin/env bash
# Side-by-side load benchmark: Quire on SQLite, Quire on PostgreSQL and the peer (PostGraphile,
# ../shared/bench/peer) serve the same dataset in one run; W1 (home page), W2 (article page) and
# W3 (tag page) of ../shared/bench/README.md, W2c (W2 like for like, below), and the first two
# through Quire's REST content API (rest1, rest2: the peer has no such API, so Quire alone), are
# driven with wrk at 32 connections on 127.0.0.1, the systems taking turns within each workload.
# Prints one table: requests/s, p50, p99, answers that were not right, CPU of the server and of
# PostgreSQL while measured, the server's peak RSS during the workload, and each Quire figure
# as a ratio to the peer's.
#
#   scripts/bench/run.sh                                   # 5,000 articles, 15 s per measurement
#   ARTICLES=100000 scripts/bench/run.sh                   # the same at scale
#   SYSTEMS="sqlite postgres" WORKLOADS=w1 DURATION=5s scripts/bench/run.sh
#   QUIRE_RESPONSE_CACHE_MS=1000 scripts/bench/run.sh      # the cached path (default: cache off)
#   QUIRE_BIN=/path/to/other/quire scripts/bench/run.sh    # another build, e.g. to compare commits
set -euo pipefail
cd "$(dirname "$0")/../.."

ARTICLES="${ARTICLES:-5000}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
SYSTEMS="${SYSTEMS:-postgraphile sqlite postgres}"
WORKLOADS="${WORKLOADS:-w1 w2 w2c w3 rest1 rest2}"
export QUIRE_RESPONSE_CACHE_MS="${QUIRE_RESPONSE_CACHE_MS:-0}"
PG_ADMIN="${QUIRE_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PEER=../shared/bench/peer
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ " $SYSTEMS " == *" postgraphile "* ]]; then PEER_PG="${PG_ADMIN%/*}" "$PEER/postgraphile.sh" down >/dev/null || true; fi
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS quire_bench_$$ WITH (FORCE)" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
QUIRE="${QUIRE_BIN:-target/release/quire}"
if [ -z "${QUIRE_BIN:-}" ]; then cargo build --release -q -p quire; fi
python3 ../shared/bench/gen_dataset.py --articles "$ARTICLES" --out "$WORK/dataset.json" >&2
python3 "$PEER/workloads.py" "$WORK/dataset.json" "$WORK/requests" >&2
python3 scripts/bench/dataset_to_bundle.py "$WORK/dataset.json" "$WORK/bundle.jsonl" >&2
# W2c: W2 with the editors' own "also read" list (`curatedRelated`) in place of `related`, which
# also ranks similar articles by shared tags, source and freshness. The peer's W2 reads the
# editors' links alone, so W2c asks Quire for the same work; the peer runs its W2 again.
sed 's/related{title slug}/curatedRelated{title slug}/' "$WORK/requests/quire-w2.txt" >"$WORK/requests/quire-w2c.txt"
grep -q curatedRelated "$WORK/requests/quire-w2c.txt" || { echo "W2 no longer asks for related" >&2; exit 1; }
cp "$WORK/requests/postgraphile-w2.txt" "$WORK/requests/postgraphile-w2c.txt"

declare -A URL PID
start_quire() {
    local system="$1" database
    case "$system" in
        sqlite) database="sqlite://$WORK/bench.db" ;;
        postgres)
            psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS quire_bench_$$" -c "CREATE DATABASE quire_bench_$$"
            # The peer's driver connects without TLS; libpq's default (sslmode=prefer) would
            # encrypt Quire's loopback connections, which costs it about a quarter of the home
            # page's rate.
            database="${PG_ADMIN%/*}/quire_bench_$$?sslmode=disable"
            ;;
    esac
    "$QUIRE" --log warn import --database "$database" "$WORK/bundle.jsonl" >&2
    QUIRE_LOG=warn "$QUIRE" serve --database "$database" --bind 127.0.0.1:0 \
        >"$WORK/$system.out" 2>"$WORK/$system.err" &
    PID[$system]=$!
    PIDS+=("$!")
    for _ in $(seq 1 600); do grep -q 'serving' "$WORK/$system.out" && break; sleep 0.1; done
    URL[$system]="$(grep -o 'http://[^ ]*' "$WORK/$system.out" | sed 's#/graphql$##')"
    echo "== Quire on $system at ${URL[$system]}: $ARTICLES articles imported" >&2
    # A database in service has planner statistics; a freshly bulk-loaded one does not yet.
    if [ "$system" = postgres ]; then psql "$database" -qc "VACUUM ANALYZE"; fi
}

# Forgets a process's peak memory so far, so each row shows the peak of its own workload, not
# loading's or an earlier workload's.
reset_peak() {
    echo 5 >"/proc/$1/clear_refs"
}

start_peer() {
    local line
    line="$(PEER_PG="${PG_ADMIN%/*}" "$PEER/postgraphile.sh" up "$WORK/dataset.json" 5001 | tail -n 1)"
    URL[postgraphile]="$(grep -o 'http://[^ ]*' <<<"$line")"
    PID[postgraphile]="$(awk '{ print $NF }' <<<"$line")"
}

# CPU seconds used so far by a process, or by PostgreSQL when given "postgres": every live
# server process, plus what the postmaster's reaped children used (its cutime and cstime).
cpu_seconds() {
    local ticks
    if [ "$1" = postgres ]; then
        ticks="$(for pid in $(pgrep -x postgres); do awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }')"
    else
        ticks="$(awk '{ print $14 + $15 }' "/proc/$1/stat")"
    fi
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }'
}

# Measures one workload on one system; prints "rps p50 p99 bad server_cpu% db_cpu% peak_MiB",
# the peak being the server's resident memory at its highest during this workload alone.
measure() {
    local system="$1" workload="$2" file requests out seconds cpu0 db0 cpu1 db1 peak
    file="$([ "$system" = postgraphile ] && echo postgraphile || echo quire)"
    requests="$WORK/requests/$file-$workload.txt"
    reset_peak "${PID[$system]}"
    REQS="$requests" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$PEER/rotate.lua" "${URL[$system]}" >/dev/null
    cpu0="$(cpu_seconds "${PID[$system]}")"
    db0="$(cpu_seconds postgres)"
    out="$(REQS="$requests" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$PEER/rotate.lua" "${URL[$system]}")"
    cpu1="$(cpu_seconds "${PID[$system]}")"
    db1="$(cpu_seconds postgres)"
    peak="$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/${PID[$system]}/status")"
    seconds="${DURATION%s}"
    sed -n 's/^RESULT //p' <<<"$out" | awk -v c0="$cpu0" -v c1="$cpu1" -v d0="$db0" -v d1="$db1" -v s="$seconds" -v m="$peak" '{
        for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%s %s %s %s %.0f %.0f %s\n", v["rps"], v["p50_ms"], v["p99_ms"], v["non2xx_or_errors"],
            100 * (c1 - c0) / s, 100 * (d1 - d0) / s, m
    }'
}

for system in $SYSTEMS; do
    case "$system" in
        postgraphile) start_peer ;;
        sqlite | postgres) start_quire "$system" ;;
        *) echo "unknown system $system" >&2; exit 2 ;;
    esac
done

# Whether a system serves a workload: the peer has requests for W1-W3 only.
serves() {
    [ -f "$WORK/requests/$([ "$1" = postgraphile ] && echo postgraphile || echo quire)-$2.txt" ]
}

declare -A RESULT
for workload in $WORKLOADS; do
    for system in $SYSTEMS; do
        serves "$system" "$workload" || continue
        echo "== $workload on $system" >&2
        RESULT[$system.$workload]="$(measure "$system" "$workload")"
    done
done

echo
echo "$ARTICLES articles; wrk $THREADS threads x $CONNECTIONS connections, $DURATION per measurement after $WARMUP of warm-up;"
echo "Quire's response cache at ${QUIRE_RESPONSE_CACHE_MS} ms; $(nproc) cores shared by servers, PostgreSQL and wrk"
printf '| %-12s | %-8s | %10s | %8s | %8s | %5s | %10s | %9s | %8s | %8s |\n' \
    system workload requests/s "p50 ms" "p99 ms" bad "server CPU" "PG CPU" "peak RSS" "vs peer"
printf '|%s|\n' "--------------|----------|------------|----------|----------|-------|------------|-----------|----------|----------"
for workload in $WORKLOADS; do
    peer_rps="$(awk '{ print $1 }' <<<"${RESULT[postgraphile.$workload]:-}")"
    for system in $SYSTEMS; do
        serves "$system" "$workload" || continue
        read -r rps p50 p99 bad cpu db peak <<<"${RESULT[$system.$workload]}"
        rss="$peak MiB"
        ratio="$(awk -v q="$rps" -v p="${peer_rps:-0}" 'BEGIN { if (p > 0) printf "%.2fx", q / p; else print "-" }')"
        printf '| %-12s | %-8s | %10s | %8s | %8s | %5s | %9s%% | %8s%% | %8s | %8s |\n' \
            "$system" "$workload" "$rps" "$p50" "$p99" "$bad" "$cpu" "$db" "$rss" "$ratio"
    done
done
