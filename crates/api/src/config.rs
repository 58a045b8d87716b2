//! Server configuration, passed down explicitly so tests can start servers with their own.

use std::time::Duration;

use quire_persistence::{DatabaseUrl, PoolConfig};
use secrecy::SecretString;

use crate::auth::password::PasswordCost;
use crate::graphql::limits::QueryLimits;
use crate::http::limits::HttpLimits;
use crate::syndication::settings::SyndicationSettings;

/// Everything [`crate::Application::build`] needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on; port 0 picks a free one.
    pub bind: String,
    /// Which database, and which backend.
    pub database: DatabaseUrl,
    /// Signing secret for access tokens (`QUIRE_JWT_SECRET`); when absent one is generated once
    /// and kept in the database, so restarts keep sessions valid.
    pub jwt_secret: Option<SecretString>,
    /// Cost of new password hashes.
    pub password_cost: PasswordCost,
    /// Database connections: how many, how long to wait for one, and how long to wait for the
    /// database at start-up.
    pub pool: PoolConfig,
    /// HTTP worker threads; 0 means one per core.
    pub workers: usize,
    /// How long an anonymous response may be served from the cache at most; zero turns the
    /// cache off. Writes through this server invalidate it at once.
    pub response_cache: Duration,
    /// Header size and connection timeouts.
    pub http: HttpLimits,
    /// Whether a browser's `GET /graphql` gets the GraphiQL page.
    pub graphiql: bool,
    /// What one GraphQL request may ask for (cost, aliases, fields, batches); see
    /// [`crate::graphql::limits`] for the `QUIRE_MAX_…` variables that set them.
    pub query_limits: QueryLimits,
    /// The public address links in feeds and sitemaps start with, the publication's name and
    /// language, and how many addresses a sitemap file holds.
    pub syndication: SyndicationSettings,
}

impl Config {
    /// Defaults for a database URL: loopback port 8080, generated secret, standard hashing,
    /// eight connections, one worker per core, a one-second response cache, the default
    /// [`HttpLimits`] and query limits, GraphiQL on, and the default [`SyndicationSettings`].
    pub fn new(database: DatabaseUrl) -> Self {
        Self {
            bind: "127.0.0.1:8080".to_owned(),
            database,
            jwt_secret: None,
            password_cost: PasswordCost::Standard,
            pool: PoolConfig::new(8),
            workers: 0,
            response_cache: Duration::from_secs(1),
            http: HttpLimits::default(),
            graphiql: true,
            query_limits: QueryLimits::default(),
            syndication: SyndicationSettings::default(),
        }
    }
}
