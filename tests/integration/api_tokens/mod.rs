//! API tokens through HTTP: admins issue them and see each secret once; READ tokens read what
//! anonymous readers read, PREVIEW tokens drafts and scheduled articles too; no token writes;
//! revoked and expired tokens are refused at once; private servers (`QUIRE_PUBLIC_READ=false`)
//! serve tokens and refuse anonymous readers.

mod delivery;
mod manage;
mod private;
mod reading;
mod refusals;

use quire_harness::TestApp;
use serde_json::{Value, json};

const CREATE: &str = "mutation($n: String!, $s: ApiTokenScope!, $e: DateTime) {
    createApiToken(name: $n, scope: $s, expiresAt: $e) {
        secret token { id name scope createdAt expiresAt lastUsedAt revokedAt }
    }
}";

/// Asks for a token as `admin_token`, returning the whole response.
async fn create_token(app: &TestApp, admin_token: &str, name: &str, scope: &str) -> Value {
    app.graphql_as(
        Some(admin_token),
        CREATE,
        json!({ "n": name, "s": scope, "e": null }),
    )
    .await
}

/// A new token's secret and id, asked for as `admin_token`.
async fn issue(app: &TestApp, admin_token: &str, scope: &str) -> (String, Value) {
    let r = create_token(app, admin_token, &format!("{scope} frontend"), scope).await;
    let created = &r["data"]["createApiToken"];
    let secret = created["secret"].as_str().unwrap_or_else(|| panic!("{r}"));
    (secret.to_owned(), created["token"]["id"].clone())
}

/// Creates an article as `token` and moves it to a stage: `draft`, `published`, `scheduled`
/// (a day ahead) or `archived`; returns its slug.
async fn article(app: &TestApp, token: &str, title: &str, stage: &str) -> String {
    let r = app
        .graphql_as(
            Some(token),
            "mutation($t: String!) { createArticle(input: { title: $t, body: \"Body.\", tags: [\"news\"] }) { id slug } }",
            json!({ "t": title }),
        )
        .await;
    let id = r["data"]["createArticle"]["id"].clone();
    let publish =
        "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { status } }";
    match stage {
        "published" | "archived" => {
            app.graphql_as(Some(token), publish, json!({ "id": id, "at": null }))
                .await;
        }
        "scheduled" => {
            let at = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
            let s = app
                .graphql_as(Some(token), publish, json!({ "id": id, "at": at }))
                .await;
            assert_eq!(s["data"]["publishArticle"]["status"], "SCHEDULED", "{s}");
        }
        _ => {}
    }
    if stage == "archived" {
        let a = app
            .graphql_as(
                Some(token),
                "mutation($id: ID!) { archiveArticle(id: $id) { status } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(a["data"]["archiveArticle"]["status"], "ARCHIVED", "{a}");
    }
    r["data"]["createArticle"]["slug"]
        .as_str()
        .unwrap()
        .to_owned()
}
