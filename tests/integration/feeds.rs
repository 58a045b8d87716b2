//! Atom, RSS 2.0 and JSON Feed, for all articles and per tag, author and source, read with a
//! real feed parser: titles, bylines, categories, full HTML, links under the public URL and the
//! source credited; drafts, scheduled and archived articles never appear.

use feed_rs::model::Feed;
use quire_api::Config;
use quire_api::syndication::settings::PublicUrl;
use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::{Value, json};

use crate::content::{Stage, article, mutate};

const PUBLIC: &str = "https://news.example.com/desk";

fn public_url(config: &mut Config) {
    config.syndication.public_url = PublicUrl::parse(&format!("{PUBLIC}/")).ok();
    config.syndication.publication_name = "The Daily Quire".to_owned();
}

/// A syndicated article with two authors, a plain one, and three that must stay hidden.
async fn newsroom(app: &TestApp) {
    let editor = app.user(Role::Editor).await;
    let token = editor.token.as_str();
    let made = mutate(app, token, "mutation {
        quint: createSource(input: { name: \"The Quint\", url: \"https://www.thequint.com/\", country: \"India\" }) { id }
        ann: createAuthor(input: { name: \"Ann Writer\" }) { id }
        bo: createAuthor(input: { name: \"Bo Reporter\" }) { id }
    }", json!({})).await;
    let (quint, ann, bo) = (&made["quint"]["id"], &made["ann"]["id"], &made["bo"]["id"]);
    article(app, token, json!({
        "title": "Floods in Assam", "body": "Rivers **rose** overnight.\n\nThousands moved to camps.",
        "excerpt": "Rivers rose overnight.", "authorIds": [ann, bo], "tags": ["Climate", "India"],
        "sourceId": quint, "sourceUrl": "https://www.thequint.com/news/floods?x=1&y=2",
    }), Stage::Publish).await;
    article(app, token, json!({ "title": "Markets rally", "body": "Shares rose.", "authorIds": [bo], "tags": ["Business"] }), Stage::Publish).await;
    for (title, stage) in [
        ("Secret draft", Stage::Draft),
        ("Tomorrow's story", Stage::Schedule),
        ("Old news", Stage::Archive),
    ] {
        article(app, token, json!({ "title": title, "body": "Hidden.", "authorIds": [ann], "tags": ["Climate"], "sourceId": quint }), stage).await;
    }
}

/// GETs a feed, checks its media type and `Last-Modified`, and returns its body.
async fn fetch(app: &TestApp, path: &str) -> String {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let media = match path.rsplit('.').next().unwrap() {
        "atom" => "application/atom+xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };
    assert_eq!(response.headers()["content-type"], media, "{path}");
    assert!(response.headers().contains_key("last-modified"), "{path}");
    response.text().await.unwrap()
}

fn titles(feed: &Feed) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect()
}

/// Every link of the feed and its entries, except links to the original at the source.
fn own_links(feed: &Feed) -> Vec<String> {
    let entry_links = feed
        .entries
        .iter()
        .flat_map(|e| e.links.iter().map(|l| l.href.clone()));
    feed.links
        .iter()
        .map(|l| l.href.clone())
        .chain(entry_links)
        .filter(|href| !href.contains("thequint.com"))
        .collect()
}

fn check_syndicated_entry(feed: &Feed, path: &str) {
    let entry = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().unwrap().content == "Floods in Assam")
        .unwrap();
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .map(|a| a.name.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(authors, ["Ann Writer", "Bo Reporter"], "{path}");
    let categories: Vec<&str> = entry
        .categories
        .iter()
        .map(|c| c.label.as_deref().unwrap_or(&c.term))
        .collect();
    assert_eq!(categories, ["Climate", "India"], "{path}");
    let html = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap();
    assert!(
        html.contains("Rivers <strong>rose</strong> overnight."),
        "{path}: {html}"
    );
    assert!(html.contains("Source: The Quint, India"), "{path}: {html}");
    assert!(
        html.contains("href=\"https://www.thequint.com/news/floods?x=1&amp;y=2\""),
        "{path}: {html}"
    );
    assert_eq!(
        entry.summary.as_ref().unwrap().content,
        "Rivers rose overnight.",
        "{path}"
    );
    let hrefs: Vec<&str> = entry.links.iter().map(|l| l.href.as_str()).collect();
    assert!(
        hrefs.contains(&format!("{PUBLIC}/articles/floods-in-assam").as_str()),
        "{path}: {hrefs:?}"
    );
    assert!(entry.published.is_some(), "{path}");
}

/// The format's own element names the source: `atom:source` and RSS `source`.
fn check_source_element(body: &str, path: &str) {
    if path.ends_with(".json") {
        let json: Value = serde_json::from_str(body).unwrap();
        let item = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["title"] == "Floods in Assam")
            .unwrap();
        assert_eq!(
            item["external_url"],
            "https://www.thequint.com/news/floods?x=1&y=2"
        );
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        return;
    }
    let doc = roxmltree::Document::parse(body).unwrap();
    let named = |tag: &str| doc.descendants().find(|n| n.tag_name().name() == tag);
    if path.ends_with(".atom") {
        let source = named("source").unwrap_or_else(|| panic!("{path} has no atom:source"));
        let title = source
            .children()
            .find(|n| n.tag_name().name() == "title")
            .and_then(|n| n.text());
        assert_eq!(title, Some("The Quint"), "{path}");
        let id = source
            .children()
            .find(|n| n.tag_name().name() == "id")
            .and_then(|n| n.text());
        assert_eq!(
            id,
            Some(format!("{PUBLIC}/sources/the-quint").as_str()),
            "{path}"
        );
    } else if path.ends_with(".rss") {
        let source = named("source").unwrap_or_else(|| panic!("{path} has no source"));
        assert_eq!(source.text(), Some("The Quint"), "{path}");
        assert_eq!(
            source.attribute("url"),
            Some("https://www.thequint.com/news/floods?x=1&y=2")
        );
    } else {
        let json: Value = serde_json::from_str(body).unwrap();
        let item = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["title"] == "Floods in Assam")
            .unwrap();
        assert_eq!(
            item["external_url"],
            "https://www.thequint.com/news/floods?x=1&y=2"
        );
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    }
}

on_both_backends! {
    async fn every_feed_carries_published_articles_in_full(app: TestApp = public_url) {
        newsroom(&app).await;
        let feeds = [
            ("articles", vec!["Markets rally", "Floods in Assam"], "The Daily Quire", format!("{PUBLIC}/")),
            ("tags/climate", vec!["Floods in Assam"], "The Daily Quire: Climate", format!("{PUBLIC}/tags/climate")),
            ("authors/ann-writer", vec!["Floods in Assam"], "The Daily Quire: Ann Writer", format!("{PUBLIC}/authors/ann-writer")),
            ("authors/bo-reporter", vec!["Markets rally", "Floods in Assam"], "The Daily Quire: Bo Reporter", format!("{PUBLIC}/authors/bo-reporter")),
            ("sources/the-quint", vec!["Floods in Assam"], "The Daily Quire: The Quint", format!("{PUBLIC}/sources/the-quint")),
        ];
        for (name, expected, title, page) in feeds {
            for format in ["atom", "rss", "json"] {
                let path = format!("/feeds/{name}.{format}");
                let body = fetch(&app, &path).await;
                let feed = feed_rs::parser::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}\n{body}"));
                assert_eq!(titles(&feed), expected, "{path}");
                assert_eq!(feed.title.as_ref().unwrap().content, title, "{path}");
                let links = own_links(&feed);
                assert!(links.contains(&page), "{path}: {links:?}");
                assert!(links.iter().all(|l| l.starts_with(PUBLIC)), "{path}: {links:?}");
                check_syndicated_entry(&feed, &path);
                check_source_element(&body, &path);
            }
        }
    }
}

on_both_backends! {
    async fn unknown_feeds_are_not_found(app: TestApp) {
        newsroom(&app).await;
        for path in ["/feeds/tags/nope.atom", "/feeds/authors/nope.rss", "/feeds/sources/nope.json",
                     "/feeds/articles.xml", "/feeds/tags/climate.txt", "/feeds/tags/climate",
                     "/feeds/widgets/climate.atom"] {
            let (status, body) = app.get(path).await;
            assert_eq!(status, 404, "{path}");
            let body: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(body["error"]["code"], "NOT_FOUND", "{path}");
        }
        let head = app.client.head(format!("{}/feeds/tags/climate.rss", app.address)).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 200);
        assert_eq!(head.headers()["content-type"], "application/rss+xml; charset=utf-8");
        assert!(head.text().await.unwrap().is_empty());
        let forged = app.client.get(format!("{}/feeds/articles.atom", app.address)).bearer_auth("forged").send().await.unwrap();
        assert_eq!(forged.status().as_u16(), 401, "a bad token is refused, never read as anonymous");
        let body: Value = forged.json().await.unwrap();
        assert_eq!(body["error"]["code"], "UNAUTHENTICATED");
    }
}

on_both_backends! {
    async fn links_follow_the_request_without_a_public_url(app: TestApp) {
        newsroom(&app).await;
        let body = fetch(&app, "/feeds/articles.atom").await;
        let feed = feed_rs::parser::parse(body.as_bytes()).unwrap();
        let links = own_links(&feed);
        assert!(links.contains(&format!("{}/articles/markets-rally", app.address)), "{links:?}");
        assert!(links.iter().all(|l| l.starts_with(&app.address)), "{links:?}");
    }
}

on_both_backends! {
    async fn a_feed_of_many_costs_what_a_feed_of_one_does(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let made = mutate(&app, token, "mutation { s: createSource(input: { name: \"Wire\" }) { id } a: createAuthor(input: { name: \"A One\" }) { id } }", json!({})).await;
        let one = json!({ "title": "Only one", "body": "Body.", "authorIds": [made["a"]["id"]], "tags": ["solo"], "sourceId": made["s"]["id"] });
        article(&app, token, one, Stage::Publish).await;
        for n in 0..6 {
            article(&app, token, json!({ "title": format!("Story {n}"), "body": "Body.", "authorIds": [made["a"]["id"]],
                "tags": [format!("tag {n}"), "many"], "sourceId": made["s"]["id"] }), Stage::Publish).await;
        }
        let mut costs = Vec::new();
        for path in ["/feeds/tags/solo.atom", "/feeds/tags/many.atom"] {
            let before = app.statement_count();
            fetch(&app, path).await;
            costs.push(app.statement_count() - before);
        }
        assert_eq!(costs[0], costs[1], "{costs:?}");
        assert!(costs[1] <= 6, "tag + list + bodies + authors + tags + sources, got {costs:?}");
    }
}
