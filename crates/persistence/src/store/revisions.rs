//! Revision history: a snapshot of an article's text at every version that changed it.

use diesel::prelude::*;
use quire_domain::cursor::{Cursor, SortKey};
use quire_domain::{Article, ArticleId, Revision, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::page::{Page, PageRequest};
use crate::schema::article_revisions as revs;
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
        }
    }
}

/// Records the article as it now stands.
pub(crate) fn record(
    conn: &mut DbConn,
    article: &Article,
    editor: Option<UserId>,
) -> Result<(), StoreError> {
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

/// How many revisions an article has.
pub fn count(conn: &mut DbConn, article: ArticleId) -> Result<i64, StoreError> {
    Ok(revs::table
        .filter(revs::article_id.eq(article.0))
        .count()
        .get_result(conn)?)
}
