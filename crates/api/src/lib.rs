//! Quire's HTTP face: the GraphQL API on actix-web, feeds and sitemaps, authentication, error
//! mapping and limits.
//! [`Application`] is how both the `quire` binary and the black-box tests start a server.

pub mod auth;
pub mod config;
pub mod error;
pub mod graphql;
pub mod http;
mod startup;
pub mod syndication;

pub use config::Config;
pub use startup::{Application, StartError};
