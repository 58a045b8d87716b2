//! Author queries.

use async_graphql::{Context, ID, Object};
use quire_domain::AuthorId;
use quire_persistence::store::authors;

use super::object::AuthorNode;
use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{parse_id, read};
use crate::graphql::pagination::PageArgs;

connection!(AuthorConnection, AuthorEdge, AuthorNode);

/// Author reads.
#[derive(Default)]
pub struct AuthorQuery;

#[Object]
impl AuthorQuery {
    /// One author by id or slug; null when absent.
    async fn author(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        slug: Option<String>,
    ) -> async_graphql::Result<Option<AuthorNode>> {
        let found = match (id, slug) {
            (Some(id), _) => {
                let id: AuthorId = parse_id("id", &id)?;
                read(ctx, move |conn| authors::by_id(conn, id)).await?
            }
            (None, Some(slug)) => read(ctx, move |conn| authors::by_slug(conn, &slug)).await?,
            (None, None) => return Err(ApiError::bad_input("id", "pass an id or a slug").into()),
        };
        Ok(found.map(AuthorNode))
    }

    /// Authors, alphabetical by name.
    async fn authors(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<AuthorConnection> {
        let request = PageArgs {
            first,
            after,
            last,
            before,
        }
        .request(authors::ORDERING)?;
        let page = read(ctx, move |conn| authors::list(conn, &request)).await?;
        Ok(AuthorConnection::new(
            page.map(AuthorNode),
            Counter::Authors,
        ))
    }
}
