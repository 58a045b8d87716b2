//! An article's byline, tags, source, "also read" list, corrections and body, read for a whole
//! page of articles on the connection already in hand: one statement per relation, however long
//! the page, so a page of twenty costs what a page of one does.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use quire_domain::{
    Article, ArticleId, ArticleText, Author, Correction, RelatedLimit, Source, SourceId, Tag,
};
use quire_persistence::store::articles::{self, Visibility, corrections};
use quire_persistence::store::sources;
use quire_persistence::{DbConn, StoreError};

use super::shapes::{ArticleJson, ArticleSummaryJson};
use crate::http::reader::Reader;

/// The relations of some articles, ready to be shaped.
#[derive(Debug, Default)]
pub struct Relations {
    texts: HashMap<ArticleId, ArticleText>,
    authors: HashMap<ArticleId, Vec<Author>>,
    tags: HashMap<ArticleId, Vec<Tag>>,
    sources: HashMap<SourceId, Source>,
    related: HashMap<ArticleId, Vec<Article>>,
    corrections: HashMap<ArticleId, Vec<Correction>>,
}

impl Relations {
    /// Reads the relations of `articles`. Related articles are what GraphQL's `related` gives
    /// at its default size: the editors' choices `visibility` lets the viewer see, then
    /// similar articles live at `now`, [`RelatedLimit::DEFAULT`] in all. Bodies already read
    /// with an article are not read again.
    pub fn read<'a>(
        conn: &mut DbConn,
        articles: impl IntoIterator<Item = &'a Article>,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let mut ids = Vec::new();
        let mut bodiless = Vec::new();
        let mut source_ids = Vec::new();
        for article in articles {
            ids.push(article.id);
            if article.text.is_none() {
                bodiless.push(article.id);
            }
            source_ids.extend(article.source_id);
        }
        if ids.is_empty() {
            return Ok(Self::default());
        }
        source_ids.sort_unstable();
        source_ids.dedup();
        Ok(Self {
            texts: if bodiless.is_empty() {
                HashMap::new()
            } else {
                articles::texts_of(conn, &bodiless)?
            },
            authors: articles::authors_of(conn, &ids)?,
            tags: articles::tags_of(conn, &ids)?,
            sources: if source_ids.is_empty() {
                HashMap::new()
            } else {
                sources::by_ids(conn, &source_ids)?
            },
            related: articles::related_of(conn, &ids, RelatedLimit::DEFAULT, visibility, now)?,
            corrections: corrections::for_articles(conn, &ids)?,
        })
    }

    /// The article as the API shows it, taking its relations out of the set.
    pub fn shape(&mut self, article: Article, reader: &Reader) -> ArticleJson {
        let text = article
            .text
            .clone()
            .or_else(|| self.texts.remove(&article.id))
            .unwrap_or(ArticleText {
                body: String::new(),
                body_html: String::new(),
            });
        let source = article
            .source_id
            .and_then(|id| self.sources.get(&id).cloned());
        let canonical_url = article.effective_canonical_url().map(str::to_owned);
        ArticleJson {
            id: article.id.to_string(),
            status: article.effective_status(reader.now).into(),
            reading_time_minutes: article.reading_time_minutes(),
            authors: self
                .authors
                .remove(&article.id)
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            tags: self
                .tags
                .remove(&article.id)
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            source: source.map(Into::into),
            related: self
                .related
                .remove(&article.id)
                .unwrap_or_default()
                .iter()
                .map(ArticleSummaryJson::from)
                .collect(),
            corrections: self
                .corrections
                .remove(&article.id)
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            body: text.body,
            body_html: text.body_html,
            slug: article.slug,
            title: article.title,
            subtitle: article.subtitle,
            excerpt: article.excerpt,
            published_at: article.published_at,
            created_at: article.created_at,
            updated_at: article.updated_at,
            version: article.version,
            word_count: article.word_count,
            canonical_url,
            source_url: article.source_url,
        }
    }
}
