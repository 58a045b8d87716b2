//! The `quire` command itself, run as a user would, against SQLite and PostgreSQL URLs.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

mod common;

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

use common::printed_url;
use quire_harness::{Backend, TestDatabase};
use serde_json::{Value, json};

fn quire(database: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .env("QUIRE_DATABASE_URL", database)
        .env("QUIRE_LOG", "warn")
        .env_remove("QUIRE_JWT_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quire runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Starts `quire serve` on port 0 and returns the process and the URL it printed.
fn serve(database: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(["serve", "--bind", "127.0.0.1:0", "--database", database])
        .env("QUIRE_LOG", "warn")
        .env_remove("QUIRE_JWT_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("quire serve runs");
    let url = printed_url(&mut child);
    (child, url)
}

async fn post(url: &str, query: &str, variables: Value) -> Value {
    reqwest::Client::new()
        .post(url)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn migrate_create_user_serve_and_stop(backend: Backend) {
    let db = TestDatabase::create(backend);
    let url = match &db {
        TestDatabase::Sqlite(path) => format!("sqlite://{}", path.display()),
        TestDatabase::Postgres { .. } => db.url().target().to_owned(),
    };

    let migrated = quire(&url, &["migrate", "--database", &url], "");
    assert!(
        migrated.status.success(),
        "{}: {}",
        migrated.status,
        text(&migrated.stderr)
    );
    let again = quire(&url, &["migrate"], "");
    assert!(
        text(&again.stdout).contains("up to date"),
        "{}",
        text(&again.stdout)
    );

    let create = [
        "user",
        "create",
        "--email",
        "Ed@Example.com",
        "--name",
        "Ed",
        "--role",
        "editor",
        "--password-stdin",
    ];
    let created = quire(&url, &create, "correct horse battery\n");
    assert!(
        created.status.success(),
        "{}: {}",
        created.status,
        text(&created.stderr)
    );
    assert!(
        text(&created.stdout).contains("Created EDITOR Ed <ed@example.com>"),
        "{}",
        text(&created.stdout)
    );
    let duplicate = quire(&url, &create, "correct horse battery\n");
    assert!(!duplicate.status.success());
    assert!(
        text(&duplicate.stderr).contains("already exists"),
        "{}",
        text(&duplicate.stderr)
    );
    let weak = quire(
        &url,
        &[
            "user",
            "create",
            "--email",
            "a@b.co",
            "--name",
            "A",
            "--role",
            "author",
            "--password-stdin",
        ],
        "short\n",
    );
    assert!(!weak.status.success());
    assert!(
        text(&weak.stderr).contains("password"),
        "{}",
        text(&weak.stderr)
    );

    let (mut server, graphql) = serve(&url);
    let ready = reqwest::get(graphql.replace("/graphql", "/readyz"))
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 200);
    let login = post(&graphql, "mutation { login(email: \"ed@example.com\", password: \"correct horse battery\") { user { role } } }", json!({})).await;
    assert_eq!(login["data"]["login"]["user"]["role"], "EDITOR", "{login}");

    let stopped = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let status = server.wait().unwrap();
    assert!(
        status.success(),
        "SIGTERM stops the server cleanly: {status}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    migrate_create_user_serve_and_stop(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    migrate_create_user_serve_and_stop(Backend::Postgres).await;
}

/// Three replicas started at the same moment on a database nobody has migrated yet.
async fn replicas_started_together_all_become_ready(backend: Backend) {
    let db = TestDatabase::create_empty(backend);
    let url = match &db {
        TestDatabase::Sqlite(path) => format!("sqlite://{}", path.display()),
        TestDatabase::Postgres { .. } => db.url().target().to_owned(),
    };
    let mut replicas: Vec<Child> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_quire"))
                .args(["serve", "--bind", "127.0.0.1:0", "--database", &url])
                .env("QUIRE_LOG", "warn")
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("quire serve runs")
        })
        .collect();
    for replica in &mut replicas {
        let graphql = printed_url(replica);
        let ready = reqwest::get(graphql.replace("/graphql", "/readyz"))
            .await
            .unwrap();
        assert_eq!(ready.status().as_u16(), 200);
    }
    for mut replica in replicas {
        replica.kill().unwrap();
        replica.wait().unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_start_together_on_sqlite() {
    replicas_started_together_all_become_ready(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_start_together_on_postgres() {
    replicas_started_together_all_become_ready(Backend::Postgres).await;
}

/// A configuration mistake is said at once, in one line that names what Quire takes.
#[test]
fn a_database_scheme_quire_cannot_use_is_refused_at_once() {
    let started = std::time::Instant::now();
    let output = quire("mysql://root@localhost/quire", &["migrate"], "");
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        stderr.contains("mysql://")
            && stderr.contains("postgres://")
            && stderr.contains("sqlite://"),
        "{stderr}"
    );
    assert!(!stderr.contains("r2d2"), "{stderr}");
}

#[test]
fn an_unreachable_postgres_is_waited_for_then_named_plainly() {
    let output = quire(
        "postgres://quire:a-secret-password@127.0.0.1:1/newsroom",
        &["serve", "--bind", "127.0.0.1:0", "--database-wait", "2"],
        "",
    );
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    let attempts = stderr
        .lines()
        .filter(|l| l.contains("cannot reach PostgreSQL at 127.0.0.1:1/newsroom"))
        .count();
    assert!(
        (2..=4).contains(&attempts),
        "one line per attempt: {stderr}"
    );
    assert!(
        stderr.contains("check that the server is running"),
        "{stderr}"
    );
    assert!(!stderr.contains("a-secret-password"), "{stderr}");
    assert!(!stderr.contains("r2d2"), "{stderr}");
}

#[test]
fn a_sqlite_file_in_a_missing_directory_is_named_plainly() {
    let output = quire("/no/such/directory/quire.db", &["migrate"], "");
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("/no/such/directory/quire.db") && stderr.contains("directory exists"),
        "{stderr}"
    );
}

/// `quire openapi` prints the document checked in beside the code, byte for byte.
#[test]
fn openapi_prints_the_checked_in_document() {
    let output = quire("unused.db", &["openapi"], "");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi.json");
    assert_eq!(text(&output.stdout), std::fs::read_to_string(path).unwrap());
}
