//! Settings that make a large transaction of inserts cheaper, for the length of an import.
//!
//! SQLite keeps 2 MiB of pages in memory by default; a transaction that dirties more spills
//! them into the write-ahead log and reads them back page by page, which doubled the system
//! time of a 100,000-article import. A 64 MiB cache for the import, and the previous size
//! afterwards, keeps memory bounded and the spills rare. On PostgreSQL, long bodies are
//! compressed as they are stored, and the default compressor took a quarter of the server's
//! time; LZ4, where the server has it, is several times faster and reads back the same, so
//! the import's transaction uses it for the text it writes.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};

use crate::db::DbConn;
use crate::error::StoreError;

/// SQLite's page cache during an import, in KiB.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

#[derive(QueryableByName)]
struct CacheSize {
    #[diesel(sql_type = BigInt)]
    cache_size: i64,
}

#[derive(QueryableByName)]
struct Available {
    #[diesel(sql_type = Bool)]
    available: bool,
}

/// Runs `f` with the backend set for bulk writes, and sets things back afterwards.
pub fn for_bulk_writes<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    match conn {
        DbConn::Sqlite(_) => {
            let previous = diesel::sql_query("PRAGMA cache_size")
                .get_result::<CacheSize>(conn)?
                .cache_size;
            conn.batch_execute(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))?;
            let result = f(conn);
            conn.batch_execute(&format!("PRAGMA cache_size = {previous}"))?;
            result
        }
        DbConn::Postgres(_) => {
            let lz4 = diesel::sql_query(
                "SELECT 'lz4' = ANY(enumvals) AS available FROM pg_settings \
                 WHERE name = 'default_toast_compression'",
            )
            .get_result::<Available>(conn)
            .optional()?
            .is_some_and(|row| row.available);
            if lz4 {
                conn.batch_execute("SET LOCAL default_toast_compression = 'lz4'")?;
            }
            f(conn)
        }
    }
}
