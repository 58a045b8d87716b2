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

on_both_backends! {
    async fn authors_see_their_own_drafts_and_no_one_elses(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let (alice, bob) = (app.user(Role::Author).await, app.user(Role::Author).await);
        let ann = app.graphql_as(Some(&editor.token), "mutation { createAuthor(input: { name: \"Ann\" }) { id } }", json!({})).await;
        let ann = ann["data"]["createAuthor"]["id"].clone();
        let create = "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }";
        let draft = |token: String, title: &'static str| {
            let app = &app;
            let ann = ann.clone();
            async move {
                let r = app.graphql_as(Some(&token), create, json!({ "i": { "title": title, "body": "Under embargo.", "tags": ["news"], "authorIds": [ann] } })).await;
                r["data"]["createArticle"].clone()
            }
        };
        let alices = draft(alice.token.clone(), "Alpha embargo").await;
        let bobs = draft(bob.token.clone(), "Bravo embargo").await;
        let live = app.graphql_as(Some(&editor.token), create, json!({ "i": { "title": "Live", "body": "Out.", "tags": ["news"], "authorIds": [ann], "relatedIds": [alices["id"], bobs["id"]] } })).await;
        let live = live["data"]["createArticle"]["id"].clone();
        app.graphql_as(Some(&editor.token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": live })).await;

        let q = "query($mine: ID!, $theirs: ID!, $theirSlug: String!) {
            mine: article(id: $mine) { title }
            byId: article(id: $theirs) { title }
            bySlug: article(slug: $theirSlug) { title }
            all: articles { totalCount }
            drafts: articles(filter: { status: [DRAFT] }) { totalCount nodes { title } }
            search: articles(filter: { search: \"embargo\" }) { totalCount nodes { title } }
            author(slug: \"ann\") { articles { totalCount nodes { title } } }
            tag(slug: \"news\") { articleCount articles { totalCount } }
            live: article(slug: \"live\") { related { title } }
        }";
        let as_alice = app.graphql_as(Some(&alice.token), q, json!({ "mine": alices["id"], "theirs": bobs["id"], "theirSlug": bobs["slug"] })).await;
        assert!(as_alice["errors"].is_null(), "{as_alice}");
        let d = &as_alice["data"];
        assert_eq!(d["mine"]["title"], "Alpha embargo", "an author reads their own draft: {as_alice}");
        assert_eq!(d["byId"], json!(null), "another author's draft is hidden by id: {as_alice}");
        assert_eq!(d["bySlug"], json!(null), "and by slug");
        assert_eq!(d["all"]["totalCount"], 2);
        assert_eq!(d["drafts"], json!({ "totalCount": 1, "nodes": [{ "title": "Alpha embargo" }] }));
        assert_eq!(d["search"], json!({ "totalCount": 1, "nodes": [{ "title": "Alpha embargo" }] }));
        assert_eq!(d["author"]["articles"]["totalCount"], 2);
        assert!(d["author"]["articles"]["nodes"].as_array().unwrap().iter().all(|n| n["title"] != "Bravo embargo"), "{as_alice}");
        assert_eq!(d["tag"], json!({ "articleCount": 2, "articles": { "totalCount": 2 } }));
        assert_eq!(d["live"]["related"], json!([{ "title": "Alpha embargo" }]));

        let as_bob = app.graphql_as(Some(&bob.token), q, json!({ "mine": bobs["id"], "theirs": alices["id"], "theirSlug": alices["slug"] })).await;
        assert_eq!(as_bob["data"]["byId"], json!(null), "{as_bob}");
        assert_eq!(as_bob["data"]["drafts"]["nodes"], json!([{ "title": "Bravo embargo" }]));
        assert_eq!(as_bob["data"]["live"]["related"], json!([{ "title": "Bravo embargo" }]));

        let as_editor = app.graphql_as(Some(&editor.token), q, json!({ "mine": alices["id"], "theirs": bobs["id"], "theirSlug": bobs["slug"] })).await;
        let d = &as_editor["data"];
        assert_eq!(d["byId"]["title"], "Bravo embargo", "editors see every draft: {as_editor}");
        assert_eq!(d["bySlug"]["title"], "Bravo embargo");
        assert_eq!(d["all"]["totalCount"], 3);
        assert_eq!(d["drafts"]["totalCount"], 2);
        assert_eq!(d["search"]["totalCount"], 2);
        assert_eq!(d["author"]["articles"]["totalCount"], 3);
        assert_eq!(d["tag"], json!({ "articleCount": 3, "articles": { "totalCount": 3 } }));
        assert_eq!(d["live"]["related"].as_array().unwrap().len(), 2);

        let edit = "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { title: \"Scooped\" }) { title } }";
        let scoop = app.graphql_as(Some(&alice.token), edit, json!({ "id": bobs["id"] })).await;
        assert_eq!(quire_harness::error_code(&scoop), Some("FORBIDDEN"), "{scoop}");
    }
}
