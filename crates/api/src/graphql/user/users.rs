//! The signed-in account and account management.

use async_graphql::{Context, InputObject, Object};
use quire_domain::NewUser;
use quire_domain::audit::{Change, RecordType};
use quire_persistence::store::users;

use super::object::{RoleValue, UserNode};
use crate::auth::password;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, read, write};

/// Account reads.
#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// The signed-in account; null for anonymous readers.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(id) = ctx.request().viewer.user_id() else {
            return Ok(None);
        };
        Ok(read(ctx, move |conn| users::by_id(conn, id))
            .await?
            .map(UserNode))
    }
}

/// A new account.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Sign-in address, at most 254 characters.
    pub email: String,
    /// Display name, at most 200 characters.
    pub name: String,
    /// What the account may do.
    pub role: RoleValue,
    /// At least 10 and at most 1024 characters.
    #[graphql(secret)]
    pub password: String,
}

/// Account management.
#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Creates an account. Admins only.
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        input: CreateUserInput,
    ) -> async_graphql::Result<UserNode> {
        ctx.request()
            .viewer
            .may_manage_users()
            .map_err(ApiError::from)?;
        let user = NewUser {
            email: input.email,
            name: input.name,
            role: input.role.into(),
        }
        .validated(&input.password)
        .map_err(ApiError::from)?;
        let hash = password::hash(input.password, ctx.auth().password_cost()).await?;
        let now = ctx.request().now;
        Ok(UserNode(
            write(
                ctx,
                move |conn| users::create(conn, user, &hash, now),
                |created| Change::unversioned(RecordType::User, created.id.0),
            )
            .await?,
        ))
    }
}
