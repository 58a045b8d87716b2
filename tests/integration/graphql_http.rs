//! GraphQL over HTTP as the specification has it: media types negotiated from `Accept`, JSON
//! bodies only, 400 without `data` for requests that never ran under
//! `application/graphql-response+json`, 200 for legacy `application/json` clients, and 405 with
//! `Allow` for a mutation sent with GET. Every error still carries `extensions.code`.

use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// The status, `content-type` and JSON body of a response.
async fn read(response: reqwest::Response) -> (u16, String, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, content_type, response.json().await.unwrap())
}

/// POSTs `body` as JSON, accepting `accept`.
async fn post(app: &TestApp, accept: &str, body: Value) -> (u16, String, Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", "application/json")
        .header("accept", accept)
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    read(response).await
}

on_both_backends! {
    async fn a_post_that_is_not_json_is_refused(app: TestApp) {
        let before = app.statement_count();
        let no_type = app.client.post(format!("{}/graphql", app.address))
            .body(json!({ "query": "{ articles { totalCount } }" }).to_string())
            .send().await.unwrap();
        let (status, _, body) = read(no_type).await;
        assert_eq!(status, 415, "{body}");
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["fields"], json!(["content-type"]));

        let form = app.client.post(format!("{}/graphql", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("query=%7B%20articles%20%7B%20totalCount%20%7D%20%7D")
            .send().await.unwrap();
        assert_eq!(form.status().as_u16(), 415);
        assert_eq!(app.statement_count(), before, "nothing was executed");
    }
}

on_both_backends! {
    async fn requests_without_a_string_query_are_400(app: TestApp) {
        for accept in [GRAPHQL_RESPONSE, "application/json"] {
            let (status, _, body) = post(&app, accept, json!({ "qeury": "{ __typename }" })).await;
            assert_eq!(status, 400, "{accept}: {body}");
            assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
            assert_eq!(body["errors"][0]["extensions"]["fields"], json!(["query"]));
            let (status, _, body) = post(&app, accept, json!({ "query": "{ __typename }", "variables": "x" })).await;
            assert_eq!(status, 400, "{accept}: {body}");
            assert_eq!(body["errors"][0]["extensions"]["fields"], json!(["variables"]));
        }
    }
}

on_both_backends! {
    async fn request_errors_are_400_without_data_under_the_graphql_response_type(app: TestApp) {
        for query in ["{ articles { totalCount ", "{ articles { nope } }"] {
            let (status, content_type, body) = post(&app, GRAPHQL_RESPONSE, json!({ "query": query })).await;
            assert_eq!(status, 400, "{query}: {body}");
            assert!(content_type.starts_with(GRAPHQL_RESPONSE), "{content_type}");
            assert!(body.get("data").is_none(), "a request that never ran has no data: {body}");
            assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        }
        let coercion = json!({ "query": "query($n: Int) { articles(first: $n) { totalCount } }", "variables": { "n": "ten" } });
        let (status, _, body) = post(&app, GRAPHQL_RESPONSE, coercion).await;
        assert_eq!(status, 400, "{body}");
        assert!(body.get("data").is_none(), "{body}");

        // An operation that ran answers 200 with a data entry, even when a field failed.
        let (status, _, body) = post(&app, GRAPHQL_RESPONSE, json!({ "query": "{ article(id: \"abc\") { id } }" })).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.get("data").is_some(), "{body}");
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    }
}

on_both_backends! {
    async fn legacy_json_clients_get_200_for_request_errors(app: TestApp) {
        let (status, content_type, body) = post(&app, "application/json", json!({ "query": "{ articles { totalCount " })).await;
        assert_eq!(status, 200, "{body}");
        assert!(content_type.starts_with("application/json"), "{content_type}");
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert!(body.get("data").is_none(), "{body}");
    }
}

on_both_backends! {
    async fn the_media_type_follows_accept_and_the_cache_keeps_working(app: TestApp) {
        let query = json!({ "query": "{ articles(first: 3) { totalCount } }" });
        let first = app.client.post(format!("{}/graphql", app.address))
            .header("content-type", "application/json")
            .header("accept", "application/graphql-response+json, application/json;q=0.9")
            .body(query.to_string()).send().await.unwrap();
        assert_eq!(first.headers()["x-cache"], "miss");
        let (status, content_type, body) = read(first).await;
        assert_eq!(status, 200);
        assert!(content_type.starts_with(GRAPHQL_RESPONSE), "{content_type}");
        assert_eq!(body["data"]["articles"]["totalCount"], 0);

        for (accept, expected) in [("*/*", "application/json"), (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE)] {
            let again = app.client.post(format!("{}/graphql", app.address))
                .header("content-type", "application/json").header("accept", accept)
                .body(query.to_string()).send().await.unwrap();
            assert_eq!(again.headers()["x-cache"], "hit", "{accept}");
            let (_, content_type, cached) = read(again).await;
            assert!(content_type.starts_with(expected), "{accept}: {content_type}");
            assert_eq!(cached, body);
        }
    }
}

on_both_backends! {
    async fn a_mutation_over_get_is_405_with_allow_post(app: TestApp) {
        let before = app.statement_count();
        let response = app.client
            .get(format!("{}/graphql", app.address))
            .query(&[("query", "mutation { logout(refreshToken: \"x\") }")])
            .header("accept", GRAPHQL_RESPONSE)
            .send().await.unwrap();
        assert_eq!(response.headers().get("allow").and_then(|v| v.to_str().ok()), Some("POST"));
        let (status, _, body) = read(response).await;
        assert_eq!(status, 405, "{body}");
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(app.statement_count(), before, "nothing was executed");

        let read_by_get = app.client
            .get(format!("{}/graphql", app.address))
            .query(&[("query", "query($n: Int) { articles(first: $n) { totalCount } }"), ("variables", "{\"n\": 2}")])
            .send().await.unwrap();
        let (status, _, body) = read(read_by_get).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["data"]["articles"]["totalCount"], 0, "{body}");
    }
}
