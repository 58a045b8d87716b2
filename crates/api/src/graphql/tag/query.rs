//! Tag queries.

use quire_domain::TagId;

use super::object::TagNode;
use crate::graphql::connection::Counter;
use crate::graphql::named::named_query;

named_query!(
    TagQuery,
    TagConnection,
    TagEdge,
    TagNode,
    TagId,
    quire_persistence::store::tags,
    Counter::Tags,
    tag = "One tag by id or slug; null when absent.",
    tags = "Tags, alphabetical by name."
);
