//! HTTP routes.

pub mod cache;
pub mod graphql;
pub mod health;
pub mod limits;
