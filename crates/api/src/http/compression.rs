//! Compression where it pays. actix-web's `Compress` negotiates gzip or brotli from
//! `Accept-Encoding` and compresses every body; these two middlewares, one inside it and one
//! outside, keep it off small bodies, where the framing costs more than it saves, and keep
//! entity tags true to the bytes sent.

use actix_web::Error;
use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, EntityTag, HeaderValue};
use actix_web::middleware::Next;

use crate::http::caching::validators::CODING_SUFFIXES;

/// Bodies smaller than this go out as they are: below about a kilobyte a compressed body plus
/// its framing is rarely much smaller, and the CPU is better spent elsewhere.
pub const MIN_COMPRESSED_BYTES: u64 = 1024;

/// Inside `Compress`: marks small bodies `Content-Encoding: identity`, which `Compress` leaves
/// alone. A body already encoded (a cached answer's stored encoding) keeps its coding.
pub async fn skip_small_bodies(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut response = next.call(req).await?;
    let encoded = response.headers().contains_key(header::CONTENT_ENCODING);
    if let BodySize::Sized(size) = response.response().body().size()
        && size < MIN_COMPRESSED_BYTES
        && !encoded
    {
        response.headers_mut().insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static("identity"),
        );
    }
    Ok(response)
}

/// Outside `Compress`: drops the `identity` marker (HTTP reserves that name for
/// `Accept-Encoding`), and gives a compressed body's strong entity tag the coding as a suffix,
/// since it names different bytes than the uncompressed body's.
pub async fn settle_encoding(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    let coding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    match coding.as_deref() {
        Some("identity") => {
            headers.remove(header::CONTENT_ENCODING);
        }
        Some(coding) if CODING_SUFFIXES.contains(&coding) => {
            let tagged = headers
                .get(header::ETAG)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<EntityTag>().ok())
                .filter(|tag| !tag.weak)
                .and_then(|tag| {
                    let suffixed = EntityTag::new_strong(format!("{}-{coding}", tag.tag()));
                    HeaderValue::from_str(&suffixed.to_string()).ok()
                });
            if let Some(tagged) = tagged {
                headers.insert(header::ETAG, tagged);
            }
        }
        _ => {}
    }
    Ok(response)
}
