//! Building and running the server, the same way for the binary and for tests.

use std::net::TcpListener;

use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use quire_persistence::store::{articles, settings};
use quire_persistence::{Store, StoreError};
use secrecy::ExposeSecret;
use tracing_actix_web::TracingLogger;

use crate::auth::refresh;
use crate::auth::session::Auth;
use crate::config::Config;
use crate::graphql;
use crate::http::cache::ResponseCache;
use crate::http::caching::{self, ContentCaching};
use crate::http::graphql::GraphqlState;
use crate::http::graphql::persisted::PersistedQueries;
use crate::http::limits;
use crate::http::request_span::RequestSpan;
use crate::http::security_headers::security_headers;
use crate::http::{self as routes};
use crate::http::{compression, cors};
use crate::rest;
use crate::syndication::{self, Syndication};

/// Largest request body accepted, comfortably above the longest article allowed.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// A migrated database and a bound, not yet running, HTTP server.
pub struct Application {
    port: u16,
    store: Store,
    auth: Auth,
    server: Server,
}

/// Start-up failed.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Store(#[from] quire_persistence::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// What was asked for.
        address: String,
        /// Why it failed.
        #[source]
        source: std::io::Error,
    },
}

/// The signing secret kept in the database, stored now if none is. Servers starting together
/// on one SQLite file race to store it, and the loser's transaction still sees the file as it
/// was when it began, without the winner's secret; a fresh transaction a moment later does.
async fn settle_generated_secret(store: &Store) -> Result<String, StoreError> {
    let generated = refresh::generate_secret();
    let mut attempts = 0;
    loop {
        let initial = generated.clone();
        let settled = store
            .write(move |conn| settings::get_or_init(conn, "jwt_secret", &initial))
            .await;
        match settled {
            Err(StoreError::NotFound(_) | StoreError::Unavailable(_)) if attempts < 5 => {
                attempts += 1;
                tokio::time::sleep(std::time::Duration::from_millis(50 * attempts)).await;
            }
            settled => return settled,
        }
    }
}

impl Application {
    /// Opens and migrates the database, rebuilds the search index if it was built for another
    /// language, settles the signing secret, and binds the address.
    pub async fn build(config: Config) -> Result<Self, StartError> {
        let store = Store::open(&config.database, config.pool)?;
        store.migrate().await?;
        articles::ensure_search_index(&store, config.search_language).await?;
        let secret = match &config.jwt_secret {
            Some(secret) => secret.expose_secret().to_owned(),
            None => settle_generated_secret(&store).await?,
        };
        let auth = Auth::new(
            store.clone(),
            secret.as_bytes(),
            config.password_cost,
            config.public_read,
        );
        let mut schema = graphql::serving(config.query_limits)
            .data(store.clone())
            .data(auth.clone())
            .data(config.search_language);
        if !config.introspection {
            schema = schema.extension(graphql::introspection::NoIntrospection);
        }
        if !config.public_read {
            schema = schema.extension(graphql::public_read::PublicReadGate);
        }
        let schema = schema.finish();
        let cache = ResponseCache::new(config.response_cache);
        let caching = web::Data::new(ContentCaching {
            policy: config.cache_policy,
            cache: cache.clone(),
            store: store.clone(),
        });
        let rest_state = rest::RestState::new(
            store.clone(),
            auth.clone(),
            config.api_rate_limit,
            config.search_language,
        );
        let feeds = web::Data::new(Syndication {
            store: store.clone(),
            auth: auth.clone(),
            settings: config.syndication.clone(),
        });
        let state = web::Data::new(GraphqlState {
            schema,
            explaining: graphql::explaining(config.query_limits),
            store: store.clone(),
            auth: auth.clone(),
            cache,
            limits: config.query_limits,
            persisted: PersistedQueries::new(store.clone(), config.persisted_only),
        });
        let cors_origins = config.cors_origins.clone();
        let bind_error = |source| StartError::Bind {
            address: config.bind.clone(),
            source,
        };
        let listener = TcpListener::bind(&config.bind).map_err(bind_error)?;
        let port = listener.local_addr().map_err(bind_error)?.port();
        let data_store = web::Data::new(store.clone());
        let http_limits = config.http;
        let graphiql = config.graphiql;
        let mut server = HttpServer::new(move || {
            let validators = caching.clone().into_inner();
            App::new()
                .wrap(from_fn(caching::remember_syndication))
                .wrap(from_fn(move |req, next| {
                    caching::respond(validators.clone(), req, next)
                }))
                .wrap(from_fn(compression::skip_small_bodies))
                .wrap(Compress::default())
                .wrap(from_fn(compression::settle_encoding))
                .wrap(cors::for_origins(&cors_origins))
                .wrap(limits::explain_oversized_body(MAX_BODY_BYTES))
                .wrap(from_fn(move |req, next| {
                    limits::cap_header_size(http_limits.max_header_bytes, req, next)
                }))
                .wrap(TracingLogger::<RequestSpan>::new())
                .wrap(security_headers())
                .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
                .app_data(state.clone())
                .app_data(caching.clone())
                .app_data(data_store.clone())
                .service(routes::health::healthz)
                .service(routes::health::readyz)
                .configure(|routes| {
                    if graphiql {
                        routes::graphiql::routes(routes);
                    }
                })
                .route("/graphql", web::post().to(routes::graphql::post))
                .route("/graphql", web::get().to(routes::graphql::get))
                .configure(|config| rest::routes(config, &rest_state))
                .configure(|routes| syndication::routes(routes, feeds.clone()))
        });
        server = server
            .client_request_timeout(http_limits.request_head_timeout)
            .keep_alive(http_limits.keep_alive);
        if config.workers > 0 {
            server = server.workers(config.workers);
        }
        let server = server.listen(listener).map_err(bind_error)?.run();
        Ok(Self {
            port,
            store,
            auth,
            server,
        })
    }

    /// The port actually bound, which matters when port 0 was asked for.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The store, for tooling and tests that count statements.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Sign-in sessions on this server's database and secret, for tooling that hands out
    /// ready tokens (`quire_api::testing`).
    pub fn auth(&self) -> &Auth {
        &self.auth
    }

    /// Stops the server from outside, for embedders that end it on their own terms rather
    /// than on a signal.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGINT or SIGTERM, then finishes in-flight requests and returns.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
