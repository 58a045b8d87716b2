//! Article writes. Each resolver checks the policy, validates, then runs one transaction.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use quire_domain::audit::Change;
use quire_domain::{ArticleId, Viewer};
use quire_persistence::DbConn;
use quire_persistence::StoreError;
use quire_persistence::store::articles::{self, StatusChange};

use super::input::{CreateArticleInput, UpdateArticleInput};
use super::object::ArticleNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// Article writes.
#[derive(Default)]
pub struct ArticleMutation;

async fn change_status(
    ctx: &Context<'_>,
    id: &ID,
    change: StatusChange,
) -> Result<ArticleNode, ApiError> {
    let request = ctx.request();
    let viewer = request.viewer;
    viewer.may_change_status()?;
    let id: ArticleId = parse_id("id", id)?;
    let now = request.now;
    let article = write(
        ctx,
        move |conn| articles::change_status(conn, id, change, |_| Ok(()), now),
        Change::article_written,
    )
    .await?;
    Ok(ArticleNode::from(article))
}

#[Object]
impl ArticleMutation {
    /// Starts a new article as a DRAFT. Any signed-in user.
    async fn create_article(
        &self,
        ctx: &Context<'_>,
        input: CreateArticleInput,
    ) -> async_graphql::Result<ArticleNode> {
        let request = ctx.request();
        request
            .viewer
            .may_create_article()
            .map_err(ApiError::from)?;
        let article = input.into_domain()?;
        let (author, now) = (request.viewer.user_id(), request.now);
        Ok(ArticleNode::from(
            write(
                ctx,
                move |conn| articles::create(conn, article, author, now),
                Change::article_written,
            )
            .await?,
        ))
    }

    /// Changes an article, provided `expectedVersion` is still its version; otherwise nothing is
    /// written and the error carries `currentVersion`. Editors, or the author of a draft.
    async fn update_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: UpdateArticleInput,
    ) -> async_graphql::Result<ArticleNode> {
        let request = ctx.request();
        let viewer = request.viewer;
        viewer.may_attempt_edits().map_err(ApiError::from)?;
        let id: ArticleId = parse_id("id", &id)?;
        let changes = input.into_domain()?;
        let now = request.now;
        let article = write(
            ctx,
            move |conn| {
                let bylined = bylined(conn, &viewer, id)?;
                articles::update(
                    conn,
                    id,
                    expected_version,
                    changes,
                    |a| viewer.may_edit_article(a, bylined),
                    viewer.user_id(),
                    now,
                )
            },
            Change::article_written,
        )
        .await?;
        Ok(ArticleNode::from(article))
    }

    /// Publishes now, or schedules when `at` lies in the future: readers see the article from
    /// that instant on. Editors and admins.
    async fn publish_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
        at: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<ArticleNode> {
        Ok(change_status(ctx, &id, StatusChange::Publish(at)).await?)
    }

    /// Takes an article back to DRAFT. Editors and admins.
    async fn unpublish_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<ArticleNode> {
        Ok(change_status(ctx, &id, StatusChange::Unpublish).await?)
    }

    /// Withdraws an article from readers. Editors and admins.
    async fn archive_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<ArticleNode> {
        Ok(change_status(ctx, &id, StatusChange::Archive).await?)
    }

    /// Moves an article to the trash: nobody sees it any more, its slug stays taken, and
    /// `restoreArticle` brings it back; only `purgeArticle` removes it for good. Editors, or the
    /// author of a draft.
    async fn delete_article(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        let request = ctx.request();
        let viewer = request.viewer;
        viewer.may_attempt_edits().map_err(ApiError::from)?;
        let article: ArticleId = parse_id("id", &id)?;
        let now = request.now;
        write(
            ctx,
            move |conn| articles::trash(conn, article, |a| viewer.may_delete_article(a), now),
            Change::article_written,
        )
        .await?;
        Ok(id)
    }
}

/// Whether an AUTHOR viewer's linked author is on the byline of article `id`; false for anyone
/// else, who needs no byline to edit.
pub(super) fn bylined(
    conn: &mut DbConn,
    viewer: &Viewer,
    id: ArticleId,
) -> Result<bool, StoreError> {
    match viewer.author_account() {
        Some(user) => articles::carries_byline_of(conn, id, user),
        None => Ok(false),
    }
}
