//! The GraphQL operations the client sends, typed against the checked-in `schema.graphql`: each
//! struct below is checked at compile time against its `.graphql` file and the schema, so a
//! schema change that breaks the client breaks the build rather than an editor's command.

use graphql_client::GraphQLQuery;

/// The schema's `DateTime` scalar, RFC 3339 on the wire.
type DateTime = chrono::DateTime<chrono::Utc>;

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
