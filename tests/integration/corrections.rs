//! Corrections: editors append dated public notes to an article; readers see them with the
//! article, oldest first, and nowhere the article is hidden from them. Each one is a change like
//! any other: a new version, a new `updatedAt`, one more revision.

use chrono::{DateTime, Utc};
use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

use crate::rest::{get, get_as};

const ADD: &str = "mutation($id: ID!, $t: String!) { addCorrection(articleId: $id, text: $t) {
    version updatedAt body corrections { text createdAt } } }";

const STAFF_VIEW: &str = "query($id: ID!) { article(id: $id) { version updatedAt
    revisions { totalCount } corrections { text createdAt } } }";

/// Creates an article as `token`, published when `publish` says so; returns its id and slug.
async fn article(app: &TestApp, token: &str, title: &str, publish: bool) -> (Value, String) {
    let created = app
        .graphql_as(
            Some(token),
            "mutation($t: String!) { createArticle(input: { title: $t, body: \"The figure was 21.\" }) { id slug } }",
            json!({ "t": title }),
        )
        .await;
    let id = created["data"]["createArticle"]["id"].clone();
    assert!(id.is_string(), "{created}");
    if publish {
        let published = app
            .graphql_as(
                Some(token),
                "mutation($id: ID!) { publishArticle(id: $id) { status } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(
            published["data"]["publishArticle"]["status"], "PUBLISHED",
            "{published}"
        );
    }
    let slug = created["data"]["createArticle"]["slug"]
        .as_str()
        .unwrap()
        .to_owned();
    (id, slug)
}

fn instant(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a date: {value}"))
        .parse()
        .unwrap()
}

/// Corrections as (text, instant) pairs, so GraphQL's and REST's spellings of one instant
/// compare equal.
fn notes(corrections: &Value) -> Vec<(String, DateTime<Utc>)> {
    corrections
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {corrections}"))
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_owned(),
                instant(&c["createdAt"]),
            )
        })
        .collect()
}

/// The article as its editor sees it: version, `updatedAt`, revision count and corrections.
async fn staff_view(app: &TestApp, token: &str, id: &Value) -> Value {
    let r = app
        .graphql_as(Some(token), STAFF_VIEW, json!({ "id": id }))
        .await;
    assert!(r["data"]["article"].is_object(), "{r}");
    r["data"]["article"].clone()
}

on_both_backends! {
    async fn readers_see_corrections_oldest_first_and_each_is_a_revision(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let (id, slug) = article(&app, token, "Flood toll", true).await;
        let reader_query = format!("{{ article(slug: \"{slug}\") {{ body corrections {{ text createdAt }} }} }}");
        let (_, before) = app.graphql_cached(None, &reader_query).await;
        assert_eq!(before["data"]["article"]["corrections"], json!([]), "{before}");
        let mut seen = staff_view(&app, token, &id).await;

        let texts = [
            "An earlier version gave the toll as 21; it was 12.",
            "<script>alert(1)</script> & the river was the Jhelum, not the Chenab.",
        ];
        for (n, text) in texts.iter().enumerate() {
            let added = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": format!("  {text}\n") })).await;
            let corrected = &added["data"]["addCorrection"];
            assert!(corrected.is_object(), "{added}");
            assert_eq!(corrected["version"], seen["version"].as_i64().unwrap() + 1);
            assert!(instant(&corrected["updatedAt"]) > instant(&seen["updatedAt"]), "{corrected} after {seen}");
            assert_eq!(corrected["body"], "The figure was 21.", "the text is not rewritten");
            assert_eq!(corrected["corrections"].as_array().unwrap().len(), n + 1, "{corrected}");
            assert_eq!(corrected["corrections"][n]["text"], *text, "trimmed, kept as plain text");
            assert_eq!(corrected["corrections"][n]["createdAt"], corrected["updatedAt"]);

            let now = staff_view(&app, token, &id).await;
            assert_eq!(now["version"], corrected["version"]);
            assert_eq!(
                now["revisions"]["totalCount"].as_i64().unwrap(),
                seen["revisions"]["totalCount"].as_i64().unwrap() + 1,
                "a correction counts as a revision"
            );
            seen = now;

            let (cache, read) = app.graphql_cached(None, &reader_query).await;
            assert_eq!(cache, "miss", "the correction made the cached answer stale");
            assert_eq!(read["data"]["article"]["corrections"], seen["corrections"], "{read}");
        }

        let corrections = seen["corrections"].as_array().unwrap();
        let read: Vec<&str> = corrections.iter().map(|c| c["text"].as_str().unwrap()).collect();
        assert_eq!(read, texts, "oldest first");
        assert!(instant(&corrections[0]["createdAt"]) < instant(&corrections[1]["createdAt"]));

        let one = get(&app, &format!("/api/articles/{slug}")).await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(notes(&one.body["corrections"]), notes(&seen["corrections"]), "REST serves the same corrections");
        assert_eq!(one.body["version"], seen["version"]);
        let list = get(&app, "/api/articles").await;
        assert_eq!(list.body["data"][0]["slug"], slug.as_str(), "{}", list.body);
        assert_eq!(notes(&list.body["data"][0]["corrections"]), notes(&seen["corrections"]));
    }
}

on_both_backends! {
    async fn a_correction_to_a_draft_stays_as_hidden_as_the_draft(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let (_, live) = article(&app, token, "Live story", true).await;
        let (id, slug) = article(&app, token, "Embargoed story", false).await;
        let secret = "Embargoed: the minister resigned.";
        let added = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": secret })).await;
        assert_eq!(added["data"]["addCorrection"]["corrections"][0]["text"], secret, "{added}");

        let one = app.graphql("query($s: String!) { article(slug: $s) { corrections { text } } }", json!({ "s": slug })).await;
        assert_eq!(one["data"]["article"], Value::Null, "{one}");
        let by_id = app.graphql("query($id: ID!) { article(id: $id) { corrections { text } } }", json!({ "id": id })).await;
        assert_eq!(by_id["data"]["article"], Value::Null, "{by_id}");
        let list = app.graphql("{ articles(first: 10) { nodes { slug corrections { text } } } }", json!({})).await;
        assert_eq!(list["data"]["articles"]["nodes"], json!([{ "slug": live, "corrections": [] }]), "{list}");
        assert_eq!(get(&app, &format!("/api/articles/{slug}")).await.status, 404);
        let rest_list = get(&app, "/api/articles").await;
        assert!(!rest_list.body.to_string().contains(secret), "{}", rest_list.body);
        let reader = app.user(Role::Author).await;
        let other_authors = get_as(&app, Some(&reader.token), &format!("/api/articles/{slug}")).await;
        assert_eq!(other_authors.status, 404, "an author reads only their own drafts");

        app.graphql_as(Some(token), "mutation($id: ID!) { publishArticle(id: $id) { id } }", json!({ "id": id })).await;
        let published = app.graphql("query($s: String!) { article(slug: $s) { corrections { text } } }", json!({ "s": slug })).await;
        assert_eq!(published["data"]["article"]["corrections"], json!([{ "text": secret }]), "{published}");
    }
}

on_both_backends! {
    async fn only_editors_and_admins_add_corrections(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let author = app.user(Role::Author).await;
        let admin = app.user(Role::Admin).await;
        let (id, _) = article(&app, &editor.token, "Published", true).await;
        let (own_draft, _) = article(&app, &author.token, "Author's draft", false).await;
        let text = json!("A name was misspelt.");

        for target in [&id, &own_draft] {
            let refused = app.graphql_as(Some(&author.token), ADD, json!({ "id": target, "t": text })).await;
            assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
        }
        let anonymous = app.graphql(ADD, json!({ "id": id, "t": text })).await;
        assert_eq!(error_code(&anonymous), Some("UNAUTHENTICATED"), "{anonymous}");
        let unknown = app.graphql_as(Some(&editor.token), ADD, json!({ "id": "999999", "t": text })).await;
        assert_eq!(error_code(&unknown), Some("NOT_FOUND"), "{unknown}");
        let malformed = app.graphql_as(Some(&editor.token), ADD, json!({ "id": "abc", "t": text })).await;
        assert_eq!(error_code(&malformed), Some("BAD_USER_INPUT"), "{malformed}");
        assert_eq!(malformed["errors"][0]["extensions"]["fields"], json!(["articleId"]));

        let untouched = staff_view(&app, &editor.token, &id).await;
        assert_eq!(untouched["corrections"], json!([]), "refusals write nothing");
        assert_eq!(untouched["version"], 2);

        let by_admin = app.graphql_as(Some(&admin.token), ADD, json!({ "id": id, "t": text })).await;
        assert_eq!(by_admin["data"]["addCorrection"]["version"], 3, "{by_admin}");
    }
}

on_both_backends! {
    async fn bad_text_is_refused_naming_the_field(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let (id, _) = article(&app, token, "Story", true).await;
        for text in [
            String::new(),
            " \n\t ".to_owned(),
            "x".repeat(2_001),
            "ß".repeat(2_001),
            "Corrected\u{0} figure".to_owned(),
            "Bell \u{7} rings".to_owned(),
            "Escape \u{1b}[31m red".to_owned(),
        ] {
            let refused = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": text })).await;
            assert_eq!(error_code(&refused), Some("BAD_USER_INPUT"), "{refused}");
            assert_eq!(refused["errors"][0]["extensions"]["fields"], json!(["text"]), "{refused}");
        }
        let untouched = staff_view(&app, token, &id).await;
        assert_eq!(untouched["corrections"], json!([]));
        assert_eq!(untouched["version"], 2);

        let longest = "ß".repeat(2_000);
        let accepted = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": longest })).await;
        assert_eq!(accepted["data"]["addCorrection"]["corrections"][0]["text"], longest.as_str(), "{accepted}");
    }
}

on_both_backends! {
    async fn a_correction_makes_an_edit_from_before_it_stale(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let (id, _) = article(&app, token, "Story", false).await;
        let added = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": "A date was wrong." })).await;
        assert_eq!(added["data"]["addCorrection"]["version"], 2, "{added}");

        let update = "mutation($id: ID!, $v: Int!) { updateArticle(id: $id, expectedVersion: $v, input: { body: \"Fixed.\" }) { version } }";
        let stale = app.graphql_as(Some(token), update, json!({ "id": id, "v": 1 })).await;
        assert_eq!(error_code(&stale), Some("CONFLICT"), "{stale}");
        assert_eq!(stale["errors"][0]["extensions"]["currentVersion"], 2);
        let fresh = app.graphql_as(Some(token), update, json!({ "id": id, "v": 2 })).await;
        assert_eq!(fresh["data"]["updateArticle"]["version"], 3, "{fresh}");
        let kept = staff_view(&app, token, &id).await;
        assert_eq!(kept["corrections"][0]["text"], "A date was wrong.", "an edit keeps the corrections");
    }
}

on_both_backends! {
    async fn corrections_of_a_page_cost_one_statement(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        for n in 0..20 {
            let (id, _) = article(&app, token, &format!("Story {n}"), true).await;
            for k in 0..n % 3 {
                let added = app.graphql_as(Some(token), ADD, json!({ "id": id, "t": format!("Note {k}") })).await;
                assert!(added["data"]["addCorrection"].is_object(), "{added}");
            }
        }
        let page = "query($n: Int!) { articles(first: $n) { nodes { title corrections { text createdAt } } } }";
        let bare = "query($n: Int!) { articles(first: $n) { nodes { title } } }";
        let mut costs = Vec::new();
        for (query, n) in [(page, 1), (page, 20), (bare, 20)] {
            let before = app.statement_count();
            let r = app.graphql_as(Some(token), query, json!({ "n": n })).await;
            assert_eq!(r["data"]["articles"]["nodes"].as_array().map(Vec::len), Some(n), "{r}");
            costs.push(app.statement_count() - before);
        }
        println!("statements on {:?}: page of 1 = {}, page of 20 = {}, without corrections = {}", app.backend, costs[0], costs[1], costs[2]);
        assert_eq!(costs[0], costs[1]);
        assert_eq!(costs[1], costs[2] + 1, "corrections for the whole page in one statement");
    }
}
