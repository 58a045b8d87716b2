//! The GraphQL schema: one query and one mutation root merged from per-aggregate parts.

pub mod api_token;
pub mod article;
pub mod audit;
pub mod author;
pub mod connection;
pub mod context;
pub mod executed;
pub mod introspection;
pub mod limits;
pub mod loaders;
mod named;
pub mod pagination;
pub mod public_read;
pub mod source;
pub mod tag;
pub mod user;

use async_graphql::{EmptySubscription, MergedObject, SDLExportOptions, Schema, SchemaBuilder};

use limits::{LimitGuard, QueryLimits};

/// Every read: articles and their trash, authors, sources, tags, the signed-in user, API tokens
/// and the audit log.
#[derive(MergedObject, Default)]
// The conventional root names, which generated client code expects.
#[graphql(name = "Query")]
pub struct QueryRoot(
    article::ArticleQuery,
    article::HistoryQuery,
    article::TrashQuery,
    author::AuthorQuery,
    source::SourceQuery,
    tag::TagQuery,
    user::UserQuery,
    api_token::ApiTokenQuery,
    audit::AuditQuery,
);

/// Every write: sessions, articles, authors, sources, tags, users and API tokens.
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    user::SessionMutation,
    article::ArticleMutation,
    article::HistoryMutation,
    article::CorrectionMutation,
    article::TrashMutation,
    author::AuthorMutation,
    source::SourceMutation,
    tag::TagMutation,
    user::UserMutation,
    api_token::ApiTokenMutation,
);

/// The executable schema.
pub type QuireSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// The schema with the configurable [`limits`], ready for the services to be attached.
pub fn builder(limits: QueryLimits) -> SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .extension(LimitGuard(limits))
    .extension(executed::MarkExecution)
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    builder(QueryLimits::default())
        .finish()
        .sdl_with_options(SDLExportOptions::new().sorted_fields().sorted_enum_items())
}
