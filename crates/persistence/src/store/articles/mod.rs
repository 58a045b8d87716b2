//! Articles: lookups, lists, writes and the links to authors, tags and related articles.

pub mod corrections;
mod create;
mod import;
mod lifecycle;
mod links;
mod list;
mod previous_slugs;
mod related;
mod restore;
mod search;
pub(crate) mod search_index;
mod sitemap;
mod stage;
mod trash;
mod update;
mod visibility;

pub use create::create;
pub use import::{ImportOutcome, ImportedArticle, KnownNames, import, link_related};
pub use lifecycle::{StatusChange, change_status};
pub use links::{authors_of, carries_byline_of, curated_related_of, tags_of};
pub use list::{ArticleFilter, ArticleOrder, count, list};
pub use previous_slugs::{by_previous_slug, previous_slugs_of};
pub use related::{FRESH_DAYS, related_of};
pub use restore::restore;
pub use search_index::ensure_search_index;
pub use sitemap::{SitemapEntry, sitemap_slice};
pub use trash::{purge, purge_trashed_before, restore_from_trash, trash};
pub use update::update;
pub use visibility::Visibility;
pub(crate) use visibility::{in_use, live_at, live_or_own_draft, not_archived};

use diesel::prelude::*;
use std::collections::HashMap;

use quire_domain::{Article, ArticleId, ArticleText};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::rows::{ArticleRow, ArticleTextRow};
use crate::schema::articles;
use crate::time::naive;

/// An article by id, if the viewer may see it.
pub fn by_id(
    conn: &mut DbConn,
    id: ArticleId,
    visibility: Visibility,
) -> Result<Option<Article>, StoreError> {
    let query = articles::table
        .filter(articles::id.eq(id.0))
        .select((ArticleRow::as_select(), ArticleTextRow::as_select()));
    // Fixed shapes rather than one boxed query, so the statement is prepared once and
    // reused instead of being planned again on every read.
    let row = match visibility {
        Visibility::Everything => query.filter(in_use()).first(conn).optional()?,
        Visibility::AllButArchived => query.filter(not_archived()).first(conn).optional()?,
        Visibility::Public(now) => query.filter(live_at(naive(now))).first(conn).optional()?,
        Visibility::PublicOrOwnDrafts { now, user } => query
            .filter(live_or_own_draft(naive(now), user.0))
            .first(conn)
            .optional()?,
    };
    row.map(with_text).transpose()
}

/// An article by slug, if the viewer may see it.
pub fn by_slug(
    conn: &mut DbConn,
    slug: &str,
    visibility: Visibility,
) -> Result<Option<Article>, StoreError> {
    let query = articles::table
        .filter(articles::slug.eq(slug))
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
    row.map(with_text).transpose()
}

/// An article by id whatever its status, for writers; `NotFound` when absent.
pub(crate) fn existing(conn: &mut DbConn, id: ArticleId) -> Result<Article, StoreError> {
    by_id(conn, id, Visibility::Everything)?.ok_or(StoreError::NotFound("article"))
}

/// A full article from its row and body.
fn with_text((row, text): (ArticleRow, ArticleTextRow)) -> Result<Article, StoreError> {
    Article::try_from(row).map(|article| Article {
        text: Some(text.into()),
        ..article
    })
}

/// The bodies of many articles, for readers of lists who ask for them. Visibility was decided
/// when the articles themselves were read.
pub fn texts_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
) -> Result<HashMap<ArticleId, ArticleText>, StoreError> {
    let rows: Vec<(i64, ArticleTextRow)> = articles::table
        .filter(one_of(articles::id, ids.iter().map(|id| id.0).collect()))
        .select((articles::id, ArticleTextRow::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, text)| (ArticleId(id), text.into()))
        .collect())
}
