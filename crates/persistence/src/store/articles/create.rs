//! Creating an article: validate, build, write, re-read, in one transaction. A slug derived
//! from the title is retried until free, so writers racing with one title all succeed.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::markdown::RenderedBody;
use quire_domain::status::Transition;
use quire_domain::{
    Article, ArticleId, ArticleStatus, DomainError, NewArticle, Slug, SourceId, UserId, text,
};

use super::links::{set_authors, set_related, set_tags};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{articles, sources};
use crate::store::slugs::{NewSlug, insert_with_slug, prefix_pattern};
use crate::store::{revisions, tags};
use crate::time::naive;
use crate::unique_key::UniqueKey;

/// Stores a new draft with its links and first revision.
pub fn create(
    conn: &mut DbConn,
    input: NewArticle,
    created_by: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    let draft = Transition {
        status: ArticleStatus::Draft,
        published_at: None,
    };
    create_at_stage(conn, input, draft, None, created_by, now)
}

/// Stores a new article already at `stage`, as an import brings in one a file says is
/// published, in the same statement rather than a second write; `rendered`, when given, is
/// the body's rendering made ahead on another thread.
pub(super) fn create_at_stage(
    conn: &mut DbConn,
    input: NewArticle,
    stage: Transition,
    rendered: Option<RenderedBody>,
    created_by: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Article, StoreError> {
    if let Some(source) = input.source_id {
        require_source(conn, source)?;
    }
    let slug = match &input.slug {
        Some(given) => NewSlug::Given(
            Slug::parse(given)
                .map_err(|e| DomainError::invalid("slug", e.to_string()))?
                .into_string(),
        ),
        None => NewSlug::Derived(Slug::from_title(&input.title)),
    };
    let excerpt_is_custom = input.excerpt.is_some();
    let excerpt = input
        .excerpt
        .clone()
        .unwrap_or_else(|| text::derive_excerpt(&input.body));
    let rendered = rendered.unwrap_or_else(|| RenderedBody::of(&input.body));
    let word_count = i32::try_from(rendered.word_count).unwrap_or(i32::MAX);
    let at = naive(now);
    let insert = |conn: &mut DbConn, slug: &str| {
        let id: i64 = diesel::insert_into(articles::table)
            .values((
                articles::slug.eq(slug),
                articles::title.eq(&input.title),
                articles::subtitle.eq(&input.subtitle),
                articles::excerpt.eq(&excerpt),
                articles::excerpt_is_custom.eq(excerpt_is_custom),
                articles::body_html.eq(&rendered.html),
                articles::body.eq(&input.body),
                articles::word_count.eq(word_count),
                articles::status.eq(stage.status.as_str()),
                articles::published_at.eq(stage.published_at.map(naive)),
                articles::sort_at.eq(stage.published_at.map_or(at, naive)),
                articles::source_id.eq(input.source_id.map(|s| s.0)),
                articles::source_url.eq(&input.source_url),
                articles::canonical_url.eq(&input.canonical_url),
                articles::rights_expire_at.eq(input.rights_expire_at.map(naive)),
                articles::created_by.eq(created_by.map(|u| u.0)),
                articles::created_at.eq(at),
                articles::updated_at.eq(at),
                articles::version.eq(1),
            ))
            .returning(articles::id)
            .get_result(conn)?;
        super::previous_slugs::refuse_taken(conn, slug, None)?;
        Ok(id)
    };
    let id = ArticleId(insert_with_slug(
        conn,
        slug,
        UniqueKey::ArticleSlug,
        slugs_with_prefix,
        insert,
    )?);
    set_authors(conn, id, &input.author_ids)?;
    let tag_ids = tags::ensure_named(conn, &input.tags, now)?;
    set_tags(conn, id, &tag_ids)?;
    set_related(conn, id, &input.related_ids)?;
    let article = super::existing(conn, id)?;
    super::search_index::index(conn, &article)?;
    revisions::record(conn, &article, created_by)?;
    Ok(article)
}

/// Fails with a field error unless the source exists.
pub(super) fn require_source(conn: &mut DbConn, id: SourceId) -> Result<(), StoreError> {
    let found: i64 = sources::table
        .filter(sources::id.eq(id.0))
        .count()
        .get_result(conn)?;
    if found == 0 {
        return Err(DomainError::invalid("sourceId", "names no existing source").into());
    }
    Ok(())
}

/// The article slugs, live or previous, already stored that start with `base`.
fn slugs_with_prefix(conn: &mut DbConn, base: &str) -> Result<Vec<String>, StoreError> {
    let mut taken: Vec<String> = articles::table
        .filter(articles::slug.like(prefix_pattern(base)))
        .select(articles::slug)
        .load(conn)?;
    taken.extend(super::previous_slugs::with_prefix(conn, base)?);
    Ok(taken)
}
