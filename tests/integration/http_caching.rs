//! HTTP caching of content reads, shown on GraphQL over GET (REST, feeds and sitemaps go through
//! the same layer and have their own tests): strong entity tags, 304s, `Cache-Control` by who
//! asks, compression only where it pays, and CORS for the configured origins.

use quire_domain::Role;
use quire_harness::{TestApp, on_both_backends};
use reqwest::header::{self, HeaderMap};
use serde_json::json;

/// A small anonymous read: the published titles, as a link would ask for them.
const TITLES: &str = "/graphql?query=%7Barticles(first:20)%7Bnodes%7Btitle%7D%7D%7D";

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, HeaderMap, Vec<u8>) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

/// `body` decoded from `coding`.
fn decoded(coding: &str, body: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut out = Vec::new();
    match coding {
        "br" => brotli::Decompressor::new(body, 4096)
            .read_to_end(&mut out)
            .unwrap(),
        "gzip" => flate2::read::GzDecoder::new(body)
            .read_to_end(&mut out)
            .unwrap(),
        other => panic!("no decoder for {other}"),
    };
    out
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn publish_articles(app: &TestApp, count: usize) {
    let editor = app.user(Role::Editor).await;
    let token = Some(editor.token.as_str());
    for n in 0..count {
        let created = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
            json!({ "i": { "title": format!("A story with a title long enough to fill a page, number {n}"), "body": "Body." } })).await;
        let id = created["data"]["createArticle"]["id"].clone();
        app.graphql_as(
            token,
            "mutation($id: ID!) { publishArticle(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    }
}

on_both_backends! {
    async fn an_unchanged_answer_is_a_304_until_a_write_changes_it(app: TestApp) {
        publish_articles(&app, 1).await;
        let (status, headers, body) = get(&app, TITLES, &[]).await;
        assert_eq!(status, 200);
        let tag = text(&headers, "etag").to_owned();
        assert!(tag.starts_with('"') && tag.len() > 10, "a strong tag: {tag}");
        assert_eq!(text(&headers, "cache-control"), "public, max-age=60, stale-while-revalidate=300");
        assert!(text(&headers, "vary").contains("Authorization"), "{headers:?}");

        let (status, again, body_304) = get(&app, TITLES, &[("if-none-match", &tag)]).await;
        assert_eq!(status, 304);
        assert!(body_304.is_empty());
        assert_eq!(text(&again, "etag"), tag);
        assert_eq!(text(&again, "cache-control"), text(&headers, "cache-control"));
        let listed = format!("\"other\", {tag}");
        assert_eq!(get(&app, TITLES, &[("if-none-match", &listed)]).await.0, 304);
        assert_eq!(get(&app, TITLES, &[("if-none-match", "*")]).await.0, 304);

        publish_articles(&app, 1).await;
        let (status, changed, fresh) = get(&app, TITLES, &[("if-none-match", &tag)]).await;
        assert_eq!(status, 200, "the write changed the answer");
        assert_ne!(text(&changed, "etag"), tag);
        assert_ne!(fresh, body);
    }
}

on_both_backends! {
    async fn answers_to_credentials_are_never_stored_by_caches(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let bearer = format!("Bearer {}", editor.token);
        let (status, headers, _) = get(&app, TITLES, &[("authorization", &bearer)]).await;
        assert_eq!(status, 200);
        assert_eq!(text(&headers, "cache-control"), "private, no-store");
        assert!(!text(&headers, "etag").is_empty(), "the client's own cache may still revalidate");

        let (_, failed, _) = get(&app, "/graphql?query=%7Barticles%7Bnope%7D%7D", &[]).await;
        assert_eq!(text(&failed, "cache-control"), "no-store", "errors are not kept");
        let (status, refused, _) = get(&app, "/graphql", &[("accept", "application/json")]).await;
        assert_eq!(status, 400);
        assert_eq!(text(&refused, "cache-control"), "no-store");
    }
}

on_both_backends! {
    async fn large_answers_are_compressed_and_small_ones_are_not(app: TestApp) {
        publish_articles(&app, 20).await;
        let (_, plain, plain_body) = get(&app, TITLES, &[]).await;
        assert!(plain_body.len() > 1024, "{} bytes", plain_body.len());
        assert!(plain.get("content-encoding").is_none());
        for (round, coding) in ["br", "gzip", "br", "gzip"].into_iter().enumerate() {
            let (status, headers, body) = get(&app, TITLES, &[("accept-encoding", coding)]).await;
            assert_eq!(status, 200);
            assert_eq!(text(&headers, "content-encoding"), coding);
            assert_eq!(decoded(coding, &body), plain_body, "round {round}: {coding} decodes to the body");
            assert!(body.len() < plain_body.len() / 2, "{coding}: {} bytes", body.len());
            let tag = text(&headers, "etag").to_owned();
            let bare = text(&plain, "etag").trim_matches('"');
            assert_eq!(tag, format!("\"{bare}-{coding}\""), "the compressed bytes have their own tag");
            let (status, revalidated, _) =
                get(&app, TITLES, &[("accept-encoding", coding), ("if-none-match", &tag)]).await;
            assert_eq!(status, 304, "the compressed copy revalidates too");
            assert_eq!(text(&revalidated, "etag"), tag);
        }
        let small = "/graphql?query=%7Barticles(first:1)%7BtotalCount%7D%7D";
        let (_, headers, _) = get(&app, small, &[("accept-encoding", "br, gzip")]).await;
        assert!(headers.get("content-encoding").is_none(), "{headers:?}");
    }
}

fn allow_one_origin(config: &mut quire_api::Config) {
    config.cors_origins = vec!["https://www.example.com".to_owned()];
}

on_both_backends! {
    async fn only_configured_origins_get_cors_headers(app: TestApp = allow_one_origin) {
        let (status, headers, _) = get(&app, TITLES, &[("origin", "https://www.example.com")]).await;
        assert_eq!(status, 200);
        assert_eq!(text(&headers, "access-control-allow-origin"), "https://www.example.com");
        assert!(text(&headers, "access-control-expose-headers").contains("etag"), "{headers:?}");
        let (_, other, _) = get(&app, TITLES, &[("origin", "https://evil.example")]).await;
        assert!(other.get("access-control-allow-origin").is_none());

        let preflight = |origin: &'static str| {
            app.client
                .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.address))
                .header("origin", origin)
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "authorization, content-type")
                .send()
        };
        let allowed = preflight("https://www.example.com").await.unwrap();
        assert_eq!(allowed.status(), 200);
        assert_eq!(text(allowed.headers(), "access-control-max-age"), "86400", "browsers keep the preflight");
        assert!(text(allowed.headers(), "access-control-allow-headers").contains("authorization"));
        let refused = preflight("https://evil.example").await.unwrap();
        assert_eq!(refused.status(), 400);
        assert!(refused.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    }
}

on_both_backends! {
    async fn no_origin_is_allowed_by_default(app: TestApp) {
        let (_, headers, _) = get(&app, TITLES, &[("origin", "https://www.example.com")]).await;
        assert!(headers.get("access-control-allow-origin").is_none());
    }
}

on_both_backends! {
    async fn rest_and_feed_answers_revalidate_and_share_the_response_cache(app: TestApp) {
        publish_articles(&app, 2).await;
        for path in ["/api/articles?limit=5", "/feeds/articles.atom", "/sitemap.xml"] {
            let (status, first, body) = get(&app, path, &[]).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(text(&first, "x-cache"), "miss", "{path}");
            let tag = text(&first, "etag").to_owned();
            assert!(tag.starts_with('"'), "{path}: {first:?}");
            assert!(text(&first, "cache-control").starts_with("public, max-age="), "{path}");
            let statements = app.statement_count();
            let (_, second, again) = get(&app, path, &[]).await;
            assert_eq!(text(&second, "x-cache"), "hit", "{path}");
            assert_eq!(again, body, "{path}");
            assert_eq!(app.statement_count(), statements, "{path}: a hit reads nothing");
            assert_eq!(get(&app, path, &[("if-none-match", &tag)]).await.0, 304, "{path}");
            let modified = text(&first, "last-modified").to_owned();
            if !modified.is_empty() {
                let (status, _, _) = get(&app, path, &[("if-modified-since", &modified)]).await;
                assert_eq!(status, 304, "{path}: not changed since its Last-Modified");
            }
        }
        let (_, before, _) = get(&app, "/api/articles?limit=5", &[]).await;
        let tag = text(&before, "etag").to_owned();
        publish_articles(&app, 1).await;
        let (status, after, _) = get(&app, "/api/articles?limit=5", &[("if-none-match", &tag)]).await;
        assert_eq!(status, 200, "the write made the list new");
        assert_eq!(text(&after, "x-cache"), "miss");
        assert_ne!(text(&after, "etag"), tag);

        let editor = app.user(Role::Editor).await;
        let bearer = format!("Bearer {}", editor.token);
        let (_, staff, _) = get(&app, "/api/articles?limit=5", &[("authorization", &bearer)]).await;
        assert_eq!(text(&staff, "x-cache"), "off", "answers to credentials are never shared");
        assert_eq!(text(&staff, "cache-control"), "private, no-store");
        let (status, missing, _) = get(&app, "/api/articles/no-such-story", &[]).await;
        assert_eq!(status, 404);
        assert_eq!(text(&missing, "cache-control"), "no-store");
    }
}
