//! A harness for black-box tests: starts a real Quire server on a random loopback port against
//! a fresh database (SQLite file or PostgreSQL database cloned from a migrated template) and
//! speaks HTTP to it. Teams embedding Quire in their own integration tests can use it too.

#![expect(
    clippy::expect_used,
    reason = "a test harness fails the test by panicking with a message"
)]

mod database;
mod fixture;
mod proxy;
mod server;

pub use database::{Backend, TestDatabase};
pub use fixture::SyndicatedArticle;
pub use proxy::TcpProxy;
pub use server::{TestApp, User, article_titles, error_code, spawn_app, spawn_app_with};

/// Runs one async test body on both backends, as two `#[tokio::test]`s named `sqlite` and
/// `postgres` inside a module named after the test. `app: TestApp = configure` starts the
/// servers with the test configuration changed by the function `configure(&mut Config)`.
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($app:ident: TestApp = $configure:ident) $body:block) => {
        $(#[$meta])*
        async fn $name($app: $crate::TestApp) $body

        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::spawn_app_with($crate::Backend::Sqlite, super::$configure).await;
                super::$name(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let app = $crate::spawn_app_with($crate::Backend::Postgres, super::$configure).await;
                super::$name(app).await;
            }
        }
    };
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
