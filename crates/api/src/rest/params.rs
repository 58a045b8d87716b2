//! The query-string and path parameters of the routes, checked by the rules GraphQL arguments
//! follow: texts without control characters and within their length limits, pages of 1 to 100,
//! cursors this server issued for the same list. A parameter the route does not take, or one
//! given twice, is refused rather than ignored, so a misspelt filter never silently widens a list.

use chrono::{DateTime, Utc};
use quire_domain::cursor::Cursor;
use quire_domain::search::{SearchLanguage, SearchQuery};
use quire_domain::slug;
use quire_domain::validation::{ArgumentCheck, MAX_SEARCH};
use quire_persistence::PageRequest;
use quire_persistence::store::articles::ArticleFilter;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use super::error::RestError;
use crate::error::ApiError;

/// The page size when `limit` is absent.
pub const DEFAULT_LIMIT: usize = 20;
/// The largest page, as in GraphQL.
pub const MAX_LIMIT: usize = 100;

/// Reads the query string into `T`, refusing unknown and repeated parameters.
pub fn query<T: DeserializeOwned>(query_string: &str) -> Result<T, RestError> {
    actix_web::web::Query::<T>::from_query(query_string)
        .map(actix_web::web::Query::into_inner)
        .map_err(|error| {
            let why = match error {
                actix_web::error::QueryPayloadError::Deserialize(e) => e.to_string(),
                other => other.to_string(),
            }
            .replace("field", "parameter");
            let named = ["unknown parameter `", "duplicate parameter `"]
                .iter()
                .find_map(|start| why.split_once(start))
                .and_then(|(_, rest)| rest.split_once('`'))
                .map(|(name, _)| name.to_owned());
            let field = named.as_deref().unwrap_or("query");
            ApiError::bad_input(field, format!("the query string is refused: {why}")).into()
        })
}

/// Refuses any query string: single items take no parameters, and a stray one is more likely
/// a mistake than something to ignore.
pub fn none(query_string: &str) -> Result<(), RestError> {
    if query_string.is_empty() {
        Ok(())
    } else {
        Err(ApiError::bad_input(
            "query",
            format!("this route takes no parameters, got `{query_string}`"),
        )
        .into())
    }
}

/// Paging through a list: `limit` and `cursor`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page, 1 to 100.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// The `nextCursor` of the previous page, as it was received.
    pub cursor: Option<String>,
}

impl PageParams {
    /// The page request for a list whose cursors carry `ordering`.
    pub fn request(&self, ordering: &str) -> Result<PageRequest, RestError> {
        let limit = match &self.limit {
            None => DEFAULT_LIMIT,
            Some(text) => text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_input(
                        "limit",
                        format!("must be a whole number from 1 to {MAX_LIMIT}, got `{text}`"),
                    )
                })?,
        };
        let after = self
            .cursor
            .as_deref()
            .map(|text| Cursor::decode(text, ordering))
            .transpose()
            .map_err(|_| {
                ApiError::bad_input(
                    "cursor",
                    "is not a cursor of this list; pass back a nextCursor you received",
                )
            })?;
        Ok(PageRequest {
            limit,
            after,
            before: None,
            from_end: false,
        })
    }
}

/// Which articles `/api/articles` lists; every filter given must hold.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ArticleListParams {
    /// Items per page, 1 to 100.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// The `nextCursor` of the previous page, as it was received.
    pub cursor: Option<String>,
    /// Only articles with the tag of this slug.
    #[param(
        max_length = 96,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub tag: Option<String>,
    /// Only articles credited to the author of this slug.
    #[param(
        max_length = 96,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub author: Option<String>,
    /// Only articles from the source of this slug.
    #[param(
        max_length = 96,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub source: Option<String>,
    /// Words that must all appear in the title, excerpt or body, in any form of the word;
    /// `"quoted words"` must appear together, `crane*` finds the words that begin with `crane`;
    /// blank means no search.
    #[param(
        max_length = 500,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub q: Option<String>,
    /// Only articles published at or after this instant (RFC 3339).
    #[param(value_type = Option<DateTime<Utc>>)]
    pub published_after: Option<String>,
    /// Only articles published before this instant (RFC 3339).
    #[param(value_type = Option<DateTime<Utc>>)]
    pub published_before: Option<String>,
}

impl ArticleListParams {
    /// The paging part.
    pub fn page(&self) -> PageParams {
        PageParams {
            limit: self.limit.clone(),
            cursor: self.cursor.clone(),
        }
    }

    /// The filter, once every text passes the rules GraphQL's filter follows.
    pub fn filter(self, language: SearchLanguage) -> Result<ArticleFilter, RestError> {
        let mut check = ArgumentCheck::default();
        for (field, value) in [
            ("tag", &self.tag),
            ("author", &self.author),
            ("source", &self.source),
        ] {
            if let Some(value) = value {
                check = check.text(field, value, slug::MAX_LEN);
            }
        }
        if let Some(q) = &self.q {
            check = check.text("q", q, MAX_SEARCH);
        }
        check.finish()?;
        Ok(ArticleFilter {
            tags: self.tag.map(|tag| vec![tag]),
            author: self.author,
            source: self.source,
            published_after: instant("publishedAfter", self.published_after.as_deref())?,
            published_before: instant("publishedBefore", self.published_before.as_deref())?,
            search: self
                .q
                .filter(|q| !q.trim().is_empty())
                .map(|q| SearchQuery::parse(&q, language)),
            ..ArticleFilter::default()
        })
    }
}

/// An RFC 3339 instant, as GraphQL's `DateTime` reads it.
fn instant(field: &str, text: Option<&str>) -> Result<Option<DateTime<Utc>>, RestError> {
    text.map(|text| {
        DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| {
                ApiError::bad_input(
                    field,
                    format!(
                        "must be an RFC 3339 instant such as 2026-01-31T09:00:00Z, got `{text}`"
                    ),
                )
                .into()
            })
    })
    .transpose()
}

/// The slug in a single item's path. Text patterns allow no control characters but tab, line
/// feed and carriage return, as `quire_domain::validation::is_forbidden_control` decides.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SlugPath {
    /// The item's URL name, at most 96 characters.
    #[param(
        min_length = 1,
        max_length = 96,
        pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
    )]
    pub slug: String,
}

impl SlugPath {
    /// The slug of the route's `{slug}` segment.
    pub fn of(req: &actix_web::HttpRequest) -> Self {
        Self {
            slug: req.match_info().get("slug").unwrap_or_default().to_owned(),
        }
    }

    /// The slug, once it passes the rules GraphQL's `slug` argument follows.
    pub fn checked(self) -> Result<String, RestError> {
        ArgumentCheck::default()
            .text("slug", &self.slug, slug::MAX_LEN)
            .finish()?;
        Ok(self.slug)
    }
}
