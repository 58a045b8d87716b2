//! Relay pagination: both directions, stable cursors, limits.

use quire_domain::Role;
use quire_harness::{TestApp, article_titles, error_code, on_both_backends};
use serde_json::json;

const PAGE: &str = "query($first: Int, $after: String, $last: Int, $before: String, $order: ArticleOrder) {
    articles(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
        totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

async fn publish(app: &TestApp, token: &str, title: &str) {
    let r = app
        .graphql_as(
            Some(token),
            "mutation($t: String!) { createArticle(input: { title: $t, body: \"b\" }) { id } }",
            json!({ "t": title }),
        )
        .await;
    let id = r["data"]["createArticle"]["id"].clone();
    app.graphql_as(
        Some(token),
        "mutation($id: ID!) { publishArticle(id: $id) { id } }",
        json!({ "id": id }),
    )
    .await;
}

on_both_backends! {
    async fn pages_forwards_and_backwards_with_stable_cursors(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        for n in 1..=7 {
            publish(&app, &editor.token, &format!("A{n}")).await;
        }
        let first = app.graphql(PAGE, json!({ "first": 3 })).await;
        assert_eq!(article_titles(&first), ["A7", "A6", "A5"], "{first}");
        let info = &first["data"]["articles"]["pageInfo"];
        assert_eq!(info["hasNextPage"], true);
        assert_eq!(info["hasPreviousPage"], false);
        assert_eq!(first["data"]["articles"]["totalCount"], 7);

        // A row inserted before the cursor does not shift the next page.
        publish(&app, &editor.token, "A8").await;
        let second = app.graphql(PAGE, json!({ "first": 3, "after": info["endCursor"] })).await;
        assert_eq!(article_titles(&second), ["A4", "A3", "A2"], "{second}");
        let third = app.graphql(PAGE, json!({ "first": 3, "after": second["data"]["articles"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(article_titles(&third), ["A1"]);
        assert_eq!(third["data"]["articles"]["pageInfo"]["hasNextPage"], false);

        // Backwards from the end of the second page.
        let back = app.graphql(PAGE, json!({ "last": 2, "before": second["data"]["articles"]["pageInfo"]["startCursor"] })).await;
        assert_eq!(article_titles(&back), ["A6", "A5"], "{back}");
        assert_eq!(back["data"]["articles"]["pageInfo"]["hasPreviousPage"], true);
        let tail = app.graphql(PAGE, json!({ "last": 2 })).await;
        assert_eq!(article_titles(&tail), ["A2", "A1"], "{tail}");

        let relevance = app.graphql(PAGE, json!({ "first": 3, "order": "RELEVANCE" })).await;
        assert_eq!(article_titles(&relevance), ["A8", "A7", "A6"], "without a search, relevance is newest first");
        let more = app.graphql(PAGE, json!({ "first": 3, "order": "RELEVANCE", "after": relevance["data"]["articles"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(article_titles(&more), ["A5", "A4", "A3"], "{more}");

        let by_title = app.graphql(PAGE, json!({ "first": 2, "order": "TITLE_ASC" })).await;
        assert_eq!(article_titles(&by_title), ["A1", "A2"]);
        let wrong_order = app.graphql(PAGE, json!({ "first": 2, "after": info["endCursor"], "order": "TITLE_ASC" })).await;
        assert_eq!(error_code(&wrong_order), Some("BAD_USER_INPUT"), "a cursor belongs to one ordering: {wrong_order}");
    }
}

on_both_backends! {
    async fn page_sizes_are_capped(app: TestApp) {
        for args in [json!({ "first": 101 }), json!({ "last": 101 }), json!({ "first": -1 }), json!({ "first": 2, "last": 2 })] {
            let r = app.graphql(PAGE, args.clone()).await;
            assert_eq!(error_code(&r), Some("BAD_USER_INPUT"), "{args}: {r}");
        }
        let r = app.graphql(PAGE, json!({ "first": 100 })).await;
        assert!(r["errors"].is_null(), "{r}");
        for list in ["authors", "sources", "tags"] {
            let r = app.graphql(&format!("{{ {list}(first: 500) {{ totalCount }} }}"), json!({})).await;
            assert_eq!(error_code(&r), Some("BAD_USER_INPUT"), "{list}: {r}");
        }
    }
}
