//! Headers every response carries, whatever route or error produced it.
//!
//! - `x-content-type-options: nosniff`: browsers take the declared content type at its word, so
//!   a JSON answer that echoes user input is never run as a script or rendered as HTML.
//! - `referrer-policy: no-referrer`: links followed from GraphiQL or an error page never hand
//!   the API's address and query string to another site.

use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;

/// The middleware that adds the headers; wrap it outermost so limits' refusals carry them too.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
}
