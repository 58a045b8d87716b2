//! Tags in GraphQL.

mod mutation;
mod object;
mod query;

pub use mutation::TagMutation;
pub use object::TagNode;
pub use query::TagQuery;
