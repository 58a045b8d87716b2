//! A running server and typed helpers to talk to it.

use quire_api::Config;
use quire_api::auth::password::{self, PasswordCost};
use quire_api::testing::TestServer;
use quire_domain::{NewUser, Role};
use quire_persistence::Store;
use quire_persistence::store::users;
use serde_json::{Value, json};

use crate::database::{Backend, TestDatabase};

/// A server on a random loopback port with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// Which engine it runs on.
    pub backend: Backend,
    /// HTTP client.
    pub client: reqwest::Client,
    store: Store,
    /// Dropped before `database`, so the server stops before its database goes.
    _server: TestServer,
    database: TestDatabase,
}

/// A signed-up user with a valid access token.
#[derive(Debug, Clone)]
pub struct User {
    /// GraphQL id.
    pub id: String,
    /// Sign-in address.
    pub email: String,
    /// Password.
    pub password: String,
    /// Access token from `login`.
    pub token: String,
    /// Refresh token from `login`.
    pub refresh_token: String,
}

/// Starts a server on `backend` with a fresh database.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Starts a server on `backend` with a fresh database and the test configuration as changed by
/// `configure`, for tests of settings such as limits and timeouts.
pub async fn spawn_app_with(
    backend: Backend,
    configure: impl FnOnce(&mut Config) + Send + 'static,
) -> TestApp {
    init_logging();
    let database = tokio::task::spawn_blocking(move || TestDatabase::create(backend))
        .await
        .expect("database set-up panicked");
    let server = TestServer::builder()
        .database(database.url())
        .configure(|config| {
            config.jwt_secret = Some(
                "a test secret that is long enough for HS256"
                    .to_owned()
                    .into(),
            );
        })
        .configure(configure)
        .without_accounts()
        .start()
        .await
        .expect("the server failed to start");
    TestApp {
        address: server.url().to_owned(),
        backend,
        client: reqwest::Client::new(),
        store: server.store().clone(),
        _server: server,
        database,
    }
}

impl TestApp {
    /// The database this server was started on.
    pub fn database(&self) -> &TestDatabase {
        &self.database
    }

    /// The server's own store, for tests that work below the API (exporting and importing
    /// bundles) on the same database the server serves.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// SQL statements the server has run so far.
    pub fn statement_count(&self) -> u64 {
        self.store.statement_count()
    }

    /// POSTs raw bytes to `/graphql`, returning the status and the JSON body.
    pub async fn post_raw(
        &self,
        body: impl Into<reqwest::Body>,
        token: Option<&str>,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.address))
            .header("content-type", "application/json")
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request failed");
        let status = response.status().as_u16();
        (status, response.json().await.expect("response is not JSON"))
    }

    /// Runs a GraphQL operation and returns the response's `x-cache` header with its body.
    pub async fn graphql_cached(&self, token: Option<&str>, query: &str) -> (String, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request failed");
        let cache = response
            .headers()
            .get("x-cache")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (cache, response.json().await.expect("response is not JSON"))
    }

    /// Runs a GraphQL operation anonymously.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.graphql_as(None, query, variables).await
    }

    /// Runs a GraphQL operation with an optional access token.
    pub async fn graphql_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let body = json!({ "query": query, "variables": variables }).to_string();
        self.post_raw(body, token).await.1
    }

    /// GETs a path, returning the status and body text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request failed");
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// Creates an account directly in the store (as `quire user create` does) and logs it in
    /// through the API.
    pub async fn user(&self, role: Role) -> User {
        let email = format!(
            "{}-{}@example.com",
            role.as_str().to_lowercase(),
            uuid::Uuid::new_v4().simple()
        );
        let password = "a long enough password".to_owned();
        let hash = password::hash(password.clone(), PasswordCost::Minimal)
            .await
            .expect("hash");
        let new = NewUser {
            email: email.clone(),
            name: format!("Test {role}"),
            role,
        };
        let now = quire_domain::time::now();
        self.store
            .write(move |conn| users::create(conn, new, &hash, now))
            .await
            .expect("create user");
        self.login(&email, &password).await
    }

    /// Logs in through the API.
    pub async fn login(&self, email: &str, password: &str) -> User {
        let response = self
            .graphql(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id } } }",
                json!({ "e": email, "p": password }),
            )
            .await;
        let login = &response["data"]["login"];
        assert!(login.is_object(), "login failed: {response}");
        User {
            id: login["user"]["id"].as_str().unwrap_or_default().to_owned(),
            email: email.to_owned(),
            password: password.to_owned(),
            token: login["accessToken"].as_str().unwrap_or_default().to_owned(),
            refresh_token: login["refreshToken"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

/// The `extensions.code` of the first error of a response, if any.
pub fn error_code(response: &Value) -> Option<&str> {
    response["errors"][0]["extensions"]["code"].as_str()
}

/// Server logs are quiet in tests unless `TEST_LOG` is set (to a filter such as `debug`).
fn init_logging() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(filter) = std::env::var("TEST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_test_writer()
                .try_init();
        }
    });
}

/// The titles of `data.articles.nodes` in a response, in order; empty when there are none.
pub fn article_titles(response: &Value) -> Vec<String> {
    response["data"]["articles"]["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}
