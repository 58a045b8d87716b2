//! What can go wrong in the store, in terms the API can turn into public error codes.

use quire_domain::DomainError;

use crate::unique_key::UniqueKey;

/// A store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A domain rule refused the change (validation, permission or status transition).
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// The thing asked for does not exist (or is not visible to the viewer).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The change collides with existing data: a taken slug, name or email, or a row still in use.
    #[error("{message}")]
    Conflict {
        /// The input the collision is about, as the client names it.
        field: Option<&'static str>,
        /// What collided, for a person.
        message: String,
    },
    /// `expectedVersion` was not the stored version; nothing was written.
    #[error(
        "the article was changed by someone else: it is at version {current}; reload it and apply your edit again"
    )]
    Stale {
        /// The version now stored.
        current: i32,
    },
    /// The database reported an error Quire did not expect.
    #[error("database error")]
    Db(#[source] diesel::result::Error),
    /// The connection's server went away mid-request (a restart, a failover, a proxy closing
    /// it); the connection is dropped and the next request gets a fresh one.
    #[error("the connection to the database was lost; try again")]
    ConnectionLost,
    /// No connection could be had in time, or the database is locked by another process.
    #[error("the database is unavailable ({0}); try again in a moment")]
    Unavailable(String),
    /// The database could not be reached at start-up.
    #[error("cannot open the database at {location} after {attempts} attempt(s): {reason}; {hint}")]
    Unreachable {
        /// `host:port/database` or the SQLite path, never the password.
        location: String,
        /// The driver's last word.
        reason: String,
        /// How many connections were tried.
        attempts: u32,
        /// What to check.
        hint: &'static str,
    },
    /// A migration failed to apply.
    #[error("migration failed: {0}")]
    Migration(String),
    /// A stored value no longer parses, which means the database was edited outside Quire.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// A line of a bundle being imported cannot be taken. The import stops there, and the
    /// transaction around it keeps nothing of the file.
    #[error(transparent)]
    Bundle(#[from] crate::transfer::BundleError),
    /// The bundle being exported could not be written out (a full disk, a closed pipe).
    #[error("cannot write the bundle")]
    Output(#[source] std::io::Error),
    /// The blocking task running the query died.
    #[error("database task failed")]
    Task(#[source] tokio::task::JoinError),
}

impl From<diesel::result::Error> for StoreError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &error {
            Error::NotFound => StoreError::NotFound("record"),
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => StoreError::ConnectionLost,
            // SQLite's busy timeout ran out while another process held the write lock.
            Error::DatabaseError(_, info) if info.message().contains("database is locked") => {
                StoreError::Unavailable("another process holds the database's write lock".into())
            }
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                conflict_for(info.constraint_name().unwrap_or(""), info.message())
            }
            // SQLite reports foreign-key failures without a specific kind, only by message.
            Error::DatabaseError(kind, info)
                if matches!(kind, DatabaseErrorKind::ForeignKeyViolation)
                    || info.message().contains("FOREIGN KEY constraint failed") =>
            {
                StoreError::Conflict {
                    field: None,
                    message:
                        "it is still referenced by other content; remove those references first"
                            .into(),
                }
            }
            _ => StoreError::Db(error),
        }
    }
}

/// Names the collision for a person, from PostgreSQL's constraint name or SQLite's message.
fn conflict_for(constraint: &str, message: &str) -> StoreError {
    match UniqueKey::named_in(constraint, message) {
        Some(key) => StoreError::Conflict {
            field: Some(key.field()),
            message: key.message().into(),
        },
        None => StoreError::Conflict {
            field: None,
            message: "this would duplicate an existing record".into(),
        },
    }
}
