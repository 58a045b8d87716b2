//! Connections for both backends; the pool that keeps them is `crate::pool`.
//!
//! `QUIRE_DATABASE_URL` picks the backend: `postgres://…` or `postgresql://…` selects
//! PostgreSQL; `sqlite://PATH`, `sqlite:PATH` or a bare path selects an embedded SQLite file
//! (created when missing). Every SQLite connection runs with WAL, a busy timeout and foreign keys
//! on, so concurrent readers never block the writer and integrity rules hold as on PostgreSQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};

pub use multi::DbConn;

/// Kept private: the derive generates helper items that are not part of the API.
mod multi {
    use diesel::pg::PgConnection;
    use diesel::sqlite::SqliteConnection;

    /// One connection type for both backends, so all query code is written once.
    #[derive(diesel::MultiConnection)]
    pub enum DbConn {
        /// The production backend.
        Postgres(PgConnection),
        /// The embedded default.
        Sqlite(SqliteConnection),
    }
}

/// The backend behind [`DbConn`], for boxed queries.
pub type Db = <DbConn as Connection>::Backend;

/// Which database engine a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL server.
    Postgres,
    /// SQLite file.
    Sqlite,
}

/// A parsed `QUIRE_DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    target: String,
}

/// A database URL Quire cannot use, said at once instead of after a round of failed connects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{scheme}://` is not a database Quire can use: give postgres://USER@HOST:PORT/DATABASE \
     (or postgresql://…) for PostgreSQL, or sqlite://PATH or a plain file path for SQLite"
)]
pub struct UnsupportedUrl {
    /// The scheme that was given.
    pub scheme: String,
}

impl DatabaseUrl {
    /// Reads a database URL: `postgres://` and `postgresql://` name PostgreSQL; `sqlite://PATH`,
    /// `sqlite:PATH` or a bare path name a SQLite file. Any other `scheme://` is refused, so a
    /// `mysql://…` typo fails at once rather than becoming a file of that name.
    pub fn parse(url: &str) -> Result<Self, UnsupportedUrl> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: url.to_owned(),
            });
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(UnsupportedUrl {
                scheme: scheme.to_owned(),
            });
        }
        Ok(Self {
            backend: Backend::Sqlite,
            target: path.to_owned(),
        })
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// What the driver receives: the PostgreSQL URL or the SQLite path.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Where the database is, for a person and without the password: `host:port` of a
    /// PostgreSQL server, or the SQLite file's path.
    pub fn location(&self) -> String {
        match self.backend {
            Backend::Sqlite => self.target.clone(),
            Backend::Postgres => url::Url::parse(&self.target)
                .ok()
                .map(|parsed| {
                    let host = parsed.host_str().unwrap_or("localhost").to_owned();
                    let port = parsed.port().unwrap_or(5432);
                    let database = parsed.path().trim_start_matches('/').to_owned();
                    format!("{host}:{port}/{database}")
                })
                .unwrap_or_else(|| "the PostgreSQL server".to_owned()),
        }
    }

    /// Opens one connection, configured for Quire.
    pub fn connect(&self) -> Result<DbConn, ConnectionError> {
        match self.backend {
            Backend::Postgres => {
                let mut conn = PgConnection::establish(&self.target)?;
                if !self.target.contains(PLAN_CACHE_MODE) {
                    conn.batch_execute(GENERIC_PLANS)
                        .map_err(ConnectionError::CouldntSetupConfiguration)?;
                }
                Ok(DbConn::Postgres(conn))
            }
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.target)?;
                // The busy timeout comes first: switching a new file to WAL needs a lock that a
                // second process starting at the same moment may hold.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

/// The PostgreSQL setting that decides when a prepared statement is planned again.
const PLAN_CACHE_MODE: &str = "plan_cache_mode";

/// Every statement Quire prepares is planned once per connection, for any parameters.
///
/// By default PostgreSQL plans a prepared statement afresh on each call as long as the plan it
/// makes without the parameters' values looks costlier than those made with them. The reading
/// statements filter on the request's instant (`sort_at <= $now`), which the planner, not
/// knowing the value, assumes keeps a third of the rows: on a tag page of 100,000 articles
/// that made the plan without values look three times as costly, though it was the same index
/// walk, and every call was planned again (0.68 ms of planning for 0.31 ms of execution). The
/// reading statements are keyed lookups and walks along an index, which do not depend on the
/// values; a test explains each public list as planned without them. A URL whose `options`
/// name `plan_cache_mode` keeps its own choice.
const GENERIC_PLANS: &str = "SET plan_cache_mode = force_generic_plan";

/// Counts the SQL statements every pooled connection runs. Tests read it to prove that a page
/// of twenty articles costs as many statements as a page of one.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    /// Statements run so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// Takes back one statement that was housekeeping, not work asked for.
    pub(crate) fn forget_one(&self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Instrumentation for StatementCounter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_backend_from_the_url() {
        let pg = DatabaseUrl::parse("postgres://postgres:secret@db.internal/test").unwrap();
        assert_eq!(pg.backend(), Backend::Postgres);
        assert_eq!(pg.location(), "db.internal:5432/test");
        assert_eq!(
            DatabaseUrl::parse("postgresql://x/y").unwrap().backend(),
            Backend::Postgres
        );
        for (url, path) in [
            ("quire.db", "quire.db"),
            ("sqlite://quire.db", "quire.db"),
            ("sqlite:/tmp/q.db", "/tmp/q.db"),
        ] {
            let parsed = DatabaseUrl::parse(url).unwrap();
            assert_eq!(parsed.backend(), Backend::Sqlite);
            assert_eq!(parsed.target(), path);
        }
    }

    #[test]
    fn refuses_other_schemes_naming_the_ones_it_takes() {
        let error = DatabaseUrl::parse("mysql://root@localhost/quire").unwrap_err();
        assert_eq!(error.scheme, "mysql");
        let message = error.to_string();
        assert!(
            message.contains("postgres://") && message.contains("sqlite://"),
            "{message}"
        );
        assert!(DatabaseUrl::parse("sqlite://http://x").is_err());
    }

    /// Built without its planner stability guarantee (`.cargo/config.toml`), SQLite compiles
    /// every page's statement again on each call, since each binds its `LIMIT` anew.
    #[test]
    fn sqlite_keeps_the_plan_of_a_prepared_statement() {
        use diesel::prelude::*;
        let mut conn = DatabaseUrl::parse(":memory:").unwrap().connect().unwrap();
        let stable: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "EXISTS (SELECT 1 FROM pragma_compile_options WHERE compile_options = 'ENABLE_QPSG')",
        ))
        .get_result(&mut conn)
        .unwrap();
        assert!(stable, "SQLite was built without SQLITE_ENABLE_QPSG");
    }
}
