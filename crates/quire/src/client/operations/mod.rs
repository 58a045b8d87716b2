//! The GraphQL operations the client sends, typed against the checked-in `schema.graphql`: each
//! struct below is checked at compile time against its `.graphql` file and the schema, so a
//! schema change that breaks the client breaks the build rather than an editor's command.

use graphql_client::GraphQLQuery;

/// The schema and the operation files, read here as well as by the derives: the compiler then
/// knows this module depends on them, and a change to any of them rebuilds it and checks the
/// operations against the schema again. The derives alone would not be rerun.
const _CHECKED_AGAINST: [&str; 5] = [
    include_str!("../../../../../schema.graphql"),
    include_str!("session.graphql"),
    include_str!("read.graphql"),
    include_str!("write.graphql"),
    include_str!("credits.graphql"),
];

/// The schema's `DateTime` scalar, RFC 3339 on the wire.
type DateTime = chrono::DateTime<chrono::Utc>;

/// The schema's `ArticleStatus`, shared by every operation rather than generated once per
/// operation, so commands can print and compare it. A value this client does not know fails the
/// answer's decoding with the value named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ArticleStatus {
    /// Being written.
    Draft,
    /// Waiting for its publication time.
    Scheduled,
    /// Live.
    Published,
    /// Withdrawn.
    Archived,
}

impl std::fmt::Display for ArticleStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ArticleStatus::Draft => "DRAFT",
            ArticleStatus::Scheduled => "SCHEDULED",
            ArticleStatus::Published => "PUBLISHED",
            ArticleStatus::Archived => "ARCHIVED",
        })
    }
}

/// Signs in with an email and a password.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/session.graphql",
    response_derives = "Debug"
)]
pub struct Login;

/// Exchanges a refresh token for a new pair.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/session.graphql",
    response_derives = "Debug"
)]
pub struct RefreshSession;

/// Ends the session a refresh token belongs to.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/session.graphql",
    response_derives = "Debug"
)]
pub struct Logout;

/// The signed-in account.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/session.graphql",
    response_derives = "Debug, Serialize"
)]
pub struct Me;

/// One article in full, with the version an edit must send back.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/read.graphql",
    response_derives = "Debug, Clone, Serialize",
    extern_enums("ArticleStatus")
)]
pub struct ArticleBySlug;

/// A page of articles for `quire article list`.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/read.graphql",
    response_derives = "Debug, Serialize",
    variables_derives = "Debug, Clone",
    skip_serializing_none,
    extern_enums("ArticleStatus")
)]
pub struct ArticleList;

/// A new draft.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/write.graphql",
    response_derives = "Debug, Serialize",
    skip_serializing_none,
    extern_enums("ArticleStatus")
)]
pub struct CreateArticle;

/// Changed fields of an article, provided it is still at the version read.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/write.graphql",
    response_derives = "Debug, Serialize",
    variables_derives = "Debug, Default",
    skip_serializing_none,
    extern_enums("ArticleStatus")
)]
pub struct UpdateArticle;

/// Publishes now or schedules.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/write.graphql",
    response_derives = "Debug, Serialize",
    extern_enums("ArticleStatus")
)]
pub struct PublishArticle;

/// Takes an article back to draft.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/write.graphql",
    response_derives = "Debug, Serialize",
    extern_enums("ArticleStatus")
)]
pub struct UnpublishArticle;

/// Deletes an article with its history.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/write.graphql",
    response_derives = "Debug"
)]
pub struct DeleteArticle;

/// An author by slug, to credit an existing one.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/credits.graphql",
    response_derives = "Debug"
)]
pub struct AuthorBySlug;

/// An author a file names that the server does not have yet.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/credits.graphql",
    response_derives = "Debug",
    skip_serializing_none
)]
pub struct CreateAuthor;

/// A source by slug, to cite an existing one.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/credits.graphql",
    response_derives = "Debug"
)]
pub struct SourceBySlug;

/// A source a file names that the server does not have yet.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/credits.graphql",
    response_derives = "Debug",
    skip_serializing_none
)]
pub struct CreateSource;

/// A related article's id from its slug.
#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../../schema.graphql",
    query_path = "src/client/operations/credits.graphql",
    response_derives = "Debug"
)]
pub struct ArticleIdBySlug;
