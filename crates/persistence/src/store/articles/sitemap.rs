//! What a sitemap needs of the articles: each visible article's slug and dates, and nothing
//! more, so a sitemap file of fifty thousand addresses reads a few megabytes instead of every
//! title and body.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::visibility::Visibility;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::time::utc;

/// One article as a sitemap lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapEntry {
    /// Where the article's page lives.
    pub slug: String,
    /// When it went live (its creation, for a draft an editor may see).
    pub published_at: DateTime<Utc>,
    /// Its last change, which tells crawlers whether to read the page again.
    pub updated_at: DateTime<Utc>,
}

/// The visible articles from the `offset`-th on, at most `limit` of them, oldest first. Oldest
/// first keeps every slice stable as articles are published: new ones land in the last slice,
/// so the files of a sitemap index before it keep their addresses.
pub fn sitemap_slice(
    conn: &mut DbConn,
    visibility: Visibility,
    offset: i64,
    limit: i64,
) -> Result<Vec<SitemapEntry>, StoreError> {
    let rows: Vec<(String, chrono::NaiveDateTime, chrono::NaiveDateTime)> = articles::table
        .filter(visibility.predicate())
        .order_by((articles::sort_at.asc(), articles::id.asc()))
        .select((articles::slug, articles::sort_at, articles::updated_at))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(slug, published_at, updated_at)| SitemapEntry {
            slug,
            published_at: utc(published_at),
            updated_at: utc(updated_at),
        })
        .collect())
}
