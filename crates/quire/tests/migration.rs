//! The documented way between backends, run as an operator would: `quire export` from SQLite,
//! `quire import` into an empty PostgreSQL database, and back, each export the same bytes.

#![expect(
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::process::{Command, Output};

use quire_harness::{Backend, TestDatabase};

fn quire(args: &[&str], database: &TestDatabase) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .arg("--database")
        .arg(database.url().target())
        .env("QUIRE_LOG", "warn")
        .output()
        .expect("quire runs")
}

fn succeeded(output: Output) -> Output {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The whole database as a bundle, secrets included so accounts move too.
fn export(database: &TestDatabase) -> Vec<u8> {
    succeeded(quire(&["export", "--include-secrets"], database)).stdout
}

#[test]
fn sqlite_to_postgres_and_back_gives_the_same_bundle() {
    let first = TestDatabase::create_empty(Backend::Sqlite);
    succeeded(quire(&["seed", "--demo"], &first));
    let bundle = export(&first);
    assert!(bundle.len() > 10_000, "the demo newsroom is in the bundle");

    let dir =
        std::env::temp_dir().join(format!("quire-migration-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let file = dir.join("newsroom.jsonl");
    std::fs::write(&file, &bundle).expect("the bundle is written");
    let file = file.to_str().expect("a UTF-8 path");

    let postgres = TestDatabase::create_empty(Backend::Postgres);
    let imported = succeeded(quire(&["import", file], &postgres));
    assert!(
        String::from_utf8_lossy(&imported.stdout).contains("articles 33 created"),
        "{}",
        String::from_utf8_lossy(&imported.stdout)
    );
    assert!(
        export(&postgres) == bundle,
        "PostgreSQL gives back the SQLite bundle"
    );

    let again = succeeded(quire(&["import", file], &postgres));
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("articles 0 created, 0 updated, 33 unchanged"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );

    let back = TestDatabase::create_empty(Backend::Sqlite);
    succeeded(quire(&["import", file], &back));
    assert!(export(&back) == bundle, "and SQLite gives it back again");
    std::fs::remove_dir_all(dir).expect("the scratch directory goes");
}
