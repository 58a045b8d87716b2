//! The records of a bundle, one JSON object a line after the header.
//!
//! Records name each other the way the content does, never by database id: users by email,
//! everything else by slug. That is what lets a bundle move between databases whose ids differ,
//! and what lets an import recognise rows it has seen before. Optional fields are written as
//! `null` so every record shows its whole shape; a reader also accepts them left out.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::timestamp;
use crate::role::Role;
use crate::status::ArticleStatus;

/// One line of a bundle after the header, told apart by its `"type"`, which comes first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record {
    /// An account.
    User(UserRecord),
    /// A person credited on articles.
    Author(AuthorRecord),
    /// A publication articles come from.
    Source(SourceRecord),
    /// A topic label.
    Tag(TagRecord),
    /// An article with its byline, tags, slug history, corrections and revisions. Boxed: it is by far the largest record.
    Article(Box<ArticleRecord>),
    /// The "also read" links of one article; written after every article, since they may
    /// point forward.
    Related(RelatedRecord),
}

impl Record {
    /// The spellings of `"type"` this version reads, for messages about any other.
    pub const TYPES: [&'static str; 6] = ["user", "author", "source", "tag", "article", "related"];

    /// The record's kind and key, as a person would name it in a message: `article "slug"`.
    pub fn label(&self) -> String {
        match self {
            Record::User(user) => format!("user {:?}", user.email),
            Record::Author(author) => format!("author {:?}", author.slug),
            Record::Source(source) => format!("source {:?}", source.slug),
            Record::Tag(tag) => format!("tag {:?}", tag.slug),
            Record::Article(article) => format!("article {:?}", article.slug),
            Record::Related(related) => format!("related links of {:?}", related.article),
        }
    }
}

/// An account, keyed by its email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserRecord {
    /// Sign-in address, lowercase; the key.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the account may do.
    pub role: Role,
    /// The argon2id hash, only in bundles exported with secrets. Without it an imported
    /// account gets a hash no password matches, and keeps the one it has when it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
    /// Creation instant.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
}

/// A person credited on articles, keyed by slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorRecord {
    /// URL name; the key.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Biography.
    #[serde(default)]
    pub bio: Option<String>,
    /// Portrait address.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// Profile page.
    #[serde(default)]
    pub url: Option<String>,
    /// Email of the linked account, which must come earlier in the bundle or already exist.
    #[serde(default)]
    pub user: Option<String>,
    /// Creation instant.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
}

/// A publication, keyed by slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceRecord {
    /// URL name; the key.
    pub slug: String,
    /// Publication name.
    pub name: String,
    /// Home page.
    #[serde(default)]
    pub url: Option<String>,
    /// Country of publication.
    #[serde(default)]
    pub country: Option<String>,
    /// The licence its articles are reused under.
    #[serde(default)]
    pub license: Option<String>,
    /// The credit that licence requires.
    #[serde(default)]
    pub attribution_text: Option<String>,
    /// Creation instant.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
}

/// A topic label, keyed by slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TagRecord {
    /// URL name; the key.
    pub slug: String,
    /// Display name, unique regardless of case.
    pub name: String,
    /// What the tag gathers.
    #[serde(default)]
    pub description: Option<String>,
    /// Creation instant.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
}

/// An article, keyed by slug. The rendered HTML and the word count are not carried: they
/// follow from the body, and are computed again on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArticleRecord {
    /// URL name; the key.
    pub slug: String,
    /// Slugs the article had before it was renamed, oldest first; each still leads to it, and
    /// no other article may take one. Absent from version-1 bundles.
    #[serde(default)]
    pub previous_slugs: Vec<PreviousSlugRecord>,
    /// Headline.
    pub title: String,
    /// Standfirst.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Stored stage (a scheduled article stays SCHEDULED even once its time has come).
    pub status: ArticleStatus,
    /// When it went, or goes, live.
    #[serde(default, with = "timestamp::optional")]
    pub published_at: Option<DateTime<Utc>>,
    /// Byline by author slug, lead author first.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Originating publication, by slug.
    #[serde(default)]
    pub source: Option<String>,
    /// The original's address.
    #[serde(default)]
    pub source_url: Option<String>,
    /// Where search engines should consider the original to live.
    #[serde(default)]
    pub canonical_url: Option<String>,
    /// When the right to show it ends; readers stop seeing it then.
    #[serde(default, with = "timestamp::optional")]
    pub rights_expire_at: Option<DateTime<Utc>>,
    /// Tags by slug, in display order.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Listing summary, exactly as stored.
    pub excerpt: String,
    /// Whether a person wrote the excerpt; when not, a later body edit derives it again.
    pub excerpt_is_custom: bool,
    /// Email of the account that created the article.
    #[serde(default)]
    pub created_by: Option<String>,
    /// Creation instant.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Last change instant.
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
    /// The optimistic-concurrency version editors send back.
    pub version: i32,
    /// Markdown source.
    pub body: String,
    /// Public notes appended after it ran, oldest first. Absent from version-1 bundles.
    #[serde(default)]
    pub corrections: Vec<CorrectionRecord>,
    /// Earlier and current texts, oldest first.
    #[serde(default)]
    pub revisions: Vec<RevisionRecord>,
}

/// A slug an article gave up when it was renamed, kept so links to it keep working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviousSlugRecord {
    /// The former slug.
    pub slug: String,
    /// When the article stopped using it; orders the history.
    #[serde(with = "timestamp")]
    pub retired_at: DateTime<Utc>,
}

/// A correction: a dated public note, plain text, appended to an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CorrectionRecord {
    /// The note as readers see it.
    pub text: String,
    /// Email of the account that added it.
    #[serde(default)]
    pub created_by: Option<String>,
    /// When it was added.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
}

/// An article's text as it stood at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RevisionRecord {
    /// The article version this snapshot records.
    pub version: i32,
    /// Headline then.
    pub title: String,
    /// Standfirst then.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Excerpt then.
    pub excerpt: String,
    /// Email of the account that made the change.
    #[serde(default)]
    pub edited_by: Option<String>,
    /// When.
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    /// Body then.
    pub body: String,
}

/// The "also read" list of one article, by slug, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelatedRecord {
    /// The article showing the links.
    pub article: String,
    /// The linked articles.
    pub related: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        timestamp::parse(text).unwrap()
    }

    #[test]
    fn writes_the_type_first_and_every_field() {
        let user = Record::User(UserRecord {
            email: "ed@example.com".into(),
            name: "Ed".into(),
            role: Role::Editor,
            password_hash: None,
            created_at: at("2026-01-02T03:04:05.000006Z"),
            updated_at: at("2026-01-02T03:04:05Z"),
        });
        assert_eq!(
            serde_json::to_string(&user).unwrap(),
            r#"{"type":"user","email":"ed@example.com","name":"Ed","role":"EDITOR","createdAt":"2026-01-02T03:04:05.000006Z","updatedAt":"2026-01-02T03:04:05.000000Z"}"#
        );
        let related = Record::Related(RelatedRecord {
            article: "a".into(),
            related: vec!["b".into()],
        });
        assert_eq!(
            serde_json::to_string(&related).unwrap(),
            r#"{"type":"related","article":"a","related":["b"]}"#
        );
    }

    #[test]
    fn an_article_reads_back_as_written() {
        let article = Record::Article(Box::new(ArticleRecord {
            slug: "a".into(),
            previous_slugs: vec![PreviousSlugRecord {
                slug: "b".into(),
                retired_at: at("2026-01-01T12:00:00Z"),
            }],
            title: "Ünïcode “quotes” and <b>tags</b>".into(),
            subtitle: None,
            status: ArticleStatus::Published,
            published_at: Some(at("2026-01-02T03:04:05.123456Z")),
            authors: vec!["x".into()],
            source: None,
            source_url: None,
            canonical_url: Some("https://example.com/a".into()),
            rights_expire_at: None,
            tags: vec![],
            excerpt: "e".into(),
            excerpt_is_custom: true,
            created_by: None,
            created_at: at("2026-01-01T00:00:00Z"),
            updated_at: at("2026-01-01T00:00:00Z"),
            version: 2,
            body: "line\r\n\ttab \u{2028} end".into(),
            corrections: vec![CorrectionRecord {
                text: "Fixed a name.".into(),
                created_by: None,
                created_at: at("2026-01-02T00:00:00Z"),
            }],
            revisions: vec![RevisionRecord {
                version: 1,
                title: "A".into(),
                subtitle: None,
                excerpt: "e".into(),
                edited_by: Some("ed@example.com".into()),
                created_at: at("2026-01-01T00:00:00Z"),
                body: "b".into(),
            }],
        }));
        let line = serde_json::to_string(&article).unwrap();
        assert!(!line.contains('\n'), "one record, one line");
        assert!(
            line.starts_with(r#"{"type":"article","slug":"a","#),
            "{line}"
        );
        assert!(line.contains(r#""subtitle":null"#), "{line}");
        assert!(
            line.contains(
                r#""previousSlugs":[{"slug":"b","retiredAt":"2026-01-01T12:00:00.000000Z"}]"#
            ),
            "{line}"
        );
        assert!(
            line.contains(r#""corrections":[{"text":"Fixed a name.","createdBy":null,"#),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), article);
    }
}
