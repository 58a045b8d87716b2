//! Sign-in, token refresh and sign-out.

use async_graphql::{Context, Object};

use super::object::AuthPayload;
use crate::graphql::context::ContextExt;

/// Session mutations.
#[derive(Default)]
pub struct SessionMutation;

#[Object]
impl SessionMutation {
    /// Signs in. A wrong password and an unknown email get the same answer.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Sign-in address, at most 254 characters.")] email: String,
        #[graphql(desc = "At most 1024 characters.")] password: String,
    ) -> async_graphql::Result<AuthPayload> {
        Ok(ctx
            .auth()
            .login(&email, &password, ctx.request().now)
            .await?
            .into())
    }

    /// Exchanges a refresh token for a new session. Each refresh token works once: presenting
    /// it again ends every session descended from the same sign-in.
    async fn refresh_token(
        &self,
        ctx: &Context<'_>,
        refresh_token: String,
    ) -> async_graphql::Result<AuthPayload> {
        Ok(ctx
            .auth()
            .refresh(&refresh_token, ctx.request().now)
            .await?
            .into())
    }

    /// Ends the session a refresh token belongs to; false when the token was unknown.
    async fn logout(
        &self,
        ctx: &Context<'_>,
        refresh_token: String,
    ) -> async_graphql::Result<bool> {
        Ok(ctx.auth().logout(&refresh_token, ctx.request().now).await?)
    }
}
