//! Listing API tokens, for admins deciding which to keep.

use async_graphql::{Context, Object};
use quire_persistence::store::api_tokens;

use super::object::ApiTokenNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, read};

/// API token reads.
#[derive(Default)]
pub struct ApiTokenQuery;

#[Object]
impl ApiTokenQuery {
    /// Every API token, newest first, revoked and expired ones included. Admins only. Secrets
    /// are never shown: Quire does not keep them.
    async fn api_tokens(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ApiTokenNode>> {
        ctx.request()
            .viewer
            .may_manage_api_tokens()
            .map_err(ApiError::from)?;
        let tokens = read(ctx, api_tokens::list).await?;
        Ok(tokens.into_iter().map(ApiTokenNode).collect())
    }
}
