//! What the bundle tests share: exporting and importing through the store API on a test
//! server's database, and a small newsroom made through GraphQL.

use quire_domain::Role;
use quire_domain::bundle::VERSION;
use quire_harness::{Backend, TestApp, User};
use quire_persistence::transfer::{self, BundleSummary, ExportOptions};
use quire_persistence::{Store, StoreError};
use serde_json::{Value, json};

/// The other engine, to move a bundle across.
pub fn other(backend: Backend) -> Backend {
    match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    }
}

/// The bundle of everything in `store`.
pub async fn export(store: &Store, include_secrets: bool) -> Vec<u8> {
    store
        .read(move |conn| {
            let mut out = Vec::new();
            transfer::export(conn, &mut out, ExportOptions { include_secrets })?;
            Ok(out)
        })
        .await
        .unwrap()
}

/// Imports `bundle` into `store` in one transaction, as the import command does.
pub async fn import(
    store: &Store,
    bundle: impl Into<Vec<u8>>,
) -> Result<BundleSummary, StoreError> {
    let bundle = bundle.into();
    store
        .write(move |conn| transfer::import_bundle(conn, &mut bundle.as_slice(), &mut |_| {}))
        .await
}

/// A bundle of the current format made of a header and `records`, one JSON value a line.
pub fn bundle_of(records: &[Value]) -> Vec<u8> {
    bundle_at(VERSION, records)
}

/// A bundle of format `version` made of a header and `records`, one JSON value a line.
pub fn bundle_at(version: u32, records: &[Value]) -> Vec<u8> {
    let mut lines = vec![json!({ "format": "quire-bundle", "version": version }).to_string()];
    lines.extend(records.iter().map(Value::to_string));
    (lines.join("\n") + "\n").into_bytes()
}

/// Body text that tries every way to go wrong on the way out and back in.
pub const HOSTILE_BODY: &str = "# Heading\n\n<script>alert('x')</script> **bold** \"quotes\" ‘curly’ \
    \\backslash\\ \ttab\r\nCRLF line\n\nمرحبا بالعالم — 你好 — 🇵🇰 \u{2028} separator \u{feff} \
    zero-width\n\n[link](javascript:alert(1)) {\"type\":\"user\"}\n";

/// The people who made the newsroom.
pub struct Newsroom {
    /// An editor, who did most of the work.
    pub editor: User,
    /// An author-role account linked to the author Zoë.
    pub writer: User,
}

async fn call(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response["errors"].is_null(), "{query}: {response}");
    response["data"].clone()
}

async fn create_article(app: &TestApp, token: &str, input: Value) -> Value {
    call(
        app,
        token,
        "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
        json!({ "i": input }),
    )
    .await["createArticle"]["id"]
        .clone()
}

/// A newsroom with every kind of row: users, an author linked to one, a source, tags, articles
/// in every status, revisions, custom and derived excerpts, links backwards and forwards, an
/// article renamed twice and one with two corrections.
pub async fn newsroom(app: &TestApp) -> Newsroom {
    let editor = app.user(Role::Editor).await;
    let writer = app.user(Role::Author).await;
    let token = editor.token.as_str();
    let people = call(app, token, "mutation($z: AuthorInput!, $t: AuthorInput!, $s: SourceInput!, $g: TagInput!) {
            zoe: createAuthor(input: $z) { id } taha: createAuthor(input: $t) { id }
            createSource(input: $s) { id } createTag(input: $g) { id } }",
        json!({
            "z": { "name": "Zoë Ünïcode", "bio": "Writes “quoted” things <em>loudly</em>.", "userId": writer.id },
            "t": { "name": "Taha Siddiqui", "url": "https://example.com/taha" },
            "s": { "name": "The Quint", "country": "India", "url": "https://www.thequint.com",
                   "license": "Syndication agreement", "attributionText": "Republished with permission" },
            "g": { "name": "Human rights", "description": "Rights, wrongs & <b>remedies</b>" },
        })).await;
    let (zoe, taha, source) = (
        &people["zoe"]["id"],
        &people["taha"]["id"],
        &people["createSource"]["id"],
    );

    let draft = create_article(
        app,
        token,
        json!({ "title": "A draft, never published", "body": "Short." }),
    )
    .await;
    let scheduled = create_article(
        app,
        token,
        json!({ "title": "Scheduled for later", "body": "Soon.", "authorIds": [taha] }),
    )
    .await;
    let lead = create_article(app, token, json!({
        "title": "Ünïcode “headline” <b>bold</b>", "subtitle": "A standfirst", "body": HOSTILE_BODY,
        "excerpt": "A custom excerpt", "authorIds": [zoe, taha], "sourceId": source,
        "sourceUrl": "https://www.thequint.com/a", "canonicalUrl": "https://www.thequint.com/a?canonical=1",
        "rightsExpireAt": "2099-06-30T12:00:00.123456Z",
        "tags": ["Human rights", "Kashmir", "Ünïcode tag"], "relatedIds": [draft, scheduled],
    })).await;
    call(app, token, "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { body: \"Edited body.\" }) { version } }",
        json!({ "id": draft })).await;
    let archived = create_article(
        app,
        token,
        json!({ "title": "Archived piece", "body": "Old news.", "tags": ["kashmir"] }),
    )
    .await;
    call(app, token, "mutation($l: ID!, $s: ID!, $a: ID!) {
            lead: publishArticle(id: $l) { status } later: publishArticle(id: $s, at: \"2099-01-01T00:00:00Z\") { status }
            old: publishArticle(id: $a) { status } }",
        json!({ "l": lead, "s": scheduled, "a": archived })).await;
    call(app, token, "mutation($a: ID!, $s: ID!, $l: ID!) { archiveArticle(id: $a) { status }
            updateArticle(id: $s, expectedVersion: 2, input: { relatedIds: [$a, $l] }) { version } }",
        json!({ "a": archived, "s": scheduled, "l": lead })).await;
    call(app, token, "mutation($d: ID!) {
            first: updateArticle(id: $d, expectedVersion: 2, input: { slug: \"draft-renamed\" }) { version }
            second: updateArticle(id: $d, expectedVersion: 3, input: { slug: \"draft-final\" }) { version } }",
        json!({ "d": draft })).await;
    call(app, token, "mutation($l: ID!) {
            first: addCorrection(articleId: $l, text: \"An earlier version misspelt “Srinagar”.\") { version }
            second: addCorrection(articleId: $l, text: \"The figure is 21, not 12.\") { version } }",
        json!({ "l": lead })).await;
    let own = call(app, &writer.token, "mutation { createArticle(input: { title: \"The writer's own draft\", body: \"Mine.\" }) { id } }", json!({})).await;
    assert!(own["createArticle"]["id"].is_string());
    Newsroom { editor, writer }
}

/// Every article as an editor reads it through GraphQL, ids left out, sorted by slug: what a
/// round trip must keep.
pub async fn articles_as_read(app: &TestApp, token: &str) -> Value {
    let data = call(app, token, "{ articles(first: 10, filter: { status: [DRAFT, SCHEDULED, PUBLISHED, ARCHIVED] }) { nodes {
            slug title subtitle status version excerpt wordCount readingTimeMinutes bodyHtml sourceUrl canonicalUrl rightsExpireAt
            publishedAt createdAt updatedAt authors { slug name bio } source { slug name country license attributionText }
            tags { slug name description articleCount } related { slug } previousSlugs corrections { text createdAt }
            revisions(first: 5) { nodes { revision title subtitle excerpt body createdAt } } } } }", json!({})).await;
    let mut nodes = data["articles"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    nodes.sort_by(|a, b| a["slug"].as_str().cmp(&b["slug"].as_str()));
    Value::Array(nodes)
}
