//! An article's canonical URL: stored, listed, changed, cleared and validated like its source URL.

use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;

on_both_backends! {
    async fn canonical_url_is_kept_changed_and_cleared(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let original = "https://www.thequint.com/voices/opinion/pakistan-kashmir-solidarity-missing-persons";
        let created = app.graphql_as(token,
            "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id canonicalUrl } }",
            json!({ "i": { "title": "Syndicated", "body": "Body.", "canonicalUrl": format!("  {original} ") } })).await;
        let article = &created["data"]["createArticle"];
        assert_eq!(article["canonicalUrl"], original, "trimmed like every address: {created}");
        let id = article["id"].clone();

        let listed = app.graphql_as(token, "{ articles(filter: { status: [DRAFT] }) { nodes { canonicalUrl } } }", json!({})).await;
        assert_eq!(listed["data"]["articles"]["nodes"][0]["canonicalUrl"], original, "{listed}");

        let update = "mutation($id: ID!, $v: Int!, $i: UpdateArticleInput!) {
            updateArticle(id: $id, expectedVersion: $v, input: $i) { canonicalUrl version } }";
        let untouched = app.graphql_as(token, update, json!({ "id": id, "v": 1, "i": { "title": "Renamed" } })).await;
        assert_eq!(untouched["data"]["updateArticle"]["canonicalUrl"], original, "{untouched}");
        let moved = app.graphql_as(token, update, json!({ "id": id, "v": 2, "i": { "canonicalUrl": "https://example.com/moved" } })).await;
        assert_eq!(moved["data"]["updateArticle"]["canonicalUrl"], "https://example.com/moved", "{moved}");
        let cleared = app.graphql_as(token, update, json!({ "id": id, "v": 3, "i": { "canonicalUrl": null } })).await;
        assert_eq!(cleared["data"]["updateArticle"]["canonicalUrl"], json!(null), "{cleared}");
        assert_eq!(cleared["data"]["updateArticle"]["version"], 4);
    }
}

on_both_backends! {
    async fn canonical_url_must_be_an_http_address(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        for bad in ["javascript:alert(1)", "/relative/path", "https://example.com/\u{0}"] {
            let refused = app.graphql_as(token,
                "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
                json!({ "i": { "title": "t", "body": "b", "canonicalUrl": bad } })).await;
            assert_eq!(error_code(&refused), Some("BAD_USER_INPUT"), "{bad}: {refused}");
            assert_eq!(refused["errors"][0]["extensions"]["fields"], json!(["canonicalUrl"]));
        }
        let none = app.graphql_as(token, "{ articles(filter: { status: [DRAFT] }) { totalCount } }", json!({})).await;
        assert_eq!(none["data"]["articles"]["totalCount"], 0, "nothing was written: {none}");
    }
}

on_both_backends! {
    async fn a_syndicated_article_credits_its_original_by_default(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let original = "https://www.thequint.com/voices/opinion/pakistan-kashmir";
        let created = app.graphql_as(token,
            "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug canonicalUrl sourceUrl } }",
            json!({ "i": { "title": "Republished", "body": "Body.", "sourceUrl": original } })).await;
        let article = &created["data"]["createArticle"];
        assert_eq!(article["canonicalUrl"], original, "{created}");
        let id = article["id"].clone();
        let slug = article["slug"].as_str().unwrap_or_default().to_owned();

        let chosen = "https://example.com/the-agreed-home";
        let update = "mutation($id: ID!, $v: Int!, $i: UpdateArticleInput!) {
            updateArticle(id: $id, expectedVersion: $v, input: $i) { canonicalUrl } }";
        let moved = app.graphql_as(token, update, json!({ "id": id, "v": 1, "i": { "canonicalUrl": chosen } })).await;
        assert_eq!(moved["data"]["updateArticle"]["canonicalUrl"], chosen, "an editor's choice wins: {moved}");

        app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
        let (status, body) = app.get(&format!("/api/articles/{slug}")).await;
        assert_eq!(status, 200, "{body}");
        let rest: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        assert_eq!(rest["canonicalUrl"], chosen, "REST says the same: {body}");

        let own = app.graphql_as(token,
            "mutation { createArticle(input: { title: \"Ours\", body: \"Body.\" }) { canonicalUrl } }", json!({})).await;
        assert_eq!(own["data"]["createArticle"]["canonicalUrl"], json!(null), "{own}");
    }
}
