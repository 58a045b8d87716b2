//! What the API refuses, each with its status and a JSON error: unknown or repeated parameters,
//! unknown slugs and paths, methods other than GET and HEAD, an Accept without JSON, bodies
//! over the limit, invalid tokens, and clients over their request budget.

use quire_api::Config;
use quire_harness::on_both_backends;
use serde_json::json;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

use super::{get, get_as, newsroom, send};

on_both_backends! {
    async fn mistakes_get_json_errors_with_fitting_statuses(app: TestApp) {
        newsroom(&app).await;
        for (path, status, code) in [
            ("/api/articles?tags=kashmir", 400, "BAD_USER_INPUT"),
            ("/api/articles?limit=1&limit=2", 400, "BAD_USER_INPUT"),
            ("/api/authors?tag=kashmir", 400, "BAD_USER_INPUT"),
            ("/api/articles/mar?limit=1", 400, "BAD_USER_INPUT"),
            ("/api/articles/no-such-article", 404, "NOT_FOUND"),
            ("/api/authors/nobody", 404, "NOT_FOUND"),
            ("/api/sources/nowhere", 404, "NOT_FOUND"),
            ("/api/tags/nothing", 404, "NOT_FOUND"),
            ("/api/nothing/here", 404, "NOT_FOUND"),
            ("/api", 404, "NOT_FOUND"),
        ] {
            let answer = get(&app, path).await;
            assert_eq!(answer.status, status, "{path}: {}", answer.body);
            assert_eq!(answer.code(), code, "{path}");
            assert_eq!(answer.header("content-type"), "application/json", "{path}");
            assert!(answer.body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        for (path, named) in [("/api/articles?tags=kashmir", "tags"), ("/api/articles?limit=1&limit=2", "limit")] {
            let answer = get(&app, path).await;
            assert_eq!(answer.body["error"]["fields"], json!([named]), "{path}: {}", answer.body);
            let message = answer.body["error"]["message"].as_str().unwrap_or_default();
            assert!(message.contains(&format!("parameter `{named}`")), "{message}");
        }
        let url = format!("{}/api/articles", app.address);
        for request in [app.client.post(&url), app.client.put(&url), app.client.delete(format!("{url}/mar"))] {
            let answer = send(request).await;
            assert_eq!(answer.status, 405, "{}", answer.body);
            assert_eq!(answer.code(), "METHOD_NOT_ALLOWED");
            assert_eq!(answer.header("allow"), "GET, HEAD");
        }
        for (accept, status) in [
            ("text/html", 406),
            ("application/json;q=0", 406),
            ("application/xml, text/*", 406),
            ("text/html, application/json;q=0.5", 200),
            ("application/*", 200),
            ("*/*", 200),
        ] {
            let answer = send(app.client.get(&url).header("accept", accept)).await;
            assert_eq!(answer.status, status, "{accept}: {}", answer.body);
            if status == 406 {
                assert_eq!(answer.code(), "NOT_ACCEPTABLE");
            }
        }
        let answer = send(app.client.get(&url).header("x-padding", "a".repeat(64 * 1024))).await;
        assert_eq!(answer.status, 431, "{}", answer.body);
        assert_eq!(answer.body["error"]["fields"], json!(["headers"]));
        let answer = get_as(&app, Some("not-a-token"), "/api/articles").await;
        assert_eq!(answer.status, 401, "{}", answer.body);
        assert_eq!(answer.code(), "UNAUTHENTICATED");

        let served = get(&app, "/api/openapi.json").await;
        assert_eq!(served.status, 200);
        assert_eq!(served.body, serde_json::from_str::<serde_json::Value>(&quire_api::rest::document()).unwrap());
    }
}

on_both_backends! {
    async fn a_body_over_the_limit_is_refused_before_it_is_read(app: TestApp) {
        let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
        let head = "GET /api/articles HTTP/1.1\r\nHost: quire\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n";
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        let mut chunk = [0_u8; 4096];
        while !String::from_utf8_lossy(&answer).contains("}}") {
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&answer));
            answer.extend_from_slice(&chunk[..n]);
        }
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        assert!(answer.contains(r#""code":"PAYLOAD_TOO_LARGE""#), "{answer}");
    }
}

fn three_a_minute(config: &mut Config) {
    config.api_rate_limit = 3;
}

on_both_backends! {
    async fn clients_over_their_budget_are_told_to_wait(app: TestApp = three_a_minute) {
        for _ in 0..3 {
            assert_eq!(get(&app, "/api/tags").await.status, 200);
        }
        let refused = get(&app, "/api/articles").await;
        assert_eq!(refused.status, 429, "{}", refused.body);
        assert_eq!(refused.code(), "RATE_LIMITED");
        assert!(refused.header("retry-after").parse::<u64>().is_ok_and(|s| s >= 1));
        let graphql = app.graphql("{ articles { totalCount } }", json!({})).await;
        assert_eq!(graphql["data"]["articles"]["totalCount"], 0, "GraphQL has its own limits");
    }
}
