//! `QUIRE_SEARCH_LANGUAGE` as `quire import` and `quire serve` take it: an unknown language is
//! refused before anything starts, an import indexes in the language given, and a server
//! started with another language rebuilds the index before it answers.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

mod common;

use std::process::{Command, Stdio};

use common::printed_url;
use quire_harness::{Backend, TestDatabase};
use serde_json::{Value, json};

/// `quire COMMAND ARGS…` on the SQLite file of `database`, searching in `language`.
fn quire(database: &TestDatabase, language: &str, args: &[&str]) -> Command {
    let TestDatabase::Sqlite(path) = database else {
        unreachable!("these tests use SQLite")
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command
        .args(args)
        .env("QUIRE_DATABASE_URL", path)
        .env("QUIRE_SEARCH_LANGUAGE", language)
        .env("QUIRE_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[test]
fn an_unknown_language_is_refused_with_the_known_ones() {
    let database = TestDatabase::create(Backend::Sqlite);
    for command in [
        &["serve", "--bind", "127.0.0.1:0"][..],
        &["import", "."][..],
    ] {
        let output = quire(&database, "klingon", command).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{command:?} accepted klingon");
        assert!(
            stderr.contains("`klingon` is not a search language"),
            "{stderr}"
        );
        assert!(stderr.contains("fr (french)"), "{stderr}");
    }
}

/// Titles an anonymous reader finds for `q` on the server of `database`, started in `language`.
async fn search_served(database: &TestDatabase, language: &str, q: &str) -> Vec<String> {
    let mut server = quire(database, language, &["serve", "--bind", "127.0.0.1:0"])
        .spawn()
        .expect("quire serve runs");
    let graphql = printed_url(&mut server);
    let query = "query($q: String!) { articles(filter: { search: $q }) { nodes { title } } }";
    let answer: Value = reqwest::Client::new()
        .post(&graphql)
        .json(&json!({ "query": query, "variables": { "q": q } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    answer["data"]["articles"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .iter()
        .map(|node| node["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn imports_index_in_the_language_given_and_servers_rebuild_for_theirs() {
    let database = TestDatabase::create(Backend::Sqlite);
    let dir = std::env::temp_dir().join(format!("quire-search-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("crise.md");
    std::fs::write(
        &file,
        "---\ntitle: Crise\nstatus: published\n---\n\nLes perspectives économiques s'assombrissent.\n",
    )
    .unwrap();
    let imported = quire(&database, "fr", &["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );

    // French stems `économiques` and `economie` alike; English does not.
    assert_eq!(search_served(&database, "fr", "economie").await, ["Crise"]);
    assert!(search_served(&database, "en", "economie").await.is_empty());
    assert_eq!(
        search_served(&database, "french", "economie").await,
        ["Crise"]
    );
    std::fs::remove_dir_all(dir).unwrap();
}
