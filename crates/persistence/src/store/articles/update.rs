//! Editing an article under optimistic concurrency: the write applies only where the stored
//! version is the one the editor saw, checked in the same statement, so a stale edit can never
//! overwrite someone else's.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{Article, ArticleChanges, ArticleId, DomainError, Slug, UserId, markdown, text};

use super::create::require_source;
use super::links::{set_authors, set_related, set_tags};
use super::previous_slugs;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::store::{revisions, tags};
use crate::time::naive;

#[derive(AsChangeset)]
#[diesel(table_name = articles)]
struct ArticleChangeset {
    slug: Option<String>,
    title: Option<String>,
    subtitle: Option<Option<String>>,
    excerpt: Option<String>,
    excerpt_is_custom: Option<bool>,
    body: Option<String>,
    body_html: Option<String>,
    word_count: Option<i32>,
    source_id: Option<Option<i64>>,
    source_url: Option<Option<String>>,
    canonical_url: Option<Option<String>>,
    rights_expire_at: Option<Option<chrono::NaiveDateTime>>,
    updated_at: chrono::NaiveDateTime,
    version: i32,
}

/// Applies `changes` when `expected_version` is current and `authorize` accepts the article as
/// stored; returns the article as now stored.
pub fn update(
    conn: &mut DbConn,
    id: ArticleId,
    expected_version: i32,
    changes: ArticleChanges,
    authorize: impl FnOnce(&Article) -> Result<(), DomainError>,
    editor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let current = super::existing(conn, id)?;
    authorize(&current)?;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    if changes.is_empty() {
        return Ok(current);
    }
    if let Some(Some(source)) = changes.source_id {
        require_source(conn, source)?;
    }
    let slug = changes
        .slug
        .as_deref()
        .map(|s| Slug::parse(s).map_err(|e| DomainError::invalid("slug", e.to_string())))
        .transpose()?;
    let renamed_to = slug
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .filter(|s| *s != current.slug);
    let current_body = current.text.as_ref().map_or("", |t| t.body.as_str());
    let body = changes.body.as_deref().unwrap_or(current_body);
    let excerpt = match (&changes.excerpt, &changes.body) {
        (Some(Some(custom)), _) => Some((custom.clone(), true)),
        (Some(None), _) => Some((text::derive_excerpt(body), false)),
        (None, Some(new_body)) if !current.excerpt_is_custom => {
            Some((text::derive_excerpt(new_body), false))
        }
        (None, _) => None,
    };
    let text_changed = changes.title.is_some() || changes.body.is_some() || excerpt.is_some();
    let changeset = ArticleChangeset {
        slug: slug.map(Slug::into_string),
        title: changes.title.clone(),
        subtitle: changes.subtitle.clone(),
        excerpt_is_custom: excerpt.as_ref().map(|(_, custom)| *custom),
        excerpt: excerpt.map(|(text, _)| text),
        body_html: changes.body.as_deref().map(markdown::render_html),
        word_count: changes
            .body
            .as_deref()
            .map(|b| i32::try_from(text::word_count(b)).unwrap_or(i32::MAX)),
        body: changes.body.clone(),
        source_id: changes.source_id.map(|s| s.map(|s| s.0)),
        source_url: changes.source_url.clone(),
        canonical_url: changes.canonical_url.clone(),
        rights_expire_at: changes.rights_expire_at.map(|at| at.map(naive)),
        updated_at: naive(now),
        version: expected_version + 1,
    };
    let updated = diesel::update(
        articles::table
            .filter(articles::id.eq(id.0))
            .filter(articles::version.eq(expected_version)),
    )
    .set(changeset)
    .execute(conn)?;
    if updated == 0 {
        let current = super::existing(conn, id)?;
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    if let Some(new_slug) = &renamed_to {
        previous_slugs::record_rename(conn, id, &current.slug, new_slug, now)?;
    }
    if let Some(authors) = &changes.author_ids {
        set_authors(conn, id, authors)?;
    }
    if let Some(names) = &changes.tags {
        let tag_ids = tags::ensure_named(conn, names, now)?;
        set_tags(conn, id, &tag_ids)?;
    }
    if let Some(related) = &changes.related_ids {
        set_related(conn, id, related)?;
    }
    let article = super::existing(conn, id)?;
    if text_changed {
        super::search_index::index(conn, &article)?;
    }
    revisions::record(conn, &article, editor)?;
    Ok(article)
}
