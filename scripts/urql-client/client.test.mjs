// urql with its persisted-queries exchange against a live Quire server (QUIRE_URL, seeded with
// `quire seed --demo`): what a frontend behind a CDN does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const url = process.env.QUIRE_URL;
assert.ok(url, 'QUIRE_URL must name the server');

/** A client that records every request it sends, as a reader's browser would send them. */
function recordingClient() {
  const sent = [];
  const client = new Client({
    url,
    requestPolicy: 'network-only',
    exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    fetch: async (input, init = {}) => {
      const response = await fetch(input, init);
      sent.push({ method: init.method ?? 'GET', url: new URL(String(input)), status: response.status });
      return response;
    },
  });
  return { client, sent };
}

const LATEST = gql`
  query Latest($first: Int!) {
    articles(first: $first) { nodes { title slug source { name } } }
  }
`;

test('a query is registered on first use, then sent over GET by its hash alone', async () => {
  const first = recordingClient();
  const answer = await first.client.query(LATEST, { first: 3 }).toPromise();
  assert.equal(answer.error, undefined, String(answer.error));
  assert.equal(answer.data.articles.nodes.length, 3);
  const [probe, registration] = first.sent;
  assert.equal(probe.method, 'GET');
  assert.equal(probe.url.searchParams.get('query'), null, 'the first try sends the hash alone');
  assert.match(probe.url.searchParams.get('extensions'), /sha256Hash/);
  assert.ok(registration, 'the server did not know the hash, so the client sent the text');

  const reader = recordingClient();
  const again = await reader.client.query(LATEST, { first: 3 }).toPromise();
  assert.equal(again.error, undefined, String(again.error));
  assert.deepEqual(again.data, answer.data);
  assert.equal(reader.sent.length, 1, 'another reader needs one request');
  assert.equal(reader.sent[0].method, 'GET');
  assert.equal(reader.sent[0].url.searchParams.get('query'), null);
  assert.equal(reader.sent[0].url.searchParams.get('variables'), '{"first":3}');
});

test('the hash URL is cacheable: validators and a public Cache-Control', async () => {
  const { client, sent } = recordingClient();
  await client.query(LATEST, { first: 2 }).toPromise();
  const byHash = sent.at(-1).url;
  const response = await fetch(byHash, { headers: { accept: 'application/graphql-response+json' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('cache-control'), /^public, max-age=\d+/);
  const etag = response.headers.get('etag');
  assert.ok(etag, 'an entity tag');
  const revalidated = await fetch(byHash, {
    headers: { accept: 'application/graphql-response+json', 'if-none-match': etag },
  });
  assert.equal(revalidated.status, 304);
});

test('a mutation goes by POST with its text, never by GET', async () => {
  const { client, sent } = recordingClient();
  const refused = await client
    .mutation(gql`mutation { login(email: "nobody@example.com", password: "wrong") { accessToken } }`, {})
    .toPromise();
  assert.equal(refused.error.graphQLErrors[0].extensions.code, 'UNAUTHENTICATED');
  assert.deepEqual(sent.map((request) => request.method), ['POST']);
});
