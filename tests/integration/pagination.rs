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

/// Pages through a list of exactly four visible articles, `{prefix}2` to `{prefix}5`, published
/// on 2 January 2025 (the first two at one instant), then on the 3rd and the 4th: forwards,
/// backwards and oldest first, with the list's own `variables` added to each request.
async fn walk_four(app: &TestApp, query: &str, variables: serde_json::Value, prefix: &str) {
    let ask = |paging: serde_json::Value| {
        let mut all = variables.clone();
        if let (Some(all), Some(paging)) = (all.as_object_mut(), paging.as_object()) {
            all.extend(paging.clone());
        }
        app.graphql(query, all)
    };
    let named = |numbers: &[u8]| -> Vec<String> {
        numbers.iter().map(|n| format!("{prefix}{n}")).collect()
    };
    let all = ask(json!({ "first": 10 })).await;
    assert_eq!(article_titles(&all), named(&[5, 4, 3, 2]), "{all}");
    assert_eq!(all["data"]["articles"]["totalCount"], 4);
    let first = ask(json!({ "first": 2 })).await;
    assert_eq!(article_titles(&first), named(&[5, 4]), "{first}");
    let info = &first["data"]["articles"]["pageInfo"];
    assert_eq!(info["hasNextPage"], true);
    let second = ask(json!({ "first": 2, "after": info["endCursor"] })).await;
    assert_eq!(
        article_titles(&second),
        named(&[3, 2]),
        "equal instants keep one order: {second}"
    );
    assert_eq!(second["data"]["articles"]["pageInfo"]["hasNextPage"], false);
    let back =
        ask(json!({ "last": 1, "before": second["data"]["articles"]["pageInfo"]["endCursor"] }))
            .await;
    assert_eq!(article_titles(&back), named(&[3]), "{back}");
    let oldest = ask(json!({ "first": 3, "order": "PUBLISHED_AT_ASC" })).await;
    assert_eq!(article_titles(&oldest), named(&[2, 3, 4]), "{oldest}");
}

/// The titles of the articles a tag or an author (`owner`) lists in a response.
fn owned_titles(response: &serde_json::Value, owner: &str) -> Vec<String> {
    response["data"][owner]["articles"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
        .collect()
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

        walk_four(&app, TAG_PAGE, json!({ "tag": "floods" }), "T").await;

        let staff = app.graphql_as(token, TAG_PAGE, json!({ "first": 10, "tag": "floods" })).await;
        assert_eq!(article_titles(&staff), ["Draft", "T5", "T4", "T3", "T2"], "editors see the draft, never the trash: {staff}");
        let unknown = app.graphql(TAG_PAGE, json!({ "first": 10, "tag": "no-such-tag" })).await;
        assert_eq!(article_titles(&unknown), Vec::<String>::new(), "{unknown}");

        let by_tag = app.graphql(TAG_ARTICLES, json!({ "slug": "floods", "first": 3 })).await;
        let titles = owned_titles(&by_tag, "tag");
        assert_eq!(titles, ["T5", "T4", "T3"], "{by_tag}");
        let rest = app.graphql(TAG_ARTICLES, json!({ "slug": "floods", "first": 3, "after": by_tag["data"]["tag"]["articles"]["pageInfo"]["endCursor"] })).await;
        let titles = owned_titles(&rest, "tag");
        assert_eq!(titles, ["T2"], "{rest}");
    }
}

const AUTHOR_PAGE: &str = "query($first: Int, $after: String, $last: Int, $before: String, $order: ArticleOrder, $author: String!, $tags: [String!]) {
    articles(first: $first, after: $after, last: $last, before: $before, orderBy: $order, filter: { author: $author, tags: $tags }) {
        totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

const AUTHOR_ARTICLES: &str = "query($slug: String!, $first: Int, $after: String) {
    author(slug: $slug) { articles(first: $first, after: $after) { nodes { title } pageInfo { endCursor } } } }";

on_both_backends! {
    /// A list of one author's articles is read along the author's bylines, which carry each
    /// article's sort key: the same articles, order, ties and cursors as any other list, a new
    /// publication date moves the article on the author's page, and what the viewer may not see
    /// stays out.
    async fn an_author_page_pages_like_any_list(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let mut authors = Vec::new();
        for name in ["Amara Obi", "Lin Wei"] {
            let r = app.graphql_as(token, "mutation($n: String!) { createAuthor(input: { name: $n }) { id } }", json!({ "n": name })).await;
            authors.push(r["data"]["createAuthor"]["id"].clone());
        }
        let create = "mutation($t: String!, $a: [ID!], $tags: [String!]) { createArticle(input: { title: $t, body: \"b\", authorIds: $a, tags: $tags }) { id } }";
        let publish = "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }";
        let mut ids = Vec::new();
        for (n, at) in [(1, "2025-01-01T08:00:00Z"), (2, "2025-01-02T08:00:00Z"), (3, "2025-01-02T08:00:00Z"), (4, "2025-01-03T08:00:00Z"), (5, "2025-01-04T08:00:00Z")] {
            let byline = if n % 2 == 0 { json!([authors[1], authors[0]]) } else { json!([authors[0]]) };
            let tags = if n < 4 { json!(["Floods"]) } else { json!(["Weather"]) };
            let r = app.graphql_as(token, create, json!({ "t": format!("A{n}"), "a": byline, "tags": tags })).await;
            let id = r["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, publish, json!({ "id": id, "at": at })).await;
            ids.push(id);
        }
        let other = app.graphql_as(token, create, json!({ "t": "Elsewhere", "a": [authors[1]] })).await;
        app.graphql_as(token, publish, json!({ "id": other["data"]["createArticle"]["id"] })).await;
        app.graphql_as(token, create, json!({ "t": "Draft", "a": [authors[0]] })).await;
        let trashed = app.graphql_as(token, "mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": ids[0] })).await;
        assert!(trashed["errors"].is_null(), "{trashed}");

        walk_four(&app, AUTHOR_PAGE, json!({ "author": "amara-obi" }), "A").await;
        let second_byline = app.graphql(AUTHOR_PAGE, json!({ "first": 10, "author": "lin-wei" })).await;
        assert_eq!(article_titles(&second_byline), ["Elsewhere", "A4", "A2"], "{second_byline}");

        let with_tag = app.graphql(AUTHOR_PAGE, json!({ "first": 10, "author": "lin-wei", "tags": ["floods"] })).await;
        assert_eq!(article_titles(&with_tag), ["A2"], "read along the tag, the author still holds: {with_tag}");
        let with_tags = app.graphql(AUTHOR_PAGE, json!({ "first": 10, "author": "amara-obi", "tags": ["floods", "no-such-tag"] })).await;
        assert_eq!(article_titles(&with_tags), ["A3", "A2"], "read along the bylines, the tags still hold: {with_tags}");

        let staff = app.graphql_as(token, AUTHOR_PAGE, json!({ "first": 10, "author": "amara-obi" })).await;
        assert_eq!(article_titles(&staff), ["Draft", "A5", "A4", "A3", "A2"], "editors see the draft, never the trash: {staff}");
        let unknown = app.graphql(AUTHOR_PAGE, json!({ "first": 10, "author": "no-such-author" })).await;
        assert_eq!(article_titles(&unknown), Vec::<String>::new(), "{unknown}");

        let moved = app.graphql_as(token, "mutation($id: ID!) { unpublishArticle(id: $id) { id } }", json!({ "id": ids[4] })).await;
        assert!(moved["errors"].is_null(), "{moved}");
        app.graphql_as(token, publish, json!({ "id": ids[4], "at": "2024-06-01T08:00:00Z" })).await;
        let by_author = app.graphql(AUTHOR_ARTICLES, json!({ "slug": "amara-obi", "first": 3 })).await;
        let titles = owned_titles(&by_author, "author");
        assert_eq!(titles, ["A4", "A3", "A2"], "a new date moves the article: {by_author}");
        let rest = app.graphql(AUTHOR_ARTICLES, json!({ "slug": "amara-obi", "first": 3, "after": by_author["data"]["author"]["articles"]["pageInfo"]["endCursor"] })).await;
        let titles = owned_titles(&rest, "author");
        assert_eq!(titles, ["A5"], "{rest}");
    }
}
