//! The `Source` type.

use async_graphql::{Context, ID, Object};
use quire_domain::Source;
use quire_persistence::store::articles::ArticleFilter;

use crate::graphql::article::{
    ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection,
};
use crate::graphql::context::ContextExt;
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

    /// The licence its articles are reused under.
    async fn license(&self) -> Option<&str> {
        self.0.license.as_deref()
    }

    /// The credit that licence requires, when it names one.
    async fn attribution_text(&self) -> Option<&str> {
        self.0.attribution_text.as_deref()
    }

    /// The credit line to show with its articles: `attributionText` when the licence names one,
    /// else "Source: Name, Country".
    async fn credit(&self) -> String {
        quire_domain::attribution::source_credit(&self.0)
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
