//! Finding a free slug and inserting under it, safe against concurrent writers.
//!
//! A slug the user gave is tried once: when it is taken, the conflict is theirs to resolve. A
//! slug derived from a title or name is the store's choice, so when another writer commits the
//! same slug first (the unique constraint is the only arbiter on PostgreSQL, where transactions
//! run side by side), the insert is retried with the next free form. Each attempt runs in a
//! savepoint, because PostgreSQL refuses every later statement of a transaction after an error.

use std::collections::HashSet;

use diesel::Connection;
use quire_domain::Slug;

use crate::db::DbConn;
use crate::error::StoreError;
use crate::unique_key::UniqueKey;

/// Most attempts at a derived slug. Each failed attempt means another writer committed the slug
/// tried, so this bounds only pathological contention, never an ordinary burst of writers.
const MAX_ATTEMPTS: usize = 100;

/// Where a new row's slug comes from.
pub(crate) enum NewSlug {
    /// Chosen by the user: stored as given, or refused as a conflict.
    Given(String),
    /// Derived by Quire: stored as is, or with the first free `-2`, `-3`, … suffix.
    Derived(Slug),
}

/// Runs `insert` with the slug to store and returns what it returned.
///
/// `taken_with_prefix` lists the slugs already stored that start with a given base; `key` is
/// the unique key of the slug column, whose violation (or that of a key it covers) by a derived
/// slug means "try again".
pub(crate) fn insert_with_slug<T>(
    conn: &mut DbConn,
    slug: NewSlug,
    key: UniqueKey,
    mut taken_with_prefix: impl FnMut(&mut DbConn, &str) -> Result<Vec<String>, StoreError>,
    mut insert: impl FnMut(&mut DbConn, &str) -> diesel::QueryResult<T>,
) -> Result<T, StoreError> {
    let derived = match slug {
        NewSlug::Given(given) => return Ok(insert(conn, &given)?),
        NewSlug::Derived(derived) => derived,
    };
    let mut attempts = 1;
    loop {
        let free = first_free(derived.clone(), |base| taken_with_prefix(conn, base))?;
        match conn.transaction(|conn| insert(conn, free.as_str())) {
            Err(error)
                if UniqueKey::violated_by(&error).is_some_and(|v| key.covers(v))
                    && attempts < MAX_ATTEMPTS =>
            {
                attempts += 1;
            }
            result => return Ok(result?),
        }
    }
}

/// `slug` itself or its first free suffixed form, given the slugs already taken that start
/// with it (one query, however many are taken).
fn first_free(
    slug: Slug,
    taken_with_prefix: impl FnOnce(&str) -> Result<Vec<String>, StoreError>,
) -> Result<Slug, StoreError> {
    let taken: HashSet<String> = taken_with_prefix(slug.as_str())?.into_iter().collect();
    if !taken.contains(slug.as_str()) {
        return Ok(slug);
    }
    (2..)
        .map(|n| slug.with_suffix(n))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .ok_or(StoreError::NotFound("free slug"))
}

/// The `LIKE` pattern matching a slug and its suffixed forms; slugs contain no `%` or `_`.
pub(crate) fn prefix_pattern(slug: &str) -> String {
    format!("{slug}%")
}
