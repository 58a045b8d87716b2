//! The `Source` type.

use async_graphql::{Context, ID, Object};
use quire_domain::Source;
use quire_persistence::store::articles::ArticleFilter;

use crate::graphql::article::{
    ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection,
};
use crate::graphql::pagination::PageArgs;

/// A source as GraphQL serves it.
#[derive(Clone)]
pub struct SourceNode(pub Source);

/// The publication an article comes from, as in "Source: The Quint, India".
#[Object(name = "Source")]
impl SourceNode {
    /// Stable identity.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Unique URL name.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// Publication name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Publication home page.
    async fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }

    /// Country of publication.
    async fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }

    /// The articles from this source that the viewer may see.
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
            source_id: Some(self.0.id),
            ..ArticleFilter::try_from(filter.unwrap_or_default())?
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
