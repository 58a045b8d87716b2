//! `quire trash purge`: the trash emptied of what was deleted long enough ago, so a daily job
//! keeps it from growing without anyone having to decide article by article.

use anyhow::{Context, anyhow};
use quire_domain::Article;
use quire_domain::audit::Change;
use quire_persistence::DbConn;
use quire_persistence::store::{articles, audit};
use serde_json::json;

use crate::cli::TrashPurgeArgs;

/// The action the audit log records for articles this command removes.
const ACTION: &str = "trash purge";

/// Purges, or with `--dry-run` only lists, the articles deleted before the cutoff, then says
/// which.
pub async fn purge(args: TrashPurgeArgs) -> anyhow::Result<()> {
    let now = quire_domain::time::now();
    let age = chrono::Duration::from_std(args.older_than).context("--older-than is too long")?;
    let cutoff = now
        .checked_sub_signed(age)
        .ok_or_else(|| anyhow!("--older-than reaches before any date Quire can store"))?;
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let purge = move |conn: &mut DbConn| {
        let purged = articles::purge_trashed_before(conn, cutoff)?;
        for article in &purged {
            audit::record(conn, now, None, ACTION, &Change::article_removed(article))?;
        }
        Ok(purged)
    };
    let purged = if args.dry_run {
        store.rehearse(purge).await?
    } else {
        store.write(purge).await?
    };
    if args.json {
        let articles: Vec<_> = purged.iter().map(described).collect();
        println!(
            "{}",
            json!({ "dryRun": args.dry_run, "deletedBefore": cutoff, "purged": articles })
        );
        return Ok(());
    }
    let verb = if args.dry_run {
        "would purge"
    } else {
        "purged"
    };
    for article in &purged {
        println!(
            "{verb} {} (id {}): {}",
            article.slug, article.id, article.title
        );
    }
    eprintln!(
        "{} {} article(s) deleted before {}",
        if args.dry_run {
            "Would purge"
        } else {
            "Purged"
        },
        purged.len(),
        cutoff.format("%Y-%m-%dT%H:%M:%SZ")
    );
    Ok(())
}

/// What a script needs to know of a purged article.
fn described(article: &Article) -> serde_json::Value {
    json!({
        "id": article.id.0.to_string(),
        "slug": article.slug,
        "title": article.title,
        "trashedAt": article.trashed_at,
    })
}
