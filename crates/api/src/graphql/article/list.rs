//! Article lists: the filter and ordering inputs and the connection every list returns.

use std::sync::Arc;

use async_graphql::{Context, Enum, InputObject};
use chrono::{DateTime, Utc};
use quire_domain::search::{SearchLanguage, SearchQuery};
use quire_domain::slug;
use quire_domain::validation::{ArgumentCheck, MAX_SEARCH};
use quire_persistence::store::articles::{self, ArticleFilter, ArticleOrder};

use super::object::{ArticleNode, ArticleStatusValue};
use super::prefetch::{Prefetched, Wanted};
use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{ContextExt, read};
use crate::graphql::pagination::PageArgs;

connection!(ArticleConnection, ArticleEdge, ArticleNode);

/// Which articles a list holds; every condition given must hold.
#[derive(InputObject, Default, Debug)]
#[graphql(name = "ArticleFilter")]
pub struct ArticleFilterInput {
    /// Keep these statuses (anonymous readers only ever see PUBLISHED; authors see their own
    /// drafts besides).
    pub status: Option<Vec<ArticleStatusValue>>,
    /// Tag slugs: articles having any of them. At most 50 slugs of at most 96 characters.
    pub tags: Option<Vec<String>>,
    /// Author slug, at most 96 characters.
    pub author: Option<String>,
    /// Source slug, at most 96 characters.
    pub source: Option<String>,
    /// Published at or after this instant.
    pub published_after: Option<DateTime<Utc>>,
    /// Published before this instant.
    pub published_before: Option<DateTime<Utc>>,
    /// Articles whose `rightsExpireAt` lies before this instant, ended ones included: what
    /// expires within the next N days, for editors (readers never see expired articles).
    pub rights_expire_before: Option<DateTime<Utc>>,
    /// Words that must all appear in the title, excerpt or body, in any form of the word
    /// (`docker` finds `dockers`, `greves` finds `grèves`); `"quoted words"` must appear
    /// together in that order, and `crane*` finds the words that begin with `crane`. At most
    /// 500 characters.
    pub search: Option<String>,
}

impl ArticleFilterInput {
    /// The filter, once its texts pass the rules every text input follows, its search read in
    /// `language`.
    pub fn into_filter(self, language: SearchLanguage) -> Result<ArticleFilter, ApiError> {
        let mut check = ArgumentCheck::default();
        if let Some(tags) = &self.tags {
            check = check.texts("filter.tags", tags, slug::MAX_LEN);
        }
        for (field, value) in [
            ("filter.author", &self.author),
            ("filter.source", &self.source),
        ] {
            if let Some(value) = value {
                check = check.text(field, value, slug::MAX_LEN);
            }
        }
        if let Some(search) = &self.search {
            check = check.text("filter.search", search, MAX_SEARCH);
        }
        check.finish()?;
        Ok(ArticleFilter {
            statuses: self.status.map(|s| s.into_iter().map(Into::into).collect()),
            tags: self.tags,
            author: self.author,
            source: self.source,
            published_after: self.published_after,
            published_before: self.published_before,
            rights_expire_before: self.rights_expire_before,
            search: self
                .search
                .filter(|s| !s.trim().is_empty())
                .map(|s| SearchQuery::parse(&s, language)),
            ..ArticleFilter::default()
        })
    }
}

/// How an article list is ordered.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Default)]
#[graphql(name = "ArticleOrder")]
pub enum ArticleOrderInput {
    /// Newest first; unpublished articles by creation time.
    #[default]
    PublishedAtDesc,
    /// Oldest first.
    PublishedAtAsc,
    /// Most recently changed first.
    UpdatedAtDesc,
    /// Alphabetical by title.
    TitleAsc,
    /// Best match for `filter.search` first; newest first without a search.
    Relevance,
}

impl From<ArticleOrderInput> for ArticleOrder {
    fn from(order: ArticleOrderInput) -> Self {
        match order {
            ArticleOrderInput::PublishedAtDesc => ArticleOrder::PublishedAtDesc,
            ArticleOrderInput::Relevance => ArticleOrder::Relevance,
            ArticleOrderInput::PublishedAtAsc => ArticleOrder::PublishedAtAsc,
            ArticleOrderInput::UpdatedAtDesc => ArticleOrder::UpdatedAtDesc,
            ArticleOrderInput::TitleAsc => ArticleOrder::TitleAsc,
        }
    }
}

/// A page of the articles the viewer may see, shared by `Query.articles` and the `articles`
/// fields of authors, sources and tags.
pub async fn article_connection(
    ctx: &Context<'_>,
    filter: ArticleFilter,
    order: ArticleOrderInput,
    args: PageArgs,
) -> Result<ArticleConnection, ApiError> {
    let order = ArticleOrder::from(order).for_filter(&filter);
    let request = args.request(order.name())?;
    let visibility = ctx.visibility();
    let now = ctx.request().now;
    let counted = filter.clone();
    let search = filter.search.clone().map(Arc::new);
    let wanted = Wanted::of_connection(ctx.look_ahead());
    let (page, prefetched) = read(ctx, move |conn| {
        let page = articles::list(conn, &filter, order, &request, visibility, now)?;
        let prefetched = Prefetched::read(
            conn,
            page.items.iter().map(|(_, a)| a),
            wanted,
            visibility,
            now,
        )?;
        Ok((page, prefetched))
    })
    .await?;
    prefetched.prime(ctx).await;
    let counter = Counter::Articles {
        filter: Box::new(counted),
        visibility,
        now,
    };
    let nodes = page.map(|article| ArticleNode(Arc::new(article), search.clone()));
    Ok(ArticleConnection::new(nodes, counter))
}
