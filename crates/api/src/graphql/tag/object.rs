//! The `Tag` type.

use async_graphql::{Context, ID, Object};
use quire_domain::Tag;
use quire_persistence::store::articles::ArticleFilter;

use crate::graphql::article::{
    ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection,
};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::PageArgs;

/// A tag as GraphQL serves it.
#[derive(Clone)]
pub struct TagNode(pub Tag);

/// A topic label; names are unique regardless of case.
#[Object(name = "Tag")]
impl TagNode {
    /// Stable identity.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Unique URL name.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// Display name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the tag gathers.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// How many articles the viewer may see carry this tag.
    async fn article_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let count = ctx
            .loaders()
            .tag_counts
            .load_one(self.0.id)
            .await?
            .unwrap_or(0);
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }

    /// The articles with this tag that the viewer may see.
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
        let filter = ArticleFilter {
            tag_id: Some(self.0.id),
            ..filter
                .unwrap_or_default()
                .into_filter(ctx.search_language())?
        };
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
