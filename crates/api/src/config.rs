//! Server configuration, passed down explicitly so tests can start servers with their own.

use std::time::Duration;

use quire_domain::search::SearchLanguage;
use quire_persistence::{DatabaseUrl, PoolConfig};
use secrecy::SecretString;

use crate::auth::password::PasswordCost;
use crate::graphql::limits::QueryLimits;
use crate::http::caching::CachePolicy;
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
    /// What `Cache-Control` lets CDNs and browsers do with anonymous answers.
    pub cache_policy: CachePolicy,
    /// Browser origins allowed to call the API from their pages (see [`crate::http::cors`]).
    pub cors_origins: Vec<String>,
    /// Header size and connection timeouts.
    pub http: HttpLimits,
    /// Whether a browser's `GET /graphql` gets the GraphiQL page.
    pub graphiql: bool,
    /// Whether the schema answers introspection (`QUIRE_INTROSPECTION`); code generators and
    /// GraphiQL need it, some deployments prefer not to describe their API to everyone.
    pub introspection: bool,
    /// Whether callers without a session may run only operations registered ahead
    /// (`QUIRE_PERSISTED_ONLY`; see [`crate::http::graphql::persisted`]).
    pub persisted_only: bool,
    /// Whether readers without credentials are served (`QUIRE_PUBLIC_READ`). When false, a
    /// private deployment's content is read only with an API token or a signed-in account;
    /// signing in itself stays open.
    pub public_read: bool,
    /// What one GraphQL request may ask for (cost, aliases, fields, batches); see
    /// [`crate::graphql::limits`] for the `QUIRE_MAX_…` variables that set them.
    pub query_limits: QueryLimits,
    /// Requests a minute each client address may send to `/api`; 0 means no limit. Off by
    /// default, since behind a CDN every reader shares a few addresses.
    pub api_rate_limit: u32,
    /// The public address links in feeds and sitemaps start with, the publication's name and
    /// language, and how many addresses a sitemap file holds.
    pub syndication: SyndicationSettings,
    /// The language search stems words for (`QUIRE_SEARCH_LANGUAGE`); the index is rebuilt at
    /// start when it was built for another.
    pub search_language: SearchLanguage,
}

impl Config {
    /// The host part of `bind`, for the address a server announces once it knows its port.
    pub fn bind_host(&self) -> &str {
        self.bind
            .rsplit_once(':')
            .map_or("127.0.0.1", |(host, _)| host)
    }

    /// Defaults for a database URL: loopback port 8080, generated secret, standard hashing,
    /// eight connections, one worker per core, a one-second response cache, a minute of public
    /// caching, no cross-origin callers, the default [`HttpLimits`] and query limits, GraphiQL
    /// and introspection on, any operation allowed, anonymous readers served, no REST rate
    /// limit, the default [`SyndicationSettings`] and English search.
    pub fn new(database: DatabaseUrl) -> Self {
        Self {
            bind: "127.0.0.1:8080".to_owned(),
            database,
            jwt_secret: None,
            password_cost: PasswordCost::Standard,
            pool: PoolConfig::new(8),
            workers: 0,
            response_cache: Duration::from_secs(1),
            cache_policy: CachePolicy::default(),
            cors_origins: Vec::new(),
            http: HttpLimits::default(),
            graphiql: true,
            introspection: true,
            persisted_only: false,
            public_read: true,
            query_limits: QueryLimits::default(),
            api_rate_limit: 0,
            syndication: SyndicationSettings::default(),
            search_language: SearchLanguage::default(),
        }
    }
}
