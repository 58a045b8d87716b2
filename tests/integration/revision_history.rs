//! Revisions put to use: every edit keeps one, a diff names what changed, and restoring brings an
//! earlier version back as a new one, never rewriting history or someone else's edit.

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

const ARTICLE: &str = "id version title body tags { name } authors { name } revisions(first: 50) { totalCount nodes { revision title } }";

async fn author(app: &TestApp, token: &str, name: &str) -> Value {
    let created = app
        .graphql_as(
            Some(token),
            "mutation($a: AuthorInput!) { createAuthor(input: $a) { id } }",
            json!({ "a": { "name": name } }),
        )
        .await;
    created["data"]["createAuthor"]["id"].clone()
}

async fn update(app: &TestApp, token: &str, id: &Value, version: i64, input: Value) -> Value {
    let answer = app
        .graphql_as(
            Some(token),
            &format!("mutation($id: ID!, $v: Int!, $in: UpdateArticleInput!) {{ updateArticle(id: $id, expectedVersion: $v, input: $in) {{ {ARTICLE} }} }}"),
            json!({ "id": id, "v": version, "in": input }),
        )
        .await;
    assert!(answer["data"]["updateArticle"].is_object(), "{answer}");
    answer["data"]["updateArticle"].clone()
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["name"].as_str())
                .collect()
        })
        .unwrap_or_default()
}

const DIFF: &str = "query($id: ID!, $from: Int!, $to: Int!) { revisionDiff(articleId: $id, from: $from, to: $to) { from { revision title } to { revision title } changedFields bodyDiff { change text } } }";
const RESTORE: &str = "mutation($id: ID!, $r: Int!, $v: Int!) { restoreRevision(articleId: $id, revision: $r, expectedVersion: $v) { version title body tags { name } authors { name } revisions(first: 50) { totalCount } } }";

on_both_backends! {
    async fn five_edits_six_revisions_a_diff_and_a_restore(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let amara = author(&app, token, "Amara Okafor").await;
        let luis = author(&app, token, "Luis Ferreira").await;
        let created = app.graphql_as(Some(token),
            &format!("mutation($in: CreateArticleInput!) {{ createArticle(input: $in) {{ {ARTICLE} }} }}"),
            json!({ "in": { "title": "Cranes idle", "body": "The port is still.\n\nNo ship moved.", "tags": ["Labour"], "authorIds": [amara] } })).await;
        let id = created["data"]["createArticle"]["id"].clone();

        update(&app, token, &id, 1, json!({ "title": "Cranes move again", "body": "The port woke up.\n\nNo ship moved.", "tags": ["Labour", "Shipping"], "authorIds": [amara, luis] })).await;
        update(&app, token, &id, 2, json!({ "title": "Cranes back at work" })).await;
        update(&app, token, &id, 3, json!({ "body": "The port woke up at six.\n\nThree ships left." })).await;
        update(&app, token, &id, 4, json!({ "tags": ["Economy"] })).await;
        let latest = update(&app, token, &id, 5, json!({ "authorIds": [luis] })).await;
        assert_eq!(latest["version"], 6);
        assert_eq!(latest["revisions"]["totalCount"], 6, "{latest}");

        let diff = app.graphql_as(Some(token), DIFF, json!({ "id": id, "from": 2, "to": 6 })).await;
        let diff = &diff["data"]["revisionDiff"];
        assert_eq!(diff["from"]["title"], "Cranes move again", "{diff}");
        assert_eq!(diff["to"]["revision"], 6);
        assert_eq!(
            diff["changedFields"],
            json!(["title", "excerpt", "body", "authors", "tags"]),
            "{diff}"
        );
        assert_eq!(
            diff["bodyDiff"],
            json!([
                { "change": "REMOVED", "text": "The port woke up." },
                { "change": "ADDED", "text": "The port woke up at six." },
                { "change": "UNCHANGED", "text": "" },
                { "change": "REMOVED", "text": "No ship moved." },
                { "change": "ADDED", "text": "Three ships left." },
            ]),
            "{diff}"
        );

        let restored = app.graphql_as(Some(token), RESTORE, json!({ "id": id, "r": 2, "v": 6 })).await;
        let restored = &restored["data"]["restoreRevision"];
        assert_eq!(restored["version"], 7, "{restored}");
        assert_eq!(restored["title"], "Cranes move again");
        assert_eq!(restored["body"], "The port woke up.\n\nNo ship moved.");
        assert_eq!(names(&restored["tags"]), ["Labour", "Shipping"]);
        assert_eq!(names(&restored["authors"]), ["Amara Okafor", "Luis Ferreira"]);
        assert_eq!(restored["revisions"]["totalCount"], 7, "a restore is a new revision");

        let unchanged = app.graphql_as(Some(token), DIFF, json!({ "id": id, "from": 2, "to": 7 })).await;
        assert_eq!(unchanged["data"]["revisionDiff"]["changedFields"], json!([]), "{unchanged}");

        let stale = app.graphql_as(Some(token), RESTORE, json!({ "id": id, "r": 1, "v": 6 })).await;
        assert_eq!(error_code(&stale), Some("CONFLICT"), "{stale}");
        assert_eq!(stale["errors"][0]["extensions"]["currentVersion"], 7, "{stale}");

        let missing = app.graphql_as(Some(token), RESTORE, json!({ "id": id, "r": 99, "v": 7 })).await;
        assert_eq!(error_code(&missing), Some("NOT_FOUND"), "{missing}");
        let missing = app.graphql_as(Some(token), DIFF, json!({ "id": id, "from": 1, "to": 99 })).await;
        assert_eq!(error_code(&missing), Some("NOT_FOUND"), "{missing}");
    }
}

on_both_backends! {
    async fn only_editors_read_diffs_and_only_those_who_may_edit_restore(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let created = app.graphql_as(Some(&editor.token),
            "mutation { createArticle(input: { title: \"Draft\", body: \"Secret plans.\" }) { id } }",
            json!({})).await;
        let id = created["data"]["createArticle"]["id"].clone();
        update(&app, &editor.token, &id, 1, json!({ "body": "Still secret." })).await;

        let author = app.user(Role::Author).await;
        for token in [None, Some(author.token.as_str())] {
            let diff = app.graphql_as(token, DIFF, json!({ "id": id, "from": 1, "to": 2 })).await;
            assert!(diff["data"].is_null(), "{diff}");
            assert!(!diff.to_string().contains("Secret"), "{diff}");
            let expected = if token.is_some() { "FORBIDDEN" } else { "UNAUTHENTICATED" };
            assert_eq!(error_code(&diff), Some(expected), "{diff}");

            let restore = app.graphql_as(token, RESTORE, json!({ "id": id, "r": 1, "v": 2 })).await;
            assert!(restore["data"].is_null(), "{restore}");
            assert_eq!(error_code(&restore), Some(expected), "{restore}");
        }
        let body = app.graphql_as(Some(&editor.token), "query($id: ID!) { article(id: $id) { version body } }", json!({ "id": id })).await;
        assert_eq!(body["data"]["article"], json!({ "version": 2, "body": "Still secret." }));
    }
}
