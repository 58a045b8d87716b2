//! A short-lived cache of anonymous answers: GraphQL responses and the read-only HTTP routes
//! (REST, feeds, sitemaps).
//!
//! Readers without credentials all see the same published content, so the same request gets
//! the same answer; the home page asked by thousands of readers a second is computed once per
//! write instead. An entry serves only while no write has committed through this server since
//! it was computed, and never longer than its time to live, which bounds how late readers see
//! writes made through other servers sharing the database and scheduled articles going live.
//! Signed-in users, API tokens, mutations and answers with errors are never cached.

use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::web::Bytes;
use async_graphql::Request;

/// Most answers kept at once.
const CAPACITY: u64 = 10_000;

/// One cached answer: its body and the headers that describe it (content type, last change).
#[derive(Debug, Clone)]
pub struct CachedAnswer {
    /// The store generation it was computed at.
    generation: u64,
    /// The body as sent.
    pub body: Bytes,
    /// Headers that belong to the body rather than to one exchange.
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

/// Answers by request key; cheap to clone, clones share the entries.
#[derive(Clone)]
pub struct ResponseCache(moka::sync::Cache<String, Arc<CachedAnswer>>);

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

    /// The key of a GraphQL request: its operation, text and variables.
    pub fn key(request: &Request) -> String {
        let variables = serde_json::to_string(&request.variables).unwrap_or_default();
        format!(
            "graphql\u{0}{}\u{0}{}\u{0}{variables}",
            request.operation_name.as_deref().unwrap_or_default(),
            request.query
        )
    }

    /// The cached answer for `key`, if it was computed at `generation`.
    pub fn get(&self, key: &str, generation: u64) -> Option<Arc<CachedAnswer>> {
        self.0
            .get(key)
            .filter(|answer| answer.generation == generation)
    }

    /// Keeps `body` and its `headers` for `key`, computed at `generation`.
    pub fn put(
        &self,
        key: String,
        generation: u64,
        body: Bytes,
        headers: Vec<(HeaderName, HeaderValue)>,
    ) {
        let answer = CachedAnswer {
            generation,
            body,
            headers,
        };
        self.0.insert(key, Arc::new(answer));
    }
}
