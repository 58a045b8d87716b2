//! Bad input gets the right code, names the fields, and changes nothing.

use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;

on_both_backends! {
    async fn malformed_requests_get_bad_user_input(app: TestApp) {
        let (status, body) = app.post_raw("{\"query\": \"{ articles { totalCount }", None).await;
        assert_eq!(status, 400);
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");

        let syntax = app.graphql("{ articles { totalCount ", json!({})).await;
        assert_eq!(error_code(&syntax), Some("BAD_USER_INPUT"), "{syntax}");
        let unknown_field = app.graphql("{ articles { nope } }", json!({})).await;
        assert_eq!(error_code(&unknown_field), Some("BAD_USER_INPUT"), "{unknown_field}");
        let wrong_type = app.graphql("query($n: Int) { articles(first: $n) { totalCount } }", json!({ "n": "ten" })).await;
        assert_eq!(error_code(&wrong_type), Some("BAD_USER_INPUT"), "{wrong_type}");
        let cursor = app.graphql("{ articles(after: \"garbage\") { totalCount } }", json!({})).await;
        assert_eq!(error_code(&cursor), Some("BAD_USER_INPUT"), "{cursor}");
        assert_eq!(cursor["errors"][0]["extensions"]["fields"], json!(["after"]));
        let id = app.graphql("{ article(id: \"abc\") { id } }", json!({})).await;
        assert_eq!(error_code(&id), Some("BAD_USER_INPUT"), "{id}");
        let deep = format!("{{ articles {{ nodes {}{} }} }}", "{ related ".repeat(15), "{ id }".to_owned() + &" }".repeat(15));
        let deep = app.graphql(&deep, json!({})).await;
        assert_eq!(error_code(&deep), Some("BAD_USER_INPUT"), "{deep}");
        let mutation_by_get = app.get("/graphql?query=mutation%20%7B%20logout(refreshToken%3A%20%22x%22)%20%7D").await;
        assert_eq!(mutation_by_get.0, 405, "{}", mutation_by_get.1);
    }
}

on_both_backends! {
    async fn invalid_fields_are_named_and_nothing_is_written(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let create = "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }";
        let bad = app.graphql_as(token, create, json!({ "i": {
            "title": "x".repeat(301), "body": "b", "slug": "Not A Slug", "sourceUrl": "not a url",
        }})).await;
        assert_eq!(error_code(&bad), Some("BAD_USER_INPUT"), "{bad}");
        assert_eq!(bad["errors"][0]["extensions"]["fields"], json!(["title", "slug", "sourceUrl"]));

        for (input, field) in [
            (json!({ "title": "t", "body": "b", "authorIds": ["999"] }), "authorIds"),
            (json!({ "title": "t", "body": "b", "sourceId": "999" }), "sourceId"),
            (json!({ "title": "t", "body": "b", "relatedIds": ["999"] }), "relatedIds"),
            (json!({ "title": "t", "body": "x".repeat(400_001) }), "body"),
        ] {
            let r = app.graphql_as(token, create, json!({ "i": input })).await;
            assert_eq!(error_code(&r), Some("BAD_USER_INPUT"), "{field}: {r}");
            assert_eq!(r["errors"][0]["extensions"]["fields"], json!([field]));
        }
        let count = app.graphql_as(token, "{ articles { totalCount } tags { totalCount } }", json!({})).await;
        assert_eq!(count["data"]["articles"]["totalCount"], 0, "nothing was written: {count}");

        let missing = app.graphql_as(token, "mutation { updateArticle(id: \"999\", expectedVersion: 1, input: { title: \"t\" }) { id } }", json!({})).await;
        assert_eq!(error_code(&missing), Some("NOT_FOUND"), "{missing}");
        let missing = app.graphql_as(token, "mutation { deleteTag(id: \"999\") }", json!({})).await;
        assert_eq!(error_code(&missing), Some("NOT_FOUND"), "{missing}");
    }
}

on_both_backends! {
    async fn deleting_what_is_referenced_is_a_conflict(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let setup = app.graphql_as(token, "mutation { createSource(input: { name: \"The Quint\" }) { id } }", json!({})).await;
        let source = setup["data"]["createSource"]["id"].clone();
        app.graphql_as(token, "mutation($s: ID!) { createArticle(input: { title: \"t\", body: \"b\", sourceId: $s, tags: [\"Kashmir\"] }) { id } }", json!({ "s": source })).await;
        let r = app.graphql_as(token, "mutation($s: ID!) { deleteSource(id: $s) }", json!({ "s": source })).await;
        assert_eq!(error_code(&r), Some("CONFLICT"), "{r}");
        let tag = app.graphql_as(token, "{ tag(slug: \"kashmir\") { id } }", json!({})).await;
        let r = app.graphql_as(token, "mutation($t: ID!) { deleteTag(id: $t) }", json!({ "t": tag["data"]["tag"]["id"] })).await;
        assert_eq!(error_code(&r), Some("CONFLICT"), "{r}");
        let dup = app.graphql_as(token, "mutation { createTag(input: { name: \"KASHMIR\" }) { id } }", json!({})).await;
        assert_eq!(error_code(&dup), Some("CONFLICT"), "tag names are unique regardless of case: {dup}");
    }
}
