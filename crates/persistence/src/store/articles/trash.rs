//! The trash: deleting an article hides it everywhere but keeps its row, slug and history, so
//! an editor's mistake can be undone; only purging removes it for good.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleId, DomainError};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::time::naive;

/// Moves an article in use to the trash, as a new version. Its slug stays taken, so a restored
/// article comes back at the same address. A write that changed the article since it was read
/// here wins, and this one is refused as stale rather than counted at the same version.
pub fn trash(
    conn: &mut DbConn,
    id: ArticleId,
    authorize: impl FnOnce(&Article) -> Result<(), DomainError>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let current = super::existing(conn, id)?;
    authorize(&current)?;
    let moved = diesel::update(
        articles::table
            .filter(articles::id.eq(id.0))
            .filter(articles::version.eq(current.version)),
    )
    .set((
        articles::trashed_at.eq(Some(naive(now))),
        articles::updated_at.eq(naive(now)),
        articles::version.eq(current.version + 1),
    ))
    .execute(conn)?;
    if moved == 0 {
        return Err(StoreError::Stale {
            current: super::existing(conn, id)?.version,
        });
    }
    trashed(conn, id)
}

/// Brings an article back from the trash, as a new version, in the stage it was deleted in.
pub fn restore_from_trash(
    conn: &mut DbConn,
    id: ArticleId,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let current = trashed(conn, id)?;
    let restored = diesel::update(
        articles::table
            .filter(articles::id.eq(id.0))
            .filter(articles::version.eq(current.version)),
    )
    .set((
        articles::trashed_at.eq(None::<chrono::NaiveDateTime>),
        articles::updated_at.eq(naive(now)),
        articles::version.eq(current.version + 1),
    ))
    .execute(conn)?;
    if restored == 0 {
        return Err(StoreError::NotFound("article in the trash"));
    }
    super::existing(conn, id)
}

/// Deletes an article in the trash for good, with its links, revisions and slug history; an
/// article in use must be deleted first, so nothing is purged by one mistaken call.
pub fn purge(conn: &mut DbConn, id: ArticleId) -> Result<Article, StoreError> {
    let current = trashed(conn, id)?;
    diesel::delete(articles::table.filter(articles::id.eq(id.0))).execute(conn)?;
    Ok(current)
}

/// Deletes for good every article that went to the trash before `cutoff`, and returns them.
pub fn purge_trashed_before(
    conn: &mut DbConn,
    cutoff: DateTime<Utc>,
) -> Result<Vec<Article>, StoreError> {
    let rows: Vec<crate::rows::ArticleRow> = articles::table
        .filter(articles::trashed_at.assume_not_null().lt(naive(cutoff)))
        .order_by(articles::id)
        .select(crate::rows::ArticleRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    diesel::delete(articles::table.filter(articles::id.eq_any(&ids))).execute(conn)?;
    rows.into_iter().map(Article::try_from).collect()
}

/// An article in the trash; `NotFound` when there is none with this id.
fn trashed(conn: &mut DbConn, id: ArticleId) -> Result<Article, StoreError> {
    let row: Option<crate::rows::ArticleRow> = articles::table
        .filter(articles::id.eq(id.0))
        .filter(articles::trashed_at.is_not_null())
        .select(crate::rows::ArticleRow::as_select())
        .first(conn)
        .optional()?;
    row.map(Article::try_from)
        .transpose()?
        .ok_or(StoreError::NotFound("article in the trash"))
}
