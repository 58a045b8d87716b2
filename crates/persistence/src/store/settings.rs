//! Server-wide values kept in the database, such as the generated token-signing secret.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::settings;

/// The stored value of `name`, storing `initial` first when there is none. Every server
/// sharing the database ends up with the same value, whoever stored it first.
pub fn get_or_init(conn: &mut DbConn, name: &str, initial: &str) -> Result<String, StoreError> {
    let stored = |conn: &mut DbConn| {
        settings::table
            .find(name)
            .select(settings::value)
            .first::<String>(conn)
            .optional()
    };
    if let Some(value) = stored(conn)? {
        return Ok(value);
    }
    // A savepoint, so losing the race to another server leaves the outer transaction usable.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(settings::table)
            .values((settings::name.eq(name), settings::value.eq(initial)))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(initial.to_owned()),
        Err(_) => stored(conn)?.ok_or(StoreError::NotFound("setting")),
    }
}

/// The stored value of `name`, if any.
pub fn get(conn: &mut DbConn, name: &str) -> Result<Option<String>, StoreError> {
    Ok(settings::table
        .find(name)
        .select(settings::value)
        .first::<String>(conn)
        .optional()?)
}

/// Stores `value` as `name`, replacing any value it had. Servers setting it together all
/// succeed, the last one's value staying.
pub fn set(conn: &mut DbConn, name: &str, value: &str) -> Result<(), StoreError> {
    let update = |conn: &mut DbConn| {
        diesel::update(settings::table.find(name))
            .set(settings::value.eq(value))
            .execute(conn)
    };
    if update(conn)? > 0 {
        return Ok(());
    }
    // A savepoint, so losing the race to insert leaves the outer transaction usable.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(settings::table)
            .values((settings::name.eq(name), settings::value.eq(value)))
            .execute(conn)
    });
    if inserted.is_err() {
        update(conn)?;
    }
    Ok(())
}
