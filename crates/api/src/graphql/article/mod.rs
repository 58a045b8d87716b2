//! Articles in GraphQL: the object, its inputs, queries and mutations.

mod contents;
mod correction;
mod history;
mod input;
mod list;
mod mutation;
mod object;
mod prefetch;
mod query;
mod revision;
mod trash;

pub use correction::CorrectionMutation;
pub use history::{HistoryMutation, HistoryQuery};
pub use list::{ArticleConnection, ArticleFilterInput, ArticleOrderInput, article_connection};
pub use mutation::ArticleMutation;
pub use object::{ArticleNode, ArticleStatusValue};
pub use query::ArticleQuery;
pub use trash::{TrashMutation, TrashQuery};
