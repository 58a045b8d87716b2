//! The articles a feed carries, read with everything the writers need (bodies, bylines, tags,
//! sources) in one trip to the database and a fixed number of statements, however many items.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use quire_domain::attribution::source_credit_html;
use quire_domain::{Article, Author, Source, Tag};
use quire_persistence::page::PageRequest;
use quire_persistence::store::articles::{self, ArticleFilter, ArticleOrder, Visibility};
use quire_persistence::store::{authors, sources, tags};
use quire_persistence::{DbConn, Store, StoreError};

/// Items in one feed: the newest, as feed readers poll often and keep what they saw.
pub const FEED_ITEMS: usize = 50;

/// Which articles a feed asks for, by the slug in its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// Every article.
    All,
    /// Articles with this tag.
    Tag(String),
    /// Articles by this author.
    Author(String),
    /// Articles from this source.
    Source(String),
}

/// What a feed is about, once found.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Every article.
    All,
    /// One tag's articles.
    Tag(Tag),
    /// One author's articles.
    Author(Author),
    /// One source's articles.
    Source(Source),
}

/// One article as feeds carry it.
#[derive(Debug, Clone)]
pub struct FeedItem {
    /// The article, without its body.
    pub article: Article,
    /// Its sanitised HTML body.
    pub body_html: String,
    /// Its byline, lead author first.
    pub authors: Vec<Author>,
    /// Its tags.
    pub tags: Vec<Tag>,
    /// The publication it came from.
    pub source: Option<Source>,
}

impl FeedItem {
    /// When the article went live; for an unpublished one an editor may see, its creation.
    pub fn published_at(&self) -> DateTime<Utc> {
        self.article.published_at.unwrap_or(self.article.created_at)
    }

    /// The body, followed by the source's credit when there is a source: syndication
    /// agreements ask for the credit wherever the article appears.
    pub fn content_html(&self) -> String {
        match &self.source {
            Some(source) => {
                let credit = source_credit_html(source, self.article.source_url.as_deref());
                format!("{}\n{credit}", self.body_html)
            }
            None => self.body_html.clone(),
        }
    }
}

/// A feed's subject and its newest articles.
#[derive(Debug, Clone)]
pub struct FeedItems {
    /// What the feed is about.
    pub scope: Scope,
    /// Newest first.
    pub items: Vec<FeedItem>,
}

impl FeedItems {
    /// Reads the feed of `subject` as `visibility` allows; `None` when its tag, author or
    /// source does not exist.
    pub async fn read(
        store: &Store,
        subject: Subject,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> Result<Option<Self>, StoreError> {
        store
            .read(move |conn| {
                let Some((scope, filter)) = resolve(conn, subject)? else {
                    return Ok(None);
                };
                let items = newest(conn, &filter, visibility, now)?;
                Ok(Some(FeedItems { scope, items }))
            })
            .await
    }

    /// The newest change among the items: when the feed last changed.
    pub fn last_modified(&self) -> Option<DateTime<Utc>> {
        self.items.iter().map(|i| i.article.updated_at).max()
    }
}

/// The subject's scope and the filter for its articles, or `None` when it does not exist.
fn resolve(
    conn: &mut DbConn,
    subject: Subject,
) -> Result<Option<(Scope, ArticleFilter)>, StoreError> {
    Ok(match subject {
        Subject::All => Some((Scope::All, ArticleFilter::default())),
        Subject::Tag(slug) => tags::by_slug(conn, &slug)?.map(|tag| {
            let filter = ArticleFilter {
                tag_id: Some(tag.id),
                ..ArticleFilter::default()
            };
            (Scope::Tag(tag), filter)
        }),
        Subject::Author(slug) => authors::by_slug(conn, &slug)?.map(|author| {
            let filter = ArticleFilter {
                author_id: Some(author.id),
                ..ArticleFilter::default()
            };
            (Scope::Author(author), filter)
        }),
        Subject::Source(slug) => sources::by_slug(conn, &slug)?.map(|source| {
            let filter = ArticleFilter {
                source_id: Some(source.id),
                ..ArticleFilter::default()
            };
            (Scope::Source(source), filter)
        }),
    })
}

/// The newest visible articles matching `filter` with their bodies and relations: five
/// statements whatever the number of items.
fn newest(
    conn: &mut DbConn,
    filter: &ArticleFilter,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<Vec<FeedItem>, StoreError> {
    let request = PageRequest {
        limit: FEED_ITEMS,
        after: None,
        before: None,
        from_end: false,
    };
    let page = articles::list(
        conn,
        filter,
        ArticleOrder::PublishedAtDesc,
        &request,
        visibility,
        now,
    )?;
    let listed: Vec<Article> = page.items.into_iter().map(|(_, a)| a).collect();
    if listed.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<_> = listed.iter().map(|a| a.id).collect();
    let mut source_ids: Vec<_> = listed.iter().filter_map(|a| a.source_id).collect();
    source_ids.sort_unstable();
    source_ids.dedup();
    let mut texts = articles::texts_of(conn, &ids)?;
    let mut bylines = articles::authors_of(conn, &ids)?;
    let mut labels = articles::tags_of(conn, &ids)?;
    let found_sources = if source_ids.is_empty() {
        HashMap::new()
    } else {
        sources::by_ids(conn, &source_ids)?
    };
    Ok(listed
        .into_iter()
        .map(|article| FeedItem {
            body_html: texts
                .remove(&article.id)
                .map(|t| t.body_html)
                .unwrap_or_default(),
            authors: bylines.remove(&article.id).unwrap_or_default(),
            tags: labels.remove(&article.id).unwrap_or_default(),
            source: article
                .source_id
                .and_then(|id| found_sources.get(&id).cloned()),
            article,
        })
        .collect())
}
