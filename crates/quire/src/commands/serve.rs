//! `quire serve`: migrate, then serve until told to stop.

use std::time::Duration;

use quire_api::graphql::limits::QueryLimits;
use quire_api::http::caching::CachePolicy;
use quire_api::http::limits::HttpLimits;
use quire_api::syndication::settings::SyndicationSettings;
use quire_api::{Application, Config};
use quire_persistence::{Backend, PoolConfig};

use crate::cli::ServeArgs;

/// Where a server listens when `--bind` and `QUIRE_BIND` are left out.
const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Runs the server and prints where it listens; or, with `--ephemeral`, a throwaway one.
pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    if args.ephemeral {
        return super::ephemeral::run(args).await;
    }
    let config = config(args, DEFAULT_BIND)?;
    let host = config.bind_host().to_owned();
    let app = Application::build(config).await?;
    println!(
        "Quire is serving GraphQL at http://{host}:{}/graphql",
        app.port()
    );
    tracing::info!(port = app.port(), "listening");
    app.run_until_stopped().await?;
    tracing::info!("stopped");
    Ok(())
}

/// The server configuration the flags and environment describe, listening on `default_bind`
/// when neither names an address.
pub fn config(args: ServeArgs, default_bind: &str) -> anyhow::Result<Config> {
    let pool_size = match args.pool_size {
        Some(size) => size,
        None => default_pool_size(args.database.parsed()?.backend()),
    };
    Ok(Config {
        bind: args.bind.unwrap_or_else(|| default_bind.to_owned()),
        jwt_secret: args.jwt_secret,
        pool: PoolConfig {
            checkout_timeout: Duration::from_millis(args.pool_timeout_ms),
            ..args.database.pool(pool_size)
        },
        workers: args.workers,
        response_cache: Duration::from_millis(args.response_cache_ms),
        cache_policy: CachePolicy {
            max_age: Duration::from_secs(args.cache_max_age),
            stale_while_revalidate: Duration::from_secs(args.cache_stale_while_revalidate),
        },
        cors_origins: args.cors_origins.0,
        http: HttpLimits {
            max_header_bytes: args.max_header_bytes,
            request_head_timeout: Duration::from_millis(args.request_head_timeout_ms),
            keep_alive: Duration::from_millis(args.keep_alive_ms),
        },
        graphiql: args.graphiql,
        introspection: args.introspection,
        persisted_only: args.persisted_only,
        public_read: args.public_read,
        query_limits: QueryLimits {
            max_cost: args.max_query_cost,
            max_aliases: args.max_aliases,
            max_fields: args.max_fields,
            max_depth: args.max_depth,
            max_batch: args.max_batch,
            anonymous_batch: args.anonymous_batch,
        },
        api_rate_limit: args.api_rate_limit,
        syndication: SyndicationSettings {
            public_url: args.public_url,
            sitemap_urls_per_file: args.sitemap_urls_per_file,
            publication_name: args.publication_name,
            publication_language: args.publication_language,
        },
        search_language: args.search.language,
        ..Config::new(args.database.parsed()?)
    })
}

/// Connections to keep open when none is asked for. PostgreSQL answers each connection from a
/// process of its own, so a pool as large as the requests usually in flight pays off. SQLite
/// answers inside this process on its cores: beyond two readers a core, connections add no
/// speed, only memory, since each keeps its own page cache and prepared statements (under the
/// same load, sixteen of them peaked at 104 MiB and four at 65 MiB, for the same throughput).
fn default_pool_size(backend: Backend) -> u32 {
    match backend {
        Backend::Postgres => 16,
        Backend::Sqlite => std::thread::available_parallelism()
            .map_or(4, |cores| u32::try_from(cores.get() * 2).unwrap_or(16))
            .clamp(4, 16),
    }
}
