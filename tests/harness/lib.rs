//! A harness for black-box tests: starts a real Quire server on a random loopback port against
//! a fresh database (SQLite file or PostgreSQL database cloned from a migrated template) and
//! speaks HTTP to it. Teams embedding Quire in their own integration tests can use it too.

#![expect(
    clippy::expect_used,
    reason = "a test harness fails the test by panicking with a message"
)]

mod database;
mod fixture;
mod server;

pub use database::{Backend, TestDatabase};
pub use fixture::SyndicatedArticle;
pub use server::{TestApp, User, article_titles, error_code, spawn_app, spawn_app_with};

/// Runs one async test body on both backends, as two `#[tokio::test]`s named `sqlite` and
/// `postgres` inside a module named after the test.
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($app:ident: TestApp) $body:block) => {
        $(#[$meta])*
        async fn $name($app: $crate::TestApp) $body

        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::spawn_app($crate::Backend::Sqlite).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::spawn_app($crate::Backend::Postgres).await).await;
            }
        }
    };
}
