//! Articles made through the API in the stage a test needs, for the tests of what readers of
//! feeds and sitemaps see.

use chrono::{DateTime, Duration, Utc};
use quire_harness::TestApp;
use serde_json::{Value, json};

/// Where an article is left.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    /// Never published.
    Draft,
    /// Published now.
    Publish,
    /// Published at a past instant.
    PublishedAt(DateTime<Utc>),
    /// Scheduled for tomorrow.
    Schedule,
    /// Published, then archived.
    Archive,
}

/// Runs a mutation as `token`, failing the test on any error.
pub async fn mutate(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let r = app.graphql_as(Some(token), query, variables).await;
    assert!(r["errors"].is_null(), "{r}");
    r["data"].clone()
}

/// Creates an article with `fields` and leaves it at `stage`; returns its slug.
pub async fn article(app: &TestApp, token: &str, fields: Value, stage: Stage) -> String {
    let created = mutate(
        app,
        token,
        "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }",
        json!({ "i": fields }),
    )
    .await;
    let id = created["createArticle"]["id"].clone();
    let publish = "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }";
    let at = match stage {
        Stage::Draft => None,
        Stage::Publish | Stage::Archive => Some(Value::Null),
        Stage::PublishedAt(at) => Some(json!(at.to_rfc3339())),
        Stage::Schedule => Some(json!((Utc::now() + Duration::days(1)).to_rfc3339())),
    };
    if let Some(at) = at {
        mutate(app, token, publish, json!({ "id": id, "at": at })).await;
    }
    if matches!(stage, Stage::Archive) {
        let archive = "mutation($id: ID!) { archiveArticle(id: $id) { id } }";
        mutate(app, token, archive, json!({ "id": id })).await;
    }
    created["createArticle"]["slug"]
        .as_str()
        .unwrap()
        .to_owned()
}
