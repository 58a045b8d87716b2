//! Authors who are users: an editor links an author to an account, and that AUTHOR may then read
//! and edit the drafts carrying the byline, and nothing more.

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

async fn draft(app: &TestApp, token: &str, title: &str, authors: Value) -> Value {
    let created = app
        .graphql_as(
            Some(token),
            "mutation($in: CreateArticleInput!) { createArticle(input: $in) { id } }",
            json!({ "in": { "title": title, "body": "Embargoed until Monday.", "authorIds": authors } }),
        )
        .await;
    created["data"]["createArticle"]["id"].clone()
}

const EDIT: &str = "mutation($id: ID!, $v: Int!) { updateArticle(id: $id, expectedVersion: $v, input: { title: \"Edited by the byline\" }) { title version } }";
const READ: &str = "query($id: ID!) { article(id: $id) { title } }";
const LIST: &str = "{ articles(filter: { status: [DRAFT] }) { nodes { title } } }";

on_both_backends! {
    async fn a_linked_author_edits_the_drafts_on_their_byline_and_no_others(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let writer = app.user(Role::Author).await;
        let colleague = app.user(Role::Author).await;
        let linked = app.graphql_as(Some(&editor.token),
            "mutation($in: AuthorInput!) { createAuthor(input: $in) { id user { email role } } }",
            json!({ "in": { "name": "Amara Okafor", "userId": writer.id } })).await;
        assert_eq!(linked["data"]["createAuthor"]["user"]["email"], writer.email.as_str(), "{linked}");
        let amara = linked["data"]["createAuthor"]["id"].clone();
        let other = app.graphql_as(Some(&editor.token),
            "mutation { createAuthor(input: { name: \"Luis Ferreira\" }) { id } }", json!({})).await;
        let luis = other["data"]["createAuthor"]["id"].clone();

        let hers = draft(&app, &editor.token, "Port strike, the inside story", json!([amara])).await;
        let not_hers = draft(&app, &editor.token, "Budget leak", json!([luis])).await;

        let seen = app.graphql_as(Some(&writer.token), LIST, json!({})).await;
        assert_eq!(seen["data"]["articles"]["nodes"], json!([{ "title": "Port strike, the inside story" }]), "{seen}");
        let edited = app.graphql_as(Some(&writer.token), EDIT, json!({ "id": hers, "v": 1 })).await;
        assert_eq!(edited["data"]["updateArticle"], json!({ "title": "Edited by the byline", "version": 2 }), "{edited}");

        let refused = app.graphql_as(Some(&writer.token), EDIT, json!({ "id": not_hers, "v": 1 })).await;
        assert!(matches!(error_code(&refused), Some("FORBIDDEN" | "NOT_FOUND")), "{refused}");
        let hidden = app.graphql_as(Some(&writer.token), READ, json!({ "id": not_hers })).await;
        assert_eq!(hidden["data"]["article"], Value::Null, "{hidden}");

        for outsider in [Some(colleague.token.as_str()), None] {
            let hidden = app.graphql_as(outsider, READ, json!({ "id": hers })).await;
            assert_eq!(hidden["data"]["article"], Value::Null, "{hidden}");
        }
        let refused = app.graphql_as(Some(&colleague.token), EDIT, json!({ "id": hers, "v": 2 })).await;
        assert!(matches!(error_code(&refused), Some("FORBIDDEN" | "NOT_FOUND")), "{refused}");

        let publish = app.graphql_as(Some(&writer.token),
            "mutation($id: ID!) { publishArticle(id: $id) { status } }", json!({ "id": hers })).await;
        assert_eq!(error_code(&publish), Some("FORBIDDEN"), "the byline edits, editors publish: {publish}");
        app.graphql_as(Some(&editor.token),
            "mutation($id: ID!) { publishArticle(id: $id) { status } }", json!({ "id": hers })).await;
        let late = app.graphql_as(Some(&writer.token), EDIT, json!({ "id": hers, "v": 3 })).await;
        assert_eq!(error_code(&late), Some("FORBIDDEN"), "published articles are the editors' again: {late}");
    }
}

on_both_backends! {
    async fn only_staff_see_which_account_an_author_uses(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let writer = app.user(Role::Author).await;
        app.graphql_as(Some(&editor.token),
            "mutation($in: AuthorInput!) { createAuthor(input: $in) { id } }",
            json!({ "in": { "name": "Amara Okafor", "userId": writer.id } })).await;
        let query = "{ authors { nodes { name user { email } } } }";
        let staff = app.graphql_as(Some(&editor.token), query, json!({})).await;
        assert_eq!(staff["data"]["authors"]["nodes"][0]["user"]["email"], writer.email.as_str(), "{staff}");
        for viewer in [None, Some(writer.token.as_str())] {
            let answer = app.graphql_as(viewer, query, json!({})).await;
            assert_eq!(answer["data"]["authors"]["nodes"][0]["user"], Value::Null, "{answer}");
            assert!(!answer.to_string().contains(&writer.email), "{answer}");
        }
    }
}
