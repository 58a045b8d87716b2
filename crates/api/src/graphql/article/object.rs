//! The `Article` type.

use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use quire_domain::search::{SearchQuery, article_snippet};
use quire_domain::{Article, ArticleStatus, ArticleText, RelatedLimit};

use super::contents::TableOfContentsEntry;
use super::correction::CorrectionNode;
use super::revision::{RevisionConnection, revisions};
use crate::error::ApiError;
use crate::graphql::author::AuthorNode;
use crate::graphql::context::ContextExt;
use crate::graphql::source::SourceNode;
use crate::graphql::tag::TagNode;

/// Where an article stands in the editorial life cycle.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "ArticleStatus")]
pub enum ArticleStatusValue {
    /// Being written; staff only.
    Draft,
    /// Approved for release at `publishedAt`.
    Scheduled,
    /// Live for readers.
    Published,
    /// Withdrawn from readers, kept for the record.
    Archived,
}

impl From<ArticleStatus> for ArticleStatusValue {
    fn from(status: ArticleStatus) -> Self {
        match status {
            ArticleStatus::Draft => ArticleStatusValue::Draft,
            ArticleStatus::Scheduled => ArticleStatusValue::Scheduled,
            ArticleStatus::Published => ArticleStatusValue::Published,
            ArticleStatus::Archived => ArticleStatusValue::Archived,
        }
    }
}

impl From<ArticleStatusValue> for ArticleStatus {
    fn from(status: ArticleStatusValue) -> Self {
        match status {
            ArticleStatusValue::Draft => ArticleStatus::Draft,
            ArticleStatusValue::Scheduled => ArticleStatus::Scheduled,
            ArticleStatusValue::Published => ArticleStatus::Published,
            ArticleStatusValue::Archived => ArticleStatus::Archived,
        }
    }
}

/// An article as GraphQL serves it; shared, since lists hand the same node to edges and nodes.
/// An article found by a search carries the search, for its snippet.
#[derive(Clone)]
pub struct ArticleNode(pub Arc<Article>, pub Option<Arc<SearchQuery>>);

impl From<Article> for ArticleNode {
    fn from(article: Article) -> Self {
        ArticleNode(Arc::new(article), None)
    }
}

impl ArticleNode {
    /// The body, read with the article or, for articles from lists, loaded for all at once.
    async fn text(&self, ctx: &Context<'_>) -> async_graphql::Result<ArticleText> {
        if let Some(text) = &self.0.text {
            return Ok(text.clone());
        }
        let text = ctx.loaders().texts.load_one(self.0.id).await?;
        Ok(text.unwrap_or(ArticleText {
            body: String::new(),
            body_html: String::new(),
        }))
    }
}

/// A piece of editorial content.
#[Object(name = "Article")]
impl ArticleNode {
    /// Stable identity.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Unique URL name.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// The slugs the article had before it was renamed, oldest first. Each still finds it
    /// (`article(slug:)`, and a redirect from the REST path), and no other article may take one.
    async fn previous_slugs(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        let slugs = ctx.loaders().previous_slugs.load_one(self.0.id).await?;
        Ok(slugs.unwrap_or_default())
    }

    /// Headline.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Standfirst shown under the headline.
    async fn subtitle(&self) -> Option<&str> {
        self.0.subtitle.as_deref()
    }

    /// Summary for listings: written by an editor or derived from the body.
    async fn excerpt(&self) -> &str {
        &self.0.excerpt
    }

    /// In a list with `filter.search`: about thirty words of the article around its best match,
    /// as HTML to show under the title in search results: the matched words in `<mark>`,
    /// everything else escaped, `…` where the text goes on. Null outside a search.
    async fn search_snippet(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let Some(search) = &self.1 else {
            return Ok(None);
        };
        let text = self.text(ctx).await?;
        Ok(Some(article_snippet(
            &self.0.title,
            &self.0.excerpt,
            &text.body,
            search,
            ctx.search_language(),
        )))
    }

    /// Markdown source.
    async fn body(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.text(ctx).await?.body)
    }

    /// The body as sanitised HTML, safe to insert into a page.
    async fn body_html(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.text(ctx).await?.body_html)
    }

    /// The body's headings in order, each with the anchor `bodyHtml` gives it: a table of
    /// contents for long reads. Articles stored before anchors existed get them in `bodyHtml`
    /// at their next edit.
    async fn table_of_contents(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<TableOfContentsEntry>> {
        let body = self.text(ctx).await?.body;
        Ok(quire_domain::markdown::table_of_contents(&body)
            .into_iter()
            .map(TableOfContentsEntry::from)
            .collect())
    }

    /// Life-cycle stage as of this request: a scheduled article whose time has come is PUBLISHED.
    async fn status(&self, ctx: &Context<'_>) -> ArticleStatusValue {
        self.0.effective_status(ctx.request().now).into()
    }

    /// When the article went live, or is scheduled to.
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }

    /// Creation instant.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Last change instant.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// Starts at 1 and grows on every change; send it back as `expectedVersion` when updating.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Words a reader sees in the body.
    async fn word_count(&self) -> i32 {
        i32::try_from(self.0.word_count).unwrap_or(i32::MAX)
    }

    /// Minutes a reader needs, rounded up.
    async fn reading_time_minutes(&self) -> i32 {
        i32::try_from(self.0.reading_time_minutes()).unwrap_or(i32::MAX)
    }

    /// Byline, lead author first.
    async fn authors(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AuthorNode>> {
        let authors = ctx.loaders().authors.load_one(self.0.id).await?;
        Ok(authors
            .unwrap_or_default()
            .into_iter()
            .map(AuthorNode)
            .collect())
    }

    /// The publication the article first appeared in.
    async fn source(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<SourceNode>> {
        let Some(id) = self.0.source_id else {
            return Ok(None);
        };
        Ok(ctx.loaders().sources.load_one(id).await?.map(SourceNode))
    }

    /// The original's address, for attribution.
    async fn source_url(&self) -> Option<&str> {
        self.0.source_url.as_deref()
    }

    /// Where search engines should consider the original to live, when it is not here; pages
    /// put it in `<link rel="canonical">`. The address an editor gave, or else `sourceUrl`, so
    /// a syndicated article credits its publisher by default; null for Quire's own articles.
    async fn canonical_url(&self) -> Option<&str> {
        self.0.effective_canonical_url()
    }

    /// When the right to show it ends, as a syndication licence may say; readers no longer
    /// see the article from that instant. Null: no end.
    async fn rights_expire_at(&self) -> Option<DateTime<Utc>> {
        self.0.rights_expire_at
    }

    /// When the article was deleted into the trash; null for every article in use, since only
    /// `trashedArticles` shows the others.
    async fn trashed_at(&self) -> Option<DateTime<Utc>> {
        self.0.trashed_at
    }

    /// Topic labels, in display order.
    async fn tags(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TagNode>> {
        let tags = ctx.loaders().tags.load_one(self.0.id).await?;
        Ok(tags.unwrap_or_default().into_iter().map(TagNode).collect())
    }

    /// Public corrections, oldest first, each dated: readers see them wherever they see the
    /// article. Added with `addCorrection`, never rewritten.
    async fn corrections(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<CorrectionNode>> {
        let corrections = ctx.loaders().corrections.load_one(self.0.id).await?;
        Ok(corrections
            .unwrap_or_default()
            .into_iter()
            .map(CorrectionNode)
            .collect())
    }

    /// What to read next, best first: the editors' own "also read" list in its order (as far
    /// as the viewer may open it), then the published articles most like this one (sharing
    /// the most tags, then from the same source, then the freshest), never this article and
    /// never one a reader could not open. `limit` is how many, from 0 to 20.
    #[graphql(complexity = "crate::graphql::limits::cost::related(limit, child_complexity)")]
    async fn related(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default_with = "Some(i32::from(RelatedLimit::DEFAULT_SIZE))",
            desc = "How many articles, from 0 to 20; null means the default, 5."
        )]
        limit: Option<i32>,
    ) -> async_graphql::Result<Vec<ArticleNode>> {
        let limit = match limit {
            Some(n) => RelatedLimit::parse("limit", i64::from(n)).map_err(ApiError::from)?,
            None => RelatedLimit::DEFAULT,
        };
        if limit.get() == 0 {
            return Ok(Vec::new());
        }
        let related = ctx.loaders().related.load_one((self.0.id, limit)).await?;
        Ok(related
            .unwrap_or_default()
            .into_iter()
            .map(ArticleNode::from)
            .collect())
    }

    /// The editors' own "also read" list, whole and in its order, with only what the viewer
    /// may open and nothing filled in: what `relatedIds` sets, for editing it.
    #[graphql(complexity = "crate::graphql::limits::cost::curated_related(child_complexity)")]
    async fn curated_related(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ArticleNode>> {
        let related = ctx.loaders().curated_related.load_one(self.0.id).await?;
        Ok(related
            .unwrap_or_default()
            .into_iter()
            .map(ArticleNode::from)
            .collect())
    }

    /// Earlier versions of the text, newest first. Editors and admins only.
    #[graphql(complexity = "crate::graphql::limits::cost::page(first, last, child_complexity)")]
    async fn revisions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<RevisionConnection> {
        Ok(revisions(
            ctx,
            self.0.id,
            crate::graphql::pagination::PageArgs {
                first,
                after,
                last,
                before,
            },
        )
        .await?)
    }
}
