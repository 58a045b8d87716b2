//! The audit log's vocabulary: which record a write changed and how its version moved, so an
//! editor can answer "who did this, and when" without reading the database.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use crate::ids::UserId;
use crate::model::Article;

/// The kinds of record a write can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordType {
    /// An article, its links and corrections included.
    Article,
    /// A byline.
    Author,
    /// A source publication.
    Source,
    /// A topic label.
    Tag,
    /// A staff account.
    User,
    /// A machine's read token.
    ApiToken,
}

impl RecordType {
    /// Every kind, in the order the schema lists them.
    pub const ALL: [RecordType; 6] = [
        RecordType::Article,
        RecordType::Author,
        RecordType::Source,
        RecordType::Tag,
        RecordType::User,
        RecordType::ApiToken,
    ];

    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::Article => "ARTICLE",
            RecordType::Author => "AUTHOR",
            RecordType::Source => "SOURCE",
            RecordType::Tag => "TAG",
            RecordType::User => "USER",
            RecordType::ApiToken => "API_TOKEN",
        }
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored record type this version does not know: the database was written by another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRecordType(pub String);

impl fmt::Display for UnknownRecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown audit record type `{}`", self.0)
    }
}

impl FromStr for RecordType {
    type Err = UnknownRecordType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RecordType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| UnknownRecordType(s.to_owned()))
    }
}

/// What one write did to one record. Only articles carry versions; for the other kinds both
/// versions are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The kind of record.
    pub record_type: RecordType,
    /// Its id.
    pub record_id: i64,
    /// Its version before the write; `None` when it did not exist or has no versions.
    pub version_before: Option<i32>,
    /// Its version after the write; `None` when it no longer exists or has no versions.
    pub version_after: Option<i32>,
}

impl Change {
    /// A record without versions, created, changed or removed.
    pub fn unversioned(record_type: RecordType, record_id: i64) -> Self {
        Self {
            record_type,
            record_id,
            version_before: None,
            version_after: None,
        }
    }

    /// An article as a write left it: every write moves an article's version up by exactly
    /// one, so the version before is the one just below, and a new article had none.
    pub fn article_written(article: &Article) -> Self {
        Self {
            record_type: RecordType::Article,
            record_id: article.id.0,
            version_before: (article.version > 1).then(|| article.version - 1),
            version_after: Some(article.version),
        }
    }

    /// An article removed for good, as it was just before.
    pub fn article_removed(article: &Article) -> Self {
        Self {
            record_type: RecordType::Article,
            record_id: article.id.0,
            version_before: Some(article.version),
            version_after: None,
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Its place in the log: later entries have larger ids.
    pub id: i64,
    /// When the write was committed.
    pub at: DateTime<Utc>,
    /// The signed-in account that made it; `None` for the command line run on the server,
    /// or an account deleted since.
    pub actor: Option<UserId>,
    /// The operation, by its public name: a GraphQL mutation such as `updateArticle`, or a
    /// command such as `trash purge`.
    pub action: String,
    /// The record and its versions.
    pub change: Change,
}
