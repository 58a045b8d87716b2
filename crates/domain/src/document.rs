//! An article as it arrives from outside Quire: a Markdown file with front matter or a saved
//! web page. It names its authors, source, tags and related articles the way a person would,
//! by name or slug, because the files it comes from know nothing of stored ids; the importer
//! matches those names against what is stored and creates what is missing.

use chrono::{DateTime, Utc};

use crate::status::ArticleStatus;

/// One article read from a file, before any of its names are matched to stored rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDocument {
    /// Headline.
    pub title: String,
    /// Wanted slug; derived from the title when absent.
    pub slug: Option<String>,
    /// Standfirst.
    pub subtitle: Option<String>,
    /// Editor-written summary; derived from the body when absent.
    pub excerpt: Option<String>,
    /// Markdown body.
    pub body: String,
    /// Byline, lead author first.
    pub authors: Vec<AuthorReference>,
    /// The publication the article was first published by.
    pub source: Option<SourceReference>,
    /// The original's address, for attribution; also what identifies a re-imported article
    /// that has no slug of its own.
    pub source_url: Option<String>,
    /// Tags, by name or slug.
    pub tags: Vec<String>,
    /// Stage the file asks for; the importer's `--status` and its default apply when absent.
    pub status: Option<ArticleStatus>,
    /// When it went, or goes, live.
    pub published_at: Option<DateTime<Utc>>,
    /// "Also read" articles, by slug or exact title, in display order.
    pub related: Vec<RelatedReference>,
    /// Where search engines should consider the original to live.
    pub canonical_url: Option<String>,
}

/// An author as a file names one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthorReference {
    /// Name or slug.
    pub name: String,
    /// Biography, when the file carries one (a syndicated page's closing paragraph).
    pub bio: Option<String>,
}

/// A source as a file names one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceReference {
    /// Name or slug, such as "The Quint".
    pub name: String,
    /// Country of publication, such as "India".
    pub country: Option<String>,
}

/// An "also read" link as a file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelatedReference {
    /// The related article's slug, as front matter gives it.
    Slug(String),
    /// The related article's headline, as a saved page shows it. When no stored article has
    /// this title the importer keeps the line in the body instead, so nothing is lost.
    Title(String),
}
