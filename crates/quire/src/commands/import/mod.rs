//! `quire import PATH…`: articles in from Markdown files with front matter, saved article pages
//! and Quire bundles, the format told by each file's content.
//!
//! Files go in batches, one transaction a batch and a savepoint a file, so a bad file leaves
//! nothing half-written while the rest go in at the speed of a few large commits; the next
//! batch is read and parsed while the current one is written. A dry run does all of it in one
//! transaction that is rolled back, so it reports exactly what a real run would do.

mod files;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use quire_domain::{ArticleDocument, ArticleStatus, time};
use quire_persistence::store::articles::{self, ImportOutcome, ImportedArticle};
use quire_persistence::{DbConn, Store, StoreError};

use crate::cli::ImportArgs;
use crate::formats::{self, FileKind, FormatError};
use progress::{FileReport, Progress, Verb};

/// Files written in one transaction: large enough that commits cost little, small enough that
/// a server sharing a SQLite file gets its turn to write between batches.
const BATCH: usize = 256;

/// Largest file read as one article; a bigger one cannot hold a valid article.
const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Imports every file; exits with status 1, after importing the rest, when any file failed,
/// so scripts notice without parsing the report.
pub async fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let listed = files::collect(&args.paths);
    let store = super::open(&args.database)?;
    store.migrate().await?;
    let mut progress = Progress::start(listed.files.len(), args.dry_run);
    for (path, reason) in &listed.unreadable {
        progress.file(path, FileReport::Failed { line: None, reason });
    }
    if listed.skipped > 0 {
        progress.say(format!(
            "skipped {} file(s) in the given directories whose extension is not one of an article",
            listed.skipped
        ));
    }
    let run = Run {
        store,
        status: args.status.map(ArticleStatus::from),
        dry_run: args.dry_run,
    };
    run.all(listed.files, &mut progress).await?;
    let failures = progress.failures();
    progress.finish();
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One file as read: an article, a problem, or a bundle to stream.
enum ReadFile {
    Document(ArticleDocument),
    Unreadable(FormatError),
    Bundle,
}

/// What writing one file did.
enum Written {
    Article(ImportedArticle),
    Refused(StoreError),
}

/// The settings of one run.
struct Run {
    store: Store,
    status: Option<ArticleStatus>,
    dry_run: bool,
}

impl Run {
    /// Reads, writes and reports every file, then makes the related links that pointed ahead.
    async fn all(&self, paths: Vec<PathBuf>, progress: &mut Progress) -> anyhow::Result<()> {
        let mut pending: Vec<(PathBuf, String, Vec<String>)> = Vec::new();
        let mut batches = paths.chunks(BATCH).map(<[PathBuf]>::to_vec);
        let mut next = batches.next().map(read_batch_soon);
        while let Some(reading) = next.take() {
            let batch = reading.await?;
            next = batches.next().map(read_batch_soon);
            for (path, written) in self.write(batch, progress).await? {
                match written {
                    Written::Article(article) => {
                        if !article.pending_related.is_empty() {
                            pending.push((
                                path.clone(),
                                article.slug.clone(),
                                article.pending_related.clone(),
                            ));
                        }
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
                    Written::Refused(error) => progress.file(
                        &path,
                        FileReport::Failed {
                            line: None,
                            reason: &error.to_string(),
                        },
                    ),
                }
            }
        }
        self.link_ahead(pending, progress).await
    }

    /// Writes one batch's articles, each in its own savepoint; reports the unreadable files.
    async fn write(
        &self,
        batch: Vec<(PathBuf, ReadFile)>,
        progress: &mut Progress,
    ) -> anyhow::Result<Vec<(PathBuf, Written)>> {
        let mut documents = Vec::with_capacity(batch.len());
        for (path, read) in batch {
            match read {
                ReadFile::Document(document) => documents.push((path, document)),
                ReadFile::Unreadable(error) => progress.file(
                    &path,
                    FileReport::Failed {
                        line: error.line,
                        reason: &error.reason,
                    },
                ),
                ReadFile::Bundle => progress.file(
                    &path,
                    FileReport::Failed {
                        line: None,
                        reason: "bundles are read by `quire import` once bundle support is built",
                    },
                ),
            }
        }
        let status = self.status;
        let now = time::now();
        let apply = move |conn: &mut DbConn| {
            let written = articles::import_each(conn, documents, status, now);
            Ok(written
                .into_iter()
                .map(|(path, result)| {
                    let written = match result {
                        Ok(article) => Written::Article(article),
                        Err(error) => Written::Refused(error),
                    };
                    (path, written)
                })
                .collect::<Vec<_>>())
        };
        Ok(if self.dry_run {
            self.store.rehearse(apply).await?
        } else {
            self.store.write(apply).await?
        })
    }

    /// Links related articles that were named before they were imported; warns of those that
    /// still name nothing.
    async fn link_ahead(
        &self,
        pending: Vec<(PathBuf, String, Vec<String>)>,
        progress: &mut Progress,
    ) -> anyhow::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let link = move |conn: &mut DbConn| {
            let mut missing = Vec::new();
            for (path, slug, wanted) in pending {
                let still = articles::link_related(conn, &slug, &wanted)?;
                if !still.is_empty() {
                    missing.push((path, still));
                }
            }
            Ok(missing)
        };
        let missing = if self.dry_run {
            self.store.rehearse(link).await?
        } else {
            self.store.write(link).await?
        };
        for (path, slugs) in missing {
            progress.say(format!(
                "warning      {}: related article(s) {} not found; imported without them",
                path.display(),
                slugs.join(", ")
            ));
        }
        Ok(())
    }
}

/// Starts reading and parsing a batch on the blocking pool.
fn read_batch_soon(
    paths: Vec<PathBuf>,
) -> impl std::future::Future<Output = anyhow::Result<Vec<(PathBuf, ReadFile)>>> {
    let task = tokio::task::spawn_blocking(move || {
        paths
            .into_iter()
            .map(|path| {
                let read = read_file(&path);
                (path, read)
            })
            .collect()
    });
    async move { Ok(task.await?) }
}

/// Reads one file and tells what it holds.
fn read_file(path: &std::path::Path) -> ReadFile {
    use std::io::Read;
    let unreadable = |reason: String| ReadFile::Unreadable(FormatError { line: None, reason });
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => return unreadable(error.to_string()),
    };
    let mut bytes = Vec::new();
    if let Err(error) = file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
        return unreadable(error.to_string());
    }
    if matches!(formats::kind_of(&bytes), FileKind::Bundle) {
        return ReadFile::Bundle;
    }
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return unreadable(format!(
            "the file is larger than {} MiB, more than any article can hold",
            MAX_DOCUMENT_BYTES / 1024 / 1024
        ));
    }
    match formats::read_document(&bytes) {
        Ok(document) => ReadFile::Document(document),
        Err(error) => ReadFile::Unreadable(error),
    }
}
