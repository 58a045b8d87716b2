//! `quire import PATH…`: articles in from Markdown files with front matter, saved article pages
//! and Quire bundles, the format told by each file's content.
//!
//! Files go in batches, one transaction a batch, written whole when every file goes in; when
//! one fails, the batch is rolled back and written again with a savepoint a file, so a bad file
//! leaves nothing half-written while the rest go in. The next batch is read, parsed and
//! rendered while the current one is written. A dry run does all of it in one
//! transaction that is rolled back, so it reports exactly what a real run would do, and files
//! that name each other see each other as they would for real.

mod apply;
mod files;
mod progress;
mod read;

use std::path::PathBuf;
use std::process::ExitCode;

use quire_domain::{ArticleStatus, time};
use quire_persistence::Store;
use quire_persistence::store::articles::{self, ImportOutcome, KnownNames};
use quire_persistence::store::for_bulk_writes;

use crate::cli::ImportArgs;
use apply::{FileOutcome, Settings};
use progress::{FileReport, Progress, Verb};

/// Files written in one transaction: large enough that commits cost little, small enough that
/// a server sharing a SQLite file gets its turn to write between batches.
const BATCH: usize = 512;

/// Related links waiting for the articles they name: file, article slug, wanted slugs.
type Pending = Vec<(PathBuf, String, Vec<String>)>;

/// Imports every file; exits with status 1, after importing the rest, when any file failed,
/// so scripts notice without parsing the report.
pub async fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let listed = files::collect(&args.paths);
    let store = super::open(&args.database)?;
    store.migrate().await?;
    if !args.dry_run {
        articles::ensure_search_index(&store, args.search.language).await?;
    }
    let mut progress = Progress::start(listed.files.len() + listed.unreadable.len(), args.dry_run);
    for (path, reason) in &listed.unreadable {
        progress.file(path, FileReport::Failed { line: None, reason });
    }
    if listed.skipped > 0 {
        progress.say(format!(
            "skipped {} file(s) in the given directories whose extension is not one of an article",
            listed.skipped
        ));
    }
    let settings = Settings {
        status: args.status.map(ArticleStatus::from),
        now: time::now(),
    };
    if args.dry_run {
        rehearse(&store, listed.files, settings, &mut progress).await?;
    } else {
        write_in_batches(&store, listed.files, settings, &mut progress).await?;
    }
    let failures = progress.failures();
    progress.finish();
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Imports `paths` (files or directories) into a server's fresh database before it is
/// announced, for `quire serve --ephemeral --seed`: every line on standard error, and any file
/// that fails is an error, since a test suite's content must load whole.
pub async fn seed(store: &Store, paths: &[PathBuf]) -> anyhow::Result<()> {
    let listed = files::collect(paths);
    if let Some((path, reason)) = listed.unreadable.first() {
        anyhow::bail!("cannot read the seed {}: {reason}", path.display());
    }
    let mut progress = Progress::on_stderr(listed.files.len());
    let settings = Settings {
        status: None,
        now: time::now(),
    };
    write_in_batches(store, listed.files, settings, &mut progress).await?;
    let failures = progress.failures();
    progress.finish();
    anyhow::ensure!(
        failures == 0,
        "{failures} seed file(s) could not be imported; the reasons are above"
    );
    Ok(())
}

/// Writes batch after batch, reading the next while the current one is written, then makes
/// the related links that pointed ahead. A batch goes in whole when it can; when a file in it
/// fails, the batch is rolled back and written again file by file.
async fn write_in_batches(
    store: &Store,
    paths: Vec<PathBuf>,
    settings: Settings,
    progress: &mut Progress,
) -> anyhow::Result<()> {
    let mut pending = Pending::new();
    let mut names = KnownNames::default();
    let mut batches = paths.chunks(BATCH).map(<[PathBuf]>::to_vec);
    let mut next = batches.next().map(read_soon);
    while let Some(reading) = next.take() {
        let files = reading.await?;
        next = batches.next().map(read_soon);
        let retry = (files.clone(), names.clone());
        let mut ticker = progress.ticker();
        let at_once = store
            .write(move |conn| {
                let outcomes = for_bulk_writes(conn, |conn| {
                    apply::at_once(conn, files, settings, &mut names, &mut ticker)
                })?;
                Ok((outcomes, names))
            })
            .await;
        let (outcomes, known) = match at_once {
            Ok(written) => written,
            Err(_) => {
                let (files, mut names) = retry;
                let mut ticker = progress.ticker();
                store
                    .write(move |conn| {
                        let outcomes = for_bulk_writes(conn, |conn| {
                            Ok(apply::file_by_file(
                                conn,
                                files,
                                settings,
                                &mut names,
                                &mut ticker,
                            ))
                        })?;
                        Ok((outcomes, names))
                    })
                    .await?
            }
        };
        names = known;
        pending.extend(pending_of(&outcomes));
        report(outcomes, progress);
    }
    if !pending.is_empty() {
        let missing = store
            .write(move |conn| apply::link_ahead(conn, pending))
            .await?;
        warn_missing(missing, progress);
    }
    store.refresh_statistics().await?;
    Ok(())
}

/// Does everything [`write_in_batches`] would in one transaction and rolls it back,
/// reporting at the end.
async fn rehearse(
    store: &Store,
    paths: Vec<PathBuf>,
    settings: Settings,
    progress: &mut Progress,
) -> anyhow::Result<()> {
    let (outcomes, missing) = store
        .rehearse(move |conn| {
            let mut outcomes = Vec::with_capacity(paths.len());
            let mut pending = Pending::new();
            let mut names = KnownNames::default();
            for chunk in paths.chunks(BATCH) {
                let files = read::read_all(chunk.to_vec());
                let written = apply::file_by_file(conn, files, settings, &mut names, &mut |_| {});
                pending.extend(pending_of(&written));
                outcomes.extend(written);
            }
            let missing = apply::link_ahead(conn, pending)?;
            Ok((outcomes, missing))
        })
        .await?;
    report(outcomes, progress);
    warn_missing(missing, progress);
    Ok(())
}

/// The related links the articles of a batch could not make yet.
fn pending_of(outcomes: &[(PathBuf, FileOutcome)]) -> Pending {
    outcomes
        .iter()
        .filter_map(|(path, outcome)| match outcome {
            FileOutcome::Article(article) if !article.pending_related.is_empty() => Some((
                path.clone(),
                article.slug.clone(),
                article.pending_related.clone(),
            )),
            _ => None,
        })
        .collect()
}

/// Tells of each file.
fn report(outcomes: Vec<(PathBuf, FileOutcome)>, progress: &mut Progress) {
    for (path, outcome) in outcomes {
        match outcome {
            FileOutcome::Article(article) => {
                let verb = match article.outcome {
                    ImportOutcome::Created => Verb::Created,
                    ImportOutcome::Updated => Verb::Updated,
                    ImportOutcome::Unchanged => Verb::Unchanged,
                };
                progress.file(
                    &path,
                    FileReport::Article {
                        verb,
                        slug: &article.slug,
                    },
                );
            }
            FileOutcome::Bundle(summary) => progress.file(
                &path,
                FileReport::Bundle {
                    summary: &summary.to_string(),
                },
            ),
            FileOutcome::Failed { line, reason } => {
                progress.file(
                    &path,
                    FileReport::Failed {
                        line,
                        reason: &reason,
                    },
                );
            }
        }
    }
}

/// Warns of related articles that no file or stored article provided.
fn warn_missing(missing: Vec<(PathBuf, Vec<String>)>, progress: &Progress) {
    for (path, slugs) in missing {
        progress.say(format!(
            "warning      {}: related article(s) {} not found; imported without them",
            path.display(),
            slugs.join(", ")
        ));
    }
}

/// Starts reading and parsing a batch on the blocking pool.
fn read_soon(
    paths: Vec<PathBuf>,
) -> impl std::future::Future<Output = anyhow::Result<Vec<(PathBuf, read::ReadFile)>>> {
    let task = tokio::task::spawn_blocking(move || read::read_all(paths));
    async move { Ok(task.await?) }
}
