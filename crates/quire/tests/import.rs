//! `quire import` run as an editor would, into the database of a running server, then checked
//! through the server's GraphQL API, on SQLite and PostgreSQL.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quire_domain::Role;
use quire_harness::{Backend, SyndicatedArticle, TestApp, spawn_app};
use serde_json::{Value, json};

/// Runs `quire import PATHS…` against the app's database.
fn import(app: &TestApp, paths: &[&Path]) -> Output {
    import_with(app, &[], paths)
}

/// Runs `quire import FLAGS… PATHS…` against the app's database.
fn import_with(app: &TestApp, flags: &[&str], paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .arg("import")
        .args(flags)
        .arg("--database")
        .arg(app.database().url().target())
        .args(paths)
        .env("QUIRE_LOG", "warn")
        .output()
        .expect("quire runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/syndicated-article.txt")
}

/// A fresh directory for a test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "quire-import-{name}-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const ARTICLES: &str = "query { articles(first: 50, orderBy: TITLE_ASC, filter: { status: [DRAFT, PUBLISHED, SCHEDULED, ARCHIVED] }) { totalCount nodes { slug title subtitle body bodyHtml tableOfContents { level text anchor } status version sourceUrl canonicalUrl source { name country } authors { name bio } tags { name } curatedRelated { title } } } }";

/// Every article, as an editor sees them.
async fn articles(app: &TestApp, token: &str) -> Vec<Value> {
    let response = app.graphql_as(Some(token), ARTICLES, json!({})).await;
    response["data"]["articles"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{response}"))
        .clone()
}

async fn the_saved_page_goes_in_with_every_part_right(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let expected = SyndicatedArticle::load();

    let first = import(&app, &[&fixture()]);
    assert!(
        first.status.success(),
        "{}{}",
        stdout(&first),
        stderr(&first)
    );
    assert!(stdout(&first).contains("created"), "{}", stdout(&first));

    let all = articles(&app, &editor.token).await;
    assert_eq!(all.len(), 1, "{all:?}");
    let article = &all[0];
    assert_eq!(article["title"], expected.title.as_str());
    assert_eq!(article["source"]["name"], "The Quint");
    assert_eq!(article["source"]["country"], "India");
    assert_eq!(article["authors"][0]["name"], "Taha Siddiqui");
    assert_eq!(article["authors"][0]["bio"], expected.author_bio.as_str());
    assert_eq!(article["status"], "DRAFT");
    let body = article["body"].as_str().unwrap();
    for subhead in [
        "The Irony of Pakistan’s Kashmir Solidarity Campaign",
        "Pakistan Military’s Expanding ‘Campaign of Abduction’ — With Impunity",
        "Pakistan PM’s U-Turn on ‘Enforced Disappearances’",
        "Dear Pakistan, Charity Begins At Home",
    ] {
        assert!(
            body.contains(&format!("## {subhead}\n")),
            "no heading {subhead}:\n{body}"
        );
    }
    for title in &expected.also_read {
        assert!(
            body.contains(&format!("Also read: {title}")),
            "no link to {title}"
        );
    }
    assert!(!body.contains("Popular posts"), "{body}");
    assert!(!body.contains("Commando"), "{body}");
    assert!(!body.contains("Skip to main content"), "{body}");
    let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        assert!(
            !paragraphs[i + 1..].contains(paragraph),
            "repeated: {paragraph}"
        );
    }
    assert!(
        body.contains("> 30 August also marks the UN-recognised"),
        "the pull quote stays, as a block quote: {body}"
    );

    let html = article["bodyHtml"].as_str().unwrap();
    let contents = article["tableOfContents"].as_array().unwrap();
    let anchors: Vec<&str> = contents
        .iter()
        .map(|entry| entry["anchor"].as_str().unwrap())
        .collect();
    assert_eq!(
        anchors,
        [
            "the-irony-of-pakistans-kashmir-solidarity-campaign",
            "pakistan-militarys-expanding-campaign-of-abduction-with-impunity",
            "pakistan-pms-u-turn-on-enforced-disappearances",
            "dear-pakistan-charity-begins-at-home",
        ],
        "{contents:?}"
    );
    assert_eq!(
        contents[3]["text"], "Dear Pakistan, Charity Begins At Home",
        "{contents:?}"
    );
    for anchor in anchors {
        assert!(
            html.contains(&format!("<h2 id=\"{anchor}\">")),
            "{anchor}: {html}"
        );
    }
    assert_eq!(html.matches("<blockquote>").count(), 4, "{html}");

    let again = import(&app, &[&fixture()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("unchanged"), "{}", stdout(&again));
    assert_eq!(
        articles(&app, &editor.token).await,
        all,
        "a second import changes nothing"
    );
}

async fn also_read_titles_link_articles_that_exist(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let expected = SyndicatedArticle::load();
    let dir = scratch("related");
    let first_title = &expected.also_read[0];
    std::fs::write(
        dir.join("earlier.md"),
        format!("---\ntitle: \"{first_title}\"\n---\n\nThe earlier piece.\n"),
    )
    .unwrap();
    let earlier = import(&app, &[&dir.join("earlier.md")]);
    assert!(earlier.status.success(), "{}", stderr(&earlier));

    let page = import(&app, &[&fixture()]);
    assert!(page.status.success(), "{}", stderr(&page));
    let all = articles(&app, &editor.token).await;
    let article = all
        .iter()
        .find(|a| a["title"] == expected.title.as_str())
        .unwrap();
    assert_eq!(article["curatedRelated"], json!([{ "title": first_title }]));
    let body = article["body"].as_str().unwrap();
    assert!(
        !body.contains(&format!("Also read: {first_title}")),
        "{body}"
    );
    assert!(body.contains(&format!("Also read: {}", expected.also_read[1])));
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_markdown_archive_goes_in_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let dir = scratch("archive");
    std::fs::write(
        dir.join("one.md"),
        "---\ntitle: One\nslug: one\nauthors: [Ana Ruiz]\nsource: {name: The Harbour Gazette, country: Ireland}\nsourceUrl: https://gazette.example/one\ntags: [Ports, Weather]\nstatus: published\npublishedAt: 2026-03-01T08:00:00Z\nrelated: [two, a-zero]\ncanonical_url: https://gazette.example/one\n---\n\nFirst body.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("two.md"),
        "---\ntitle: Two\nslug: two\nauthors: ana ruiz\ntags: [ports]\nexcerpt: Hand written.\n---\n\nSecond body.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a-zero.md"),
        "---\ntitle: Zero\nslug: a-zero\n---\n\nRead first, linked second.\n",
    )
    .unwrap();

    let dry = import_with(&app, &["--dry-run"], &[&dir]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("would create"), "{}", stdout(&dry));
    assert!(
        articles(&app, &editor.token).await.is_empty(),
        "a dry run writes nothing"
    );

    let first = import(&app, &[&dir]);
    assert!(
        first.status.success(),
        "{}{}",
        stdout(&first),
        stderr(&first)
    );
    let all = articles(&app, &editor.token).await;
    assert_eq!(all.len(), 3);
    let one = &all[0];
    assert_eq!(one["status"], "PUBLISHED");
    assert_eq!(one["canonicalUrl"], "https://gazette.example/one");
    assert_eq!(
        one["source"],
        json!({ "name": "The Harbour Gazette", "country": "Ireland" })
    );
    assert_eq!(
        one["tags"],
        json!([{ "name": "Ports" }, { "name": "Weather" }])
    );
    assert_eq!(
        one["curatedRelated"],
        json!([{ "title": "Two" }, { "title": "Zero" }]),
        "a link to a later file is made"
    );
    assert_eq!(
        all[1]["authors"], one["authors"],
        "one author, matched by name in any case"
    );
    assert_eq!(all[1]["tags"], json!([{ "name": "Ports" }]));
    assert_eq!(all[1]["status"], "DRAFT");

    let again = import(&app, &[&dir]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again)
            .lines()
            .filter(|l| l.starts_with("unchanged"))
            .count(),
        3,
        "{}",
        stdout(&again)
    );
    assert_eq!(articles(&app, &editor.token).await, all);

    std::fs::write(
        dir.join("two.md"),
        "---\ntitle: Two, revised\nslug: two\nauthors: ana ruiz\ntags: [ports]\nexcerpt: Hand written.\n---\n\nSecond body.\n",
    )
    .unwrap();
    let edited = import(&app, &[&dir]);
    assert!(stdout(&edited).contains("updated"), "{}", stdout(&edited));
    let all = articles(&app, &editor.token).await;
    assert_eq!(all.len(), 3);
    assert_eq!(all[1]["title"], "Two, revised");
    assert_eq!(all[1]["version"], 2);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn bad_files_are_named_and_leave_nothing_behind(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let dir = scratch("bad");
    let taken = "---\ntitle: Taken\nslug: taken\nsourceUrl: https://a.example/1\n---\n\nBody.\n";
    std::fs::write(dir.join("a-taken.md"), taken).unwrap();
    let first = import(&app, &[&dir.join("a-taken.md")]);
    assert!(first.status.success(), "{}", stderr(&first));

    let huge = format!(
        "---\ntitle: Huge\ntags: [Only In The Huge File]\n---\n\n{}\n",
        "word ".repeat(2_100_000)
    );
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.md", Vec::new(), "empty"),
        (
            "garbage.md",
            vec![0, 159, 146, 150, 0, 1, 2, 3, 255, 254],
            "binary",
        ),
        (
            "latin1.md",
            b"---\ntitle: Caf\xe9\n---\n\nBody\n".to_vec(),
            "UTF-8",
        ),
        (
            "types.md",
            b"---\ntitle: Types\ntags: 5\n---\n\nBody\n".to_vec(),
            "tags",
        ),
        ("huge.md", huge.into_bytes(), "body"),
        (
            "z-collides.md",
            b"---\ntitle: Other\nslug: taken\nsourceUrl: https://b.example/2\n---\n\nBody.\n"
                .to_vec(),
            "taken",
        ),
    ];
    for (name, bytes, _) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(dir.join("good.md"), "---\ntitle: Good\n---\n\nFine.\n").unwrap();

    let run = import(&app, &[&dir]);
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    let errors = stderr(&run);
    for (name, _, reason) in &files {
        let line = errors
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is not reported:\n{errors}"));
        assert!(
            line.to_lowercase().contains(&reason.to_lowercase()),
            "{name}: {line}"
        );
    }
    assert!(
        errors.contains("types.md:3"),
        "the wrong type is placed on its line: {errors}"
    );
    let titles: Vec<Value> = articles(&app, &editor.token)
        .await
        .iter()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(
        titles,
        vec![json!("Good"), json!("Taken")],
        "the rest went in"
    );
    let tag = app
        .graphql(
            r#"query { tag(slug: "only-in-the-huge-file") { name } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        tag["data"]["tag"],
        Value::Null,
        "a refused file leaves no tag behind"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn bad_bundles_are_named_with_their_line_and_the_rest_go_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let dir = scratch("bundles");
    let when = "2026-01-01T00:00:00.000000Z";
    let article = |slug: &str, authors: Value| {
        json!({ "type": "article", "slug": slug, "title": slug, "status": "DRAFT", "excerpt": "",
            "excerptIsCustom": false, "createdAt": when, "updatedAt": when, "version": 1,
            "body": "Text.", "authors": authors })
    };
    let bundle = |records: &[Value]| {
        let mut lines = vec![json!({ "format": "quire-bundle", "version": 1 }).to_string()];
        lines.extend(records.iter().map(Value::to_string));
        lines.join("\n") + "\n"
    };
    std::fs::write(
        dir.join("newer.jsonl"),
        "{\"format\":\"quire-bundle\",\"version\":99}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("ghost.jsonl"),
        bundle(&[
            article("fine", json!([])),
            article("haunted", json!(["ghost-writer"])),
        ]),
    )
    .unwrap();
    std::fs::write(
        dir.join("good.jsonl"),
        bundle(&[article("good", json!([]))]),
    )
    .unwrap();

    let run = import(&app, &[&dir]);
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    let errors = stderr(&run);
    assert!(errors.contains("newer.jsonl:1: "), "{errors}");
    assert!(errors.contains("newer than"), "{errors}");
    assert!(errors.contains("ghost.jsonl:3: "), "{errors}");
    assert!(errors.contains("ghost-writer"), "{errors}");
    let slugs: Vec<Value> = articles(&app, &editor.token)
        .await
        .iter()
        .map(|a| a["slug"].clone())
        .collect();
    assert_eq!(
        slugs,
        vec![json!("good")],
        "a refused bundle leaves nothing, not even its good lines"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn status_given_on_the_command_line_wins(backend: Backend) {
    let app = spawn_app(backend).await;
    let output = import_with(&app, &["--status", "published"], &[&fixture()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let public = app
        .graphql(
            "query { articles { nodes { title status publishedAt } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        public["data"]["articles"]["nodes"][0]["status"], "PUBLISHED",
        "{public}"
    );
}

async fn the_demo_newsroom_seeds_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = app.user(Role::Editor).await;
    let seed = || {
        Command::new(env!("CARGO_BIN_EXE_quire"))
            .args(["seed", "--demo", "--database"])
            .arg(app.database().url().target())
            .env("QUIRE_LOG", "warn")
            .output()
            .unwrap()
    };
    let first = seed();
    assert!(first.status.success(), "{}", stderr(&first));
    let all = articles(&app, &editor.token).await;
    assert_eq!(all.len(), 33);
    let count = |status: &str| all.iter().filter(|a| a["status"] == status).count();
    assert_eq!(count("DRAFT"), 8);
    assert_eq!(count("SCHEDULED"), 1);
    assert!(all.iter().any(|a| a["source"]["name"] == "The Quint"));
    assert!(
        all.iter()
            .any(|a| a["curatedRelated"].as_array().is_some_and(|r| r.len() == 2))
    );
    let public = app
        .graphql("query { articles { totalCount } }", json!({}))
        .await;
    assert_eq!(public["data"]["articles"]["totalCount"], 24, "{public}");

    // The syndicated article offers its "Also Read" stories, then published ones on its
    // topics, never the drafts that share its tags.
    let fixture = SyndicatedArticle::load();
    let read = app
        .graphql(
            "query($s: String!) { article(slug: $s) { related(limit: 5) { title status } } }",
            json!({ "s": "dear-pak-kashmir-needs-solidarity-so-do-missing-pakistanis" }),
        )
        .await;
    let related = read["data"]["article"]["related"].as_array().unwrap();
    let titles: Vec<&str> = related.iter().filter_map(|r| r["title"].as_str()).collect();
    assert_eq!(related.len(), 5, "{read}");
    assert_eq!(
        titles[..4],
        fixture
            .also_read
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()[..],
        "{read}"
    );
    assert_eq!(
        titles[4], "A commission's caseload grows faster than it can close files",
        "{read}"
    );
    assert!(related.iter().all(|r| r["status"] == "PUBLISHED"), "{read}");

    let again = seed();
    assert!(
        stdout(&again).contains("0 articles created"),
        "{}",
        stdout(&again)
    );
    assert_eq!(articles(&app, &editor.token).await, all);
}

macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$test(quire_harness::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$test(quire_harness::Backend::Postgres).await;
                }
            )*
        }
    };
}

on_both_backends!(
    the_saved_page_goes_in_with_every_part_right,
    also_read_titles_link_articles_that_exist,
    a_markdown_archive_goes_in_once,
    bad_files_are_named_and_leave_nothing_behind,
    bad_bundles_are_named_with_their_line_and_the_rest_go_in,
    status_given_on_the_command_line_wins,
    the_demo_newsroom_seeds_once,
);
