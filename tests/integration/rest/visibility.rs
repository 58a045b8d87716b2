//! Drafts stay invisible to anonymous readers through REST as through GraphQL, by slug, in lists,
//! as related articles, in searches and in tag counts; an editor's token sees them.

use quire_harness::on_both_backends;

use super::{get, get_as, newsroom};

on_both_backends! {
    async fn drafts_show_only_to_staff(app: TestApp) {
        let token = newsroom(&app).await;
        let anonymous = get(&app, "/api/articles/draft").await;
        assert_eq!(anonymous.status, 404, "{}", anonymous.body);
        assert_eq!(anonymous.code(), "NOT_FOUND");
        assert_eq!(get(&app, "/api/articles").await.slugs(), ["mar", "feb", "jan"]);
        assert_eq!(get(&app, "/api/articles?q=embargoed").await.slugs(), Vec::<String>::new());
        let mar = get(&app, "/api/articles/mar").await;
        assert_eq!(mar.body["related"].as_array().map(Vec::len), Some(1), "{}", mar.body);
        assert_eq!(get(&app, "/api/tags/kashmir").await.body["articleCount"], 2);

        let staff = Some(token.as_str());
        let draft = get_as(&app, staff, "/api/articles/draft").await;
        assert_eq!(draft.status, 200, "{}", draft.body);
        assert_eq!(draft.body["status"], "DRAFT");
        assert_eq!(draft.body["publishedAt"], serde_json::Value::Null);
        assert_eq!(get_as(&app, staff, "/api/articles").await.slugs().len(), 4);
        assert_eq!(get_as(&app, staff, "/api/articles?q=embargoed").await.slugs(), ["draft"]);
        let mar = get_as(&app, staff, "/api/articles/mar").await;
        assert_eq!(mar.body["related"][1]["slug"], "draft", "{}", mar.body);
        assert_eq!(get_as(&app, staff, "/api/tags/kashmir").await.body["articleCount"], 3);
    }
}
