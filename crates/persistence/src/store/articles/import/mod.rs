//! Bringing in an article from a file. Its authors, source, tags and related articles are
//! matched by slug or name before anything new is created, and the article itself is found by
//! slug, else by source URL, else by the slug its title gives, so importing the same file again
//! changes nothing and importing an edited file updates the article in place.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{
    Article, ArticleChanges, ArticleDocument, ArticleId, ArticleStatus, AuthorId, NewArticle,
    RelatedReference, Slug, status::Transition,
};

mod names;

pub use names::KnownNames;

use super::links::{authors_of, related_ids_of, tags_of};
use super::stage::set_stage;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;

/// What importing one document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedArticle {
    /// The article's slug as stored.
    pub slug: String,
    /// Whether it was created, updated or already as the file says.
    pub outcome: ImportOutcome,
    /// When some related slugs named no stored article yet, the whole related list by slug in
    /// the file's order: files later in the same run may create them, so the caller links the
    /// list once every file is in (see [`link_related`]). Empty when nothing waits.
    pub pending_related: Vec<String>,
}

/// What happened to the article a document describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new article.
    Created,
    /// An existing article now matches the file.
    Updated,
    /// The article already matched the file; nothing was written.
    Unchanged,
}

/// Creates or updates the article `document` describes, creating the authors, source and tags
/// it names that do not exist yet. `status` overrides the file's own status; `names` carries
/// what earlier documents of the run matched (see [`KnownNames::settle`]).
pub fn import(
    conn: &mut DbConn,
    document: ArticleDocument,
    status: Option<ArticleStatus>,
    now: DateTime<Utc>,
    names: &mut KnownNames,
) -> Result<ImportedArticle, StoreError> {
    let author_ids = names.authors(conn, &document.authors, now)?;
    let source_id = names.source(conn, document.source.as_ref(), now)?;
    let tag_names = names.tags(conn, &document.tags)?;
    let related = resolve_related(conn, &document.related)?;
    let existing = find_existing(conn, &document)?;
    let body = without_resolved_lines(&document.body, &related.titles_found);
    let input = NewArticle {
        title: document.title.clone(),
        body,
        slug: document.slug.clone(),
        subtitle: document.subtitle.clone(),
        excerpt: document.excerpt.clone(),
        author_ids,
        source_id,
        source_url: document.source_url.clone(),
        canonical_url: document.canonical_url.clone(),
        rights_expire_at: None,
        tags: tag_names,
        related_ids: related.ids(),
    }
    .validated()?;
    let kept = existing.as_ref().and_then(|a| a.published_at);
    let stage = document.stage(status, kept, now)?;
    let (article, outcome) = match existing {
        None => {
            let rendered = document.rendered.filter(|_| input.body == document.body);
            let article = super::create::create_at_stage(conn, input, stage, rendered, None, now)?;
            (article, ImportOutcome::Created)
        }
        Some(current) => update_to_match(conn, current, input, stage, now)?,
    };
    Ok(ImportedArticle {
        slug: article.slug,
        outcome,
        pending_related: related.to_link_later(conn)?,
    })
}

/// Makes an article's related list once the run has brought in the articles it names:
/// `wanted` is the whole list by slug, in the file's order; returns the slugs that still name
/// no article.
pub fn link_related(
    conn: &mut DbConn,
    slug: &str,
    wanted: &[String],
) -> Result<Vec<String>, StoreError> {
    let Some(article) = article_id_by_slug(conn, slug)? else {
        return Err(StoreError::NotFound("article"));
    };
    let mut ids = Vec::with_capacity(wanted.len());
    let mut missing = Vec::new();
    for related in wanted {
        match article_id_by_slug(conn, related)? {
            Some(id) if !ids.contains(&id) && id != article => ids.push(id),
            Some(_) => {}
            None => missing.push(related.clone()),
        }
    }
    super::links::set_related(conn, article, &ids)?;
    Ok(missing)
}

/// Brings a stored article in line with the file, writing only when something differs.
fn update_to_match(
    conn: &mut DbConn,
    current: Article,
    input: NewArticle,
    stage: Transition,
    now: DateTime<Utc>,
) -> Result<(Article, ImportOutcome), StoreError> {
    let changes = differences(conn, &current, input)?;
    let stage_differs =
        current.status != stage.status || current.published_at != stage.published_at;
    if changes.is_empty() && !stage_differs {
        return Ok((current, ImportOutcome::Unchanged));
    }
    let article = super::update(
        conn,
        current.id,
        current.version,
        changes,
        |_| Ok(()),
        None,
        now,
    )?;
    if stage_differs {
        set_stage(conn, article.id, stage, article.created_at)?;
    }
    Ok((article, ImportOutcome::Updated))
}

/// The changes that make `current` say what `wanted` says; empty when it already does.
fn differences(
    conn: &mut DbConn,
    current: &Article,
    wanted: NewArticle,
) -> Result<ArticleChanges, StoreError> {
    let ids = [current.id];
    let authors: Vec<AuthorId> = authors_of(conn, &ids)?
        .remove(&current.id)
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let tags: Vec<String> = tags_of(conn, &ids)?
        .remove(&current.id)
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.name.to_lowercase())
        .collect();
    let related = related_ids_of(conn, current.id)?;
    let body = current.text.as_ref().map_or("", |t| t.body.as_str());
    let wanted_tags: Vec<String> = wanted.tags.iter().map(|t| t.to_lowercase()).collect();
    let excerpt_differs = match &wanted.excerpt {
        Some(given) => !current.excerpt_is_custom || *given != current.excerpt,
        None => current.excerpt_is_custom,
    };
    let differ = |same: bool| !same;
    Ok(ArticleChanges {
        title: differ(wanted.title == current.title).then(|| wanted.title.clone()),
        body: differ(wanted.body == body).then(|| wanted.body.clone()),
        slug: wanted.slug.filter(|s| *s != current.slug),
        subtitle: differ(wanted.subtitle == current.subtitle).then(|| wanted.subtitle.clone()),
        excerpt: excerpt_differs.then(|| wanted.excerpt.clone()),
        author_ids: differ(wanted.author_ids == authors).then(|| wanted.author_ids.clone()),
        source_id: differ(wanted.source_id == current.source_id).then_some(wanted.source_id),
        source_url: differ(wanted.source_url == current.source_url)
            .then(|| wanted.source_url.clone()),
        canonical_url: differ(wanted.canonical_url == current.canonical_url)
            .then(|| wanted.canonical_url.clone()),
        rights_expire_at: None,
        tags: differ(wanted_tags == tags).then(|| wanted.tags.clone()),
        related_ids: differ(wanted.related_ids == related).then(|| wanted.related_ids.clone()),
    })
}

/// The stored article this document describes: by its slug, else by its source URL, else the
/// article with the same title under the slug that title gives.
fn find_existing(
    conn: &mut DbConn,
    document: &ArticleDocument,
) -> Result<Option<Article>, StoreError> {
    let everything = super::Visibility::Everything;
    if let Some(slug) = &document.slug {
        // Most imported articles are new: ask for the id alone, the whole row only if it exists.
        let Some(id) = article_id_by_slug(conn, slug)? else {
            return Ok(None);
        };
        let found = super::by_id(conn, id, everything)?;
        if let Some(article) = &found {
            refuse_other_original(article, document)?;
        }
        return Ok(found);
    }
    if let Some(url) = &document.source_url {
        let id: Option<i64> = articles::table
            .filter(articles::source_url.eq(url))
            .order_by(articles::id)
            .select(articles::id)
            .first(conn)
            .optional()?;
        if let Some(id) = id {
            return super::by_id(conn, ArticleId(id), everything);
        }
    }
    let derived = Slug::from_title(&document.title);
    Ok(super::by_slug(conn, derived.as_str(), everything)?
        .filter(|article| article.title == document.title.trim()))
}

/// A slug names one article: a file that gives a taken slug for a different original is a
/// collision, not an update of someone else's article.
fn refuse_other_original(article: &Article, document: &ArticleDocument) -> Result<(), StoreError> {
    match (&article.source_url, &document.source_url) {
        (Some(stored), Some(given)) if stored != given => Err(StoreError::Conflict {
            field: Some("slug"),
            message: format!(
                "the slug `{}` is taken by another article (from {stored}); give this one another slug",
                article.slug
            ),
        }),
        _ => Ok(()),
    }
}

/// Related articles in the file's order: found now, or slugs still to come; and the titles
/// that matched.
struct ResolvedRelated {
    wanted: Vec<Result<ArticleId, String>>,
    titles_found: Vec<String>,
}

impl ResolvedRelated {
    /// The related articles stored now.
    fn ids(&self) -> Vec<ArticleId> {
        self.wanted
            .iter()
            .filter_map(|w| w.as_ref().ok().copied())
            .collect()
    }

    /// When some slugs name no stored article yet, the whole list by slug in the file's order,
    /// so linking it later keeps that order; empty otherwise.
    fn to_link_later(&self, conn: &mut DbConn) -> Result<Vec<String>, StoreError> {
        if self.wanted.iter().all(Result::is_ok) {
            return Ok(Vec::new());
        }
        let mut slugs = Vec::with_capacity(self.wanted.len());
        for wanted in &self.wanted {
            slugs.push(match wanted {
                Ok(id) => articles::table
                    .filter(articles::id.eq(id.0))
                    .select(articles::slug)
                    .first(conn)?,
                Err(slug) => slug.clone(),
            });
        }
        Ok(slugs)
    }
}

/// Finds the related articles a document names. A title that matches no article stays in the
/// body as its "Also read" line; a slug that matches none may be created later in the run.
fn resolve_related(
    conn: &mut DbConn,
    given: &[RelatedReference],
) -> Result<ResolvedRelated, StoreError> {
    let mut resolved = ResolvedRelated {
        wanted: Vec::new(),
        titles_found: Vec::new(),
    };
    for reference in given {
        let found = match reference {
            RelatedReference::Slug(slug) => {
                article_id_by_slug(conn, slug)?.ok_or_else(|| slug.clone())
            }
            RelatedReference::Title(title) => {
                let id: Option<i64> = articles::table
                    .filter(articles::title.eq(title.trim()))
                    .order_by(articles::id)
                    .select(articles::id)
                    .first(conn)
                    .optional()?;
                let Some(id) = id.map(ArticleId) else {
                    continue;
                };
                resolved.titles_found.push(title.clone());
                Ok(id)
            }
        };
        if !resolved.wanted.contains(&found) {
            resolved.wanted.push(found);
        }
    }
    Ok(resolved)
}

/// An article's id by slug, whatever its status.
fn article_id_by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<ArticleId>, StoreError> {
    Ok(articles::table
        .filter(articles::slug.eq(slug))
        .select(articles::id)
        .first(conn)
        .optional()?
        .map(ArticleId))
}

/// The body without the "Also read" paragraphs whose articles are now linked as related.
fn without_resolved_lines(body: &str, titles: &[String]) -> String {
    if titles.is_empty() {
        return body.to_owned();
    }
    let lines: Vec<String> = titles
        .iter()
        .map(|t| quire_domain::document::also_read_paragraph(t.trim()))
        .collect();
    let kept: Vec<&str> = body
        .split("\n\n")
        .filter(|paragraph| !lines.iter().any(|line| paragraph.trim() == line))
        .collect();
    kept.join("\n\n")
}
