//! A successful answer: 200 with the JSON body, or 301 to where the thing asked for lives now,
//! and `Last-Modified` when the answer has a newest change, so the caching layer in front of
//! these routes can validate it.

use std::time::SystemTime;

use actix_web::HttpResponse;
use actix_web::http::header::{self, LastModified};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::shapes::MovedJson;

/// 200 with `body` as JSON, last modified at `newest` when known.
pub fn ok<T: Serialize>(body: &T, newest: Option<DateTime<Utc>>) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if let Some(newest) = newest {
        response.insert_header(LastModified(SystemTime::from(newest).into()));
    }
    response.json(body)
}

/// 301 to `location`, with the same path in a JSON body for clients that do not follow
/// redirects; last modified at `newest` when known, as the moved thing was.
pub fn moved(location: &str, newest: Option<DateTime<Utc>>) -> HttpResponse {
    let mut response = HttpResponse::MovedPermanently();
    response.insert_header((header::LOCATION, location));
    if let Some(newest) = newest {
        response.insert_header(LastModified(SystemTime::from(newest).into()));
    }
    response.json(MovedJson {
        location: location.to_owned(),
    })
}
