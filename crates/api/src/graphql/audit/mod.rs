//! The audit log in GraphQL: who changed what and when, for editors and admins.

mod entry;
mod query;

pub use query::AuditQuery;
