//! The JSON the REST API answers with: the fields and camelCase names of the GraphQL types, so
//! a frontend can move between the two APIs without renaming anything.

use chrono::{DateTime, Utc};
use quire_domain::{ArticleStatus, Author, Correction, Source, Tag};
use serde::Serialize;
use utoipa::ToSchema;

/// A page of a list and where the next one starts.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Listing<T> {
    /// The items, in list order.
    pub data: Vec<T>,
    /// Pass back as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// The body of a 301: where the thing asked for lives now, as `Location` says.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Moved)]
pub struct MovedJson {
    /// The path to ask instead.
    pub location: String,
}

/// Where an article stands in the editorial life cycle, as of the request.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[schema(as = ArticleStatus)]
pub enum StatusJson {
    /// Being written; staff only.
    Draft,
    /// Approved for release at `publishedAt`.
    Scheduled,
    /// Live for readers.
    Published,
    /// Withdrawn from readers, kept for the record.
    Archived,
}

impl From<ArticleStatus> for StatusJson {
    fn from(status: ArticleStatus) -> Self {
        match status {
            ArticleStatus::Draft => StatusJson::Draft,
            ArticleStatus::Scheduled => StatusJson::Scheduled,
            ArticleStatus::Published => StatusJson::Published,
            ArticleStatus::Archived => StatusJson::Archived,
        }
    }
}

/// A piece of editorial content with its byline, tags, source, "also read" list and corrections.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Article)]
pub struct ArticleJson {
    /// Stable identity.
    pub id: String,
    /// Unique URL name.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Standfirst shown under the headline.
    pub subtitle: Option<String>,
    /// Summary for listings: written by an editor or derived from the body.
    pub excerpt: String,
    /// Markdown source.
    pub body: String,
    /// The body as sanitised HTML, safe to insert into a page.
    pub body_html: String,
    /// Life-cycle stage as of this request.
    pub status: StatusJson,
    /// When the article went live, or is scheduled to.
    pub published_at: Option<DateTime<Utc>>,
    /// Creation instant.
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    pub updated_at: DateTime<Utc>,
    /// Starts at 1 and grows on every change.
    pub version: i32,
    /// Words a reader sees in the body.
    pub word_count: u32,
    /// Minutes a reader needs, rounded up.
    pub reading_time_minutes: u32,
    /// The original's address, for attribution.
    pub source_url: Option<String>,
    /// Where search engines should consider the original to live, when it is not here: the
    /// address an editor gave, or else `sourceUrl`.
    pub canonical_url: Option<String>,
    /// Byline, lead author first.
    pub authors: Vec<AuthorJson>,
    /// Topic labels, in display order.
    pub tags: Vec<TagJson>,
    /// The publication the article first appeared in.
    pub source: Option<SourceJson>,
    /// What to read next, as GraphQL's `related` gives it by default: the editors' own "also
    /// read" list in its order, as far as the viewer may open it, then the published articles
    /// most like this one; five in all.
    pub related: Vec<ArticleSummaryJson>,
    /// Public corrections, oldest first.
    pub corrections: Vec<CorrectionJson>,
}

/// What a link to another article needs.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ArticleSummary)]
pub struct ArticleSummaryJson {
    /// Stable identity.
    pub id: String,
    /// Unique URL name.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Summary for listings.
    pub excerpt: String,
    /// When the article went live.
    pub published_at: Option<DateTime<Utc>>,
}

impl From<&quire_domain::Article> for ArticleSummaryJson {
    fn from(article: &quire_domain::Article) -> Self {
        Self {
            id: article.id.to_string(),
            slug: article.slug.clone(),
            title: article.title.clone(),
            excerpt: article.excerpt.clone(),
            published_at: article.published_at,
        }
    }
}

/// A dated public note appended to an article after it ran; never edited or removed.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Correction)]
pub struct CorrectionJson {
    /// The note, as plain text: not Markdown, not HTML.
    pub text: String,
    /// When the correction was added.
    pub created_at: DateTime<Utc>,
}

impl From<Correction> for CorrectionJson {
    fn from(correction: Correction) -> Self {
        Self {
            text: correction.text,
            created_at: correction.created_at,
        }
    }
}

/// A person credited on articles.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Author)]
pub struct AuthorJson {
    /// Stable identity.
    pub id: String,
    /// Unique URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short biography shown with the byline.
    pub bio: Option<String>,
    /// Portrait address.
    pub avatar_url: Option<String>,
    /// Profile page.
    pub url: Option<String>,
}

impl From<Author> for AuthorJson {
    fn from(author: Author) -> Self {
        Self {
            id: author.id.to_string(),
            slug: author.slug,
            name: author.name,
            bio: author.bio,
            avatar_url: author.avatar_url,
            url: author.url,
        }
    }
}

/// The publication an article comes from, as in "Source: The Quint, India".
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Source)]
pub struct SourceJson {
    /// Stable identity.
    pub id: String,
    /// Unique URL name.
    pub slug: String,
    /// Publication name.
    pub name: String,
    /// Country of publication.
    pub country: Option<String>,
    /// Publication home page.
    pub url: Option<String>,
    /// The licence its articles are reused under.
    pub license: Option<String>,
    /// The credit line to show with its articles: the one the licence requires, else
    /// "Source: Name, Country".
    pub credit: String,
}

impl From<Source> for SourceJson {
    fn from(source: Source) -> Self {
        Self {
            credit: quire_domain::attribution::source_credit(&source),
            id: source.id.to_string(),
            slug: source.slug,
            name: source.name,
            country: source.country,
            url: source.url,
            license: source.license,
        }
    }
}

/// A topic label, as an article lists it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = Tag)]
pub struct TagJson {
    /// Stable identity.
    pub id: String,
    /// Unique URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// What the tag gathers.
    pub description: Option<String>,
}

impl From<Tag> for TagJson {
    fn from(tag: Tag) -> Self {
        Self {
            id: tag.id.to_string(),
            slug: tag.slug,
            name: tag.name,
            description: tag.description,
        }
    }
}

/// A topic label with how many articles the viewer may see carry it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = TagWithCount)]
pub struct CountedTagJson {
    /// The tag.
    #[serde(flatten)]
    pub tag: TagJson,
    /// How many articles the viewer may see carry this tag.
    pub article_count: i64,
}
