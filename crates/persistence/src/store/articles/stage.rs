//! Setting an article's stage directly, for imports: a file says where its article stands, and
//! the importer applies that as part of the same write rather than as a separate editorial move.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{ArticleId, status::Transition};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::time::naive;

/// Stores `stage` on the article, keeping its version: the write it belongs to counted already.
/// Unpublished articles sort by `created_at`, as everywhere else.
pub(super) fn set_stage(
    conn: &mut DbConn,
    id: ArticleId,
    stage: Transition,
    created_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let sort_at = stage.published_at.unwrap_or(created_at);
    diesel::update(articles::table.filter(articles::id.eq(id.0)))
        .set((
            articles::status.eq(stage.status.as_str()),
            articles::published_at.eq(stage.published_at.map(naive)),
            articles::sort_at.eq(naive(sort_at)),
        ))
        .execute(conn)?;
    Ok(())
}
