//! Quire's HTTP face on actix-web: the GraphQL API, the REST content API, feeds and sitemaps,
//! authentication, error mapping, caching and limits.
//! [`Application`] is how both the `quire` binary and the black-box tests start a server.

pub mod auth;
pub mod config;
pub mod error;
pub mod graphql;
pub mod http;
pub mod rest;
mod startup;
pub mod syndication;

pub use config::Config;
pub use startup::{Application, StartError};
