//! Author writes, for editors and admins.

use async_graphql::{Context, ID, InputObject, Object};
use quire_domain::{AuthorFields, AuthorId, UserId};
use quire_persistence::store::authors;

use super::object::AuthorNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// An author's editable fields. On update, every field is replaced, except that a left-out
/// slug keeps the current one.
#[derive(InputObject)]
pub struct AuthorInput {
    /// Display name.
    pub name: String,
    /// URL name; derived from the name when left out.
    pub slug: Option<String>,
    /// Biography.
    pub bio: Option<String>,
    /// Portrait address.
    pub avatar_url: Option<String>,
    /// Profile page.
    pub url: Option<String>,
    /// The user account this author signs in with.
    pub user_id: Option<ID>,
}

impl AuthorInput {
    fn into_domain(self) -> Result<AuthorFields, ApiError> {
        let fields = AuthorFields {
            name: self.name,
            slug: self.slug,
            bio: self.bio,
            avatar_url: self.avatar_url,
            url: self.url,
            user_id: self
                .user_id
                .map(|id| parse_id::<UserId>("userId", &id))
                .transpose()?,
        };
        Ok(fields.validated()?)
    }
}

/// Author writes.
#[derive(Default)]
pub struct AuthorMutation;

#[Object]
impl AuthorMutation {
    /// Adds an author.
    async fn create_author(
        &self,
        ctx: &Context<'_>,
        input: AuthorInput,
    ) -> async_graphql::Result<AuthorNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(AuthorNode(
            write(ctx, move |conn| authors::create(conn, fields, now)).await?,
        ))
    }

    /// Changes an author.
    async fn update_author(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AuthorInput,
    ) -> async_graphql::Result<AuthorNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let id: AuthorId = parse_id("id", &id)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(AuthorNode(
            write(ctx, move |conn| authors::update(conn, id, fields, now)).await?,
        ))
    }

    /// Deletes an author no article credits; CONFLICT otherwise.
    async fn delete_author(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let author: AuthorId = parse_id("id", &id)?;
        write(ctx, move |conn| authors::delete(conn, author)).await?;
        Ok(id)
    }
}
