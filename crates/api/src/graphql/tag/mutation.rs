//! Tag writes, for editors and admins.

use async_graphql::{Context, ID, InputObject, Object};
use quire_domain::{TagFields, TagId};
use quire_persistence::store::tags;

use super::object::TagNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// A tag's editable fields. On update, every field is replaced, except that a left-out slug
/// keeps the current one.
#[derive(InputObject)]
pub struct TagInput {
    /// Display name, unique regardless of case.
    pub name: String,
    /// URL name; derived from the name when left out.
    pub slug: Option<String>,
    /// What the tag gathers.
    pub description: Option<String>,
}

impl TagInput {
    fn into_domain(self) -> Result<TagFields, ApiError> {
        let fields = TagFields {
            name: self.name,
            slug: self.slug,
            description: self.description,
        };
        Ok(fields.validated()?)
    }
}

/// Tag writes.
#[derive(Default)]
pub struct TagMutation;

#[Object]
impl TagMutation {
    /// Adds a tag.
    async fn create_tag(
        &self,
        ctx: &Context<'_>,
        input: TagInput,
    ) -> async_graphql::Result<TagNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(TagNode(
            write(ctx, move |conn| tags::create(conn, fields, now)).await?,
        ))
    }

    /// Changes a tag.
    async fn update_tag(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: TagInput,
    ) -> async_graphql::Result<TagNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let id: TagId = parse_id("id", &id)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(TagNode(
            write(ctx, move |conn| tags::update(conn, id, fields, now)).await?,
        ))
    }

    /// Deletes a tag no article carries; CONFLICT otherwise.
    async fn delete_tag(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let tag: TagId = parse_id("id", &id)?;
        write(ctx, move |conn| tags::delete(conn, tag)).await?;
        Ok(id)
    }
}
