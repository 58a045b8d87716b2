//! Writing what was read, on one connection inside the caller's transaction: each file in a
//! savepoint of its own, so a refused file leaves nothing behind and the batch goes on.

use std::io::BufReader;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use quire_domain::ArticleStatus;
use quire_persistence::store::all_or_nothing;
use quire_persistence::store::articles::{self, ImportedArticle, KnownNames};
use quire_persistence::transfer::{BundleSummary, import_bundle};
use quire_persistence::{DbConn, StoreError};

use super::read::ReadFile;
use crate::formats::FormatError;

/// What importing one file came to.
pub enum FileOutcome {
    /// An article was created, updated or found as the file says.
    Article(ImportedArticle),
    /// A bundle's records went in.
    Bundle(BundleSummary),
    /// Nothing of the file was written.
    Failed {
        /// Where in the file, when known.
        line: Option<u64>,
        /// Why.
        reason: String,
    },
}

/// How every file of a run is written.
#[derive(Clone, Copy)]
pub struct Settings {
    /// Stage given to every article, over what its file says.
    pub status: Option<ArticleStatus>,
    /// The instant the run writes as "now".
    pub now: DateTime<Utc>,
}

/// Writes a batch with no savepoints, the fast way when every file goes in: savepoints make
/// SQLite journal pages and flush its search index once a file. A file that fails fails the
/// whole batch, which the caller then rolls back and writes again with [`file_by_file`].
pub fn at_once(
    conn: &mut DbConn,
    files: Vec<(PathBuf, ReadFile)>,
    settings: Settings,
    names: &mut KnownNames,
    bytes_read: &mut dyn FnMut(u64),
) -> Result<Vec<(PathBuf, FileOutcome)>, StoreError> {
    let mut outcomes = Vec::with_capacity(files.len());
    for (path, read) in files {
        let outcome = match read {
            ReadFile::Document(document) => FileOutcome::Article(articles::import(
                conn,
                *document,
                settings.status,
                settings.now,
                names,
            )?),
            ReadFile::Bundle(bundle) => match std::fs::File::open(&bundle) {
                Ok(file) => {
                    let mut input = BufReader::with_capacity(1 << 16, file);
                    FileOutcome::Bundle(import_bundle(conn, &mut input, bytes_read)?)
                }
                Err(error) => FileOutcome::Failed {
                    line: None,
                    reason: error.to_string(),
                },
            },
            ReadFile::Unreadable(error) => unreadable(error),
        };
        outcomes.push((path, outcome));
    }
    names.settle(true);
    Ok(outcomes)
}

/// Writes a batch of files, each in a savepoint of its own so a refused file leaves nothing
/// behind while the others go in; `names` carries what earlier files matched, and `bytes_read`
/// hears how far a bundle has got.
pub fn file_by_file(
    conn: &mut DbConn,
    files: Vec<(PathBuf, ReadFile)>,
    settings: Settings,
    names: &mut KnownNames,
    bytes_read: &mut dyn FnMut(u64),
) -> Vec<(PathBuf, FileOutcome)> {
    files
        .into_iter()
        .map(|(path, read)| {
            let outcome = match read {
                ReadFile::Document(document) => {
                    let imported = all_or_nothing(conn, |conn| {
                        articles::import(conn, *document, settings.status, settings.now, names)
                    });
                    names.settle(imported.is_ok());
                    outcome(imported.map(FileOutcome::Article))
                }
                ReadFile::Bundle(bundle) => match std::fs::File::open(&bundle) {
                    Ok(file) => outcome(all_or_nothing(conn, |conn| {
                        let mut input = BufReader::with_capacity(1 << 16, file);
                        import_bundle(conn, &mut input, bytes_read).map(FileOutcome::Bundle)
                    })),
                    Err(error) => FileOutcome::Failed {
                        line: None,
                        reason: error.to_string(),
                    },
                },
                ReadFile::Unreadable(error) => unreadable(error),
            };
            (path, outcome)
        })
        .collect()
}

/// Links the related articles that were named before they were imported; returns, for each
/// file, the slugs that still name no article.
pub fn link_ahead(
    conn: &mut DbConn,
    pending: Vec<(PathBuf, String, Vec<String>)>,
) -> Result<Vec<(PathBuf, Vec<String>)>, StoreError> {
    let mut missing = Vec::new();
    for (path, slug, wanted) in pending {
        let still = articles::link_related(conn, &slug, &wanted)?;
        if !still.is_empty() {
            missing.push((path, still));
        }
    }
    Ok(missing)
}

/// A file that could not be read as the report tells it.
fn unreadable(error: FormatError) -> FileOutcome {
    FileOutcome::Failed {
        line: error.line.map(|l| l as u64),
        reason: error.reason,
    }
}

/// A failure as the report tells it: a bundle's own line number where there is one.
fn outcome(result: Result<FileOutcome, StoreError>) -> FileOutcome {
    match result {
        Ok(outcome) => outcome,
        Err(StoreError::Bundle(error)) => FileOutcome::Failed {
            line: Some(error.line),
            reason: error.reason,
        },
        Err(error) => FileOutcome::Failed {
            line: None,
            reason: error.to_string(),
        },
    }
}
