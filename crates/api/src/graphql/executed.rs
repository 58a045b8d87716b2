//! Whether a request reached execution. The GraphQL-over-HTTP specification answers the two
//! kinds of failure differently: a request error (the document does not parse or validate, or
//! the variables do not fit) has no `data` entry and is a 400 under
//! `application/graphql-response+json`, while an operation that ran answers 200 with `data`, even
//! when a field failed. async-graphql's response looks the same in both cases when `data` is
//! null; the errors tell them apart, since an error raised while running carries the path of
//! the field that failed, while a request error belongs to no field.
//!
//! The answer is read off the response rather than recorded by a schema extension: with any
//! extension installed, async-graphql passes every field of every response through the
//! extension chain, which cost the home page about a fifth of its rate on SQLite.

use async_graphql::{Response, Value};

/// Whether the operation ran (as opposed to being refused before execution): it produced data,
/// or failed at one of its fields.
pub fn reached(response: &Response) -> bool {
    response.data != Value::Null || response.errors.iter().any(|error| !error.path.is_empty())
}
