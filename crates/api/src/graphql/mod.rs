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

use limits::{CostGuard, QueryLimits};

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

/// The schema that serves requests, refusing an operation over `limits.max_cost` itself
/// (the other [`limits`] are checked before it, by [`limits::admit`]). It carries no extension
/// unless introspection or anonymous reading is turned off: with any extension installed,
/// async-graphql passes every field of every response through the extension chain, which cost
/// the home page about a fifth of its rate on SQLite, so what extensions would do is done
/// around the schema instead.
pub fn serving(limits: QueryLimits) -> SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    roots().limit_complexity(limits.max_cost)
}

/// The schema that only explains the refusals of [`serving`] for cost, with what the operation
/// would cost; it validates operations, and never runs one, since it is asked only about
/// operations over the limit.
pub fn explaining(limits: QueryLimits) -> QuireSchema {
    roots().extension(CostGuard(limits)).finish()
}

/// The roots, with neither limits nor services attached.
fn roots() -> SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    roots()
        .finish()
        .sdl_with_options(SDLExportOptions::new().sorted_fields().sorted_enum_items())
}
