import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { startQuire } from "../quire.mjs";

const seed = fileURLToPath(new URL("../../seed", import.meta.url));
let quire;

before(async () => {
  quire = await startQuire({ seed: [seed] });
});

after(async () => {
  await quire.stop();
});

test("readers see the published seed articles, newest first, and never the draft", async () => {
  const { data } = await quire.graphql("{ articles { nodes { slug authors { name } } } }");
  assert.deepEqual(
    data.articles.nodes.map((a) => a.slug),
    ["dockers-walk-out", "night-shift-pay-explained"],
  );
  assert.equal(data.articles.nodes[0].authors[0].name, "Amara Okafor");
});

test("the REST API serves the same article as JSON", async () => {
  const response = await fetch(`${quire.url}/api/articles/dockers-walk-out`);
  assert.equal(response.status, 200);
  const article = await response.json();
  assert.equal(article.title, "Dockers walk out as cranes stand idle at the northern port");
  assert.ok(response.headers.get("etag"));
});

test("an editor writes and publishes; readers see it", async () => {
  const created = await quire.graphql(
    `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug status } }`,
    {
      as: "editor",
      variables: { input: { title: "Cranes back at work", body: "The strike ended at noon.", tags: ["Labour"] } },
    },
  );
  assert.equal(created.data.createArticle.status, "DRAFT");
  const { id, slug } = created.data.createArticle;

  const published = await quire.graphql(
    `mutation($id: ID!) { publishArticle(id: $id) { status } }`,
    { as: "editor", variables: { id } },
  );
  assert.equal(published.data.publishArticle.status, "PUBLISHED");

  const read = await quire.graphql(`query($slug: String!) { article(slug: $slug) { title } }`, {
    variables: { slug },
  });
  assert.equal(read.data.article.title, "Cranes back at work");
});

test("a stale write is refused with CONFLICT and the current version", async () => {
  const { data } = await quire.graphql(
    `mutation { createArticle(input: { title: "Two editors, one story", body: "First draft." }) { id version } }`,
    { as: "editor" },
  );
  const { id, version } = data.createArticle;
  const update = `mutation($id: ID!, $v: Int!, $title: String!) {
    updateArticle(id: $id, expectedVersion: $v, input: { title: $title }) { version }
  }`;
  const first = await quire.graphql(update, { as: "editor", variables: { id, v: version, title: "First" } });
  assert.equal(first.data.updateArticle.version, version + 1);
  const second = await quire.graphql(update, { as: "admin", variables: { id, v: version, title: "Second" } });
  assert.equal(second.errors[0].extensions.code, "CONFLICT");
  assert.equal(second.errors[0].extensions.currentVersion, version + 1);
});

test("anonymous writes are refused with UNAUTHENTICATED", async () => {
  const answer = await quire.graphql(`mutation { createArticle(input: { title: "x", body: "y" }) { id } }`);
  assert.equal(answer.errors[0].extensions.code, "UNAUTHENTICATED");
});
