//! A short-lived cache of anonymous answers: GraphQL responses and the read-only HTTP routes
//! (REST, feeds, sitemaps).
//!
//! Readers without credentials all see the same published content, so the same request gets
//! the same answer; the home page asked by thousands of readers a second is computed once per
//! write instead. An entry serves only while no write has committed through this server since
//! it was computed, and never longer than its time to live, which bounds how late readers see
//! writes made through other servers sharing the database and scheduled articles going live.
//! Signed-in users, API tokens, mutations and answers with errors are never cached.
//!
//! An entry also keeps its entity tag and, once a reader asks for them, its brotli and gzip
//! encodings: compressing a large answer costs far more than serving it, so it is done once per
//! entry rather than once per request.

use std::io::Write as _;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use actix_web::HttpMessage;
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, Encoding, EntityTag, Header as _, HeaderMap, HeaderName,
    HeaderValue,
};
use actix_web::web::Bytes;
use async_graphql::Request;

use crate::http::caching::validators::entity_tag;
use crate::http::compression::MIN_COMPRESSED_BYTES;

/// Most answers kept at once.
const CAPACITY: u64 = 10_000;

/// Brotli quality and window for cached answers: compressed once and served many times, so a
/// better ratio than on-the-fly compression is worth its cost.
const BROTLI_QUALITY: u32 = 6;
const BROTLI_WINDOW: u32 = 20;

/// One cached answer: its body and the headers that describe it (content type, last change).
#[derive(Debug)]
pub struct CachedAnswer {
    /// The store generation it was computed at.
    generation: u64,
    /// The body as computed.
    pub body: Bytes,
    /// Headers that belong to the body rather than to one exchange.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// The strong entity tag of `body`.
    pub tag: EntityTag,
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
}

impl CachedAnswer {
    /// The body in the encoding `request` prefers among brotli, gzip and none, with the coding
    /// to declare in `Content-Encoding`; small bodies go as they are.
    pub fn encoded_for(&self, request: &impl HttpMessage) -> (Bytes, Option<ContentEncoding>) {
        if (self.body.len() as u64) < MIN_COMPRESSED_BYTES {
            return (self.body.clone(), None);
        }
        let Ok(accepted) = AcceptEncoding::parse(request) else {
            return (self.body.clone(), None);
        };
        let offered = [Encoding::brotli(), Encoding::gzip(), Encoding::identity()];
        match accepted.negotiate(offered.iter()) {
            Some(chosen) if chosen == Encoding::brotli() => (
                self.brotli.get_or_init(|| brotli(&self.body)).clone(),
                Some(ContentEncoding::Brotli),
            ),
            Some(chosen) if chosen == Encoding::gzip() => (
                self.gzip.get_or_init(|| gzip(&self.body)).clone(),
                Some(ContentEncoding::Gzip),
            ),
            _ => (self.body.clone(), None),
        }
    }
}

impl CachedAnswer {
    /// Declares what [`CachedAnswer::encoded_for`] chose: the entity tag of the body (the
    /// compression layer suffixes it with the coding) and the coding itself, which keeps the
    /// compression layer from encoding the body again.
    pub fn declare(&self, headers: &mut HeaderMap, coding: Option<ContentEncoding>) {
        if let Ok(tag) = HeaderValue::from_str(&self.tag.to_string()) {
            headers.insert(header::ETAG, tag);
        }
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, coding.to_header_value());
        }
    }
}

fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        // Writing to memory cannot fail.
        let _ = writer.write_all(body);
    }
    Bytes::from(out)
}

fn gzip(body: &[u8]) -> Bytes {
    let mut writer = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    // Writing to memory cannot fail.
    let _ = writer.write_all(body);
    Bytes::from(writer.finish().unwrap_or_default())
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

    /// Keeps `body` and its `headers` for `key`, computed at `generation`, and returns the
    /// entry, whose tag the answer being sent can declare rather than compute again.
    pub fn put(
        &self,
        key: String,
        generation: u64,
        body: Bytes,
        headers: Vec<(HeaderName, HeaderValue)>,
    ) -> Arc<CachedAnswer> {
        let answer = CachedAnswer {
            generation,
            tag: entity_tag(&body),
            body,
            headers,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        };
        let answer = Arc::new(answer);
        self.0.insert(key, answer.clone());
        answer
    }
}
