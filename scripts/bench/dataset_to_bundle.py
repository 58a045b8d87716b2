#!/usr/bin/env python3
"""Turns the shared benchmark dataset into a Quire bundle, to time bundle import and export.

    python3 ../shared/bench/gen_dataset.py --articles 100000 --out /tmp/dataset.json
    python3 scripts/bench/dataset_to_bundle.py /tmp/dataset.json /tmp/newsroom.jsonl

The bundle holds one editor account (no password hash), the dataset's authors, sources and tags,
every article with one revision (its current text, as a freshly written article has), and the
"also read" lists. Excerpts are the opening of each body, marked as written by a person, so the
file does not depend on how Quire derives excerpts. The same dataset always gives the same
bytes, and a Quire that imports the bundle into an empty database exports exactly these bytes.

Publication dates keep their order, but when the dataset's last one falls after LATEST (the
generator spaces articles 37 minutes apart from 2024, so at 100,000 articles its timeline runs
into 2031), they are drawn closer to the first so that the last falls on LATEST. Every article the
dataset calls published is then live in Quire, as it is for the peer, which lists published
articles whatever their date; otherwise half of them would be scheduled, and the article-page
workload would time answers of "not found".
"""
import json
import sys
from datetime import datetime, timedelta, timezone

EDITOR = "bench@example.com"
START = datetime(2023, 6, 1, tzinfo=timezone.utc)
LATEST = datetime(2026, 1, 1, tzinfo=timezone.utc)


def instant(at):
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parsed(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def publication_dates(articles):
    """A function giving each publication date of the bundle, in the past by LATEST."""
    dates = [parsed(a["publishedAt"]) for a in articles if a["publishedAt"]]
    if not dates or max(dates) <= LATEST:
        return lambda text: instant(parsed(text))
    first, last = min(dates), max(dates)
    scale = (LATEST - first) / (last - first)
    return lambda text: instant(first + (parsed(text) - first) * scale)


def records(data):
    made = {"createdAt": instant(START), "updatedAt": instant(START)}
    yield {"format": "quire-bundle", "version": 1}
    yield {"type": "user", "email": EDITOR, "name": "Bench", "role": "EDITOR", **made}
    for a in data["authors"]:
        yield {"type": "author", "slug": a["slug"], "name": a["name"], "bio": a["bio"],
               "avatarUrl": None, "url": None, "user": None, **made}
    for s in data["sources"]:
        yield {"type": "source", "slug": s["slug"], "name": s["name"], "url": s["url"],
               "country": s["country"], **made}
    for t in data["tags"]:
        yield {"type": "tag", "slug": t["slug"], "name": t["name"], "description": None, **made}
    dated = publication_dates(data["articles"])
    for i, a in enumerate(data["articles"]):
        created = instant(START + timedelta(minutes=i))
        excerpt = a["body"].split("\n\n")[0][:200]
        yield {"type": "article", "slug": a["slug"], "title": a["title"], "subtitle": a["subtitle"],
               "status": a["status"], "publishedAt": dated(a["publishedAt"]) if a["publishedAt"] else None,
               "authors": a["authors"], "source": a["source"], "sourceUrl": a["sourceUrl"],
               "canonicalUrl": None, "tags": a["tags"], "excerpt": excerpt, "excerptIsCustom": True,
               "createdBy": EDITOR, "createdAt": created, "updatedAt": created, "version": 1,
               "body": a["body"],
               "revisions": [{"version": 1, "title": a["title"], "subtitle": a["subtitle"],
                              "excerpt": excerpt, "editedBy": EDITOR, "createdAt": created,
                              "body": a["body"]}]}
    for a in data["articles"]:
        if a["related"]:
            yield {"type": "related", "article": a["slug"], "related": a["related"]}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for record in records(data):
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
