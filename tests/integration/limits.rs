//! GraphQL cost limits: a request that asks too much is refused with `BAD_USER_INPUT` naming the
//! limit, before any SQL statement runs, while the pages a front end builds pass easily.

use quire_api::graphql::limits::QueryLimits;
use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends, spawn_app_with};
use serde_json::{Value, json};

/// Every article-list field a news front end renders, for a page of `$n`.
const HOME_PAGE: &str = "query($n: Int!) { articles(first: $n) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { title slug excerpt bodyHtml publishedAt readingTimeMinutes
            authors { name slug } tags { name slug } source { name url country }
            related { title slug } } } }";

/// Everything an article page shows.
const ARTICLE_PAGE: &str = "query($slug: String!) { article(slug: $slug) {
    title subtitle slug excerpt bodyHtml publishedAt updatedAt readingTimeMinutes wordCount sourceUrl
    authors { name slug bio avatarUrl url } tags { name slug description }
    source { name url country } related { title slug excerpt publishedAt } } }";

/// Asserts that `response` is a refusal over `limit`, and that nothing reached the database.
fn assert_refused(app: &TestApp, statements_before: u64, response: &Value, limit: &str) {
    assert_eq!(error_code(response), Some("BAD_USER_INPUT"), "{response}");
    assert_eq!(
        response["errors"][0]["extensions"]["limit"], limit,
        "{response}"
    );
    assert!(
        response.get("data").is_none_or(Value::is_null),
        "nothing ran: {response}"
    );
    assert_eq!(
        app.statement_count(),
        statements_before,
        "no SQL statement ran"
    );
}

on_both_backends! {
    async fn a_thousand_aliased_lists_are_refused_before_the_database(app: TestApp) {
        let aliases: String = (0..1_000)
            .map(|i| format!("a{i}: articles(first: 100) {{ nodes {{ body bodyHtml }} }} "))
            .collect();
        let before = app.statement_count();
        let (_, response) = app.post_raw(json!({ "query": format!("{{ {aliases} }}") }).to_string(), None).await;
        assert_refused(&app, before, &response, "aliases");
        let message = response["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("50") && message.contains("QUIRE_MAX_ALIASES"), "{message}");
    }
}

on_both_backends! {
    async fn nested_pages_multiply_into_a_refused_cost(app: TestApp) {
        let before = app.statement_count();
        let nested = "{ authors(first: 100) { nodes { articles(first: 100) { nodes { title } } } } }";
        let response = app.graphql(nested, json!({})).await;
        assert_refused(&app, before, &response, "cost");
        // 1 + 100 × (nodes 1 + articles (1 + 100 × (nodes 1 + title 1)))
        assert_eq!(response["errors"][0]["extensions"]["actual"], 20_201, "{response}");
        assert_eq!(response["errors"][0]["extensions"]["maximum"], 10_000, "{response}");
        let message = response["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("20201") && message.contains("10000"), "{message}");

        let related_of_related = app.graphql(
            "{ articles { nodes { related(limit: 20) { related(limit: 20) { related { title } } } } } }",
            json!({}),
        ).await;
        assert_refused(&app, before, &related_of_related, "cost");

        let through_a_variable = app.graphql(
            "query($n: Int) { tags(first: $n) { nodes { articles(last: $n) { nodes { body } } } } }",
            json!({ "n": 100 }),
        ).await;
        assert_refused(&app, before, &through_a_variable, "cost");
    }
}

on_both_backends! {
    async fn a_batch_of_five_hundred_is_refused(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let batch = vec![json!({ "query": "{ articles { totalCount } }" }); 500];
        let before = app.statement_count();
        let (status, response) = app.post_raw(Value::from(batch).to_string(), Some(&editor.token)).await;
        assert_eq!(status, 400, "{response}");
        assert_refused(&app, before, &response, "batch");
        assert_eq!(response["errors"][0]["extensions"]["actual"], 500, "{response}");

        let small = vec![json!({ "query": "{ articles { totalCount } }" }); 2];
        let (status, response) = app.post_raw(Value::from(small).to_string(), Some(&editor.token)).await;
        assert_eq!(status, 200, "{response}");
        assert_eq!(response[1]["data"]["articles"]["totalCount"], 0, "signed-in callers may batch: {response}");
    }
}

on_both_backends! {
    async fn anonymous_batches_are_refused_by_default(app: TestApp) {
        let batch = json!([{ "query": "{ articles { totalCount } }" }, { "query": "{ tags { totalCount } }" }]);
        let before = app.statement_count();
        let (status, response) = app.post_raw(batch.to_string(), None).await;
        assert_eq!(status, 400, "{response}");
        assert_refused(&app, before, &response, "anonymousBatch");
    }
}

on_both_backends! {
    async fn front_end_pages_stay_well_inside_the_limits(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let setup = app.graphql_as(token, "mutation { createSource(input: { name: \"The Quint\", country: \"India\", url: \"https://www.thequint.com\" }) { id } createAuthor(input: { name: \"Taha Siddiqui\", bio: \"Journalist.\" }) { id } }", json!({})).await;
        let (source, author) = (&setup["data"]["createSource"]["id"], &setup["data"]["createAuthor"]["id"]);
        let mut previous: Option<Value> = None;
        for n in 0..3 {
            let created = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": {
                "title": format!("Kashmir needs solidarity, part {n}"), "body": "Today, on *30 August*…",
                "sourceId": source, "authorIds": [author], "tags": ["Kashmir", "Pakistan"],
                "relatedIds": previous.iter().collect::<Vec<_>>(),
            }})).await;
            let id = created["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
            previous = Some(id);
        }

        let home = app.graphql(HOME_PAGE, json!({ "n": 20 })).await;
        assert!(home.get("errors").is_none(), "{home}");
        assert_eq!(home["data"]["articles"]["totalCount"], 3, "{home}");
        // Three times the home page is still allowed: the default page is far from the limit.
        let long_listing = app.graphql(HOME_PAGE, json!({ "n": 60 })).await;
        assert!(long_listing.get("errors").is_none(), "{long_listing}");

        let article = app.graphql(ARTICLE_PAGE, json!({ "slug": "kashmir-needs-solidarity-part-2" })).await;
        assert!(article.get("errors").is_none(), "{article}");
        assert_eq!(article["data"]["article"]["related"][0]["slug"], "kashmir-needs-solidarity-part-1", "{article}");
    }
}

/// What a schema browser such as GraphiQL asks for: every type with its fields, arguments and
/// input fields, each type reference unwrapped through its list and non-null layers.
const FULL_INTROSPECTION: &str = "query Schema { __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...Type }
    directives { name description locations args { ...Input } } } }
  fragment Type on __Type { kind name description
    fields(includeDeprecated: true) { name description args { ...Input } type { ...Ref } isDeprecated deprecationReason }
    inputFields { ...Input } interfaces { ...Ref }
    enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
    possibleTypes { ...Ref } }
  fragment Input on __InputValue { name description type { ...Ref } defaultValue }
  fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }";

on_both_backends! {
    async fn deep_selections_are_refused_but_schema_browsers_are_not(app: TestApp) {
        let before = app.statement_count();
        let nested = format!("{{ articles {{ nodes {}{} }} }}", "{ related ".repeat(12), "{ id }".to_owned() + &" }".repeat(12));
        let response = app.graphql(&nested, json!({})).await;
        assert_refused(&app, before, &response, "depth");

        let schema = app.graphql(FULL_INTROSPECTION, json!({})).await;
        assert!(schema.get("errors").is_none(), "{schema}");
        assert!(schema["data"]["__schema"]["types"].as_array().is_some_and(|t| t.len() > 20), "{schema}");
    }
}

on_both_backends! {
    async fn limits_follow_the_configuration(app: TestApp) {
        let limits = QueryLimits { max_cost: 500, anonymous_batch: true, ..QueryLimits::default() };
        let app = spawn_app_with(app.backend, move |config| config.query_limits = limits).await;
        let batch = json!([{ "query": "{ articles { totalCount } }" }, { "query": "{ tags { totalCount } }" }]);
        let (status, response) = app.post_raw(batch.to_string(), None).await;
        assert_eq!(status, 200, "{response}");
        assert_eq!(response[1]["data"]["tags"]["totalCount"], 0, "anonymous batches when allowed: {response}");

        let before = app.statement_count();
        let home = app.graphql(HOME_PAGE, json!({ "n": 20 })).await;
        assert_refused(&app, before, &home, "cost");
        assert_eq!(home["errors"][0]["extensions"]["maximum"], 500, "{home}");
    }
}
