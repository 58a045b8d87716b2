//! Creating, listing, showing, publishing and deleting articles through the client.

use quire_domain::Role;
use quire_harness::{TestApp, User, on_both_backends};
use serde_json::{Value, json};

use crate::support::{Editor, assert_fails, report, stderr, stdout};

const FRONT_MATTER: &str = r#"---
title: "Kashmir: after the lockdown"
subtitle: A standfirst
authors: [Mira Kumar, existing-author]
source: {name: The Quint, country: India}
tags: [Politics, Kashmir]
---

First paragraph.

Second paragraph.
"#;

async fn signed_in(app: &TestApp) -> (User, Editor) {
    let user = app.user(Role::Editor).await;
    let editor = Editor::new();
    editor.login(app, &user).await;
    (user, editor)
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect()
}

on_both_backends! {
    async fn an_article_goes_from_a_file_to_published_and_away(app: TestApp) {
        let (user, editor) = signed_in(&app).await;
        let existing = app
            .graphql_as(
                Some(&user.token),
                r#"mutation { createAuthor(input: { name: "Existing Author" }) { slug } }"#,
                json!({}),
            )
            .await;
        assert_eq!(existing["data"]["createAuthor"]["slug"], "existing-author", "{existing}");
        std::fs::write(editor.file("post.md"), FRONT_MATTER).unwrap();

        let created = editor.run(&["article", "new", "post.md", "--json"]).await;
        assert_eq!(created.status.code(), Some(0), "{}", report(&created));
        assert!(stderr(&created).contains("created author Mira Kumar"), "{}", report(&created));
        assert!(stderr(&created).contains("created source The Quint"), "{}", report(&created));
        let article: Value = serde_json::from_str(&stdout(&created)).unwrap();
        let slug = article["slug"].as_str().unwrap().to_owned();
        assert_eq!(slug, "kashmir-after-the-lockdown");
        assert_eq!(article["status"], "DRAFT");
        assert_eq!(article["subtitle"], "A standfirst");
        assert_eq!(names(&article["authors"]), ["Mira Kumar", "Existing Author"]);
        assert_eq!(article["source"]["name"], "The Quint");
        assert_eq!(article["source"]["country"], "India");
        assert_eq!(names(&article["tags"]), ["Politics", "Kashmir"]);

        let listed = editor.json(&["article", "list"]).await;
        let row = listed.as_array().unwrap().iter().find(|a| a["slug"] == slug.as_str());
        assert_eq!(row.unwrap()["status"], "DRAFT", "{listed}");
        let drafts = editor.json(&["article", "list", "--status", "draft", "--tag", "Politics"]).await;
        assert_eq!(drafts.as_array().unwrap().len(), 1, "{drafts}");
        let published = editor.json(&["article", "list", "--status", "published"]).await;
        assert_eq!(published, json!([]));
        let table = editor.ok(&["article", "list"]).await;
        assert!(table.contains(&slug) && table.contains("DRAFT"), "{table}");
        assert!(!table.contains('\u{1b}'), "no colours off a terminal: {table}");

        let shown = editor.ok(&["article", "show", &slug]).await;
        assert!(shown.starts_with("Kashmir: after the lockdown\nA standfirst\n"), "{shown}");
        assert!(shown.contains("By Mira Kumar, Existing Author"), "{shown}");
        let markdown = editor.ok(&["article", "show", &slug, "--markdown"]).await;
        assert!(markdown.starts_with("---\ntitle: 'Kashmir: after the lockdown'\n"), "{markdown}");
        assert!(!markdown.contains("status"), "{markdown}");

        let scheduled = editor.ok(&["article", "publish", &slug, "--at", "2099-01-01T09:00:00Z"]).await;
        assert!(scheduled.contains("SCHEDULED for 2099-01-01T09:00:00+00:00"), "{scheduled}");
        let now = editor.json(&["article", "publish", &slug]).await;
        assert_eq!(now["status"], "PUBLISHED", "{now}");
        let back = editor.ok(&["article", "unpublish", &slug]).await;
        assert!(back.contains("is DRAFT"), "{back}");

        let bad_time = editor.run(&["article", "publish", &slug, "--at", "tomorrow"]).await;
        assert_fails(&bad_time, 2, &["RFC 3339"]);

        let deleted = editor.json(&["article", "delete", &slug, "--yes"]).await;
        assert_eq!(deleted["slug"], slug.as_str());
        let gone = editor.run(&["article", "show", &slug]).await;
        assert_fails(&gone, 4, &["no article", "quire article list"]);
        let gone = editor.run(&["article", "publish", &slug]).await;
        assert_fails(&gone, 4, &["no article"]);
    }
}

on_both_backends! {
    async fn a_file_that_says_published_is_published(app: TestApp) {
        let (_, editor) = signed_in(&app).await;
        std::fs::write(
            editor.file("live.md"),
            "---\ntitle: Live now\nstatus: published\npublishedAt: 2024-05-01T09:30:00Z\n---\n\nText.\n",
        )
        .unwrap();
        let out = editor.ok(&["article", "new", "live.md"]).await;
        assert!(out.contains("created live-now (id "), "{out}");
        assert!(out.contains("PUBLISHED at 2024-05-01T09:30:00+00:00"), "{out}");
        let anonymous = app.graphql(r#"{ article(slug: "live-now") { status } }"#, json!({})).await;
        assert_eq!(anonymous["data"]["article"]["status"], "PUBLISHED", "{anonymous}");

        std::fs::write(editor.file("broken.md"), "---\ntitel: Oops\n---\n\nText.\n").unwrap();
        let broken = editor.run(&["article", "new", "broken.md"]).await;
        assert_fails(&broken, 1, &["broken.md: line 2", "did you mean `title`"]);

        let author = app.user(Role::Author).await;
        let author_editor = Editor::new();
        author_editor.login(&app, &author).await;
        let refused = author_editor.run(&["article", "publish", "live-now"]).await;
        assert_fails(&refused, 5, &["ask an editor"]);
    }
}
