//! The command line, with every flag also readable from a `QUIRE_…` environment variable.
//!
//! - `QUIRE_DATABASE_URL`: `postgres://…` selects PostgreSQL; anything else is a SQLite file
//!   (default `quire.db` in the working directory).
//! - `QUIRE_BIND`: listen address (default `127.0.0.1:8080`; port 0 picks a free port).
//! - `QUIRE_JWT_SECRET`: access-token signing secret; generated once and kept in the database
//!   when unset.
//! - `QUIRE_POOL_SIZE`: database connections to keep open (default 16).
//! - `QUIRE_WORKERS`: HTTP worker threads (default 0, one per core).
//! - `QUIRE_RESPONSE_CACHE_MS`: longest life of a cached anonymous response (default 1000; 0 off).
//! - `QUIRE_MAX_QUERY_COST`, `QUIRE_MAX_ALIASES`, `QUIRE_MAX_FIELDS`, `QUIRE_MAX_DEPTH`,
//!   `QUIRE_MAX_BATCH`, `QUIRE_ANONYMOUS_BATCH`: what one GraphQL request may ask for (defaults
//!   10,000, 50, 500, 12, 10, `false`; see `quire_api::graphql::limits`).
//! - `QUIRE_LOG`: log filter such as `info` or `quire=debug,warn` (default `info`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use quire_api::graphql::limits::QueryLimits;
use quire_domain::Role;
use secrecy::SecretString;

/// Quire: a headless CMS for news and editorial content.
#[derive(Debug, Parser)]
#[command(name = "quire", version, about)]
pub struct Cli {
    /// Log filter, in `tracing` env-filter syntax.
    #[arg(long, env = "QUIRE_LOG", default_value = "info", global = true)]
    pub log: String,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the API until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Manage user accounts.
    User {
        /// What to do with users.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print the GraphQL schema (SDL), as checked in at `schema.graphql`.
    Schema,
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
}

/// `quire serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Database to serve.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "QUIRE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Access-token signing secret; generated once and kept in the database when unset.
    #[arg(long, env = "QUIRE_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<SecretString>,
    /// Database connections to keep open.
    #[arg(long, env = "QUIRE_POOL_SIZE", default_value_t = 16)]
    pub pool_size: u32,
    /// HTTP worker threads; 0 means one per core.
    #[arg(long, env = "QUIRE_WORKERS", default_value_t = 0)]
    pub workers: usize,
    /// Longest time an anonymous response is served from the cache, in milliseconds; writes
    /// through this server invalidate it at once; 0 turns the cache off.
    #[arg(long, env = "QUIRE_RESPONSE_CACHE_MS", default_value_t = 1000)]
    pub response_cache_ms: u64,
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
