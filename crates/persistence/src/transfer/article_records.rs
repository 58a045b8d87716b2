//! Stored articles as bundle records: what an export writes, and what an import compares a
//! bundle's article with to tell whether anything changed. One assembly serves both, so "stored
//! as the bundle has it" means exactly "would export as this line".
//!
//! A batch of articles costs six statements whatever its size: the rows, then their bylines,
//! tags, former slugs, corrections and revisions for all of them at once.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use quire_domain::bundle::{ArticleRecord, CorrectionRecord, PreviousSlugRecord, RevisionRecord};

use super::directory::{Directory, key_of};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{
    article_authors, article_corrections, article_related, article_revisions, article_slugs,
    article_tags, articles,
};
use crate::store::articles::in_use;
use crate::time::utc;

/// The stored columns a bundle carries; the derived ones (HTML, word count, sort key) are left.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = articles)]
pub(super) struct ArticleBundleRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub status: String,
    pub published_at: Option<NaiveDateTime>,
    pub source_id: Option<i64>,
    pub source_url: Option<String>,
    pub canonical_url: Option<String>,
    pub rights_expire_at: Option<NaiveDateTime>,
    pub excerpt: String,
    pub excerpt_is_custom: bool,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
    pub body: String,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = article_revisions)]
struct RevisionBundleRow {
    article_id: i64,
    version: i32,
    title: String,
    subtitle: Option<String>,
    excerpt: String,
    edited_by: Option<i64>,
    created_at: NaiveDateTime,
    body: String,
}

/// Up to `limit` articles after id `after`, in id order: one keyset page of an export.
pub(super) fn page_after(
    conn: &mut DbConn,
    after: i64,
    limit: i64,
) -> Result<Vec<ArticleBundleRow>, StoreError> {
    Ok(articles::table
        .filter(articles::id.gt(after))
        .filter(in_use())
        .order_by(articles::id)
        .limit(limit)
        .select(ArticleBundleRow::as_select())
        .load(conn)?)
}

/// The articles with these ids, in id order.
pub(super) fn by_ids(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<ArticleBundleRow>, StoreError> {
    Ok(articles::table
        .filter(articles::id.eq_any(ids))
        .order_by(articles::id)
        .select(ArticleBundleRow::as_select())
        .load(conn)?)
}

/// The records of `rows`, in their order, each with its id.
pub(super) fn records_of(
    conn: &mut DbConn,
    rows: Vec<ArticleBundleRow>,
    directory: &Directory,
) -> Result<Vec<(i64, ArticleRecord)>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut bylines = linked_keys(
        article_authors::table
            .filter(article_authors::article_id.eq_any(&ids))
            .order_by((article_authors::article_id, article_authors::position))
            .select((article_authors::article_id, article_authors::author_id))
            .load(conn)?,
        |id| key_of(&directory.authors, id, "author"),
    )?;
    let mut tags = linked_keys(
        article_tags::table
            .filter(article_tags::article_id.eq_any(&ids))
            .order_by((article_tags::article_id, article_tags::position))
            .select((article_tags::article_id, article_tags::tag_id))
            .load(conn)?,
        |id| key_of(&directory.tags, id, "tag"),
    )?;
    let mut previous_slugs = previous_slugs_of(conn, &ids)?;
    let mut corrections = corrections_of(conn, &ids, directory)?;
    let mut revisions = revisions_of(conn, &ids, directory)?;
    rows.into_iter()
        .map(|row| {
            let id = row.id;
            let record = ArticleRecord {
                status: row
                    .status
                    .parse()
                    .map_err(|e: quire_domain::status::UnknownStatus| {
                        StoreError::Corrupt(e.to_string())
                    })?,
                authors: bylines.remove(&id).unwrap_or_default(),
                tags: tags.remove(&id).unwrap_or_default(),
                previous_slugs: previous_slugs.remove(&id).unwrap_or_default(),
                corrections: corrections.remove(&id).unwrap_or_default(),
                revisions: revisions.remove(&id).unwrap_or_default(),
                source: row
                    .source_id
                    .map(|source| key_of(&directory.sources, source, "source").map(str::to_owned))
                    .transpose()?,
                created_by: account(directory, row.created_by)?,
                slug: row.slug,
                title: row.title,
                subtitle: row.subtitle,
                published_at: row.published_at.map(utc),
                source_url: row.source_url,
                canonical_url: row.canonical_url,
                rights_expire_at: row.rights_expire_at.map(utc),
                excerpt: row.excerpt,
                excerpt_is_custom: row.excerpt_is_custom,
                created_at: utc(row.created_at),
                updated_at: utc(row.updated_at),
                version: row.version,
                body: row.body,
            };
            Ok((id, record))
        })
        .collect()
}

/// Links `(article, target)` in order, grouped by article, with each target as its key.
fn linked_keys<'a>(
    links: Vec<(i64, i64)>,
    key: impl Fn(i64) -> Result<&'a str, StoreError>,
) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    let mut grouped: HashMap<i64, Vec<String>> = HashMap::new();
    for (article, target) in links {
        grouped
            .entry(article)
            .or_default()
            .push(key(target)?.to_owned());
    }
    Ok(grouped)
}

/// The former slugs of many articles, grouped by article, each article's oldest first and
/// ties by slug. The order is settled here rather than by the database, whose collations sort
/// text differently on each backend; it is the order a bundle's are checked into.
fn previous_slugs_of(
    conn: &mut DbConn,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<PreviousSlugRecord>>, StoreError> {
    let rows: Vec<(i64, String, NaiveDateTime)> = article_slugs::table
        .filter(article_slugs::article_id.eq_any(ids))
        .select((
            article_slugs::article_id,
            article_slugs::slug,
            article_slugs::retired_at,
        ))
        .load(conn)?;
    let mut grouped: HashMap<i64, Vec<PreviousSlugRecord>> = HashMap::new();
    for (article, slug, retired_at) in rows {
        grouped
            .entry(article)
            .or_default()
            .push(PreviousSlugRecord {
                slug,
                retired_at: utc(retired_at),
            });
    }
    for slugs in grouped.values_mut() {
        slugs.sort_by(|a, b| (a.retired_at, &a.slug).cmp(&(b.retired_at, &b.slug)));
    }
    Ok(grouped)
}

/// The corrections of many articles, grouped by article, each article's in the order they
/// were added.
fn corrections_of(
    conn: &mut DbConn,
    ids: &[i64],
    directory: &Directory,
) -> Result<HashMap<i64, Vec<CorrectionRecord>>, StoreError> {
    let rows: Vec<(i64, String, Option<i64>, NaiveDateTime)> = article_corrections::table
        .filter(article_corrections::article_id.eq_any(ids))
        .order_by((article_corrections::article_id, article_corrections::id))
        .select((
            article_corrections::article_id,
            article_corrections::text,
            article_corrections::created_by,
            article_corrections::created_at,
        ))
        .load(conn)?;
    let mut grouped: HashMap<i64, Vec<CorrectionRecord>> = HashMap::new();
    for (article, text, created_by, created_at) in rows {
        grouped.entry(article).or_default().push(CorrectionRecord {
            text,
            created_by: account(directory, created_by)?,
            created_at: utc(created_at),
        });
    }
    Ok(grouped)
}

/// The revisions of many articles, oldest first, grouped by article.
fn revisions_of(
    conn: &mut DbConn,
    ids: &[i64],
    directory: &Directory,
) -> Result<HashMap<i64, Vec<RevisionRecord>>, StoreError> {
    let rows: Vec<RevisionBundleRow> = article_revisions::table
        .filter(article_revisions::article_id.eq_any(ids))
        .order_by((article_revisions::article_id, article_revisions::version))
        .select(RevisionBundleRow::as_select())
        .load(conn)?;
    let mut grouped: HashMap<i64, Vec<RevisionRecord>> = HashMap::new();
    for row in rows {
        let revision = RevisionRecord {
            version: row.version,
            title: row.title,
            subtitle: row.subtitle,
            excerpt: row.excerpt,
            edited_by: account(directory, row.edited_by)?,
            created_at: utc(row.created_at),
            body: row.body,
        };
        grouped.entry(row.article_id).or_default().push(revision);
    }
    Ok(grouped)
}

/// The email of an account an article, correction or revision names.
fn account(directory: &Directory, user: Option<i64>) -> Result<Option<String>, StoreError> {
    user.map(|id| key_of(&directory.users, id, "user").map(str::to_owned))
        .transpose()
}

/// The "also read" links of many articles, grouped by article, in display order: each linked
/// article's id and slug.
pub(super) fn related_links(
    conn: &mut DbConn,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<(i64, String)>>, StoreError> {
    let rows: Vec<(i64, i64, String)> = article_related::table
        .inner_join(articles::table.on(articles::id.eq(article_related::related_id)))
        .filter(article_related::article_id.eq_any(ids))
        .filter(in_use())
        .order_by((article_related::article_id, article_related::position))
        .select((
            article_related::article_id,
            article_related::related_id,
            articles::slug,
        ))
        .load(conn)?;
    let mut grouped: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for (article, related, slug) in rows {
        grouped.entry(article).or_default().push((related, slug));
    }
    Ok(grouped)
}
