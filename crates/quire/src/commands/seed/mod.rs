//! `quire seed --demo`: a populated newsroom in one command, so someone trying Quire sees a
//! live API at once. It holds a syndicated article read from a saved page, as an import would
//! read it (tagged, and with its "Also Read" lines linked to the stories they name), and
//! thirty-two generated stories with bylines, partner sources, tags, "also read" links, drafts
//! and a scheduled piece. Seeding again changes nothing.

mod newsroom;

use chrono::{TimeZone, Utc};
use quire_domain::{ArticleStatus, time};
use quire_persistence::store::all_or_nothing;
use quire_persistence::store::articles::{self, ImportOutcome, KnownNames};

use crate::cli::SeedArgs;
use crate::formats;

/// The saved page of the article this project started from, read as `quire import` reads one.
const SYNDICATED_PAGE: &[u8] =
    include_bytes!("../../../../../../shared/fixtures/syndicated-article.txt");

/// Writes the demo content in one transaction.
pub async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let mut page = formats::read_document(SYNDICATED_PAGE)
        .map_err(|e| anyhow::anyhow!("the demo page does not read: {e}"))?;
    page.status = Some(ArticleStatus::Published);
    page.published_at = Utc.with_ymd_and_hms(2019, 8, 30, 6, 0, 0).single();
    page.tags = ["Kashmir", "Pakistan", "Human rights"]
        .map(str::to_owned)
        .to_vec();
    // The page goes in last, so its "Also Read" lines find the stories they name.
    let mut documents = newsroom::articles();
    documents.push(page);
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let now = time::now();
    let imported = store
        .write(move |conn| {
            let mut names = KnownNames::default();
            Ok(documents
                .into_iter()
                .map(|document| {
                    let title = document.title.clone();
                    let result = all_or_nothing(conn, |conn| {
                        articles::import(conn, document, None, now, &mut names)
                    });
                    names.settle(result.is_ok());
                    (title, result)
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let (mut created, mut unchanged) = (0, 0);
    for (title, result) in imported {
        match result.map(|article| article.outcome) {
            Ok(ImportOutcome::Created) => created += 1,
            Ok(ImportOutcome::Updated | ImportOutcome::Unchanged) => unchanged += 1,
            Err(error) => anyhow::bail!("the demo article \"{title}\" was refused: {error}"),
        }
    }
    println!(
        "Demo newsroom ready: {created} articles created, {unchanged} already there. \
         Start the server with `quire serve` and open http://127.0.0.1:8080/graphql"
    );
    Ok(())
}
