//! A private server (`QUIRE_PUBLIC_READ=false`) refuses anonymous readers, lets anyone sign in,
//! and serves READ tokens what anonymous readers would otherwise see.

use quire_api::Config;
use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;

use super::{article, issue};

fn private(config: &mut Config) {
    config.public_read = false;
}

on_both_backends! {
    async fn private_servers_serve_tokens_and_refuse_anonymous_readers(app: TestApp = private) {
        let admin = app.user(Role::Admin).await;
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Live", "published").await;
        article(&app, &editor.token, "Draft", "draft").await;

        for q in ["{ articles { totalCount } }", "{ article(slug: \"live\") { title } }", "{ tags { totalCount } }"] {
            let r = app.graphql(q, json!({})).await;
            assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{q}: {r}");
            assert!(r["errors"][0]["message"].as_str().unwrap().contains("send an API token or sign in"), "{r}");
        }
        let me = app.graphql("{ me { id } }", json!({})).await;
        assert_eq!(me["data"]["me"], json!(null), "{me}");

        let signed_in = app.login(&editor.email, &editor.password).await;
        assert!(!signed_in.token.is_empty(), "login still works");
        let refreshed = app
            .graphql("mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }", json!({ "r": signed_in.refresh_token }))
            .await;
        assert!(refreshed["data"]["refreshToken"]["accessToken"].is_string(), "{refreshed}");

        let (read, _) = issue(&app, &admin.token, "READ").await;
        let r = app.graphql_as(Some(&read), "{ articles { totalCount nodes { title } } }", json!({})).await;
        assert_eq!(r["data"]["articles"], json!({ "totalCount": 1, "nodes": [{ "title": "Live" }] }), "{r}");
        let staff = app.graphql_as(Some(&editor.token), "{ articles { totalCount } }", json!({})).await;
        assert_eq!(staff["data"]["articles"]["totalCount"], 2, "{staff}");
    }
}
