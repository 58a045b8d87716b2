//! HTTP caching for every content read: REST, feeds, sitemaps and GraphQL over GET.
//!
//! Handlers only produce a body, its `Content-Type` and, when they know it, `Last-Modified`;
//! two middlewares do the rest, the same way for every route:
//! - [`respond`], around the whole application: a strong `ETag` from the body's bytes, and
//!   `304 Not Modified` with no body when `If-None-Match` names it (or, without
//!   `If-None-Match`, when `If-Modified-Since` is not older than `Last-Modified`);
//!   `Cache-Control` from [`CachePolicy`] (public with `max-age` and `stale-while-revalidate` for
//!   anonymous answers, `private, no-store` for anything answered to credentials, `no-store` for
//!   refusals); `Vary` on what changes the answer.
//! - [`remember`], around the routes whose anonymous answers are shared: they come from, and
//!   fill, the [`ResponseCache`] GraphQL uses, so a write through this server invalidates them
//!   all at once (`x-cache: hit|miss|off`). It sits inside each route's own admission checks,
//!   so a cached answer still counts against the REST rate limit. [`remember_syndication`]
//!   applies it to feeds and sitemaps.
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
use actix_web::{Error, HttpResponse, web};
use quire_persistence::Store;

pub use policy::CachePolicy;
use validators::Conditions;

use crate::http::cache::ResponseCache;

/// What the middleware needs, shared by every worker.
pub struct ContentCaching {
    /// Headers for anonymous answers.
    pub policy: CachePolicy,
    /// Anonymous answers, when the cache is on; [`remember`] finds this struct in the
    /// application's data.
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

/// The headers that travel with a cached body. Only redirects carry `Location`, so a cached
/// answer that kept one is replayed as the 301 it was.
const KEPT_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::LAST_MODIFIED,
    header::CONTENT_LANGUAGE,
    header::LOCATION,
];

/// Whether an answer is content that every reader asking the same gets, to be validated and
/// cached: a 200, or the 301 from a slug an article had before it was renamed.
fn shareable(status: StatusCode) -> bool {
    matches!(status, StatusCode::OK | StatusCode::MOVED_PERMANENTLY)
}

/// The validators and caching headers of every content read; see the module documentation.
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
    let response = next.call(req).await?;
    if !shareable(response.status()) {
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
    let response = finish(&caching, &conditions, anonymous, response.set_body(body))?;
    Ok(ServiceResponse::new(req, response))
}

/// [`remember`] for the feed and sitemap routes, which have no admission checks of their own;
/// every other request passes untouched.
pub async fn remember_syndication(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let path = req.path();
    if path.starts_with("/feeds/") || path.starts_with("/sitemap") {
        remember(req, next).await
    } else {
        Ok(next.call(req).await?.map_into_boxed_body())
    }
}

/// Serves anonymous reads from the shared response cache, and keeps their 200 and 301 answers
/// there.
/// The key holds the scheme and host, since feeds link to the host asked when no public URL
/// is configured, and the `Accept` header, which decides between an answer and a 406.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let readable = matches!(*req.method(), Method::GET | Method::HEAD);
    let anonymous = !req.headers().contains_key(header::AUTHORIZATION);
    let cache = req
        .app_data::<web::Data<ContentCaching>>()
        .and_then(|caching| Some((caching.cache.clone()?, caching.store.generation())));
    let Some((cache, generation)) = cache.filter(|_| readable && anonymous) else {
        let mut response = next.call(req).await?.map_into_boxed_body();
        mark(response.headers_mut(), "off");
        return Ok(response);
    };
    let key = {
        let info = req.connection_info();
        let accept = req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        format!(
            "{}://{}{}\u{0}{accept}",
            info.scheme(),
            info.host(),
            req.uri()
        )
    };
    if let Some(answer) = cache.get(&key, generation) {
        let redirect = answer
            .headers
            .iter()
            .any(|(name, _)| name == header::LOCATION);
        let mut response = if redirect {
            HttpResponse::MovedPermanently()
        } else {
            HttpResponse::Ok()
        };
        for (name, value) in &answer.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        let (body, coding) = answer.encoded_for(&req);
        let mut response = response.body(body);
        answer.declare(response.headers_mut(), coding);
        mark(response.headers_mut(), "hit");
        let (req, _) = req.into_parts();
        return Ok(ServiceResponse::new(req, response));
    }
    let response = next.call(req).await?;
    if !shareable(response.status()) {
        let mut response = response.map_into_boxed_body();
        mark(response.headers_mut(), "off");
        return Ok(response);
    }
    let (req, response) = response.into_parts();
    let (mut response, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into()))?;
    let answer = cache.put(key, generation, body.clone(), kept(response.headers()));
    answer.declare(response.headers_mut(), None);
    mark(response.headers_mut(), "miss");
    Ok(ServiceResponse::new(
        req,
        response.set_body(body).map_into_boxed_body(),
    ))
}

/// Says whether the response cache answered (`x-cache`).
fn mark(headers: &mut HeaderMap, outcome: &'static str) {
    headers.insert(
        HeaderName::from_static("x-cache"),
        HeaderValue::from_static(outcome),
    );
}

/// The headers of `headers` worth keeping with a cached body.
fn kept(headers: &HeaderMap) -> Vec<(HeaderName, HeaderValue)> {
    KEPT_HEADERS
        .iter()
        .filter_map(|name| Some((name.clone(), headers.get(name)?.clone())))
        .collect()
}

/// A 200 or 301 answer with its validators and caching headers, or the 304 that replaces it. A
/// `Cache-Control` the handler chose stays: GraphQL marks answers carrying errors `no-store`.
fn finish(
    caching: &ContentCaching,
    conditions: &Conditions,
    anonymous: bool,
    mut response: HttpResponse<Bytes>,
) -> Result<HttpResponse, Error> {
    // A cached answer declares the tag of its uncompressed body, whatever bytes it carries.
    let declared = response
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<header::EntityTag>().ok());
    let tag = declared.unwrap_or_else(|| validators::entity_tag(response.body()));
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
