//! Errors of the feed and sitemap routes as HTTP answers: the status that fits and a small JSON
//! body, `{"error":{"code":…,"message":…}}`, the same shape as the REST content API's.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde_json::json;

use crate::error::ApiError;

/// `error` as an answer with its status.
pub fn respond(error: &ApiError) -> HttpResponse {
    let status = match error {
        ApiError::NotFound(_) => StatusCode::NOT_FOUND,
        ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
        ApiError::BadInput { .. } => StatusCode::BAD_REQUEST,
        ApiError::Conflict { .. } => StatusCode::CONFLICT,
        ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
        ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    HttpResponse::build(status).json(json!({
        "error": { "code": error.code(), "message": error.message() }
    }))
}

/// A 404 for an address that names no feed or sitemap.
pub fn not_found(what: impl Into<String>) -> HttpResponse {
    respond(&ApiError::NotFound(what.into()))
}
