//! API tokens, stored with a hash of their secret and never the secret itself. A request that
//! carries a token finds it with one indexed lookup of that hash.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use quire_domain::{ApiToken, ApiTokenId, NewApiToken, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::api_tokens;
use crate::time::{naive, utc};

/// How stale `last_used_at` may grow before a use records it again: to the minute is what an
/// admin deciding whether a token is still in use needs, and it spares a write per request.
pub const LAST_USE_PRECISION: Duration = Duration::minutes(1);

/// An `api_tokens` row without its hash, which never leaves the lookup.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct ApiTokenRow {
    id: i64,
    name: String,
    scope: String,
    created_by: i64,
    created_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

impl TryFrom<ApiTokenRow> for ApiToken {
    type Error = StoreError;

    fn try_from(row: ApiTokenRow) -> Result<Self, StoreError> {
        Ok(ApiToken {
            id: ApiTokenId(row.id),
            name: row.name,
            scope: row
                .scope
                .parse()
                .map_err(|e: quire_domain::api_token::UnknownScope| {
                    StoreError::Corrupt(e.to_string())
                })?,
            created_by: UserId(row.created_by),
            created_at: utc(row.created_at),
            expires_at: row.expires_at.map(utc),
            last_used_at: row.last_used_at.map(utc),
            revoked_at: row.revoked_at.map(utc),
        })
    }
}

/// Stores a new token under the hash of its secret.
pub fn create(
    conn: &mut DbConn,
    token: NewApiToken,
    secret_hash: &str,
    created_by: UserId,
    now: DateTime<Utc>,
) -> Result<ApiToken, StoreError> {
    let id: i64 = diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(&token.name),
            api_tokens::scope.eq(token.scope.as_str()),
            api_tokens::secret_hash.eq(secret_hash),
            api_tokens::created_by.eq(created_by.0),
            api_tokens::created_at.eq(naive(now)),
            api_tokens::expires_at.eq(token.expires_at.map(naive)),
        ))
        .returning(api_tokens::id)
        .get_result(conn)?;
    api_tokens::table
        .find(id)
        .select(ApiTokenRow::as_select())
        .first(conn)?
        .try_into()
}

/// Every token, newest first, revoked and expired ones included so an admin sees the history.
pub fn list(conn: &mut DbConn) -> Result<Vec<ApiToken>, StoreError> {
    api_tokens::table
        .order_by((api_tokens::created_at.desc(), api_tokens::id.desc()))
        .select(ApiTokenRow::as_select())
        .load(conn)?
        .into_iter()
        .map(ApiToken::try_from)
        .collect()
}

/// The token whose secret hashes to `secret_hash`, whether or not it still works.
pub fn by_secret_hash(
    conn: &mut DbConn,
    secret_hash: &str,
) -> Result<Option<ApiToken>, StoreError> {
    api_tokens::table
        .filter(api_tokens::secret_hash.eq(secret_hash))
        .select(ApiTokenRow::as_select())
        .first(conn)
        .optional()?
        .map(ApiToken::try_from)
        .transpose()
}

/// Revokes a token: true when this call revoked it, false when it already was. `NotFound` when
/// no token has that id.
pub fn revoke(conn: &mut DbConn, id: ApiTokenId, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let revoked = diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id.0))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(naive(now)))
    .execute(conn)?;
    if revoked > 0 {
        return Ok(true);
    }
    let known: i64 = api_tokens::table
        .filter(api_tokens::id.eq(id.0))
        .count()
        .get_result(conn)?;
    if known == 0 {
        return Err(StoreError::NotFound("API token"));
    }
    Ok(false)
}

/// Records that the token authenticated a request at `now`, unless a use within
/// [`LAST_USE_PRECISION`] already was: several servers sharing the database then write at most
/// once a minute between them.
pub fn record_use(conn: &mut DbConn, id: ApiTokenId, now: DateTime<Utc>) -> Result<(), StoreError> {
    let stale_before = naive(now - LAST_USE_PRECISION);
    diesel::update(
        api_tokens::table.filter(api_tokens::id.eq(id.0)).filter(
            api_tokens::last_used_at
                .is_null()
                .or(api_tokens::last_used_at.lt(stale_before)),
        ),
    )
    .set(api_tokens::last_used_at.eq(naive(now)))
    .execute(conn)?;
    Ok(())
}
