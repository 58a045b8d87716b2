//! What an export wrote and what an import changed, for the one-line reports people read.

use std::fmt;

/// How many records of one kind an import created, updated or found already as the bundle has
/// them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Not stored before.
    pub created: u64,
    /// Stored, but different; now as the bundle has them.
    pub updated: u64,
    /// Stored exactly as the bundle has them.
    pub unchanged: u64,
}

impl KindCounts {
    /// Created plus updated: the records the import wrote.
    pub fn changed(&self) -> u64 {
        self.created + self.updated
    }
}

/// What one bundle import did, kind by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BundleSummary {
    /// Accounts, by email.
    pub users: KindCounts,
    /// Authors, by slug.
    pub authors: KindCounts,
    /// Sources, by slug.
    pub sources: KindCounts,
    /// Tags, by slug.
    pub tags: KindCounts,
    /// Articles with their bylines, tags, slug history, corrections and revisions, by slug.
    pub articles: KindCounts,
    /// "Also read" lists, by the slug of the article showing them.
    pub related: KindCounts,
    /// New accounts whose bundle carried no password hash: they cannot sign in until an
    /// administrator gives them a password.
    pub users_without_password: u64,
}

impl BundleSummary {
    /// Whether the import wrote nothing at all, as a second import of the same file does.
    pub fn is_unchanged(&self) -> bool {
        [
            self.users,
            self.authors,
            self.sources,
            self.tags,
            self.articles,
            self.related,
        ]
        .iter()
        .all(|kind| kind.changed() == 0)
    }
}

impl fmt::Display for BundleSummary {
    /// `articles 3 created, 1 updated, 0 unchanged; users …`, kinds with no records left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds = [
            ("articles", self.articles),
            ("related lists", self.related),
            ("authors", self.authors),
            ("sources", self.sources),
            ("tags", self.tags),
            ("users", self.users),
        ];
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(_, counts)| *counts != KindCounts::default())
            .map(|(name, c)| {
                format!(
                    "{name} {} created, {} updated, {} unchanged",
                    c.created, c.updated, c.unchanged
                )
            })
            .collect();
        if parts.is_empty() {
            f.write_str("no records")?;
        } else {
            f.write_str(&parts.join("; "))?;
        }
        if self.users_without_password > 0 {
            write!(
                f,
                "; {} new user(s) came without a password hash and cannot sign in until given a password",
                self.users_without_password
            )?;
        }
        Ok(())
    }
}

/// What one export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Account records.
    pub users: u64,
    /// Author records.
    pub authors: u64,
    /// Source records.
    pub sources: u64,
    /// Tag records.
    pub tags: u64,
    /// Article records.
    pub articles: u64,
    /// Revisions inside the article records.
    pub revisions: u64,
    /// "Also read" records.
    pub related: u64,
    /// Whether password hashes were written.
    pub password_hashes: bool,
}

impl fmt::Display for ExportSummary {
    /// `12 articles (30 revisions), 4 related lists, 3 authors, …`; whether password hashes
    /// were written is for the caller to say, in its own words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} articles ({} revisions), {} related lists, {} authors, {} sources, {} tags, {} users",
            self.articles,
            self.revisions,
            self.related,
            self.authors,
            self.sources,
            self.tags,
            self.users
        )
    }
}
