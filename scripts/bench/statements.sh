#!/usr/bin/env bash
# Whether one statement that builds a page's relations as JSON beats the separate statements
# Quire sends (the page, then bylines, tags and sources by key): pgbench runs each shape against
# a PostgreSQL database loaded with `quire import`, as prepared statements planned once (as
# Quire's connections plan them), 32 clients, the two shapes taking turns.
#
#   scripts/bench/statements.sh postgres://postgres@127.0.0.1:5432/quire_bench
#   DURATION=20 ROUNDS=3 scripts/bench/statements.sh URL
#
# Two pages: the newest 20 live articles with bylines, tags and source (the home page's
# statements), and one live article by slug with the same (the article page without `related`).
# The files under statements/ hold Quire's statements for each page (for the single article,
# cut to the columns that page shows), and the same page as one statement reading the same
# columns; pgbench binds :now, :ids, :sids and :slug as Quire binds its parameters.
set -euo pipefail
cd "$(dirname "$0")/statements"

URL="${1:?usage: statements.sh POSTGRES_URL (a database loaded with quire import)}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-2}"
NOW="$(psql "$URL" -Atc "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')")"
LIVE="status IN ('PUBLISHED', 'SCHEDULED') AND sort_at <= '$NOW' AND trashed_at IS NULL"
IDS="$(psql "$URL" -Atc "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM articles WHERE $LIVE ORDER BY sort_at DESC, id DESC LIMIT 20) page")"
SIDS="$(psql "$URL" -Atc "SELECT '{' || coalesce(string_agg(DISTINCT source_id::text, ','), '') || '}' FROM articles WHERE id = ANY('$IDS')")"
read -r ID SLUG SOURCE <<<"$(psql "$URL" -AtF ' ' -c "SELECT id, slug, source_id FROM articles WHERE $LIVE AND source_id IS NOT NULL ORDER BY id LIMIT 1")"

# Transactions a second for one statement file, given its variables; each one is one page.
tps() {
    local file="$1"
    shift
    PGOPTIONS="-c plan_cache_mode=force_generic_plan" pgbench -n -M prepared \
        -c 32 -j 2 -T "$DURATION" -f "$file" "$@" "$URL" 2>&1 | awk '/^tps/ { printf "%.0f", $3 }'
}

declare -A RUNS
for _ in $(seq 1 "$ROUNDS"); do
    for shape in four one; do
        RUNS[page.$shape]+="$(tps "page-in-$shape.sql" -D "now=$NOW" -D "ids=$IDS" -D "sids=$SIDS") "
        RUNS[article.$shape]+="$(tps "article-in-$shape.sql" -D "now=$NOW" -D "slug=$SLUG" \
            -D "ids={$ID}" -D "sids={$SOURCE}") "
    done
done
echo "| page | statements | pages/s, each round |"
echo "| --- | --- | --- |"
for page in page article; do
    for shape in four one; do
        echo "| $page | $shape | ${RUNS[$page.$shape]% } |"
    done
done
