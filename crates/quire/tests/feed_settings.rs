//! The feed and sitemap settings as `quire serve` takes them from the environment: a mistake is
//! refused before anything starts, and good values reach the feeds.

mod common;

use std::process::{Command, Stdio};

use common::printed_url;
use quire_harness::{Backend, TestDatabase};
use serde_json::Value;

/// `quire serve` on a fresh SQLite file with `env` set.
fn serve(database: &TestDatabase, env: &[(&str, &str)]) -> Command {
    let TestDatabase::Sqlite(path) = database else {
        unreachable!("these tests use SQLite")
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("QUIRE_DATABASE_URL", path)
        .env("QUIRE_LOG", "warn")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[test]
fn bad_feed_settings_are_refused_at_start() {
    let database = TestDatabase::create(Backend::Sqlite);
    for (name, value, said) in [
        (
            "QUIRE_PUBLIC_URL",
            "news.example.com",
            "not an absolute URL",
        ),
        (
            "QUIRE_PUBLIC_URL",
            "ftp://news.example.com",
            "http:// or https://",
        ),
        ("QUIRE_PUBLICATION_LANGUAGE", "English", "ISO 639"),
        ("QUIRE_SITEMAP_URLS_PER_FILE", "50001", "50000"),
        ("QUIRE_SITEMAP_URLS_PER_FILE", "0", "1..=50000"),
    ] {
        let output = serve(&database, &[(name, value)]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}={value} was accepted");
        assert!(stderr.contains(said), "{name}={value}: {stderr}");
    }
}

#[tokio::test]
async fn the_public_url_and_publication_reach_the_feeds() {
    let database = TestDatabase::create(Backend::Sqlite);
    let settings = [
        ("QUIRE_PUBLIC_URL", "https://news.example.com/"),
        ("QUIRE_PUBLICATION_NAME", "Le Quotidien"),
        ("QUIRE_PUBLICATION_LANGUAGE", "fr"),
    ];
    let mut server = serve(&database, &settings)
        .spawn()
        .expect("quire serve runs");
    let graphql = printed_url(&mut server);
    let base = graphql.trim_end_matches("/graphql");
    let feed: Value = reqwest::get(format!("{base}/feeds/articles.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(
        feed["feed_url"],
        "https://news.example.com/feeds/articles.json"
    );
    assert_eq!(feed["home_page_url"], "https://news.example.com/");
    assert_eq!(feed["title"], "Le Quotidien");
    assert_eq!(feed["language"], "fr");
}
