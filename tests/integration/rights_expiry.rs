//! Syndication rights that run out: an article past `rightsExpireAt` is gone for readers at that
//! instant, decided at query time like scheduling, while editors keep it and can list what is
//! about to expire.

use chrono::{Duration, Utc};
use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::{Value, json};

async fn published(app: &TestApp, token: &str, title: &str, expires: Option<String>) -> Value {
    let created = app
        .graphql_as(
            Some(token),
            "mutation($in: CreateArticleInput!) { createArticle(input: $in) { id slug rightsExpireAt } }",
            json!({ "in": { "title": title, "body": "Republished under licence.", "tags": ["Wire"], "rightsExpireAt": expires } }),
        )
        .await;
    let article = created["data"]["createArticle"].clone();
    assert!(article.is_object(), "{created}");
    app.graphql_as(
        Some(token),
        "mutation($id: ID!) { publishArticle(id: $id) { status } }",
        json!({ "id": article["id"] }),
    )
    .await;
    article
}

const PUBLIC: &str = "{ articles { nodes { slug } } tag(slug: \"wire\") { articleCount } }";

fn slugs(answer: &Value) -> Vec<&str> {
    answer["data"]["articles"]["nodes"]
        .as_array()
        .map(|nodes| nodes.iter().filter_map(|n| n["slug"].as_str()).collect())
        .unwrap_or_default()
}

on_both_backends! {
    async fn an_article_past_its_rights_is_gone_for_readers_without_any_job(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let soon = (Utc::now() + Duration::seconds(2)).to_rfc3339();
        let later = (Utc::now() + Duration::days(20)).to_rfc3339();
        let brief = published(&app, token, "Brief licence", Some(soon)).await;
        published(&app, token, "Long licence", Some(later)).await;
        published(&app, token, "Our own story", None).await;

        let before = app.graphql(PUBLIC, json!({})).await;
        assert_eq!(slugs(&before), ["our-own-story", "long-licence", "brief-licence"], "{before}");
        assert_eq!(before["data"]["tag"]["articleCount"], 3);

        tokio::time::sleep(std::time::Duration::from_millis(3_200)).await;
        let after = app.graphql(PUBLIC, json!({})).await;
        assert_eq!(slugs(&after), ["our-own-story", "long-licence"], "{after}");
        assert_eq!(after["data"]["tag"]["articleCount"], 2, "{after}");
        let direct = app.graphql("{ article(slug: \"brief-licence\") { title } }", json!({})).await;
        assert_eq!(direct["data"]["article"], Value::Null, "{direct}");
        let (status, _) = app.get("/api/articles/brief-licence").await;
        assert_eq!(status, 404);
        let (_, feed) = app.get("/feeds/articles.json").await;
        assert!(!feed.contains("brief-licence"), "{feed}");

        let staff = app.graphql_as(Some(token), "{ article(slug: \"brief-licence\") { title rightsExpireAt } }", json!({})).await;
        assert_eq!(staff["data"]["article"]["title"], "Brief licence", "editors keep it: {staff}");

        let within = (Utc::now() + Duration::days(30)).to_rfc3339();
        let expiring = app.graphql_as(Some(token),
            "query($t: DateTime!) { articles(filter: { rightsExpireBefore: $t }, orderBy: TITLE_ASC) { nodes { slug } } }",
            json!({ "t": within })).await;
        assert_eq!(slugs(&expiring), ["brief-licence", "long-licence"], "{expiring}");

        let renewed = app.graphql_as(Some(token),
            "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 2, input: { rightsExpireAt: null }) { rightsExpireAt } }",
            json!({ "id": brief["id"] })).await;
        assert_eq!(renewed["data"]["updateArticle"]["rightsExpireAt"], Value::Null, "{renewed}");
        let back = app.graphql(PUBLIC, json!({})).await;
        assert_eq!(slugs(&back).len(), 3, "a renewed licence brings it back: {back}");
    }
}
