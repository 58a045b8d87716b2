//! A short-lived cache of anonymous GraphQL responses.
//!
//! Readers without credentials all see the same published content, so the same query with the
//! same variables gets the same answer; the home page asked by thousands of readers a second is
//! computed once per write instead. An entry serves only while no write has committed through
//! this server since it was computed, and never longer than its time to live, which bounds how
//! late readers see writes made through other servers sharing the database and scheduled
//! articles going live. Signed-in users, mutations and responses with errors are never cached.

use std::time::Duration;

use actix_web::web::Bytes;
use async_graphql::Request;

/// Most responses kept at once.
const CAPACITY: u64 = 10_000;

/// Responses by request, each with the store generation it was computed at.
pub struct ResponseCache(moka::sync::Cache<String, (u64, Bytes)>);

impl ResponseCache {
    /// A cache whose entries live at most `ttl`; `None` when `ttl` is zero (caching off).
    pub fn new(ttl: Duration) -> Option<Self> {
        (!ttl.is_zero()).then(|| {
            Self(
                moka::sync::Cache::builder()
                    .max_capacity(CAPACITY)
                    .time_to_live(ttl)
                    .build(),
            )
        })
    }

    /// The key of a request: its operation, text and variables.
    pub fn key(request: &Request) -> String {
        let variables = serde_json::to_string(&request.variables).unwrap_or_default();
        format!(
            "{}\u{0}{}\u{0}{variables}",
            request.operation_name.as_deref().unwrap_or_default(),
            request.query
        )
    }

    /// The cached body for `key`, if it was computed at `generation`.
    pub fn get(&self, key: &str, generation: u64) -> Option<Bytes> {
        self.0
            .get(key)
            .filter(|(at, _)| *at == generation)
            .map(|(_, body)| body)
    }

    /// Keeps `body` for `key`, computed at `generation`.
    pub fn put(&self, key: String, generation: u64, body: Bytes) {
        self.0.insert(key, (generation, body));
    }
}
