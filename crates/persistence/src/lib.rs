//! Quire's store: one set of diesel query code serving both the embedded SQLite default and
//! PostgreSQL in production. Rows never leave this crate: every function returns domain types,
//! and every mutation runs in one transaction.

pub mod db;
pub mod error;
mod fixed_sql;
mod key_list;
pub mod migrate;
pub mod page;
pub mod pool;
mod rows;
pub mod schema;
pub mod store;
mod time;
pub mod transfer;
mod unique_key;

pub use db::{Backend, DatabaseUrl, DbConn, StatementCounter};
pub use error::StoreError;
pub use page::{Page, PageRequest};
pub use pool::PoolConfig;
pub use store::Store;
