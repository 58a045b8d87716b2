//! Sources: the publications articles come from, kept for attribution.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Slug, Source, SourceFields, SourceId};

use super::named::name_ordered_list;
use super::slugs::{first_free, prefix_pattern};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::SourceRow;
use crate::schema::sources;
use crate::time::naive;

name_ordered_list!(sources, SourceRow, Source, "SOURCE_NAME");

/// A source by id.
pub fn by_id(conn: &mut DbConn, id: SourceId) -> Result<Option<Source>, StoreError> {
    let row = sources::table
        .find(id.0)
        .select(SourceRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Source::from))
}

/// A source by slug.
pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Source>, StoreError> {
    let row = sources::table
        .filter(sources::slug.eq(slug))
        .select(SourceRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Source::from))
}

/// Many sources by id, for loaders.
pub fn by_ids(
    conn: &mut DbConn,
    ids: &[SourceId],
) -> Result<HashMap<SourceId, Source>, StoreError> {
    let rows: Vec<SourceRow> = sources::table
        .filter(sources::id.eq_any(ids.iter().map(|id| id.0).collect::<Vec<_>>()))
        .select(SourceRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| (SourceId(row.id), Source::from(row)))
        .collect())
}

fn slug_for(
    conn: &mut DbConn,
    fields: &SourceFields,
    keep: Option<&str>,
) -> Result<String, StoreError> {
    match (&fields.slug, keep) {
        (Some(given), _) => Ok(given.clone()),
        (None, Some(current)) => Ok(current.to_owned()),
        (None, None) => Ok(first_free(Slug::from_title(&fields.name), |base| {
            Ok(sources::table
                .filter(sources::slug.like(prefix_pattern(base)))
                .select(sources::slug)
                .load(conn)?)
        })?
        .into_string()),
    }
}

/// Stores a new source.
pub fn create(
    conn: &mut DbConn,
    fields: SourceFields,
    now: DateTime<Utc>,
) -> Result<Source, StoreError> {
    let slug = slug_for(conn, &fields, None)?;
    let id: i64 = diesel::insert_into(sources::table)
        .values((
            sources::slug.eq(slug),
            sources::name.eq(fields.name),
            sources::url.eq(fields.url),
            sources::country.eq(fields.country),
            sources::created_at.eq(naive(now)),
            sources::updated_at.eq(naive(now)),
        ))
        .returning(sources::id)
        .get_result(conn)?;
    by_id(conn, SourceId(id))?.ok_or(StoreError::NotFound("source"))
}

/// Replaces a source's fields; the slug stays unless a new one is given.
pub fn update(
    conn: &mut DbConn,
    id: SourceId,
    fields: SourceFields,
    now: DateTime<Utc>,
) -> Result<Source, StoreError> {
    let current = by_id(conn, id)?.ok_or(StoreError::NotFound("source"))?;
    let slug = slug_for(conn, &fields, Some(&current.slug))?;
    let id: i64 = diesel::update(sources::table.find(id.0))
        .set((
            sources::slug.eq(slug),
            sources::name.eq(fields.name),
            sources::url.eq(fields.url),
            sources::country.eq(fields.country),
            sources::updated_at.eq(naive(now)),
        ))
        .returning(sources::id)
        .get_result(conn)?;
    by_id(conn, SourceId(id))?.ok_or(StoreError::NotFound("source"))
}

/// Deletes a source no article cites.
pub fn delete(conn: &mut DbConn, id: SourceId) -> Result<SourceId, StoreError> {
    match diesel::delete(sources::table.find(id.0)).execute(conn)? {
        0 => Err(StoreError::NotFound("source")),
        _ => Ok(id),
    }
}
