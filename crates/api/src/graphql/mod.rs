//! The GraphQL schema: one query and one mutation root merged from per-aggregate parts.

pub mod article;
pub mod author;
pub mod connection;
pub mod context;
pub mod loaders;
mod named;
pub mod pagination;
pub mod source;
pub mod tag;
pub mod user;

use async_graphql::{EmptySubscription, MergedObject, SDLExportOptions, Schema, SchemaBuilder};

/// Deepest selection a query may nest; generous for real pages, fatal to abusive ones.
pub const MAX_DEPTH: usize = 12;
/// Largest total field count a query may select.
pub const MAX_COMPLEXITY: usize = 5_000;

/// Every read.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    article::ArticleQuery,
    author::AuthorQuery,
    source::SourceQuery,
    tag::TagQuery,
    user::UserQuery,
);

/// Every write.
#[derive(MergedObject, Default)]
pub struct MutationRoot(
    user::SessionMutation,
    article::ArticleMutation,
    author::AuthorMutation,
    source::SourceMutation,
    tag::TagMutation,
    user::UserMutation,
);

/// The executable schema.
pub type QuireSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// The schema with its limits, ready for the services to be attached.
pub fn builder() -> SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    builder()
        .finish()
        .sdl_with_options(SDLExportOptions::new().sorted_fields().sorted_enum_items())
}
