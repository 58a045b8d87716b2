//! Typed identifiers, so an author id can never be passed where an article id is expected.

use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map($name)
            }
        }
    };
}

id_type!(
    /// Identifies an article across renames of its slug.
    ArticleId
);
id_type!(
    /// Identifies an author, whether or not they hold a user account.
    AuthorId
);
id_type!(
    /// Identifies a source publication.
    SourceId
);
id_type!(
    /// Identifies a tag.
    TagId
);
id_type!(
    /// Identifies a user account that can sign in.
    UserId
);
id_type!(
    /// Identifies an API token, so an admin can revoke it without ever seeing its secret again.
    ApiTokenId
);
