//! `quire migrate`: apply pending migrations.

use crate::cli::DatabaseArgs;

/// Applies pending migrations and lists them.
pub async fn run(args: DatabaseArgs) -> anyhow::Result<()> {
    let store = super::open(&args)?;
    let applied = store.migrate().await?;
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        for name in &applied {
            println!("applied {name}");
        }
    }
    Ok(())
}
