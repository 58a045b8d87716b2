//! Every role rule of the contract, checked through the API.

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

async fn create(app: &TestApp, token: Option<&str>, title: &str) -> Value {
    app.graphql_as(
        token,
        "mutation($t: String!) { createArticle(input: { title: $t, body: \"b\" }) { id } }",
        json!({ "t": title }),
    )
    .await
}

on_both_backends! {
    async fn anonymous_readers_cannot_write(app: TestApp) {
        let r = create(&app, None, "Nope").await;
        assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{r}");
        for m in ["mutation { createTag(input: { name: \"x\" }) { id } }",
                  "mutation { publishArticle(id: \"1\") { id } }",
                  "mutation { createUser(input: { email: \"a@b.co\", name: \"A\", role: ADMIN, password: \"0123456789\" }) { id } }"] {
            let r = app.graphql(m, json!({})).await;
            assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{m}: {r}");
        }
        let me = app.graphql("{ me { id } }", json!({})).await;
        assert_eq!(me["data"]["me"], json!(null));
        let (status, body) = app.post_raw(json!({ "query": "{ me { id } }" }).to_string(), Some("not-a-token")).await;
        assert_eq!(status, 401);
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
    }
}

on_both_backends! {
    async fn authors_edit_only_their_own_drafts(app: TestApp) {
        let author = app.user(Role::Author).await;
        let other = app.user(Role::Author).await;
        let editor = app.user(Role::Editor).await;
        let mine = create(&app, Some(&author.token), "Mine").await["data"]["createArticle"]["id"].clone();
        let update = "mutation($id: ID!, $v: Int!) { updateArticle(id: $id, expectedVersion: $v, input: { title: \"Edited\" }) { version } }";

        let ok = app.graphql_as(Some(&author.token), update, json!({ "id": mine, "v": 1 })).await;
        assert_eq!(ok["data"]["updateArticle"]["version"], 2, "{ok}");
        let theirs = app.graphql_as(Some(&other.token), update, json!({ "id": mine, "v": 2 })).await;
        assert_eq!(error_code(&theirs), Some("FORBIDDEN"), "{theirs}");

        let publish = app.graphql_as(Some(&author.token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": mine })).await;
        assert_eq!(error_code(&publish), Some("FORBIDDEN"), "{publish}");
        let tag = app.graphql_as(Some(&author.token), "mutation { createTag(input: { name: \"x\" }) { id } }", json!({})).await;
        assert_eq!(error_code(&tag), Some("FORBIDDEN"));
        let history = app.graphql_as(Some(&author.token), "query($id: ID!) { article(id: $id) { revisions { totalCount } } }", json!({ "id": mine })).await;
        assert_eq!(error_code(&history), Some("FORBIDDEN"), "{history}");

        app.graphql_as(Some(&editor.token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": mine })).await;
        let published = app.graphql_as(Some(&author.token), update, json!({ "id": mine, "v": 3 })).await;
        assert_eq!(error_code(&published), Some("FORBIDDEN"), "published articles are the editors' now: {published}");
        let delete = app.graphql_as(Some(&author.token), "mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": mine })).await;
        assert_eq!(error_code(&delete), Some("FORBIDDEN"));
        let by_editor = app.graphql_as(Some(&editor.token), update, json!({ "id": mine, "v": 3 })).await;
        assert_eq!(by_editor["data"]["updateArticle"]["version"], 4, "{by_editor}");
    }
}

on_both_backends! {
    async fn only_admins_create_users(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let admin = app.user(Role::Admin).await;
        let create = "mutation { createUser(input: { email: \"New@Example.com\", name: \"New\", role: AUTHOR, password: \"a fine password\" }) { email role } }";
        let refused = app.graphql_as(Some(&editor.token), create, json!({})).await;
        assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
        let created = app.graphql_as(Some(&admin.token), create, json!({})).await;
        assert_eq!(created["data"]["createUser"], json!({ "email": "new@example.com", "role": "AUTHOR" }), "{created}");
        let again = app.graphql_as(Some(&admin.token), create, json!({})).await;
        assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
        let newcomer = app.login("new@example.com", "a fine password").await;
        let me = app.graphql_as(Some(&newcomer.token), "{ me { email role } }", json!({})).await;
        assert_eq!(me["data"]["me"]["role"], "AUTHOR");
    }
}
