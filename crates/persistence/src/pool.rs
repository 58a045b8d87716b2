//! The connection pool, built to outlive the database it talks to.
//!
//! PostgreSQL connections die under a running server: the database restarts, fails over, or a
//! proxy recycles them. A connection that failed that way is dropped when it goes back to the
//! pool, and the failure raises a "loss" mark: every pooled connection opened before the mark is
//! checked with a ping before its next use, so one lost connection does not hand the next
//! requests its dead siblings. Connections idle for longer than [`IDLE_BEFORE_PING`] are pinged
//! too, which catches a database that went away while Quire was quiet. Busy connections are
//! never pinged, so the hot path pays nothing.
//!
//! Configuration (see [`PoolConfig`]): `QUIRE_POOL_SIZE`, `QUIRE_POOL_TIMEOUT_MS` (how long a
//! request waits for a connection before it is answered `UNAVAILABLE`; reconnection attempts
//! during an outage come at least every half of it) and `QUIRE_DATABASE_WAIT` (how long start-up
//! waits for an unreachable PostgreSQL server, saying so once a second).

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::ConnectionError;
use diesel::connection::{Connection, SimpleConnection, TransactionManager};

use crate::db::{Backend, DatabaseUrl, DbConn, StatementCounter};
use crate::error::StoreError;

/// A pooled connection that has sat unused for this long is pinged before it is handed out.
pub const IDLE_BEFORE_PING: Duration = Duration::from_secs(1);

/// How the pool behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolConfig {
    /// Most connections open at once (`QUIRE_POOL_SIZE`).
    pub size: u32,
    /// How long a caller waits for a connection before giving up (`QUIRE_POOL_TIMEOUT_MS`).
    pub checkout_timeout: Duration,
    /// How long opening the pool waits for PostgreSQL to become reachable
    /// (`QUIRE_DATABASE_WAIT`); zero tries once.
    pub wait_at_start: Duration,
}

impl PoolConfig {
    /// A pool of `size` connections with the default timeouts: two seconds to get a connection,
    /// ten seconds for the database to appear at start-up.
    pub fn new(size: u32) -> Self {
        Self {
            size,
            checkout_timeout: Duration::from_secs(2),
            wait_at_start: Duration::from_secs(10),
        }
    }
}

/// A connection as the pool keeps it: the connection, and what the pool knows of its health.
pub(crate) struct PooledDb {
    conn: DbConn,
    /// The loss mark this connection was last known good at.
    checked_at_mark: u64,
    last_used: Instant,
    lost: bool,
}

impl Deref for PooledDb {
    type Target = DbConn;

    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl DerefMut for PooledDb {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

/// Opens connections for r2d2 and tells it which ones to throw away.
pub(crate) struct Manager {
    url: DatabaseUrl,
    counter: StatementCounter,
    losses: Arc<AtomicU64>,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PooledDb;
    type Error = ConnectionError;

    fn connect(&self) -> Result<PooledDb, ConnectionError> {
        let mut conn = self.url.connect()?;
        conn.set_instrumentation(self.counter.clone());
        Ok(PooledDb {
            conn,
            checked_at_mark: self.losses.load(Ordering::Acquire),
            last_used: Instant::now(),
            lost: false,
        })
    }

    fn is_valid(&self, conn: &mut PooledDb) -> Result<(), ConnectionError> {
        ping(&mut conn.conn)
    }

    /// A connection that lost its server, or whose transaction could not be rolled back, must
    /// never serve another request.
    fn has_broken(&self, conn: &mut PooledDb) -> bool {
        conn.lost
            || <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(
                &mut conn.conn,
            )
    }
}

fn ping(conn: &mut DbConn) -> Result<(), ConnectionError> {
    conn.batch_execute("SELECT 1")
        .map_err(ConnectionError::CouldntSetupConfiguration)
}

/// Logs r2d2's failed connection attempts as one readable line each.
#[derive(Debug)]
struct LogConnectFailures {
    location: String,
}

impl r2d2::HandleError<ConnectionError> for LogConnectFailures {
    fn handle_error(&self, error: ConnectionError) {
        tracing::warn!(
            database = %self.location,
            error = %one_line(&error.to_string()),
            "cannot connect to the database; retrying"
        );
    }
}

/// Collapses libpq's multi-line messages into one log-friendly line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A checked-out connection.
type Checkout = r2d2::PooledConnection<Manager>;

/// Connections for both backends, with loss detection.
#[derive(Clone)]
pub(crate) struct Pool {
    inner: r2d2::Pool<Manager>,
    losses: Arc<AtomicU64>,
    counter: StatementCounter,
}

impl Pool {
    /// Opens a pool once one connection could be opened, so a wrong URL fails at start-up. An
    /// unreachable PostgreSQL server is waited for up to `config.wait_at_start`, with one line
    /// a second saying where and what to check.
    ///
    /// Connections are only ever opened on demand (`min_idle` 0): a pool that tops itself up
    /// opens connections on a background thread, and one caught opening a TLS connection while
    /// the process exits crashes in OpenSSL's exit-time cleanup.
    pub(crate) fn open(
        url: &DatabaseUrl,
        config: PoolConfig,
    ) -> Result<(Self, StatementCounter), StoreError> {
        wait_until_reachable(url, config.wait_at_start)?;
        let counter = StatementCounter::default();
        let losses = Arc::new(AtomicU64::new(0));
        let manager = Manager {
            url: url.clone(),
            counter: counter.clone(),
            losses: losses.clone(),
        };
        let inner = r2d2::Pool::builder()
            .max_size(config.size)
            .min_idle(Some(0))
            .test_on_check_out(false)
            .connection_timeout(config.checkout_timeout)
            .error_handler(Box::new(LogConnectFailures {
                location: url.location(),
            }))
            .build_unchecked(manager);
        let pool = Self {
            inner,
            losses,
            counter: counter.clone(),
        };
        Ok((pool, counter))
    }

    /// Runs `f` on a healthy connection and records how the use ended.
    pub(crate) fn run<T>(
        &self,
        f: impl FnOnce(&mut DbConn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.run_within(self.inner.connection_timeout(), f)
    }

    /// [`Pool::run`] with its own deadline for getting the connection, for probes that must
    /// answer quickly.
    pub(crate) fn run_within<T>(
        &self,
        timeout: Duration,
        f: impl FnOnce(&mut DbConn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.checkout_within(timeout)?;
        let outcome = f(&mut conn.conn);
        self.release(conn, &outcome);
        outcome
    }

    /// A healthy connection: one opened or checked since the last loss and used within the
    /// last second, or one that answers a ping now. Connections that fail the ping are dropped.
    fn checkout_within(&self, timeout: Duration) -> Result<Checkout, StoreError> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut conn = self
                .inner
                .get_timeout(left)
                .map_err(|e| StoreError::Unavailable(one_line(&e.to_string())))?;
            let mark = self.losses.load(Ordering::Acquire);
            let suspect =
                conn.checked_at_mark < mark || conn.last_used.elapsed() >= IDLE_BEFORE_PING;
            if !suspect || self.health_check(&mut conn.conn).is_ok() {
                conn.checked_at_mark = mark;
                return Ok(conn);
            }
            conn.lost = true;
            self.losses.fetch_add(1, Ordering::AcqRel);
        }
    }

    /// A ping that the statement counter leaves out: it is the pool's work, not the request's.
    fn health_check(&self, conn: &mut DbConn) -> Result<(), ConnectionError> {
        let answered = ping(conn);
        self.counter.forget_one();
        answered
    }

    /// Records how a use of `conn` ended: a connection that lost its server is dropped, and
    /// every other connection opened before is checked before its next use.
    fn release<T>(&self, mut conn: Checkout, outcome: &Result<T, StoreError>) {
        conn.last_used = Instant::now();
        if matches!(outcome, Err(StoreError::ConnectionLost)) {
            conn.lost = true;
            self.losses.fetch_add(1, Ordering::AcqRel);
        }
    }
}

const POSTGRES_HINT: &str = "check that the server is running and that QUIRE_DATABASE_URL names \
                             its host, port, user and database";
const SQLITE_HINT: &str = "check that the file's directory exists and is writable";

/// Tries to open one connection until it works or `wait` runs out. A SQLite file that cannot
/// be opened fails at once: waiting will not create its directory.
fn wait_until_reachable(url: &DatabaseUrl, wait: Duration) -> Result<(), StoreError> {
    let deadline = Instant::now() + wait;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let error = match url.connect() {
            Ok(_) => return Ok(()),
            Err(error) => one_line(&error.to_string()),
        };
        let left = deadline.saturating_duration_since(Instant::now());
        let hint = match url.backend() {
            Backend::Postgres => POSTGRES_HINT,
            Backend::Sqlite => SQLITE_HINT,
        };
        if url.backend() == Backend::Sqlite || left.is_zero() {
            return Err(StoreError::Unreachable {
                location: url.location(),
                reason: error,
                attempts: attempt,
                hint,
            });
        }
        tracing::warn!(
            "cannot reach PostgreSQL at {} (attempt {attempt}, {} s left): {error}; {hint}",
            url.location(),
            left.as_secs(),
        );
        std::thread::sleep(left.min(Duration::from_secs(1)));
    }
}
