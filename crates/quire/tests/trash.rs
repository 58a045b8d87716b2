//! `quire trash purge` run as a daily job would: only what went to the trash before the cutoff
//! goes, `--dry-run` changes nothing, and each purged article leaves an audit entry.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::process::{Command, Output};

use chrono::Duration;
use quire_domain::{ArticleId, Role};
use quire_harness::{Backend, TestApp, spawn_app};
use quire_persistence::store::articles;
use serde_json::{Value, json};

fn purge(app: &TestApp, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args([
            "trash",
            "purge",
            "--database",
            &app.database().command_line_url(),
        ])
        .args(args)
        .env("QUIRE_LOG", "warn")
        .output()
        .expect("quire runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn trash_slugs(app: &TestApp, token: &str) -> Vec<String> {
    let r = app
        .graphql_as(
            Some(token),
            "{ trashedArticles { nodes { slug } } }",
            json!({}),
        )
        .await;
    r["data"]["trashedArticles"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn purges_what_was_deleted_before_the_cutoff(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let token = editor.token.as_str();
    let mut ids = Vec::new();
    for title in ["Old story", "Recent story"] {
        let r = app
            .graphql_as(
                Some(token),
                "mutation($t: String!) { createArticle(input: { title: $t, body: \"b\" }) { id } }",
                json!({ "t": title }),
            )
            .await;
        ids.push(
            r["data"]["createArticle"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let old = ArticleId(ids[0].parse().unwrap());
    let forty_days_ago = quire_domain::time::now() - Duration::days(40);
    app.store()
        .write(move |conn| articles::trash(conn, old, |_| Ok(()), forty_days_ago))
        .await
        .unwrap();
    app.graphql_as(
        Some(token),
        "mutation($id: ID!) { deleteArticle(id: $id) }",
        json!({ "id": ids[1] }),
    )
    .await;

    let rehearsal = purge(&app, &["--older-than", "30d", "--dry-run"]);
    assert!(rehearsal.status.success(), "{}", text(&rehearsal.stderr));
    assert!(
        text(&rehearsal.stdout).contains("would purge old-story"),
        "{}",
        text(&rehearsal.stdout)
    );
    assert_eq!(
        trash_slugs(&app, token).await,
        ["recent-story", "old-story"]
    );

    let purged = purge(&app, &["--older-than", "30d", "--json"]);
    assert!(purged.status.success(), "{}", text(&purged.stderr));
    let report: Value = serde_json::from_slice(&purged.stdout).unwrap();
    assert_eq!(report["purged"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["purged"][0]["slug"], "old-story");
    assert_eq!(report["dryRun"], false);
    assert_eq!(trash_slugs(&app, token).await, ["recent-story"]);

    let log = app
        .graphql_as(
            Some(token),
            "query($id: ID!) { auditLog(filter: { recordType: ARTICLE, recordId: $id }) {
                nodes { action actor { id } versionAfter } } }",
            json!({ "id": ids[0] }),
        )
        .await;
    let entry = &log["data"]["auditLog"]["nodes"][0];
    assert_eq!(entry["action"], "trash purge", "{log}");
    assert_eq!(entry["actor"], Value::Null, "{log}");
    assert_eq!(entry["versionAfter"], Value::Null, "{log}");

    let again = purge(&app, &["--older-than", "30d"]);
    assert!(again.status.success());
    assert!(
        text(&again.stderr).contains("Purged 0 article(s)"),
        "{}",
        text(&again.stderr)
    );
    let refused = purge(&app, &["--older-than", "soon"]);
    assert_eq!(refused.status.code(), Some(2), "a bad age is a usage error");
    assert!(
        text(&refused.stderr).contains("--older-than"),
        "{}",
        text(&refused.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    purges_what_was_deleted_before_the_cutoff(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    purges_what_was_deleted_before_the_cutoff(Backend::Postgres).await;
}
