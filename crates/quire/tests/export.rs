//! `quire export` run as an operator would: to a file that appears only when complete, or to
//! standard output, with a one-line summary on standard error; and what it writes, slug history
//! and corrections included, comes back the same bytes after `quire import` into an empty
//! database of the other backend.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quire_domain::Role;
use quire_harness::{Backend, TestApp, TestDatabase, spawn_app};
use quire_persistence::transfer::{ExportOptions, export};
use serde_json::Value;
use serde_json::json;

fn quire_export(database: &str, args: &[&str]) -> Output {
    quire("export", database, args)
}

fn quire(command: &str, database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args([command, "--database", database])
        .args(args)
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
        "quire-export-{backend:?}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One article, renamed twice and corrected twice.
async fn newsroom(app: &TestApp) {
    let editor = app.user(Role::Editor).await;
    let run = async |query: &str, variables: Value| {
        let answer = app.graphql_as(Some(&editor.token), query, variables).await;
        assert!(answer["errors"].is_null(), "{answer}");
        answer["data"].clone()
    };
    let created = run(
        "mutation { createArticle(input: { title: \"Floods in the valley\", body: \"Water *everywhere*.\", tags: [\"Floods\"] }) { id } }",
        json!({}),
    )
    .await;
    let id = &created["createArticle"]["id"];
    run(
        "mutation($id: ID!) {
            a: updateArticle(id: $id, expectedVersion: 1, input: { slug: \"valley-floods\" }) { version }
            b: updateArticle(id: $id, expectedVersion: 2, input: { slug: \"floods\" }) { version }
            c: addCorrection(articleId: $id, text: \"The river is the Jhelum.\") { version }
            d: addCorrection(articleId: $id, text: \"Two villages, not three.\") { version } }",
        json!({ "id": id }),
    )
    .await;
}

async fn exports_to_a_file_or_to_standard_output(backend: Backend) {
    let app = spawn_app(backend).await;
    newsroom(&app).await;
    let url = app.database().command_line_url();
    let dir = scratch(backend);
    let file = dir.join("backup.jsonl");

    let written = quire_export(&url, &["--out", file.to_str().unwrap()]);
    let stderr = text(&written.stderr);
    assert!(written.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("Exported 1 articles (5 revisions), 0 related lists, 0 authors, 0 sources, 1 tags, 1 users to ")
            && stderr.contains("backup.jsonl; password hashes left out (--include-secrets keeps them)"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        files_in(&dir),
        ["backup.jsonl"],
        "no partial file is left behind"
    );
    let bundle = std::fs::read(&file).unwrap();
    assert!(text(&bundle).starts_with("{\"format\":\"quire-bundle\",\"version\":2}\n"));
    assert!(!text(&bundle).contains("passwordHash"));
    let article = text(&bundle)
        .lines()
        .find(|line| line.starts_with("{\"type\":\"article\""))
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .unwrap();
    assert_eq!(article["slug"], "floods", "{article}");
    let former: Vec<&Value> = article["previousSlugs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["slug"])
        .collect();
    assert_eq!(
        former,
        [&json!("floods-in-the-valley"), &json!("valley-floods")],
        "{article}"
    );
    let notes: Vec<&Value> = article["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["text"])
        .collect();
    assert_eq!(
        notes,
        [
            &json!("The river is the Jhelum."),
            &json!("Two villages, not three.")
        ],
        "{article}"
    );

    let piped = quire_export(&url, &[]);
    assert!(piped.status.success(), "{}", text(&piped.stderr));
    assert!(
        piped.stdout == bundle,
        "standard output gets the same bytes"
    );
    assert!(text(&piped.stderr).contains("to standard output"));

    let through_the_store = app
        .store()
        .read(|conn| {
            let mut out = Vec::new();
            export(
                conn,
                &mut out,
                ExportOptions {
                    include_secrets: true,
                },
            )?;
            Ok(out)
        })
        .await
        .unwrap();
    let secret = quire_export(&url, &["--include-secrets"]);
    assert!(secret.stdout == through_the_store);
    assert!(text(&secret.stdout).contains("\"passwordHash\":\"$argon2id$"));
    assert!(
        !text(&secret.stderr).contains("left out"),
        "{}",
        text(&secret.stderr)
    );

    let nowhere = dir.join("missing").join("backup.jsonl");
    let failed = quire_export(&url, &["--out", nowhere.to_str().unwrap()]);
    assert!(!failed.status.success());
    assert!(
        text(&failed.stderr).contains("missing/backup.jsonl.partial"),
        "{}",
        text(&failed.stderr)
    );
    assert_eq!(files_in(&dir), ["backup.jsonl"]);

    let secret_file = dir.join("full.jsonl");
    std::fs::write(&secret_file, &secret.stdout).unwrap();
    let empty = TestDatabase::create_empty(match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    });
    let elsewhere = empty.command_line_url();
    let imported = quire("import", &elsewhere, &[secret_file.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let moved = quire_export(&elsewhere, &["--include-secrets"]);
    assert!(
        moved.stdout == secret.stdout,
        "the other backend gives back other bytes:\n{}",
        text(&moved.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    exports_to_a_file_or_to_standard_output(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    exports_to_a_file_or_to_standard_output(Backend::Postgres).await;
}
