//! Embedded migrations, one set per backend, run at start-up by `quire serve` and on demand by
//! `quire migrate`.
//!
//! Replicas start together: three servers brought up at once on a fresh database must not race
//! each other through the same migrations. On PostgreSQL the migrations run under a
//! transaction-scoped advisory lock, so the second and third wait, then find nothing to do; on
//! SQLite they run in an immediate transaction, which takes the file's write lock first.

use diesel::connection::{Connection, SimpleConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::db::DbConn;
use crate::error::StoreError;

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// The advisory lock key that migrating servers take turns on ("quire mg" in ASCII).
const MIGRATION_LOCK: i64 = 0x7175_6972_6520_6d67;

/// Applies every pending migration, one migrating process at a time; returns the names of
/// those applied.
pub fn run_pending(conn: &mut DbConn) -> Result<Vec<String>, StoreError> {
    let applied = match conn {
        DbConn::Postgres(pg) => pg.transaction(|pg| {
            pg.batch_execute(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))?;
            apply(pg, POSTGRES)
        }),
        DbConn::Sqlite(sqlite) => {
            SqliteConnection::immediate_transaction(sqlite, |sqlite| apply(sqlite, SQLITE))
        }
    }?;
    Ok(applied)
}

fn apply<C>(conn: &mut C, source: EmbeddedMigrations) -> Result<Vec<String>, StoreError>
where
    C: MigrationHarness<C::Backend> + Connection,
{
    let applied = conn
        .run_pending_migrations(source)
        .map_err(|e| StoreError::Migration(e.to_string()))?;
    Ok(applied.into_iter().map(|v| v.to_string()).collect())
}

/// Reverts every applied migration, newest first; used to check that migrations go both ways.
pub fn revert_all(conn: &mut DbConn) -> Result<(), StoreError> {
    let source = match conn {
        DbConn::Postgres(_) => POSTGRES,
        DbConn::Sqlite(_) => SQLITE,
    };
    conn.revert_all_migrations(source)
        .map(|_| ())
        .map_err(|e| StoreError::Migration(e.to_string()))
}
