//! A successful answer: 200, the JSON body, and `Last-Modified` when the answer has a newest
//! change, so the caching layer in front of these routes can validate it.

use std::time::SystemTime;

use actix_web::HttpResponse;
use actix_web::http::header::LastModified;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// 200 with `body` as JSON, last modified at `newest` when known.
pub fn ok<T: Serialize>(body: &T, newest: Option<DateTime<Utc>>) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if let Some(newest) = newest {
        response.insert_header(LastModified(SystemTime::from(newest).into()));
    }
    response.json(body)
}
