//! The trash in GraphQL: what editors deleted, brought back or removed for good.

use async_graphql::{Context, ID, Object};
use quire_domain::ArticleId;
use quire_domain::audit::Change;
use quire_persistence::store::articles::{self, ArticleFilter};

use super::list::{ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection};
use super::object::ArticleNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};
use crate::graphql::pagination::PageArgs;

/// Reading the trash.
#[derive(Default)]
pub struct TrashQuery;

#[Object]
impl TrashQuery {
    /// Deleted articles, which nobody else sees, most recently deleted first unless `orderBy`
    /// says otherwise; `filter` narrows them as it does `articles`. Editors and admins.
    #[expect(
        clippy::too_many_arguments,
        reason = "the Relay arguments are the public contract"
    )]
    #[graphql(complexity = "crate::graphql::limits::cost::page(first, last, child_complexity)")]
    async fn trashed_articles(
        &self,
        ctx: &Context<'_>,
        filter: Option<ArticleFilterInput>,
        #[graphql(default_with = "Some(ArticleOrderInput::UpdatedAtDesc)")] order_by: Option<
            ArticleOrderInput,
        >,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<ArticleConnection> {
        ctx.request()
            .viewer
            .may_manage_trash()
            .map_err(ApiError::from)?;
        let filter = ArticleFilter {
            trashed: true,
            ..filter
                .unwrap_or_default()
                .into_filter(ctx.search_language())?
        };
        Ok(article_connection(
            ctx,
            filter,
            order_by.unwrap_or(ArticleOrderInput::UpdatedAtDesc),
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

/// Taking articles out of the trash, one way or the other.
#[derive(Default)]
pub struct TrashMutation;

#[Object]
impl TrashMutation {
    /// Brings a deleted article back, at its slug and in the stage it was deleted in, as a new
    /// version. `NOT_FOUND` when no article in the trash has this id. Editors and admins.
    async fn restore_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<ArticleNode> {
        let request = ctx.request();
        request.viewer.may_manage_trash().map_err(ApiError::from)?;
        let id: ArticleId = parse_id("id", &id)?;
        let now = request.now;
        let article = write(
            ctx,
            move |conn| articles::restore_from_trash(conn, id, now),
            Change::article_written,
        )
        .await?;
        Ok(ArticleNode::from(article))
    }

    /// Deletes an article in the trash for good, with its revisions, corrections and old slugs;
    /// this cannot be undone. An article in use must be deleted first (`NOT_FOUND` otherwise).
    /// Admins only.
    async fn purge_article(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        ctx.request()
            .viewer
            .may_purge_articles()
            .map_err(ApiError::from)?;
        let article: ArticleId = parse_id("id", &id)?;
        write(
            ctx,
            move |conn| articles::purge(conn, article),
            Change::article_removed,
        )
        .await?;
        Ok(id)
    }
}
