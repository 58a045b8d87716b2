//! `quire queries add|list`: the operations registered ahead for persisted-only servers.

use anyhow::{Context, anyhow};
use quire_api::http::graphql::persisted::registrable;
use quire_persistence::store::persisted_queries;

use crate::cli::{DatabaseArgs, QueriesAddArgs};

/// Registers every file, or none: a file that is not a GraphQL operation document stops the
/// command before anything is written.
pub async fn add(args: QueriesAddArgs) -> anyhow::Result<()> {
    let mut operations = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let hash = registrable(&text)
            .map_err(|why| anyhow!("{} cannot be registered: {why}", path.display()))?;
        operations.push((path.display().to_string(), hash, text));
    }
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let now = quire_domain::time::now();
    let registered = store
        .write(move |conn| {
            operations
                .into_iter()
                .map(|(path, hash, text)| {
                    let new = persisted_queries::register(conn, &hash, &text, now)?;
                    Ok((path, hash, new))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    for (path, hash, new) in registered {
        let note = if new {
            "registered"
        } else {
            "already registered"
        };
        println!("{hash}  {path} ({note})");
    }
    Ok(())
}

/// Prints each registered operation's hash and first line.
pub async fn list(database: DatabaseArgs) -> anyhow::Result<()> {
    let store = super::open(&database)?;
    store.migrate().await?;
    let registered = store.read(persisted_queries::list).await?;
    for operation in registered {
        let first_line = operation.query.lines().find(|l| !l.trim().is_empty());
        println!(
            "{}  {}",
            operation.hash,
            first_line.unwrap_or_default().trim()
        );
    }
    Ok(())
}
