//! The trash: a deleted article disappears for everyone, editors included, keeps its slug,
//! lists in `trashedArticles` for editors, comes back with `restoreArticle` and goes for good
//! only through an admin's `purgeArticle`.

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

const CREATE: &str = "mutation($t: String!, $tags: [String!]) {
    createArticle(input: { title: $t, body: \"The cranes stood still.\", tags: $tags }) { id slug } }";
const PUBLISH: &str = "mutation($id: ID!) { publishArticle(id: $id) { id } }";
const DELETE: &str = "mutation($id: ID!) { deleteArticle(id: $id) }";
const RESTORE: &str =
    "mutation($id: ID!) { restoreArticle(id: $id) { slug status version trashedAt } }";
const PURGE: &str = "mutation($id: ID!) { purgeArticle(id: $id) }";
const TRASH: &str = "{ trashedArticles { totalCount nodes { id slug status trashedAt } } }";
const BY_ID: &str = "query($id: ID!) { article(id: $id) { slug } }";
const LIST: &str =
    "{ articles { totalCount nodes { slug } } tag(slug: \"ports\") { articleCount } }";

async fn created(app: &TestApp, token: &str, title: &str) -> String {
    let r = app
        .graphql_as(
            Some(token),
            CREATE,
            json!({ "t": title, "tags": ["Ports"] }),
        )
        .await;
    r["data"]["createArticle"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn slugs(r: &Value) -> Vec<&str> {
    r["data"]["articles"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["slug"].as_str().unwrap())
        .collect()
}

on_both_backends! {
    async fn a_deleted_article_disappears_everywhere_until_restored(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let author = app.user(Role::Author).await;
        let token = editor.token.as_str();
        let id = created(&app, token, "Dock strike").await;
        let other = created(&app, token, "Port reopens").await;
        for article in [&id, &other] {
            app.graphql_as(Some(token), PUBLISH, json!({ "id": article })).await;
        }

        let r = app.graphql_as(Some(token), DELETE, json!({ "id": id })).await;
        assert_eq!(r["data"]["deleteArticle"], id.as_str(), "{r}");

        let anonymous = app.graphql(LIST, json!({})).await;
        assert_eq!(slugs(&anonymous), ["port-reopens"], "{anonymous}");
        assert_eq!(anonymous["data"]["tag"]["articleCount"], 1, "{anonymous}");
        let staff = app.graphql_as(Some(token), LIST, json!({})).await;
        assert_eq!(slugs(&staff), ["port-reopens"], "editors do not see the trash in lists: {staff}");
        let one = app.graphql_as(Some(token), BY_ID, json!({ "id": id })).await;
        assert_eq!(one["data"]["article"], Value::Null, "{one}");
        let by_slug = app.graphql("{ article(slug: \"dock-strike\") { id } }", json!({})).await;
        assert_eq!(by_slug["data"]["article"], Value::Null, "{by_slug}");
        let (status, _) = app.get("/api/articles/dock-strike").await;
        assert_eq!(status, 404);
        let edit = app.graphql_as(Some(token), "mutation($id: ID!) {
            updateArticle(id: $id, expectedVersion: 3, input: { title: \"x\" }) { id } }", json!({ "id": id })).await;
        assert_eq!(error_code(&edit), Some("NOT_FOUND"), "a trashed article takes no edits: {edit}");
        let again = app.graphql_as(Some(token), DELETE, json!({ "id": id })).await;
        assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");
        let taken = app.graphql_as(Some(token), "mutation {
            createArticle(input: { title: \"Dock strike\", body: \"b\", slug: \"dock-strike\" }) { id } }", json!({})).await;
        assert_eq!(error_code(&taken), Some("CONFLICT"), "its slug stays taken: {taken}");

        let trash = app.graphql_as(Some(token), TRASH, json!({})).await;
        assert_eq!(trash["data"]["trashedArticles"]["totalCount"], 1, "{trash}");
        let trashed = &trash["data"]["trashedArticles"]["nodes"][0];
        assert_eq!(trashed["slug"], "dock-strike");
        assert_eq!(trashed["status"], "PUBLISHED");
        assert!(trashed["trashedAt"].is_string(), "{trash}");
        for (who, code) in [(None, "UNAUTHENTICATED"), (Some(author.token.as_str()), "FORBIDDEN")] {
            let r = app.graphql_as(who, TRASH, json!({})).await;
            assert_eq!(error_code(&r), Some(code), "{r}");
            assert_eq!(r["data"], Value::Null, "{r}");
            let r = app.graphql_as(who, RESTORE, json!({ "id": id })).await;
            assert_eq!(error_code(&r), Some(code), "{r}");
        }

        let restored = app.graphql_as(Some(token), RESTORE, json!({ "id": id })).await;
        let article = &restored["data"]["restoreArticle"];
        assert_eq!(article["slug"], "dock-strike", "{restored}");
        assert_eq!(article["status"], "PUBLISHED");
        assert_eq!(article["version"], 4, "publish, delete and restore each made a version");
        assert_eq!(article["trashedAt"], Value::Null);
        let back = app.graphql(LIST, json!({})).await;
        assert_eq!(slugs(&back), ["port-reopens", "dock-strike"], "{back}");
        assert_eq!(back["data"]["tag"]["articleCount"], 2);
        let not_trashed = app.graphql_as(Some(token), RESTORE, json!({ "id": other })).await;
        assert_eq!(error_code(&not_trashed), Some("NOT_FOUND"), "{not_trashed}");
        let empty = app.graphql_as(Some(token), TRASH, json!({})).await;
        assert_eq!(empty["data"]["trashedArticles"]["totalCount"], 0, "{empty}");
    }
}

on_both_backends! {
    async fn only_an_admin_purges_and_only_from_the_trash(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let admin = app.user(Role::Admin).await;
        let id = created(&app, &editor.token, "Dock strike").await;

        let in_use = app.graphql_as(Some(&admin.token), PURGE, json!({ "id": id })).await;
        assert_eq!(error_code(&in_use), Some("NOT_FOUND"), "an article in use is deleted first: {in_use}");
        app.graphql_as(Some(&editor.token), DELETE, json!({ "id": id })).await;
        let by_editor = app.graphql_as(Some(&editor.token), PURGE, json!({ "id": id })).await;
        assert_eq!(error_code(&by_editor), Some("FORBIDDEN"), "{by_editor}");

        let purged = app.graphql_as(Some(&admin.token), PURGE, json!({ "id": id })).await;
        assert_eq!(purged["data"]["purgeArticle"], id.as_str(), "{purged}");
        let trash = app.graphql_as(Some(&admin.token), TRASH, json!({})).await;
        assert_eq!(trash["data"]["trashedArticles"]["totalCount"], 0, "{trash}");
        let gone = app.graphql_as(Some(&admin.token), RESTORE, json!({ "id": id })).await;
        assert_eq!(error_code(&gone), Some("NOT_FOUND"), "{gone}");
        let reused = app.graphql_as(Some(&editor.token), CREATE, json!({ "t": "Dock strike" })).await;
        assert_eq!(reused["data"]["createArticle"]["slug"], "dock-strike", "a purged slug is free: {reused}");
    }
}

on_both_backends! {
    async fn an_author_trashes_their_draft_but_cannot_see_the_trash(app: TestApp) {
        let author = app.user(Role::Author).await;
        let editor = app.user(Role::Editor).await;
        let id = created(&app, &author.token, "First draft").await;
        let r = app.graphql_as(Some(&author.token), DELETE, json!({ "id": id })).await;
        assert_eq!(r["data"]["deleteArticle"], id.as_str(), "{r}");
        let own = app.graphql_as(Some(&author.token), BY_ID, json!({ "id": id })).await;
        assert_eq!(own["data"]["article"], Value::Null, "{own}");
        let trash = app.graphql_as(Some(&editor.token), TRASH, json!({})).await;
        assert_eq!(trash["data"]["trashedArticles"]["nodes"][0]["status"], "DRAFT", "{trash}");
    }
}

on_both_backends! {
    async fn a_delete_racing_an_edit_never_shares_its_version(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        for round in 0..5 {
            let id = created(&app, token, &format!("Race {round}")).await;
            let edit = app.graphql_as(Some(token), "mutation($id: ID!) {
                updateArticle(id: $id, expectedVersion: 1, input: { body: \"Edited.\" }) { id } }", json!({ "id": id }));
            let delete = app.graphql_as(Some(token), DELETE, json!({ "id": id }));
            let (edited, deleted) = tokio::join!(edit, delete);
            for r in [&edited, &deleted] {
                assert!(
                    r["errors"].is_null() || matches!(error_code(r), Some("CONFLICT" | "NOT_FOUND")),
                    "{r}"
                );
            }
            let log = app.graphql_as(Some(token), "query($id: ID!) {
                auditLog(filter: { recordType: ARTICLE, recordId: $id }) { nodes { versionAfter } } }", json!({ "id": id })).await;
            let mut versions: Vec<i64> = log["data"]["auditLog"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["versionAfter"].as_i64().unwrap())
                .collect();
            let written = versions.len();
            versions.dedup();
            assert_eq!(versions.len(), written, "two writes counted at one version: {log}");
        }
    }
}
