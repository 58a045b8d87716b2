//! API tokens in GraphQL: admins create, list and revoke the read-only credentials frontends
//! use. A secret is shown once, in the answer to `createApiToken`, and never again.

mod mutation;
mod object;
mod query;

pub use mutation::ApiTokenMutation;
pub use object::{ApiTokenNode, ApiTokenPayload, ApiTokenScopeValue};
pub use query::ApiTokenQuery;
