//! Persisted queries as Apollo Client and urql send them over GET, persisted-only mode, and
//! introspection turned off.

use chrono::Utc;
use quire_api::http::graphql::persisted::hash_of;
use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use quire_persistence::store::persisted_queries;
use serde_json::{Value, json};

const TITLES: &str = "query Titles { articles(first: 5) { nodes { title } } }";

/// A GET of `/graphql` with `query` (when given) and the persisted-query extension for `hash`.
async fn get_persisted(
    app: &TestApp,
    query: Option<&str>,
    hash: &str,
    token: Option<&str>,
) -> (u16, String, Value) {
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } }).to_string();
    let mut params = vec![("extensions", extensions)];
    if let Some(query) = query {
        params.push(("query", query.to_owned()));
    }
    let mut request = app
        .client
        .get(format!("{}/graphql", app.address))
        .header("accept", "application/json")
        .query(&params);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let cache_control = response
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, cache_control, response.json().await.unwrap())
}

async fn register(app: &TestApp, query: &'static str) {
    let hash = hash_of(query);
    app.store()
        .write(move |conn| persisted_queries::register(conn, &hash, query, Utc::now()))
        .await
        .unwrap();
}

on_both_backends! {
    async fn a_hash_is_learnt_once_then_answered_alone(app: TestApp) {
        let hash = hash_of(TITLES);
        let (status, cache_control, unknown) = get_persisted(&app, None, &hash, None).await;
        assert_eq!(status, 200, "{unknown}");
        assert_eq!(unknown["errors"][0]["message"], "PersistedQueryNotFound");
        assert_eq!(error_code(&unknown), Some("PERSISTED_QUERY_NOT_FOUND"));
        assert_eq!(cache_control, "no-store", "a CDN must not keep the miss");
        assert!(unknown.get("data").is_none());

        let (status, _, registered) = get_persisted(&app, Some(TITLES), &hash, None).await;
        assert_eq!(status, 200);
        assert_eq!(registered["data"]["articles"]["nodes"], json!([]), "{registered}");
        let (status, cache_control, known) = get_persisted(&app, None, &hash, None).await;
        assert_eq!(status, 200);
        assert_eq!(known, registered);
        assert!(cache_control.starts_with("public"), "{cache_control}");

        let (_, _, mismatched) = get_persisted(&app, Some("{ articles { totalCount } }"), &hash, None).await;
        assert_eq!(error_code(&mismatched), Some("BAD_USER_INPUT"), "{mismatched}");
        let editor = app.user(Role::Editor).await;
        app.graphql_as(Some(&editor.token), "mutation { createArticle(input: { title: \"Under embargo\", body: \"b\" }) { id } }", json!({})).await;
        let (_, _, anonymous) = get_persisted(&app, None, &hash, None).await;
        assert_eq!(anonymous["data"]["articles"]["nodes"], json!([]), "no draft by hash: {anonymous}");
        let (_, _, staff) = get_persisted(&app, None, &hash, Some(&editor.token)).await;
        assert_eq!(staff["data"]["articles"]["nodes"][0]["title"], "Under embargo", "{staff}");

        let (_, _, malformed) = get_persisted(&app, None, "not-a-hash", None).await;
        assert_eq!(error_code(&malformed), Some("BAD_USER_INPUT"), "{malformed}");
    }
}

on_both_backends! {
    async fn a_mutation_known_by_hash_still_needs_post(app: TestApp) {
        let logout = "mutation { logout(refreshToken: \"x\") }";
        let hash = hash_of(logout);
        let (status, _, learnt) = get_persisted(&app, Some(logout), &hash, None).await;
        assert_eq!(status, 405, "{learnt}");
        let (status, _, by_hash) = get_persisted(&app, None, &hash, None).await;
        assert_eq!(status, 405, "{by_hash}");
    }
}

fn persisted_only(config: &mut quire_api::Config) {
    config.persisted_only = true;
}

on_both_backends! {
    async fn persisted_only_mode_runs_registered_operations_for_the_public(app: TestApp = persisted_only) {
        let refused = app.graphql(TITLES, json!({})).await;
        assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
        let (_, _, unknown) = get_persisted(&app, Some(TITLES), &hash_of(TITLES), None).await;
        assert_eq!(error_code(&unknown), Some("FORBIDDEN"), "learning is off: {unknown}");

        register(&app, TITLES).await;
        let (status, _, by_hash) = get_persisted(&app, None, &hash_of(TITLES), None).await;
        assert_eq!(status, 200);
        assert_eq!(by_hash["data"]["articles"]["nodes"], json!([]), "{by_hash}");
        let by_text = app.graphql(TITLES, json!({})).await;
        assert_eq!(by_text, by_hash, "the registered text itself is allowed too");

        let editor = app.user(Role::Editor).await;
        let staff = app.graphql_as(Some(&editor.token), "{ articles { totalCount } }", json!({})).await;
        assert_eq!(staff["data"]["articles"]["totalCount"], 0, "signed-in staff are not limited: {staff}");
        let login = app.graphql(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
            json!({ "e": editor.email, "p": editor.password }),
        ).await;
        assert!(login["data"]["login"]["accessToken"].is_string(), "signing in still works: {login}");
    }
}

fn no_introspection(config: &mut quire_api::Config) {
    config.introspection = false;
}

on_both_backends! {
    async fn introspection_can_be_turned_off(app: TestApp = no_introspection) {
        let refused = app.graphql("{ __schema { queryType { name } } }", json!({})).await;
        assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
        let named = app.graphql("{ __type(name: \"Article\") { name } }", json!({})).await;
        assert_eq!(error_code(&named), Some("FORBIDDEN"), "{named}");
        let typename = app.graphql("{ __typename }", json!({})).await;
        assert_eq!(typename["data"]["__typename"], "Query", "clients still get __typename");
        let served = app.graphql("{ articles { totalCount } }", json!({})).await;
        assert_eq!(served["data"]["articles"]["totalCount"], 0);
    }
}

on_both_backends! {
    async fn introspection_is_on_by_default(app: TestApp) {
        let schema = app.graphql("{ __schema { queryType { name } } }", json!({})).await;
        assert_eq!(schema["data"]["__schema"]["queryType"]["name"], "Query");
    }
}
