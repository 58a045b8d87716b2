//! The `Revision` type and an article's revision history.

use async_graphql::{Context, Object};
use chrono::{DateTime, Utc};
use quire_domain::{ArticleId, Revision};
use quire_persistence::store::revisions as store;

use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{ContextExt, read};
use crate::graphql::pagination::PageArgs;

/// One revision as GraphQL serves it.
#[derive(Clone)]
pub struct RevisionNode(pub Revision);

/// An article's text as it stood at one version.
#[Object(name = "Revision")]
impl RevisionNode {
    /// The article version this snapshot records; pass it to `restoreRevision`.
    async fn revision(&self) -> i32 {
        self.0.version
    }

    /// Headline then.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Standfirst then.
    async fn subtitle(&self) -> Option<&str> {
        self.0.subtitle.as_deref()
    }

    /// Excerpt then.
    async fn excerpt(&self) -> &str {
        &self.0.excerpt
    }

    /// Body then.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// When the change was made.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

connection!(RevisionConnection, RevisionEdge, RevisionNode);

/// A page of an article's revisions, for editors.
pub(super) async fn revisions(
    ctx: &Context<'_>,
    article: ArticleId,
    args: PageArgs,
) -> Result<RevisionConnection, ApiError> {
    ctx.request().viewer.may_read_revisions()?;
    let request = args.request(store::ORDERING)?;
    let page = read(ctx, move |conn| store::list(conn, article, &request)).await?;
    Ok(RevisionConnection::new(
        page.map(RevisionNode),
        Counter::Revisions(article),
    ))
}
