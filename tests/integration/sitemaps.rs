//! `/sitemap.xml`, its index past the per-file limit, and `/sitemap-news.xml`, parsed as XML and
//! checked against the sitemap protocol's rules: namespaces, absolute addresses under the public
//! URL, W3C datetimes, at most the per-file number of addresses, published articles only.

use chrono::{DateTime, Duration, Utc};
use quire_api::Config;
use quire_api::syndication::settings::PublicUrl;
use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use serde_json::json;

use crate::content::{Stage, article};

const PUBLIC: &str = "https://news.example.com";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";

fn public_url(config: &mut Config) {
    config.syndication.public_url = PublicUrl::parse(PUBLIC).ok();
}

fn two_per_file(config: &mut Config) {
    public_url(config);
    config.syndication.sitemap_urls_per_file = 2;
}

fn french_publication(config: &mut Config) {
    public_url(config);
    config.syndication.publication_name = "Le Quotidien".to_owned();
    config.syndication.publication_language = "fr".to_owned();
}

/// Publishes `titles` and leaves a draft, a scheduled and an archived article beside them.
async fn publish(app: &TestApp, titles: &[&str]) {
    let editor = app.user(Role::Editor).await;
    let token = editor.token.as_str();
    for title in titles {
        article(
            app,
            token,
            json!({ "title": title, "body": "Body." }),
            Stage::Publish,
        )
        .await;
    }
    for (title, stage) in [
        ("Hidden draft", Stage::Draft),
        ("Hidden scheduled", Stage::Schedule),
        ("Hidden archived", Stage::Archive),
    ] {
        article(
            app,
            token,
            json!({ "title": title, "body": "Body." }),
            stage,
        )
        .await;
    }
}

/// GETs a sitemap, checks its media type, and returns its text.
async fn fetch(app: &TestApp, path: &str) -> String {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "application/xml; charset=utf-8",
        "{path}"
    );
    response.text().await.unwrap()
}

/// The text of every `name` element in the protocol's namespace `ns`.
fn texts(doc: &roxmltree::Document<'_>, ns: &str, name: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name((ns, name)))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

/// A W3C datetime with seconds and a zone, as crawlers read it.
fn w3c(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("`{text}` is not a W3C datetime: {e}"))
        .to_utc()
}

/// The `urlset` of a sitemap file: its article addresses, checked.
fn urlset(text: &str, at_most: usize) -> Vec<String> {
    let doc = roxmltree::Document::parse(text).unwrap();
    assert!(
        doc.root_element().has_tag_name((SITEMAP, "urlset")),
        "{text}"
    );
    let locs = texts(&doc, SITEMAP, "loc");
    assert!(
        locs.len() <= at_most,
        "{} addresses in one file",
        locs.len()
    );
    let lastmods = texts(&doc, SITEMAP, "lastmod");
    assert_eq!(
        lastmods.len(),
        locs.len(),
        "every address has its last change"
    );
    for lastmod in &lastmods {
        assert!(w3c(lastmod) <= Utc::now(), "{lastmod}");
    }
    for loc in &locs {
        assert!(loc.starts_with(&format!("{PUBLIC}/articles/")), "{loc}");
    }
    locs
}

fn article_url(slug: &str) -> String {
    format!("{PUBLIC}/articles/{slug}")
}

on_both_backends! {
    async fn the_sitemap_lists_every_published_article(app: TestApp = public_url) {
        publish(&app, &["One", "Two", "Three"]).await;
        let response = app.client.get(format!("{}/sitemap.xml", app.address)).send().await.unwrap();
        assert!(response.headers().contains_key("last-modified"));
        let head = app.client.head(format!("{}/sitemap.xml", app.address)).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 200);
        assert!(head.text().await.unwrap().is_empty());
        let mut locs = urlset(&fetch(&app, "/sitemap.xml").await, 50_000);
        locs.sort();
        assert_eq!(locs, [article_url("one"), article_url("three"), article_url("two")]);
    }
}

on_both_backends! {
    async fn past_the_per_file_limit_the_sitemap_is_an_index(app: TestApp = two_per_file) {
        publish(&app, &["One", "Two", "Three", "Four", "Five"]).await;
        let index = fetch(&app, "/sitemap.xml").await;
        let doc = roxmltree::Document::parse(&index).unwrap();
        assert!(doc.root_element().has_tag_name((SITEMAP, "sitemapindex")), "{index}");
        let files = texts(&doc, SITEMAP, "loc");
        let expected: Vec<String> = (1..=3).map(|n| format!("{PUBLIC}/sitemaps/articles-{n}.xml")).collect();
        assert_eq!(files, expected);
        let mut listed = Vec::new();
        for file in &files {
            let path = file.strip_prefix(PUBLIC).unwrap();
            listed.extend(urlset(&fetch(&app, path).await, 2));
        }
        listed.sort();
        let mut published: Vec<String> = ["one", "two", "three", "four", "five"].map(article_url).to_vec();
        published.sort();
        assert_eq!(listed, published, "each published article in exactly one file");
        for missing in ["/sitemaps/articles-4.xml", "/sitemaps/articles-0.xml", "/sitemaps/articles-x.xml"] {
            assert_eq!(app.get(missing).await.0, 404, "{missing}");
        }
    }
}

on_both_backends! {
    async fn the_news_sitemap_holds_the_last_two_days(app: TestApp = french_publication) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let recent = Utc::now() - Duration::hours(47);
        article(&app, token, json!({ "title": "Yesterday & today", "body": "Body." }), Stage::PublishedAt(recent)).await;
        article(&app, token, json!({ "title": "Fresh", "body": "Body." }), Stage::Publish).await;
        article(&app, token, json!({ "title": "Last week", "body": "Body." }), Stage::PublishedAt(Utc::now() - Duration::hours(49))).await;
        article(&app, token, json!({ "title": "Unpublished", "body": "Body." }), Stage::Draft).await;

        let text = fetch(&app, "/sitemap-news.xml").await;
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert!(doc.root_element().has_tag_name((SITEMAP, "urlset")), "{text}");
        assert_eq!(texts(&doc, SITEMAP, "loc"), [article_url("fresh"), article_url("yesterday-today")]);
        assert_eq!(texts(&doc, NEWS, "title"), ["Fresh", "Yesterday & today"]);
        assert_eq!(texts(&doc, NEWS, "name"), ["Le Quotidien", "Le Quotidien"]);
        assert_eq!(texts(&doc, NEWS, "language"), ["fr", "fr"]);
        let dates: Vec<DateTime<Utc>> = texts(&doc, NEWS, "publication_date").iter().map(|d| w3c(d)).collect();
        assert_eq!(dates.len(), 2);
        assert!((dates[1] - recent).num_seconds().abs() <= 1, "{dates:?}");
        assert!(dates.iter().all(|d| *d > Utc::now() - Duration::hours(48)), "{dates:?}");
    }
}
