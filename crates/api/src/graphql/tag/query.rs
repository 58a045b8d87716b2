//! Tag queries.

use async_graphql::{Context, ID, Object};
use quire_domain::TagId;
use quire_persistence::store::tags;

use super::object::TagNode;
use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{parse_id, read};
use crate::graphql::pagination::PageArgs;

connection!(TagConnection, TagEdge, TagNode);

/// Tag reads.
#[derive(Default)]
pub struct TagQuery;

#[Object]
impl TagQuery {
    /// One tag by id or slug; null when absent.
    async fn tag(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        slug: Option<String>,
    ) -> async_graphql::Result<Option<TagNode>> {
        let found = match (id, slug) {
            (Some(id), _) => {
                let id: TagId = parse_id("id", &id)?;
                read(ctx, move |conn| tags::by_id(conn, id)).await?
            }
            (None, Some(slug)) => read(ctx, move |conn| tags::by_slug(conn, &slug)).await?,
            (None, None) => return Err(ApiError::bad_input("id", "pass an id or a slug").into()),
        };
        Ok(found.map(TagNode))
    }

    /// Tags, alphabetical by name.
    async fn tags(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<TagConnection> {
        let request = PageArgs {
            first,
            after,
            last,
            before,
        }
        .request(tags::ORDERING)?;
        let page = read(ctx, move |conn| tags::list(conn, &request)).await?;
        Ok(TagConnection::new(page.map(TagNode), Counter::Tags))
    }
}
