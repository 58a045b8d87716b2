//! A source's reuse terms: the licence, and the credit it requires, which replaces the standard
//! "Source: Name, Country" line wherever its articles appear.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::json;

on_both_backends! {
    async fn the_credit_a_licence_requires_replaces_the_standard_one_everywhere(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let required = "Republished with permission from The Quint, India";
        let made = app.graphql_as(token, "mutation($s: SourceInput!) {
                quint: createSource(input: $s) { id license attributionText credit }
                plain: createSource(input: { name: \"Harbour Weekly\", country: \"Nigeria\" }) { id credit }
            }",
            json!({ "s": { "name": "The Quint", "country": "India", "license": "Syndication agreement 2026",
                           "attributionText": format!("  {required} ") } })).await;
        let quint = &made["data"]["quint"];
        assert_eq!(quint["license"], "Syndication agreement 2026", "{made}");
        assert_eq!(quint["attributionText"], required, "trimmed like every text");
        assert_eq!(quint["credit"], required);
        assert_eq!(made["data"]["plain"]["credit"], "Source: Harbour Weekly, Nigeria");

        let article = app.graphql_as(token, "mutation($s: ID!) {
                a: createArticle(input: { title: \"Kashmir hour\", body: \"Body.\", sourceId: $s,
                    sourceUrl: \"https://www.thequint.com/voices/kashmir\" }) { id }
            }", json!({ "s": quint["id"] })).await;
        app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { id } }",
            json!({ "id": article["data"]["a"]["id"] })).await;

        let (status, body) = app.get("/api/sources/the-quint").await;
        assert_eq!(status, 200, "{body}");
        let rest: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        assert_eq!(rest["license"], "Syndication agreement 2026", "{body}");
        assert_eq!(rest["credit"], required, "{body}");

        let (_, feed) = app.get("/feeds/articles.atom").await;
        assert!(feed.contains(required), "the feed carries the required credit: {feed}");
        assert!(!feed.contains("Source: The Quint"), "and not the standard one: {feed}");

        let too_long = "x".repeat(2_001);
        let refused = app.graphql_as(token, "mutation($s: SourceInput!) { createSource(input: $s) { id } }",
            json!({ "s": { "name": "Long", "attributionText": too_long } })).await;
        assert_eq!(refused["errors"][0]["extensions"]["fields"], json!(["attributionText"]), "{refused}");
    }
}
