#!/usr/bin/env python3
"""Search latency on the shared newsroom dataset, on SQLite and on PostgreSQL.

Generates the dataset (../shared/bench/gen_dataset.py), turns it into a bundle
(dataset_to_bundle.py) and loads it with `quire import`, which indexes every article for
search; then serves it with the response cache off and sends searches one at a time, as a
reader of a search page does: 20 results with title, slug, excerpt and searchSnippet. Prints
the median and p95 latency of the measured queries per backend, and the median per kind of
query, with the time the import took.

    cargo build --release -p quire
    python3 scripts/bench/search.py                          # 100,000 articles, 100 queries
    python3 scripts/bench/search.py --articles 5000 --backends sqlite
    python3 scripts/bench/search.py --work /tmp/search-bench # keep and reuse the dataset

The dataset's bodies are drawn from a vocabulary of about eighty words, so a single word
matches nearly every article: the one-word searches are the worst case, a search for a word
everyone uses; phrases and rare words are the common case.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")

QUERY = """query($q: String!, $order: ArticleOrder) {
  articles(filter: { search: $q }, orderBy: $order, first: 20) {
    nodes { title slug excerpt searchSnippet } } }"""

# (kind, search text, ordering): every kind is sent as often as the others.
SEARCHES = [
    ("one common word, by relevance", "crane", "RELEVANCE"),
    ("one common word, newest first", "harvest", "PUBLISHED_AT_DESC"),
    ("two words, by relevance", "flood bridge", "RELEVANCE"),
    ("phrase, by relevance", '"crane union"', "RELEVANCE"),
    ("phrase, newest first", '"river port"', "PUBLISHED_AT_DESC"),
    ("three-word phrase, by relevance", '"the budget minister"', "RELEVANCE"),
    ("prefix, newest first", "journ*", "PUBLISHED_AT_DESC"),
    ("prefix and word, by relevance", "farm* protest", "RELEVANCE"),
    ("word found nowhere, by relevance", "zebrafish", "RELEVANCE"),
    ("stemmed plural, by relevance", "journalists inquiries", "RELEVANCE"),
]


def run(cmd, **kwargs):
    print("$", " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, **kwargs)


def prepare(work, articles):
    """The bundle of `articles` generated articles, made once per work directory."""
    bundle = os.path.join(work, f"newsroom-{articles}.jsonl")
    if not os.path.exists(bundle):
        dataset = os.path.join(work, f"dataset-{articles}.json")
        run([sys.executable, os.path.join(SHARED, "gen_dataset.py"), "--articles", str(articles),
             "--out", dataset])
        run([sys.executable, os.path.join(ROOT, "scripts", "bench", "dataset_to_bundle.py"),
             dataset, bundle])
    return bundle


def database(backend, work, admin):
    """A fresh database of `backend` and a function that removes it."""
    if backend == "sqlite":
        path = os.path.join(work, "search.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        return f"sqlite://{path}", lambda: None
    name = f"quire_search_bench_{os.getpid()}"
    run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"])
    url = admin.rsplit("/", 1)[0] + "/" + name
    return url, lambda: run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


def serve(quire, url, work):
    """Starts `quire serve` on a free port; returns the process and its GraphQL address."""
    out = open(os.path.join(work, "serve.out"), "w+")
    env = dict(os.environ, QUIRE_RESPONSE_CACHE_MS="0", QUIRE_LOG="warn")
    server = subprocess.Popen([quire, "serve", "--database", url, "--bind", "127.0.0.1:0"],
                              stdout=out, stderr=subprocess.STDOUT, env=env)
    for _ in range(6000):
        out.seek(0)
        found = re.search(r"http://\S+/graphql", out.read())
        if found:
            return server, found.group(0)
        if server.poll() is not None:
            out.seek(0)
            sys.exit(f"quire serve stopped:\n{out.read()}")
        time.sleep(0.1)
    server.kill()
    sys.exit("quire serve did not start")


def search(endpoint, text, order):
    """Sends one search; returns seconds taken and results found."""
    body = json.dumps({"query": QUERY, "variables": {"q": text, "order": order}}).encode()
    request = urllib.request.Request(endpoint, body, {"content-type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    took = time.perf_counter() - started
    if answer.get("errors"):
        sys.exit(f"{text!r}: {answer['errors']}")
    nodes = answer["data"]["articles"]["nodes"]
    if nodes and "<mark>" not in nodes[0]["searchSnippet"]:
        sys.exit(f"{text!r}: no <mark> in {nodes[0]['searchSnippet']!r}")
    return took, len(nodes)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(backend, args, bundle):
    url, drop = database(backend, args.work, args.postgres)
    server = None
    try:
        started = time.perf_counter()
        run([args.quire, "--log", "warn", "import", "--database", url, bundle],
            stdout=subprocess.DEVNULL)
        imported = time.perf_counter() - started
        if backend == "postgres":
            run(["psql", url, "-qc", "VACUUM ANALYZE"])
        server, endpoint = serve(args.quire, url, args.work)
        for kind, text, order in SEARCHES:
            search(endpoint, text, order)
        timings = {kind: [] for kind, _, _ in SEARCHES}
        found = {}
        for i in range(args.queries):
            kind, text, order = SEARCHES[i % len(SEARCHES)]
            took, count = search(endpoint, text, order)
            timings[kind].append(took)
            found[kind] = count
        every = [t for kind in timings for t in timings[kind]]
        return imported, every, timings, found
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        drop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    ap.add_argument("--quire", default=os.path.join(ROOT, "target", "release", "quire"))
    ap.add_argument("--postgres", default=os.environ.get("QUIRE_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    ap.add_argument("--work", help="directory for the dataset and databases (default: a temporary one, removed)")
    args = ap.parse_args()
    keep = args.work is not None
    args.work = args.work or tempfile.mkdtemp(prefix="quire-search-bench-")
    os.makedirs(args.work, exist_ok=True)
    try:
        bundle = prepare(args.work, args.articles)
        results = {backend: measure(backend, args, bundle) for backend in args.backends}
    finally:
        if not keep:
            shutil.rmtree(args.work, ignore_errors=True)
    print(f"\nSearch latency, {args.articles:,} articles, {args.queries} queries one at a time, "
          "20 results with searchSnippet, response cache off\n")
    print("| backend | import s | median ms | p95 ms |")
    print("| --- | ---: | ---: | ---: |")
    for backend, (imported, every, _, _) in results.items():
        print(f"| {backend} | {imported:.0f} | {statistics.median(every) * 1000:.1f} | "
              f"{percentile(every, 95) * 1000:.1f} |")
    print("\n| query | results | " + " | ".join(f"{b} median ms" for b in results) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in results) + " |")
    for kind, text, _ in SEARCHES:
        counts = {results[b][3].get(kind) for b in results}
        shown = "/".join(str(c) for c in sorted(c for c in counts if c is not None))
        medians = " | ".join(f"{statistics.median(results[b][2][kind]) * 1000:.1f}"
                             for b in results if results[b][2][kind])
        print(f"| {kind}: `{text}` | {shown} | {medians} |")


if __name__ == "__main__":
    main()
