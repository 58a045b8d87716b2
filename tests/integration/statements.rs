//! No N+1: a page of twenty articles with authors, tags, source and related articles costs the
//! same number of SQL statements as a page of one.

use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::json;

const HOME_PAGE: &str =
    "query($n: Int!) { articles(first: $n) { nodes { title slug excerpt publishedAt
    bodyHtml authors { name slug } tags { name slug } source { name } related { title slug }
    curatedRelated { title } } } }";

/// Related lists of two sizes, and the related lists of related articles, which no list reads
/// ahead: they go through the loader, batched across the whole page.
const RELATED_PAGE: &str = "query($n: Int!) { articles(first: $n) { nodes { title
    few: related(limit: 2) { title } many: related(limit: 20) { slug related(limit: 3) { title } } } } }";

async fn statements_for(app: &TestApp, n: u32) -> u64 {
    statements_of(app, HOME_PAGE, n).await
}

async fn statements_of(app: &TestApp, query: &str, n: u32) -> u64 {
    let before = app.statement_count();
    let r = app.graphql(query, json!({ "n": n })).await;
    assert_eq!(
        r["data"]["articles"]["nodes"].as_array().map(Vec::len),
        Some(n as usize),
        "{r}"
    );
    app.statement_count() - before
}

on_both_backends! {
    async fn a_page_of_twenty_costs_what_a_page_of_one_does(app: TestApp) {
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
        println!("statements on {:?}: page of 1 = {one}, page of 20 = {twenty}", app.backend);
        assert_eq!(one, twenty);
        assert!(twenty <= 7, "list + bodies + authors + tags + source + related + curated, got {twenty}");

        let one = statements_of(&app, RELATED_PAGE, 1).await;
        let twenty = statements_of(&app, RELATED_PAGE, 20).await;
        println!("related statements on {:?}: page of 1 = {one}, page of 20 = {twenty}", app.backend);
        assert_eq!(one, twenty);
        assert!(twenty <= 4, "list + one per size + one for the nested lists, got {twenty}");
    }
}
