//! Optimistic concurrency: a stale write is refused, never applied over someone else's.

use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;

on_both_backends! {
    async fn stale_versions_are_refused_and_overwrite_nothing(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let created = app.graphql_as(token, "mutation { createArticle(input: { title: \"T\", body: \"Original.\" }) { id } }", json!({})).await;
        let id = created["data"]["createArticle"]["id"].clone();
        let update = "mutation($id: ID!, $v: Int!, $b: String!) { updateArticle(id: $id, expectedVersion: $v, input: { body: $b }) { version body } }";

        let first = app.graphql_as(token, update, json!({ "id": id, "v": 1, "b": "Alice's edit." })).await;
        assert_eq!(first["data"]["updateArticle"]["version"], 2, "{first}");
        let stale = app.graphql_as(token, update, json!({ "id": id, "v": 1, "b": "Bob's stale edit." })).await;
        assert_eq!(error_code(&stale), Some("CONFLICT"), "{stale}");
        assert_eq!(stale["errors"][0]["extensions"]["currentVersion"], 2);

        let now = app.graphql_as(token, "query($id: ID!) { article(id: $id) { version body } }", json!({ "id": id })).await;
        assert_eq!(now["data"]["article"], json!({ "version": 2, "body": "Alice's edit." }));
    }
}

on_both_backends! {
    async fn of_concurrent_writers_with_one_version_exactly_one_wins(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let created = app.graphql_as(Some(&editor.token), "mutation { createArticle(input: { title: \"T\", body: \"b\" }) { id } }", json!({})).await;
        let id = created["data"]["createArticle"]["id"].clone();
        let update = "mutation($id: ID!, $b: String!) { updateArticle(id: $id, expectedVersion: 1, input: { body: $b }) { body } }";
        let writers = (0..8).map(|n| {
            let (app, token, id) = (&app, editor.token.clone(), id.clone());
            async move { app.graphql_as(Some(&token), update, json!({ "id": id, "b": format!("edit {n}") })).await }
        });
        let results = futures::future::join_all(writers).await;
        let winners: Vec<_> = results.iter().filter(|r| r["data"]["updateArticle"].is_object()).collect();
        assert_eq!(winners.len(), 1, "{results:?}");
        assert!(results.iter().filter(|r| !r["data"]["updateArticle"].is_object()).all(|r| error_code(r) == Some("CONFLICT")), "{results:?}");
        let stored = app.graphql_as(Some(&editor.token), "query($id: ID!) { article(id: $id) { body version } }", json!({ "id": id })).await;
        assert_eq!(stored["data"]["article"]["body"], winners[0]["data"]["updateArticle"]["body"]);
        assert_eq!(stored["data"]["article"]["version"], 2);
    }
}
