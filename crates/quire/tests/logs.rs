//! The log of a running `quire serve`, as an operator collects it through a pipe: plain text
//! or JSON lines, and never a password, a token or the signing secret, even at `debug`.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

mod common;

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;

use common::printed_url;
use quire_harness::{Backend, TestDatabase};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";
const JWT_SECRET: &str = "a signing secret that must never be logged 4f1c";

fn create_editor(url: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args([
            "user",
            "create",
            "--email",
            "ed@example.com",
            "--name",
            "Ed",
        ])
        .args(["--role", "editor", "--password-stdin", "--database", url])
        .env("QUIRE_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(child.wait().unwrap().success());
}

/// A `quire serve` at `debug` whose log is piped and collected.
struct Server {
    child: Child,
    graphql: String,
    log: JoinHandle<String>,
}

impl Server {
    fn start(url: &str, format: &str) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
            .args(["serve", "--bind", "127.0.0.1:0", "--database", url])
            .args(["--log-format", format])
            .env("QUIRE_LOG", "debug")
            .env("QUIRE_JWT_SECRET", JWT_SECRET)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("quire serve runs");
        let graphql = printed_url(&mut child);
        let mut stderr = child.stderr.take().unwrap();
        let log = std::thread::spawn(move || {
            let mut log = String::new();
            stderr.read_to_string(&mut log).unwrap();
            log
        });
        Self {
            child,
            graphql,
            log,
        }
    }

    /// Stops the server with SIGTERM and returns everything it logged.
    fn stop(mut self) -> String {
        let stopped = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(stopped.success());
        assert!(self.child.wait().unwrap().success());
        self.log.join().unwrap()
    }
}

async fn post(url: &str, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(url)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().json().await.unwrap()
}

/// Everything a client does that carries a secret: signs in (also with the password in a GET
/// URL), refreshes, uses a bearer token, and puts tokens in URLs of failing requests. Returns
/// the tokens it saw.
async fn handle_secrets(graphql: &str) -> Vec<String> {
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }";
    let signed_in = post(
        graphql,
        None,
        login,
        json!({ "e": "ed@example.com", "p": PASSWORD }),
    )
    .await;
    let access = signed_in["data"]["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh = signed_in["data"]["login"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh_query =
        "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }";
    let refreshed = post(graphql, None, refresh_query, json!({ "t": refresh })).await;
    let access2 = refreshed["data"]["refreshToken"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh2 = refreshed["data"]["refreshToken"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let me = post(graphql, Some(&access2), "{ me { email } }", json!({})).await;
    assert_eq!(me["data"]["me"]["email"], "ed@example.com", "{me}");
    let wrong = post(
        graphql,
        None,
        login,
        json!({ "e": "ed@example.com", "p": format!("{PASSWORD}!") }),
    )
    .await;
    assert!(wrong["errors"].is_array(), "{wrong}");

    let client = reqwest::Client::new();
    let in_url = format!(
        "mutation {{ login(email: \"ed@example.com\", password: \"{PASSWORD}\") {{ accessToken }} }}"
    );
    let get = client
        .get(graphql)
        .query(&[("query", in_url.as_str())])
        .send()
        .await
        .unwrap();
    assert!(get.status().is_client_error(), "{}", get.status());
    let get = client
        .get(graphql)
        .query(&[
            ("query", "{ me { email } }"),
            ("access_token", &access2),
            ("refresh", &refresh2),
        ])
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert!(get.status().is_success(), "{}", get.status());
    // Errors raised by the HTTP layer itself are logged with the request's span.
    let too_large = client
        .post(format!(
            "{graphql}?password={}&token={access2}",
            PASSWORD.replace(' ', "+")
        ))
        .header("content-type", "application/json")
        .body(vec![b' '; 5 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(too_large.status().as_u16(), 413);
    vec![access, refresh, access2, refresh2]
}

fn assert_no_secrets(log: &str, tokens: &[String]) {
    assert!(!log.is_empty(), "the server logged nothing at debug");
    let secrets = [
        PASSWORD,
        &PASSWORD.replace(' ', "+"),
        &PASSWORD.replace(' ', "%20"),
        JWT_SECRET,
    ];
    for secret in secrets
        .iter()
        .copied()
        .chain(tokens.iter().map(String::as_str))
    {
        assert!(!secret.is_empty());
        assert!(
            !log.contains(secret),
            "the log holds the secret {secret:?}:\n{log}"
        );
    }
}

async fn logs_are_plain_and_hold_no_secrets(backend: Backend) {
    let db = TestDatabase::create(backend);
    let url = db.command_line_url();
    create_editor(&url);

    let server = Server::start(&url, "text");
    let tokens = handle_secrets(&server.graphql).await;
    let text = server.stop();
    assert!(
        !text.contains("\x1b["),
        "colour codes in a piped log:\n{text}"
    );
    assert_no_secrets(&text, &tokens);

    let server = Server::start(&url, "json");
    let tokens = handle_secrets(&server.graphql).await;
    let json = server.stop();
    for line in json.lines() {
        let parsed: Result<Value, _> = serde_json::from_str(line);
        assert!(
            parsed.is_ok_and(|v| v.is_object()),
            "not a JSON object: {line}"
        );
    }
    assert!(json.contains("\"level\":\"INFO\""), "{json}");
    assert_no_secrets(&json, &tokens);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    logs_are_plain_and_hold_no_secrets(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    logs_are_plain_and_hold_no_secrets(Backend::Postgres).await;
}
