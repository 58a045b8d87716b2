//! Writers racing on PostgreSQL: a user never gets a conflict for a race they did not cause.
//! Derived slugs are retried until free, and tags, authors and sources named at once by many
//! writers are created once.

use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::{Value, json};

/// How many requests race each time.
const WRITERS: usize = 24;

/// Sends `WRITERS` copies of one mutation at once, each with its own variables.
async fn race(
    app: &TestApp,
    token: &str,
    query: &str,
    vars: impl Fn(usize) -> Value,
) -> Vec<Value> {
    let requests = (0..WRITERS).map(|n| app.graphql_as(Some(token), query, vars(n)));
    futures::future::join_all(requests).await
}

/// The `field` of each response's `data.<mutation>`, failing on any error.
fn fields(results: &[Value], mutation: &str, field: &str) -> Vec<String> {
    results
        .iter()
        .map(|r| {
            assert!(r["errors"].is_null(), "every racing writer succeeds: {r}");
            r["data"][mutation][field].as_str().unwrap().to_owned()
        })
        .collect()
}

fn distinct(mut values: Vec<String>) -> usize {
    values.sort();
    values.dedup();
    values.len()
}

on_both_backends! {
    async fn racing_articles_with_one_title_and_one_new_tag_all_succeed(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let create = "mutation($b: String!) { createArticle(input: { title: \"Flood warning\", body: $b, tags: [\"Monsoon\"] }) { slug } }";
        let results = race(&app, &editor.token, create, |n| json!({ "b": format!("Report {n}.") })).await;
        let slugs = fields(&results, "createArticle", "slug");
        assert_eq!(distinct(slugs.clone()), WRITERS, "slugs are distinct: {slugs:?}");
        assert!(slugs.iter().all(|s| s == "flood-warning" || s.starts_with("flood-warning-")), "{slugs:?}");

        let tags = app.graphql_as(Some(&editor.token), "{ tags { totalCount nodes { slug articleCount } } }", json!({})).await;
        assert_eq!(tags["data"]["tags"], json!({ "totalCount": 1, "nodes": [{ "slug": "monsoon", "articleCount": WRITERS }] }), "{tags}");
    }
}

on_both_backends! {
    async fn racing_articles_naming_one_new_tag_share_it(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let create = "mutation($t: String!) { createArticle(input: { title: $t, body: \"b\", tags: [\"Delta\", \"Rain\"] }) { tags { slug } } }";
        let results = race(&app, &editor.token, create, |n| json!({ "t": format!("Report {n}") })).await;
        for r in &results {
            assert_eq!(r["data"]["createArticle"]["tags"], json!([{ "slug": "delta" }, { "slug": "rain" }]), "{r}");
        }
        let tags = app.graphql_as(Some(&editor.token), "{ tags { totalCount nodes { articleCount } } }", json!({})).await;
        assert_eq!(tags["data"]["tags"]["totalCount"], 2, "{tags}");
        assert_eq!(tags["data"]["tags"]["nodes"], json!([{ "articleCount": WRITERS }, { "articleCount": WRITERS }]), "{tags}");
    }
}

on_both_backends! {
    async fn racing_authors_sources_and_tags_with_one_name_all_succeed(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        for (mutation, input) in [("createAuthor", "AuthorInput"), ("createSource", "SourceInput")] {
            let create = format!("mutation($i: {input}!) {{ {mutation}(input: $i) {{ slug }} }}");
            let results = race(&app, &editor.token, &create, |_| json!({ "i": { "name": "Taha Siddiqui" } })).await;
            let slugs = fields(&results, mutation, "slug");
            assert_eq!(distinct(slugs.clone()), WRITERS, "{mutation}: slugs are distinct: {slugs:?}");
        }
        // Tag names are unique regardless of case, so racing distinct names that share a slug
        // must each get a free one.
        let create = "mutation($n: String!) { createTag(input: { name: $n }) { slug } }";
        let results = race(&app, &editor.token, create, |n| json!({ "n": format!("Kashmir{}", "!".repeat(n)) })).await;
        let slugs = fields(&results, "createTag", "slug");
        assert_eq!(distinct(slugs.clone()), WRITERS, "createTag: slugs are distinct: {slugs:?}");
    }
}

on_both_backends! {
    async fn a_slug_the_user_gave_that_is_taken_is_still_a_conflict(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let create = "mutation { createArticle(input: { title: \"Any\", body: \"b\", slug: \"chosen\" }) { slug } }";
        let first = app.graphql_as(Some(&editor.token), create, json!({})).await;
        assert_eq!(first["data"]["createArticle"]["slug"], "chosen", "{first}");
        let second = app.graphql_as(Some(&editor.token), create, json!({})).await;
        assert_eq!(quire_harness::error_code(&second), Some("CONFLICT"), "{second}");
        assert_eq!(second["errors"][0]["extensions"]["fields"], json!(["slug"]), "{second}");
    }
}
