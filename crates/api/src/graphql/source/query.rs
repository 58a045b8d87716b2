//! Source queries.

use async_graphql::{Context, ID, Object};
use quire_domain::SourceId;
use quire_persistence::store::sources;

use super::object::SourceNode;
use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{parse_id, read};
use crate::graphql::pagination::PageArgs;

connection!(SourceConnection, SourceEdge, SourceNode);

/// Source reads.
#[derive(Default)]
pub struct SourceQuery;

#[Object]
impl SourceQuery {
    /// One source by id or slug; null when absent.
    async fn source(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        slug: Option<String>,
    ) -> async_graphql::Result<Option<SourceNode>> {
        let found = match (id, slug) {
            (Some(id), _) => {
                let id: SourceId = parse_id("id", &id)?;
                read(ctx, move |conn| sources::by_id(conn, id)).await?
            }
            (None, Some(slug)) => read(ctx, move |conn| sources::by_slug(conn, &slug)).await?,
            (None, None) => return Err(ApiError::bad_input("id", "pass an id or a slug").into()),
        };
        Ok(found.map(SourceNode))
    }

    /// Sources, alphabetical by name.
    async fn sources(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<SourceConnection> {
        let request = PageArgs {
            first,
            after,
            last,
            before,
        }
        .request(sources::ORDERING)?;
        let page = read(ctx, move |conn| sources::list(conn, &request)).await?;
        Ok(SourceConnection::new(
            page.map(SourceNode),
            Counter::Sources,
        ))
    }
}
