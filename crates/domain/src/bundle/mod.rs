//! The Quire bundle: everything a newsroom keeps in Quire, as one file that moves between
//! databases (SQLite to PostgreSQL and back), serves as a backup, and comes back in unchanged.
//!
//! JSON Lines: a [`BundleHeader`] line, then one [`Record`] a line, in dependency order (users,
//! authors, sources, tags, articles, then the "also read" links, which may point forward). Each
//! kind comes in the order it was stored, so the same content exports to the same bytes, and a
//! database that imports a bundle stores its rows in the order they were first created. A
//! reader needs one line at a time, whatever the size of the archive.
//!
//! The format is versioned ([`VERSION`]). Version 2 added each article's slug history and
//! corrections, inside its record; a version-1 bundle is still read, and a bundle newer than
//! its reader is refused rather than half read.

mod decode;
mod header;
mod record;
pub mod timestamp;
mod validate;

pub use decode::read_record;
pub use header::{BundleHeader, FORMAT, VERSION};
pub use record::{
    ArticleRecord, AuthorRecord, CorrectionRecord, PreviousSlugRecord, Record, RelatedRecord,
    RevisionRecord, SourceRecord, TagRecord, UserRecord,
};

/// The password hash an imported account gets when its bundle carries none: a well-formed
/// argon2id hash whose output no password produces, so sign-in fails as for a wrong password
/// until an administrator sets a new one.
pub const UNUSABLE_PASSWORD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$cXVpcmUtbm8tcGFzc3dvcmQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// Why a line of a bundle cannot be taken, phrased for the person who has to fix the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct RecordError {
    /// What is wrong, naming the record and the field when known.
    pub reason: String,
}

impl RecordError {
    /// An error with this reason.
    pub fn new(reason: impl Into<String>) -> Self {
        RecordError {
            reason: reason.into(),
        }
    }
}
