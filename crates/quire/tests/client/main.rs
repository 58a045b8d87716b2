//! The editors' client (`quire login`, `quire article …`) run as a person or a script would,
//! against a real server on SQLite and PostgreSQL, each test with its own configuration
//! directory.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

mod support;

mod articles;
mod edit;
mod session;
