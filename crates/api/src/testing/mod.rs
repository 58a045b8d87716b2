//! A real Quire, started in-process and thrown away, for integration tests: the suites of teams
//! that build on Quire, `quire serve --ephemeral`, and Quire's own black-box tests.
//!
//! ```no_run
//! # async fn example() -> Result<(), quire_api::testing::TestServerError> {
//! use quire_api::testing::TestServer;
//! use quire_domain::Role;
//!
//! let server = TestServer::start().await?;
//! let editor = server.account(Role::Editor).map(|a| a.access_token.clone());
//! // POST to server.graphql_url() with `Authorization: Bearer {editor}` …
//! server.stop().await;
//! # Ok(())
//! # }
//! ```
//!
//! By default it runs on a SQLite file in a temporary directory that is removed with the server,
//! on a free loopback port, with one ADMIN and one EDITOR signed in. Passwords are hashed at the
//! cheapest cost argon2 accepts, so accounts created during a test cost little: never point it
//! at a database that matters.

mod accounts;
mod server;

pub use accounts::TestAccount;
pub use server::{TestServer, TestServerBuilder, TestServerError};
