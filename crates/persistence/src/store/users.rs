//! User accounts.

use chrono::{DateTime, Utc};
use std::collections::HashMap;

use diesel::prelude::*;
use quire_domain::{NewUser, User, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::UserRow;
use crate::schema::users;
use crate::time::naive;

/// Stores a new account with its password hash.
pub fn create(
    conn: &mut DbConn,
    user: NewUser,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<User, StoreError> {
    let id: i64 = diesel::insert_into(users::table)
        .values((
            users::email.eq(&user.email),
            users::name.eq(&user.name),
            users::role.eq(user.role.as_str()),
            users::password_hash.eq(password_hash),
            users::created_at.eq(naive(now)),
            users::updated_at.eq(naive(now)),
        ))
        .returning(users::id)
        .get_result(conn)?;
    by_id(conn, UserId(id))?.ok_or(StoreError::NotFound("user"))
}

/// An account by id.
pub fn by_id(conn: &mut DbConn, id: UserId) -> Result<Option<User>, StoreError> {
    users::table
        .find(id.0)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(User::try_from)
        .transpose()
}

/// Many accounts by id at once, for the API's loaders; ids with no account are left out.
pub fn by_ids(conn: &mut DbConn, ids: &[UserId]) -> Result<HashMap<UserId, User>, StoreError> {
    let raw: Vec<i64> = ids.iter().map(|id| id.0).collect();
    users::table
        .filter(one_of(users::id, raw))
        .select(UserRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|row| User::try_from(row).map(|user| (user.id, user)))
        .collect()
}

/// An account and its password hash, by (lowercased) email, for sign-in.
pub fn credentials(conn: &mut DbConn, email: &str) -> Result<Option<(User, String)>, StoreError> {
    let row: Option<(UserRow, String)> = users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select((UserRow::as_select(), users::password_hash))
        .first(conn)
        .optional()?;
    row.map(|(user, hash)| Ok((user.try_into()?, hash)))
        .transpose()
}
