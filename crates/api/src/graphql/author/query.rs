//! Author queries.

use quire_domain::AuthorId;

use super::object::AuthorNode;
use crate::graphql::connection::Counter;
use crate::graphql::named::named_query;

named_query!(
    AuthorQuery,
    AuthorConnection,
    AuthorEdge,
    AuthorNode,
    AuthorId,
    quire_persistence::store::authors,
    Counter::Authors,
    author = "One author by id or slug; null when absent.",
    authors = "Authors, alphabetical by name."
);
