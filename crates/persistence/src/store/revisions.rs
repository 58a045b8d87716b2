//! Revision history: a snapshot of an article's text at every version that changed it.

use diesel::prelude::*;
use quire_domain::cursor::{Cursor, SortKey};
use quire_domain::{Article, ArticleId, AuthorId, Revision, RevisionRelations, SourceId, UserId};
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::page::{Page, PageRequest};
use crate::schema::article_revisions as revs;
use crate::schema::{article_authors, article_related, article_tags, tags};
use crate::time::{naive, utc};

/// The ordering name revision cursors carry.
pub const ORDERING: &str = "REVISION";

#[derive(Queryable, Selectable)]
#[diesel(table_name = revs)]
struct RevisionRow {
    version: i32,
    title: String,
    subtitle: Option<String>,
    excerpt: String,
    body: String,
    edited_by: Option<i64>,
    created_at: chrono::NaiveDateTime,
    relations: Option<String>,
}

/// [`RevisionRelations`] as the `relations` column keeps them. Ids rather than names for
/// authors, sources and articles, which can be renamed; names for tags, which articles are
/// given by name and which restoring may have to create again.
#[derive(Serialize, Deserialize)]
struct StoredRelations {
    authors: Vec<i64>,
    tags: Vec<String>,
    source: Option<i64>,
    #[serde(rename = "sourceUrl")]
    source_url: Option<String>,
    related: Vec<i64>,
}

impl From<RevisionRow> for Revision {
    fn from(row: RevisionRow) -> Self {
        Revision {
            version: row.version,
            title: row.title,
            subtitle: row.subtitle,
            excerpt: row.excerpt,
            body: row.body,
            edited_by: row.edited_by.map(UserId),
            created_at: utc(row.created_at),
            relations: row
                .relations
                .and_then(|json| serde_json::from_str::<StoredRelations>(&json).ok())
                .map(|stored| RevisionRelations {
                    author_ids: stored.authors.into_iter().map(AuthorId).collect(),
                    tags: stored.tags,
                    source_id: stored.source.map(SourceId),
                    source_url: stored.source_url,
                    related_ids: stored.related.into_iter().map(ArticleId).collect(),
                }),
        }
    }
}

/// The article's credits and links as they stand, as the `relations` column keeps them.
fn relations_now(conn: &mut DbConn, article: &Article) -> Result<String, StoreError> {
    let id = article.id.0;
    let authors: Vec<i64> = article_authors::table
        .filter(article_authors::article_id.eq(id))
        .order_by(article_authors::position)
        .select(article_authors::author_id)
        .load(conn)?;
    let tags: Vec<String> = article_tags::table
        .inner_join(tags::table)
        .filter(article_tags::article_id.eq(id))
        .order_by(article_tags::position)
        .select(tags::name)
        .load(conn)?;
    let related: Vec<i64> = article_related::table
        .filter(article_related::article_id.eq(id))
        .order_by(article_related::position)
        .select(article_related::related_id)
        .load(conn)?;
    let stored = StoredRelations {
        authors,
        tags,
        source: article.source_id.map(|source| source.0),
        source_url: article.source_url.clone(),
        related,
    };
    serde_json::to_string(&stored).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Records the article as it now stands, credits and links included.
pub(crate) fn record(
    conn: &mut DbConn,
    article: &Article,
    editor: Option<UserId>,
) -> Result<(), StoreError> {
    let relations = relations_now(conn, article)?;
    diesel::insert_into(revs::table)
        .values((
            revs::article_id.eq(article.id.0),
            revs::version.eq(article.version),
            revs::title.eq(&article.title),
            revs::subtitle.eq(&article.subtitle),
            revs::excerpt.eq(&article.excerpt),
            revs::body.eq(article.text.as_ref().map_or("", |t| t.body.as_str())),
            revs::edited_by.eq(editor.map(|u| u.0)),
            revs::created_at.eq(naive(article.updated_at)),
            revs::relations.eq(Some(relations)),
        ))
        .execute(conn)?;
    Ok(())
}

/// A page of an article's revisions, newest first.
pub fn list(
    conn: &mut DbConn,
    article: ArticleId,
    page: &PageRequest,
) -> Result<Page<Revision>, StoreError> {
    let mut query = revs::table
        .filter(revs::article_id.eq(article.0))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(revs::version.lt(i32::try_from(after.id).unwrap_or(i32::MAX)));
    }
    if let Some(before) = &page.before {
        query = query.filter(revs::version.gt(i32::try_from(before.id).unwrap_or(i32::MIN)));
    }
    query = if page.from_end {
        query.order_by(revs::version.asc())
    } else {
        query.order_by(revs::version.desc())
    };
    let rows: Vec<RevisionRow> = query
        .select(RevisionRow::as_select())
        .limit(i64::try_from(page.limit + 1).unwrap_or(i64::MAX))
        .load(conn)?;
    let page = Page::assemble(page, rows, |row| Cursor {
        ordering: ORDERING.to_owned(),
        key: SortKey::Time(utc(row.created_at)),
        id: i64::from(row.version),
    });
    Ok(page.map(Revision::from))
}

/// One revision of an article, by its version.
pub fn get(
    conn: &mut DbConn,
    article: ArticleId,
    version: i32,
) -> Result<Option<Revision>, StoreError> {
    let row: Option<RevisionRow> = revs::table
        .filter(revs::article_id.eq(article.0))
        .filter(revs::version.eq(version))
        .select(RevisionRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Revision::from))
}

/// How many revisions an article has.
pub fn count(conn: &mut DbConn, article: ArticleId) -> Result<i64, StoreError> {
    Ok(revs::table
        .filter(revs::article_id.eq(article.0))
        .count()
        .get_result(conn)?)
}
