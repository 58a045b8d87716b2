//! Authors: the people credited on articles.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Author, AuthorFields, AuthorId};

use super::named::named_table;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::AuthorRow;
use crate::schema::authors;
use crate::store::slugs::insert_with_slug;
use crate::time::naive;
use crate::unique_key::UniqueKey;

named_table!(
    authors,
    AuthorRow,
    Author,
    AuthorId,
    "author",
    "AUTHOR_NAME"
);

/// Stores a new author.
pub fn create(
    conn: &mut DbConn,
    fields: AuthorFields,
    now: DateTime<Utc>,
) -> Result<Author, StoreError> {
    let slug = new_slug(fields.slug.clone(), &fields.name);
    let id = insert_with_slug(
        conn,
        slug,
        UniqueKey::AuthorSlug,
        slugs_with_prefix,
        |conn, slug| {
            diesel::insert_into(authors::table)
                .values((
                    authors::slug.eq(slug),
                    authors::name.eq(&fields.name),
                    authors::bio.eq(&fields.bio),
                    authors::avatar_url.eq(&fields.avatar_url),
                    authors::url.eq(&fields.url),
                    authors::user_id.eq(fields.user_id.map(|u| u.0)),
                    authors::created_at.eq(naive(now)),
                    authors::updated_at.eq(naive(now)),
                ))
                .returning(authors::id)
                .get_result(conn)
        },
    )?;
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
    let slug = fields.slug.unwrap_or(current.slug);
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
