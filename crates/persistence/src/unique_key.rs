//! The unique keys writers can collide on, recognised from either backend's error: PostgreSQL
//! names the constraint, SQLite only names the column in its message.

use diesel::result::{DatabaseErrorKind, Error};

/// A unique key of the schema, named so callers can tell which collision happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UniqueKey {
    /// `articles.slug`.
    ArticleSlug,
    /// `article_slugs.slug`: a slug an article had before, which no other article may take.
    ArticlePreviousSlug,
    /// `authors.slug`.
    AuthorSlug,
    /// `sources.slug`.
    SourceSlug,
    /// `tags.slug`.
    TagSlug,
    /// `tags.name_key`: tag names are unique regardless of case.
    TagName,
    /// `users.email`.
    UserEmail,
}

impl UniqueKey {
    const ALL: [UniqueKey; 7] = [
        UniqueKey::ArticleSlug,
        UniqueKey::ArticlePreviousSlug,
        UniqueKey::AuthorSlug,
        UniqueKey::SourceSlug,
        UniqueKey::TagSlug,
        UniqueKey::TagName,
        UniqueKey::UserEmail,
    ];

    /// The PostgreSQL constraint name and the SQLite `table.column` of the key.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            UniqueKey::ArticleSlug => ("articles_slug_key", "articles.slug"),
            UniqueKey::ArticlePreviousSlug => ("article_slugs_pkey", "article_slugs.slug"),
            UniqueKey::AuthorSlug => ("authors_slug_key", "authors.slug"),
            UniqueKey::SourceSlug => ("sources_slug_key", "sources.slug"),
            UniqueKey::TagSlug => ("tags_slug_key", "tags.slug"),
            UniqueKey::TagName => ("tags_name_key", "tags.name_key"),
            UniqueKey::UserEmail => ("users_email_key", "users.email"),
        }
    }

    /// The input the key is about, as the client names it.
    pub(crate) fn field(self) -> &'static str {
        match self {
            UniqueKey::ArticleSlug
            | UniqueKey::ArticlePreviousSlug
            | UniqueKey::AuthorSlug
            | UniqueKey::SourceSlug
            | UniqueKey::TagSlug => "slug",
            UniqueKey::TagName => "name",
            UniqueKey::UserEmail => "email",
        }
    }

    /// What collided, for a person.
    pub(crate) fn message(self) -> &'static str {
        match self {
            UniqueKey::ArticleSlug => "an article with this slug already exists",
            UniqueKey::ArticlePreviousSlug => {
                "another article had this slug before, and links to it still lead there"
            }
            UniqueKey::AuthorSlug => "an author with this slug already exists",
            UniqueKey::SourceSlug => "a source with this slug already exists",
            UniqueKey::TagSlug => "a tag with this slug already exists",
            UniqueKey::TagName => "a tag with this name already exists",
            UniqueKey::UserEmail => "a user with this email already exists",
        }
    }

    /// The key a unique violation reported by `constraint` (PostgreSQL) or `message` (SQLite)
    /// is about, if Quire knows it.
    pub(crate) fn named_in(constraint: &str, message: &str) -> Option<UniqueKey> {
        Self::ALL.into_iter().find(|key| {
            let (pg, sqlite) = key.names();
            constraint == pg || message.contains(sqlite)
        })
    }

    /// Whether a violation of `other` means the slug or name this key guards is taken: an
    /// article's slug is taken by a live slug and by another article's previous one alike.
    pub(crate) fn covers(self, other: UniqueKey) -> bool {
        self == other || (self == UniqueKey::ArticleSlug && other == UniqueKey::ArticlePreviousSlug)
    }

    /// A violation message SQLite would give for the key, for checks Quire makes itself that
    /// must read as a violation of it (see `store::articles::previous_slugs`).
    pub(crate) fn violation_message(self) -> String {
        format!("UNIQUE constraint failed: {}", self.names().1)
    }

    /// The key `error` violated, when it is a unique violation of a known key.
    pub(crate) fn violated_by(error: &Error) -> Option<UniqueKey> {
        match error {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                Self::named_in(info.constraint_name().unwrap_or(""), info.message())
            }
            _ => None,
        }
    }
}
