//! The reads authors, sources and tags share: one by id or slug, and an alphabetical page.

/// Declares `$query` with a `$one(id, slug)` field and a `$many(first, after, last, before)`
/// connection field over the store module `$store`, whose rows become `$node`s.
macro_rules! named_query {
    (
        $query:ident, $connection:ident, $edge:ident, $node:ident, $id:ty, $store:path, $counter:expr,
        $one:ident = $one_doc:literal, $many:ident = $many_doc:literal
    ) => {
        $crate::graphql::connection::connection!($connection, $edge, $node);

        /// One by id or slug, and alphabetical pages.
        #[derive(Default)]
        pub struct $query;

        #[async_graphql::Object]
        impl $query {
            #[doc = $one_doc]
            async fn $one(
                &self,
                ctx: &async_graphql::Context<'_>,
                id: Option<async_graphql::ID>,
                #[graphql(desc = "URL name, at most 96 characters.")] slug: Option<String>,
            ) -> async_graphql::Result<Option<$node>> {
                use $crate::graphql::context::{parse_id, read};
                use $store as store;
                if let Some(slug) = &slug {
                    quire_domain::validation::ArgumentCheck::default()
                        .text("slug", slug, quire_domain::slug::MAX_LEN)
                        .finish()
                        .map_err($crate::error::ApiError::from)?;
                }
                let found = match (id, slug) {
                    (Some(id), _) => {
                        let id: $id = parse_id("id", &id)?;
                        read(ctx, move |conn| store::by_id(conn, id)).await?
                    }
                    (None, Some(slug)) => {
                        read(ctx, move |conn| store::by_slug(conn, &slug)).await?
                    }
                    (None, None) => {
                        return Err($crate::error::ApiError::bad_input(
                            "id",
                            "pass an id or a slug",
                        )
                        .into());
                    }
                };
                Ok(found.map($node))
            }

            #[doc = $many_doc]
            #[graphql(
                complexity = "crate::graphql::limits::cost::page(first, last, child_complexity)"
            )]
            async fn $many(
                &self,
                ctx: &async_graphql::Context<'_>,
                first: Option<i32>,
                after: Option<String>,
                last: Option<i32>,
                before: Option<String>,
            ) -> async_graphql::Result<$connection> {
                use $store as store;
                let args = $crate::graphql::pagination::PageArgs {
                    first,
                    after,
                    last,
                    before,
                };
                let request = args.request(store::ORDERING)?;
                let page =
                    $crate::graphql::context::read(ctx, move |conn| store::list(conn, &request))
                        .await?;
                Ok($connection::new(page.map($node), $counter))
            }
        }
    };
}

pub(crate) use named_query;

/// Declares `$mutation` with create, update and delete fields for editors over the store module
/// `$store`; `$input` converts itself with `into_domain()`.
macro_rules! named_mutation {
    (
        $mutation:ident, $input:ident, $node:ident, $id:ty, $store:path, $record:expr,
        $create:ident = $create_doc:literal, $update:ident = $update_doc:literal,
        $delete:ident = $delete_doc:literal
    ) => {
        /// Create, update and delete, for editors and admins.
        #[derive(Default)]
        pub struct $mutation;

        #[async_graphql::Object]
        impl $mutation {
            #[doc = $create_doc]
            async fn $create(
                &self,
                ctx: &async_graphql::Context<'_>,
                input: $input,
            ) -> async_graphql::Result<$node> {
                use $crate::graphql::context::ContextExt;
                use $store as store;
                let request = ctx.request();
                request
                    .viewer
                    .may_manage_taxonomy()
                    .map_err($crate::error::ApiError::from)?;
                let (fields, now) = (input.into_domain()?, request.now);
                Ok($node(
                    $crate::graphql::context::write(
                        ctx,
                        move |conn| store::create(conn, fields, now),
                        |created| quire_domain::audit::Change::unversioned($record, created.id.0),
                    )
                    .await?,
                ))
            }

            #[doc = $update_doc]
            async fn $update(
                &self,
                ctx: &async_graphql::Context<'_>,
                id: async_graphql::ID,
                input: $input,
            ) -> async_graphql::Result<$node> {
                use $crate::graphql::context::ContextExt;
                use $store as store;
                let request = ctx.request();
                request
                    .viewer
                    .may_manage_taxonomy()
                    .map_err($crate::error::ApiError::from)?;
                let id: $id = $crate::graphql::context::parse_id("id", &id)?;
                let (fields, now) = (input.into_domain()?, request.now);
                Ok($node(
                    $crate::graphql::context::write(
                        ctx,
                        move |conn| store::update(conn, id, fields, now),
                        |updated| quire_domain::audit::Change::unversioned($record, updated.id.0),
                    )
                    .await?,
                ))
            }

            #[doc = $delete_doc]
            async fn $delete(
                &self,
                ctx: &async_graphql::Context<'_>,
                id: async_graphql::ID,
            ) -> async_graphql::Result<async_graphql::ID> {
                use $crate::graphql::context::ContextExt;
                use $store as store;
                ctx.request()
                    .viewer
                    .may_manage_taxonomy()
                    .map_err($crate::error::ApiError::from)?;
                let typed: $id = $crate::graphql::context::parse_id("id", &id)?;
                $crate::graphql::context::write(
                    ctx,
                    move |conn| store::delete(conn, typed),
                    move |_| quire_domain::audit::Change::unversioned($record, typed.0),
                )
                .await?;
                Ok(id)
            }
        }
    };
}

pub(crate) use named_mutation;
