//! Anonymous readers see published content only: in single fetches, lists, relations, filters
//! and every count. Scheduled articles appear at their instant, decided at query time.

use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::{Value, json};

async fn article(app: &TestApp, token: &str, title: &str, tag: &str) -> Value {
    let r = app
        .graphql_as(
            Some(token),
            "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }",
            json!({ "i": { "title": title, "body": "Body.", "tags": [tag], "authorIds": [] } }),
        )
        .await;
    r["data"]["createArticle"].clone()
}

on_both_backends! {
    async fn drafts_are_invisible_everywhere(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let author = app.graphql_as(Some(token), "mutation { createAuthor(input: { name: \"Ann\" }) { id } }", json!({})).await;
        let author_id = author["data"]["createAuthor"]["id"].clone();
        let live = article(&app, token, "Live", "news").await;
        let draft = article(&app, token, "Draft", "news").await;
        for a in [&live, &draft] {
            app.graphql_as(Some(token), "mutation($id: ID!, $a: ID!, $r: [ID!]) { updateArticle(id: $id, expectedVersion: 1, input: { authorIds: [$a], relatedIds: $r }) { id } }",
                json!({ "id": a["id"], "a": author_id, "r": if a == &live { json!([draft["id"]]) } else { json!([]) } })).await;
        }
        app.graphql_as(Some(token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": live["id"] })).await;

        let q = "query($d: ID!, $ds: String!) {
            byId: article(id: $d) { id }
            bySlug: article(slug: $ds) { id }
            articles { totalCount nodes { slug related { slug } } }
            drafts: articles(filter: { status: [DRAFT] }) { totalCount }
            search: articles(filter: { search: \"draft\" }) { totalCount }
            author(slug: \"ann\") { articles { totalCount nodes { slug } } }
            tag(slug: \"news\") { articleCount articles { totalCount } }
        }";
        let vars = json!({ "d": draft["id"], "ds": draft["slug"] });
        let public = app.graphql(q, vars.clone()).await;
        let d = &public["data"];
        assert_eq!(d["byId"], json!(null), "{public}");
        assert_eq!(d["bySlug"], json!(null));
        assert_eq!(d["articles"]["totalCount"], 1);
        assert_eq!(d["articles"]["nodes"][0]["slug"], "live");
        assert_eq!(d["articles"]["nodes"][0]["related"], json!([]), "a draft never shows as related");
        assert_eq!(d["drafts"]["totalCount"], 0);
        assert_eq!(d["search"]["totalCount"], 0);
        assert_eq!(d["author"]["articles"]["totalCount"], 1);
        assert_eq!(d["tag"]["articleCount"], 1);
        assert_eq!(d["tag"]["articles"]["totalCount"], 1);

        let staff = app.graphql_as(Some(token), q, vars).await;
        let d = &staff["data"];
        assert_eq!(d["byId"]["id"], draft["id"], "{staff}");
        assert_eq!(d["articles"]["totalCount"], 2);
        assert_eq!(d["drafts"]["totalCount"], 1);
        assert_eq!(d["search"]["totalCount"], 1);
        assert_eq!(d["tag"]["articleCount"], 2);
        assert_eq!(d["articles"]["nodes"].as_array().unwrap().iter().find(|n| n["slug"] == "live").unwrap()["related"][0]["slug"], "draft");
    }
}

on_both_backends! {
    async fn scheduled_articles_go_live_at_their_instant(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let soon = article(&app, token, "Soon", "news").await;
        let later = article(&app, token, "Later", "news").await;
        let at_soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
        let at_later = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
        let publish = "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { status publishedAt } }";
        let r = app.graphql_as(Some(token), publish, json!({ "id": soon["id"], "at": at_soon })).await;
        assert_eq!(r["data"]["publishArticle"]["status"], "SCHEDULED", "{r}");
        app.graphql_as(Some(token), publish, json!({ "id": later["id"], "at": at_later })).await;

        let q = "{ articles { totalCount nodes { slug status } } scheduled: articles(filter: { status: [SCHEDULED] }) { totalCount } }";
        let before = app.graphql(q, json!({})).await;
        assert_eq!(before["data"]["articles"]["totalCount"], 0, "{before}");
        let staff = app.graphql_as(Some(token), q, json!({})).await;
        assert_eq!(staff["data"]["scheduled"]["totalCount"], 2, "{staff}");

        tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
        let after = app.graphql(q, json!({})).await;
        assert_eq!(after["data"]["articles"]["totalCount"], 1, "{after}");
        assert_eq!(after["data"]["articles"]["nodes"][0], json!({ "slug": "soon", "status": "PUBLISHED" }));
        let staff = app.graphql_as(Some(token), q, json!({})).await;
        assert_eq!(staff["data"]["scheduled"]["totalCount"], 1);
    }
}
