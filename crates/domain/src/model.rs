//! The content Quire manages, as the rest of the product sees it once stored.

use chrono::{DateTime, Utc};

use crate::ids::{ArticleId, AuthorId, SourceId, TagId, UserId};
use crate::role::Role;
use crate::status::ArticleStatus;

/// A piece of editorial content with its derived figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable identity.
    pub id: ArticleId,
    /// Unique URL name.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Standfirst shown under the headline.
    pub subtitle: Option<String>,
    /// Summary for listings: given by the editor or derived from the body.
    pub excerpt: String,
    /// Whether `excerpt` was written by a person rather than derived, so a body change knows
    /// whether to derive it again.
    pub excerpt_is_custom: bool,
    /// The body; `None` when the article was read as part of a list, where bodies would only
    /// be copied around unread. Fetch it by id when a list reader asks for it.
    pub text: Option<ArticleText>,
    /// Words a reader sees in the body.
    pub word_count: u32,
    /// Stored stage; see [`Article::effective_status`] for what readers observe.
    pub status: ArticleStatus,
    /// When the article went, or goes, live.
    pub published_at: Option<DateTime<Utc>>,
    /// The publication the article was first published by.
    pub source_id: Option<SourceId>,
    /// The original's address, for attribution.
    pub source_url: Option<String>,
    /// Where search engines should consider the original to live, when it is not here: a
    /// syndicated article points back to the publication that first ran it.
    pub canonical_url: Option<String>,
    /// When the right to show it ends, as a syndication licence may say: readers stop seeing
    /// it from that instant; staff still do.
    pub rights_expire_at: Option<DateTime<Utc>>,
    /// When an editor moved it to the trash, where nobody sees it until it is restored or
    /// purged; `None` for every article in use.
    pub trashed_at: Option<DateTime<Utc>>,
    /// The account that created the article, which may edit it while it is a draft.
    pub created_by: Option<UserId>,
    /// Creation instant.
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    pub updated_at: DateTime<Utc>,
    /// Starts at 1 and grows by one on every change; writers send it back to prove they saw the
    /// latest state.
    pub version: i32,
}

impl Article {
    /// The status a reader observes at `now`.
    pub fn effective_status(&self, now: DateTime<Utc>) -> ArticleStatus {
        self.status.effective(self.published_at, now)
    }

    /// Minutes a reader needs for the body.
    pub fn reading_time_minutes(&self) -> u32 {
        crate::text::reading_time_minutes(self.word_count)
    }

    /// Where search engines should credit the text: the canonical address an editor gave, or
    /// else the original's address, so a syndicated article points them at its publisher
    /// without anyone having to repeat the link.
    pub fn effective_canonical_url(&self) -> Option<&str> {
        self.canonical_url.as_deref().or(self.source_url.as_deref())
    }
}

/// An article's body, the bulk of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    /// Markdown source.
    pub body: String,
    /// Sanitised HTML rendering of `body`, made when the body is written.
    pub body_html: String,
}

/// A validated request to create an article; the store turns it into a row.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArticle {
    /// Headline, trimmed.
    pub title: String,
    /// Markdown source.
    pub body: String,
    /// Wanted slug; derived from the title when absent.
    pub slug: Option<String>,
    /// Standfirst.
    pub subtitle: Option<String>,
    /// Editor-written summary; derived from the body when absent.
    pub excerpt: Option<String>,
    /// Byline order: the first is the lead author.
    pub author_ids: Vec<AuthorId>,
    /// Originating publication.
    pub source_id: Option<SourceId>,
    /// Original address.
    pub source_url: Option<String>,
    /// Address search engines should credit instead of this one.
    pub canonical_url: Option<String>,
    /// When the right to show it ends.
    pub rights_expire_at: Option<DateTime<Utc>>,
    /// Tag names; tags not yet known are created.
    pub tags: Vec<String>,
    /// "Also read" articles, in display order.
    pub related_ids: Vec<ArticleId>,
}

/// A validated partial update of an article: `None` leaves a field unchanged, and for optional
/// fields `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleChanges {
    /// New headline.
    pub title: Option<String>,
    /// New Markdown source.
    pub body: Option<String>,
    /// New slug.
    pub slug: Option<String>,
    /// New standfirst.
    pub subtitle: Option<Option<String>>,
    /// New summary; `Some(None)` returns to a derived excerpt.
    pub excerpt: Option<Option<String>>,
    /// New byline.
    pub author_ids: Option<Vec<AuthorId>>,
    /// New source.
    pub source_id: Option<Option<SourceId>>,
    /// New original address.
    pub source_url: Option<Option<String>>,
    /// New canonical address.
    pub canonical_url: Option<Option<String>>,
    /// New end of the right to show it; `Some(None)` removes the end.
    pub rights_expire_at: Option<Option<DateTime<Utc>>>,
    /// New tag names.
    pub tags: Option<Vec<String>>,
    /// New "also read" list.
    pub related_ids: Option<Vec<ArticleId>>,
}

/// A person credited on articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// Stable identity.
    pub id: AuthorId,
    /// Unique URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short biography shown with the byline.
    pub bio: Option<String>,
    /// Portrait address.
    pub avatar_url: Option<String>,
    /// Personal or profile page.
    pub url: Option<String>,
    /// The account this author signs in with, if any; lets AUTHOR users edit their bylines.
    pub user_id: Option<UserId>,
}

/// The publication an article comes from, kept for attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Stable identity.
    pub id: SourceId,
    /// Unique URL name.
    pub slug: String,
    /// Publication name, such as "The Quint".
    pub name: String,
    /// Publication home page.
    pub url: Option<String>,
    /// Country of publication, such as "India".
    pub country: Option<String>,
    /// The licence its articles are reused under, such as "CC BY-ND 4.0" or a syndication
    /// agreement's name.
    pub license: Option<String>,
    /// The credit that licence requires, shown instead of the standard "Source: Name, Country"
    /// wherever the articles appear.
    pub attribution_text: Option<String>,
}

/// A topic label; names are unique regardless of case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Stable identity.
    pub id: TagId,
    /// Unique URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// What the tag gathers.
    pub description: Option<String>,
}

/// An account that can sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Stable identity.
    pub id: UserId,
    /// Sign-in address, stored lowercase.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the account may do.
    pub role: Role,
}

/// Editable fields of an author, source or tag, shared by create and update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorFields {
    /// Display name.
    pub name: String,
    /// Wanted slug; derived from the name when absent.
    pub slug: Option<String>,
    /// Biography.
    pub bio: Option<String>,
    /// Portrait address.
    pub avatar_url: Option<String>,
    /// Profile page.
    pub url: Option<String>,
    /// Linked account.
    pub user_id: Option<UserId>,
}

/// Editable fields of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFields {
    /// Publication name.
    pub name: String,
    /// Wanted slug; derived from the name when absent.
    pub slug: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Licence name.
    pub license: Option<String>,
    /// Required credit.
    pub attribution_text: Option<String>,
}

/// Editable fields of a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagFields {
    /// Display name.
    pub name: String,
    /// Wanted slug; derived from the name when absent.
    pub slug: Option<String>,
    /// Description.
    pub description: Option<String>,
}

/// A validated request to create a user account; the password is hashed before storing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    /// Sign-in address, lowercased.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Granted role.
    pub role: Role,
}

/// An article's text as it stood at one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The article version this snapshot records.
    pub version: i32,
    /// Headline then.
    pub title: String,
    /// Standfirst then.
    pub subtitle: Option<String>,
    /// Excerpt then.
    pub excerpt: String,
    /// Body then.
    pub body: String,
    /// Who made the change.
    pub edited_by: Option<UserId>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Credits and links then; `None` for revisions recorded before they were kept.
    pub relations: Option<RevisionRelations>,
}

/// What a revision credits and links besides its text, so that restoring it brings them back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RevisionRelations {
    /// Byline, lead author first.
    pub author_ids: Vec<AuthorId>,
    /// Tag names, in display order.
    pub tags: Vec<String>,
    /// The publication credited.
    pub source_id: Option<SourceId>,
    /// The original's address.
    pub source_url: Option<String>,
    /// "Also read" articles, in display order.
    pub related_ids: Vec<ArticleId>,
}
