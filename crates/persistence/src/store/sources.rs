//! Sources: the publications articles come from, kept for attribution.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Source, SourceFields, SourceId};

use super::named::named_table;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::SourceRow;
use crate::schema::sources;
use crate::store::slugs::insert_with_slug;
use crate::time::naive;
use crate::unique_key::UniqueKey;

named_table!(
    sources,
    SourceRow,
    Source,
    SourceId,
    "source",
    "SOURCE_NAME"
);

/// Many sources by id, for loaders.
pub fn by_ids(
    conn: &mut DbConn,
    ids: &[SourceId],
) -> Result<HashMap<SourceId, Source>, StoreError> {
    let rows: Vec<SourceRow> = sources::table
        .filter(one_of(sources::id, ids.iter().map(|id| id.0).collect()))
        .select(SourceRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| (SourceId(row.id), Source::from(row)))
        .collect())
}

/// Stores a new source.
pub fn create(
    conn: &mut DbConn,
    fields: SourceFields,
    now: DateTime<Utc>,
) -> Result<Source, StoreError> {
    let slug = new_slug(fields.slug.clone(), &fields.name);
    let id = insert_with_slug(
        conn,
        slug,
        UniqueKey::SourceSlug,
        slugs_with_prefix,
        |conn, slug| {
            diesel::insert_into(sources::table)
                .values((
                    sources::slug.eq(slug),
                    sources::name.eq(&fields.name),
                    sources::url.eq(&fields.url),
                    sources::country.eq(&fields.country),
                    sources::license.eq(&fields.license),
                    sources::attribution_text.eq(&fields.attribution_text),
                    sources::created_at.eq(naive(now)),
                    sources::updated_at.eq(naive(now)),
                ))
                .returning(sources::id)
                .get_result(conn)
        },
    )?;
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
    let slug = fields.slug.unwrap_or(current.slug);
    let id: i64 = diesel::update(sources::table.find(id.0))
        .set((
            sources::slug.eq(slug),
            sources::name.eq(fields.name),
            sources::url.eq(fields.url),
            sources::country.eq(fields.country),
            sources::license.eq(fields.license),
            sources::attribution_text.eq(fields.attribution_text),
            sources::updated_at.eq(naive(now)),
        ))
        .returning(sources::id)
        .get_result(conn)?;
    by_id(conn, SourceId(id))?.ok_or(StoreError::NotFound("source"))
}
