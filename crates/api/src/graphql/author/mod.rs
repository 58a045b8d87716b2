//! Authors in GraphQL.

mod mutation;
mod object;
mod query;

pub use mutation::AuthorMutation;
pub use object::AuthorNode;
pub use query::AuthorQuery;
