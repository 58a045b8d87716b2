//! Slug history: the slugs an article had before it was renamed. Links out in the world keep
//! working because a former slug still finds its article, and no other article may ever take
//! one, so such a link can never start pointing at a different story.
//!
//! A former slug lives in `article_slugs`, a different table from the live ones, so the
//! database's unique key on `articles.slug` cannot guard it. Every write that gives an article a
//! new slug checks the history *after* writing the slug: on PostgreSQL the write waits for a
//! concurrent rename that frees the same slug, and the check, a later statement, then sees that
//! rename's committed history row. A slug found there is reported the way a unique violation
//! is, so callers treat both alike: a conflict for a given slug, the next suffix for a derived
//! one.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use quire_domain::{Article, ArticleId};

use super::Visibility;
use super::visibility::{in_use, live_at, live_or_own_draft, not_archived};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::{ArticleRow, ArticleTextRow};
use crate::schema::{article_slugs, articles};
use crate::store::slugs::prefix_pattern;
use crate::time::naive;
use crate::unique_key::UniqueKey;

/// Fails like a unique violation of [`UniqueKey::ArticlePreviousSlug`] when `slug` is a former
/// slug of an article other than `owner` (`None` for an article not stored yet).
pub(super) fn refuse_taken(
    conn: &mut DbConn,
    slug: &str,
    owner: Option<ArticleId>,
) -> QueryResult<()> {
    let holder: Option<i64> = article_slugs::table
        .filter(article_slugs::slug.eq(slug))
        .select(article_slugs::article_id)
        .first(conn)
        .optional()?;
    match holder {
        Some(holder) if Some(ArticleId(holder)) != owner => Err(Error::DatabaseError(
            DatabaseErrorKind::UniqueViolation,
            Box::new(UniqueKey::ArticlePreviousSlug.violation_message()),
        )),
        _ => Ok(()),
    }
}

/// Records that article `id` moved from slug `old` to `new`, which it already carries: `new`
/// must not be another article's former slug, and stops being one of its own, since the
/// article takes it back.
pub(super) fn record_rename(
    conn: &mut DbConn,
    id: ArticleId,
    old: &str,
    new: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    refuse_taken(conn, new, Some(id))?;
    diesel::delete(
        article_slugs::table
            .filter(article_slugs::slug.eq(new))
            .filter(article_slugs::article_id.eq(id.0)),
    )
    .execute(conn)?;
    diesel::insert_into(article_slugs::table)
        .values((
            article_slugs::slug.eq(old),
            article_slugs::article_id.eq(id.0),
            article_slugs::retired_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The former slugs that start with `base`, taken for derived slugs as live ones are.
pub(super) fn with_prefix(conn: &mut DbConn, base: &str) -> Result<Vec<String>, StoreError> {
    Ok(article_slugs::table
        .filter(article_slugs::slug.like(prefix_pattern(base)))
        .select(article_slugs::slug)
        .load(conn)?)
}

/// The article that once had `slug`, if the viewer may see it: the fallback when no live
/// article has the slug, in one statement.
pub fn by_previous_slug(
    conn: &mut DbConn,
    slug: &str,
    visibility: Visibility,
) -> Result<Option<Article>, StoreError> {
    let query = articles::table
        .inner_join(article_slugs::table)
        .filter(article_slugs::slug.eq(slug))
        .select((ArticleRow::as_select(), ArticleTextRow::as_select()));
    let row = match visibility {
        Visibility::Everything => query.filter(in_use()).first(conn).optional()?,
        Visibility::AllButArchived => query.filter(not_archived()).first(conn).optional()?,
        Visibility::Public(now) => query.filter(live_at(naive(now))).first(conn).optional()?,
        Visibility::PublicOrOwnDrafts { now, user } => query
            .filter(live_or_own_draft(naive(now), user.0))
            .first(conn)
            .optional()?,
    };
    row.map(super::with_text).transpose()
}

/// The former slugs of many articles, oldest first, in one statement. Visibility was decided
/// when the articles themselves were read.
pub fn previous_slugs_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
) -> Result<HashMap<ArticleId, Vec<String>>, StoreError> {
    let rows: Vec<(i64, String)> = article_slugs::table
        .filter(one_of(
            article_slugs::article_id,
            ids.iter().map(|id| id.0).collect(),
        ))
        .order_by((article_slugs::retired_at.asc(), article_slugs::slug.asc()))
        .select((article_slugs::article_id, article_slugs::slug))
        .load(conn)?;
    let mut slugs: HashMap<ArticleId, Vec<String>> = HashMap::new();
    for (id, slug) in rows {
        slugs.entry(ArticleId(id)).or_default().push(slug);
    }
    Ok(slugs)
}
