//! Tags: topic labels whose names are unique regardless of case.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Slug, Tag, TagFields, TagId};

use super::articles::{Visibility, in_use, live_at, live_or_own_draft, not_archived};
use super::named::named_table;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::TagRow;
use crate::schema::{article_tags, articles, tags};
use crate::store::slugs::{NewSlug, insert_with_slug};
use crate::time::naive;
use crate::unique_key::UniqueKey;

named_table!(tags, TagRow, Tag, TagId, "tag", "TAG_NAME");

/// How many articles the viewer may see carry each tag, in one statement.
pub fn article_counts(
    conn: &mut DbConn,
    ids: &[TagId],
    visibility: Visibility,
) -> Result<HashMap<TagId, i64>, StoreError> {
    let mut query = article_tags::table
        .inner_join(articles::table)
        .filter(one_of(
            article_tags::tag_id,
            ids.iter().map(|id| id.0).collect(),
        ))
        .group_by(article_tags::tag_id)
        .select((article_tags::tag_id, diesel::dsl::count_star()))
        .into_boxed();
    match visibility {
        Visibility::Everything => query = query.filter(in_use()),
        Visibility::AllButArchived => query = query.filter(not_archived()),
        Visibility::Public(now) => query = query.filter(live_at(naive(now))),
        Visibility::PublicOrOwnDrafts { now, user } => {
            query = query.filter(live_or_own_draft(naive(now), user.0));
        }
    }
    let rows: Vec<(i64, i64)> = query.load(conn)?;
    Ok(rows.into_iter().map(|(tag, n)| (TagId(tag), n)).collect())
}

/// The ids of the tags with these names, creating those that do not exist yet. Get-or-create:
/// when a concurrent writer creates one of them first, its tag is used, so writers naming the
/// same new tag at once all succeed and share one tag.
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
            Some(id) => *id,
            None => get_or_insert(conn, name, &key, now)?,
        };
        ids.push(TagId(id));
    }
    Ok(ids)
}

/// The id of the tag named `name` (whose lower-case form is `key`), inserting it unless a
/// concurrent writer already has. The insert runs in a savepoint so that losing the race on the
/// name leaves the transaction usable for reading the winner's tag, which has committed by then:
/// PostgreSQL makes an insert wait for the concurrent one it collides with.
fn get_or_insert(
    conn: &mut DbConn,
    name: &str,
    key: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let slug = NewSlug::Derived(Slug::from_title(name));
    let inserted = insert_with_slug(
        conn,
        slug,
        UniqueKey::TagSlug,
        slugs_with_prefix,
        |conn, slug| {
            let row = TagFields {
                name: name.to_owned(),
                slug: None,
                description: None,
            };
            match conn.transaction(|conn| insert_row(conn, slug, &row, now)) {
                Err(error) if UniqueKey::violated_by(&error) == Some(UniqueKey::TagName) => {
                    Ok(None)
                }
                result => result.map(Some),
            }
        },
    )?;
    match inserted {
        Some(id) => Ok(id),
        None => Ok(tags::table
            .filter(tags::name_key.eq(key))
            .select(tags::id)
            .first(conn)?),
    }
}

/// Inserts one tag row under `slug`; returns its id.
fn insert_row(
    conn: &mut DbConn,
    slug: &str,
    fields: &TagFields,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    diesel::insert_into(tags::table)
        .values((
            tags::slug.eq(slug),
            tags::name_key.eq(fields.name.to_lowercase()),
            tags::name.eq(&fields.name),
            tags::description.eq(&fields.description),
            tags::created_at.eq(naive(now)),
            tags::updated_at.eq(naive(now)),
        ))
        .returning(tags::id)
        .get_result(conn)
}

/// Stores a new tag; a name already taken, in any case, is a conflict.
pub fn create(conn: &mut DbConn, fields: TagFields, now: DateTime<Utc>) -> Result<Tag, StoreError> {
    let slug = new_slug(fields.slug.clone(), &fields.name);
    let id = insert_with_slug(
        conn,
        slug,
        UniqueKey::TagSlug,
        slugs_with_prefix,
        |conn, slug| insert_row(conn, slug, &fields, now),
    )?;
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
    let slug = fields.slug.unwrap_or(current.slug);
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
