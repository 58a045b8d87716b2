//! Refresh tokens, stored only as hashes. Each sign-in starts a family; every refresh rotates
//! the token within it, and presenting a spent token revokes the whole family, since it means
//! the token was stolen and used by two parties.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{User, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::refresh_tokens as tokens;
use crate::store::users;
use crate::time::naive;

/// A token to store.
#[derive(Debug, Clone)]
pub struct NewRefreshToken<'a> {
    /// The owner.
    pub user: UserId,
    /// The sign-in it descends from.
    pub family: &'a str,
    /// SHA-256 of the token.
    pub hash: &'a str,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Exchange {
    /// The token was valid and is now spent; the owner may get a new one.
    Accepted {
        /// The owner.
        user: User,
        /// The family the replacement joins.
        family: String,
    },
    /// The token was unknown, expired, revoked or already spent (and its family is now revoked).
    Refused,
}

/// Stores a newly issued token.
pub fn issue(
    conn: &mut DbConn,
    token: NewRefreshToken<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(tokens::table)
        .values((
            tokens::user_id.eq(token.user.0),
            tokens::family.eq(token.family),
            tokens::token_hash.eq(token.hash),
            tokens::expires_at.eq(naive(token.expires_at)),
            tokens::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Spends a token. The spend is a conditional update, so two concurrent uses of one token
/// cannot both succeed.
pub fn exchange(conn: &mut DbConn, hash: &str, now: DateTime<Utc>) -> Result<Exchange, StoreError> {
    let found: Option<(i64, i64, String, chrono::NaiveDateTime)> = tokens::table
        .filter(tokens::token_hash.eq(hash))
        .select((
            tokens::id,
            tokens::user_id,
            tokens::family,
            tokens::expires_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family, expires_at)) = found else {
        return Ok(Exchange::Refused);
    };
    let spent = diesel::update(
        tokens::table
            .filter(tokens::id.eq(id))
            .filter(tokens::used_at.is_null())
            .filter(tokens::revoked_at.is_null()),
    )
    .set(tokens::used_at.eq(naive(now)))
    .execute(conn)?;
    if spent == 0 {
        revoke_family(conn, &family, now)?;
        return Ok(Exchange::Refused);
    }
    if expires_at <= naive(now) {
        return Ok(Exchange::Refused);
    }
    match users::by_id(conn, UserId(user_id))? {
        Some(user) => Ok(Exchange::Accepted { user, family }),
        None => Ok(Exchange::Refused),
    }
}

/// Revokes the family of the token with this hash; false when the token is unknown.
pub fn revoke(conn: &mut DbConn, hash: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let family: Option<String> = tokens::table
        .filter(tokens::token_hash.eq(hash))
        .select(tokens::family)
        .first(conn)
        .optional()?;
    match family {
        Some(family) => revoke_family(conn, &family, now).map(|()| true),
        None => Ok(false),
    }
}

fn revoke_family(conn: &mut DbConn, family: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(
        tokens::table
            .filter(tokens::family.eq(family))
            .filter(tokens::revoked_at.is_null()),
    )
    .set(tokens::revoked_at.eq(naive(now)))
    .execute(conn)?;
    Ok(())
}
