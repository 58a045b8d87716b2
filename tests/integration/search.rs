//! Full-text search and relevance ordering, the same on both backends: stemming, prefixes,
//! phrases, hostile input, snippets, and what anonymous readers may find.

use quire_domain::Role;
use quire_harness::{SyndicatedArticle, TestApp, article_titles, on_both_backends};
use serde_json::{Value, json};

const SEARCH: &str = "query($q: String!, $first: Int, $after: String, $order: ArticleOrder) {
    articles(filter: { search: $q }, orderBy: $order, first: $first, after: $after) {
        totalCount nodes { title searchSnippet } pageInfo { endCursor hasNextPage } } }";

/// Creates an article and publishes it unless `draft`; returns its id.
pub async fn article(app: &TestApp, token: &str, title: &str, body: &str, draft: bool) -> Value {
    let r = app.graphql_as(Some(token), "mutation($t: String!, $b: String!) { createArticle(input: { title: $t, body: $b }) { id } }", json!({ "t": title, "b": body })).await;
    let id = r["data"]["createArticle"]["id"].clone();
    assert!(id.is_string(), "{r}");
    if !draft {
        let p = app
            .graphql_as(
                Some(token),
                "mutation($id: ID!) { publishArticle(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert!(p["errors"].is_null(), "{p}");
    }
    id
}

/// Titles found for `q` by an anonymous reader, best match first.
pub async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let r = app
        .graphql(SEARCH, json!({ "q": q, "order": "RELEVANCE" }))
        .await;
    assert!(r["errors"].is_null(), "{q}: {r}");
    article_titles(&r)
}

/// The snippets found for `q` by an anonymous reader, best match first.
pub async fn snippets(app: &TestApp, q: &str) -> Vec<String> {
    let r = app
        .graphql(SEARCH, json!({ "q": q, "order": "RELEVANCE" }))
        .await;
    r["data"]["articles"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["searchSnippet"].as_str().unwrap_or_default().to_owned())
        .collect()
}

on_both_backends! {
    async fn finds_words_anywhere_and_ranks_titles_first(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        for (title, body) in [
            ("Monsoon floods the delta", "Water everywhere after the rains."),
            ("Budget talks stall", "The monsoon season delayed the vote; floods are expected."),
            ("Election results", "Nothing about weather here."),
            ("Café culture in Kraków", "Crème brûlée and coffee."),
        ] {
            article(&app, &editor.token, title, body, false).await;
        }
        let r = app.graphql(SEARCH, json!({ "q": "monsoon floods", "order": "RELEVANCE" })).await;
        assert_eq!(r["data"]["articles"]["totalCount"], 2, "{r}");
        assert_eq!(article_titles(&r), ["Monsoon floods the delta", "Budget talks stall"], "title matches rank first");

        let first = app.graphql(SEARCH, json!({ "q": "monsoon", "order": "RELEVANCE", "first": 1 })).await;
        assert_eq!(article_titles(&first), ["Monsoon floods the delta"], "{first}");
        assert_eq!(first["data"]["articles"]["pageInfo"]["hasNextPage"], true);
        let next = app.graphql(SEARCH, json!({ "q": "monsoon", "order": "RELEVANCE", "first": 1, "after": first["data"]["articles"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(article_titles(&next), ["Budget talks stall"], "{next}");
        assert_eq!(next["data"]["articles"]["pageInfo"]["hasNextPage"], false);

        let none = app.graphql(SEARCH, json!({ "q": "\"*) OR -- ;" })).await;
        assert!(none["errors"].is_null(), "search syntax never reaches the database: {none}");
        assert_eq!(none["data"]["articles"]["totalCount"], 0);
        assert_eq!(found(&app, "ELECTION").await, ["Election results"]);
        assert_eq!(found(&app, "creme brulee krakow").await, ["Café culture in Kraków"], "accents fold");
    }
}

on_both_backends! {
    async fn english_stems_prefixes_and_phrases(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        for (title, body) in [
            ("Dockers walk out", "The dockers at the port stopped work at dawn."),
            ("Crane operators strike", "Cranes stood idle."),
            ("Port news", "A crane and its operators were seen at the gate."),
            ("Cranberry harvest", "Cranberries are in season."),
            ("Docker containers", "Software news."),
        ] {
            article(&app, &editor.token, title, body, false).await;
        }
        let mut dockers = found(&app, "docker").await;
        dockers.sort();
        assert_eq!(dockers, ["Docker containers", "Dockers walk out"], "docker finds dockers");
        assert_eq!(found(&app, "dockers walking").await, ["Dockers walk out"]);

        let mut cranes = found(&app, "crane*").await;
        cranes.sort();
        assert_eq!(cranes, ["Crane operators strike", "Port news"], "crane* finds cranes, not cranberries");
        let mut cran = found(&app, "cran*").await;
        cran.sort();
        assert_eq!(cran, ["Cranberry harvest", "Crane operators strike", "Port news"]);

        assert_eq!(found(&app, "\"crane operators\"").await, ["Crane operators strike"], "a phrase matches in order only");
        assert_eq!(found(&app, "\"operators crane\"").await, Vec::<String>::new());
        assert_eq!(found(&app, "crane operators").await.len(), 2, "without quotes the words may stand apart");
        assert_eq!(found(&app, "\"crane operators\" idle").await, ["Crane operators strike"]);
    }
}

on_both_backends! {
    async fn hostile_input_never_errors(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Dockers walk out", "The dockers stopped work.", false).await;
        for q in [
            "\"unbalanced", "\"", "\"\"", "*", "**", "docker**", "*docker", "' OR 1=1 --", "'; DROP TABLE articles; --",
            "title:docker", "NEAR(docker walk)", "docker AND OR NOT", "-docker", "docker^2", "\\", ":*", "'", "&|!<->",
            "{}[]()", "docker:* & 'x'", "\u{200B}", "ˆ", "\"docker\"*", "x".repeat(500).as_str(),
        ] {
            for order in ["RELEVANCE", "PUBLISHED_AT_DESC"] {
                let r = app.graphql(SEARCH, json!({ "q": q, "order": order })).await;
                assert!(r["errors"].is_null(), "{q:?}: {r}");
                assert!(r["data"]["articles"]["totalCount"].is_number(), "{q:?}: {r}");
            }
            let (status, body) = app.get(&format!("/api/articles?q={}", url_encoded(q))).await;
            assert_eq!(status, 200, "{q:?}: {body}");
        }
        assert_eq!(found(&app, "-docker").await, ["Dockers walk out"], "a minus is no operator");
        assert_eq!(found(&app, "docker**").await, ["Dockers walk out"]);
    }
}

/// `text` as a query-string value.
fn url_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

on_both_backends! {
    async fn snippets_mark_matches_and_escape_the_rest(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Port report", "Use `<script>` with care, said the dockers: a < b & c.\n\n<script>alert('pwned')</script>", false).await;
        let r = app.graphql(SEARCH, json!({ "q": "docker" })).await;
        let snippet = r["data"]["articles"]["nodes"][0]["searchSnippet"].as_str().unwrap_or_default().to_owned();
        assert_eq!(snippet, "Use &lt;script&gt; with care, said the <mark>dockers</mark>: a &lt; b &amp; c.", "{r}");

        let plain = app.graphql("{ articles { nodes { title searchSnippet } } }", json!({})).await;
        assert_eq!(plain["data"]["articles"]["nodes"][0]["searchSnippet"], Value::Null, "no search, no snippet: {plain}");
    }
}

on_both_backends! {
    async fn drafts_and_their_snippets_stay_hidden(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Embargoed merger", "The zebrafish deal closes on Monday.", true).await;
        article(&app, &editor.token, "Aquarium opens", "Visitors saw a zebrafish.", false).await;

        let anonymous = app.graphql(SEARCH, json!({ "q": "zebrafish" })).await;
        assert_eq!(article_titles(&anonymous), ["Aquarium opens"], "{anonymous}");
        assert!(!anonymous.to_string().contains("deal closes"), "no word of the draft: {anonymous}");
        let (_, rest) = app.get("/api/articles?q=zebrafish").await;
        assert!(rest.contains("Aquarium opens") && !rest.contains("Embargoed"), "{rest}");

        let author = app.user(Role::Author).await;
        let outsider = app.graphql_as(Some(&author.token), SEARCH, json!({ "q": "zebrafish deal" })).await;
        assert_eq!(outsider["data"]["articles"]["totalCount"], 0, "an author off the byline: {outsider}");

        let staff = app.graphql_as(Some(&editor.token), SEARCH, json!({ "q": "zebrafish deal" })).await;
        assert_eq!(article_titles(&staff), ["Embargoed merger"], "editors find drafts: {staff}");
        assert_eq!(staff["data"]["articles"]["nodes"][0]["searchSnippet"], "The <mark>zebrafish deal</mark> closes on Monday.");
    }
}

on_both_backends! {
    async fn the_index_follows_edits_and_deletions(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let id = article(&app, &editor.token, "Harbour update", "Tugboats arrived.", false).await;
        assert_eq!(found(&app, "tugboat").await, ["Harbour update"]);
        let edit = app.graphql_as(Some(&editor.token), "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 2, input: { title: \"Harbour news\", body: \"Ferries arrived.\" }) { version } }", json!({ "id": id })).await;
        assert!(edit["errors"].is_null(), "{edit}");
        assert_eq!(found(&app, "tugboat").await, Vec::<String>::new(), "the old body is gone from the index");
        assert_eq!(found(&app, "ferry").await, ["Harbour news"]);
        assert_eq!(found(&app, "harbour").await, ["Harbour news"]);
        let gone = app.graphql_as(Some(&editor.token), "mutation($id: ID!) { deleteArticle(id: $id) }", json!({ "id": id })).await;
        assert!(gone["errors"].is_null(), "{gone}");
        assert_eq!(found(&app, "ferry").await, Vec::<String>::new());
    }
}

on_both_backends! {
    async fn snippets_of_a_page_cost_one_statement(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        for n in 0..10 {
            article(&app, &editor.token, &format!("Story {n}"), "Dockers stopped the cranes.", false).await;
        }
        let with = "query($n: Int!) { articles(first: $n, filter: { search: \"crane\" }) { nodes { title searchSnippet } } }";
        let without = "query($n: Int!) { articles(first: $n, filter: { search: \"crane\" }) { nodes { title } } }";
        let mut costs = Vec::new();
        for (query, n) in [(with, 1), (with, 10), (without, 10)] {
            let before = app.statement_count();
            let r = app.graphql(query, json!({ "n": n })).await;
            assert_eq!(r["data"]["articles"]["nodes"].as_array().map(Vec::len), Some(n), "{r}");
            costs.push(app.statement_count() - before);
        }
        assert_eq!(costs[0], costs[1], "{costs:?}");
        assert_eq!(costs[1], costs[2] + 1, "the texts of the whole page in one statement: {costs:?}");
    }
}

on_both_backends! {
    async fn a_phrase_of_the_syndicated_article_finds_it_first(app: TestApp) {
        let fixture = SyndicatedArticle::load();
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Victims remembered", "Families of the victims gathered. Enforced silence and disappearances of records followed.", false).await;
        article(&app, &editor.token, "International Day of Peace", "An international day for the victims of war.", false).await;
        article(&app, &editor.token, &fixture.title, &fixture.body, false).await;

        let r = app.graphql(SEARCH, json!({ "q": "\"Victims of Enforced Disappearances\"", "order": "RELEVANCE" })).await;
        assert_eq!(article_titles(&r), std::slice::from_ref(&fixture.title), "{r}");
        let snippet = r["data"]["articles"]["nodes"][0]["searchSnippet"].as_str().unwrap_or_default();
        assert!(snippet.contains("<mark>Victims of Enforced Disappearances</mark>"), "{snippet}");

        let mut loose = found(&app, "victims enforced disappearances").await;
        loose.sort();
        assert_eq!(loose, [fixture.title.clone(), "Victims remembered".to_owned()], "without quotes the words may stand apart");
        let marked = snippets(&app, "solidarity Kashmir*").await;
        assert!(marked[0].contains("<mark>"), "{marked:?}");
    }
}
