//! Bringing back an earlier revision: its content becomes current as a new version and a new
//! revision, through the same checked edit as any other, so nothing is rewritten in place and a
//! stale `expectedVersion` is refused.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleId, DomainError, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{articles, authors, sources};
use crate::store::revisions;

/// Makes `revision` of article `id` current when `expected_version` is, and `authorize`
/// accepts the article as stored. Authors, a source and related articles deleted since the
/// revision are left out rather than failing the restore; tags come back by name.
pub fn restore(
    conn: &mut DbConn,
    id: ArticleId,
    revision: i32,
    expected_version: i32,
    authorize: impl FnOnce(&Article) -> Result<(), DomainError>,
    editor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let Some(snapshot) = revisions::get(conn, id, revision)? else {
        return Err(StoreError::NotFound("revision"));
    };
    let mut changes = snapshot.as_changes();
    if let Some(wanted) = changes.author_ids.take() {
        let raw: Vec<i64> = wanted.iter().map(|author| author.0).collect();
        let present: Vec<i64> = authors::table
            .filter(authors::id.eq_any(&raw))
            .select(authors::id)
            .load(conn)?;
        changes.author_ids = Some(
            wanted
                .into_iter()
                .filter(|author| present.contains(&author.0))
                .collect(),
        );
    }
    if let Some(Some(source)) = changes.source_id {
        let present: i64 = sources::table
            .filter(sources::id.eq(source.0))
            .count()
            .get_result(conn)?;
        if present == 0 {
            changes.source_id = Some(None);
        }
    }
    if let Some(wanted) = changes.related_ids.take() {
        let raw: Vec<i64> = wanted.iter().map(|article| article.0).collect();
        let present: Vec<i64> = articles::table
            .filter(articles::id.eq_any(&raw))
            .filter(super::in_use())
            .select(articles::id)
            .load(conn)?;
        changes.related_ids = Some(
            wanted
                .into_iter()
                .filter(|article| *article != id && present.contains(&article.0))
                .collect(),
        );
    }
    super::update(conn, id, expected_version, changes, authorize, editor, now)
}
