//! The full editorial round trip with a real syndicated article.

use quire_domain::Role;
use quire_harness::{SyndicatedArticle, on_both_backends};
use serde_json::json;

const ARTICLE_FIELDS: &str = "id slug title status version excerpt wordCount readingTimeMinutes bodyHtml \
    sourceUrl publishedAt authors { name bio } source { name country } tags { name slug articleCount } \
    related { title slug }";

on_both_backends! {
    async fn syndicated_article_from_draft_to_readers(app: TestApp) {
        let fixture = SyndicatedArticle::load();
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());

        let setup = app.graphql_as(token, "mutation($a: AuthorInput!, $s: SourceInput!) {
                createAuthor(input: $a) { id slug }
                createSource(input: $s) { id slug name country }
            }",
            json!({
                "a": { "name": fixture.author_name, "bio": fixture.author_bio },
                "s": { "name": fixture.source_name, "country": fixture.source_country, "url": "https://www.thequint.com" },
            })).await;
        assert_eq!(setup["data"]["createSource"]["slug"], "the-quint", "{setup}");
        assert_eq!(setup["data"]["createSource"]["country"], "India");
        assert_eq!(setup["data"]["createAuthor"]["slug"], "taha-siddiqui");
        let author_id = setup["data"]["createAuthor"]["id"].clone();
        let source_id = setup["data"]["createSource"]["id"].clone();

        // The "Also read" articles exist first, published.
        let mut related_ids = Vec::new();
        for title in &fixture.also_read {
            let created = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
                json!({ "i": { "title": title, "body": "Related piece.", "tags": ["Kashmir"] } })).await;
            let id = created["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { status } }", json!({ "id": id })).await;
            related_ids.push(id);
        }

        let created = app.graphql_as(token, &format!("mutation($i: CreateArticleInput!) {{ createArticle(input: $i) {{ {ARTICLE_FIELDS} }} }}"),
            json!({ "i": {
                "title": fixture.title,
                "body": fixture.body,
                "authorIds": [author_id],
                "sourceId": source_id,
                "sourceUrl": "https://www.thequint.com/voices/opinion/pakistan-kashmir-solidarity-missing-persons",
                "tags": ["Kashmir", "Pakistan", "Human rights", "kashmir"],
                "relatedIds": related_ids,
            }})).await;
        let article = &created["data"]["createArticle"];
        assert_eq!(article["status"], "DRAFT", "{created}");
        assert_eq!(article["version"], 1);
        assert_eq!(article["slug"], "dear-pak-kashmir-needs-solidarity-so-do-missing-pakistanis");
        assert_eq!(article["authors"][0]["name"], "Taha Siddiqui");
        assert!(article["authors"][0]["bio"].as_str().unwrap().contains("journalist living in exile"));
        assert_eq!(article["source"], json!({ "name": "The Quint", "country": "India" }));
        let tags: Vec<&str> = article["tags"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(tags, ["Kashmir", "Pakistan", "Human rights"], "tag names are unique regardless of case");
        assert_eq!(article["related"].as_array().unwrap().len(), fixture.also_read.len());
        assert!(article["wordCount"].as_i64().unwrap() > 900, "{}", article["wordCount"]);
        assert!(article["readingTimeMinutes"].as_i64().unwrap() >= 4);
        assert!(article["excerpt"].as_str().unwrap().starts_with("Today, on 30 August"));
        assert!(!article["bodyHtml"].as_str().unwrap().contains("Also Read"));
        let id = article["id"].clone();
        let slug = article["slug"].as_str().unwrap().to_owned();

        // Readers do not see the draft.
        let anonymous = app.graphql("query($s: String!) { article(slug: $s) { id } }", json!({ "s": slug })).await;
        assert_eq!(anonymous["data"]["article"], json!(null));

        let published = app.graphql_as(token, "mutation($id: ID!) { publishArticle(id: $id) { status version publishedAt } }", json!({ "id": id })).await;
        assert_eq!(published["data"]["publishArticle"]["status"], "PUBLISHED", "{published}");
        assert_eq!(published["data"]["publishArticle"]["version"], 2);

        let read = app.graphql(&format!("query($s: String!) {{ article(slug: $s) {{ {ARTICLE_FIELDS} }} }}"), json!({ "s": slug })).await;
        let article = &read["data"]["article"];
        assert_eq!(article["title"], fixture.title.as_str(), "{read}");
        assert_eq!(article["status"], "PUBLISHED");
        assert_eq!(article["tags"][0]["articleCount"], fixture.also_read.len() + 1);
        assert_eq!(article["related"][0]["title"], fixture.also_read[0].as_str());

        // The same article reached through its author, source and tag.
        let through = app.graphql("query { author(slug: \"taha-siddiqui\") { articles { totalCount nodes { slug } } }
                source(slug: \"the-quint\") { articles { totalCount } }
                tag(slug: \"human-rights\") { articleCount articles { nodes { slug } } } }", json!({})).await;
        assert_eq!(through["data"]["author"]["articles"]["totalCount"], 1, "{through}");
        assert_eq!(through["data"]["author"]["articles"]["nodes"][0]["slug"], slug.as_str());
        assert_eq!(through["data"]["source"]["articles"]["totalCount"], 1);
        assert_eq!(through["data"]["tag"]["articleCount"], 1);

        // Archived articles leave the public site but stay for staff.
        app.graphql_as(token, "mutation($id: ID!) { archiveArticle(id: $id) { status } }", json!({ "id": id })).await;
        let gone = app.graphql("query($s: String!) { article(slug: $s) { id } }", json!({ "s": slug })).await;
        assert_eq!(gone["data"]["article"], json!(null));
        let staff = app.graphql_as(token, "query($s: String!) { article(slug: $s) { status } }", json!({ "s": slug })).await;
        assert_eq!(staff["data"]["article"]["status"], "ARCHIVED");
    }
}

on_both_backends! {
    async fn updates_rederive_text_and_keep_revisions(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let created = app.graphql_as(token, "mutation { createArticle(input: { title: \"First\", body: \"One two three.\" }) { id version excerpt } }", json!({})).await;
        let id = created["data"]["createArticle"]["id"].clone();
        let updated = app.graphql_as(token, "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { body: \"Four *five* six seven.\", subtitle: \"Sub\" }) {
                version excerpt wordCount subtitle title revisions { totalCount nodes { revision title body } } } }",
            json!({ "id": id })).await;
        let article = &updated["data"]["updateArticle"];
        assert_eq!(article["version"], 2, "{updated}");
        assert_eq!(article["excerpt"], "Four five six seven.");
        assert_eq!(article["wordCount"], 4);
        assert_eq!(article["title"], "First", "fields left out stay unchanged");
        assert_eq!(article["subtitle"], "Sub");
        assert_eq!(article["revisions"]["totalCount"], 2);
        assert_eq!(article["revisions"]["nodes"][0]["revision"], 2);
        assert_eq!(article["revisions"]["nodes"][1]["body"], "One two three.");

        let cleared = app.graphql_as(token, "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 2, input: { subtitle: null }) { subtitle version } }", json!({ "id": id })).await;
        assert_eq!(cleared["data"]["updateArticle"]["subtitle"], json!(null), "{cleared}");
        assert_eq!(cleared["data"]["updateArticle"]["version"], 3);

        let deleted = app.graphql_as(token, "mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": id })).await;
        assert_eq!(deleted["data"]["deleteArticle"], id);
        let after = app.graphql_as(token, "query($id: ID!) { article(id: $id) { id } }", json!({ "id": id })).await;
        assert_eq!(after["data"]["article"], json!(null));
    }
}

on_both_backends! {
    async fn taken_slugs_get_a_suffix_or_a_conflict(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let create = "mutation($i: CreateArticleInput!) { createArticle(input: $i) { slug } }";
        let mut slugs = Vec::new();
        for _ in 0..3 {
            let r = app.graphql_as(token, create, json!({ "i": { "title": "Kashmir Hour", "body": "" } })).await;
            slugs.push(r["data"]["createArticle"]["slug"].as_str().unwrap().to_owned());
        }
        assert_eq!(slugs, ["kashmir-hour", "kashmir-hour-2", "kashmir-hour-3"]);
        let taken = app.graphql_as(token, create, json!({ "i": { "title": "Other", "body": "", "slug": "kashmir-hour" } })).await;
        assert_eq!(quire_harness::error_code(&taken), Some("CONFLICT"), "{taken}");
        assert_eq!(taken["errors"][0]["extensions"]["fields"], json!(["slug"]));
    }
}
