//! A page of twenty articles with every relation costs the SQL statements a page of one does,
//! and no more than GraphQL's home page query asking for the same relations; one article by
//! slug costs no more than GraphQL's article page.

use quire_api::Config;
use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::json;

use super::get;

const HOME_PAGE: &str =
    "query($n: Int!) { articles(first: $n) { nodes { title slug excerpt publishedAt
    bodyHtml authors { name slug } tags { name slug } source { name } related { title slug }
    corrections { text createdAt } } } }";

fn uncached(config: &mut Config) {
    config.response_cache = std::time::Duration::ZERO;
}

async fn statements_for(app: &TestApp, limit: usize) -> u64 {
    let before = app.statement_count();
    let page = get(app, &format!("/api/articles?limit={limit}")).await;
    assert_eq!(page.slugs().len(), limit, "{}", page.body);
    app.statement_count() - before
}

on_both_backends! {
    async fn a_page_of_twenty_costs_what_a_page_of_one_does(app: TestApp = uncached) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let s = app.graphql_as(token, "mutation { createSource(input: { name: \"Wire\" }) { id } a1: createAuthor(input: { name: \"A One\" }) { id } a2: createAuthor(input: { name: \"A Two\" }) { id } }", json!({})).await;
        let (source, a1, a2) = (s["data"]["createSource"]["id"].clone(), s["data"]["a1"]["id"].clone(), s["data"]["a2"]["id"].clone());
        let mut previous = json!(null);
        for n in 0..20 {
            let related = if previous.is_null() { json!([]) } else { json!([previous]) };
            let r = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": {
                "title": format!("Story {n}"), "body": "Body text.", "sourceId": source, "authorIds": [a1, a2],
                "tags": [format!("tag {n}"), "common"], "relatedIds": related,
            }})).await;
            let id = r["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
            previous = id;
        }
        let one = statements_for(&app, 1).await;
        let twenty = statements_for(&app, 20).await;
        let before = app.statement_count();
        let home = app.graphql(HOME_PAGE, json!({ "n": 20 })).await;
        assert_eq!(home["data"]["articles"]["nodes"].as_array().map(Vec::len), Some(20), "{home}");
        let graphql = app.statement_count() - before;
        println!("statements on {:?}: REST 1 = {one}, REST 20 = {twenty}, GraphQL 20 = {graphql}", app.backend);
        assert_eq!(one, twenty);
        assert!(twenty <= graphql, "REST {twenty} > GraphQL {graphql}");

        let before = app.statement_count();
        let article = get(&app, "/api/articles/story-19").await;
        assert_eq!(article.status, 200, "{}", article.body);
        let by_slug = app.statement_count() - before;
        let before = app.statement_count();
        let page = app.graphql(ARTICLE_PAGE, json!({ "slug": "story-19" })).await;
        assert_eq!(page["data"]["article"]["related"][0]["slug"], "story-18", "{page}");
        let graphql = app.statement_count() - before;
        println!("statements on {:?}: REST by slug = {by_slug}, GraphQL by slug = {graphql}", app.backend);
        assert!(by_slug <= graphql, "REST {by_slug} > GraphQL {graphql}");
    }
}

const ARTICLE_PAGE: &str = "query($slug: String!) { article(slug: $slug) { title bodyHtml
    authors { name slug } tags { name slug } source { name } related { title slug }
    corrections { text createdAt } } }";
