//! The store handle the API holds, and the store functions grouped by aggregate.
//!
//! Diesel is synchronous, so every call runs on tokio's blocking pool through [`Store::read`] or
//! [`Store::write`], keeping the request's tracing span. Store functions take `&mut DbConn` so
//! they compose inside one transaction.

pub mod api_tokens;
pub mod articles;
pub mod audit;
pub mod authors;
mod bulk;
mod named;
pub mod persisted_queries;
pub mod revisions;
pub mod settings;
mod slugs;
pub mod sources;
pub mod tags;
pub mod tokens;
pub mod users;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use diesel::Connection;
use diesel::connection::SimpleConnection;

pub use bulk::for_bulk_writes;

use crate::db::{Backend, DatabaseUrl, DbConn, StatementCounter};
use crate::error::StoreError;
use crate::pool::{Pool, PoolConfig};

/// A cheap-to-clone handle on the database.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    backend: Backend,
    /// SQLite allows one writer at a time; taking turns in-process avoids `SQLITE_BUSY` when a
    /// transaction that began by reading wants to write.
    sqlite_writer: Arc<Mutex<()>>,
    statements: StatementCounter,
    /// Grows by one whenever a write commits, so caches of reads know when they went stale.
    generation: Arc<AtomicU64>,
}

impl Store {
    /// Opens a pool. Fails now, not at the first request, when the database cannot be reached
    /// (after waiting `config.wait_at_start` for PostgreSQL).
    pub fn open(url: &DatabaseUrl, config: PoolConfig) -> Result<Self, StoreError> {
        let (pool, statements) = Pool::open(url, config)?;
        Ok(Self {
            pool,
            backend: url.backend(),
            sqlite_writer: Arc::new(Mutex::new(())),
            statements,
            generation: Arc::new(AtomicU64::new(0)),
        })
    }

    /// Changes whenever a write through this store commits. A read cached at one generation is
    /// current for as long as the generation stays the same.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// SQL statements run through this store so far.
    pub fn statement_count(&self) -> u64 {
        self.statements.get()
    }

    /// Applies pending migrations, taking turns with other processes migrating the same
    /// database; returns the names of those applied.
    pub async fn migrate(&self) -> Result<Vec<String>, StoreError> {
        let pool = self.pool.clone();
        let sqlite_writer = self.sqlite_writer.clone();
        tokio::task::spawn_blocking(move || {
            let _turn = sqlite_writer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            pool.run(crate::migrate::run_pending)
        })
        .await
        .map_err(StoreError::Task)?
    }

    /// Checks, within `timeout`, that the database answers, for readiness probes.
    pub async fn ping(&self, timeout: std::time::Duration) -> Result<(), StoreError> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            pool.run_within(timeout, |conn| {
                conn.batch_execute("SELECT 1").map_err(StoreError::from)
            })
        })
        .await
        .map_err(StoreError::Task)?
    }

    /// Brings the planner's statistics up to date after a bulk load, so the requests that
    /// follow an import are not planned blind (ten times slower on a large archive until
    /// autovacuum would get to it). PostgreSQL only: SQLite keeps no statistics unless asked,
    /// and Quire's statements are written for that.
    pub async fn refresh_statistics(&self) -> Result<(), StoreError> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            pool.run(|conn| match conn {
                DbConn::Postgres(_) => conn.batch_execute("ANALYZE").map_err(StoreError::from),
                DbConn::Sqlite(_) => Ok(()),
            })
        })
        .await
        .map_err(StoreError::Task)?
    }

    /// Runs read-only queries on a pooled connection.
    pub async fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            pool.run(f)
        })
        .await
        .map_err(StoreError::Task)?
    }

    /// Runs `f` in one transaction: everything it wrote is kept, or nothing is.
    pub async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        self.transact(f, Outcome::Commit).await
    }

    /// Runs `f` in one transaction and rolls it back whatever `f` returns, so a dry run sees
    /// exactly what the real run would (slugs taken, names matched) and leaves nothing behind.
    pub async fn rehearse<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        self.transact(f, Outcome::RollBack).await
    }

    /// Runs `f` in a transaction on the blocking pool, taking SQLite's writer turn, and ends it
    /// as `outcome` says (a failed `f` always rolls back).
    async fn transact<T, F>(&self, f: F, outcome: Outcome) -> Result<T, StoreError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let sqlite_writer = (self.backend == Backend::Sqlite).then(|| self.sqlite_writer.clone());
        let span = tracing::Span::current();
        let generation = self.generation.clone();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let written = pool.run(|conn| {
                let _turn = sqlite_writer.as_ref().map(|lock| {
                    lock.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                });
                match outcome {
                    Outcome::Commit => conn.transaction(f),
                    Outcome::RollBack => rolled_back(conn, f),
                }
            });
            if written.is_ok() && outcome == Outcome::Commit {
                generation.fetch_add(1, Ordering::Release);
            }
            written
        })
        .await
        .map_err(StoreError::Task)?
    }
}

/// Runs `f` in a savepoint of the current transaction: when `f` fails, only its own writes are
/// undone and the transaction goes on, which is how an import keeps one bad file from spoiling
/// the batch it was read in.
pub fn all_or_nothing<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.transaction(f)
}

/// How a transaction that succeeded ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Commit,
    RollBack,
}

/// Runs `f` in a transaction that is rolled back even when `f` succeeds.
fn rolled_back<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    use diesel::connection::TransactionManager;
    type Manager = <DbConn as Connection>::TransactionManager;
    Manager::begin_transaction(conn)?;
    let result = f(conn);
    Manager::rollback_transaction(conn)?;
    result
}
