//! Security headers on every response, and a GraphiQL page that runs only pinned, hashed code.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use quire_api::Config;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::Value;
use sha2::{Digest, Sha384};

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(
        header("x-content-type-options").as_deref(),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        header("referrer-policy").as_deref(),
        Some("no-referrer"),
        "{what}"
    );
}

async fn browser_get(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap()
}

/// Every `attribute="…"` value in `html` on a tag that starts with `tag`.
fn attributes<'a>(html: &'a str, tag: &str, attribute: &str) -> Vec<Option<&'a str>> {
    html.split(tag)
        .skip(1)
        .map(|rest| {
            let element = &rest[..rest.find('>').unwrap()];
            let start = element.find(&format!("{attribute}=\""))? + attribute.len() + 2;
            Some(&element[start..start + element[start..].find('"')?])
        })
        .collect()
}

fn graphiql_off(config: &mut Config) {
    config.graphiql = false;
}

on_both_backends! {
    async fn every_response_carries_security_headers(app: TestApp) {
        let client = &app.client;
        let url = |path: &str| format!("{}{path}", app.address);
        let responses = [
            ("healthz", client.get(url("/healthz")).send().await.unwrap()),
            ("readyz", client.get(url("/readyz")).send().await.unwrap()),
            ("graphql", client.post(url("/graphql")).json(&serde_json::json!({ "query": "{ me { id } }" })).send().await.unwrap()),
            ("graphql error", client.post(url("/graphql")).header("content-type", "application/json").body("not json").send().await.unwrap()),
            ("bad token", client.post(url("/graphql")).bearer_auth("forged").json(&serde_json::json!({ "query": "{ me { id } }" })).send().await.unwrap()),
            ("unknown path", client.get(url("/nowhere")).send().await.unwrap()),
            ("oversized headers", client.get(url("/healthz")).header("x-padding", "a".repeat(64 * 1024)).send().await.unwrap()),
            ("graphiql", browser_get(&app, "/graphql").await),
        ];
        let statuses: Vec<u16> = responses.iter().map(|(_, r)| r.status().as_u16()).collect();
        assert_eq!(statuses, [200, 200, 200, 400, 401, 404, 431, 200]);
        for (what, response) in &responses {
            assert_security_headers(response, what);
        }
    }
}

on_both_backends! {
    async fn graphiql_runs_only_pinned_production_code(app: TestApp) {
        let page = browser_get(&app, "/graphql").await;
        assert_eq!(page.status().as_u16(), 200);
        let policy = page
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap()
            .to_owned();
        for directive in ["default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'"] {
            assert!(policy.contains(directive), "{directive} missing from {policy}");
        }
        let allowed_scripts: Vec<&str> = policy
            .split(';')
            .find_map(|d| d.trim().strip_prefix("script-src "))
            .unwrap()
            .split_whitespace()
            .collect();
        let html = page.text().await.unwrap();
        assert!(!html.contains("development"), "{html}");
        assert!(!html.contains("<script>"), "inline scripts would need an unsafe CSP: {html}");

        let scripts = attributes(&html, "<script", "src");
        let script_hashes = attributes(&html, "<script", "integrity");
        let styles = attributes(&html, "<link rel=\"stylesheet\"", "href");
        let style_hashes = attributes(&html, "<link rel=\"stylesheet\"", "integrity");
        assert_eq!(scripts.len(), 4, "{html}");
        assert_eq!(styles.len(), 1, "{html}");
        let files = scripts.iter().chain(&styles).zip(script_hashes.iter().chain(&style_hashes));
        for (src, integrity) in files {
            let (src, integrity) = (src.unwrap(), integrity.unwrap());
            assert!(integrity.starts_with("sha384-"), "{src} is not pinned by its hash");
            if src.starts_with('/') {
                // Quire's own script: the hash must match what the server sends.
                assert!(allowed_scripts.contains(&"'self'"), "{policy}");
                let asset = app.client.get(format!("{}{src}", app.address)).send().await.unwrap();
                assert_eq!(asset.status().as_u16(), 200, "{src}");
                assert_security_headers(&asset, src);
                let bytes = asset.bytes().await.unwrap();
                let actual = format!("sha384-{}", STANDARD.encode(Sha384::digest(&bytes)));
                assert_eq!(integrity, actual, "a browser would refuse {src}");
            } else {
                // A published build: an exact version, named file by file in the policy.
                assert!(src.starts_with("https://"), "{src}");
                assert!(policy.contains(src), "{src} is not allowed by exactly its address: {policy}");
                let version = src.split('@').nth(1).and_then(|v| v.split('/').next()).unwrap_or_default();
                assert!(version.split('.').count() == 3 && version.split('.').all(|n| n.parse::<u32>().is_ok()), "{src} floats");
            }
        }
        assert!(!allowed_scripts.iter().any(|s| s.ends_with(".net") || s.ends_with(".com") || *s == "https:"), "whole hosts allowed: {policy}");
        assert!(
            scripts.iter().any(|src| src.unwrap().ends_with("react-dom@18.3.1/umd/react-dom.production.min.js")),
            "{html}"
        );
    }
}

on_both_backends! {
    async fn graphiql_can_be_turned_off(app: TestApp = graphiql_off) {
        // A browser's visit is then an ordinary GraphQL GET without a query: an error, no page.
        let page = browser_get(&app, "/graphql").await;
        assert_security_headers(&page, "GET /graphql");
        assert!(page.headers().get("content-security-policy").is_none());
        let body: Value = page.json().await.unwrap();
        assert!(error_code(&body).is_some(), "{body}");
        let asset = browser_get(&app, "/graphiql/graphiql.js").await;
        assert_eq!(asset.status().as_u16(), 404);

        let query = browser_get(&app, "/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D").await;
        assert_eq!(query.status().as_u16(), 200);
    }
}
