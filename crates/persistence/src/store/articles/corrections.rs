//! Corrections: public notes appended to an article. Adding one is a change to the article like
//! any other, so it moves the version on and leaves a revision; the notes themselves are never
//! rewritten.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleId, Correction, CorrectionText, UserId};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::key_list::one_of;
use crate::schema::{article_corrections as corrections, articles};
use crate::store::revisions;
use crate::time::{naive, utc};

/// Appends `text` to the article's corrections, bumps its version and `updated_at` to `now`,
/// and records the revision; returns the article as now stored. Call it inside one transaction
/// so the three writes stand or fall together.
///
/// The version moves by one from whatever it is when the row is written rather than from a
/// version the editor saw: a correction adds to the article without replacing anything, so a
/// concurrent edit is no reason to refuse it.
pub fn add(
    conn: &mut DbConn,
    article: ArticleId,
    text: &CorrectionText,
    editor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let bumped = diesel::update(articles::table.filter(articles::id.eq(article.0)))
        .set((
            articles::version.eq(articles::version + 1),
            articles::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    if bumped == 0 {
        return Err(StoreError::NotFound("article"));
    }
    diesel::insert_into(corrections::table)
        .values((
            corrections::article_id.eq(article.0),
            corrections::text.eq(text.as_str()),
            corrections::created_by.eq(editor.map(|u| u.0)),
            corrections::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    let corrected = super::existing(conn, article)?;
    revisions::record(conn, &corrected, editor)?;
    Ok(corrected)
}

/// The corrections of many articles in one statement, each article's oldest first. Visibility
/// was decided when the articles themselves were read.
pub fn for_articles(
    conn: &mut DbConn,
    ids: &[ArticleId],
) -> Result<HashMap<ArticleId, Vec<Correction>>, StoreError> {
    let rows: Vec<(i64, String, chrono::NaiveDateTime)> = corrections::table
        .filter(one_of(
            corrections::article_id,
            ids.iter().map(|id| id.0).collect(),
        ))
        .order_by((corrections::article_id, corrections::id))
        .select((
            corrections::article_id,
            corrections::text,
            corrections::created_at,
        ))
        .load(conn)?;
    let mut grouped: HashMap<ArticleId, Vec<Correction>> = HashMap::new();
    for (article, text, created_at) in rows {
        grouped
            .entry(ArticleId(article))
            .or_default()
            .push(Correction {
                text,
                created_at: utc(created_at),
            });
    }
    Ok(grouped)
}
