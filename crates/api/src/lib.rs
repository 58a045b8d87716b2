//! Quire's HTTP face: the GraphQL API and the REST content API on actix-web, authentication, error mapping and limits.
//! [`Application`] is how both the `quire` binary and the black-box tests start a server.

pub mod auth;
pub mod config;
pub mod error;
pub mod graphql;
pub mod http;
pub mod rest;
mod startup;

pub use config::Config;
pub use startup::{Application, StartError};
