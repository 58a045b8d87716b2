//! Full-text search and relevance ordering, the same on both backends.

use quire_domain::Role;
use quire_harness::{article_titles, on_both_backends};
use serde_json::json;

const SEARCH: &str = "query($q: String!, $first: Int, $after: String, $order: ArticleOrder) {
    articles(filter: { search: $q }, orderBy: $order, first: $first, after: $after) {
        totalCount nodes { title } pageInfo { endCursor hasNextPage } } }";

on_both_backends! {
    async fn finds_words_anywhere_and_ranks_titles_first(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        for (title, body) in [
            ("Monsoon floods the delta", "Water everywhere after the rains."),
            ("Budget talks stall", "The monsoon season delayed the vote; floods are expected."),
            ("Election results", "Nothing about weather here."),
            ("Café culture in Kraków", "Crème brûlée and coffee."),
        ] {
            let r = app.graphql_as(token, "mutation($t: String!, $b: String!) { createArticle(input: { title: $t, body: $b }) { id } }", json!({ "t": title, "b": body })).await;
            let id = r["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
        }
        let r = app.graphql(SEARCH, json!({ "q": "monsoon floods", "order": "RELEVANCE" })).await;
        assert_eq!(r["data"]["articles"]["totalCount"], 2, "{r}");
        assert_eq!(article_titles(&r), ["Monsoon floods the delta", "Budget talks stall"], "title matches rank first");

        let first = app.graphql(SEARCH, json!({ "q": "monsoon", "order": "RELEVANCE", "first": 1 })).await;
        assert_eq!(article_titles(&first), ["Monsoon floods the delta"], "{first}");
        assert_eq!(first["data"]["articles"]["pageInfo"]["hasNextPage"], true);
        let next = app.graphql(SEARCH, json!({ "q": "monsoon", "order": "RELEVANCE", "first": 1, "after": first["data"]["articles"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(article_titles(&next), ["Budget talks stall"], "{next}");
        assert_eq!(next["data"]["articles"]["pageInfo"]["hasNextPage"], false);

        let none = app.graphql(SEARCH, json!({ "q": "\"*) OR -- ;" })).await;
        assert!(none["errors"].is_null(), "search syntax never reaches the database: {none}");
        assert_eq!(none["data"]["articles"]["totalCount"], 0);
        let case = app.graphql(SEARCH, json!({ "q": "ELECTION" })).await;
        assert_eq!(article_titles(&case), ["Election results"]);
    }
}
