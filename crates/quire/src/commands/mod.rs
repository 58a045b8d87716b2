//! One module per subcommand.

pub mod migrate;
pub mod serve;
pub mod user;

use quire_persistence::{DatabaseUrl, Store};

/// Opens a small pool for one-shot commands.
pub fn open(url: &str) -> anyhow::Result<Store> {
    let url = DatabaseUrl::parse(url);
    Store::open(&url, 2)
        .map_err(|e| anyhow::anyhow!("cannot open the database at {}: {e}", url.target()))
}
