//! Connections and pools for both backends.
//!
//! `QUIRE_DATABASE_URL` picks the backend: `postgres://…` or `postgresql://…` selects
//! PostgreSQL; `sqlite://PATH`, `sqlite:PATH` or a bare path selects an embedded SQLite file
//! (created when missing). Every SQLite connection runs with WAL, a busy timeout and foreign keys
//! on, so concurrent readers never block the writer and integrity rules hold as on PostgreSQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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

/// A pool of ready connections.
pub type Pool = r2d2::Pool<Manager>;

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

impl DatabaseUrl {
    /// Reads a database URL; anything that is not a PostgreSQL URL is a SQLite path.
    pub fn parse(url: &str) -> Self {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Self {
                backend: Backend::Postgres,
                target: url.to_owned(),
            };
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        Self {
            backend: Backend::Sqlite,
            target: path.to_owned(),
        }
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// What the driver receives: the PostgreSQL URL or the SQLite path.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Opens one connection, configured for Quire.
    pub fn connect(&self) -> Result<DbConn, ConnectionError> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.target).map(DbConn::Postgres),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.target)?;
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                )
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

/// Counts the SQL statements every pooled connection runs. Tests read it to prove that a page
/// of twenty articles costs as many statements as a page of one.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    /// Statements run so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

impl Instrumentation for StatementCounter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Hands r2d2 new connections for one URL, each reporting to the shared counter.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
    counter: StatementCounter,
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = ConnectionError;

    fn connect(&self) -> Result<DbConn, ConnectionError> {
        let mut conn = self.url.connect()?;
        conn.set_instrumentation(self.counter.clone());
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectionError> {
        conn.batch_execute("SELECT 1")
            .map_err(ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// Builds a pool; the first connection is opened now so a wrong URL fails at start-up.
///
/// Connections are only ever opened on demand (`min_idle` 0): a pool that tops itself up opens
/// connections on a background thread, and one caught opening a TLS connection while the process
/// exits crashes in OpenSSL's exit-time cleanup.
pub fn pool(url: &DatabaseUrl, size: u32) -> Result<(Pool, StatementCounter), r2d2::Error> {
    let counter = StatementCounter::default();
    let manager = Manager {
        url: url.clone(),
        counter: counter.clone(),
    };
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(0))
        .test_on_check_out(false)
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?;
    drop(pool.get()?);
    Ok((pool, counter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_backend_from_the_url() {
        let pg = DatabaseUrl::parse("postgres://postgres@127.0.0.1/test");
        assert_eq!(pg.backend(), Backend::Postgres);
        assert_eq!(
            DatabaseUrl::parse("postgresql://x/y").backend(),
            Backend::Postgres
        );
        for (url, path) in [
            ("quire.db", "quire.db"),
            ("sqlite://quire.db", "quire.db"),
            ("sqlite:/tmp/q.db", "/tmp/q.db"),
        ] {
            let parsed = DatabaseUrl::parse(url);
            assert_eq!(parsed.backend(), Backend::Sqlite);
            assert_eq!(parsed.target(), path);
        }
    }
}
