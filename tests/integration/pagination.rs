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

const TAG_PAGE: &str = "query($first: Int, $after: String, $last: Int, $before: String, $order: ArticleOrder, $tag: String!) {
    articles(first: $first, after: $after, last: $last, before: $before, orderBy: $order, filter: { tags: [$tag] }) {
        totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

const TAG_ARTICLES: &str = "query($slug: String!, $first: Int, $after: String) {
    tag(slug: $slug) { articles(first: $first, after: $after) { nodes { title } pageInfo { endCursor } } } }";

on_both_backends! {
    /// A list of one tag's articles is read along the tag's own index: the same articles, order,
    /// ties and cursors as any other list, and what the viewer may not see stays out.
    async fn a_tag_page_pages_like_any_list(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let write = |title: &str, tags: serde_json::Value| json!({ "title": title, "body": "b", "tags": tags });
        let mut ids = Vec::new();
        for (n, at) in [(1, "2025-01-01T08:00:00Z"), (2, "2025-01-02T08:00:00Z"), (3, "2025-01-02T08:00:00Z"), (4, "2025-01-03T08:00:00Z"), (5, "2025-01-04T08:00:00Z")] {
            let r = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": write(&format!("T{n}"), json!(["Floods", "Weather"])) })).await;
            let id = r["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }", json!({ "id": id, "at": at })).await;
            ids.push(id);
        }
        let other = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": write("Elsewhere", json!(["Weather"])) })).await;
        app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": other["data"]["createArticle"]["id"] })).await;
        app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": write("Draft", json!(["Floods"])) })).await;
        let trashed = app.graphql_as(token, "mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": ids[0] })).await;
        assert!(trashed["errors"].is_null(), "{trashed}");

        let all = app.graphql(TAG_PAGE, json!({ "first": 10, "tag": "floods" })).await;
        assert_eq!(article_titles(&all), ["T5", "T4", "T3", "T2"], "{all}");
        assert_eq!(all["data"]["articles"]["totalCount"], 4);

        let first = app.graphql(TAG_PAGE, json!({ "first": 2, "tag": "floods" })).await;
        assert_eq!(article_titles(&first), ["T5", "T4"], "{first}");
        let info = &first["data"]["articles"]["pageInfo"];
        assert_eq!(info["hasNextPage"], true);
        let second = app.graphql(TAG_PAGE, json!({ "first": 2, "after": info["endCursor"], "tag": "floods" })).await;
        assert_eq!(article_titles(&second), ["T3", "T2"], "equal instants keep one order: {second}");
        assert_eq!(second["data"]["articles"]["pageInfo"]["hasNextPage"], false);
        let back = app.graphql(TAG_PAGE, json!({ "last": 1, "before": second["data"]["articles"]["pageInfo"]["endCursor"], "tag": "floods" })).await;
        assert_eq!(article_titles(&back), ["T3"], "{back}");
        let oldest = app.graphql(TAG_PAGE, json!({ "first": 3, "order": "PUBLISHED_AT_ASC", "tag": "floods" })).await;
        assert_eq!(article_titles(&oldest), ["T2", "T3", "T4"], "{oldest}");

        let staff = app.graphql_as(token, TAG_PAGE, json!({ "first": 10, "tag": "floods" })).await;
        assert_eq!(article_titles(&staff), ["Draft", "T5", "T4", "T3", "T2"], "editors see the draft, never the trash: {staff}");
        let unknown = app.graphql(TAG_PAGE, json!({ "first": 10, "tag": "no-such-tag" })).await;
        assert_eq!(article_titles(&unknown), Vec::<String>::new(), "{unknown}");

        let by_tag = app.graphql(TAG_ARTICLES, json!({ "slug": "floods", "first": 3 })).await;
        let titles: Vec<_> = by_tag["data"]["tag"]["articles"]["nodes"].as_array().into_iter().flatten().map(|n| n["title"].as_str().unwrap_or_default().to_owned()).collect();
        assert_eq!(titles, ["T5", "T4", "T3"], "{by_tag}");
        let rest = app.graphql(TAG_ARTICLES, json!({ "slug": "floods", "first": 3, "after": by_tag["data"]["tag"]["articles"]["pageInfo"]["endCursor"] })).await;
        let titles: Vec<_> = rest["data"]["tag"]["articles"]["nodes"].as_array().into_iter().flatten().map(|n| n["title"].as_str().unwrap_or_default().to_owned()).collect();
        assert_eq!(titles, ["T2"], "{rest}");
    }
}
