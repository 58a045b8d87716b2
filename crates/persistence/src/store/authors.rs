//! Authors: the people credited on articles.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Author, AuthorFields, AuthorId, Slug};

use super::named::name_ordered_list;
use super::slugs::{first_free, prefix_pattern};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::AuthorRow;
use crate::schema::authors;
use crate::time::naive;

name_ordered_list!(authors, AuthorRow, Author, "AUTHOR_NAME");

/// An author by id.
pub fn by_id(conn: &mut DbConn, id: AuthorId) -> Result<Option<Author>, StoreError> {
    let row = authors::table
        .find(id.0)
        .select(AuthorRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Author::from))
}

/// An author by slug.
pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Author>, StoreError> {
    let row = authors::table
        .filter(authors::slug.eq(slug))
        .select(AuthorRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Author::from))
}

/// Many authors by id, for loaders.
pub fn by_ids(
    conn: &mut DbConn,
    ids: &[AuthorId],
) -> Result<HashMap<AuthorId, Author>, StoreError> {
    let rows: Vec<AuthorRow> = authors::table
        .filter(authors::id.eq_any(ids.iter().map(|id| id.0).collect::<Vec<_>>()))
        .select(AuthorRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| (AuthorId(row.id), Author::from(row)))
        .collect())
}

fn slug_for(
    conn: &mut DbConn,
    fields: &AuthorFields,
    keep: Option<&str>,
) -> Result<String, StoreError> {
    match (&fields.slug, keep) {
        (Some(given), _) => Ok(given.clone()),
        (None, Some(current)) => Ok(current.to_owned()),
        (None, None) => Ok(first_free(Slug::from_title(&fields.name), |base| {
            Ok(authors::table
                .filter(authors::slug.like(prefix_pattern(base)))
                .select(authors::slug)
                .load(conn)?)
        })?
        .into_string()),
    }
}

/// Stores a new author.
pub fn create(
    conn: &mut DbConn,
    fields: AuthorFields,
    now: DateTime<Utc>,
) -> Result<Author, StoreError> {
    let slug = slug_for(conn, &fields, None)?;
    let id: i64 = diesel::insert_into(authors::table)
        .values((
            authors::slug.eq(slug),
            authors::name.eq(fields.name),
            authors::bio.eq(fields.bio),
            authors::avatar_url.eq(fields.avatar_url),
            authors::url.eq(fields.url),
            authors::user_id.eq(fields.user_id.map(|u| u.0)),
            authors::created_at.eq(naive(now)),
            authors::updated_at.eq(naive(now)),
        ))
        .returning(authors::id)
        .get_result(conn)?;
    by_id(conn, AuthorId(id))?.ok_or(StoreError::NotFound("author"))
}

/// Replaces an author's fields; the slug stays unless a new one is given.
pub fn update(
    conn: &mut DbConn,
    id: AuthorId,
    fields: AuthorFields,
    now: DateTime<Utc>,
) -> Result<Author, StoreError> {
    let current = by_id(conn, id)?.ok_or(StoreError::NotFound("author"))?;
    let slug = slug_for(conn, &fields, Some(&current.slug))?;
    let id: i64 = diesel::update(authors::table.find(id.0))
        .set((
            authors::slug.eq(slug),
            authors::name.eq(fields.name),
            authors::bio.eq(fields.bio),
            authors::avatar_url.eq(fields.avatar_url),
            authors::url.eq(fields.url),
            authors::user_id.eq(fields.user_id.map(|u| u.0)),
            authors::updated_at.eq(naive(now)),
        ))
        .returning(authors::id)
        .get_result(conn)?;
    by_id(conn, AuthorId(id))?.ok_or(StoreError::NotFound("author"))
}

/// Deletes an author no article credits.
pub fn delete(conn: &mut DbConn, id: AuthorId) -> Result<AuthorId, StoreError> {
    match diesel::delete(authors::table.find(id.0)).execute(conn)? {
        0 => Err(StoreError::NotFound("author")),
        _ => Ok(id),
    }
}
