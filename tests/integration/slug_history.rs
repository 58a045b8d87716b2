//! Slug history: a renamed article is still found by the slugs it had, through GraphQL and as
//! a REST redirect, with the same visibility as under its current slug; no other article may
//! take one of them, whether given, derived from a title or brought in by a bundle; the article
//! itself may take one back; and purging the article takes its history with it.

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use quire_persistence::StoreError;
use quire_persistence::transfer;
use reqwest::redirect::Policy;
use serde_json::{Value, json};

const CREATE: &str =
    "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug version } }";
const RENAME: &str = "mutation($id: ID!, $v: Int!, $slug: String!) {
    updateArticle(id: $id, expectedVersion: $v, input: { slug: $slug }) { slug version previousSlugs } }";
const BY_SLUG: &str = "query($s: String!) { article(slug: $s) { id slug previousSlugs } }";

/// An editor's token and the articles they write.
struct Desk<'a> {
    app: &'a TestApp,
    token: String,
}

impl<'a> Desk<'a> {
    async fn open(app: &'a TestApp) -> Self {
        let editor = app.user(Role::Editor).await;
        Desk {
            app,
            token: editor.token,
        }
    }

    async fn run(&self, query: &str, variables: Value) -> Value {
        self.app
            .graphql_as(Some(&self.token), query, variables)
            .await
    }

    /// Runs an operation; its answer and the SQL statements it cost.
    async fn counted(&self, query: &str, variables: Value) -> (Value, u64) {
        let before = self.app.statement_count();
        let r = self.run(query, variables).await;
        (r, self.app.statement_count() - before)
    }

    /// Creates an article; the whole answer, so refusals can be checked.
    async fn create(&self, input: Value) -> Value {
        self.run(CREATE, json!({ "i": input })).await
    }

    /// Creates an article that must succeed: its id.
    async fn article(&self, title: &str, slug: Option<&str>) -> Value {
        let r = self
            .create(json!({ "title": title, "body": "Body text.", "slug": slug }))
            .await;
        let id = r["data"]["createArticle"]["id"].clone();
        assert!(id.is_string(), "{r}");
        id
    }

    async fn publish(&self, id: &Value) {
        let r = self
            .run(
                "mutation($id: ID!) { publishArticle(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert!(r["errors"].is_null(), "{r}");
    }

    /// Renames the article at its current version; the whole answer.
    async fn rename(&self, id: &Value, slug: &str) -> Value {
        let current = self
            .run(
                "query($id: ID!) { article(id: $id) { version } }",
                json!({ "id": id }),
            )
            .await;
        let version = current["data"]["article"]["version"].clone();
        self.run(RENAME, json!({ "id": id, "v": version, "slug": slug }))
            .await
    }

    /// Renames the article, which must succeed: its slugs as then stored.
    async fn renamed(&self, id: &Value, slug: &str) -> Value {
        let r = self.rename(id, slug).await;
        assert_eq!(r["data"]["updateArticle"]["slug"], slug, "{r}");
        r["data"]["updateArticle"].clone()
    }
}

/// A conflict naming `slug`.
fn refused_slug(r: &Value) {
    assert_eq!(error_code(r), Some("CONFLICT"), "{r}");
    assert_eq!(
        r["errors"][0]["extensions"]["fields"],
        json!(["slug"]),
        "{r}"
    );
}

/// A client that shows redirects rather than following them.
fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
}

on_both_backends! {
    async fn a_renamed_article_is_found_by_its_old_slugs(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Flood warning", Some("flood")).await;
        desk.publish(&id).await;
        let first = desk.renamed(&id, "flood-warning").await;
        assert_eq!(first["previousSlugs"], json!(["flood"]));
        let second = desk.renamed(&id, "valley-floods").await;
        assert_eq!(second["previousSlugs"], json!(["flood", "flood-warning"]), "oldest first");

        for old in ["flood", "flood-warning", "valley-floods"] {
            let r = app.graphql(BY_SLUG, json!({ "s": old })).await;
            assert_eq!(r["data"]["article"]["id"], id, "{old}: {r}");
            assert_eq!(r["data"]["article"]["slug"], "valley-floods", "{r}");
            assert_eq!(r["data"]["article"]["previousSlugs"], json!(["flood", "flood-warning"]));
        }
        let missing = app.graphql(BY_SLUG, json!({ "s": "never-was" })).await;
        assert_eq!(missing["data"]["article"], Value::Null, "{missing}");
    }
}

on_both_backends! {
    async fn no_other_article_takes_an_old_slug(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Budget day", Some("budget")).await;
        desk.renamed(&id, "budget-day").await;

        let given = desk.create(json!({ "title": "Another", "body": "b", "slug": "budget" })).await;
        refused_slug(&given);

        let derived = desk.create(json!({ "title": "Budget", "body": "b" })).await;
        assert_eq!(derived["data"]["createArticle"]["slug"], "budget-2", "{derived}");

        let other = desk.article("Other", Some("other")).await;
        refused_slug(&desk.rename(&other, "budget").await);
        let still = desk.run(BY_SLUG, json!({ "s": "budget" })).await;
        assert_eq!(still["data"]["article"]["id"], id, "{still}");

        let back = desk.renamed(&id, "budget").await;
        assert_eq!(back["previousSlugs"], json!(["budget-day"]), "taking a slug back drops it");
        let live = app.graphql_as(Some(&desk.token), BY_SLUG, json!({ "s": "budget" })).await;
        assert_eq!(live["data"]["article"]["slug"], "budget", "{live}");
    }
}

on_both_backends! {
    async fn rest_redirects_from_an_old_slug(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Election night", Some("election")).await;
        desk.publish(&id).await;
        desk.renamed(&id, "election-night").await;

        let client = no_redirects();
        let url = format!("{}/api/articles/election", app.address);
        for cached in ["miss", "hit"] {
            let response = client.get(&url).send().await.unwrap();
            assert_eq!(response.status().as_u16(), 301);
            let headers = response.headers().clone();
            assert_eq!(headers["x-cache"], cached);
            assert!(headers.contains_key("etag"), "{headers:?}");
            assert_eq!(headers["location"], "/api/articles/election-night");
            let cache_control = headers["cache-control"].to_str().unwrap();
            assert!(cache_control.starts_with("public"), "{cache_control}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["location"], "/api/articles/election-night");
        }
        let head = client.head(&url).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 301);
        assert_eq!(head.headers()["location"], "/api/articles/election-night");

        let followed = app.client.get(&url).send().await.unwrap();
        assert_eq!(followed.status().as_u16(), 200);
        let article: Value = followed.json().await.unwrap();
        assert_eq!(article["slug"], "election-night");
    }
}

on_both_backends! {
    async fn a_drafts_old_slug_is_hidden_from_readers(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Embargoed", Some("embargoed")).await;
        desk.renamed(&id, "embargoed-story").await;

        let reader = app.graphql(BY_SLUG, json!({ "s": "embargoed" })).await;
        assert_eq!(reader["data"]["article"], Value::Null, "{reader}");
        let client = no_redirects();
        let url = format!("{}/api/articles/embargoed", app.address);
        let anonymous = client.get(&url).send().await.unwrap();
        assert_eq!(anonymous.status().as_u16(), 404);

        let editor = app.graphql_as(Some(&desk.token), BY_SLUG, json!({ "s": "embargoed" })).await;
        assert_eq!(editor["data"]["article"]["slug"], "embargoed-story", "{editor}");
        let staff = client.get(&url).bearer_auth(&desk.token).send().await.unwrap();
        assert_eq!(staff.status().as_u16(), 301);
        assert_eq!(staff.headers()["cache-control"], "private, no-store");
    }
}

on_both_backends! {
    async fn purging_an_article_deletes_its_history(app: TestApp) {
        let desk = Desk::open(&app).await;
        let admin = app.user(Role::Admin).await;
        let id = desk.article("Gone", Some("gone")).await;
        let kept = desk.article("Kept", Some("kept")).await;
        desk.renamed(&id, "gone-for-good").await;
        desk.renamed(&kept, "kept-still").await;
        let r = desk.run("mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": id })).await;
        assert!(r["errors"].is_null(), "{r}");

        let old = desk.run(BY_SLUG, json!({ "s": "gone" })).await;
        assert_eq!(old["data"]["article"], Value::Null, "{old}");
        refused_slug(&desk.create(json!({ "title": "x", "body": "b", "slug": "gone" })).await);
        let r = app.graphql_as(Some(&admin.token), "mutation($id: ID!) { purgeArticle(id: $id) }", json!({ "id": id })).await;
        assert!(r["errors"].is_null(), "{r}");
        let reused = desk.create(json!({ "title": "Gone", "body": "b" })).await;
        assert_eq!(reused["data"]["createArticle"]["slug"], "gone", "{reused}");

        let other = desk.run(BY_SLUG, json!({ "s": "kept" })).await;
        assert_eq!(other["data"]["article"]["slug"], "kept-still", "{other}");
        refused_slug(&desk.create(json!({ "title": "x", "body": "b", "slug": "kept" })).await);
    }
}

on_both_backends! {
    async fn previous_slugs_of_a_page_cost_one_statement(app: TestApp) {
        let desk = Desk::open(&app).await;
        for n in 0..5 {
            let id = desk.article(&format!("Story {n}"), Some(&format!("story-{n}"))).await;
            desk.renamed(&id, &format!("story-{n}-renamed")).await;
        }
        let page = "query($n: Int!) { articles(first: $n) { nodes { slug previousSlugs } } }";
        let (_, one) = desk.counted(page, json!({ "n": 1 })).await;
        let (r, five) = desk.counted(page, json!({ "n": 5 })).await;
        let nodes = r["data"]["articles"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 5, "{r}");
        for node in nodes {
            let old = node["slug"].as_str().unwrap().trim_end_matches("-renamed");
            assert_eq!(node["previousSlugs"], json!([old]), "{r}");
        }
        assert_eq!(one, five);
    }
}

on_both_backends! {
    async fn an_old_slug_costs_one_statement_more_than_a_live_one(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Harvest", Some("harvest")).await;
        desk.renamed(&id, "harvest-report").await;
        let query = "query($s: String!) { article(slug: $s) { slug } }";
        let (r, live) = desk.counted(query, json!({ "s": "harvest-report" })).await;
        assert_eq!(r["data"]["article"]["slug"], "harvest-report", "{r}");
        let (r, old) = desk.counted(query, json!({ "s": "harvest" })).await;
        assert_eq!(r["data"]["article"]["slug"], "harvest-report", "{r}");
        assert_eq!(old, live + 1);
    }
}

on_both_backends! {
    async fn a_bundle_cannot_bring_in_an_article_under_an_old_slug(app: TestApp) {
        let desk = Desk::open(&app).await;
        let id = desk.article("Kept", Some("kept")).await;
        desk.renamed(&id, "kept-still").await;
        let when = "2026-01-01T00:00:00.000000Z";
        let lines = [
            json!({ "format": "quire-bundle", "version": 1 }),
            json!({ "type": "article", "slug": "kept", "title": "Kept", "status": "DRAFT",
                "excerpt": "", "excerptIsCustom": false, "createdAt": when, "updatedAt": when,
                "version": 1, "body": "" }),
        ];
        let bundle = lines.iter().map(|l| format!("{l}\n")).collect::<String>().into_bytes();
        let outcome = app
            .store()
            .write(move |conn| {
                transfer::import_bundle(conn, &mut bundle.as_slice(), &mut |_| {})
            })
            .await;
        match outcome {
            Err(StoreError::Bundle(error)) => {
                assert_eq!(error.line, 2, "{error}");
                assert!(error.reason.contains("another article had before"), "{error}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let r = desk.run(BY_SLUG, json!({ "s": "kept" })).await;
        assert_eq!(r["data"]["article"]["slug"], "kept-still", "{r}");
    }
}
