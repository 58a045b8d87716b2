//! Sources in GraphQL.

mod mutation;
mod object;
mod query;

pub use mutation::SourceMutation;
pub use object::SourceNode;
pub use query::SourceQuery;
