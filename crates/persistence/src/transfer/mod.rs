//! Moving everything in or out at once, as a Quire bundle (see `quire_domain::bundle`): the
//! backup, the way between SQLite and PostgreSQL, and the way into a fresh installation.
//!
//! Both directions stream. [`export`] reads in keyset batches and writes one line a record;
//! [`import_bundle`] reads one line at a time and writes in batches. Memory stays flat however
//! large the database or the file.
//!
//! Import matches rows by key (users by email, everything else by slug) and is idempotent: a row
//! already stored exactly as the bundle has it is left alone, one that differs is brought to the
//! bundle's state, a new one is created, and rows the bundle does not mention are not touched.
//! So a slug that is already taken is not an error: the stored row *is* the bundle's row, and
//! the bundle wins. What is an error, with its line, is a key given twice in one file, a tag
//! name already held by a tag with another slug, and a reference to a user, author, source, tag
//! or article that is neither earlier in the file nor stored. Import runs in the caller's
//! transaction, so a file either goes in whole or leaves nothing behind.

mod article_records;
mod directory;
mod export;
mod import;
mod lines;
mod summary;

pub use export::{ExportOptions, export};
pub use import::import_bundle;
pub use summary::{BundleSummary, ExportSummary, KindCounts};

/// A line of a bundle that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct BundleError {
    /// The 1-based line number in the file.
    pub line: u64,
    /// What is wrong, naming the record and the field when known.
    pub reason: String,
}

impl BundleError {
    /// An error at `line`.
    pub(crate) fn at(line: u64, reason: impl Into<String>) -> Self {
        BundleError {
            line,
            reason: reason.into(),
        }
    }
}
