//! Probes for orchestrators: liveness never touches the database, readiness does, and answers
//! within [`READINESS_TIMEOUT`] whatever state the database is in.

use std::time::Duration;

use actix_web::{HttpResponse, get, web};
use quire_persistence::Store;
use serde_json::json;

/// The process is up and serving HTTP.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// Longest a readiness probe waits for a database connection; probes commonly give up after a
/// second themselves.
pub const READINESS_TIMEOUT: Duration = Duration::from_millis(800);

/// The database answers; 503 while it does not, so traffic is routed elsewhere.
#[get("/readyz")]
pub async fn readyz(store: web::Data<Store>) -> HttpResponse {
    match store.ping(READINESS_TIMEOUT).await {
        Ok(()) => HttpResponse::Ok().json(json!({ "status": "ready", "database": "ok" })),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .json(json!({ "status": "unavailable", "database": "unreachable" }))
        }
    }
}
