//! A database that goes away and comes back: terminated connections, a server that stops
//! answering, a file locked by another process. Requests meanwhile get a retryable
//! `UNAVAILABLE`, never `INTERNAL` (nor 401 for an API token that cannot be looked up), and
//! Quire recovers by itself within two seconds.

use std::time::{Duration, Instant};

use quire_domain::Role;
use quire_harness::{Backend, TcpProxy, TestApp, error_code, spawn_app, spawn_app_with};
use serde_json::{Value, json};

/// A query that always reaches the database: signed-in requests are never cached.
const READ: &str = "{ articles(first: 5) { totalCount } }";

/// Polls until a signed-in read and `/readyz` both succeed, failing the test after `within`.
/// Every failed answer on the way must be `UNAVAILABLE`.
async fn recovers(app: &TestApp, token: &str, within: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let read = app.graphql_as(Some(token), READ, json!({})).await;
        let ready = app.get("/readyz").await.0;
        if read["data"]["articles"]["totalCount"].is_number() && ready == 200 {
            return start.elapsed();
        }
        if read["errors"].is_array() {
            assert_eq!(error_code(&read), Some("UNAVAILABLE"), "{read}");
        }
        assert!(
            start.elapsed() < within,
            "not recovered after {within:?}: {read}, readyz {ready}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn create(app: &TestApp, token: &str, title: &str) -> Value {
    app.graphql_as(
        Some(token),
        "mutation($t: String!) { createArticle(input: { title: $t, body: \"Body.\" }) { id } }",
        json!({ "t": title }),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn terminated_postgres_connections_are_replaced_without_a_restart() {
    let app = spawn_app(Backend::Postgres).await;
    let editor = app.user(Role::Editor).await;
    create(&app, &editor.token, "Before").await;
    assert_eq!(app.get("/readyz").await.0, 200);

    let ended = app.database().terminate_connections();
    assert!(ended > 0, "the server held no connection to end");
    let took = recovers(&app, &editor.token, Duration::from_secs(2)).await;
    eprintln!("recovered {took:?} after terminating {ended} connections");

    // Once more while idle connections are fresh: none of them may be handed out dead.
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.database().terminate_connections();
    recovers(&app, &editor.token, Duration::from_secs(2)).await;
    let after = create(&app, &editor.token, "After").await;
    assert!(after["data"]["createArticle"]["id"].is_string(), "{after}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_server_that_stops_and_comes_back_needs_no_restart() {
    let proxy = TcpProxy::start("127.0.0.1:5432".parse().unwrap()).await;
    let through = proxy.address();
    let app = spawn_app_with(Backend::Postgres, move |config| {
        let mut url = reqwest::Url::parse(config.database.target()).unwrap();
        url.set_ip_host(through.ip()).unwrap();
        url.set_port(Some(through.port())).unwrap();
        config.database = quire_persistence::DatabaseUrl::parse(url.as_str()).unwrap();
        config.pool.checkout_timeout = Duration::from_millis(600);
    })
    .await;
    let editor = app.user(Role::Editor).await;
    create(&app, &editor.token, "Before").await;
    let admin = app.user(Role::Admin).await;
    let issued = app
        .graphql_as(
            Some(&admin.token),
            "mutation { createApiToken(name: \"site\", scope: READ) { secret } }",
            json!({}),
        )
        .await;
    let api_token = issued["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();

    proxy.cut();
    let started = Instant::now();
    let (status, body) = app.get("/readyz").await;
    assert_eq!(status, 503, "{body}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "readyz answered in {:?}",
        started.elapsed()
    );
    for _ in 0..3 {
        let read = app.graphql_as(Some(&editor.token), READ, json!({})).await;
        assert_eq!(error_code(&read), Some("UNAVAILABLE"), "{read}");
        let write = create(&app, &editor.token, "During").await;
        assert_eq!(error_code(&write), Some("UNAVAILABLE"), "{write}");
        let (status, body) = app
            .post_raw(json!({ "query": READ }).to_string(), Some(&api_token))
            .await;
        assert_eq!(
            (status, error_code(&body)),
            (503, Some("UNAVAILABLE")),
            "an API token that cannot be checked is not refused: {body}"
        );
    }

    proxy.restore();
    let took = recovers(&app, &editor.token, Duration::from_secs(2)).await;
    eprintln!("recovered {took:?} after the server came back");
    let titles = app
        .graphql_as(
            Some(&editor.token),
            "{ articles(first: 10) { nodes { title } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        titles["data"]["articles"]["nodes"],
        json!([{ "title": "Before" }]),
        "nothing written while down"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_file_locked_by_another_process_is_unavailable_then_recovers() {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;

    let app = spawn_app(Backend::Sqlite).await;
    let editor = app.user(Role::Editor).await;
    let quire_harness::TestDatabase::Sqlite(path) = app.database() else {
        unreachable!("a SQLite test database");
    };
    let mut other = diesel::SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    other.batch_execute("BEGIN EXCLUSIVE").unwrap();

    let blocked = create(&app, &editor.token, "Blocked").await;
    assert_eq!(error_code(&blocked), Some("UNAVAILABLE"), "{blocked}");
    assert_eq!(
        app.get("/readyz").await.0,
        200,
        "readers are not blocked by a writer"
    );

    other.batch_execute("ROLLBACK").unwrap();
    let after = create(&app, &editor.token, "After").await;
    assert!(after["data"]["createArticle"]["id"].is_string(), "{after}");
}
