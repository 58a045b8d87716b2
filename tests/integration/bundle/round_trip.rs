//! A bundle carries everything across backends and back, byte for byte, slug history and
//! corrections included, and importing it again changes nothing; a bundle of the first format
//! version, which carried neither, still goes in.

use quire_harness::{error_code, on_both_backends, spawn_app};
use serde_json::{Value, json};

use super::support::{articles_as_read, bundle_at, export, import, newsroom, other};

on_both_backends! {
    async fn export_import_export_gives_the_same_bytes_across_backends(app: TestApp) {
        let newsroom = newsroom(&app).await;
        let original = export(app.store(), true).await;
        let text = String::from_utf8(original.clone()).unwrap();
        assert!(text.starts_with("{\"format\":\"quire-bundle\",\"version\":2}\n"), "{text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("{\"type\":\"article\"")).count(), 5);
        assert!(text.contains(r#""slug":"draft-final","previousSlugs":[{"slug":"a-draft-never-published","retiredAt":"#), "{text}");
        let renamed = article_titled(&text, "A draft, never published");
        assert_eq!(renamed["previousSlugs"][1]["slug"], "draft-renamed", "oldest first: {renamed}");
        let corrected = article_titled(&text, "“headline”");
        assert_eq!(corrected["corrections"][0]["text"], "An earlier version misspelt “Srinagar”.", "{corrected}");
        assert_eq!(corrected["corrections"][1]["text"], "The figure is 21, not 12.", "{corrected}");
        assert_eq!(corrected["corrections"][1]["createdBy"], newsroom.editor.email.as_str(), "{corrected}");
        assert!(text.contains("\"passwordHash\":\"$argon2id$"));

        let there = spawn_app(other(app.backend)).await;
        let summary = import(there.store(), original.clone()).await.unwrap();
        assert_eq!((summary.articles.created, summary.users.created, summary.authors.created), (5, 2, 2), "{summary}");
        assert_eq!((summary.tags.created, summary.sources.created, summary.related.created), (3, 1, 2), "{summary}");
        assert_eq!(summary.users_without_password, 0);
        let moved = export(there.store(), true).await;
        assert!(moved == original, "the other backend exports other bytes:\n{}\n---\n{text}", String::from_utf8_lossy(&moved));

        let back = spawn_app(app.backend).await;
        import(back.store(), moved).await.unwrap();
        assert!(export(back.store(), true).await == original, "and back again");

        // Readers see the same articles, derived figures included, and people sign in as before.
        let editor = there.login(&newsroom.editor.email, &newsroom.editor.password).await;
        let here = articles_as_read(&app, &newsroom.editor.token).await;
        assert_eq!(articles_as_read(&there, &editor.token).await, here);
        assert_eq!(here.as_array().map(Vec::len), Some(5), "{here}");
        assert!(here.to_string().contains("“headline”"), "{here}");
        let writer = there.login(&newsroom.writer.email, &newsroom.writer.password).await;
        assert!(!writer.token.is_empty());

        // The import indexed what it brought in: search finds the same, snippets alike.
        let search = "{ articles(filter: { search: \"unicode 你好\" }) { nodes { title searchSnippet } } }";
        let found_here = app.graphql_as(Some(&newsroom.editor.token), search, json!({})).await;
        let found_there = there.graphql_as(Some(&editor.token), search, json!({})).await;
        assert_eq!(found_here["data"]["articles"]["nodes"].as_array().map(Vec::len), Some(1), "{found_here}");
        assert!(found_here.to_string().contains("<mark>你好</mark>"), "{found_here}");
        assert_eq!(found_there["data"], found_here["data"]);
    }
}

/// The article record of `bundle` whose title contains `fragment`.
fn article_titled(bundle: &str, fragment: &str) -> Value {
    bundle
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .find(|record| {
            record["type"] == "article"
                && record["title"]
                    .as_str()
                    .is_some_and(|t| t.contains(fragment))
        })
        .unwrap_or_else(|| panic!("no article titled {fragment:?} in {bundle}"))
}

/// `bundle` as a version-1 export would have written it: no slug history, no corrections.
fn as_version_1(bundle: &[u8]) -> Vec<u8> {
    let records: Vec<Value> = String::from_utf8_lossy(bundle)
        .lines()
        .skip(1)
        .map(|line| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            if let Some(fields) = record.as_object_mut().filter(|r| r["type"] == "article") {
                fields.remove("previousSlugs");
                fields.remove("corrections");
            }
            record
        })
        .collect();
    bundle_at(1, &records)
}

/// Each line of `bundle` read as JSON, so bundles can be compared whatever their key order.
fn records(bundle: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bundle)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

on_both_backends! {
    async fn a_version_1_bundle_goes_in_and_keeps_the_history_it_does_not_carry(app: TestApp) {
        let newsroom = newsroom(&app).await;
        let original = export(app.store(), true).await;
        let old = as_version_1(&original);
        assert!(!String::from_utf8_lossy(&old).contains("previousSlugs"));

        // Into an empty database: every article, with no history, which the next export says.
        let there = spawn_app(other(app.backend)).await;
        let summary = import(there.store(), old.clone()).await.unwrap();
        assert_eq!(summary.articles.created, 5, "{summary}");
        let mut expected = records(&original);
        expected[0]["version"] = json!(2);
        for record in expected.iter_mut().filter(|r| r["type"] == "article") {
            record["previousSlugs"] = json!([]);
            record["corrections"] = json!([]);
        }
        assert_eq!(records(&export(there.store(), true).await), expected);

        // Over the newsroom it came from: the stored history stays, so nothing changes.
        let again = import(app.store(), old).await.unwrap();
        assert!(again.is_unchanged(), "{again}");
        assert!(export(app.store(), true).await == original, "the history is kept");

        // A current bundle that lists no history for an article takes the article's away.
        let mut bare = records(&original);
        for record in bare.iter_mut().filter(|r| r["type"] == "article") {
            record["previousSlugs"] = json!([]);
            record["corrections"] = json!([]);
        }
        let stripped = import(app.store(), bundle_at(2, &bare[1..])).await.unwrap();
        assert_eq!(stripped.articles.updated, 2, "{stripped}");
        let token = Some(newsroom.editor.token.as_str());
        let gone = app.graphql_as(token, "{ article(slug: \"draft-renamed\") { slug } }", json!({})).await;
        assert_eq!(gone["data"]["article"], Value::Null, "{gone}");
        assert!(import(app.store(), original.clone()).await.unwrap().articles.updated == 2);
        assert!(export(app.store(), true).await == original, "and the bundle brings it back");
    }
}

on_both_backends! {
    async fn importing_twice_changes_nothing_and_the_bundle_wins_over_edits(app: TestApp) {
        let newsroom = newsroom(&app).await;
        let original = export(app.store(), true).await;
        let records = String::from_utf8_lossy(&original).lines().count() as u64 - 1;

        let again = import(app.store(), original.clone()).await.unwrap();
        assert!(again.is_unchanged(), "{again}");
        let k = |c: quire_persistence::transfer::KindCounts| c.unchanged;
        assert_eq!(k(again.users) + k(again.authors) + k(again.sources) + k(again.tags) + k(again.articles) + k(again.related), records);
        assert!(export(app.store(), true).await == original);

        // Someone edits an article and a tag; the bundle brings both back to its state.
        let token = Some(newsroom.editor.token.as_str());
        let found = app.graphql_as(token, "{ article(slug: \"archived-piece\") { id version } tag(slug: \"kashmir\") { id } }", json!({})).await;
        let edited = app.graphql_as(token, "mutation($id: ID!, $v: Int!, $t: ID!) {
                updateArticle(id: $id, expectedVersion: $v, input: { title: \"Retitled\", tags: [\"New tag\"] }) { version }
                updateTag(id: $t, input: { name: \"Kashmir\", description: \"changed\" }) { id } }",
            json!({ "id": found["data"]["article"]["id"], "v": found["data"]["article"]["version"], "t": found["data"]["tag"]["id"] })).await;
        assert!(edited["errors"].is_null(), "{edited}");
        let restored = import(app.store(), original.clone()).await.unwrap();
        assert_eq!((restored.articles.updated, restored.tags.updated), (1, 1), "{restored}");
        let after = String::from_utf8(export(app.store(), true).await).unwrap();
        let new_tag = after.lines().find(|l| l.contains("\"slug\":\"new-tag\"")).unwrap_or_default().to_owned();
        assert!(new_tag.starts_with("{\"type\":\"tag\""), "rows the bundle does not mention stay: {after}");
        assert_eq!(after.replace(&format!("{new_tag}\n"), ""), String::from_utf8_lossy(&original));
    }
}

on_both_backends! {
    async fn without_secrets_accounts_come_in_locked(app: TestApp) {
        let newsroom = newsroom(&app).await;
        let shared = export(app.store(), false).await;
        assert!(!String::from_utf8_lossy(&shared).contains("passwordHash"));

        let there = spawn_app(other(app.backend)).await;
        let summary = import(there.store(), shared.clone()).await.unwrap();
        assert_eq!(summary.users_without_password, 2, "{summary}");
        assert!(summary.to_string().contains("cannot sign in"), "{summary}");
        let refused = there.graphql("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
            json!({ "e": newsroom.editor.email, "p": newsroom.editor.password })).await;
        assert_eq!(error_code(&refused), Some("UNAUTHENTICATED"), "{refused}");
        assert!(export(there.store(), false).await == shared);

        // Importing it where the accounts exist leaves their passwords alone.
        assert!(import(app.store(), shared).await.unwrap().is_unchanged());
        let again = app.login(&newsroom.editor.email, &newsroom.editor.password).await;
        assert!(!again.token.is_empty());
    }
}
