//! Tokens that must not work: revoked (from the very next request), expired, unknown; and no
//! token ever writes, whatever its scope.

use diesel::prelude::*;
use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use quire_persistence::schema::api_tokens;
use serde_json::json;

use super::{article, issue};

const READ: &str = "{ articles { totalCount } }";

on_both_backends! {
    async fn revoked_expired_and_unknown_tokens_are_refused(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let (secret, id) = issue(&app, &admin.token, "PREVIEW").await;
        let (status, _) = app.post_raw(json!({ "query": READ }).to_string(), Some(&secret)).await;
        assert_eq!(status, 200);

        let revoke = "mutation($id: ID!) { revokeApiToken(id: $id) }";
        let r = app.graphql_as(Some(&admin.token), revoke, json!({ "id": id })).await;
        assert_eq!(r["data"]["revokeApiToken"], true, "{r}");
        let (status, body) = app.post_raw(json!({ "query": READ }).to_string(), Some(&secret)).await;
        assert_eq!(status, 401, "refused on the very next request: {body}");
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"));
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("revoked"), "{body}");
        let again = app.graphql_as(Some(&admin.token), revoke, json!({ "id": id })).await;
        assert_eq!(again["data"]["revokeApiToken"], false, "{again}");
        let listed = app.graphql_as(Some(&admin.token), "{ apiTokens { revokedAt } }", json!({})).await;
        assert!(listed["data"]["apiTokens"][0]["revokedAt"].is_string(), "{listed}");
        let unknown = app.graphql_as(Some(&admin.token), revoke, json!({ "id": "999999" })).await;
        assert_eq!(error_code(&unknown), Some("NOT_FOUND"), "{unknown}");

        let (expiring, _) = issue(&app, &admin.token, "READ").await;
        let past = (chrono::Utc::now() - chrono::Duration::seconds(1)).naive_utc();
        app.store()
            .write(move |conn| {
                diesel::update(api_tokens::table.filter(api_tokens::revoked_at.is_null()))
                    .set(api_tokens::expires_at.eq(past))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
        let (status, body) = app.post_raw(json!({ "query": READ }).to_string(), Some(&expiring)).await;
        assert_eq!(status, 401, "{body}");
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("expired"), "{body}");

        let (status, body) = app.post_raw(json!({ "query": READ }).to_string(), Some("quire_pat_made-up")).await;
        assert_eq!(status, 401, "{body}");
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"));
    }
}

on_both_backends! {
    async fn tokens_never_write(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Standing", "draft").await;
        let id = app.graphql_as(Some(&editor.token), "{ articles { nodes { id } } }", json!({})).await["data"]["articles"]["nodes"][0]["id"].clone();
        let writes = [
            "mutation { createArticle(input: { title: \"T\", body: \"b\" }) { id } }",
            "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { title: \"Changed\" }) { id } }",
            "mutation($id: ID!) { publishArticle(id: $id) { id } }",
            "mutation { createTag(input: { name: \"t\" }) { id } }",
            "mutation { createApiToken(name: \"more\", scope: PREVIEW) { secret } }",
            "mutation($id: ID!) { revokeApiToken(id: $id) }",
            "{ apiTokens { id } }",
        ];
        for scope in ["READ", "PREVIEW"] {
            let (secret, _) = issue(&app, &admin.token, scope).await;
            for write in writes {
                let r = app.graphql_as(Some(&secret), write, json!({ "id": id })).await;
                assert_eq!(error_code(&r), Some("FORBIDDEN"), "{scope}: {write}: {r}");
                assert!(r["errors"][0]["message"].as_str().unwrap().contains("read-only"), "{r}");
            }
            if scope == "PREVIEW" {
                let history = app.graphql_as(Some(&secret), "{ article(slug: \"standing\") { revisions { totalCount } } }", json!({})).await;
                assert_eq!(error_code(&history), Some("FORBIDDEN"), "revision history stays with editors: {history}");
            }
        }
        let unchanged = app.graphql_as(Some(&editor.token), "{ articles { totalCount nodes { title version } } }", json!({})).await;
        assert_eq!(unchanged["data"]["articles"], json!({ "totalCount": 1, "nodes": [{ "title": "Standing", "version": 1 }] }));
    }
}
