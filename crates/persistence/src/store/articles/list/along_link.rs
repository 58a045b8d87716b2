//! A tag's or an author's articles in publication order, read along the links' own index.
//!
//! Filtered as `articles.id IN (articles having the tag)` and ordered by `articles.sort_at`, a
//! tag or author page makes the database choose between two poor plans: walk every article
//! newest first and keep those having the tag (long for a rare tag), or gather every article
//! having the tag and sort them (long for a common one). At 100,000 articles the tag page ran
//! at a third of the home page's rate, and a page of an author with ten old articles took
//! 134 ms on PostgreSQL. Each tag link and each byline carries its article's sort key
//! (`sort_at`, kept by triggers), so the list is instead read from `article_tags_recent_idx`
//! `(tag_id, sort_at, article_id)` or `article_authors_recent_idx`
//! `(author_id, sort_at, article_id)` in order, joined to each article by its key, and stops at
//! the page's end: the same cost for ten articles or for ten thousand. Every other condition of
//! the list, visibility included, is the one [`super::Conditions`] writes.

use diesel::prelude::*;
use quire_domain::cursor::SortKey;

use super::{ArticleFilter, ArticleOrder, ArticleRow, Conditions, DbConn, bad_cursor};
use crate::error::StoreError;
use crate::fixed_sql::EqualScore;
use crate::page::PageRequest;
use crate::schema::{article_authors, article_tags, articles, authors, tags};
use crate::store::articles::visibility::on_articles;
use crate::time::naive;

/// Which links a list is read along; the list's conditions leave out the one these links
/// already keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReadAlong {
    /// The articles' own indexes: every condition is tested on `articles`.
    Articles,
    /// One tag's links.
    TagLinks,
    /// One author's bylines.
    Bylines,
}

/// The one tag or author a list is limited to, as the filter names it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum OneLink {
    /// `articles(filter: { tags: [slug] })` or `Tag.articles`.
    Tag(Named),
    /// `articles(filter: { author: slug })` or `Author.articles`.
    Author(Named),
}

/// How the filter names the tag or author.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Named {
    /// By slug.
    Slug(String),
    /// By id.
    Id(i64),
}

impl OneLink {
    /// The tag or author `filter` limits the list to, when the list can be read along its
    /// links: exactly one of them named, and an order by publication, which is the order of the
    /// links' index. A tag is preferred when the filter names both; the author is then tested
    /// on each article like any other condition.
    pub(super) fn of(filter: &ArticleFilter, order: ArticleOrder) -> Option<Self> {
        if !matches!(
            order,
            ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc
        ) {
            return None;
        }
        let tag = match (filter.tags.as_deref(), filter.tag_id) {
            (Some([slug]), None) => Some(Named::Slug(slug.clone())),
            (None, Some(id)) => Some(Named::Id(id.0)),
            _ => None,
        };
        let author = match (&filter.author, filter.author_id) {
            (Some(slug), None) => Some(Named::Slug(slug.clone())),
            (None, Some(id)) => Some(Named::Id(id.0)),
            _ => None,
        };
        tag.map(OneLink::Tag).or(author.map(OneLink::Author))
    }

    /// The links this list is read along.
    pub(super) fn read_along(&self) -> ReadAlong {
        match self {
            OneLink::Tag(_) => ReadAlong::TagLinks,
            OneLink::Author(_) => ReadAlong::Bylines,
        }
    }
}

/// One page of the list read along `$links` (a link table whose `$owner` column names a row
/// of `$owners`), with one more row to tell whether a next page exists, and the constant score
/// lists outside a search carry. A macro, as the two link tables are two types to diesel.
macro_rules! page_along {
    ($conn:expr, $links:ident, $owner:ident, $owners:ident, $named:expr, $on:expr,
     $order:expr, $page:expr) => {{
        let mut query = $links::table
            .inner_join(articles::table)
            .into_boxed()
            .filter($on);
        query = match $named {
            Named::Id(id) => query.filter($links::$owner.eq(id)),
            Named::Slug(slug) => query.filter(
                $links::$owner.nullable().eq($owners::table
                    .filter($owners::slug.eq(slug))
                    .select($owners::id)
                    .single_value()),
            ),
        };
        let ascending = $order == ArticleOrder::PublishedAtAsc;
        for (cursor, ascending, field) in [
            (&$page.after, ascending, "after"),
            (&$page.before, !ascending, "before"),
        ] {
            if let Some(cursor) = cursor {
                let SortKey::Time(at) = &cursor.key else {
                    return Err(bad_cursor(field));
                };
                let (at, id) = (naive(*at), cursor.id);
                query = beyond!(
                    query,
                    $links::sort_at,
                    at,
                    $links::article_id,
                    id,
                    ascending
                );
            }
        }
        // Paging from the end reads the list backwards, then `Page::assemble` restores its
        // order.
        query = if $order.ascending() != $page.from_end {
            query.order_by(($links::sort_at.asc(), $links::article_id.asc()))
        } else {
            query.order_by(($links::sort_at.desc(), $links::article_id.desc()))
        };
        query
            .select((ArticleRow::as_select(), EqualScore))
            .limit(i64::try_from($page.limit + 1).unwrap_or(i64::MAX))
            .load($conn)?
    }};
}

/// One page of the list limited to `link`, beyond its cursors, with one more row to tell
/// whether a next page exists, and the constant score lists outside a search carry.
pub(super) fn rows(
    conn: &mut DbConn,
    link: OneLink,
    filter: &ArticleFilter,
    conditions: &Conditions,
    order: ArticleOrder,
    page: &PageRequest,
) -> Result<Vec<(ArticleRow, f64)>, StoreError> {
    let on = on_articles(conditions.of(filter));
    Ok(match link {
        OneLink::Tag(tag) => page_along!(conn, article_tags, tag_id, tags, tag, on, order, page),
        OneLink::Author(author) => {
            page_along!(
                conn,
                article_authors,
                author_id,
                authors,
                author,
                on,
                order,
                page
            )
        }
    })
}
