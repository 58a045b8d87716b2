//! The anonymous response cache: it answers repeated reads without the database, and a write
//! through the server makes the next read fresh.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::json;

const HOME: &str = "{ articles(first: 5) { totalCount nodes { title } } }";

on_both_backends! {
    async fn repeated_reads_hit_and_writes_invalidate(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let (first, body) = app.graphql_cached(None, HOME).await;
        assert_eq!(first, "miss");
        assert_eq!(body["data"]["articles"]["totalCount"], 0);
        let statements = app.statement_count();
        let (second, again) = app.graphql_cached(None, HOME).await;
        assert_eq!(second, "hit");
        assert_eq!(again, body);
        assert_eq!(app.statement_count(), statements, "a hit reads nothing");

        let created = app.graphql_as(Some(&editor.token), "mutation { createArticle(input: { title: \"Fresh\", body: \"b\" }) { id } }", json!({})).await;
        let id = created["data"]["createArticle"]["id"].clone();
        app.graphql_as(Some(&editor.token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
        let (after, fresh) = app.graphql_cached(None, HOME).await;
        assert_eq!(after, "miss", "the write made the cached answer stale");
        assert_eq!(fresh["data"]["articles"]["nodes"][0]["title"], "Fresh");

        let (staff, _) = app.graphql_cached(Some(&editor.token), HOME).await;
        assert_eq!(staff, "off", "signed-in readers are never served from the cache");
        let (bad, _) = app.graphql_cached(None, "{ articles { nope } }").await;
        assert_eq!(bad, "off", "errors are not cached");
    }
}
