//! Limits on what one HTTP request may cost the server before any handler runs.
//!
//! - Request head: actix-http buffers at most 128 KiB of request line and headers and answers
//!   `431 Request Header Fields Too Large` beyond that; Quire answers 431 well before, when the
//!   headers add up to more than [`HttpLimits::max_header_bytes`] (`QUIRE_MAX_HEADER_BYTES`,
//!   default 16 KiB, counted as name, value and the four bytes of `: ` and CRLF per line).
//! - Request body: at most 4 MiB (`MAX_BODY_BYTES`, set where the server is built), otherwise
//!   `413 Payload Too Large` with a GraphQL-shaped `BAD_USER_INPUT` error naming `body`.
//! - Under `/api` both refusals take the REST API's error shape instead (see [`crate::rest`]).
//! - Slow or silent clients: the whole request head must arrive within
//!   [`HttpLimits::request_head_timeout`] (`QUIRE_REQUEST_HEAD_TIMEOUT_MS`, default 5 s) of
//!   connecting, however slowly it drips in, otherwise the server answers `408` and closes the connection; an idle
//!   keep-alive connection is closed after [`HttpLimits::keep_alive`]
//!   (`QUIRE_KEEP_ALIVE_MS`, default 5 s).

use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::{Error, HttpResponse, ResponseError as _};
use serde_json::json;

use crate::error::code;

/// Per-connection limits, configurable because proxies and clients in front of Quire differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpLimits {
    /// Most bytes of request headers accepted; more is answered 431.
    pub max_header_bytes: usize,
    /// Time a client has to send its whole request head; zero waits for ever.
    pub request_head_timeout: Duration,
    /// Time an idle keep-alive connection stays open; zero turns keep-alive off.
    pub keep_alive: Duration,
}

impl Default for HttpLimits {
    /// 16 KiB of headers (twice what common proxies pass), five seconds for the head and for
    /// an idle connection.
    fn default() -> Self {
        Self {
            max_header_bytes: 16 * 1024,
            request_head_timeout: Duration::from_secs(5),
            keep_alive: Duration::from_secs(5),
        }
    }
}

/// Middleware body: answers 431 when the request's headers exceed `max_header_bytes`, with an
/// error in the shape of the API asked (REST under `/api`, GraphQL elsewhere), and passes every
/// other request on.
pub async fn cap_header_size<B: MessageBody>(
    max_header_bytes: usize,
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    let size: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if size <= max_header_bytes {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let message = format!(
        "the request headers are {size} bytes, more than the {max_header_bytes} allowed; \
         send fewer or shorter headers (cookies are a common cause)"
    );
    let response = if crate::rest::serves(req.path()) {
        crate::rest::error::RestError::headers_too_large(message).error_response()
    } else {
        refusal(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            &message,
            "headers",
        )
    };
    Ok(req.into_response(response).map_into_right_body())
}

/// Middleware that replaces the HTTP layer's plain-text 413 for a body over `max_body_bytes`
/// with a GraphQL-shaped error, so clients handle it like every other refusal. A 413 already in
/// JSON (the REST API's own) is left as it is.
pub fn explain_oversized_body<B: 'static>(max_body_bytes: usize) -> ErrorHandlers<B> {
    ErrorHandlers::new().handler(StatusCode::PAYLOAD_TOO_LARGE, move |response| {
        let explained = response
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
        if explained {
            return Ok(ErrorHandlerResponse::Response(
                response.map_into_left_body(),
            ));
        }
        let message = format!(
            "the request body is larger than the {max_body_bytes} bytes allowed; \
             send less in one request"
        );
        let refused = refusal(StatusCode::PAYLOAD_TOO_LARGE, &message, "body");
        let (request, _) = response.into_parts();
        Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(request, refused).map_into_right_body(),
        ))
    })
}

/// A refusal in the shape of a GraphQL error: `BAD_USER_INPUT` naming what to change.
fn refusal(status: StatusCode, message: &str, field: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({
        "errors": [{
            "message": message,
            "extensions": { "code": code::BAD_USER_INPUT, "fields": [field] },
        }]
    }))
}
