//! What `Cache-Control` says about an answer, by who asked for it.

use std::time::Duration;

use actix_web::http::header::HeaderValue;

/// How long shared caches (CDNs, proxies) and browsers may keep anonymous answers:
/// `QUIRE_CACHE_MAX_AGE` seconds fresh (default 60), then `QUIRE_CACHE_STALE_WHILE_REVALIDATE`
/// seconds more (default 300) served stale while one request revalidates in the background.
/// A short freshness keeps edits visible within a minute; the stale window keeps a CDN from
/// sending a stampede to Quire the moment an entry expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachePolicy {
    /// How long an anonymous answer is fresh.
    pub max_age: Duration,
    /// How much longer it may be served while being revalidated.
    pub stale_while_revalidate: Duration,
}

impl Default for CachePolicy {
    fn default() -> Self {
        Self {
            max_age: Duration::from_secs(60),
            stale_while_revalidate: Duration::from_secs(300),
        }
    }
}

impl CachePolicy {
    /// For an answer anyone may be given: the same for every anonymous reader.
    pub fn public(&self) -> HeaderValue {
        let value = format!(
            "public, max-age={}, stale-while-revalidate={}",
            self.max_age.as_secs(),
            self.stale_while_revalidate.as_secs()
        );
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("no-store"))
    }

    /// For an answer given to credentials (an access or API token): it may hold drafts, so no
    /// cache may keep it, not even the browser's.
    pub fn private() -> HeaderValue {
        HeaderValue::from_static("private, no-store")
    }

    /// For refusals and failures, which must not outlive the condition that caused them.
    pub fn refusal() -> HeaderValue {
        HeaderValue::from_static("no-store")
    }
}
