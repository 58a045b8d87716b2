//! GraphQL operations registered ahead by their hash, so a server can answer the public only
//! operations its frontends were built with.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::persisted_queries;
use crate::time::{naive, utc};

/// A registered operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistedQuery {
    /// SHA-256 of `query`, lowercase hex: what clients send instead of the text.
    pub hash: String,
    /// The operation text.
    pub query: String,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
}

/// Registers `query` under `hash`; true when it was not registered before. The hash names the
/// text, so registering the same text twice changes nothing.
pub fn register(
    conn: &mut DbConn,
    hash: &str,
    query: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if find(conn, hash)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(persisted_queries::table)
        .values((
            persisted_queries::hash.eq(hash),
            persisted_queries::query.eq(query),
            persisted_queries::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The text registered under `hash`.
pub fn find(conn: &mut DbConn, hash: &str) -> Result<Option<String>, StoreError> {
    Ok(persisted_queries::table
        .find(hash)
        .select(persisted_queries::query)
        .first(conn)
        .optional()?)
}

/// Every registered operation, oldest first.
pub fn list(conn: &mut DbConn) -> Result<Vec<PersistedQuery>, StoreError> {
    let rows: Vec<(String, String, chrono::NaiveDateTime)> = persisted_queries::table
        .order((persisted_queries::created_at, persisted_queries::hash))
        .select((
            persisted_queries::hash,
            persisted_queries::query,
            persisted_queries::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(hash, query, created_at)| PersistedQuery {
            hash,
            query,
            created_at: utc(created_at),
        })
        .collect())
}
