//! Moving an article through its life cycle.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleId, DomainError};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::time::naive;

/// A requested move in the life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    /// Publish now (`None` or a past instant) or schedule for a future instant.
    Publish(Option<DateTime<Utc>>),
    /// Back to draft.
    Unpublish,
    /// Withdraw from readers.
    Archive,
}

/// Applies `change` when the article's current stage allows it.
pub fn change_status(
    conn: &mut DbConn,
    id: ArticleId,
    change: StatusChange,
    authorize: impl FnOnce(&Article) -> Result<(), DomainError>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let current = super::existing(conn, id)?;
    authorize(&current)?;
    let status = current.effective_status(now);
    let transition = match change {
        StatusChange::Publish(at) => status.publish(at, now),
        StatusChange::Unpublish => status.unpublish(),
        StatusChange::Archive => status.archive(current.published_at),
    }?;
    let sort_at = transition.published_at.unwrap_or(current.created_at);
    let updated = diesel::update(
        articles::table
            .filter(articles::id.eq(id.0))
            .filter(articles::version.eq(current.version)),
    )
    .set((
        articles::status.eq(transition.status.as_str()),
        articles::published_at.eq(transition.published_at.map(naive)),
        articles::sort_at.eq(naive(sort_at)),
        articles::updated_at.eq(naive(now)),
        articles::version.eq(current.version + 1),
    ))
    .execute(conn)?;
    if updated == 0 {
        let latest = super::existing(conn, id)?;
        return Err(StoreError::Stale {
            current: latest.version,
        });
    }
    super::existing(conn, id)
}
