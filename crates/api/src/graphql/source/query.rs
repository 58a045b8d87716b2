//! Source queries.

use quire_domain::SourceId;

use super::object::SourceNode;
use crate::graphql::connection::Counter;
use crate::graphql::named::named_query;

named_query!(
    SourceQuery,
    SourceConnection,
    SourceEdge,
    SourceNode,
    SourceId,
    quire_persistence::store::sources,
    Counter::Sources,
    source = "One source by id or slug; null when absent.",
    sources = "Sources, alphabetical by name."
);
