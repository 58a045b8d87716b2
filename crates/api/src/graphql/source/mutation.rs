//! Source writes, for editors and admins.

use async_graphql::{Context, ID, InputObject, Object};
use quire_domain::{SourceFields, SourceId};
use quire_persistence::store::sources;

use super::object::SourceNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// A source's editable fields. On update, every field is replaced, except that a left-out slug
/// keeps the current one.
#[derive(InputObject)]
pub struct SourceInput {
    /// Publication name, such as "The Quint".
    pub name: String,
    /// URL name; derived from the name when left out.
    pub slug: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// Country, such as "India".
    pub country: Option<String>,
}

impl SourceInput {
    fn into_domain(self) -> Result<SourceFields, ApiError> {
        let fields = SourceFields {
            name: self.name,
            slug: self.slug,
            url: self.url,
            country: self.country,
        };
        Ok(fields.validated()?)
    }
}

/// Source writes.
#[derive(Default)]
pub struct SourceMutation;

#[Object]
impl SourceMutation {
    /// Adds a source.
    async fn create_source(
        &self,
        ctx: &Context<'_>,
        input: SourceInput,
    ) -> async_graphql::Result<SourceNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(SourceNode(
            write(ctx, move |conn| sources::create(conn, fields, now)).await?,
        ))
    }

    /// Changes a source.
    async fn update_source(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: SourceInput,
    ) -> async_graphql::Result<SourceNode> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let id: SourceId = parse_id("id", &id)?;
        let fields = input.into_domain()?;
        let now = ctx.request().now;
        Ok(SourceNode(
            write(ctx, move |conn| sources::update(conn, id, fields, now)).await?,
        ))
    }

    /// Deletes a source no article cites; CONFLICT otherwise.
    async fn delete_source(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        ctx.request()
            .viewer
            .may_manage_taxonomy()
            .map_err(ApiError::from)?;
        let source: SourceId = parse_id("id", &id)?;
        write(ctx, move |conn| sources::delete(conn, source)).await?;
        Ok(id)
    }
}
