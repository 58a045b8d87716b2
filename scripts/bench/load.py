#!/usr/bin/env python3
"""Loads a dataset written by shared/bench/gen_dataset.py into a running Quire through its
GraphQL API, as an editor would: tags, authors and sources first, then articles with their
links, then publication at each article's own date. Prints the slugs of published articles,
one per line, to the file given with --slugs (the article-page workload rotates over them)."""
import argparse, http.client, json, sys, urllib.parse

BATCH = 25


class Client:
    def __init__(self, url, token=None):
        parsed = urllib.parse.urlparse(url)
        self.path = parsed.path or "/graphql"
        self.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        self.token = token

    def run(self, query, variables=None):
        headers = {"content-type": "application/json"}
        if self.token:
            headers["authorization"] = f"Bearer {self.token}"
        self.conn.request("POST", self.path, json.dumps({"query": query, "variables": variables or {}}), headers)
        reply = json.loads(self.conn.getresponse().read())
        if reply.get("errors"):
            sys.exit(f"GraphQL error: {reply['errors'][0]}")
        return reply["data"]

    def many(self, mutation, input_type, inputs, selection="id"):
        """Runs one aliased mutation per input, BATCH to a request; returns the results in order."""
        results = []
        for start in range(0, len(inputs), BATCH):
            chunk = inputs[start:start + BATCH]
            params = ", ".join(f"$i{n}: {input_type}" for n in range(len(chunk)))
            fields = " ".join(f"m{n}: {mutation}(input: $i{n}) {{ {selection} }}" for n in range(len(chunk)))
            data = self.run(f"mutation({params}) {{ {fields} }}", {f"i{n}": v for n, v in enumerate(chunk)})
            results.extend(data[f"m{n}"] for n in range(len(chunk)))
        return results


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--url", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--slugs", required=True)
    a = ap.parse_args()
    data = json.load(open(a.dataset, encoding="utf-8"))

    login = Client(a.url).run("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
                              {"e": a.email, "p": a.password})
    api = Client(a.url, login["login"]["accessToken"])

    tag_names = {t["slug"]: t["name"] for t in data["tags"]}
    api.many("createTag", "TagInput!", [{"name": t["name"], "slug": t["slug"]} for t in data["tags"]])
    authors = api.many("createAuthor", "AuthorInput!", [{"name": x["name"], "slug": x["slug"], "bio": x["bio"]} for x in data["authors"]])
    author_ids = {x["slug"]: r["id"] for x, r in zip(data["authors"], authors)}
    sources = api.many("createSource", "SourceInput!", [{"name": s["name"], "slug": s["slug"], "url": s["url"], "country": s["country"]} for s in data["sources"]])
    source_ids = {s["slug"]: r["id"] for s, r in zip(data["sources"], sources)}

    article_ids, published = {}, []
    articles = data["articles"]
    for start in range(0, len(articles), BATCH):
        chunk = articles[start:start + BATCH]
        inputs = [{
            "title": x["title"], "slug": x["slug"], "subtitle": x["subtitle"], "body": x["body"],
            "authorIds": [author_ids[s] for s in x["authors"]],
            "sourceId": source_ids.get(x["source"]), "sourceUrl": x["sourceUrl"],
            "tags": [tag_names[s] for s in x["tags"]],
            "relatedIds": [article_ids[s] for s in x["related"] if s in article_ids],
        } for x in chunk]
        created = api.many("createArticle", "CreateArticleInput!", inputs)
        for x, r in zip(chunk, created):
            article_ids[x["slug"]] = r["id"]
        # Links to articles created in this same batch are added once those exist.
        late = [x for x, i in zip(chunk, inputs) if len(i["relatedIds"]) < len(x["related"])]
        if late:
            params = ", ".join(f"$id{n}: ID!, $r{n}: [ID!]" for n in range(len(late)))
            fields = " ".join(f"u{n}: updateArticle(id: $id{n}, expectedVersion: 1, input: {{ relatedIds: $r{n} }}) {{ id }}"
                              for n in range(len(late)))
            variables = {}
            for n, x in enumerate(late):
                variables[f"id{n}"] = article_ids[x["slug"]]
                variables[f"r{n}"] = [article_ids[s] for s in x["related"]]
            api.run(f"mutation({params}) {{ {fields} }}", variables)
        to_publish = [x for x in chunk if x["status"] == "PUBLISHED"]
        if to_publish:
            params = ", ".join(f"$id{n}: ID!, $at{n}: DateTime" for n in range(len(to_publish)))
            fields = " ".join(f"p{n}: publishArticle(id: $id{n}, at: $at{n}) {{ id }}" for n in range(len(to_publish)))
            variables = {}
            for n, x in enumerate(to_publish):
                variables[f"id{n}"] = article_ids[x["slug"]]
                variables[f"at{n}"] = x["publishedAt"]
            api.run(f"mutation({params}) {{ {fields} }}", variables)
            published.extend(x["slug"] for x in to_publish)
        print(f"\rloaded {start + len(chunk)}/{len(articles)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    with open(a.slugs, "w", encoding="utf-8") as f:
        f.write("\n".join(published[-1000:]) + "\n")


if __name__ == "__main__":
    main()
