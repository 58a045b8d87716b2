//! Filtered, ordered, keyset-paginated article lists and their counts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::cursor::{Cursor, SortKey};
use quire_domain::{Article, ArticleStatus, AuthorId, DomainError, SourceId, TagId};

use super::visibility::{ArticlePredicate, Visibility, nothing, status_is};
use crate::db::{Db, DbConn};
use crate::error::StoreError;
use crate::page::{Page, PageRequest};
use crate::rows::ArticleRow;
use crate::schema::{article_authors, article_tags, articles, authors, sources, tags};
use crate::time::{naive, utc};

diesel::define_sql_function! {
    /// Lowercases text, for case-insensitive matching on both backends.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Which articles a list holds. Every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFilter {
    /// Effective statuses to keep.
    pub statuses: Option<Vec<ArticleStatus>>,
    /// Tag slugs: articles having any of them.
    pub tags: Option<Vec<String>>,
    /// Author slug.
    pub author: Option<String>,
    /// Source slug.
    pub source: Option<String>,
    /// Articles by this author (for `Author.articles`).
    pub author_id: Option<AuthorId>,
    /// Articles from this source (for `Source.articles`).
    pub source_id: Option<SourceId>,
    /// Articles with this tag (for `Tag.articles`).
    pub tag_id: Option<TagId>,
    /// Published at or after this instant.
    pub published_after: Option<DateTime<Utc>>,
    /// Published before this instant.
    pub published_before: Option<DateTime<Utc>>,
    /// Words that must appear in the title, excerpt or body.
    pub search: Option<String>,
}

/// How a list is ordered; each ordering has its own cursors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleOrder {
    /// Newest first.
    PublishedAtDesc,
    /// Oldest first.
    PublishedAtAsc,
    /// Most recently changed first.
    UpdatedAtDesc,
    /// Alphabetical by title.
    TitleAsc,
}

impl ArticleOrder {
    /// The name cursors carry, so a cursor of one ordering is refused by another.
    pub fn name(self) -> &'static str {
        match self {
            ArticleOrder::PublishedAtDesc => "PUBLISHED_AT_DESC",
            ArticleOrder::PublishedAtAsc => "PUBLISHED_AT_ASC",
            ArticleOrder::UpdatedAtDesc => "UPDATED_AT_DESC",
            ArticleOrder::TitleAsc => "TITLE_ASC",
        }
    }

    fn ascending(self) -> bool {
        matches!(self, ArticleOrder::PublishedAtAsc | ArticleOrder::TitleAsc)
    }

    fn cursor_of(self, row: &ArticleRow) -> Cursor {
        let key = match self {
            ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc => {
                SortKey::Time(utc(row.sort_at))
            }
            ArticleOrder::UpdatedAtDesc => SortKey::Time(utc(row.updated_at)),
            ArticleOrder::TitleAsc => SortKey::Text(row.title.clone()),
        };
        Cursor {
            ordering: self.name().to_owned(),
            key,
            id: row.id,
        }
    }
}

type BoxedArticles<'a> = articles::BoxedQuery<'a, Db>;

/// Articles matching `filter` that the viewer may see.
fn filtered<'a>(
    filter: &ArticleFilter,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> BoxedArticles<'a> {
    let mut query = articles::table.into_boxed().filter(visibility.predicate());
    if let Some(statuses) = &filter.statuses {
        let any = statuses.iter().fold(nothing(), |acc, s| {
            Box::new(acc.or(status_is(*s, now))) as ArticlePredicate
        });
        query = query.filter(any);
    }
    if let Some(slugs) = &filter.tags {
        let tagged = article_tags::table
            .inner_join(tags::table)
            .filter(tags::slug.eq_any(slugs.clone()))
            .select(article_tags::article_id);
        query = query.filter(articles::id.eq_any(tagged));
    }
    if let Some(slug) = &filter.author {
        let by = article_authors::table
            .inner_join(authors::table)
            .filter(authors::slug.eq(slug.clone()))
            .select(article_authors::article_id);
        query = query.filter(articles::id.eq_any(by));
    }
    if let Some(slug) = &filter.source {
        let from = sources::table
            .filter(sources::slug.eq(slug.clone()))
            .select(sources::id.nullable());
        query = query.filter(articles::source_id.eq_any(from));
    }
    if let Some(author) = filter.author_id {
        let by = article_authors::table
            .filter(article_authors::author_id.eq(author.0))
            .select(article_authors::article_id);
        query = query.filter(articles::id.eq_any(by));
    }
    if let Some(source) = filter.source_id {
        query = query.filter(articles::source_id.eq(source.0));
    }
    if let Some(tag) = filter.tag_id {
        let tagged = article_tags::table
            .filter(article_tags::tag_id.eq(tag.0))
            .select(article_tags::article_id);
        query = query.filter(articles::id.eq_any(tagged));
    }
    if let Some(after) = filter.published_after {
        query = query.filter(articles::published_at.ge(naive(after)));
    }
    if let Some(before) = filter.published_before {
        query = query.filter(articles::published_at.lt(naive(before)));
    }
    if let Some(search) = &filter.search {
        for word in search.split_whitespace().take(8) {
            let pattern = format!("%{}%", escape_like(&word.to_lowercase()));
            query = query.filter(
                lower(articles::title)
                    .like(pattern.clone())
                    .escape('\\')
                    .or(lower(articles::excerpt).like(pattern.clone()).escape('\\'))
                    .or(lower(articles::body).like(pattern).escape('\\')),
            );
        }
    }
    query
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// How many visible articles match `filter`.
pub fn count(
    conn: &mut DbConn,
    filter: &ArticleFilter,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(filtered(filter, visibility, now).count().get_result(conn)?)
}

/// Keeps rows strictly beyond `cursor` in the direction of travel.
macro_rules! beyond {
    ($query:expr, $column:expr, $key:expr, $id:expr, $ascending:expr) => {
        if $ascending {
            $query.filter(
                $column
                    .gt($key.clone())
                    .or($column.eq($key).and(articles::id.gt($id))),
            )
        } else {
            $query.filter(
                $column
                    .lt($key.clone())
                    .or($column.eq($key).and(articles::id.lt($id))),
            )
        }
    };
}

fn time_key(cursor: &Cursor, field: &'static str) -> Result<chrono::NaiveDateTime, StoreError> {
    match &cursor.key {
        SortKey::Time(at) => Ok(naive(*at)),
        SortKey::Text(_) => Err(bad_cursor(field)),
    }
}

fn text_key(cursor: &Cursor, field: &'static str) -> Result<String, StoreError> {
    match &cursor.key {
        SortKey::Text(text) => Ok(text.clone()),
        SortKey::Time(_) => Err(bad_cursor(field)),
    }
}

fn bad_cursor(field: &'static str) -> StoreError {
    StoreError::Domain(DomainError::invalid(
        field,
        quire_domain::cursor::InvalidCursor.to_string(),
    ))
}

/// Applies one cursor bound; `ascending` is the direction rows are read in.
fn bound<'a>(
    query: BoxedArticles<'a>,
    order: ArticleOrder,
    cursor: &Cursor,
    ascending: bool,
    field: &'static str,
) -> Result<BoxedArticles<'a>, StoreError> {
    let id = cursor.id;
    Ok(match order {
        ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc => {
            let key = time_key(cursor, field)?;
            beyond!(query, articles::sort_at, key, id, ascending)
        }
        ArticleOrder::UpdatedAtDesc => {
            let key = time_key(cursor, field)?;
            beyond!(query, articles::updated_at, key, id, ascending)
        }
        ArticleOrder::TitleAsc => {
            let key = text_key(cursor, field)?;
            beyond!(query, articles::title, key, id, ascending)
        }
    })
}

fn ordered(query: BoxedArticles<'_>, order: ArticleOrder, ascending: bool) -> BoxedArticles<'_> {
    match (order, ascending) {
        (ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc, true) => {
            query.order_by((articles::sort_at.asc(), articles::id.asc()))
        }
        (ArticleOrder::PublishedAtDesc | ArticleOrder::PublishedAtAsc, false) => {
            query.order_by((articles::sort_at.desc(), articles::id.desc()))
        }
        (ArticleOrder::UpdatedAtDesc, true) => {
            query.order_by((articles::updated_at.asc(), articles::id.asc()))
        }
        (ArticleOrder::UpdatedAtDesc, false) => {
            query.order_by((articles::updated_at.desc(), articles::id.desc()))
        }
        (ArticleOrder::TitleAsc, true) => {
            query.order_by((articles::title.asc(), articles::id.asc()))
        }
        (ArticleOrder::TitleAsc, false) => {
            query.order_by((articles::title.desc(), articles::id.desc()))
        }
    }
}

/// One page of visible articles matching `filter`, in `order`.
pub fn list(
    conn: &mut DbConn,
    filter: &ArticleFilter,
    order: ArticleOrder,
    page: &PageRequest,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<Page<Article>, StoreError> {
    // Paging from the end reads the list backwards, then `Page::assemble` restores its order.
    let reading_ascending = order.ascending() != page.from_end;
    let mut query = filtered(filter, visibility, now);
    if let Some(after) = &page.after {
        query = bound(query, order, after, order.ascending(), "after")?;
    }
    if let Some(before) = &page.before {
        query = bound(query, order, before, !order.ascending(), "before")?;
    }
    let limit = i64::try_from(page.limit + 1).unwrap_or(i64::MAX);
    let rows: Vec<ArticleRow> = ordered(query, order, reading_ascending)
        .select(ArticleRow::as_select())
        .limit(limit)
        .load(conn)?;
    let page = Page::assemble(page, rows, |row| order.cursor_of(row));
    let items = page
        .items
        .into_iter()
        .map(|(cursor, row)| Article::try_from(row).map(|a| (cursor, a)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        has_next: page.has_next,
        has_previous: page.has_previous,
    })
}
