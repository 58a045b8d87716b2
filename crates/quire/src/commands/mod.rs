//! One module per subcommand.

pub mod article;
pub mod ephemeral;
pub mod export;
pub mod import;
pub mod login;
pub mod logout;
pub mod migrate;
pub mod queries;
pub mod seed;
pub mod serve;
pub mod trash;
pub mod user;
pub mod whoami;

use quire_persistence::Store;

use crate::cli::DatabaseArgs;

/// Opens a small pool for one-shot commands.
pub fn open(database: &DatabaseArgs) -> anyhow::Result<Store> {
    let url = database.parsed()?;
    Ok(Store::open(&url, database.pool(2))?)
}
