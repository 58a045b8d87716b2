//! `quire queries add|list` run as an operator would, on SQLite and PostgreSQL.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

use quire_api::http::graphql::persisted::hash_of;
use quire_harness::{Backend, TestDatabase};

fn quire(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .env("QUIRE_DATABASE_URL", database)
        .env("QUIRE_LOG", "warn")
        .output()
        .expect("quire runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory of its own for one test's files.
fn scratch(backend: Backend) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "quire-queries-{backend:?}-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const LATEST: &str = "query Latest {\n  articles(first: 10) { nodes { title slug } }\n}\n";
const TAGS: &str = "query Tags { tags { nodes { name } } }";

fn registers_files_all_or_none(backend: Backend) {
    let db = TestDatabase::create(backend);
    let url = db.url().target().to_owned();
    let dir = scratch(backend);
    let latest = dir.join("latest.graphql");
    let tags = dir.join("tags.graphql");
    let broken = dir.join("broken.graphql");
    std::fs::write(&latest, LATEST).unwrap();
    std::fs::write(&tags, TAGS).unwrap();
    std::fs::write(&broken, "query { articles {").unwrap();
    let path = |p: &PathBuf| p.to_str().unwrap().to_owned();

    let refused = quire(&url, &["queries", "add", &path(&latest), &path(&broken)]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("broken.graphql cannot be registered"),
        "{}",
        text(&refused.stderr)
    );
    let listed = quire(&url, &["queries", "list"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert_eq!(text(&listed.stdout), "", "nothing was registered");

    let added = quire(&url, &["queries", "add", &path(&latest), &path(&tags)]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    let printed = text(&added.stdout);
    assert!(
        printed.contains(&format!(
            "{}  {} (registered)",
            hash_of(LATEST),
            path(&latest)
        )),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("{}  {} (registered)", hash_of(TAGS), path(&tags))),
        "{printed}"
    );
    let again = quire(&url, &["queries", "add", &path(&tags)]);
    assert!(
        text(&again.stdout).contains("(already registered)"),
        "{}",
        text(&again.stdout)
    );

    let listed = text(&quire(&url, &["queries", "list"]).stdout);
    assert!(
        listed.contains(&format!("{}  query Latest {{", hash_of(LATEST))),
        "{listed}"
    );
    assert!(
        listed.contains(&format!("{}  query Tags", hash_of(TAGS))),
        "{listed}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn registers_files_all_or_none_on_sqlite() {
    registers_files_all_or_none(Backend::Sqlite);
}

#[test]
fn registers_files_all_or_none_on_postgres() {
    registers_files_all_or_none(Backend::Postgres);
}
