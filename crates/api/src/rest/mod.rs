//! The REST content API: read-only JSON under `/api` for frontends whose tools speak plain HTTP
//! (Next.js `fetch`, Astro loaders, Hugo and Eleventy data files).
//!
//! `/api/articles`, `/api/authors`, `/api/sources` and `/api/tags` list, `/api/…/{slug}` finds
//! one; `/api/openapi.json` describes it all. Answers show what GraphQL shows the same viewer,
//! decided by the same visibility code, read in one trip to the database per answer. Errors are
//! `{"error":{"code":…,"message":…}}` with GraphQL's codes. `QUIRE_API_RATE_LIMIT` sets a
//! per-address budget of requests a minute (see [`throttle`]).

mod articles;
pub mod error;
mod kinds;
mod named;
pub mod openapi;
pub mod params;
mod relations;
mod reply;
mod routes;
pub mod shapes;
mod state;
pub mod throttle;

pub use openapi::document;

/// Whether `path` belongs to the REST API, so refusals made before routing take its error shape.
pub fn serves(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}
pub use routes::routes;
pub use state::RestState;
