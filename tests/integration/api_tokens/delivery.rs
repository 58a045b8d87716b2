//! Tokens on the plain-HTTP routes: a frontend previews a draft through REST with a PREVIEW
//! token, a READ token gets nothing more than anonymous readers in REST and feeds, and a revoked
//! token is refused there on its next request too.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::{Value, json};

use super::{article, issue};

async fn get(app: &quire_harness::TestApp, path: &str, token: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

on_both_backends! {
    async fn preview_tokens_read_drafts_through_rest_and_read_tokens_do_not(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let (preview, preview_id) = issue(&app, &admin.token, "PREVIEW").await;
        let (read, _) = issue(&app, &admin.token, "READ").await;
        let draft = article(&app, &admin.token, "Embargoed until Friday", "draft").await;
        article(&app, &admin.token, "Out already", "published").await;
        let path = format!("/api/articles/{draft}");

        let (status, body) = get(&app, &path, Some(&preview)).await;
        assert_eq!(status, 200, "{body}");
        let shown: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(shown["status"], "DRAFT");
        assert_eq!(shown["title"], "Embargoed until Friday");

        for token in [Some(read.as_str()), None] {
            let (status, body) = get(&app, &path, token).await;
            assert_eq!(status, 404, "{body}");
            let (_, list) = get(&app, "/api/articles", token).await;
            assert!(!list.contains("Embargoed"), "{list}");
            let (_, feed) = get(&app, "/feeds/articles.atom", token).await;
            assert!(feed.contains("Out already") && !feed.contains("Embargoed"), "{feed}");
            let (_, sitemap) = get(&app, "/sitemap.xml", token).await;
            assert!(!sitemap.contains(&draft), "{sitemap}");
        }

        let revoked = app.graphql_as(Some(&admin.token), "mutation($id: ID!) { revokeApiToken(id: $id) }", json!({ "id": preview_id })).await;
        assert_eq!(revoked["data"]["revokeApiToken"], true, "{revoked}");
        let (status, body) = get(&app, &path, Some(&preview)).await;
        assert_eq!(status, 401, "refused on the very next request: {body}");
        let (status, _) = get(&app, "/feeds/articles.rss", Some(&preview)).await;
        assert_eq!(status, 401);
    }
}
