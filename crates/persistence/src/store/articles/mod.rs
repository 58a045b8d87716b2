//! Articles: lookups, lists, writes and the links to authors, tags and related articles.

mod create;
mod lifecycle;
mod links;
mod list;
mod search;
mod update;
mod visibility;

pub use create::create;
pub use lifecycle::{StatusChange, change_status, delete};
pub use links::{authors_of, related_of, tags_of};
pub use list::{ArticleFilter, ArticleOrder, count, list};
pub use update::update;
pub use visibility::Visibility;
pub(crate) use visibility::live_at;

use diesel::prelude::*;
use quire_domain::{Article, ArticleId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::ArticleRow;
use crate::schema::articles;

/// An article by id, if the viewer may see it.
pub fn by_id(
    conn: &mut DbConn,
    id: ArticleId,
    visibility: Visibility,
) -> Result<Option<Article>, StoreError> {
    articles::table
        .filter(articles::id.eq(id.0))
        .filter(visibility.predicate())
        .select(ArticleRow::as_select())
        .first(conn)
        .optional()?
        .map(Article::try_from)
        .transpose()
}

/// An article by slug, if the viewer may see it.
pub fn by_slug(
    conn: &mut DbConn,
    slug: &str,
    visibility: Visibility,
) -> Result<Option<Article>, StoreError> {
    articles::table
        .filter(articles::slug.eq(slug))
        .filter(visibility.predicate())
        .select(ArticleRow::as_select())
        .first(conn)
        .optional()?
        .map(Article::try_from)
        .transpose()
}

/// An article by id whatever its status, for writers; `NotFound` when absent.
pub(crate) fn existing(conn: &mut DbConn, id: ArticleId) -> Result<Article, StoreError> {
    by_id(conn, id, Visibility::Everything)?.ok_or(StoreError::NotFound("article"))
}
