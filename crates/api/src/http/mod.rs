//! HTTP routes.

pub mod cache;
pub mod caching;
pub mod compression;
pub mod cors;
pub mod graphiql;
pub mod graphql;
pub mod health;
pub mod limits;
pub mod reader;
pub mod request_span;
pub mod security_headers;
