//! Admins issue, list and revoke tokens; the secret is shown once and never stored; no one
//! else may manage tokens; names and expiries are checked.

use diesel::prelude::*;
use diesel::sql_types::Text;
use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{CREATE, create_token, issue};

const LIST: &str = "{ apiTokens { id name scope createdAt expiresAt lastUsedAt revokedAt } }";

#[derive(QueryableByName)]
struct StoredRow {
    #[diesel(sql_type = Text)]
    row: String,
}

on_both_backends! {
    async fn admins_see_a_secret_once_and_the_database_keeps_only_its_hash(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let expires = (chrono::Utc::now() + chrono::Duration::days(30)).to_rfc3339();
        let r = app.graphql_as(Some(&admin.token), CREATE, json!({ "n": " Preview site ", "s": "PREVIEW", "e": expires })).await;
        let created = &r["data"]["createApiToken"];
        let secret = created["secret"].as_str().unwrap_or_else(|| panic!("{r}")).to_owned();
        assert!(secret.starts_with("quire_pat_"), "{secret}");
        assert_eq!(created["token"]["name"], "Preview site", "{r}");
        assert_eq!(created["token"]["scope"], "PREVIEW");
        assert_eq!(created["token"]["lastUsedAt"], json!(null));
        assert_eq!(created["token"]["revokedAt"], json!(null));
        assert!(created["token"]["expiresAt"].is_string());
        let (read_secret, read_id) = issue(&app, &admin.token, "READ").await;
        assert_ne!(read_secret, secret);

        let used = app.graphql_as(Some(&read_secret), "{ articles { totalCount } }", json!({})).await;
        assert_eq!(used["data"]["articles"]["totalCount"], 0, "{used}");
        let listed = app.graphql_as(Some(&admin.token), LIST, json!({})).await;
        let text = listed.to_string();
        assert!(!text.contains(&secret) && !text.contains(&read_secret), "a listing never shows a secret: {text}");
        let tokens = listed["data"]["apiTokens"].as_array().unwrap_or_else(|| panic!("{listed}"));
        assert_eq!(tokens.len(), 2);
        let read = tokens.iter().find(|t| t["id"] == read_id).unwrap();
        assert_eq!(read["scope"], "READ");
        assert!(read["lastUsedAt"].is_string(), "the use was recorded: {read}");
        let preview = tokens.iter().find(|t| t["id"] != read_id).unwrap();
        assert_eq!(preview["lastUsedAt"], json!(null), "an unused token has no last use");
        app.graphql_as(Some(&read_secret), "{ tags { totalCount } }", json!({})).await;
        let relisted = app.graphql_as(Some(&admin.token), LIST, json!({})).await;
        let reread = relisted["data"]["apiTokens"].as_array().unwrap().iter().find(|t| t["id"] == read_id).unwrap().clone();
        assert_eq!(reread["lastUsedAt"], read["lastUsedAt"], "a use within the minute writes nothing");

        let hashes = [&secret, &read_secret].map(|s| format!("{:x}", Sha256::digest(s.as_bytes())));
        let rows = app
            .store()
            .read(|conn| {
                Ok(diesel::sql_query(
                    "SELECT name || ' ' || scope || ' ' || secret_hash AS row FROM api_tokens",
                )
                .load::<StoredRow>(conn)?)
            })
            .await
            .unwrap();
        assert_eq!(rows.len(), 2);
        for row in rows.iter().map(|r| &r.row) {
            assert!(!row.contains(&secret) && !row.contains(&read_secret), "no secret is stored: {row}");
            assert!(hashes.iter().any(|h| row.ends_with(h.as_str())), "the secret's hash is: {row}");
        }
    }
}

on_both_backends! {
    async fn only_admins_manage_tokens(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let author = app.user(Role::Author).await;
        for staff in [&editor, &author] {
            let r = create_token(&app, &staff.token, "mine", "READ").await;
            assert_eq!(error_code(&r), Some("FORBIDDEN"), "{r}");
            let r = app.graphql_as(Some(&staff.token), LIST, json!({})).await;
            assert_eq!(error_code(&r), Some("FORBIDDEN"), "{r}");
            let r = app.graphql_as(Some(&staff.token), "mutation { revokeApiToken(id: \"1\") }", json!({})).await;
            assert_eq!(error_code(&r), Some("FORBIDDEN"), "{r}");
        }
        let r = app.graphql(LIST, json!({})).await;
        assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{r}");
        let r = app.graphql(CREATE, json!({ "n": "x", "s": "READ", "e": null })).await;
        assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{r}");
    }
}

on_both_backends! {
    async fn names_must_be_given_and_expiries_still_to_come(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
        let r = app.graphql_as(Some(&admin.token), CREATE, json!({ "n": "  ", "s": "READ", "e": past })).await;
        assert_eq!(error_code(&r), Some("BAD_USER_INPUT"), "{r}");
        assert_eq!(r["errors"][0]["extensions"]["fields"], json!(["name", "expiresAt"]));
        let r = create_token(&app, &admin.token, &"n".repeat(201), "READ").await;
        assert_eq!(r["errors"][0]["extensions"]["fields"], json!(["name"]), "{r}");
        let listed = app.graphql_as(Some(&admin.token), LIST, json!({})).await;
        assert_eq!(listed["data"]["apiTokens"], json!([]), "nothing was stored: {listed}");
    }
}
