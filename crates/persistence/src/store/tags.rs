//! Tags: topic labels whose names are unique regardless of case.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Tag, TagFields, TagId};

use super::articles::{Visibility, live_at};
use super::named::named_table;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::TagRow;
use crate::schema::{article_tags, articles, tags};
use crate::time::naive;

named_table!(tags, TagRow, Tag, TagId, "tag", "TAG_NAME");

/// How many articles the viewer may see carry each tag, in one statement.
pub fn article_counts(
    conn: &mut DbConn,
    ids: &[TagId],
    visibility: Visibility,
) -> Result<HashMap<TagId, i64>, StoreError> {
    let mut query = article_tags::table
        .inner_join(articles::table)
        .filter(article_tags::tag_id.eq_any(ids.iter().map(|id| id.0).collect::<Vec<_>>()))
        .group_by(article_tags::tag_id)
        .select((article_tags::tag_id, diesel::dsl::count_star()))
        .into_boxed();
    if let Visibility::Public(now) = visibility {
        query = query.filter(live_at(naive(now)));
    }
    let rows: Vec<(i64, i64)> = query.load(conn)?;
    Ok(rows.into_iter().map(|(tag, n)| (TagId(tag), n)).collect())
}

/// The ids of the tags with these names, creating those that do not exist yet.
pub fn ensure_named(
    conn: &mut DbConn,
    names: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<TagId>, StoreError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let known: HashMap<String, i64> = tags::table
        .filter(tags::name_key.eq_any(keys.clone()))
        .select((tags::name_key, tags::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let mut ids = Vec::with_capacity(names.len());
    for (name, key) in names.iter().zip(keys) {
        let id = match known.get(&key) {
            Some(id) => TagId(*id),
            None => {
                create(
                    conn,
                    TagFields {
                        name: name.clone(),
                        slug: None,
                        description: None,
                    },
                    now,
                )?
                .id
            }
        };
        ids.push(id);
    }
    Ok(ids)
}

/// Stores a new tag.
pub fn create(conn: &mut DbConn, fields: TagFields, now: DateTime<Utc>) -> Result<Tag, StoreError> {
    let slug = slug_for(conn, fields.slug.as_deref(), None, &fields.name)?;
    let id: i64 = diesel::insert_into(tags::table)
        .values((
            tags::slug.eq(slug),
            tags::name_key.eq(fields.name.to_lowercase()),
            tags::name.eq(fields.name),
            tags::description.eq(fields.description),
            tags::created_at.eq(naive(now)),
            tags::updated_at.eq(naive(now)),
        ))
        .returning(tags::id)
        .get_result(conn)?;
    by_id(conn, TagId(id))?.ok_or(StoreError::NotFound("tag"))
}

/// Replaces a tag's fields; the slug stays unless a new one is given.
pub fn update(
    conn: &mut DbConn,
    id: TagId,
    fields: TagFields,
    now: DateTime<Utc>,
) -> Result<Tag, StoreError> {
    let current = by_id(conn, id)?.ok_or(StoreError::NotFound("tag"))?;
    let slug = slug_for(
        conn,
        fields.slug.as_deref(),
        Some(&current.slug),
        &fields.name,
    )?;
    let id: i64 = diesel::update(tags::table.find(id.0))
        .set((
            tags::slug.eq(slug),
            tags::name_key.eq(fields.name.to_lowercase()),
            tags::name.eq(fields.name),
            tags::description.eq(fields.description),
            tags::updated_at.eq(naive(now)),
        ))
        .returning(tags::id)
        .get_result(conn)?;
    by_id(conn, TagId(id))?.ok_or(StoreError::NotFound("tag"))
}
