//! What readers are offered to read next beside an article: the editors' own "also read" list
//! first, in their order, then the live articles most like it, so every article ends with
//! something to read even when no one chose anything.
//!
//! A whole page of articles is served by one statement (see [`statement`]). Similarity is
//! scored from what the catalogue already records: each tag an article shares with the one
//! being read weighs [`statement::SHARED_TAG`], coming from the same source adds
//! [`statement::SAME_SOURCE`], and having gone live in the last [`FRESH_DAYS`] days adds
//! [`statement::FRESH`]; equal scores go to the newer article, then to the higher id, so the
//! order never depends on the backend.

mod statement;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleId, RelatedLimit};

use super::list::backend_of;
use super::visibility::Visibility;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::rows::ArticleRow;
use crate::time::naive;

/// How recent, in days, an article must be to count as fresh and score higher.
pub const FRESH_DAYS: i64 = 30;

/// One related article of one article of the page.
#[derive(QueryableByName)]
struct RelatedRow {
    /// The article of the page it is shown beside.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    key_id: i64,
    #[diesel(embed)]
    article: ArticleRow,
}

/// The related articles of many articles, at most `limit` each, best first: the editors'
/// choices the viewer may open (a draft among them only for those who may read it), then the
/// most similar articles live at `now`, whoever the viewer. Never an article itself.
pub fn related_of(
    conn: &mut DbConn,
    ids: &[ArticleId],
    limit: RelatedLimit,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<HashMap<ArticleId, Vec<Article>>, StoreError> {
    let mut grouped: HashMap<ArticleId, Vec<Article>> = HashMap::new();
    if ids.is_empty() || limit.get() == 0 {
        return Ok(grouped);
    }
    let rows: Vec<RelatedRow> = statement::Related::new(
        backend_of(conn),
        ids.iter().map(|id| id.0).collect(),
        i64::try_from(limit.get()).unwrap_or(i64::MAX),
        visibility.predicate(),
        naive(now),
        naive(now - Duration::days(FRESH_DAYS)),
    )
    .load(conn)?;
    for row in rows {
        grouped
            .entry(ArticleId(row.key_id))
            .or_default()
            .push(row.article.try_into()?);
    }
    Ok(grouped)
}
