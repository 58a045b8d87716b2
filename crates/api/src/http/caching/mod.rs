//! HTTP caching for every content read: REST, feeds, sitemaps and GraphQL over GET.
//!
//! Handlers only produce a body, its `Content-Type` and, when they know it, `Last-Modified`;
//! this middleware does the rest, the same way for every route:
//! - a strong `ETag` from the body's bytes, and `304 Not Modified` with no body when
//!   `If-None-Match` names it (or, without `If-None-Match`, when `If-Modified-Since` is not
//!   older than `Last-Modified`);
//! - `Cache-Control` from [`CachePolicy`]: public with `max-age` and `stale-while-revalidate`
//!   for anonymous answers, `private, no-store` for anything answered to credentials, `no-store`
//!   for refusals; `Vary` on what changes the answer;
//! - anonymous REST, feed and sitemap answers come from, and fill, the [`ResponseCache`] GraphQL
//!   uses, so a write through this server invalidates them all at once (`x-cache: hit|miss|off`).
//!
//! GraphQL keeps its own entries in that cache, keyed by operation and variables, so GET
//! `/graphql` gets validators and headers here but is not stored twice.

pub mod policy;
pub mod validators;

use std::sync::Arc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse};
use quire_persistence::Store;

pub use policy::CachePolicy;
use validators::Conditions;

use crate::http::cache::ResponseCache;

/// What the middleware needs, shared by every worker.
pub struct ContentCaching {
    /// Headers for anonymous answers.
    pub policy: CachePolicy,
    /// Anonymous answers, when the cache is on.
    pub cache: Option<ResponseCache>,
    /// The store whose write generation invalidates cached answers.
    pub store: Store,
}

/// Whether `path` is content a reader fetches, as opposed to probes, the schema page's
/// mutations or anything else.
fn is_content(path: &str) -> bool {
    path == "/graphql"
        || path.starts_with("/api/")
        || path.starts_with("/feeds/")
        || path.starts_with("/sitemap")
}

/// The headers that travel with a cached body.
const KEPT_HEADERS: [HeaderName; 3] = [
    header::CONTENT_TYPE,
    header::LAST_MODIFIED,
    header::CONTENT_LANGUAGE,
];

/// Middleware body; see the module documentation.
pub async fn respond(
    caching: Arc<ContentCaching>,
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let readable = matches!(*req.method(), Method::GET | Method::HEAD);
    if !readable || !is_content(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let anonymous = !req.headers().contains_key(header::AUTHORIZATION);
    let conditions = Conditions::of(&req);
    let shared = match &caching.cache {
        Some(cache) if anonymous && req.path() != "/graphql" => {
            let accept = req
                .headers()
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let key = format!("http\u{0}{}\u{0}{accept}", req.uri());
            Some((cache, key, caching.store.generation()))
        }
        _ => None,
    };
    if let Some((cache, key, generation)) = &shared
        && let Some(answer) = cache.get(key, *generation)
    {
        let mut response = HttpResponse::Ok();
        for (name, value) in &answer.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        let response = response.finish().set_body(answer.body.clone());
        let (req, _) = req.into_parts();
        let response = finish(&caching, &conditions, anonymous, "hit", response)?;
        return Ok(ServiceResponse::new(req, response));
    }
    let response = next.call(req).await?;
    if response.status() != StatusCode::OK {
        let mut response = response.map_into_boxed_body();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, CachePolicy::refusal());
        vary(headers);
        return Ok(response);
    }
    let (req, response) = response.into_parts();
    let (response, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into()))?;
    let outcome = match shared {
        Some((cache, key, generation)) => {
            cache.put(key, generation, body.clone(), kept(response.headers()));
            "miss"
        }
        None => "off",
    };
    let response = finish(
        &caching,
        &conditions,
        anonymous,
        outcome,
        response.set_body(body),
    )?;
    Ok(ServiceResponse::new(req, response))
}

/// The headers of `headers` worth keeping with a cached body.
fn kept(headers: &HeaderMap) -> Vec<(HeaderName, HeaderValue)> {
    KEPT_HEADERS
        .iter()
        .filter_map(|name| Some((name.clone(), headers.get(name)?.clone())))
        .collect()
}

/// A 200 answer with its validators and caching headers, or the 304 that replaces it. A
/// `Cache-Control` the handler chose stays: GraphQL marks answers carrying errors `no-store`.
fn finish(
    caching: &ContentCaching,
    conditions: &Conditions,
    anonymous: bool,
    outcome: &'static str,
    mut response: HttpResponse<Bytes>,
) -> Result<HttpResponse, Error> {
    let tag = validators::entity_tag(response.body());
    let last_modified = validators::last_modified(response.headers());
    let cache_control = match response.headers().get(header::CACHE_CONTROL) {
        Some(chosen) => chosen.clone(),
        None if anonymous => caching.policy.public(),
        None => CachePolicy::private(),
    };
    if let Some(held) = conditions.matches(&tag, last_modified) {
        let mut not_modified = HttpResponse::NotModified();
        not_modified
            .insert_header(header::ETag(held))
            .insert_header((header::CACHE_CONTROL, cache_control));
        for name in [
            header::LAST_MODIFIED,
            HeaderName::from_static("x-request-id"),
        ] {
            if let Some(value) = response.headers().get(&name) {
                not_modified.insert_header((name, value.clone()));
            }
        }
        let mut not_modified = not_modified.finish();
        vary(not_modified.headers_mut());
        return Ok(not_modified);
    }
    let headers = response.headers_mut();
    headers.insert(header::ETAG, header_value(&tag)?);
    headers.insert(header::CACHE_CONTROL, cache_control);
    if !headers.contains_key("x-cache") {
        headers.insert(
            HeaderName::from_static("x-cache"),
            HeaderValue::from_static(outcome),
        );
    }
    vary(headers);
    Ok(response.map_into_boxed_body())
}

/// An entity tag as a header value.
fn header_value(tag: &header::EntityTag) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(&tag.to_string())
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))
}

/// What changes a content answer besides its URL: the media type asked for, the credentials
/// (drafts for staff and preview tokens) and the compression.
fn vary(headers: &mut HeaderMap) {
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept, Accept-Encoding, Authorization"),
    );
}
