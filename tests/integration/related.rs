//! What to read next: `Article.related` lists the editors' choices first, in their order, then
//! fills up with the live articles most like the one being read, by shared tags, same source and
//! recency; never the article itself, never one a reader could not open.

use chrono::{Duration, Utc};
use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

/// Creates an article and returns its id; `publish` is `None` for a draft, `Some(None)` for
/// published now, `Some(Some(at))` for published (or scheduled) at `at`.
async fn article(
    app: &TestApp,
    token: &str,
    input: Value,
    publish: Option<Option<String>>,
) -> Value {
    let created = app
        .graphql_as(
            Some(token),
            "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
            json!({ "i": input }),
        )
        .await;
    let id = created["data"]["createArticle"]["id"].clone();
    assert!(id.is_string(), "{created}");
    if let Some(at) = publish {
        let published = app
            .graphql_as(
                Some(token),
                "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { status } }",
                json!({ "id": id, "at": at }),
            )
            .await;
        assert!(
            published["data"]["publishArticle"]["status"].is_string(),
            "{published}"
        );
    }
    id
}

fn story(title: &str, tags: &[&str], source: &Value) -> Value {
    json!({ "title": title, "body": "Body text.", "tags": tags, "sourceId": source })
}

/// The titles of `related(limit: $n)` of the article `$id`, as `token` (or a reader) sees them.
async fn related(app: &TestApp, token: Option<&str>, id: &Value, limit: Value) -> Value {
    app.graphql_as(
        token,
        "query($id: ID!, $n: Int) { article(id: $id) { related(limit: $n) { title } } }",
        json!({ "id": id, "n": limit }),
    )
    .await
}

fn titles(answer: &Value) -> Vec<&str> {
    answer["data"]["article"]["related"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect()
}

/// A newsroom around one article, "Key" (tags Kashmir, Pakistan, Rights; source Wire): two
/// chosen articles, similar ones of every score, and articles a reader must never be offered.
async fn newsroom(app: &TestApp, token: &str) -> Value {
    let sources = app
        .graphql_as(
            Some(token),
            "mutation { wire: createSource(input: { name: \"Wire\" }) { id } other: createSource(input: { name: \"Other\" }) { id } }",
            json!({}),
        )
        .await;
    let (wire, other) = (
        sources["data"]["wire"]["id"].clone(),
        sources["data"]["other"]["id"].clone(),
    );
    let none = Value::Null;
    let now = Some(None);
    let past = (Utc::now() - Duration::days(90)).to_rfc3339();
    let chosen_first = article(
        app,
        token,
        story("Chosen first", &[], &none),
        Some(Some(past.clone())),
    )
    .await;
    let chosen_second = article(
        app,
        token,
        story("Chosen second", &["Kashmir"], &none),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("Two tags", &["Kashmir", "Pakistan"], &other),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("One tag, same source", &["Rights"], &wire),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("One tag", &["Pakistan"], &none),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("One tag, newer", &["Rights"], &none),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("One tag, old", &["Kashmir"], &none),
        Some(Some(past.clone())),
    )
    .await;
    article(
        app,
        token,
        story("Same source only", &["Sports"], &wire),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("Unrelated", &["Sports"], &other),
        now.clone(),
    )
    .await;
    article(
        app,
        token,
        story("Draft on topic", &["Kashmir", "Pakistan", "Rights"], &wire),
        None,
    )
    .await;
    let tomorrow = (Utc::now() + Duration::days(1)).to_rfc3339();
    article(
        app,
        token,
        story(
            "Scheduled on topic",
            &["Kashmir", "Pakistan", "Rights"],
            &wire,
        ),
        Some(Some(tomorrow)),
    )
    .await;
    let mut expired = story(
        "Expired on topic",
        &["Kashmir", "Pakistan", "Rights"],
        &wire,
    );
    expired["rightsExpireAt"] = json!((Utc::now() - Duration::hours(1)).to_rfc3339());
    article(app, token, expired, now.clone()).await;
    let mut key = story("Key", &["Kashmir", "Pakistan", "Rights"], &wire);
    key["relatedIds"] = json!([chosen_first, chosen_second]);
    article(app, token, key, now).await
}

on_both_backends! {
    async fn chosen_ones_come_first_then_the_most_similar_live_ones(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let key = newsroom(&app, &editor.token).await;

        let all = related(&app, None, &key, json!(20)).await;
        assert_eq!(titles(&all), [
            "Chosen first",
            "Chosen second",
            "Two tags",
            "One tag, same source",
            "One tag, newer",
            "One tag",
            "One tag, old",
            "Same source only",
        ], "chosen in their order, then by score (3 a tag, 1 the source, 1 fresh), newer first on ties: {all}");

        let default = related(&app, None, &key, Value::Null).await;
        assert_eq!(titles(&default), titles(&all)[..5], "five by default: {default}");
        let three = related(&app, None, &key, json!(3)).await;
        assert_eq!(titles(&three), ["Chosen first", "Chosen second", "Two tags"], "{three}");
        let one = related(&app, None, &key, json!(1)).await;
        assert_eq!(titles(&one), ["Chosen first"], "the limit cuts the chosen ones too: {one}");
        let none = related(&app, None, &key, json!(0)).await;
        assert_eq!(titles(&none), Vec::<&str>::new(), "{none}");

        let staff = related(&app, Some(&editor.token), &key, json!(20)).await;
        assert_eq!(titles(&staff), titles(&all), "filled-in articles are live ones, whoever asks: {staff}");
    }
}

on_both_backends! {
    async fn sizes_outside_zero_to_twenty_are_refused(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let id = article(&app, &editor.token, json!({ "title": "Alone", "body": "Text." }), Some(None)).await;
        for bad in [21, -1, 1_000] {
            let answer = related(&app, None, &id, json!(bad)).await;
            assert_eq!(error_code(&answer), Some("BAD_USER_INPUT"), "{answer}");
            assert_eq!(answer["errors"][0]["extensions"]["fields"], json!(["limit"]), "{answer}");
            let message = answer["errors"][0]["message"].as_str().unwrap();
            assert!(message.contains("between 0 and 20") && message.contains(&bad.to_string()), "{message}");
        }
        let alone = related(&app, None, &id, json!(5)).await;
        assert_eq!(titles(&alone), Vec::<&str>::new(), "nothing alike, nothing chosen: {alone}");
    }
}

on_both_backends! {
    async fn an_editor_sees_a_chosen_draft_but_readers_never_do(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let none = Value::Null;
        let draft = article(&app, token, story("Chosen draft", &["Kashmir"], &none), None).await;
        let live = article(&app, token, story("Chosen live", &[], &none), Some(None)).await;
        article(&app, token, story("Draft alike", &["Kashmir"], &none), None).await;
        article(&app, token, story("Live alike", &["Kashmir"], &none), Some(None)).await;
        let mut input = story("Key", &["Kashmir"], &none);
        input["relatedIds"] = json!([draft, live]);
        let key = article(&app, token, input, Some(None)).await;

        let staff = related(&app, Some(token), &key, json!(5)).await;
        assert_eq!(titles(&staff), ["Chosen draft", "Chosen live", "Live alike"], "{staff}");
        let reader = related(&app, None, &key, json!(5)).await;
        assert_eq!(titles(&reader), ["Chosen live", "Live alike"], "{reader}");

        let curated = app.graphql_as(Some(token), "query($id: ID!) { article(id: $id) { curatedRelated { title } } }", json!({ "id": key })).await;
        assert_eq!(curated["data"]["article"]["curatedRelated"], json!([{ "title": "Chosen draft" }, { "title": "Chosen live" }]), "{curated}");
        let curated = app.graphql("query($id: ID!) { article(id: $id) { curatedRelated { title } } }", json!({ "id": key })).await;
        assert_eq!(curated["data"]["article"]["curatedRelated"], json!([{ "title": "Chosen live" }]), "{curated}");
    }
}

on_both_backends! {
    async fn rest_articles_carry_the_default_related_list(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let key = newsroom(&app, &editor.token).await;
        let graphql = related(&app, None, &key, Value::Null).await;

        let (status, body) = app.get("/api/articles/key").await;
        assert_eq!(status, 200, "{body}");
        let one: Value = serde_json::from_str(&body).unwrap();
        let rest: Vec<&str> = one["related"].as_array().unwrap().iter().filter_map(|r| r["title"].as_str()).collect();
        assert_eq!(rest, titles(&graphql), "{body}");

        let (status, body) = app.get("/api/articles?limit=100").await;
        assert_eq!(status, 200, "{body}");
        let listing: Value = serde_json::from_str(&body).unwrap();
        let in_list = listing["data"].as_array().unwrap().iter().find(|a| a["slug"] == "key").unwrap();
        assert_eq!(in_list["related"], one["related"], "{body}");
    }
}

on_both_backends! {
    async fn tag_links_and_bylines_follow_their_articles_sort_key(app: TestApp) {
        use diesel::prelude::*;
        use quire_persistence::schema::{article_authors, article_tags, articles};

        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let author = app.graphql_as(token, "mutation { createAuthor(input: { name: \"Amara Obi\" }) { id } }", json!({})).await;
        let create = "mutation($t: String!, $a: [ID!]) { createArticle(input: { title: $t, body: \"b\", tags: [\"Ports\", \"Cranes\"], authorIds: $a }) { id } }";
        let mut ids = Vec::new();
        for title in ["Published now", "Scheduled", "Published then unpublished", "Retagged"] {
            let r = app.graphql_as(token, create, json!({ "t": title, "a": [author["data"]["createAuthor"]["id"]] })).await;
            ids.push(r["data"]["createArticle"]["id"].as_str().unwrap().to_owned());
        }
        let publish = "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }";
        let later = (Utc::now() + Duration::days(3)).to_rfc3339();
        app.graphql_as(token, publish, json!({ "id": ids[0] })).await;
        app.graphql_as(token, publish, json!({ "id": ids[1], "at": later })).await;
        app.graphql_as(token, publish, json!({ "id": ids[2] })).await;
        app.graphql_as(token, "mutation($id: ID!) { unpublishArticle(id: $id) { id } }", json!({ "id": ids[2] })).await;
        let retag = app.graphql_as(token, "mutation($id: ID!) {
            updateArticle(id: $id, expectedVersion: 1, input: { tags: [\"Docks\"] }) { id } }", json!({ "id": ids[3] })).await;
        assert!(retag["errors"].is_null(), "{retag}");

        let (links, out_of_step, bylines, bylines_out_of_step): (i64, i64, i64, i64) = app
            .store()
            .read(|conn| {
                let links = article_tags::table.count().get_result(conn)?;
                let out_of_step = article_tags::table
                    .inner_join(articles::table)
                    .filter(article_tags::sort_at.ne(articles::sort_at))
                    .count()
                    .get_result(conn)?;
                let bylines = article_authors::table.count().get_result(conn)?;
                let bylines_out_of_step = article_authors::table
                    .inner_join(articles::table)
                    .filter(article_authors::sort_at.ne(articles::sort_at))
                    .count()
                    .get_result(conn)?;
                Ok((links, out_of_step, bylines, bylines_out_of_step))
            })
            .await
            .unwrap();
        assert_eq!((links, bylines), (7, 4));
        assert_eq!(out_of_step, 0, "every tag link carries its article's sort key");
        assert_eq!(bylines_out_of_step, 0, "every byline carries its article's sort key");
    }
}
