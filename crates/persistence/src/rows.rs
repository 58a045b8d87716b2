//! Diesel row structs and their conversion to domain types at the store boundary.

use diesel::prelude::*;
use quire_domain::{
    Article, ArticleId, ArticleStatus, ArticleText, Author, AuthorId, Role, Source, SourceId, Tag,
    TagId, User, UserId,
};

use crate::error::StoreError;
use crate::schema::{articles, authors, sources, tags, users};
use crate::time::utc;

/// An `articles` row without the body, which only single-article reads load.
#[derive(Debug, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = articles)]
pub struct ArticleRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub excerpt: String,
    pub excerpt_is_custom: bool,
    pub word_count: i32,
    pub status: String,
    pub published_at: Option<chrono::NaiveDateTime>,
    pub sort_at: chrono::NaiveDateTime,
    pub source_id: Option<i64>,
    pub source_url: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub version: i32,
    pub canonical_url: Option<String>,
    pub rights_expire_at: Option<chrono::NaiveDateTime>,
    pub trashed_at: Option<chrono::NaiveDateTime>,
}

impl TryFrom<ArticleRow> for Article {
    type Error = StoreError;

    fn try_from(row: ArticleRow) -> Result<Self, StoreError> {
        let status: ArticleStatus = row
            .status
            .parse()
            .map_err(|e: quire_domain::status::UnknownStatus| StoreError::Corrupt(e.to_string()))?;
        Ok(Article {
            id: ArticleId(row.id),
            slug: row.slug,
            title: row.title,
            subtitle: row.subtitle,
            excerpt: row.excerpt,
            excerpt_is_custom: row.excerpt_is_custom,
            text: None,
            word_count: u32::try_from(row.word_count).unwrap_or(0),
            status,
            published_at: row.published_at.map(utc),
            source_id: row.source_id.map(SourceId),
            source_url: row.source_url,
            created_by: row.created_by.map(UserId),
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
            version: row.version,
            canonical_url: row.canonical_url,
            rights_expire_at: row.rights_expire_at.map(utc),
            trashed_at: row.trashed_at.map(utc),
        })
    }
}

/// The body columns of an `articles` row.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = articles)]
pub struct ArticleTextRow {
    pub body: String,
    pub body_html: String,
}

impl From<ArticleTextRow> for ArticleText {
    fn from(row: ArticleTextRow) -> Self {
        ArticleText {
            body: row.body,
            body_html: row.body_html,
        }
    }
}

/// An `authors` row.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = authors)]
pub struct AuthorRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub bio: Option<String>,
    pub avatar_url: Option<String>,
    pub url: Option<String>,
    pub user_id: Option<i64>,
}

impl From<AuthorRow> for Author {
    fn from(row: AuthorRow) -> Self {
        Author {
            id: AuthorId(row.id),
            slug: row.slug,
            name: row.name,
            bio: row.bio,
            avatar_url: row.avatar_url,
            url: row.url,
            user_id: row.user_id.map(UserId),
        }
    }
}

/// A `sources` row.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = sources)]
pub struct SourceRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub url: Option<String>,
    pub country: Option<String>,
    pub license: Option<String>,
    pub attribution_text: Option<String>,
}

impl From<SourceRow> for Source {
    fn from(row: SourceRow) -> Self {
        Source {
            id: SourceId(row.id),
            slug: row.slug,
            name: row.name,
            url: row.url,
            country: row.country,
            license: row.license,
            attribution_text: row.attribution_text,
        }
    }
}

/// A `tags` row.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = tags)]
pub struct TagRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
}

impl From<TagRow> for Tag {
    fn from(row: TagRow) -> Self {
        Tag {
            id: TagId(row.id),
            slug: row.slug,
            name: row.name,
            description: row.description,
        }
    }
}

/// A `users` row without its password hash, which only sign-in reads.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;

    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        let role: Role = row
            .role
            .parse()
            .map_err(|e: quire_domain::role::UnknownRole| StoreError::Corrupt(e.to_string()))?;
        Ok(User {
            id: UserId(row.id),
            email: row.email,
            name: row.name,
            role,
        })
    }
}
