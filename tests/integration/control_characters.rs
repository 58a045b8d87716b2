//! Text PostgreSQL cannot store (U+0000) and other control characters are refused the same way
//! on both backends: `BAD_USER_INPUT` naming the field, never INTERNAL, and nothing written.
//! Searches, filters, lookups and cursors follow the same rule as stored text, with length
//! limits.

use quire_domain::Role;
use quire_domain::cursor::{Cursor, SortKey};
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

/// Asserts `response` is `BAD_USER_INPUT` naming exactly `fields`.
fn refused(response: &Value, fields: &[&str]) {
    assert_eq!(error_code(response), Some("BAD_USER_INPUT"), "{response}");
    assert_eq!(
        response["errors"][0]["extensions"]["fields"],
        json!(fields),
        "{response}"
    );
}

async fn totals(app: &TestApp, token: &str) -> Value {
    let r = app.graphql_as(Some(token), "{ articles { totalCount } tags { totalCount } authors { totalCount } sources { totalCount } }", json!({})).await;
    r["data"].clone()
}

on_both_backends! {
    async fn control_characters_in_stored_text_are_refused_by_field(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let admin = app.user(Role::Admin).await;
        let token = Some(editor.token.as_str());
        let create = "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }";
        for (input, field) in [
            (json!({ "title": "Floods\u{0}", "body": "b" }), "title"),
            (json!({ "title": "t", "body": "Rain\u{0}fall" }), "body"),
            (json!({ "title": "t", "body": "b", "subtitle": "\u{1b}[31mred" }), "subtitle"),
            (json!({ "title": "t", "body": "b", "excerpt": "bell\u{7}" }), "excerpt"),
            (json!({ "title": "t", "body": "b", "sourceUrl": "https://example.com/\u{0}" }), "sourceUrl"),
            (json!({ "title": "t", "body": "b", "tags": ["Kash\u{0}mir"] }), "tags[0]"),
        ] {
            refused(&app.graphql_as(token, create, json!({ "i": input })).await, &[field]);
        }
        for (mutation, input, field) in [
            ("createAuthor", json!({ "name": "Ann\u{0}" }), "name"),
            ("createAuthor", json!({ "name": "Ann", "bio": "\u{0}" }), "bio"),
            ("createSource", json!({ "name": "The Quint", "country": "Ind\u{0}ia" }), "country"),
            ("createTag", json!({ "name": "News", "description": "x\u{0}" }), "description"),
        ] {
            let input_type = match mutation { "createAuthor" => "AuthorInput", "createSource" => "SourceInput", _ => "TagInput" };
            let q = format!("mutation($i: {input_type}!) {{ {mutation}(input: $i) {{ id }} }}");
            refused(&app.graphql_as(token, &q, json!({ "i": input })).await, &[field]);
        }
        let user = app.graphql_as(Some(&admin.token), "mutation($e: String!) { createUser(input: { email: $e, name: \"N\", role: AUTHOR, password: \"long enough pass\" }) { id } }", json!({ "e": "a\u{0}b@example.com" })).await;
        refused(&user, &["email"]);

        let kept = app.graphql_as(token, create, json!({ "i": { "title": "Kept", "body": "Line one\r\n\tindented." } })).await;
        let id = kept["data"]["createArticle"]["id"].clone();
        assert!(id.is_string(), "tabs and line breaks are ordinary text: {kept}");
        let update = "mutation($id: ID!, $t: String!) { updateArticle(id: $id, expectedVersion: 1, input: { title: $t }) { id } }";
        refused(&app.graphql_as(token, update, json!({ "id": id, "t": "Edited\u{0}" })).await, &["title"]);

        assert_eq!(totals(&app, &editor.token).await, json!({
            "articles": { "totalCount": 1 }, "tags": { "totalCount": 0 },
            "authors": { "totalCount": 0 }, "sources": { "totalCount": 0 },
        }), "nothing refused was written");
        let stored = app.graphql_as(token, "query($id: ID!) { article(id: $id) { title version } }", json!({ "id": id })).await;
        assert_eq!(stored["data"]["article"], json!({ "title": "Kept", "version": 1 }), "{stored}");
    }
}

on_both_backends! {
    async fn control_characters_in_searches_filters_and_lookups_are_refused(app: TestApp) {
        let list = "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }";
        for (filter, field) in [
            (json!({ "search": "monsoon\u{0}" }), "filter.search"),
            (json!({ "search": "x".repeat(501) }), "filter.search"),
            (json!({ "tags": ["news", "n\u{0}"] }), "filter.tags[1]"),
            (json!({ "author": "ann\u{0}" }), "filter.author"),
            (json!({ "source": "\u{0}" }), "filter.source"),
        ] {
            refused(&app.graphql(list, json!({ "f": filter })).await, &[field]);
        }
        for q in ["query($s: String) { article(slug: $s) { id } }", "query($s: String) { tag(slug: $s) { id } }",
                  "query($s: String) { author(slug: $s) { id } }", "query($s: String) { source(slug: $s) { id } }"] {
            refused(&app.graphql(q, json!({ "s": "a\u{0}b" })).await, &["slug"]);
        }
        let forged = Cursor { ordering: "TITLE_ASC".into(), key: SortKey::Text("a\u{0}".into()), id: 1 }.encode();
        let paged = app.graphql("query($c: String) { articles(orderBy: TITLE_ASC, after: $c) { totalCount } }", json!({ "c": forged })).await;
        refused(&paged, &["after"]);
        let ok = app.graphql(list, json!({ "f": { "search": "monsoon\tfloods" } })).await;
        assert_eq!(ok["data"]["articles"]["totalCount"], 0, "{ok}");

        let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }";
        refused(&app.graphql(login, json!({ "e": "a\u{0}b@example.com", "p": "a long enough password" })).await, &["email"]);
        let wrong = app.graphql(login, json!({ "e": "nobody@example.com", "p": "pass\u{0}word" })).await;
        assert_eq!(error_code(&wrong), Some("UNAUTHENTICATED"), "a password is never stored as text: {wrong}");
    }
}
