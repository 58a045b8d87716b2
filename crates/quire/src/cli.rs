//! The command line, with every flag also readable from a `QUIRE_…` environment variable.
//!
//! - `QUIRE_DATABASE_URL`: `postgres://…` selects PostgreSQL; anything else is a SQLite file
//!   (default `quire.db` in the working directory).
//! - `QUIRE_BIND`: listen address (default `127.0.0.1:8080`, or a free loopback port with
//!   `--ephemeral`; port 0 picks a free port).
//! - `QUIRE_JWT_SECRET`: access-token signing secret; generated once and kept in the database
//!   when unset.
//! - `QUIRE_DATABASE_WAIT`: seconds to wait for an unreachable PostgreSQL server at start,
//!   with one line per attempt (default 10; 0 tries once).
//! - `QUIRE_POOL_SIZE`: database connections to keep open (default 16 on PostgreSQL; on SQLite
//!   twice the cores, from 4 to 16).
//! - `QUIRE_POOL_TIMEOUT_MS`: how long a request waits for a database connection before it is
//!   answered `UNAVAILABLE` (default 2000).
//! - `QUIRE_WORKERS`: HTTP worker threads (default 0, one per core).
//! - `QUIRE_RESPONSE_CACHE_MS`: longest life of a cached anonymous response (default 1000; 0 off).
//! - `QUIRE_CACHE_MAX_AGE`, `QUIRE_CACHE_STALE_WHILE_REVALIDATE`: seconds CDNs and browsers may
//!   keep an anonymous content answer fresh, then serve it stale while revalidating (defaults 60
//!   and 300; see `quire_api::http::caching`).
//! - `QUIRE_CORS_ORIGINS`: browser origins allowed to call the API, comma-separated, or `*`
//!   (default none; see `quire_api::http::cors`).
//! - `QUIRE_MAX_HEADER_BYTES`: most bytes of request headers; more is answered 431 (default
//!   16384).
//! - `QUIRE_REQUEST_HEAD_TIMEOUT_MS`: time a client has to send its request head before it is
//!   answered 408 and disconnected (default 5000; 0 waits for ever).
//! - `QUIRE_KEEP_ALIVE_MS`: how long an idle connection stays open (default 5000; 0 closes it
//!   after each response).
//! - `QUIRE_GRAPHIQL`: `false` turns off the GraphiQL page on `GET /graphql` (default `true`).
//! - `QUIRE_INTROSPECTION`: `false` turns off schema introspection (default `true`).
//! - `QUIRE_PERSISTED_ONLY`: `true` lets callers without a session run only operations
//!   registered with `quire queries add` (default `false`; see
//!   `quire_api::http::graphql::persisted`).
//! - `QUIRE_PUBLIC_READ`: `false` refuses readers without credentials (UNAUTHENTICATED) on every
//!   content route, for private deployments whose frontends send an API token; signing in still
//!   works (default `true`).
//! - `QUIRE_MAX_QUERY_COST`, `QUIRE_MAX_ALIASES`, `QUIRE_MAX_FIELDS`, `QUIRE_MAX_DEPTH`,
//!   `QUIRE_MAX_BATCH`, `QUIRE_ANONYMOUS_BATCH`: what one GraphQL request may ask for (defaults
//!   10,000, 50, 500, 12, 10, `false`; see `quire_api::graphql::limits`).
//! - `QUIRE_API_RATE_LIMIT`: requests a minute each client address may send to the REST API
//!   under `/api`, answered 429 beyond (default 0, no limit: behind a CDN or proxy every reader
//!   shares a few addresses).
//! - `QUIRE_PUBLIC_URL`: the site's public address, such as `https://news.example.com`; feeds
//!   and sitemaps link to `{it}/articles/{slug}` and the like (default: the scheme and host each
//!   request came in on). Must be an http(s) URL.
//! - `QUIRE_PUBLICATION_NAME`: the publication's name in feeds and the news sitemap (default
//!   `Quire`).
//! - `QUIRE_PUBLICATION_LANGUAGE`: its ISO 639 language code (default `en`).
//! - `QUIRE_SITEMAP_URLS_PER_FILE`: addresses per sitemap file before `/sitemap.xml` becomes an
//!   index (default and maximum 50,000).
//! - `QUIRE_SEARCH_LANGUAGE`: the language search stems words for, as an ISO 639-1 code or an
//!   English name (default `en`; `none` stems nothing). Read by `serve` and `import`; a change
//!   rebuilds the search index at the next start.
//! - `QUIRE_LOG`: log filter such as `info` or `quire=debug,warn` (default `info`).
//! - `QUIRE_LOG_FORMAT`: `text` (default) or `json`, one object per line.
//!
//! The editors' client commands read their own variables (`QUIRE_SERVER`, `QUIRE_TOKEN`,
//! `QUIRE_CONFIG_DIR`), listed in [`client`].

mod client;

use std::time::Duration;

use clap::builder::RangedI64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use quire_api::graphql::limits::QueryLimits;
use quire_api::http::caching::CachePolicy;
use quire_api::http::cors;
use quire_api::syndication::settings::{self, MAX_SITEMAP_URLS_PER_FILE, PublicUrl};
use quire_domain::search::SearchLanguage;
use quire_domain::{ArticleStatus, Role};
use quire_persistence::{DatabaseUrl, PoolConfig};
use secrecy::SecretString;

pub use client::{
    ArticleCommand, DeleteArgs, EditArgs, ListArgs, LoginArgs, NewArgs, PublishArgs, SessionArgs,
    ShowArgs, SlugArgs,
};

/// Quire: a headless CMS for news and editorial content.
#[derive(Debug, Parser)]
#[command(name = "quire", version, about)]
pub struct Cli {
    /// Log filter, in `tracing` env-filter syntax.
    #[arg(long, env = "QUIRE_LOG", default_value = "info", global = true)]
    pub log: String,
    /// Log lines as text for people or as one JSON object per line for log collectors.
    #[arg(
        long,
        env = "QUIRE_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text,
        global = true
    )]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One line per event, coloured only when standard error is a terminal.
    Text,
    /// One JSON object per line.
    Json,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the API until SIGINT or SIGTERM; or, with
    /// `--ephemeral`, serve a throwaway database for another program's tests.
    Serve(Box<ServeArgs>),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Manage user accounts.
    User {
        /// What to do with users.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Write the whole database as a bundle (JSON Lines) to a file or standard output: a
    /// backup, and the way to move between SQLite and PostgreSQL.
    Export(ExportArgs),
    /// Print the GraphQL schema (SDL), as checked in at `schema.graphql`.
    Schema,
    /// Print the REST API's OpenAPI 3.1 document, as checked in at `openapi.json`.
    Openapi,
    /// Bring in articles from Quire bundles, Markdown files with front matter or saved article
    /// pages; the format is told from each file's content. Safe to run again: files already in
    /// change nothing.
    Import(ImportArgs),
    /// Fill the database with content to explore.
    Seed(SeedArgs),
    /// Manage GraphQL operations registered ahead, the only ones a server started with
    /// `--persisted-only` runs for readers without a session.
    Queries {
        /// What to do with registered operations.
        #[command(subcommand)]
        command: QueriesCommand,
    },
    /// Empty the trash of articles deleted long enough ago, on the server's own database.
    Trash {
        /// What to do with the trash.
        #[command(subcommand)]
        command: TrashCommand,
    },
    /// Sign in to a Quire server and keep the session for the client commands.
    Login(LoginArgs),
    /// End the saved session on its server and forget it.
    Logout(SessionArgs),
    /// Show who the client is signed in as, and on which server.
    Whoami(SessionArgs),
    /// Write, edit, publish and list articles on a Quire server.
    Article {
        /// What to do with articles.
        #[command(subcommand)]
        command: ArticleCommand,
    },
}

/// `quire trash …`.
#[derive(Debug, Subcommand)]
pub enum TrashCommand {
    /// Delete for good the articles that went to the trash longer ago than `--older-than`,
    /// with their revisions, corrections and old slugs; each leaves an entry in the audit log.
    /// Meant for a daily job.
    Purge(TrashPurgeArgs),
}

/// `quire trash purge`.
#[derive(Debug, Args)]
pub struct TrashPurgeArgs {
    /// Database to purge.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// How long an article stays in the trash before it may go, such as `30d`, `12h` or
    /// `2weeks`.
    #[arg(long, value_name = "AGE", value_parser = humantime::parse_duration)]
    pub older_than: std::time::Duration,
    /// Print what would go and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the purged articles as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `quire queries …`.
#[derive(Debug, Subcommand)]
pub enum QueriesCommand {
    /// Register the operations in GraphQL files, each file's text as it is: clients send the
    /// SHA-256 of exactly that text. Prints each file's hash.
    Add(QueriesAddArgs),
    /// Print every registered operation's hash and first line.
    List(DatabaseArgs),
}

/// `quire queries add`.
#[derive(Debug, Args)]
pub struct QueriesAddArgs {
    /// Database to register in.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// `.graphql` files, one operation document each.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,
}

/// Where the database is.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// `postgres://…` for PostgreSQL, otherwise a SQLite file path (`sqlite://` optional).
    #[arg(
        long = "database",
        env = "QUIRE_DATABASE_URL",
        default_value = "quire.db"
    )]
    pub url: String,
    /// Seconds to wait for an unreachable PostgreSQL server before giving up; 0 tries once.
    #[arg(
        long = "database-wait",
        env = "QUIRE_DATABASE_WAIT",
        default_value_t = 10
    )]
    pub wait_secs: u64,
}

impl DatabaseArgs {
    /// The URL, checked, so a scheme Quire cannot use is refused before anything is opened.
    pub fn parsed(&self) -> anyhow::Result<DatabaseUrl> {
        Ok(DatabaseUrl::parse(&self.url)?)
    }

    /// A pool of `size` connections that waits for the database as asked.
    pub fn pool(&self, size: u32) -> PoolConfig {
        PoolConfig {
            wait_at_start: Duration::from_secs(self.wait_secs),
            ..PoolConfig::new(size)
        }
    }
}

/// `quire serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Database to serve.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address to listen on (`127.0.0.1:8080`, or a free loopback port with `--ephemeral`);
    /// port 0 picks a free port.
    #[arg(long, env = "QUIRE_BIND")]
    pub bind: Option<String>,
    /// Serve a new SQLite database in a temporary directory instead of `--database`, with an
    /// admin and an editor signed in; print one JSON line on standard output with the URL and
    /// the accounts' emails, passwords and tokens once ready; serve until standard input closes
    /// or a signal arrives; then remove the database. For other programs' integration tests.
    #[arg(long)]
    pub ephemeral: bool,
    /// Files or directories to import into the ephemeral database before it is announced
    /// (Markdown with front matter, saved article pages, Quire bundles: as `quire import`
    /// reads them). Any file that fails stops the start.
    #[arg(long, value_name = "PATH", num_args = 1.., requires = "ephemeral")]
    pub seed: Vec<std::path::PathBuf>,
    /// Access-token signing secret; generated once and kept in the database when unset.
    #[arg(long, env = "QUIRE_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<SecretString>,
    /// Database connections to keep open (default 16 on PostgreSQL; on SQLite twice the
    /// cores, from 4 to 16).
    #[arg(long, env = "QUIRE_POOL_SIZE")]
    pub pool_size: Option<u32>,
    /// Milliseconds a request waits for a database connection before it is answered
    /// `UNAVAILABLE`.
    #[arg(long, env = "QUIRE_POOL_TIMEOUT_MS", default_value_t = 2000)]
    pub pool_timeout_ms: u64,
    /// HTTP worker threads; 0 means one per core.
    #[arg(long, env = "QUIRE_WORKERS", default_value_t = 0)]
    pub workers: usize,
    /// Longest time an anonymous response is served from the cache, in milliseconds; writes
    /// through this server invalidate it at once; 0 turns the cache off.
    #[arg(long, env = "QUIRE_RESPONSE_CACHE_MS", default_value_t = 1000)]
    pub response_cache_ms: u64,
    /// Seconds CDNs and browsers may treat an anonymous content answer as fresh.
    #[arg(long, env = "QUIRE_CACHE_MAX_AGE", default_value_t = CachePolicy::default().max_age.as_secs())]
    pub cache_max_age: u64,
    /// Seconds more they may serve it stale while fetching a fresh one.
    #[arg(long, env = "QUIRE_CACHE_STALE_WHILE_REVALIDATE", default_value_t = CachePolicy::default().stale_while_revalidate.as_secs())]
    pub cache_stale_while_revalidate: u64,
    /// Browser origins allowed to call the API from their pages, comma-separated
    /// (`https://www.example.com,http://localhost:3000`), or `*` for any.
    #[arg(long, env = "QUIRE_CORS_ORIGINS", default_value = "", value_parser = CorsOrigins::parse)]
    pub cors_origins: CorsOrigins,
    /// Most bytes of request headers accepted; more is answered 431.
    #[arg(long, env = "QUIRE_MAX_HEADER_BYTES", default_value_t = 16 * 1024)]
    pub max_header_bytes: usize,
    /// Milliseconds a client has to send its whole request head before it is answered 408 and
    /// disconnected; 0 waits for ever.
    #[arg(long, env = "QUIRE_REQUEST_HEAD_TIMEOUT_MS", default_value_t = 5000)]
    pub request_head_timeout_ms: u64,
    /// Milliseconds an idle keep-alive connection stays open; 0 closes it after each response.
    #[arg(long, env = "QUIRE_KEEP_ALIVE_MS", default_value_t = 5000)]
    pub keep_alive_ms: u64,
    /// Whether a browser's `GET /graphql` gets the GraphiQL page.
    #[arg(long, env = "QUIRE_GRAPHIQL", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphiql: bool,
    /// Whether the schema answers introspection queries.
    #[arg(long, env = "QUIRE_INTROSPECTION", default_value_t = true, action = clap::ArgAction::Set)]
    pub introspection: bool,
    /// Let callers without a session (anonymous readers, API tokens) run only operations
    /// registered ahead with `quire queries add`.
    #[arg(long, env = "QUIRE_PERSISTED_ONLY")]
    pub persisted_only: bool,
    /// Whether readers without credentials are served; when false, content is read only with
    /// an API token or a signed-in account.
    #[arg(long, env = "QUIRE_PUBLIC_READ", default_value_t = true, action = clap::ArgAction::Set)]
    pub public_read: bool,
    /// Highest estimated cost of one GraphQL operation: each field costs 1, each paged list
    /// multiplies what it selects by its page size (`first`/`last`, 20 when absent).
    #[arg(long, env = "QUIRE_MAX_QUERY_COST", default_value_t = QueryLimits::default().max_cost)]
    pub max_query_cost: usize,
    /// Most aliased fields in one GraphQL operation, fragments expanded.
    #[arg(long, env = "QUIRE_MAX_ALIASES", default_value_t = QueryLimits::default().max_aliases)]
    pub max_aliases: usize,
    /// Most fields in one GraphQL operation, fragments expanded.
    #[arg(long, env = "QUIRE_MAX_FIELDS", default_value_t = QueryLimits::default().max_fields)]
    pub max_fields: usize,
    /// Deepest nesting of selections in one GraphQL operation, introspection exempt.
    #[arg(long, env = "QUIRE_MAX_DEPTH", default_value_t = QueryLimits::default().max_depth)]
    pub max_depth: usize,
    /// Most operations in one JSON batch.
    #[arg(long, env = "QUIRE_MAX_BATCH", default_value_t = QueryLimits::default().max_batch)]
    pub max_batch: usize,
    /// Let callers without credentials send batches.
    #[arg(long, env = "QUIRE_ANONYMOUS_BATCH", default_value_t = QueryLimits::default().anonymous_batch, action = clap::ArgAction::Set)]
    pub anonymous_batch: bool,
    /// Requests a minute each client address may send to the REST API under `/api`; more are
    /// answered 429. 0 turns the limit off, right behind a CDN or proxy where every reader
    /// shares a few addresses.
    #[arg(long, env = "QUIRE_API_RATE_LIMIT", default_value_t = 0)]
    pub api_rate_limit: u32,
    /// The site's public address (`https://news.example.com`), which every link in feeds and
    /// sitemaps starts with; the scheme and host of each request when unset.
    #[arg(long, env = "QUIRE_PUBLIC_URL", value_parser = PublicUrl::parse)]
    pub public_url: Option<PublicUrl>,
    /// The publication's name, as feeds and the news sitemap give it.
    #[arg(long, env = "QUIRE_PUBLICATION_NAME", default_value = "Quire")]
    pub publication_name: String,
    /// The publication's ISO 639 language code, such as `en` or `pt-br`.
    #[arg(long, env = "QUIRE_PUBLICATION_LANGUAGE", default_value = "en", value_parser = settings::parse_language)]
    pub publication_language: String,
    /// Addresses in one sitemap file; past it `/sitemap.xml` becomes an index of files.
    #[arg(
        long,
        env = "QUIRE_SITEMAP_URLS_PER_FILE",
        default_value_t = MAX_SITEMAP_URLS_PER_FILE,
        value_parser = RangedI64ValueParser::<usize>::new().range(1..=MAX_SITEMAP_URLS_PER_FILE as i64)
    )]
    pub sitemap_urls_per_file: usize,
    /// The language search stems words for.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// The language search works in, shared by the commands that write the search index.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The language search stems words for, so `dockers` finds `docker`: an ISO 639-1 code
    /// (`en`, `fr`, `de`, `es`, `pt`, `it`, `nl`, `ru`, …) or an English name; `none` stems
    /// nothing. Changing it rebuilds the search index at the next start.
    #[arg(
        long = "search-language",
        env = "QUIRE_SEARCH_LANGUAGE",
        default_value = "en"
    )]
    pub language: SearchLanguage,
}

/// The origins of `QUIRE_CORS_ORIGINS`, checked; one value, since clap would read a list field
/// as a flag given several times.
#[derive(Debug, Clone)]
pub struct CorsOrigins(pub Vec<String>);

impl CorsOrigins {
    fn parse(list: &str) -> Result<Self, String> {
        cors::parse_origins(list).map(Self)
    }
}

/// Stages `quire import` may give articles, overriding what files say.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportStatusArg {
    /// Held back for review.
    Draft,
    /// Live at the file's `publishedAt`, or now.
    Published,
}

impl From<ImportStatusArg> for ArticleStatus {
    fn from(status: ImportStatusArg) -> Self {
        match status {
            ImportStatusArg::Draft => ArticleStatus::Draft,
            ImportStatusArg::Published => ArticleStatus::Published,
        }
    }
}

/// `quire import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Database to write to.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Files or directories; directories are searched for `.md`, `.markdown`, `.txt`, `.jsonl`
    /// and `.quire` files, hidden ones left out.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
    /// Report what would be created or changed, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Give every imported article this stage instead of the one its file names (files that
    /// name none become drafts).
    #[arg(long, value_enum)]
    pub status: Option<ImportStatusArg>,
    /// The language the imported articles are indexed for search in.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// `quire seed`.
#[derive(Debug, Args)]
pub struct SeedArgs {
    /// Database to fill.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// A demo newsroom: a syndicated article and two dozen generated stories with authors,
    /// sources, tags, related links, drafts and a scheduled piece.
    #[arg(long, required = true)]
    pub demo: bool,
}

/// `quire export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Database to export.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// File to write; standard output when left out. The file appears only once it is
    /// complete, so an export that fails never leaves a bundle that looks whole.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Write users' password hashes too, so accounts can sign in wherever the bundle is
    /// imported. Keep such a bundle as safe as the database itself.
    #[arg(long)]
    pub include_secrets: bool,
}

/// `quire user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input or prompted for, never taken
    /// from the command line where other users could see it.
    Create(CreateUserArgs),
}

/// Roles as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// Everything, including users.
    Admin,
    /// All content, including publishing.
    Editor,
    /// Own drafts only.
    Author,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Editor => Role::Editor,
            RoleArg::Author => Role::Author,
        }
    }
}

/// `quire user create`.
#[derive(Debug, Args)]
pub struct CreateUserArgs {
    /// Database to write to.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Sign-in address.
    #[arg(long)]
    pub email: String,
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// What the account may do.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Read the password from the first line of standard input instead of prompting.
    #[arg(long)]
    pub password_stdin: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
