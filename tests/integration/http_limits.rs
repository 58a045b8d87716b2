//! Limits on a request's size and on how long a client may take to send it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use quire_api::Config;
use quire_harness::{error_code, on_both_backends};
use serde_json::Value;

/// A head timeout short enough for a test to wait it out.
const HEAD_TIMEOUT: Duration = Duration::from_secs(2);

/// How early the server may close: actix-web reads the time for its deadlines from a clock a
/// timer refreshes every 500 ms, and on a loaded machine (a CI run compiling beside the tests)
/// that timer runs late, so a deadline can start well in the past.
const CLOCK_SLACK: Duration = Duration::from_millis(1500);

fn short_head_timeout(config: &mut Config) {
    config.http.request_head_timeout = HEAD_TIMEOUT;
}

/// Connects to `address`, sends `drip` one byte every 100 ms, and returns how long the server
/// took to close the connection (a 408 may come first); the test fails after `give_up`.
fn time_until_closed(address: &str, drip: &'static [u8], give_up: Duration) -> Duration {
    let started = Instant::now();
    let mut stream = TcpStream::connect(address.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let mut drip = drip.iter();
    let mut buffer = [0_u8; 1024];
    loop {
        assert!(
            started.elapsed() < give_up,
            "the server kept a slow client's connection open for {give_up:?}"
        );
        match stream.read(&mut buffer) {
            Ok(0) => return started.elapsed(),
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(error) if error.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return started.elapsed(),
        }
        if let Some(byte) = drip.next()
            && stream.write_all(&[*byte]).is_err()
        {
            return started.elapsed();
        }
    }
}

on_both_backends! {
    async fn oversized_headers_are_refused_with_431(app: TestApp) {
        let get = |padding: usize| {
            app.client
                .get(format!("{}/healthz", app.address))
                .header("x-padding", "a".repeat(padding))
                .send()
        };
        assert_eq!(get(15 * 1024).await.unwrap().status().as_u16(), 200);
        let refused = get(64 * 1024).await.unwrap();
        assert_eq!(refused.status().as_u16(), 431);
        let body: Value = refused.json().await.unwrap();
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["fields"][0], "headers", "{body}");

        let graphql = app
            .client
            .post(format!("{}/graphql", app.address))
            .header("cookie", "c".repeat(64 * 1024))
            .json(&serde_json::json!({ "query": "{ me { id } }" }))
            .send()
            .await
            .unwrap();
        assert_eq!(graphql.status().as_u16(), 431);
    }
}

on_both_backends! {
    async fn oversized_bodies_are_refused_with_413(app: TestApp) {
        let padding = "x".repeat(5 * 1024 * 1024);
        let body = format!(r#"{{"query":"{{ me {{ id }} }}","variables":{{"padding":"{padding}"}}}}"#);
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 413);
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["fields"][0], "body", "{body}");
    }
}

on_both_backends! {
    async fn silent_and_dripping_clients_are_disconnected(app: TestApp = short_head_timeout) {
        let give_up = HEAD_TIMEOUT * 3;
        let slow_client = |drip: &'static [u8]| {
            let address = app.address.clone();
            tokio::task::spawn_blocking(move || time_until_closed(&address, drip, give_up))
        };
        let silent = slow_client(b"");
        let dripping = slow_client(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1");
        let (silent, dripping) = (silent.await.unwrap(), dripping.await.unwrap());
        let earliest = HEAD_TIMEOUT - CLOCK_SLACK;
        assert!(silent >= earliest, "closed long before the timeout: {silent:?}");
        assert!(dripping >= earliest, "closed long before the timeout: {dripping:?}");
    }
}
