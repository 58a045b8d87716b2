//! Article inputs and their conversion to domain requests.

use async_graphql::{ID, InputObject, MaybeUndefined};
use chrono::{DateTime, Utc};
use quire_domain::{ArticleChanges, ArticleId, AuthorId, NewArticle, SourceId};

use crate::error::ApiError;
use crate::graphql::context::parse_id;

/// A new article; it starts as a DRAFT.
#[derive(InputObject)]
pub struct CreateArticleInput {
    /// Headline, at most 300 characters.
    pub title: String,
    /// Markdown source, at most 400,000 characters.
    pub body: String,
    /// URL name, at most 96 lowercase letters, digits and dashes; derived from the title when
    /// left out.
    pub slug: Option<String>,
    /// Standfirst, at most 300 characters.
    pub subtitle: Option<String>,
    /// Listing summary, at most 2000 characters; derived from the body when left out.
    pub excerpt: Option<String>,
    /// Byline, lead author first; at most 50.
    pub author_ids: Option<Vec<ID>>,
    /// Originating publication.
    pub source_id: Option<ID>,
    /// The original's address, an http(s) address of at most 2048 characters.
    pub source_url: Option<String>,
    /// Where search engines should consider the original to live, when it is not here (a
    /// syndicated article names the publication that first ran it); an http(s) address of at
    /// most 2048 characters.
    pub canonical_url: Option<String>,
    /// When the right to show it ends, as a syndication licence may say: readers stop seeing
    /// it from that instant, with no job to run; editors still do.
    pub rights_expire_at: Option<DateTime<Utc>>,
    /// Tag names, at most 50 of at most 200 characters each; tags that do not exist yet are
    /// created.
    pub tags: Option<Vec<String>>,
    /// "Also read" articles, in display order; at most 50.
    pub related_ids: Option<Vec<ID>>,
}

/// Changes to an article: a field left out is left unchanged; `null` clears an optional field.
#[derive(InputObject)]
pub struct UpdateArticleInput {
    /// New headline, at most 300 characters.
    pub title: Option<String>,
    /// New Markdown source, at most 400,000 characters.
    pub body: Option<String>,
    /// New URL name, at most 96 lowercase letters, digits and dashes.
    pub slug: Option<String>,
    /// New standfirst, at most 300 characters.
    pub subtitle: MaybeUndefined<String>,
    /// New summary, at most 2000 characters; `null` goes back to one derived from the body.
    pub excerpt: MaybeUndefined<String>,
    /// New byline; at most 50.
    pub author_ids: Option<Vec<ID>>,
    /// New source.
    pub source_id: MaybeUndefined<ID>,
    /// New original address, an http(s) address of at most 2048 characters.
    pub source_url: MaybeUndefined<String>,
    /// New canonical address, an http(s) address of at most 2048 characters; `null` clears it.
    pub canonical_url: MaybeUndefined<String>,
    /// New end of the right to show it; `null` removes the end.
    pub rights_expire_at: MaybeUndefined<DateTime<Utc>>,
    /// New tag names, at most 50 of at most 200 characters each.
    pub tags: Option<Vec<String>>,
    /// New "also read" list; at most 50.
    pub related_ids: Option<Vec<ID>>,
}

fn ids<T: std::str::FromStr>(field: &str, ids: Vec<ID>) -> Result<Vec<T>, ApiError> {
    ids.iter().map(|id| parse_id(field, id)).collect()
}

fn patch<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

impl CreateArticleInput {
    /// The validated domain request.
    pub fn into_domain(self) -> Result<NewArticle, ApiError> {
        let article = NewArticle {
            title: self.title,
            body: self.body,
            slug: self.slug,
            subtitle: self.subtitle,
            excerpt: self.excerpt,
            author_ids: ids::<AuthorId>("authorIds", self.author_ids.unwrap_or_default())?,
            source_id: self
                .source_id
                .map(|id| parse_id::<SourceId>("sourceId", &id))
                .transpose()?,
            source_url: self.source_url,
            canonical_url: self.canonical_url,
            rights_expire_at: self.rights_expire_at,
            tags: self.tags.unwrap_or_default(),
            related_ids: ids::<ArticleId>("relatedIds", self.related_ids.unwrap_or_default())?,
        };
        Ok(article.validated()?)
    }
}

impl UpdateArticleInput {
    /// The validated domain request.
    pub fn into_domain(self) -> Result<ArticleChanges, ApiError> {
        let source_id = match patch(self.source_id) {
            Some(Some(id)) => Some(Some(parse_id::<SourceId>("sourceId", &id)?)),
            Some(None) => Some(None),
            None => None,
        };
        let changes = ArticleChanges {
            title: self.title,
            body: self.body,
            slug: self.slug,
            subtitle: patch(self.subtitle),
            excerpt: patch(self.excerpt),
            author_ids: self
                .author_ids
                .map(|v| ids::<AuthorId>("authorIds", v))
                .transpose()?,
            source_id,
            source_url: patch(self.source_url),
            canonical_url: patch(self.canonical_url),
            rights_expire_at: patch(self.rights_expire_at),
            tags: self.tags,
            related_ids: self
                .related_ids
                .map(|v| ids::<ArticleId>("relatedIds", v))
                .transpose()?,
        };
        Ok(changes.validated()?)
    }
}
