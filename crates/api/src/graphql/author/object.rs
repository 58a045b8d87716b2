//! The `Author` type.

use async_graphql::{Context, ID, Object};
use quire_domain::Author;
use quire_persistence::store::articles::ArticleFilter;

use crate::graphql::article::{
    ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection,
};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::PageArgs;
use crate::graphql::user::UserNode;

/// An author as GraphQL serves it.
#[derive(Clone)]
pub struct AuthorNode(pub Author);

/// A person credited on articles.
#[Object(name = "Author")]
impl AuthorNode {
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

    /// Short biography shown with the byline.
    async fn bio(&self) -> Option<&str> {
        self.0.bio.as_deref()
    }

    /// Portrait address.
    async fn avatar_url(&self) -> Option<&str> {
        self.0.avatar_url.as_deref()
    }

    /// Profile page.
    async fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }

    /// The account this author signs in with, which may edit the drafts carrying this byline.
    /// Editors and admins only: null for everyone else.
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(account) = self.0.user_id else {
            return Ok(None);
        };
        if ctx.request().viewer.may_see_author_accounts().is_err() {
            return Ok(None);
        }
        Ok(ctx.loaders().users.load_one(account).await?.map(UserNode))
    }

    /// The articles crediting this author that the viewer may see.
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
            author_id: Some(self.0.id),
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
