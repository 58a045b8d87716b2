//! Article queries.

use async_graphql::{Context, ID, Object};
use quire_domain::ArticleId;
use quire_domain::validation::ArgumentCheck;
use quire_persistence::store::articles;

use super::list::{ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection};
use super::object::ArticleNode;
use super::prefetch::{Prefetched, Wanted};
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, read};
use crate::graphql::pagination::PageArgs;

/// Article reads.
#[derive(Default)]
pub struct ArticleQuery;

#[Object]
impl ArticleQuery {
    /// One article by id or slug; null when absent or not visible to the viewer. A slug the
    /// article had before a rename finds it too, under its current `slug`.
    async fn article(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        #[graphql(desc = "URL name, at most 96 characters.")] slug: Option<String>,
    ) -> async_graphql::Result<Option<ArticleNode>> {
        if let Some(slug) = &slug {
            ArgumentCheck::default()
                .text("slug", slug, quire_domain::slug::MAX_LEN)
                .finish()
                .map_err(ApiError::from)?;
        }
        let visibility = ctx.visibility();
        let now = ctx.request().now;
        let wanted = Wanted::of(ctx.look_ahead());
        let id: Option<ArticleId> = id.map(|id| parse_id("id", &id)).transpose()?;
        if id.is_none() && slug.is_none() {
            return Err(ApiError::bad_input("id", "pass an id or a slug").into());
        }
        let (found, prefetched) = read(ctx, move |conn| {
            let found = match (id, slug) {
                (Some(id), _) => articles::by_id(conn, id, visibility)?,
                (None, Some(slug)) => match articles::by_slug(conn, &slug, visibility)? {
                    Some(live) => Some(live),
                    None => articles::by_previous_slug(conn, &slug, visibility)?,
                },
                (None, None) => None,
            };
            let prefetched = Prefetched::read(conn, found.iter(), wanted, visibility, now)?;
            Ok((found, prefetched))
        })
        .await?;
        prefetched.prime(ctx).await;
        Ok(found.map(ArticleNode::from))
    }

    /// A page of the articles the viewer may see.
    #[expect(
        clippy::too_many_arguments,
        reason = "the Relay arguments are the public contract"
    )]
    #[graphql(complexity = "crate::graphql::limits::cost::page(first, last, child_complexity)")]
    async fn articles(
        &self,
        ctx: &Context<'_>,
        filter: Option<ArticleFilterInput>,
        #[graphql(default_with = "Some(ArticleOrderInput::PublishedAtDesc)")] order_by: Option<
            ArticleOrderInput,
        >,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<ArticleConnection> {
        let filter = filter
            .unwrap_or_default()
            .into_filter(ctx.search_language())?;
        Ok(article_connection(
            ctx,
            filter,
            order_by.unwrap_or_default(),
            PageArgs {
                first,
                after,
                last,
                before,
            },
        )
        .await?)
    }
}
