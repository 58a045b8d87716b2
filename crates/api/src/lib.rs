//! Quire's HTTP face on actix-web: the GraphQL API, the REST content API, feeds and sitemaps,
//! authentication, error mapping, caching and limits.
//! [`Application`] is how the `quire` binary starts a server; [`testing::TestServer`] starts a
//! throwaway one for integration tests.

pub mod auth;
pub mod config;
pub mod error;
pub mod graphql;
pub mod http;
pub mod rest;
mod startup;
pub mod syndication;
pub mod testing;

pub use config::Config;
pub use startup::{Application, StartError};
