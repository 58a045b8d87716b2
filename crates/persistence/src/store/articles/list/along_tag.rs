//! A tag's articles in publication order, read along the tag's own index.
//!
//! Filtered as `articles.id IN (articles having the tag)` and ordered by `articles.sort_at`, a
//! tag page makes the database choose between two poor plans: walk every article newest first
//! and keep those having the tag (long for a rare tag), or gather every article having the tag
//! and sort them (long for a common one). At 100,000 articles the tag page ran at a third of
//! the home page's rate. Each tag link carries its article's sort key (`article_tags.sort_at`,
//! kept by triggers), so the list is instead read from `article_tags_recent_idx`
//! `(tag_id, sort_at, article_id)` in order, joined to each article by its key, and stops at the
//! page's end: the same cost for a tag of ten articles or of ten thousand. Every other condition
//! of the list, visibility included, is the one [`super::Conditions`] writes.

use diesel::prelude::*;
use quire_domain::cursor::{Cursor, SortKey};

use super::{ArticleFilter, ArticleOrder, ArticleRow, Conditions, Db, DbConn, bad_cursor};
use crate::error::StoreError;
use crate::fixed_sql::EqualScore;
use crate::key_list::one_of;
use crate::page::PageRequest;
use crate::schema::{article_tags, articles, tags};
use crate::store::articles::visibility::on_articles;
use crate::time::naive;

/// The one tag a list is limited to, as the filter names it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum OneTag {
    /// By slug (`articles(filter: { tags: [slug] })`).
    Slug(String),
    /// By id (`Tag.articles`).
    Id(i64),
}

impl OneTag {
    /// The tag `filter` limits the list to, when the list can be read along it: exactly one tag
    /// and an order by publication, which is the order of the tag's index.
    pub(super) fn of(filter: &ArticleFilter, order: ArticleOrder) -> Option<Self> {
        if !matches!(
            order,
            ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc
        ) {
            return None;
        }
        match (filter.tags.as_deref(), filter.tag_id) {
            (Some([slug]), None) => Some(OneTag::Slug(slug.clone())),
            (None, Some(id)) => Some(OneTag::Id(id.0)),
            _ => None,
        }
    }
}

pub(super) type TagLinks<'a> =
    diesel::dsl::IntoBoxed<'a, diesel::dsl::InnerJoin<article_tags::table, articles::table>, Db>;

/// Keeps the links strictly beyond `cursor` in the direction of travel.
fn beyond<'a>(
    query: TagLinks<'a>,
    cursor: &Cursor,
    ascending: bool,
    field: &'static str,
) -> Result<TagLinks<'a>, StoreError> {
    let SortKey::Time(at) = &cursor.key else {
        return Err(bad_cursor(field));
    };
    let (at, id) = (naive(*at), cursor.id);
    Ok(beyond!(
        query,
        article_tags::sort_at,
        at,
        article_tags::article_id,
        id,
        ascending
    ))
}

/// One page of the list, with one more row to tell whether a next page exists, and the
/// constant score lists outside a search carry.
pub(super) fn rows(
    conn: &mut DbConn,
    tag: OneTag,
    filter: &ArticleFilter,
    conditions: &Conditions,
    order: ArticleOrder,
    page: &PageRequest,
) -> Result<Vec<(ArticleRow, f64)>, StoreError> {
    Ok(links(tag, filter, conditions, order, page)?
        .select((ArticleRow::as_select(), EqualScore))
        .limit(i64::try_from(page.limit + 1).unwrap_or(i64::MAX))
        .load(conn)?)
}

/// The tag's links to the articles of the page, beyond its cursors, in the order they are read.
pub(super) fn links<'a>(
    tag: OneTag,
    filter: &ArticleFilter,
    conditions: &Conditions,
    order: ArticleOrder,
    page: &PageRequest,
) -> Result<TagLinks<'a>, StoreError> {
    let mut query: TagLinks<'a> = article_tags::table
        .inner_join(articles::table)
        .into_boxed()
        .filter(on_articles(conditions.of(filter)));
    query = match tag {
        OneTag::Id(id) => query.filter(article_tags::tag_id.eq(id)),
        OneTag::Slug(slug) => query.filter(
            article_tags::tag_id.nullable().eq(tags::table
                .filter(one_of(tags::slug, vec![slug]))
                .select(tags::id)
                .single_value()),
        ),
    };
    if let Some(after) = &page.after {
        query = beyond(query, after, order == ArticleOrder::PublishedAtAsc, "after")?;
    }
    if let Some(before) = &page.before {
        query = beyond(
            query,
            before,
            order != ArticleOrder::PublishedAtAsc,
            "before",
        )?;
    }
    // Paging from the end reads the list backwards, then `Page::assemble` restores its order.
    Ok(if order.ascending() != page.from_end {
        query.order_by((article_tags::sort_at.asc(), article_tags::article_id.asc()))
    } else {
        query.order_by((
            article_tags::sort_at.desc(),
            article_tags::article_id.desc(),
        ))
    })
}
