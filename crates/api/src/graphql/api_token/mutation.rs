//! Creating and revoking API tokens, for admins.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use quire_domain::audit::{Change, RecordType};
use quire_domain::{ApiTokenId, NewApiToken};
use quire_persistence::store::api_tokens;

use super::object::{ApiTokenNode, ApiTokenPayload, ApiTokenScopeValue};
use crate::auth::api_token;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// API token writes.
#[derive(Default)]
pub struct ApiTokenMutation;

#[Object]
impl ApiTokenMutation {
    /// Creates a read-only API token and returns its secret, shown this once. Admins only.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What the token is for, at most 200 characters.")] name: String,
        #[graphql(desc = "What it may read.")] scope: ApiTokenScopeValue,
        #[graphql(
            desc = "When it stops working, in the future; left out, it works until revoked."
        )]
        expires_at: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<ApiTokenPayload> {
        let request = ctx.request();
        request
            .viewer
            .may_manage_api_tokens()
            .map_err(ApiError::from)?;
        let creator = request
            .viewer
            .user_id()
            .ok_or_else(|| ApiError::Unauthenticated("sign in as an admin first".into()))?;
        let now = request.now;
        let new = NewApiToken {
            name,
            scope: scope.into(),
            expires_at,
        }
        .validated(now)
        .map_err(ApiError::from)?;
        let secret = api_token::generate();
        let hash = api_token::hash(&secret);
        let token = write(
            ctx,
            move |conn| api_tokens::create(conn, new, &hash, creator, now),
            |token| Change::unversioned(RecordType::ApiToken, token.id.0),
        )
        .await?;
        Ok(ApiTokenPayload {
            token: ApiTokenNode(token),
            secret,
        })
    }

    /// Revokes an API token: the next request carrying it is refused. True when this call
    /// revoked it, false when it already was; `NOT_FOUND` for an id no token has. Admins only.
    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        ctx.request()
            .viewer
            .may_manage_api_tokens()
            .map_err(ApiError::from)?;
        let id: ApiTokenId = parse_id("id", &id)?;
        let now = ctx.request().now;
        Ok(write(
            ctx,
            move |conn| api_tokens::revoke(conn, id, now),
            move |_| Change::unversioned(RecordType::ApiToken, id.0),
        )
        .await?)
    }
}
