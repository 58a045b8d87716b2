//! The links from articles to authors, tags and related articles: batch reads for the API's
//! loaders (one statement for any number of articles) and replacement on write.

use std::collections::HashMap;

use diesel::prelude::*;
use quire_domain::{Article, ArticleId, Author, AuthorId, DomainError, Tag, TagId, UserId};

use super::visibility::{Visibility, bylined_by, in_use, live_at, live_or_own_draft, not_archived};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::{ArticleRow, AuthorRow, TagRow};
use crate::schema::{article_authors, article_related, article_tags, articles, authors, tags};
use crate::time::naive;

fn raw(ids: &[ArticleId]) -> Vec<i64> {
    ids.iter().map(|id| id.0).collect()
}

/// Whether the byline of `article` carries the author linked to account `user`, which lets
/// that AUTHOR edit the draft.
pub fn carries_byline_of(
    conn: &mut DbConn,
    article: ArticleId,
    user: UserId,
) -> Result<bool, StoreError> {
    let found: i64 = bylined_by(user.0)
        .filter(article_authors::article_id.eq(article.0))
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// The bylines of many articles, each in byline order.
pub fn authors_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
) -> Result<HashMap<ArticleId, Vec<Author>>, StoreError> {
    let rows: Vec<(i64, AuthorRow)> = article_authors::table
        .inner_join(authors::table)
        .filter(one_of(article_authors::article_id, raw(ids)))
        .order_by((article_authors::article_id, article_authors::position))
        .select((article_authors::article_id, AuthorRow::as_select()))
        .load(conn)?;
    let mut grouped: HashMap<ArticleId, Vec<Author>> = HashMap::new();
    for (article, author) in rows {
        grouped
            .entry(ArticleId(article))
            .or_default()
            .push(author.into());
    }
    Ok(grouped)
}

/// The tags of many articles, each in display order.
pub fn tags_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
) -> Result<HashMap<ArticleId, Vec<Tag>>, StoreError> {
    let rows: Vec<(i64, TagRow)> = article_tags::table
        .inner_join(tags::table)
        .filter(one_of(article_tags::article_id, raw(ids)))
        .order_by((article_tags::article_id, article_tags::position))
        .select((article_tags::article_id, TagRow::as_select()))
        .load(conn)?;
    let mut grouped: HashMap<ArticleId, Vec<Tag>> = HashMap::new();
    for (article, tag) in rows {
        grouped
            .entry(ArticleId(article))
            .or_default()
            .push(tag.into());
    }
    Ok(grouped)
}

/// The editors' own "also read" lists of many articles, each in display order and whole, with
/// only the articles the viewer may see: what an editor works on, unlike [`super::related_of`],
/// which also fills each list with similar articles for readers.
pub fn curated_related_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
    visibility: Visibility,
) -> Result<HashMap<ArticleId, Vec<Article>>, StoreError> {
    let query = article_related::table
        .inner_join(articles::table.on(articles::id.eq(article_related::related_id)))
        .filter(one_of(article_related::article_id, raw(ids)))
        .order_by((article_related::article_id, article_related::position))
        .select((article_related::article_id, ArticleRow::as_select()));
    // Fixed shapes rather than one boxed query, so PostgreSQL plans the statement once.
    let rows: Vec<(i64, ArticleRow)> = match visibility {
        Visibility::Everything => query.filter(in_use()).load(conn)?,
        Visibility::AllButArchived => query.filter(not_archived()).load(conn)?,
        Visibility::Public(now) => query.filter(live_at(naive(now))).load(conn)?,
        Visibility::PublicOrOwnDrafts { now, user } => query
            .filter(live_or_own_draft(naive(now), user.0))
            .load(conn)?,
    };
    let mut grouped: HashMap<ArticleId, Vec<Article>> = HashMap::new();
    for (article, related) in rows {
        grouped
            .entry(ArticleId(article))
            .or_default()
            .push(related.try_into()?);
    }
    Ok(grouped)
}

/// Fails with a field error unless every id names an existing row.
fn require_all(
    found: usize,
    wanted: usize,
    field: &'static str,
    what: &str,
) -> Result<(), StoreError> {
    if found == wanted {
        Ok(())
    } else {
        Err(DomainError::invalid(field, format!("lists {} that does not exist", what)).into())
    }
}

/// Replaces an article's byline.
pub(super) fn set_authors(
    conn: &mut DbConn,
    article: ArticleId,
    ids: &[AuthorId],
) -> Result<(), StoreError> {
    let wanted: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let found: i64 = authors::table
        .filter(authors::id.eq_any(wanted.clone()))
        .count()
        .get_result(conn)?;
    require_all(
        usize::try_from(found).unwrap_or(0),
        wanted.len(),
        "authorIds",
        "an author",
    )?;
    diesel::delete(article_authors::table.filter(article_authors::article_id.eq(article.0)))
        .execute(conn)?;
    let rows: Vec<_> = wanted
        .iter()
        .zip(0..)
        .map(|(author, position)| {
            (
                article_authors::article_id.eq(article.0),
                article_authors::author_id.eq(*author),
                article_authors::position.eq(position),
            )
        })
        .collect();
    // One row at a time: batch inserts are not portable across both backends' dialects.
    for row in rows {
        diesel::insert_into(article_authors::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Replaces an article's tags.
pub(super) fn set_tags(
    conn: &mut DbConn,
    article: ArticleId,
    ids: &[TagId],
) -> Result<(), StoreError> {
    diesel::delete(article_tags::table.filter(article_tags::article_id.eq(article.0)))
        .execute(conn)?;
    let rows: Vec<_> = ids
        .iter()
        .zip(0..)
        .map(|(tag, position)| {
            (
                article_tags::article_id.eq(article.0),
                article_tags::tag_id.eq(tag.0),
                article_tags::position.eq(position),
            )
        })
        .collect();
    // One row at a time: batch inserts are not portable across both backends' dialects.
    for row in rows {
        diesel::insert_into(article_tags::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// The ids of one article's "also read" list in display order, whatever their status: what a
/// writer compares against, unlike [`curated_related_of`], which filters for a reader.
pub(super) fn related_ids_of(
    conn: &mut DbConn,
    article: ArticleId,
) -> Result<Vec<ArticleId>, StoreError> {
    Ok(article_related::table
        .filter(article_related::article_id.eq(article.0))
        .order_by(article_related::position)
        .select(article_related::related_id)
        .load(conn)?
        .into_iter()
        .map(ArticleId)
        .collect())
}

/// Replaces an article's "also read" list.
pub(super) fn set_related(
    conn: &mut DbConn,
    article: ArticleId,
    ids: &[ArticleId],
) -> Result<(), StoreError> {
    if ids.contains(&article) {
        return Err(DomainError::invalid("relatedIds", "must not list the article itself").into());
    }
    let wanted = raw(ids);
    let found: i64 = articles::table
        .filter(articles::id.eq_any(wanted.clone()))
        .filter(in_use())
        .count()
        .get_result(conn)?;
    require_all(
        usize::try_from(found).unwrap_or(0),
        wanted.len(),
        "relatedIds",
        "an article",
    )?;
    diesel::delete(article_related::table.filter(article_related::article_id.eq(article.0)))
        .execute(conn)?;
    let rows: Vec<_> = wanted
        .iter()
        .zip(0..)
        .map(|(related, position)| {
            (
                article_related::article_id.eq(article.0),
                article_related::related_id.eq(*related),
                article_related::position.eq(position),
            )
        })
        .collect();
    // One row at a time: batch inserts are not portable across both backends' dialects.
    for row in rows {
        diesel::insert_into(article_related::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}
